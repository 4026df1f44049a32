"""Minutes read on their structure (GenevaERS TSC minutes, 2024-03-19, Apache-2.0, shortened): a
task line with "Randall will do this." nested under it is Randall's task, said in full; a past
meeting after "since" is no due date; a passive report under a focus heading is news, not a task;
a link standing alone on its line is where to look, not work."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes

MINUTES = """# Meeting notes TSC 2024-03-19
## Attendees
- Andrea Orth
- Randall Ness

## Items for focus in 2024

#### The road to gold

- We reviewed the [draft code of conduct](https://github.com/orgs/genevaers/discussions/300). More content was added since the TSC meeting on March 12th
- We reviewed the draft accessibility statement.

John will be emphasizing projects maturation to a gold badge this year.
[Project board](https://github.com/orgs/genevaers/projects/8/views/2)

- Tasks from last time:
  - Research Jekyll.
  - Flesh out the V5 project plan to use as the Roadmap for the Silver badge.
    - Randall will do this.
- Installation process
  - Andrea will work on this.
"""

AS_OF = dt.date(2024, 3, 20)


def _log():
    return read_notes(MINUTES, as_of=AS_OF)


def _commitments():
    return [(c.owner, c.what, c.due, c.lines) for w in _log().items for c in w.commitments]


def test_do_this_under_a_task_is_that_task_of_the_one_named():
    got = [(o, w, ln) for o, w, _, ln in _commitments() if o == "Randall Ness"]
    assert got == [("Randall Ness", "flesh out the V5 project plan to use as the Roadmap for the Silver badge", [18, 19])], got


def test_work_on_this_under_a_name_of_a_part_keeps_its_words():
    # "Installation process" is no task to say in full: the topic's name gives "this" its object
    got = {(w.title, c.owner, c.what) for w in _log().items for c in w.commitments if c.owner == "Andrea Orth"}
    assert got == {("Installation process", "Andrea Orth", "work on this.")}, got


def test_a_past_meeting_after_since_is_no_due_date_and_the_report_is_no_task():
    assert not [c for c in _commitments() if "content" in c[1].lower()], _commitments()
    assert all(c[2] is None for c in _commitments()), _commitments()
    done = [a.text for w in _log().items for a in w.actions]
    assert "More content was added since the TSC meeting on March 12th" in done, done


def test_a_link_on_its_own_line_is_no_task():
    assert not [c for c in _commitments() if "Project board" in c[1]], _commitments()


def test_the_update_calls_no_missed_date_and_names_the_task():
    text = Drafter(engine="offline").draft("update", MINUTES, as_of=AS_OF).render("markdown")
    assert "missed" not in text.lower() and "12 Mar" not in text, text
    assert "Randall Ness will flesh out the V5 project plan" in text, text
    assert "do this" not in text, text
