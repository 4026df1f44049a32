"""Ctrl-C (a real SIGINT to a real subprocess): nothing lost, and prompt.

* drafting piped notes while the server hangs: exit 130 within a second or two, the notes saved
  and the path printed in the one stderr line (typer used to turn the interrupt into an exit
  before the recovery code ran);
* an unwritable data dir: a clear line that the notes could not be saved;
* an offline ``eval run``: stops promptly (it used to run to the end, then mark the whole run
  interrupted), keeps the finished units, and ``--name`` resumes it.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from . import faults as f
from .plans import NOTES

ROOT = Path(__file__).resolve().parents[2]


def _ctrl_c_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(args, env, stdin_text: str | None = None):
    full = {k: v for k, v in os.environ.items() if not k.startswith(("DRAFTER_", "OPENAI_"))}
    full["DRAFTER_READER"] = "offline"  # the writer's call is the one interrupted
    full.update(env)
    proc = subprocess.Popen(
        [sys.executable, "-m", "drafter.cli", *args], cwd=ROOT, env=full, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        # a suite started in the background ('scripts/test &', nohup) inherits SIGINT ignored, and so would
        # drafter, which then rightly keeps ignoring it: the child gets Ctrl-C's default, as at a terminal
        preexec_fn=_ctrl_c_default,
    )
    if stdin_text is not None:
        proc.stdin.write(stdin_text)
    proc.stdin.close()
    proc.stdin = None  # communicate() must not touch it again
    return proc


def wait_for_request(server, seconds: float = 60) -> None:
    stop = time.monotonic() + seconds
    while not server.requests:
        assert time.monotonic() < stop, "drafter never called the server"
        time.sleep(0.05)


def interrupt(proc) -> tuple[int, str, str, float]:
    t0 = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    return proc.returncode, out, err, time.monotonic() - t0


@pytest.fixture
def server():
    with f.FaultServer() as s:
        yield s


def test_ctrl_c_while_drafting_piped_notes_saves_them(server, tmp_path):
    server.reply(f.hang(60))
    proc = start(
        ["update", "-", "--base-url", server.url, "--as-of", "2026-11-25"],
        {"DRAFTER_HOME": str(tmp_path), "DRAFTER_TIMEOUT": "60"}, NOTES,
    )
    wait_for_request(server)
    code, out, err, took = interrupt(proc)
    assert code == 130, err
    assert took < 5, f"took {took:.1f}s to stop"
    lines = err.strip().splitlines()
    assert lines[-1].startswith("drafter: interrupted; your notes are saved in "), err
    assert "Traceback" not in err and "Aborted" not in err
    saved = re.search(r"saved in (\S+)", lines[-1]).group(1)
    assert Path(saved).read_text(encoding="utf-8") == NOTES
    assert oct(Path(saved).stat().st_mode & 0o777) == "0o600"


def test_unwritable_data_dir_says_the_notes_were_not_saved(server, tmp_path):
    server.reply(f.error(500, "kaboom"))
    home = tmp_path / "home"
    home.write_text("a file where the data dir should be")  # nothing can be created under it
    proc = start(
        ["update", "-", "--base-url", server.url, "--as-of", "2026-11-25"],
        {"DRAFTER_HOME": str(home), "DRAFTER_MAX_RETRIES": "0"}, NOTES,
    )
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 4, err
    errors = [line for line in err.splitlines() if line.startswith("drafter: error:")]
    assert len(errors) == 1 and "your notes could NOT be saved" in errors[0] and str(home) in errors[0], err


def test_input_error_after_stdin_was_read_saves_the_notes(tmp_path):
    proc = start(["update", "-", "--as-of", "2026-02-30"], {"DRAFTER_HOME": str(tmp_path)}, NOTES)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, err
    m = re.search(r"your notes are saved in (\S+)", err)
    assert m and Path(m.group(1)).read_text(encoding="utf-8") == NOTES, err


def _units(store: Path) -> tuple[int, str | None]:
    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=5)
    try:
        n = con.execute("SELECT count(*) FROM units").fetchone()[0]
        row = con.execute("SELECT value FROM meta WHERE key = 'status'").fetchone()
        return n, (row[0].strip('"') if row else None)
    except sqlite3.OperationalError:  # tables not created yet
        return 0, None
    finally:
        con.close()


def test_ctrl_c_stops_an_offline_eval_run_promptly_and_it_resumes(tmp_path):
    runs = tmp_path / "runs"
    args = ["eval", "run", "--engine", "offline", "--runs-dir", str(runs), "--name", "ctrlc", "-j", "1", "--no-cache", "--quiet"]
    proc = start(args, {"DRAFTER_HOME": str(tmp_path)})
    store = runs / "ctrlc.sqlite"
    stop = time.monotonic() + 120
    while True:  # wait until some units are stored, then interrupt mid-run
        assert proc.poll() is None, proc.communicate()[1]
        if store.exists() and _units(store)[0] >= 2:
            break
        assert time.monotonic() < stop, "no unit finished in 120 s"
        time.sleep(0.1)
    code, out, err, took = interrupt(proc)
    assert code == 130, err
    assert took < 15, f"took {took:.1f}s to stop"  # the unit in progress finishes, no more
    assert "--resume" in err or "rerun" in err
    kept, status = _units(store)
    assert status == "interrupted" and kept >= 2
    total = int(sqlite3.connect(f"file:{store}?mode=ro", uri=True).execute(
        "SELECT value FROM meta WHERE key = 'units_total'").fetchone()[0])
    assert kept < total, "the run had finished before the interrupt"
    again = start(args, {"DRAFTER_HOME": str(tmp_path)})
    out, err = again.communicate(timeout=600)
    assert again.returncode in (0, 1), err
    done, status = _units(store)
    assert status == "finished" and done == total
