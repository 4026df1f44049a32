"""Todo lists: open boxes are commitments, ticked boxes are actions; "waiting on X" is a wait;
due dates only where written. A heading (or a short parent task) groups its boxes into one item.
"""

from __future__ import annotations

import datetime as dt

from .genre import GenreGuess
from .outline import Outline
from .people import People
from .sections import topic_bullet, topic_heading, walk
from .topics import LogBuilder


def _topic(b: LogBuilder, node):
    tb = topic_bullet(b, node)
    if tb is not None and tb.kind != "checkbox":
        return ("b", tb.index), tb.text, tb, None
    h = topic_heading(b, node, skip_title=False)
    if h is not None:
        return ("h", h.index), h.text, h, None
    return ("doc",), "To do", None, None


def _special(b: LogBuilder, node, item, mode) -> bool:
    if node.kind != "checkbox":
        return False
    b.read_node(item, node, "done" if node.checked else "doing", default_owner="I" if b.first_person else None)
    return True


def read_todo(outline: Outline, people: People, as_of: dt.date, guess: GenreGuess):
    b = LogBuilder(outline, people, as_of, "todo", guess.first_person)
    walk(b, _topic, _special)
    return b.finish()
