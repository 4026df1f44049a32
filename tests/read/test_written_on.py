"""The notes' own date anchors their relative dates (drafter.read.written_on).

Header lines are quoted from the real notes in evals/real (sources and licences in each case's
.yaml); the as-of days are the cases' own or a day years later, as a user pasting old minutes.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter import Drafter
from drafter.dates import find_dates
from drafter.grounding import find_ungrounded
from drafter.read.written_on import written_on

REAL = Path(__file__).resolve().parents[2] / "evals" / "real"
LATER = dt.date(2026, 12, 2)


@pytest.mark.parametrize(
    "head, as_of, day",
    [
        ("# 2023-10-05 Falco Core Maintainers (monthly)\n\n## Attendees", LATER, dt.date(2023, 10, 5)),
        ("---\ntitle: '2018-06-26'\n---\n\n# 2018-06-26 conda-forge meeting", LATER, dt.date(2018, 6, 26)),
        ("# Backend team meeting #25\n\nWhen: 9/6/21, 20:00 UTC.\nAttending: Aapeli", dt.date(2021, 6, 10), dt.date(2021, 6, 9)),
        ("# 7/30/2020\n\nAttendance:", LATER, dt.date(2020, 7, 30)),
        ("Minutes from 82nd OpenVDB TSC meeting, March 2nd, 2021, (EDT)", LATER, dt.date(2021, 3, 2)),
        ("<h3>Nov 16, 2023 | Securing Software Repositories (EMEA-friendly)</h3>", LATER, dt.date(2023, 11, 16)),
        ("Week 10-11\n==========\n\n.. post:: August 7, 2023\n   :author: Vara", LATER, dt.date(2023, 8, 7)),
        ("# Week of 13 February 2023\n\n## Standup", LATER, dt.date(2023, 2, 13)),
    ],
)
def test_the_date_the_notes_state(head, as_of, day):
    got = written_on(head, as_of)
    assert got is not None and got.on == day
    assert got.lines and got.phrase in head.splitlines()[got.lines[0] - 1]


@pytest.mark.parametrize(
    "head, as_of",
    [
        # 9/6/21 reads as 9 June or 6 September; years later neither is near: unknown, not guessed
        ("# Backend team meeting #25\n\nWhen: 9/6/21, 20:00 UTC.", LATER),
        # a date in the story, not the document's own: prose below the title
        ("# Security incident\n\nSome text.\n\nOn 31st July 2018 a security researcher identified a token", LATER),
        # no year: not a date the document states for itself
        ("# Standup Tue 14 Mar\n\n- Ana: shipped the fix", LATER),
        # a date after as_of (a schedule, or a wrong --as-of) is not the day the notes were written
        ("# 2027-01-05 planning", LATER),
    ],
)
def test_no_date_when_the_notes_do_not_state_one(head, as_of):
    assert written_on(head, as_of) is None


def test_a_weekday_with_a_day_of_month():
    # tbd-osp-weekly-2023-02-13: "ready for acceptance PR review Tuesday the 21st"
    [m] = find_dates("ready for acceptance PR review Tuesday the 21st.", dt.date(2023, 2, 13))
    assert (m.text, m.date) == ("Tuesday the 21st", dt.date(2023, 2, 21))


def test_old_minutes_read_today_keep_their_own_week():
    # mirage-weekly-2013-05-14 (front matter "updated: 2013-05-14"): "We're going to work with
    # Thomas next week" is the week of 20 May 2013, not the week after the day drafter runs
    notes = (REAL / "minutes" / "mirage-weekly-2013-05-14.md").read_text()
    plan = Drafter(engine="offline").plan(notes, as_of=LATER)
    assert plan.log.written_on and plan.log.written_on.on == dt.date(2013, 5, 14)
    dues = {c.due for item in plan.log.items for c in item.commitments if "Thomas" in c.what}
    assert dues == {dt.date(2013, 5, 20)}
    assert plan.as_of == LATER  # the draft is still as of the day it is written


def test_grounding_reads_the_notes_dates_from_their_day():
    notes = "# 2023-10-05 maintainers call\n\n- Ana will send the release notes on Fri.\n"
    draft = "Ana will send the release notes on Fri 6 Oct 2023."
    assert find_ungrounded(draft, notes, LATER) == []
    assert find_ungrounded("Ana will send them on Fri 13 Oct 2023.", notes, LATER)  # a date the notes never gave
    assert [m.date for m in find_dates("Fri", LATER)] != [dt.date(2023, 10, 6)]  # read from today it differs


@pytest.mark.parametrize(
    "text, day",
    [
        ("for Learning Team session in ~1mo", dt.date(2021, 7, 10)),  # emberjs/core-notes 2021-06-10
        ("review it in 2 wks", dt.date(2021, 6, 24)),
        ("ship in about two weeks", dt.date(2021, 6, 24)),
        ("back in 5 mos.", dt.date(2021, 11, 10)),
    ],
)
def test_spans_written_short_or_approximate(text, day):
    assert [m.date for m in find_dates(text, dt.date(2021, 6, 10))] == [day]


def test_no_span_where_there_is_none():
    assert find_dates("in 10 minutes, in about it, in mobile", dt.date(2021, 6, 10)) == []
