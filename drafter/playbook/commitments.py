"""Commitments (U4, U5), decisions to ask for and the asks of the reader (U9)."""


from __future__ import annotations

import datetime as dt
import re

from ..models import (
    Ask,
    Commitment,
    CommitmentState,
    Fallback,
    Question,
    WorkItem,
    WorkLog,
)
from .text import (
    embeddable,
    VERBS,
    add_bdays,
    clean,
    fmt,
    is_me,
    next_bday,
    step_date,
    strip_article,
    strip_dates,
    the,
    wait_object,
)


from .text import is_sentence, quoted
from .waits import blocked_thing, fallback_by, is_overdue


# --------------------------------------------------------------------------------------------
# Rule: commitments (U4, U5) and asks (U9)
# --------------------------------------------------------------------------------------------


def new_date_for(c: Commitment, item: WorkItem, as_of: dt.date) -> dt.date | None:
    """A realistic new date for a missed commitment: next business day, before the deadline; None if impossible."""
    candidate = next_bday(as_of)
    if item.deadline is None:
        return candidate
    if candidate < item.deadline:
        return candidate
    return as_of if as_of < item.deadline else None


def commitment_state(c: Commitment, item: WorkItem, log: WorkLog) -> CommitmentState:
    as_of = log.as_of
    owner = "I" if is_me(c.owner) else c.owner
    if is_me(c.owner) and not getattr(log, "first_person", True):
        owner = ""  # team notes: the reader found no owner; never the writer
    base = dict(what=strip_dates(c.what, as_of)[:300], owner=owner[:80], due=c.due)
    if item.done or c.state == "done":
        return CommitmentState(**base, state="done")
    if c.state == "dropped":
        return CommitmentState(**base, state="dropped")
    if not is_overdue(c, as_of):
        return CommitmentState(**base, state="open")
    if not is_me(c.owner) and not getattr(log, "first_person", True):
        return CommitmentState(**base, state="missed")  # the owner's to re-date; the update says it is missed
    if not is_me(c.owner):
        fb_by = fallback_by(as_of, item.deadline, "call")
        return CommitmentState(
            **base, state="missed", ask=f"I will get a new date from {c.owner} by {fmt(fb_by, as_of)}"[:300]
        )
    given = getattr(c, "new_due", None)  # a later date the notes (or the journal) already gave
    if given is not None and given >= as_of and (item.deadline is None or given < item.deadline):
        return CommitmentState(**base, state="missed", new_date=given)
    new = new_date_for(c, item, as_of)
    if new is not None:
        return CommitmentState(**base, state="missed", new_date=new)
    label = the(item.deadline_label) if item.deadline_label else "the deadline"
    return CommitmentState(
        **base,
        state="missed",
        ask=f"approve a new date after {label} ({fmt(item.deadline, as_of)}) or cut scope"[:300],
    )


def decide_by_date(as_of: dt.date, deadline: dt.date | None) -> dt.date:
    """Next business day (two without a deadline), always >= as_of and before the deadline."""
    return step_date(as_of, deadline, add_bdays(as_of, 1 if deadline else 2))


def decider(d) -> str:
    """Who decides: the notes' ``who``, or 'need Carla to decide ...' in the question, else 'you'."""
    if d.who and not is_me(d.who):
        return d.who
    m = re.search(r"\b(?i:need)\s+([A-Z][\w.-]+(?:\s[A-Z][\w.-]+)?)\s+to\s+(?:decide|pick|choose|approve|sign off)", d.question)
    if m and not is_me(m.group(1)):
        return m.group(1)
    return "you"


def decision_by(d, item: WorkItem, as_of: dt.date) -> dt.date:
    """The decide-by date the notes name (if still ahead), else the playbook's own (see :func:`decision_by_given`)."""
    named = getattr(d, "by", None)
    if named is not None and named >= as_of:
        return named
    return decide_by_date(as_of, item.deadline)


def decision_by_given(d, as_of: dt.date) -> bool:
    """True when the decide-by date is the notes' own; else :func:`decision_by` proposes one (marked proposed)."""
    named = getattr(d, "by", None)
    return named is not None and named >= as_of


# a decision the notes ask of someone above the team, not one the team still has to take itself
_FROM_ABOVE = re.compile(
    r"\b(?:approv\w*|sign[- ]?off|signs? off|escalat\w*|go-ahead|green light|budget|"
    r"(?:decision|ok|okay|answer|input) from|"
    r"ask(?:ing)?\s+(?:the\s+)?(?:board|steering|tsc|tac|governing|management|leadership|director|manager|boss|sponsor|you)\b)",
    re.I,
)


def asked_from_above(d) -> bool:
    """Team notes (minutes): the team's own open question is no ask of the reader unless the notes name
    who decides or ask for a decision from above ('needs sign-off from the board', 'escalate to the TSC')."""
    return decider(d) != "you" or bool(_FROM_ABOVE.search(d.question or ""))


def team_questions(item: WorkItem) -> list[Question]:
    """A team's open decisions worded as a question or a choice ('Can we piggyback off GCM or APSN?',
    'A vs B'), as the meeting's open questions: reported, not asked of the reader."""
    have = {clean(q.text).lower().rstrip("?") for q in item.questions}
    out = []
    for d in item.decisions:
        text = clean(d.question)
        if asked_from_above(d) or not text or text.lower().rstrip("?") in have:
            continue
        if "?" in d.question or len(d.options) >= 2:
            out.append(Question(text=text, lines=list(getattr(d, "lines", []) or [])))
    return out


def decision_phrase(question: str) -> str:
    """'renew 12 months or go month-to-month?' -> 'whether to renew 12 months or go month-to-month'."""
    q = clean(question).rstrip("?").strip()
    q = re.sub(r"^(?:open question|question|decision(?: needed)?|to decide|decide|tbd)\s*[:\-—]\s*", "", q, flags=re.I)
    q = re.sub(r"^(?:we need to decide|need to decide|need a decision on|decide)(?:\s+(?:on|upon)\b)?\s+", "", q, flags=re.I)  # "Decide on X": X
    # "Need the team leads to pick" / "need Carla to choose between A and B": the decider is said elsewhere
    m = re.match(r"^(?:we\s+)?need\s+.{1,40}?\s+to\s+(?:pick|choose|decide)(?:\s+(?:between|on)\s+(?P<o>.+))?$", q, re.I)
    if m:
        return f"between {m.group('o')}" if m.group("o") else "which option to take"
    low = q.lower()
    if not low:
        return "on the open question"
    if is_sentence(q):  # a statement from the notes, not a question: quoted, never glued after "on"
        return f"on this point: {quoted(q)}"
    if not question.strip().endswith("?") and re.search(r"\bdecision\b|\bdecide\b", low) and not re.match(
        r"(?:whether|which|who|when|how|what|if)\b", low
    ):
        inner = re.search(r"\b(?:whether|which|if)\b.+$", q, re.I)
        if inner:
            return re.sub(r"\s+(?:by|before|on)\s+(?:mon|tue|wed|thu|fri|sat|sun|\d).*$", "", inner.group(0), flags=re.I)
        return "on which option to take"
    if re.match(r"(?:whether|which|who|when|how|what|if)\b", low):
        return q
    if re.match(r"(?:we|i|they|you)\s+(?:should|could|can|need to|must|might|may|will|would)\b", low):
        return f"whether {q[:1].lower() + q[1:] if not q.startswith('I ') else q}"  # "We should X" -> "whether we should X"
    first = low.split()[0] if low.split() else ""
    if first in VERBS or first in {"go", "keep", "stay", "switch", "use", "buy", "hire", "extend", "delay"}:
        return f"whether to {q}"
    if first in {"should", "do", "can", "shall", "will", "is", "are"}:
        return f"whether {' '.join(q.split()[1:])}"
    return f"on {q}"


def decision_what(question: str, options: list[str]) -> str:
    low = clean(question).lower()
    text = f"decide {decision_phrase(question)}"
    missing = [o for o in options if o.lower() not in low]
    if missing and options:
        text += ": " + " or ".join(clean(o) for o in options)
    return text


def item_asks(item: WorkItem, commitments: list[CommitmentState], fallbacks: list[Fallback], log: WorkLog) -> list[Ask]:
    """Decisions needed, help with blockers, approval of a new date past the deadline (U9)."""
    as_of = log.as_of
    asks: list[Ask] = []
    team = not getattr(log, "first_person", True)
    for d in item.decisions:
        if team and not asked_from_above(d):
            continue  # the team's own open question (see team_questions), not an ask of the reader
        who = decider(d)
        what = strip_dates(decision_what(d.question, d.options), as_of, past_only=True)
        asks.append(Ask(who=who[:80], what=what[:300], by=decision_by(d, item, as_of),
                        by_proposed=not decision_by_given(d, as_of)))
    for w in item.waits:
        if w.kind != "blocked":
            continue
        obj = blocked_thing(w, item)
        by = fallback_by(as_of, item.deadline, "call")
        with_whom = f" with {w.on_whom}" if w.on_whom else ""
        asks.append(Ask(who="you", what=f"help me unblock {obj}{with_whom} if it is still stuck"[:300], by=by,
                        by_proposed=True))
    for cs in commitments:
        if cs.state == "missed" and cs.owner == "I" and cs.new_date is None and cs.ask:
            asks.append(Ask(who="you", what=f"{cs.ask} for {clean(cs.what)}"[:300], by=as_of, by_proposed=True))
    return asks


