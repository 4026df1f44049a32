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
from ..playbook import clean, commitment_object, fmt, short_title, strip_article, the
from ..read.statements import said_something
from ..playbook.rules import worded_as_action
from ..playbook.text import lower_first
from ..read.people import is_me
from ..render_text import outcome_label
from .wording import cap, clause, fit, question, sentence_problems, statement, subject, the_phrase


def focus_phrase(ip: ItemPlan, as_of, people: tuple[str, ...] | list[str] = ()) -> str:
    """'the Q3 docs for the board meeting on Tue 1 Dec' — the outcome, not only the task (U12)."""
    item = ip.item
    title = clause(short_title(item.title))
    owners = {n.lower() for n in people} | {(item.owner or "").lower()}
    named = title.lower() in owners  # an item a reader titled by its person: no article
    base = clause(item.outcome) if item.outcome and len(item.outcome) <= 80 else (title if named else title_phrase(title))
    if item.deadline:
        label = clean(item.deadline_label or "")
        if label and label.lower() in base.lower():
            base += f" on {fmt(item.deadline, as_of)}"
        elif label:
            base += f" for {the(label)} on {fmt(item.deadline, as_of)}"
        else:
            base += f", due {fmt(item.deadline, as_of)}"
    return base


# a title that is no noun phrase to lead a headline with: a clause ("Aapeli is busy for about a week
# til"), a date ("2018-03-26"), a question heading ("What challenges we expect")
_CLAUSE_TITLE = re.compile(
    r"^(?:\d|(?:what|how|why|who|when|where|which|whether|if|can|could|should|do|does|did|is|are|will)\b)"
    r"|\b(?:is|are|was|were|am|has|have|had|will|would|can|could|should|may|might|must|did|does)\b"
    r"|^(?:I|we|he|she|they)\b", re.I)


def title_phrase(title: str) -> str:
    """An item's title inside a headline: 'the Q4 budget', but a heading or a name keeps no article
    ('Existing Items', 'Mobile', 'ALR', 'Weekly Status Report for Week 7' — 'the Mobile' is a
    heading glued into a sentence)."""
    t = clause(title)
    words = t.split()
    if len(words) >= 2 and words[-1][:1].islower() and not words[0][:1].isdigit():
        return the_phrase(t)
    return t


def title_leads(title: str) -> bool:
    """The title can stand before '— <reason>' as the thing the headline is about."""
    t = clause(short_title(title))
    return bool(t) and not _CLAUSE_TITLE.search(t)


# the first word of a reason that is a common word, lower-cased after a dash ("— however, due to ...");
# a name or an acronym keeps its capital
_COMMON_OPENERS = {"however", "but", "and", "so", "also", "unable", "need", "needs", "needed", "not", "this", "that",
                   "there", "it", "still", "currently", "probably", "maybe", "possibly", "waiting", "pending",
                   "blocked", "getting", "trying", "working", "no", "some", "many", "due", "for"}
_VERB_START = re.compile(r"^(?:has|have|had|is|was|were|will|would|needs|wants|plans|hopes|struggl\w+|tried|tries)\b", re.I)


def reason_after_dash(reason: str, ip: ItemPlan, first_person: bool) -> str:
    """The reason as it reads after the item's name: a common opening word in lower case; a verb
    phrase with no subject gets the item's owner in team notes ('has been trying ...' -> 'Aapeli
    has been trying ...'), never 'I' unless the notes are first person."""
    r = re.sub(r"\b(a|an|the)\s+\1\b", r"\1", clean(reason), flags=re.I)  # the notes' typo "to a a dev"
    # a label and its verb phrase ('more docs: Will slide to next week') read as one sentence:
    # 'more docs will slide to next week'
    r = re.sub(r"^([^“”]{3,80}):\s+(Will|Is|Are|Was|Were|Needs|Has|Have|Might|May|Should|Can|Could)\s(?=[a-z])",
               lambda m: f"{m.group(1)} {m.group(2).lower()} ", r)
    owner = clean(ip.item.owner or "")
    if _VERB_START.match(r) and owner and not first_person and owner.lower() not in ("i", "me"):
        return f"{owner} {r[:1].lower()}{r[1:]}"
    first = r.split(" ", 1)[0].rstrip(",:;")
    nxt = (r.split(" ", 2) + ["", ""])[1]
    if first.lower() in _COMMON_OPENERS and first[:1].isupper() and first[1:].islower() and not nxt[:1].isupper():
        return r[:1].lower() + r[1:]
    return r


def lead_sentence(status: str, ip: ItemPlan, as_of, people, first_person: bool) -> str:
    """'At risk: the Q4 budget — waiting on finance ...'; when the item's title is no noun phrase
    (a clause, a date, a question heading) or the reason repeats it, the reason alone says the fact:
    'At risk: Aapeli is busy for about a week til next Tuesday.'"""
    reason = short_reason(ip, as_of)
    title = clause(short_title(ip.item.title))
    repeats = bool(title) and clean(reason).lower().startswith(title.lower()[:20])
    leans = re.match(r"^(?:\w+\s+){0,2}(?:this|that|these|those|it)\b", clean(reason), re.I)  # "Once this gets done, ..."
    if ip.item.outcome or ip.item.deadline or (title_leads(ip.item.title) and not repeats and (leans or not _container(ip))):
        return f"{status}: {focus_phrase(ip, as_of, people)} — {reason_after_dash(reason, ip, first_person)}."
    r = reason_after_dash(reason, ip, first_person)
    if r.lower().startswith(f"{status.lower()}: "):  # "Blocked: blocked: Still blocked on bug 369679"
        r = r[len(status) + 2:]
    return f"{status}: {r[:1].upper()}{r[1:]}."


# the name of a document or a list, not of a piece of work: 'Tasks', 'Individual Weekly Report', 'Team Report'
_CONTAINER = re.compile(r"\b(?:reports?|tasks?|to-?dos?|notes|status|updates?|summary|action items?|weekly|log|minutes|agenda)\b", re.I)


def _container(ip: ItemPlan) -> bool:
    """A heading over the notes' work ('Tasks' over a task table, 'Individual Weekly Report'): it
    names no one thing, so the reason leads the headline alone ('At risk: for some reason the github
    environment for tests cannot connect to the database.'). A person's name always leads."""
    title = clean(ip.item.title)
    m = _CONTAINER.search(title)
    if m and m.start() == 0 and len(title.split()) > 2 and m.group(0).lower() in ("report", "update", "log"):
        return False  # a task that opens with its verb: 'Update onboarding and post-graduation checklists'
    return m is not None


def _others_step(c) -> bool:
    """Someone else's dated step ("Nicole: will help look at them later today"): worded as their step."""
    return bool(c.due and c.owner and not is_me(c.owner) and worded_as_action(c.what))


def short_reason(ip: ItemPlan, as_of) -> str:
    missed = sorted((c for c in ip.commitments if c.state == "missed"), key=lambda c: c.owner != "I")  # my own first
    if missed:
        c = missed[0]
        who = "" if c.owner == "I" else f" ({c.owner})"
        thing = commitment_object(clause(c.what) or c.what)
        head = f"{thing}{who} was due {fmt(c.due, as_of)} and is missed" if c.due else f"{thing}{who} is late"
        if _others_step(c):
            # someone else's step whose day passed: what the notes know, not a verdict on them
            head = f"{subject(c.owner)} was due to {lower_first(clause(c.what))} by {fmt(c.due, as_of)}; the notes do not say it is done"
        if c.new_date:
            return f"{head}; proposed new date: {fmt(c.new_date, as_of)}"
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
    if step is not None:  # as the item's Next line says it
        parts.append(f"{subject(step.owner)} will {step_text(step, as_of)}")
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
    if plan.incident is not None:  # an incident or release status: its state, impact, cause and follow-ups first
        from .incident_lead import incident_headline

        lead = incident_headline(plan)
        if lead:
            return lead
    if not plan.items:
        tail = "; the lines I could not place are listed below" if plan.log.unplaced else ""
        return f"On track: the notes name no open work{tail}."
    if plan.overall == Status.DONE:
        titles = ", ".join(clause(ip.item.title) for ip in plan.items[:4]) or "nothing open"
        ahead = sorted((ip.item.deadline, ip.item.deadline_label) for ip in plan.items
                       if ip.item.deadline and ip.item.deadline >= as_of and ip.item.deadline_label)
        nxt = f" Next up: {the(clean(ahead[0][1]))} on {fmt(ahead[0][0], as_of)}." if ahead else ""
        mine = "I have nothing open" if plan.log.first_person else "No item is open"
        decided = decided_sentence(plan)
        return fit(f"All done: {titles}. {decided}{mine} and no promised date has passed.{nxt}", 300)
    # the focus: the first item as bad as the whole; a topic that holds only what was said leads only when nothing else can;
    # on track, an item that waits on someone the notes name goes first (the headline says who)
    ip = (next((ip for ip in plan.items if ip.status == plan.overall == Status.ON_TRACK and _waits_on_someone(ip)), None)
          or next((ip for ip in plan.items if ip.status == plan.overall and not said_only(ip)), None)
          or next((ip for ip in plan.items if ip.status == plan.overall), None)
          or max(plan.items, key=lambda x: x.status.severity))
    status = cap(ip.status.label)
    lead = lead_sentence(status, ip, as_of, [p.name for p in plan.log.people], plan.log.first_person)
    missed_with_date = any(c.state == "missed" and c.new_date and c.owner == "I" for c in ip.commitments)
    plan_parts = [] if missed_with_date and not ip.fallbacks else plan_sentences(ip, as_of)
    if missed_with_date and ip.fallbacks:
        plan_parts = plan_parts[-1:]
    said = ". ".join(plan_parts)
    if _quiet(ip):
        # nothing waits and nothing is at risk on the focus item: its title (often a heading, "Action
        # items") says nothing, and a stock "no open waits" is no news; the state leads the notes' own
        # bottom line: the owner's next step, else the first decision, next step or result below
        news = f"{said}." if said else (decided_sentence(plan).strip() or first_news(plan, 300 - len(status) - 2))
        if news.startswith("Outcome: "):  # a result reached is the news itself, no label
            news = news[len("Outcome: "):]
        if news.startswith("Decided: "):
            lead, said = f"{status}. {news}", ""  # "On track. Decided: ..."
        elif news:
            lead, said = f"{status}: {news[:1].upper() + news[1:] if _lower_word(news) else news}", ""
        else:
            lead = f"{status}."
    full = f"{lead} {said}." if said else lead
    decided = decided_sentence(plan)
    if decided and decided.split(": ", 1)[-1].strip().rstrip(".").lower() in full.lower():
        decided = ""  # the news that leads the headline already
    if decided and len(f"{full} {decided}") <= 300:
        full = f"{full} {decided}".strip()
    if full == lead == f"{status}." and ip.status == Status.ON_TRACK:  # the state alone tells nothing: the first news goes up
        news = first_news(plan, 300 - len(full) - 1)
        if news:
            full = f"{full} {news}"
    also = also_clause(plan, ip)
    if also and len(f"{full} {also}") <= 300:
        return f"{full} {also}"
    if len(full) <= 300:
        return full
    first = plan_parts[0] if plan_parts else ""
    shorter = f"{lead} {first}."
    return shorter if len(shorter) <= 300 else fit(lead, 300)


def _quiet(ip: ItemPlan) -> bool:
    """On track with nothing to report on its state: no wait, no risk, no date at stake."""
    return ip.status == Status.ON_TRACK and ip.reason.startswith("no open waits or missed dates")


def _waits_on_someone(ip: ItemPlan) -> bool:
    """The item waits on a person the notes name ("If Jason sends me the packages, ...")."""
    return any(w.on_whom and w.kind in ("waiting", "no_reply", "blocked") for w in ip.item.waits)


def _lower_word(text: str) -> bool:
    """A common word opens the sentence ('the release was cut'), not a name as written ('nzakas')."""
    first = text.split(" ", 1)[0]
    return first.lower() in ("the", "a", "an", "decided", "agreed") and first[:1].islower()


def _names_only(text: str) -> bool:
    """A roll call's entry ('Phil Tully, Citi (Platinum Member)'): no word in lower case outside brackets."""
    return not re.search(r"\b[a-z][a-z'-]+\b", re.sub(r"\([^)]*\)", " ", text))


def first_news(plan: Plan, room: int) -> str:
    """The headline's news when the status alone says nothing: the first decision the notes record,
    else the first owner's next step, else the first result reached, else the first thing done, that
    fits in ``room`` characters (in the order the update lists its items). The item's own line then
    goes as a repeat of it."""
    order = sorted(plan.items, key=lambda x: -x.status.severity)
    picks = [  # each kind is worded only as far as it is read
        (f"Decided: {t}." for ip in order for t in map(clause, (o.text for o in ip.item.outcomes))
         if len(t.split()) >= 4 and outcome_label(t) == "Decided" and not _ANAPHORIC.match(t)),
        # an owner's step, the owner as the notes write them ("nzakas will ..."); "do it" names nothing
        (f"{subject(s.owner)} will {step_text(s, plan.as_of)}." for ip in order for s in compact_steps(ip)[:1]
         if s is not None and len(clean(s.action).split()) >= 3 and not _ANAPHORIC.match(clean(s.action).split(" ", 1)[-1])),
        (f"{cap(t)}." for ip in order for t in map(clause, (o.text for o in ip.item.outcomes))
         if len(t.split()) >= 4 and not _ANAPHORIC.match(t)),
        # else what was done, with who did it as the notes write them
        (f"{cap(d).rstrip('.')}." for ip in order if not said_only(ip) for d in (done_by(a, ip) for a in ip.item.actions[:3])
         if len(d.split()) >= 4 and not _ANAPHORIC.match(d) and not _names_only(d)),
    ]
    for kind in picks:
        for text in kind:
            if len(text) <= room and not sentence_problems(text):
                return text
    return ""


def decided_sentence(plan: Plan) -> str:
    """'Decided: cut the release on Fri (Eric). ' — the first decision made in the notes, for the headline."""
    for ip in plan.items:
        for o in ip.item.outcomes:
            text = clause(o.text)
            if len(text.split()) >= 4 and not _ANAPHORIC.match(text):  # "Decided: Approved." says nothing on its own
                who = f" ({o.who})" if o.who and o.who.lower() not in text.lower() and o.who.lower() not in ("i", "we") else ""
                return f"{outcome_label(text)}: {text}{who}. "
    return ""


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
    as_of = plan.as_of
    # only the first few lines of each list are drafted: the rest are never worded (an item of a
    # long note holds thousands of notes, and wording every one was most of the writer's time)
    done = list(islice(chain(
        (done_by(a, ip) + (f" ({fmt(a.on, as_of)})" if a.on else "") for a in ip.item.actions if statement(a.text)),
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


def decided_lines(ip: ItemPlan) -> list[str]:
    """The item's decisions made and outcomes, in the notes' words, with who decided when the notes say."""
    def lines():
        for o in ip.item.outcomes:
            text = statement(o.text)
            if not re.search(r"[A-Za-z0-9]", re.sub(r"\([^)]*\)", " ", text)):
                continue  # "(agreed)" alone: no decision a reader can see
            who = o.who if o.who and o.who.lower() not in text.lower() and o.who.lower() not in ("i", "we") else None
            yield f"{text} ({who})" if who else text

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
    line = f"Status: {plan.overall.label}" + (f" — {worst_title}" if worst_title else "")
    return StatusUpdate(
        as_of=plan.as_of,
        subject=fit(line, 120),
        headline=headline_for(plan),
        overall=plan.overall,
        items=[item_status_for(ip, plan) for ip in first_items(plan.items, 12)],
        # a risk whose wording glues a fragment in ("Waiting on X for the It will be ...") is not
        # drafted: the update says nothing it cannot say as a sentence
        risks=[r for r in plan.risks if not sentence_problems(r.signal)][:8],
        asks=unique_asks(plan.asks)[:6],
        unplaced=[fit(statement(s.text) or question(s.text), 300) for s in plan.log.unplaced[:40]
                  if clause(s.text) and not _DIRECTIVE.match(s.text.strip())],
    )

