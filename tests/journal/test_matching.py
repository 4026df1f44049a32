"""Matching recorded promises to new notes: rewording matches, unrelated lines do not, ties are surfaced."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.journal import CARRIED_TITLE, open_journal
from drafter.journal.matching import Promise, commitment_key, match_commitments, similarity, words
from drafter.models import Action, Commitment, Wait, WorkItem, WorkLog

from .helpers import make_draft

D = dt.date
AS_OF = D(2026, 11, 25)

REWORDED = [
    ("Send the Q3 board pack to Dana by Thursday", "Q3 board pack: send to Dana"),
    ("send the Q3 board pack to Dana", "sent Dana the Q3 board pack"),
    ("finish the vendor security questionnaire", "security questionnaire for the vendor finished"),
    ("book the offsite venue for January", "booked venue for Jan offsite"),
    ("review Priya's pull request for the billing export", "reviewed billing-export PR from Priya"),
    ("update the onboarding checklist", "onboarding check list updated"),
    ("email the signed contract to Acme legal", "emailed signed contract to Acme's legal team"),
]
UNRELATED = [
    ("send report number 100 to Lee", "send report number 101 to Lee"),
    ("close OPS-412", "close OPS-415"),
    ("send the Q3 numbers to finance", "send the Q4 numbers to finance"),
    ("Send the Q3 board pack to Dana", "book the offsite venue"),
    ("finish the vendor security questionnaire", "call the Acme office about invoices"),
    ("update the onboarding checklist", "renew the SSL certificate on the API gateway"),
    ("email the signed contract to Acme legal", "review the hiring plan with Sam"),
]


def test_words_normalise():
    assert words("Sent the Q3 docs to Dana by Thu 27 Nov!") == ["send", "q3", "doc", "dana"]
    assert commitment_key("me", "Send the docs") == commitment_key("I", "send docs")


@pytest.mark.parametrize("old,new", REWORDED)
def test_reworded_pairs_score_above_unrelated(old, new):
    assert similarity(old, new) >= 0.6, (old, new, similarity(old, new))


@pytest.mark.parametrize("old,new", UNRELATED)
def test_unrelated_pairs_score_low(old, new):
    assert similarity(old, new) < 0.3, (old, new, similarity(old, new))


def test_same_verb_and_person_but_other_object_does_not_match():
    from drafter.journal.matching import THRESHOLD

    assert similarity("send the Q3 board pack to Lee", "Sent the Q4 budget sheet to Lee") < THRESHOLD
    log = WorkLog(as_of=AS_OF, items=[
        WorkItem(title="Budget", done=True, actions=[Action(text="Sent the Q4 budget sheet to Lee", on=D(2026, 11, 18))])
    ])
    [m] = match_commitments([Promise(1, "send the Q3 board pack to Lee", "I", D(2026, 11, 18))], log)
    assert m.target is None and not m.done


def _log(*items: WorkItem) -> WorkLog:
    return WorkLog(as_of=AS_OF, items=list(items))


def test_reworded_commitment_is_matched_to_the_notes_commitment():
    log = _log(
        WorkItem(title="Offsite", commitments=[Commitment(what="confirm catering", due=D(2026, 11, 28))]),
        WorkItem(
            title="Board meeting",
            commitments=[Commitment(what="Q3 board pack: send to Dana", due=D(2026, 11, 27))],
        ),
    )
    [m] = match_commitments([Promise(7, "Send the Q3 board pack to Dana", "I", D(2026, 11, 27))], log)
    assert m.target == ("c", 1, 0) and not m.ambiguous and not m.done


def test_done_action_marks_promise_done_with_its_date():
    log = _log(WorkItem(title="Board", actions=[Action(text="Sent Dana the Q3 board pack", on=D(2026, 11, 24))]))
    [m] = match_commitments([Promise(1, "send the Q3 board pack to Dana", "I", D(2026, 11, 26))], log)
    assert m.target == ("i", 0) and m.done and m.done_on == D(2026, 11, 24)


def test_progress_action_places_but_does_not_mark_done():
    log = _log(WorkItem(title="Board", actions=[Action(text="Started drafting the Q3 board pack for Dana")]))
    [m] = match_commitments([Promise(1, "send the Q3 board pack to Dana", "I", D(2026, 11, 26))], log)
    assert m.target == ("i", 0) and not m.done


def test_two_equally_good_places_are_ambiguous_not_guessed():
    log = _log(
        WorkItem(title="Acme renewal", commitments=[Commitment(what="send the renewal contract to Acme")]),
        WorkItem(title="Acme NDA", commitments=[Commitment(what="send the NDA contract to Acme")]),
    )
    [m] = match_commitments([Promise(3, "send Acme the contract", "I", None)], log)
    assert m.target is None and len(m.ambiguous) == 2


def test_each_notes_commitment_takes_one_promise():
    log = _log(WorkItem(title="Board", commitments=[Commitment(what="send the Q3 board pack to Dana")]))
    ms = match_commitments(
        [Promise(1, "send the Q3 board pack to Dana", "I", None), Promise(2, "send Q3 board pack", "I", None)], log
    )
    targets = [m.target for m in ms]
    assert targets.count(("c", 0, 0)) == 1


def test_owner_disagreement_lowers_the_score():
    log = _log(WorkItem(title="Reports", commitments=[Commitment(what="send the weekly report", owner="Priya")]))
    [m] = match_commitments([Promise(1, "send the weekly report", "I", None)], log)
    [m2] = match_commitments([Promise(1, "send the weekly report", "Priya", None)], log)
    assert m2.score > m.score


# -- merge_into on a real journal -------------------------------------------------------------


def _journal_with(tmp_path, promises, as_of=D(2026, 11, 20)):
    j = open_journal(tmp_path / "j.sqlite")
    j.record(make_draft(as_of, promises), text="update 1")
    return j


def test_merge_carries_unmentioned_promises_with_their_date(tmp_path):
    with _journal_with(tmp_path, [{"what": "send the Q3 board pack to Dana", "due": D(2026, 11, 23)}]) as j:
        log = _log(WorkItem(title="Hiring", commitments=[Commitment(what="post the job ad", due=D(2026, 11, 27))]))
        merged = j.merge_into(log)
        assert log.items[-1].title == "Hiring"  # the input log is not changed
        carried = merged.items[-1]
        assert carried.title == "Q3 board pack (carried over)"  # its item in update 1
        [c] = carried.commitments
        assert (c.what, c.due, c.state, c.source, c.journal_id) == (
            "send the Q3 board pack to Dana", D(2026, 11, 23), "open", "journal", 1,
        )
        assert merged.warnings == []


def test_merge_links_reworded_notes_commitment_and_keeps_a_passed_date(tmp_path):
    with _journal_with(tmp_path, [{"what": "send the Q3 board pack to Dana", "due": D(2026, 11, 23)}]) as j:
        log = _log(WorkItem(title="Board", commitments=[Commitment(what="Q3 board pack to Dana", due=D(2026, 11, 28))]))
        merged = j.merge_into(log)
        assert len(merged.items) == 1
        [c] = merged.items[0].commitments
        assert c.journal_id == 1 and c.source == "notes"
        assert c.due == D(2026, 11, 23)  # not re-dated silently: the playbook reports it missed


def test_merge_reports_done_from_notes(tmp_path):
    with _journal_with(tmp_path, [{"what": "send the Q3 board pack to Dana", "due": D(2026, 11, 26)}]) as j:
        log = _log(WorkItem(title="Board", actions=[Action(text="sent the Q3 board pack to Dana", on=D(2026, 11, 24))]))
        merged = j.merge_into(log)
        [c] = merged.items[0].commitments
        assert (c.state, c.journal_id, c.done_on, c.source) == ("done", 1, D(2026, 11, 24), "journal")


def test_merge_surfaces_ambiguous_matches_as_warnings(tmp_path):
    with _journal_with(tmp_path, [{"what": "send Acme the contract"}]) as j:
        log = _log(
            WorkItem(title="Renewal", commitments=[Commitment(what="send the renewal contract to Acme")]),
            WorkItem(title="NDA", waits=[Wait(what="send the NDA contract to Acme", on_whom="Acme")]),
        )
        merged = j.merge_into(log)
        assert merged.items[-1].title == CARRIED_TITLE
        assert merged.items[-1].commitments[0].journal_id == 1
        [w] = merged.warnings
        assert "journal #1" in w and "drafter journal done 1" in w
        assert all(c.journal_id is None for c in merged.items[0].commitments)


def test_unmatched_promise_goes_back_to_its_item_when_the_notes_have_it(tmp_path):
    with _journal_with(tmp_path, [{"what": "call the venue about parking", "due": D(2026, 11, 27)}]) as j:
        log = _log(WorkItem(title="q3 board  pack", notes=["agenda agreed"]), WorkItem(title="Other"))
        merged = j.merge_into(log)
        assert [c.journal_id for c in merged.items[0].commitments] == [1]
        assert len(merged.items) == 2


def test_closed_promises_are_not_carried(tmp_path):
    with _journal_with(tmp_path, [{"what": "alpha"}, {"what": "beta"}, {"what": "gamma"}]) as j:
        j.mark_done(1)
        j.drop(2, reason="not needed")
        merged = j.merge_into(_log(WorkItem(title="Other")))
        assert [c.what for c in merged.items[-1].commitments] == ["gamma"]


def test_open_promise_is_not_put_on_an_item_marked_done(tmp_path):
    """A weak item-level match on a done item would make the playbook call the promise done."""
    with _journal_with(tmp_path, [{"what": "book the board meeting room", "due": D(2026, 11, 27)}]) as j:
        log = _log(WorkItem(title="Board meeting", done=True, actions=[Action(text="agenda sent to Lee")]))
        merged = j.merge_into(log)
        [c] = [c for it in merged.items for c in it.commitments if c.journal_id == 1]
        holder = next(it for it in merged.items if c in it.commitments)
        assert not holder.done and c.state == "open"
