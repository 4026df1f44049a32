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
from .contacts import aliases, canonical, contact_label, names_of, same_person
from .decided import decided_by_outcome
from .handoff_work import _ACTION_VERBS, commitment_task, has_work, is_work, items_to_delegate, task_title  # noqa: F401
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


# -- reading the notes' own lines for a hand-over -------------------------------------------

_STEPS_LINE = re.compile(r"^(?:[-*•]\s*)?(?:steps?|process|procedure|how(?: to)?|checklist|routine)\s*[:\-—]\s*(?P<body>.+)$", re.I)
_ROUTINE = re.compile(r"\bI\s+(?P<body>(?:" + "|".join(sorted(VERBS, key=lambda v: (-len(v), v))) + r")\b.+)$", re.I)
_FIRST_RUN = re.compile(r"\bfirst\s+(?:run|one|report|time|week|cycle|batch|send)\b", re.I)
_KEEP_LINE = re.compile(r"\b(?:stays?|remains?) with me\b|\bI(?:'ll| will)? keep\b|\bI(?:'ll| will) still\b", re.I)
_LOAD_WORDS = re.compile(r"\b(?:covering|rotation|busy|on leave|holiday|vacation|capacity|load|swamped|stretched|part[- ]time|also|available|availability|hours (?:a|per) week)\b", re.I)


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


_SPEAKER = re.compile(r"^\W*@?(?P<who>[\w .'’-]{2,40}?)\W*:\s*(?:\*\*|__)?\s*(?P<rest>\S.*)$")
_MODAL = {"should", "will", "can", "may", "might", "could", "would", "won't", "can't", "cannot", "expect", "hope"}


def _addressed(rest: str) -> str:
    """A speaker's own line with no subject ('Should be available about 10 hours') as said to them."""
    words = rest.split()
    first = words[0].lower()
    if first in _MODAL:
        return "you " + " ".join([first] + words[1:])
    if first == "is":
        return "you are " + " ".join(words[1:])
    if first == "has":
        return "you have " + " ".join(words[1:])
    if re.fullmatch(r"[a-z]+[^s]s", first):  # "expects" -> "expect"
        return "you " + " ".join([first[:-1]] + words[1:])
    return ""


def capacity_clause(log: WorkLog, delegate: str) -> str | None:
    """What the notes say about the delegate's load, addressed to them ('you are also covering ...')."""
    table = aliases(log)
    for alias in names_of(delegate, log, table):
        name = re.escape(alias)
        for line in log.lines:
            text = clean(re.sub(r"^\s*(?:[-*•]|\d+[.)])\s*", "", line.text))
            if not (re.search(rf"\b{name}\b", text) and _LOAD_WORDS.search(text)) or re.search(r"hand (?:it )?(?:off|over)|->", text, re.I):
                continue
            m = _SPEAKER.match(text)
            if m and same_person(m.group("who"), delegate, log, table):  # "@fasttime: Should be available ..."
                said = _addressed(clean(m.group("rest").replace("**", "")))
                if said:
                    return clean(re.split(r"(?<=[.!?])\s", said)[0])
                continue
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


_CHECK_IN_CUE = re.compile(
    r"\b(?:check[- ]?ins?|check in|sync(?:s|\s+up)?|1:1|one[- ]on[- ]one|catch[- ]up|review (?:it |them )?(?:together|with me)|"
    r"walk (?:me|you) through|dry[- ]run)\b", re.I)


def check_ins_from_notes(lines: list[str], as_of: dt.date, deadline: dt.date) -> list[CheckInFacts]:
    """Check-ins the notes set ('sync with Priya on Fri 27 Nov'), dated, up to the deadline; [] when they set none."""
    from ..dates import find_dates

    out = []
    for text in lines:
        if not _CHECK_IN_CUE.search(text) or "?" in text:
            continue
        for d in find_dates(text, as_of):
            if as_of <= d.date <= deadline:
                out.append(CheckInFacts(on=d.date, what=clean(text)[:200]))
    return sorted({c.on: c for c in out}.values(), key=lambda c: c.on)[:6]


def _contact_context(name: str, lines: list[str]) -> str | None:
    """What a contact is for, when the notes say it in a clause ('knows the data model if numbers look off')."""
    context = contact_context(name, lines)
    if context and re.match(r"^[a-z]", context) and len(context.split()) >= 2:
        return context
    return None


def task_resources(item: WorkItem, delegate: str, log: WorkLog, lines: list[str]) -> list[str]:
    """Links and systems of the item, then its people as contacts: one line per person (a handle and the name it
    belongs to are one person), never the delegate or the writer; anyone the notes name when the item names nobody."""
    table = aliases(log)
    resources = [clean(r) for r in item.resources if clean(r)]
    seen: set[str] = set()

    def add(name: str, context_lines: list[str]) -> None:
        if is_me(name) or same_person(name, delegate, log, table) or is_org(name, log):
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
    if not seen:  # no contact on the item: anyone the notes name
        all_lines = [clean(line.text) for line in log.lines]
        names = [p.name for p in log.people] + [n for i in log.items for n in i.people]
        for name in dict.fromkeys(names):
            if any(re.search(rf"(?<![\w@]){re.escape(name)}\b", t) or re.search(rf"@{re.escape(name)}\b", t) for t in all_lines):
                add(name, all_lines)
        if not resources:  # the notes' links only when nobody can be asked: another topic's link is no resource
            resources = [clean(r) for i in log.items for r in i.resources if clean(r)]
    return list(dict.fromkeys(resources))


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
    if not checks_given:
        to_agree.append("check-ins")
    before = add_bdays(deadline, -1) if add_bdays(deadline, -1) >= as_of else as_of
    escalate_if = f"escalate if it will not be ready by {fmt(before, as_of)}"
    ext = [w for w in item.waits if wait_is_external(w)]
    if ext:
        first = check_ins[0].on
        escalate_if += f", or {ext[0].on_whom} has not replied by {fmt(first, as_of)}"
    blockers = [w for w in item.waits if w.kind == "blocked"]
    if blockers:
        escalate_if += f", or the blocker is still there on {fmt(check_ins[0].on, as_of)}"
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
        check_ins_given=checks_given,
        decision_rights=rights,
        purpose=purpose[:300],
        resources=resources[:8],
        escalate_if=escalate_if[:300],
        runbook=runbook,
        recurring=item.recurring,
        recurrence=item.recurrence,
    )


def loop_date(cs, ip: ItemPlan, as_of: dt.date) -> str:
    """'by Fri 4 Dec' for the promise's own (or new) date; '(proposed: ...)' for the tool's next-step date."""
    if cs.new_date:
        return f"by {fmt(cs.new_date, as_of)} (proposed)"
    if cs.due and cs.due >= as_of:
        return f"by {fmt(cs.due, as_of)}"
    return f"(proposed: {fmt(ip.next_step.due, as_of)})"


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
        if ip.item.title in chosen_titles or ip.status == Status.DONE or ip.next_step is None:
            continue
        if {(c.what, c.owner) for c in ip.item.commitments} & handed:
            # the delegate's own promise is handed over above; the others' promises here stay loops
            for cs in ip.commitments:
                said = clean(cs.what).lower()  # the update's wording drops the date: "do the release"
                if any(said and (said in clean(w).lower() or clean(w).lower() in said) for w, o in handed if o == cs.owner):
                    continue
                if cs.state in ("open", "missed") and (cs.what, cs.owner) not in handed:
                    owner = "I keep it" if is_me(cs.owner) else f"{cs.owner} owns it, I follow up"
                    open_loops.append(f"{cs.what}: {owner}, {loop_date(cs, ip, as_of)}")
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
            if cs.state in ("open", "missed") and (cs.what, cs.owner) not in handed:
                owner = "I keep it" if cs.owner == "I" else f"{cs.owner} owns it, I follow up"
                open_loops.append(f"{cs.what}: {owner}, {loop_date(cs, ip, as_of)}")
        for w in ip.item.waits:
            fb = next((f for f in ip.fallbacks if w.on_whom and w.on_whom in f.trigger), None)
            if w.on_whom:
                check = fb.by if fb else ip.next_step.due
                open_loops.append(f"{wait_signal(w, as_of, log)}: I keep chasing it, next check {fmt(check, as_of)}")
    for ip in chosen:
        for d in ip.item.decisions:
            if decided_by_outcome(d, ip.item, log):
                continue  # the notes record the decision taken: no loop to keep
            open_loops.append(
                f"I keep the decision {decision_phrase(d.question)}, by {fmt(decision_by(d, ip.item, as_of), as_of)}"
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
