"""A mentee's weekly checkpoint: '## Week 4' then '## Status Update' / '## Plan' at the same level, a
link whose text holds a colon, an "In progress:" label over entries that report what was tried, and
the mentor's replies as 'Name: ...' lines between the entries (the shape of the Facebook open source
mentorship checkpoints, MIT; made-up text). The sections are the week's; the mentor's "I'll" is the
mentor's, with its date; what the mentee tried is done, not promised; a link's colon is no label."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes

NOTES = """\
## Week 6

Date: 03/09/2021

## Status Update

* I opened an issue [Bug report: Sidebar collapses on resize](https://example.org/issues/41) after the call. I reproduced it on two themes.

* Sent [Fix broken anchor links](https://example.org/pull/77) and got it merged

Marisol: Nice work!

In progress:

* I started on the search box.
  * Tried a first version in a draft PR.
  * Posted the draft here with questions.
  * Need to answer the review comments.

Marisol: The search index is not ready for this yet. I'll push a fix for the index this weekend.

## Plan

* Finish the search box.
* Write tests for the sidebar.
"""


def _log():
    return read_notes(NOTES, dt.date(2021, 3, 10))


def test_the_weeks_sections_are_one_entry_and_the_mentors_promise_is_hers():
    log = _log()
    assert log.genre == "worklog" and log.first_person
    assert {i.title for i in log.items} <= {"Week 6", "I started on the search box."}, [i.title for i in log.items]
    promises = [c for i in log.items for c in i.commitments]
    mentor = [c for c in promises if c.owner == "Marisol"]
    assert len(mentor) == 1 and "push a fix" in mentor[0].what and mentor[0].due == dt.date(2021, 3, 14)
    mine = {c.what.rstrip(".") for c in promises if c.owner == "I"}
    assert {"Finish the search box", "Write tests for the sidebar"} <= mine
    assert not any(w in " ".join(mine) for w in ("Tried", "Posted", "opened an issue"))
    done = " ".join(a.text for i in log.items for a in i.actions)
    assert "Tried a first version" in done and "Posted the draft" in done and "Bug report: Sidebar" in done


def test_the_update_says_whose_promise_it_is():
    text = Drafter(engine="offline").draft("update", NOTES, as_of="2021-03-10", max_words=600).render("markdown")
    assert "Marisol will push a fix for the index" in text, text
    assert "I will push a fix" not in text and "Mine: push a fix" not in text and "On my list: push a fix" not in text
