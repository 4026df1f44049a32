"""A hand-built plan and its notes (independent of the parser/playbook, so these tests isolate the engine)."""

from __future__ import annotations

import datetime as dt

from drafter.models import (
    Action,
    Ask,
    CommitmentState,
    DecisionFacts,
    OptionFacts,
    Fallback,
    ItemPlan,
    NextStep,
    Person,
    Plan,
    Risk,
    Status,
    Wait,
    WorkItem,
    WorkLog,
)

AS_OF = dt.date(2026, 11, 25)

NOTES = """\
Q3 docs for the board meeting Tue 1 Dec
- emailed Dana at Acme on Mon 23 Nov for the signed contract, no reply yet
- promised Sam the summary deck by Mon 23 Nov, not done
- weekly metrics report every Monday: hand off to Priya (dashboard at go/metrics)
- if Dana stays silent: ask Raj in finance for the contract, or move the contract item to the January board
"""


def sample_plan(as_of: dt.date = AS_OF) -> Plan:
    board = dt.date(2026, 12, 1)
    docs = WorkItem(
        title="Q3 docs for the board meeting",
        outcome="signed contract and summary deck ready for the board",
        deadline=board,
        deadline_label="board meeting",
        actions=[Action(text="emailed Dana at Acme for the signed contract", on=dt.date(2026, 11, 23), line=2)],
        waits=[Wait(what="signed contract", on_whom="Dana", kind="no_reply", since=dt.date(2026, 11, 23), line=2)],
        people=["Dana", "Sam"],
        lines=[1, 2, 3],
    )
    metrics = WorkItem(
        title="Weekly metrics report",
        recurring=True,
        recurrence="every Monday",
        delegate_to="Priya",
        people=["Priya"],
        resources=["go/metrics"],
        lines=[4],
    )
    log = WorkLog(as_of=as_of, items=[docs, metrics], people=[Person(name="Dana", org="Acme"), Person(name="Sam"), Person(name="Priya")])
    fallback = Fallback(
        trigger="no reply from Dana", by=dt.date(2026, 11, 26), action="call the Acme office and ask for another contact", path="call"
    )
    risk = Risk(signal="no reply from Dana", threatens="board meeting", deadline=board, days_left=6)
    ask = Ask(who="Sam", what="confirm the deck can arrive Fri 27 Nov", by=dt.date(2026, 11, 26))
    return Plan(
        as_of=as_of,
        log=log,
        items=[
            ItemPlan(
                item=docs,
                status=Status.AT_RISK,
                reason="no reply from Dana; deck missed",
                next_step=NextStep(action="chase Dana by phone", owner="I", due=dt.date(2026, 11, 26)),
                fallbacks=[fallback],
                risks=[risk],
                commitments=[
                    CommitmentState(what="summary deck for Sam", owner="I", due=dt.date(2026, 11, 23), state="missed", new_date=dt.date(2026, 11, 27))
                ],
                asks=[ask],
            ),
            ItemPlan(
                item=metrics,
                status=Status.ON_TRACK,
                reason="recurring; hand-off planned",
                next_step=NextStep(action="walk Priya through the report", owner="I", due=dt.date(2026, 11, 30)),
            ),
        ],
        overall=Status.AT_RISK,
        overall_reason="no reply from Dana threatens the board meeting",
        risks=[risk],
        asks=[ask],
        decision=DecisionFacts(
            item_title="Q3 docs for the board meeting",
            question="how to get the signed contract before the board meeting",
            problem="No reply from Dana on the signed contract; the board meeting is Tue 1 Dec.",
            deadline=board,
            deadline_label="board meeting",
            options=[
                OptionFacts(label="A", title="Ask Raj in finance for the contract", summary="ask Raj in finance for the contract",
                            upside="", downside="", cost="", from_notes=True),
                OptionFacts(label="B", title="Move the contract item to the January board", summary="move the contract item to the January board",
                            upside="", downside="", cost="", from_notes=True),
            ],
            recommended=None,
            decide_by=dt.date(2026, 11, 26),
            default_label=None,
        ),
    )


def good_update(as_of: dt.date = AS_OF):
    """A valid StatusUpdate a server might return (used by the scripted fake server)."""
    from drafter.models import ItemStatus, StatusUpdate

    return StatusUpdate(
        as_of=as_of,
        subject="Q3 docs for the board meeting: at risk",
        headline="At risk: no reply from Dana on the signed contract; the board meeting is Tue 1 Dec.",
        overall=Status.AT_RISK,
        items=[
            ItemStatus(
                title="Q3 docs for the board meeting",
                status=Status.AT_RISK,
                deadline=dt.date(2026, 12, 1),
                done=["emailed Dana at Acme for the signed contract"],
                next_step=NextStep(action="chase Dana by phone", owner="I", due=dt.date(2026, 11, 26)),
            )
        ],
    )


def good_options(as_of: dt.date = AS_OF):
    from drafter.models import Option, OptionsProposal

    opt = dict(summary="s", upside="u", downside="d", cost="1 day")
    return OptionsProposal(
        as_of=as_of,
        subject="Board docs: decision needed",
        headline="Decision needed by Thu 26 Nov: I recommend B.",
        problem="No reply from Dana; the board meeting is Tue 1 Dec.",
        decide_by=dt.date(2026, 11, 26),
        options=[Option(label="A", title="Wait", **opt), Option(label="B", title="Call Acme", **opt)],
        recommendation="B",
        rationale="B is faster.",
        default_action="If I don't hear by Thu 26 Nov, I will go with option B.",
        reply_hint="Reply A or B.",
    )


def good_delegate(as_of: dt.date = AS_OF):
    from drafter.models import CheckIn, DecisionRights, DelegatedTask, DelegationPlan

    return DelegationPlan(
        as_of=as_of,
        subject="Weekly metrics report: handing to Priya",
        headline="Priya owns the weekly metrics report from Mon 30 Nov.",
        delegate="Priya",
        tasks=[
            DelegatedTask(
                title="Weekly metrics report",
                owner="Priya",
                done_when="report sent every Monday",
                deadline=dt.date(2026, 11, 30),
                quality_standard="numbers match go/metrics",
                check_ins=[CheckIn(on=dt.date(2026, 11, 27), what="dry run")],
                decision_rights=DecisionRights.DECIDE_AND_INFORM,
                purpose="the team sees the numbers each week",
                resources=["go/metrics"],
                escalate_if="the dashboard is down on Monday morning",
                runbook=["open go/metrics", "copy the numbers"],
            )
        ],
        runbook_name="metrics report runbook",
        support="What do you need from me?",
        capacity_note="I will take one of your tasks this week.",
    )


GOOD = {"update": good_update, "options": good_options, "delegate": good_delegate}
