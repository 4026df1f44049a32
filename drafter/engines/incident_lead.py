"""The bottom line of an incident or release-status update: what happened, whether it is resolved,
its impact, whether the root cause is known, and the open follow-ups with their owners as the notes
name them ("no owner named" when they name none). Worded from the playbook's
:class:`~drafter.models.IncidentFacts`, in the notes' own words.

The first sentence opens with the state the playbook decided ("Resolved, but the root cause is
unknown") and the overall status in the project's words ("(at risk)"), then what happened; the
other sentences follow by importance while the headline has room (300 characters): the open
follow-ups first (a manager asks who does what next), then the cause, the impact, the resolution.
"""

from __future__ import annotations

import re

from ..dates import find_dates
from ..models import IncidentFacts, Plan, Status
from ..playbook import fmt
from ..playbook.text import shorten
from .wording import cap, clause, status_words

LIMIT = 300


def _status_words(status: Status, stated: bool) -> str:
    return "all done" if status == Status.DONE else status_words(status, stated)


def _low(text: str) -> str:
    """A follow-up inside a list: 'Enable SMTP ...' -> 'enable SMTP ...' (a name or acronym keeps its capital)."""
    t = clause(text)
    first = t.split(" ", 1)[0]
    return t[:1].lower() + t[1:] if (first[1:].islower() or len(first) == 1) and first != "I" else t


def follow_up_sentence(facts: IncidentFacts, room: int) -> str:
    """'Open follow-ups, no owner named: enable SMTP ...; investigate ...' or with owners
    'Open follow-ups: review and prune ... (Homebrew maintainers)'; as many as fit in ``room``."""
    fus = facts.follow_ups
    if not fus:
        return ""
    unowned = all(f.owner is None for f in fus)
    head = ("Open follow-up" if len(fus) == 1 else "Open follow-ups") + (", no owner named" if unowned else "")
    shown: list[str] = []
    for k, f in enumerate(fus):
        who = "" if unowned else f" ({'me' if f.owner == 'I' else f.owner or 'no owner named'})"
        part = f"{_cut(_low(f.what), 80)}{who}"
        left = len(fus) - k - 1
        more = f"; and {left} more" if left else ""
        text = f"{head}: {'; '.join(shown + [part])}{more}."
        if len(text) > room:
            break
        shown.append(part)
    if not shown:
        return ""
    rest = len(fus) - len(shown)
    return f"{head}: {'; '.join(shown)}" + (f"; and {rest} more." if rest else ".")


def _what(facts: IncidentFacts, as_of, room: int) -> str:
    """What happened, with the day it happened when the sentence names no date ("On Thu 2 Jun, a bug ...")."""
    t = clause(facts.what)
    if facts.on and facts.state not in ("delayed", "scheduled") and not find_dates(t, as_of, "past"):
        # entries dated before the incident's day: the sentence may tell one of those ("During the
        # initial deployment ..." weeks before), so the day dates the incident, not the sentence
        if facts.after_precursor:
            lead = f"Incident of {fmt(facts.on, as_of)}: "
            return lead + _cut(_low(t), room - len(lead))
        t = f"On {fmt(facts.on, as_of)}, {_low(t)}"
    return shorten(t, room)


def _cut(text: str, room: int) -> str:
    """``text`` within ``room`` characters: its asides dropped, else cut where a phrase ends (a headline holds no "…")."""
    return shorten(text, room)


def _timed(text: str) -> str:
    """A timeline entry said as a sentence: '9:58 Service is restored by ...' -> 'At 9:58, service is restored by ...'."""
    m = re.match(r"^\W*(\d{1,2}:\d{2}(?:\s*(?:am|pm|utc|[A-Z]{2,4}))?)\W*\s+(\S.*)$", clause(text), re.I)
    if m:
        return f"At {m.group(1)}, {_low(m.group(2))}"
    d = _DAY_STAMP.match(clause(text))  # "Jun 12, 2025: 3.32.4 is published, fixing 3.32.3." -> "On Jun 12, 3.32.4 is ..."
    return f"On {d.group(1)}, {_low(d.group(2))}" if d else text


_DAY_STAMP = re.compile(r"^\W*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)"
                        r"(?:,? \d{4})?\W*:\s+(\S.*)$")


def _end(text: str) -> str:
    return text if text.endswith(("…", ".", "!", "?")) else f"{text}."


def incident_headline(plan: Plan) -> str | None:
    facts = plan.incident
    if facts is None or not facts.what:
        return None
    head = f"{facts.words} ({_status_words(plan.overall, plan.status_stated)}): "
    what = _what(facts, plan.as_of, LIMIT)
    said = [clause(facts.what).lower()]

    def new(text: str | None) -> str:
        t = clause(text)
        return "" if not t or any(t.lower() in s or s in t.lower() for s in said) else t

    # by importance: what happened (at least 100 characters of it), who does what next, the impact, the cause
    follow = follow_up_sentence(facts, 130) if facts.follow_ups else ("No follow-up is open." if plan.overall == Status.DONE else "")
    impact = new(facts.impact)
    impact = re.sub(r"^as a (?:result|consequence),?\s+", "", impact, flags=re.I) if impact else impact  # "Impact:" says it
    impact = _end(f"Impact: {_cut(impact, 110)}" if facts.state not in ("delayed", "scheduled") else _cut(cap(impact), 130)) if impact else ""
    cause = new(facts.cause) if facts.cause_known and "cause" not in facts.words else ""
    cause = _end(f"Cause: {_cut(cause, 90)}") if cause else ""
    ended = new(_timed(facts.resolution)) if facts.resolution else ""
    ended = re.split(r",\s+(?:but|although|though|however|while)\b", ended)[0]  # "... by expanding the database, but keeping ...": how it ended
    ended = _end(_cut(cap(ended), 120)) if ended else ""
    pieces = {"follow": follow, "impact": impact, "cause": cause, "ended": ended}
    def fits() -> bool:
        used = len(head) + sum(len(p) + 1 for p in pieces.values() if p)
        return used + min(len(what), 100) + 1 <= LIMIT

    for key in ("cause", "ended", "impact", "follow"):  # the least important goes first when the headline is too long
        if fits():
            break
        if key in ("impact", "ended") and facts.follow_ups and pieces[key]:
            pieces["follow"] = follow_up_sentence(facts, 95)  # fewer follow-ups named ("and 5 more") before the impact goes
            if pieces["follow"] and fits():
                break
            pieces["follow"] = follow
        pieces[key] = ""
    used = len(head) + sum(len(p) + 1 for p in pieces.values() if p)
    room = LIMIT - used - 1
    first = head + _end(what if len(what) <= room else _what(facts, plan.as_of, room))
    return " ".join([first] + [pieces[k] for k in ("ended", "impact", "cause", "follow") if pieces[k]])
