"""Minutes: attendees, agenda, discussion topics, speakers' lines, action items, decisions.

Topics are the agenda items as the minutes hold them: a heading per topic, or a short list item
with the discussion nested under it. Attendee lists, the agenda itself and "next meeting" are
context (never items). A speaker's lines ("Carol: ...", inline turns "... John: ...") are read
with the speaker as the one who said it; "AI:", "Action item", "@x will", "X to do Y" are owners'
commitments; "agreed", "decided", votes are outcomes; questions stay questions.
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
    if tb is not None:
        return ("b", tb.index), tb.text, tb, None
    h = topic_heading(b, node)
    if h is not None:
        return ("h", h.index), h.text, h, None
    return ("doc",), _first_words(node.text), None, None


def _first_words(text: str) -> str:
    return " ".join(text.split()[:8])


def read_minutes(outline: Outline, people: People, as_of: dt.date, guess: GenreGuess):
    b = LogBuilder(outline, people, as_of, "minutes", guess.first_person)
    walk(b, _topic)
    return b.finish()
