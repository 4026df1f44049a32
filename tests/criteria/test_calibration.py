"""The calibration set: every deterministic check separates good drafts from degraded ones."""

from __future__ import annotations

import pytest

from drafter.criteria import CRITERIA
from drafter.criteria.calibration import DEFAULT_DIR, calibrate, load_cases
from drafter.errors import InputError


@pytest.fixture(scope="module")
def report():
    return calibrate()


def test_calibration_set_size_and_mix():
    cases = load_cases()
    assert len(cases) >= 8
    assert {c.kind for c in cases} == {"update", "options", "delegate"}
    assert sum(len(c.degraded) for c in cases) >= 20


def test_every_deterministic_check_is_exercised_by_a_degraded_draft(report):
    det = [cid for cid, c in CRITERIA.items() if c.kind == "deterministic"]
    unexercised = [cid for cid in det if report.criteria[cid].tp + report.criteria[cid].fn == 0]
    assert unexercised == []


def test_every_deterministic_check_separates_good_from_degraded(report):
    det = {cid: a for cid, a in report.criteria.items() if a.kind == "deterministic"}
    below = {cid: a.agreement for cid, a in det.items() if a.agreement != 1.0}
    assert below == {}, [d for d in report.disagreements]
    assert all(a.precision == 1.0 and a.recall == 1.0 for a in det.values())


def test_judge_criteria_untrusted_without_a_judge(report):
    for cid, a in report.criteria.items():
        if a.kind == "judge":
            assert a.n == 0 and not a.trusted


def test_report_renders_as_table_and_text(report):
    from rich.console import Console

    console = Console(record=True, width=140)
    console.print(report.to_table())
    out = console.export_text()
    assert "U8" in out and "agreement" in out
    assert "D12" in report.render()
    assert report.to_dict()["cases"] == report.cases


def test_a_mislabelled_draft_shows_as_disagreement(tmp_path):
    src = (DEFAULT_DIR / "update-board-docs.yaml").read_text()
    (tmp_path / "c.yaml").write_text(src.replace("fails: [U8, U8.j]", "fails: [U9]"))
    r = calibrate(tmp_path)
    assert r.criteria["U8"].fp == 1 and r.criteria["U9"].fn == 1
    assert any(d.id == "U9" and d.expected == "fail" and d.got == "pass" for d in r.disagreements)


def test_malformed_case_names_file_and_field(tmp_path):
    (tmp_path / "bad.yaml").write_text("id: x\nkind: update\nnotes: n\ngood: g\n")
    with pytest.raises(InputError, match=r"bad.yaml.*as_of"):
        load_cases(tmp_path)
    (tmp_path / "bad.yaml").write_text(
        "id: x\nkind: update\nas_of: 2026-11-25\nnotes: n\ngood: g\ndegraded: [{name: d, text: t, fails: [U99]}]\n")
    with pytest.raises(InputError, match="U99"):
        load_cases(tmp_path)


def test_a_constant_answer_is_never_trusted():
    from drafter.criteria.calibration import CriterionAgreement

    always_yes = CriterionAgreement(id="U1.j", kind="judge", n=10, tn=9, fn=1)  # agreement 0.9, caught nothing
    assert always_yes.agreement == 0.9 and not always_yes.trusted
    good = CriterionAgreement(id="U1.j", kind="judge", n=10, tp=1, tn=8, fp=1)
    assert good.agreement == 0.9 and good.trusted
    assert not CriterionAgreement(id="U1.j", kind="judge", n=10, tp=1, tn=6, fp=3).trusted


# --- real notes: hand-written good drafts and the reader issue's defect families ----------------

FAMILIES = {"heading-taken-as-task", "word-taken-as-person", "canned-options", "invented-deadline", "lost-decision",
            "owner-reassigned"}


def test_real_notes_cases_cover_every_defect_family():
    real = [c for c in load_cases() if c.gold]
    assert len(real) >= 3 and {c.kind for c in real} >= {"update", "options"}
    assert all(c.from_case and c.notes.strip() for c in real)  # notes, annotations and gold of an evals/real case
    names = {d.name for c in real for d in c.degraded}
    assert FAMILIES <= names


def test_both_measures_separate_good_from_degraded_real_drafts(report):
    for mid in ("recall", "unsupported"):
        a = report.criteria[mid]
        assert a.kind == "measure" and a.n >= 15
        assert a.agreement >= 0.9 and a.tp > 0 and a.tn > 0, [d for d in report.disagreements if d.id == mid]


def test_a_measure_label_that_is_wrong_shows_as_disagreement(tmp_path):
    src = (DEFAULT_DIR / "real-update-mybinder-no-space.yaml").read_text()
    text = src.replace("fails: [U9, recall]", "fails: [U9]").replace(
        "from_case: ../real/", f"from_case: {DEFAULT_DIR.parent}/real/")
    (tmp_path / "c.yaml").write_text(text)
    r = calibrate(tmp_path)
    assert r.criteria["recall"].fp == 1
    assert any(d.id == "recall" and d.draft == "lost-decision" and d.got == "fail" for d in r.disagreements)
