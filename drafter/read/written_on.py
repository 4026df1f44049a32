"""The day the notes say they were written: the anchor for their relative dates.

Minutes, postmortems and worklogs carry their own date ("# 2023-10-05 Falco Core Maintainers",
"When: 9/6/21, 20:00 UTC.", front matter ``date: 2025-04-14``, ``.. post:: Jun 19 2023``, an
email's "Sent:" line). A "Fri" or "next week" in them means the Friday after *that* day, not after
the day drafter runs: read against today, two-year-old minutes would get deadlines in the coming
week that nobody ever set.

Only a date written with its year counts, and only where a document states its own date (front
matter, a date/when/sent label, the first line or first heading, a post directive) near the top.
A numeric date that reads both ways (9/6/21) counts only when one reading is within 60 days before
``as_of`` and the other is not; otherwise the notes' date is unknown and ``as_of`` is the anchor.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..models.worklog import WrittenOn

_TOP = 12  # non-blank lines looked at
_MONTHS = ("january february march april may june july august september october november december").split()
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_NAMED = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MON}),?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<m2>{_MON})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d))\b",
    re.I,
)
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")
_FRONT_KEYS = re.compile(r"^(?:date|updated|published|created|title|subject)\s*:", re.I)
_LABEL = re.compile(r"^(?:[*_>\s-]*)(?:date|when|sent|meeting date|held on|written)\s*[*_]*\s*:", re.I)
_POST = re.compile(r"^\.\.\s+post::", re.I)
_HEADING = re.compile(r"^\s*(?:#{1,6}\s|<h[1-6]\b|\*\*|=+\s*$)", re.I)


def _month(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(key))


def _day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _numeric(a: int, b: int, y: int, as_of: dt.date) -> dt.date | None:
    year = y + 2000 if y < 100 else y
    md, dm = _day(year, a, b), _day(year, b, a)  # month/day (US) and day/month readings
    if md == dm or dm is None:
        return md
    if md is None:
        return dm
    near = [d for d in (md, dm) if dt.timedelta(0) <= as_of - d <= dt.timedelta(days=60)]
    return near[0] if len(near) == 1 else None


def date_in(text: str, as_of: dt.date) -> tuple[dt.date, str] | None:
    """The first date with its year in ``text`` and the phrase that states it."""
    found: list[tuple[int, dt.date, str]] = []
    for m in _ISO.finditer(text):
        if d := _day(int(m["y"]), int(m["m"]), int(m["d"])):
            found.append((m.start(), d, m.group(0)))
    for m in _NAMED.finditer(text):
        day, mon, year = (m["d1"], m["m1"], m["y1"]) if m["d1"] else (m["d2"], m["m2"], m["y2"])
        if d := _day(int(year), _month(mon), int(day)):
            found.append((m.start(), d, m.group(0)))
    for m in _NUMERIC.finditer(text):
        if d := _numeric(int(m["a"]), int(m["b"]), int(m["y"]), as_of):
            found.append((m.start(), d, m.group(0)))
    if not found:
        return None
    _, d, phrase = min(found, key=lambda f: f[0])
    return d, phrase


def _candidates(lines: list[str]):
    """(1-based line number, text) of the places a document states its own date."""
    seen = 0
    in_front = False
    first_heading_done = False
    for n, raw in enumerate(lines, 1):
        text = raw.strip()
        if not text or re.fullmatch(r"<!--.*-->", text):
            continue  # "<!-- SPDX-License-Identifier: CC-BY-4.0 -->" over "May 18, 2020": the first line is the date's
        seen += 1
        if seen > _TOP:
            return
        if text == "---" and (seen == 1 or in_front):
            in_front = seen == 1  # front matter opens on the first line and closes at the next ---
            continue
        if in_front:
            if _FRONT_KEYS.match(text):
                yield n, text
            continue
        if seen == 1 or _LABEL.match(text) or _POST.match(text):
            yield n, text
            continue
        if not first_heading_done and _HEADING.match(raw):
            first_heading_done = True
            yield n, text


def written_on(text: str, as_of: dt.date) -> WrittenOn | None:
    """The date the notes state for themselves, if it is on or before ``as_of``; else None."""
    lines = text.splitlines()[:200]
    for n, line in _candidates(lines):
        if len(line) > 200:
            continue
        got = date_in(line, as_of)
        if got and got[0] <= as_of:
            return WrittenOn(on=got[0], lines=[n], phrase=got[1])
    return None


@lru_cache(maxsize=64)
def anchor(text: str, as_of: dt.date) -> dt.date:
    """The day the notes' relative dates count from: their own date, else ``as_of``."""
    w = written_on(text, as_of)
    return w.on if w else as_of


def reading_days(text: str, as_of: dt.date) -> tuple[dt.date, ...]:
    """The days the notes' relative dates may be read from: ``as_of``, and the notes' own date when
    they state an earlier one (what grounding and provenance accept a date phrase as)."""
    day = anchor(text, as_of)
    return (as_of,) if day == as_of else (as_of, day)
