"""Delegation facts: tasks, dates, check-ins, runbook, contacts and the loops the delegator keeps."""

from __future__ import annotations

import datetime as dt
import re

from ..models import (
    CheckInFacts,
    DecisionRights,
    DelegationFacts,
    DelegationTaskFacts,
    ItemPlan,
    Plan,
    Status,
    WorkItem,
    WorkLog,
)
from .text import (
    next_occurrence,
    VERBS,
    add_bdays,
    as_action,
    clean,
    commitment_object,
    fmt,
    imperative,
    is_me,
    is_org,
    short_title,
    the,
    wait_is_external,
    wait_object,
    who_label,
)
from .rules import (
    is_deliverable,
    starts_with_verb,
    decision_by,
    decision_phrase,
    wait_signal,
)


# --------------------------------------------------------------------------------------------
# Delegation facts
# --------------------------------------------------------------------------------------------

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
    if recurring:
        return recurring
    if delegate:  # minutes and team notes: the delegate's own action items
        first = delegate.split()[0].lower()
        owned = [ip for ip in open_items if ip.status != Status.DONE and (
            any(c.owner and c.owner.split()[0].lower() == first for c in ip.item.commitments)
            or (ip.item.owner or "").split()[:1] == [delegate.split()[0]])]
        if owned:
            return owned
    work = [ip for ip in open_items if ip.status != Status.DONE and has_work(ip.item)]
    return work or [ip for ip in open_items if ip.status != Status.DONE]


def has_work(item: WorkItem) -> bool:
    """An item with something to hand over: a promise, a wait, a decision, a risk or a hand-off (not a bare heading)."""
    return bool(item.commitments or item.waits or item.decisions or item.risks or item.delegate_to or item.actions)


def task_deadline(item: WorkItem, as_of: dt.date) -> dt.date:
    """The next date the delegated work is due: item deadline, earliest open commitment, next run;
    else a proposal a week out (see :func:`deadline_from_notes`)."""
    return deadline_from_notes(item, as_of) or add_bdays(as_of, 5)


def deadline_from_notes(item: WorkItem, as_of: dt.date) -> dt.date | None:
    """The date the notes give for the work (deadline, open promise, next run), None when they give none."""
    if item.deadline and item.deadline >= as_of:
        return item.deadline
    dues = [c.due for c in item.commitments if c.due and c.due >= as_of and c.state not in ("done", "dropped")]
    if dues:
        return min(dues)
    return next_occurrence(item.recurrence, as_of)


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
    """Steps from what the notes say was done (first person), waited on and promised; [] when they say nothing."""
    steps: list[str] = []
    if log.first_person:
        for a in item.actions:
            if is_me(a.actor) and clean(a.text) and "?" not in a.text:
                steps.append(imperative(a.text))
    for w in item.waits:
        if wait_is_external(w):
            obj = wait_object(w)
            steps.append(f"chase {who_label(w.on_whom, log)}" + (f" for {obj}" if obj else ""))
    for c in item.commitments:
        worded = is_deliverable(c.what) if log.first_person else starts_with_verb(c.what)
        if c.state not in ("done", "dropped") and "?" not in c.what and worded:
            to = f" to {c.for_whom}" if c.for_whom and c.for_whom.lower() not in c.what.lower() else ""
            steps.append(as_action(c.what) + to)
    return list(dict.fromkeys(s[:200] for s in steps))[:12]


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


def task_facts(ip: ItemPlan, delegate: str, log: WorkLog) -> DelegationTaskFacts:
    """One hand-over task from the notes. What the notes do not give is listed in ``to_agree``."""
    item, as_of = ip.item, log.as_of
    lines = item_lines(item, log)
    given = first_run_date(lines, as_of) or deadline_from_notes(item, as_of)
    deadline = given or add_bdays(as_of, 5)
    if item.recurring and not (item.deadline and item.deadline >= as_of):
        deadline = cycle_due(lines, as_of, deadline) or deadline
    if item.deadline and item.deadline >= as_of:
        deadline = min(deadline, item.deadline)
    checks = check_in_dates(as_of, deadline)
    runbook = [s_ for s_ in complete_runbook(steps_from_lines(lines, [delegate]) or runbook_steps(item, log))
               if not only_title(s_, item.title)]  # a step that only restates the item is no runbook
    check_ins = [CheckInFacts(on=checks[0], what=(
        f"walk through the runbook together; {delegate} asks anything unclear" if item.recurring and runbook
        else f"{delegate} walks me through the plan and anything unclear"
    ))]
    if len(checks) > 1:
        check_ins.append(CheckInFacts(on=checks[1], what=(
            "dry run before the real one" if item.recurring else "review the work together before it goes out"
        )))
    label = the(item.deadline_label) if item.deadline_label else None
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
    done_when = done_when_from_notes(item, lines)
    quality = quality_from_notes(lines)
    if item.outcome:
        purpose = clean(item.outcome) + (f", ready for {label}" if label and label.lower() not in item.outcome.lower() else "")
    elif label:
        purpose = f"it feeds {label}"
    else:
        purpose = ""
    to_agree = []
    if done_when is None:
        to_agree.append("what counts as done")
    if quality is None:
        to_agree.append("the quality bar")
    if not runbook:
        to_agree.append("the steps")
    if given is None:
        to_agree.append("the deadline")
    if not purpose:
        to_agree.append("why it matters")
    before = checks[-1]
    escalate_if = f"escalate if it will not be ready by {fmt(before, as_of)}"
    ext = [w for w in item.waits if wait_is_external(w)]
    if ext:
        escalate_if += f", or {ext[0].on_whom} has not replied by {fmt(checks[0], as_of)}"
    blockers = [w for w in item.waits if w.kind == "blocked"]
    if blockers:
        escalate_if += ", or the blocker is still there at the first check-in"
    rights = DecisionRights.DECIDE_AND_INFORM if item.recurring else DecisionRights.RECOMMEND
    return DelegationTaskFacts(
        item_title=item.title,
        title=clean(item.title)[:120],
        done_when=done_when[:300] if done_when else None,
        deadline=deadline,
        deadline_proposed=given is None,
        quality_standard=quality[:300] if quality else None,
        to_agree=to_agree,
        check_ins=check_ins,
        decision_rights=rights,
        purpose=purpose[:300],
        resources=resources[:8],
        escalate_if=escalate_if[:300],
        runbook=runbook,
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
        step_owner = ip.next_step.owner or "I"
        when = "today" if ip.next_step.due == as_of else f"by {fmt(ip.next_step.due, as_of)}"
        if getattr(ip.next_step, "due_proposed", False):
            when = f"(proposed: {fmt(ip.next_step.due, as_of)})"
        if is_me(step_owner):
            open_loops.append(f"{short_title(ip.item.title)}: I keep it; next I will {ip.next_step.action} {when}")
        else:  # someone else's action item (minutes): theirs, not mine
            open_loops.append(f"{short_title(ip.item.title)}: {step_owner} will {ip.next_step.action} {when}")
        for cs in ip.commitments:
            if not is_me(step_owner) and cs.owner == step_owner and clean(cs.what).lower() == clean(ip.next_step.action).lower():
                continue  # the line above says it
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
            f"I will pair with {delegate} on the first run on {fmt(shadow, as_of)} (proposed)" if tasks[0].recurring
            else f"I will go through the plan with {delegate} on {fmt(shadow, as_of)} (proposed)"
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
