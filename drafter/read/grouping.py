"""Grouping lines into work items: a top-level line with its sub-lines is a unit; a heading owns the
units up to the next heading; other units join an earlier item when they share a person,
organisation, ticket or two subject keywords, or continue the prose line above; a signal-less line
stays unplaced."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..dates import DATE_RE
from .cues import (
    BLOCKED, DECISION, DONE_MARK, DUE, I_WILL, LEAD_IN, MEETING_TITLE, MISSED, NAME, NAME_COLON, NEW_TOPIC,
    NO_REPLY, OFFER, OWNER_TO, POSSESSIVE_REF, PROMISE, PRONOUN_REF, REASON_LINE, RECURRING, RISK,
    START_REF, TICKET, WAITING, WORD, _TODO_CUE,
)
from .lines import _Line, _generic_label
from .names import _Names, _clean_name
from .phrases import _action_verb, _dedupe, _find_dates, _stem, _strip_dates
from .vocabulary import NOT_NAMES, STOP, _FILLER


@dataclass
class _Item:
    lines: list[_Line] = field(default_factory=list)
    heading: _Line | None = None
    strong: set[str] = field(default_factory=set)
    weak: set[str] = field(default_factory=set)


def _keys(text: str, names: list[str]) -> tuple[set[str], set[str]]:
    strong = {n.lower() for n in names}
    strong |= {t.lower() for t in TICKET.findall(text)}
    weak: set[str] = set()
    for m in WORD.finditer(text):
        w = m.group(0)
        lw = w.lower()
        if any(c.isdigit() for c in w):
            if not DATE_RE.fullmatch(w):
                weak.add(lw)
            continue
        if len(lw) < 4 or lw in STOP or lw in strong:
            continue
        if w[0].isupper() and w not in NOT_NAMES and lw not in STOP and not DATE_RE.fullmatch(w):
            j = m.start()
            while j > 0 and text[j - 1].isspace():  # the character before the word (not text[:j]: linear)
                j -= 1
            if j > 0 and text[j - 1] not in ".!?:;-–—•*>#)(\"'":  # not sentence-initial
                strong.add(lw)
        weak.add(_stem(lw))
    return strong, weak


@dataclass
class _Unit:
    lines: list[_Line]
    forced: int | None = None  # item index (heading region)
    names: list[str] = field(default_factory=list)
    strong: set[str] = field(default_factory=set)
    weak: set[str] = field(default_factory=set)

    @property
    def first(self) -> _Line:
        return self.lines[0]


def _has_signal(unit: _Unit) -> bool:
    if unit.first.bullet or unit.first.checkbox is not None:
        return len(re.findall(r"[A-Za-z]{2,}", unit.first.body)) >= 1
    if unit.names or any(TICKET.search(ln.body) for ln in unit.lines):
        return True
    for ln in unit.lines:
        b = ln.body
        if ln.dated or DATE_RE.search(b):
            return True
        for pat in (NO_REPLY, WAITING, BLOCKED, DECISION, RISK, RECURRING, DONE_MARK, I_WILL, PROMISE, DUE, _TODO_CUE):
            if pat.search(b):
                return True
        if _action_verb(b):
            return True
    return False


def _group(lines: list[_Line], as_of: dt.date, names: _Names) -> tuple[list[_Item], list[_Line]]:
    items: list[_Item] = []
    unplaced: list[_Line] = []
    has_attendees = any(ln.kind == "attendees" for ln in lines)
    n_headings = sum(1 for ln in lines if ln.kind in ("heading", "title", "subject", "section"))

    # 1. pass: headings, document titles and context (section, dates, speakers)
    units: list[_Unit] = []
    region: int | None = None  # item index owning the current heading region
    section: str | None = None
    cur_date: dt.date | None = None
    pending_headers: list[_Line] = []
    speaker: str | None = None
    last_other: str | None = None  # the last other speaker in an inline chat
    prev: _Line | None = None
    first_content = True
    chain_open = False
    has_structure = any(x.kind in ("attendees", "section") for x in lines)
    for i, ln in enumerate(lines):
        blank_before = prev is None or ln.number - prev.number > 1
        if ln.kind in ("heading", "title", "subject"):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            is_doc_title = (ln.kind == "title" and (
                MEETING_TITLE.search(ln.heading or "") and n_headings > 1 or _generic_label(ln.heading or "", as_of)
            )) or (ln.marked and nxt is not None and nxt.kind in ("heading", "title") and nxt.marked)
            if is_doc_title:
                unplaced.append(ln)
                region, section = None, None
                m = _find_dates(ln.heading or "", as_of, direction="past")
                cur_date = m[0].date if m else cur_date
            else:
                items.append(_Item(lines=[*pending_headers, ln], heading=ln))
                pending_headers = []
                region, section = len(items) - 1, None
            prev = ln
            first_content = False
            continue
        if ln.kind == "header" and re.match(r"\s*from\s*:", ln.raw.lstrip("> \t"), re.I):
            sender = next((n for n in ln.names if not names.is_org(n)), None)
            speaker = None if not sender or re.search(r":\s*me\b", ln.raw, re.I) else sender
        if ln.kind == "header" and region is not None and not pending_headers and ln.quoted:
            items[region].lines.append(ln)
            prev = ln
            continue
        if ln.kind == "header":
            pending_headers.append(ln)
            prev = ln
            continue
        if pending_headers:
            unplaced.extend(pending_headers)
            pending_headers = []
        if ln.kind == "section":
            section = ln.section
            if ln.marked:
                region = None  # "## Misc", "== Done ==": a new group, not part of the item above
            (items[region].lines if region is not None else unplaced).append(ln)
            prev = ln
            continue
        if ln.kind == "datehead":
            cur_date = ln.date
            rel = re.sub(r"[^a-z ]", "", (ln.raw or "").lower()).strip()
            if rel in ("today", "tomorrow", "this week", "next week", "next"):
                section = "actions"  # standup "Today:": plans
            elif rel in ("yesterday", "last week"):
                section = "done"  # standup "Yesterday:": what got done
            else:
                section = None
            (items[region].lines if region is not None else unplaced).append(ln)
            prev = ln
            continue
        if ln.kind == "speaker":
            who = ln.heading or ""
            speaker = None if who.lower() in ("me", "i") else _clean_name(who)
            (items[region].lines if region is not None else unplaced).append(ln)
            prev = ln
            continue
        if ln.kind in ("attendees",):
            for part in re.split(r",|\band\b|;|/", ln.body):
                nm = _clean_name(part.strip().split("(")[0].strip())
                if nm and re.fullmatch(NAME, part.strip().split("(")[0].strip()):
                    names.vote(nm, "person", 2)
            (items[region].lines if region is not None else unplaced).append(ln)
            prev = ln
            continue
        if ln.kind in ("injection", "junk") and region is None:
            unplaced.append(ln)
            prev = ln
            chain_open = False
            continue
        ln.section = section
        ln.speaker = speaker
        if ln.inline_speaker is not None:
            who = ln.inline_speaker
            ln.speaker = None if who.lower() in ("me", "i") else _clean_name(who)
            if ln.speaker:
                names.vote(ln.speaker, "person", 2)
                last_other = ln.speaker
            else:
                ln.addressee = last_other
        if ln.date is None:
            ln.date = cur_date
        if (
            region is None
            and first_content
            and ln.kind == "text"
            and not ln.bullet
            and has_structure
            and MEETING_TITLE.search(ln.body)
            and _title_like(_strip_dates(ln.body, as_of) or ln.body)
        ):
            unplaced.append(ln)  # "Weekly sync with Northwind - 24 Nov": the document's title
            m = _find_dates(ln.body, as_of, direction="past")
            cur_date = m[0].date if m else cur_date
            first_content = False
            prev = ln
            continue
        # first line of a prose note written like a title: "Event app for the Lisbon offsite (launch Tue 8 Dec)"
        if (
            region is None
            and ln.kind == "text"
            and not ln.bullet
            and blank_before
            and first_content
            and _title_like(ln.body)
            and i + 1 < len(lines)
            and lines[i + 1].kind == "text"
            and lines[i + 1].number == ln.number + 1
        ):
            ln.kind = "heading"
            ln.heading = ln.body
            items.append(_Item(lines=[ln], heading=ln))
            region = len(items) - 1
            prev = ln
            first_content = False
            continue
        first_content = False
        # sub-lines and wrapped continuations join the unit above
        if units and not blank_before and chain_open and region is None and units[-1].forced is None:
            top = units[-1].first
            if ln.indent > top.indent or (
                not ln.bullet
                and not top.bullet
                and ln.body[:1].islower()
                and not re.search(r"[.!?:;]$", prev.body if prev else "")
                and not ln.dated
                and not NEW_TOPIC.match(ln.body)
                and len(prev.body if prev else "") > 50
            ):
                units[-1].lines.append(ln)
                prev = ln
                continue
        units.append(_Unit(lines=[ln], forced=region))
        chain_open = True
        prev = ln
    if pending_headers:
        unplaced.extend(pending_headers)

    # 2. pass: keys per unit
    for unit in units:
        text = " ".join(ln.body for ln in unit.lines)
        unit.names = _dedupe([nm for ln in unit.lines for nm in ln.names])
        unit.strong, unit.weak = _keys(text, unit.names)
        if has_attendees:  # in minutes everyone is everywhere: people do not make a topic
            unit.strong = {k for k in unit.strong if not names.person_votes.get(k.capitalize())}
    for item in items:
        if item.heading is not None:
            hnames = item.heading.names
            s, w = _keys(item.heading.heading or "", hnames)
            item.strong |= s
            item.weak |= w

    # 3. pass: place units
    strong_index: dict[str, list[int]] = {}
    weak_index: dict[str, list[int]] = {}
    for idx, item in enumerate(items):
        for k in item.strong:
            strong_index.setdefault(k, []).append(idx)
        for k in item.weak:
            weak_index.setdefault(k, []).append(idx)
    transparent = {ln.number for ln in lines if ln.kind in ("speaker", "injection", "junk", "header")}
    person_keys = {n.lower() for n in names.order if not names.is_org(n)}
    chat = any(ln.kind == "speaker" or ln.inline_speaker for ln in lines)
    last_item: int | None = None
    last_unit_end = -10
    last_unit_prose = False
    for unit in units:
        first = unit.first
        target: int | None = unit.forced
        if target is None and first.kind in ("injection", "junk"):
            unplaced.extend(unit.lines)
            continue
        if target is None:
            scores: dict[int, int] = {}
            for k in unit.strong:
                weight = 2 if k in person_keys else 3  # a shared person alone does not merge two bullets
                for idx in strong_index.get(k, ()):
                    scores[idx] = scores.get(idx, 0) + weight
            for k in unit.weak:
                for idx in weak_index.get(k, ()):
                    scores[idx] = scores.get(idx, 0) + 1
            lead = LEAD_IN.match(first.body)
            has_lead = (
                bool(lead)
                and not NAME_COLON.match(first.body)
                and lead.group("lead").strip().lower() not in _FILLER
                and not START_REF.match(lead.group("lead"))  # "It's tight: ..." continues the line above
            )
            threshold = 3 if has_lead or first.bullet else 2
            best = max(scores.items(), key=lambda kv: (kv[1], kv[0]), default=None)
            adjacent_prose = (
                last_item is not None
                and not first.bullet
                and last_unit_prose
                and 0 < first.number - last_unit_end <= 12
                and all(n in transparent for n in range(last_unit_end + 1, first.number))
                and not has_lead
                and not NEW_TOPIC.match(first.body)
            )
            own_names = [n for n in unit.names if n.lower() not in items[last_item].strong] if last_item is not None else unit.names
            if best and best[1] >= threshold:
                target = best[0]
            elif last_item is not None and not first.bullet and (REASON_LINE.match(first.body) or OFFER.match(first.body)) and (
                0 < first.number - last_unit_end <= 2
            ):
                target = last_item  # "Reason: ..." explains the line above; "I can ... - 2 days" offers a way out of it
            elif adjacent_prose and (
                chat
                or POSSESSIVE_REF.search(first.body)
                or not own_names
                and (
                    unit.weak & items[last_item].weak
                    or PRONOUN_REF.search(first.body)
                    or START_REF.match(first.body)
                    or first.body[:1].islower()
                )
            ):
                target = last_item
            elif (
                last_item is not None
                and not first.bullet
                and not has_lead
                and (not own_names and PRONOUN_REF.search(first.body) or POSSESSIVE_REF.search(first.body))
            ):
                target = last_item
            elif _has_signal(unit) or unit.strong and not first.quoted:
                items.append(_Item())
                target = len(items) - 1
            else:
                unplaced.extend(unit.lines)
                continue
        item = items[target]
        item.lines.extend(unit.lines)
        for k in unit.strong - item.strong:
            _index_add(strong_index, k, target)
        for k in unit.weak - item.weak:
            _index_add(weak_index, k, target)
        item.strong |= unit.strong
        item.weak |= unit.weak
        last_item = target
        last_unit_end = unit.lines[-1].number
        last_unit_prose = not first.bullet
    return items, unplaced


_INDEX_CAP = 40  # items remembered per key: keeps grouping linear on very long notes


def _index_add(index: dict[str, list[int]], key: str, item: int) -> None:
    bucket = index.setdefault(key, [])
    bucket.append(item)
    if len(bucket) > _INDEX_CAP:
        del bucket[0]


def _title_like(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 10 or re.search(r"[.!?]$", text) or not text[:1].isupper():
        return False
    if _action_verb(text) or LEAD_IN.match(text) and not text.strip().endswith(")"):
        return False
    for pat in (NO_REPLY, WAITING, BLOCKED, DECISION, I_WILL, PROMISE, MISSED, OWNER_TO, DUE):
        if pat.search(text):
            return False
    if DATE_RE.search(re.sub(r"\([^()]*\)", "", text)):
        return False
    if re.search(r"\b(?:is|are|was|were|has|have|had|did|will|'ll|can|need|needs)\b", text, re.I):
        return False
    return True
