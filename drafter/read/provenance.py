"""Provenance: is a work-log element supported by the note lines it cites?

An element (item, action, wait, commitment, decision, outcome, question, risk, deadline, person)
is supported when every **person, date, number and id** in it occurs in the lines it cites:

* people: a person field (owner, actor, on whom, who, for whom, asked by, a person's name) or a
  capitalised name in its text must occur in the lines (case-insensitive, as a word; ``@handle``
  and ``handle`` are the same). The writer's own voice (I, we, me, us, you) is always supported.
  A role written in lower case ("the team", "legal") is not a person: it is checked as words.
* dates: a date field or a date phrase in its text must be a date the lines name, resolved
  against ``as_of`` with :mod:`drafter.dates` (both readings of a bare weekday); "today" and the
  notes' ``as_of`` itself are always supported.
* numbers (outside dates) and ids (``ABC-123``, ``#42``) must occur in the lines.

An element that cites no lines, or lines that do not exist, is unsupported. :func:`check_log`
drops unsupported elements and records each in ``WorkLog.dropped`` (never drafted);
:func:`unsupported_terms` is the same test for any text (the drafts' grounding guard, the eval
harness), against some lines or all of them.

Elements carried over from the journal (``Commitment.source == "journal"``) come from an earlier
update, not from these notes, and are not checked here.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from ..models import (
    Action,
    Commitment,
    Decision,
    Dropped,
    Note,
    Outcome,
    Person,
    Question,
    Wait,
    WorkItem,
    WorkLog,
)

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
    dates = {m.date for m in _date_mentions(joined, as_of, context=True)} | {as_of}
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
    named = [t for t in tokens if t[:1].isupper()]
    if len(missing) < len(named) and ev.notes and raw.lower() in ev.notes:
        return []  # "Dana" in the lines, "Dana Whitfield" elsewhere in the notes: the same person
    return [raw]


def _date_term(value: dt.date | None, ev: _Evidence) -> list[str]:
    if value is None or value in ev.dates:
        return []
    return [value.isoformat()]


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def _line_map(log: WorkLog) -> dict[int, str]:
    out = {s.number: s.text for s in log.lines}
    for s in log.unplaced:
        out.setdefault(s.number, s.text)
    return out


def unsupported_terms(text: str, line_numbers: list[int] | None, log: WorkLog) -> list[str]:
    """Names, dates, numbers and ids in ``text`` that the cited lines do not hold.

    ``line_numbers`` None means all of the notes' lines (the grounding guard of drafts). Terms are
    returned as written in ``text``, each once, in order.
    """
    lines = _line_map(log)
    numbers = sorted(lines) if line_numbers is None else [n for n in line_numbers if n in lines]
    ev = _evidence([lines[n] for n in numbers], log.as_of)
    return _text_terms(text, ev, log.as_of)


def _span(lines: list[int]) -> str:
    nums = sorted(set(lines))
    if not nums:
        return "no lines"
    parts = []
    start = prev = nums[0]
    for n in nums[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ("line " if len(nums) == 1 else "lines ") + ", ".join(parts)


def _reason(terms: list[str], lines: list[int]) -> str:
    shown = ", ".join(repr(t) for t in terms[:4]) + (f" (+{len(terms) - 4} more)" if len(terms) > 4 else "")
    return f"names {shown}, not in {_span(lines)}"


@dataclass
class _Element:
    kind: str
    text: str
    lines: list[int]
    texts: list[str]
    people: list[str | None]
    dates: list[dt.date | None]
    loose: tuple[str, ...] = ()  # a decision's options: may rest on any line of its item
    evidence: str = ""  # a person's: how the reader knows it is a person (speaker, attendee, ...)


def _describe(element) -> _Element:
    """The kind, display text and checkable parts of one work-log element."""
    if isinstance(element, Action):
        return _Element("action", element.text, element.lines, [element.text], [element.actor], [element.on])
    if isinstance(element, Wait):
        return _Element(
            "wait", element.what, element.lines, [element.what], [element.on_whom],
            [element.since, element.expected_by],
        )
    if isinstance(element, Commitment):
        return _Element(
            "commitment", element.what, element.lines, [element.what], [element.owner, element.for_whom],
            [element.due, element.done_on, element.new_due],
        )
    if isinstance(element, Decision):
        return _Element(
            "decision", element.question, element.lines, [element.question], [element.who], [element.by],
            loose=(*element.options, *element.positions),
        )
    if isinstance(element, Outcome):
        return _Element("outcome", element.text, element.lines, [element.text], [element.who], [])
    if isinstance(element, Question):
        return _Element("question", element.text, element.lines, [element.text], [element.asked_by], [])
    if isinstance(element, Note):
        return _Element("risk", element.text, element.lines, [element.text], [], [])
    if isinstance(element, Person):
        return _Element("person", element.name, element.lines, [element.org or "", element.role or ""], [element.name], [],
                        evidence=element.evidence or "")
    raise TypeError(f"not a work-log element: {type(element).__name__}")


def check_element(element, log: WorkLog) -> str | None:
    """None when ``element`` is supported by the lines it cites, else the reason it is not."""
    lines = _line_map(log)
    return _check(_describe(element), lines, log.as_of, _notes_text(lines))


@dataclass(frozen=True)
class _Context:
    """What an element of an item may refer to beyond its own lines: the item's title (checked
    against the item's lines) and the people of the log cited in the item's lines (a speaker, the
    sender of a quoted email) - references resolved, as a date phrase is."""

    title: str = ""
    people: frozenset[str] = frozenset()
    lines: tuple[int, ...] = ()  # the item's lines


def _check(
    e: _Element, lines: dict[int, str], as_of: dt.date, notes: str = "", ctx: _Context | None = None
) -> str | None:
    if not e.lines:
        return "cites no lines"
    missing = sorted({n for n in e.lines if n not in lines})
    if missing:
        return f"cites {_span(missing)}, which the notes do not have"
    if e.kind == "person" and e.people and e.people[0] and not _looks_like_person(e.people[0], e.evidence):
        return f"{e.people[0]!r} is a role or a common word, not a person"
    ev = _evidence([lines[n] for n in sorted(set(e.lines))], as_of, notes)
    terms: list[str] = []
    for p in e.people:
        missing = _person_terms(p, ev)
        if missing and ctx is not None and p and p.strip().lower() in ctx.people:
            continue
        terms += missing
    for d in e.dates:
        terms += _date_term(d, ev)
    for t in e.texts:
        found = _text_terms(t, ev, as_of)
        if ctx is not None and ctx.title:
            found = [x for x in found if not _occurs(x, ctx.title)]
        terms += found
    if e.loose:
        wider = sorted(set(e.lines) | {n for n in (ctx.lines if ctx else ()) if n in lines})
        loose_ev = _evidence([lines[n] for n in wider], as_of, notes)
        for t in e.loose:
            terms += _text_terms(t, loose_ev, as_of)
    if terms:
        seen: set[str] = set()
        return _reason([t for t in terms if not (t in seen or seen.add(t))], e.lines)
    return None


def _looks_like_person(name: str, evidence: str = "") -> bool:
    """A person's name has a capital or an @handle; 'the team' or 'legal' is a role. A name the
    notes write in lower case is a person on strong evidence ("**tryggvi:** ..." as a speaker
    label, an attendee, a handle, an email), unless it is an ordinary word."""
    name = name.strip()
    if name.lower() in SELF:
        return False
    if name.startswith("@") or any(w[:1].isupper() for w in name.split()):
        return True
    if evidence in ("speaker", "attendee", "handle", "email") and re.fullmatch(r"[a-z][\w.-]*", name):
        from .people import is_common_word

        return not is_common_word(name)
    return False


def _notes_text(lines: dict[int, str]) -> str:
    return "\n".join(lines.values()).lower()


def _keep(
    elements: list, kind_lines: dict[int, str], as_of: dt.date, dropped: list[Dropped], notes: str,
    ctx: _Context | None = None,
) -> list:
    kept = []
    for el in elements:
        if isinstance(el, Commitment) and el.source == "journal":
            kept.append(el)
            continue
        e = _describe(el)
        reason = _check(e, kind_lines, as_of, notes, ctx)
        if reason is None:
            kept.append(el)
        else:
            dropped.append(Dropped(kind=e.kind, text=e.text[:300], lines=list(e.lines), reason=reason))
    return kept


def _check_item(
    item: WorkItem, lines: dict[int, str], as_of: dt.date, dropped: list[Dropped], notes: str,
    people: list[Person] = (),
) -> WorkItem | None:
    """The item with its unsupported elements removed, or None when the item itself is unsupported."""
    title_el = _Element("item", item.title, item.lines, [item.title, item.outcome or ""], [], [])
    reason = _check(title_el, lines, as_of, notes)
    if reason is not None:
        dropped.append(Dropped(kind="item", text=item.title[:300], lines=list(item.lines), reason=reason))
        return None
    update: dict = {}
    here = set(item.lines)
    ctx = _Context(
        title=item.title.lower(),
        people=frozenset(p.name.lower() for p in _people_on(people, here) if _looks_like_person(p.name, p.evidence or "")),
        lines=tuple(sorted(here)),
    )
    for field in ("actions", "waits", "commitments", "decisions", "outcomes", "questions", "risk_notes"):
        elements = getattr(item, field)
        kept = _keep(elements, lines, as_of, dropped, notes, ctx)
        if len(kept) != len(elements):
            update[field] = kept
    if "risk_notes" in update:  # ``risks`` holds the risk notes' text
        gone = {n.text for n in item.risk_notes} - {n.text for n in update["risk_notes"]}
        update["risks"] = [r for r in item.risks if r not in gone]
    if item.deadline is not None or item.deadline_label:
        d_el = _Element(
            "deadline", item.deadline_label or (item.deadline.isoformat() if item.deadline else ""),
            item.lines, [item.deadline_label or ""], [], [item.deadline],
        )
        reason = _check(d_el, lines, as_of, notes)
        if reason is not None:
            dropped.append(Dropped(kind="deadline", text=d_el.text, lines=list(item.lines), reason=reason))
            update["deadline"] = None
            update["deadline_label"] = None
    ev = _evidence([lines[n] for n in sorted(set(item.lines) & set(lines))], as_of, notes)
    people = []
    for name in item.people:
        if _person_terms(name, ev):
            dropped.append(
                Dropped(kind="person", text=name, lines=list(item.lines), reason=_reason([name], item.lines))
            )
        else:
            people.append(name)
    if len(people) != len(item.people):
        update["people"] = people
    if item.owner and _person_terms(item.owner, ev) and item.owner.strip().lower() not in ctx.people:
        dropped.append(
            Dropped(kind="owner", text=item.owner, lines=list(item.lines), reason=_reason([item.owner], item.lines))
        )
        update["owner"] = None
    if item.delegate_to and _person_terms(item.delegate_to, ev):
        dropped.append(
            Dropped(kind="delegate", text=item.delegate_to, lines=list(item.lines),
                    reason=_reason([item.delegate_to], item.lines))
        )
        update["delegate_to"] = None
    return item.model_copy(update=update) if update else item


_BY_LINE: list = [None, {}]  # the last people list asked about, and its people by line


def _people_on(people: list[Person], here: set[int]) -> list[Person]:
    """The people citing any of the lines ``here``, in the list's order (indexed by line once per
    list: a scan of every person per item was quadratic in notes with many people)."""
    if _BY_LINE[0] is not people:
        by_line: dict[int, list[int]] = {}
        for i, p in enumerate(people):
            for n in set(p.lines):
                by_line.setdefault(n, []).append(i)
        _BY_LINE[:] = [people, by_line]
    found = sorted({i for n in here for i in _BY_LINE[1].get(n, ())})
    return [people[i] for i in found]


def check_log(log: WorkLog) -> WorkLog:
    """The log with every element its cited lines do not support dropped (and listed in ``dropped``)."""
    lines = _line_map(log)
    notes = _notes_text(lines)
    dropped: list[Dropped] = list(log.dropped)
    people = _keep(log.people, lines, log.as_of, dropped, notes)  # first: only supported people resolve names
    items = []
    for item in log.items:
        kept = _check_item(item, lines, log.as_of, dropped, notes, people)
        if kept is not None:
            items.append(kept)
    if len(dropped) == len(log.dropped):
        return log
    # lines of a dropped item stay accounted for: they become unplaced
    placed = {n for it in items for n in it.lines} | {s.number for s in log.unplaced}
    cited = {n for it in log.items for n in it.lines}
    unplaced = list(log.unplaced) + [s for s in log.lines if s.number not in placed and s.number in cited]
    unplaced.sort(key=lambda s: s.number)
    return log.model_copy(update={"items": items, "people": people, "dropped": dropped, "unplaced": unplaced})


__all__ = ["check_element", "check_log", "unsupported_terms"]
