"""Minutes: attendees, agenda, discussion topics, speakers' lines, action items, decisions.

Topics are the agenda items as the minutes hold them: a heading per topic, or a short list item
with the discussion nested under it. Attendee lists, the agenda itself and "next meeting" are
context (never items). A speaker's lines ("Carol: ...", inline turns "... John: ...") are read
with the speaker as the one who said it; "AI:", "Action item", "@x will", "X to do Y" are owners'
commitments; "agreed", "decided", votes are outcomes; questions stay questions.
"""

from __future__ import annotations

import datetime as dt
import re

from .genre import GenreGuess
from .outline import Outline
from .people import People
from .sections import GENERIC_HEAD, topic_bullet, topic_heading, walk
from .topics import LogBuilder


def _topic(b: LogBuilder, node):
    tb = topic_bullet(b, node)
    if tb is not None:
        return ("n", tb.index), _title_of(b, tb), tb, None
    top = _top_bullet(b, node)
    if top is not None:
        # "* Real-time notification design doc (#557): Aapeli will work on this with Lennart"
        # under a generic "Notes" heading: the bullet is a topic of its own
        return ("n", top.index), _title_of(b, top), top, None
    h = topic_heading(b, node)
    if h is not None:
        return ("h", h.index), h.text, h, None
    return ("doc",), _first_words(node.text), None, None


def _top_bullet(b: LogBuilder, node):
    """The top-level list item ``node`` is (or sits in) when its heading is a generic one."""
    if not node.is_item:
        return None
    top = node
    while True:
        p = b.outline.parent(top)
        if p is None or not p.is_item:
            break
        top = p
    h = b.outline.parent(top)
    generic = h is None or (h.kind == "heading" and (GENERIC_HEAD.match(h.text.strip(" :")) or h.level == 1))
    if not generic or (top.label and b.people.known(top.label) and not top.children):
        return None  # "Sam: fixed it" under "Notes" is said, not a topic
    return top


def _title_of(b: LogBuilder, node) -> str:
    """A topic's title: the label of 'Topic: text' (unless several topics share it: "Current
    PR"), else its first words."""
    if node.label and node.rest and b.people.known(node.label):
        head = re.split(r"[,;]\s|\s[-–—]\s", node.rest)[0]
        return f"{node.label}: {_first_words(head)}"  # "David: can we have a notification when we deploy"
    if node.label and len(node.label.split()) <= 8 and not b.people.known(node.label):
        same = sum(1 for n in b.outline.nodes if n.label == node.label and n.is_item)
        if same == 1 or not node.rest:
            return node.label
        head = re.split(r"[,;]\s|\s[-–—]\s", node.rest)[0]
        return f"{node.label}: {_first_words(head)}"
    return _first_words(node.text)


def _first_words(text: str) -> str:
    return " ".join(text.split()[:8])


def read_minutes(outline: Outline, people: People, as_of: dt.date, guess: GenreGuess):
    b = LogBuilder(outline, people, as_of, "minutes", guess.first_person)
    walk(b, _topic)
    return b.finish()
