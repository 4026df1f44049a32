"""Unsupported content: people, dates, numbers, ids and tasks in a draft that no note line supports.

The reader's provenance check (:func:`drafter.read.provenance.unsupported_terms`) decides this for
the draft when it is there; a local check built on the grounding guard (:mod:`drafter.grounding`)
adds what it does not cover (the union is reported):

- **date**: a date phrase whose day no note phrase (nor ``as_of``) resolves to, unless its sentence
  marks it as proposed ("proposed", "I propose"): a guessed deadline is an invention;
- **number**, **id**: numbers and ticket ids that are not in the notes;
- **person**: capitalised names not in the notes, and (with the case's own annotations) words the
  draft uses as a person ("check with Kick", "Happy will") that the annotations do not name;
- **task**: a sentence that gives someone an action (will / next / ask / an option) whose content
  words no note line (or pair of adjacent lines) holds more than half of, or that gives the writer
  ("I will ...") an action the annotations give a named owner.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .recall import _word_matches, clean, sentences, tokens


@dataclass(frozen=True)
class Unsupported:
    kind: str  # person | date | number | id | task
    text: str
    sentence: str

    def to_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "sentence": self.sentence}

    def __str__(self) -> str:
        return f"{self.kind} {self.text!r} (in: {self.sentence[:80]!r})"


KINDS = ("person", "date", "number", "id", "task")
_KIND_OF = {"name": "person", "ticket": "id", "date": "date", "number": "number", "person": "person", "id": "id",
            "task": "task", "people": "person"}

_PROPOSED = re.compile(r"\bpropos", re.I)
_TASK = re.compile(
    r"\b(?:will|'ll|shall|going to|plan to|needs? to|must|to do|follow[- ]?up|please)\b|^(?:next|ask|action|todo|"
    r"fallback|if no|if not)\b|^(?:option\s+)?[A-D][.):]\s|\bi (?:can|could|would)\b",
    re.I,
)
_STOP = set("""
a an the and or but if then so of to in on at by for from with into onto over under about as is are was were be been
being it its this that these those there their they them we our us you your i me my mine he she his her him who whom
which what when where why how not no yes do does did done doing have has had will would shall should can could may
might must need needs next ask please also just still only all any each every some more most less few other another
than too very via per up out off new same own such one two three first last week weeks day days today tomorrow
yesterday mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday jan feb mar apr may
jun jul aug sep sept oct nov dec january february march april june july august september october november december
option options recommend recommended recommendation reply going plan let lets i'll we'll i'm it's don't whether say tell know now
""".split())


def _content(sentence: str) -> list[str]:
    return [t for t in tokens(sentence) if t not in _STOP and len(t) >= 3 and not t.isdigit()]


def _supported_by_lines(words: list[str], lines: list[list[str]]) -> tuple[float, int]:
    """Best share of ``words`` found in one note line or two adjacent lines, and that line's index."""
    best, at = 0.0, -1
    for i in range(len(lines)):
        pool = lines[i] + (lines[i + 1] if i + 1 < len(lines) else [])
        hit = sum(1 for w in words if any(_word_matches(w, p) for p in pool))
        share = hit / len(words)
        if share > best:
            best, at = share, i
    return best, at


_LEADER = re.compile(r"^\s*(?:[-*•+>]\s+|#{1,6}\s+|\d+[.)]\s+|\(?[A-D][.)]\s+|option [A-D][:.)]?\s+)+", re.I)
_EMPH = re.compile(r"\*\*|__|`")


def _bookkeeping_free(text: str) -> str:
    from ..grounding import BOOKKEEPING

    return BOOKKEEPING.sub("", text)


def _from_provenance(text: str, notes: str, as_of: dt.date) -> list[Unsupported] | None:
    """The reader's provenance test against all note lines, if it exists (None when it does not).

    ``unsupported_terms(text, None, log)`` returns the terms as written; each is classed here (date,
    id, number, else person) and given the draft line it is in. A date on a line that marks it as
    proposed is the writer's own proposal, not a claim.
    """
    try:
        from ..models import SourceLine, WorkLog
        from ..read.provenance import unsupported_terms
    except ImportError:
        return None
    from ..dates import find_dates
    from ..grounding import NUMBER, TICKET

    log = WorkLog(as_of=as_of, lines=[SourceLine(number=i, text=t) for i, t in enumerate(notes.splitlines(), 1)
                                      if t.strip()])
    lines = [_LEADER.sub("", _EMPH.sub("", x)) for x in _bookkeeping_free(text).splitlines()]
    try:
        found = unsupported_terms("\n".join(lines), None, log)
    except Exception:
        return None
    out = []
    for term in found or []:
        term = str(term)
        rx = re.compile(r"(?<![\w])" + re.escape(term) + r"(?![\w])")
        line = next((x for x in lines if rx.search(x)), "")
        if find_dates(term, as_of) or find_dates(term, as_of, direction="past"):
            if _PROPOSED.search(line):
                continue
            kind = "date"
        elif TICKET.fullmatch(term.strip()):
            kind = "id"
        elif NUMBER.fullmatch(term.strip()):
            kind = "number"
        else:
            from ..grounding import COMMON

            if term.strip("*_#:") in COMMON:  # the renderer's own labels ("Options", "Owner")
                continue
            kind = "person"
        out.append(Unsupported(kind, term.rstrip(".,;:) ") if kind == "date" else term, " ".join(clean(line).split())))
    return out


def _grounding_terms(text: str, notes: str, as_of: dt.date) -> list[Unsupported]:
    """Dates, numbers, ids and names (local fallback on :mod:`drafter.grounding`)."""
    from ..grounding import BOOKKEEPING, _dates, find_ungrounded_facts

    text = BOOKKEEPING.sub(lambda m: " " * len(m.group(0)), text)
    # list markers and option labels off each line ("Option B: Build ..." starts a sentence at "Build")
    text = "\n".join(_LEADER.sub("", _EMPH.sub("", x)) for x in text.split("\n"))
    note_dates = {d for _, _, d in _dates(notes, as_of)} | {as_of}
    out: list[Unsupported] = []
    spans: dict[tuple[int, int], set[dt.date]] = {}
    draft_dates = _dates(text, as_of)
    for s, e, d in draft_dates:
        spans.setdefault((s, e), set()).add(d)
    for (s, e), days in sorted(spans.items()):
        if days & note_dates:
            continue
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        if _PROPOSED.search(line):
            continue
        out.append(Unsupported("date", text[s:e].rstrip(".,;:) "), clean(line).strip()))
    all_dates = {d for _, _, d in draft_dates}  # dates are judged above, not by the grounding guard's cues
    for f in find_ungrounded_facts(text, notes, as_of, proposed_dates=all_dates):
        if f.kind == "date":
            continue
        out.append(Unsupported(_KIND_OF.get(f.kind, f.kind), f.text, " ".join(f.sentence.split())))
    return out


_FALLBACK = re.compile(r"^(?:fallback:?\s*)?if\b", re.I)
_FIRST_PERSON = re.compile(r"^(?:i|we)\b|\b(?:i will|i'll|we will|we'll|i can|i am going to)\b", re.I)
_NOTE_FALLBACK = re.compile(r"^(?:fallback:?\s*)?if\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:i|me|my|i'll|i've|i'm)\b", re.I)


_HEADING = re.compile(r"^\s*(?:#{1,6}\s|\*\*[^*]+\*\*:?\s*$|__[^_]+__\s*$|[A-Z][\w /&'-]{0,40}:\s*$|=+\s*$|-{3,}\s*$)")


_ASKS = re.compile(r"\b(?:decide|decision|whether|ask|asks|question|open)\b|\?", re.I)


def _supports(line: str, ask: bool = False) -> bool:
    """Can this note line support a task? Headings are context, never tasks; a question supports
    only an ask or a decision ("please decide whether ..."), never an action."""
    s = line.strip()
    bare = clean(line).strip()
    if not s or _HEADING.match(s) or (bare and (_HEADING.match(bare) or bare.endswith(":"))):
        return False  # a heading, or a list heading ("* What everyone is working on:")
    return ask or not s.rstrip(" *_").endswith("?")


def _named_owner(owner: str | None) -> bool:
    o = (owner or "").strip()
    return bool(o) and o[0].isupper() and o.lower() not in ("i", "me", "we", "us", "team", "the team", "everyone", "all")


def _task_terms(text: str, notes: str, ann=None) -> list[Unsupported]:
    note_lines = [t for t in (tokens(clean(line)) for line in notes.splitlines() if _supports(line)) if t]
    ask_lines = [t for t in (tokens(clean(line)) for line in notes.splitlines() if _supports(line, ask=True)) if t]
    owners = []
    if ann is not None:
        owners = [c for c in ann.commitments if _named_owner(c.owner)]
    out = []
    for s in sentences(text):
        if not _TASK.search(s):
            continue
        if _FALLBACK.match(s) and _PROPOSED.search(s):
            continue  # a fallback the writer marks as proposed is a proposal, not a claim about the notes
        words = _content(s)
        if len(words) < 2:
            continue
        share, _ = _supported_by_lines(words, ask_lines if _ASKS.search(s) else note_lines)
        if share <= 0.5:
            out.append(Unsupported("task", s[:120], s))
            continue
        if owners and _FIRST_PERSON.search(s):  # an action the notes give to someone else, reassigned to "I"
            for c in owners:
                what = _content(c.what)
                if len(what) >= 2 and sum(1 for w in what if any(_word_matches(w, x) for x in tokens(s))) / len(what) >= 0.6:
                    if c.owner.lower() not in s.lower():
                        out.append(Unsupported("task", f"{c.what} (owner {c.owner}, not I)", s))
                        break
    return out


def unsupported_content(text: str, notes: str, as_of: dt.date, annotations=None, *,
                        own_annotations: bool = True) -> list[Unsupported]:
    """Every unsupported person, date, number, id and task in ``text`` (one entry per kind and text).

    ``annotations``: the case's annotations (:class:`drafter.criteria.context.Annotations`); used for
    people and owners only when ``own_annotations`` (the case's author wrote them).
    """
    text = text or ""
    found = _from_provenance(text, notes, as_of)
    terms = list(found) if found is not None else []
    terms += _grounding_terms(text, notes, as_of)  # the draft grounding guard's view as well
    terms += _task_terms(text, notes, annotations if own_annotations else None)
    if annotations is not None and own_annotations:
        from ..criteria.context import unannotated_people

        terms += [Unsupported("person", w, " ".join(clean(line).split())) for w, line in unannotated_people(text, annotations)]
    seen, out = set(), []
    for t in terms:  # one entry per term: "9:30" and "9:30 AM" from the two checks are one number
        key = (t.kind, re.sub(r"\D", "", t.text) if t.kind == "number" else t.text.lower())
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out


def counts(terms: list[Unsupported]) -> dict[str, int]:
    return {k: sum(1 for t in terms if t.kind == k) for k in KINDS}
