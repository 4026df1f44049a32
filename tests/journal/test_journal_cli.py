"""`drafter journal ...` and `drafter due` through typer's CliRunner, journal in a temp dir."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sqlite3

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import ExitCode
from drafter.journal import open_journal

from .helpers import make_draft

D = dt.date


@pytest.fixture
def runner():
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart already
        return CliRunner()


@pytest.fixture
def journal_path():
    return os.environ["DRAFTER_JOURNAL"]


@pytest.fixture
def filled(journal_path):
    with open_journal(journal_path) as j:
        j.record(make_draft(D(2026, 11, 16), [
            {"what": "send the Q3 board pack to Dana", "due": D(2026, 11, 18), "for_whom": "Dana"},
            {"what": "book the offsite venue", "due": D(2026, 11, 20)},
            {"what": "renew the API certificate", "owner": "Priya", "due": D(2026, 11, 30)},
            {"what": "draft the hiring plan", "due": D(2026, 11, 24)},
        ]), text="update 1")
    return journal_path


def test_list_open_table_and_json(runner, filled):
    r = runner.invoke(app, ["journal", "list"])
    assert r.exit_code == 0, r.output
    assert "send the Q3 board pack to Dana" in r.stdout and "Priya" in r.stdout
    r = runner.invoke(app, ["journal", "list", "--as-of", "2026-11-21"])
    assert "3d overdue" in r.stdout and "in 9d" in r.stdout
    r = runner.invoke(app, ["journal", "list", "--format", "json"])
    data = json.loads(r.stdout)
    assert [c["id"] for c in data] == [1, 2, 3, 4]
    assert data[0]["due"] == "2026-11-18" and data[0]["state"] == "open"


def test_done_and_drop_then_list(runner, filled):
    r = runner.invoke(app, ["journal", "done", "1", "--on", "2026-11-18"])
    assert r.exit_code == 0, r.output
    assert "#1 done" in r.stdout and "on time" in r.stdout
    r = runner.invoke(app, ["journal", "drop", "2", "--reason", "offsite cancelled"])
    assert r.exit_code == 0 and "dropped" in r.stdout
    open_ids = [c["id"] for c in json.loads(runner.invoke(app, ["journal", "list", "-f", "json"]).stdout)]
    assert open_ids == [3, 4]
    all_ids = [c["id"] for c in json.loads(runner.invoke(app, ["journal", "list", "--all", "-f", "json"]).stdout)]
    assert all_ids == [1, 2, 3, 4]


def test_show_has_history(runner, filled):
    runner.invoke(app, ["journal", "done", "1", "--on", "2026-11-19", "--note", "sent by email"])
    r = runner.invoke(app, ["journal", "show", "1", "--format", "json"])
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert data["state"] == "done" and data["closed_on"] == "2026-11-19"
    assert [(e["source"], e["state"]) for e in data["history"]] == [("update", "open"), ("cli", "done")]
    r = runner.invoke(app, ["journal", "show", "1"])
    assert "History" in r.stdout and "sent by email" in r.stdout


def test_errors_have_one_line_and_exit_codes(runner, filled):
    r = runner.invoke(app, ["journal", "show", "99"])
    assert r.exit_code == ExitCode.USAGE
    assert r.stderr.strip().startswith("drafter: error: no commitment #99") and len(r.stderr.strip().splitlines()) == 1
    r = runner.invoke(app, ["journal", "done", "1", "--on", "yesterday-ish"])
    assert r.exit_code == ExitCode.USAGE and "YYYY-MM-DD" in r.stderr
    runner.invoke(app, ["journal", "done", "1"])
    r = runner.invoke(app, ["journal", "done", "1"])
    assert r.exit_code == ExitCode.USAGE and "already done" in r.stderr


def test_corrupt_journal_exits_storage_and_is_untouched(runner, journal_path, tmp_path):
    with open(journal_path, "wb") as fh:
        fh.write(b"not a database at all\n" * 100)
    before = open(journal_path, "rb").read()
    for args in (["journal", "list"], ["due"], ["journal", "done", "1"], ["journal", "stats"]):
        r = runner.invoke(app, args)
        assert r.exit_code == ExitCode.STORAGE, (args, r.output)
        assert "not an SQLite database" in r.stderr and "Traceback" not in r.stderr
    assert open(journal_path, "rb").read() == before


def test_newer_schema_exits_storage(runner, filled):
    con = sqlite3.connect(filled)
    con.execute("PRAGMA user_version=9")
    con.close()
    r = runner.invoke(app, ["journal", "list"])
    assert r.exit_code == ExitCode.STORAGE and "newer" in r.stderr


def test_missing_journal_is_empty_not_created(runner, journal_path):
    r = runner.invoke(app, ["journal", "list"])
    assert r.exit_code == 0 and "No open commitments" in r.stdout
    r = runner.invoke(app, ["due", "2026-11-25", "-f", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout) == []
    r = runner.invoke(app, ["journal", "done", "3"])
    assert r.exit_code == ExitCode.USAGE
    assert not os.path.exists(journal_path)


def test_export_json_and_csv(runner, filled, tmp_path):
    runner.invoke(app, ["journal", "done", "1", "--on", "2026-11-18"])
    r = runner.invoke(app, ["journal", "export", "--format", "json"])
    data = json.loads(r.stdout)
    assert len(data["commitments"]) == 4 and len(data["updates"]) == 1
    assert data["commitments"][0]["kept_on_time"] is True
    assert data["updates"][0]["text"] == "update 1"
    out = tmp_path / "c.csv"
    r = runner.invoke(app, ["journal", "export", "--format", "csv", "-o", str(out)])
    assert r.exit_code == 0 and "wrote 4" in r.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [row["what"] for row in rows][:2] == ["send the Q3 board pack to Dana", "book the offsite venue"]
    assert rows[0]["state"] == "done" and rows[0]["kept_on_time"] == "True" and rows[2]["owner"] == "Priya"


def test_due_view(runner, filled):
    r = runner.invoke(app, ["due", "2026-11-21", "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert [(c["id"], c["days_left"]) for c in data] == [(1, -3), (2, -1)]
    r = runner.invoke(app, ["due", "--as-of", "2026-11-21", "--within", "3", "-f", "json"])
    assert [c["id"] for c in json.loads(r.stdout)] == [1, 2, 4]
    r = runner.invoke(app, ["due", "2026-11-21"])
    assert "2 overdue" in r.stdout and "3d overdue" in r.stdout
    r = runner.invoke(app, ["due", "2026-11-10"])
    assert "Nothing due" in r.stdout


def test_stats_say_do(runner, filled):
    runner.invoke(app, ["journal", "done", "1", "--on", "2026-11-18"])  # on time
    runner.invoke(app, ["journal", "done", "2", "--on", "2026-11-22"])  # late
    r = runner.invoke(app, ["journal", "stats", "--since", "2026-11-01", "--until", "2026-11-25", "-f", "json"])
    assert r.exit_code == 0, r.output
    s = json.loads(r.stdout)
    assert (s["made"], s["kept_on_time"], s["done_late"], s["missed_open"], s["open"]) == (4, 1, 1, 1, 1)
    assert s["ratio"] == pytest.approx(0.25)
    r = runner.invoke(app, ["journal", "stats", "--since", "2026-11-01", "--until", "2026-11-25"])
    assert "25% (1/4)" in r.stdout
    r = runner.invoke(app, ["journal", "stats", "--since", "2026-11-17"])
    assert "n/a" in r.stdout


def test_journal_option_overrides_env(runner, tmp_path):
    other = tmp_path / "other.sqlite"
    with open_journal(other) as j:
        j.record(make_draft(D(2026, 11, 16), [{"what": "only in the other journal"}]), text="x")
    r = runner.invoke(app, ["journal", "list", "--journal", str(other), "-f", "json"])
    assert [c["what"] for c in json.loads(r.stdout)] == ["only in the other journal"]
