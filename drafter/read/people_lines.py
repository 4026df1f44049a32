"""Every line that names a person the notes give evidence for (the second pass of ``find_people``).

A name seen once as a person is that person on every line that names it: each line's words are
looked up among the names' first words (one regex per person over every line was quadratic in
notes with many people); a name not starting with a word character is searched with a regex.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")


def cite_every_line(people, nodes) -> None:
    """Add to each person's ``lines`` every line of ``nodes`` naming them (then sorted)."""
    by_lead: dict[str, list] = {}
    odd: list[tuple[object, re.Pattern]] = []
    for p in people.by_name.values():
        lead = re.match(r"\w+", p.name)
        if lead:
            by_lead.setdefault(lead.group(0), []).append(p)
        else:
            odd.append((p, re.compile(rf"(?<![\w@]){re.escape(p.name)}(?!\w)")))
    cited = {id(p): set(p.lines) for p in people.by_name.values()}
    for n in nodes:
        if n.kind in ("code", "comment", "directive", "front_matter"):
            continue
        raw = n.raw
        named = [p for p, pat in odd if pat.search(raw)]
        if by_lead:
            named += _named_by_lead(raw, by_lead)
        for p in named:
            if n.line not in cited[id(p)]:
                cited[id(p)].add(n.line)
                p.lines.append(n.line)
    for p in people.by_name.values():
        p.lines.sort()


def _named_by_lead(raw: str, by_lead: dict[str, list]) -> list:
    """The people of ``by_lead`` (by the first run of \\w of their name) that ``raw`` names: a
    whole run of \\w equal to the lead, not after '@', where the name starts and ends on a word's
    edge. Only the leads that are words of ``raw`` are looked for, each from its first occurrence
    until its people are found."""
    found: list = []
    n = len(raw)
    for lead in by_lead.keys() & set(_WORD.findall(raw)):
        todo = list(by_lead[lead])
        size = len(lead)
        i = raw.find(lead)
        while todo and i >= 0:
            before = raw[i - 1] if i else ""
            after = raw[i + size] if i + size < n else ""
            if not (before and (before == "@" or before.isalnum() or before == "_")) and not (after and (after.isalnum() or after == "_")):
                for p in list(todo):  # the run at i is the lead itself
                    e = i + len(p.name)
                    if raw.startswith(p.name, i) and not (e < n and (raw[e].isalnum() or raw[e] == "_")):  # (?!\w)
                        found.append(p)
                        todo.remove(p)
            i = raw.find(lead, i + 1)
    return found
