"""Which work a hand-over gives the delegate: work, never a heading.

What the notes hand off to the delegate comes first, then recurring work (a rota, a weekly
report), then the delegate's own action items (matched by name or handle), then the writer's own
and unowned action items, last a wait to chase. A promise is one task of its own, titled by its
words ("Do the release on June 26th"), not by the heading it sits under.
"""

from __future__ import annotations

import re

from ..models import ItemPlan, Plan, Status, WorkItem
from .contacts import aliases, names_of, same_person
from .rules import starts_with_verb
from .text import clean, is_me, with_topic


def items_to_delegate(plan: Plan, delegate: str | None) -> list[ItemPlan]:
    """Work handed to the delegate, never a heading: what the notes hand off to them, else recurring
    work (a rota, a weekly report), else the action items the notes give the delegate, else the
    writer's own open promises worded as work; an item with nothing to do is not handed over."""
    open_items = [ip for ip in plan.items if ip.status != Status.DONE or ip.item.recurring]
    log = plan.log
    table = aliases(log)
    if delegate:
        named = [ip for ip in open_items if ip.item.delegate_to and same_person(ip.item.delegate_to, delegate, log, table)]
        if named:
            return named
    recurring = [ip for ip in open_items if ip.item.recurring]  # a rota or a weekly report is work in itself
    if recurring:
        return recurring
    live = [ip for ip in open_items if ip.status != Status.DONE]
    if delegate:  # minutes and team notes: the delegate's own action items, one task each
        owned = [shared_with(commitment_task(ip, c, log), c, delegate, log, table) for ip in live for c in ip.item.commitments
                 if is_work(c) and c.owner and not is_me(c.owner) and owned_by(c.owner, delegate, log, table)]
        # an action item signed with the delegate's name at its end ('... testing locally - Timo'): theirs too
        signed = [signed_task(ip, c, m) for ip in live for c in ip.item.commitments
                  if is_work(c) and not clean(c.owner) and (m := signed_by(c.what, delegate, log))]
        if owned or signed:
            return owned + signed
    # the writer's own promises, and action items the notes give nobody ("Update repo in response to ...")
    mine = [commitment_task(ip, c, log) for ip in live for c in ip.item.commitments
            if is_work(c) and (is_me(c.owner) or not clean(c.owner))]
    if mine:
        return mine
    # last, a wait to chase (the item as a whole); never an item only because a heading sits over someone's promise
    # (nor the delegate's own round of a team's update, blocked: their blocker is theirs already, not work to hand them)
    return [ip for ip in live if (ip.item.waits and not (delegate and ip.item.owner and owned_by(ip.item.owner, delegate, log, table)))
            or ip.item.delegate_to]


def signed_by(what: str, delegate: str, log) -> re.Match | None:
    """The trailing name that signs an action item as the delegate's ('... testing locally - Timo',
    '... (Timo)', '... @timo'): the delegate's full name, first name or a handle of theirs, alone at the end."""
    names = {n.lstrip("@") for n in names_of(delegate, log)} | {clean(delegate).lstrip("@")}
    first = clean(delegate).split()[0] if clean(delegate).split() else ""
    if len(first) >= 3:
        names.add(first)
    names = {n for n in names if n}
    if not names:
        return None
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.search(rf"(?:\s+[-–—]\s*|\s*\(\s*|\s+@)(?:{alt})\s*\)?\s*\.?\s*$", clean(what), re.I)


def signed_task(ip: ItemPlan, c, m: re.Match) -> ItemPlan:
    """The signed action item as a task, its title without the signature."""
    task = commitment_task(ip, c, None)
    title = clean(clean(c.what)[:m.start()])
    return task.model_copy(update={"item": task.item.model_copy(update={"title": task_title(title)})})


_OWNERS_SPLIT = re.compile(r"\s*(?:,|&|/|\+|\band\b)\s*")


def owned_by(owner: str, delegate: str, log, table=None) -> bool:
    """The delegate is the owner, or one of the owners the notes list ('Kate Stewart, Gary O'Neall',
    'Kate & Gary'); a handle written as one word is its name ('LucaGuerra' is 'Luca Guerra')."""
    table = aliases(log) if table is None else table
    squashed = re.sub(r"[\s_.-]", "", delegate.lstrip("@")).lower()
    for part in [owner] + _OWNERS_SPLIT.split(owner):
        part = clean(part).lstrip("@")
        if part and (same_person(part, delegate, log, table) or re.sub(r"[\s_.-]", "", part).lower() == squashed):
            return True
    return False


def shared_with(ip: ItemPlan, c, delegate: str, log, table) -> ItemPlan:
    """A task the notes give the delegate and others ('Kate & Gary to respond to email') says who shares it:
    'Respond to email, with Kate Stewart'."""
    others = [clean(x) for x in _OWNERS_SPLIT.split(c.owner) if clean(x) and not owned_by(clean(x), delegate, log, table)]
    if not others or len(others) == len([x for x in _OWNERS_SPLIT.split(c.owner) if clean(x)]):
        return ip
    title = f"{ip.item.title}, with {' and '.join(others)}"
    return ip.model_copy(update={"item": ip.item.model_copy(update={"title": title})})


_NOT_WORK_START = {"should", "could", "would", "might", "may", "expects", "expect", "expected", "hopes", "plans", "wants",
                   "won't", "will", "is", "are", "was", "were", "has", "have", "had", "not", "no", "maybe", "probably",
                   "still", "only", "mostly", "also", "the", "a", "an", "this", "that", "it", "there", "tsc", "ok"}


#: base verbs that open an action item beyond the playbook's VERBS ("Meet with Angie ...", "Talk through ...")
_ACTION_VERBS = set("""add align attend begin break clean connect contact coordinate discuss ensure explore follow go help host
    implement improve investigate join keep land look meet mentor onboard raise reach refactor remove respond start talk
    triage try work""".split())


def is_work(c) -> bool:
    """An open promise worded as something to do ('do the release on June 26th', 'update the SemVer policy'),
    not a status or availability line ('Should be available about 10 hours per week')."""
    if c.state in ("done", "dropped") or "?" in c.what:
        return False
    what = clean(c.what)
    words = what.split()
    if not words:
        return False
    if starts_with_verb(what) or words[0].lower() in _ACTION_VERBS:
        return True
    first = words[0]
    # lower-case openings from an owner line: "fleshing out architecture ..." (a standup's plan) is work
    return first[:1].islower() and first.lower() not in _NOT_WORK_START and len(words) >= 2


def commitment_task(ip: ItemPlan, c, log=None) -> ItemPlan:
    """One promise as a work item of its own: its words are the title (or, when they only say how the
    work stands, the item's subject with them), its lines the item's lines."""
    item = ip.item
    lines = list(c.lines) or ([c.line] if c.line else [])
    sub = item.model_copy(update={
        "title": status_task_title(item, c, log) or with_topic(item.title, task_title(c.what)),  # "PR 852: ... — look at it ..."
        "commitments": [c],
        "decisions": [],
        "waits": [],
        "actions": [],
        "recurring": False,
        "lines": lines or item.lines,
        "owner": c.owner,
        "notes": [],
    })
    states = [cs for cs in ip.commitments if cs.what == c.what and cs.owner == c.owner]
    return ip.model_copy(update={"item": sub, "commitments": states})


_LABEL = re.compile(r"^(?P<label>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,2})\s*:\s+(?P<rest>\S.*)$")


def status_task_title(item: WorkItem, c, log=None) -> str | None:
    """A promise worded as how the work stands ('reviewing and will hash it out with Aapeli'), on an item
    that is that one piece of work ('Current PR: protobuf option-based auth (#1373)'): the task is the
    item's subject, and what the owner does is the notes' own clause after it
    ('protobuf option–based auth (#1373): Christian is reviewing and will hash it out with Aapeli on GitHub').
    None when the promise names its work itself, or the item is a heading over several people's work."""
    words = clean(c.what).split()
    if not words or len(item.commitments) != 1 or starts_with_verb(c.what):
        return None
    first = words[0].lower()
    if not (first.endswith("ing") and len(first) > 5):
        return None
    subject = clean(item.title)
    m = _LABEL.match(subject)
    if m and len(m.group("rest").split()) >= 2:  # "Current PR: protobuf ..." -> "protobuf ..."
        subject = m.group("rest")
    if not subject or subject.lower() in c.what.lower():
        return None
    if log is not None and (same_person(subject, c.owner, log, aliases(log))
                            or any(clean(p.name).lower() == subject.lower() for p in log.people)):
        return None  # a standup's heading is its person ("Neal"), not the work
    clause = clean(c.what)
    if log is not None and c.owner:  # the notes' own clause, with its subject: "Christian is reviewing ..."
        by_number = {line.number: line.text for line in log.lines}
        text = clean(by_number.get(c.line, "") if c.line else "")
        at = text.find(clean(c.owner) + " ")
        if at >= 0 and clean(c.what).lower() in text[at:].lower():
            clause = text[at:].rstrip(" .")
    return task_title(f"{subject}: {clause}")


def task_title(what: str) -> str:
    """'follow up with @sam3k and closed the tracking issue' -> 'Follow up with @sam3k and closed the tracking issue'."""
    t = clean(what)
    return t[:1].upper() + t[1:]


def has_work(item: WorkItem) -> bool:
    """An item with something to hand over: a promise, a wait, a decision, a risk or a hand-off (not a bare heading)."""
    return bool(item.commitments or item.waits or item.decisions or item.risks or item.delegate_to or item.actions)


def mentions_of(log, who: str) -> list[str]:
    """The notes' lines that name ``who``: full name, a handle of theirs, the name written as one word
    ('LucaGuerra') or their first name alone ('Lotte'), whole words, any case."""
    who = clean(who).lstrip("@")
    if not who:
        return []
    names = {n.lstrip("@") for n in names_of(who, log)} | {who, re.sub(r"\s+", "", who)}
    if len(who.split()) > 1 and len(who.split()[0]) >= 3:
        names.add(who.split()[0])  # "Lotte" for "Lotte Slim"
    names = {n for n in names if n}
    pattern = re.compile(r"(?<![\w])@?(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w])", re.I)
    return [clean(re.sub(r"^\s*(?:[-*•]|\d+[.)])\s+", "", line.text)) for line in log.lines if pattern.search(line.text)]
