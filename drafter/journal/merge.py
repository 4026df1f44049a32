"""Carrying recorded promises into a new work log (U5, U16): done, carried with their date, or
carried on an item of their own; ambiguous matches are carried and flagged, never guessed."""

from __future__ import annotations

from ..models import Commitment, WorkItem, WorkLog
from .matching import Promise, match_commitments

CARRIED_TITLE = "Carried over from earlier updates"


def merge_into(journal, log: WorkLog) -> WorkLog:
    """Return a copy of ``log`` with every open recorded promise placed in it (U5, U16).

    Reported done in the notes -> done; mentioned -> carried on that item with its date (a
    passed date stays passed, so the playbook calls it missed); not mentioned -> carried on
    an item "Carried over from earlier updates". Ambiguous matches are not guessed: the
    promise is carried and a warning asks the user to confirm.
    """
    rows = journal.open_commitments()
    if not rows:
        return log
    log = log.model_copy(deep=True)
    by_id = {r.id: r for r in rows}
    promises = [Promise(r.id, r.what, r.owner, r.due) for r in rows]
    carried_items: dict[str, WorkItem] = {}
    for m in match_commitments(promises, log):
        r = by_id[m.journal_id]
        if m.target is not None and m.target[0] == "c":
            c = log.items[m.target[1]].commitments[m.target[2]]
            c.journal_id = r.id
            c.for_whom = c.for_whom or r.for_whom
            if c.state != "done" and r.due is not None:
                if c.due is None:
                    c.due = r.due
                elif r.due < log.as_of and c.due != r.due:
                    # a passed date is not re-dated silently: the playbook reports it missed,
                    # and the date the notes give is offered as the new date
                    if c.due >= log.as_of:
                        c.new_due = c.due
                    c.due = r.due
            continue
        carried = Commitment(
            what=r.what,
            owner=r.owner,
            due=r.due,
            for_whom=r.for_whom,
            state="done" if m.done else "open",
            source="journal",
            journal_id=r.id,
            done_on=m.done_on if m.done else None,
        )
        target = log.items[m.target[1]] if m.target is not None else None
        if target is not None and (m.done or not target.done):
            # (an open promise is not put on an item the notes mark done: the playbook
            # would report it done on a weak match)
            target.commitments.append(carried)
            continue
        _carried_item(log, r.item, carried_items, ambiguous=bool(m.ambiguous)).commitments.append(carried)
        if m.ambiguous:
            places = " / ".join(f"'{_short(c.text)}'" for c in m.ambiguous[:3])
            log.warnings.append(
                f"journal #{r.id} '{_short(r.what)}' matches more than one line of the notes "
                f"({places}); carried as open - confirm with `drafter journal done {r.id}` "
                f"or `drafter journal drop {r.id}`"
            )
    return log


def _carried_item(log: WorkLog, title: str | None, made: dict[str, WorkItem], *, ambiguous: bool) -> WorkItem:
    """Where an unmatched promise goes: its old item if the notes have one of that name, else
    "<old item> (carried over)", else "Carried over from earlier updates". Ambiguous ones always
    go to the last, so they are not quietly attached to one of the candidates."""
    suffix = " (carried over)"
    title = (title or "").removesuffix(suffix).strip()
    if title and title != CARRIED_TITLE and not ambiguous:
        wanted = " ".join(title.lower().split())
        for item in log.items:
            if item.done or any(item is v for v in made.values()):
                continue
            if " ".join(item.title.lower().split()) == wanted:
                return item
        name = title + suffix
    else:
        name = CARRIED_TITLE
    if name not in made:
        made[name] = WorkItem(title=name)
        log.items.append(made[name])
    return made[name]


def _short(text: str, n: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"
