"""Which date phrases in a clause say when something happened, not when it is due: "First meeting
yesterday", "post May 29 plans", "since the TSC meeting on March 12th"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dates import DateMention


_PAST_PHRASE = re.compile(r"^(?:yesterday|last\b|past\b|previous\b|earlier\b|(?:\d+|a|one|two|three|a few|several)\s+\w+\s+ago\b)", re.I)
_SINCE_EVENT = re.compile(r"\bsince\s+(?:the|our|that|this|last)\s+(?![^,;.]*\b(?:due|deadline|by|before|until|till)\b)[^,;.]{1,40}\s+(?:on|of)\s*$", re.I)
_DUE_BEFORE = re.compile(r"\b(?:due|deadline|by|before|until|till|expected|promised|scheduled|planned|supposed)\b[^,;.]{0,12}$", re.I)


def since_then(text: str, m: DateMention) -> bool:
    """'... was added since the TSC meeting on March 12th': the day of an earlier event the clause
    counts from, neither a date it is due nor the day the work was done."""
    return bool(_SINCE_EVENT.search(text[max(0, m.start - 80) : m.start]))


def when_it_happened(text: str, m: DateMention) -> bool:
    """'First meeting yesterday', 'Call the vendor last Friday': a past phrase says when it happened,
    never a date it is due ('The report was due yesterday' is a due date: 'due' says so)."""
    if re.search(r"\b(?:post|after|since|beyond)\s*$", text[: m.start], re.I):
        return True  # "Understand post May 29 plans": the plans after that day; the day is no due date
    if since_then(text, m):
        return True  # "More content was added since the TSC meeting on March 12th": a past event, no due date
    if re.fullmatch(r"\W*#\d+\s*", text[: m.start]) and re.fullmatch(r"[\d/.-]+", m.text.strip()):
        return True  # "#36  10/01/11  help coloring is terribly inefficient": the entry's number and the day it was written
    return bool(_PAST_PHRASE.match(m.text)) and not _DUE_BEFORE.search(text[: m.start])
