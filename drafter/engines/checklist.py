"""A todo list's update: how far the list is, section by section, in the list's own entries.

A checklist's entries are rarely verb phrases ("Print button works", "Privacy & Security Review",
"GA Analytics integration"), and most name no owner and no date: worded as "I will print button
works (proposed: Mon 1 Jun)" they read as nonsense and promise what nobody promised. So an entry
with no owner other than the writer and no date is reported as the list writes it, under its
section: "Open (8 of 10): Frontend code complete (+ schema updates); Print button works; ...",
"Done (2 of 10): Content finalized; A11y Spot Check". An entry with a named owner or a due date
stays a promise with its owner and date (the normal update lines). The bottom line counts the
list: "Countdown to Launch (Dark Release): 5 of 33 entries done, 28 open; none has a due date."
"""

from __future__ import annotations

import re

from ..models import ItemPlan, Plan, Status
from ..models.worklog import WorkLog
from ..playbook import clean
from .wording import cap

PER_LINE = 12  # entries named per line (a word cap drops them from the end; the count says how many there are)
_LIST_WORD = re.compile(r"^\W*(?:todo|to-?do(?: list)?|tasks?|checklist|backlog|list)\W*$", re.I)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<t>.+?)\s*#*\s*$")


def is_checklist(plan: Plan) -> bool:
    return plan.log.genre == "todo" and any(ip.item.actions or ip.item.commitments for ip in plan.items)


def _plain(c) -> bool:
    """An open entry the list gives no owner (other than the writer) and no date."""
    return c.state == "open" and not c.due and clean(c.owner or "").lower() in ("", "i", "me", "we")


def plain_open(ip: ItemPlan) -> list:
    return [c for c in ip.commitments if _plain(c)]


def _entry(text: str) -> str:
    return cap(clean(text).rstrip(" .;:"))


def _by(actor: str | None, text: str) -> str:
    """' (jason.heeris)' after an entry someone the list names did; nothing for the writer's own."""
    who = clean(actor or "")
    return "" if who.lower() in ("", "i", "me", "we") or who.lower() in text.lower() else f" ({who})"


def _listed(entries: list[str]) -> str:
    shown = entries[:PER_LINE]
    more = len(entries) - len(shown)
    return "; ".join(shown) + (f"; and {more} more" if more else "")


def checklist_lines(ip: ItemPlan) -> list[tuple[str, str]]:
    """(kind, line) for the item: its open entries, then its done ones, as the list words them."""
    opened = [_entry(c.what) for c in plain_open(ip) if clean(c.what)]
    done = [_entry(a.text) + _by(a.actor, a.text) for a in ip.item.actions if clean(a.text)]
    done += [_entry(c.what) for c in ip.commitments if c.state == "done" and clean(c.what)]
    total = len(opened) + len(done) + sum(1 for c in ip.commitments if c.state == "open" and not _plain(c))
    out = []
    if len(opened) + len(done) <= 3:  # a short section: each entry its own line, as a list of a few reads
        return [("open", f"Open: {x}.") for x in opened] + [("done", f"Done: {x}.") for x in done]
    if opened:
        out.append(("open", f"Open ({len(opened)} of {total}): {_listed(opened)}."))
    if done:
        out.append(("done", f"Done ({len(done)} of {total}): {_listed(done)}."))
    return out


def _title(log: WorkLog) -> str:
    for ln in log.lines[:6]:
        m = _HEADING.match(ln.text)
        if m and not _LIST_WORD.match(m.group("t")):
            return clean(m.group("t"))
    return ""


def checklist_headline(plan: Plan) -> str | None:
    """'On track: Countdown to Launch (Dark Release): 5 of 33 entries done, 28 open; none has a due date.'"""
    if plan.overall not in (Status.ON_TRACK, Status.DONE) or any(ip.item.deadline for ip in plan.items):
        return None  # a missed date, a blocker or a target date leads; the normal bottom line says it
    done = sum(len(ip.item.actions) + sum(1 for c in ip.commitments if c.state == "done") for ip in plan.items)
    opened = [c for ip in plan.items for c in ip.commitments if c.state == "open"]
    total = done + len(opened)
    if not total:
        return None
    title = _title(plan.log)
    lead = f"{title}: " if title else "The list: "
    if not opened or any(ip.item.waits or ip.item.risk_notes for ip in plan.items):
        return None  # all done, or something waits or is at risk: the normal bottom line says so
    plain = sum(1 for c in opened if _plain(c))
    if plain < len(opened):
        return None  # someone's dated or named step: the normal bottom line leads with it
    tail = "; none has a due date"
    return f"{cap(plan.overall.label)}: {lead}{done} of {total} entries done, {len(opened)} open{tail}."


def checklist_parts(line: str) -> tuple[str, list[str]]:
    """'Open (8 of 10): a; b; c.' -> ('Open (8 of 10): ', ['a', 'b', 'c']); a line of one entry has no parts."""
    label, _, rest = line.partition(": ")
    entries = [p for p in rest.rstrip(".").split("; ") if p]
    return (f"{label}: ", entries) if len(entries) > 1 else (line, [])
