"""What people said about a decision after it was raised (their positions), and questions answered
in the same turn: the last pass over a minutes topic."""

from __future__ import annotations

import re

from ..models import WorkItem


def add_positions(item: WorkItem, said: list[tuple[str, str, list[int]]], src: list[str] | None = None) -> None:
    """People's positions on a decision: what each speaker said about it after it was raised
    ("Greg: we need real UUIDs"); their lines join the decision's lines."""
    for d in item.decisions:
        start = d.lines[0] if d.lines else 0
        words = {w for w in re.findall(r"[a-z][a-z0-9]{3,}", " ".join([d.question, *d.options]).lower())} - _STOP
        letters = {m.group(1).upper() for o in d.options for m in [re.match(r"(?:option|alternative|plan|choice)\s+(\w{1,2})\b", o, re.I)] if m}
        last: tuple[str, list[int]] | None = None
        for who, text, lines in said:
            if not lines or lines[0] < start or not who:
                continue
            if last is not None and last == (who, lines) and d.positions:
                d.positions[-1] = f"{d.positions[-1]} {text}"  # the same speaker's next sentence on the same line
                continue
            # "RogerS: B, can we ...", "For B, I would prefer ...": a view on a lettered option
            on_option = bool(letters) and re.match(rf"^(?:for\s+)?(?:option\s+)?(?:{'|'.join(map(re.escape, letters))})\b[,:]?", text, re.I) is not None
            if (on_option or words & set(re.findall(r"[a-z][a-z0-9]{3,}", text.lower()))) and len(d.positions) < 6:
                if src and not any(who in src[n - 1] for n in lines if 0 < n <= len(src)):
                    who = who.split()[0]  # "Nick: ..." in the notes: the position says "Nick", as its line does
                d.positions.append(f"{who}: {text}")
                d.lines = sorted(set(d.lines) | set(lines))
                last = (who, lines)
            else:
                last = None


_STOP = {"should", "would", "could", "what", "which", "whether", "that", "this", "with", "from", "have", "there",
         "they", "their", "them", "then", "than", "into", "about", "will", "need", "needs", "want", "take", "make"}


def answer_questions(item: WorkItem) -> None:
    """A question whose own lines hold an outcome (a reply in the same turn) is answered."""
    for q in item.questions:
        if any(set(o.lines) & set(q.lines) and o.lines[0] >= q.lines[0] for o in item.outcomes):
            q.answered = True
