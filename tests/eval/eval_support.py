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
        name = "offline"

        def write(self, kind, plan, notes, options):
            counter.calls += 1
            return super().write(kind, plan, notes, options)

        async def awrite(self, kind, plan, notes, options):
            counter.calls += 1
            return await super().awrite(kind, plan, notes, options)

    return CountingEngine()


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path
