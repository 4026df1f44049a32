"""The ownership playbook: turns a parsed :class:`WorkLog` into a :class:`Plan`.

Rules, each a small function below and each tested:

* item status (done / off track / blocked / at risk / on track) with a one-line reason;
* overall status = the worst item (never better: no watermelon);
* a next step with owner and date for every open item;
* a fallback for every wait on someone else, on an escalating path
  (follow up -> call -> alternate contact -> escalate);
* risks flagged with the deadline they threaten; a state for every commitment, with a new date
  or an ask when one was missed; explicit asks of the reader;
* decision facts for the options proposal and delegation facts for the delegation plan.

No I/O, no randomness: the same log always gives the same plan.
"""

from __future__ import annotations

import datetime as dt
import re

from .models import (
    Ask,
    Decision,
    CheckInFacts,
    Commitment,
    CommitmentState,
    DecisionFacts,
    DecisionRights,
    DelegationFacts,
    DelegationTaskFacts,
    Fallback,
    ItemPlan,
    NextStep,
    OptionFacts,
    Plan,
    Risk,
    Status,
    Wait,
    WorkItem,
    WorkLog,
    worst,
)

#: A deadline this many business days away (or fewer) is "close".
CLOSE_BUSINESS_DAYS = 5

ME = {"i", "me", "myself", "we", "us"}

# --------------------------------------------------------------------------------------------
# Dates (drafter.dates when present; identical local arithmetic otherwise)
# --------------------------------------------------------------------------------------------


def add_bdays(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` business days (Mon-Fri); n=0 returns d unchanged."""
    try:
        from .dates import add_business_days
    except ImportError:  # pragma: no cover - only while drafter.dates is being written
        add_business_days = None
    if add_business_days is not None:
        return add_business_days(d, n)
    step = 1 if n >= 0 else -1
    left = abs(n)
    while left:
        d += dt.timedelta(days=step)
        if d.weekday() < 5:
            left -= 1
    return d


def bdays_between(a: dt.date, b: dt.date) -> int:
    """Business days after ``a`` up to and including ``b`` (negative when b < a)."""
    if b == a:
        return 0
    sign = 1 if b > a else -1
    lo, hi = (a, b) if b > a else (b, a)
    count = 0
    d = lo
    while d < hi:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            count += 1
    return sign * count


def next_bday(d: dt.date) -> dt.date:
    return add_bdays(d, 1)


def fmt(d: dt.date | None, as_of: dt.date) -> str:
    """'Thu 26 Nov' (year added when it differs from as_of's), via drafter.dates.format_date."""
    if d is None:
        return ""
    try:
        from .dates import format_date
    except ImportError:  # pragma: no cover - only while drafter.dates is being written
        format_date = None
    if format_date is not None:
        try:
            return format_date(d, as_of)
        except TypeError:
            return format_date(d)
    out = f"{d.strftime('%a')} {d.day} {d.strftime('%b')}"
    return out if d.year == as_of.year else f"{out} {d.year}"


def step_date(as_of: dt.date, deadline: dt.date | None, preferred: dt.date) -> dt.date:
    """``preferred`` clamped to [as_of, the business day before ``deadline``]."""
    d = max(preferred, as_of)
    if deadline is not None and d >= deadline:
        before = add_bdays(deadline, -1)
        d = before if before >= as_of else as_of
    return d


# --------------------------------------------------------------------------------------------
# Text helpers: short phrases built only from words in the notes
# --------------------------------------------------------------------------------------------

VERBS = set(
    """send sent deliver finish complete write draft review update fix ship book call email chase confirm
    get prepare share publish submit file sign pay order schedule run check test approve decide build
    migrate deploy release set collect pull compile merge close open move renew cancel reply answer ask
    agree hire brief present finalise finalize upload download create plan organise organize arrange invite
    circulate print post prep do make read edit proof sort find pick hand train document record""".split()
)

IRREGULAR_PAST = {
    "sent": "send", "wrote": "write", "got": "get", "made": "make", "ran": "run", "met": "meet",
    "built": "build", "spoke": "speak", "took": "take", "gave": "give", "did": "do", "put": "put",
    "set": "set", "read": "read", "found": "find", "told": "tell", "brought": "bring", "bought": "buy",
    "began": "begin", "drew": "draw", "chose": "choose", "kept": "keep", "left": "leave", "paid": "pay",
    "rang": "ring", "held": "hold", "led": "lead", "shared": "share", "updated": "update",
    "created": "create", "used": "use", "saved": "save", "closed": "close", "priced": "price",
    "changed": "change", "compiled": "compile", "scheduled": "schedule", "prepared": "prepare",
    "reviewed": "review", "filed": "file", "merged": "merge", "released": "release", "chased": "chase",
    "noted": "note", "issued": "issue", "invoiced": "invoice", "uploaded": "upload", "pasted": "paste",
    "exported": "export", "emailed": "email", "called": "call", "pulled": "pull", "checked": "check",
    "posted": "post", "pinged": "ping", "asked": "ask", "booked": "book", "drafted": "draft",
    "finished": "finish", "started": "start", "fixed": "fix", "signed": "sign", "submitted": "submit",
    "confirmed": "confirm", "requested": "request", "followed": "follow", "filled": "fill",
    "formatted": "format", "copied": "copy", "tidied": "tidy", "replied": "reply", "ordered": "order",
    "printed": "print", "attached": "attach", "loaded": "load", "logged": "log", "opened": "open",
    "added": "add", "refreshed": "refresh", "published": "publish", "circulated": "circulate",
    "dropped": "drop", "planned": "plan", "shipped": "ship", "stopped": "stop", "tagged": "tag",
}

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_SPACE = re.compile(r"\s+")


def clean(text: str | None) -> str:
    """Collapse whitespace and trailing punctuation."""
    return _SPACE.sub(" ", (text or "")).strip().rstrip(".;,:")


def strip_article(text: str) -> str:
    return _ARTICLE.sub("", clean(text))


def the(text: str) -> str:
    """'board meeting' -> 'the board meeting' (kept as is when it already has a determiner)."""
    t = clean(text)
    if not t:
        return t
    first = t.split()[0].lower()
    if first in {"the", "a", "an", "my", "our", "your", "their", "his", "her", "this", "that", "next", "every"}:
        return t
    if re.search(r"['’]s?$", first):
        return t
    return f"the {t}"


def short_title(title: str, limit: int = 60) -> str:
    """The name of an item for prose: its first clause, at most ``limit`` characters."""
    t = clean(title)
    head = re.split(r"\s*[:;,(—–]\s*|\s+-\s+|[.?!]\s+", t, maxsplit=1)[0].strip()
    if len(head) >= 3:
        t = head
    if len(t) > limit:
        t = t[:limit].rsplit(" ", 1)[0]
    return t


def lower_first(text: str) -> str:
    """'Keep chasing Dana' -> 'keep chasing Dana' (names keep their capitals)."""
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def is_me(name: str | None) -> bool:
    return name is None or name.strip().lower() in ME


def imperative(text: str) -> str:
    """'pulled numbers from Looker' -> 'pull numbers from Looker' (best effort, first word only)."""
    t = clean(text)
    if not t:
        return t
    words = t.split()
    if words[0].lower() in ME and len(words) > 1:
        words = words[1:]
    first = words[0]
    low = first.lower()
    if low in IRREGULAR_PAST:
        words[0] = IRREGULAR_PAST[low]
    elif low.endswith("ied") and len(low) > 4:
        words[0] = low[:-3] + "y"
    elif low.endswith("ed") and len(low) > 4:
        stem = low[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
            stem = stem[:-1]
        words[0] = stem
    else:
        words[0] = first[0].lower() + first[1:] if not first[:2].isupper() else first
    return " ".join(words)


def as_action(what: str) -> str:
    """A commitment as something to do: 'send the Q3 docs' stays, 'Q3 docs' -> 'deliver the Q3 docs'."""
    t = clean(what)
    if not t:
        return "deliver it"
    words = t.split()
    if words[0].lower() in ME and len(words) > 1:
        t = " ".join(words[1:])
        words = words[1:]
    low = words[0].lower()
    if low in VERBS:
        return low + t[len(words[0]):]
    if low in IRREGULAR_PAST:
        return imperative(t)
    return f"deliver {the(t)}"


def strip_dates(text: str, as_of: dt.date, *, past_only: bool = False) -> str:
    """Drop date phrases (and the word before them) from a phrase: 'send X by Mon 23 Nov' -> 'send X'."""
    from .dates import find_dates

    t = text
    mentions = find_dates(t, as_of)
    for m in sorted(mentions, key=lambda m: m.start, reverse=True):
        if past_only and m.date >= as_of:
            continue
        head = re.sub(r"\s*\b(?:by|on|for|due|before|until|from|at|since)\s*$", "", t[: m.start], flags=re.I)
        t = head.rstrip(" ,;-—") + " " + t[m.end :].lstrip(" ,.;")
    t = re.sub(r"\s+(?:were|was|is|are|had been|has been)\s+promised\b.*$", "", t, flags=re.I)
    t = re.sub(r"^(?:promised|owe|owed)\s+", "", t.strip(), flags=re.I)
    return clean(t) or clean(text)


def commitment_object(what: str) -> str:
    """The thing a commitment produces: 'send the Q3 docs to Sam' -> 'the Q3 docs to Sam'."""
    t = clean(what)
    words = t.split()
    if words and words[0].lower() in VERBS and len(words) > 1:
        return the(" ".join(words[1:]))
    return the(t)


def person_org(name: str | None, log: WorkLog) -> str | None:
    if not name:
        return None
    for p in log.people:
        if p.name.lower() == name.lower():
            return p.org
    return None


def is_org(name: str | None, log: WorkLog) -> bool:
    """True when ``name`` is an organisation or team in the notes rather than a person."""
    if not name:
        return False
    low = name.lower()
    if any(p.name.lower() == low and not p.org for p in log.people):
        return False
    orgs = {o.lower() for o in getattr(log, "orgs", [])} | {o.lower() for i in log.items for o in getattr(i, "orgs", [])}
    return low in orgs or any((p.org or "").lower() == low for p in log.people)


def who_label(name: str, log: WorkLog) -> str:
    """'Dana at Acme' when the notes give Dana's org, else the name as written."""
    org = person_org(name, log)
    if org and org.lower() != name.lower():
        return f"{name} in {org}" if org.lower() in _TEAMS else f"{name} at {org}"
    return name


_WAIT_LEAD = re.compile(
    r"^(?:still\s+)?(?:(?:waiting|waited|wait)\s+(?:on|for)|blocked\s+(?:on|by)|chasing|chased|need(?:ed)?|"
    r"no\s+(?:reply|response|answer|word)\s+(?:yet\s+)?(?:from|on|to|about)?)\s+",
    re.I,
)


def wait_object(w: Wait) -> str | None:
    """What is waited for, without who and when: 'Q3 docs from Dana, no reply yet' -> 'the Q3 docs'."""
    t = clean(w.what)
    t = re.split(r"\s*[,;:(—–]\s*|\s+-\s+", t, maxsplit=1)[0]  # drop trailing asides ("asked Mon")
    t = re.sub(r"^(?:i\s+)?(?:already\s+)?(?:asked|emailed|pinged|chased|requested|messaged)\s+(?:\S+\s+){0,3}?for\s+", "", t, flags=re.I)
    for _ in range(2):
        t = _WAIT_LEAD.sub("", t)
    if w.on_whom:
        who = re.escape(w.on_whom)
        t = re.sub(rf"\s*\b(?:from|by|on|with|at)\s+{who}\b.*$", "", t, flags=re.I)
        t = re.sub(rf"^{who}(?:'s|’s)?(?:\s+(?:at|from)\s+[\w&.-]+(?:\s[A-Z][\w&.-]*)?)?\s*(?:(?:for|to|about|on)\s+)?", "", t, flags=re.I)
    t = re.sub(r"^(?:no\s+)?(?:reply|response|answer)\b(?:\s+(?:yet\s+)?(?:from|to|on|about))?\s*", "", t, flags=re.I)
    t = re.sub(r"\s+(?:yet|still|so far)$", "", t, flags=re.I)
    t = re.sub(r"(?:^|\s*[:\-–—]\s*)blocked\b[:\-–—]?\s*", " ", t, flags=re.I)
    t = re.sub(r"^(?:for|to|about|on|with)\s+", "", clean(t), flags=re.I)
    t = clean(t)
    if not t or (w.on_whom and t.lower() == w.on_whom.lower()) or t.lower() in {"reply", "a reply", "an answer"}:
        return None
    return the(t)


def wait_is_external(w: Wait) -> bool:
    """A wait on someone else (a person or organisation named in the notes)."""
    return bool(w.on_whom) and not is_me(w.on_whom)


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
    else:
        trigger = f"no {strip_article(obj)} from {who}"
    thing = obj or "an answer"
    label = the(item.deadline_label) if item.deadline_label else (the(short_title(item.title)))
    stake = f" before {label}" if item.deadline else ""
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
            action = f"call {who} and, if I cannot reach them, find another person who can provide {thing}"
    else:
        action = f"escalate to you with options for {label}: another contact, cut scope or a new date"
    return Fallback(trigger=trigger[:200], by=by, action=action[:300], path=path)


_TEAMS = {
    "legal", "finance", "procurement", "it", "hr", "ops", "operations", "platform", "security", "data", "eng",
    "engineering", "marketing", "sales", "support", "comms", "design", "product", "facilities", "accounts",
}
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
    base = dict(what=strip_dates(c.what, as_of)[:300], owner=owner[:80], due=c.due)
    if item.done or c.state == "done":
        return CommitmentState(**base, state="done")
    if c.state == "dropped":
        return CommitmentState(**base, state="dropped")
    if not is_overdue(c, as_of):
        return CommitmentState(**base, state="open")
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


def next_step(item: WorkItem, commitments: list[CommitmentState], log: WorkLog) -> NextStep:
    """The single most useful next action for an open item: owner, specific action, date >= as_of."""
    as_of = log.as_of
    soon = step_date(as_of, item.deadline, next_bday(as_of))

    def step(action: str, due: dt.date, owner: str = "I") -> NextStep:
        action = strip_dates(action, as_of, past_only=True)  # a next step looks forward only
        return NextStep(action=clean(action)[:300], owner=owner[:80], due=step_date(as_of, item.deadline, due))

    for cs in commitments:
        if cs.state == "missed" and cs.owner == "I":
            return step(as_action(cs.what), cs.new_date or as_of)
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
        phrase = decision_phrase(d.question)
        phrase = phrase if phrase.startswith("on ") else f"on {phrase}"
        return step(f"get a decision from {who} {phrase}", soon)
    open_c = [cs for cs in commitments if cs.state == "open"]
    mine = [cs for cs in open_c if cs.owner == "I"]
    if mine:
        c = min(mine, key=lambda cs: cs.due or dt.date.max)
        return step(as_action(c.what), min(soon, c.due) if c.due and c.due >= as_of else soon)
    if open_c:
        owners = {cs.owner for cs in open_c}
        c = open_c[0]
        if len(owners) == 1:
            due = c.due if c.due and c.due >= as_of else soon
            return step(as_action(c.what), due, owner=c.owner)
        return step(f"check with {c.owner} that {commitment_object(c.what)} is on course", soon)
    if item.recurring:
        nxt = next_occurrence(item.recurrence, as_of)
        return step(f"prepare the next {strip_article(item.title)}", add_bdays(nxt, -1) if nxt and nxt > soon else soon)
    return step(f"finish {the(short_title(item.title))}", soon)


# --------------------------------------------------------------------------------------------
# Rule: one item, then the whole plan
# --------------------------------------------------------------------------------------------


def plan_item(item: WorkItem, log: WorkLog) -> ItemPlan:
    status, reason = item_status(item, log.as_of)
    commitments = [commitment_state(c, item, log) for c in item.commitments]
    if status == Status.DONE:
        return ItemPlan(item=item, status=status, reason=reason, commitments=commitments)
    fallbacks = [fallback_for(w, item, log) for w in item.waits if wait_is_external(w) or w.kind == "blocked"]
    fallbacks += [
        late_commitment_fallback(c, item, log)
        for c in item.commitments
        if is_overdue(c, log.as_of) and not is_me(c.owner)
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


#: Open items up to which one deadline in the notes is taken to be the deadline of all of them.
SHARED_DEADLINE_MAX_ITEMS = 3


def share_single_deadline(log: WorkLog) -> WorkLog:
    """Short notes with exactly one downstream deadline: items without a deadline serve that one.

    Notes about one piece of work often name the deadline on one line only ("the board meeting
    is Tue"); the items parsed from the other lines serve the same deadline.
    """
    open_items = [i for i in log.items if not is_done(i)]
    dated = [i for i in log.items if i.deadline]
    if not dated or len(open_items) > SHARED_DEADLINE_MAX_ITEMS or len({i.deadline for i in dated}) != 1:
        return log
    src = next((i for i in dated if i.deadline_label), dated[0])
    items = [
        i if (i.deadline or i.recurring) else i.model_copy(update={"deadline": src.deadline, "deadline_label": src.deadline_label})
        for i in log.items
    ]
    return log.model_copy(update={"items": items})


def build_plan(log: WorkLog, *, delegate_to: str | None = None) -> Plan:
    """Apply every playbook rule to ``log``. ``delegate_to`` beats a delegate named in the notes."""
    log = share_single_deadline(log)
    items = [plan_item(item, log) for item in log.items]
    overall, reason = overall_status(items)
    risks = sorted(
        (r for ip in items for r in ip.risks),
        key=lambda r: (r.deadline or dt.date.max),
    )
    asks = [a for ip in items for a in ip.asks]
    plan = Plan(
        as_of=log.as_of,
        log=log,
        items=items,
        overall=overall,
        overall_reason=reason,
        risks=risks,
        asks=asks,
    )
    plan.decision = decision_facts(plan)
    plan.delegation = delegation_facts(plan, delegate_to)
    return plan


# --------------------------------------------------------------------------------------------
# Options: decision facts
# --------------------------------------------------------------------------------------------


def nearest_deadline(log: WorkLog) -> tuple[dt.date | None, str | None]:
    """The earliest deadline still ahead anywhere in the notes (with its label)."""
    ahead = sorted(
        ((i.deadline, i.deadline_label) for i in log.items if i.deadline and i.deadline >= log.as_of),
        key=lambda t: t[0],
    )
    return ahead[0] if ahead else (None, None)


_PAST_ACTION = re.compile(r"^(?:[-*•]\s*)?(?:\w{3,9}:\s*)?(?:i\s+)?(" + "|".join(sorted(IRREGULAR_PAST, key=len, reverse=True)) + r")\b", re.I)


def actions_from_lines(log: WorkLog) -> list[str]:
    """Lines of the notes that report something already done ("emailed Dana ..."), verbatim."""
    out = []
    for line in log.lines:
        text = clean(line.text)
        if _PAST_ACTION.match(text):
            out.append(re.sub(r"^[-*•]\s*", "", text))
    return out


_RISK_LINE = re.compile(r"^(?:[-*•]\s*)?risks?\b|\b(?:is|are) unknown\b|\bmight not\b|\bmay not make\b|\bcould slip\b|\bno fix\b", re.I)


def risk_lines(log: WorkLog) -> list[str]:
    """Lines of the notes that state a risk ('Risk either way: review time is unknown'), verbatim."""
    out = []
    for line in log.lines:
        text = clean(re.sub(r"^\s*(?:[-*•]|\d+[.)])\s*", "", line.text))
        if _RISK_LINE.search(text):
            out.append(text)
    return out


_LISTED_OPTION = re.compile(r"^\s*(?:[-*•]\s*)?(?:option\s+)?\(?([A-Da-d1-4])[).:]\s+(?P<text>\S.+)$", re.I)
_INLINE_OPTIONS = re.compile(r"\boptions?(?:\s+(?:I|we)\s+see)?\s*(?:are|:)\s*(?P<body>.+)$", re.I)


def options_from_lines(log: WorkLog) -> list[str]:
    """Options the notes list ('A) wait ...', 'B) pay ...' or 'Options: x, y, or z'), verbatim."""
    listed = [m.group("text") for line in log.lines if (m := _LISTED_OPTION.match(line.text))]
    if len(listed) >= 2:
        return [clean(t) for t in listed[:4]]
    for line in log.lines:
        m = _INLINE_OPTIONS.search(line.text)
        if not m:
            continue
        parts = [clean(p) for p in re.split(r",\s*(?:or\s+)?|\s+or\s+", m.group("body").rstrip(".")) if clean(p)]
        parts = [p for p in parts if not re.fullmatch(r"[\d$€£k.,\s]+|\d+\s*\w+\)?", p)]  # drop split-off figures
        if len(parts) >= 2:
            return parts[:4]
    return []


def situation_sentence(ip: ItemPlan, log: WorkLog) -> str | None:
    """What is wrong, in one clause: a missed date, a risk cue from the notes, or a wait."""
    as_of = log.as_of
    missed = [cs for cs in ip.commitments if cs.state == "missed"]
    if missed and missed[0].due:
        return f"{missed[0].what} was due {fmt(missed[0].due, as_of)} and is missed"
    if ip.item.risks:
        return re.split(r"(?<=[.!?])\s", clean(ip.item.risks[0]))[0].rstrip(".!?")
    waits = [w for w in ip.item.waits if wait_is_external(w) or w.kind == "blocked"]
    if waits:
        return wait_signal(waits[0], as_of, log)
    return None


def focus_item(plan: Plan) -> ItemPlan | None:
    """The item an options proposal is about: a decision first, else the worst open item."""
    open_items = [ip for ip in plan.items if ip.status != Status.DONE]
    if not open_items:
        return None
    with_decision = [ip for ip in open_items if ip.item.decisions]
    pool = with_decision or open_items
    return max(
        pool,
        key=lambda ip: (ip.status.severity, -(ip.item.deadline or dt.date.max).toordinal()),
    )


# keyword -> (upside, downside, cost, needs approval, keeps the deadline); for options named in the notes.
# Order matters: the first pattern that matches decides.
_OPTION_PROFILES: list[tuple[re.Pattern, tuple[str, str, str, bool, bool | None]]] = [
    (re.compile(r"month[- ]to[- ]month|monthly|rolling|short[- ]term|trial|pilot", re.I),
     ("it keeps us flexible, with nothing locked in if needs change",
      "the decision comes back each period and the terms can change",
      "a short commitment; easy to reverse", False, True)),
    (re.compile(r"\b(?:annual|yearly|year|12[- ]months?|multi[- ]year|long[- ]term)\b", re.I),
     ("it settles the question in one decision for the whole period",
      "it locks us in if needs change before the term ends",
      "a longer commitment; hard to reverse", True, True)),
    (re.compile(r"\b(?:delay|postpone|push(?:ed)? back|slip|reschedule|later|late|new date|extend)\b|"
                r"\bmove\s+(?:the\s+)?(?:launch|date|deadline|go-live|release|meeting|cut-over|kickoff|demo)\b", re.I),
     ("we deliver the full version with less pressure",
      "everyone who needs it waits longer",
      "the new date needs agreement", True, False)),
    (re.compile(r"\b(?:cut|drop|reduce|skip|trim|smaller|partial|without|only|cut-down|mvp)\b", re.I),
     ("the date holds", "less is delivered on the day", "a scope change that needs sign-off", True, True)),
    (re.compile(r"\b(?:hire|contractor|agency|outsource|vendor|buy|pay|quote|switch|another supplier)\b|[$€£]\s?\d", re.I),
     ("it adds capacity quickly", "it costs money and a new supplier needs briefing", "spend that needs approval", True, True)),
    (re.compile(r"\b(?:escalate|manager|exec)\b", re.I),
     ("it puts authority behind the request", "it uses goodwill and can strain the relationship", "your time", True, None)),
    (re.compile(r"\b(?:cancel|stop|end|terminate)\b", re.I),
     ("it ends the cost and the effort", "we lose what it gave us", "notice terms to check", True, None)),
    (re.compile(r"\b(?:keep|stay|continue|renew|same|wait)\b", re.I),
     ("nothing changes and there is no switching effort", "any current problem stays", "the current cost continues", False, None)),
]

_COST_FACT = re.compile(
    r"[$€£]\s?\d[\d,.]*\s?[kKmM]?\b|\b\d[\d,.]*\s?(?:k|K|USD|EUR|GBP)\b|"
    r"\b(?:\d+|a|an|one|two|three|four|five|half a)\s+(?:more\s+)?(?:working\s+|business\s+|calendar\s+)?"
    r"(?:hours?|days?|weeks?|months?|sprints?)\b|~\s?[$€£]?\d[\d,.]*[kK]?",
    re.I,
)


def option_title(text: str) -> str:
    """A short name for an option from the notes: its first clause, capitalised."""
    t = short_title(re.sub(r"^(?:option\s*)?(?:[a-d1-4][).:]\s+)", "", clean(text), flags=re.I), 70)
    return t[:1].upper() + t[1:]


def profile_for_named_option(text: str, label: str) -> OptionFacts:
    """Trade-offs for an option named in the notes: costs and times quoted from it, the rest by kind."""
    for pattern, (up, down, cost, approval, keeps) in _OPTION_PROFILES:
        if pattern.search(text):
            break
    else:
        up, down, cost, approval, keeps = (
            "we do what the notes propose",
            "trade-offs are not in the notes; I will confirm them before acting",
            "to be confirmed",
            True,
            None,
        )
    quoted = list(dict.fromkeys(clean(m.group(0)) for m in _COST_FACT.finditer(text)))
    if quoted:
        cost = ", ".join(quoted) + ("; needs approval" if approval else "")
    return OptionFacts(
        label=label, title=option_title(text)[:120], summary=clean(text)[:300], upside=up, downside=down,
        cost=cost[:200], from_notes=True, needs_approval=approval, keeps_deadline=keeps,
    )


def pick_named_option(options: list[OptionFacts], has_deadline: bool, label: str = "the deadline") -> tuple[OptionFacts, str]:
    """Rank options from the notes: keeps the deadline, then within my authority, then a known cost."""
    def score(o: OptionFacts):
        keeps = 1 if o.keeps_deadline else 0
        known_cost = 0 if o.cost == "to be confirmed" else 1
        return (keeps if has_deadline else 0, 0 if o.needs_approval else 1, known_cost)

    best = max(options, key=score)  # max keeps the first of equals
    keepers = [o for o in options if o.keeps_deadline]
    if has_deadline and best.keeps_deadline and not best.needs_approval:
        why = f"it keeps {label} and I can do it without extra approval"
    elif has_deadline and best.keeps_deadline and len(keepers) == 1:
        why = f"it is the only option listed that keeps {label}"
    elif has_deadline and best.keeps_deadline:
        why = f"it keeps {label}, and its cost is stated in the notes" if best.cost != "to be confirmed" else f"it keeps {label}"
    elif not best.needs_approval:
        why = "it is the option I can reverse if it turns out wrong"
    else:
        why = "its trade-offs are the clearest of the options listed"
    return best, why


def _label_text(item: WorkItem, as_of: dt.date) -> tuple[str, str]:
    """('the board meeting', ' on Tue 1 Dec') for prose."""
    label = the(item.deadline_label) if item.deadline_label else the(short_title(item.title))
    when = f" on {fmt(item.deadline, as_of)}" if item.deadline else ""
    return label, when


def _wait_options(ip: ItemPlan, w: Wait, log: WorkLog) -> list[OptionFacts]:
    item, as_of = ip.item, log.as_of
    label, when = _label_text(item, as_of)
    who = w.on_whom or "them"
    obj = wait_object(w) or the(short_title(item.title))
    org = w.on_whom if is_org(w.on_whom, log) else person_org(w.on_whom, log)
    fb = next((f for f in ip.fallbacks), None)
    fb_when = fmt(fb.by, as_of) if fb else fmt(next_bday(as_of), as_of)
    alt_title = f"Go to another contact at {org}" if org else "Find another source"
    alt_summary = (
        f"ask for another contact at {org} who can provide {obj}, while still chasing {who}"
        if org else f"find someone else who can provide {obj}, while still chasing {who}"
    )
    return [
        OptionFacts(
            label="A",
            title=f"Keep chasing {who}",
            summary=f"chase {who} by email today and call on {fb_when}",
            upside="no change of plan and no extra cost",
            downside=f"if {who} stays silent, {label}{when} goes ahead without {obj}",
            cost="my time only: an email today and a call",
        ),
        OptionFacts(
            label="B",
            title=alt_title,
            summary=alt_summary,
            upside=f"stops {label} depending on one silent contact",
            downside=f"a new contact needs briefing and may still need {who} to sign off",
            cost="about half a day of my time",
        ),
        OptionFacts(
            label="C",
            title=f"Go ahead without {obj}",
            summary=f"go ahead with {label}{when} without {obj} and add {obj} when it arrives",
            upside=f"{label} keeps its date whatever {who} does",
            downside=f"{label} sees an incomplete version",
            cost="your approval; little extra work",
            needs_approval=True,
        ),
    ]


def _blocker_options(ip: ItemPlan, w: Wait, log: WorkLog) -> list[OptionFacts]:
    item, as_of = ip.item, log.as_of
    label, when = _label_text(item, as_of)
    obj = wait_object(w) or the(clean(w.what))
    who = w.on_whom or "whoever owns it"
    return [
        OptionFacts(
            label="A",
            title="Wait for the blocker to clear",
            summary=f"push {who} to clear {obj} and prepare everything else meanwhile",
            upside="no rework and no extra cost",
            downside=f"{label}{when} slips if the blocker stays",
            cost="my time only",
        ),
        OptionFacts(
            label="B",
            title="Work around the blocker",
            summary=f"deliver what does not need {obj} first and add the rest later",
            upside=f"most of the work reaches {label} on time",
            downside="a second delivery and some rework",
            cost="about a day of extra work",
        ),
        OptionFacts(
            label="C",
            title="Escalate the blocker",
            summary=f"you raise {obj} with {who}'s manager to get it cleared" if w.on_whom else f"you get {obj} cleared with the people who own it",
            upside="authority behind the request; fastest route if it works",
            downside="uses goodwill and your time",
            cost="your time",
            needs_approval=True,
        ),
    ]


def _missed_options(ip: ItemPlan, cs: CommitmentState, log: WorkLog) -> list[OptionFacts]:
    item, as_of = ip.item, log.as_of
    label, when = _label_text(item, as_of)
    thing = commitment_object(cs.what)
    opts = []
    if cs.new_date is not None:
        opts.append(OptionFacts(
            label="A", title="Deliver in full on the new date",
            summary=f"finish {thing} in full by {fmt(cs.new_date, as_of)}",
            upside="the complete work, still before the deadline" if item.deadline else "the complete work",
            downside="it is late against the promised date and leaves little slack",
            cost="my time until the new date",
        ))
    opts.append(OptionFacts(
        label="", title="Cut scope to keep the date",
        summary=f"deliver the essential part of {thing} today and the rest after {label}",
        upside=f"{label}{when} gets what it needs on time",
        downside="less is delivered on the day",
        cost="your approval of the smaller scope",
        needs_approval=True,
    ))
    opts.append(OptionFacts(
        label="", title="Move the date",
        summary=f"agree a later date for {thing}" + (f" and for {label}" if item.deadline_label else ""),
        upside="the full version with no rush",
        downside="everyone who needs it waits longer",
        cost="your approval and the agreement of the people waiting",
        needs_approval=True,
    ))
    return opts


def _decision_options(ip: ItemPlan, log: WorkLog) -> list[OptionFacts]:
    item, as_of = ip.item, log.as_of
    d = item.decisions[0]
    label, when = _label_text(item, as_of)
    q = clean(d.question).rstrip("?")
    return [
        OptionFacts(
            label="A", title="Decide now",
            summary=f"decide {q} now with what we know",
            upside=f"{label}{when} keeps its full time" if item.deadline else "the work moves today",
            downside="we commit before every fact is in",
            cost="a short call",
        ),
        OptionFacts(
            label="B", title="Get the missing facts first",
            summary="I collect the missing facts and bring one recommendation",
            upside="a better-informed decision",
            downside=f"less time before {label}" if item.deadline else "the work waits",
            cost="about a day of my time",
        ),
    ]


def _plain_options(ip: ItemPlan, log: WorkLog) -> list[OptionFacts]:
    item, as_of = ip.item, log.as_of
    label, when = _label_text(item, as_of)
    return [
        OptionFacts(
            label="A", title="Keep the current plan",
            summary=f"continue as planned towards {label}{when}",
            upside="no change, no extra cost", downside="no slack if something slips late",
            cost="my time only",
        ),
        OptionFacts(
            label="B", title="Build in slack now",
            summary="finish the riskiest part first to leave a buffer before the deadline",
            upside="a late surprise does not threaten the date", downside="other work waits a little",
            cost="re-ordering my week",
        ),
    ]


def _relabel(options: list[OptionFacts]) -> list[OptionFacts]:
    return [o.model_copy(update={"label": "ABCD"[i]}) for i, o in enumerate(options[:4])]


def recommend(options: list[OptionFacts], ip: ItemPlan, as_of: dt.date) -> tuple[str, str]:
    """Pick one option from the trade-offs: time left decides how much risk we can carry."""
    item = ip.item
    left = bdays_between(as_of, item.deadline) if item.deadline else None
    labels = [o.label for o in options]
    titles = {o.label: o.title.lower() for o in options}
    if any(o.from_notes for o in options):
        label = the(item.deadline_label) + " on its date" if item.deadline_label else "the deadline"
        pick, why = pick_named_option(options, item.deadline is not None, label)
        return pick.label, why
    if titles.get("A", "").startswith("keep chasing"):
        if left is not None and left <= 1:
            return "C", "there is no time left to depend on a reply; the date matters more than completeness"
        if left is None or left > CLOSE_BUSINESS_DAYS:
            return "A", "there is still time for a reply, so an extra contact is not worth the cost yet"
        return "B", "it protects the date without needing anyone's approval, for half a day of my time"
    if titles.get("A", "").startswith("wait for the blocker"):
        if left is not None and left <= 3:
            return "C", "the deadline is too close to wait, and only escalation clears a blocker quickly"
        return "B", "it keeps most of the work moving while the blocker is cleared"
    if titles.get("A", "").startswith("deliver in full"):
        return "A", "the new date still lands before the deadline, so nothing downstream moves"
    if titles.get("A", "").startswith("cut scope"):
        return "A", "the deadline cannot move without cost to everyone waiting; less on the day is the smaller loss"
    if titles.get("A", "").startswith("decide now"):
        if left is not None and left <= CLOSE_BUSINESS_DAYS:
            return "A", "the deadline is close and waiting for more facts costs time we do not have"
        return "B", "there is time to get the facts, and a wrong call costs more than a day"
    return labels[0], "it costs nothing extra and nothing today threatens the date"


def decision_facts(plan: Plan) -> DecisionFacts | None:
    """Facts for an options proposal about the focus item (None when every item is done)."""
    ip = focus_item(plan)
    if ip is None:
        return None
    log, as_of, item = plan.log, plan.as_of, ip.item
    label, when = _label_text(item, as_of)
    ext_waits = [w for w in item.waits if wait_is_external(w) and w.kind != "blocked"]
    blockers = [w for w in item.waits if w.kind == "blocked"]
    missed = [cs for cs in ip.commitments if cs.state == "missed"]
    named = next((d for d in item.decisions if len(d.options) >= 2), None)
    if named is None:
        listed = options_from_lines(log)
        if len(listed) >= 2:
            base = item.decisions[0] if item.decisions else Decision(question="which option to take?")
            named = base.model_copy(update={"options": listed})
    who = "you"
    if named is not None:
        options = [profile_for_named_option(o, "ABCD"[i]) for i, o in enumerate(named.options[:4])]
        question = clean(named.question)
        if named.who and not is_me(named.who):
            who = named.who
        situation = situation_sentence(ip, log)
        decide = f"we need to decide {decision_phrase(question)}"
        problem = f"{situation}; {decide}" if situation else decide
    elif missed:
        cs = missed[0]
        options = _relabel(_missed_options(ip, cs, log))
        question = f"how to recover {commitment_object(cs.what)}"
        problem = f"{clean(cs.what)} was due {fmt(cs.due, as_of)} and is missed" if cs.due else f"{clean(cs.what)} is late"
    elif ext_waits:
        w = ext_waits[0]
        options = _wait_options(ip, w, log)
        question = f"how to get {wait_object(w) or the(short_title(item.title))} in time"
        problem = wait_signal(w, as_of, log)
    elif blockers:
        w = blockers[0]
        options = _blocker_options(ip, w, log)
        question = f"how to get past the blocker on {strip_article(wait_object(w) or w.what)}"
        problem = wait_signal(w, as_of, log)
    elif item.decisions:
        d = item.decisions[0]
        options = _decision_options(ip, log)
        question = clean(d.question)
        if d.who and not is_me(d.who):
            who = d.who
        problem = f"We need to decide {decision_phrase(question)}"
    else:
        options = _plain_options(ip, log)
        question = f"whether to change the plan for {the(short_title(item.title))}"
        problem = f"{short_title(item.title)} is {ip.status.label}: {ip.reason}"
    problem = clean(problem)
    problem = problem[:1].upper() + problem[1:]
    stake_date, stake_label = item.deadline, item.deadline_label
    if stake_date is None:
        stake_date, stake_label = nearest_deadline(log)
        if stake_date is not None:
            label, when = (the(stake_label) if stake_label else "the deadline"), f" on {fmt(stake_date, as_of)}"
    if stake_date is not None:
        problem += f". It puts {label}{when} at stake."
    else:
        problem += "."
    rec, why = recommend(options, ip, as_of)
    rec_opt = next(o for o in options if o.label == rec)
    others = [o for o in options if o.label != rec]
    rationale = (
        f"{why}. With {rec}, {rec_opt.upside.rstrip('.')}; cost: {rec_opt.cost.rstrip('.')}. "
        + " ".join(f"With {o.label}, {o.downside.rstrip('.')}." for o in others)
    )
    decide_by = decision_by(item.decisions[0], item, as_of) if item.decisions else decide_by_date(as_of, stake_date)
    actions = [a for a in item.actions] or [a for other in plan.log.items for a in other.actions]
    actions_taken = [
        clean(a.text) + (f" ({fmt(a.on, as_of)})" if a.on else "") for a in actions if clean(a.text)
    ][:6] or actions_from_lines(log)[:6]
    will_do = []
    if ip.next_step:
        will_do.append(f"{ip.next_step.action} by {fmt(ip.next_step.due, as_of)}")
    for fb in ip.fallbacks[:2]:
        if fb.path != "escalate":
            will_do.append(f"if {fb.trigger} by {fmt(fb.by, as_of)}, I will {fb.action}")
    for o in options:
        if not o.needs_approval and len(will_do) < 4:
            will_do.append(f"option {o.label} ({lower_first(o.title)}) is within my authority")
    needs = [f"option {o.label} ({lower_first(o.title)}): {o.cost}" for o in options if o.needs_approval][:4]
    open_risks = [clean(r) for r in item.risks]
    for w in ext_waits[:1]:
        obj = wait_object(w)
        open_risks.append(
            f"if {w.on_whom} never answers, {obj or 'the answer'} will be missing for {label}"
            if obj else f"if {w.on_whom} never answers, {label} goes ahead without their input"
        )
    for text in risk_lines(log):
        if not any(text.lower()[:40] in r.lower() or r.lower()[:40] in text.lower() for r in open_risks):
            open_risks.append(text)
    for other in plan.items:
        if other is not ip and other.status.severity >= Status.AT_RISK.severity:
            open_risks.append(f"{short_title(other.item.title)}: {other.reason}")
    return DecisionFacts(
        item_title=item.title,
        question=question,
        problem=problem,
        who=who,
        deadline=stake_date,
        deadline_label=stake_label,
        options=options,
        recommended=rec,
        rationale=rationale,
        decide_by=decide_by,
        default_label=rec,
        actions_taken=actions_taken,
        will_do=will_do[:4],
        needs_approval=needs,
        open_risks=open_risks[:4],
    )


# --------------------------------------------------------------------------------------------
# Delegation facts
# --------------------------------------------------------------------------------------------

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def next_occurrence(recurrence: str | None, as_of: dt.date) -> dt.date | None:
    """'every Monday' -> the next Monday after as_of; 'weekly'/'monthly' -> a week/4 weeks on."""
    if not recurrence:
        return None
    low = recurrence.lower()
    for i, name in enumerate(_WEEKDAYS):
        if name in low or re.search(rf"\b{name[:3]}\b", low):
            days = (i - as_of.weekday()) % 7 or 7
            return as_of + dt.timedelta(days=days)
    if "daily" in low or "every day" in low:
        return next_bday(as_of)
    if "month" in low:
        return add_bdays(as_of, 20)
    if "week" in low or "fortnight" in low:
        return add_bdays(as_of, 5 if "fortnight" not in low else 10)
    return None


def resolve_delegate(log: WorkLog, delegate_to: str | None) -> tuple[str | None, str]:
    """Explicit parameter > a delegate named in the notes > nobody."""
    if delegate_to and delegate_to.strip():
        return delegate_to.strip(), "parameter"
    for item in log.items:
        if item.delegate_to:
            return item.delegate_to, "notes"
    return None, "none"


def items_to_delegate(plan: Plan, delegate: str | None) -> list[ItemPlan]:
    """Items handed to the delegate: those the notes hand off, else recurring ones, else all open ones."""
    open_items = [ip for ip in plan.items if ip.status != Status.DONE or ip.item.recurring]
    if delegate:
        named = [ip for ip in open_items if ip.item.delegate_to and ip.item.delegate_to.lower() == delegate.lower()]
        if named:
            return named
    recurring = [ip for ip in open_items if ip.item.recurring]
    return recurring or [ip for ip in open_items if ip.status != Status.DONE]


def task_deadline(item: WorkItem, as_of: dt.date) -> dt.date:
    """The next date the delegated work is due: item deadline, earliest open commitment, next run."""
    if item.deadline and item.deadline >= as_of:
        return item.deadline
    dues = [c.due for c in item.commitments if c.due and c.due >= as_of and c.state not in ("done", "dropped")]
    if dues:
        return min(dues)
    nxt = next_occurrence(item.recurrence, as_of)
    if nxt is not None:
        return nxt
    return add_bdays(as_of, 5)


def check_in_dates(as_of: dt.date, deadline: dt.date) -> list[dt.date]:
    """First check-in within the first third of the time; a second the business day before; all < deadline."""
    total = (deadline - as_of).days
    if total <= 0:
        return [as_of]
    first = as_of + dt.timedelta(days=total // 3)
    while first.weekday() >= 5 and first > as_of:
        first -= dt.timedelta(days=1)
    if first >= deadline:
        first = as_of
    out = [first]
    before = add_bdays(deadline, -1)
    if first < before < deadline:
        out.append(before)
    return out


def runbook_steps(item: WorkItem, log: WorkLog) -> list[str]:
    """Numbered-step material from what was actually done, promised and waited on."""
    steps: list[str] = []
    for a in item.actions:
        if is_me(a.actor) and clean(a.text):
            steps.append(imperative(a.text))
    for w in item.waits:
        if wait_is_external(w):
            obj = wait_object(w)
            steps.append(
                f"chase {who_label(w.on_whom, log)}" + (f" for {obj}" if obj else "") + "; call if there is no reply in a day"
            )
    for c in item.commitments:
        if c.state not in ("done", "dropped"):
            to = f" to {c.for_whom}" if c.for_whom and c.for_whom.lower() not in c.what.lower() else ""
            steps.append(as_action(c.what) + to)
    seen: set[str] = set()
    unique = []
    for s in steps:
        key = s.lower()
        if key not in seen:
            seen.add(key)
            unique.append(s[:200])
    if not unique:
        unique = [
            f"collect the inputs for {the(short_title(item.title))}",
            f"prepare {the(short_title(item.title))}",
            "check it against the quality standard",
            "send it and tell me it is done",
        ]
    return unique[:12]



# -- reading the notes' own lines for a hand-over -------------------------------------------

_STEPS_LINE = re.compile(r"^(?:[-*•]\s*)?(?:steps?|process|procedure|how(?: to)?|checklist|routine)\s*[:\-—]\s*(?P<body>.+)$", re.I)
_ROUTINE = re.compile(r"\bI\s+(?P<body>(?:" + "|".join(sorted(VERBS, key=len, reverse=True)) + r")\b.+)$", re.I)
_FIRST_RUN = re.compile(r"\bfirst\s+(?:run|one|report|time|week|cycle|batch|send)\b", re.I)
_KEEP_LINE = re.compile(r"\b(?:stays?|remains?) with me\b|\bI(?:'ll| will)? keep\b|\bI(?:'ll| will) still\b", re.I)
_LOAD_WORDS = re.compile(r"\b(?:covering|rotation|busy|on leave|holiday|vacation|capacity|load|swamped|stretched|part[- ]time|also)\b", re.I)


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
    from .dates import find_dates

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


def capacity_clause(log: WorkLog, delegate: str) -> str | None:
    """What the notes say about the delegate's load, addressed to them ('you are also covering ...')."""
    name = re.escape(delegate)
    for line in log.lines:
        text = clean(re.sub(r"^\s*(?:[-*•]|\d+[.)])\s*", "", line.text))
        if re.search(rf"\b{name}\b", text) and _LOAD_WORDS.search(text) and not re.search(r"hand (?:it )?(?:off|over)|->", text, re.I):
            clause = re.split(r",\s*(?:so|and so|which)\b|;|\s+-\s+", text, maxsplit=1)[0]
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
    """Close a short runbook with the check and the report-back, so every run ends the same way."""
    out = list(dict.fromkeys(steps))
    if len(out) < 3:
        out += ["check the result against the quality standard", "tell me it is done, or what stopped it"]
    return out[:12]


def task_facts(ip: ItemPlan, delegate: str, log: WorkLog) -> DelegationTaskFacts:
    item, as_of = ip.item, log.as_of
    lines = item_lines(item, log)
    deadline = first_run_date(lines, as_of) or task_deadline(item, as_of)
    if item.deadline and item.deadline >= as_of:
        deadline = min(deadline, item.deadline)
    checks = check_in_dates(as_of, deadline)
    check_ins = [CheckInFacts(on=checks[0], what=(
        f"walk through the runbook together; {delegate} asks anything unclear" if item.recurring
        else f"{delegate} walks me through the plan and anything unclear"
    ))]
    if len(checks) > 1:
        check_ins.append(CheckInFacts(on=checks[1], what=(
            "dry run: inputs collected and the draft ready" if item.recurring
            else "review the draft together before it goes out"
        )))
    recipients = [c.for_whom for c in item.commitments if c.for_whom]
    to = f" to {recipients[0]}" if recipients else ""
    label = the(item.deadline_label) if item.deadline_label else None
    thing = the(short_title(item.title))
    done_when = f"{thing} has gone out{to}, matches the quality standard, and every runbook step is ticked off"
    resources = [clean(r) for r in item.resources if clean(r)]
    for name in item.people:
        if not is_me(name) and name.lower() != delegate.lower():
            context = contact_context(name, lines)
            resources.append(f"contact: {who_label(name, log)}" + (f" ({context})" if context else ""))
    for w in item.waits:
        if wait_is_external(w) and not any(w.on_whom.lower() in r.lower() for r in resources):
            resources.append(f"contact: {who_label(w.on_whom, log)}")
    if not any(r.startswith("contact:") for r in resources):  # no contact on the item: anyone the notes name
        all_lines = [clean(line.text) for line in log.lines]
        names = [p.name for p in log.people] + [n for i in log.items for n in i.people]
        if not resources:
            resources = [clean(r) for i in log.items for r in i.resources if clean(r)]
        for name in dict.fromkeys(names):
            if is_me(name) or name.lower() == delegate.lower() or is_org(name, log):
                continue
            if not any(re.search(rf"\b{re.escape(name)}\b", t) for t in all_lines):
                continue
            context = contact_context(name, all_lines)
            resources.append(f"contact: {who_label(name, log)}" + (f" ({context})" if context else ""))
    resources = list(dict.fromkeys(resources))
    sources = [r for r in resources if not r.startswith(("contact:", "#")) and not r.startswith("http")]
    source = next((r for r in sources if re.search(r"dashboard|sheet|report|data|system|drive|doc", r, re.I)), None)
    source = source or (sources[0] if sources else None)
    quality = "same format as the last one I sent; every figure checked against " + (source or "its source")
    times = [m.group(0) for text in lines for m in re.finditer(r"\bby \d{1,2}(?::\d{2})\s*(?:am|pm)?|\bby \d{1,2}\s*(?:am|pm)\b", text, re.I)]
    if times:
        quality += f"; out {times[0]} every time"
    quality += "; no open questions left in it"
    if item.outcome:
        purpose = f"{clean(item.outcome)}" + (f", ready for {label}" if label and label.lower() not in item.outcome.lower() else "")
    elif label:
        purpose = f"{thing} feeds {label}"
    else:
        purpose = f"{thing} goes out on time"
    purpose += ", without depending on me being there"
    before = checks[-1]
    escalate_if = (
        f"escalate if a source is missing, a number looks wrong, or it will not be ready by {fmt(before, as_of)}"
    )
    ext = [w for w in item.waits if wait_is_external(w)]
    if ext:
        escalate_if += f", or {ext[0].on_whom} has not replied by {fmt(checks[0], as_of)}"
    rights = DecisionRights.DECIDE_AND_INFORM if item.recurring else DecisionRights.RECOMMEND
    return DelegationTaskFacts(
        item_title=item.title,
        title=clean(item.title)[:120],
        done_when=done_when[:300],
        deadline=deadline,
        quality_standard=quality[:300],
        check_ins=check_ins,
        decision_rights=rights,
        purpose=purpose[:300],
        resources=resources[:8],
        escalate_if=escalate_if[:300],
        runbook=complete_runbook(steps_from_lines(lines, [delegate]) or runbook_steps(item, log)),
        recurring=item.recurring,
        recurrence=item.recurrence,
    )


def delegation_facts(plan: Plan, delegate_to: str | None) -> DelegationFacts:
    """Facts for a delegation plan. ``delegate`` stays None when nobody is named (the engine refuses)."""
    log, as_of = plan.log, plan.as_of
    delegate, source = resolve_delegate(log, delegate_to)
    chosen = items_to_delegate(plan, delegate)
    if delegate is None:
        return DelegationFacts(delegate=None, delegate_source="none", tasks=[])
    tasks = [task_facts(ip, delegate, log) for ip in chosen]
    deadlines = [ip.item.deadline for ip in chosen if ip.item.deadline and ip.item.deadline >= as_of]
    parent = min(deadlines) if deadlines else (max(t.deadline for t in tasks) if tasks else None)
    name = short_title(tasks[0].title) if tasks else "Hand-over"
    runbook_name = (name[:1].upper() + name[1:] + " runbook")[:120]
    open_loops = []
    for ip in plan.items:
        if ip in chosen or ip.status == Status.DONE or ip.next_step is None:
            continue
        open_loops.append(
            f"{short_title(ip.item.title)}: I keep it; next I will {ip.next_step.action} "
            + ("today" if ip.next_step.due == as_of else f"by {fmt(ip.next_step.due, as_of)}")
        )
        for cs in ip.commitments:
            if cs.state in ("open", "missed"):
                owner = "I keep it" if cs.owner == "I" else f"{cs.owner} owns it, I follow up"
                date = cs.new_date or (cs.due if cs.due and cs.due >= as_of else ip.next_step.due)
                open_loops.append(f"{cs.what}: {owner}, by {fmt(date, as_of)}")
        for w in ip.item.waits:
            fb = next((f for f in ip.fallbacks if w.on_whom and w.on_whom in f.trigger), None)
            if w.on_whom:
                check = fb.by if fb else ip.next_step.due
                open_loops.append(f"{wait_signal(w, as_of, log)}: I keep chasing it, next check {fmt(check, as_of)}")
    for ip in chosen:
        for d in ip.item.decisions:
            open_loops.append(
                f"I keep the decision {decision_phrase(d.question)}, by {fmt(decision_by(d, ip.item, as_of), as_of)}"
            )
    for text in kept_loops(log):
        if not any(text.lower() in loop.lower() for loop in open_loops):
            open_loops.append(text)
    shadow = (tasks[0].deadline if tasks[0].recurring else tasks[0].check_ins[0].on) if tasks else None
    if tasks:
        open_loops.append(
            f"I will pair with {delegate} on the first run on {fmt(shadow, as_of)}" if tasks[0].recurring
            else f"I will go through the plan with {delegate} on {fmt(shadow, as_of)}"
        )
    return DelegationFacts(
        delegate=delegate,
        delegate_source=source,
        tasks=tasks[:6],
        parent_deadline=parent,
        runbook_name=runbook_name,
        shadow_on=shadow,
        open_loops=open_loops[:10],
    )


__all__ = ["build_plan", "item_status", "overall_status", "fallback_for", "next_step", "commitment_state"]
