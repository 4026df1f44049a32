"""Ownership criteria (U1-U16, O1-O11, D1-D13) as named checks; see /work/shared/ownership-criteria.md.

    from drafter.criteria import CheckContext, run_checks
    results = run_checks(CheckContext(kind="update", text=draft, notes=notes, as_of=date(2026, 11, 25)))

Deterministic checks always run; judge checks (ids ending ``.j`` plus O8, O10, D13) run only when a
:class:`~drafter.criteria.judge.Judge` is given, else they report ``passed=None`` ("judge not run").
"""

from __future__ import annotations

_EXPORTS = {
    "CRITERIA": ".registry", "CHECKS": ".registry",
    "CheckResult": ".base", "Criterion": ".base",
    "AnnotatedCommitment": ".context", "AnnotatedWait": ".context", "Annotations": ".context",
    "CheckContext": ".context", "annotations_from_notes": ".context",
    "criteria_for": ".run", "run_checks": ".run",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):  # lazy: `drafter --help` does not build the models
    if name in _EXPORTS:
        from importlib import import_module

        return getattr(import_module(_EXPORTS[name], __name__), name)
    raise AttributeError(name)
