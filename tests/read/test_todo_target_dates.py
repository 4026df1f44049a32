"""A release checklist whose version sections each end with their own target date ("*Tentatively
publishing on PyPI by 2023-07-26, last Wednesday in July.*"; the shape of auldcommons
developer-notes/todo.md, CC0-1.0; made-up text): the line dates its section, it is the section's
goal and deadline (hedged as the notes hedge it), the headline leads with it, and a delegation plan
uses that date instead of proposing one."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes

NOTES = """\
# Todo

### version `0.3.0`

- [x] split the parser into modules
- [x] write the changelog

*Tentatively publishing on PyPI by 2024-03-03, first Sunday in March.*

### version `0.4.0`

- [ ] add type hints to the public API
- [ ] set up the docs site

*Tentatively publishing on PyPI by 2024-03-20, third Wednesday in March.*

### later

- [ ] rewrite the CLI
"""


def test_each_section_has_its_own_target_date():
    log = read_notes(NOTES, dt.date(2024, 3, 4))
    by = {i.title: i for i in log.items}
    nxt = next(i for t, i in by.items() if "0.4.0" in t)
    assert nxt.deadline == dt.date(2024, 3, 20)
    assert nxt.outcome == "publishing on PyPI (tentatively)"
    later = next(i for t, i in by.items() if "later" in t)
    assert later.deadline is None  # no line dates it: no date is made up
    assert not any("Tentatively" in c.what for i in log.items for c in i.commitments)


def test_headline_and_plan_use_the_notes_date():
    d = Drafter(engine="offline")
    update = d.draft("update", NOTES, as_of="2024-03-04").render("markdown")
    assert update.splitlines()[0].startswith("No blockers: version 0.4.0 — publishing on PyPI (tentatively) on Wed 20 Mar"), update
    plan = d.draft("delegate", NOTES, as_of="2024-03-04", delegate_to="Sam").render("markdown")
    assert "Deadline: Wed 20 Mar" in plan and "Deadline: Wed 20 Mar (proposed)" not in plan, plan
    assert "ready for the publishing" not in plan
