"""A real interruption: SIGKILL the `drafter eval run` process mid-run, then resume it with the CLI."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from eval_support import SUITE

from drafter.eval import load_suite


def _big_suite(tmp_path: Path, copies: int) -> Path:
    """The shipped update cases, several times over under new ids (enough units to kill mid-run)."""
    import yaml

    cases = [c for c in load_suite(SUITE) if "update" in c.artefacts]
    out = []
    for i in range(copies):
        for c in cases:
            d = c.model_dump(mode="json", exclude={"source"})
            d["id"] = f"{c.id}-{i}"
            d["artefacts"] = ["update"]
            out.append(d)
    folder = tmp_path / "big"
    folder.mkdir()
    (folder / "big.yaml").write_text(yaml.safe_dump({"format": "drafter-eval/1", "cases": out}, sort_keys=False))
    return folder


def _done(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT COUNT(*) FROM units WHERE status='ok'").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_sigkill_mid_run_then_resume(tmp_path):
    suite = _big_suite(tmp_path, copies=4)
    runs = tmp_path / "runs"
    total = len(load_suite(suite))
    env = {**os.environ, "DRAFTER_RUNS_DIR": str(runs)}
    cmd = [sys.executable, "-m", "drafter.cli", "eval", "run", str(suite), "--engine", "offline",
           "--name", "killed", "--concurrency", "2", "--no-cache", "-q", "--format", "json"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    db = runs / "killed.sqlite"
    deadline = time.monotonic() + 120
    while _done(db) < 10 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    if proc.poll() is not None:
        pytest.fail(f"the run ended before it could be killed: {proc.stderr.read().decode()[-500:]}")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    before = _done(db)
    assert 10 <= before < total

    out = subprocess.run(
        [sys.executable, "-m", "drafter.cli", "eval", "run", "--resume", "killed", "--no-cache", "-q", "--format", "json"],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stderr[-1000:]
    s = json.loads(out.stdout)
    assert s["units_done"] == total and s["status"] == "finished"
    assert s["calls"]["resumed_units"] == before
    # only the missing units were drafted (a unit that errors before its draft exists is not counted)
    missing = total - before
    assert missing - len(s["errors"]) <= s["calls"]["drafts_generated"] <= missing
