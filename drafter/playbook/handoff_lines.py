"""What the notes' own lines say about a hand-over: the runbook steps they spell out, the first run,
what counts as done, the quality bar, check-ins, a recurring step's due date, the delegate's load
and the loops the writer keeps (read from the raw lines, verbatim; nothing is made up)."""

from __future__ import annotations

import datetime as dt
import re

from ..models import CheckInFacts, WorkItem, WorkLog
from .contacts import aliases, names_of, same_person
from .text import VERBS, clean, commitment_object


_STEPS_LINE = re.compile(r"^(?:[-*•]\s*)?(?:steps?|process|procedure|how(?: to)?|checklist|routine)\s*[:\-—]\s*(?P<body>.+)$", re.I)
_ROUTINE = re.compile(r"\bI\s+(?P<body>(?:" + "|".join(sorted(VERBS, key=lambda v: (-len(v), v))) + r")\b.+)$", re.I)
_FIRST_RUN = re.compile(r"\bfirst\s+(?:run|one|report|time|week|cycle|batch|send)\b", re.I)
_KEEP_LINE = re.compile(r"\b(?:stays?|remains?) with me\b|\bI(?:'ll| will)? keep\b|\bI(?:'ll| will) still\b", re.I)
# what speaks of a person's load ("Priya is also covering the on-call rotation"); "load balancers" does not
_LOAD_WORDS = re.compile(r"\b(?:covering|rotation|busy|on leave|holiday|vacation|capacity|(?:work)?load(?!\s+balanc)|swamped|stretched|part[- ]time|"
                         r"also (?:covering|working on|on|doing|running|leading|handling)|available|availability|hours (?:a|per) week)\b", re.I)


def item_lines(item: WorkItem, log: WorkLog) -> list[str]:
    """The notes' own text for an item: its placed lines (or its free notes), verbatim."""
    by_number = {line.number: line.text for line in log.lines}
    lines = [by_number[n] for n in item.lines if n in by_number] or list(item.notes)
    return [clean(re.sub(r"^\s*(?:[-*•]|\d+[.)])\s*", "", t)) for t in lines if clean(t)]


def split_steps(body: str) -> list[str]:
    """'export X, compare Y, post, file Z' -> ['export X', 'compare Y', 'post', 'file Z']."""
    parts = re.split(r"\s*(?:,|;|->|→|\bthen\b)\s*|\s+and\s+(?=(?:" + "|".join(VERBS) + r")\b)", body.rstrip("."))
    return [clean(p) for p in parts if clean(p) and not re.fullmatch(r"and|then", clean(p), re.I)]


def third_person_routine(text: str, names: list[str]) -> str | None:
    """'Nia schedules them in Buffer every Monday' -> 'schedule them in Buffer every Monday'."""
    for name in names:
        m = re.search(rf"\b{re.escape(name)}\s+(?P<verb>[a-z]+?)(?:es|s)\b(?P<rest>.*)$", text)
        if m:
            verb = m.group("verb")
            for cand in (verb, verb + "e"):
                if cand in VERBS:
                    return cand + m.group("rest")
    return None


def steps_from_lines(lines: list[str], names: list[str] | None = None) -> list[str]:
    """Runbook steps the notes spell out: a 'Steps:' list merged with 'I pull X and post Y' routines."""
    explicit: list[str] = []
    routine: list[str] = []
    for text in lines:
        m = _STEPS_LINE.match(text)
        if m:
            explicit += split_steps(m.group("body"))
            continue
        if text.rstrip(" *_#-").endswith("?"):
            continue  # "What did I do this week?", "Did I get stuck anywhere?": a report's question, no routine
        m = _ROUTINE.search(text)
        if m and not re.search(r"\b(?:will|'ll|would|'d|should|want|like)\b", text[: m.start() + 3], re.I):
            routine += split_steps(m.group("body"))
            continue
        third = third_person_routine(text, names or [])
        if third:
            routine += split_steps(third)
    if not explicit:
        return routine
    verbs = {r.split()[0].lower(): r for r in routine}
    merged = [verbs.get(e.split()[0].lower(), e) if len(e.split()) <= 2 else e for e in explicit]
    used = {m.split()[0].lower() for m in merged}
    lead = [r for r in routine if r.split()[0].lower() not in used]
    return lead + merged


def first_run_date(lines: list[str], as_of: dt.date) -> dt.date | None:
    """'the first run should be Mon 7 Dec' -> Mon 7 Dec."""
    from ..dates import find_dates

    for text in lines:
        m = _FIRST_RUN.search(text)
        if not m:
            continue
        after = [d for d in find_dates(text, as_of) if d.start >= m.start() and d.date >= as_of]
        if after:
            return after[0].date
    return None


def kept_loops(log: WorkLog) -> list[str]:
    """Lines where the writer keeps something ('the quarterly rollup stays with me until 18 Dec')."""
    out = []
    for line in log.lines:
        text = clean(re.sub(r"^\s*(?:[-*•]|\d+[.)])\s*", "", line.text))
        if _KEEP_LINE.search(text):
            out.append(text)
    return out


_SPEAKER = re.compile(r"^\W*@?(?P<who>[\w .'’-]{2,40}?)\W*:\s*(?:\*\*|__)?\s*(?P<rest>\S.*)$")
_MODAL = {"should", "will", "can", "may", "might", "could", "would", "won't", "can't", "cannot", "expect", "hope"}


def _addressed(rest: str) -> str:
    """A speaker's own line with no subject ('Should be available about 10 hours') as said to them."""
    words = rest.split()
    first = words[0].lower()
    if first in _MODAL:
        return "you " + " ".join([first] + words[1:])
    if first == "is":
        return "you are " + " ".join(words[1:])
    if first == "has":
        return "you have " + " ".join(words[1:])
    if re.fullmatch(r"[a-z]+[^s]s", first):  # "expects" -> "expect"
        return "you " + " ".join([first[:-1]] + words[1:])
    return ""


def capacity_clause(log: WorkLog, delegate: str) -> str | None:
    """What the notes say about the delegate's load, addressed to them ('you are also covering ...')."""
    table = aliases(log)
    for alias in names_of(delegate, log, table):
        name = re.escape(alias)
        for line in log.lines:
            text = clean(re.sub(r"^\s*(?:[-*•]|\d+[.)])\s*", "", line.text))
            if not (re.search(rf"\b{name}\b", text) and _LOAD_WORDS.search(text)) or re.search(r"hand (?:it )?(?:off|over)|->", text, re.I):
                continue
            m = _SPEAKER.match(text)
            if m and same_person(m.group("who"), delegate, log, table):  # "@fasttime: Should be available ..."
                said = _addressed(clean(m.group("rest").replace("**", "")))
                if said:
                    return clean(re.split(r"(?<=[.!?])\s", said)[0])
                continue
            clause = re.split(r",\s*(?:so|and so|which)\b|;|\s+-\s+", text, maxsplit=1)[0]
            if len(clause.split()) > 25:
                continue  # a story that names them, not a word on their load
            clause = re.sub(rf"^{name}\s+is\b", "you are", clause)
            clause = re.sub(rf"^{name}\s+has\b", "you have", clause)
            clause = re.sub(rf"^{name}(?:'s|’s)\b", "your", clause)
            clause = re.sub(rf"\b{name}\b", "you", clause)
            return clean(clause)
    return None


def contact_context(name: str, lines: list[str]) -> str | None:
    """'Sam knows the data model if numbers look off' -> 'knows the data model if numbers look off'."""
    for text in lines:
        m = re.match(rf"^{re.escape(name)}\s+(.+)$", text)
        if m:
            return clean(m.group(1))
    return None


def complete_runbook(steps: list[str]) -> list[str]:
    """The runbook as the notes give it, duplicates removed (nothing added: a missing step is agreed with the delegate)."""
    return list(dict.fromkeys(steps))[:12]


_DONE_LINE = re.compile(
    r"\b(?:done when|done means|definition of done|DoD|acceptance(?: criteria)?|ready when|complete when|finished when|"
    r"success (?:is|means|looks like))\b\s*[:\-—=]?\s*(?P<body>\S.+)$", re.I)
_QUALITY_LINE = re.compile(
    r"\b(?:format(?:ted)?\b|(?:use|per|in) (?:the|our) template|checklist|style ?guide|standard|must (?:be|match|have|include)|same as|double[- ]check|"
    r"check(?:ed)? against|reviewed by|sign(?:ed)?[- ]off by|no more than|at least|every (?:figure|number|row))\b", re.I)


def done_when_from_notes(item: WorkItem, lines: list[str]) -> str | None:
    """What counts as done, as the notes say it: a 'done when' line, else a promise to someone ('X to Lee')."""
    for text in lines:
        m = _DONE_LINE.search(text)
        if m:
            return clean(m.group("body"))
    for c in item.commitments:
        if c.for_whom and c.state not in ("done", "dropped") and "?" not in c.what:
            what = clean(c.what)
            to = "" if c.for_whom.lower() in what.lower() else f" to {c.for_whom}"
            thing = commitment_object(what)
            return f"{thing} is with {c.for_whom}" if not to else f"{thing} is delivered{to}"
    return None


_BY_TIME = re.compile(r"\bby \d{1,2}(?::\d{2})\s*(?:am|pm)?\b|\bby \d{1,2}\s*(?:am|pm)\b", re.I)


def quality_from_notes(lines: list[str]) -> str | None:
    """The quality bar the notes give: a line naming a format, template, checklist, standard or check;
    else the clause that sets a time of day it must be out by ('post the summary in #leads by 10:00')."""
    for text in lines:
        if _QUALITY_LINE.search(text) and "?" not in text and not re.match(r"^#", text):
            return clean(text)
    for text in lines:
        m = _BY_TIME.search(text)
        if m and "?" not in text:
            parts = re.split(r"\s*[,;]\s*|\s+and\s+|\s+then\s+", text[: m.end()])
            return clean(parts[-1]) if len(parts[-1].split()) >= 3 else clean(text[: m.end()])
    return None


_CYCLE_DUE = re.compile(
    r"\b(?:so|hence|meaning|i\.e\.)\s+(?:the\s+|all\s+|my\s+|our\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?\s+"
    r"(?:(?:are|is)\s+)?(?:due\s+)?(?:by|before|no later than)\s+",
    re.I,
)


def cycle_due(lines: list[str], as_of: dt.date, run: dt.date) -> dt.date | None:
    """'payment run is every Friday, so approvals by Thursday 17:00' -> the Thursday before the run.

    In a recurring hand-over the work is due when its own step closes, not on the day of the
    event it feeds; the earliest such date from as_of up to the run wins.
    """
    from ..dates import find_dates

    found = []
    for text in lines:
        for m in _CYCLE_DUE.finditer(text):
            after = [d.date for d in find_dates(text, as_of) if d.start == m.end()]
            found += [d for d in after if as_of <= d <= run]
    return min(found) if found else None


_STOP = {"the", "a", "an", "to", "of", "for", "and", "on", "in", "with", "by", "deliver", "finish", "do"}


def only_title(step: str, title: str) -> bool:
    """True when a step's words are (nearly) only the item's title words: 'Fix the invoice job' under 'Fix the invoice job'."""
    words = {w for w in re.findall(r"[a-z0-9]+", step.lower()) if w not in _STOP}
    title_words = {w for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in _STOP}
    return bool(words) and len(words - title_words) <= max(0, len(words) // 5)


_CHECK_IN_CUE = re.compile(
    r"\b(?:check[- ]?ins?|check in|sync(?:s|\s+up)?|1:1|one[- ]on[- ]one|catch[- ]up|review (?:it |them )?(?:together|with me)|"
    r"walk (?:me|you) through|dry[- ]run)\b", re.I)


def check_ins_from_notes(lines: list[str], as_of: dt.date, deadline: dt.date) -> list[CheckInFacts]:
    """Check-ins the notes set ('sync with Priya on Fri 27 Nov'), dated, up to the deadline; [] when they set none."""
    from ..dates import find_dates

    out = []
    for text in lines:
        if not _CHECK_IN_CUE.search(text) or "?" in text:
            continue
        for d in find_dates(text, as_of):
            if as_of <= d.date <= deadline:
                out.append(CheckInFacts(on=d.date, what=clean(text)[:200]))
    return sorted({c.on: c for c in out}.values(), key=lambda c: c.on)[:6]
