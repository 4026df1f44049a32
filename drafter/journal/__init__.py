"""Commitment journal: promises tracked across updates, so no promised date passes in silence.

    from drafter import Drafter
    from drafter.journal import open_journal

    with open_journal() as journal:                  # DRAFTER_JOURNAL or <data dir>/journal.sqlite
        d = Drafter(journal=journal)
        draft = d.update(notes, as_of="2026-11-25")  # open promises from earlier updates merged in
        journal.record(draft)                        # store this update and its promises
        journal.stats().ratio                        # say/do: kept on time / made

Names are loaded on first use, so the CLI (which imports ``drafter.journal.cli`` on every start)
does not pay for sqlite3 and the store's models unless a journal command runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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

if TYPE_CHECKING:  # pragma: no cover
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


def __getattr__(name: str):
    if name in __all__:
        from . import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
