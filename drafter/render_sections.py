"""A status update's sections as rendered, and the canonical phrasings bound to one artefact (``_Writer``).

The update reads as a person writes one: the bottom line first, then per item its decisions,
the owners' next actions with their dates, waits with their fallbacks, missed dates, risks and
open questions, and done work briefly, one line per thing done. An item with one line says it on
that line (the item's title before it when the line does not name it); a problem item keeps its
status line; done items with nothing under them are listed at the end, one "Done:" line each, and
open promises with no owner are said once. Each line carries an importance rank for the word cap (see ``render_layout._fit``).
"""

from __future__ import annotations

import datetime as dt
import re

from .engines.wording import UNSTATED_ON_TRACK, status_words, will_ok
from .models import Ask, CommitmentState, Fallback, NextStep, Risk, Status, StatusUpdate
from .playbook.rules import worded_as_action
from .playbook.text import lower_first
from .read.status_words import stated_progress
from .render_layout import REPEAT_RANK, Entry, Section, _core
from .render_promises import _OWN_MODAL, _OWN_SUBJECT, _a_state, _statement, _under_way, _will  # noqa: F401  (_a_state, _will: tests import them here)
from .render_text import (
    _CLIENT_JARGON,
    TICKET,
    _strip_prefix,
    bold,
    cap_first,
    clean,
    format_day,
    joint_names,
    low_first,
    outcome_label,
    sentence,
)


# --------------------------------------------------------------------------------------------
# Phrasings (canonical, see the team brief)
# --------------------------------------------------------------------------------------------


# a statement that says by when something is due: "We have to answer by next Wednesday (2024-04-27)."
_BY_WHEN = re.compile(r"\b(?:by|before|until|no later than)\s+(?:next\s+|this\s+|the\s+)?(?:mon|tue|wed|thu|fri|sat|sun|end of|eo[dwm]\b|"
                      r"tomorrow|\d{1,2}(?:st|nd|rd|th)?\b|\d{4}-\d\d-\d\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)


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
        return joint_names(self.t(raw))  # joint owners: "SheenaLang and KacperPon will"

    def next_step(self, step: NextStep) -> str:
        who = self.who(step.owner)
        action = _strip_prefix(self.t(step.action), "next:", "i will", "i'll", "will ")
        action = low_first(_OWN_MODAL.sub("", action, count=1)).rstrip(".")
        if not will_ok(action):  # "the review of the docs": no verb to put after 'will'; the notes' words, as written
            return f"Next: {cap_first(action)}." if who == "I" else f"Next: {who}: {action}."

        date = self.d(step.due)
        if getattr(step, "due_proposed", False):  # the tool's date, not one the notes give
            if who not in ("I", "we"):  # someone else's step: no deadline set for them, my check-in
                said = getattr(self, "checks_said", set())
                if date in said:  # the check-in day is said once (headline or first line), not per line
                    return f"Next: {who} will {action} (no date)."
                said.add(date)
                return f"Next: {who} will {action} (no date; I check {date})."
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
        progress = stated_progress(what) if c.state == "open" else None
        if progress:  # "Create all packages and a tarball (jason.heeris) — done except for Fedora."
            task, state = progress
            said = "" if re.fullmatch(r"(?i)in progress|wip|ongoing|started|doing|under ?way", state) else f" — {state}"
            return f"{task}" + (f" ({owner})" if owner and owner != "I" else "") + f"{said}.", False  # "In progress: X — in progress" says it twice
        if owner and owner != "I":  # with no owner the sentence says so once, where it matters
            what = f"{what} ({owner})"
        missed = c.state == "missed" or (c.state == "open" and c.due is not None and c.due < self.as_of)
        if missed and c.due and owner and owner not in ("I", "we") and not c.new_date and worded_as_action(c.what):
            # someone else's step whose day passed: what the notes know, not a verdict on them
            step = lower_first(cap_first(self.t(c.what).rstrip(".")))  # worded as an action: its verb is lower case
            return f"{owner} was due to {step} by {self.d(c.due)}; the notes do not say it is done.", True
        if missed:
            due = f"was due {self.d(c.due)}" if c.due else "was promised"
            if c.new_date:  # always the tool's proposal
                return f"{what} {due} and is missed; proposed new date: {self.d(c.new_date)}.", True
            if not c.ask and not owner:
                return f"{what} {due} and is missed; the notes name no owner or new date.", True
            if not c.ask and owner not in ("I", "we") and c.due:
                # someone else's item whose day passed: what the notes know, not a verdict on them
                return f"{what} {due}; the notes do not say it is done.", True
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
        target = _words(r.threatens or "")
        if target and len(target & _words(signal)) < 0.8 * len(target):  # "X is busy ... — threatens X is busy" says nothing
            parts.append(f"threatens {self.t(r.threatens)}")
        if r.deadline:
            left = r.days_left if r.days_left is not None else (r.deadline - self.as_of).days
            when = f"on {self.d(r.deadline)}" if parts else f"deadline {self.d(r.deadline)}"
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
        if a.by_proposed:  # the tool picked the date: never shown as the notes' own
            by = f" (proposed: by {date})"
        else:
            by = "" if date in what else f" by {date}"
        return f"Ask: {self.who(a.who)}, please {low_first(what)}{by}."


# --------------------------------------------------------------------------------------------
# Layouts
# --------------------------------------------------------------------------------------------

_STATUS_WORDS = ("on track", "at risk", "blocked", "off track", "done", "on_track", "at_risk", "off_track", UNSTATED_ON_TRACK)


# a pronoun that needs the item's title to be understood on a line of its own: 'get the symbology to work with it'
_POINTS_BACK = re.compile(r"\b(?:it|this|that|them|these|those)\b(?!\s+(?:is|was)\b)", re.I)


def late_step_of_other(item, as_of) -> bool:
    """Is the item's next step someone else's commitment whose due day has passed?"""
    step = item.next_step
    if step is None or step.owner in ("I", "we") or not clean(step.owner):
        return False
    words = _words(step.action)
    for c in item.commitments:
        late = c.state == "missed" or (c.state == "open" and c.due is not None and c.due < as_of)
        said = _words(c.what)
        if late and c.due and clean(c.owner) == clean(step.owner) and said and len(said & words) >= 0.8 * len(said):
            return True
    return False


def _words(text: str | None) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", clean(text).lower()) if len(t) > 2 and t not in ("the", "and", "for", "will")}


# importance under a word cap (higher ranks go first): decisions, owners' actions, waits, risks and
# missed dates stay longest; done work next; context (goals, topics, notes no item holds) goes first
R_KEY, R_DONE, R_CONTEXT, R_TOPIC, R_UNPLACED = 2, 3, 4, 6, 8
_TIME_STAMP = re.compile(r"^\W{0,2}\d{1,2}:\d{2}(?::\d{2})?\b")


class _Lines:
    """An item's lines: each knows its tier (the how-many-th line of its rank in the item, so a
    cap takes an item's second decision before another item's first), and a line the headline
    already says is hidden."""

    def __init__(self, sec: Section, head_core: str):
        self.sec, self.head_core, self.tiers, self.ranked = sec, head_core, {}, {}
        self.head_first = ""  # the headline's first sentence, which the headline always keeps

    def add(self, text: str, rank: int | None, what: str = "", **kw) -> Entry:
        """``what``: the kind of line (decision, action, risk, ...); tiers count per kind."""
        entry = self.sec.add(text, rank=rank, **kw)
        core = _core(entry.shown())
        # a step the headline leads with: 'Next: X will do Y (no date)' under 'On track: X will do Y (...)'
        step = re.sub(r"\s*\((?:no date|proposed)[^)]*\)$", "", re.sub(r"^next:\s*", "", core))
        if (len(core.split()) >= 4 and core in self.head_core) or (
                step != core and len(step.split()) >= 4 and step in _core(self.head_first)):  # the headline says it first
            entry.repeat, entry.rank, entry.dropped = True, REPEAT_RANK, True
        if rank is not None:
            key = (rank, what)
            own = self.tiers.get(key, 0)
            # after the item's first line of this rank, a line of another kind goes before other items' first lines
            entry.tier = own + (0.6 if self.ranked.get(rank, 0) > own else 0)
            self.tiers[key] = own + 1
            self.ranked[rank] = self.ranked.get(rank, 0) + 1
        return entry


def _update_sections(a: StatusUpdate, w: _Writer) -> list[Section]:
    headline = w.t(a.headline)
    if not any(s in headline.lower() for s in _STATUS_WORDS):
        headline = f"{cap_first(status_words(a.overall, a.overall_stated))}: {headline}"
    sections = [Section(entries=[Entry(sentence(headline), "para")])]
    head_core = _core(sentence(headline))
    w.checks_said = set(re.findall(r"I check ([^)]+)\)", headline))  # next_step says each check-in day once
    head_first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", sentence(headline))[0]

    # risks: one an item already states (with its deadline) is not repeated; one that threatens an
    # item with no deadline of its own goes under that item ("threatens <the item>" would only name it)
    item_risks = [clean(i.risk).lower() for i in a.items if i.risk]
    titles = {clean(i.title).lower() for i in a.items}
    own_risks: dict[str, list[Risk]] = {}
    loose_risks: list[Risk] = []
    for r in a.risks:
        signal = clean(r.signal).lower()
        date = w.d(r.deadline).lower() if r.deadline else ""
        if signal and any(signal in x and date in x for x in item_risks):
            continue
        target = clean(r.threatens).lower()
        if target in titles and not r.deadline:
            own_risks.setdefault(target, []).append(r)
        else:
            loose_risks.append(r)

    items = sorted(enumerate(a.items), key=lambda t: (-t[1].status.severity, t[0]))
    topics: list[str] = []
    done_titles: list[str] = []
    ownerless: list[str] = []
    stepless: list[str] = []  # open items the notes give no next step for: said once, never made up
    first_step = True
    for _, item in items:
        sec = Section()
        problem = item.status not in (Status.ON_TRACK, Status.DONE)
        tag = "" if item.status == Status.ON_TRACK else f" — {item.status.label}"
        head = sec.add(f"{bold(w.t(item.title))}{tag}", "title")
        # an item with one line left says it without a title line over it; a problem item keeps its status line
        title_words = _words(item.title)
        named = bool(title_words) and len(title_words & _words(head_first)) >= 0.8 * len(title_words)
        head.solo = not problem or named  # the bottom line names a problem item and its status
        head.folds_last = item.status == Status.DONE
        lines = _Lines(sec, head_core)
        lines.head_first = head_first
        add = lines.add

        outcome = w.t(item.outcome).rstrip(".")
        # a goal with its deadline frames the item; a goal alone is context
        goal_rank = R_DONE if item.deadline else R_CONTEXT
        if outcome and item.deadline:
            date = w.d(item.deadline)
            add(f"Goal: {outcome}" + ("." if date in outcome else f" — needed by {date}."), goal_rank)
        elif outcome:
            add(f"Goal: {outcome}.", goal_rank)
        elif item.deadline:
            add(f"Deadline: {w.d(item.deadline)}.", goal_rank)
        for x in getattr(item, "decided", []):
            if clean(x):
                marked = x.startswith("Decided: ")  # the writer knows it is a decision (its part says so)
                x = x[len("Decided: "):] if marked else x
                text = sentence(cap_first(w.t(x)))
                label = "Decided" if marked else outcome_label(x)
                add(f"Decided: {text}" if label == "Decided" else text, R_KEY, "decided")
        if item.next_step and late_step_of_other(item, w.as_of):
            pass  # someone else's step whose day passed: its line says so ("... was due to ...; the notes do not say it is done")
        elif item.next_step:
            # an owner's next action: a problem item's (U7) and the first one always stay
            keep = problem or first_step
            add(w.next_step(item.next_step), None if keep else 1)
            first_step = False
        for fb in item.fallbacks:
            sec.add(w.fallback(fb))

        def add_risk() -> None:  # 'Blocked: figuring out ...' says what it is; 'Risk: Blocked: ...' said it twice
            if item.risk:
                risk = sentence(cap_first(w.t(item.risk)))
                add(risk if re.match(r"^Blocked\b", risk) else f"Risk: {risk}", R_KEY, "risk")

        if problem:
            add_risk()  # a blocked or late item's trouble is its first line, before its promises
        step_words = _words(item.next_step.action) if item.next_step else set()
        done = [w.t(x).rstrip(".") for x in item.done if clean(x)]
        for c in item.commitments:
            said = _words(c.what)
            text, missed = w.commitment(c)
            if missed:
                sec.add(text)
                continue
            if c.state in ("done", "dropped"):
                if any(len(said & _words(d)) >= 0.8 * len(said) for d in done):
                    continue  # the done-list has it
                done.append(f"{w.t(c.what).rstrip('.')}" + (" (dropped)" if c.state == "dropped" else ""))
                continue
            step_says = item.next_step is not None and (
                (said and len(said & step_words) >= 0.8 * len(said))
                or clean(c.what).lower().rstrip(".") == clean(item.next_step.action).lower().rstrip("."))
            if step_says:
                continue  # the Next line says it, with the owner and the date
            if not clean(c.owner):
                what = cap_first(w.t(c.what).rstrip("."))
                if _POINTS_BACK.search(what) and title_words and not (title_words & _words(what)):
                    what = f"{w.t(item.title).rstrip(':')}: {what[:1].lower() + what[1:] if what[1:2].islower() else what}"  # what "it" is
                ownerless.append(what + (f" (due {w.d(c.due)})" if c.due else ""))
                continue
            if c.state == "open" and stated_progress(w.t(c.what)):  # under way, as the notes say how far
                add(f"In progress: {text}", R_KEY, "action")
                continue
            if c.state == "open" and not c.due and _under_way(w.t(c.what)):  # "Finalizing Sync Screen features – ETA: Week 5"
                who = w.who(c.owner)
                what = cap_first(w.t(c.what).rstrip("."))
                add(f"In progress: {what}" + ("" if who == "I" else f" ({who})") + ".", R_KEY, "action")
                continue
            willed = _will(w.who(c.owner), cap_first(w.t(c.what).rstrip("."))) if c.state == "open" else None
            if c.state == "open":  # a sentence about the person: 'adamplumb will QA ...' or 'LunaWhispers: next ...'
                what = cap_first(w.t(c.what).rstrip("."))
                who = w.who(c.owner)
                if _a_state(what):  # 'Still open: payment made.'
                    add(f"Still open: {low_first(what) if what[1:2].islower() else what}"
                        + ("" if who == "I" else f" ({who})") + ".", R_KEY, "action")
                    continue
                if not willed and what.split()[:1] and what.split()[0].lower() in _OWN_SUBJECT:  # 'I had covered ...': a sentence already
                    # someone else's ('We should have a monitoring bot' owned by ianh): whose it is, said first
                    add(sentence(what if who in ("I", "we") or who.split()[0] in what else f"{who}: {what}"), R_KEY, "action")
                    continue
                ws = what.split()  # a title-cased name keeps its case: 'ALR: Supply Chain Security'
                low = what[1:2].islower() and not (len(ws) > 1 and ws[1][:1].isupper())
                if not willed and who == "I" and not c.due and _statement(what):
                    add(sentence(what), R_KEY, "action")  # 'That work will continue into early 2023': said, not 'On my list: that work ...'
                    continue
                line = willed or f"{'On my list' if who == 'I' else who}: {what[0].lower() + what[1:] if low else what}"
                due = (" by " if willed else ", due ") + w.d(c.due) if c.due else ""
                add(f"{line}{due}.", R_KEY, "action", named=True)
            else:
                add(f"Commitment: {text}", R_KEY, "action")
        if not problem:
            add_risk()
        for r in own_risks.get(clean(item.title).lower(), []):  # a risk to this item, said under it
            add(f"Risk: {sentence(cap_first(w.t(r.signal)))}", R_KEY, "risk")
        for x in item.said:  # a topic's plain statements: what was said, context for the rest (one with its due date is key)
            add(sentence(cap_first(w.t(x))), R_KEY if _BY_WHEN.search(x) else R_CONTEXT, "said")
        for cl in item.checklist:  # a todo list's "Open (8 of 10): a; b; ...": a cap drops entries from the end
            r, entries = R_KEY if cl.state == "open" else R_DONE, [w.t(e) for e in cl.entries]
            if len(entries) > 1:
                sec.add(cl.label, rank=r, parts=entries, part_ranks=[r] + [r + 1] * (len(entries) - 1))
            elif entries:
                add(f"{cl.label}{entries[0]}.", r, "checklist")
        for q in getattr(item, "questions", []):
            if clean(q):
                said_q = re.sub(r"^(?:an?\s+)?(?:open\s+)?question\s+(?:about|of|on|as to)\s+(?=\S)", "", w.t(q), flags=re.I)
                add(f"Open question: {said_q}", R_DONE)  # "question about whether ...": 'Open question: whether ...'
        # a timeline entry ("07:30 Scheduled node rollover initiated ...") is an event of the incident, not
        # work done: said as timeline, with its time, after what the report found (ranked as done work beyond the first)
        timeline = [x for x in done if _TIME_STAMP.match(x)]
        done = [x for x in done if not _TIME_STAMP.match(x)]
        for k, d in enumerate(done):  # each done item its own line, its owner as the notes write it
            add(f"Done: {sentence(d)}", R_KEY if k == 0 else R_DONE, "done")
        for d in timeline:  # after what was done, each its own line (a resolution late in it may matter)
            add(f"Timeline: {sentence(d)}", R_DONE, "done")
        for e in sec.entries[1:]:
            if title_words and len(title_words & _words(e.shown())) < 0.5 * len(title_words):
                e.context = bold(w.t(item.title))
        has_lines = any(not e.repeat for e in sec.entries[1:])
        if item.no_next_step and not item.next_step and (has_lines or problem):
            stepless.append(w.t(item.title))
        if has_lines or (problem and not named):  # a problem item the bottom line names needs no bare line
            sections.append(sec)
        elif problem:
            pass  # the bottom line says it
        elif item.status == Status.DONE:
            done_titles.append(w.t(item.title))
        elif any(e.repeat for e in sec.entries[1:]):
            pass  # its one line is the headline's: said there
        elif len(clean(item.title).split()) > 2:  # a topic with nothing under it: noted, no status claimed
            topics.append(w.t(item.title))
        # else a heading the reader made an item ("Attending", "Goals"): not news, not listed

    tail = Section()
    for r in loose_risks:
        e = tail.add(f"Risk: {w.risk(r)}", rank=R_KEY)
        e.tier = 1
    if ownerless:  # 'no owner named' said once, as a heading; each item its own line
        sections.append(Section("Open, no owner named", [Entry(sentence(x), rank=R_DONE) for x in ownerless]))
    if stepless:
        tail.add("No next step in the notes yet: ", parts=stepless, part_ranks=[R_TOPIC] * len(stepless))
        tail.entries[-1].rank = R_TOPIC
    for x in a.asks:  # an ask of the reader is never dropped
        tail.add(w.ask(x))
    for k, t in enumerate(done_titles):  # one line each, as an item's done work
        e = tail.add(f"Done: {sentence(t)}", rank=R_DONE if k == 0 else R_DONE + 1)
        e.tier = k
    if topics:
        tail.add("Also in the notes: ", parts=topics, part_ranks=[R_TOPIC] * len(topics))
        tail.entries[-1].rank = R_TOPIC
    if tail.entries:
        sections.append(tail)
    unplaced = [w.t(x) for x in a.unplaced if clean(x)]
    if unplaced:
        sections.append(Section("Not placed in any item", [Entry(x, rank=R_UNPLACED) for x in unplaced]))
    return sections
