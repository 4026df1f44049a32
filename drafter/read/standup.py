"""Standups: per-person rounds (done / doing / blocked, yesterday / today).

A round is a person's heading with done/doing/blocked parts under it, or a person's label line
("**tryggvi:** sent the emails") under a "What have you done?" / "What will you do?" / "Anything
blocking you?" heading. Each person's round is one item (per dated section) owned by that
person: done parts are their actions, doing parts their commitments (due only when a date is
written), blocked parts their waits; "No" / "None" under a blockers heading is no blocker.
"""

from __future__ import annotations

import datetime as dt

from .genre import GenreGuess
from .outline import Outline
from .people import People
from .sections import topic_bullet, topic_heading, walk
from .topics import LogBuilder


def _person_of(b: LogBuilder, node) -> tuple[str | None, object]:
    if node.label and b.people.known(node.label) and node.kind != "heading":
        return b.people.get(node.label).name, None
    rounds = getattr(b, "rounds", [])
    for h in b.outline.heading_path(node):
        if h in rounds:
            return h.text, h
    for h in reversed(b.outline.heading_path(node)):
        if b.people.known(h.text.strip(" :")):
            return b.people.get(h.text.strip(" :")).name, h
    for a in b.outline.ancestors(node):
        if a.is_item and a.label and not a.rest and b.people.known(a.label):
            return b.people.get(a.label).name, a
    return None, None


def _topic(b: LogBuilder, node):
    person, pnode = _person_of(b, node)
    path = b.outline.heading_path(node)
    dated = next((h for h in path if h.level <= 3 and any(c.isdigit() for c in h.text)), None)
    if person:
        key = ("p", person.lower(), dated.index if dated else None)
        return key, person, pnode or dated or b.outline.heading_of(node), person
    tb = topic_bullet(b, node)
    if tb is not None:
        return ("b", tb.index), tb.text, tb, None
    h = topic_heading(b, node)
    if h is not None:
        return ("h", h.index), h.text, h, None
    return ("doc",), " ".join(node.text.split()[:8]), None, None


def _special(b: LogBuilder, node, item, mode) -> bool:
    """'**tryggvi:** text' in a round: the text without the name, read as the person's."""
    if node.label and b.people.known(node.label) and node.rest is not None:
        b.place(item, node)
        text = node.rest
        if not text:
            return True
        from .sections import no_blocker
        from .signals import classify

        if no_blocker(b, item, node, text, mode):
            return True  # "**nick:** Nope." under "Is there anything blocking you?"

        sig = classify(text, "done_item" if mode == "done" else mode, b.people, speaker=item.owner, default_owner=item.owner, first_person=False)
        b.add_signal(item, sig, node.lines, mode)
        return True
    return False


def read_standup(outline: Outline, people: People, as_of: dt.date, guess: GenreGuess):
    from .genre import standup_rounds

    b = LogBuilder(outline, people, as_of, "standup", guess.first_person)
    b.rounds = standup_rounds(outline)
    for h in b.rounds:  # a round's heading names its person (or team): evidence of structure
        if not people.known(h.text) and len(h.text.split()) <= 3:
            people.add(h.text, "round", h.line)
    walk(b, _topic, _special)
    return b.finish()
