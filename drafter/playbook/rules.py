"""Per-item rules: status, fallbacks, risks, commitments, asks and the next step."""

from __future__ import annotations

import datetime as dt
import re

from ..models import (
    Ask,
    Commitment,
    CommitmentState,
    Fallback,
    ItemPlan,
    NextStep,
    Risk,
    Status,
    Wait,
    WorkItem,
    WorkLog,
    worst,
)
from .text import (
    _TEAMS,
    next_occurrence,
    CLOSE_BUSINESS_DAYS,
    IRREGULAR_PAST,
    ME,
    VERBS,
    add_bdays,
    as_action,
    bdays_between,
    clean,
    commitment_object,
    fmt,
    lower_first,
    is_me,
    is_org,
    next_bday,
    person_org,
    short_title,
    step_date,
    strip_article,
    strip_dates,
    the,
    wait_is_external,
    wait_object,
    who_label,
)


# --------------------------------------------------------------------------------------------
# Rule: item status
# --------------------------------------------------------------------------------------------


def is_done(item: WorkItem) -> bool:
    """Done if marked done, or every (non-dropped) commitment is done and nothing else is open."""
    if item.done:
        # an open wait or a missed promise keeps the item open whatever the notes' tick says
        return not item.waits and not any(c.state == "missed" for c in item.commitments)
    live = [c for c in item.commitments if c.state != "dropped"]
    return bool(live) and all(c.state == "done" for c in live) and not item.waits and not item.decisions


def is_overdue(c: Commitment, as_of: dt.date) -> bool:
    """A commitment past its due date and not done (or already marked missed)."""
    if c.state in ("done", "dropped"):
        return False
    return c.state == "missed" or (c.due is not None and c.due < as_of)


def deadline_close(item: WorkItem, as_of: dt.date, close: int = CLOSE_BUSINESS_DAYS) -> bool:
    return item.deadline is not None and bdays_between(as_of, item.deadline) <= close


def item_status(item: WorkItem, as_of: dt.date) -> tuple[Status, str]:
    """One status per item and a one-line reason (U2, U3, U5)."""
    if is_done(item):
        return Status.DONE, "done"
    overdue = [c for c in item.commitments if is_overdue(c, as_of)]
    if overdue:
        c = overdue[0]
        owner = "" if is_me(c.owner) else f" ({c.owner})"
        due = f" was due {fmt(c.due, as_of)}" if c.due else " is late"
        return Status.OFF_TRACK, f"{clean(c.what)}{owner}{due} and is not done"
    if item.deadline is not None and item.deadline < as_of:
        label = the(item.deadline_label) if item.deadline_label else "the deadline"
        return Status.OFF_TRACK, f"{label} ({fmt(item.deadline, as_of)}) has passed with work still open"
    blockers = [w for w in item.waits if w.kind == "blocked"]
    if blockers:
        b = blockers[0]
        by = f" by {b.on_whom}" if b.on_whom and b.on_whom.lower() not in b.what.lower() else ""
        return Status.BLOCKED, f"blocked{by}: {clean(b.what)}"
    label = the(item.deadline_label) if item.deadline_label else "the deadline"
    when = f" ({fmt(item.deadline, as_of)})" if item.deadline else ""
    waits = [w for w in item.waits if w.kind in ("no_reply", "waiting")]
    late = [w for w in waits if getattr(w, "expected_by", None) and w.expected_by < as_of]
    if late:
        w = late[0]
        obj = wait_object(w) or "an answer"
        return Status.AT_RISK, f"{w.on_whom or 'they'} promised {obj} by {fmt(w.expected_by, as_of)} and it has not arrived"
    silent = [w for w in waits if w.since and bdays_between(w.since, as_of) >= CLOSE_BUSINESS_DAYS]
    if silent:
        return Status.AT_RISK, f"{wait_signal(silent[0], as_of, None)}: a week or more without an answer"
    if waits and deadline_close(item, as_of):
        return Status.AT_RISK, f"{wait_signal(waits[0], as_of, None)} and {label}{when} is close"
    if item.risks:
        return Status.AT_RISK, clean(item.risks[0])
    if item.decisions and item.deadline is not None:
        return Status.AT_RISK, f"decision needed before {label}{when}: {clean(item.decisions[0].question)}"
    if waits:
        return Status.ON_TRACK, f"{wait_signal(waits[0], as_of, None)}, with time before {label}{when}" if (
            item.deadline
        ) else f"{wait_signal(waits[0], as_of, None)}; no deadline at stake yet"
    return Status.ON_TRACK, "no open waits or missed dates" + (f"; {label} is {fmt(item.deadline, as_of)}" if item.deadline else "")


# --------------------------------------------------------------------------------------------
# Rule: overall status
# --------------------------------------------------------------------------------------------


def overall_status(items: list[ItemPlan]) -> tuple[Status, str]:
    """The worst item status, never better (no watermelon); the reason names the worst item."""
    if not items:
        return Status.ON_TRACK, "no work items found in the notes"
    status = worst(ip.status for ip in items)
    if status == Status.DONE:
        return Status.DONE, "every item is done"
    worst_item = next(ip for ip in items if ip.status == status)
    return status, f"{short_title(worst_item.item.title)}: {worst_item.reason}"


# --------------------------------------------------------------------------------------------
# Rule: fallbacks (U8) and risks (U6)
# --------------------------------------------------------------------------------------------


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
    if w.kind == "blocked":
        trigger = f"still blocked on {strip_article(obj or w.what)}"
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
        unblock = strip_article(obj or clean(w.what))
        if path == "alternate_contact" and w.on_whom:
            team = f" in {org}" if org and org.lower() != who.lower() else ""
            action = f"ask who else{team} can unblock {unblock}, and bring you options if nobody can{stake}"
        elif w.on_whom:
            action = f"call {who} and agree a date to unblock {unblock}{stake}"
        else:
            action = f"escalate to you with a workaround for {unblock}"
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
    names = [p.name for p in log.people] + [n for i in log.items for n in i.people]
    for line in log.lines:
        if not _BACKUP_CUE.search(line.text):
            continue
        for name in names:
            if name.lower() != me and not is_me(name) and not is_org(name, log) and re.search(rf"\b{re.escape(name)}\b", line.text):
                return who_label(name, log)
    return None


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
    out += [risk_for(r, item, log.as_of) for r in item.risks]
    for c in item.commitments:
        if is_overdue(c, log.as_of) and not is_me(c.owner):
            due = f" (due {fmt(c.due, log.as_of)})" if c.due else ""
            out.append(risk_for(f"{c.owner} is late with {commitment_object(c.what)}{due}", item, log.as_of))
    return out


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
    """The decide-by date the notes name (if still ahead), else the playbook's own."""
    named = getattr(d, "by", None)
    if named is not None and named >= as_of:
        return named
    return decide_by_date(as_of, item.deadline)


def decision_phrase(question: str) -> str:
    """'renew 12 months or go month-to-month?' -> 'whether to renew 12 months or go month-to-month'."""
    q = clean(question).rstrip("?").strip()
    q = re.sub(r"^(?:open question|question|decision(?: needed)?|to decide|decide|tbd)\s*[:\-—]\s*", "", q, flags=re.I)
    q = re.sub(r"^(?:we need to decide|need to decide|need a decision on|decide)\s+", "", q, flags=re.I)
    # "Need the team leads to pick" / "need Carla to choose between A and B": the decider is said elsewhere
    m = re.match(r"^(?:we\s+)?need\s+.{1,40}?\s+to\s+(?:pick|choose|decide)(?:\s+(?:between|on)\s+(?P<o>.+))?$", q, re.I)
    if m:
        return f"between {m.group('o')}" if m.group("o") else "which option to take"
    low = q.lower()
    if not low:
        return "on the open question"
    if not question.strip().endswith("?") and re.search(r"\bdecision\b|\bdecide\b", low) and not re.match(
        r"(?:whether|which|who|when|how|what|if)\b", low
    ):
        inner = re.search(r"\b(?:whether|which|if)\b.+$", q, re.I)
        if inner:
            return re.sub(r"\s+(?:by|before|on)\s+(?:mon|tue|wed|thu|fri|sat|sun|\d).*$", "", inner.group(0), flags=re.I)
        return "on which option to take"
    if re.match(r"(?:whether|which|who|when|how|what|if)\b", low):
        return q
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
    for d in item.decisions:
        who = decider(d)
        what = strip_dates(decision_what(d.question, d.options), as_of, past_only=True)
        asks.append(Ask(who=who[:80], what=what[:300], by=decision_by(d, item, as_of)))
    for w in item.waits:
        if w.kind != "blocked":
            continue
        obj = wait_object(w) or the(clean(w.what))
        by = fallback_by(as_of, item.deadline, "call")
        with_whom = f" with {w.on_whom}" if w.on_whom else ""
        asks.append(Ask(who="you", what=f"help me unblock {strip_article(obj)}{with_whom} if it is still stuck"[:300], by=by))
    for cs in commitments:
        if cs.state == "missed" and cs.owner == "I" and cs.new_date is None and cs.ask:
            asks.append(Ask(who="you", what=f"{cs.ask} for {clean(cs.what)}"[:300], by=as_of))
    return asks


# --------------------------------------------------------------------------------------------
# Rule: next step (U7)
# --------------------------------------------------------------------------------------------


def next_step(item: WorkItem, commitments: list[CommitmentState], log: WorkLog) -> NextStep | None:
    """The single most useful next action for an open item: owner, specific action, date >= as_of.

    None when the notes give nothing to do next (no promise, wait, decision or task named by its
    verb): a next step is never made up from an item's title. ``due_proposed`` marks a date the
    notes do not give.
    """
    as_of = log.as_of
    soon = step_date(as_of, item.deadline, next_bday(as_of))

    def step(action: str, due: dt.date, owner: str = "I", given: dt.date | None = None) -> NextStep:
        """``given``: the date the notes give for this step (else the date is the tool's proposal)."""
        action = strip_dates(action, as_of, past_only=True)  # a next step looks forward only
        when = step_date(as_of, item.deadline, due)
        return NextStep(action=clean(action)[:300], owner=owner[:80], due=when, due_proposed=given is None or when != given)

    first_person = getattr(log, "first_person", True)

    for cs in commitments:
        if cs.state == "missed" and cs.owner == "I":
            return step(as_action(cs.what), cs.new_date or as_of)
    if not first_person:  # minutes and team notes: the owners' own next steps, never the writer's
        return owners_step(item, commitments, log, step, soon)
    external = [w for w in item.waits if wait_is_external(w) and w.kind != "blocked"]
    if external:
        w = external[0]
        obj = wait_object(w)
        about = f" for {obj}" if obj else ""
        today = w.since is None or w.since < as_of
        what = f"to chase {obj}" if obj else "for a reply"
        return step(f"email {who_label(w.on_whom, log)} {what}", as_of if today else soon)
    blockers = [w for w in item.waits if w.kind == "blocked"]
    if blockers:
        b = blockers[0]
        obj = wait_object(b) or the(clean(b.what))
        if b.on_whom and not is_me(b.on_whom):
            return step(f"ask {who_label(b.on_whom, log)} what is needed to unblock {strip_article(obj)}", as_of)
        return step(f"find a way round the blocker on {strip_article(obj)} and ask for help if none", as_of)
    for cs in commitments:
        if cs.state == "missed":
            return step(f"get a new date from {cs.owner} for {commitment_object(cs.what)}", as_of)
    if item.decisions:
        d = item.decisions[0]
        who = decider(d)
        if who == "you":  # the ask below says what; the step only commits to getting it
            return step("get your decision on the ask below", soon)
        phrase = decision_phrase(d.question)
        phrase = phrase if phrase.startswith("on ") else f"on {phrase}"
        return step(f"get a decision from {who} {phrase}", soon)
    open_c = [cs for cs in commitments if cs.state == "open"]
    mine = [cs for cs in open_c if cs.owner == "I"]
    mine = [cs for cs in mine if is_deliverable(cs.what)]
    open_c = [cs for cs in open_c if is_deliverable(cs.what)]
    if mine:
        c = min(mine, key=lambda cs: cs.due or dt.date.max)
        given = c.due if c.due and c.due >= as_of else None
        return step(as_action(c.what), min(soon, c.due) if given else soon, given=given if given and given <= soon else None)
    if open_c:
        c = min(open_c, key=lambda cs: cs.due or dt.date.max)
        given = c.due if c.due and c.due >= as_of else None
        return step(as_action(c.what), given or soon, owner=c.owner, given=given)
    if item.recurring:
        nxt = next_occurrence(item.recurrence, as_of)
        return step(f"prepare the next {strip_article(item.title)}", add_bdays(nxt, -1) if nxt and nxt > soon else soon)
    if first_person and _names_a_task(item.title):
        return step(lower_first(short_title(item.title)), soon)
    if first_person:  # my open item with nothing to do in the notes: I commit to naming the next step, nothing more
        return step(f"set the next step for {the(short_title(item.title))}", soon)
    return None


_FUNCTION_WORDS = {"to", "will", "is", "are", "was", "has", "have", "by", "of", "what", "how", "why", "who", "when",
                   "where", "which", "if", "whether", "did", "do", "does", "should", "could", "can", "would", "and", "or",
                   "but", "so", "then", "also", "not", "no", "this", "that", "it", "there"}


def starts_with_verb(what: str) -> bool:
    """'send the deck', 'sent the deck': an action item worded as one (team notes: nothing else becomes a next step)."""
    words = clean(what).split()
    return bool(words) and (words[0].lower() in VERBS or words[0].lower() in IRREGULAR_PAST)


def is_deliverable(what: str) -> bool:
    """A promise that reads as something to do: it starts with its verb, or is a short noun phrase
    ('the board pack'); a sentence from the notes ('Instead, let's try ...') is not glued after 'deliver'."""
    words = clean(what).split()
    if not words:
        return False
    first = words[0].lower()
    if first in VERBS or first in IRREGULAR_PAST or first in ME:
        return True
    if first in _FUNCTION_WORDS:  # "Will slide to next week", "To do": no deliverable
        return False
    return len(words) <= 6 and not re.search(r"[,;:?!\"'’()]", what)


def _names_a_task(title: str) -> bool:
    """A title that is itself a task, named by its verb ('Write the release retro')."""
    words = clean(title).split()
    return bool(words) and words[0].lower() in VERBS and "?" not in title and len(words) >= 2


def owners_step(item: WorkItem, commitments: list[CommitmentState], log: WorkLog, step, soon: dt.date) -> NextStep | None:
    """Minutes and team notes: the next step is a named owner's open action item, or none (never "I")."""
    open_c = [cs for cs in commitments if cs.state in ("open", "missed") and "?" not in cs.what and starts_with_verb(cs.what)]
    pool = [cs for cs in open_c if cs.owner and not is_me(cs.owner) and cs.owner.strip().lower() not in ("team", "the team")]
    if not pool:
        return None
    c = min(pool, key=lambda cs: cs.due or dt.date.max)
    given = c.due if c.due and c.due >= log.as_of else None
    return step(as_action(c.what), given or soon, owner=c.owner, given=given)


# --------------------------------------------------------------------------------------------
# Rule: one item, then the whole plan
# --------------------------------------------------------------------------------------------


def plan_item(item: WorkItem, log: WorkLog) -> ItemPlan:
    status, reason = item_status(item, log.as_of)
    commitments = [commitment_state(c, item, log) for c in item.commitments]
    if status == Status.DONE:
        return ItemPlan(item=item, status=status, reason=reason, commitments=commitments)
    if not getattr(log, "first_person", True):  # minutes and team notes: no "I will" plans for other people's work
        return ItemPlan(item=item, status=status, reason=reason, next_step=next_step(item, commitments, log),
                        risks=item_risks(item, log), commitments=commitments,
                        asks=[a for a in item_asks(item, commitments, [], log) if not a.what.startswith("help me")])
    fallbacks = [fallback_for(w, item, log) for w in item.waits if wait_is_external(w) or w.kind == "blocked"]
    waited = {(w.on_whom or "").lower() for w in item.waits}
    waited |= {(person_org(w.on_whom, log) or "").lower() for w in item.waits if w.on_whom}
    fallbacks += [
        late_commitment_fallback(c, item, log)
        for c in item.commitments
        if is_overdue(c, log.as_of) and not is_me(c.owner) and c.owner.lower() not in waited  # the wait's fallback covers it
    ]
    return ItemPlan(
        item=item,
        status=status,
        reason=reason,
        next_step=next_step(item, commitments, log),
        fallbacks=fallbacks,
        risks=item_risks(item, log),
        commitments=commitments,
        asks=item_asks(item, commitments, fallbacks, log),
    )
