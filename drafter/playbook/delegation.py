"""Delegation facts: tasks, dates, check-ins, runbook, contacts and the loops the delegator keeps
(what the notes' own lines say about the hand-over is read in :mod:`.handoff_lines`)."""

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
    person_round,
    next_occurrence,
    add_bdays,
    as_action,
    clean,
    fmt,
    imperative,
    is_me,
    is_org,
    short_title,
    the,
    wait_is_external,
    wait_object,
    who_label,
    within,
)
from .contacts import aliases, canonical, contact_label, names_of, same_person
from .commitments import decision_by_given
from .decided import decided_by_outcome
from ..read.status_words import stated_progress
from .handoff_lines import (  # noqa: F401  (re-exported: these lived here)
    capacity_clause,
    check_ins_from_notes,
    complete_runbook,
    contact_context,
    cycle_due,
    done_when_from_notes,
    first_run_date,
    item_lines,
    kept_loops,
    only_title,
    quality_from_notes,
    split_steps,
    steps_from_lines,
    third_person_routine,
)
from .handoff_work import _ACTION_VERBS, _OWNERS_SPLIT, commitment_task, has_work, is_work, items_to_delegate, owned_by, task_title  # noqa: F401
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


def _contact_context(name: str, lines: list[str]) -> str | None:
    """What a contact is for, when the notes say it in a clause ('knows the data model if numbers look off')."""
    context = contact_context(name, lines)
    if context and re.match(r"^[a-z]", context) and len(context.split()) >= 2:
        return context
    return None


def task_resources(item: WorkItem, delegate: str, log: WorkLog, lines: list[str]) -> list[str]:
    """Links and systems of the item, then its people as contacts: one line per person (a handle and the name it
    belongs to are one person), never the delegate or the writer; when the item names nobody, the people of a short personal note."""
    table = aliases(log)
    resources = [clean(r) for r in item.resources if clean(r)]
    seen: set[str] = set()

    def add(name: str, context_lines: list[str]) -> None:
        if is_me(name) or owned_by(name, delegate, log, table) or is_org(name, log):  # never the delegate's own handle
            return
        key = canonical(name, log, table).lower()
        if key in seen:
            return
        seen.add(key)
        context = next((c for n in names_of(name, log, table) if (c := _contact_context(n, context_lines))), None)
        full = canonical(name, log, table)
        label = who_label(full, log) + contact_label(full, log, table)[len(full):]
        resources.append(f"contact: {label}" + (f" ({context})" if context else ""))

    for name in item.people:
        add(name, lines)
    for w in item.waits:
        if wait_is_external(w):
            add(w.on_whom, lines)
    if not seen:  # no contact on the item: in a short personal note the few people it names are the work's
        # contacts; in minutes or a team's notes an attendee is no one to ask about this task, nor another topic's
        # link a resource (the plan lists who to ask as a thing to agree)
        all_lines = [clean(line.text) for line in log.lines]
        names = list(dict.fromkeys([p.name for p in log.people] + [n for i in log.items for n in i.people]))
        others = [n for n in names if not is_me(n) and not owned_by(n, delegate, log, table)]
        if log.first_person and len({canonical(n, log, table).lower() for n in others}) <= 3:
            for name in names:
                if any(re.search(rf"(?<![\w@]){re.escape(name)}\b", t) or re.search(rf"@{re.escape(name)}\b", t) for t in all_lines):
                    add(name, all_lines)
            if not resources:
                resources = [clean(r) for i in log.items for r in i.resources if clean(r)][:2]
    return list(dict.fromkeys(resources))


def _task_title(item: WorkItem) -> str:
    """The task's title: the item's, or for a person's round the work in it (their first open promise), never
    the person ('@steff456 owns the @steff456')."""
    if person_round(item):
        work = next((c.what for c in item.commitments if c.state not in ("done", "dropped")), None)
        if work:
            work = clean(work).rstrip(".")
            return work[:1].upper() + work[1:]
    return clean(item.title)


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
    runbook = [s_ for s_ in complete_runbook(steps_from_lines(lines, names_of(delegate, log)) or runbook_steps(item, log))
               if not only_title(s_, item.title)]  # a step that only restates the item is no runbook
    check_ins = check_ins_from_notes(lines, as_of, deadline)
    checks_given = bool(check_ins)
    if not check_ins:  # the tool's proposal, as data: the writer words it as something to agree, never as a meeting
        checks = check_in_dates(as_of, deadline)
        check_ins = [CheckInFacts(on=checks[0], what=(
            f"walk through the runbook together; {delegate} asks anything unclear" if item.recurring and runbook
            else f"{delegate} walks me through the plan and anything unclear"
        ))]
        if len(checks) > 1:
            check_ins.append(CheckInFacts(on=checks[1], what=(
                "dry run before the real one" if item.recurring else "review the work together before it goes out"
            )))
    label = the(item.deadline_label) if item.deadline_label else None
    resources = task_resources(item, delegate, log, lines)
    done_when = done_when_from_notes(item, lines)
    quality = quality_from_notes(lines)
    if item.outcome:
        said = label and clean(item.deadline_label).lower() in clean(item.outcome).lower()  # the goal is what is due then
        purpose = clean(item.outcome) + (f", ready for {label}" if label and not said else "")
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
    if not checks_given:
        to_agree.append("check-ins")
    if not any(r.startswith("contact: ") for r in resources):
        to_agree.append("who to ask")  # the notes name no one for this task: never every attendee as a contact
    escalate_if = escalation(item, deadline, given is None, check_ins[0].on, checks_given, as_of)
    rights = DecisionRights.DECIDE_AND_INFORM if item.recurring else DecisionRights.RECOMMEND
    return DelegationTaskFacts(
        item_title=item.title,
        title=within(_task_title(item), 120),
        done_when=done_when[:300] if done_when else None,
        deadline=deadline,
        deadline_proposed=given is None,
        quality_standard=quality[:300] if quality else None,
        to_agree=to_agree,
        check_ins=check_ins,
        check_ins_given=checks_given,
        decision_rights=rights,
        purpose=purpose[:300],
        resources=resources[:8],
        escalate_if=escalate_if[:300],
        runbook=runbook,
        recurring=item.recurring,
        recurrence=item.recurrence,
    )


def escalation(item: WorkItem, deadline: dt.date, deadline_proposed: bool, first_check: dt.date,
               check_given: bool, as_of: dt.date) -> str:
    """'escalate if it will not be ready by <the working day before the deadline> (proposed: ...)'; every
    date the tool picks is marked proposed (the day before is always the tool's; a check-in is when the notes do not set it)."""
    before = add_bdays(deadline, -1) if add_bdays(deadline, -1) >= as_of else as_of
    the_deadline = "the proposed deadline" if deadline_proposed else "the deadline"
    text = f"escalate if it will not be ready by {fmt(before, as_of)} (proposed: a working day before {the_deadline})"
    mark = "" if check_given else " (proposed)"
    ext = [w for w in item.waits if wait_is_external(w)]
    if ext:
        text += f", or {ext[0].on_whom} has not replied by {fmt(first_check, as_of)}{mark}"
    if any(w.kind == "blocked" for w in item.waits):
        text += f", or the blocker is still there on {fmt(first_check, as_of)}{mark}"
    return text


def promise_loop(cs, ip: ItemPlan, as_of: dt.date) -> str:
    """An open promise the delegator keeps an eye on, as one sentence: whose it is and when I check.

    'Send the P&L: Dana owns it, due Thu 26 Nov; I check on it then.'
    'Email verification (#1040): Sam owns it; I check on it by Fri 11 Jun (proposed).'
    A date the notes give is said as theirs; the tool's date is marked proposed."""
    what, owner = clean(cs.what), clean(cs.owner)
    progress = stated_progress(what)
    if progress:  # "Create all packages and a tarball (done except for Fedora): jason.heeris owns it"
        what = f"{progress[0]} ({progress[1]})"
    if cs.new_date:
        when, proposed = f"new date {fmt(cs.new_date, as_of)} (proposed)", True
    elif cs.due and cs.due >= as_of:
        when, proposed = f"due {fmt(cs.due, as_of)}", False
    else:  # the item's next step, else the next working day (the notes give no date)
        when, proposed = f"by {fmt(ip.next_step.due if ip.next_step else add_bdays(as_of, 1), as_of)} (proposed)", True
    if is_me(owner):
        return f"{what}: I keep it, {when}" if not proposed or cs.new_date else f"{what}: I keep it and do it {when}"
    if not owner:
        return f"{what}: the notes name no owner, so I keep it and find one {when}"
    owns = "own" if len([x for x in _OWNERS_SPLIT.split(owner) if clean(x)]) > 1 else "owns"  # "G, nichdel own it"
    if cs.new_date or not proposed:
        return f"{what}: {owner} {owns} it, {when}; I check on it then"
    return f"{what}: {owner} {owns} it; I check on it {when}"


def loop_worthy(cs, delegate: str, log: WorkLog) -> bool:
    """A promise the delegator keeps an eye on: words of its own ('(refer: #1599, #1358)' is a reference
    that lost its line, no work), and not the delegate's own action item (that is a task of theirs)."""
    words = re.sub(r"\([^)]*\)|https?://\S+|#\d+|\brefer\b", " ", clean(cs.what), flags=re.I)
    if not re.search(r"[A-Za-z]{3}", words):
        return False
    return not (clean(cs.owner) and is_work(cs) and owned_by(cs.owner, delegate, log))


def step_loop(ip: ItemPlan, as_of: dt.date) -> str:
    """The next step of an item the delegator keeps ('I keep it; next I will ...') or someone else's action item."""
    step = ip.next_step
    owner = step.owner or "I"
    proposed = getattr(step, "due_proposed", False)
    when = "today" if step.due == as_of else f"by {fmt(step.due, as_of)}"
    title = short_title(ip.item.title)
    if person_round(ip.item) and not is_me(owner):  # "@gabalafou: gabalafou will ...": the person once
        return f"{owner} will {step.action} {when}" if not proposed else f"{owner} will {step.action}; I check on it {when} (proposed)"
    if is_me(owner):
        return f"{title}: I keep it; next I will {step.action} {when}" + (" (proposed)" if proposed else "")
    if proposed:  # someone else's action item (minutes): theirs; the tool's date is when I check
        return f"{title}: {owner} will {step.action}; I check on it {when} (proposed)"
    return f"{title}: {owner} will {step.action} {when}"


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
    handed = {(c.what, c.owner) for ip in chosen for c in ip.item.commitments}
    chosen_titles = {ip.item.title for ip in chosen}
    open_loops = []
    for ip in plan.items:
        if ip.item.title in chosen_titles or ip.status == Status.DONE:
            continue
        if {(c.what, c.owner) for c in ip.item.commitments} & handed:
            # the delegate's own promise is handed over above; the others' promises here stay loops
            for cs in ip.commitments:
                said = clean(cs.what).lower()  # the update's wording drops the date: "do the release"
                if any(said and (said in clean(w).lower() or clean(w).lower() in said) for w, o in handed if o == cs.owner):
                    continue
                if cs.state in ("open", "missed") and (cs.what, cs.owner) not in handed and loop_worthy(cs, delegate, log):
                    open_loops.append(promise_loop(cs, ip, as_of))
            continue
        if ip.next_step is None:
            continue
        step_owner = ip.next_step.owner or "I"
        open_loops.append(step_loop(ip, as_of))
        for cs in ip.commitments:
            if not is_me(step_owner) and cs.owner == step_owner and clean(cs.what).lower() == clean(ip.next_step.action).lower():
                continue  # the line above says it
            if cs.state in ("open", "missed") and (cs.what, cs.owner) not in handed:
                open_loops.append(promise_loop(cs, ip, as_of))
        for w in ip.item.waits:
            fb = next((f for f in ip.fallbacks if w.on_whom and w.on_whom in f.trigger), None)
            if w.on_whom:
                check = fb.by if fb else ip.next_step.due
                mark = " (proposed)" if fb or getattr(ip.next_step, "due_proposed", False) else ""
                open_loops.append(f"{wait_signal(w, as_of, log)}: I keep chasing it, next check {fmt(check, as_of)}{mark}")
    for ip in chosen:
        for d in ip.item.decisions:
            if decided_by_outcome(d, ip.item, log):
                continue  # the notes record the decision taken: no loop to keep
            mark = "" if decision_by_given(d, as_of) else " (proposed)"
            open_loops.append(
                f"I keep the decision {decision_phrase(d.question)}, by {fmt(decision_by(d, ip.item, as_of), as_of)}{mark}"
            )
    for text in kept_loops(log):
        if not any(text.lower() in loop.lower() for loop in open_loops):
            open_loops.append(text)
    # data only: the first run (recurring) or the first proposed check-in; the writer offers shadowing for
    # recurring work and words a proposed check-in as something to agree, never as a standing meeting
    shadow = (tasks[0].deadline if tasks[0].recurring else tasks[0].check_ins[0].on) if tasks else None
    return DelegationFacts(
        delegate=delegate,
        delegate_source=source,
        tasks=tasks[:6],
        parent_deadline=parent,
        runbook_name=runbook_name,
        shadow_on=shadow,
        open_loops=open_loops[:10],
    )
