"""Decision facts for the options proposal, as data: the decision, the notes' own options, what is known.

Options come only from the notes (see :mod:`drafter.playbook.alternatives`); when the notes hold
none, ``options`` is empty, ``recommended`` is None and ``known`` lists what the notes say about
the decision. Wording (problem, rationale, what I will do) is the writer's job.
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import Decision, DecisionFacts, ItemPlan, Plan, Status, WorkItem, WorkLog
from .decided import answers_in_section, decided_by_outcome, grounds_for
from .alternatives import (  # noqa: F401  (re-exported)
    COST_FACT,
    labelled_options,
    notes_recommendation,
    option_title,
    options_from_lines,
    pick_named_option,
    positions_as_options,
    profile_for_named_option,
    split_alternatives,
    stated_tradeoffs,
    workaround_decision,
    workaround_tradeoffs,
)
from .commitments import decision_by_given
from .note_choices import decide_tasks, framed_options, line_choices, question_decisions, wordable
from .rules import decide_by_date, decision_by
from .text import IRREGULAR_PAST, clean, fmt, is_me, wait_is_external

_HEADING = re.compile(r"^\s*(?:#{1,6}\s|\*\*[^*]+\*\*\s*:?\s*$|[^.!?]{1,40}:\s*$|=+$|-+$)")
_BULLET = re.compile(r"^\s*(?:[-*•+]|\d+[.)]|\[[ xX]\])\s*")


def nearest_deadline(log: WorkLog) -> tuple[dt.date | None, str | None]:
    """The earliest deadline still ahead anywhere in the notes (with its label)."""
    ahead = sorted(
        ((i.deadline, i.deadline_label) for i in log.items if i.deadline and i.deadline >= log.as_of),
        key=lambda t: t[0],
    )
    return ahead[0] if ahead else (None, None)


_PAST_ACTION = re.compile(r"^(?:[-*•]\s*)?(?:\w{3,9}:\s*)?(?:i\s+)?(" + "|".join(sorted(IRREGULAR_PAST, key=len, reverse=True)) + r")\b", re.I)


def actions_from_lines(log: WorkLog) -> list[str]:
    """Lines of the notes that report something already done ("emailed Dana ..."), verbatim (first person only)."""
    if not log.first_person:
        return []
    out = []
    for line in log.lines:
        text = clean(line.text)
        if _PAST_ACTION.match(text):
            out.append(_BULLET.sub("", text))
    return out


_RISK_LINE = re.compile(r"^(?:[-*•]\s*)?risks?\b|\b(?:is|are) unknown\b|\bmight not\b|\bmay not make\b|\bcould slip\b|\bno fix\b", re.I)


def risk_lines(log: WorkLog) -> list[str]:
    """Lines of the notes that state a risk ('Risk either way: review time is unknown'), verbatim."""
    out = []
    for line in log.lines:
        text = clean(_BULLET.sub("", line.text))
        if "?" not in text and _RISK_LINE.search(text):
            out.append(text)
    return out


APPROVAL_STATEMENT = re.compile(r"\b(?:has|have|needs?|must)\s+to\s+(?:approve|sign\s+off|ok|okay)\b|\bdecides\s*[;,.]", re.I)
_INLINE_OPTIONS = re.compile(r"\b(?:options?|alternatives?|choices?)\s*(?:are|:)", re.I)


def opening_sentence(plan: Plan, ip: ItemPlan) -> str | None:
    """What the notes open with about the work at stake: first sentence of the dated item's first line.

    Used when a decision between listed options has no missed date, risk or wait to explain it
    ('Data warehouse migration needs ~30 more engineer-days than we have before the 22 Dec freeze').
    """
    log = plan.log
    dated = [x.item for x in plan.items if x.item.deadline and x.status != Status.DONE and x.item.lines]
    source = ip.item if not ip.item.decisions and ip.item.lines else (dated[0] if dated else None)
    if source is None:
        return None
    by_number = {line.number: line.text for line in log.lines}
    text = clean(_BULLET.sub("", by_number.get(min(source.lines), "")))
    first = re.split(r"(?<=[.!?])\s+", text)[0].rstrip(".!?:")
    if len(first.split()) < 4 or APPROVAL_STATEMENT.search(first) or _INLINE_OPTIONS.search(first) or first.startswith("#"):
        return None
    return first


def _unless_asked(text: str | None, question: str) -> str | None:
    """None when ``text`` only says what the question asks ('Making the agenda and notes public again' beside
    'how to make the agenda and notes public again', conda-forge): the problem line would repeat the decision."""
    if not text:
        return text
    stems = lambda t: {w[:3] for w in re.findall(r"[a-z0-9]{3,}", t.lower())}  # noqa: E731  ('making' ~ 'make')
    return None if stems(text) <= stems(question) else text


def situation(ip: ItemPlan) -> str | None:
    """What is wrong, in the notes' words: a risk cue; the wait or blocker as the notes say it."""
    if ip.item.risks:  # "But this also meant that ...": the risk, without the connective to the line before
        first = re.split(r"(?<=[.!?])\s", clean(ip.item.risks[0]))[0].rstrip(".!?")
        bare = re.sub(r"^(?:but|however|and|so)\b,?\s+", "", first, flags=re.I)
        return bare[:1].upper() + bare[1:] if bare else first
    return None


def open_decisions(item: WorkItem, log: WorkLog) -> list[Decision]:
    """The item's decisions the notes do not record as taken (a question answered in its own section is not asked),
    each with its alternatives in the frame they share; a point the notes judge ('A vs B, is useful') is no decision."""
    out = []
    for d in item.decisions:
        opts = framed_options(d.question, d.options)
        if opts is None or decided_by_outcome(d, item, log) is not None:
            continue
        out.append(d if opts == d.options else d.model_copy(update={"options": opts}))
    by_line = _line_choices(log)
    for lc in (c for n in item.lines for c in by_line.get(n, ())):  # choices the notes spread over lines or state
        # as "instead of", on this item's lines
        # "A vs B; instead of having two modes, have one with a checkbox": the notes' own proposal on that point
        k = next((i for i, d in enumerate(out) if max(lc.lines) in d.lines), None)
        if k is None:
            out.append(lc)
        else:
            out[k] = lc.model_copy(update={"who": out[k].who, "by": out[k].by})
    have = {clean(d.question).lower().rstrip("?") for d in out}
    asked = {n for d in out for n in d.lines}
    # then the item's open questions that ask what to do ('How to handle symlinks in SPDX documents?')
    out += [q for q in question_decisions(item, log)
            if clean(q.question).lower().rstrip("?") not in have and not set(q.lines) & asked]
    asked = {n for d in out for n in d.lines}
    out += [t for t in decide_tasks(item, log) if not set(t.lines) & asked]  # "[ ] Decide where to advertise"
    return out


_CHOICES: list = [None, None]  # the last log asked about and its line choices (one parse, many items)


def _line_choices(log: WorkLog) -> dict[int, list[Decision]]:
    """The notes' line choices by the line that completes them (its last)."""
    if _CHOICES[0] is not log:
        by_line: dict[int, list[Decision]] = {}
        for d in line_choices(log):
            if len(d.options) >= 2 and d.lines:
                by_line.setdefault(max(d.lines), []).append(d)
        _CHOICES[:] = [log, by_line]
    return _CHOICES[1]


def focus_item(plan: Plan) -> ItemPlan | None:
    """The item an options proposal is about: an open decision first, else the worst open item."""
    open_items = [ip for ip in plan.items if ip.status != Status.DONE]
    if not open_items:
        return None
    decisions = {id(ip): open_decisions(ip.item, plan.log) for ip in open_items}
    with_decision = [ip for ip in open_items if decisions[id(ip)]]
    pool = with_decision or open_items
    # a decision whose alternatives the notes name first: it is the one the reader can answer
    return max(pool, key=lambda ip: (any(len(d.options) >= 2 for d in decisions[id(ip)]), ip.status.severity,
                                     -(ip.item.deadline or dt.date.max).toordinal()))


def notes_alternatives(plan: Plan, ip: ItemPlan) -> tuple[Decision | None, bool]:
    """The decision with the notes' own alternatives (>= 2), and whether it is a workaround-vs-wait choice."""
    item, log = ip.item, plan.log
    decisions = open_decisions(item, log)
    item = item.model_copy(update={"decisions": decisions})
    labelled = labelled_options(log)  # the notes' own labelled list beats options split from a question
    if len(labelled) >= 2:
        base = item.decisions[0] if item.decisions else Decision(question="")
        return base.model_copy(update={"options": labelled}), False
    named = next((d for d in item.decisions if len(d.options) >= 2), None)
    if named is not None:
        return named, False
    for d in item.decisions:
        pos = positions_as_options(d)
        if len(pos) >= 2:
            return d.model_copy(update={"options": pos}), False
    listed = options_from_lines(log)
    if len(listed) >= 2:
        base = item.decisions[0] if item.decisions else Decision(question="")
        return base.model_copy(update={"options": listed}), False
    ext_waits = [w for w in item.waits if wait_is_external(w) and w.kind != "blocked"]
    workaround = workaround_decision(item.decisions, ext_waits, log.as_of)
    return workaround, workaround is not None


def known_facts(plan: Plan, ip: ItemPlan, exclude: list[str] | None = None) -> list[str]:
    """What the notes say about the decision: people's positions, then the focus item's own lines, verbatim.

    Lines already listed in ``exclude`` (the actions taken) and questions are left out.
    """
    item, log = ip.item, plan.log
    by_number = {line.number: line.text for line in log.lines}
    out: list[str] = []
    for d in item.decisions:
        out += [clean(p) for p in d.positions]
    out += [clean(o.text) for o in item.outcomes]
    title = clean(item.title).lower()
    front = _front_matter_lines(log)
    lines = [text for n in sorted(item.lines)
             if n in by_number and n not in front and not _HEADING.match(by_number[n])
             and (text := clean(_BULLET.sub("", by_number[n]))).lower() != title  # the item's own heading
             and not _NOTHING_SAID.match(text)]  # "Hi everyone", "From: Dana": nothing said about the decision
    if lines:
        out += lines
    else:  # a work log without its lines (built by hand or by a reader that cites none): its elements
        as_of = plan.as_of
        for w in item.waits:
            who = f"{w.on_whom}: " if w.on_whom and w.on_whom.lower() not in w.what.lower() else ""
            since = f" (since {fmt(w.since, as_of)})" if w.since and w.since < as_of else ""
            out.append(f"{who}{clean(w.what)}{since}")
        out += [clean(r) for r in item.risks]
        for c in item.commitments:
            if c.state in ("open", "missed"):
                owner = "" if is_me(c.owner) else f"{c.owner}: "
                out.append(f"{owner}{clean(c.what)}" + (f" (due {fmt(c.due, as_of)})" if c.due else ""))
        out += [clean(a.text) for a in item.actions]
        out += [clean(n) for n in item.notes]
    skip = {clean(x).lower() for x in exclude or []}
    seen, unique = set(), []
    for x in out:
        key = x.lower()
        if not x or "?" in x or key in seen or any(s_[:30] in key or key[:30] in s_ for s_ in skip):
            continue
        seen.add(key)
        unique.append(x)
    return unique[:8]


# a greeting or an email header line: no word on the decision
_NOTHING_SAID = re.compile(r"^[>\s]*(?:(?:hi|hello|hey|dear|greetings)\b[^.!?]{0,30}[.!,]?$|(?:from|to|cc|bcc|sent|date|subject)\s*:)", re.I)


def _front_matter_lines(log) -> set[int]:
    """The numbers of the notes' front matter lines ("---" on line 1 to the next "---")."""
    if not log.lines or log.lines[0].text.strip() != "---":
        return set()
    for s in log.lines[1:]:
        if s.text.strip() == "---":
            return set(range(1, s.number + 1))
    return set()


def _lead(text: str) -> int:
    return len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip())


def decision_context(log: WorkLog, d: Decision, exclude: list[str]) -> list[str]:
    """What the notes say right around a decision whose options carry no trade-off: the other sentences of its
    line and the lines under it at its level ('We should read their docs in detail ... before doing our own
    thing', 'Aapeli has had a brief look: looks like they do delivery but a lot will be left to us' under
    'Can we piggyback off GCM or APSN for notifications?', couchers backend #25)."""
    if not d.lines:
        return []
    by_number = {line.number: line.text for line in log.lines}
    skip = [clean(x).lower()[:30] for x in [*exclude, d.question] if clean(x)]
    opts = [re.sub(r"\W+", " ", clean(o).lower()).strip() for o in d.options]
    out: list[str] = []
    anchor = max(d.lines)
    indent = _lead(by_number.get(anchor, ""))
    for n in sorted(set(d.lines)):
        if _lead(by_number.get(n, "")) < indent:
            # the line the decision is under: context ('Create branch dev-1' over 'Name variants: ...'), unless it is
            # what the question asks already ('Making the agenda and notes public again')
            said = clean(_BULLET.sub("", by_number.get(n, "")))
            if _unless_asked(said, d.question):
                out.append(said)
            continue
        for sent in re.split(r"(?<=[.!?;])\s+", clean(_BULLET.sub("", by_number.get(n, "")))):
            out.append(sent)
    titles = {clean(it.title).lower() for it in log.items}
    for line in log.lines:
        if line.number <= anchor:
            continue
        lead, text = _lead(line.text), clean(_BULLET.sub("", line.text))
        # lines under it, and its siblings in a nested list (under a speaker); a top-level list's next entry is another point
        if lead < indent or (lead == indent == 0) or _HEADING.match(line.text) or text.lower() in titles or len(out) > 12:
            break
        # 'Matt: "Scrollytelling"? "Blog" doesn't feel right. "Article" is closer.': the view, without the question
        said = re.match(r"^(?P<who>[^:\s][^:]{0,30}:\s+)?(?P<rest>.*)$", text)
        rest = " ".join(x for x in re.split(r"(?<=[.!?])\s+", said.group("rest")) if not x.endswith("?"))
        if rest:
            out.append(f"{said.group('who') or ''}{rest}")
    keep = []
    for x in out:
        low = x.lower()
        plain = re.sub(r"\W+", " ", low).strip()
        named_here = sum(o in plain for o in opts) >= 2  # the line that lists the options
        is_option = any(plain == o or (len(o.split()) >= 5 and plain.startswith(o)) for o in opts)
        if len(x.split()) < 3 or "?" in x or named_here or is_option or any((k in low and len(k) >= 15) or low[:30] in k for k in skip) or x in keep:
            continue
        keep.append(x)
    return keep[:6]


def decision_facts(plan: Plan) -> DecisionFacts | None:
    """Facts for an options proposal about the focus item (None when every item is done)."""
    ip = focus_item(plan)
    if ip is None:
        return None
    log, as_of, item = plan.log, plan.as_of, ip.item
    named, is_workaround = notes_alternatives(plan, ip)
    still_open = open_decisions(item, log)
    decision = named or (still_open[0] if still_open else None)
    who = decision.who if decision is not None and decision.who and not is_me(decision.who) else "you"
    question = clean(decision.question) if decision is not None else ""
    if APPROVAL_STATEMENT.search(question):  # "Sam (VP Eng) has to approve any spend over $10k." names who, not what
        question = ""
    if question and not wordable(question):  # a statement, not a question: no decision is framed from it
        question = ""
    options = []
    rec, ground, notes_pick = None, None, None
    if named is not None:
        options = [profile_for_named_option(o, "ABCD"[i]) for i, o in enumerate(named.options[:4])]
        grounds = grounds_for(named, item, log)
        options = [o.model_copy(update={"grounds": [x for x in g if x.lower()[:60] not in o.summary.lower()
                                                    and not (len(o.summary.split()) >= 5 and o.summary.lower() in x.lower())]})
                   for o, g in zip(options, grounds)]  # an option's own text is no ground for it
        if is_workaround:
            ext = [w for w in item.waits if wait_is_external(w) and w.kind != "blocked"]
            options = workaround_tradeoffs(options, ext[0], item, as_of)
        stake = item.deadline or nearest_deadline(log)[0]
        best, ground = pick_named_option(options, stake is not None)
        rec = None if ground == "none" else best.label
        picked, pick_line = notes_recommendation(log)
        picked = [x for x in picked if x in {o.label for o in options}]
        if len(picked) == 1:  # the notes' own recommendation beats any ranking of mine
            rec, ground = picked[0], "notes"
        elif picked:  # the notes recommend a mix: say so, pick none
            rec, ground = None, "notes_mix"
        if picked:
            notes_pick = pick_line
    stake_date, stake_label = item.deadline, item.deadline_label
    if stake_date is None:
        stake_date, stake_label = nearest_deadline(log)
    if decision is not None:
        decide_by = decision_by(decision, item, as_of)
    else:
        decide_by = decide_by_date(as_of, stake_date)
    actions = [a for a in item.actions] or [a for other in plan.log.items for a in other.actions]
    actions_taken = list(dict.fromkeys(  # the same line twice in the notes (a team's digest repeats a member's) is said once
        clean(a.text) + (f" ({fmt(a.on, as_of)})" if a.on else "") for a in actions
        if clean(a.text) and "?" not in a.text and not _NOTHING_SAID.match(clean(a.text))  # "Sent: Tuesday, ...": a header
    ))[:6] or [t for t in actions_from_lines(log) if not _NOTHING_SAID.match(t)][:6]
    open_risks = [clean(r) for r in item.risks]
    for text in risk_lines(log):
        if not any(text.lower()[:40] in r.lower() or r.lower()[:40] in text.lower() for r in open_risks):
            open_risks.append(text)
    is_open = bool(options or question or has_trouble(ip))
    # what the notes say about it, unless the options carry it: with no trade-off stated, the reader needs the context
    bare = all(not (o.upside or o.downside or o.cost or o.grounds) for o in options)
    if not options and decision is not None and log.genre == "todo" and decision.lines:
        known = decision_context(log, decision, actions_taken)  # a list's other boxes are other tasks, not context
    elif not options:
        known = known_facts(plan, ip, actions_taken)
    else:
        known = decision_context(log, named, actions_taken + [o.summary for o in options]) if bare else []
    if not options and decision is not None and decision.lines:  # the question in the notes' own words, with its context
        by_number = {line.number: line.text for line in log.lines}
        said = clean(_BULLET.sub("", by_number.get(min(decision.lines), "")))
        said = re.sub(r"^\[[ xX?]\]\s*", "", said)
        if said and said.lower().rstrip("?") not in question.lower() and said not in known:
            known = [said, *(k for k in known if re.sub(r"^[^:]{1,30}:\s*", "", k).lower().rstrip(".") not in said.lower())]
    if not is_open:  # nothing in the notes to decide: say so, with the decisions they record
        known = decisions_taken(plan)
        # a risk the notes ask nothing about is still stated, unless a promise beside it handles it (O11)
        unplanned = not any(cs.state == "open" for cs in ip.commitments)
        actions_taken, open_risks = [], (open_risks if unplanned else [])
    return DecisionFacts(
        open_decision=is_open,
        item_title=item.title,
        question=question,
        problem="",
        situation=situation(ip) or (_unless_asked(opening_sentence(plan, ip), question) if options else None),
        who=who,
        deadline=stake_date,
        deadline_label=stake_label,
        options=options,
        recommended=rec,
        ground=ground,
        rationale=notes_pick or "",  # the notes' own recommendation line, when they give one
        decide_by=decide_by,
        decide_by_proposed=decision is None or not decision_by_given(decision, as_of),
        default_label=rec,
        known=known,
        actions_taken=actions_taken,
        needs_approval=[o.label for o in options if o.needs_approval],
        open_risks=open_risks[:4],
    )


def has_trouble(ip: ItemPlan) -> bool:
    """A missed promise, a wait on someone or a blocker: a choice the writer has to make even when the notes ask no
    question (how to recover, how to get the answer in time, how to get past it). A stated risk alone frames no
    decision: the notes ask nothing about it, so the draft says no decision is open and states the risk (O11);
    'what to do about “<risk>”' was a question of the tool's own ('However, due to unforseen circumstances ...',
    FreeBSD release engineering 2018Q3)."""
    item = ip.item
    return bool(any(cs.state == "missed" for cs in ip.commitments) or any(wait_is_external(w) for w in item.waits)
                or any(w.kind == "blocked" for w in item.waits))


def decisions_taken(plan: Plan) -> list[str]:
    """The decisions the notes record (outcomes, 'Resolution:' lines), verbatim, in note order."""
    out: list[tuple[int, str]] = []
    for it in plan.log.items:
        for o in it.outcomes:
            out.append((min(o.lines) if o.lines else 0, clean(o.text)))
    for d_item in plan.log.items:
        for d in d_item.decisions:
            for text in answers_in_section(d, d_item, plan.log):
                out.append((0, text))
    out.sort(key=lambda t: t[0])
    return [t for t in dict.fromkeys(x for _, x in out) if t and "?" not in t][:8]
