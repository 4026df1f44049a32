"""Several processes record into one journal at once: no corruption, no lost rows."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from drafter.journal import open_journal
from drafter.journal.store import MIGRATIONS

WRITER = Path(__file__).with_name("_writer.py")
PROCESSES = 8
RECORDS = 25  # per process; each record holds 2 commitments


def test_parallel_writers_lose_nothing(tmp_path):
    path = tmp_path / "journal.sqlite"
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(path), str(go), str(w), str(RECORDS)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for w in range(PROCESSES)
    ]
    time.sleep(0.5 if os.cpu_count() and os.cpu_count() > 2 else 1.5)  # let them all import and wait
    go.touch()
    outs = [p.communicate(timeout=240) for p in procs]
    for p, (out, errtext) in zip(procs, outs):
        assert p.returncode == 0, errtext
        assert out.startswith("ok")

    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)  # migrated exactly once
    con.close()
    with open_journal(path) as j:
        updates = j.updates()
        assert len(updates) == PROCESSES * RECORDS
        assert len({u.text for u in updates}) == PROCESSES * RECORDS
        commitments = j.commitments("all")
        assert len(commitments) == PROCESSES * RECORDS * 2
        expected_done = PROCESSES * (RECORDS // 5)
        assert sum(c.state == "done" for c in commitments) == expected_done
        events = j._con.execute("SELECT COUNT(*) FROM commitment_events").fetchone()[0]
        assert events == PROCESSES * RECORDS * 2 + expected_done
