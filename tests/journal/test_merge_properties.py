"""Property: merging never drops or duplicates a recorded promise, and never loses a notes promise (U16)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.journal import open_journal
from drafter.journal.matching import similarity
from drafter.models import Action, Commitment, WorkItem, WorkLog

from .helpers import make_draft

AS_OF = dt.date(2026, 11, 25)
VERBS = ["send", "review", "book", "post", "fix", "draft", "renew", "confirm", "sent", "finished"]
NOUNS = ["report", "deck", "budget", "contract", "venue", "rota", "invoice", "Q3 docs", "Q4 docs", "OPS-412"]
PEOPLE = ["Dana", "Lee", "Sam", "Priya", "Acme"]

phrase = st.builds(
    lambda v, n, m, p: f"{v} the {n} {m} to {p}",
    st.sampled_from(VERBS), st.sampled_from(NOUNS), st.sampled_from(NOUNS), st.sampled_from(PEOPLE),
)
due = st.one_of(st.none(), st.dates(dt.date(2026, 11, 10), dt.date(2026, 12, 10)))
owner = st.sampled_from(["I", "I", "Priya", "Sam"])
commitment = st.builds(
    lambda w, o, d, s: Commitment(what=w, owner=o, due=d, state=s), phrase, owner, due, st.sampled_from(["open", "done"])
)
item = st.builds(
    lambda t, cs, acts, notes, done: WorkItem(
        title=t, commitments=cs, actions=[Action(text=a) for a in acts], notes=notes, done=done
    ),
    st.sampled_from(NOUNS + ["Hiring", "Board pack"]),
    st.lists(commitment, max_size=3),
    st.lists(phrase, max_size=2),
    st.lists(phrase, max_size=2),
    st.booleans(),
)
recorded = st.lists(st.fixed_dictionaries({"what": phrase, "owner": owner, "due": due}), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(item, max_size=5), promises=recorded)
def test_merge_places_every_open_promise_exactly_once(items, promises):
    log = WorkLog(as_of=AS_OF, items=items)
    notes_count = sum(len(i.commitments) for i in items)
    with tempfile.TemporaryDirectory() as tmp:
        with open_journal(Path(tmp) / "j.sqlite") as j:
            j.record(make_draft(dt.date(2026, 11, 9), promises), text="earlier")
            rows = {c.id: c for c in j.open_commitments()}
            open_ids = sorted(rows)
            merged = j.merge_into(log)
    linked = [c.journal_id for it in merged.items for c in it.commitments if c.journal_id is not None]
    assert sorted(linked) == open_ids  # each open promise exactly once
    from_notes = [c for it in merged.items for c in it.commitments if c.source == "notes"]
    assert len(from_notes) == notes_count  # nothing from the notes lost or duplicated
    for it in merged.items:
        for c in it.commitments:
            if c.journal_id is None:
                continue
            row = rows[c.journal_id]
            if c.source == "journal":  # carried as recorded: same words, owner and date
                assert (c.what, c.owner, c.due) == (row.what, row.owner, row.due)
            elif c.state != "done" and row.due is not None and row.due < AS_OF:
                assert c.due == row.due  # a passed date is never moved silently
    assert log.items == items  # the input log is not modified


@given(a=phrase, b=phrase)
def test_similarity_is_symmetric_and_bounded(a, b):
    s1, s2 = similarity(a, b), similarity(b, a)
    assert abs(s1 - s2) < 1e-9
    assert 0.0 <= s1 <= 1.0 + 1e-9
    assert similarity(a, a) >= 0.99
