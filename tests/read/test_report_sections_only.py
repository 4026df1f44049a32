"""A weekly report made only of section headings ("## Last Week's Accomplishments", "## This Week's
Plan", "## Anything Blocking?"): one report, its plan and blocker kept (not an item named after the
first bullet's words and then dropped), a "Decide on X" under accomplishments is done, and a
difficulty told in two sentences stays one risk."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes

REPORT = """## Last Week's Accomplishments

- Work with Alex to enable CI builds on the validator
- Decide on AWS Lambda for hosting content

## This Week's Plan

- Push live dummy endpoints for projects.

## Anything Blocking?

- I will likely need to enter a credit card with a hosting provider. I don't really want to use a personal one for this.
"""


def test_plan_and_blocker_are_kept_in_the_report():
    log = read_notes(REPORT, as_of=dt.date(2018, 10, 3))
    assert not log.dropped, log.dropped
    assert [w.title for w in log.items] == ["Last Week's Accomplishments"]
    w = log.items[0]
    assert [c.what for c in w.commitments] == ["Push live dummy endpoints for projects."] or \
        [c.what.rstrip(".") for c in w.commitments] == ["Push live dummy endpoints for projects"]
    assert [r.text for r in w.risk_notes] == ["I will likely need to enter a credit card with a hosting provider. "
                                             "I don't really want to use a personal one for this."]
    assert any(a.text.startswith("Decide on AWS Lambda") for a in w.actions)
    assert not w.decisions


def test_the_update_says_the_plan():
    text = Drafter(engine="offline").draft("update", REPORT, as_of=dt.date(2018, 10, 3)).render("markdown")
    assert "push live dummy endpoints" in text.lower() and "credit card" in text
