"""Deadline candidates of a line: a date and the event or outcome it belongs to ("needed for the
board meeting next Tue", "contract expires 31 Dec"), each with a strength used to pick the item's
deadline."""

from __future__ import annotations

import datetime as dt
import re

from .lazy_re import Gated as _Gated, lazy_re
from .cues import TICKET
from .phrases import _action_verb, _before, _find_dates, _label
from .vocabulary import EVENT_WORDS, STOP


EVENT_BEFORE = lazy_re(
    r"(?<![\w.])(?P<label>(?:[\w&'’.-]+\s+){0,2}?(?:" + EVENT_WORDS + r"))\s*(?:is\s+|was\s+|on\s+|at\s+|starts\s+(?:on\s+)?|"
    r"begins\s+(?:on\s+)?|(?:(?:was|is)\s+)?(?:planned|scheduled|set|booked|agreed|confirmed|moved)(?:\s+with\s+[\w&'’-]+)?\s+(?:for|to)\s+|"
    r"(?:was\s+|is\s+)?planned\s+|\(|for\s+|,\s*|(?:stays|goes\s+out|goes\s+live|happens|takes\s+place)\s+(?:on\s+)?)?$",
    re.I,
)


NEED_LINK = lazy_re(
    r"\b(?:needed|need(?:s|ed)?\s+(?:it|them|this)|required|in\s+time|ready|for|before|ahead\s+of|until)\s+(?:for\s+)?(?:the\s+|our\s+|their\s+|my\s+)?"
    r"(?P<label>(?:[\w&'’-]+\s+){0,3}?(?:" + EVENT_WORDS + r")(?:\s+(?:" + EVENT_WORDS + r"))?)"
    r"\s*(?:on|is|at|,|\(|starts(?:\s+on)?|in)?\s*$",
    re.I,
)


END_BEFORE = _Gated(lazy_re(r"(?P<subj>(?:[\w'’-]+\s+){0,2}?)\(?(?P<verb>ends|expires|runs\s+out|lapses|closes|goes\s+away)\s+(?:on\s+)?$", re.I),
                    ("ends", "expires", "runs", "lapses", "closes", "goes"))


HARD_BEFORE = lazy_re(r"\b(?:must|has\s+to|have\s+to|needs?\s+to)\b.{0,60}\b(?:by|before)\s+$|\b(?:no\s+later\s+than|latest)\s+$", re.I)


# "before the 22 Dec freeze", "for the 30th nov promo": the event named right after its date
DATE_THEN_EVENT = lazy_re(
    r"^\s*(?P<l>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}?)\s*(?=[(.,;:!?]|\s+(?:with|and|from|at|in|on|is|are|was|were|needs?|has|have|will|starts?)\b|$)", re.I
)


_NOT_EVENT_START = STOP | {"and", "or", "but", "so", "then", "to", "is", "are", "was", "will", "can", "can't", "cannot",
                            "won't", "at", "in", "on", "by", "as", "if", "or", "plus", "latest", "noon", "am", "pm"}


BEFORE_THE = lazy_re(r"\b(?:before|for|ahead\s+of|until|in\s+time\s+for)\s+(?:the\s+|our\s+|their\s+)?$", re.I)


# "Customer summit, Thu 10 Dec:", "cut-over window agreed with Contoso: Sat 5 Dec"
EVENT_COLON = lazy_re(
    r"(?P<label>(?:[\w&'’-]+\s+){0,2}?(?:" + EVENT_WORDS + r"))(?:\s+(?:(?:is|was)\s+)?(?:planned|scheduled|set|booked|agreed|"
    r"confirmed|moved)(?:\s+with\s+[\w&'’-]+(?:\s+[A-Z][\w&'’-]+)?)?)?\s*[,:]\s*$",
    re.I,
)


# "vendor advisory says patch within 7 days (by 14 Dec)"
WITHIN_BY = lazy_re(
    r"\bwithin\s+(?:\d+|an?|one|two|three|four|five|six|seven|ten|fourteen|thirty)\s+(?:business\s+|working\s+|calendar\s+)?"
    r"(?:hours?|days?|weeks?|months?)\s*[(,]?\s*(?:i\.e\.\s*|so\s+|=\s*)?(?:by\s+)?$",
    re.I,
)


# "Fieldwork starts Mon 7 Dec", "Eng starts building on Mon 7 Dec": work that needs ours done first
SUBJECT_STARTS = lazy_re(
    r"^\s*(?P<subj>[A-Za-z][\w&'’-]*(?:\s+[a-z][\w&'’-]*)?)\b.{0,80}?\s(?:starts?|begins?|kicks?\s+off)(?:\s+\w+ing)?\s+(?:on\s+)?$"
)


_NOT_STARTERS = {"i", "we", "he", "she", "they", "it", "this", "that", "who", "work", "sprint", "next", "the", "my", "our"}


_MODAL_START = lazy_re(r"\b(?:can|could|will|would|may|might|to|shall|should)\s+(?:starts?|begins?|kicks?\s+off)\b", re.I)


# "Client demo for Tailspin on Thu 10 Dec"
EVENT_FOR = lazy_re(
    r"(?P<label>(?:[\w&'’-]+\s+){0,1}?(?i:" + EVENT_WORDS + r"))\s+(?P<prep>for|with|to)\s+"
    r"(?P<who>[A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+)?|the\s+[a-z]+(?:\s+[a-z]+)?\s+(?:team|board|client|customer|committee|leads?))"
    r"\s*(?:on\s+|is\s+(?:on\s+)?|(?:is\s+|was\s+)?(?:booked|planned|scheduled|set|confirmed)\s+(?:for\s+)?|,\s*|\(\s*)$",
)


# "December issue goes out Thu 17 Dec": the day the work itself must be out
GOES_OUT = lazy_re(
    r"^\s*(?P<subj>(?:[A-Za-z][\w&'’-]*\s+){0,3}?)(?:goes\s+out|go(?:es)?\s+live|ships|gets\s+sent|is\s+(?:sent|published|released))"
    r"\s+(?:on\s+)?$",
    re.I,
)


# "in by Fri 4 Dec - budget freeze after that"
EVENT_AFTER = lazy_re(
    r"^\s*[-–—,;(]\s*(?:the\s+|a\s+)?(?P<l>(?:[\w&'’-]+\s+){0,2}?(?:" + EVENT_WORDS + r"))\s+(?:after|from|starts|begins|kicks)\b",
    re.I,
)


# "renewal quote is $48k/yr, due to sign by 18 Dec", "Due to the controller by the 3rd working day: Tue 5 Jan"
DUE_BY = lazy_re(r"\b(?:due|deadline)\b[^.;]{0,60}?(?:\bby\s+(?:the\s+)?|:\s*)$", re.I)


EVENT_IN = lazy_re(r"(?P<l>(?:[A-Za-z][\w&'’-]*\s+)?(?:" + EVENT_WORDS + r"))\b", re.I)


_CLAUSE_END = lazy_re(r"[.;!?]\s|,\s(?=[a-z])")
_NEEDS_AFTER = lazy_re(r"\s*\)?\s*(?:needs|requires|depends)")
_DEADLINE_WORD = lazy_re(r"\bdeadline\b", re.I)
_LOSE_AFTER = lazy_re(r"\s*,?\s*(?:we|you|they|i)\s+(?:lose|miss|forfeit)\s+(?:the\s+|our\s+)?(?P<l>[\w\s-]{2,30}?)\s*(?:[.,;!]|$)")
_OR_ELSE_AFTER = lazy_re(
    r"\s*,?\s*or\s+(?:the\s+)?(?P<l>[\w\s-]{2,30}?\s+(?:expires|ends|goes\s+up|goes\s+away|lapses|is\s+lost|lapse))\b"
)
_LEAD_COLON = lazy_re(r"^\s*(?P<lead>[^:]{2,50}):\s")

def _literals(alternation: str) -> tuple[str, ...] | None:
    """The plain words of an alternation such as EVENT_WORDS ("go-?live" -> "go-live", "golive"), or None."""
    out = []
    for alt in alternation.split("|"):
        variants = [alt.replace("(?:ment)?", "")]
        if "-?" in variants[0]:
            variants = [variants[0].replace("-?", "-"), variants[0].replace("-?", "")]
        for v in variants:
            v = v[:-2] if v.endswith("s?") else v
            if not re.fullmatch(r"[a-z][a-z -]*", v):
                return None
            out.append(v)
    return tuple(out)


_EVENT_LITERALS = _literals(EVENT_WORDS)
# how EVENT_FOR can end (a superset: the same endings without what comes before them)
_EVENT_FOR_END = lazy_re(r"(?:on\s+|is\s+(?:on\s+)?|(?:booked|planned|scheduled|set|confirmed)\s+(?:for\s+)?|,\s*|\(\s*)$")


def _may_name_event(text: str) -> bool:
    """False only when no event word occurs in ``text``, so no pattern built on EVENT_WORDS can match:
    a substring test that saves running those patterns (the slowest of the reader) on most dates."""
    if _EVENT_LITERALS is None or not text.isascii():
        return True
    low = text.lower()
    return any(word in low for word in _EVENT_LITERALS)


def _deadlines(body: str, base: dt.date, cands: list) -> None:
    lead = False
    for m in _find_dates(body, base):
        before = _before(body, m.start, 120)[1]  # what the patterns below can see of body[: m.start]
        after = body[m.end : m.end + 50]
        clause_before = _CLAUSE_END.split(before[-120:])[-1]
        if _action_verb(clause_before.strip()) and not re.search(r"\b(?:for|before|ahead of)\b", clause_before, re.I):
            continue  # "emailed jon about the renewal on 11/23": when it happened, not a deadline
        tail = " ".join(clause_before.split()[-8:]) + (" " if clause_before[-1:].isspace() else "")
        boost = 1 if _NEEDS_AFTER.match(after) else 0
        event = _may_name_event(tail)
        nl = NEED_LINK.search(tail) if event else None
        if nl:
            cands.append((4 + boost, m.date, _label(nl.group("label"))))
            continue
        ev = EVENT_BEFORE.search(tail) if event else None
        if ev:
            lab = _label(ev.group("label"))
            cands.append(((2 if _DEADLINE_WORD.search(lab) else 3) + boost, m.date, lab or None))
            continue
        en = END_BEFORE.search(tail)
        if en:
            subj = _label(en.group("subj"))
            if not subj or subj.lower() in ("current", "it", "this", "that", "current one"):
                subj = "current term"
            verb = re.sub(r"\s+", " ", en.group("verb").lower())
            cands.append((2 + boost, m.date, f"{subj} {verb}"))
            continue
        lose = _LOSE_AFTER.match(after)
        if lose:
            cands.append((3, m.date, lose.group("l").strip()))
            continue
        orx = _OR_ELSE_AFTER.match(after)
        if orx:
            cands.append((3, m.date, orx.group("l").strip()))
            continue
        if HARD_BEFORE.search(tail):
            ea = EVENT_AFTER.match(after)  # "must be in by Fri - budget freeze after that"
            cands.append((2 + boost, m.date, (_label(ea.group("l")) or None) if ea else None))
            continue
        mention = body[m.start : m.end]
        dte = DATE_THEN_EVENT.match(after)
        if dte and dte.group("l").split()[0].lower() not in _NOT_EVENT_START and (
            BEFORE_THE.search(before) or (mention.lower().startswith("the ") and BEFORE_THE.search(before + "the "))
        ):  # "booked for Thu 3 Dec and can't start": no event follows the date
            lab = _label(dte.group("l"))
            if lab and not _find_dates(lab, base):
                cands.append((3, m.date, lab))
                continue
        ec = EVENT_COLON.search(tail) if event and tail.rstrip()[-1:] in (",", ":") else None
        if ec:
            cands.append((3, m.date, _label(TICKET.sub("", ec.group("label"))) or None))
            continue
        ef = EVENT_FOR.search(tail) if event and _EVENT_FOR_END.search(tail) else None
        if ef and _label(ef.group("label")):
            cands.append((3, m.date, f"{_label(ef.group('label'))} {ef.group('prep')} {ef.group('who')}"))
            continue
        ea = EVENT_AFTER.match(after)
        if ea:
            cands.append((3, m.date, _label(ea.group("l")) or None))
            continue
        if WITHIN_BY.search(tail):
            cands.append((2, m.date, None))
            continue
        go = GOES_OUT.match(clause_before)
        if go:
            subj = go.group("subj").strip()
            first = subj.split()[0].lower() if subj else ""
            cands.append((3, m.date, None if not subj or first in _NOT_STARTERS else _label(subj) or None))
            continue
        ss = SUBJECT_STARTS.match(clause_before)
        if ss and ss.group("subj").split()[0].lower() not in _NOT_STARTERS and not _MODAL_START.search(clause_before):
            subj = ss.group("subj")
            ev = EVENT_IN.search(subj)
            label = _label(subj) if ev else f"{subj} start"  # "Renewal talks", "fieldwork", "Eng start"
            cands.append((2, m.date, label[:1].lower() + label[1:] if label[1:2].islower() else label))
            continue
        if DUE_BY.search(clause_before):
            ev = EVENT_IN.search(clause_before)
            cands.append((2, m.date, (_label(ev.group("l")) or None) if ev else None))
            continue
        # "Office move to floor 4: movers booked for Sat 19 Dec": an event named in the lead-in, booked for a date
        if lead is False:  # the line's lead-in, looked up once per line
            lead = _LEAD_COLON.match(body)
        if lead and m.start > lead.end() and re.search(r"\b(?:booked|scheduled|planned|set|confirmed|arranged)\s+(?:for\s+)?$", tail, re.I):
            ev = EVENT_IN.search(lead.group("lead"))
            if ev and m.date >= base:
                cands.append((2, m.date, _label(ev.group("l")) or None))
