"""Render an artefact as markdown, plain text, Slack mrkdwn, an email or JSON.

Every layout puts the bottom line first: the first line of the body is the headline, carrying
the overall status ("At risk: ...") or the decision needed.

Word caps (criterion U14) apply to status updates: boss <= 150 words, client <= 200, team <= 300,
and the format's own cap when tighter (slack <= 80, email <= 250 words plus the Subject line).
``DraftOptions.max_words`` overrides the cap for every artefact kind; options proposals and
delegation plans have no cap unless it is set. Words are whitespace-separated tokens of the
rendered body (markup and bullets included), the count the U14 check uses.

Over the cap, detail goes in this order: headline sentences after the first that a line below
already says, lines that only repeat a headline sentence (not counted: nothing is lost), done-lists, notes no item holds, done commitments, the Risks section, item risks
and open commitments, and last each item's goal/deadline line. Status, next steps, fallbacks, asks
and missed commitments are never dropped; if those alone are over the cap, headline sentences after
the first that a kept line already says are dropped, and the draft may stay over the cap. Whatever
is dropped is counted in a final line "(N more details omitted; use --max-words to show more)";
nothing is cut mid-sentence.

Client audience: ticket ids (ABC-123, #123) are removed, internal jargon ("staging", "PR",
"ticket", "on-call", ...) becomes plain words, and internal people are hidden: as the subject of a
next step they become "we", elsewhere their role ("our account director") or "our team".
Internal people are, when ``people`` is given, those with no organisation; always, the named
owners of next steps, commitments and delegated tasks (never "I"). The person waited on stays.

User text is made placeholder-safe: braces become parentheses, "[name]" / "<name>" brackets are
removed, markdown checkboxes become plain text, and TBD/TBC/TODO/XXX/??? become words, so no
draft shows an unfilled placeholder.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterable

from .models import (
    Ask,
    CommitmentState,
    DelegationPlan,
    DraftOptions,
    Fallback,
    NextStep,
    OptionsProposal,
    OutputFormat,
    Person,
    Risk,
    StatusUpdate,
)

AUDIENCE_CAPS = {"boss": 150, "client": 200, "team": 300}
FORMAT_CAPS = {"slack": 80, "email": 250}
OMITTED = "({n} more details omitted; use --max-words to show more)"

_B0, _B1 = "\x02", "\x03"  # bold span markers, converted per format
TICKET = re.compile(r"\b[A-Z][A-Z0-9]{1,9}-\d+\b|(?<![\w&])#\d+\b")
_SELF = {"i", "me", "we", "us", "you", "myself", "our team", "team"}


def word_count(text: str) -> int:
    """Whitespace-separated tokens: the count the word caps are checked against."""
    return len(text.split())


# --------------------------------------------------------------------------------------------
# Small text helpers
# --------------------------------------------------------------------------------------------


def format_day(d: dt.date, as_of: dt.date | None = None) -> str:
    """'Thu 26 Nov' (with the year when it differs from as_of's), via drafter.dates when present."""
    try:
        from .dates import format_date
    except ImportError:
        format_date = None
    if format_date is not None:
        try:
            return format_date(d, as_of) if as_of is not None else format_date(d)
        except TypeError:
            return format_date(d)
    text = f"{d:%a} {d.day} {d:%b}"
    if as_of is not None and d.year != as_of.year:
        text += f" {d.year}"
    return text


def clean(text: str | None) -> str:
    """One line of user text, safe to place in any format (no placeholders, no markers)."""
    if not text:
        return ""
    text = text.replace(_B0, "").replace(_B1, "")
    text = re.sub(r"^\s*(?:[-*]\s*)?\[ \]\s*", "", text)  # markdown checkboxes
    text = re.sub(r"^\s*(?:[-*]\s*)?\[[xX]\]\s*", "done: ", text)
    text = text.replace("{", "(").replace("}", ")")
    text = re.sub(r"\[([^\[\]]{1,40})\]", r"\1", text)
    text = re.sub(r"<([a-z][a-z _-]{1,25})>", r"\1", text)
    for pattern, repl in _PLACEHOLDER_WORDS:
        text = pattern.sub(repl, text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s+([,;!?]|\.(?!\.))", r"\1", text)  # "scheduled , 140" -> "scheduled, 140"


_PLACEHOLDER_WORDS = [
    (re.compile(r"\bTBD\b", re.I), "to be decided"),
    (re.compile(r"\bTBC\b", re.I), "to be confirmed"),
    (re.compile(r"\bTODO\b", re.I), "to do"),
    (re.compile(r"\bX{3,}\b", re.I), "(unknown)"),
    (re.compile(r"\?{3,}"), "?"),
    (re.compile(r"\blorem ipsum\b", re.I), "sample text"),
]

# Client audience: internal jargon -> plain words (criterion U15).
_CLIENT_JARGON = [
    (re.compile(r"\bPRs?\b"), "change"),
    (re.compile(r"\bWIP\b"), "in progress"),
    (re.compile(r"\bEOD\b"), "end of day"),
    (re.compile(r"\bP[0-3]\b"), "high-priority"),
] + [
    (re.compile(p, re.I), r)
    for p, r in [
        (r"\bjira\b", "our tracker"),
        (r"\bsprint\b", "work cycle"),
        (r"\bstand-?ups?\b", "team meeting"),
        (r"\bbacklog\b", "work queue"),
        (r"\bretro\b", "review"),
        (r"\bon-call\b|\boncall\b", "support"),
        (r"\bpost-?mortem\b", "incident review"),
        (r"\bhotfix\b", "fix"),
        (r"\bstaging\b", "test environment"),
        (r"\brepo\b", "codebase"),
        (r"\bpull requests?\b", "change"),
        (r"\bOKRs?\b", "goals"),
        (r"\bsev ?[0-4]\b", "high-priority"),
        (r"\binternal only\b", ""),
        (r"\bslack channel\b", "channel"),
        (r"\beng team\b", "engineering team"),
        (r"\btech debt\b", "maintenance work"),
        (r"\btickets?\b", "request"),
        (r"\bheadcount\b", "staffing"),
    ]
]


def sentence(text: str) -> str:
    """Ensure terminal punctuation."""
    text = text.strip()
    if text and text[-1] not in ".!?":
        text += "."
    return text


def cap_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def low_first(text: str) -> str:
    """Lower-case the first letter unless it starts a name-like word (two capitals, 'I ...')."""
    if len(text) > 1 and text[0].isupper() and text[1].islower() and not text.startswith("I "):
        first = text.split(" ", 1)[0]
        if first.lower() in _VERB_STARTS:
            return text[0].lower() + text[1:]
    return text


_VERB_STARTS = set(
    """call chase email send ask confirm follow ping check book decide approve review sign share
    move escalate reply agree pick choose draft write prepare schedule meet find get set update
    go hold push cut drop pay buy renew cancel tell let give take hand run fix test ship""".split()
)


def _strip_prefix(text: str, *prefixes: str) -> str:
    low = text.lower()
    for p in prefixes:
        if low.startswith(p):
            return text[len(p) :].lstrip(" ,:")
    return text


def bold(text: str) -> str:
    return f"{_B0}{text}{_B1}"


# --------------------------------------------------------------------------------------------
# Document model: sections of entries, each entry protected or droppable with a rank
# --------------------------------------------------------------------------------------------


@dataclass
class Entry:
    text: str
    kind: str = "bullet"  # para | bullet | title | step
    rank: int | None = None  # None: never dropped; higher ranks are dropped first
    dropped: bool = False
    repeat: bool = False  # says only what the headline already says: dropped first, not counted


REPEAT_RANK = 99


def _core(text: str) -> str:
    text = text.replace(_B0, "").replace(_B1, "").lower()
    text = re.sub(r"^(commitment|risk|goal):\s*", "", text)
    return re.sub(r"\s+", " ", text).strip().rstrip(".")


def mark_repeats(sections: list[Section]) -> None:
    """Entries (after the headline) whose whole sentence is already in the headline are repeats."""
    if not sections or not sections[0].entries:
        return
    head = _core(sections[0].entries[0].text)
    for sec in sections[1:]:
        for e in sec.entries:
            core = _core(e.text)
            if e.kind != "title" and len(core.split()) >= 4 and core in head:
                e.repeat, e.rank = True, REPEAT_RANK


@dataclass
class Section:
    heading: str | None = None
    entries: list[Entry] = field(default_factory=list)

    def add(self, text: str, kind: str = "bullet", rank: int | None = None) -> Entry:
        entry = Entry(text, kind, rank)
        self.entries.append(entry)
        return entry

    def live(self) -> list[Entry]:
        return [e for e in self.entries if not e.dropped]


def _inline(text: str, fmt: OutputFormat) -> str:
    if fmt == OutputFormat.MARKDOWN:
        return text.replace(_B0, "**").replace(_B1, "**")
    if fmt == OutputFormat.SLACK:
        return text.replace(_B0, "*").replace(_B1, "*")
    return text.replace(_B0, "").replace(_B1, "")


def _layout(sections: list[Section], fmt: OutputFormat, tail: str | None = None) -> str:
    blocks: list[str] = []
    for sec in sections:
        entries = sec.live()
        if not entries and sec.heading:
            continue
        if not entries:
            continue
        lines: list[str] = []
        if sec.heading:
            if fmt == OutputFormat.MARKDOWN:
                lines.append(f"### {sec.heading}")
            elif fmt == OutputFormat.SLACK:
                lines.append(f"*{sec.heading}*")
            else:
                lines.append(f"{sec.heading}:")
        prev = None
        for e in entries:
            text = _inline(e.text, fmt)
            if e.kind == "para" and prev == "para":
                lines.append("")  # separate paragraphs (markdown would join adjacent lines)
            prev = e.kind
            if e.kind in ("para", "title"):
                lines.append(text)
            elif e.kind == "step":
                lines.append(f"   {text}")
            elif fmt == OutputFormat.SLACK:
                lines.append(f"• {text}")
            else:
                lines.append(f"- {text}")
        blocks.append("\n".join(lines))
    if tail:
        blocks.append(tail)
    return "\n\n".join(blocks)


def _fit(sections: list[Section], fmt: OutputFormat, cap: int | None) -> str:
    """Lay out, dropping the highest-ranked entries until the body fits ``cap`` words."""
    text = _layout(sections, fmt)
    if cap is None or word_count(text) <= cap:
        return text
    if _trim_headline(sections):  # headline sentences a line below already says: nothing is lost
        text = _layout(sections, fmt)
        if word_count(text) <= cap:
            return text
    order = [(e.rank, i, e) for i, e in enumerate(e for s in sections for e in s.entries) if e.rank is not None]
    order.sort(key=lambda t: (t[0], t[1]), reverse=True)  # highest rank first, later entries first
    dropped = 0
    for _, _, entry in order:
        entry.dropped = True
        dropped += 0 if entry.repeat else 1
        tail = OMITTED.format(n=dropped) if dropped else None
        text = _layout(sections, fmt, tail)
        if word_count(text) <= cap:
            return text
    if _trim_headline(sections) | _fold_next_steps(sections):
        text = _layout(sections, fmt, OMITTED.format(n=dropped) if dropped else None)
    return text


_NEXT = re.compile(r"^Next: (?P<who>.+?) will (?P<action>.+?)(?: by (?P<date>[^.]+))?\.$")


def _fold_next_steps(sections: list[Section]) -> bool:
    """Last resort under a cap: a next step that only repeats its item's title joins the title line.

    "**Fix the invoice job** — on track" + "Next: Sam will fix the invoice job by Fri 27 Nov."
    becomes "**Fix the invoice job** — on track; Sam will do it by Fri 27 Nov." (owner and date kept).
    """
    folded = False
    for sec in sections[1:]:
        live = sec.live()
        title = next((e for e in live if e.kind == "title"), None)
        step = next((e for e in live if e.text.startswith("Next: ")), None)
        m = _NEXT.match(step.text) if step else None
        if not (title and m and m.group("date")):
            continue
        words = _tokens(m.group("action"))
        if words and len(words & _tokens(title.text)) >= 0.8 * len(words):
            title.text = f"{title.text}; {m.group('who')} will do it by {m.group('date')}."
            step.dropped = step.repeat = True
            folded = True
    return folded


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_STOP = set("the a an to of and by for on in at i will if it is was be my our".split())


def _tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", text.replace(_B0, "").replace(_B1, "").lower()) if t not in _STOP}


def _trim_headline(sections: list[Section]) -> bool:
    """Still over the cap: drop headline sentences after the first that a kept line already says.

    The first sentence (the bottom line) always stays; a later sentence goes only when at least
    80% of its words are in one line that stays (usually the item's next step or fallback).
    """
    if not sections or not sections[0].entries:
        return False
    head = sections[0].entries[0]
    parts = _SENTENCE_END.split(head.text)
    if len(parts) < 2:
        return False
    kept_lines = [_tokens(e.text) for sec in sections[1:] for e in sec.live() if not e.repeat]
    keep = [parts[0]]
    for part in parts[1:]:
        words = _tokens(part)
        said = words and any(len(words & line) >= 0.8 * len(words) for line in kept_lines)
        if not said:
            keep.append(part)
    if len(keep) == len(parts):
        return False
    head.text = " ".join(keep)
    return True


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
        by = "" if date in action else f" by {date}"
        return f"Next: {who} will {action}{by}."

    def fallback(self, fb: Fallback) -> str:
        trigger = _strip_prefix(self.t(fb.trigger), "if ").rstrip(".,")
        action = _strip_prefix(self.t(fb.action), "i will", "i'll", "then ").rstrip(".")
        return f"If {low_first(trigger)} by {self.d(fb.by)}, I will {low_first(action)}."

    def commitment(self, c: CommitmentState) -> tuple[str, bool]:
        """(sentence, is_missed)."""
        what = cap_first(self.t(c.what).rstrip("."))
        owner = self.who(c.owner)
        if owner != "I":
            what = f"{what} ({owner})"
        missed = c.state == "missed" or (c.state == "open" and c.due is not None and c.due < self.as_of)
        if missed:
            due = f"was due {self.d(c.due)}" if c.due else "was promised"
            if c.new_date:
                return f"{what} {due} and is missed; new date: {self.d(c.new_date)}.", True
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


def _update_sections(a: StatusUpdate, w: _Writer) -> list[Section]:
    headline = w.t(a.headline)
    if not any(s in headline.lower() for s in _STATUS_WORDS):
        headline = f"{cap_first(a.overall.label)}: {headline}"
    sections = [Section(entries=[Entry(sentence(headline), "para")])]

    items = sorted(enumerate(a.items), key=lambda t: (-t[1].status.severity, t[0]))
    for _, item in items:
        sec = Section()
        sec.add(f"{bold(w.t(item.title))} — {item.status.label}", "title")
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
        done = [w.t(x).rstrip(".") for x in item.done if clean(x)]
        if done:
            sec.add(f"Done so far: {'; '.join(done)}.", rank=6)
        if item.next_step:
            sec.add(w.next_step(item.next_step))
        for fb in item.fallbacks:
            sec.add(w.fallback(fb))
        for c in item.commitments:
            text, missed = w.commitment(c)
            rank = None if missed else (4 if c.state in ("done", "dropped") else 2)
            sec.add(f"Commitment: {text}", rank=rank)
        sections.append(sec)

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
        sec = Section("What I've done")
        for i, x in enumerate(a.actions_taken):
            sec.add(sentence(cap_first(w.t(x))), rank=None if i == 0 else 5)
        sections.append(sec)

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
    sections.append(sec)

    rationale = _strip_prefix(w.t(a.rationale), "because ").rstrip(".")
    tail = Section()
    tail.add(f"Recommendation: {rec}, because {low_first(rationale)}." if rationale else f"Recommendation: {rec}.", "para")
    default = w.t(a.default_action)
    if not re.search(r"if i (don't|do not) hear", default, re.I):
        default = f"If I don't hear by {decide_by}, I will go with option {rec}."
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
    if not hint or not re.search(r"\breply\b", hint, re.I):
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
        sec.add(f"Done when: {sentence(w.t(task.done_when))}")
        sec.add(f"Deadline: {w.d(task.deadline)}")
        sec.add(f"Quality: {sentence(w.t(task.quality_standard))}")
        checks = "; ".join(f"{w.d(c.on)} ({w.t(c.what).rstrip('.')})" for c in task.check_ins)
        if checks:
            sec.add(f"Check-ins: {checks}")
        sec.add(f"Decision rights: {task.decision_rights.value}")
        sec.add(f"Why it matters: {sentence(w.t(task.purpose))}", rank=3)
        if task.resources:
            sec.add(f"Resources: {'; '.join(w.t(r) for r in task.resources)}", rank=2)
        esc = _strip_prefix(w.t(task.escalate_if), "escalate if", "escalate when").rstrip(".")
        sec.add(f"Escalate if {esc}.")
        if task.runbook:
            sec.add(f"Runbook: {runbook_name}" if runbook_name else "Runbook:")
            for i, step in enumerate(task.runbook, 1):
                sec.add(f"{i}. {sentence(cap_first(w.t(step)))}", "step", rank=None if i <= 3 else 5)
        elif runbook_name:
            sec.add(f"Runbook: {sentence(runbook_name)}")
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


# --------------------------------------------------------------------------------------------
# Client audience: who is internal
# --------------------------------------------------------------------------------------------


def _owners(artefact) -> set[str]:
    names: set[str] = set()
    if isinstance(artefact, StatusUpdate):
        for item in artefact.items:
            if item.next_step:
                names.add(item.next_step.owner)
            names.update(c.owner for c in item.commitments)
    elif isinstance(artefact, DelegationPlan):
        names.add(artefact.delegate)
        names.update(t.owner for t in artefact.tasks)
    return {n.strip() for n in names if n and n.strip().lower() not in _SELF}


def internal_names(artefact, people: Iterable[Person] | None = None) -> dict[str, str]:
    """Names to hide from a client, mapped to what replaces them (role or 'our team')."""
    people = list(people or [])
    external = {p.name for p in people if p.org}
    out = {n: "our team" for n in _owners(artefact) if n not in external}
    for p in people:
        if not p.org and p.name.strip().lower() not in _SELF:
            out[p.name] = f"our {p.role}" if p.role else "our team"
    return out


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def word_cap(artefact, fmt: OutputFormat, options: DraftOptions) -> int | None:
    """The word cap for this artefact, format and audience (None: no cap)."""
    if options.max_words:
        return options.max_words
    if not isinstance(artefact, StatusUpdate) or fmt == OutputFormat.JSON:
        return None
    caps = [AUDIENCE_CAPS.get(options.audience.value)]
    caps.append(FORMAT_CAPS.get(fmt.value))
    caps = [c for c in caps if c]
    return min(caps) if caps else None


def render(
    artefact: StatusUpdate | OptionsProposal | DelegationPlan,
    fmt: OutputFormat | str = OutputFormat.MARKDOWN,
    options: DraftOptions | None = None,
    *,
    people: Iterable[Person] | None = None,
) -> str:
    """Render ``artefact`` in ``fmt`` for ``options.audience`` within the word cap (see module doc)."""
    fmt = OutputFormat(fmt)
    options = options or DraftOptions()
    if fmt == OutputFormat.JSON:
        return artefact.model_dump_json(indent=2)
    client = options.audience.value == "client"
    writer = _Writer(
        artefact.as_of,
        replace=internal_names(artefact, people) if client else None,
        strip_tickets=client,
    )
    if isinstance(artefact, StatusUpdate):
        sections = _update_sections(artefact, writer)
    elif isinstance(artefact, OptionsProposal):
        sections = _options_sections(artefact, writer)
    elif isinstance(artefact, DelegationPlan):
        sections = _delegation_sections(artefact, writer)
    else:
        raise TypeError(f"cannot render {type(artefact).__name__}")
    mark_repeats(sections)
    body = _fit(sections, fmt, word_cap(artefact, fmt, options))
    if fmt == OutputFormat.EMAIL:
        subject = writer.t(artefact.subject) or writer.t(artefact.headline)
        return f"Subject: {subject}\n\n{body}"
    return body  # no trailing newline: print() and file writers add their own


__all__ = ["render", "word_count", "word_cap", "format_day", "internal_names", "AUDIENCE_CAPS", "FORMAT_CAPS"]
