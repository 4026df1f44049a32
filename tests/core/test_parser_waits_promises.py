"""Parser cues for who we wait on and whose promise it is (criteria U4, U5, U6, U8, U9).

Notes are written for as-of Wed 25 Nov 2026: "Fri" = 27 Nov, "Thu" = 26 Nov.
"""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.dates import find_dates
from drafter.read.personal import parse_personal
from drafter.playbook import build_plan

AS_OF = dt.date(2026, 11, 25)
D = dt.date


def waits(text: str) -> list[tuple[str | None, str]]:
    log = parse_personal(text, AS_OF)
    return [(w.on_whom, w.what) for i in log.items for w in i.waits]


def commitments(text: str) -> list[tuple[str, str, dt.date | None, str]]:
    log = parse_personal(text, AS_OF)
    return [(c.what, c.owner, c.due, c.state) for i in log.items for c in i.commitments]


@pytest.mark.parametrize(
    "text, who",
    [
        ("Vendor contract: still waiting on legal (Marta) to approve the MSA since 18 Nov.", "Marta"),
        ("Floor plan still missing because the seating chart is being redone by Ingrid.", "Ingrid"),
        ("Facilities (Joe) still has to sign the access form.", "Joe"),
        ("Budget sheet still with finance. No idea when they'll be done.", "finance"),
        ("Remaining 3 are load tests owned by our QA team (Priya).", "Priya"),
        ("Data team (Tomas) says a fix is in the next release.", "Tomas"),
    ],
)
def test_work_held_by_someone_else_is_a_wait_on_the_person(text, who):
    assert who in [w for w, _ in waits(text)], waits(text)


def test_titled_names_keep_their_title_and_do_not_split_a_line():
    text = "- speakers: missing closing slides from Dr. Keller (due Mon 30 Nov)"
    found = waits(text)
    assert ("Dr. Keller", "closing slides") in found, found
    owners = [(c[0], c[1], c[2]) for c in commitments(text)]
    assert ("closing slides", "Dr. Keller", D(2026, 11, 30)) in owners, owners


def test_someone_elses_promise_is_theirs_and_late_when_not_received():
    text = "Banners: the printer (InkWorks) promised proofs Mon 23 Nov, not received; no answer from Lena at InkWorks."
    found = commitments(text)
    assert any(who == "InkWorks" and what == "proofs" for what, who, _, _ in found), found
    assert not any(who == "I" for _, who, _, _ in found), found
    # one party to chase: the person at the company, not the company and the person twice
    assert [w for w, _ in waits(text)] == ["Lena"], waits(text)


def test_vendor_that_told_us_they_will_deliver_late_is_their_promise_with_the_new_date():
    text = "Quantix told us Mon they will deliver the Android build 2 weeks late - new date 9 Dec."
    found = commitments(text)
    assert ("the Android build", "Quantix", D(2026, 12, 9), "open") in found, found


@pytest.mark.parametrize(
    "text, what_word, due",
    [
        ("I said I'd send the pricing memo to Ola by Mon 23 Nov. didn't happen, got pulled into support.", "memo", D(2026, 11, 23)),
        ("I said I'd share the survey results with Ken on the twentieth of November; still cleaning data.", "survey", D(2026, 11, 20)),
        ("Onboarding guide: promised to Jonas by Fri 20 Nov.", "Onboarding guide", D(2026, 11, 20)),
        ("promised mktg the new banner images by 11/20, havent sent", "marketing", D(2026, 11, 20)),
    ],
)
def test_my_promises_in_other_words_are_mine_and_late(text, what_word, due):
    log = parse_personal(text, AS_OF)
    mine = [c for i in log.items for c in i.commitments if c.owner == "I"]
    assert mine and what_word in mine[0].what and mine[0].due == due, [(c.what, c.due) for c in mine]
    plan = build_plan(log)
    assert any(c.state == "missed" for ip in plan.items for c in ip.commitments)
    assert not any(w.on_whom for i in log.items for w in i.waits), "my own 'havent sent' is no wait on anyone"


def test_promise_moved_to_a_later_date_is_due_on_that_date():
    found = commitments("Cohort report - promised to Nadia for 16 Nov, then moved to 23 Nov. Both missed.")
    assert found and found[0][2] == D(2026, 11, 23) and "Nadia" in found[0][0], found


def test_inline_chat_speaker_owns_the_line_and_you_is_them():
    text = (
        "Rui [9:02 AM]: DNS change for the new domain still not done on our side\n"
        "me [9:05 AM]: we need it for the launch Tue 1 Dec, ok I'll check with you Thu"
    )
    log = parse_personal(text, AS_OF)
    assert ("Rui", "DNS change for the new domain") in [(w.on_whom, w.what) for i in log.items for w in i.waits]
    assert any("Rui" in c.what and c.due == D(2026, 11, 26) for i in log.items for c in i.commitments)


def test_decisions_offered_and_asked():
    log = parse_personal("Catering fell through.\nNeed the team leads to pick by Fri 27 Nov.", AS_OF)
    decisions = [d for i in log.items for d in i.decisions]
    assert decisions and decisions[0].who == "the team leads" and decisions[0].by == D(2026, 11, 27)
    log = parse_personal("Export is broken.\nI can rebuild it by hand - about 3 days of work, error-prone.", AS_OF)
    assert any("rebuild it by hand" in d.question for i in log.items for d in i.decisions)


def test_bare_completion_and_object_first_completion_name_the_thing():
    log = parse_personal("- ethics form - finished 2026-11-20\n- access codes sent to their admin Pia today", AS_OF)
    actions = [a.text for i in log.items for a in i.actions]
    assert any("ethics form" in a for a in actions), actions
    assert any(a.startswith("sent access codes") for a in actions), actions


def test_ordinal_word_dates_need_of():
    assert [m.date for m in find_dates("on the seventh of December", AS_OF)] == [D(2026, 12, 7)]
    assert find_dates("the first may be late", AS_OF) == []


def test_deadline_only_line_joins_the_item_it_serves():
    log = parse_personal("Workshop deck for the sales team: promised to Ana by Fri 20 Nov.\nWorkshop is Wed 2 Dec.", AS_OF)
    plan = build_plan(log)
    assert len(plan.items) == 1 and plan.items[0].item.deadline == D(2026, 12, 2), [ip.item.title for ip in plan.items]


def test_pending_work_of_ones_own_is_no_wait():
    # kriti GSoC week 6 (corpus): "Not just because of the pending work but I was having a hard time
    # ..." was read as a wait on someone; "pending review" still is one
    import datetime as dt

    from drafter.read import read_notes

    own = read_notes("- Not just because of the pending work but I was having a hard time with inheritance.\n",
                     as_of=dt.date(2018, 7, 6))
    assert not [w for i in own.items for w in i.waits]
    theirs = read_notes("- The VCSCommitBear PR is pending review from my mentor.\n", as_of=dt.date(2018, 7, 6))
    assert [w for i in theirs.items for w in i.waits]
