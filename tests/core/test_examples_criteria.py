"""Every shipped example, drafted offline as all three artefacts, meets the core ownership criteria.

The checks are the real criteria (drafter.criteria), not snapshots; annotations are derived from
the notes by the parser, so a criterion compares the draft with what the notes say.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter import Drafter
from drafter.criteria import CheckContext, annotations_from_notes, run_checks
from drafter.errors import InputError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
AS_OF = dt.date(2026, 11, 25)
FILES = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")

CORE = {
    "update": ["U1", "U2", "U3", "U5", "U7", "U8", "U10", "U11", "U13", "U14"],
    "options": ["O1", "O3", "O4", "O5", "O6", "O9"],
    "delegate": ["D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9", "D10", "D11"],
}


def test_at_least_twelve_examples():
    assert len(FILES) >= 12


@pytest.mark.parametrize("kind", ["update", "options", "delegate"])
@pytest.mark.parametrize("name", FILES)
def test_example_meets_core_criteria(name, kind):
    notes = (EXAMPLES / name).read_text(encoding="utf-8")
    drafter = Drafter(engine="offline")
    try:
        draft = drafter.draft(kind, notes, as_of=AS_OF, delegate_to="Priya" if kind == "delegate" else None)
    except InputError as exc:  # e.g. notes with no problem to decide: a clear refusal, not a crash
        pytest.fail(f"{name}: {kind} refused: {exc}")
    text = draft.render("markdown")
    ids = CORE[kind]
    ctx = CheckContext(
        kind=kind, text=text, notes=notes, as_of=AS_OF, artefact=draft.artefact,
        annotations=annotations_from_notes(notes, AS_OF),
    )
    results = run_checks(ctx, ids=ids)
    assert {r.id for r in results} == set(ids)
    failed = [f"{r.id}: {r.evidence}" for r in results if r.passed is False]
    # U10 for every kind: nothing in the draft that the notes do not support
    from drafter.grounding import find_ungrounded, proposed_dates

    allowed = {"Priya"} if kind == "delegate" else set()  # the delegate named with --to
    failed += [f"grounding: {w}" for w in find_ungrounded(text, notes, AS_OF, proposed_dates(draft.artefact), allowed)]
    assert not failed, f"{name} ({kind}):\n" + "\n".join(failed) + "\n---\n" + text
