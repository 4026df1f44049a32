"""The eval harness: run suites of cases through an engine, score with the criteria, compare runs.

    from drafter.eval import load_suite, run_suite, compare_runs, load_run
    result = run_suite("evals/cases", engine="offline")      # RunResult, stored under the runs dir
    print(result.summary()["criteria"])
    comp = compare_runs("run-a", "run-b")                       # paired exact McNemar per criterion

pytest: :func:`pytest_cases` turns a suite into parametrize params; see ``drafter.eval.pytest_helpers``.
"""

from __future__ import annotations

_EXPORTS = {
    "load_suite": ".cases", "load_case_file": ".cases", "Case": ".cases", "FORMAT": ".cases",
    "run_suite": ".runner", "arun_suite": ".runner", "check_draft": ".runner",
    "RunResult": ".results", "load_run": ".results",
    "compare_runs": ".compare", "Comparison": ".compare",
    "list_runs": ".store", "runs_dir": ".store",
    "junit_xml": ".junit", "write_junit": ".junit",
    "run_html": ".report_html", "comparison_html": ".report_html", "write_html": ".report_html",
    "pytest_cases": ".pytest_helpers", "check_case": ".pytest_helpers", "draft_case": ".pytest_helpers",
    "format_failures": ".pytest_helpers",
    "wilson": ".stats", "mcnemar_exact": ".stats",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):  # lazy: `drafter eval --help` stays fast
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name], __name__), name)
    raise AttributeError(name)
