"""The offline reader, built on the document's structure: outline -> genre -> the genre's reader.

Personal first-person notes (genre ``notes``, the shape of ``examples/``) go to the personal
notes parser (:func:`drafter.read.personal.parse_personal`) unchanged. Minutes, standups,
worklogs, todo lists and incident/release notes are read by their own readers from the outline.
Every reader keeps the work-log invariant: each non-blank line is in exactly one item's
``lines`` or in ``unplaced``.
"""

from __future__ import annotations

import datetime as dt

from ..models import WorkLog


def read_structured(text: str, as_of: dt.date, genre: str | None = None) -> WorkLog:
    """Read ``text`` by its genre (recognised unless ``genre`` is given).

    The notes' relative dates ("Fri", "next week") are read from the date the notes state for
    themselves (:mod:`.written_on`) when they state one before ``as_of``; the log (and so the
    playbook: missed dates, proposed next steps) is as of ``as_of``.
    """
    from .written_on import written_on

    stated = written_on(text, as_of)
    log = _read(text, stated.on if stated else as_of, genre)
    log.as_of, log.written_on = as_of, stated
    return log


def _read(text: str, as_of: dt.date, genre: str | None) -> WorkLog:
    from .genre import recognise
    from .outline import build_outline
    from .people import find_people

    outline = build_outline(text)
    people = find_people(outline)
    guess = recognise(outline, people)
    if genre is not None:
        guess.genre = genre
    if guess.genre == "notes":
        from .personal import parse_personal

        log = parse_personal(text, as_of)
        log.genre = "notes"
        log.first_person = True
        return log
    from .incident import read_incident
    from .minutes import read_minutes
    from .standup import read_standup
    from .todo import read_todo
    from .worklog import read_worklog

    reader = {"minutes": read_minutes, "standup": read_standup, "worklog": read_worklog, "todo": read_todo, "incident": read_incident}[guess.genre]
    log = reader(outline, people, as_of, guess)
    log.reader = "offline"
    return log


class OfflineReader:
    name = "offline"

    def read(self, text: str, as_of: dt.date) -> WorkLog:
        return read_structured(text, as_of)

    async def aread(self, text: str, as_of: dt.date) -> WorkLog:
        return self.read(text, as_of)
