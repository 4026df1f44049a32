"""An intern's weekly log whose entries lead the entries nested under them (the shape of hopekcc
summer-intern work logs, MIT; made-up text): a verb-led lead ("Reviewed Pull Requests:", "Begin and
complete:", "Joined the design meeting to:") is one element with its entries, citing every line; a
lead that names a part of the week ("Team Collaboration (1.5 hours):") only groups its entries;
'What's Active' is work under way, said as in progress."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes

NOTES = """\
# Summer Intern – Weekly Work Log

### Name: Dana Whitfield
### Week: Week 2

## What's Done

- Finished Unit 2: Layouts and Lists (9 hours)
- Reviewed Pull Requests:
  - Omar's PR for the splash screen
  - Lea's Week 1 Work Log
- Team Collaboration (1.5 hours):
  - Joined the design meeting to:
    - Sketch the settings page
    - Split the tasks for the demo
  - Built the first version of the settings page

## What's Active (with ETA)

- Finalizing the settings page – ETA: Week 3

## What's Next

- Begin and complete:
  - Unit 3: Networking
  - Unit 4: Storage
- Write tests for the settings page
"""


def _log():
    return read_notes(NOTES, dt.date(2025, 7, 10))


def test_a_verb_led_lead_is_one_element_with_its_entries():
    log = _log()
    done = [a for i in log.items for a in i.actions]
    reviewed = next(a for a in done if a.text.startswith("Reviewed Pull Requests"))
    assert reviewed.text == "Reviewed Pull Requests: Omar's PR for the splash screen and Lea's Week 1 Work Log"
    assert reviewed.lines == [9, 10, 11]
    assert any(a.text == "Joined the design meeting to sketch the settings page and split the tasks for the demo" for a in done), done
    assert "Team Collaboration" not in {a.text for a in done}  # a group's name, no work of its own
    assert any(a.text.startswith("Built the first version") for a in done)
    plans = [c.what for i in log.items for c in i.commitments]
    assert "Begin and complete Unit 3: Networking and Unit 4: Storage" in plans, plans
    assert not any(p in ("Begin and complete", "Unit 4: Storage") for p in plans)


def test_the_update_says_work_under_way_as_in_progress():
    text = Drafter(engine="offline").draft("update", NOTES, as_of="2025-07-10", max_words=600).render("markdown")
    assert "In progress: Finalizing the settings page – ETA: Week 3." in text, text
    assert "I will begin and complete Unit 3: Networking and Unit 4: Storage" in text  # the headline or a line
    assert "I will finalizing" not in text and "Mine: Finalizing" not in text and "On my list: Finalizing" not in text
