"""Grounding guard (U10): facts in a draft that the notes do not support.

A fact is a date, a number, a ticket id or a name. Each must appear in the notes, except dates
proposed by the writer inside a next step, fallback, check-in, ask or decide-by sentence (those
are commitments the writer makes, not claims about the past). Used by the LLM engine to warn
(``--strict`` makes the warnings an error) and by criterion U10.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

TICKET = re.compile(r"\b[A-Z][A-Z0-9]{1,9}-\d+\b|(?<![\w&])#\d+\b")
NUMBER = re.compile(r"(?<![\w.])[$€£]?\d+(?:[.,:]\d+)*(?:\s?(?:%|k|m|am|pm))?(?![\w])", re.I)
WORD = re.compile(r"(?<![A-Za-z0-9])[A-Z][a-zA-Z'’\-]+")
LIST_MARKER = re.compile(r"^\s*(?:\d+[.)]|[-*•+])\s+", re.M)
# Markup before a sentence's first word: bullets, headings, bold, option labels ("**A) ").
LEAD = re.compile(r"^[\s\-*•+#>_]*(?:\d+[.)]\s*)?(?:\*\*|__)?\s*(?:[A-D][.)]\s+)?(?:\*\*|__)?\s*")
# The renderer's own bookkeeping line, not a claim about the work.
BOOKKEEPING = re.compile(r"^\(\d+ more details? omitted[^)]*\)\s*$", re.M)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+")

# Sentences whose dates are the writer's own proposals, not facts taken from the notes.
PROPOSAL_CUES = re.compile(
    r"\b(i will|i'll|we will|we'll|next\b|if\b|new date|"
    r"check-?ins?|decide by|decision by|please .{0,120}\bby|reply by|follow(?:ing)? up|escalate|deadline|"
    r"i propose|proposed|by when|due back|shadow)",
    re.I,
)

# Capitalised words that are not names: calendar words, status words, labels our renderers use,
# and common sentence starters.
COMMON = set(
    """
    Incident I I'm I'll I've I'd A An The This That These Those It Its If When Then So But And Or Also Not No Yes
    Next Now Today Tomorrow Yesterday Tonight Owner Done Deadline Deadlines Quality Check Check-ins Check-in
    Decision Decisions Rights Why Resources Escalate Runbook Support Capacity Open Loops Loop Subject
    Option Options Recommendation Recommended Default Reply Upside Downside Cost Time Risk Risks Ask Asks
    Status Overall Items Item Update Updates Summary Problem Impact What Who How Where Which Need Needs Needed
    Please Thanks Thank Hi Hello Dear Best Regards Cheers On Track At Blocked Off Missed Late New Carried
    Waiting Wait Blocker Blockers Commitment Commitments Notes Note Not Placed Placed Context Goal Goals Plan
    Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec January February March April June July August
    September October November December EOD EOW COB ASAP ETA FYI TBD N/A OK Q1 Q2 Q3 Q4 AM PM UTC
    Will Can Could Should Would Must May Might Let Let's Here There Their They We Our Us You Your He She
    His Her Him Them After Before During Until Since For From With Without Into About Over Under Between
    Still Already Just All Any Each Every Some Most More Less Few Both Either Neither Other Another
    Follow Following Call Email Chase Send Sent Confirm Confirmed Agree Agreed Approve Approved Approval
    Keep Kept Go Going Move Moving Cut Push Switch Stay Hold Pay Buy Renew Cancel Drop Take Hand Handoff
    Delegate Delegated Delegation Level Research Report Recommend Decide Inform Act Alone Purpose Contact
    Contacts Access Steps Step Standard Checklist Template Shadow Escalation Trigger Triggers Details More
    Omitted Use Show Run Runs First Second Third Last Week Weeks Month Months Day Days Tomorrow's Today's
    """.split()
)


@dataclass(frozen=True)
class Finding:
    kind: str  # "date" | "number" | "ticket" | "name"
    text: str
    sentence: str

    def __str__(self) -> str:
        return f"{self.kind} {self.text!r} is not in the notes (in: {self.sentence.strip()[:80]!r})"


def _dates(text: str, as_of: dt.date):
    """(start, end, date) of each date mention in text, both past and future readings."""
    from .dates import find_dates

    out = []
    for direction in ("future", "past"):
        for m in find_dates(text, as_of, direction=direction):
            out.append((m.start, m.end, m.date))
    return out


def _sentences(text: str):
    """Yield (start, end, sentence) spans."""
    pos = 0
    for m in SENTENCE_SPLIT.finditer(text):
        yield pos, m.start(), text[pos : m.start()]
        pos = m.end()
    yield pos, len(text), text[pos:]


def _norm_number(token: str) -> str:
    return re.sub(r"[^\d.]", "", token.replace(",", "")).rstrip(".")


def find_ungrounded_facts(
    draft_text: str,
    notes: str,
    as_of: dt.date,
    proposed_dates: frozenset[dt.date] | set[dt.date] = frozenset(),
    allowed_words: frozenset[str] | set[str] = frozenset(),
) -> list[Finding]:
    """Facts in ``draft_text`` not supported by ``notes`` (see module docstring)."""
    findings: list[Finding] = []
    draft_text = BOOKKEEPING.sub(lambda m: " " * len(m.group(0)), draft_text)
    notes_lower = notes.lower()
    from .read.written_on import reading_days

    days = reading_days(notes, as_of)  # "Fri" in minutes dated 2021-06-09 is Fri 11 Jun 2021
    note_dates = {d for day in days for _, _, d in _dates(notes, day)} | set(days)
    draft_dates = _dates(draft_text, as_of)
    date_spans = [(s, e) for s, e, _ in draft_dates]
    allowed_lower = {w.lower() for w in allowed_words}

    def in_date(pos: int) -> bool:
        return any(s <= pos < e for s, e in date_spans)

    sentences = list(_sentences(draft_text))

    def sentence_at(pos: int) -> str:
        for s, e, sent in sentences:
            if s <= pos <= e:
                return sent
        return ""

    # Dates: a date is fine if the notes mention it, or the writer proposes it.
    by_span: dict[tuple[int, int], set[dt.date]] = {}
    for s, e, d in draft_dates:
        by_span.setdefault((s, e), set()).add(d)
    for (s, e), candidates in sorted(by_span.items()):
        if candidates & note_dates or candidates & set(proposed_dates):
            continue
        sent = sentence_at(s)
        if PROPOSAL_CUES.search(sent):
            continue
        findings.append(Finding("date", draft_text[s:e], sent))

    # Ticket ids must be copied from the notes.
    for m in TICKET.finditer(draft_text):
        if m.group(0).lower() not in notes_lower:
            findings.append(Finding("ticket", m.group(0), sentence_at(m.start())))

    # Numbers (outside dates, list markers and ticket ids) must appear in the notes.
    note_numbers = {_norm_number(m.group(0)) for m in NUMBER.finditer(notes)}
    markers = {m.end() for m in LIST_MARKER.finditer(draft_text)}
    ticket_spans = [(m.start(), m.end()) for m in TICKET.finditer(draft_text)]
    for m in NUMBER.finditer(draft_text):
        if in_date(m.start()) or any(s <= m.start() < e for s, e in ticket_spans):
            continue
        if any(m.end() + 2 >= mk and m.start() < mk for mk in markers):
            continue
        num = _norm_number(m.group(0))
        if not num or num in note_numbers:
            continue
        findings.append(Finding("number", m.group(0).strip(), sentence_at(m.start())))

    # Names: capitalised words (not sentence-initial common words) must occur in the notes.
    for s, _, sent in sentences:
        body = LEAD.sub("", sent, count=1)
        offset = len(sent) - len(body)
        for m in WORD.finditer(body):
            word = m.group(0).strip("'’-")
            bare = re.sub(r"['’]s$", "", word)
            if not bare or bare in COMMON or bare.lower() in allowed_lower:
                continue
            if re.search(r"(?<![A-Za-z])" + re.escape(bare.lower()) + r"(?![a-z])", notes_lower):
                continue
            if m.start() == 0:
                # a capitalised first word ("Deliver the pack", "Leave Dana a voicemail") is a name only
                # when a name-like word follows that is not itself a known name from the notes
                nxt = _NEXT_CAPITAL.match(body, m.end())
                if nxt and nxt.group(1).lower() in notes_lower:
                    continue
                if not _NAME_FOLLOWS.match(body, m.end()):
                    continue
            pos = s + offset + m.start()
            if in_date(pos) or any(a <= pos < b for a, b in ticket_spans):
                continue
            findings.append(Finding("name", bare, sent))
    # one finding per (kind, text)
    seen: set[tuple[str, str]] = set()
    unique = []
    for f in findings:
        if (f.kind, f.text) not in seen:
            seen.add((f.kind, f.text))
            unique.append(f)
    return unique


# After a sentence's first word, what makes it read as a name: "Jeremy at Globex", "Jeremy will",
# "Jeremy's", "Jeremy (legal)", "Jeremy Smith".
_NAME_FOLLOWS = re.compile(
    r"(?:['’]s\b|\s+\(|\s+[A-Z]|\s+(?:at|from|of|will|would|said|says|has|had|is|was|owns|and|to|can|could|"
    r"replied|confirmed|promised|agreed|asked|wants|needs)\b)"
)

_NEXT_CAPITAL = re.compile(r"\s+([A-Z][\w'’-]*)")


def find_ungrounded(
    draft_text: str,
    notes: str,
    as_of: dt.date,
    proposed_dates: frozenset[dt.date] | set[dt.date] = frozenset(),
    allowed_words: frozenset[str] | set[str] = frozenset(),
) -> list[str]:
    """Warning strings for :func:`find_ungrounded_facts` (empty list = grounded)."""
    return [str(f) for f in find_ungrounded_facts(draft_text, notes, as_of, proposed_dates, allowed_words)]


def proposed_dates(artefact) -> set[dt.date]:
    """Dates the writer proposes in an artefact: next steps, fallbacks, new dates, asks, decide-by,
    delegated deadlines and check-ins. These need not be in the notes."""
    from .models import DelegationPlan, OptionsProposal, StatusUpdate

    out: set[dt.date] = set()
    if isinstance(artefact, StatusUpdate):
        for item in artefact.items:
            if item.next_step:
                out.add(item.next_step.due)
            out.update(f.by for f in item.fallbacks)
            out.update(c.new_date for c in item.commitments if c.new_date)
        out.update(a.by for a in artefact.asks)
    elif isinstance(artefact, OptionsProposal):
        # options are the notes' own alternatives now, so their dates are the notes' dates (not proposals)
        out.add(artefact.decide_by)
    elif isinstance(artefact, DelegationPlan):
        for task in artefact.tasks:
            out.add(task.deadline)
            out.update(c.on for c in task.check_ins)
    return out
