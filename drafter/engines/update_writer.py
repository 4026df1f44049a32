"""The status update, worded from the playbook's decisions and the notes' own clauses.

Owners are named as the notes name them: "I" only when the notes are first person; in minutes
and team notes an owner's action item reads "Eric will ask legal". Decisions made go in the
item's ``decided`` lines, open questions are asked as questions (never turned into tasks), and
a date the tool proposes is marked "(proposed: <date>)".
"""

from __future__ import annotations

import re
from itertools import chain, islice

from ..models import ItemPlan, ItemStatus, Plan, Status, StatusUpdate
from ..playbook import clean, commitment_object, fmt, short_title, strip_article
from ..read.statements import said_something
from ..playbook.rules import worded_as_action
from ..read.people import is_me
from ..render_text import outcome_label
from .checklist import checklist_lines, is_checklist, plain_open
from .wording import cap, clause, fit, question, sentence_problems, statement, status_words, subject, the_phrase, will_ok


def _others_step(c) -> bool:
    """Someone else's dated step ("Nicole: will help look at them later today"): worded as their step."""
    return bool(c.due and c.owner and not is_me(c.owner) and worded_as_action(c.what))


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
    out = re.sub(rf"(?<!\bnext)(?<!\blast)(?<!\bthis)(?<!\bsame)(?<!\bfirst)(?<=\w)\s+(?:the\s+)?{pat}\b", " it", out, flags=re.I)  # not "prepare the next it"
    return out if len(out.split()) >= 2 else text


def compact_steps(ip: ItemPlan):
    """The item's next step and fallbacks without repeating its name (shorter lines; U14)."""
    title = ip.item.title
    step = ip.next_step
    if step is not None:
        step = step.model_copy(update={"action": without_title(step.action, title)})
    fbs = [fb.model_copy(update={"trigger": without_title(fb.trigger, title)}) for fb in ip.fallbacks[:4]]
    seen: set[tuple[str, str]] = set()
    fbs = [fb for fb in fbs if (fb.trigger, fb.action) not in seen and not seen.add((fb.trigger, fb.action))]
    return step, fbs


def plan_sentences(ip: ItemPlan, as_of) -> list[str]:
    parts = []
    step, fbs = compact_steps(ip)
    from ..render_sections import late_step_of_other

    if step is not None and late_step_of_other(ip, as_of):
        step = None  # someone else's step whose day passed: the headline says it was due, not that they will
    if step is not None:  # as the item's Next line says it
        # "Unit 5: Connect to the Internet": no verb to put after 'will'; the notes' words after the owner
        parts.append(f"{subject(step.owner)} will {step_text(step, as_of)}" if will_ok(clean(step.action))
                     else f"Next for {'me' if is_me(step.owner) else subject(step.owner)}: {cap(step_text(step, as_of))}")
    if fbs:
        fb = fbs[0]
        parts.append(f"if {fb.trigger} by {fmt(fb.by, as_of)}, I will {fb.action}")
    # one sentence each, worded as the item's own lines: under a word cap the renderer drops a
    # headline sentence that a line below already says, and nothing is lost
    return [p if step is not None and k == 0 else cap(p) for k, p in enumerate(parts)]  # "nzakas will ...": the name as written


def step_text(step, as_of) -> str:
    """'ask legal by Thu 26 Nov' / 'ask legal (proposed: Thu 26 Nov)' when the date is the tool's."""
    action = clean(step.action)
    if getattr(step, "due_proposed", False):
        if step.owner and not is_me(step.owner):  # someone else's step: no deadline set for them
            return f"{action} (no date; I check {fmt(step.due, as_of)})"
        return f"{action} (proposed: {fmt(step.due, as_of)})"
    return f"{action} by {fmt(step.due, as_of)}"


_SIGN_OFF = re.compile(r"^(?:thanks|thank you|please|cheers)\b", re.I)
_REPORTED = re.compile(r"^(?:we|i)\s+(?:have|had|did|(?!(?:need|feed|proceed|succeed|exceed)\b)\w{2,}ed)\b", re.I)
# a sentence that leans on the one before it ("This was also recommended ...") does not open a headline
_ANAPHORIC = re.compile(r"^(?:this|that|these|those|it|they|also|for example|e\.g\.)\b", re.I)


def promise_kind(c) -> str:
    """'promise', or for an ownerless open "commitment" the reader took from a report: 'done' ("We
    enabled branch protection ...", a thing done) or 'none' ("Thanks for using Homebrew")."""
    if clean(c.owner or "") or c.state != "open":
        return "promise"
    what = clause(c.what)
    if _SIGN_OFF.match(what):
        return "none"
    return "done" if _REPORTED.match(what) else "promise"


_PAST = re.compile(r"^(?:(?:mostly|also|finally|then|just|mainly|already)\s+)?(?:\w{3,}ed|got|made|wrote|ran|built|sent|"
                   r"did|began|found|set|put|led|met|gave|took|held|won|fixed|knocked|kicked)\b", re.I)


def done_by(a, ip: ItemPlan) -> str:
    """A done action with who did it, when the notes name someone other than the writer and the line
    does not: 'mdjermanovic mostly reviewed PRs and triaged issues' (a past-tense clause takes the
    name as its subject), else 'Supply Chain Security: First draft out (ALR)'. Under an item titled by
    that person the name is not repeated."""
    text = statement(a.text)
    actor = clean(a.actor or "")
    if not actor or actor.lower() in ("i", "me", "we"):
        return text
    text = re.sub(rf"\s*\(\s*{re.escape(actor)}\s*\)$", "", text, flags=re.I) or text  # a name the reader kept in the text
    if actor.lower() == clean(ip.item.title).lower():
        return text
    first = actor.split()[0].lower()
    if re.search(rf"\b{re.escape(first)}\b", text, re.I):
        return text
    if _PAST.match(text):
        return f"{actor} {text[:1].lower()}{text[1:]}" if text[1:2].islower() or not text[1:2] else f"{actor} {text}"
    return f"{text} ({actor})"


# what an incident's responders did that fixed or contained it ("Service is restored by switching to the
# backup", "Original database is finished being upsized", "adds CloudWatch alarms", "merges work on #163")
_FIXED = re.compile(r"\b(?:restor\w*|resolv\w*|fix(?:ed|es)?\b|switch\w*|merg\w*|deploy\w*|roll(?:ed|s)? back|revert\w*|upsiz\w*|"
                    r"increas\w*|expand\w*|add(?:s|ed)?\b|enabl\w*|patch\w*|replac\w*|migrat\w*|mitigat\w*|recover\w*|"
                    r"back (?:up|online|to normal)|hot ?fix\w*)", re.I)


_FAILED = re.compile(r"\b(?:but|not|never|failed|unable|could(?:n't| not))\b|n't\b", re.I)  # "we tried to fix this, but failed"


def first_distinct(values, k: int) -> list[str]:
    """The first ``k`` distinct non-empty ``values``, in order; the rest are never computed."""
    out: dict[str, None] = {}
    for v in values:
        if v and v not in out:
            out[v] = None
            if len(out) == k:
                break
    return list(out)


def item_status_for(ip: ItemPlan, plan: Plan) -> ItemStatus:
    return _checklist_status(ip, plan) if is_checklist(plan) else _item_status(ip, plan)


def _item_status(ip: ItemPlan, plan: Plan) -> ItemStatus:
    as_of = plan.as_of
    # only the first few lines of each list are drafted: the rest are never worded (an item of a
    # long note holds thousands of notes, and wording every one was most of the writer's time)
    actions = ip.item.actions
    if plan.incident is not None:  # an incident's timeline: what fixed it before who noticed what
        actions = sorted(actions, key=lambda a: not (_FIXED.search(a.text) and not _FAILED.search(a.text)))
    done = list(islice(chain(
        (done_by(a, ip) + (f" ({fmt(a.on, as_of)})" if a.on else "") for a in actions if statement(a.text)),
        (clause(c.what) for c in ip.commitments if promise_kind(c) == "done" and clause(c.what)),
        (f"delivered {c.what}" for c in ip.commitments if c.state == "done" and ip.status != Status.DONE),
    ), 6))
    promises = [c for c in ip.commitments if promise_kind(c) == "promise"]
    risks = [r for r in ip.risks if not sentence_problems(r.signal)]
    risk = risks[0].signal if risks else None
    if risk and risks[0].threatens and (risks[0].deadline or clean(risks[0].threatens) != clean(ip.item.title)):
        r = risks[0]
        risk = f"{r.signal}; threatens {the_phrase(r.threatens)}" + (f" ({fmt(r.deadline, as_of)})" if r.deadline else "")
    return ItemStatus(
        title=fit(clause(ip.item.title) or clean(ip.item.title), 120),
        status=ip.status,
        outcome=fit(ip.item.outcome, 300) if ip.item.outcome else None,
        deadline=ip.item.deadline,
        done=[fit(d, 300) for d in done],
        next_step=compact_steps(ip)[0],
        fallbacks=compact_steps(ip)[1],
        # a missed promise reads as its object ("The full draft to Marie was due ..."), the words the
        # headline uses, so a word cap drops the line as a repeat of the headline and nothing is lost
        commitments=[
            c.model_copy(update={"what": commitment_object(clause(c.what))})
            if c.state == "missed" and clause(c.what) and not _others_step(c)
            else c.model_copy(update={"what": clause(c.what) or c.what})
            for c in promises[:8]
        ],
        risk=fit(risk, 300) if risk else None,
        decided=[fit(d, 300) for d in decided_lines(ip)],
        questions=[fit(q, 300) for q in first_distinct((question(q.text) for q in ip.item.questions if not q.answered), 6)],
        said=[fit(x, 300) for x in first_distinct((statement(n) for n in ip.item.notes if said_something(n)), 6)],
        # the writer's own open work with no next step is said (team minutes' topics need none)
        no_next_step=ip.no_next_step and ip.status != Status.DONE and not promises and bool(plan.log.first_person),
    )


def _checklist_status(ip: ItemPlan, plan: Plan) -> ItemStatus:
    """A todo list's section: its entries as the list words them (see :mod:`.checklist`); an entry
    with a named owner or a date stays a promise, with its owner, its date and the next step on it."""
    plain = {id(c) for c in plain_open(ip)}
    kept = [c for c in ip.commitments if id(c) not in plain and c.state not in ("done", "dropped")]
    steps = compact_steps(ip)
    step = steps[0] if steps[0] is not None and not steps[0].due_proposed and not is_me(steps[0].owner or "I") else None
    base = ip.model_copy(update={"commitments": kept, "item": ip.item.model_copy(update={"actions": []})})
    return _item_status(base, plan).model_copy(update={
        "done": [], "next_step": step, "fallbacks": steps[1] if step else [], "no_next_step": False,
        "checklist": checklist_lines(ip)})


def decided_lines(ip: ItemPlan) -> list[str]:
    """The item's decisions made and outcomes, in the notes' words, with who decided when the notes say."""
    def lines():
        for o in ip.item.outcomes:
            text = statement(o.text)
            if not re.search(r"[A-Za-z0-9]", re.sub(r"\([^)]*\)", " ", text)):
                continue  # "(agreed)" alone: no decision a reader can see
            who = o.who if o.who and o.who.lower() not in text.lower() and o.who.lower() not in ("i", "we") else None
            text = f"{text} ({who})" if who else text
            # under the notes' "Decisions" part a bare point is a decision ("commit hooks"): said as one
            yield f"Decided: {text}" if o.decided and outcome_label(text) != "Decided" else text

    return first_distinct(lines(), 6)


def _holds_work(ip: ItemPlan) -> bool:
    """An action, outcome, promise, wait, decision, risk, question, deadline, step or a problem status."""
    i = ip.item
    return bool(i.actions or i.outcomes or i.commitments or i.waits or i.decisions or i.risks or i.questions
                or i.deadline or ip.next_step or ip.fallbacks or ip.status not in (Status.DONE, Status.ON_TRACK))


def said_only(ip: ItemPlan) -> bool:
    """A topic that holds only what was said (no action, promise, wait, decision, risk or question)."""
    return not _holds_work(ip)


def first_items(items: list[ItemPlan], n: int) -> list[ItemPlan]:
    """At most ``n`` items in the notes' order; topics that hold only what was said take the places left."""
    keep = {id(ip) for ip in [ip for ip in items if not said_only(ip)][:n]}
    keep |= {id(ip) for ip in [ip for ip in items if said_only(ip)][: max(0, n - len(keep))]}
    return [ip for ip in items if id(ip) in keep]


def has_content(ip: ItemPlan) -> bool:
    """An item that holds something to report; a heading the reader made an item ("Attending",
    "Discussion Points") holds nothing and is not listed as news."""
    return _holds_work(ip) or any(said_something(n) for n in ip.item.notes)


# reStructuredText directives and field lists (".. post:: August 7", ":author: Vara"): markup, not notes
_DIRECTIVE = re.compile(r"^(?:\.\.\s+[\w-]+::|:[\w -]+:(?:\s|$))")


def unique_asks(asks):
    """One ask once (two blockers worded alike give one 'help me unblock' ask)."""
    seen, out = set(), []
    for a in asks:
        if (a.who, a.what) not in seen:
            seen.add((a.who, a.what))
            out.append(a)
    return out


def write_update(plan: Plan) -> StatusUpdate:
    """Bottom line first, one status per item, every promise with a state, asks last."""
    if not plan.log.first_person and any(has_content(ip) for ip in plan.items):
        plan = plan.model_copy(update={"items": [ip for ip in plan.items if has_content(ip)]})
    worst_title = next((clause(ip.item.title) for ip in plan.items if ip.status == plan.overall), "")
    line = f"Status: {status_words(plan.overall, plan.status_stated)}" + (f" — {worst_title}" if worst_title else "")
    return StatusUpdate(
        as_of=plan.as_of,
        subject=fit(line, 120),
        headline=headline_for(plan),
        overall=plan.overall,
        overall_stated=plan.status_stated,
        items=[item_status_for(ip, plan) for ip in first_items(plan.items, 12)],
        # a risk whose wording glues a fragment in ("Waiting on X for the It will be ...") is not
        # drafted: the update says nothing it cannot say as a sentence
        risks=[r for r in plan.risks if not sentence_problems(r.signal)][:8],
        asks=unique_asks(plan.asks)[:6],
        unplaced=[fit(statement(s.text) or question(s.text), 300) for s in plan.log.unplaced[:40]
                  if clause(s.text) and not _DIRECTIVE.match(s.text.strip())],
    )


# the bottom line lives in update_headline (it reads the helpers above); re-exported for callers
from .update_headline import (  # noqa: E402,F401
    also_clause,
    decided_sentence,
    first_news,
    focus_phrase,
    headline_for,
    lead_sentence,
    reason_after_dash,
    short_fallback,
    short_reason,
    title_leads,
    title_phrase,
)
from .update_headline import _container  # noqa: E402,F401
