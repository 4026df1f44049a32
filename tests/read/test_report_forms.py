"""A report written into a form: the form's own lines (its section labels, its prompts) are
structure, never work; what is written under them is. Excerpts of real reports, cited per test."""
from __future__ import annotations

import datetime as dt

from drafter.read.offline import read_structured

# UW AutoCalendar team report, week 5 (fresh2/standup-uw-autocalendar-week5.md), excerpt: the
# form's labels recur under the team's part and under the members' part
UW = """**Team Report**

*   Copy of the third section from last week:
    *   Update UI for beta (1 week)

*   Plans and goals for the following week:
    *   Start writing testing coverage for both Canvas and google calendar APIs (1-2 days)
    *   Finish final investigation of Canvas authentication to triage whether we will change it (2 days)

**Contributions of individual team members.**

*   Copy of the third section from last week:
    *   Xiaoyue Sun:
        * Update the frontend UI to manifest all kinds of functionalities. (1 week)

*   Plans and goals for the following week:
    *   Xiaoyue Sun:
        *  Continue developing the front-end UI to make it more robust. (1 week)
"""


def _said(log) -> list[str]:
    out = []
    for w in log.items:
        out += [a.text for a in w.actions] + [c.what for c in w.commitments] + [d.question for d in w.decisions]
        out += w.notes + w.risks + [q.text for q in w.questions]
    return out


def test_a_form_label_written_again_is_structure_not_a_note():
    said = _said(read_structured(UW, dt.date(2021, 5, 10), genre="worklog"))
    assert not any(s.startswith(("Copy of the third section", "Plans and goals")) for s in said), said
    assert any(s.startswith("Start writing testing coverage") for s in said)  # what the label is over is still read


def test_a_planned_investigation_of_whether_is_a_task_not_a_decision():
    log = read_structured(UW, dt.date(2021, 5, 10), genre="worklog")
    assert not [d.question for w in log.items for d in w.decisions]
    tasks = [c.what for w in log.items for c in w.commitments]
    assert any(t.startswith("Finish final investigation of Canvas authentication") for t in tasks)


# Chem-Caf3 individual weekly report, week 8 (LucientZ/chemistry-cafe-team3-documentation,
# individual-reports/week8/robert-cook/report.md; fresh2), excerpt: the form's italic prompts
CHEMCAFE = """# Individual Weekly Report

**Name**: Robbie COok

## Current Status

### What did _you_ work on this past week?

| Task | Status | Time Spent |
| ---- | ------ | ---------- |
|Worked on the evaluation report|Completed|1 hour|

*Include screenshots/diagrams/figures/etc. to illustrate what you did this past week.*

### Who was your most awesome team member this week and why?

My most awesome team member this week was Jackson because he got a lot of work done and we had a good discussion along with Kyle about what could be improved.

## Plans for Next Week

*What are you going to work on this week?*

I am going to finish the mechanism editor as well as add more API interface interactions with the backend.
"""


def test_a_forms_italic_prompts_are_neither_notes_nor_open_questions():
    log = read_structured(CHEMCAFE, dt.date(2025, 4, 1), genre="worklog")
    said = _said(log)
    assert not any("screenshots" in s or "going to work on this week" in s for s in said), said
    assert any("mechanism editor" in c.what for w in log.items for c in w.commitments)  # the answer is read


def test_a_second_entry_glued_on_by_its_list_marker_is_its_own_task():
    # UW AutoCalendar week 5 (fresh2), Benjamin Lowry's plans: two entries on one bullet line
    notes = ("*   Plans and goals for the following week:\n    *   Benjamin Lowry:\n"
             "        * Start the addition of test coverage to the Canvas class (1 day)* Revise Canvas class documentation to be updated to current functionality (1 day)\n"
             "        * Work on other improvements or stretch goals depending on team needs (2 days)\n"
             "*   Progress and issues:\n    *   Benjamin Lowry:\n        * Ariel and I worked on the Canvas API.\n")
    log = read_structured(notes, dt.date(2021, 5, 10), genre="worklog")
    tasks = [c.what for w in log.items for c in w.commitments]
    assert "Start the addition of test coverage to the Canvas class (1 day)" in tasks
    assert "Revise Canvas class documentation to be updated to current functionality (1 day)" in tasks


# UW AutoCalendar week 5 (fresh2), the team's progress under the form's labels, excerpt
PROGRESS = """**Team Report**

*   Copy of the third section from last week:
    *   Google calendar upload completed (3 days)

*   Progress and issues:
    *   Testing has not been started for Canvas API, but class was refactored and changed to get calendar events
    *   Beta flow was finished and demo was recorded

**Contributions of individual team members.**

*   Copy of the third section from last week:
    *   Xiaoyue Sun:
        * Update the frontend UI to manifest all kinds of functionalities. (1 week)

*   Progress and issues:
    *   Xiaoyue Sun:
        *  This week I redesigned the front-end UI to offer a cleaner and smoother user experience. I also added more instructions at each step.

*   Plans and goals for the following week:
    *   Xiaoyue Sun:
        *  Continue developing the front-end UI to make it more robust. (1 week)
"""


def test_progress_is_read_for_what_it_says_was_done_and_not_done():
    log = read_structured(PROGRESS, dt.date(2021, 5, 10), genre="worklog")
    done = {a.text: a for w in log.items for a in w.actions}
    assert "Beta flow was finished and demo was recorded" in done
    assert not any(t.startswith("Testing has not been started") for t in done)  # reported, not done
    redesigned = done["This week I redesigned the front-end UI to offer a cleaner and smoother user experience."]
    assert redesigned.on is None  # "this week": no day to give, never Fri 14 May
    said = _said(log)
    assert not any("Google calendar upload completed" in s for s in said)  # last week's plan, copied: context


def test_a_question_heading_is_answered_by_its_own_section_not_read_in_the_parents_mode():
    # "Who was your most awesome team member ...?" sits under "## Current Status" (a "done" heading)
    log = read_structured(CHEMCAFE, dt.date(2025, 4, 1), genre="worklog")
    done = [a.text for w in log.items for a in w.actions]
    assert not any("awesome team member" in t for t in done), done
    assert "Worked on the evaluation report" in done  # the work table still reads as done
