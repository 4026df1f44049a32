"""The options proposal, worded from the playbook's decision facts.

Options are only the notes' own alternatives. When the notes hold none, the proposal says so,
sets out the decision and what the notes say about it (``known``), and recommends nothing.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..models import ItemPlan, Option, OptionsProposal, Plan, Status
from ..playbook import clean, commitment_object, decision_phrase, fmt, short_title, wait_object, wait_signal
from ..playbook.note_choices import choice_phrase, proposal
from ..playbook.text import is_me, lower_first, wait_is_external
from .update_writer import step_text
from .wording import cap, clause, fit, inline_title, statement, subject, the_phrase, with_topic

NO_OPTIONS = "The notes name no alternatives yet"
NOT_STATED = "not stated in the notes"

#: the playbook's ground for a recommendation -> its wording
GROUNDS = {
    # each says only what the playbook knows from the notes: no claim that an option is reversible or cheap unless stated
    "keeps_no_approval": "it keeps {label}, and nothing in the notes says it needs approval",
    "only_keeper": "it is the only option listed that keeps {label}",
    "keeps_known_cost": "it keeps {label}, and its cost is stated in the notes",
    "keeps": "it keeps {label}",
    "reversible": "nothing in the notes says it needs approval",
    "clearest": "the notes state more of its trade-offs than of the others'",
}


def decision_on(question: str) -> str:
    """'Can we piggyback off GCM or APSN?' -> 'on whether we can piggyback off GCM or APSN'."""
    phrase = choice_phrase(question) or decision_phrase(question)
    if re.match(r"^(?:How|What|Which|Where|Who|When|Whether)\b", phrase):  # "How to handle symlinks ...?" after "on"
        phrase = phrase[:1].lower() + phrase[1:]
    # a question embedded after "on" loses its inversion: "how do we want to persist" -> "how we want to persist",
    # "which should we pick" -> "which we should pick"
    phrase = re.sub(r"^(how|what|which|where|when|who|why)\s+(?:do|does|did)\s+(we|i|you|they|he|she|it)\s+", r"\1 \2 ", phrase, flags=re.I)
    phrase = re.sub(r"^(how|what|which|where|when|who|why)\s+(should|shall|can|could|would|will)\s+(we|i|you|they|he|she|it)\s+",
                    r"\1 \3 \2 ", phrase, flags=re.I)
    return phrase if phrase.startswith("on ") else f"on {phrase}"


def reply_hint(labels: list[str]) -> str:
    if not labels:
        return "Reply with your decision, or with an option the notes do not name."
    if len(labels) == 2:
        return f"Reply {labels[0]} or {labels[1]}."
    return f"Reply {', '.join(labels[:-1])} or {labels[-1]}."


def _focus(plan: Plan, title: str) -> ItemPlan | None:
    return next((ip for ip in plan.items if ip.item.title == title), None)


_PRONOUNS = {"i", "he", "she", "they", "we", "you", "it", "him", "her", "them", "us", "me"}


def noun_phrase(text: str) -> bool:
    """'the Q3 docs' can follow 'how to get'; 'send the P&L', 'confirm' or 'the he said he'd get back' cannot."""
    from ..playbook.actions import is_verb
    from ..playbook.text import IRREGULAR_PAST

    words = [w.lower().strip(",.;:'\"") for w in text.split()]
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    if not words or not any(re.fullmatch(r"[a-z][a-z'-]{2,}", w) for w in words):
        return False  # "the 5/1" (a date label, conda-forge minutes): no thing to get
    first, nxt = words[0], (words[1] if len(words) > 1 else None)
    return not (first in _PRONOUNS or first in IRREGULAR_PAST or is_verb(first, nxt) or nxt in _PRONOUNS)


def _led_noun(text: str) -> bool:
    """'a draft of the board summary': an article, then a word not followed by a verb or a pronoun ('the help look ...' is not)."""
    from ..playbook.actions import is_verb

    words = [w.lower().strip(",.;:'\"") for w in text.split()]
    if len(words) < 3 or words[0] not in ("a", "an", "the"):
        return False
    return not (is_verb(words[2]) or words[2] in _PRONOUNS)


def framing(ip: ItemPlan | None, plan: Plan) -> tuple[str, str]:
    """(decision phrase, what is wrong) when the notes state no decision: built from the item's state."""
    if ip is None:
        return "on the open question", ""
    as_of, item = plan.as_of, ip.item
    missed = [cs for cs in ip.commitments if cs.state == "missed"]
    if missed:
        cs = missed[0]
        thing = commitment_object(clause(cs.what))
        wrong = f"{clause(cs.what)} was due {fmt(cs.due, as_of)} and is missed" if cs.due else f"{clause(cs.what)} is late"
        if not (noun_phrase(thing) or _led_noun(thing)):  # "how to recover the help look at them later" (couchers dev)
            thing = f"the promise due {fmt(cs.due, as_of)}" if cs.due else "the missed promise"
        return f"on how to recover {thing}", wrong
    ext = [w for w in item.waits if wait_is_external(w) and w.kind != "blocked"]
    if ext:
        w = ext[0]
        obj = wait_object(w)
        what = clause(obj) if obj and noun_phrase(clause(obj)) else f"an answer from {w.on_whom}"  # not "how to get send the P&L"
        return f"on how to get {what} in time", wait_signal(w, as_of, plan.log)
    blockers = [w for w in item.waits if w.kind == "blocked"]
    if blockers:
        w = blockers[0]
        if re.match(r"^\w+ing\s+(?:out|on|up|through|how|what|why|whether|to)\b", clean(w.what), re.I):
            # "figuring out how to go about making the bullets draggable": the blocker is the work itself
            return f"on how to get past the blocker ({lower_first(clause(w.what))})", wait_signal(w, as_of, plan.log)
        return f"on how to get past the blocker on {clause(wait_object(w) or w.what)}", wait_signal(w, as_of, plan.log)
    return "on the open question", ""  # the playbook sends no item without trouble or a question here


def write_options(plan: Plan) -> OptionsProposal:
    """Decision up front, the problem with its impact, the notes' options with their trade-offs, or what is known."""
    d = plan.decision
    if d is None:
        why = "every item in the notes is done" if plan.items else "the notes name no open work"
        raise InputError(f"nothing to decide: {why}", hint="add the open problem or the decision needed to the notes")
    as_of = plan.as_of
    if not d.open_decision:
        return no_open_decision(plan)
    ip = _focus(plan, d.item_title)
    question = clause(d.question)
    on, wrong = (decision_on(question), "") if question else framing(ip, plan)
    if on == "on the open question" and d.options:  # the notes list alternatives but ask no question in words
        on = "on which of the options below to take"
    if d.situation and statement(d.situation):
        wrong = statement(d.situation)
    elif not wrong and question:
        wrong = ""
    from_whom = "" if d.who == "you" else f" from {d.who}"
    labels = [o.label for o in d.options[:4]]
    rec = next((o for o in d.options if o.label == d.recommended), None)
    if rec is not None:
        tail = f"I recommend option {rec.label} ({inline_title(rec.title)})."
    elif labels and d.ground == "notes_mix":
        tail = "the notes recommend a mix of the options below."
    elif labels:
        tail = "the notes give no ground to prefer one of the options below."
    elif proposal(d.question):  # "I propose to adopt the SMPTE names": one side, no counter-proposal in the notes
        tail = "the notes give only that proposal, no counter-proposal" + ("; below is what they say." if any(statement(k) for k in d.known) else ".")
    else:
        tail = f"{NO_OPTIONS[0].lower()}{NO_OPTIONS[1:]}" + ("; below is what they say." if any(statement(k) for k in d.known) else ".")
    mark = " (a date I propose)" if d.decide_by_proposed else ""
    headline = f"Decision needed{from_whom} by {fmt(d.decide_by, as_of)}{mark} {on}: {tail}"
    decide = f"we need to decide {on.removeprefix('on ')}" if question or not wrong else ""
    problem = "; ".join(x for x in (wrong, decide) if x) or f"we need to decide {on.removeprefix('on ')}"
    problem = cap(problem)
    label = the_phrase(d.deadline_label) if d.deadline_label else "the deadline"
    if d.deadline is not None:
        problem += f". It puts {label} on {fmt(d.deadline, as_of)} at stake."
    else:
        problem += "."
    options = [
        Option(
            label=o.label,
            title=fit(clause(o.title) or o.title, 120),
            summary=fit(clause(o.summary), 300),
            # what the notes do not state stays empty: the layout says it once, not per option
            upside=fit(clause(o.upside), 300),
            downside=fit(clause(o.downside), 300),
            cost=fit(o.cost or "", 200),
            grounds=[fit(statement(g), 300) for g in o.grounds[:2] if statement(g)],
        )
        for o in d.options[:4]
    ]
    stake = f"{label} on its date" if d.deadline_label else "the deadline"
    if rec is not None and d.ground == "notes":
        rationale = f"the notes recommend it: {statement(d.rationale)}" if statement(d.rationale) else "the notes recommend it"
        default = f"If I don't hear by {fmt(d.decide_by, as_of)}, I will go with option {rec.label}."
    elif rec is None and d.ground == "notes_mix" and statement(d.rationale):
        rationale = f"the notes recommend a mix rather than one option: {statement(d.rationale)}"
        default = f"If I don't hear by {fmt(d.decide_by, as_of)}, I will ask again before doing anything."
    elif rec is not None:
        why = GROUNDS.get(d.ground or "", GROUNDS["clearest"]).format(label=stake)
        others = [o for o in options if o.label != rec.label]
        rationale = f"{why}. " + " ".join(
            f"With {o.label}, {o.downside.rstrip('.')}." for o in others if o.downside
        )
        default = f"If I don't hear by {fmt(d.decide_by, as_of)}, I will go with option {rec.label}."
    elif options and any(o.grounds for o in options):
        rationale = "the notes give people's positions, not a ground to prefer one option"
        default = f"If I don't hear by {fmt(d.decide_by, as_of)}, I will ask again before doing anything."
    elif options:
        rationale = "the notes state too little about the options' trade-offs to recommend one"
        default = f"If I don't hear by {fmt(d.decide_by, as_of)}, I will ask again before doing anything."
    else:
        rationale = "there is nothing to recommend until the alternatives are known"
        default = f"If I don't hear by {fmt(d.decide_by, as_of)}, I will ask again before doing anything."
        if ip is not None and ip.next_step is not None:  # the notes' own plan, not a made-up option
            default = (f"If I don't hear by {fmt(d.decide_by, as_of)}, the plan in the notes stands: "
                       f"{subject(ip.next_step.owner)} will {step_text(ip.next_step, as_of)}.")
    will_do = []
    if ip is not None and ip.next_step is not None and is_me(ip.next_step.owner) and not any(
            o.summary.lower()[:40] in ip.next_step.action.lower() for o in d.options):  # an option is not done before it is chosen
        will_do.append(step_text(ip.next_step, as_of))
    if ip is not None:
        for fb in ip.fallbacks[:2]:
            if fb.path != "escalate":
                will_do.append(f"if {fb.trigger} by {fmt(fb.by, as_of)}, I will {fb.action}")
    needs = [
        f"option {o.label} ({inline_title(o.title)})" + (f": {o.cost}" if o.cost else "")
        for o in d.options if o.needs_approval
    ][:4]
    open_risks = list(d.open_risks)
    if ip is not None:
        for w in [w for w in ip.item.waits if wait_is_external(w) and w.kind != "blocked"][:1]:
            obj = wait_object(w)
            open_risks.append(f"if {w.on_whom} never answers, {clause(obj) if obj else 'their answer'} will be missing")
    for other in plan.items:
        if other is not ip and other.status.severity >= Status.AT_RISK.severity:
            open_risks.append(f"{clause(short_title(other.item.title))}: {other.reason}")
    return OptionsProposal(
        as_of=as_of,
        subject=fit(f"Decision needed: {on.removeprefix('on ')}", 120),  # the decision as worded, not the raw line
        headline=fit(headline, 300),
        problem=fit(problem, 600),
        deadline=d.deadline,
        deadline_label=fit(d.deadline_label, 120) if d.deadline_label else None,
        decide_by=d.decide_by,
        actions_taken=[fit(statement(a), 300) for a in d.actions_taken[:6] if statement(a)],
        options=options,
        recommendation=rec.label if rec is not None else None,
        known=[fit(statement(k), 300) for k in d.known[:8] if statement(k)],
        rationale=fit(rationale, 600),
        default_action=fit(default, 300),
        will_do=[fit(w, 300) for w in will_do[:4]],
        needs_approval=[fit(n, 300) for n in needs],
        open_risks=[fit(statement(r), 300) for r in open_risks if statement(r)][:4],
        reply_hint=reply_hint(labels),
        first_person=plan.log.first_person,
        decide_by_proposed=d.decide_by_proposed,
    )


def no_open_decision(plan: Plan) -> OptionsProposal:
    """The notes hold no open decision: say so, with the decisions they record and the plan they give; nothing is asked."""
    d, as_of = plan.decision, plan.as_of
    taken = [fit(statement(k), 300) for k in d.known[:8] if statement(k)]
    headline = (f"No decision needed: the notes name no alternatives and hold no open decision; "
                f"tell me by {fmt(d.decide_by, as_of)} (a date I propose) if you see one they miss.")
    steps = []
    for ip in plan.items:
        if ip.next_step is not None and ip.status != Status.DONE and not getattr(ip.next_step, "due_proposed", False):
            steps.append(with_topic(ip.item.title, f"{subject(ip.next_step.owner)} will {step_text(ip.next_step, as_of)}"))
    for ip in plan.items:  # then steps with a date the tool proposes (marked so by step_text)
        if ip.next_step is not None and ip.status != Status.DONE and getattr(ip.next_step, "due_proposed", False):
            steps.append(with_topic(ip.item.title, f"{subject(ip.next_step.owner)} will {step_text(ip.next_step, as_of)}"))
    return OptionsProposal(
        as_of=as_of,
        subject="No open decision in the notes",
        headline=fit(headline, 300),
        problem="",
        decide_by=d.decide_by,
        known=taken,
        rationale="",
        default_action="",
        will_do=[fit(x, 300) for x in list(dict.fromkeys(steps))[:4]],
        open_risks=[fit(statement(r), 300) for r in d.open_risks if statement(r)][:4],
        reply_hint="No reply needed unless the notes miss an open decision.",
        first_person=plan.log.first_person,
        open_decision=False,
    )
