"""Offline engine headlines for an all-done update: owner's voice and the next milestone."""

from __future__ import annotations

import datetime as dt

from drafter.engines.offline import write_update
from drafter.models import Status
from drafter.parser import parse_notes
from drafter.playbook import build_plan

AS_OF = dt.date(2026, 11, 27)


def test_all_done_headline_is_first_person_and_names_the_next_milestone():
    notes = "hit 500 paying customers today\nnothing blocked, next milestone is the partner launch Tue 8 Dec\n"
    up = write_update(build_plan(parse_notes(notes, AS_OF)))
    assert up.overall == Status.DONE
    assert "I have nothing open" in up.headline
    assert "partner launch on Tue 8 Dec" in up.headline


def test_all_done_headline_without_a_milestone_has_no_next_up():
    up = write_update(build_plan(parse_notes("Released v3.2 on Mon 23 Nov, no incidents.", AS_OF)))
    assert up.overall == Status.DONE and "Next up" not in up.headline
