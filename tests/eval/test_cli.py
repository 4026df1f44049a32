"""`drafter eval ...` through the real CLI app (typer's CliRunner)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from eval_support import make_run
from typer.testing import CliRunner

from drafter.cli import app


@pytest.fixture
def cli():
    return CliRunner()


def _units(n):
    return [(f"c{i}", "update", 0) for i in range(n)]


@pytest.fixture
def stored(runs):
    make_run(runs, "base", {u: {"U1": True, "U8": i >= 7} for i, u in enumerate(_units(10))})
    make_run(runs, "cand", {u: {"U1": True, "U8": True} for u in _units(10)})
    return runs


def test_show_list_and_gate_on_stored_runs(cli, stored, tmp_path):
    r = cli.invoke(app, ["eval", "list", "--runs-dir", str(stored)])
    assert r.exit_code == 0 and "base" in r.output and "cand" in r.output
    r = cli.invoke(app, ["eval", "show", "base", "--runs-dir", str(stored), "--format", "json"])
    assert r.exit_code == 0
    s = json.loads(r.output)
    u8 = next(c for c in s["criteria"] if c["id"] == "U8")
    assert (u8["passed"], u8["n"]) == (3, 10) and 0 < u8["ci_low"] < 0.3 < u8["ci_high"] < 1
    r = cli.invoke(app, ["eval", "show", "base", "--runs-dir", str(stored)])
    assert r.exit_code == 0 and "U8" in r.output and "30%" in r.output
    # thresholds
    r = cli.invoke(app, ["eval", "show", "base", "--runs-dir", str(stored), "--fail-under", "U8=0.9"])
    assert r.exit_code == 1 and "U8: 30% < 90%" in r.stderr
    r = cli.invoke(app, ["eval", "show", "base", "--runs-dir", str(stored), "--fail-under", "U1=100%"])
    assert r.exit_code == 0
    r = cli.invoke(app, ["eval", "show", "base", "--runs-dir", str(stored), "--fail-under", "0.5"])
    assert r.exit_code == 1
    r = cli.invoke(app, ["eval", "show", "base", "--runs-dir", str(stored), "--fail-under", "U8=lots"])
    assert r.exit_code == 2 and "rate must be a number" in r.stderr
    # reports
    r = cli.invoke(app, ["eval", "show", "base", "--runs-dir", str(stored), "--junit", str(tmp_path / "j.xml"),
                         "--html", str(tmp_path / "r.html")])
    assert r.exit_code == 0
    root = ET.parse(tmp_path / "j.xml").getroot()
    failed = [tc.get("name") for tc in root.iter("testcase") if tc.find("failure") is not None]
    # 7 criterion failures, and each of the 10 drafts names "Dana" and a date its notes do not hold
    assert len([n for n in failed if n != "unsupported"]) == 7 and failed.count("unsupported") == 10
    assert root.get("failures") == "17"
    assert "<mark" in (tmp_path / "r.html").read_text()


def test_compare_cli(cli, stored, tmp_path):
    r = cli.invoke(app, ["eval", "compare", "base", "cand", "--runs-dir", str(stored), "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    u8 = next(c for c in d["criteria"] if c["id"] == "U8")
    assert (u8["fixed"], u8["broke"]) == (7, 0) and u8["p_value"] == pytest.approx(2 / 128)
    assert u8["verdict"] == "better" and d["verdict"] == "better" and len(d["flips"]) == 7
    r = cli.invoke(app, ["eval", "compare", "base", "cand", "--runs-dir", str(stored), "--html", str(tmp_path / "c.html")])
    assert r.exit_code == 0 and "better" in r.output and (tmp_path / "c.html").exists()
    r = cli.invoke(app, ["eval", "compare", "cand", "base", "--runs-dir", str(stored), "--fail-on-worse"])
    assert r.exit_code == 1
    r = cli.invoke(app, ["eval", "compare", "nope", "base", "--runs-dir", str(stored)])
    assert r.exit_code == 2 and "no run 'nope'" in r.stderr


def test_malformed_suite_exits_2_naming_file_and_field(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: drafter-eval/1\ncases:\n  - id: x\n    as_of: 2026-11-31\n    notes: n\n    artefacts: [update]\n")
    r = cli.invoke(app, ["eval", "run", str(bad), "--runs-dir", str(tmp_path / "runs"), "--engine", "offline"])
    assert r.exit_code == 2
    assert f"{bad}: cases[0].as_of: invalid date" in r.stderr


def test_run_offline_json_junit_html_and_rerun_from_cache(cli, small_suite, runs, tmp_path):
    args = ["eval", "run", str(small_suite), "--engine", "offline", "--runs-dir", str(runs), "--format", "json"]
    r = cli.invoke(app, args + ["--name", "one", "--junit", str(tmp_path / "j.xml"), "--html", str(tmp_path / "r.html")])
    assert r.exit_code == 0, r.stderr
    s = json.loads(r.stdout)
    assert s["units_done"] == 4 and not s["errors"] and s["calls"]["drafts_generated"] == 4
    assert ET.parse(tmp_path / "j.xml").getroot().findall(".//testcase")
    assert "<table id=\"summary\">" in (tmp_path / "r.html").read_text()
    r = cli.invoke(app, args + ["--name", "two"])
    s2 = json.loads(r.stdout)
    assert s2["calls"]["drafts_generated"] == 0 and s2["calls"]["cache_hits"] == 4
    assert s2["criteria"] == s["criteria"]
    r = cli.invoke(app, ["eval", "run", str(small_suite), "--engine", "offline", "--runs-dir", str(runs), "--name", "t"])
    assert r.exit_code == 0 and "pass rate" in r.stdout and "from cache" in r.stdout
    r = cli.invoke(app, ["eval", "run", str(small_suite), "--engine", "offline", "--runs-dir", str(runs),
                         "--name", "gate", "--fail-under", "1.0", "--fail-under", "0.0"])
    # the last global threshold wins (0.0): nothing can be below it
    assert r.exit_code == 0


def test_runs_dir_from_environment(cli, stored, monkeypatch):
    monkeypatch.setenv("DRAFTER_RUNS_DIR", str(stored))
    r = cli.invoke(app, ["eval", "show", "latest", "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.output)["run_id"] in ("base", "cand")


def test_calibrate_cli(cli):
    r = cli.invoke(app, ["eval", "calibrate"])
    assert r.exit_code == 0, r.output
    assert "D4" in r.output and "U8" in r.output


def test_run_help_lists_the_options(cli):
    r = cli.invoke(app, ["eval", "run", "--help"])
    assert r.exit_code == 0
    for opt in ("--engine", "--model", "--base-url", "--prompt", "--prompts-dir", "--repeat", "--concurrency",
                "--name", "--resume", "--format", "--junit", "--html", "--fail-under", "--runs-dir"):
        assert opt in r.output
