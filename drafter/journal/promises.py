"""The promises a draft reports, as rows for the journal (the log's commitments with the playbook's state)."""

from __future__ import annotations

import datetime as dt

from ..models import Commitment, Draft, WorkItem
from .matching import similarity


def promises_of(draft: Draft) -> list[dict]:
    """The promises a draft reports: the log's commitments with the playbook's state for each.

    The playbook keeps one CommitmentState per commitment of an item, in order; when an engine or
    playbook breaks that alignment, states are paired by wording instead.
    """
    plan = draft.plan
    out: list[dict] = []
    covered: set[int] = set()

    def done_date(c: Commitment | None, item: WorkItem | None) -> dt.date | None:
        """When a done promise was done: its own date, or the dated action on the same line."""
        if c is None or item is None:
            return None
        if c.done_on is not None:
            return c.done_on
        same_line = [a.on for a in item.actions if a.on and c.line is not None and a.line == c.line]
        if same_line:
            return same_line[0]
        scored = [(similarity(c.what, a.text), a.on) for a in item.actions if a.on]
        best = max(scored, default=(0.0, None), key=lambda t: t[0])
        return best[1] if best[0] >= 0.6 else None

    def entry(c: Commitment | None, cs, title: str, item: WorkItem | None = None) -> dict:
        src = c if c is not None else cs
        return dict(
            what=src.what, owner=(src.owner or "I"), due=src.due, item=title,
            for_whom=c.for_whom if c is not None else None,
            state=cs.state if cs is not None else c.state,
            new_date=cs.new_date if cs is not None else None,
            ask=cs.ask if cs is not None else None,
            journal_id=c.journal_id if c is not None else None,
            done_on=done_date(c, item),
            # a later date the notes themselves give for a passed promise (merge_into): the
            # user's new promise, unlike a date the playbook proposes
            notes_new_date=c.new_due if c is not None else None,
        )

    for ip in plan.items:
        covered.add(id(ip.item))
        log_cs, states = ip.item.commitments, list(ip.commitments)
        if len(log_cs) == len(states):
            out += [entry(c, cs, ip.item.title, ip.item) for c, cs in zip(log_cs, states)]
            continue
        for c in log_cs:
            scored = [(similarity(cs.what, c.what), k) for k, cs in enumerate(states)]
            best = max(scored, default=(0.0, -1))
            cs = states.pop(best[1]) if best[0] >= 0.6 else None
            out.append(entry(c, cs, ip.item.title, ip.item))
        out += [entry(None, cs, ip.item.title) for cs in states]
    for item in plan.log.items:
        if id(item) not in covered:
            out += [entry(c, None, item.title, item) for c in item.commitments]
    return out
