"""Tidying a finished work log's elements: the same action said twice is one; a risk keeps its own
words without the discourse lead that tied it to the sentence before ("Other than that, ...")."""

from __future__ import annotations

import re

from ..playbook.actions import is_verb

_DISCOURSE_LEAD = re.compile(r"^(?:other than that|apart from that|besides that|additionally|also|as stated|as mentioned|however|that said|in addition|on top of that|"
                             r"finally|lastly)\s*,\s*", re.I)


def one_each(actions: list) -> list:
    """Actions with the same words by the same actor are one action citing all their lines."""
    out, by_key = [], {}
    for a in actions:
        k = (re.sub(r"\W+", " ", a.text.lower()).strip(), (a.actor or "").lstrip("@"))
        if k in by_key:
            by_key[k].lines = sorted({*by_key[k].lines, *a.lines})
        else:
            by_key[k] = a
            out.append(a)
    return out


def without_lead(text: str) -> str:
    bare = _DISCOURSE_LEAD.sub("", text, count=1)
    return bare[:1].upper() + bare[1:] if bare != text and len(bare.split()) >= 4 else text


_JUST = re.compile(r"^(?:just|simply|also|then|definitely)\s+(?=[a-z]+\b)", re.I)
_ASIDE_QUESTION = re.compile(r"^(?:because|maybe|perhaps|probably|right|really|or not|no)\b(?:\W+\w+){0,6}\W*\?\W*$", re.I)


def without_just(text: str) -> str:
    """'Just focus on the docs' -> 'focus on the docs'; 'Then the release' keeps its words."""
    m = _JUST.match(text)
    return text[m.end():] if m and is_verb(text[m.end():].split()[0]) else text


def is_aside_question(text: str) -> bool:
    """'Because I operate on deadlines?' after a question is an aside, not a question to answer."""
    return bool(_ASIDE_QUESTION.match(text))


def tell_apart(items: list, outline) -> None:
    """Items titled alike by headings under different parents ("To Do" > "Front end", "Not needed
    prior to launch" > "Front end") say their parent: "Not needed prior to launch: Front end"."""
    by_title: dict[str, list] = {}
    for w in items:
        by_title.setdefault(w.title.strip().lower(), []).append(w)
    alike = [same for same in by_title.values() if len(same) > 1]
    heads = [n for n in outline.nodes if n.kind == "heading"] if alike else []
    for same in alike:
        for w in same:
            # the last heading of that title at or before the item's first line (headings are in the notes' order)
            above = [n for n in heads if w.lines and n.text.strip() == w.title.strip() and n.lines[0] <= min(w.lines)]
            path = outline.heading_path(above[-1]) if above else []
            parent = path[-2] if len(path) >= 2 else None
            if parent is not None and not re.fullmatch(r"\W*(?:to[- ]?do|tasks?|todo list|checklist|notes?)\W*", parent.text, re.I):
                w.title = f"{parent.text.strip().rstrip(':')}: {w.title}"
