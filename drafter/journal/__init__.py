"""Commitment journal: promises tracked across updates, so no promised date passes in silence.

    from drafter import Drafter
    from drafter.journal import open_journal

    with open_journal() as journal:                  # DRAFTER_JOURNAL or <data dir>/journal.sqlite
        d = Drafter(journal=journal)
        draft = d.update(notes, as_of="2026-11-25")  # open promises from earlier updates merged in
        journal.record(draft)                        # store this update and its promises
        journal.stats().ratio                        # say/do: kept on time / made

Importing this package is cheap: sqlite3 and pydantic only.
"""

from .store import (
    CARRIED_TITLE,
    SCHEMA_VERSION,
    Journal,
    JournalCommitment,
    JournalEvent,
    JournalUpdate,
    SayDo,
    default_journal_path,
    open_journal,
)

__all__ = [
    "CARRIED_TITLE",
    "SCHEMA_VERSION",
    "Journal",
    "JournalCommitment",
    "JournalEvent",
    "JournalUpdate",
    "SayDo",
    "default_journal_path",
    "open_journal",
]
