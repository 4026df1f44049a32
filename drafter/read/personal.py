"""The reader of personal first-person notes: raw notes -> :class:`~drafter.models.WorkLog`.

Offline and deterministic; the entry point is :func:`parse_personal`. Modules:
:mod:`.lines` (1), :mod:`.names`, :mod:`.grouping` (2), :mod:`.items`, :mod:`.clauses`,
:mod:`.deadlines`, :mod:`.titles` (3); their patterns are in :mod:`.cues` and :mod:`.vocabulary`.

Three passes, all linear in the number of lines:

1. **Structure** - each non-blank line is classified (heading, section label such as "Action
   items:", dated-day heading, bullet, numbered item, checkbox, email header, chat speaker line,
   quoted text, prose, junk, injected instructions) and its date prefix ("Mon:", "2026-11-20:",
   "11/20 -", "Yesterday:") is resolved looking backwards from ``as_of``.
2. **Grouping** - lines become *units* (a top-level line with its indented sub-lines and wrapped
   continuations). A heading owns every unit up to the next heading. Other units join an earlier
   item when they share a person, organisation, ticket or two subject keywords, or when a prose
   line merely continues the previous one ("he said...", "tues: chased again"); otherwise a unit
   with any work signal starts an item and a signal-less prose line stays ``unplaced``.
3. **Cues** - per line: actions already taken, waits (no reply / waiting / blocked), commitments
   (owner, due, state), decisions (options, decider, decide-by), risks, recurrence, delegation,
   downstream deadlines and outcome, people, organisations and resources.

Invariant: every non-blank line lands exactly once in some item's ``lines`` or in ``unplaced``.
Lines are split on ``\\n`` after normalising ``\\r\\n`` and ``\\r``; a line is blank when
``line.strip()`` is empty. Note text is data only: nothing in it is ever executed or obeyed.
"""

from __future__ import annotations

import datetime as dt

from .lazy_re import lazy_re
from ..models import Person, SourceLine, WorkLog
from .grouping import _group
from .items import _ItemBuilder
from .lines import _Line, _classify, split_lines
from .names import HEADER_ADDRESS, _Names, _clean_name, _known_mentions, _line_names, _org_from_domain
from .phrases import _DATES_MEMO
from .vocabulary import TEAMS


def parse_personal(text: str, as_of: dt.date) -> WorkLog:
    """Parse raw notes into a :class:`WorkLog` (offline, deterministic, no network)."""
    token = _DATES_MEMO.set({})
    try:
        return _parse(text, as_of)
    finally:
        _DATES_MEMO.reset(token)


def _parse(text: str, as_of: dt.date) -> WorkLog:
    raw_lines = split_lines(text)
    classified = _classify(raw_lines, as_of)
    names = _Names()
    # collect name evidence over the whole note first (person vs organisation)
    for ln in classified:
        text = ln.heading if ln.kind in ("heading", "title", "subject", "header") else ln.body
        if text and ln.kind not in ("injection", "junk"):
            ln.names = _line_names(text, names)
        if ln.kind == "header" and text:
            for m in HEADER_ADDRESS.finditer(text):
                who = _clean_name(m.group("n").strip())
                if who:
                    names.vote(who, "person", 2)
                    ln.names.append(who)
                    org = _org_from_domain(m.group("e"))
                    if org:
                        names.vote(org, "org", 1)
                        names.person_org.setdefault(who, org)
    _known_mentions(classified, names)
    items, unplaced = _group(classified, as_of, names)
    builder = _ItemBuilder(as_of, names, classified)
    work_items = [builder.build(item) for item in items if item.lines]
    # a name counts as a person with evidence ("emailed Dana", "Dana said") or a role in a cue
    # (waited on, owner, recipient, decider, delegate); "from London" alone is not enough
    in_cues: set[str] = set()
    for w in work_items:
        in_cues.update(x.on_whom for x in w.waits if x.on_whom)
        in_cues.update(c.owner for c in w.commitments)
        in_cues.update(c.for_whom for c in w.commitments if c.for_whom)
        in_cues.update(d.who for d in w.decisions if d.who)
        in_cues.update(a.actor for a in w.actions)
        if w.delegate_to:
            in_cues.add(w.delegate_to)
    is_person = {nm for nm in names.order if not names.is_org(nm) and (names.person_votes.get(nm, 0) > 0 or nm in in_cues)}
    for w in work_items:
        w.people = [p for p in w.people if p in is_person]
    mentions = _mention_index(classified)
    raw_of = {ln.number: ln.raw for ln in classified}
    people: list[Person] = []
    orgs: list[str] = []
    org_seen: set[str] = set()
    for nm in names.order:
        if names.is_org(nm):
            if nm.lower() not in org_seen:
                org_seen.add(nm.lower())
                orgs.append(nm)
        elif nm in is_person:
            org, role = names.person_org.get(nm), names.person_role.get(nm)
            if org and org.lower() in TEAMS:  # "Raj in finance", "Legal (Hannah)": a department, kept as the role
                org, role = None, role or org
            people.append(Person(name=nm, org=org, role=role, lines=_lines_naming(nm, raw_of, mentions)))
    return WorkLog(
        as_of=as_of,
        items=work_items,
        people=people,
        orgs=orgs,
        lines=[SourceLine(number=ln.number, text=ln.raw.rstrip()) for ln in classified],
        unplaced=[SourceLine(number=ln.number, text=ln.raw.rstrip()) for ln in sorted(unplaced, key=lambda x: x.number)],
    )


def _mention_index(lines: list[_Line]) -> dict[str, list[int]]:
    """Word -> numbers of the lines it occurs on (one pass over the notes)."""
    index: dict[str, list[int]] = {}
    for ln in lines:
        for word in set(_WORD.findall(ln.raw)):
            index.setdefault(word, []).append(ln.number)
        for nm in ln.names:
            index.setdefault("\0" + nm, []).append(ln.number)
    return index


def _lines_naming(name: str, raw: dict[int, str], index: dict[str, list[int]]) -> list[int]:
    """Lines the name occurs on: written out ("Dana", "Dr. Weiss") or found there by a cue ("@dana")."""
    first = _WORD.findall(name)
    found = {n for n in index.get(first[0], ()) if name in raw[n]} if first else set()
    found.update(index.get("\0" + name, ()))
    return sorted(found)


_WORD = lazy_re(r"[^\W\d_][\w'’-]*")
