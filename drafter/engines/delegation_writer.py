"""The delegation plan, worded from the playbook's hand-over facts.

Runbook, quality bar and done-when come from the notes; what the notes do not give is listed
as "to agree with <delegate>" and a deadline the tool proposes is marked as proposed.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..models import CheckIn, DelegatedTask, DelegationPlan, DraftOptions, Plan, Status
from ..playbook import capacity_clause, delegation_facts, fmt, lower_first, short_title
from ..playbook.delegation import _ACTION_VERBS as ACTION_VERBS
from ..playbook.handoff_work import mentions_of
from ..playbook.rules import starts_with_verb
from ..playbook.text import clean
from .wording import cap, clause, fit, the_phrase

#: verbs that open an action item's title, for the headline only ("owns this: see if we can ...", never
#: "owns the See if we can ..."); they do not make a line work (see handoff_work.is_work)
HEAD_VERBS = {"see", "take", "downgrade", "upgrade", "get", "make", "do", "set"}
NO_DELEGATE_HINT = "pass --to NAME or write 'hand off to NAME' in the notes"
NOT_A_PERSON = {"team", "the team", "tbd", "tba", "someone", "anyone", "everyone", "all", "us", "we"}



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
        if not plan.items:
            why = "the notes name no open work"
        elif all(ip.status == Status.DONE for ip in plan.items):
            why = "every item in the notes is done"
        else:
            why = "the notes hold no work to hand over (no action item, promise or recurring task, only headings and status)"
            held = held_for(plan.log, facts.delegate)
            if held is not None:  # say what the notes do hold for the delegate, not only what they lack
                why = (f"the notes hold no open action item, promise or recurring task for {facts.delegate}; "
                       + (f"what they hold for them: {held}" if held else f"they never name {facts.delegate}"))
        raise InputError(f"nothing to delegate: {why}", hint="add the work to hand over to the notes")
    as_of, who = plan.as_of, facts.delegate
    tasks = [
        DelegatedTask(
            title=fit(clause(t.title) or t.title, 120),
            owner=who,
            done_when=fit(clause(t.done_when), 300) if t.done_when else None,
            deadline=t.deadline,
            deadline_proposed=t.deadline_proposed,
            quality_standard=fit(clause(t.quality_standard), 300) if t.quality_standard else None,
            to_agree=[fit(f"{agree_item(x, t, as_of)}: to agree with {who}", 300) for x in t.to_agree[:8]],
            # only the notes' own check-ins; the tool's proposed date is in ``to_agree``
            check_ins=[CheckIn(on=c.on, what=fit(c.what, 200)) for c in t.check_ins[:6]] if t.check_ins_given else [],
            decision_rights=t.decision_rights,
            purpose=fit(t.purpose, 300),
            resources=[fit(r, 300) for r in t.resources[:8]],
            escalate_if=fit(t.escalate_if, 300),
            runbook=[fit(clause(s), 300) for s in t.runbook[:12] if clause(s)],
        )
        for t in facts.tasks[:6]
    ]
    first = tasks[0]
    heads = [t.model_copy(update={"title": t.title.split(" — ", 1)[-1]}) for t in tasks]  # "PR 852: ... — look at it": the work
    named = [x for x in (the_phrase(short_title(_hyphens(t.title))) for t in heads) if x]
    titles = " and ".join(named[:2]) + (" and more" if len(named) > 2 else "") or "the work in these notes"
    recurring = bool(facts.tasks[0].recurring)
    due = f"proposed first deadline {fmt(first.deadline, as_of)}" if first.deadline_proposed else f"first deadline {fmt(first.deadline, as_of)}"
    with_me = f"; I propose to shadow the first run on {fmt(facts.shadow_on, as_of)}" if recurring and facts.shadow_on else ""
    if any(starts_with_verb(t.title) or t.title.split()[0].lower() in ACTION_VERBS | HEAD_VERBS
           or t.title.split()[0].lower().endswith("ing") or _verb_then_article(t.title) for t in heads):
        # action items (one is enough): named by what is to be done, not glued after "owns" ("owns the Merge the branch")
        todo = "; ".join(_todo(t.title) for t in tasks[:2]) + ("; and more" if len(tasks) > 2 else "")
        what = "this" if len(tasks) == 1 else f"{len(tasks)} tasks"
        headline = f"{who} owns {what} from today, {due}: {todo}."
        titles = f"{len(tasks)} tasks" if len(tasks) > 1 else lower_first(short_title(_hyphens(heads[0].title)))
    else:
        headline = f"{who} owns {titles} from today, {due}{with_me}."
    given = [c.on for t in tasks for c in t.check_ins]
    proposed = [c.on for t in facts.tasks[:6] for c in t.check_ins[:1]]
    first_check = min(given) if given else (min(proposed) if proposed else as_of)
    # support: only an offer the plan can make (shadowing the first run, proposed); what else the delegate
    # needs from me is not in the notes, so the renderer lists it to agree, never as a stock line
    support = f"I can shadow the first run on {fmt(facts.shadow_on, as_of)} (proposed)." if recurring and facts.shadow_on else ""
    return DelegationPlan(
        as_of=as_of,
        subject=fit(f"Handing over {titles} to {who}", 120),
        headline=fit(headline, 300),
        delegate=who,
        tasks=tasks,
        runbook_name=fit(facts.runbook_name or f"{cap(first.title)} runbook", 120) if any(t.runbook for t in tasks) else "",
        support=support,
        capacity_note=fit(capacity_note(plan, who, first_check), 300),
        open_loops=[fit(o, 300) for o in facts.open_loops[:10]],
    )


def held_for(log, who: str) -> str | None:
    """What the notes hold for ``who`` when nothing is theirs to hand over: their first line that is
    about them (not an attendance list), quoted, with how many more lines name them; "" when none does."""
    lines = mentions_of(log, who)
    if not lines:
        return ""
    first = who.split()[0].lower()

    def score(text: str) -> int:
        """A line that says something of them ('Matthias: Vega-lite plot PoC') over a roster line."""
        t = re.sub(r"^[\W_]+", "", text).lower()
        said = re.match(rf"(?:{re.escape(who.lower())}|{re.escape(first)})\S*\s*:\s*(\S.*)$", t)
        return ((3 if said and len(said.group(1).split()) >= 2 else 0) + (1 if len(text.split()) >= 6 else 0)
                + (1 if text.count(",") < 3 else 0))

    best = max(lines, key=score)
    quoted = best if len(best) <= 140 else best[:140].rsplit(" ", 1)[0] + " …"
    more = len(lines) - 1
    return f"“{quoted}”" + (f" and {more} more line{'s' if more > 1 else ''} naming them" if more else "")


def _todo(title: str) -> str:
    """A task said after "owns this: ": its work first, then the topic it is about ("look at it from
    Firefox's perspective (PR 852)")."""
    topic, _, work = title.rpartition(" — ")
    said = lower_first(short_title(_hyphens(work)))
    return f"{said} ({short_title(_hyphens(topic))})" if topic else said


def _hyphens(title: str) -> str:
    """'option–based' (an en dash inside a word) is one word, not a clause break for short_title."""
    return re.sub(r"(?<=\w)[–‑](?=\w)", "-", title)


#: what the notes leave open -> how the plan names it once ("to agree with <delegate>: ...")
AGREE = {
    "what counts as done": "done when",
    "the quality bar": "quality bar",
    "the steps": "written steps",
    "why it matters": "why it matters",
}


def agree_item(key: str, t, as_of) -> str:
    """One thing to agree with the delegate, worded; a date the tool proposes is marked proposed."""
    if key == "the deadline":
        return f"the deadline (proposed: {fmt(t.deadline, as_of)})"
    if key == "check-ins":
        return f"check-ins (proposed first: {fmt(t.check_ins[0].on, as_of)})" if t.check_ins else "check-ins"
    return AGREE.get(key, key)


def capacity_note(plan: Plan, who: str, first_check) -> str:
    """Acknowledge the delegate's load in the notes' words (D13); "" when the notes say nothing of it
    (the renderer then lists the delegate's load to agree, never a stock line)."""
    load = capacity_clause(plan.log, who)
    if load:  # the notes' own words about the delegate's load
        return (f"{who}, I know {load}, and this lands on top of it: tell me what to move or drop so it fits, "
                f"and I will sort that with you by {fmt(first_check, plan.as_of)} (proposed).")
    return ""


def _verb_then_article(title: str) -> bool:
    """'Propose an update to the milestone plan': a verb the word lists know, then an article."""
    from ..read.wordlist import verb_forms_common

    words = title.split()
    return len(words) > 2 and words[1].lower() in ("a", "an", "the") and verb_forms_common(words[0].lower(), lenient=True)
