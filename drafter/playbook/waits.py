"""Waits and risks: the signal, the fallback on an escalating path (follow up -> call -> alternate contact -> escalate), risks with the deadline they threaten (U6, U8)."""


from __future__ import annotations

import datetime as dt
import re

from ..models import (
    Commitment,
    Fallback,
    Risk,
    Wait,
    WorkItem,
    WorkLog,
)
from .threats import is_threat, notes_context, worth_a_line
from .text import (
    person_round,
    embeddable,
    is_sentence,
    quoted,
    _TEAMS,
    CLOSE_BUSINESS_DAYS,
    add_bdays,
    bdays_between,
    clean,
    commitment_object,
    fmt,
    is_me,
    is_org,
    person_org,
    short_title,
    step_date,
    strip_article,
    the,
    wait_object,
    who_label,
)



def is_overdue(c: Commitment, as_of: dt.date) -> bool:
    """A commitment past its due date and not done (or already marked missed)."""
    if c.state in ("done", "dropped"):
        return False
    return c.state == "missed" or (c.due is not None and c.due < as_of)


# --------------------------------------------------------------------------------------------
# Rule: fallbacks (U8) and risks (U6)
# --------------------------------------------------------------------------------------------


_WAIT_WORD = re.compile(r"\b(?:wait\w*|await\w*|pending|needs?|depends?|dependent|on hold|until|till|blocked|stuck|expect\w*)\b", re.I)


def wait_signal(w: Wait, as_of: dt.date, log: WorkLog | None) -> str:
    """'no reply from Dana at Acme since Mon 23 Nov'."""
    who = who_label(w.on_whom, log) if (w.on_whom and log is not None) else w.on_whom
    since = f" since {fmt(w.since, as_of)}" if w.since and w.since < as_of else ""
    obj = wait_object(w)
    if w.kind == "blocked":
        by = f" by {who}" if who and who.lower() not in w.what.lower() else ""
        what = clean(re.sub(r"(?:^|\s*[:\-–—]\s*)blocked\b[:\-–—]?\s*", " ", w.what, flags=re.I)) or clean(w.what)
        return f"blocked{by}: {what}{since}"
    if w.kind == "no_reply" or obj is None:
        about = f" about {obj}" if obj else ""
        return f"no reply from {who or 'them'}{about}{since}"
    if not who and re.fullmatch(r"[\w&/ +.-]{2,60}\s(?:\w{3,}ed|sent|made|paid|done|got|given|held|won|built|told)", clean(w.what), re.I):
        return f"still open{since}: {quoted(w.what)}"  # an open state of a list ('Order received'), not a thing to wait for
    if not who and (not embeddable(strip_article(obj)) or _WAIT_WORD.search(w.what)):
        # nobody named to wait on: the notes' own words say what is awaited ("Needs final review",
        # "In both weeks, I had issues accessing resources"), never "waiting for the <fragment>"
        return f"{clean(w.what)}{since}" if _WAIT_WORD.search(w.what) else f"waiting{since}: {quoted(w.what)}"
    if is_sentence(obj):  # the notes' own sentence, quoted rather than glued after "for"
        return f"waiting on {who}{since}: {quoted(obj)}" if who else f"waiting{since}: {quoted(obj)}"
    if who and not embeddable(strip_article(obj)):
        # what is awaited is no thing to put after "for" (a date label '5/1: Will wait ...', a clause):
        # the notes' own words, quoted — never "waiting on Mike for the 5/1"
        return f"waiting on {who}{since}: {quoted(w.what)}"
    return f"waiting on {who} for {obj}{since}" if who else f"waiting for {obj}{since}"


PATHS = ["follow_up", "call", "alternate_contact", "escalate"]


def fallback_path(w: Wait, as_of: dt.date, deadline: dt.date | None) -> str:
    """Escalating path chosen by how long we have waited and how close the deadline is."""
    waited = bdays_between(w.since, as_of) if w.since and w.since <= as_of else 0
    left = bdays_between(as_of, deadline) if deadline is not None else None
    if (left is not None and left <= 1) or waited >= 10:
        return "escalate"
    if (left is not None and left <= 3) or waited >= 5:
        return "alternate_contact"
    if (left is not None and left <= CLOSE_BUSINESS_DAYS) or waited >= 2 or w.kind == "blocked":
        return "call"
    return "follow_up"


def fallback_by(as_of: dt.date, deadline: dt.date | None, path: str) -> dt.date:
    """The check time: next business day (two for a first follow-up), always before the deadline."""
    preferred = add_bdays(as_of, 2 if (path == "follow_up" and deadline is None) else 1)
    return step_date(as_of, deadline, preferred)


def fallback_for(w: Wait, item: WorkItem, log: WorkLog) -> Fallback:
    """'If no reply from Dana by Thu 26 Nov, I will call Dana at the Acme office ...' (U8)."""
    as_of = log.as_of
    path = fallback_path(w, as_of, item.deadline)
    by = fallback_by(as_of, item.deadline, path)
    expected = getattr(w, "expected_by", None)
    if expected is not None and expected >= as_of:
        by = step_date(as_of, item.deadline, expected)  # hold them to their own date
    elif expected is not None and path != "escalate":
        path = PATHS[PATHS.index(path) + 1]  # they already missed the date they gave
    obj = wait_object(w)
    who = w.on_whom or "them"
    org = w.on_whom if is_org(w.on_whom, log) else person_org(w.on_whom, log)
    need = holder_need(w.what) if w.kind == "blocked" and w.on_whom and not is_me(w.on_whom) else None
    if need:  # the next step asks them for a date for what they must do: the fallback is for no date
        trigger = f"{who} has given no date"
    elif w.kind == "blocked":
        named = embeddable(strip_article(obj or w.what))
        trigger = f"still blocked on {named}" if named else "still blocked"
    elif w.kind == "no_reply" or obj is None:
        trigger = f"no reply from {who}"
    else:  # "still waiting on" flags the risk in the fallback itself (U6), not only in a droppable risk line
        trigger = f"still waiting on {who} for {the(strip_article(obj))}"
    thing = obj or "an answer"
    if w.kind != "blocked" and w.kind != "no_reply" and obj:  # the trigger has just named it
        last = strip_article(obj).split()[-1].lower() if strip_article(obj).split() else ""
        thing = "them" if last.endswith("s") and not last.endswith("ss") else "it"
    label = the(item.deadline_label) if item.deadline_label else (the(short_title(item.title)))
    # the deadline the wait threatens, by name and date (U6: a risk is flagged with its deadline)
    stake = f" before {label} on {fmt(item.deadline, as_of)}" if item.deadline else ""
    backup = backup_contact(w.on_whom, org, log)
    where = org_place(org)
    if w.kind == "blocked" and path in ("call", "alternate_contact", "follow_up"):
        unblock = blocked_thing(w, item)
        if need and path == "alternate_contact":
            team = f" in {org}" if org and org.lower() != who.lower() else ""
            action = f"ask who else{team} can {need}, and bring you options if nobody can{stake}"
        elif need:
            action = f"call them and agree one{stake}"  # the trigger has just named them and the date
        elif path == "alternate_contact" and w.on_whom:
            team = f" in {org}" if org and org.lower() != who.lower() else ""
            action = f"ask who else{team} can unblock {unblock or 'it'}, and bring you options if nobody can{stake}"
        elif w.on_whom:
            action = f"call {who} and agree a date to unblock {unblock or 'it'}{stake}"
        else:
            # the notes name nobody who holds it and no way round it: say so, never a made-up workaround
            action = f"tell you, so we can agree what to do about it{stake}"
            path = "escalate"
    elif path == "follow_up":
        action = f"chase {who} again by email and ask for a firm date for {thing}{stake}"
    elif path == "call":
        if org and org.lower() != who.lower():
            action = f"call {who} {where} and get {thing}{stake}"
        elif org and backup:
            action = f"call {backup} and get {thing}{stake}"
            backup = None
        elif org:
            action = f"call {where.removeprefix('at ').removeprefix('in ')} and get {thing}{stake}"
        else:
            action = f"call {who} and get {thing}{stake}"
        if backup:
            action += f"; if {who} is out, I will ask {backup} instead"
    elif path == "alternate_contact":
        if backup:
            action = f"contact {backup} for {thing}{stake}"
        elif org:
            action = f"call {where.removeprefix('at ').removeprefix('in ')} and ask for another contact who can provide {thing}{stake}"
        else:
            action = f"call {who} or find someone else who can provide {thing}{stake}"
    else:
        action = f"escalate to you with options for {label}: another contact, cut scope or a new date"
    return Fallback(trigger=trigger[:200], by=by, action=action[:300], path=path)


_NEED = re.compile(r"\b(?:they|he|she|it)\s+(?:need|needs|have|has)\s+to\s+(?P<need>[a-z][^.;:()]{3,120}?)(?:\s+first)?\s*(?:[.;:(]|$)", re.I)


def holder_need(what: str) -> str | None:
    """What the blocker's holder must do, in the notes' words: 'they need to upgrade the shared Postgres
    cluster to v16 first' -> 'upgrade the shared Postgres cluster to v16'; None when the notes do not say."""
    m = _NEED.search(clean(what))
    return clean(m.group("need")) if m else None


def blocked_thing(w: Wait, item: WorkItem) -> str:
    """What a blocker holds up, to sit after 'unblock': the blocker's own words, or the item when those
    words only name who holds it ('Blocked on the Platform team: ...' -> 'the Payments API upgrade'),
    so no sentence says 'ask Platform team ... to unblock Platform team'."""
    named = re.sub(r"\s+(?:are|is)?\s*blocked$", "", embeddable(strip_article(wait_object(w) or clean(w.what))), flags=re.I)
    who = clean(w.on_whom or "").lower()
    low = named.lower()
    if not named or (who and (low == who or low in who or who in low and len(low.split()) <= len(who.split()) + 1)):
        if person_round(item):
            return clean(item.title)  # a person's round ("@steff456"): the person, with no article
        return the(short_title(item.title))
    return named


_BACKUP_CUE = re.compile(r"\b(?:backup|back-up|alternate|alternative|deputy|covers?|covering|instead|also knows|second contact|other contact)\b", re.I)


def org_place(org: str | None) -> str:
    """'at the Acme office' for a company, 'in legal' for a team of our own."""
    if not org:
        return ""
    if org.lower() in _TEAMS or org.lower().endswith(" team"):
        return f"in {org}"
    return f"at the {org} office"


def backup_contact(on_whom: str | None, org: str | None, log: WorkLog) -> str | None:
    """Another person the notes name for the same organisation, or as a backup contact."""
    if not on_whom:
        return None
    me = on_whom.lower()
    for p in log.people:
        if p.name.lower() != me and org and (p.org or "").lower() == org.lower() and not is_me(p.name):
            return who_label(p.name, log)
    for named in _backup_lines(log):
        for name in named:
            if name.lower() != me:
                return who_label(name, log)
    return None


_BACKUP_LINES: list = [None, None, []]  # the last log asked about, its shape, its answer


def _backup_lines(log: WorkLog) -> list[list[str]]:
    """For each line with a backup cue, the people's names it holds (not me, no org), in the order
    of ``log.people`` then the items' people: found once per log, not once per wait (one long line
    with many waits and many names was quadratic)."""
    shape = (len(log.lines), len(log.people), len(log.items))
    if _BACKUP_LINES[0] is log and _BACKUP_LINES[1] == shape:
        return _BACKUP_LINES[2]
    names = [p.name for p in log.people] + [n for i in log.items for n in i.people]
    out = []
    for line in log.lines:
        if not _BACKUP_CUE.search(line.text):
            continue
        words = set(re.findall(r"\w+", line.text))
        named = []
        for name in names:
            parts = re.findall(r"\w+", name)
            if parts and not all(w in words for w in parts):
                continue  # a name occurs only where each of its words is a whole word of the line
            if re.fullmatch(r"\w+", name) or re.search(rf"\b{re.escape(name)}\b", line.text):
                if not is_me(name) and not is_org(name, log):
                    named.append(name)
        out.append(named)
    _BACKUP_LINES[:] = [log, shape, out]
    return out


def late_commitment_fallback(c: Commitment, item: WorkItem, log: WorkLog) -> Fallback:
    """Someone else's promise is late: chase, then escalate."""
    as_of = log.as_of
    w = Wait(what=c.what, on_whom=c.owner, kind="waiting", since=c.due)
    path = fallback_path(w, as_of, item.deadline)
    if path == "follow_up":
        path = "call"
    by = fallback_by(as_of, item.deadline, path)
    label = the(item.deadline_label) if item.deadline_label else the(short_title(item.title))
    if path == "escalate":
        action = f"escalate to you with options for {label}: reassign it, cut scope or a new date"
    elif path == "alternate_contact":
        action = f"ask who else can finish {commitment_object(c.what)} and hand it to them"
    else:
        action = f"call {c.owner} and agree a firm new date for {commitment_object(c.what)}"
    return Fallback(trigger=f"no new date from {c.owner}"[:200], by=by, action=action[:300], path=path)


def risk_for(signal: str, item: WorkItem, as_of: dt.date) -> Risk:
    """A risk flagged with the deadline it threatens (U6)."""
    threatens = item.deadline_label or item.outcome or item.title
    days_left = (item.deadline - as_of).days if item.deadline else None
    return Risk(signal=clean(signal)[:300], threatens=clean(threatens)[:120] or None, deadline=item.deadline, days_left=days_left)


def item_risks(item: WorkItem, log: WorkLog) -> list[Risk]:
    """Every wait, blocker and risk cue of an open item, each with the deadline it threatens."""
    out = [risk_for(wait_signal(w, log.as_of, log), item, log.as_of) for w in item.waits]
    # the notes' risk sentences that threaten the work or its date first, then the concerns; history
    # ("the backlog was a year behind") and a mere modal verb ("this may be useful") are no risk
    context = notes_context(item, log)
    said = sorted((r for r in item.risks if worth_a_line(r, context)), key=lambda r: not is_threat(r, context))
    out += [risk_for(r, item, log.as_of) for r in said]
    for c in item.commitments:
        if is_overdue(c, log.as_of) and not is_me(c.owner):
            due = f" (due {fmt(c.due, log.as_of)})" if c.due else ""
            out.append(risk_for(f"{c.owner} is late with {commitment_object(c.what)}{due}", item, log.as_of))
    return out


