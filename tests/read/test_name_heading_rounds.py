"""A class team's standup written as one '### **Name:**' heading per person with plain bullets under
it and no part headings (the shape of cse110-sp21-group23 admin/standups, MIT; made-up text): each
heading is that person's round, found as a person because the sibling headings are all names; the
bullets' own labels ("worked on:", "Stuck:") or first words ("Planning to ...", "Finishing ...")
say which part they are; a heading with nothing under it is no news."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes

NOTES = """\
# 2022-03-08 Standup

### **Priya Raman:**
- worked on: the calendar export button
- need to work on/stuck: getting the export to keep time zones

### **Tomasz Wierzbicki:**
- Finishing the login rate limit fix.
- Planning to move the database to the new host.

### **Lena Okafor:**
- What did I work on: Wrote the onboarding copy for the sign-up page.
- Stuck: None

### **Hugo Brandt:**
"""


def _log():
    return read_notes(NOTES, dt.date(2022, 3, 9))


def test_each_name_heading_is_a_persons_round():
    log = _log()
    by = {i.owner: i for i in log.items}
    assert {"Priya Raman", "Tomasz Wierzbicki", "Lena Okafor"} <= set(by), [i.title for i in log.items]
    priya = by["Priya Raman"]
    assert [a.text for a in priya.actions] == ["the calendar export button"]
    assert [w.what for w in priya.waits] == ["getting the export to keep time zones"]
    tomasz = by["Tomasz Wierzbicki"]
    assert [(c.owner, c.what.split()[0]) for c in tomasz.commitments] == [("Tomasz Wierzbicki", "Finishing"), ("Tomasz Wierzbicki", "Planning")]
    lena = by["Lena Okafor"]
    assert [a.actor for a in lena.actions] == ["Lena Okafor"] and not lena.waits
    assert not any(ln.number in priya.lines for ln in log.unplaced)


def test_headings_of_common_words_are_not_people():
    notes = NOTES.replace("Priya Raman", "Open Questions").replace("Tomasz Wierzbicki", "Next Steps").replace("Lena Okafor", "Action Items")
    log = read_notes(notes, dt.date(2022, 3, 9))
    assert not {"Open Questions", "Next Steps", "Action Items"} & {i.owner for i in log.items}


def test_update_names_the_stuck_person_once():
    d = Drafter(engine="offline").draft("update", NOTES, as_of="2022-03-09")
    text = d.render("markdown")
    first = text.splitlines()[0]
    assert first.startswith("Blocked: Priya Raman") and "blocked:" not in first.lower().split("blocked", 1)[1], first
    assert "Tomasz Wierzbicki" in text


def test_a_plan_is_said_as_a_plan_and_work_under_way_as_in_progress():
    text = Drafter(engine="offline").draft("update", NOTES, as_of="2022-03-09", max_words=400).render("markdown")
    assert "Tomasz Wierzbicki plans to move the database to the new host." in text, text
    assert "In progress: Finishing the login rate limit fix (Tomasz Wierzbicki)." in text
    assert "will planning" not in text.lower() and "In progress: Planning" not in text
