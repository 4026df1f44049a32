"""Renderers on hand-built artefacts (no parser, playbook or engine involved)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.models import (
    Ask,
    CheckIn,
    CommitmentState,
    DecisionRights,
    DelegatedTask,
    DelegationPlan,
    Draft,
    DraftMeta,
    DraftOptions,
    Fallback,
    ItemStatus,
    NextStep,
    Option,
    OptionsProposal,
    OutputFormat,
    Person,
    Plan,
    Risk,
    Status,
    StatusUpdate,
    WorkLog,
)
from drafter.render import AUDIENCE_CAPS, FORMAT_CAPS, format_day, render, render_fitted, word_count

D = dt.date
AS_OF = D(2026, 11, 25)
OMITTED = re.compile(r"^\((\d+) more details omitted; use --max-words to show more\)$", re.M)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    """Own isolation on top of tests/conftest.py: no LLM settings, drafter files in tmp."""
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("DRAFTER_CONFIG", str(tmp_path / "config.toml"))


# --------------------------------------------------------------------------------------------
# Hand-built artefacts
# --------------------------------------------------------------------------------------------


def acme_item(**kw) -> ItemStatus:
    base = dict(
        title="Q3 board docs from Acme (ABC-123)",
        status=Status.AT_RISK,
        outcome="Q3 docs for the board meeting",
        deadline=D(2026, 12, 1),
        done=["emailed Dana at Acme on Mon 23 Nov", "left Dana a voicemail on Tue 24 Nov"],
        next_step=NextStep(action="call Dana", owner="I", due=D(2026, 11, 26)),
        fallbacks=[
            Fallback(
                trigger="no reply from Dana",
                by=D(2026, 11, 26),
                action="call the Acme office and ask for another contact",
                path="call",
            )
        ],
        commitments=[
            CommitmentState(
                what="send the board summary draft to Lee",
                owner="I",
                due=D(2026, 11, 23),
                state="missed",
                new_date=D(2026, 11, 27),
            )
        ],
        risk="No reply from Dana since Mon 23 Nov",
    )
    base.update(kw)
    return ItemStatus(**base)


def make_update(**kw) -> StatusUpdate:
    base = dict(
        as_of=AS_OF,
        subject="Q3 board docs at risk",
        headline="At risk: the Q3 docs for the board meeting on Tue 1 Dec are not in yet.",
        overall=Status.AT_RISK,
        items=[
            ItemStatus(
                title="Weekly metrics report",
                status=Status.ON_TRACK,
                next_step=NextStep(action="send the report", owner="Sam", due=D(2026, 11, 27)),
                commitments=[CommitmentState(what="metrics report for Lee", owner="Sam", due=D(2026, 11, 27))],
            ),
            acme_item(),
        ],
        risks=[Risk(signal="No reply from Dana", threatens="the board meeting", deadline=D(2026, 12, 1))],
        asks=[Ask(who="Lee", what="decide if the board pack goes out without the cash-flow statement", by=D(2026, 11, 27))],
        unplaced=["Backup contact at Acme might be Raj in finance, not confirmed."],
    )
    base.update(kw)
    return StatusUpdate(**base)


def big_update() -> StatusUpdate:
    """Lots of low-priority detail, so every cap has something to drop."""
    return make_update(
        items=[
            acme_item(
                done=[f"step {i} of the chase is finished and logged in the tracker" for i in range(6)],
            ),
            ItemStatus(
                title="Office move",
                status=Status.DONE,
                done=["boxes packed", "keys returned", "new badges issued"],
                commitments=[CommitmentState(what="book the movers", owner="I", state="done")],
            ),
        ],
        unplaced=[f"Unrelated remark number {i} about the office coffee machine and lunch plans." for i in range(12)],
    )


def make_proposal(**kw) -> OptionsProposal:
    base = dict(
        as_of=AS_OF,
        subject="Event app vendor: decision needed by Fri 27 Nov",
        headline="Decision needed by Fri 27 Nov: which vendor builds the event app",
        problem="BrightApps cannot deliver the event app before the launch on Tue 8 Dec. They need 3 more weeks.",
        deadline=D(2026, 12, 8),
        deadline_label="the launch",
        decide_by=D(2026, 11, 27),
        actions_taken=["asked BrightApps for a cut-down scope", "got a quote from Nimbus"],
        options=[
            Option(label="A", title="Stay with BrightApps", summary="accept the later date",
                   upside="no new contract", downside="misses the launch", cost="3 weeks late"),
            Option(label="B", title="Switch to Nimbus", summary="build on their template",
                   upside="ready by Thu 3 Dec", downside="less custom design", cost="$12k, 6 days"),
            Option(label="C", title="Cut scope", summary="schedule and map only",
                   upside="on time", downside="no ticketing at launch", cost="no extra cost"),
        ],
        recommendation="B",
        rationale="it is the only option that keeps the launch date with the full feature set",
        default_action="If I don't hear by Fri 27 Nov, I will go with option B.",
        will_do=["tell BrightApps we are reviewing options"],
        needs_approval=["sign the $12k Nimbus order"],
        open_risks=["Nimbus has not built an app this size before"],
        reply_hint="Reply A, B or C.",
    )
    base.update(kw)
    return OptionsProposal(**base)


def make_delegation(**kw) -> DelegationPlan:
    task = DelegatedTask(
        title="Weekly metrics report",
        owner="Priya",
        done_when="the summary is posted in #leads by 10:00 every Monday",
        deadline=D(2026, 12, 7),
        quality_standard="numbers match the dashboard; each change over 5% explained in one line",
        check_ins=[CheckIn(on=D(2026, 11, 30), what="first run together"),
                   CheckIn(on=D(2026, 12, 3), what="review the draft")],
        decision_rights=DecisionRights.DECIDE_AND_INFORM,
        purpose="leads use it to plan the week's staffing",
        resources=["Looker 'Weekly KPIs' dashboard", "Sam for data questions"],
        escalate_if="the dashboard numbers look wrong by 09:00 Monday",
        runbook=["open the Weekly KPIs dashboard", "export the 4 headline numbers",
                 "write one line per change over 5%", "post in #leads", "file the export in the shared drive"],
    )
    base = dict(
        as_of=AS_OF,
        subject="Handing the weekly metrics report to Priya",
        headline="Priya owns the weekly metrics report from Mon 30 Nov; first solo run Mon 7 Dec.",
        delegate="Priya",
        tasks=[task],
        runbook_name="Weekly metrics runbook",
        support="I will pair with you on the first run.",
        capacity_note="I will take the vendor calls off your plate while you cover support.",
        open_loops=["I keep the quarterly rollup until Fri 18 Dec"],
    )
    base.update(kw)
    return DelegationPlan(**base)


ALL_FORMATS = [f for f in OutputFormat if f != OutputFormat.JSON]


def body_of(text: str, fmt: OutputFormat) -> str:
    if fmt == OutputFormat.EMAIL:
        head, _, body = text.partition("\n\n")
        assert head.startswith("Subject: ")
        return body
    return text


def first_line(text: str, fmt: OutputFormat) -> str:
    return body_of(text, fmt).strip().splitlines()[0]


def opts(**kw) -> DraftOptions:
    return DraftOptions(**kw)


# --------------------------------------------------------------------------------------------
# Bottom line first
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_update_bottom_line_first(fmt):
    out = render(make_update(), fmt, opts())
    line = first_line(out, fmt)
    assert line.lower().startswith("at risk:")
    assert "board meeting" in line


def test_headline_without_status_gets_the_overall_status():
    out = render(make_update(headline="The Q3 docs have not arrived.", overall=Status.BLOCKED), "text", opts())
    assert out.splitlines()[0] == "Blocked: The Q3 docs have not arrived."


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_options_decision_and_decide_by_first(fmt):
    line = first_line(render(make_proposal(), fmt, opts()), fmt)
    assert "Decision needed" in line and "Fri 27 Nov" in line
    assert "option B" in line  # the recommendation is in the first paragraph too


def test_options_headline_without_decision_is_prefixed():
    out = render(make_proposal(headline="Vendor for the event app"), "text", opts())
    assert out.splitlines()[0].startswith("Decision needed by Fri 27 Nov: Vendor for the event app")


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_delegation_headline_first(fmt):
    line = first_line(render(make_delegation(), fmt, opts()), fmt)
    assert line.startswith("Priya owns the weekly metrics report")


# --------------------------------------------------------------------------------------------
# Canonical phrasings
# --------------------------------------------------------------------------------------------


def test_update_canonical_phrasings():
    out = render(make_update(), "text", opts(audience="team"))
    assert "Q3 board docs from Acme (ABC-123) — at risk" in out
    assert "Next: I will call Dana by Thu 26 Nov." in out
    assert "If no reply from Dana by Thu 26 Nov, I will call the Acme office and ask for another contact." in out
    assert "Send the board summary draft to Lee was due Mon 23 Nov and is missed; proposed new date: Fri 27 Nov." in out
    assert "Ask: Lee, please decide if the board pack goes out without the cash-flow statement by Fri 27 Nov." in out
    assert "Next: Sam will send the report by Fri 27 Nov." in out
    assert "Goal: Q3 docs for the board meeting — needed by Tue 1 Dec." in out
    assert "No reply from Dana — threatens the board meeting on Tue 1 Dec." in out


def test_items_worst_first():
    out = render(make_update(), "text", opts(audience="team"))
    assert out.index("— at risk") < out.index("Next: Sam will send the report")
    assert "— on track" not in out  # an on-track item needs no status line: the headline gives the overall one


def test_overdue_open_commitment_is_called_missed_with_decision_when_no_new_date():
    item = acme_item(commitments=[CommitmentState(what="send the deck", owner="I", due=D(2026, 11, 20), state="open")])
    out = render(make_update(items=[item]), "text", opts(audience="team"))
    assert "Send the deck was due Fri 20 Nov and is missed — decision needed:" in out


def test_missed_commitment_with_ask():
    item = acme_item(commitments=[CommitmentState(
        what="ship the export fix", owner="I", due=D(2026, 11, 24), state="missed",
        ask="drop the CSV option or move the release")])
    out = render(make_update(items=[item]), "text", opts(audience="team"))
    assert "was due Tue 24 Nov and is missed — decision needed: drop the CSV option or move the release." in out


def test_next_step_does_not_repeat_the_date_or_i_will():
    item = acme_item(next_step=NextStep(action="I will call Dana by Thu 26 Nov", owner="I", due=D(2026, 11, 26)))
    out = render(make_update(items=[item]), "text", opts(audience="team"))
    assert "Next: I will call Dana by Thu 26 Nov." in out
    assert "by Thu 26 Nov by" not in out and "will I will" not in out


def test_options_layout():
    out = render(make_proposal(), "text", opts())
    assert "Problem: BrightApps cannot deliver" in out
    assert "What I've done:" in out and "- Asked BrightApps for a cut-down scope." in out
    assert ("A) Stay with BrightApps — accept the later date. Upside: no new contract. "
            "Downside: misses the launch. Cost/time: 3 weeks late.") in out
    assert "Recommendation: B, because it is the only option" in out
    assert "If I don't hear by Fri 27 Nov, I will go with option B." in out
    assert "Needs your approval:" in out and "I will go ahead with:" in out
    assert "Open risks:" in out
    assert out.rstrip().endswith("Reply A, B or C.")


def test_options_fill_missing_default_reply_and_deadline():
    p = make_proposal(default_action="go with B", reply_hint="", problem="BrightApps needs 3 more weeks.",
                      options=make_proposal().options[:2])
    out = render(p, "text", opts())
    assert "If I don't hear by Fri 27 Nov, I will go with option B." in out
    assert "Reply A or B." in out
    assert "At stake: the launch on Tue 8 Dec." in out  # O2: the problem names the deadline


def test_delegation_layout():
    out = render(make_delegation(support="Happy to help."), "text", opts())
    for label in ("Owner: Priya", "Done when: the summary is posted", "Deadline: Mon 7 Dec", "Quality: numbers match",
                  "Check-ins: Mon 30 Nov (first run together); Thu 3 Dec (review the draft)",
                  "Decision rights (I propose): you decide and inform me", "Why it matters: leads use it",
                  "Resources: Looker", "Escalate if the dashboard numbers look wrong",
                  "Runbook: Weekly metrics runbook", "Capacity: I will take the vendor calls",
                  "Support: Happy to help.", "I keep the quarterly rollup until Fri 18 Dec."):
        assert label in out, label
    # what the delegate needs is asked (to agree), never a stock line appended to the plan's own offer
    assert "To agree with Priya (the notes do not say): what you need from me." in out
    assert "What do you need from me?" not in out
    asked = render(make_delegation(support="What do you need from me? I will pair on the first run."), "text", opts())
    assert "what you need from me" not in asked and "Support: What do you need from me?" in asked
    bare = render(make_delegation(support="", capacity_note=""), "text", opts())
    assert "Support:" not in bare and "Capacity:" not in bare
    assert "what you need from me; what moves or drops from your current work so this fits." in bare
    steps = re.findall(r"^\s+(\d+)\. ", out, re.M)
    assert steps == ["1", "2", "3", "4", "5"]
    assert "Escalate if escalate" not in render(make_delegation(tasks=[
        make_delegation().tasks[0].model_copy(update={"escalate_if": "Escalate if no data by 09:00"})]), "text", opts())


def test_year_shown_when_it_differs():
    assert format_day(D(2027, 1, 4), AS_OF).endswith("2027")
    assert format_day(D(2026, 11, 26), AS_OF) == "Thu 26 Nov"


# --------------------------------------------------------------------------------------------
# Formats
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [make_update, make_proposal, make_delegation])
def test_email_subject_then_blank_line(make):
    out = render(make(), "email", opts(audience="team"))
    lines = out.splitlines()
    assert lines[0] == f"Subject: {make().subject}"
    assert lines[1] == ""
    assert lines[2].strip()
    assert "**" not in out and not re.search(r"^#", out, re.M)


@pytest.mark.parametrize("make", [make_update, make_proposal, make_delegation])
def test_text_has_no_markup(make):
    out = render(make(), "text", opts(audience="team"))
    assert "**" not in out and "`" not in out and "•" not in out
    assert not re.search(r"^\s*#", out, re.M)
    assert not re.search(r"(?<!\w)\*\w", out)


@pytest.mark.parametrize("make", [make_update, make_proposal, make_delegation])
def test_slack_mrkdwn(make):
    out = render(make(), "slack", opts(audience="team", max_words=1000))
    assert "**" not in out
    assert not re.search(r"^\s*#", out, re.M)  # no headings in Slack
    assert re.search(r"^\*[^*\n]+\*", out, re.M)  # *bold*
    assert "•" in out
    assert not re.search(r"^- ", out, re.M)


def test_markdown_bold_titles_and_headings():
    out = render(make_update(), "markdown", opts(audience="team"))
    assert "**Q3 board docs from Acme (ABC-123)** — at risk" in out
    assert "\n- Ask: Lee, please decide" in out  # an ask says 'Ask:' itself: no heading over it
    out = render(make_proposal(), "markdown", opts())
    # each option its own paragraph (adjacent lines would merge in markdown)
    assert re.search(r"Cost/time: 3 weeks late\.\n\n\*\*B\)", out)


@pytest.mark.parametrize("make", [make_update, make_proposal, make_delegation])
def test_json_is_the_model(make):
    a = make()
    out = render(a, "json", opts())
    assert json.loads(out) == json.loads(a.model_dump_json())
    assert type(a).model_validate_json(out) == a


def test_draft_render_uses_render():
    u = make_update()
    draft = Draft(kind="update", artefact=u, plan=Plan(as_of=AS_OF, log=WorkLog(as_of=AS_OF)),
                  options=DraftOptions(audience="team"), meta=DraftMeta(engine="hand"))
    assert draft.render("slack") == render(u, OutputFormat.SLACK, DraftOptions(audience="team"))
    assert draft.render().startswith("At risk:")


# --------------------------------------------------------------------------------------------
# Word caps, dropping order, nothing silently dropped
# --------------------------------------------------------------------------------------------

PROTECTED = (
    "Next: I will call Dana by Thu 26 Nov.",
    "If no reply from Dana by Thu 26 Nov, I will call the Acme office and ask for another contact.",
    "was due Mon 23 Nov and is missed; proposed new date: Fri 27 Nov.",
    "Ask: Lee, please decide",
    "— at risk",
    "— done",
)


@pytest.mark.parametrize(
    "audience,fmt,cap",
    [
        ("boss", "markdown", AUDIENCE_CAPS["boss"]),
        ("client", "markdown", AUDIENCE_CAPS["client"]),
        ("team", "markdown", AUDIENCE_CAPS["team"]),
        ("boss", "text", 150),
        ("team", "slack", FORMAT_CAPS["slack"]),
        ("team", "email", FORMAT_CAPS["email"]),
        ("boss", "email", 150),
    ],
)
def test_word_caps_per_audience_and_format(audience, fmt, cap):
    u = big_update()
    if fmt == "slack":  # 80 words: protected content (status, next, fallback, missed, ask) must fit
        u = u.model_copy(update={"headline": "At risk: Q3 board docs.", "risks": [], "asks": [],
                                 "items": u.items[:1]})
    out, n = render_fitted(u, fmt, opts(audience=audience))
    assert out == render(u, fmt, opts(audience=audience))
    assert word_count(body_of(out, fmt)) <= cap
    assert n > 0
    assert not OMITTED.search(out) and "omitted" not in out  # counted for the caller, never in the draft
    for phrase in PROTECTED:
        if (audience == "client" and "Lee" in phrase) or (fmt == "slack" and phrase in ("Ask: Lee, please decide", "— done")):
            continue  # client: Lee is internal; slack: the trimmed artefact has no ask / done item
        assert phrase in out, (phrase, out)


def test_max_words_overrides_audience_cap():
    small = render(big_update(), "markdown", opts(audience="boss", max_words=120))
    assert word_count(small) <= 120
    large, n = render_fitted(big_update(), "markdown", opts(audience="boss", max_words=5000))
    assert n == 0
    assert word_count(large) > 150


def test_nothing_dropped_without_a_cap_hit():
    u = big_update()
    out = render(u, "text", opts(max_words=5000))
    for line in u.unplaced:
        assert line in out
    assert "Not placed in any item:" in out
    for d in u.items[0].done:
        assert d in out


def test_unplaced_notes_go_first_then_done_tails_and_count_matches():
    u = big_update()
    full = render(u, "text", opts(max_words=5000))
    capped, n = render_fitted(u, "text", opts(max_words=word_count(full) - 5))  # barely over: drop a little
    assert "step 5 of the chase" in capped  # done work outlasts notes no item holds
    assert u.unplaced[-1] not in capped and u.unplaced[0] in capped  # the later notes go first
    assert n == sum(x not in capped for x in u.unplaced)
    u = u.model_copy(update={"unplaced": []})
    full = render(u, "text", opts(max_words=5000))
    capped, n = render_fitted(u, "text", opts(max_words=word_count(full) - 5))
    assert "step 5 of the chase" in full and "step 5 of the chase" not in capped  # a done-list loses its tail first
    assert "Done: step 0 of the chase" in capped  # its first items are news and stay
    assert n == sum(f"step {i} of" not in capped for i in range(6))


def test_unplaced_notes_go_before_done_work_under_a_tight_cap():
    u = big_update()
    capped = render(u, "text", opts(audience="boss"))
    assert "Unrelated remark" not in capped  # notes no item holds go first
    assert "Not placed in any item" not in capped
    assert "Office move — done\n- Done: boxes packed." in capped  # done work, briefly, under its item


def _pieces(text: str) -> set[str]:
    """Every bullet's pieces: a done-list's entries one by one, the line otherwise."""
    out = set()
    for line in text.splitlines():
        if line.startswith("- "):
            line = re.sub(r"^- (?:.+? — done: |Done: )?", "", line).rstrip(".")
            out.update(line.split("; "))
    return out


def test_omitted_count_matches_missing_pieces():
    u = big_update()
    capped, n = render_fitted(u, "text", opts(audience="boss"))
    full = render(u, "text", opts(max_words=5000))
    kept, every = _pieces(capped), _pieces(full)
    assert kept <= every
    assert len(every - kept) == n, (every - kept)


def test_protected_content_is_kept_even_over_the_cap():
    u = make_update(asks=[Ask(who="Lee", what=f"approve item {i} of the budget", by=D(2026, 11, 27)) for i in range(6)])
    out = render(u, "slack", opts(audience="team"))
    for i in range(6):
        assert f"approve item {i} of the budget" in out
    # nothing cut mid-sentence: every non-title line ends a sentence
    for line in out.splitlines():
        line = line.strip()
        if line and not line.startswith("*"):
            assert line[-1] in ".?)", line


def test_no_cap_by_default_for_options_and_delegation():
    long_risks = [f"risk number {i} with a fairly long explanation of what could go wrong" for i in range(4)]
    out, n = render_fitted(make_proposal(open_risks=long_risks), "slack", opts())
    assert n == 0
    assert all(r[:20] in out.lower() for r in long_risks)


def test_max_words_applies_to_delegation_keeping_required_fields():
    out, n = render_fitted(make_delegation(), "text", opts(max_words=120))
    assert word_count(out) <= 120 or n
    for label in ("Owner: Priya", "Done when:", "Deadline:", "Check-ins:", "Decision rights (I propose):", "Escalate if",
                  "Runbook:", "what you need from me"):
        assert label in out


# --------------------------------------------------------------------------------------------
# Client audience and placeholders
# --------------------------------------------------------------------------------------------


def test_client_strips_ticket_ids_and_internal_owners():
    item = acme_item(title="Billing migration (OPS-412)", done=["OPS-415: backfill ran on staging", "#233 notice drafted"])
    u = make_update(items=[item, make_update().items[0]])
    out = render(u, "markdown", opts(audience="client", max_words=5000))
    assert not re.search(r"\b[A-Z]{2,}-\d+\b|#\d+", out), out
    assert "Billing migration" in out and "backfill ran on test environment" in out
    assert "Sam" not in out  # internal owner replaced
    assert "Next: we will send the report" in out  # a hidden owner is still an owner (U7)
    assert "Dana" in out  # the person we wait on stays
    team = render(u, "markdown", opts(audience="team", max_words=5000))
    assert "OPS-412" in team and "Sam" in team  # only the client preset strips


def test_client_uses_people_roles():
    u = make_update()
    people = [Person(name="Dana", org="Acme"), Person(name="Lee", role="account director"), Person(name="Sam")]
    out = render(u, "text", opts(audience="client", max_words=5000), people=people)
    assert "Lee" not in out and "our account director" in out
    assert "Sam" not in out
    assert "Dana" in out


def test_client_subject_line_is_clean():
    out = render(make_update(subject="ABC-123 Q3 docs"), "email", opts(audience="client"))
    assert out.splitlines()[0] == "Subject: Q3 docs"


def test_no_unfilled_placeholders():
    u = make_update(unplaced=["Email {customer_name} about the renewal on {renewal_date}", "Owner: TBD", "Hi [name],"],
                    headline="At risk: renewal for {customer}")
    for fmt in ALL_FORMATS:
        out = render(u, fmt, opts(max_words=5000))
        assert "{" not in out and "}" not in out and "TBD" not in out and "[name]" not in out
        assert "customer_name" in out  # reported, not dropped


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(done=st.lists(_text, max_size=5), unplaced=st.lists(_text, max_size=10), title=_text,
       fmt=st.sampled_from(ALL_FORMATS), audience=st.sampled_from(["boss", "team", "client"]))
def test_any_text_renders_safely(done, unplaced, title, fmt, audience):
    u = make_update(items=[acme_item(title=title, done=done)], unplaced=unplaced)
    out = render(u, fmt, opts(audience=audience))
    assert "{" not in out and "\x02" not in out and "\x03" not in out
    assert first_line(out, fmt).lower().startswith("at risk:")
    assert "Next: I will call Dana by Thu 26 Nov." in out


def test_client_replaces_internal_jargon():
    item = acme_item(done=["fixed it on staging", "opened a PR for the hotfix", "logged a ticket in Jira"])
    out = render(make_update(items=[item]), "text", opts(audience="client", max_words=5000))
    for word in ("staging", " PR ", "hotfix", "ticket", "Jira"):
        assert word not in out, word
    assert "test environment" in out
    team = render(make_update(items=[item]), "text", opts(audience="team", max_words=5000))
    assert "staging" in team and "hotfix" in team


@pytest.mark.parametrize("raw,gone", [
    ("- [ ] Sam: fix the invoice job", "[ ]"),
    ("- [x] sent the budget sheet", "[x]"),
    ("Owner TBC, date ???", "TBC"),
    ("TODO: confirm XXXX with <customer name>", "<customer name>"),
    ("Dear [CLIENT NAME],", "[CLIENT NAME]"),
])
def test_placeholder_like_user_text_is_neutralised(raw, gone):
    out = render(make_update(unplaced=[raw]), "text", opts(max_words=5000))
    assert gone not in out
    assert not re.search(r"\bTB[DC]\b|\bTODO\b|\bXXX+\b|\?\?\?|\{|\[[^\]]*\]|<[a-z][a-z _-]{1,25}>", out), out


def test_risk_already_stated_in_item_with_its_deadline_is_not_repeated():
    item = acme_item(risk="No reply from Dana; threatens the board meeting (Tue 1 Dec)")
    out = render(make_update(items=[item]), "text", opts(max_words=5000))
    assert out.count("No reply from Dana") == 1
    assert "Risks:" not in out


@pytest.mark.parametrize("deadline,suffix", [
    (D(2026, 11, 26), "on Thu 26 Nov, tomorrow."),
    (D(2026, 11, 25), "on Wed 25 Nov, today."),
    (D(2026, 11, 20), "on Fri 20 Nov, already passed."),
    (D(2026, 12, 1), "on Tue 1 Dec."),
])
def test_risk_deadline_wording_has_no_invented_numbers(deadline, suffix):
    u = make_update(risks=[Risk(signal="Vendor silent", threatens="the launch", deadline=deadline)])
    out = render(u, "text", opts(max_words=5000))
    assert f"Vendor silent — threatens the launch {suffix}" in out


def test_line_repeating_the_headline_is_dropped_first_and_not_counted():
    fb = "If no reply from Dana by Thu 26 Nov, I will call the Acme office and ask for another contact."
    u = make_update(headline=f"At risk: the Q3 docs for the board meeting on Tue 1 Dec are not in yet. {fb}",
                    items=[acme_item(done=[])], risks=[], asks=[], unplaced=[])
    full = render(u, "text", opts(max_words=5000))
    assert full.count(fb) == 1  # said once, in the headline: the line below does not repeat it
    words = word_count(full)
    capped, n = render_fitted(u, "text", opts(max_words=words - 3))
    assert capped.count(fb) == 1  # still said once, in the headline
    assert n == 1  # the repeat was never counted: one real line went
    assert "Next: I will call Dana by Thu 26 Nov." in capped


def test_space_before_punctuation_is_tidied():
    out = render(make_update(unplaced=["Customer webinar scheduled , 140 sign-ups so far ."]), "text", opts(max_words=5000))
    assert "Customer webinar scheduled, 140 sign-ups so far." in out


def test_still_over_cap_headline_keeps_first_sentence_and_drops_what_items_say():
    u = make_update(
        headline="Blocked: the go-live on Mon 30 Nov needs Globex IT. I will ask Globex IT to whitelist our SSO domain today.",
        overall=Status.BLOCKED,
        items=[acme_item(title="Globex onboarding", status=Status.BLOCKED, done=[], outcome=None, deadline=None, risk=None,
                         commitments=[], fallbacks=[],
                         next_step=NextStep(action="ask Globex IT to whitelist our SSO domain", owner="I", due=AS_OF))],
        risks=[], asks=[], unplaced=[],
    )
    full = render(u, "text", opts(max_words=5000))
    # the Next line says it, with its date: the headline does not say it twice, even with no cap
    assert "I will ask Globex IT to whitelist our SSO domain today." not in full
    assert full.splitlines()[0] == "Blocked: the go-live on Mon 30 Nov needs Globex IT."
    tight = render(u, "text", opts(max_words=20))
    assert tight.splitlines()[0] == "Blocked: the go-live on Mon 30 Nov needs Globex IT."
    assert "Next: I will ask Globex IT to whitelist our SSO domain by Wed 25 Nov." in tight
    # a sentence that no kept line says stays, even over the cap
    u2 = u.model_copy(update={"headline": u.headline + " Lee knows."})
    assert "Lee knows." in render(u2, "text", opts(max_words=20))


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_update_with_no_items_is_just_the_bottom_line(fmt):
    u = make_update(headline="Nothing open this week.", overall=Status.ON_TRACK, items=[], risks=[], asks=[], unplaced=[])
    out = body_of(render(u, fmt, opts()), fmt)
    assert out.strip() == "On track: Nothing open this week."


def test_item_without_next_step_or_outcome_still_has_its_status():
    item = ItemStatus(title="Office move", status=Status.DONE)
    out = render(make_update(items=[item], asks=[], risks=[], unplaced=[]), "markdown", opts())
    assert "- Done: Office move." in out  # done items with nothing under them share one line
    two = render(make_update(items=[item, item.model_copy(update={"title": "Badges"})], asks=[], risks=[], unplaced=[]),
                 "markdown", opts())
    assert "- Done: Office move.\n- Done: Badges." in two  # one line each, never glued with ';'


def test_option_summary_does_not_repeat_the_title():
    p = make_proposal()
    opts_ = [o.model_copy(update={"summary": f"{o.title}: {o.summary}"}) for o in p.options]
    opts_[2] = opts_[2].model_copy(update={"summary": opts_[2].title})
    out = render(p.model_copy(update={"options": opts_}), "text", opts())
    assert "A) Stay with BrightApps — accept the later date. Upside:" in out
    assert "C) Cut scope. Upside:" in out


def test_on_track_item_with_nothing_under_it_is_not_listed():
    """A heading the reader made an item ('Attending') is not news: no bare 'on track' title, with or
    without a cap; a done item keeps its title ('— done' is news)."""
    bare = ItemStatus(title="Attending", status=Status.ON_TRACK)
    topic = ItemStatus(title="Logs need to be moved out of the DB", status=Status.ON_TRACK)
    done = ItemStatus(title="Office move", status=Status.DONE)
    out = render(make_update(items=[acme_item(), bare, topic, done], asks=[], risks=[], unplaced=[]), "markdown", opts())
    assert "Attending" not in out
    assert "- Done: Office move." in out
    assert "- Also in the notes: Logs need to be moved out of the DB." in out  # a topic, no status claimed
    assert "on track" not in out.split("\n", 1)[1]


def test_on_track_title_goes_with_its_last_line_under_a_cap():
    items = [acme_item()] + [
        ItemStatus(title=f"Topic{i}", status=Status.ON_TRACK, decided=[f"the group agreed on point {i} after a long talk"])
        for i in range(11)
    ]
    out = render(make_update(items=items, asks=[], risks=[], unplaced=[]), "text", opts(max_words=170))
    for i in range(11):  # a title stays only with its decision, on the same line
        assert (f"Topic{i} —" in out) == (f"point {i} after" in out), out
        assert f"Topic{i} — on track" not in out
    assert "Topic10 —" not in out  # later items give way first
    assert "Topic0 — decided: The group agreed on point 0" in out  # the label stays a label, not a name


def test_bare_titles_go_last_when_the_cap_still_bites():
    """Titles with nothing under them (on track or done) go, later ones first, before the cap is broken."""
    items = [acme_item()] + [ItemStatus(title=f"Topic number {i} of the meeting", status=Status.DONE) for i in range(11)]
    out = render(make_update(items=items, asks=[], risks=[], unplaced=[]), "text", opts(max_words=110))
    assert word_count(out) <= 110, out
    kept = [i for i in range(11) if f"Topic number {i} of" in out]
    assert kept == list(range(len(kept)))  # the earlier ones stay


# --------------------------------------------------------------------------------------------
# Saying each fact once, in the fewest words (U14 without losing what matters)
# --------------------------------------------------------------------------------------------


def test_next_step_hides_the_promise_it_restates_and_ownerless_promises_are_said_once():
    item = ItemStatus(
        title="Release", status=Status.ON_TRACK,
        next_step=NextStep(action="cut the release branch", owner="Sam", due=D(2026, 11, 27)),
        commitments=[CommitmentState(what="cut the release branch", owner="Sam"),
                     CommitmentState(what="update the changelog", owner=""),
                     CommitmentState(what="tell the docs team", owner="")],
    )
    out = render(make_update(items=[item, acme_item()], risks=[], asks=[], unplaced=[]), "text", opts(max_words=5000))
    assert out.count("cut the release branch") == 1  # the Next line says it, with owner and date
    assert "Open, no owner named:\n- Update the changelog.\n- Tell the docs team." in out  # one a line
    assert "no owner in the notes" not in out


def test_missed_promise_with_no_owner_says_so_once():
    c = CommitmentState(what="the minutes of the last meeting", owner="", due=D(2026, 11, 20), state="missed")
    out = render(make_update(items=[acme_item(commitments=[c])], risks=[], asks=[], unplaced=[]), "text", opts(max_words=5000))
    assert "The minutes of the last meeting was due Fri 20 Nov and is missed; the notes name no owner or new date." in out


def test_risk_to_an_item_is_said_under_it_without_naming_it_again():
    items = [acme_item(), ItemStatus(title="Office move", status=Status.ON_TRACK,
                                     next_step=NextStep(action="book the van", owner="I", due=D(2026, 11, 27)))]
    risks = [Risk(signal="The van company has not confirmed", threatens="Office move")]
    out = render(make_update(items=items, risks=risks, asks=[], unplaced=[]), "text", opts(max_words=5000))
    block = out[out.index("Office move"):]
    assert "- Risk: The van company has not confirmed." in block
    assert "threatens Office move" not in out


def test_headline_sentence_a_next_line_says_is_left_to_that_line():
    u = make_update(headline="At risk: the Q3 docs are late. I will call Dana by Thu 26 Nov.",
                    items=[acme_item(done=[])], risks=[], asks=[], unplaced=[])
    out = render(u, "text", opts(max_words=5000))
    assert out.splitlines()[0] == "At risk: the Q3 docs are late."
    assert out.count("call Dana by Thu 26 Nov") == 1 and "Next: I will call Dana by Thu 26 Nov." in out


def test_under_a_cap_decisions_outlast_done_details_and_context():
    item = ItemStatus(
        title="Release planning", status=Status.ON_TRACK,
        outcome="a release the whole team can test before the holidays",
        decided=["the team agreed to ship 2.0 on Monday without the CSV export"],
        done=[f"reviewed pull request number {i} with the whole team" for i in range(5)],
    )
    u = make_update(items=[acme_item(done=[]), item], risks=[], asks=[], unplaced=[])
    full = render(u, "text", opts(max_words=5000))
    capped = render(u, "text", opts(max_words=word_count(full) - 25))
    assert "ship 2.0 on Monday" in capped
    assert "Goal: a release the whole team can test" not in capped  # context goes first
    assert "pull request number 0" in capped and "pull request number 4" not in capped  # a done-list's tail next


def test_an_ask_date_the_tool_picked_is_shown_as_proposed():
    given = make_update(asks=[Ask(who="Lee", what="approve the budget", by=D(2026, 11, 27))])
    picked = make_update(asks=[Ask(who="Lee", what="approve the budget", by=D(2026, 11, 27), by_proposed=True)])
    assert "Ask: Lee, please approve the budget by Fri 27 Nov." in render(given, "text", opts(max_words=5000))
    out = render(picked, "text", opts(max_words=5000))
    assert "Ask: Lee, please approve the budget (proposed: by Fri 27 Nov)." in out
    assert "budget by Fri" not in out


def test_open_work_with_no_next_step_in_the_notes_is_said_once_not_made_up():
    item = ItemStatus(title="Resolve the GCC install conflict", status=Status.ON_TRACK, no_next_step=True,
                      risk="Installing two GCC versions conflicts")
    out = render(make_update(items=[item], asks=[], risks=[], unplaced=[]), "text", opts(max_words=5000))
    assert "No next step in the notes yet: Resolve the GCC install conflict." in out
    assert "Next:" not in out and "deliver" not in out


def test_note_lines_no_item_holds_are_never_in_a_default_update_only_counted():
    """A short draft once filled its spare words with raw lines: front matter, a meeting passcode."""
    u = make_update(unplaced=["Passcode: 1yH@0rWe", "layout: post"], asks=[], risks=[])
    out, n = render_fitted(u, "markdown", opts(audience="boss"))
    assert "Passcode" not in out and "Not placed in any item" not in out and "layout: post" not in out
    assert n >= 2  # said on stderr by the CLI, with the --max-words that shows them
    more = render(u, "markdown", opts(audience="boss", max_words=5000))
    assert "Passcode: 1yH@0rWe" in more  # asked for: nothing is lost
