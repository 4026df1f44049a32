"""Minutes whose topics sit under "## Minutes/actions from previous meeting" (a TSC's minutes
nest the meeting's topics there), with "Attended by" > "TSC voting members" and "Action items" >
"New" / "Outstanding"."""

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes

NOTES = """# 2025-01-16 : TSC Minutes

## Minutes/actions from previous meeting

Correction noted from previous meeting minutes. Will update.

### Updates from related communities

#### PQCA

* First meeting yesterday.
* Tooling workgroup open to additional contributions.

### Review of subprojects

#### mlkem-native

* Main technical work complete.
* Final version - outstanding question of whether to expose API using internal key format to improve performance
* question about whether it's worth having tests here - but who would maintain?

## Action items

### New

* [ ] Open issue on meeting times (Pravek)

### Outstanding

* [ ] Document our process on the CLA

## Upcoming TAC meetings

[Please check the calendar](https://example.org/calendar/)

## Attended by

### TSC voting members

* [X] [Manuel Barbosa](https://github.com/mbbarbosa), University of Porto
* [X] [Hanno Becker](https://github.com/hanno-becker), AWS
"""
AS_OF = dt.date(2025, 1, 17)


def _log():
    return read_notes(NOTES, AS_OF)


def test_a_review_of_the_previous_minutes_lends_no_mode_to_the_topics_under_it():
    log = _log()
    tasks = [c.what for i in log.items for c in i.commitments]
    assert not any(t.startswith(("First meeting", "Main technical work", "Tooling workgroup")) for t in tasks), tasks
    assert not any(c.due for i in log.items for c in i.commitments), "a past event is no deadline"


def test_attendance_and_the_calendar_are_context():
    log = _log()
    said = [a.text for i in log.items for a in i.actions] + [c.what for i in log.items for c in i.commitments]
    assert not any("Barbosa" in s or "Becker" in s or "calendar" in s for s in said), said


def test_action_items_under_state_headings_are_one_topic():
    titles = [i.title for i in _log().items if i.commitments]
    assert "Action items" in titles and "New" not in titles and "Outstanding" not in titles, titles


def test_an_outstanding_question_of_whether_is_the_decision_asked():
    text = Drafter(engine="offline").draft("options", NOTES, as_of=AS_OF.isoformat()).render("markdown")
    assert "on whether to expose API using internal key format to improve performance" in text, text
    assert "No decision needed" not in text


def test_an_open_question_is_said_without_its_label():
    text = Drafter(engine="offline").draft("update", NOTES, as_of=AS_OF.isoformat(), max_words=400).render("markdown")
    assert "open question: whether it's worth having tests here" in text.lower(), text
    assert "question: question about" not in text.lower()
    assert "Done: Main technical work complete." in text  # a state reported, not a task for no one


def test_a_topic_entry_keeps_its_whole_title_and_a_pr_pointer_its_number():
    notes = ("# Community call\n\n## New Agenda Items\n\n- [x] (TH) New docs team\n"
             "    - [x] First project is the revamp of the conda docs with a new theme (demo)\n"
             "        - [x] Pull request: https://github.com/conda/conda/pull/13298\n")
    text = Drafter(engine="offline").draft("update", notes, as_of="2023-11-09").render("markdown")
    assert "revamp of the conda docs with a new theme" in text and "conda#13298" in text, text
    assert "Pull request." not in text


def test_take_homes_are_tasks_and_next_meetings_topics_are_not():
    notes = ("# Community call\n\n## New Agenda Items\n\n- [x] (DPC) Zenodo\n    - Want to create a DOI for conda on Zenodo.\n"
             "    - Take homes\n        - Encourage our sub-projects to create them\n        - Look into Organization DOI\n"
             "- next meetings\n    - DB\n    - frontend\n- Goals\n    - make repo smaller\n")
    tasks = [c.what for i in read_notes(notes, AS_OF).items for c in i.commitments]
    assert "Look into Organization DOI" in tasks and any(t.endswith("encourage our sub-projects to create them") or t.startswith("Encourage") for t in tasks), tasks
    assert not any(t in ("DB", "frontend", "make repo smaller") for t in tasks), tasks
