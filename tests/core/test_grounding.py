"""Grounding guard (U10): facts in a draft must come from the notes or be proposed dates."""

import datetime as dt

from drafter.grounding import find_ungrounded, find_ungrounded_facts

AS_OF = dt.date(2026, 11, 25)
NOTES = """Mon: emailed Dana at Acme for the Q3 docs, needed for the board meeting next Tue. No reply yet.
Promised Sam the revised budget by Fri. Budget is $40k. Ticket FIN-88 tracks it."""


def kinds(draft):
    return {(f.kind, f.text) for f in find_ungrounded_facts(draft, NOTES, AS_OF)}


def test_grounded_draft_has_no_findings():
    draft = (
        "At risk: the Q3 docs from Acme for the board meeting on Tue 1 Dec.\n"
        "Dana has not replied since Mon 23 Nov.\n"
        "Next: I will call Dana by Thu 26 Nov.\n"
        "If no reply from Dana by Fri 27 Nov, I will ask the Acme office for another contact.\n"
        "The $40k budget for Sam (FIN-88) is due Fri 27 Nov."
    )
    assert find_ungrounded(draft, NOTES, AS_OF) == []


def test_invented_name_number_ticket_and_date_are_reported():
    draft = (
        "Jeremy at Globex will send the docs.\n"
        "The budget is $45k under OPS-12.\n"
        "Sam gets it Sat 28 Nov."
    )
    found = kinds(draft)
    assert ("name", "Jeremy") in found
    assert ("name", "Globex") in found
    assert ("number", "$45k") in found
    assert ("ticket", "OPS-12") in found
    assert any(k == "date" and "28 Nov" in t for k, t in found)
    assert ("name", "OPS") not in found  # part of the ticket id, reported once as a ticket


def test_proposed_dates_in_next_steps_and_fallbacks_are_allowed():
    draft = "Next: I will call Dana by Mon 30 Nov. If no reply from Dana by Tue 1 Dec, I will escalate."
    assert not [f for f in find_ungrounded_facts(draft, NOTES, AS_OF) if f.kind == "date"]


def test_explicit_proposed_dates_are_allowed_anywhere():
    draft = "Sam gets the budget Sat 28 Nov."
    assert kinds(draft)
    assert not find_ungrounded_facts(draft, NOTES, AS_OF, proposed_dates={dt.date(2026, 11, 28)})


def test_list_numbering_is_not_a_fact():
    draft = "1. Call Dana\n2. Email Acme\n3. Update Sam"
    assert not [f for f in find_ungrounded_facts(draft, NOTES, AS_OF) if f.kind == "number"]


def test_capitals_inside_words_are_not_names():
    notes = "Shipped the iOS build to TestFlight."
    draft = "Done: the iOS build is on TestFlight."
    assert find_ungrounded(draft, notes, AS_OF) == []


def test_new_date_after_a_colon_is_a_proposal():
    draft = "The budget for Sam was due Mon 23 Nov and is missed; new date: Mon 30 Nov."
    assert not [f for f in find_ungrounded_facts(draft, NOTES, AS_OF) if f.kind == "date"]


def test_renderer_bookkeeping_line_is_not_a_fact():
    draft = "At risk: the Q3 docs from Acme.\n(7 more details omitted; use --max-words to show more)"
    assert find_ungrounded(draft, NOTES, AS_OF) == []


def test_imperative_first_words_are_not_names_but_sentence_initial_names_are():
    draft = "**A) Deliver in full** — finish the budget.\n1. Leave Dana a voicemail.\nTell me it is done."
    assert find_ungrounded(draft, NOTES, AS_OF) == []
    assert ("name", "Jeremy") in kinds("Jeremy at Globex has the docs.")
    assert ("name", "Jeremy") in kinds("Jeremy will send them.")


def test_allowed_words_cover_names_the_user_gave():
    draft = "Priya owns the Q3 docs from today."
    assert ("name", "Priya") in kinds(draft)
    assert find_ungrounded(draft, NOTES, AS_OF, allowed_words={"Priya"}) == []


def test_proposed_dates_of_each_artefact():
    from drafter.grounding import proposed_dates
    from drafter.models import CheckIn, DecisionRights, DelegatedTask, DelegationPlan

    task = DelegatedTask(
        title="Weekly report", owner="Priya", done_when="sent", deadline=dt.date(2026, 12, 7),
        quality_standard="checked", check_ins=[CheckIn(on=dt.date(2026, 11, 27), what="walk through")],
        decision_rights=DecisionRights.RECOMMEND, purpose="p", escalate_if="late",
    )
    plan = DelegationPlan(as_of=AS_OF, subject="s", headline="h", delegate="Priya", tasks=[task],
                          runbook_name="r", support="s", capacity_note="c")
    assert proposed_dates(plan) == {dt.date(2026, 12, 7), dt.date(2026, 11, 27)}
