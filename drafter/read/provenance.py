"""Provenance: is a work-log element supported by the note lines it cites? (Placeholder: passes
everything through until the real check lands.)"""

from __future__ import annotations

from ..models import WorkLog


def check_log(log: WorkLog) -> WorkLog:
    return log
