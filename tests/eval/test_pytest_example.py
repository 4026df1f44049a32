"""Example: an eval suite as ordinary pytest cases (see evals/README.md, "From Python and pytest").

Each (case, artefact) of the smoke-tagged cases becomes one test with the id ``<case>-<artefact>``;
the offline engine drafts it and the core deterministic criteria must pass.
"""

from __future__ import annotations

import pytest
from eval_support import SUITE

from drafter import Drafter
from drafter.eval import check_case, format_failures, pytest_cases

CORE = {
    "update": ["U1", "U3", "U5", "U7", "U8"],
    "options": ["O1", "O3", "O5", "O6", "O9"],
    "delegate": ["D1", "D2", "D3", "D6", "D9"],
}


@pytest.fixture(scope="module")
def offline():
    return Drafter(engine="offline")


@pytest.mark.parametrize("case, artefact", pytest_cases(SUITE, tags=["smoke"]))
def test_smoke_case_meets_core_criteria(case, artefact, offline):
    results = check_case(case, artefact, offline, ids=CORE[artefact])
    assert {r.id for r in results} == set(CORE[artefact])
    assert not [r for r in results if r.passed is False], format_failures(results)


def test_pytest_cases_ids():
    params = pytest_cases(SUITE, tags=["smoke"])
    ids = [p.id for p in params]
    assert "acme-board-docs-update" in ids and "weekly-report-priya-delegate" in ids
    assert len(ids) == len(set(ids))
