"""Speakers inside one line of minutes: "Carol: a. John: b" is Carol's turn, then John's, for the
names the notes know (and the first names and defined initials of those people)."""

from __future__ import annotations

import re

from .people import People

_KNOWN: list = [None, -1, []]  # the last People asked about, its size, its names longest first


def _known_names(people: People) -> list[str]:
    """Every known name and first name, longest first (kept while ``people`` does not grow)."""
    if _KNOWN[0] is not people or _KNOWN[1] != len(people.by_name):
        names = {n for p in people.persons() for n in (p.name, p.name.split()[0])}
        names |= {ini.upper() for ini in people.aliases}  # "CM" for Chris Manson, as the notes define it
        names = sorted(names, key=len, reverse=True)
        _KNOWN[:] = [people, len(people.by_name), names]
    return _KNOWN[2]


def speaker_turns(text: str, people: People) -> list[tuple[str | None, str]]:
    """'Carol: a. John: b' -> [('Carol', 'a.'), ('John', 'b')] for known names; else [(None, text)]."""
    if not people.by_name:
        return [(None, text)]
    names = [n for n in _known_names(people) if n in text]  # a name the text does not hold cannot match
    if not names:
        rest = text.strip()  # no turn: as the loop below ends without a match
        return [(None, rest)] if rest else [(None, text)]
    alt = "|".join(re.escape(n) for n in names)
    one = rf"(?:{alt})(?:\s+[A-Z]\.?|\s+[A-Z][a-z]+)?"
    # "Carol:", and two or more owners of one line: "CM, AL: Work on ...", "Ana & Bo:"
    rx = re.compile(rf"(?:(?<=^)|(?<=[.!?)\"]\s)|(?<=[.!?]))\s*(?P<who>{one}(?:\s*(?:,|&|\+|/|\band\b)\s*{one})*)\s*(?:\([^)]*\)\s*)?:\s+")
    out: list[tuple[str | None, str]] = []
    pos = 0
    who = None
    for m in rx.finditer(text):
        before = text[pos : m.start()].strip()
        if before or who is not None:
            out.append((who, before))
        who = m.group("who").strip()
        pos = m.end()
    rest = text[pos:].strip()
    out.append((who, rest))
    out = [(w, t) for w, t in out if t]
    return out or [(None, text)]
