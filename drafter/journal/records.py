"""What the journal hands out: promises with their history, recorded updates, the say/do ratio."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

OPEN_STATES = ("open", "missed")


class JournalEvent(BaseModel):
    """One state report of a promise: by an update or by a ``drafter journal`` command."""

    on: dt.date
    state: str
    due: dt.date | None = None
    new_date: dt.date | None = None
    note: str | None = None
    source: Literal["update", "cli"]
    update_id: int | None = None


class JournalCommitment(BaseModel):
    """A promise as the journal knows it: current state, dates and history."""

    id: int
    what: str
    owner: str
    for_whom: str | None = None
    item: str | None = None
    due: dt.date | None = None  # the date currently promised
    original_due: dt.date | None = None  # the date first promised
    proposed_due: dt.date | None = None  # a new date the tool proposed (never the promise's due)
    state: Literal["open", "missed", "done", "dropped"]
    made_on: dt.date
    closed_on: dt.date | None = None
    missed_count: int = 0
    reason: str | None = None
    first_update: int | None = None
    last_update: int | None = None
    history: list[JournalEvent] = Field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def kept_on_time(self) -> bool:
        """Done, never reported missed, and done by the date first promised."""
        if self.state != "done" or self.missed_count:
            return False
        if self.original_due is None or self.closed_on is None:
            return True
        return self.closed_on <= self.original_due


class JournalUpdate(BaseModel):
    id: int
    as_of: dt.date
    recorded_at: str
    kind: str
    overall: str | None = None
    engine: str | None = None
    text: str
    artefact: dict


class SayDo(BaseModel):
    """Say/do over a period: promises made (first recorded) in it, and how they ended."""

    since: dt.date | None = None
    until: dt.date | None = None
    made: int = 0
    kept_on_time: int = 0
    done_late: int = 0
    missed_open: int = 0  # still open and past the date first promised, or reported missed
    open: int = 0  # still open, not yet due
    dropped: int = 0

    @property
    def ratio(self) -> float | None:
        """kept on time / made (None when nothing was made)."""
        return self.kept_on_time / self.made if self.made else None
