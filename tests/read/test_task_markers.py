"""Task-state markers other than markdown boxes (org-mode TODO/DONE, '(X)' boxes, '+'/'-' entries,
'**DONE**:' leads, '(Done during this incident)'), and a todo list's update in the list's own entries.
The snippets follow real lists: Semagrams.jl's TODO.org (MIT), ranger's TODO (GPL-3.0), bashoneliners'
todo.txt (GPL-3.0), openfoodfacts' 2024-03-17 incident (lessons), univaf's 2021-06-03 report (Apache-2.0),
va.gov-team's caregiver 'Countdown to Launch' checklist."""

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes
from drafter.read.task_markers import normalise_markers

ORG = """#+TITLE: TODO

* Documentation
** TODO Document key-bindings
** TODO Write tutorial

* Refactorings
** DONE Rename to Semagrams
** TODO break down functions
*** DONE make methods on state
** TODO Refactor styling
"""

RANGER = """General

   (X) #5   09/12/06  move code from fm into objects
   (X) #6   09/12/06  move main to __init__
   ( ) #36  10/01/11  help coloring is terribly inefficient
   ( ) #38  10/01/16  searching in pager
"""

COUNTDOWN = """# Countdown to Launch (Dark Release)
May 29, 2020

## To Do:

### Front end
- [x] Content finalized
- [ ] Frontend code complete (+ schema updates)
- [ ] Print button works
- [ ] Confirmation page works
- [ ] Error message works

### Product
- [x] Submit Staging Review (2)
- [ ] Understand post May 29 plans

## Not needed prior to launch

### Front end
- [ ] GA Analytics integration
- [ ] Confirmation numbers
"""


def _all(log, kind):
    return [x for w in log.items for x in getattr(w, kind)]


def test_markers_become_boxes_line_for_line():
    lines = ORG.splitlines()
    out = normalise_markers(lines)
    assert len(out) == len(lines)
    assert out[0] == "# TODO" and out[2] == "# Documentation"
    assert out[3] == "  - [ ] Document key-bindings" and out[7] == "  - [x] Rename to Semagrams"
    assert out[9] == "    - [x] make methods on state"
    assert normalise_markers(["   (X) #5  move code", "   ( ) #36  help coloring"]) == ["   - [x] #5  move code", "   - [ ] #36  help coloring"]
    assert normalise_markers(["**DONE**: Alex added blog to prometheus.", "**TODO** a prometheus exporter on ZFS"]) == [
        "[x] Alex added blog to prometheus.", "[ ] a prometheus exporter on ZFS"]
    assert normalise_markers(["- Set up CloudWatch alarms. **(Done during this incident)**"]) == ["- [x] Set up CloudWatch alarms."]
    assert normalise_markers(["- Remove task (Done)."]) == ["- Remove task (Done)."]  # the todo reader reads this one itself
    mixed = ["- show answers", "    + on wish list page", "    - on profile page", "    + on question page"]
    assert normalise_markers(mixed) == ["- show answers", "    - [x] on wish list page", "    - [ ] on profile page", "    - [x] on question page"]
    assert normalise_markers(["- a", "- b"]) == ["- a", "- b"]  # one marker: plain bullets
    assert normalise_markers(["Done: the docs", "TODO list for later"]) == ["Done: the docs", "TODO list for later"]


def test_org_mode_todo_is_read_as_open_and_done_entries():
    log = read_notes(ORG, dt.date(2021, 6, 14))
    assert log.genre == "todo"
    cited = {ln.number: ln.text for ln in log.lines}
    assert cited[4] == "** TODO Document key-bindings" and cited[1] == "#+TITLE: TODO"  # the notes' own lines, not the boxes read from them
    assert {"Document key-bindings", "Write tutorial", "Refactor styling"} <= {c.what for c in _all(log, "commitments")}
    assert {"Rename to Semagrams", "make methods on state"} <= {a.text for a in _all(log, "actions")}


def test_an_entry_number_and_its_written_date_are_no_due_date():
    log = read_notes(RANGER, dt.date(2010, 3, 12))
    opened = _all(log, "commitments")
    assert [c.due for c in opened] == [None, None]
    assert any("help coloring" in c.what for c in opened)
    assert len(_all(log, "actions")) == 2


def test_a_checklist_update_counts_and_names_the_entries_as_written():
    text = Drafter(engine="offline").draft("update", COUNTDOWN, as_of="2020-05-29", max_words=400).render("markdown")
    first = text.splitlines()[0]
    assert first == "No blockers: Countdown to Launch (Dark Release): 2 of 9 entries done, 7 open; none has a due date.", text
    assert "Open (4 of 5): Frontend code complete (+ schema updates); Print button works; Confirmation page works; Error message works." in text
    assert "I will print" not in text and "proposed" not in text  # no promise nobody made, no date nobody gave
    assert "Not needed prior to launch: Front end" in text  # the second 'Front end' says which one it is
    assert "due Fri 29 May" not in text  # 'post May 29 plans' is after that day, not due on it
    assert "Done: Content finalized." in text or "Done (1 of 5): Content finalized." in text


def test_a_past_statement_after_a_speakers_comma_promises_nothing():
    # Node.js TSC minutes 2024-07-10: "James, talked to Yagiz a bit about this" (James said it; was "James will Yagiz a bit ...")
    notes = ("# TSC meeting 2024-07-10\n\n## Present\n\n* James Snell\n* Sam Roberts\n* Bob Lee\n\n## npm on windows\n\n"
             "* James, talked to Yagiz a bit about this, main reason was to raise visibility.\n* Sam, Bob to review the PR\n")
    log = read_notes(notes, dt.date(2024, 7, 11))
    promised = {(c.owner, c.what) for c in _all(log, "commitments")}
    assert not any("Yagiz a bit" in w for _, w in promised)
    assert promised == {("Sam Roberts, Bob Lee", "review the PR")}  # a list of names before 'to' still owns the step
