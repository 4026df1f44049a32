"""The ownership playbook's rules, on hand-built work logs (the parser is tested separately)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.models import (
    Action,
    Commitment,
    Decision,
    DecisionRights,
    Person,
    Status,
    Wait,
    WorkItem,
    WorkLog,
)
from drafter.playbook import (
    bdays_between,
    build_plan,
    check_in_dates,
    fallback_path,
    imperative,
    item_status,
    next_occurrence,
)

AS_OF = dt.date(2026, 11, 25)  # Wed
MON = dt.date(2026, 11, 23)
THU = dt.date(2026, 11, 26)
FRI = dt.date(2026, 11, 27)
NEXT_MON = dt.date(2026, 11, 30)
NEXT_TUE = dt.date(2026, 12, 1)


def board_item(**kw) -> WorkItem:
    base = dict(
        title="Q3 docs",
        outcome="the Q3 docs for the board meeting",
        deadline=NEXT_TUE,
        deadline_label="board meeting",
        actions=[Action(text="emailed Dana at Acme asking for the Q3 docs", on=MON)],
        waits=[Wait(what="Q3 docs from Dana", on_whom="Dana", kind="no_reply", since=MON)],
        people=["Dana"],
    )
    base.update(kw)
    return WorkItem(**base)


def log_of(*items: WorkItem, people=None) -> WorkLog:
    return WorkLog(
        as_of=AS_OF,
        items=list(items),
        people=people if people is not None else [Person(name="Dana", org="Acme"), Person(name="Sam")],
    )


# -- item status -----------------------------------------------------------------------------


def test_wait_near_deadline_is_at_risk_with_flag_naming_the_deadline():
    plan = build_plan(log_of(board_item()))
    ip = plan.items[0]
    assert ip.status == Status.AT_RISK
    assert "Dana" in ip.reason
    assert plan.overall == Status.AT_RISK
    [risk] = ip.risks
    assert "Dana" in risk.signal
    assert risk.threatens == "board meeting"
    assert risk.deadline == NEXT_TUE
    assert risk.days_left == (NEXT_TUE - AS_OF).days
    assert plan.risks == ip.risks


def test_wait_far_from_deadline_is_on_track_but_still_gets_fallback_and_risk():
    far = dt.date(2026, 12, 18)
    plan = build_plan(log_of(board_item(deadline=far, waits=[Wait(what="Q3 docs", on_whom="Dana", kind="waiting", since=AS_OF)])))
    ip = plan.items[0]
    assert ip.status == Status.ON_TRACK
    [fb] = ip.fallbacks
    assert fb.path == "follow_up"
    assert AS_OF <= fb.by < far
    assert ip.risks and ip.risks[0].deadline == far


def test_missed_own_commitment_is_off_track_with_new_date_before_deadline():
    item = board_item(commitments=[Commitment(what="send the draft to Lee", due=MON, for_whom="Lee")], waits=[])
    plan = build_plan(log_of(item))
    ip = plan.items[0]
    assert ip.status == Status.OFF_TRACK
    assert "was due Mon 23 Nov" in ip.reason
    [cs] = ip.commitments
    assert cs.state == "missed"
    assert cs.new_date is not None and AS_OF <= cs.new_date < NEXT_TUE
    assert ip.next_step.action.startswith("send the draft")
    assert ip.next_step.due == cs.new_date


def test_missed_commitment_with_no_room_before_deadline_asks_for_approval():
    # the deadline is today: no new date can land before it
    item = board_item(deadline=AS_OF, waits=[], commitments=[Commitment(what="deliver the slides", due=MON)])
    plan = build_plan(log_of(item))
    [cs] = plan.items[0].commitments
    assert cs.state == "missed" and cs.new_date is None
    assert cs.ask and "approve" in cs.ask
    assert any(a.who == "you" and "approve" in a.what and a.by >= AS_OF for a in plan.asks)
    assert plan.overall == Status.OFF_TRACK


def test_someone_elses_late_commitment_gets_ask_and_fallback():
    item = board_item(waits=[], commitments=[Commitment(what="send the budget figures", owner="Sam", due=MON)])
    plan = build_plan(log_of(item))
    ip = plan.items[0]
    [cs] = ip.commitments
    assert cs.state == "missed" and cs.owner == "Sam"
    assert cs.ask and "Sam" in cs.ask
    assert any("Sam" in fb.trigger for fb in ip.fallbacks)
    assert "Sam" in ip.next_step.action
    assert ip.status == Status.OFF_TRACK


def test_deadline_passed_with_work_open_is_off_track():
    item = board_item(deadline=MON, waits=[])
    status, reason = item_status(item, AS_OF)
    assert status == Status.OFF_TRACK
    assert "passed" in reason


def test_blocker_is_blocked_with_help_ask_and_fallback():
    item = board_item(waits=[Wait(what="VPN access for the data room", on_whom="IT", kind="blocked", since=MON)])
    plan = build_plan(log_of(item))
    ip = plan.items[0]
    assert ip.status == Status.BLOCKED
    assert any(a.who == "you" and "unblock" in a.what for a in ip.asks)
    assert ip.fallbacks and AS_OF <= ip.fallbacks[0].by < NEXT_TUE
    assert "IT" in ip.next_step.action


def test_risk_cue_makes_item_at_risk():
    item = board_item(waits=[], risks=["printer vendor might not make it"])
    status, reason = item_status(item, AS_OF)
    assert status == Status.AT_RISK and "might not make it" in reason


def test_done_item_has_no_next_step_and_done_state():
    item = board_item(waits=[], done=True, commitments=[Commitment(what="send the pack", due=MON)])
    plan = build_plan(log_of(item))
    ip = plan.items[0]
    assert ip.status == Status.DONE and ip.next_step is None
    assert ip.commitments[0].state == "done"
    assert plan.overall == Status.DONE


def test_all_commitments_done_means_done():
    item = WorkItem(title="launch email", commitments=[Commitment(what="send launch email", due=MON, state="done")])
    assert item_status(item, AS_OF)[0] == Status.DONE


# -- overall: no watermelon -------------------------------------------------------------------


def test_overall_is_the_worst_and_names_it():
    good = WorkItem(title="newsletter", commitments=[Commitment(what="draft newsletter", due=NEXT_MON)])
    late = WorkItem(title="budget slides", commitments=[Commitment(what="finish budget slides", due=MON)])
    plan = build_plan(log_of(good, board_item(), late))
    assert [ip.status for ip in plan.items] == [Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK]
    assert plan.overall == Status.OFF_TRACK
    assert plan.overall_reason.startswith("budget slides")


# -- next steps and fallbacks -----------------------------------------------------------------


def test_next_step_is_specific_and_dated():
    plan = build_plan(log_of(board_item()))
    step = plan.items[0].next_step
    assert step.owner == "I"
    assert "Dana" in step.action and "Acme" in step.action and "Q3 docs" in step.action
    assert step.due == AS_OF  # waited since Monday: chase today


def test_fallback_for_waits_matches_canonical_shape():
    plan = build_plan(log_of(board_item()))
    [fb] = plan.items[0].fallbacks
    assert fb.trigger == "no reply from Dana"
    assert fb.by == THU
    assert fb.path == "call"
    assert "Acme" in fb.action and "board meeting" in fb.action


@pytest.mark.parametrize(
    ("since", "deadline", "expected"),
    [
        (AS_OF, dt.date(2026, 12, 18), "follow_up"),  # just asked, lots of time
        (MON, dt.date(2026, 12, 18), "call"),  # two business days of silence
        (AS_OF, NEXT_TUE, "call"),  # deadline within a week
        (AS_OF, NEXT_MON, "alternate_contact"),  # three business days left
        (dt.date(2026, 11, 16), dt.date(2026, 12, 18), "alternate_contact"),  # a week of silence
        (AS_OF, THU, "escalate"),  # deadline tomorrow
        (dt.date(2026, 11, 9), None, "escalate"),  # silent for over two weeks
        (AS_OF, None, "follow_up"),
    ],
)
def test_fallback_path_escalates_with_silence_and_closeness(since, deadline, expected):
    w = Wait(what="the signed contract", on_whom="Dana", kind="waiting", since=since)
    assert fallback_path(w, AS_OF, deadline) == expected


def test_fallback_actions_follow_the_path():
    items = [
        board_item(title="a", deadline=THU),
        board_item(title="b", deadline=NEXT_MON, waits=[Wait(what="Q3 docs", on_whom="Dana", kind="waiting", since=AS_OF)]),
    ]
    plan = build_plan(log_of(*items))
    esc, alt = plan.items[0].fallbacks[0], plan.items[1].fallbacks[0]
    assert esc.path == "escalate" and "escalate to you" in esc.action and esc.by == AS_OF
    assert alt.path == "alternate_contact" and "another contact" in alt.action and "Acme" in alt.action


def test_next_step_never_lands_on_or_after_the_deadline():
    item = board_item(deadline=THU, waits=[], commitments=[Commitment(what="finish the deck", due=NEXT_MON)])
    plan = build_plan(log_of(item))
    step = plan.items[0].next_step
    assert AS_OF <= step.due < THU


# -- asks and decisions -----------------------------------------------------------------------


def test_decision_needed_gives_ask_and_options_from_the_notes():
    item = WorkItem(
        title="vendor contract renewal",
        deadline=dt.date(2026, 12, 4),
        deadline_label="renewal date",
        decisions=[Decision(question="renew 12 months or go month-to-month?", options=["renew 12 months", "go month-to-month"], who="Sam")],
    )
    plan = build_plan(log_of(item))
    ip = plan.items[0]
    assert ip.status == Status.AT_RISK
    [ask] = ip.asks
    assert ask.who == "Sam" and "renew 12 months" in ask.what and AS_OF <= ask.by < item.deadline
    d = plan.decision
    assert d is not None and d.who == "Sam"
    assert [o.title.lower() for o in d.options] == ["renew 12 months", "go month-to-month"]
    assert all(o.from_notes for o in d.options)
    assert d.recommended in {o.label for o in d.options}
    assert d.default_label == d.recommended
    assert AS_OF <= d.decide_by < item.deadline
    from drafter.engines.options_writer import write_options

    assert "renewal date" in write_options(plan).problem  # the writer words the problem from the facts


def test_decision_without_decider_asks_you():
    item = WorkItem(title="offsite venue", decisions=[Decision(question="book the bigger room?")])
    plan = build_plan(log_of(item))
    assert plan.asks[0].who == "you"
    assert plan.asks[0].what.startswith("decide whether to book")


def test_wait_problem_with_no_alternatives_in_the_notes_invents_no_options():
    """Issue 10: a wait on Dana used to get three canned options (keep chasing / another contact /
    go ahead without); the notes hold no alternative, so the proposal holds none and says what is known."""
    from drafter.engines.options_writer import write_options

    plan = build_plan(log_of(board_item()))
    d = plan.decision
    assert d.options == [] and d.recommended is None and d.default_label is None
    assert d.actions_taken and "emailed Dana" in d.actions_taken[0]
    p = write_options(plan)
    assert p.options == [] and p.recommendation is None
    assert "board meeting" in p.problem and "Dana" in p.problem
    assert "the notes name no alternatives" in p.headline.lower()
    assert any("Dana" in r for r in p.open_risks)


def test_recommendation_follows_which_option_keeps_the_deadline():
    """Options from the notes: the one that keeps the deadline is recommended; with no deadline at stake
    the one within my authority (no spend) is."""
    def decide(deadline):
        item = WorkItem(title="search speed", deadline=deadline, deadline_label="launch" if deadline else None,
                        decisions=[Decision(question="delay the launch to January or cut scope to the MVP?",
                                            options=["delay the launch to January", "cut scope to the MVP"])])
        return build_plan(log_of(item)).decision

    near = decide(THU)
    assert [o.title for o in near.options] == ["Delay the launch to January", "Cut scope to the MVP"]
    assert near.options[0].keeps_deadline is False and near.recommended == "B" and near.ground == "only_keeper"
    assert all(o.upside == "" and o.downside == "" for o in near.options)  # the notes state no trade-offs


# -- delegation -------------------------------------------------------------------------------


def metrics_item(**kw) -> WorkItem:
    base = dict(
        title="weekly metrics report",
        outcome="the leadership team sees the numbers every Monday",
        recurring=True,
        recurrence="every Monday",
        delegate_to="Priya",
        actions=[
            Action(text="pulled numbers from the Looker dashboard"),
            Action(text="updated the KPI sheet"),
            Action(text="emailed the report to Sam"),
        ],
        resources=["Looker dashboard", "KPI sheet"],
        people=["Sam"],
    )
    base.update(kw)
    return WorkItem(**base)


def test_recurring_work_gives_delegation_facts():
    plan = build_plan(log_of(metrics_item(), board_item()))
    dl = plan.delegation
    assert dl.delegate == "Priya" and dl.delegate_source == "notes"
    [task] = dl.tasks
    assert task.item_title == "weekly metrics report"
    assert task.deadline == NEXT_MON  # next Monday's run
    assert AS_OF <= task.deadline <= dl.parent_deadline
    first = task.check_ins[0].on
    assert AS_OF <= first < task.deadline
    assert (first - AS_OF).days * 3 <= (task.deadline - AS_OF).days
    assert all(c.on < task.deadline for c in task.check_ins)
    assert task.decision_rights == DecisionRights.DECIDE_AND_INFORM
    assert task.runbook[:3] == ["pull numbers from the Looker dashboard", "update the KPI sheet", "email the report to Sam"]
    assert "Looker dashboard" in task.resources
    assert "escalate if" in task.escalate_if
    assert dl.runbook_name == "Weekly metrics report runbook"
    # the Q3 docs stay with me, each loop dated
    assert any(loop.startswith("Q3 docs: I keep it") for loop in dl.open_loops)
    assert any("Dana" in loop for loop in dl.open_loops)


def test_delegate_parameter_beats_the_notes():
    plan = build_plan(log_of(metrics_item()), delegate_to="Omar")
    assert plan.delegation.delegate == "Omar" and plan.delegation.delegate_source == "parameter"
    assert plan.delegation.tasks  # recurring work still found


def test_no_delegate_named_leaves_delegate_empty():
    plan = build_plan(log_of(metrics_item(delegate_to=None)))
    assert plan.delegation.delegate is None and plan.delegation.tasks == []


def test_delegation_deadline_never_after_parent_deadline():
    item = board_item(delegate_to="Priya", commitments=[Commitment(what="send the pack", due=dt.date(2026, 12, 10))])
    plan = build_plan(log_of(item))
    [task] = plan.delegation.tasks
    assert task.deadline == NEXT_TUE
    assert task.decision_rights == DecisionRights.RECOMMEND


# -- helpers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pulled numbers from Looker", "pull numbers from Looker"),
        ("emailed the report to Sam", "email the report to Sam"),
        ("sent the deck", "send the deck"),
        ("copied the tab", "copy the tab"),
        ("updated the KPI sheet", "update the KPI sheet"),
        ("planned the agenda", "plan the agenda"),
        ("I checked the totals", "check the totals"),
    ],
)
def test_imperative(text, expected):
    assert imperative(text) == expected


def test_next_occurrence_and_business_days():
    assert next_occurrence("every Monday", AS_OF) == NEXT_MON
    assert next_occurrence("weekly on fri", AS_OF) == FRI
    assert next_occurrence(None, AS_OF) is None
    assert bdays_between(AS_OF, NEXT_TUE) == 4
    assert bdays_between(NEXT_TUE, AS_OF) == -4


def test_check_in_dates_first_third_and_before_deadline():
    for days in range(1, 40):
        deadline = AS_OF + dt.timedelta(days=days)
        dates = check_in_dates(AS_OF, deadline)
        assert all(AS_OF <= d < deadline for d in dates)
        assert (dates[0] - AS_OF).days * 3 <= days


def test_plan_is_deterministic():
    log = log_of(board_item(), metrics_item())
    assert build_plan(log).model_dump() == build_plan(log).model_dump()


# -- properties over random logs --------------------------------------------------------------

_dates = st.dates(min_value=AS_OF - dt.timedelta(days=20), max_value=AS_OF + dt.timedelta(days=30))
_names = st.sampled_from(["Dana", "Sam", "Acme", "IT", "I"])


@st.composite
def random_items(draw):
    deadline = draw(st.none() | _dates)
    waits = draw(
        st.lists(
            st.builds(
                Wait,
                what=st.sampled_from(["the Q3 docs", "reply from Dana", "VPN access", "signed contract"]),
                on_whom=st.none() | _names,
                kind=st.sampled_from(["no_reply", "waiting", "blocked"]),
                since=st.none() | st.dates(min_value=AS_OF - dt.timedelta(days=20), max_value=AS_OF),
            ),
            max_size=3,
        )
    )
    commitments = draw(
        st.lists(
            st.builds(
                Commitment,
                what=st.sampled_from(["send the deck", "budget figures", "finish the report"]),
                owner=_names,
                due=st.none() | _dates,
                state=st.sampled_from(["open", "done", "missed", "dropped"]),
            ),
            max_size=3,
        )
    )
    decisions = draw(st.lists(st.builds(Decision, question=st.just("renew or cancel?")), max_size=1))
    return WorkItem(
        title=draw(st.sampled_from(["Q3 docs", "launch", "budget"])),
        deadline=deadline,
        deadline_label=draw(st.none() | st.just("board meeting")),
        waits=waits,
        commitments=commitments,
        decisions=decisions,
        risks=draw(st.lists(st.just("might not make it"), max_size=1)),
        done=draw(st.booleans()),
        recurring=draw(st.booleans()),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(random_items(), min_size=1, max_size=4))
def test_playbook_invariants(items):
    log = log_of(*items)
    plan = build_plan(log)
    # overall is exactly the worst item (never better)
    assert plan.overall.severity == max(ip.status.severity for ip in plan.items)
    for ip in plan.items:
        item, deadline = ip.item, ip.item.deadline
        overdue = [c for c in item.commitments if c.state == "missed" or (c.state == "open" and c.due and c.due < AS_OF)]
        if ip.status != Status.DONE:
            # U3: a missed promise or an open blocker is never on track
            if overdue:
                assert ip.status == Status.OFF_TRACK
            if any(w.kind == "blocked" for w in item.waits):
                assert ip.status.severity >= Status.BLOCKED.severity
            # U7: next step with owner and date, before the deadline when there is room; or, when the
            # notes give nothing to do next (no wait, blocker, decision or task worded as one), the plan
            # says so (never a step made up from a noun: "deliver the budget figures")
            if ip.next_step is None:
                assert ip.no_next_step
                assert not item.decisions and not any(w.kind == "blocked" or (w.on_whom and w.on_whom != "I") for w in item.waits)
                assert not any(c.state == "open" and c.what != "budget figures" for c in ip.commitments)
            else:
                assert ip.next_step.owner and ip.next_step.action and not ip.no_next_step
                assert ip.next_step.due >= AS_OF
                if deadline and deadline > AS_OF:
                    assert ip.next_step.due < deadline
                assert not ip.next_step.action.startswith("deliver the")
            # U8: every wait on someone else has a fallback, dated in [as_of, deadline)
            external = [w for w in item.waits if w.on_whom and w.on_whom != "I"]
            assert len([f for f in ip.fallbacks if not f.trigger.startswith("no new date")]) >= len(external)
            for fb in ip.fallbacks:
                assert fb.by >= AS_OF
                if deadline and deadline > AS_OF:
                    assert fb.by < deadline
            # U6: each wait and risk cue is flagged with the deadline it threatens
            assert len(ip.risks) >= len(item.waits) + len(item.risks)
            for r in ip.risks:
                assert r.deadline == deadline
        # U5: every missed commitment has a new date or an ask
        for cs in ip.commitments:
            if cs.state == "missed":
                assert cs.new_date is not None or cs.ask
                if cs.new_date:
                    assert cs.new_date >= AS_OF
                    if deadline and deadline > AS_OF:
                        assert cs.new_date < deadline
        for a in ip.asks:
            assert a.by >= AS_OF and a.who
    if plan.decision is not None:  # options only from the notes: none here, so none and no pick
        labels = [o.label for o in plan.decision.options]
        assert labels == [] or 2 <= len(labels) <= 4
        assert plan.decision.recommended is None if not labels else plan.decision.recommended in labels + [None]
        assert all(o.from_notes for o in plan.decision.options)
        assert plan.decision.decide_by >= AS_OF


def test_fallback_names_the_backup_contact_from_the_notes():
    log = log_of(
        board_item(),
        people=[Person(name="Dana", org="Acme"), Person(name="Raj", org="Acme")],
    )
    [fb] = build_plan(log).items[0].fallbacks
    assert fb.path == "call"
    assert "Dana at the Acme office" in fb.action and "Raj at Acme" in fb.action
    # with the deadline three business days away, go straight to the backup contact
    near = log_of(board_item(deadline=NEXT_MON), people=[Person(name="Dana", org="Acme"), Person(name="Raj", org="Acme")])
    [fb] = build_plan(near).items[0].fallbacks
    assert fb.path == "alternate_contact" and fb.action.startswith("contact Raj at Acme")


def test_internal_team_is_not_an_office():
    log = log_of(
        board_item(waits=[Wait(what="review of the copy", on_whom="Hannah", kind="waiting", since=AS_OF)]),
        people=[Person(name="Hannah", org="legal")],
    )
    [fb] = build_plan(log).items[0].fallbacks
    assert "Hannah in legal" in fb.action and "office" not in fb.action


def test_expected_by_date_from_the_other_side_is_respected():
    w = Wait(what="the signed contract", on_whom="Dana", kind="waiting", since=AS_OF, expected_by=FRI)
    far = dt.date(2026, 12, 18)
    [fb] = build_plan(log_of(board_item(deadline=far, waits=[w]))).items[0].fallbacks
    assert fb.by == FRI  # hold Dana to her own date
    late = w.model_copy(update={"expected_by": MON})
    ip = build_plan(log_of(board_item(deadline=far, waits=[late]))).items[0]
    assert ip.status == Status.AT_RISK and "promised" in ip.reason
    assert ip.fallbacks[0].path == "call"  # one rung up: she already missed her date


# -- reading the notes' own lines -------------------------------------------------------------


def handoff_lines_log() -> WorkLog:
    from drafter.models import SourceLine

    texts = [
        "## Weekly metrics report -> hand off to Priya",
        'Every Monday I pull the numbers from the Looker "Weekly KPIs" dashboard and post the summary in #leads by 10:00.',
        "Steps: export the 4 headline numbers, compare with last week, write one line per change over 5%, post, file the export in the shared drive.",
        "Sam knows the data model if numbers look off.",
        "Priya is also covering support rotation this week, so the first run should be Mon 7 Dec.",
        "The quarterly rollup stays with me until 18 Dec.",
    ]
    lines = [SourceLine(number=i + 1, text=t) for i, t in enumerate(texts)]
    item = WorkItem(
        title="Weekly metrics report", recurring=True, recurrence="every Monday", delegate_to="Priya",
        people=["Priya", "Sam"], resources=["#leads", 'Looker "Weekly KPIs" dashboard', "shared drive"],
        lines=list(range(1, 7)),
    )
    return WorkLog(as_of=AS_OF, items=[item], people=[Person(name="Priya"), Person(name="Sam")], lines=lines)


def test_delegation_reads_steps_dates_load_and_kept_loops_from_the_notes():
    from drafter.engines.offline import OfflineEngine
    from drafter.models import DraftOptions

    plan = build_plan(handoff_lines_log())
    [task] = plan.delegation.tasks
    assert task.runbook == [
        'pull the numbers from the Looker "Weekly KPIs" dashboard',
        "export the 4 headline numbers",
        "compare with last week",
        "write one line per change over 5%",
        "post the summary in #leads by 10:00",
        "file the export in the shared drive",
    ]
    assert task.deadline == dt.date(2026, 12, 7)  # "the first run should be Mon 7 Dec"
    assert plan.delegation.shadow_on == task.deadline
    assert "by 10:00" in task.quality_standard  # the notes' own bar, not a generic "same format" line
    assert "same format" not in task.quality_standard
    assert "contact: Sam (knows the data model if numbers look off)" in task.resources
    assert "The quarterly rollup stays with me until 18 Dec" in plan.delegation.open_loops
    dp, _ = OfflineEngine().write("delegate", plan, "", DraftOptions())
    assert "you are also covering support rotation this week" in dp.capacity_note
    assert "Mon 7 Dec" in dp.support


def test_strip_dates_keeps_actions_forward_looking():
    from drafter.playbook import strip_dates

    assert strip_dates("November invoices for Globex were promised for 1 Dec.", AS_OF) == "November invoices for Globex"
    assert strip_dates("approve the PO since 18 Nov", AS_OF, past_only=True) == "approve the PO"
    assert strip_dates("send it by Fri 27 Nov", AS_OF, past_only=True) == "send it by Fri 27 Nov"


def test_named_option_costs_are_quoted_from_the_notes():
    from drafter.playbook import profile_for_named_option

    o = profile_for_named_option("pay Nimbus to finish the last screens: $12k, they say 6 working days", "B")
    assert o.title == "Pay Nimbus to finish the last screens"
    assert "$12k" in o.cost and o.needs_approval and o.keeps_deadline
    late = profile_for_named_option("wait for BrightApps and move launch to 15 Dec", "A")
    assert late.keeps_deadline is False


def test_options_listed_in_the_notes_are_used_when_the_parser_found_none():
    from drafter.models import SourceLine

    texts = [
        "Launch is planned for Tue 8 Dec.",
        "A) wait for BrightApps and move launch to 15 Dec (press release would have to move)",
        "B) pay Nimbus to finish the last screens: $12k, they say 6 working days",
        "C) launch web-only on 8 Dec, iOS follows when ready",
    ]
    item = WorkItem(title="app launch", deadline=dt.date(2026, 12, 8), deadline_label="launch", risks=["BrightApps are late"])
    log = WorkLog(as_of=AS_OF, items=[item], lines=[SourceLine(number=i + 1, text=t) for i, t in enumerate(texts)])
    d = build_plan(log).decision
    assert [o.title for o in d.options] == [
        "Wait for BrightApps and move launch to 15 Dec",
        "Pay Nimbus to finish the last screens",
        "Launch web-only on 8 Dec",
    ]
    assert d.options[0].keeps_deadline is False
    assert d.recommended in {"B", "C"}  # an option that keeps the launch date
    from drafter.engines.options_writer import write_options

    assert "launch" in write_options(build_plan(log)).rationale


def test_decider_and_decision_phrase_from_loose_wording():
    from drafter.playbook import decider, decision_phrase

    d = Decision(question="Need Carla to decide whether we ship B by Mon 7 Dec")
    assert decider(d) == "Carla"
    assert decision_phrase(d.question) == "whether we ship B"
    assert decision_phrase("Open question: who signs off the new returns policy") == "who signs off the new returns policy"
    assert decision_phrase("renew 12 months or go month-to-month?") == "whether to renew 12 months or go month-to-month"


def test_blocker_fallback_is_about_unblocking():
    item = board_item(waits=[Wait(what="Search rewrite: blocked", on_whom="Wen", kind="blocked", since=MON)], deadline=dt.date(2026, 12, 18))
    ip = build_plan(log_of(item, people=[Person(name="Wen", org="infra")])).items[0]
    assert ip.status == Status.BLOCKED
    [fb] = ip.fallbacks
    assert fb.trigger == "still blocked on Search rewrite"
    assert "unblock Search rewrite" in fb.action and "Wen" in fb.action


def test_short_title_cuts_where_a_phrase_ends():
    from drafter.playbook.text import short_title

    t = short_title("Set up Google OSS-Fuzz for ESLint to add continuous fuzzing coverage for parser edge cases", 60)
    assert t == "Set up Google OSS-Fuzz for ESLint"
    t = short_title("Ask every maintainer of a provider to add their provider and key to the registry today", 70)
    assert len(t) <= 70 and not t.endswith((" the", " to", " and", " their"))
    assert t.startswith("Ask every maintainer of a provider to add their provider")


def test_a_blocker_worded_as_a_statement_is_not_glued_after_a_preposition():
    from drafter.playbook.text import embeddable

    assert embeddable("the SSO config from IT") == "the SSO config from IT"
    assert embeddable("All I did was get stuck again & again:P") == ""
    assert embeddable("all is well now") == ""
    assert embeddable("In both weeks") == ""
    assert embeddable("The rationale for waiting was to see the numbers") == ""


def test_first_person_todo_entry_not_worded_as_a_task_is_open_work_not_a_next_step():
    """A to-do list's open entry that is no action ('Three levels, selectable from the menu') is said as open
    work: no 'set the next step', no 'take the next open entry', no 'deliver the ...' (issue 10)."""
    import datetime as dt

    from drafter import Drafter

    notes = "# My game backlog\n\n## Must-haves\n- [x] Game name\n- [ ] Three levels, selectable from the main menu\n"
    d = Drafter(engine="offline").draft("update", notes, as_of=dt.date(2026, 12, 1))
    text = d.render("text")
    assert "set the next step" not in text and "next open entry" not in text and "deliver the" not in text, text
    assert "three levels, selectable from the main menu" in text.lower(), text
