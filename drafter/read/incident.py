"""Incident and release-status notes: summary, impact, timeline, root cause, resolution,
follow-ups; release blockers, votes and go/no-go.

Each top-level section is one item. Timeline entries (a time/date sub-heading or a "10:34 -"
line) are actions already taken; resolution and decisions are outcomes; impact, cause and
lessons are risk notes; follow-ups and action items are commitments (owned when the notes name
an owner, else unowned: the notes name nobody).
"""

from __future__ import annotations

import datetime as dt
import re

from .genre import GenreGuess
from .outline import Outline
from .people import People
from .sections import walk
from .signals import mode_of
from .topics import LogBuilder

_RELEASE = re.compile(r"\b(release|rc\d*|go/no-go|vote|blockers?)\b", re.I)


def _topic(b: LogBuilder, node):
    path = b.outline.heading_path(node)
    heads = b.outline.headings()
    title = path[0] if path and path[0].level == 1 and sum(1 for h in heads if h.level == 1) == 1 and len(heads) > 1 else None
    below = [h for h in path if h is not title]
    if below:
        h = below[0]
        return ("h", h.index), h.text, h, None
    if title is not None:
        return ("h", title.index), title.text, title, None
    return ("doc",), " ".join(node.text.split()[:8]), None, None


def _mode(b: LogBuilder, node, mode):
    path = b.outline.heading_path(node)
    if any(mode_of(h.text) == "timeline" for h in path):
        return "timeline"
    if any(re.search(r"\b(summary|overview|what happened|description|resolution|outcome)\b", h.text, re.I) for h in path) and mode in (None, "done", "plain"):
        return "decided"  # what the report states happened: outcomes (risks and waits still read as such)
    return mode


def _special(b: LogBuilder, node, item, mode) -> bool:
    m = _mode(b, node, mode)
    if m != mode:
        b.read_node(item, node, m)
        return True
    if re.match(r"^\s*\d{1,2}:\d{2}\b", node.text) and mode in (None, "timeline"):
        b.read_node(item, node, "timeline")
        return True
    return False


def read_incident(outline: Outline, people: People, as_of: dt.date, guess: GenreGuess):
    b = LogBuilder(outline, people, as_of, "incident", guess.first_person)
    walk(b, _topic, _special)
    return b.finish()
