"""Minutes whose date follows a licence comment (OpenColorIO TSC meeting notes 2020-05-18,
CC-BY-4.0, shortened): the notes' "today" is the meeting's day, not the day drafter runs; a review
promised "today" and not reported done is late with "the review" (not "the today"); "PR #1011"
keeps its number as its title; "Next week is a holiday" under the next agenda is news, no task."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes
from drafter.read.written_on import written_on

MINUTES = """<!-- SPDX-License-Identifier: CC-BY-4.0 -->
<!-- Copyright Contributors to the OpenColorIO Project. -->

May 18, 2020

Host: Michael Dolan

Attendees:
  * [X] Michael Dolan (_TSC Chair_) - Epic Games
  * [X] Doug Walker (_TSC Supervisor_) - Autodesk

Discussion:

* PR #1011
    - Doug: CLF-specific PR up and ready for review. Would like to get it merged by tomorrow for the next
      working group meeting.
    - Michael: I will review today.

* Items for next TSC meeting agenda:
  - Next week is a holiday in US and UK. Group can still meet to discuss documentation if there is interest.
"""

AS_OF = dt.date(2020, 5, 19)


def test_the_meetings_day_anchors_its_today():
    assert written_on(MINUTES, AS_OF).on == dt.date(2020, 5, 18)
    got = [(w.title, c.owner, c.due) for w in read_notes(MINUTES, as_of=AS_OF).items for c in w.commitments]
    assert ("PR #1011", "Michael Dolan", dt.date(2020, 5, 18)) in got, got
    assert not [g for g in got if g[2] == dt.date(2020, 5, 25)], got  # the holiday is no task due next week


def test_the_late_review_is_said_with_its_object():
    text = Drafter(engine="offline").draft("update", MINUTES, as_of=AS_OF).render("markdown")
    assert "late with the review" in text and "the today" not in text, text
    assert "holiday in US and UK (due" not in text, text  # news, not an open task due next week
