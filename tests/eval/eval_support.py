"""Helpers for the eval-harness tests: small suites on disk and a call-counting offline engine."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SUITE = ROOT / "evals" / "cases"

SMALL = """\
format: drafter-eval/1
cases:
  - id: wait-dana
    tags: [wait]
    as_of: 2026-11-25
    artefacts: [update, options]
    notes: |
      Mon: emailed Dana at Acme for the Q3 docs, needed for the board meeting next Tue. No reply yet.
      I promised Lee a draft of the board summary by Mon 23 Nov - not sent yet.
    annotations:
      commitments:
        - {what: draft of the board summary to Lee, owner: I, due: 2026-11-23, state: missed}
      waits:
        - {on_whom: Dana, what: Q3 docs from Acme}
      people: [Dana, Lee]
      deadline: 2026-12-01
      deadline_label: board meeting
  - id: good-news
    tags: [good-news]
    as_of: 2026-11-25
    artefacts: [update]
    notes: |
      Released v3.2 on Mon 23 Nov, no incidents.
      Next: v3.3 planning session Tue 1 Dec, agenda sent.
  - id: handoff
    as_of: 2026-11-25
    delegate_to: Priya
    artefacts: [delegate]
    notes: |
      Weekly KPI report -> hand off to Priya. Every Monday by 10:00 it goes to the leadership list.
      Steps: export the Looker dashboard, paste into the slides template, write 3 bullets, send.
      First report she owns: Mon 7 Dec.
    annotations:
      delegate: Priya
      recurring: true
"""

# Whitespace-only notes pass the file format but make the drafting pipeline raise: a real crash.
CRASH = """\
format: drafter-eval/1
id: broken-notes
as_of: 2026-11-25
artefacts: [update]
notes: "   "
"""


def _offline():
    from drafter.engines.offline import OfflineEngine

    return OfflineEngine


class Counter:
    """Counts how many drafts the engine really wrote."""

    def __init__(self):
        self.calls = 0
        self.seen: list[tuple[str, str]] = []


def counting_engine(counter: Counter):
    """A real offline engine subclass that counts its calls (not a mock: it writes the real drafts)."""
    base = _offline()

    class CountingEngine(base):
        """Counts each draft once, whether the sync or the async entry point is used."""

        name = "offline"
        _depth = 0

        def write(self, kind, plan, notes, options):
            if self._depth == 0:
                counter.calls += 1
            return super().write(kind, plan, notes, options)

        async def awrite(self, kind, plan, notes, options):
            counter.calls += 1
            self._depth += 1
            try:
                return await super().awrite(kind, plan, notes, options)
            finally:
                self._depth -= 1

    return CountingEngine()


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def make_run(runs_dir: Path, run_id: str, outcomes: dict, *, texts: dict | None = None, errors: dict | None = None,
             engine: str = "offline") -> Path:
    """Write a run file by hand: ``outcomes[(case_id, artefact, rep)] = {criterion: True|False|None}``.

    Used to test compare/reports on runs whose numbers are known exactly.
    """
    import datetime as dt

    from drafter.eval.cases import Case
    from drafter.eval.store import RunStore, StoredCheck, StoredUnit

    runs_dir.mkdir(parents=True, exist_ok=True)
    path = runs_dir / f"{run_id}.sqlite"
    case_ids = sorted({k[0] for k in list(outcomes) + list(errors or {})})
    with RunStore(path) as s:
        s.set_meta("created_at", dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc).isoformat())
        s.set_meta("engine", engine)
        s.set_meta("model", None)
        s.set_meta("repeat", 1)
        s.set_meta("status", "finished")
        s.set_meta("units_total", len(outcomes) + len(errors or {}))
        s.save_cases(
            [Case(id=c, as_of=dt.date(2026, 11, 25), artefacts=["update"], notes=f"notes of {c}", tags=["t"]) for c in case_ids]
        )
        for key, checks in outcomes.items():
            text = (texts or {}).get(key, f"Bottom line for {key[0]}: at risk.\nIf no reply from Dana by Thu 26 Nov, I will call.")
            s.save_unit(
                StoredUnit(
                    case_id=key[0], artefact=key[1], rep=key[2], status="ok", text=text, fmt="markdown",
                    latency_ms=100.0 + len(key[0]), tokens_in=10, tokens_out=20,
                    checks=[
                        StoredCheck(cid, "deterministic", passed,
                                    evidence=None if passed else "If no reply from Dana",
                                    detail=None if passed else f"{cid} failed here")
                        for cid, passed in checks.items()
                    ],
                )
            )
        for key, err in (errors or {}).items():
            s.save_unit(StoredUnit(case_id=key[0], artefact=key[1], rep=key[2], status="error", error=err))
    return path
