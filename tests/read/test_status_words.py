"""Status words as the notes write them: only a done word nothing takes back is done.

Excerpts from the nautilussvn release plan (hemant-manwani/nautilussvn ReleasePlan.md, fresh2
trial) and the Chem-Caf3 weekly report (LucientZ/chemistry-cafe-team3-documentation week8).
"""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read.offline import read_structured
from drafter.read.status_words import awaited_party, cell_state, stated_progress
from drafter.render import render_fitted

AS_OF = dt.date(2016, 2, 2)

RELEASE_PLAN = """\
# Tasks #

| **Task**                                   | **Owner**      | **Status** |
|:-------------------------------------------|:---------------|:-----------|
| Write a press release to post on the blog  | brucevdkooij   |            |
| Everything with translations               | brucevdkooij   | Mostly done, I'll do one last grep to see if anything has not been marked translatable |
| Close all issues with milestone Release0.12 | _Everyone_    | Basically done |
| Create the proper tags in the repository   | jason.heeris   | DONE       |
| Create all packages and a tarball          | jason.heeris   | DONE except for Fedora. |
| Upload the packages and the tarball        | brucevdkooij   | If Jason sends me the packages, I'll make sure they get uploaded |
| Update the KnownIssues page                | brucevdkooij   | DONE       |
| Perhaps update the FAQ                     | brucevdkooij   | DONE       |
"""


def test_cell_states():
    assert cell_state("DONE") == "done"
    assert cell_state("DONE: Debian; Ubuntu Hardy, Jaunty, Karmic; Fedora") == "done"
    assert cell_state("DONE except for Fedora.") == "partly"
    assert cell_state("Mostly done, I'll do one last grep") == "doing"
    assert cell_state("Basically done") == "doing"
    assert cell_state("In progress") == "doing"
    assert cell_state("Testing has not been started for Canvas API") == "open"
    assert cell_state("") is None and cell_state("If Jason sends me the packages") is None
    assert awaited_party("If Jason sends me the packages, I'll make sure they get uploaded") == ("Jason", "the packages")
    assert awaited_party("If I have time") is None
    assert stated_progress("Create all packages and a tarball: DONE except for Fedora.") == (
        "Create all packages and a tarball", "done except for Fedora")
    assert stated_progress("Create the proper tags in the repository") is None


def test_task_table_status_words_are_read_as_written():
    log = read_structured(RELEASE_PLAN, AS_OF, genre="todo")
    done = [a.text for it in log.items for a in it.actions]
    open_ = [c.what for it in log.items for c in it.commitments]
    assert "Create the proper tags in the repository" in done  # "DONE" is the Done label's, not repeated
    assert "Create all packages and a tarball: DONE except for Fedora." in open_  # Fedora is left
    assert any(w.startswith("Everything with translations: Mostly done") for w in open_)
    assert "Close all issues with milestone Release0.12: Basically done" in open_
    assert not any("translations" in d or "tarball" in d or "Release0.12" in d for d in done)
    waits = [w for it in log.items for w in it.waits]
    assert [(w.on_whom, w.what.split(" (")[0]) for w in waits] == [("Jason", "the packages")]


def test_update_says_work_under_way_and_each_done_item_on_its_own_line():
    dr = Drafter(engine="offline").update(RELEASE_PLAN, as_of=AS_OF)
    text, _ = render_fitted(dr.artefact, "markdown", dr.options.model_copy(update={"max_words": 2000}))
    assert "In progress: Create all packages and a tarball (jason.heeris) — done except for Fedora." in text
    assert "In progress: Close all issues with milestone Release0.12 (Everyone) — basically done." in text
    assert "- Done: Create the proper tags in the repository (jason.heeris).\n" in text
    assert "- Done: Update the KnownIssues page (brucevdkooij).\n" in text  # not glued with ';'
    assert "Done: Everything with translations" not in text and "; Close all issues" not in text
    assert "no open waits" not in text  # the upload waits on Jason
    assert "Jason" in text.splitlines()[0]


def test_a_plan_under_done_is_open():
    # libp2p sync 2019-11-25 (libp2p/team-mgmt meeting-notes): "Planning to deprecate SECIO" under "Done:"
    notes = ("# libp2p sync\n\n- @yusefnapora\n  - Done:\n    - responded to lots of PR review feedback\n"
             "- @bigs\n  - Done:\n    - Planning to deprecate SECIO\n  - Next:\n    - Work on moving towards noise\n")
    log = read_structured(notes, dt.date(2019, 11, 26))  # read as minutes, as the real note is
    done = [a.text for it in log.items for a in it.actions]
    assert not any("SECIO" in d for d in done), done
    assert any("SECIO" in c.what and c.owner == "bigs" for it in log.items for c in it.commitments)
    assert any("review feedback" in d for d in done)  # a thing done stays done


def test_work_in_progress_in_a_done_table_is_not_done():
    # Chem-Caf3 week 8 report: the table under "What did you work on this past week?"
    notes = ("# Individual Weekly Report\n\n### What did _you_ work on this past week?\n\n"
             "| Task | Status | Time Spent | \n| ---- | ------ | ---------- |\n"
             "|Worked on the evaluation report|Completed|1 hour|\n"
             "|Investigated CI/CD pipeline issues|In progress|2 hours|\n")
    log = read_structured(notes, dt.date(2025, 4, 1), genre="worklog")
    done = [a.text for it in log.items for a in it.actions]
    assert done == ["Worked on the evaluation report"], done
    assert any(c.what.startswith("Investigated CI/CD pipeline issues") for it in log.items for c in it.commitments)


def test_not_started_under_progress_is_not_done():
    # uw_autocalendar week 5 report (danielqiang/uw_autocalendar reports/week5.md)
    notes = ("**Team Report**\n\n*   Progress and issues:\n"
             "    *   Testing has not been started for Canvas API, but class was refactored and changed to get calendar events\n"
             "    *   Beta flow was finished and demo was recorded\n")
    log = read_structured(notes, dt.date(2021, 5, 12), genre="standup")
    done = [a.text for it in log.items for a in it.actions]
    assert not any("Testing has not been started" in d for d in done), done
    assert any("Testing has not been started" in r for it in log.items for r in it.risks)  # a gap in last week's plan


def test_close_to_merged_is_not_done():
    from drafter.read.status_words import IN_PROGRESS

    # coala GSoC 2018 phase 3 report: "It is now very close to be merged, said by org admin"
    assert IN_PROGRESS.search("It is now very close to be merged, said by org admin")
    assert not IN_PROGRESS.search("I started contributing to it around May 2020")


def test_close_to_merged_in_a_worklog_is_not_done():
    # coala GSoC 2018 phase 3 report (worklog): the PR "has been pending for almost two months. It is
    # now very close to be merged, said by org admin." — not a thing done
    notes = ("# GSoC' 2018 Coding Phase 3 Week 1 & 2 report\n\n### Continue unfinished work\n\n"
             "Implement meta-review scoring has been pending for almost two months. It is now very close to be merged, said by\n"
             "org admin. I also separated one part of logic and created another PR.\n")
    log = read_structured(notes, dt.date(2018, 7, 24), genre="worklog")
    done = [a.text for it in log.items for a in it.actions]
    assert not any("close to be merged" in d for d in done), done
    assert any("separated one part of logic" in d for d in done)


def test_delegate_says_work_under_way_once():
    dr = Drafter(engine="offline").delegate(RELEASE_PLAN, as_of=AS_OF, delegate_to="brucevdkooij")
    text, _ = render_fitted(dr.artefact, "markdown", dr.options.model_copy(update={"max_words": 2000}))
    assert "Create all packages and a tarball (done except for Fedora): jason.heeris owns it" in text, text
    assert "DONE except for Fedora:" not in text
