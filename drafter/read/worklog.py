"""Worklogs: dated entries; "what I did / what's next / where I got stuck" sections.

Each entry (a dated heading, or the document's title when the log is one entry) is one item.
Its sections give the mode: what I did -> actions, what's next -> commitments (the writer's when
the log is first person), where I got stuck -> waits, unless the section answers "No" (then the
question is answered and nothing is blocked).
"""

from __future__ import annotations

import datetime as dt

from .genre import _DATE_HEAD, GenreGuess
from .outline import Outline
from .people import People
from .sections import is_mode_heading, topic_bullet, walk
from .signals import is_question
from .topics import LogBuilder


def _topic(b: LogBuilder, node):
    path = b.outline.heading_path(node)
    dated = [h for h in path if _DATE_HEAD.search(h.text)]
    if dated:
        h = dated[-1]
        return ("d", h.index), h.text, h, None
    named = [h for h in path if not is_mode_heading(h) and not is_question(h.text)]
    if named:
        h = named[0]
        return ("h", h.index), h.text, h, None
    tb = topic_bullet(b, node)
    if tb is not None:
        return ("b", tb.index), tb.text, tb, None
    first = next((n for n in b.outline.content() if n.kind != "heading"), node)
    return ("doc",), " ".join(first.text.split()[:8]), None, None


def read_worklog(outline: Outline, people: People, as_of: dt.date, guess: GenreGuess):
    b = LogBuilder(outline, people, as_of, "worklog", guess.first_person)
    walk(b, _topic)
    return b.finish()
