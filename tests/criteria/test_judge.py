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
    # the cassette holds a real answer (a replay miss would show as "judge failed")
    assert r1.evidence != "judge failed", r1.detail
    # whatever the weak model said, the rule holds: a verdict only with a real quote from the draft,
    # anything else is unscored (passed None), never a fail
    if r1.passed is not None:
        assert evidence_in(r1.evidence, ctx.text)
    else:
        assert r1.evidence == "judge unscored" and r1.detail
    # same model, prompt, criterion, draft and notes: answered from SQLite, no model call
    again = Judge(settings, cache_path=tmp_path / "judge.sqlite")
    r2 = again.judge(CRITERIA["U1.j"], ctx)
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


def test_a_reply_without_a_verdict_is_unscored_never_a_fail():
    from drafter.criteria.judge import UNSCORED, is_unscored, parse_answer, verdict

    draft = "At risk: the board pack.\n- Next: I will phone Dana by Thu 26 Nov."
    ok = verdict("U1.j", parse_answer('{"answer": "yes", "quote": "I will phone Dana"}'), draft)
    assert ok.passed is True and ok.evidence == "I will phone Dana" and not is_unscored(ok)
    no = verdict("U1.j", parse_answer('```json\n{"answer": "No", "quote": "At risk: the board pack"}\n```'), draft)
    assert no.passed is False  # a real "no" with a real quote is a fail
    for reply in ("not json at all", "[1, 2]", '{"answer": "maybe", "quote": "the board pack"}',
                  '{"answer": "no", "quote": "Sam has approved the budget"}', '{"answer": "yes"}'):
        r = verdict("U1.j", parse_answer(reply), draft)
        assert r.passed is None and r.evidence == UNSCORED and is_unscored(r), reply
    assert parse_answer('{"answer": "yes", "evidence": "the board pack"}')["evidence"] == "the board pack"


def test_the_answer_schema_is_a_yes_no_enum_with_a_quote():
    from drafter.criteria.judge import ANSWER_SCHEMA

    assert ANSWER_SCHEMA["properties"]["answer"]["enum"] == ["yes", "no"]
    assert ANSWER_SCHEMA["required"] == ["answer", "quote"] and ANSWER_SCHEMA["additionalProperties"] is False


def test_unscored_judge_answers_are_counted_apart_in_a_run(tmp_path):
    from drafter.eval.results import load_run
    from drafter.eval.store import RunStore, StoredCheck, StoredUnit

    with RunStore(tmp_path / "j.sqlite") as st:
        st.set_meta("engine", "test")
        for i, (passed, ev) in enumerate([(True, "x"), (False, "y"), (None, "judge unscored"), (None, "judge not run")]):
            st.save_unit(StoredUnit(case_id=f"c{i}", artefact="update", rep=0, status="ok", text="t",
                                    checks=[StoredCheck("U1.j", "judge", passed, ev, "")]))
    run = load_run(tmp_path / "j.sqlite")
    c = next(c for c in run.criteria() if c.id == "U1.j")
    assert (c.passed, c.n, c.unscored, c.not_applicable) == (1, 2, 1, 1) and c.unscored_rate == 1 / 3
    assert run.summary()["judge"] == {"asked": 3, "scored": 2, "unscored": 1, "unscored_rate": 1 / 3}
