"""`drafter check` through the real CLI app."""

from __future__ import annotations

import json

import yaml
from typer.testing import CliRunner

from drafter.cli import app
from drafter.criteria.calibration import DEFAULT_DIR

runner = CliRunner()


def _case(tmp_path, name="update-board-docs"):
    case = yaml.safe_load((DEFAULT_DIR / f"{name}.yaml").read_text())
    (tmp_path / "notes.txt").write_text(case["notes"])
    (tmp_path / "good.md").write_text(case["good"])
    (tmp_path / "ann.yaml").write_text(yaml.safe_dump({"annotations": case["annotations"]}))
    return case


def _args(tmp_path, draft, kind="update", *extra):
    return ["check", str(tmp_path / draft), "--kind", kind, "--notes", str(tmp_path / "notes.txt"),
            "--as-of", "2026-11-25", "--annotations", str(tmp_path / "ann.yaml"), *extra]


def test_good_draft_exits_0_with_table(tmp_path):
    _case(tmp_path)
    res = runner.invoke(app, _args(tmp_path, "good.md"))
    assert res.exit_code == 0, res.output
    assert "U8" in res.output and "pass" in res.output


def test_degraded_draft_exits_1_and_json_names_failures(tmp_path):
    case = _case(tmp_path)
    bad = next(d for d in case["degraded"] if d["name"] == "fallback-removed")
    (tmp_path / "bad.md").write_text(bad["text"])
    res = runner.invoke(app, _args(tmp_path, "bad.md", "update", "--output", "json"))
    assert res.exit_code == 1
    data = json.loads(res.stdout)
    failed = {r["id"] for r in data if r["passed"] is False}
    assert failed == {"U8"}
    assert any(r["id"] == "U8.j" and r["evidence"] == "judge not run" for r in data)


def test_options_and_delegate_kinds(tmp_path):
    _case(tmp_path, "options-vendor-contract")
    assert runner.invoke(app, _args(tmp_path, "good.md", "options")).exit_code == 0
    _case(tmp_path, "delegate-vendor-invoices")
    res = runner.invoke(app, _args(tmp_path, "good.md", "delegate", "--format", "text", "--only", "D1,D5"))
    assert res.exit_code == 0 and "D5" in res.output and "D9" not in res.output


def test_bad_input_exits_2(tmp_path):
    _case(tmp_path)
    res = runner.invoke(app, ["check", str(tmp_path / "missing.md"), "--kind", "update", "--notes", str(tmp_path / "notes.txt")])
    assert res.exit_code == 2 and "not found" in res.output
    (tmp_path / "ann.yaml").write_text("annotations:\n  deadline: not-a-date\n")
    res = runner.invoke(app, _args(tmp_path, "good.md"))
    assert res.exit_code == 2 and "deadline" in res.output
    res = runner.invoke(app, ["check", str(tmp_path / "good.md"), "--kind", "memo", "--notes", str(tmp_path / "notes.txt")])
    assert res.exit_code == 2
    _case(tmp_path)
    res = runner.invoke(app, _args(tmp_path, "good.md", "update", "--only", "U99"))
    assert res.exit_code == 2 and "U99" in res.output


def test_without_annotations_they_are_derived_from_the_notes(tmp_path):
    case = _case(tmp_path)
    bad = next(d for d in case["degraded"] if d["name"] == "fallback-removed")
    (tmp_path / "bad.md").write_text(bad["text"])
    base = ["--kind", "update", "--notes", str(tmp_path / "notes.txt"), "--as-of", "2026-11-25", "--output", "json"]
    good = runner.invoke(app, ["check", str(tmp_path / "good.md"), *base])
    assert good.exit_code == 0, good.output
    res = runner.invoke(app, ["check", str(tmp_path / "bad.md"), *base])
    assert res.exit_code == 1
    assert {r["id"] for r in json.loads(res.stdout) if r["passed"] is False} == {"U8"}
