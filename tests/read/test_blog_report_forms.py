"""A first-person progress post told in paragraphs (written for this test after two GSoC blog
posts): its title says it is a worklog; "I have the following tasks on my roadmap -" leads the
list under "Next Milestones" and the list is the plan; a CI that is breaking puts the work at risk;
"it was resolved by manually adding ..." is a fix done; "This was a big struggle ..." tells how the
attempt before it went; "I was also working on ..." goes on; "I decided ..., so the first step, I
published ..." is work done."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes

POST = """---
title: "Post 2 - Google Summer of Code 2019"
---

# Post 2 - Google Summer of Code 2019

The capture demo did not plot its graph. We discussed it on the issue thread and finally it was resolved by manually adding the width in the stylesheet.

Then I started with an attempt to implement an export option to Google Sheets.
This was a big struggle and unfortunately, it went down the drain.

Then I decided that it's time to start the integration, so the first step, I published my library as an npm module.

I was also working on another feature, giving the user the ability to publish a graph as a research note.

Currently I have been working on a button to connect the camera. Have implemented most of the part but some error is arising due to the breaking of Travis CI which we'll try to get fixed within this week.

#### Next Milestones

Having completed the camera feature, I have the following tasks on my roadmap -

- Patch the download button not working problem.
- Use grunt and bundle the files.
- Refactor capture.js into independent components.
"""

AS_OF = dt.date(2019, 7, 27)


def _log():
    return read_notes(POST, as_of=AS_OF)


def test_the_post_is_a_worklog_and_its_roadmap_is_the_plan():
    log = _log()
    assert log.genre == "worklog"
    open_ = [c.what for w in log.items for c in w.commitments]
    for task in ("Patch the download button not working problem", "Use grunt and bundle the files",
                 "Refactor capture.js into independent components"):
        assert any(c.rstrip(".") == task for c in open_), open_
    assert not [c for c in open_ if "following tasks" in c], open_  # the list's lead is no task
    assert "work on a button to connect the camera" in open_, open_
    assert any(c.startswith("work on another feature") for c in open_), open_


def test_how_it_went_is_no_live_risk_and_fixes_are_done():
    log = _log()
    done = [a.text for w in log.items for a in w.actions]
    assert any(t.startswith("Then I started with an attempt") and "went down the drain" in t for t in done), done
    assert any("I published my library as an npm module" in t for t in done), done
    assert any("it was resolved by manually adding the width" in t for t in done), done
    risks = [r.text for w in log.items for r in w.risk_notes]
    assert not [r for r in risks if "struggle" in r], risks


def test_a_breaking_ci_puts_the_work_at_risk():
    text = Drafter(engine="offline").draft("update", POST, as_of=AS_OF).render("markdown")
    assert text.startswith("At risk:") and "Travis CI" in text.splitlines()[0], text
    assert "Decided:" not in text, text
