"""Document model for rendering: sections of entries, each protected or droppable with a rank; layout per format and the word-cap fit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import OutputFormat
from .render_text import _B0, _B1, word_count

OMITTED = "({n} more details omitted; use --max-words to show more)"


# --------------------------------------------------------------------------------------------
# Document model: sections of entries, each entry protected or droppable with a rank
# --------------------------------------------------------------------------------------------


@dataclass
class Entry:
    text: str
    kind: str = "bullet"  # para | bullet | title | step
    rank: int | None = None  # None: never dropped; higher ranks are dropped first
    dropped: bool = False
    folds: bool = False  # a title that goes with its section once every line under it is dropped
    folds_last: bool = False  # ... and one that goes only when nothing else is left to drop
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
        if entry.dropped:
            continue
        entry.dropped = True
        dropped += 0 if entry.repeat else 1
        _fold_empty(sections)  # a title is no detail of its own: not counted
        tail = OMITTED.format(n=dropped) if dropped else None
        text = _layout(sections, fmt, tail)
        if word_count(text) <= cap:
            return text
    if _trim_headline(sections) | _fold_next_steps(sections):
        text = _layout(sections, fmt, OMITTED.format(n=dropped) if dropped else None)
    # last resort: bare titles of on-track and done items (their lines already gone), later ones first
    for sec in reversed(sections):
        if word_count(text) <= cap:
            break
        live = sec.live()
        if len(live) == 1 and live[0].kind == "title" and live[0].folds_last:
            live[0].dropped = True
            dropped += 1
            text = _layout(sections, fmt, OMITTED.format(n=dropped))
    return text


def _fold_empty(sections: list[Section]) -> None:
    """A section whose lines are all dropped loses its folding title too (an on-track item named
    with nothing under it is a heading, not news): the words go to the lines of the items above."""
    for sec in sections:
        live = sec.live()
        if len(live) == 1 and live[0].kind == "title" and live[0].folds and len(sec.entries) > 1:
            live[0].dropped = True


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


