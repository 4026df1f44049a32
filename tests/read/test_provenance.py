"""Provenance: an element is supported only when its cited lines hold every person, date, number
and id in it; check_log drops the rest and reports them in WorkLog.dropped."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.models import (
    Action,
    Commitment,
    Decision,
    Note,
    Outcome,
    Person,
    Question,
    SourceLine,
    Wait,
    WorkItem,
    WorkLog,
)
from drafter.read.provenance import check_element, check_log, unsupported_terms

AS_OF = dt.date(2026, 11, 25)  # a Wednesday

NOTES = [
    "Mon: emailed Dana at Acme for the Q3 docs, needed for the board meeting next Tue. No reply yet.",
    "Lee wants the board pack by Fri so she can review it over the weekend.",
    "I promised Lee a draft of the board summary by Mon 23 Nov - not sent yet.",
    "Kick off the migration today; ticket OPS-142 tracks it, budget $12k.",
    "The team agreed to cut the release on Thursday.",
    "From: Dana Whitfield <dana@acme.example>",
]


def make_log(items=(), people=(), notes=NOTES) -> WorkLog:
    return WorkLog(
        as_of=AS_OF,
        items=list(items),
        people=list(people),
        lines=[SourceLine(number=i, text=t) for i, t in enumerate(notes, 1)],
    )


def item(*, lines, **kw) -> WorkItem:
    return WorkItem(title=kw.pop("title", "Q3 docs"), lines=lines, **kw)


# --------------------------------------------------------------------------------------------
# One element
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "element",
    [
        Action(text="emailed Dana at Acme for the Q3 docs", on=dt.date(2026, 11, 23), lines=[1]),  # "Mon:" past
        Wait(what="Q3 docs", on_whom="Dana", kind="no_reply", since=dt.date(2026, 11, 23), lines=[1]),
        Commitment(what="the board pack", owner="I", for_whom="Lee", due=dt.date(2026, 11, 27), lines=[2]),
        Commitment(what="a draft of the board summary", owner="I", due=dt.date(2026, 11, 23), lines=[3]),
        Action(text="kicked off the migration", on=AS_OF, actor="we", lines=[4]),  # "today" = as_of
        Note(text="OPS-142 is over the $12k budget", lines=[4]),
        Outcome(text="cut the release on Thursday", who="the team", lines=[5]),  # a role, and in the line
        Decision(question="cut the release on Thu 26 Nov?", who="the team", lines=[5]),  # phrase -> same date
        Wait(what="the P&L", on_whom="Dana Whitfield", lines=[1]),  # first name here, full name in line 6
        Person(name="Dana", org="Acme", lines=[1]),
        Question(text="Did Lee see the pack?", asked_by="I", lines=[2]),
    ],
    ids=lambda e: type(e).__name__,
)
def test_supported_elements_pass(element):
    assert check_element(element, make_log()) is None


@pytest.mark.parametrize(
    "element, term",
    [
        (Action(text="emailed Raj at Acme", lines=[1]), "Raj"),  # a name the line lacks
        (Wait(what="Q3 docs", on_whom="Priya", lines=[1]), "Priya"),
        (Commitment(what="the board pack", for_whom="Lee", due=dt.date(2026, 11, 30), lines=[2]), "2026-11-30"),
        (Note(text="budget is $15k", lines=[4]), "$15"),  # a number the line lacks
        (Note(text="OPS-999 tracks it", lines=[4]), "OPS-999"),  # an id the line lacks
        (Action(text="sent the pack on Fri 20 Nov", lines=[2]), "Fri 20 Nov"),  # a date phrase the line lacks
        (Outcome(text="the release moves", who="legal", lines=[5]), "legal"),  # a role the line lacks
        (Commitment(what="the board pack", owner="Lee", due=dt.date(2026, 11, 27), lines=[1]), "Lee"),  # wrong line
    ],
    ids=lambda x: x if isinstance(x, str) else type(x).__name__,
)
def test_unsupported_elements_name_the_term(element, term):
    reason = check_element(element, make_log())
    assert reason is not None
    assert term in reason
    assert "not in line" in reason


def test_no_lines_or_missing_lines_are_unsupported():
    log = make_log()
    assert check_element(Action(text="emailed Dana", lines=[]), log) == "cites no lines"
    reason = check_element(Action(text="emailed Dana", lines=[1, 99]), log)
    assert reason is not None and "99" in reason


def test_a_capitalised_common_word_is_no_person():
    log = make_log()
    # "Kick" occurs in line 4, but only as a verb: a Person needs a name; "the team" is a role
    assert check_element(Person(name="the team", lines=[5]), log) is not None
    # the sentence-initial capitalised verb of an element's own text is a word, not a name
    assert check_element(Action(text="Emailed Dana at Acme", lines=[1]), log) is None


# --------------------------------------------------------------------------------------------
# The whole log
# --------------------------------------------------------------------------------------------


def test_check_log_drops_and_reports_unsupported_elements():
    good_action = Action(text="emailed Dana at Acme for the Q3 docs", lines=[1])
    bad_action = Action(text="called Raj in finance", lines=[1])
    bad_wait = Wait(what="the Q3 docs", on_whom="Dana", lines=[])
    promise = Commitment(what="the board pack", for_whom="Lee", due=dt.date(2026, 11, 27), lines=[2])
    journal = Commitment(what="old promise", due=dt.date(2026, 11, 1), source="journal")  # not from these notes
    it = item(
        lines=[1, 2],
        actions=[good_action, bad_action],
        waits=[bad_wait],
        commitments=[promise, journal],
        people=["Dana", "Lee", "Happy"],
        deadline=dt.date(2026, 12, 1),
        deadline_label="board meeting",
    )
    invented = item(title="Budget review with Marta", lines=[4])
    log = make_log(
        items=[it, invented],
        people=[Person(name="Dana", lines=[1]), Person(name="Raj", lines=[1]), Person(name="Lee")],
    )
    out = check_log(log)

    kept = out.items[0]
    assert kept.actions == [good_action]
    assert kept.waits == []
    assert kept.commitments == [promise, journal]
    assert kept.people == ["Dana", "Lee"]
    assert kept.deadline == dt.date(2026, 12, 1)  # "next Tue" in line 1 (future reading)
    assert [p.name for p in out.people] == ["Dana"]
    assert len(out.items) == 1  # the item that names Marta is gone

    by_kind = {(d.kind, d.text): d for d in out.dropped}
    assert set(by_kind) == {
        ("action", "called Raj in finance"),
        ("wait", "the Q3 docs"),
        ("person", "Happy"),
        ("item", "Budget review with Marta"),
        ("person", "Raj"),
        ("person", "Lee"),
    }
    assert by_kind[("action", "called Raj in finance")].reason == "names 'Raj', not in line 1"
    assert by_kind[("wait", "the Q3 docs")].reason == "cites no lines"
    assert by_kind[("item", "Budget review with Marta")].lines == [4]
    # the dropped item's line is still accounted for
    assert 4 in [s.number for s in out.unplaced]


def test_check_log_keeps_a_supported_log_unchanged():
    it = item(lines=[1], actions=[Action(text="emailed Dana at Acme", lines=[1])], people=["Dana"])
    log = make_log(items=[it], people=[Person(name="Dana", org="Acme", lines=[1])])
    assert check_log(log) == log
    assert check_log(check_log(log)) == log  # idempotent


def test_an_unsupported_deadline_is_dropped_but_the_item_stays():
    it = item(lines=[2], deadline=dt.date(2026, 12, 9), deadline_label="launch")
    out = check_log(make_log(items=[it]))
    assert out.items[0].title == "Q3 docs"
    assert out.items[0].deadline is None and out.items[0].deadline_label is None
    assert [d.kind for d in out.dropped] == ["deadline"]


def test_dropped_risk_notes_leave_the_risks_text():
    it = item(
        lines=[4],
        risk_notes=[Note(text="might blow the $12k budget", lines=[4]), Note(text="Sam may leave", lines=[4])],
        risks=["might blow the $12k budget", "Sam may leave"],
    )
    out = check_log(make_log(items=[it]))
    assert out.items[0].risks == ["might blow the $12k budget"]
    assert [d.text for d in out.dropped] == ["Sam may leave"]


# --------------------------------------------------------------------------------------------
# Any text: the grounding guard and the eval harness
# --------------------------------------------------------------------------------------------


def test_unsupported_terms_against_some_lines_or_all():
    log = make_log()
    text = "Dana at Acme owes the Q3 docs; OPS-142 and $12k; Raj will call Thu 3 Dec, board meeting next Tue."
    assert unsupported_terms(text, None, log) == ["Thu 3 Dec", "Raj"]
    assert unsupported_terms(text, [1], log) == ["Thu 3 Dec", "OPS-142", "$12k", "Raj"]
    assert unsupported_terms("I will send it today; we agreed.", [2], log) == []
    assert unsupported_terms("", None, log) == []


# --------------------------------------------------------------------------------------------
# References an element may resolve through its item (as a date phrase resolves to a date)
# --------------------------------------------------------------------------------------------


def test_a_speaker_cited_in_the_item_resolves_a_person_field_but_an_invented_one_does_not():
    notes = ["From: Dana Whitfield <dana@acme.example>", "Hi, I can send the P&L by Thursday."]
    promise = Commitment(what="the P&L", owner="Dana Whitfield", due=dt.date(2026, 11, 26), lines=[2])
    it = WorkItem(title="the P&L", lines=[1, 2], commitments=[promise])
    sender = Person(name="Dana Whitfield", lines=[1])
    out = check_log(make_log(items=[it], people=[sender], notes=notes))
    assert out.items[0].commitments == [promise] and out.dropped == []
    # without the sender's own citation the same promise is unsupported
    out = check_log(make_log(items=[it], people=[], notes=notes))
    assert [d.kind for d in out.dropped] == ["commitment"]
    # an invented person vouches for nothing: its Person is dropped first
    fake = Commitment(what="the P&L", owner="Raj", lines=[2])
    out = check_log(make_log(items=[item(title="the P&L", lines=[1, 2], commitments=[fake])],
                             people=[Person(name="Raj", lines=[2])], notes=notes))
    assert {d.kind for d in out.dropped} == {"commitment", "person"}


def test_the_item_title_and_lines_resolve_names_and_options():
    notes = ["## Globex onboarding", "- still waiting on the kickoff date", "Option A: Nimbus at $12k", "Need Lee to decide"]
    wait = Wait(what="Globex onboarding kickoff date", lines=[2])  # 'Globex' is the item's own title
    decision = Decision(question="Need Lee to decide", who="Lee", options=["Nimbus at $12k"], lines=[4])
    it = WorkItem(title="Globex onboarding", lines=[1, 2, 3, 4], waits=[wait], decisions=[decision])
    out = check_log(make_log(items=[it], notes=notes))
    assert out.dropped == []
    invented = Decision(question="Need Lee to decide", options=["Acme at $15k"], lines=[4])
    out = check_log(make_log(items=[it.model_copy(update={"decisions": [invented]})], notes=notes))
    assert [d.kind for d in out.dropped] == ["decision"] and "Acme" in out.dropped[0].reason


def test_a_blank_line_inside_a_cited_span_drops_nothing():
    # publiclab/publiclab-archive notes/warren/06-13-2016: front matter with a blank line in it; the
    # whole post was one item citing that blank line, and the provenance check dropped it all
    import datetime as dt

    from drafter.read.offline import read_structured
    from drafter.read.provenance import check_log

    notes = ('---\ntitle: "Last week in GSoC"\n\nauthor: warren\n---\n\n# Last week in GSoC\n\n'
             "This week I worked on improvements to basic tagging and fixed a couple of bugs.\n")
    log = read_structured(notes, dt.date(2016, 6, 14))
    assert not any(3 in item.lines for item in log.items)  # the front matter's blank line 3 is no line of it
    log.items[0].lines = sorted({*log.items[0].lines, 3})  # a reader that cites it anyway (the LLM reader may)
    checked = check_log(log)
    assert [i.title for i in checked.items] == [i.title for i in log.items]
    assert not [d for d in checked.dropped if d.kind == "item"]
    log.items[0].lines.append(99)  # a line past the notes' end is still refused
    assert [d for d in check_log(log).dropped if d.kind == "item"]
