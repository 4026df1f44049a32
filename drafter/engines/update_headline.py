"""The status update's bottom line: the state first, then the notes' own news.

A problem leads with its item and reason ("At risk: the Q4 budget — waiting on finance ...");
on track, the state leads the first owner's step, decision, result or thing done, never a stock
phrase; an item that waits on someone the notes name goes first. A report's or list's heading
('Tasks', 'Individual Weekly Report') names no piece of work and does not lead.
"""

from __future__ import annotations

import re

from ..models import ItemPlan, Plan, Status
from ..playbook import clean, commitment_object, fmt, short_title, the
from ..playbook.text import is_me, lower_first
from ..render_text import outcome_label
from .update_writer import (
    _ANAPHORIC,
    _others_step,
    compact_steps,
    done_by,
    plan_sentences,
    said_only,
    step_text,
    without_title,
)
from .checklist import checklist_headline, is_checklist
from .wording import cap, clause, fit, sentence_problems, status_words, subject, the_phrase

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
    r = reason_after_dash(reason, ip, first_person)
    if r.lower().startswith(f"{status.lower()}: "):  # "Blocked: blocked: Still blocked on bug 369679"
        r = r[len(status) + 2:]
    if ip.item.outcome or ip.item.deadline or (title_leads(ip.item.title) and not repeats and (leans or not _container(ip))):
        return f"{status}: {focus_phrase(ip, as_of, people)} — {r}."  # "Blocked: Caroline Xiong — figuring out ..."
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
        elif c.due and c.owner and not is_me(c.owner) and c.owner != "we" and not c.new_date and not c.ask:
            head = f"{thing}{who} was due {fmt(c.due, as_of)}; the notes do not say it is done"
        if c.new_date:
            return f"{head}; proposed new date: {fmt(c.new_date, as_of)}"
        if c.ask and c.ask.startswith("I will"):  # someone else's promise: my step, not a decision
            return f"{head}; {c.ask}"
        if c.ask:
            return f"{head} — decision needed: {c.ask}"
        return head
    if ip.risks:
        # the headline names the item just before; a risk that leans on the sentence before it in the notes
        # ("Not just because of the pending work but ...", "And when this was ...") does not lead when another can
        lead = next((r for r in ip.risks if not _LEANS_BACK.match(clean(r.signal))), ip.risks[0])
        return without_title(lead.signal, ip.item.title)
    return ip.reason


_LEANS_BACK = re.compile(r"^(?:not just|not only|and|but|also|so|because|which)\b", re.I)


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
    if is_checklist(plan):  # a todo list: how far it is, in entries done and open
        lead = checklist_headline(plan)
        if lead:
            return lead
    if not plan.items:
        tail = "; the lines I could not place are listed below" if plan.log.unplaced else ""
        return f"{cap(status_words(Status.ON_TRACK, plan.status_stated))}: the notes name no open work{tail}."
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
    status = cap(status_words(ip.status, plan.status_stated))
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
        room = 300 - len(status) - 2
        first = decided_sentence(plan).strip()  # the first decision or result, as the notes order them, when it fits
        news = f"{said}." if said else (first if first and len(first) <= room else first_news(plan, room))
        if news.startswith("Outcome: "):  # a result reached is the news itself, no label
            news = news[len("Outcome: "):]
        if ip.item.deadline and ip.item.outcome and said:
            # the notes' own goal and date lead ("version 0.0.2 — publishing on PyPI (tentatively) on Wed 26 Jul"), then the step
            focus = focus_phrase(ip, as_of, [p.name for p in plan.log.people])
            title = clause(short_title(ip.item.title))
            head = focus if title.lower() in focus.lower() else f"{title} — {focus}"
            lead, said = f"{status}: {head}. {said[:1].upper()}{said[1:]}", ""
        elif news.startswith("Decided: "):
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
        # else an owner's step that names nothing itself ("jasondellaluce will do it"): who owns which topic
        (f"{subject(s.owner)} owns {the(lower_first(clause(ip.item.title)))}." for ip in order for s in compact_steps(ip)[:1]
         if s is not None and not is_me(s.owner) and len(clean(ip.item.title).split()) >= 3),
    ]
    for kind in picks:
        for text in kind:
            if len(text) <= room and not sentence_problems(text):
                return text
    return ""


def _asks(plan: Plan, ip: ItemPlan) -> bool:
    """Does the item's topic ask ('### `Temporal.PlainMonthDay.compare`?'), so its conclusion answers it?"""
    head = next((ln.text for ln in plan.log.lines if ip.item.lines and ln.number == ip.item.lines[0]), "")
    return "?" in head and clean(ip.item.title) in clean(head)


def decided_sentence(plan: Plan) -> str:
    """'Decided: cut the release on Fri (Eric). ' — the first decision made in the notes, for the headline."""
    for ip in plan.items:
        for o in ip.item.outcomes:
            text = clause(o.text)
            if len(text.split()) >= 4 and not _ANAPHORIC.match(text):  # "Decided: Approved." says nothing on its own
                who = f" ({o.who})" if o.who and o.who.lower() not in text.lower() and o.who.lower() not in ("i", "we") else ""
                title = clean(ip.item.title).strip(" ?:")
                if len(text.split()) <= 8 and title and not set(re.findall(r"\w{4,}", title.lower())) & set(re.findall(r"\w{4,}", text.lower())) \
                        and _asks(plan, ip):
                    text = f"{title}: {text[:1].lower() + text[1:] if text[1:2].islower() else text}"  # "Open a V2 feature" for what
                return f"{'Decided' if o.decided else outcome_label(text)}: {text}{who}. "
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
