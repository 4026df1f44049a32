"""Turn an eval suite into pytest cases.

    import pytest
    from drafter import Drafter
    from drafter.eval import pytest_cases, check_case

    @pytest.mark.parametrize("case, artefact", pytest_cases("evals/cases", tags=["smoke"]))
    def test_offline_draft(case, artefact):
        results = check_case(case, artefact, Drafter(engine="offline"))
        failed = [r for r in results if r.passed is False and r.kind == "deterministic"]
        assert not failed, format_failures(failed)

Each parameter set is ``(case, artefact)`` with the id ``<case id>-<artefact>``, so
``pytest -k acme-docs`` picks cases by id.
"""

from __future__ import annotations

from pathlib import Path

from .cases import Case, load_suite


def pytest_cases(suite: str | Path | None = None, *, tags: list[str] | None = None,
                 artefacts: list[str] | None = None, ids: list[str] | None = None) -> list:
    """``pytest.param(case, artefact, id=...)`` for every (case, artefact) of the suite."""
    import pytest

    out = []
    for case in load_suite(suite, tags=tags, ids=ids):
        for kind in case.artefacts:
            if artefacts and kind not in artefacts:
                continue
            out.append(pytest.param(case, kind, id=f"{case.id}-{kind}"))
    return out


def draft_case(case: Case, artefact: str, drafter=None):
    """Draft one artefact of a case; returns ``(draft, text)`` with the text in the case's format."""
    if drafter is None:
        from ..api import Drafter

        drafter = Drafter()
    draft = drafter.draft(artefact, case.notes, as_of=case.as_of, audience=case.audience,
                          max_words=case.max_words, delegate_to=case.delegate_to)
    return draft, draft.render(case.format)


def check_case(case: Case, artefact: str, drafter=None, *, ids: list[str] | None = None, judge=None) -> list:
    """Draft one artefact of a case and run the ownership criteria on it (returns CheckResults)."""
    from .runner import check_draft

    draft, text = draft_case(case, artefact, drafter)
    return check_draft(case, artefact, text, draft.artefact, judge=judge, ids=ids)


def format_failures(results) -> str:
    """One line per failed check: id, detail and evidence (for assertion messages)."""
    return "\n".join(f"{r.id}: {r.detail} — evidence: {r.evidence}" for r in results if r.passed is False)
