"""Sections of each artefact as rendered: the canonical phrasings bound to one artefact (``_Writer``) and the layouts."""

from __future__ import annotations

import datetime as dt
import re

from .models import Ask, CommitmentState, DelegationPlan, Fallback, NextStep, OptionsProposal, Risk, Status, StatusUpdate
from .render_layout import REPEAT_RANK, Entry, Section
from .render_text import (
    _CLIENT_JARGON,
    TICKET,
    _strip_prefix,
    bold,
    cap_first,
    clean,
    format_day,
    low_first,
    outcome_label,
    sentence,
)


# --------------------------------------------------------------------------------------------
# Phrasings (canonical, see the team brief)
# --------------------------------------------------------------------------------------------


class _Writer:
    """Phrasing helpers bound to one artefact's as_of and name replacements."""

    def __init__(self, as_of: dt.date, replace: dict[str, str] | None = None, strip_tickets: bool = False):
        self.as_of = as_of
        self.replace = replace or {}
        self.strip_tickets = strip_tickets
        self._name_re = (
            re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(self.replace, key=len, reverse=True)) + r")\b")
            if self.replace
            else None
        )

    def t(self, text: str | None) -> str:
        """User text, cleaned and made safe for the audience."""
        text = clean(text)
        if self.strip_tickets:
            text = re.sub(r"\s*[\(\[]\s*(?:" + TICKET.pattern + r")\s*[\)\]]", "", text)
            text = re.sub(r"(?:" + TICKET.pattern + r")\s*[:\-–—]\s*", "", text)
            text = TICKET.sub("", text)
            text = re.sub(r"\s{2,}", " ", text).strip(" ,;:-")
        if self._name_re is not None:
            text = self._name_re.sub(lambda m: self.replace[m.group(1)], text)
        if self.strip_tickets:
            for pattern, repl in _CLIENT_JARGON:
                text = pattern.sub(repl, text)
            text = re.sub(r"\s{2,}", " ", text).strip()
        return text

    def d(self, d: dt.date) -> str:
        return format_day(d, self.as_of)

    def who(self, owner: str | None) -> str:
        """The owner as a sentence subject; a hidden internal name becomes 'we' (still an owner)."""
        raw = clean(owner) or "I"
        if raw.lower() in ("i", "me", "myself"):
            return "I"
        if raw in self.replace:
            return "we"
        return self.t(raw)

    def next_step(self, step: NextStep) -> str:
        who = self.who(step.owner)
        action = _strip_prefix(self.t(step.action), "next:", "i will", "i'll", "will ")
        action = low_first(action).rstrip(".")
        date = self.d(step.due)
        if getattr(step, "due_proposed", False):  # the tool's date, not one the notes give
            return f"Next: {who} will {action} (proposed: {date})."
        by = "" if date in action else f" by {date}"
        return f"Next: {who} will {action}{by}."

    def fallback(self, fb: Fallback) -> str:
        trigger = _strip_prefix(self.t(fb.trigger), "if ").rstrip(".,")
        action = _strip_prefix(self.t(fb.action), "i will", "i'll", "then ").rstrip(".")
        return f"If {low_first(trigger)} by {self.d(fb.by)}, I will {low_first(action)}."

    def commitment(self, c: CommitmentState) -> tuple[str, bool]:
        """(sentence, is_missed)."""
        what = cap_first(self.t(c.what).rstrip("."))
        owner = self.who(c.owner) if clean(c.owner) else ""
        if not owner:
            what = f"{what} (no owner in the notes)"
        elif owner != "I":
            what = f"{what} ({owner})"
        missed = c.state == "missed" or (c.state == "open" and c.due is not None and c.due < self.as_of)
        if missed:
            due = f"was due {self.d(c.due)}" if c.due else "was promised"
            if c.new_date:  # always the tool's proposal
                return f"{what} {due} and is missed; proposed new date: {self.d(c.new_date)}.", True
            if not c.ask and owner != "I":
                return f"{what} {due} and is missed; no new date in the notes.", True
            ask = self.t(c.ask).rstrip(".") if c.ask else "please confirm a new date"
            if ask.startswith("I will"):  # someone else's late promise: my next step, not a decision
                return f"{what} {due} and is missed; {ask}.", True
            return f"{what} {due} and is missed — decision needed: {ask}.", True
        if c.state == "done":
            return f"{what} — done.", False
        if c.state == "dropped":
            return f"{what} — dropped.", False
        due = f", due {self.d(c.due)}" if c.due else ""
        return f"{what} — open{due}.", False

    def risk(self, r: Risk) -> str:
        signal = cap_first(self.t(r.signal).rstrip("."))
        parts = []
        if r.threatens:
            parts.append(f"threatens {self.t(r.threatens)}")
        if r.deadline:
            left = r.days_left if r.days_left is not None else (r.deadline - self.as_of).days
            when = f"on {self.d(r.deadline)}" if r.threatens else f"deadline {self.d(r.deadline)}"
            # no day count: every number in a draft must come from the notes (U10 grounding)
            if left == 1:
                when += ", tomorrow"
            elif left == 0:
                when += ", today"
            elif left < 0:
                when += ", already passed"
            parts.append(when)
        return f"{signal} — {' '.join(parts)}." if parts else f"{signal}."

    def ask(self, a: Ask) -> str:
        what = _strip_prefix(self.t(a.what), "ask:", "please ").rstrip(".")
        date = self.d(a.by)
        by = "" if date in what else f" by {date}"
        return f"Ask: {self.who(a.who)}, please {low_first(what)}{by}."


# --------------------------------------------------------------------------------------------
# Layouts
# --------------------------------------------------------------------------------------------

_STATUS_WORDS = ("on track", "at risk", "blocked", "off track", "done", "on_track", "at_risk", "off_track")


def _words(text: str | None) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", clean(text).lower()) if len(t) > 2 and t not in ("the", "and", "for", "will")}


def _update_sections(a: StatusUpdate, w: _Writer) -> list[Section]:
    headline = w.t(a.headline)
    if not any(s in headline.lower() for s in _STATUS_WORDS):
        headline = f"{cap_first(a.overall.label)}: {headline}"
    sections = [Section(entries=[Entry(sentence(headline), "para")])]

    items = sorted(enumerate(a.items), key=lambda t: (-t[1].status.severity, t[0]))
    topics: list[str] = []
    for _, item in items:
        sec = Section()
        head = sec.add(f"{bold(w.t(item.title))} — {item.status.label}", "title")
        # a heading-like title ("Asia Update") goes with its last line under a cap; a title that says
        # something ("Logs need to move out of the DB") and "— done" are news even with nothing under them
        head.folds = item.status == Status.ON_TRACK and len(clean(item.title).split()) <= 2
        head.folds_last = item.status in (Status.ON_TRACK, Status.DONE)
        outcome = w.t(item.outcome).rstrip(".")
        # a risk line that names the deadline it threatens says what the goal line says, and more:
        # under a word cap it outlasts the goal line (U6)
        risk_says_deadline = bool(item.risk and item.deadline and w.d(item.deadline) in w.t(item.risk))
        goal_rank, risk_rank = (2, 1) if risk_says_deadline else (1, 2)
        if outcome and item.deadline:
            date = w.d(item.deadline)
            sec.add(f"Goal: {outcome}" + ("." if date in outcome else f" — needed by {date}."), rank=goal_rank)
        elif outcome:
            sec.add(f"Goal: {outcome}.", rank=goal_rank)
        elif item.deadline:
            sec.add(f"Deadline: {w.d(item.deadline)}.", rank=goal_rank)
        if item.risk:  # next to the goal: the risk and the deadline it threatens read together
            sec.add(f"Risk: {sentence(cap_first(w.t(item.risk)))}", rank=risk_rank)
        for x in getattr(item, "decided", []):
            if clean(x):
                sec.add(f"{outcome_label(x)}: {sentence(cap_first(w.t(x)))}", rank=2)
        done = [w.t(x).rstrip(".") for x in item.done if clean(x)]
        if done:  # the first few are news (rank of a decision's line); the rest go first under a cap
            sec.add(f"Done so far: {'; '.join(done[:3])}.", rank=3)
        if done[3:]:
            sec.add(f"Also done: {'; '.join(done[3:])}.", rank=6)
        if item.next_step:
            sec.add(w.next_step(item.next_step))
        for fb in item.fallbacks:
            sec.add(w.fallback(fb))
        step_words = _words(item.next_step.action) if item.next_step else set()
        for c in item.commitments:
            text, missed = w.commitment(c)
            rank = None if missed else (4 if c.state in ("done", "dropped") else 2)
            entry = sec.add(f"Commitment: {text}", rank=rank)
            said = _words(c.what)
            if not missed and c.state == "open" and said and len(said & step_words) >= 0.8 * len(said):
                entry.repeat, entry.rank = True, REPEAT_RANK  # the Next line above says it: dropped first under a cap
        for q in getattr(item, "questions", []):
            if clean(q):
                sec.add(f"Open question: {w.t(q)}", rank=3)
        if len(sec.entries) > 1 or item.status != Status.ON_TRACK:
            sections.append(sec)
        elif len(clean(item.title).split()) > 2:  # a topic with nothing under it: noted, no status claimed
            topics.append(w.t(item.title))
        # else a heading the reader made an item ("Attending", "Goals"): not news, not listed

    if topics:
        sections.append(Section("Also in the notes", [Entry(sentence(cap_first(t)), rank=4) for t in topics]))
    if a.risks:
        sec = Section("Risks")
        item_risks = [clean(i.risk).lower() for i in a.items if i.risk]
        for r in a.risks:
            signal = clean(r.signal).lower()
            date = w.d(r.deadline).lower() if r.deadline else ""
            if signal and any(signal in x and date in x for x in item_risks):
                continue  # already said in the item, with the deadline it threatens
            sec.add(w.risk(r), rank=3)
        sections.append(sec)
    if a.asks:
        sections.append(Section("Asks", [Entry(w.ask(x)) for x in a.asks]))
    unplaced = [w.t(x) for x in a.unplaced if clean(x)]
    if unplaced:
        sections.append(Section("Not placed in any item", [Entry(x, rank=5) for x in unplaced]))
    return sections


def _options_sections(a: OptionsProposal, w: _Writer) -> list[Section]:
    labels = [clean(o.label).rstrip(")").strip() or chr(65 + i) for i, o in enumerate(a.options)]
    rec = clean(a.recommendation).rstrip(")").strip()
    decide_by = w.d(a.decide_by)
    headline = sentence(w.t(a.headline))
    low = headline.lower()
    if "decision" not in low and "decide" not in low and "recommend" not in low:
        headline = f"Decision needed by {decide_by}: {headline}"
    elif decide_by not in headline:
        headline += f" Please decide by {decide_by}."
    if rec in labels and f"option {rec.lower()}" not in headline.lower():
        headline += f" I recommend option {rec}."
    sections = [Section(entries=[Entry(headline, "para")])]

    problem = sentence(w.t(a.problem))
    if a.deadline and w.d(a.deadline) not in problem:
        label = w.t(a.deadline_label) if a.deadline_label else "the deadline"
        problem += f" At stake: {label} on {w.d(a.deadline)}."
    sections.append(Section(entries=[Entry(f"Problem: {problem}", "para")]))

    if a.actions_taken:
        # a proposal is the writer's own; the heading claims no actions for them when the notes are the team's
        sec = Section("What I've done" if getattr(a, "first_person", True) else "Done so far")
        for i, x in enumerate(a.actions_taken):
            sec.add(sentence(cap_first(w.t(x))), rank=None if i == 0 else 5)
        sections.append(sec)

    if a.known:
        sections.append(Section("What the notes say", [Entry(sentence(cap_first(w.t(x))), rank=4) for x in a.known]))

    sec = Section("Options")
    for label, o in zip(labels, a.options):
        title = w.t(o.title)
        summary = w.t(o.summary).rstrip(".")
        if title and summary.lower().startswith(title.lower()):  # "Nimbus — Nimbus: $12k" -> "Nimbus — $12k"
            summary = summary[len(title):].lstrip(" :;,—–-")
        if summary.lower() == title.lower():
            summary = ""
        head = f"{bold(f'{label}) {title}')}" + (f" — {summary}." if summary else ".")
        sec.add(
            f"{head} Upside: {sentence(w.t(o.upside))} Downside: {sentence(w.t(o.downside))} "
            f"Cost/time: {sentence(w.t(o.cost))}",
            "para",
        )
    if not a.options:  # an honest gap: no option is invented
        sec.add("The notes name no alternatives yet; none is invented here.", "para")
    sections.append(sec)

    rationale = _strip_prefix(w.t(a.rationale), "because ").rstrip(".")
    tail = Section()
    if rec in labels:
        tail.add(f"Recommendation: {rec}, because {low_first(rationale)}." if rationale else f"Recommendation: {rec}.", "para")
    elif rationale:
        tail.add(f"No recommendation: {low_first(rationale)}.", "para")
    default = w.t(a.default_action)
    if not re.search(r"if i (don't|do not) hear", default, re.I) and rec in labels:
        default = f"If I don't hear by {decide_by}, I will go with option {rec}."
    if default:
        tail.add(sentence(default), "para")
    sections.append(tail)

    if a.will_do:
        s = Section("I will go ahead with")
        for x in a.will_do:
            s.add(sentence(cap_first(w.t(x))), rank=4)
        sections.append(s)
    if a.needs_approval:
        s = Section("Needs your approval")
        for x in a.needs_approval:
            s.add(sentence(cap_first(w.t(x))), rank=3)
        sections.append(s)
    if a.open_risks:
        sections.append(Section("Open risks", [Entry(sentence(cap_first(w.t(x)))) for x in a.open_risks]))

    hint = w.t(a.reply_hint)
    if (not hint or not re.search(r"\breply\b", hint, re.I)) and labels:
        names = labels[:-1]
        hint = f"Reply {', '.join(names)} or {labels[-1]}." if names else f"Reply {labels[-1]}."
    sections.append(Section(entries=[Entry(sentence(hint), "para")]))
    return sections


def _delegation_sections(a: DelegationPlan, w: _Writer) -> list[Section]:
    sections = [Section(entries=[Entry(sentence(w.t(a.headline)), "para")])]
    runbook_name = w.t(a.runbook_name)
    for task in a.tasks:
        sec = Section()
        sec.add(bold(w.t(task.title)), "title")
        sec.add(f"Owner: {w.t(task.owner)}")
        who = w.t(task.owner)
        done_when = w.t(task.done_when) if task.done_when else f"to agree with {who} (the notes do not say)"
        sec.add(f"Done when: {sentence(done_when)}")
        sec.add(f"Deadline: {w.d(task.deadline)}" + (f" (proposed; to agree with {who})" if task.deadline_proposed else ""))
        quality = w.t(task.quality_standard) if task.quality_standard else f"to agree with {who} (the notes do not say)"
        sec.add(f"Quality: {sentence(quality)}")
        checks = "; ".join(f"{w.d(c.on)} ({w.t(c.what).rstrip('.')})" for c in task.check_ins)
        if checks:
            sec.add(f"Check-ins: {checks}")
        sec.add(f"Decision rights: {task.decision_rights.value}")
        if clean(task.purpose):
            sec.add(f"Why it matters: {sentence(w.t(task.purpose))}", rank=3)
        if task.resources:
            sec.add(f"Resources: {'; '.join(w.t(r) for r in task.resources)}", rank=2)
        esc = _strip_prefix(w.t(task.escalate_if), "escalate if", "escalate when").rstrip(".")
        sec.add(f"Escalate if {esc}.")
        if task.runbook:
            sec.add(f"Runbook: {runbook_name}" if runbook_name else "Runbook:")
            for i, step in enumerate(task.runbook, 1):
                sec.add(f"{i}. {sentence(cap_first(w.t(step)))}", "step", rank=None if i <= 3 else 5)
        else:
            sec.add("Runbook: the notes give no steps; we write them down together at the first check-in.")
        agree = [re.sub(r":\s*to agree with .*$", "", w.t(x)).rstrip(".") for x in getattr(task, "to_agree", [])
                 if clean(x) and not x.startswith(("what counts as done", "the quality bar", "the steps"))]
        if agree:
            sec.add(f"To agree with {who}: {'; '.join(agree)}.")
        sections.append(sec)
    support = sentence(w.t(a.support))
    if "what do you need from me" not in support.lower():
        support = (support + " " if support else "") + "What do you need from me?"
    sections.append(Section(entries=[Entry(f"Support: {support}", "para")]))
    if clean(a.capacity_note):
        sections.append(Section(entries=[Entry(f"Capacity: {sentence(w.t(a.capacity_note))}", "para", rank=4)]))
    if a.open_loops:
        sections.append(Section("Open loops", [Entry(sentence(cap_first(w.t(x)))) for x in a.open_loops]))
    return sections


