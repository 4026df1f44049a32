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
