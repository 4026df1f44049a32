"""An update's steps for a blocked item are built from what the notes say of the blocker: who holds it
and what they must do; where the notes name nobody, the step says so (no stock 'way round' or workaround).
Excerpts: examples/blocked-dependency.md; fresh trial, Gentoo GSoC weekly report 4 (2011-06-23)."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.render import render_fitted

HELD = """# Payments API upgrade

- Blocked on the Platform team: they need to upgrade the shared Postgres cluster to v16 first.
- PCI audit on 15 Dec needs the new API.
"""
UNHELD = """# GSoC weekly report

Blockers:

* Still blocked on [bug 369679](http://bugs.gentoo.org/show_bug.cgi?id=369679) to deploy the webapp

Goals for next week(s):

* I will write some tests for the client.
"""


def _text(notes: str) -> str:
    dr = Drafter(engine="offline").update(notes, as_of=dt.date(2026, 11, 25))
    return render_fitted(dr.artefact, "markdown", dr.options)[0]


def test_holders_own_need_is_the_next_step_and_no_noun_is_unblocked_by_itself():
    text = _text(HELD)
    assert "ask Platform team when they can upgrade the shared Postgres cluster to v16" in text
    assert "unblock Platform team" not in text


def test_no_holder_named_is_said_not_filled_with_a_workaround():
    text = _text(UNHELD)
    assert "find a way round" not in text and "workaround" not in text
    assert "find out who can clear bug 369679" in text and "the notes name nobody" in text


def test_fallback_for_a_stated_need_is_for_no_date_and_names_the_holder_once():
    text = _text(HELD)
    line = next(ln for ln in text.splitlines() if ln.startswith("- If "))
    assert line.startswith("- If Platform team has given no date by ")
    assert line.count("Platform team") == 1 and "before the PCI audit" in line
