"""Files drafter must not touch, a read-only folder, and dates the tool proposes.

* a foreign SQLite file (even one with a table named ``updates``), a non-SQLite file, a journal of
  a newer drafter: refused, byte-for-byte unchanged, and no ``-wal``/``-shm``/``-journal`` beside it;
* ``eval show FILE`` / ``eval list --runs-dir`` on foreign ``.sqlite`` files: refused or skipped,
  never given drafter's tables or switched to WAL;
* a journal in a read-only folder fails at once with one clear line (it took 10.9 s of retries
  and then blamed another process);
* a date the playbook proposes for a missed promise is kept as proposed: ``due``, ``journal list``
  and the next update agree on the promise's own date, all counted from ``--as-of``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import StorageError
from drafter.journal import open_journal

from .helpers import make_draft

D = dt.date


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path: Path) -> list[str]:
    return [s for s in ("-wal", "-shm", "-journal") if Path(str(path) + s).exists()]


def foreign_db(path: Path, tables=("updates",), wal: bool = False) -> Path:
    con = sqlite3.connect(path)
    if wal:
        con.execute("PRAGMA journal_mode=WAL")
    for t in tables:
        con.execute(f"CREATE TABLE {t} (id INTEGER PRIMARY KEY, body TEXT)")
        con.execute(f"INSERT INTO {t} (body) VALUES ('keep me')")
    con.commit()
    con.close()
    for s in ("-wal", "-shm"):
        Path(str(path) + s).unlink(missing_ok=True)
    return path


@pytest.mark.parametrize("wal", [False, True])
@pytest.mark.parametrize("tables", [("updates",), ("updates", "commitments"), ("customers",)])
def test_foreign_sqlite_is_refused_untouched_without_sidecars(tmp_path, tables, wal):
    path = foreign_db(tmp_path / "other.sqlite", tables, wal)
    before = digest(path)
    for _ in range(2):
        with pytest.raises(StorageError, match="another program"):
            open_journal(path)
    assert digest(path) == before
    assert sidecars(path) == []


def test_newer_journal_is_refused_without_sidecars(tmp_path):
    path = tmp_path / "newer.sqlite"
    open_journal(path).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version=99")
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    before = digest(path)
    with pytest.raises(StorageError, match="newer"):
        open_journal(path)
    assert digest(path) == before and sidecars(path) == []


def test_read_only_folder_fails_fast_in_one_line(tmp_path):
    if os.geteuid() == 0:
        # root ignores directory permissions; a folder on a read-only path stands in for it
        folder = Path("/proc/self")
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
    start = time.monotonic()
    with pytest.raises(StorageError) as info:
        open_journal(folder / "journal.sqlite")
    assert time.monotonic() - start < 1.0
    msg = str(info.value)
    assert "\n" not in msg and str(folder) in msg
    assert "another process" not in msg


def test_read_only_journal_file_fails_fast(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can write a 0444 file")
    path = tmp_path / "j.sqlite"
    open_journal(path).close()
    path.chmod(0o444)
    start = time.monotonic()
    with pytest.raises(StorageError, match="permission denied"):
        open_journal(path)
    assert time.monotonic() - start < 1.0


# --------------------------------------------------------------------------------------------
# eval commands and foreign files
# --------------------------------------------------------------------------------------------


@pytest.fixture
def cli():
    return CliRunner()


def test_eval_show_refuses_a_foreign_sqlite_file_untouched(cli, tmp_path):
    path = foreign_db(tmp_path / "notes.sqlite", ("updates", "customers"))
    before = digest(path)
    r = cli.invoke(app, ["eval", "show", str(path)])
    assert r.exit_code == 6, r.output
    assert "not a drafter eval run" in r.stderr or "another program" in r.stderr
    assert digest(path) == before and sidecars(path) == []
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert {t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")} == {"updates", "customers"}
    con.close()


def test_eval_list_skips_foreign_files_and_writes_nothing(cli, tmp_path):
    runs = tmp_path / "runs"
    runs.mkdir()
    files = [foreign_db(runs / "a.sqlite", ("customers",)), foreign_db(runs / "b.sqlite", ("units", "meta"), wal=True)]
    (runs / "c.sqlite").write_bytes(b"not sqlite at all")
    files.append(runs / "c.sqlite")
    before = {p: digest(p) for p in files}
    r = cli.invoke(app, ["eval", "list", "--runs-dir", str(runs)])
    assert r.exit_code == 0, r.output
    for p in files:
        assert digest(p) == before[p], p
        assert sidecars(p) == [], p
    assert sorted(q.name for q in runs.iterdir()) == ["a.sqlite", "b.sqlite", "c.sqlite"]


def test_eval_show_and_list_of_a_real_run_write_nothing(cli, tmp_path):
    runs = tmp_path / "runs"
    r = cli.invoke(app, ["eval", "run", "--engine", "offline", "--runs-dir", str(runs), "--name", "r1",
                         "--case", "all-shipped", "--no-cache", "--quiet"])
    assert r.exit_code in (0, 1), r.output
    store = runs / "r1.sqlite"
    con = sqlite3.connect(store)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = digest(store)
    assert cli.invoke(app, ["eval", "show", str(store)]).exit_code == 0
    assert cli.invoke(app, ["eval", "list", "--runs-dir", str(runs)]).exit_code == 0
    assert digest(store) == before


# --------------------------------------------------------------------------------------------
# proposed dates: kept beside the promise, never over its due date
# --------------------------------------------------------------------------------------------


def test_proposed_date_never_replaces_the_due_date_and_due_list_agree(cli, tmp_path):
    path = tmp_path / "j.sqlite"
    with open_journal(path) as j:
        j.record(make_draft(D(2026, 11, 9), [{"what": "send the board summary to Lee", "due": D(2026, 11, 16)}]))
        [c] = j.commitments()
        # the next update: missed, and the playbook proposes a new date
        j.record(make_draft(D(2026, 11, 16), [{"what": "send the board summary to Lee", "due": D(2026, 11, 16),
                                               "state": "missed", "new_date": D(2026, 11, 17), "journal_id": c.id}]))
        [c] = j.commitments()
    assert c.due == D(2026, 11, 16) and c.proposed_due == D(2026, 11, 17) and c.state == "missed"
    env = {"DRAFTER_JOURNAL": str(path)}
    as_of = "2026-11-25"  # 9 days after the promised date, 8 after the proposed one
    r = cli.invoke(app, ["due", "--as-of", as_of, "--format", "json"], env=env)
    assert r.exit_code == 0, r.output
    [row] = json.loads(r.stdout)
    assert row["due"] == "2026-11-16" and row["days_left"] == -9 and row["proposed_due"] == "2026-11-17"
    r = cli.invoke(app, ["journal", "list", "--as-of", as_of], env=env)
    assert r.exit_code == 0 and "9d overdue" in r.stdout and "proposed" in r.stdout, r.stdout
    r = cli.invoke(app, ["due", "--as-of", as_of], env=env)
    assert "Nothing due" not in r.stdout and "9d overdue" in r.stdout, r.stdout


def test_the_next_update_carries_the_promised_date_not_the_proposed_one(tmp_path):
    from drafter.models import WorkLog

    with open_journal(tmp_path / "j.sqlite") as j:
        j.record(make_draft(D(2026, 11, 9), [{"what": "send the board summary to Lee", "due": D(2026, 11, 16)}]))
        [c] = j.commitments()
        j.record(make_draft(D(2026, 11, 16), [{"what": "send the board summary to Lee", "due": D(2026, 11, 16),
                                               "state": "missed", "new_date": D(2026, 11, 17), "journal_id": c.id}]))
        log = j.merge_into(WorkLog(as_of=D(2026, 11, 25), items=[]))
    [carried] = [x for item in log.items for x in item.commitments]
    assert carried.due == D(2026, 11, 16) and carried.journal_id == c.id  # still 9 days overdue
