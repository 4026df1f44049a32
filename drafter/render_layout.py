"""Document model for rendering: sections of entries, each protected or droppable with a rank; layout per format and the word-cap fit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import OutputFormat, Status
from .read.clause_split import prose_sentences
from .render_text import _B0, _B1, word_count
from .engines.wording import UNSTATED_ON_TRACK



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
    repeat: bool = False  # says only what the headline already says: never shown, not counted
    solo: bool = False  # a title shown only above two lines or more: one line reads on its own
    tier: int = 0  # among entries of one rank, higher tiers go first (an item's second decision before another's first)
    parts: list[str] | None = None  # "Done: a; b; c.": ``text`` is the label, parts go one by one from the end
    part_ranks: list[int] | None = None  # each part's rank (default: ``rank``)
    keep: int = 0  # how many parts are shown
    context: str | None = None  # the item's title, said before the line when it stands alone
    sep: str = "; "  # between parts ("; " for a list, " " for a line's sentences)
    named: bool = False  # starts with a person's name ("Jorropo: webrtc-aside ..."): its case is kept

    def __post_init__(self) -> None:
        if self.parts is not None:
            self.keep = len(self.parts)

    def shown(self) -> str:
        if self.parts is None:
            return self.text
        shown = f"{self.text}{self.sep.join(self.parts[: self.keep])}"
        return shown if shown[-1:] in ".!?" else shown + "."


REPEAT_RANK = 99
REFILL_LIMIT = 8  # pieces of this rank or more, once dropped, stay out even when words are left


def _core(text: str) -> str:
    text = text.replace(_B0, "").replace(_B1, "").lower()
    text = re.sub(r"^(commitment|risk|goal):\s*", "", text)
    return re.sub(r"\s+", " ", text).strip().rstrip(".")


def split_sentences(sections: list[Section]) -> None:
    """A droppable line of several sentences keeps its first under a cap and gives up the others
    one by one (each a whole sentence): 'Stay with full dimensions. Compress as JPEG.'"""
    for sec in sections[1:]:
        for e in sec.entries:
            if e.parts is not None or e.rank is None or e.kind != "bullet" or e.dropped:
                continue
            parts = [p for p in prose_sentences(e.text) if p.strip()]
            if len(parts) < 2 or any(len(p.split()) < 3 for p in parts):
                continue
            e.parts, e.keep, e.sep = parts, len(parts), " "
            e.part_ranks = [e.rank] + [e.rank + 1] * (len(parts) - 1)
            e.text = ""


def mark_repeats(sections: list[Section], hide: bool = False) -> None:
    """Entries (after the headline) whose whole sentence is already in the headline are repeats:
    dropped first under a cap and never counted as omitted; with ``hide`` (status updates) never
    shown at all, since the headline says them first."""
    if not sections or not sections[0].entries:
        return
    head = _core(sections[0].entries[0].text)
    for sec in sections[1:]:
        for e in sec.entries:
            core = _core(e.shown())
            if e.kind != "title" and len(core.split()) >= 4 and core in head:
                e.repeat, e.rank, e.dropped = True, REPEAT_RANK, hide


@dataclass
class Section:
    heading: str | None = None
    entries: list[Entry] = field(default_factory=list)

    def add(self, text: str, kind: str = "bullet", rank: int | None = None, **kw) -> Entry:
        entry = Entry(text, kind, rank, **kw)
        self.entries.append(entry)
        return entry

    def live(self) -> list[Entry]:
        """The entries shown: a solo title goes when one line or none is left under it."""
        live = [e for e in self.entries if not e.dropped and not (e.parts is not None and e.keep <= 0)]
        lines = [e for e in live if e.kind != "title"]
        if len(lines) == 1:  # the one line left names its item (``context``)
            live = [e for e in live if not (e.kind == "title" and e.solo)]
        elif not lines:  # nothing under it: a done item's title is still news, an on-track one's is not
            live = [e for e in live if not (e.kind == "title" and e.solo and not e.folds_last)]
        return live


def _inline(text: str, fmt: OutputFormat) -> str:
    if fmt == OutputFormat.MARKDOWN:
        return text.replace(_B0, "**").replace(_B1, "**")
    if fmt == OutputFormat.SLACK:
        return text.replace(_B0, "*").replace(_B1, "*")
    return text.replace(_B0, "").replace(_B1, "")


_LABELLED = re.compile(r"^[A-Z][a-z]+(?: [a-z]+)?: ")


def _layout(sections: list[Section], fmt: OutputFormat) -> str:
    blocks: list[str] = []
    loose = False  # the last block is a list of lines with no heading or title: the next such joins it
    for sec in sections:
        entries = sec.live()
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
        alone = len(entries) == 1 and entries[0].kind != "title" and any(
            e.kind == "title" and e.solo and not e.dropped for e in sec.entries)
        for e in entries:
            text = _inline(e.shown(), fmt)
            if alone and e.context:  # the title line is not shown: the line names its item
                ctx = _inline(e.context, fmt)
                m = _LABELLED.match(text)
                if e.named:  # "**Falco 0.37 tasks** — LucaGuerra: falcoctl as driver loader."
                    text = f"{ctx} — {text}"
                elif m:  # "**Office move** — done: boxes packed.", "**Filter PR** — decided: ..." (a label, not a name)
                    text = f"{ctx} — {m.group(0).lower()}{text[m.end():]}"
                else:
                    text = f"{ctx}: {text}"
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
        bare = not sec.heading and all(e.kind == "bullet" for e in entries)
        if bare and loose and blocks:
            blocks[-1] += "\n" + "\n".join(lines)
        else:
            blocks.append("\n".join(lines))
        loose = bare
    return "\n\n".join(blocks)


def _units(sections: list[Section]) -> list[tuple[int, int, int, Entry]]:
    """Every droppable piece, in the order it goes: highest rank first; within a rank the higher
    tier (an item's later line of that kind) first, later entries first; a part list from its end."""
    order = []
    flat = [e for s in sections for e in s.entries]
    for i, e in enumerate(flat):
        if e.dropped:
            continue
        if e.parts is not None:
            ranks = e.part_ranks or [e.rank] * len(e.parts)
            for k, r in enumerate(ranks):
                if r is not None:
                    order.append((r, e.tier + k, len(e.parts[k].split()), i, e))
        elif e.rank is not None:
            order.append((e.rank, e.tier, len(e.text.split()), i, e))
    order.sort(key=lambda t: (t[0], t[1] + t[2] / 8, t[3]), reverse=True)  # a long line goes before short ones of its tier
    return [(r, t, i, e) for r, t, _, i, e in order]


def _drop(e: Entry) -> None:
    if e.parts is not None:
        e.keep -= 1
        e.dropped = e.keep <= 0
    else:
        e.dropped = True


def _undrop(e: Entry) -> None:
    if e.parts is not None:
        e.keep += 1
    e.dropped = False


def _fit(sections: list[Section], fmt: OutputFormat, cap: int | None) -> tuple[str, int]:
    """Lay out, dropping the least important pieces until the body fits ``cap`` words, then
    putting back the most important of those dropped that still fit (a long line dropped to make
    room leaves space for shorter ones). Returns the body and how many pieces were left out (the
    draft itself never says so: a line about the tool is not one the receiver should get)."""
    text = _layout(sections, fmt)
    if cap is None or word_count(text) <= cap:
        return text, 0
    if trim_headline(sections):  # headline sentences a line below already says: nothing is lost
        text = _layout(sections, fmt)
        if word_count(text) <= cap:
            return text, 0
    gone: list[Entry] = []
    fits = False
    for _, _, _, entry in _units(sections):
        _drop(entry)
        gone.append(entry)
        text = _layout(sections, fmt)
        if word_count(text) <= cap:
            fits = True
            break
    if fits:  # refill: the most important dropped piece first (never notes no item holds: raw lines)
        _refill(sections, fmt, cap, gone)
        folded = _fold_empty(sections)  # an item's title left alone by the cap ("**Potential place for ...** — done") goes too
        if folded:  # the words freed go to other items' lines (never back under a title that went)
            _refill(sections, fmt, cap, gone, keep_out=[e for sec in sections for e in sec.entries if any(t in sec.entries for t in folded)])
        return _layout(sections, fmt), len(gone) + len(folded)
    _fold_empty(sections)
    dropped = len(gone)
    if trim_headline(sections) | _fold_next_steps(sections):
        text = _layout(sections, fmt)
    # last resort: bare titles of on-track and done items (their lines already gone), later ones first
    for sec in reversed(sections):
        if word_count(text) <= cap:
            break
        live = sec.live()
        if len(live) == 1 and live[0].kind == "title" and live[0].folds_last:
            live[0].dropped = True
            dropped += 1
            text = _layout(sections, fmt)
    return text, dropped


def _refill(sections: list[Section], fmt: OutputFormat, cap: int, gone: list[Entry], keep_out: list[Entry] = ()) -> None:
    """Put back dropped pieces, the most important first, while the body still fits ``cap``."""
    for entry in reversed(list(gone)):
        if (entry.rank or 0) >= REFILL_LIMIT or entry in keep_out:
            continue
        _undrop(entry)
        gone.remove(entry)
        if word_count(_layout(sections, fmt)) > cap:
            _drop(entry)
            gone.append(entry)


def _fold_empty(sections: list[Section]) -> list[Entry]:
    """A section whose lines are all dropped loses its title too (an item named with nothing under
    it is a heading, not news): the words go to the lines of the items above. Returns the titles."""
    out = []
    for sec in sections:
        live = sec.live()
        if len(live) == 1 and live[0].kind == "title" and (live[0].folds or live[0].folds_last) and len(sec.entries) > 1:
            live[0].dropped = True
            out.append(live[0])
    return out


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


_STOP = set("the a an to of and by for on in at i will if it is was be my our".split())


def _tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", text.replace(_B0, "").replace(_B1, "").lower()) if t not in _STOP}


# the bottom line as the playbook words a state alone ("On track." / "On track: no open waits or missed dates.")
_UNSTATED = re.escape(UNSTATED_ON_TRACK.capitalize())  # as a headline opens with it
_BARE_STATUS = re.compile(r"^(?:%s)(?:: no open waits or missed dates)?\.$"
                          % "|".join([re.escape(s.label.capitalize()) for s in Status] + [_UNSTATED]))


_NEWS_LEAD = re.compile(r"^(?:%s|%s): (?P<news>.+)$" % (re.escape(Status.ON_TRACK.label.capitalize()), _UNSTATED))


_WHEN_I_CHECK = re.compile(r"\s*\((?:no date|proposed)[^)]*\)")


def trim_headline(sections: list[Section]) -> bool:
    """Drop headline sentences after the first that a kept line already says (status updates
    always; other artefacts when over the cap).

    The first sentence (the bottom line) always stays; a later sentence goes only when at least
    80% of its words are in one line that stays (usually the item's next step or fallback).
    """
    if not sections or not sections[0].entries:
        return False
    head = sections[0].entries[0]
    parts = prose_sentences(head.text)
    live = [e for sec in sections[1:] for e in sec.live() if not e.repeat]
    kept_lines = [_tokens(e.text) for e in live]
    lead = _NEWS_LEAD.match(parts[0])
    if lead and not getattr(head, "news_said", False):
        # "On track: sam will fix the invoice job by Fri 27 Nov.": the state leads its news, and the
        # line below that says the news goes (once)
        head.news_said = True
        words = _tokens(lead.group("news"))
        for e, line in zip(live, kept_lines):
            if words and len(words & line) >= 0.8 * len(words) and len(line) <= 2 * len(words) and e.kind != "title":
                e.repeat, e.rank, e.dropped = True, REPEAT_RANK, True
                break
    if len(parts) < 2:
        return False
    keep = [parts[0]]
    for k, part in enumerate(parts[1:], 1):
        words = _tokens(_WHEN_I_CHECK.sub("", part))  # "(no date; I check Mon 31 Oct)": when, not what the line says
        said = [e for e, line in zip(live, kept_lines) if words and len(words & line) >= 0.8 * len(words)]
        if said and k == 1 and _BARE_STATUS.match(parts[0]):
            # the bottom line is the state alone: its news stays first, and the line below that says it goes
            for e in said[:1]:
                e.repeat, e.rank, e.dropped = True, REPEAT_RANK, True
            said = []
        if not said:
            keep.append(part)
        elif not any(e.rank is None for e in said):
            said[0].rank = None  # the line says it now, for the headline too: a cap must not drop it
    if len(keep) == len(parts):
        return False
    head.text = " ".join(keep)
    return True


