"""The evidence of note lines and the terms an element must find in it (people, dates, numbers,
ids): the word-level half of :mod:`drafter.read.provenance`, which decides and drops."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache


TICKET = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{1,9}-\d+\b|(?<![\w&])#\d+\b")
NUMBER = re.compile(r"(?<![\w.-])[$€£]?\d+(?:[.,:]\d+)*(?:k|m|bn|%)?(?![\w])", re.I)
CAPITAL = re.compile(r"(?<![\w@'’])@?[A-Z][\w'’.-]*[\w]|(?<![\w'’])@[\w][\w.-]*[\w]")
SENTENCE_START = re.compile(r"(?:^|[.!?;:]\s+|\n\s*|[-*•]\s+|\(\s*)$")
URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+|\S+@\S+\.\w+")

# The notes' own voice, never a claim that needs a line.
SELF = {"i", "me", "my", "myself", "we", "us", "our", "ourselves", "you", "your", "self", "owner", "the owner"}

# Capitalised words that are no names: calendar, common sentence words, status and section words.
_NOT_NAMES = set(
    """
    I I'm I'll I've I'd A An The This That These Those It Its If When Then So But And Or Also Not No Yes
    Next Now Today Tomorrow Yesterday Tonight Done Todo TODO Note Notes Action Actions Item Items AI
    Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec January February March April June July August
    September October November December EOD EOW COB ASAP ETA FYI TBD OK AM PM UTC Q1 Q2 Q3 Q4
    He She They We You Our Your Their His Her Him Them Us Me My
    """.split()
)

_WORD_FREQ_NAME = 3.0  # zipf frequency above which a sentence-initial capitalised word is a word
# After a sentence's first word, what makes it a name: "Sam will", "Raj said", "Sam's", "Sam (legal)".
_NAME_FOLLOWS = re.compile(
    r"(?:['’]s\b|\s+\(|\s+(?:at|from|of|will|would|may|might|can|could|should|must|said|says|has|had|is|was|"
    r"owns|and|to|replied|confirmed|promised|agreed|asked|wants|needs|thinks|took|owes)\b)"
)
# A weekday reads forward after "by/due/until/before/next", backward as a log prefix ("Mon:").
_FORWARD = re.compile(r"\b(?:by|due|until|till|til|before|deadline|next|this|coming|eta)\W*$", re.I)


@lru_cache(maxsize=4096)
def _common_word(word: str) -> bool:
    """Is ``word`` (any case) an ordinary English word? (wordfreq when installed, else unknown)."""
    from .wordlist import FREQUENT_MIN, frequent_english

    assert FREQUENT_MIN == _WORD_FREQ_NAME
    try:
        return frequent_english(word.lower())  # wordfreq's answer, cached per wordfreq version
    except ImportError:  # pragma: no cover - wordfreq is optional at runtime
        return False


# --------------------------------------------------------------------------------------------
# What some lines say: their text, dates, numbers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Evidence:
    text: str  # the cited lines joined, lower case
    dates: frozenset[dt.date]
    numbers: frozenset[str]
    notes: str = ""  # all of the notes' lines, lower case (a first name resolved to a full name)


def _norm_number(token: str) -> str:
    return re.sub(r"[^\d.]", "", token.replace(",", "")).rstrip(".")


def _date_mentions(text: str, as_of: dt.date, context: bool = False):
    """Date mentions in both readings; with ``context``, a weekday after "by"/"due" reads forward only
    and a line-opening "Mon:" backward only (the lines' own dates)."""
    from ..dates import find_dates

    out = []
    for direction in ("future", "past"):
        for m in find_dates(text, as_of, direction=direction):
            if context:
                before = text[max(0, m.start - 14): m.start]
                if direction == "past" and _FORWARD.search(before):
                    continue
                line_start = m.start == 0 or text[m.start - 1] == "\n"
                if direction == "future" and line_start and text[m.end: m.end + 1] == ":":
                    continue
            out.append(m)
    return out


def _evidence(texts: list[str], as_of: dt.date, notes: str = "") -> _Evidence:
    # most elements of an item cite the same lines: read those lines once, not once per element
    # (on one long line that was quadratic)
    return _evidence_of(tuple(texts), as_of, notes)


@lru_cache(maxsize=16)
def _evidence_of(texts: tuple[str, ...], as_of: dt.date, notes: str) -> _Evidence:
    joined = "\n".join(texts)
    from .written_on import reading_days

    days = reading_days(notes, as_of) if notes else (as_of,)  # also from the date the notes state
    dates = {m.date for day in days for m in _date_mentions(joined, day, context=True)} | set(days)
    return _Evidence(
        text=joined.lower(),
        dates=frozenset(dates),
        numbers=frozenset(_norm_number(m.group(0)) for m in NUMBER.finditer(joined)),
        notes=notes,
    )


_ALNUM = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=16)
def _alnum_runs(text: str) -> frozenset[str]:
    """The maximal runs of ``[a-z0-9]`` in ``text``: the words ``_occurs`` can find there."""
    return frozenset(_ALNUM.findall(text))


_TICKET_CHARS = re.compile(r"[a-z\d#-]+")


@lru_cache(maxsize=16)
def _ticket_haystack(text: str) -> str:
    """Where in ``text`` (lower case) a lower-cased id can occur, as a substring: the runs of
    letters a-z, decimal digits, ``#`` and ``-`` that hold a ``-`` or ``#``, one per line. An id
    (``pay-12``, ``#42``) is made of those characters and holds one of the two, so it occurs in
    ``text`` exactly when it occurs in one of these runs; on a long text that is a much shorter
    string to search per id."""
    if len(text) <= 4096:
        return text
    return "\n".join(r for r in _TICKET_CHARS.findall(text) if "-" in r or "#" in r)


def _occurs(word: str, evidence_text: str) -> bool:
    w = word.lower().strip("'’.-")
    w = re.sub(r"['’]s$", "", w).lstrip("@")
    if not w:
        return True
    if len(evidence_text) > 512:  # long lines: look the word up in their words instead of rescanning them
        runs = _alnum_runs(evidence_text)
        if _ALNUM.fullmatch(w):
            return w in runs
        parts = _ALNUM.findall(w)  # each run of the word is a whole run of the text where it occurs
        if parts and not all(p in runs for p in parts):
            return False
    return re.search(r"(?<![a-z0-9])@?" + re.escape(w) + r"(?![a-z0-9])", evidence_text) is not None


# --------------------------------------------------------------------------------------------
# Terms of a text that the evidence does not hold
# --------------------------------------------------------------------------------------------


def _text_terms(text: str, ev: _Evidence, as_of: dt.date) -> list[str]:
    """Names, dates, numbers and ids in ``text`` that ``ev`` does not support (as written)."""
    if not text or not text.strip():
        return []
    out: list[str] = []
    text = URL.sub(lambda m: m.group(0) if m.group(0).lower() in ev.text else " " * len(m.group(0)), text)
    spans: list[tuple[int, int]] = []

    # dates: the phrase itself occurs in the lines, or one of its readings is a date they name
    mentions: dict[tuple[int, int], list] = {}
    for m in _date_mentions(text, as_of):
        mentions.setdefault((m.start, m.end), []).append(m)
    for (s, e), ms in sorted(mentions.items()):
        spans.append((s, e))
        phrase = text[s:e]
        if any(m.date in ev.dates for m in ms) or phrase.lower() in ev.text:  # the set first: the text can be long
            continue
        out.append(phrase)

    for m in TICKET.finditer(text):
        spans.append((m.start(), m.end()))
        if m.group(0).lower() not in _ticket_haystack(ev.text):
            out.append(m.group(0))

    # inside(pos) == any(s <= pos < e for s, e in spans), by bisection (a long text has many spans)
    spans.sort()
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))

    def inside(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and reach[i] > pos

    for m in NUMBER.finditer(text):
        if inside(m.start()):
            continue
        num = _norm_number(m.group(0))
        if num and num not in ev.numbers:
            out.append(m.group(0))

    for m in CAPITAL.finditer(text):
        if inside(m.start()):
            continue
        word = m.group(0)
        bare = re.sub(r"['’]s$", "", word).strip(".-")
        if not bare or bare in _NOT_NAMES or bare.lower() in SELF or _occurs(bare, ev.text):
            continue
        if bare.isupper() and len(bare) <= 1:
            continue
        if (
            _sentence_start(text, m.start())
            and not bare.startswith("@")
            and _common_word(bare)
            and not _NAME_FOLLOWS.match(text, m.end())
        ):
            continue  # "Emailed", "Agreed": a capitalised first word that is an ordinary word
        out.append(bare)
    seen: set[str] = set()
    return [t for t in out if not (t in seen or seen.add(t))]


def _sentence_start(text: str, k: int) -> bool:
    """``SENTENCE_START.search(text[:k])`` without copying and rescanning the prefix: the prefix is
    empty, or ends in a run of white space after one of ``.!?;:-*•`` (the run not empty), after
    ``(``, or holding a line break."""
    if k == 0:
        return True
    j = k
    while j > 0 and text[j - 1].isspace():
        j -= 1
    before = text[j - 1] if j > 0 else ""
    return before == "(" or (j < k and (before in (".", "!", "?", ";", ":", "-", "*", "•") and before != "" or "\n" in text[j:k]))


@lru_cache(maxsize=256)
def _defined_initials(name: str, notes: str) -> str | None:
    """The initials the notes define for ``name`` ("Chris Manson (CM)" -> "cm"), looked up once per
    name and notes (not once per element citing it: each look is a search of the whole notes)."""
    if "(" not in notes:
        return None
    m = re.search(re.escape(name) + r"\s*\(\s*([a-z]{2,4})\s*\)", notes, re.I)
    return m.group(1).lower() if m else None


@lru_cache(maxsize=1024)
def _profile_handle(name: str, notes: str) -> str | None:
    """The code-host handle the notes link ``name`` to ("[Song Yan](https://github.com/imeoer)" -> "imeoer"),
    as :func:`drafter.read.people_forms.fold_profiles` reads it; ``notes`` is lower case."""
    m = re.search(r"\[" + re.escape(name) + r"\]\(\s*https?://(?:www\.)?(?:github|gitlab)\.com/([a-z0-9][\w.-]{0,38})/?\s*\)", notes)
    return m.group(1) if m else None


def _person_terms(name: str | None, ev: _Evidence) -> list[str]:
    """A person field: the writer's voice is supported; a lower-case role is checked as words."""
    if not name or not name.strip():
        return []
    raw = " ".join(name.split())
    if raw.lower() in SELF:
        return []
    parts = [x for x in re.split(r"\s*(?:,|&|/|\+|\band\b)\s*", raw) if x.strip()]
    if len(parts) > 1:  # "Kate Stewart, Gary O'Neall": each owner on its own ("Kate & Gary" in the line)
        return [t for x in parts for t in _person_terms(x, ev)]
    tokens = [t for t in re.split(r"[\s,/&+]+", raw) if t]
    missing = []
    for t in tokens:
        t = t.strip("()[]\"'.,:;")
        if not t or t.lower() in SELF or t.lower() in ("the", "a", "an", "and", "of", "at", "from", "my", "our"):
            continue
        if not _occurs(t, ev.text):
            missing.append(t)
    if not missing or raw.lower() in ev.text:
        return []
    ini = _defined_initials(raw, ev.notes) if ev.notes else None
    if ini and _occurs(ini, ev.text):  # "CM" in the lines, "Chris Manson (CM)" in the notes' attendee list
        return []
    handle = _profile_handle(raw.lower(), ev.notes) if ev.notes and "](" in ev.notes else None
    if handle and f"@{handle}" in ev.text:  # "@imeoer" in the lines, "[Song Yan](https://github.com/imeoer)" in the notes
        return []
    named = [t for t in tokens if t[:1].isupper()]
    if len(missing) < len(named) and ev.notes and raw.lower() in ev.notes:
        return []  # "Dana" in the lines, "Dana Whitfield" elsewhere in the notes: the same person
    return [raw]


def _date_term(value: dt.date | None, ev: _Evidence) -> list[str]:
    if value is None or value in ev.dates:
        return []
    return [value.isoformat()]
