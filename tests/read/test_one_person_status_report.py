"""One person's weekly status report (a title "Status Update", the person's name as a heading, then
accomplishments / plan / "Anything Blocking?" in prose): a first-person worklog, not a team standup."""

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes

NOTES = """# Status Update

## Week 01

## Dana Reyes

## Last Week's Accomplishments

Met my team, and began to introduce everyone to the codebase.
So far, we are merging the two codebases before we code anything.

## This Week's Plan

Help out those figuring out how the project works. Start to find resources on circuit analysis.

## Anything Blocking?

As stated, much of the initial work this term will be research.
Other than that, merging the two codebases is holding us back from writing some basic unit tests.
"""
AS_OF = dt.date(2019, 10, 6)


def test_the_report_is_a_first_person_worklog():
    log = read_notes(NOTES, AS_OF)
    assert log.genre == "worklog"
    plans = [(c.owner, c.what) for i in log.items for c in i.commitments]
    assert ("I", "Help out those figuring out how the project works.") in plans, plans


def test_what_holds_the_work_back_is_the_risk_in_its_own_words():
    text = Drafter(engine="offline").draft("update", NOTES, as_of=AS_OF.isoformat()).render("markdown")
    assert text.startswith("At risk: Merging the two codebases is holding us back from writing some basic unit tests."), text
    assert "no owner named" not in text
