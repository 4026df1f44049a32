"""The offline update's lines are sentences built from the notes' own clauses (issue 10 item 4).

No clause-shaped text glued after "the"/"for the", no heading or date led by "the", and a team's
done work says who did it.
"""

from __future__ import annotations

import datetime as dt

from drafter.engines.update_writer import done_by, lead_sentence, title_phrase
from drafter.engines.wording import clause, sentence_problems
from drafter.models import Action, ItemPlan, Risk, Status, Wait, WorkItem
from drafter.playbook.waits import wait_signal

AS_OF = dt.date(2026, 11, 25)


def test_the_grammar_check_catches_the_before_a_clause_or_date():
    """The glued texts other helpers saw on real notes are caught; noun phrases pass."""
    for bad in [
        "Waiting for the Needs final review.",
        "Waiting on Mike for the 5/1: Will wait for more people.",
        "On track: docs — waiting for the I had issues accessing resources.",
        "On track: docs — waiting for the In both weeks.",
        "At risk: the 2018-03-26 — I suspect the disk.",
        "On track: phone — talking to a a twilio dev.",
    ]:
        assert sentence_problems(bad), bad
    for good in [
        "At risk: the 2018-03-26 incident's root cause is still unknown.",
        "The I/O path is slow.",
        "We met the IT team. The On-call rota is set.",
        "At risk: Aapeli is busy for about a week, until next Tuesday.",
    ]:
        assert not sentence_problems(good), good


def test_a_wait_on_someone_for_a_clause_quotes_the_notes():
    """'5/1: Will wait ...' is no thing to put after 'for': the notes' words are quoted."""
    w = Wait(what="5/1: Will wait for more people on the dev call before Mike talks about this", on_whom="Mike")
    s = wait_signal(w, AS_OF, None)
    assert "for the 5/1" not in s
    assert s.startswith("waiting on Mike: “5/1: Will wait")
    assert not sentence_problems(f"At risk: Existing Items — {s}.")
    # a thing to wait for still reads as one
    assert wait_signal(Wait(what="the template from finance", on_whom="finance"), AS_OF, None) == "waiting on finance for the template"


def _ip(title, reason_risk, owner=None, status=Status.AT_RISK):
    item = WorkItem(title=title, owner=owner)
    return ItemPlan(item=item, status=status, reason="", risks=[Risk(signal=reason_risk)])


def test_headline_leads_no_heading_with_the():
    """A heading, a one-word title or a name takes no article; a common-noun title does."""
    assert title_phrase("Existing Items") == "Existing Items"
    assert title_phrase("Mobile") == "Mobile"
    assert title_phrase("Weekly Status Report for Week 7") == "Weekly Status Report for Week 7"
    assert title_phrase("Q4 budget") == "the Q4 budget"
    lead = lead_sentence("At risk", _ip("Mobile", "has been trying to set up react native but struggling", "Aapeli"),
                         AS_OF, ["Aapeli"], first_person=False)
    assert lead == "At risk: Mobile — Aapeli has been trying to set up react native but struggling."
    assert not sentence_problems(lead)


def test_headline_with_a_clause_or_date_title_says_the_fact_alone():
    """'the Aapeli is busy ... — Aapeli is busy ...' and 'the 2018-03-26 — I suspect ...' were garbled:
    a title that is a clause, a date or a question heading is no noun phrase to lead with."""
    lead = lead_sentence("At risk", _ip("Aapeli is busy for about a week til",
                                        "Aapeli is busy for about a week til next Tuesday"), AS_OF, ["Aapeli"], False)
    assert lead == "At risk: Aapeli is busy for about a week til next Tuesday."
    lead = lead_sentence("At risk", _ip("2018-03-26", "I suspect the disk filled up"), AS_OF, [], False)
    assert lead == "At risk: I suspect the disk filled up."
    lead = lead_sentence("At risk", _ip("What challenges we expect", "timers may slip"), AS_OF, [], False)
    assert lead == "At risk: Timers may slip."
    for lead in (lead,):
        assert not sentence_problems(lead)


def test_headline_lowers_a_common_opening_word_after_the_dash():
    lead = lead_sentence("At risk", _ip("Search rewrite", "Unable to test API resources"), AS_OF, [], True)
    assert lead == "At risk: the Search rewrite — unable to test API resources."
    # a report's heading names no piece of work: the reason leads alone
    lead = lead_sentence("At risk", _ip("Weekly Status Report for Week 3", "Unable to test API resources"), AS_OF, [], True)
    assert lead == "At risk: Unable to test API resources."
    lead = lead_sentence("At risk", _ip("ALR", "Getting Started Experience needs work"), AS_OF, [], False)
    assert "— Getting Started Experience" in lead  # a Title Case name keeps its capitals


def test_headline_joins_a_label_to_its_verb_phrase():
    """'Leo — tbdocs: more web5 api reference docs: Will slide to next week' glued a label to a verb."""
    lead = lead_sentence("At risk", _ip("Leo", "tbdocs: more web5 api reference docs: Will slide to next week"), AS_OF, ["Leo"], False)
    assert lead == "At risk: Leo — tbdocs: more web5 api reference docs will slide to next week."
    assert not sentence_problems(lead)


def test_a_done_action_says_who_did_it():
    """A team's done work reads 'mdjermanovic mostly reviewed PRs', not as if the writer did it."""
    ip = ItemPlan(item=WorkItem(title="Statuses"), status=Status.ON_TRACK, reason="")
    assert done_by(Action(text="Mostly reviewed PRs and triaged issues (mdjermanovic)", actor="mdjermanovic"), ip) \
        == "mdjermanovic mostly reviewed PRs and triaged issues"
    assert done_by(Action(text="Knocked out a few tickets", actor="Nick"), ip) == "Nick knocked out a few tickets"
    assert done_by(Action(text="Supply Chain Security: First draft out", actor="ALR"), ip) \
        == "Supply Chain Security: First draft out (ALR)"
    assert done_by(Action(text="emailed Dana", actor="I"), ip) == "emailed Dana"
    # under an item titled by that person the name is not repeated
    nick = ItemPlan(item=WorkItem(title="Nick"), status=Status.ON_TRACK, reason="")
    assert done_by(Action(text="Cleared the PR on Tech Debt payoff", actor="Nick"), nick) == "Cleared the PR on Tech Debt payoff"


def test_no_deadline_is_set_for_someone_elses_step():
    """Minutes name Aapeli's step without a date: the draft sets him none; the date is the writer's
    check-in (couchers backend meeting 25, evals/real). The writer's own step keeps a proposed date."""
    import datetime as dt

    from drafter import Drafter

    notes = ("# Backend team meeting\n\nAttending: Aapeli, Sam\n\n## Notes\n\n"
             "* Real-time notification design doc (#557): Aapeli will work on this with Sam\n")
    text = Drafter(engine="offline").update(notes, as_of=dt.date(2021, 6, 10)).render("markdown")
    assert "Aapeli will work on this with Sam (no date; I check Fri 11 Jun)" in text
    assert "proposed" not in text
    mine = Drafter(engine="offline").update("Need to send Lee the deck.\n", as_of=dt.date(2021, 6, 10)).render("markdown")
    assert "(proposed: Fri 11 Jun)" in mine


def test_the_thing_waited_for_is_a_thing():
    """'I can send the P&L by Thursday' (examples/email-thread.txt) is waited for as 'the P&L', and
    "he sed he'd get back" (examples/messy-typos.txt) names no thing: the step asks for a reply."""
    from drafter.models import Wait
    from drafter.playbook.text import wait_object

    assert wait_object(Wait(what="send the P&L", on_whom="Dana Whitfield")) == "the P&L"
    assert wait_object(Wait(what="he sed he'd get back", on_whom="Jon")) is None
    held = "It will be on hold till Igor is back from holidays"
    assert wait_object(Wait(what=held, on_whom="DiscyDel")) is not None  # a state said of the work, kept


def test_someone_elses_step_whose_day_passed_is_worded_as_their_step():
    """couchers dev meeting (evals/real, 2024-09-10): "Nicole: will help look at them later today",
    drafted the next day. It said 'The help look at them later (Nicole) was due Tue 10 Sep and is
    missed' (a verb phrase made a noun, and a verdict the notes do not give)."""
    import datetime as dt
    from pathlib import Path

    from drafter import Drafter

    notes = (Path(__file__).resolve().parents[2] / "evals/real/standup/couchers-dev-2024-09-10.md").read_text()
    up = Drafter(engine="offline").update(notes, as_of=dt.date(2024, 9, 11)).artefact
    assert up.headline.startswith("Off track: Nicole was due to help look at them later by Tue 10 Sep; "
                                  "the notes do not say it is done.")
    assert "The help look at them" not in Drafter(engine="offline").update(
        notes, as_of=dt.date(2024, 9, 11), max_words=1000).render("markdown")


def test_a_wh_heading_keeps_its_stranded_preposition():
    """Couchers dev sync (evals/real/standup/couchers-dev-2024-09-10): the heading "What everyone's
    working on:" was drafted as "What everyone's working"; a title cut after a noun still loses its
    dangling preposition."""
    assert clause("What everyone's working on:") == "What everyone's working on"
    assert clause("What we are waiting for") == "What we are waiting for"
    assert clause("What to focus on") == "What to focus on"
    assert clause("What version of the Contributor Covenant Code of") == "What version of the Contributor Covenant Code"
    assert clause("Ship the release notes to") == "Ship the release notes"
