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

from ..models import ChecklistLine, ItemPlan, Plan, Status
from ..playbook import clean
from ..read.incident_state import top_titles
from .wording import cap, fit, status_words

PER_LINE = 12  # entries named per line (a word cap drops them from the end; the count says how many there are)
_LIST_WORD = re.compile(r"^\W*(?:todo|to-?do(?: list)?|tasks?|checklist|backlog|list)\W*$", re.I)


def is_checklist(plan: Plan) -> bool:
    return plan.log.genre == "todo" and any(ip.item.actions or ip.item.commitments for ip in plan.items)


def _plain(c) -> bool:
    """An open entry the list gives no owner (other than the writer) and no date."""
    return c.state == "open" and not c.due and clean(c.owner or "").lower() in ("", "i", "me", "we")


def plain_open(ip: ItemPlan) -> list:
    return [c for c in ip.commitments if _plain(c)]


def _entry(text: str) -> str:
    t = clean(text).rstrip(" .;:")
    first = t.split(" ", 1)[0] if t else ""
    # a file, path or identifier keeps its case ("base/*.py", "views/menu.py", "pip packaging" is a phrase)
    return t if re.search(r"[/\\*_]|\.\w", first) else cap(t)


def _by(actor: str | None, text: str) -> str:
    """' (jason.heeris)' after an entry someone the list names did; nothing for the writer's own."""
    who = clean(actor or "")
    return "" if who.lower() in ("", "i", "me", "we") or who.lower() in text.lower() else f" ({who})"


def _listed(entries: list[str]) -> list[str]:
    shown = [fit(e, 300) for e in entries[:PER_LINE]]
    more = len(entries) - len(shown)
    return shown + ([f"and {more} more"] if more else [])


def checklist_lines(ip: ItemPlan) -> list[ChecklistLine]:
    """The item's open entries, then its done ones, as the list words them."""
    opened = [_entry(c.what) for c in plain_open(ip) if clean(c.what)]
    done = [_entry(a.text) + _by(a.actor, a.text) for a in ip.item.actions if clean(a.text)]
    done += [_entry(c.what) for c in ip.commitments if c.state == "done" and clean(c.what)]
    if len(opened) + len(done) <= 3:  # a short section: each entry its own line, as a list of a few reads
        return ([ChecklistLine(state="open", label="Open: ", entries=[fit(x, 300)]) for x in opened]
                + [ChecklistLine(state="done", label="Done: ", entries=[fit(x, 300)]) for x in done])
    total = len(opened) + len(done) + sum(1 for c in ip.commitments if c.state == "open" and not _plain(c))
    out = []
    if opened:
        out.append(ChecklistLine(state="open", label=f"Open ({len(opened)} of {total}): ", entries=_listed(opened)))
    if done:
        out.append(ChecklistLine(state="done", label=f"Done ({len(done)} of {total}): ", entries=_listed(done)))
    return out


def checklist_headline(plan: Plan) -> str | None:
    """'On track: Countdown to Launch (Dark Release): 5 of 33 entries done, 28 open; none has a due date.'"""
    if plan.overall not in (Status.ON_TRACK, Status.DONE) or any(ip.item.deadline or ip.item.waits or ip.item.risk_notes for ip in plan.items):
        return None  # a missed date, a blocker, a target date, a wait or a risk leads; the normal bottom line says it
    opened = [c for ip in plan.items for c in ip.commitments if c.state == "open"]
    if not opened or not all(_plain(c) for c in opened):
        return None  # all done, or someone's dated or named step: the normal bottom line leads with it
    done = sum(len(ip.item.actions) + sum(1 for c in ip.commitments if c.state == "done") for ip in plan.items)
    title = next((clean(t) for t, _ in top_titles(plan.log) if not _LIST_WORD.match(t)), "")
    lead = f"{title}: " if title else "The list: "
    return f"{cap(status_words(plan.overall, plan.status_stated))}: {lead}{done} of {done + len(opened)} entries done, {len(opened)} open; none has a due date."
