"""Checks are tolerant of human wording (hand-written drafts), not only of our renderer's phrasing."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.criteria import Annotations, CheckContext, run_checks

AS_OF = dt.date(2026, 11, 25)
ANN = Annotations.model_validate({"waits": [{"on_whom": "Dana", "what": "numbers"}], "decisions": ["budget"],
                                  "deadline": "2026-12-01", "deadline_label": "board meeting"})
NOTES = "Waiting on Dana for numbers. Board meeting Tue 1 Dec. Sam to approve the budget."


def check(cid, text, kind="update", ann=ANN):
    (r,) = run_checks(CheckContext(kind=kind, text=text, notes=NOTES, as_of=AS_OF, annotations=ann), ids=[cid])
    return r.passed


@pytest.mark.parametrize("text", [
    "If no reply from Dana by Fri 27 Nov, I will call the Acme office.",
    "Should Dana not reply by Friday, I'll call her office.",
    "If Dana hasn't answered by 3pm tomorrow, I will ask her manager.",
    "Unless Dana replies by Thu 26 Nov, we will use last quarter's numbers.",
])
def test_u8_fallback_wordings(text):
    assert check("U8", text) is True


@pytest.mark.parametrize("text", [
    "I will call Dana if needed.",  # no trigger date
    "Dana should reply soon.",
])
def test_u8_not_fallbacks(text):
    assert check("U8", text) is False


@pytest.mark.parametrize("text", [
    "Next: I will phone Dana by Thu 26 Nov.",
    "I'll phone Dana tomorrow.",
    "Sam will send the deck on Friday.",
])
def test_u7_next_step_wordings(text):
    assert check("U7", text) is True


def test_u7_rejects_a_past_date():
    assert check("U7", "Next: I will phone Dana by Mon 23 Nov.") is False


@pytest.mark.parametrize("text", [
    "# Weekly update\n\nBlocked: waiting on Dana.",
    "Hi Sam,\n\nWe are on track for the board meeting.",
    "Decision needed: approve the budget by Fri 27 Nov.",
    "**Status: at risk** — numbers late.",
])
def test_u1_bottom_line_wordings(text):
    assert check("U1", text) is True


@pytest.mark.parametrize("text", ["Reply A or B.", "Just answer yes or no.", "A one-word reply is enough: say A, B or C."])
def test_o9_reply_wordings(text):
    assert check("O9", text, kind="options") is True


@pytest.mark.parametrize("text", [
    "If I don't hear by Fri 27 Nov, I will go with option B.",
    "Unless I hear otherwise by Thu 26 Nov, I'll proceed with option A.",
    "If I do not get an answer before Fri 27 Nov, I will go with B.",
])
def test_o6_default_wordings(text):
    assert check("O6", text, kind="options") is True


@pytest.mark.parametrize("text, ok", [
    ("Escalate if the export fails twice.", True),
    ("Tell me straight away if the numbers look wrong.", True),
    ("Ping me when anything is unclear by Friday.", True),
    ("Escalate.", False),
])
def test_d9_escalation_wordings(text, ok):
    assert check("D9", text, kind="delegate") is ok
