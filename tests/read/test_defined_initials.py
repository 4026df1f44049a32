"""Initials the notes define ("Chris Manson (CM)") stand for that person, and a line with two
owners ("CM, AL: ...") is owned by both. The shape is that of the Ember learning-team minutes
(emberjs/core-notes, learning-team/2021-06-10.md): an attendee checklist with initials, then
action items written with the initials only. Names below are made up."""
from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.engines.wording import subject
from drafter.read.outline import build_outline
from drafter.read.people import find_people

NOTES = """# June 10, 2021

## Attendees

- [x] Dana Kowalski (DK)
- [x] Omar Haddad (OH)
- [ ] Lena Fischer (LF)

## Topics

### Revisit the initiatives (DK)

Here is the doc; we are filling out updates there.

Action items:

- OH, DK: Work on the community writeup for the team session in a month
- LF: Book the room for the coworking session
"""
AS_OF = dt.date(2021, 6, 11)


def test_initials_are_the_people_they_stand_for():
    people = find_people(build_outline(NOTES))
    assert people.get("OH").name == "Omar Haddad" and people.get("dk").name == "Dana Kowalski"
    assert "OH" not in people.names() and "DK" not in people.names()  # no person of their own


def test_initials_used_for_two_people_stand_for_neither():
    notes = NOTES.replace("Lena Fischer (LF)", "Lena Fischer (OH)")
    people = find_people(build_outline(notes))
    assert people.get("OH") is None or people.get("OH").name == "OH"


def test_a_line_with_two_owners_is_owned_by_both():
    plan = Drafter(engine="offline").plan(NOTES, as_of=AS_OF)
    owners = {c.what.split()[0]: c.owner for item in plan.log.items for c in item.commitments}
    assert owners["Work"] == "Omar Haddad, Dana Kowalski"
    assert owners["Book"] == "Lena Fischer"
    assert not [d for d in plan.log.dropped if d.kind == "commitment"]  # "OH" in the line supports Omar Haddad


def test_joint_owners_are_worded_as_people_write_them():
    assert subject("Omar Haddad, Dana Kowalski") == "Omar Haddad and Dana Kowalski"
    assert subject("Ana, Bo, Cy") == "Ana, Bo and Cy"
    assert subject("I") == "I" and subject("Eric") == "Eric"


def test_a_pointer_to_a_board_is_no_task():
    # Ember minutes: "### Review action items (weekly)" then "See: [Action items board](https://...)"
    from drafter.read.people import People
    from drafter.read.signals import classify

    assert classify("See: Action items board", "doing", People()).kind == "note"
    assert classify("Slides: kickoff deck", "doing", People()).kind == "note"
    assert classify("Send the slides to Omar", "doing", People()).kind != "note"  # a task that names slides


def test_initials_in_parentheses_are_no_organisation():
    people = find_people(build_outline(NOTES))
    assert people.get("Omar Haddad").org is None  # "(OH)" is his initials, not where he works
