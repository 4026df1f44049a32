"""An options draft's decide-by date is marked when the tool picked it, and a wait is framed as
'how to get <a thing> in time', never with a verb glued in ('how to get send the P&L in time')."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter import Drafter
from drafter.engines.options_writer import noun_phrase

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
AS_OF = dt.date(2026, 11, 25)


def _options(name: str):
    return Drafter(engine="offline").options((EXAMPLES / name).read_text(), as_of=AS_OF).artefact


def test_a_decide_by_date_the_notes_give_is_not_marked():
    a = _options("vendor-decision.txt")  # "need a decision from Lee by Fri"
    assert not a.decide_by_proposed
    assert "Fri 27 Nov on" in a.headline and "propose" not in a.headline


@pytest.mark.parametrize("name", ["email-thread.txt", "missed-promise.md", "acme-board-docs.txt"])
def test_a_decide_by_date_the_tool_picks_is_marked(name):
    a = _options(name)
    assert a.decide_by_proposed
    assert "(a date I propose)" in a.headline.split(" on ")[0], a.headline


def test_a_wait_on_a_verb_phrase_asks_for_the_answer():
    a = _options("email-thread.txt")  # the wait reads "send the P&L": no thing to get
    assert "how to get send" not in a.headline
    assert "how to get an answer from Dana Whitfield in time" in a.headline, a.headline


@pytest.mark.parametrize("text,ok", [
    ("the Q3 docs", True), ("the Globex onboarding", True), ("the template", True),
    ("send the P&L", False), ("confirm", False), ("the he sed he'd get back", False), ("review", False),
])
def test_noun_phrase(text, ok):
    assert noun_phrase(text) is ok
