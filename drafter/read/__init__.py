"""Stage 1, read: notes -> typed :class:`~drafter.models.WorkLog` whose every element cites the
note lines it came from.

Two readers behind one protocol:

- ``offline`` (always there): built on the document's structure (outline, genre, speakers,
  owners); see :mod:`drafter.read.offline`.
- ``llm`` (when a model is configured): the model reads the notes into the work log with
  structured output, each element citing line numbers; see :mod:`drafter.read.llm`.

Both readers' output goes through :func:`drafter.read.provenance.check_log`, which drops (and
reports in ``WorkLog.dropped``) any element its cited lines do not support.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol, runtime_checkable

from ..models import WorkLog

READERS = ("offline", "llm")


@runtime_checkable
class Reader(Protocol):
    """Reads notes into a work log. ``name`` is ``"offline"`` or ``"llm"``."""

    name: str

    def read(self, text: str, as_of: dt.date) -> WorkLog: ...

    async def aread(self, text: str, as_of: dt.date) -> WorkLog: ...


def offline_reader() -> Reader:
    """The structure-based offline reader (no network, deterministic)."""
    from .offline import OfflineReader

    return OfflineReader()


def read_notes(text: str, as_of: dt.date, reader: Reader | None = None) -> WorkLog:
    """Read notes with ``reader`` (default: offline); the provenance check runs on the result."""
    from .provenance import check_log

    reader = reader or offline_reader()
    return check_log(reader.read(text, as_of))


async def aread_notes(text: str, as_of: dt.date, reader: Reader | None = None) -> WorkLog:
    from .provenance import check_log

    reader = reader or offline_reader()
    return check_log(await reader.aread(text, as_of))


__all__ = ["READERS", "Reader", "aread_notes", "offline_reader", "read_notes"]
