"""A round of updates written as one bullet per person ("- @ana (not attending today)" with
"Done:" / "Next:" nested under it) gives that person what is nested under it. The shape is that
of the libp2p sync-call notes (libp2p/team-mgmt, meeting-notes/2019/2019-11-25--libp2p-sync.md),
read as minutes because they list attendees; handles below are made up."""
from __future__ import annotations

import datetime as dt

from drafter import Drafter

NOTES = """# 2019-11-25 Sync Call

**Attendees**:
  - @mkg
  - @yusef

## Biweekly updates

- @vasco (not attending today)
  - Done:
     - Pubsub subsystem refactor finished
  - Blocked: N/A
  - Next:
    - Finish DHT subsystem refactor
    - Finish docs PR

- @yusef
  - Done:
    - responded to lots of PR review feedback
  - Next:
    - [ ] add more tests to the identify PR

- Release planning
  - Next:
    - cut the release branch
"""


def _owners(notes: str) -> dict[str, str | None]:
    plan = Drafter(engine="offline").plan(notes, as_of=dt.date(2019, 11, 26))
    return {c.what: c.owner for item in plan.log.items for c in item.commitments}


def test_what_is_nested_under_a_person_is_theirs():
    owners = _owners(NOTES)
    assert owners["Finish DHT subsystem refactor"] == "vasco"
    assert owners["Finish docs PR"] == "vasco"
    assert owners["add more tests to the identify PR"] == "yusef"


def test_a_topic_bullet_gives_no_owner():
    assert not _owners(NOTES)["cut the release branch"]  # "Release planning" is no person


def test_delegating_to_one_person_hands_over_only_their_work():
    draft = Drafter(engine="offline").delegate(NOTES, as_of=dt.date(2019, 11, 26), delegate_to="yusef")
    titles = [t.title for t in draft.artefact.tasks]
    assert titles and all("identify PR" in t for t in titles)


# a team report's contributions, one label per person over their points (UW AutoCalendar week 5,
# fresh2/standup-uw-autocalendar-week5.md, excerpt)
TEAM = """**Contributions of individual team members.**

*   Progress and issues:
    *   Xiaoyue Sun:
        *  This week I redesigned the front-end UI to offer a cleaner and smoother user experience.

    *   Laksh Gupta:
        * Worked on writing transformer code to convert canvas data into google calendar event objects.

*   Plans and goals for the following week:
    *   Xiaoyue Sun:
        *  Continue developing the front-end UI to make it more robust. (1 week)
        *  Add option window for configuring the extension. (4 days)

    *   Laksh Gupta:
        *  Start testing our beta code, clean up and make the code base more robust.
"""


def test_a_name_label_over_points_owns_them_and_is_no_point():
    from drafter.read.offline import read_structured

    log = read_structured(TEAM, dt.date(2021, 5, 10), genre="worklog")  # the whole report reads as a worklog
    commitments = [c for item in log.items for c in item.commitments]
    actions = [a for item in log.items for a in item.actions]
    said = [c.what for c in commitments] + [a.text for a in actions]
    assert not any(s.strip(" :") in ("Xiaoyue Sun", "Laksh Gupta") for s in said)
    owners = {c.what: c.owner for c in commitments}
    assert owners["Add option window for configuring the extension. (4 days)"] == "Xiaoyue Sun"
    assert any(o == "Laksh Gupta" for w, o in owners.items() if w.startswith("Start testing"))
