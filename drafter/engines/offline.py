"""The offline engine: writes each artefact from the playbook's plan with fixed sentence patterns.

Deterministic and free: no I/O, no model, the same plan always gives the same draft. Every name,
date and number comes from the notes (through the plan); the only new dates are the writer's own
proposals (next steps, fallbacks, new dates, check-ins, decide-by).
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..models import (
    Artefact,
    ArtefactKind,
    Audience,
    CheckIn,
    DelegatedTask,
    DelegationPlan,
    DraftMeta,
    DraftOptions,
    ItemPlan,
    ItemStatus,
    Option,
    OptionsProposal,
    Plan,
    Status,
    StatusUpdate,
    WorkLog,
)
from ..playbook import capacity_clause, clean, commitment_object, decision_phrase, delegation_facts, fmt, is_me, lower_first, short_title, strip_article, the

#: Words a competent owner does not write: hedging and filler, with the plain replacement.
DENY_LIST: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\bhopefully,?\s*", re.I), ""),
    (re.compile(r"\bshould be fine\b", re.I), "is not confirmed yet"),
    (re.compile(r"\bprogress continues\b", re.I), "work is moving"),
    (re.compile(r"\bvarious issues\b", re.I), "open issues"),
    (re.compile(r"\bworking on it\b", re.I), "in hand"),
    (re.compile(r"\btouch(?:ing)? base\b", re.I), "check in"),
    (re.compile(r"\bfingers crossed\b,?\s*", re.I), ""),
    (re.compile(r"\bshould be (?:ok|okay)\b", re.I), "is not confirmed yet"),
    (re.compile(r"\bprobably fine\b", re.I), "not confirmed yet"),
    (re.compile(r"\bI(?:'ll| will) try to\b", re.I), "I will"),
    (re.compile(r"\btry to\s+", re.I), ""),
    (re.compile(r",?\s*\bif possible\b", re.I), ""),
    (re.compile(r"\bwith any luck,?\s*", re.I), ""),
    (re.compile(r"\b(?:i think maybe|i guess|kind of|sort of)\s+", re.I), ""),
    (re.compile(r"\bas soon as possible\b|\basap\b", re.I), "first thing"),
    (re.compile(r"\bongoing\b", re.I), "open"),
    (re.compile(r"\b(?:circle back)\b", re.I), "come back"),
    (re.compile(r"\b(?:moving|going) forward\b", re.I), "from now on"),
    (re.compile(r"\bin the pipeline\b", re.I), "planned"),
    (re.compile(r"\bleverage\b", re.I), "use"),
    (re.compile(r",?\s*\betc\.?", re.I), ""),
    (re.compile(r",?\s*\band so on\b", re.I), ""),
    (re.compile(r"\bstay tuned\b\.?", re.I), ""),
    (re.compile(r"\b(?:we're|I'm) on it\b", re.I), "I have it"),
    (re.compile(r"\bis on it\b", re.I), "has it"),
    (re.compile(r"\bare on it\b", re.I), "have it"),
    (re.compile(r"\b(?:some|a few) issues\b", re.I), "open issues"),
    (re.compile(r"\bmaking (?:good )?progress\b", re.I), "moving"),
]

NO_DELEGATE_HINT = "pass --to NAME or write 'hand off to NAME' in the notes"
NOT_A_PERSON = {"team", "the team", "tbd", "tba", "someone", "anyone", "everyone", "all", "us", "we"}


def cap(text: str) -> str:
    t = clean(text)
    return t[:1].upper() + t[1:]


def fit(text: str, limit: int) -> str:
    """Keep a sentence within ``limit`` characters, cutting at a word boundary."""
    t = re.sub(r"\s+", " ", text or "").strip()
    if len(t) <= limit:
        return t
    cut = t[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—-")
    return cut + "…"


# --------------------------------------------------------------------------------------------
# Status update
# --------------------------------------------------------------------------------------------


def focus_phrase(ip: ItemPlan, as_of) -> str:
    """'the Q3 docs for the board meeting on Tue 1 Dec' — the outcome, not only the task (U12)."""
    item = ip.item
    base = clean(item.outcome) if item.outcome and len(item.outcome) <= 80 else the(short_title(item.title))
    if item.deadline:
        label = clean(item.deadline_label or "")
        if label and label.lower() in base.lower():
            base += f" on {fmt(item.deadline, as_of)}"
        elif label:
            base += f" for {the(label)} on {fmt(item.deadline, as_of)}"
        else:
            base += f", due {fmt(item.deadline, as_of)}"
    return base


def short_reason(ip: ItemPlan, as_of) -> str:
    missed = sorted((c for c in ip.commitments if c.state == "missed"), key=lambda c: c.owner != "I")  # my own first
    if missed:
        c = missed[0]
        who = "" if c.owner == "I" else f" ({c.owner})"
        thing = commitment_object(c.what)
        head = f"{thing}{who} was due {fmt(c.due, as_of)} and is missed" if c.due else f"{thing}{who} is late"
        if c.new_date:
            return f"{head}; new date: {fmt(c.new_date, as_of)}"
        if c.ask and c.ask.startswith("I will"):  # someone else's promise: my step, not a decision
            return f"{head}; {c.ask}"
        if c.ask:
            return f"{head} — decision needed: {c.ask}"
        return head
    if ip.risks:
        return without_title(ip.risks[0].signal, ip.item.title)  # the headline names the item just before
    return ip.reason


def plan_clause(ip: ItemPlan, as_of) -> str:
    """'I will chase Dana at Acme by email today. If no reply from Dana by Thu 26 Nov, I will call ...'."""
    return ". ".join(plan_sentences(ip, as_of))


def without_title(text: str, title: str) -> str:
    """Under the item's own heading its name need not be repeated: 'chase the firewall rule for the SFTP' -> 'chase it'.

    Only names of three words or more, and only whole phrases: 'for <name>' goes, '<verb> <name>' becomes 'it'.
    """
    name = strip_article(short_title(clean(title)))
    if len(name.split()) < 3 or not text:
        return text
    pat = re.escape(name).replace(r"\ ", r"\s+")
    out = re.sub(rf"\s+(?:for|on|about)\s+(?:the\s+)?{pat}\b", "", text, flags=re.I)
    out = re.sub(rf"(?<=\w)\s+(?:the\s+)?{pat}\b", " it", out, flags=re.I)
    return out if len(out.split()) >= 2 else text


def compact_steps(ip: ItemPlan):
    """The item's next step and fallbacks without repeating its name (shorter lines; U14)."""
    title = ip.item.title
    step = ip.next_step
    if step is not None:
        step = step.model_copy(update={"action": without_title(step.action, title)})
    fbs = [fb.model_copy(update={"trigger": without_title(fb.trigger, title)}) for fb in ip.fallbacks[:4]]
    return step, fbs


def plan_sentences(ip: ItemPlan, as_of) -> list[str]:
    parts = []
    step, fbs = compact_steps(ip)
    if step is not None:
        who = "I will" if step.owner == "I" else f"{step.owner} will"
        parts.append(f"{who} {step.action} by {fmt(step.due, as_of)}")  # as the item's Next line says it
    if fbs:
        fb = fbs[0]
        parts.append(f"if {fb.trigger} by {fmt(fb.by, as_of)}, I will {fb.action}")
    # one sentence each, worded as the item's own lines: under a word cap the renderer drops a
    # headline sentence that a line below already says, and nothing is lost
    return [cap(p) for p in parts]


def short_fallback(fb) -> str:
    """The fallback's action in a few words, for the headline (the item keeps the full sentence)."""
    m = re.search(r"\bfrom (.+)$", fb.trigger)
    who = m.group(1) if m else "them"
    if fb.path == "call" and fb.action.startswith("call "):
        return re.split(r" and get | and ask |;", fb.action, maxsplit=1)[0]
    if fb.path == "alternate_contact":
        return fb.action if fb.action.startswith("contact ") else "go to another contact"
    if fb.path == "escalate":
        return "escalate to you with options"
    return f"chase {who} again"


def headline_for(plan: Plan) -> str:
    as_of = plan.as_of
    if not plan.items:
        tail = "; the lines I could not place are listed below" if plan.log.unplaced else ""
        return f"On track: the notes name no open work{tail}."
    if plan.overall == Status.DONE:
        titles = ", ".join(ip.item.title for ip in plan.items[:4]) or "nothing open"
        ahead = sorted((ip.item.deadline, ip.item.deadline_label) for ip in plan.items
                       if ip.item.deadline and ip.item.deadline >= as_of and ip.item.deadline_label)
        nxt = f" Next up: {the(clean(ahead[0][1]))} on {fmt(ahead[0][0], as_of)}." if ahead else ""
        return fit(f"All done: {titles}. I have nothing open and no promised date has passed.{nxt}", 300)
    ip = next(ip for ip in plan.items if ip.status == plan.overall)
    status = cap(plan.overall.label)
    lead = f"{status}: {focus_phrase(ip, as_of)} — {short_reason(ip, as_of)}."
    missed_with_date = any(c.state == "missed" and c.new_date and c.owner == "I" for c in ip.commitments)
    plan_parts = [] if missed_with_date and not ip.fallbacks else plan_sentences(ip, as_of)
    if missed_with_date and ip.fallbacks:
        plan_parts = plan_parts[-1:]
    clause = ". ".join(plan_parts)
    full = f"{lead} {cap(clause)}." if clause else lead
    also = also_clause(plan, ip)
    if also and len(f"{full} {also}") <= 300:
        return f"{full} {also}"
    if len(full) <= 300:
        return full
    first = plan_parts[0] if plan_parts else ""
    shorter = f"{lead} {cap(first)}."
    return shorter if len(shorter) <= 300 else fit(lead, 300)


def also_clause(plan: Plan, focus: ItemPlan) -> str:
    """Name the next most serious item with a downstream deadline when the headline item has none."""
    if focus.item.deadline:
        return ""
    others = [
        ip for ip in plan.items
        if ip is not focus and ip.item.deadline and ip.status.severity >= Status.AT_RISK.severity
    ]
    if not others:
        return ""
    ip = max(others, key=lambda x: (x.status.severity, -x.item.deadline.toordinal()))
    return f"Also {ip.status.label}: {focus_phrase(ip, plan.as_of)}."


def item_status_for(ip: ItemPlan, plan: Plan) -> ItemStatus:
    as_of = plan.as_of
    done = [
        clean(a.text) + (f" ({fmt(a.on, as_of)})" if a.on else "") for a in ip.item.actions if clean(a.text)
    ]
    done += [f"delivered {c.what}" for c in ip.commitments if c.state == "done" and ip.status != Status.DONE]
    risk = ip.risks[0].signal if ip.risks else None
    if risk and ip.risks[0].threatens:
        r = ip.risks[0]
        risk = f"{r.signal}; threatens {the(r.threatens)}" + (f" ({fmt(r.deadline, as_of)})" if r.deadline else "")
    return ItemStatus(
        title=fit(ip.item.title, 120),
        status=ip.status,
        outcome=fit(ip.item.outcome, 300) if ip.item.outcome else None,
        deadline=ip.item.deadline,
        done=[fit(d, 300) for d in done[:6]],
        next_step=compact_steps(ip)[0],
        fallbacks=compact_steps(ip)[1],
        # a missed promise reads as its object ("The full draft to Marie was due ..."), the words the
        # headline uses, so a word cap drops the line as a repeat of the headline and nothing is lost
        commitments=[
            c.model_copy(update={"what": commitment_object(c.what)}) if c.state == "missed" and commitment_object(c.what) else c
            for c in ip.commitments[:8]
        ],
        risk=fit(risk, 300) if risk else None,
    )


def write_update(plan: Plan) -> StatusUpdate:
    """Bottom line first, one status per item, every promise with a state, asks last."""
    worst_title = next((ip.item.title for ip in plan.items if ip.status == plan.overall), "")
    subject = f"Status: {plan.overall.label}" + (f" — {worst_title}" if worst_title else "")
    return StatusUpdate(
        as_of=plan.as_of,
        subject=fit(subject, 120),
        headline=headline_for(plan),
        overall=plan.overall,
        items=[item_status_for(ip, plan) for ip in plan.items[:12]],
        risks=plan.risks[:8],
        asks=plan.asks[:6],
        unplaced=[fit(s.text, 300) for s in plan.log.unplaced[:40]],
    )


# --------------------------------------------------------------------------------------------
# Options proposal
# --------------------------------------------------------------------------------------------


def decision_on(question: str) -> str:
    phrase = decision_phrase(question)
    return phrase if phrase.startswith("on ") else f"on {phrase}"


def reply_hint(labels: list[str]) -> str:
    if len(labels) == 2:
        return f"Reply {labels[0]} or {labels[1]}."
    return f"Reply {', '.join(labels[:-1])} or {labels[-1]}."


def write_options(plan: Plan) -> OptionsProposal:
    """Decision up front, the problem with its impact, 2-4 options with trade-offs, one recommendation."""
    d = plan.decision
    if d is None or len(d.options) < 2:
        why = "every item in the notes is done" if plan.items else "the notes name no open work"
        raise InputError(f"nothing to decide: {why}", hint="add the open problem or the decision needed to the notes")
    as_of = plan.as_of
    rec = next(o for o in d.options if o.label == d.recommended)
    from_whom = "" if d.who == "you" else f" from {d.who}"
    headline = (
        f"Decision needed{from_whom} by {fmt(d.decide_by, as_of)} {decision_on(d.question)}: "
        f"I recommend option {rec.label} ({lower_first(rec.title)})."
    )
    options = [
        Option(
            label=o.label,
            title=fit(o.title, 120),
            summary=fit(o.summary, 300),
            upside=fit(o.upside, 300),
            downside=fit(o.downside, 300),
            cost=fit(o.cost, 200),
        )
        for o in d.options[:4]
    ]
    labels = [o.label for o in options]
    default = d.default_label if d.default_label in labels else d.recommended
    return OptionsProposal(
        as_of=as_of,
        subject=fit(f"Decision needed: {clean(d.question).rstrip('?')}", 120),
        headline=fit(headline, 300),
        problem=fit(d.problem, 600),
        deadline=d.deadline,
        deadline_label=fit(d.deadline_label, 120) if d.deadline_label else None,
        decide_by=d.decide_by,
        actions_taken=[fit(a, 300) for a in d.actions_taken[:6]],
        options=options,
        recommendation=d.recommended,
        rationale=fit(d.rationale, 600),
        default_action=f"If I don't hear by {fmt(d.decide_by, as_of)}, I will go with option {default}.",
        will_do=[fit(w, 300) for w in d.will_do[:4]],
        needs_approval=[fit(n, 300) for n in d.needs_approval[:4]],
        open_risks=[fit(r, 300) for r in d.open_risks[:4]],
        reply_hint=reply_hint(labels),
    )


# --------------------------------------------------------------------------------------------
# Delegation plan
# --------------------------------------------------------------------------------------------


def write_delegation(plan: Plan, options: DraftOptions) -> DelegationPlan:
    """One named owner per task, checkable done, dates, check-ins, rights, runbook, support."""
    facts = plan.delegation
    wanted = (options.delegate_to or "").strip() or None
    if facts is None or (wanted and (facts.delegate or "").lower() != wanted.lower()):
        facts = delegation_facts(plan, wanted)
    if not facts.delegate:
        raise InputError("no delegate named", hint=NO_DELEGATE_HINT)
    if facts.delegate.strip().lower() in NOT_A_PERSON:
        raise InputError(f"delegate must be one named person, not {facts.delegate!r}", hint=NO_DELEGATE_HINT)
    if not facts.tasks:
        why = "every item in the notes is done" if plan.items else "the notes name no open work"
        raise InputError(f"nothing to delegate: {why}", hint="add the work to hand over to the notes")
    as_of, who = plan.as_of, facts.delegate
    tasks = [
        DelegatedTask(
            title=fit(t.title, 120),
            owner=who,
            done_when=fit(t.done_when, 300),
            deadline=t.deadline,
            quality_standard=fit(t.quality_standard, 300),
            check_ins=[CheckIn(on=c.on, what=fit(c.what, 200)) for c in t.check_ins[:6]],
            decision_rights=t.decision_rights,
            purpose=fit(t.purpose, 300),
            resources=[fit(r, 300) for r in t.resources[:8]],
            escalate_if=fit(t.escalate_if, 300),
            runbook=[fit(s, 300) for s in t.runbook[:12]],
        )
        for t in facts.tasks[:6]
    ]
    first = tasks[0]
    shadow = facts.shadow_on or first.check_ins[0].on
    titles = " and ".join(the(short_title(t.title)) for t in tasks[:2]) + (" and more" if len(tasks) > 2 else "")
    recurring = bool(facts.tasks[0].recurring)
    with_me = (
        f"I will shadow the first run on {fmt(shadow, as_of)}" if recurring
        else f"I will go through the plan with you on {fmt(shadow, as_of)}"
    )
    headline = f"{who} owns {titles} from today, first deadline {fmt(first.deadline, as_of)}; {with_me} and stay on call."
    checkins = [c.on for t in tasks for c in t.check_ins]
    first_check = min(checkins) if checkins else shadow
    return DelegationPlan(
        as_of=as_of,
        subject=fit(f"Handing over {titles} to {who}", 120),
        headline=fit(headline, 300),
        delegate=who,
        tasks=tasks,
        runbook_name=fit(facts.runbook_name or f"{cap(first.title)} runbook", 120),
        support=(
            f"What do you need from me? I'll shadow the first run on {fmt(shadow, as_of)}." if recurring
            else f"What do you need from me? I'll go through the plan with you on {fmt(shadow, as_of)} and stay on call."
        ),
        capacity_note=fit(capacity_note(plan, who, first_check), 300),
        open_loops=[fit(o, 300) for o in facts.open_loops[:10]],
    )


def capacity_note(plan: Plan, who: str, first_check) -> str:
    """Acknowledge the delegate's load, in the notes' words when they give it (D13)."""
    load = capacity_clause(plan.log, who)
    known = f"I know {load}, and this lands on top of it" if load else "I know this lands on top of your current work"
    return (
        f"{who}, {known}: tell me what to move or drop so it fits, "
        f"and I will sort that with you by {fmt(first_check, plan.as_of)}."
    )


# --------------------------------------------------------------------------------------------
# Audience and wording passes
# --------------------------------------------------------------------------------------------

_TICKET = re.compile(r"\s*\(?\b[A-Z][A-Z0-9]{1,9}-\d+\b\)?|\s*\(?(?<![\w&])#\d+\b\)?")


def internal_names(log: WorkLog, plan: Plan) -> dict[str, str]:
    """Names of people on our side (no organisation in the notes) -> the role to use instead."""
    external = {p.name.lower() for p in log.people if p.org}
    external |= {o.lower() for o in getattr(log, "orgs", [])}
    external |= {o.lower() for i in log.items for o in getattr(i, "orgs", [])}
    external |= {(p.org or "").lower() for p in log.people if p.org}
    roles: dict[str, str] = {}
    for p in log.people:
        if not p.org and not is_me(p.name):
            roles[p.name] = f"our {clean(p.role)}" if p.role else "our team"
    names = set()
    for item in log.items:
        names.update(item.people)
        names.update(c.owner for c in item.commitments)
        names.update(d.who for d in item.decisions if d.who)
        if item.delegate_to:
            names.add(item.delegate_to)
    if plan.delegation and plan.delegation.delegate:
        names.add(plan.delegation.delegate)
    for n in names:
        if n and not is_me(n) and n.lower() not in external and n not in roles:
            roles[n] = "our team"
    return roles


def scrub_text(text: str, roles: dict[str, str]) -> str:
    for name in sorted(roles, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}\b", roles[name], text)
    text = _TICKET.sub("", text)
    return re.sub(r"\s{2,}", " ", text).replace(" ,", ",").replace(" .", ".").strip()


def tighten(text: str) -> str:
    for pattern, repl in DENY_LIST:
        text = pattern.sub(repl, text)
    return text


def map_strings(value, fn):
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list):
        return [map_strings(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in ("kind", "status", "overall", "decision_rights", "path", "state", "label",
                                "recommendation") else map_strings(v, fn)) for k, v in value.items()}
    return value


def finish(artefact: Artefact, plan: Plan, options: DraftOptions) -> Artefact:
    """No hedging or filler anywhere; for a client, no internal names or ticket ids (U13, U15)."""
    fns = [tighten]
    if options.audience == Audience.CLIENT:
        roles = internal_names(plan.log, plan)
        fns.append(lambda t: scrub_text(t, roles))

    def apply(t: str) -> str:
        for fn in fns:
            t = fn(t)
        return t

    data = map_strings(artefact.model_dump(mode="json"), apply)
    for key, limit in (("headline", 300), ("subject", 120)):  # a role in place of a name can make it longer
        if isinstance(data.get(key), str):
            data[key] = fit(data[key], limit)
    return type(artefact).model_validate(data)


# --------------------------------------------------------------------------------------------
# Engine
# --------------------------------------------------------------------------------------------


class OfflineEngine:
    """Deterministic engine: ``write`` and ``awrite`` return the same artefact for the same plan."""

    name = "offline"

    def write(
        self, kind: ArtefactKind | str, plan: Plan, notes: str, options: DraftOptions | None = None
    ) -> tuple[Artefact, DraftMeta]:
        options = options or DraftOptions()
        kind = ArtefactKind(kind)
        if kind == ArtefactKind.UPDATE:
            artefact: Artefact = write_update(plan)
        elif kind == ArtefactKind.OPTIONS:
            artefact = write_options(plan)
        else:
            artefact = write_delegation(plan, options)
        artefact = finish(artefact, plan, options)
        return artefact, DraftMeta(engine="offline", llm_calls=0)

    async def awrite(
        self, kind: ArtefactKind | str, plan: Plan, notes: str, options: DraftOptions | None = None
    ) -> tuple[Artefact, DraftMeta]:
        return self.write(kind, plan, notes, options)


__all__ = ["OfflineEngine", "write_update", "write_options", "write_delegation", "DENY_LIST"]
