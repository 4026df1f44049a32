"""Date phrases in notes and drafts: resolve, find, format, and business-day arithmetic.

Everything is regex + python-dateutil (``relativedelta``), so the module imports in a few ms and
never needs ``dateparser``. Two readings of a bare weekday exist:

* ``direction="future"`` (deadlines: "by Fri", "due Thu", "meeting Tue"): the next occurrence on
  or after ``as_of``;
* ``direction="past"`` (log prefixes: "Mon: emailed Dana"): the most recent occurrence on or
  before ``as_of``.

Explicit day+month dates without a year ("20 Nov", "Dec 3", "20/11") take the year that puts them
closest to ``as_of``; numeric dates are day-first unless only month-first is valid ("11/20").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from dateutil.relativedelta import relativedelta

from .workdays import add_business_days, is_business_day  # noqa: F401  (re-exported: callers import them from here)
from .date_context import since_then, when_it_happened  # noqa: F401  (re-exported: readers import them from here)

Direction = Literal["future", "past"]

_WEEKDAYS = {
    "mon": 0, "monday": 0,
    "tue": 1, "tues": 1, "tuesday": 1,
    "wed": 2, "weds": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
    "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5,
    "sun": 6, "sunday": 6,
}  # fmt: skip
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Lower-case weekday words that are also ordinary English ("I sat down", "we wed").
_AMBIGUOUS_LOWER = {"sat", "sun", "wed"}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "a few": 3, "couple of": 2,
}  # fmt: skip

_ORDINAL_WORDS = {
    w: i + 1 for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
_ORDINAL_WORDS.update({f"twenty{sep}{w}": 20 + n for sep in ("-", " ") for w, n in list(_ORDINAL_WORDS.items())[:9]})
_ORDINAL_WORDS.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})
_ORD = "(?:" + "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _ORDINAL_WORDS), key=len, reverse=True)) + ")"

_WD = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|couple of|a few)"
_MOD = r"(?:(?P<mod>next|this|last|coming|past)\s+)"

DATE_RE = re.compile(
    r"(?<![\w/@#.-])(?:"
    # 2026-11-27, 2026/11/27
    r"(?P<iso>(?P<iy>\d{4})[-/](?P<im>\d{1,2})[-/](?P<id>\d{1,2}))"
    # (next) (Thu,) 27(th) Nov(ember)(, 2026) | 27-Nov-2026
    r"|(?P<dm>(?:(?P<dmmod>next|this|coming)\s+)?(?:(?P<dmwd>" + _WD + r")\.?,?\s+)?(?:the\s+)?"
    r"(?P<dmd>" + _DAY + r")(?:\s+of)?[ \t-]+(?P<dmm>" + _MON + r")\.?(?:[\s,-]+(?P<dmy>\d{4}))?(?!\w|:\d))"
    # (Thu,) Nov(.) 27(th)(, 2026)
    r"|(?P<md>(?:(?P<mdwd>" + _WD + r")\.?,?\s+)?(?P<mdm>" + _MON + r")\.?[ \t]+(?P<mdd>" + _DAY + r")"
    r"(?:,?\s+(?P<mdy>\d{4}))?(?!\w|:\d))"
    # the seventh of December (2026): an ordinal word needs "of" ("first may be" is no date)
    r"|(?P<dw>(?:the\s+)?(?P<dwd>" + _ORD + r")\s+of\s+(?P<dwm>" + _MON + r")\.?(?:[\s,-]+(?P<dwy>\d{4}))?(?!\w|:\d))"
    # 20/11, 11/20, 20/11/2026
    r"|(?P<num>(?P<n1>\d{1,2})/(?P<n2>\d{1,2})(?:/(?P<n3>\d{4}|\d{2}))?(?![\w/]))"
    # in 3 days, in two weeks, in a month
    r"|(?P<in>in\s+(?:~\s*|about\s+|around\s+|roughly\s+)?(?P<inn>" + _NUM + r")\s*(?P<inu>(?:business\s+|working\s+)?days?|weeks?|wks?|months?|mos?)(?=\W|$))"
    # 3 days ago, a week ago
    r"|(?P<ago>(?P<agon>" + _NUM + r")\s+(?P<agou>days?|weeks?|months?)\s+ago)"
    # end of (next) week / month / day
    r"|(?P<eo>(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?(?P<eonext>next\s+)?(?P<eou>day|week|month|business|play))"
    r"|(?P<we>(?P<wemod>this|next|coming)\s+weekend)"
    r"|(?P<abbr>eod|cob|eow|eom|close\s+of\s+business)"
    r"|(?P<rel>today|tonight|tomorrow|tmrw|tmr|yesterday|day\s+after\s+tomorrow)"
    # next/this/last week|month
    r"|(?P<wk>(?:early\s+|late\s+)?(?P<wkmod>next|this|last|past|coming)\s+(?P<wku>week|wk|month|mth))"
    # Tuesday the 21st (a weekday and a day of the month, no month: the nearest such day)
    r"|(?P<dom>(?P<domwd>" + _WD + r")\.?,?\s+(?:the\s+)?(?P<domd>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))"
    # (next|this|last) Friday
    r"|(?P<wd>" + _MOD + r"?(?P<wdn>" + _WD + r"))"
    r")(?![\w])",
    re.IGNORECASE,
)

_PREFIX = re.compile(
    r"^\s*(?:by|due|on|until|till|til|before|for|no\s+later\s+than|not\s+later\s+than|eta|deadline)[:\s]+",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """A date phrase found in text: character span, the text itself, and the resolved date."""

    start: int
    end: int
    text: str
    date: dt.date


def _closest_year(month: int, day: int, as_of: dt.date) -> dt.date | None:
    """The date with this month/day whose year puts it nearest to ``as_of``."""
    best = None
    for year in (as_of.year - 1, as_of.year, as_of.year + 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((d - as_of).days) < abs((best - as_of).days):
            best = d
    return best


def _make(year: int | None, month: int, day: int, as_of: dt.date) -> dt.date | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year is None:
        return _closest_year(month, day, as_of)
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _int(num: str) -> int:
    num = num.lower()
    num = re.sub(r"\s+", " ", num)
    return int(num) if num.isdigit() else _NUMBER_WORDS[num]


def _weekday_date(wd: int, mod: str | None, as_of: dt.date, direction: Direction) -> dt.date:
    mod = (mod or "").lower()
    if mod == "next":  # the named day of next calendar week (Mon-Sun)
        monday_next = as_of + dt.timedelta(days=7 - as_of.weekday())
        return monday_next + dt.timedelta(days=wd)
    if mod in ("last", "past"):  # most recent strictly before as_of
        back = (as_of.weekday() - wd) % 7 or 7
        return as_of - dt.timedelta(days=back)
    if mod == "coming":
        return as_of + dt.timedelta(days=(wd - as_of.weekday()) % 7)
    if direction == "past":
        return as_of - dt.timedelta(days=(as_of.weekday() - wd) % 7)
    return as_of + dt.timedelta(days=(wd - as_of.weekday()) % 7)


def _day_of_month(day: int, weekday: str | None, as_of: dt.date, direction: Direction) -> dt.date | None:
    """"Tuesday the 21st": the 21st nearest ``as_of`` (ahead of it for deadlines) that is a Tuesday."""
    first = as_of.replace(day=1)
    days = []
    for k in range(-2, 3):
        try:
            days.append((first + relativedelta(months=k)).replace(day=day))
        except ValueError:
            continue
    if weekday:
        days = [d for d in days if d.weekday() == _WEEKDAYS[weekday.lower().rstrip(".")]] or days
    ahead = [d for d in days if (d >= as_of if direction == "future" else d <= as_of)]
    pool = ahead or days
    return min(pool, key=lambda d: abs((d - as_of).days)) if pool else None


def end_of_week(as_of: dt.date) -> dt.date:
    """Friday of as_of's week (the coming Friday on a weekend)."""
    return as_of + dt.timedelta(days=(4 - as_of.weekday()) % 7)


def end_of_month(d: dt.date) -> dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _resolve_match(m: re.Match, as_of: dt.date, direction: Direction) -> dt.date | None:
    g = m.group
    if g("iso"):
        return _make(int(g("iy")), int(g("im")), int(g("id")), as_of)
    if g("dm"):
        day = int(re.match(r"\d+", g("dmd")).group(0))
        year = int(g("dmy")) if g("dmy") else None
        return _make(year, _MONTHS[g("dmm").lower().rstrip(".")], day, as_of)
    if g("dw"):
        day = _ORDINAL_WORDS[re.sub(r"\s+", " ", g("dwd").lower())]
        year = int(g("dwy")) if g("dwy") else None
        return _make(year, _MONTHS[g("dwm").lower().rstrip(".")], day, as_of)
    if g("md"):
        day = int(re.match(r"\d+", g("mdd")).group(0))
        year = int(g("mdy")) if g("mdy") else None
        return _make(year, _MONTHS[g("mdm").lower().rstrip(".")], day, as_of)
    if g("num"):
        a, b = int(g("n1")), int(g("n2"))
        year = int(g("n3")) if g("n3") else None
        if a > 12 and b <= 12:
            day, month = a, b
        elif a <= 12 and b > 12:
            day, month = b, a
        elif a <= 12 and b <= 12:
            if (a, b) == (24, 7):
                return None
            # ambiguous ("3/12"): the reading nearer the notes' day (notes speak of this week's
            # dates, "3/12" written on 10 Mar is 12 Mar), day-first when both are as near
            first, second = _make(year, b, a, as_of), _make(year, a, b, as_of)
            if first and second and abs((second - as_of).days) < abs((first - as_of).days):
                return second
            return first
        else:
            return None
        if (a, b) == (24, 7):
            return None  # "24/7"
        return _make(year, month, day, as_of)
    if g("in"):
        n, unit = _int(g("inn")), g("inu").lower()
        if "business" in unit or "working" in unit:
            return add_business_days(as_of, n)
        if unit.startswith("day"):
            return as_of + dt.timedelta(days=n)
        if unit.startswith("w"):
            return as_of + dt.timedelta(weeks=n)
        return as_of + relativedelta(months=n)
    if g("ago"):
        n, unit = _int(g("agon")), g("agou").lower()
        if unit.startswith("day"):
            return as_of - dt.timedelta(days=n)
        if unit.startswith("week"):
            return as_of - dt.timedelta(weeks=n)
        return as_of - relativedelta(months=n)
    if g("eo"):
        unit = g("eou").lower()
        base = as_of + dt.timedelta(weeks=1) if g("eonext") and unit == "week" else as_of
        if g("eonext") and unit == "month":
            base = as_of + relativedelta(months=1)
        if unit in ("day", "business", "play"):
            return as_of
        if unit == "week":
            return end_of_week(base)
        return end_of_month(base)
    if g("we"):  # "this weekend": its Sunday ("next weekend" a week on)
        sunday = as_of + dt.timedelta(days=6 - as_of.weekday())
        return sunday + dt.timedelta(weeks=1) if g("wemod").lower() == "next" else sunday
    if g("abbr"):
        word = g("abbr").lower()
        if word == "eow":
            return end_of_week(as_of)
        if word == "eom":
            return end_of_month(as_of)
        return as_of
    if g("rel"):
        word = re.sub(r"\s+", " ", g("rel").lower())
        if word in ("today", "tonight"):
            return as_of
        if word in ("tomorrow", "tmrw", "tmr"):
            return as_of + dt.timedelta(days=1)
        if word == "yesterday":
            return as_of - dt.timedelta(days=1)
        return as_of + dt.timedelta(days=2)
    if g("wk"):
        mod, unit = g("wkmod").lower(), g("wku").lower()
        unit = {"wk": "week", "mth": "month"}.get(unit, unit)
        if unit == "week":
            monday = as_of - dt.timedelta(days=as_of.weekday())
            if mod in ("next", "coming"):
                return monday + dt.timedelta(weeks=1)
            if mod in ("last", "past"):
                return monday - dt.timedelta(weeks=1)
            if direction == "past":
                return None  # "This week I redesigned ...": some day of this week, no date to give (its Friday may be ahead)
            return end_of_week(as_of)  # "this week" as a deadline = Friday
        first = as_of.replace(day=1)
        if mod in ("next", "coming"):
            return first + relativedelta(months=1)
        if mod in ("last", "past"):
            return first - relativedelta(months=1)
        return end_of_month(as_of)
    if g("dom"):
        return _day_of_month(int(g("domd")), g("domwd"), as_of, direction)
    if g("wd"):
        word = g("wdn")
        if word.lower() in _AMBIGUOUS_LOWER and word.islower() and not g("mod"):
            return None
        return _weekday_date(_WEEKDAYS[word.lower()], g("mod"), as_of, direction)
    return None


def find_dates(text: str, as_of: dt.date, direction: Direction = "future") -> list[DateMention]:
    """Every date phrase in ``text``, in order, resolved against ``as_of``.

    The last few answers are kept (readers and checks ask about the same long text many times:
    without this, one long line cited by every element of a work log is scanned once per element).
    """
    return list(_find_dates_cached(text, as_of, direction))


@lru_cache(maxsize=4096)  # the readers ask about each clause, then the provenance check about the same text
def _find_dates_cached(text: str, as_of: dt.date, direction: Direction) -> tuple[DateMention, ...]:
    out: list[DateMention] = []
    resolved: dict[tuple, dt.date | None] = {}  # a phrase's date depends on its groups only: each once
    for at, m in _date_matches(text):
        groups = m.groups()
        if groups in resolved:
            d = resolved[groups]
        else:
            d = resolved[groups] = _resolve_match(m, as_of, direction)
        if d is not None:
            out.append(DateMention(at + m.start(), at + m.end(), m.group(0), d))
    return tuple(out)


# Every word a date phrase can open with (the first run of letters of each alternative of
# DATE_RE, lower case); a phrase opening with a digit is always tried.
_FIRST_WORDS = frozenset(
    "mon monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday sat saturday sun sunday "
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september "
    "oct october nov november dec december "
    "next this coming last past early late the in by end eod cob eow eom close today tonight tomorrow tmrw tmr "
    "yesterday day a an one two three four five six seven eight nine ten couple".split()
)
_ORD_FIRST = frozenset(w.split()[0].split("-")[0] for w in _ORDINAL_WORDS)  # "twenty" of "twenty-first"
_FIRST_WORDS |= _ORD_FIRST
_UNITS = {"day", "days", "week", "weeks", "month", "months"}
# For the commonest of those words, the words that can come next in a date phrase (what DATE_RE
# allows after it; a digit or a non-ASCII word is always let through): "the" opens "the 27th of
# Nov", "the seventh of May", "the end of the week", and far more often no date at all.
_NEXT_WORDS = {
    "the": _ORD_FIRST | {"end"},
    "by": frozenset({"the", "end"}),
    "a": frozenset(_UNITS | {"couple", "few"}),
    "an": frozenset(_UNITS),
    "in": frozenset({"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "couple", "about", "around", "roughly"}),
    "this": frozenset(set(_WEEKDAYS) | {"the", "week", "wk", "month", "mth", "weekend"}),
    "next": frozenset(set(_WEEKDAYS) | {"the", "week", "wk", "month", "mth", "weekend"}),
}
_WORD = re.compile(r"\w+")
# The most words (runs of \w) a DATE_RE match can span: "next Thu the 27th of November 2026", "by
# the end of the next week" (7). A match starts and ends on a word's edge (or after a '.').
_MAX_WORDS = 7
_NOT_BEFORE = frozenset("/@#.-")  # DATE_RE's look-behind, after a non-word character


@lru_cache(maxsize=4096)
def _date_matches(text: str) -> tuple[tuple[int, re.Match], ...]:
    """The date phrases of ``text`` (scanned once for both directions and any ``as_of``), as
    ``(offset, match)``: the phrase is ``match`` shifted by ``offset`` in ``text``.

    The same phrases as ``DATE_RE.finditer(text)``, found without trying DATE_RE at every
    character: a match starts a word (its look-behind refuses a word character before it, and
    ``/@#.-``) that is a digit, a word of ``_FIRST_WORDS``, or a word with a non-ASCII letter
    (which ``re.IGNORECASE`` may fold to one); DATE_RE is tried there only, on the text from that
    word to two characters past the ``_MAX_WORDS + 1``-th word, which holds every way a match
    can go, its look-ahead included (so each try reads a few words, not the rest of the text).
    """
    if text.isascii():
        return _ascii_date_matches(text)
    found: list[tuple[int, re.Match]] = []
    end = 0
    n = len(text)
    match, first, not_before, follows = DATE_RE.match, _FIRST_WORDS, _NOT_BEFORE, _NEXT_WORDS
    spans = [w.span() for w in _WORD.finditer(text)]
    last = len(spans) - 1
    for i, (at, stop) in enumerate(spans):
        if at < end or (at and text[at - 1] in not_before):
            continue
        word = text[at:stop]
        if not (word[0].isdecimal() or not word.isascii()):
            low = word.lower()
            if low not in first:
                continue
            nexts = follows.get(low)
            if nexts is not None:  # "the", "by", ...: a date only when the next word fits
                if i == last:
                    continue
                after = text[spans[i + 1][0]: spans[i + 1][1]]
                if not (after[0].isdecimal() or not after.isascii() or after.lower() in nexts):
                    continue
        k = i + _MAX_WORDS
        hi = spans[k][1] + 2 if k <= last else n
        m = match(text[at:hi])
        if m is not None:
            found.append((at, m))
            end = at + m.end()
    return tuple(found)


def _trie(words) -> str:
    """A regex matching exactly ``words`` (lower-case ASCII), as a tree of their letters: re tries one
    branch per letter, not every word."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


# In ASCII text (lowered), the words where a date phrase can start, found by one regex: a whole
# word (of \w, not after DATE_RE's look-behind characters) opening with a digit or equal to one of
# _FIRST_WORDS. (Non-ASCII text takes the loop of _date_matches: a non-ASCII word is always tried.)
_ASCII_START = re.compile(r"(?<![\w/@#.-])(?:[0-9]|(?:" + _trie(_FIRST_WORDS) + r")(?!\w))")
_NEXT_WORD = re.compile(r"\W+(\w+)")  # from the end of a word: the word after it
_WORD_SPAN = re.compile(r"\w+(?:\W+\w+){%d}" % _MAX_WORDS)  # a word and the _MAX_WORDS words after it


def _ahead(match, text: str, at: int, size: int):
    """``match(text[at:])`` for a pattern that reads a few words, on a piece of the text after
    ``at`` long enough to hold its match (each try reads a few words, not the rest of the text)."""
    n = len(text)
    while True:
        piece = text[at: at + size]
        m = match(piece)
        if at + size >= n or (m is not None and m.end() < len(piece)):
            return m  # the piece reaches the end of the text, or the match ends inside it
        size *= 4


def _ascii_date_matches(text: str) -> tuple[tuple[int, re.Match], ...]:
    """:func:`_date_matches` of an ASCII ``text``: the same tries, at the words ``_ASCII_START``
    finds in C (in ASCII, ``str.lower`` is re.IGNORECASE's folding), not in a Python loop over
    every word of the text."""
    found: list[tuple[int, re.Match]] = []
    end = 0
    n = len(text)
    low = text.lower()
    match, follows, next_word, word_span = DATE_RE.match, _NEXT_WORDS, _NEXT_WORD.match, _WORD_SPAN.match
    for c in _ASCII_START.finditer(low):
        at = c.start()
        if at < end:
            continue
        if not low[at].isdigit():  # a word of _FIRST_WORDS, not a number
            nexts = follows.get(c.group())
            if nexts is not None:  # "the", "by", ...: a date only when the next word fits
                nm = _ahead(next_word, low, c.end(), 24)
                if nm is None:
                    continue
                after = nm.group(1)
                if not (after[0].isdigit() or after in nexts):
                    continue
        span = _ahead(word_span, text, at, 64)
        hi = at + span.end() + 2 if span is not None else n
        m = match(text[at:hi])
        if m is not None:
            found.append((at, m))
            end = at + m.end()
    return tuple(found)


def resolve_date(phrase: str, as_of: dt.date, direction: Direction = "future") -> dt.date | None:
    """Resolve one date phrase ("next Tue", "by Friday", "20/11", "EOD", ...) or None."""
    text = phrase.strip().rstrip(":-–—.,;) ").strip()
    text = _PREFIX.sub("", text)
    if not text:
        return None
    m = DATE_RE.fullmatch(text.strip())
    if m:
        return _resolve_match(m, as_of, direction)
    found = find_dates(text, as_of, direction)
    if found:
        return found[0].date
    return _dateutil_fallback(text, as_of)


def _dateutil_fallback(text: str, as_of: dt.date) -> dt.date | None:
    """Last resort for unusual explicit dates ("November the 27th, 2026")."""
    if not re.search(r"\d", text):
        return None
    from dateutil import parser as du_parser

    try:
        when = du_parser.parse(text, default=dt.datetime(as_of.year, as_of.month, as_of.day), fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    return when.date()


def format_date(d: dt.date, as_of: dt.date | None = None) -> str:
    """'Thu 27 Nov' (plus the year when it differs from as_of's year). Locale-independent."""
    out = f"{_DAY_ABBR[d.weekday()]} {d.day} {_MONTH_ABBR[d.month]}"
    if as_of is not None and d.year != as_of.year:
        out += f" {d.year}"
    return out
