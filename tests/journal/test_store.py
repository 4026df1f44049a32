"""The SQLite store: creation, WAL, migrations, refusal of bad files (never modified), recording."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from drafter.errors import ExitCode, InputError, StorageError
from drafter.journal import SCHEMA_VERSION, open_journal
from drafter.journal.store import MIGRATIONS, default_journal_path

from .helpers import make_draft

D = dt.date


def digest(path: Path) -> tuple[str, int]:
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), path.stat().st_mtime_ns


# -- opening -------------------------------------------------------------------------------


def test_new_journal_is_wal_with_versioned_migrations(tmp_path):
    path = tmp_path / "sub" / "journal.sqlite"
    with open_journal(path) as j:
        assert j.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    rows = con.execute("SELECT version, name FROM migrations ORDER BY version").fetchall()
    assert [r[0] for r in rows] == list(range(1, SCHEMA_VERSION + 1))
    con.close()


def test_reopening_does_not_rerun_migrations(tmp_path):
    path = tmp_path / "j.sqlite"
    with open_journal(path) as j:
        j.record(make_draft(D(2026, 11, 20), [{"what": "send the deck", "due": D(2026, 11, 21)}]), text="x")
    with open_journal(path) as j:
        assert len(j.commitments()) == 1
        assert j._con.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == SCHEMA_VERSION
        assert j._con.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_default_path_follows_drafter_journal_then_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("DRAFTER_JOURNAL", str(tmp_path / "mine.sqlite"))
    assert default_journal_path() == tmp_path / "mine.sqlite"
    monkeypatch.delenv("DRAFTER_JOURNAL")
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "home"))
    assert default_journal_path() == tmp_path / "home" / "journal.sqlite"
    with open_journal() as j:
        assert j.path == tmp_path / "home" / "journal.sqlite"
    assert (tmp_path / "home" / "journal.sqlite").exists()


def test_empty_file_becomes_a_journal(tmp_path):
    path = tmp_path / "j.sqlite"
    path.write_bytes(b"")
    with open_journal(path) as j:
        assert j.schema_version == SCHEMA_VERSION


def test_missing_journal_without_create_is_a_clear_error(tmp_path):
    with pytest.raises(StorageError, match="no journal at"):
        open_journal(tmp_path / "none.sqlite", create=False)
    assert not (tmp_path / "none.sqlite").exists()


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    p = tmp_path / "text.sqlite"
    p.write_text("these are my notes, not a database\n" * 50)
    out["text"] = p
    p = tmp_path / "random.sqlite"
    p.write_bytes(bytes((i * 37 + 11) % 256 for i in range(8192)))
    out["random"] = p
    # a real journal, then pages overwritten with garbage after the header
    p = tmp_path / "corrupt.sqlite"
    with open_journal(p) as j:
        for k in range(30):
            j.record(make_draft(D(2026, 11, 20), [{"what": f"task number {k} " * 5, "due": D(2026, 11, 27)}]), text="t" * 2000)
    con = sqlite3.connect(p)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    data = bytearray(p.read_bytes())
    for i in range(4096 + 100, len(data), 7):
        data[i] = 0xA5
    p.write_bytes(bytes(data))
    out["corrupt"] = p
    # a truncated header-only file
    p = tmp_path / "truncated.sqlite"
    p.write_bytes(out["corrupt"].read_bytes()[:60])
    out["truncated"] = p
    # another program's SQLite database
    p = tmp_path / "other.sqlite"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO customers (name) VALUES ('Acme')")
    con.commit()
    con.close()
    out["other_program"] = p
    # a journal from a newer drafter
    p = tmp_path / "newer.sqlite"
    with open_journal(p):
        pass
    con = sqlite3.connect(p)
    con.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    out["newer"] = p
    return out


@pytest.mark.parametrize("kind", ["text", "random", "corrupt", "truncated", "other_program", "newer"])
def test_bad_files_raise_storage_error_and_are_never_modified(tmp_path, kind):
    path = _bad_files(tmp_path)[kind]
    before = digest(path)
    for _ in range(2):  # a second attempt must not find anything "repaired" either
        with pytest.raises(StorageError) as info:
            open_journal(path)
        assert info.value.exit_code == ExitCode.STORAGE
        line = str(info.value)
        assert "\n" not in line and str(path) in line
    assert digest(path) == before
    assert not Path(str(path) + "-wal").exists()


def test_newer_schema_message_says_upgrade(tmp_path):
    path = _bad_files(tmp_path)["newer"]
    from drafter.journal.store import SCHEMA_VERSION

    with pytest.raises(StorageError, match=rf"schema version {SCHEMA_VERSION + 1}, newer .*upgrade drafter"):
        open_journal(path)


def test_bad_file_via_record_path_is_untouched(tmp_path):
    """Library use: the draft is never written into a file that failed the checks."""
    path = tmp_path / "notes.txt"
    path.write_text("important notes\n")
    with pytest.raises(StorageError, match="not an SQLite database"):
        open_journal(path)
    assert path.read_text() == "important notes\n"


def test_folder_path_is_refused(tmp_path):
    with pytest.raises(StorageError, match="folder"):
        open_journal(tmp_path)


# -- recording -----------------------------------------------------------------------------


def test_record_stores_update_and_commitments(tmp_path):
    with open_journal(tmp_path / "j.sqlite") as j:
        d = make_draft(
            D(2026, 11, 23),
            [
                {"what": "send the Q3 board pack to Dana", "due": D(2026, 11, 26), "for_whom": "Dana"},
                {"what": "book the room", "owner": "Priya", "due": D(2026, 11, 24)},
            ],
        )
        uid = j.record(d, text="# update\n")
        [u] = j.updates()
        assert u.id == uid and u.as_of == D(2026, 11, 23) and u.text == "# update\n"
        assert u.artefact["kind"] == "update" and u.engine == "test"
        cs = j.commitments()
        assert [(c.what, c.owner, c.due, c.for_whom, c.state) for c in cs] == [
            ("send the Q3 board pack to Dana", "I", D(2026, 11, 26), "Dana", "open"),
            ("book the room", "Priya", D(2026, 11, 24), None, "open"),
        ]
        assert all(c.made_on == D(2026, 11, 23) and c.first_update == uid for c in cs)


def test_record_renders_markdown_when_no_text_given(tmp_path):
    pytest.importorskip("drafter.render")
    with open_journal(tmp_path / "j.sqlite") as j:
        j.record(make_draft(D(2026, 11, 23), [{"what": "send the deck", "due": D(2026, 11, 26)}]))
        [u] = j.updates()
        assert u.text.strip()


def test_same_promise_across_updates_is_one_row_with_history(tmp_path):
    with open_journal(tmp_path / "j.sqlite") as j:
        j.record(make_draft(D(2026, 11, 20), [{"what": "Send the Q3 board pack to Dana", "due": D(2026, 11, 23)}]), text="1")
        [c] = j.commitments()
        # update 2: the journal id was carried (merge_into sets it); missed with a new date
        j.record(
            make_draft(
                D(2026, 11, 24),
                [{"what": "send Dana the Q3 board pack", "due": D(2026, 11, 23), "state": "missed",
                  "new_date": D(2026, 11, 27), "journal_id": c.id}],
            ),
            text="2",
        )
        # the playbook's new date is kept as proposed, beside the promise's own date (never over it)
        [c] = j.commitments()
        assert c.due == D(2026, 11, 23) and c.proposed_due == D(2026, 11, 27) and c.state == "missed"
        assert [x.id for x in j.due(D(2026, 11, 24))] == [c.id]  # still overdue, not "due Fri"
        # update 3: same words, no journal id: found by key
        j.record(make_draft(D(2026, 11, 27), [{"what": "send the q3 board pack to dana", "state": "done"}]), text="3")
        [c] = j.commitments("all")
        c = j.get(c.id)
        assert c.state == "done" and c.missed_count == 1
        assert c.original_due == D(2026, 11, 23) and c.due == D(2026, 11, 23) and c.proposed_due is None
        assert c.closed_on == D(2026, 11, 27) and not c.kept_on_time
        assert [(e.on, e.state, e.new_date) for e in c.history] == [
            (D(2026, 11, 20), "open", None),
            (D(2026, 11, 24), "missed", D(2026, 11, 27)),
            (D(2026, 11, 27), "done", None),
        ]
        assert [e.update_id for e in c.history] == [1, 2, 3]


def test_mark_done_drop_and_errors(tmp_path):
    with open_journal(tmp_path / "j.sqlite") as j:
        j.record(make_draft(D(2026, 11, 20), [
            {"what": "send the deck", "due": D(2026, 11, 23)},
            {"what": "call the vendor", "due": D(2026, 11, 21)},
        ]), text="1")
        a, b = j.commitments()
        done = j.mark_done(a.id, on=D(2026, 11, 22), note="sent by email")
        assert done.state == "done" and done.kept_on_time and done.reason == "sent by email"
        dropped = j.drop(b.id, reason="vendor changed")
        assert dropped.state == "dropped" and dropped.reason == "vendor changed"
        assert j.open_commitments() == []
        with pytest.raises(InputError, match="already done"):
            j.mark_done(a.id)
        with pytest.raises(InputError, match="no commitment #99"):
            j.get(99)
        assert [e.source for e in j.get(a.id).history] == ["update", "cli"]


def test_due_and_stats(tmp_path):
    with open_journal(tmp_path / "j.sqlite") as j:
        j.record(make_draft(D(2026, 11, 16), [
            {"what": "alpha report", "due": D(2026, 11, 18)},
            {"what": "beta review", "due": D(2026, 11, 20)},
            {"what": "gamma migration", "due": D(2026, 11, 30)},
            {"what": "delta invoice", "due": D(2026, 11, 19)},
        ]), text="1")
        a, b, c, d = j.commitments()
        j.mark_done(a.id, on=D(2026, 11, 18))  # on time
        j.mark_done(b.id, on=D(2026, 11, 21))  # late
        assert [x.id for x in j.due(D(2026, 11, 25))] == [d.id]  # overdue
        assert [x.id for x in j.due(D(2026, 11, 25), within=5)] == [c.id, d.id]
        s = j.stats(until=D(2026, 11, 25))
        assert (s.made, s.kept_on_time, s.done_late, s.missed_open, s.open) == (4, 1, 1, 1, 1)
        assert s.ratio == pytest.approx(0.25)
        assert j.stats(since=D(2026, 11, 17)).made == 0
        assert j.stats(since=D(2026, 11, 17)).ratio is None


def test_migrations_apply_in_order_and_keep_data(tmp_path, monkeypatch):
    """A later schema version is applied once, in order, on open; rows recorded before survive."""
    from drafter.journal import store

    path = tmp_path / "j.sqlite"
    with open_journal(path) as j:
        j.record(make_draft(D(2026, 11, 20), [{"what": "send the deck", "due": D(2026, 11, 21)}]), text="v1")
    now = store.SCHEMA_VERSION
    later = ("add commitments.tags", "ALTER TABLE commitments ADD COLUMN tags TEXT")
    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, later])
    monkeypatch.setattr(store, "SCHEMA_VERSION", now + 1)
    with store.open_journal(path) as j:
        assert j.schema_version == now + 1
        assert [c.what for c in j.commitments()] == ["send the deck"]
        rows = j._con.execute("SELECT version, name FROM migrations ORDER BY version").fetchall()
        assert rows == [(k + 1, m[0]) for k, m in enumerate(store.MIGRATIONS[:now])] + [(now + 1, "add commitments.tags")]
        cols = [r[1] for r in j._con.execute("PRAGMA table_info(commitments)")]
        assert "tags" in cols
    with store.open_journal(path) as j:  # idempotent: nothing re-applied
        assert j._con.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == now + 1
    monkeypatch.undo()
    with pytest.raises(StorageError, match="newer"):  # the old drafter now refuses the file
        open_journal(path)


def test_failed_migration_rolls_back(tmp_path, monkeypatch):
    from drafter.journal import store

    path = tmp_path / "j.sqlite"
    open_journal(path).close()
    bad = ("broken", "ALTER TABLE commitments ADD COLUMN x TEXT; ALTER TABLE nope ADD COLUMN y TEXT")
    now = store.SCHEMA_VERSION
    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, bad])
    monkeypatch.setattr(store, "SCHEMA_VERSION", now + 1)
    with pytest.raises(StorageError):
        store.open_journal(path)
    monkeypatch.undo()
    with open_journal(path) as j:
        assert j.schema_version == now
        assert "x" not in [r[1] for r in j._con.execute("PRAGMA table_info(commitments)")]


def test_a_failed_write_is_rolled_back_whole_and_reported_in_one_line(tmp_path):
    """record() is one transaction: a failure half way leaves no update and no commitment behind."""
    path = tmp_path / "j.sqlite"
    with open_journal(path) as j:
        j.record(make_draft(D(2026, 11, 20), [{"what": "first promise"}]), text="1")
    con = sqlite3.connect(path)
    con.execute(
        "CREATE TRIGGER fail_second AFTER INSERT ON commitments WHEN NEW.what = 'second b' "
        "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"
    )
    con.commit()
    con.close()
    with open_journal(path) as j:
        draft = make_draft(D(2026, 11, 21), [{"what": "second a"}, {"what": "second b"}])
        with pytest.raises(StorageError, match="rolled back .*simulated failure") as info:
            j.record(draft, text="2")
        assert "\n" not in str(info.value)
        assert len(j.updates()) == 1
        assert [c.what for c in j.commitments("all")] == ["first promise"]
        j.mark_done(1)  # the connection is still usable afterwards
        assert j.get(1).state == "done"


def test_closed_journal_raises_storage_error(tmp_path):
    j = open_journal(tmp_path / "j.sqlite")
    j.close()
    with pytest.raises(StorageError):
        j.commitments()


def test_recording_the_same_notes_twice_on_one_day_adds_no_promises(tmp_path):
    with open_journal(tmp_path / "j.sqlite") as j:
        promises = [
            {"what": "send the deck", "due": D(2026, 11, 27)},
            {"what": "sent the budget sheet to Lee", "state": "done"},
        ]
        j.record(make_draft(D(2026, 11, 25), promises), text="1")
        j.record(make_draft(D(2026, 11, 25), promises), text="1 again")
        assert len(j.commitments("all")) == 2
        assert j.stats().made == 2
        # a week later the same words are a new promise (recurring work)
        j.record(make_draft(D(2026, 12, 2), [{"what": "sent the budget sheet to Lee", "state": "done"}]), text="2")
        assert len(j.commitments("all")) == 3
