"""A worklog's "Blockers:" line that says it is blocked now makes the week blocked; one that tells
of a past dependency does not. Shape of a GSoC weekly report (vikraman/site,
posts/2011/06/23/gsoc-weekly-report-4.markdown); the text below is paraphrased."""
from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.models import Status

REPORT = """---
date: 2011-06-23 21:32:54
layout: post
title: 'GSoC weekly report #4'
---

Hi everyone,

This is my fourth weekly report. It's been a little slow since I had been travelling.

Progress during the last week:

* Wrote the package recipe for the client
* Worked on pages for per-package stats

Blockers:

* {blocker}

Goals for next week:

* Continue work on the web UI
"""


def _plan(blocker: str):
    return Drafter(engine="offline").plan(REPORT.format(blocker=blocker), as_of=dt.date(2011, 6, 24))


def test_still_blocked_is_blocked():
    plan = _plan("Still blocked on bug 369679 to deploy the webapp")
    assert plan.log.genre == "worklog"
    assert [w.kind for item in plan.log.items for w in item.waits] == ["blocked"]
    assert plan.overall == Status.BLOCKED  # was "On track" with "still blocked" in the same line


def test_a_dependency_told_in_the_past_is_no_blocker():
    plan = _plan("Once this gets done I can finish the docs PR, which was blocked by this PR")
    assert plan.log.genre == "worklog"
    assert "blocked" not in [w.kind for item in plan.log.items for w in item.waits]
