"""A team's weekly status report: a task table with "Team Member" and "Due" columns, and one
round per member under "Team Member Reports: <name>" headings (drafter/read/topics.py,
drafter/read/standup.py, drafter/read/people.py, drafter/render_sections.py).

The fixture is made up, in the shape of a student team's weekly status report seen on GitHub
(a source without a license, so its text is not copied here)."""

from __future__ import annotations

import datetime as dt

from drafter.engines.offline import write_update
from drafter.playbook import build_plan
from drafter.read.offline import read_structured
from drafter.render import render_fitted

NOTES = """# Week 2 Status Report

## Team Report

### Upcoming Plans & Goals
* **Goal 1:** Pick the backend framework

**Team Member** | **Task** | **Due**
------------ | ------------------------|------------
**Priya Ramaswamy** | Draft the API contract | 3/9, 11:59 PM PST
**Tomas DeLuca** | Set up the CI pipeline | 3/12, 11:59 PM PST

## Team Member Reports: Priya Ramaswamy
**Progress & Issues**
* **Tasks Completed:** I wrote the login use case.
* **Blockers:** None

**Upcoming Plans & Goals**
* **Goal 1:** Learn the payments API

## Team Member Reports: Tomas DeLuca
**Progress & Issues**
* **Tasks Completed:** I set up the repository.
* **Blockers:** None

**Upcoming Plans & Goals**
* **Goal 1:** Write the deploy script
"""
AS_OF = dt.date(2021, 3, 10)


def _log():
    return read_structured(NOTES, AS_OF)


def test_the_team_member_column_owns_each_row_and_the_due_column_dates_it():
    rows = {c.what: c for item in _log().items for c in item.commitments if c.lines and min(c.lines) < 14}
    assert rows["Draft the API contract"].owner == "Priya Ramaswamy"
    assert rows["Draft the API contract"].due == dt.date(2021, 3, 9)
    assert rows["Set up the CI pipeline"].owner == "Tomas DeLuca"
    assert rows["Set up the CI pipeline"].due == dt.date(2021, 3, 12)


def test_a_report_kind_before_the_name_is_not_part_of_the_person():
    log = _log()
    names = {p.name for p in log.people}
    assert {"Priya Ramaswamy", "Tomas DeLuca"} <= names
    assert not any(n.startswith("Team") for n in names), names
    owners = {c.owner for item in log.items for c in item.commitments}
    assert not any(o and o.startswith("Team") for o in owners), owners  # "Team Report", "Team Member Reports: ..."


def test_someone_elses_past_due_row_is_reported_as_the_notes_know_it():
    text, _ = render_fitted(write_update(build_plan(_log())), "markdown")
    assert "Priya Ramaswamy was due to draft the API contract by Tue 9 Mar; the notes do not say it is done" in text
    assert "is missed" not in text  # a verdict on someone else the notes do not give
    assert "Priya Ramaswamy will draft the API contract" not in text  # not also "will", as if still ahead
