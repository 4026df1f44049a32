"""Build real Draft objects for journal tests without the parser/playbook (pure pydantic)."""

from __future__ import annotations

import datetime as dt

from drafter.models import (
    ArtefactKind,
    Commitment,
    CommitmentState,
    Draft,
    DraftMeta,
    ItemPlan,
    ItemStatus,
    Plan,
    Status,
    StatusUpdate,
    WorkItem,
    WorkLog,
)


def make_draft(as_of: dt.date, promises: list[dict], title: str = "Q3 board pack") -> Draft:
    """One item holding ``promises`` (dicts: what, owner, due, state, new_date, ask, journal_id)."""
    log_commitments = [
        Commitment(
            what=p["what"], owner=p.get("owner", "I"), due=p.get("due"), state=p.get("state", "open"),
            for_whom=p.get("for_whom"), journal_id=p.get("journal_id"), done_on=p.get("done_on"),
        )
        for p in promises
    ]
    states = [
        CommitmentState(
            what=p["what"], owner=p.get("owner", "I"), due=p.get("due"), state=p.get("state", "open"),
            new_date=p.get("new_date"), ask=p.get("ask"),
        )
        for p in promises
    ]
    item = WorkItem(title=title, commitments=log_commitments)
    log = WorkLog(as_of=as_of, items=[item])
    plan = Plan(
        as_of=as_of, log=log,
        items=[ItemPlan(item=item, status=Status.ON_TRACK, reason="test", commitments=states)],
    )
    artefact = StatusUpdate(
        as_of=as_of, subject="Update", headline="On track.", overall=Status.ON_TRACK,
        items=[ItemStatus(title=title, status=Status.ON_TRACK, commitments=states)],
    )
    return Draft(kind=ArtefactKind.UPDATE, artefact=artefact, plan=plan, meta=DraftMeta(engine="test"))
