"""The judge: evidence must be a real quote, answers are cached, a real model answers over the wire."""

from __future__ import annotations


import pytest

from drafter.config import load_settings
from drafter.criteria import CRITERIA, run_checks
from drafter.criteria.calibration import DEFAULT_DIR, load_cases
from drafter.criteria.judge import Judge, evidence_in

MODEL = "gemma-3-270m"


def test_evidence_must_be_in_the_draft():
    draft = "At risk: **the board pack** for Tue 1 Dec.\n- Next: I will phone Dana by Thu 26 Nov."
    assert evidence_in("the board pack for Tue 1 Dec", draft)  # markup and spacing ignored
    assert evidence_in('"Next: I will phone Dana"', draft)
    assert not evidence_in("I will email Sam", draft)
    assert not evidence_in("", draft)
    assert not evidence_in("a", draft)


def _ctx():
    case = next(c for c in load_cases(DEFAULT_DIR) if c.id == "update-board-docs")
    from drafter.criteria.calibration import _context

    return _context(case, case.good)


@pytest.mark.vcr
def test_real_model_judges_and_second_run_hits_the_cache(judge_base_url, tmp_path):
    settings = load_settings(base_url=judge_base_url, model=MODEL, timeout=240, max_retries=0)
    judge = Judge(settings, cache_path=tmp_path / "judge.sqlite")
    ctx = _ctx()
    r1 = judge.judge(CRITERIA["U1.j"], ctx)
    assert judge.calls == 1
    assert r1.id == "U1.j" and r1.kind == "judge"
    # whatever the weak model said, the rule holds: pass only with a real quote from the draft
    if r1.passed:
        assert evidence_in(r1.evidence, ctx.text)
    if r1.evidence != "judge failed" and not evidence_in(r1.evidence, ctx.text):
        assert r1.passed is False and "not a quote" in r1.detail  # the recorded 270M answer invents its quote
    assert r1.passed is not None or r1.evidence == "judge failed"
    # same model, prompt, criterion, draft and notes: answered from SQLite, no model call
    again = Judge(settings, cache_path=tmp_path / "judge.sqlite")
    r2 = again.judge(CRITERIA["U1.j"], ctx)
    if r1.evidence != "judge failed":
        assert again.calls == 0 and r2 == r1


def test_run_checks_with_a_judge_only_asks_judge_criteria(tmp_path):
    # a judge pointed at a closed port: judge criteria report failure, deterministic ones still run
    settings = load_settings(base_url="http://127.0.0.1:9/v1", model=MODEL, timeout=2, max_retries=0)
    judge = Judge(settings, cache_path=tmp_path / "j.sqlite")
    results = run_checks(_ctx(), ids=["U1", "U1.j"], judge=judge)
    by_id = {r.id: r for r in results}
    assert by_id["U1"].passed is True
    assert by_id["U1.j"].passed is None and by_id["U1.j"].evidence == "judge failed"
    assert "Connection" in by_id["U1.j"].detail or "connect" in by_id["U1.j"].detail.lower()
    assert judge.calls == 1
