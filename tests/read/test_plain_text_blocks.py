"""Plain-text meeting notes laid out by indentation ("Meeting Attendees" over indented names) and
tables written with dashes ("Task Description - Assigned to - Completed? (yes/no)")."""

from __future__ import annotations

import datetime as dt

from drafter.read.offline import read_structured
from drafter.read.outline import build_outline

NOTES = """Weekly Sprint Meeting 3 for the Inventory App
Prepared by: Dana Reyes
Meeting Date: Monday, 11/11/2024

Meeting Attendees
    Dana Reyes
    Omar Haddad
    Lena Fischer

Meeting Agenda Items
    - Make sure everyone is prepared for the meeting next week
    - Check that the barcode scanner works

Status Update Since Last Meeting
    Tasks Completed:
        Task Description - Assigned to - Completed? (yes/no)
        - Finish scanner screen - Omar/Lena - yes
        - Finish stock report - Dana - no

Before The Next Meeting
    Task Assignments:
        Task Description - Assigned to
        - Fix rounding in totals - Lena
        - Set up the demo laptop - Omar/Dana

Minutes from Previous Meeting
    Omar should have fixed by today's lab, and if he can't Lena is going to help him out.
"""


def _log():
    return read_structured(NOTES, dt.date(2024, 11, 12))


def test_an_unindented_line_over_an_indented_block_heads_it():
    heads = {n.text: n.level for n in build_outline(NOTES).nodes if n.kind == "heading"}
    assert "Meeting Attendees" in heads and "Before The Next Meeting" in heads
    assert heads["Before The Next Meeting"] < heads["Task Assignments"]  # the label heading sits under it


def test_a_dash_table_is_read_by_its_columns():
    rows = [n for n in build_outline(NOTES).nodes if n.kind == "table_row"]
    assert [r.cells for r in rows if r.header] == [["Task Description", "Assigned to", "Completed? (yes/no)"], ["Task Description", "Assigned to"]]
    log = _log()
    assert log.genre == "minutes"
    owners = {c.what: c.owner for w in log.items for c in w.commitments}
    assert owners.get("Fix rounding in totals") == "Lena Fischer" and owners.get("Set up the demo laptop") == "Omar/Dana"
    done = [a.text for w in log.items for a in w.actions]
    assert any("scanner screen" in t for t in done)  # "yes" under "Completed?": done
    assert not any("stock report" in t for t in done)  # "no": not done


def test_agenda_items_are_not_work_done():
    log = _log()
    assert not any("prepared for the meeting" in a.text for w in log.items for a in w.actions)


def test_should_have_done_is_no_promise_to_have():
    log = _log()
    assert not any(c.what.startswith("have ") for w in log.items for c in w.commitments)
