"""A commit title's scope ("dashboard.jsx: Add environment REPOSITORIES") is a file, not a person
who said something: the coala GSoC report gave people "travis.yml", "run-test.sh", "dashboard.jsx"."""

import datetime as dt

from drafter.read.offline import read_structured

# excerpt of a coala GSoC 2018 phase-3 report (/work/helpers/fresh/worklog-gsoc-coala-2018-07-23.md)
REPORT = """### Work on coding phase 3

There is a lot of work to be done in the coding phase 3, most of them are small
ones.

[.travis.yml: Let moban task not deploy](https://github.com/coala/gh-board/pull/77): merged

[.travis.yml: Enable keep-history](https://github.com/coala/gh-board/pull/73): merged

[run-test.sh: Verify files exist](https://github.com/coala/gh-board/pull/75): merged

[dashboard.jsx: Add environment REPOSITORIES](https://github.com/coala/gh-board/pull/81) approved
"""


def test_file_names_are_not_people():
    log = read_structured(REPORT, dt.date(2018, 7, 23), genre="worklog")
    names = {p.name for p in log.people}
    assert not names & {"travis.yml", ".travis.yml", "run-test.sh", "dashboard.jsx"}
    assert not any(o.who == "dashboard.jsx" for w in log.items for o in w.outcomes)
