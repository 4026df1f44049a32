"""The offline reader. (Placeholder until the structure-based reader lands: it wraps the legacy
line parser so the protocol is usable now.)"""

from __future__ import annotations

import datetime as dt

from ..models import WorkLog


class OfflineReader:
    name = "offline"

    def read(self, text: str, as_of: dt.date) -> WorkLog:
        from .personal import parse_personal

        return parse_personal(text, as_of)

    async def aread(self, text: str, as_of: dt.date) -> WorkLog:
        return self.read(text, as_of)
