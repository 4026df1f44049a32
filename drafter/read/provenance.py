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

The evidence and the terms looked up in it live in :mod:`drafter.read.evidence`.

Elements carried over from the journal (``Commitment.source == "journal"``) come from an earlier
update, not from these notes, and are not checked here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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


from .evidence import (  # noqa: F401  (_common_word: re-exported for tests)
    SELF,
    _common_word,
    _date_term,
    _evidence,
    _occurs,
    _person_terms,
    _text_terms,
)

# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


_LAST: list = [None, 0]  # the last line map asked about, and its last line number


def _last_line(lines: dict[int, str]) -> int:
    """The notes' last non-blank line: a cited line up to it that the map lacks is a blank one
    (the log's lines are every non-blank line of the notes)."""
    if _LAST[0] is not lines:
        _LAST[:] = [lines, max(lines, default=0)]
    return _LAST[1]


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
    if missing and (missing[0] < 1 or missing[-1] > _last_line(lines)):
        return f"cites {_span(missing)}, which the notes do not have"
    # a blank line inside a cited span (front matter, a paragraph's gap) holds nothing to support
    if e.kind == "person" and e.people and e.people[0] and not _looks_like_person(e.people[0], e.evidence):
        return f"{e.people[0]!r} is a role or a common word, not a person"
    ev = _evidence([lines[n] for n in sorted(set(e.lines)) if n in lines], as_of, notes)
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
