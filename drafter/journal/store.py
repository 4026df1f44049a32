"""The journal's SQLite store: updates, commitments (one row per promise) and their history.

Safety rules:
- WAL mode and a busy timeout, so several ``drafter`` processes can record at once; every write
  is one ``BEGIN IMMEDIATE`` transaction.
- Schema versions live in ``PRAGMA user_version`` and a ``migrations`` table; migrations run in
  order inside a write transaction.
- A file that is not SQLite, is corrupt, belongs to another program or has a newer schema raises
  :class:`~drafter.errors.StorageError` and is never written to, sidecars included: it is checked
  before anything else touches it, through an ``immutable`` read (no locks, no ``-wal``/``-shm``
  created) or, when the file is live (its ``-wal`` exists), a read-only connection.
- POSIX drops all of a process's locks on a file when *any* descriptor of it is closed, so the
  checks (which read the header with plain ``open()``) run only while this process has no
  connection open on that file: a per-process registry counts the open journals per inode, under
  one lock. (Checking while other threads had the journal open lost 1-13 of 200 rows.)
- A read-only folder or file fails at once with one clear line (no retries).
- A date the tool proposes for a missed promise is kept in ``proposed_due`` beside it; it never
  replaces the promise's ``due`` date.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Literal

from ..errors import InputError, StorageError
from ..models import Draft, WorkLog
from .files import _GUARD, _OPEN, BUSY_TIMEOUT_MS, _check_existing, _check_writable, _inode
from .matching import commitment_key
from .merge import CARRIED_TITLE  # noqa: F401  (re-exported)
from .promises import promises_of
from .records import OPEN_STATES, JournalCommitment, JournalEvent, JournalUpdate, SayDo
from .schema import MIGRATIONS, SCHEMA_VERSION  # the module's names: tests monkeypatch them here

__all__ = [
    "BUSY_TIMEOUT_MS", "CARRIED_TITLE", "MIGRATIONS", "OPEN_STATES", "SCHEMA_VERSION", "Journal",
    "JournalCommitment", "JournalEvent", "JournalUpdate", "SayDo", "default_journal_path",
    "open_journal", "promises_of",
]


# --------------------------------------------------------------------------------------------
# Opening
# --------------------------------------------------------------------------------------------


def default_journal_path() -> Path:
    """``Settings.journal_path`` (``DRAFTER_JOURNAL``) or ``data_dir()/journal.sqlite``."""
    from ..config import data_dir, load_settings

    configured = load_settings().journal_path
    return Path(configured).expanduser() if configured else data_dir() / "journal.sqlite"


def open_journal(path: str | os.PathLike | None = None, *, create: bool = True) -> "Journal":
    """Open (and create or migrate) the journal at ``path`` or the default location."""
    return Journal(Path(path).expanduser() if path else default_journal_path(), create=create)




def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


# --------------------------------------------------------------------------------------------
# The journal
# --------------------------------------------------------------------------------------------


class Journal:
    """Commitments recorded across updates. Open with :func:`open_journal`; close when done.

    Usable as a context manager. Each method is one transaction, safe against other processes.
    """

    def __init__(self, path: str | os.PathLike, *, create: bool = True):
        self.path = Path(path)
        self._con = None
        self._inode: tuple[int, int] | None = None
        with _GUARD:
            try:
                existed = self.path.exists()
            except OSError as exc:
                raise StorageError(f"journal path {self.path}: {exc.strerror or exc}") from None
            if existed:
                inode = _inode(self.path)
                if not _OPEN.get(inode):  # nobody in this process has it open: safe to check it
                    _check_existing(self.path, SCHEMA_VERSION)
            elif not create:
                raise StorageError(
                    f"no journal at {self.path} yet",
                    hint="record an update first: drafter update notes.txt --record",
                )
            else:
                try:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StorageError(f"cannot create the journal folder {self.path.parent}: {exc.strerror}") from None
            _check_writable(self.path)
            try:
                self._con = sqlite3.connect(
                    str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
                )
                self._inode = _inode(self.path)
                _OPEN[self._inode] = _OPEN.get(self._inode, 0) + 1
                self._con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
                self._con.execute("PRAGMA foreign_keys=ON")
                self._set_wal()
                self._migrate()
            except BaseException as exc:
                self._release()
                if isinstance(exc, sqlite3.Error):
                    raise StorageError(f"cannot open journal {self.path}: {exc}") from None
                raise

    def _release(self) -> None:
        with _GUARD:
            if self._con is not None:
                self._con.close()
                self._con = None
            if self._inode is not None:
                left = _OPEN.get(self._inode, 1) - 1
                if left > 0:
                    _OPEN[self._inode] = left
                else:
                    _OPEN.pop(self._inode, None)
                self._inode = None

    # -- plumbing ------------------------------------------------------------------------

    def _set_wal(self) -> None:
        import time

        for attempt in range(50):
            try:
                mode = self._con.execute("PRAGMA journal_mode=WAL").fetchone()[0]
                if mode.lower() == "wal":
                    return
                raise StorageError(f"journal {self.path}: cannot use WAL mode (got {mode})")
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise StorageError(f"journal {self.path} stayed locked by another process; try again")

    def _migrate(self) -> None:
        con = self._con
        if con.execute("PRAGMA user_version").fetchone()[0] >= len(MIGRATIONS):
            return
        with self._write() as cur:
            version = cur.execute("PRAGMA user_version").fetchone()[0]  # re-read under the lock
            if version > SCHEMA_VERSION:
                raise StorageError(f"journal {self.path} has schema version {version}, newer than this drafter supports")
            for number in range(version, len(MIGRATIONS)):
                name, script = MIGRATIONS[number]
                for statement in script.split(";"):
                    if statement.strip():
                        cur.execute(statement)
                cur.execute(
                    "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (number + 1, name, _now()),
                )
                cur.execute(f"PRAGMA user_version={number + 1}")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken with BEGIN IMMEDIATE so writers queue instead of failing."""
        con = self._con
        if con is None:
            raise StorageError(f"journal {self.path} is closed")
        try:
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StorageError(f"journal {self.path} is locked by another process ({exc}); try again") from None
        try:
            yield con
        except BaseException as exc:
            if con.in_transaction:
                con.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StorageError(f"journal {self.path}: write failed and was rolled back ({exc})") from None
            raise
        else:
            try:
                con.execute("COMMIT")
            except sqlite3.Error as exc:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                raise StorageError(f"journal {self.path}: write failed and was rolled back ({exc})") from None

    @property
    def schema_version(self) -> int:
        return self._read("PRAGMA user_version")[0][0]

    def close(self) -> None:
        self._release()

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Journal({str(self.path)!r})"

    # -- reading -------------------------------------------------------------------------

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Run a query; SQLite errors become one-line StorageErrors."""
        if self._con is None:
            raise StorageError(f"journal {self.path} is closed")
        try:
            return self._con.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StorageError(f"journal {self.path} could not be read ({exc})") from None

    def _rows(self, where: str = "", params: tuple = ()) -> list[JournalCommitment]:
        rows = self._read(
            "SELECT id, what, owner, for_whom, item, due, original_due, state, made_on, closed_on, "
            f"missed_count, reason, first_update, last_update, proposed_due FROM commitments {where} ORDER BY id",
            params,
        )
        out = []
        for r in rows:
            out.append(
                JournalCommitment(
                    id=r[0], what=r[1], owner=r[2], for_whom=r[3], item=r[4], due=_d(r[5]),
                    original_due=_d(r[6]), state=r[7], made_on=_d(r[8]), closed_on=_d(r[9]),
                    missed_count=r[10], reason=r[11], first_update=r[12], last_update=r[13],
                    proposed_due=_d(r[14]),
                )
            )
        return out

    def commitments(self, state: Literal["open", "all", "done", "dropped", "missed"] = "all") -> list[JournalCommitment]:
        """Recorded promises: ``open`` (open or missed, not closed), ``all``, or one state."""
        if state == "all":
            return self._rows()
        if state == "open":
            return self._rows("WHERE state IN ('open', 'missed')")
        return self._rows("WHERE state = ?", (state,))

    def open_commitments(self) -> list[JournalCommitment]:
        return self.commitments("open")

    def get(self, commitment_id: int) -> JournalCommitment:
        """One promise with its history; :class:`InputError` when the id is unknown."""
        rows = self._rows("WHERE id = ?", (int(commitment_id),))
        if not rows:
            raise InputError(f"no commitment #{commitment_id} in the journal", hint="see drafter journal list --all")
        c = rows[0]
        events = self._read(
            "SELECT on_date, state, due, new_date, note, source, update_id FROM commitment_events "
            "WHERE commitment_id = ? ORDER BY id",
            (c.id,),
        )
        c.history = [
            JournalEvent(on=_d(e[0]), state=e[1], due=_d(e[2]), new_date=_d(e[3]), note=e[4], source=e[5], update_id=e[6])
            for e in events
        ]
        return c

    def updates(self) -> list[JournalUpdate]:
        rows = self._read("SELECT id, as_of, recorded_at, kind, overall, engine, text, artefact FROM updates ORDER BY id")
        return [
            JournalUpdate(
                id=r[0], as_of=_d(r[1]), recorded_at=r[2], kind=r[3], overall=r[4], engine=r[5],
                text=r[6], artefact=json.loads(r[7]),
            )
            for r in rows
        ]

    def due(self, as_of: dt.date, within: int = 0) -> list[JournalCommitment]:
        """Open promises due on or before ``as_of + within`` days (overdue ones included)."""
        limit = as_of + dt.timedelta(days=within)
        return [c for c in self.open_commitments() if c.due is not None and c.due <= limit]

    def stats(self, since: dt.date | None = None, until: dt.date | None = None) -> SayDo:
        """Say/do ratio over promises first recorded between ``since`` and ``until`` (inclusive)."""
        out = SayDo(since=since, until=until)
        for c in self._rows():
            if (since and c.made_on < since) or (until and c.made_on > until):
                continue
            out.made += 1
            if c.state == "done":
                if c.kept_on_time:
                    out.kept_on_time += 1
                else:
                    out.done_late += 1
            elif c.state == "dropped":
                out.dropped += 1
            else:
                today = until or dt.date.today()
                past = c.original_due is not None and c.original_due < today
                if c.state == "missed" or c.missed_count or past:
                    out.missed_open += 1
                else:
                    out.open += 1
        return out

    # -- writing by hand (CLI) -----------------------------------------------------------

    def mark_done(self, commitment_id: int, on: dt.date | None = None, note: str | None = None) -> JournalCommitment:
        """Close a promise as done (``on`` defaults to today)."""
        return self._close(commitment_id, "done", on or dt.date.today(), note)

    def drop(self, commitment_id: int, reason: str | None = None, on: dt.date | None = None) -> JournalCommitment:
        """Close a promise as dropped (it no longer applies); the reason is kept."""
        return self._close(commitment_id, "dropped", on or dt.date.today(), reason)

    def _close(self, commitment_id: int, state: str, on: dt.date, note: str | None) -> JournalCommitment:
        with self._write() as con:
            row = con.execute("SELECT state, due FROM commitments WHERE id = ?", (int(commitment_id),)).fetchone()
            if row is None:
                raise InputError(f"no commitment #{commitment_id} in the journal", hint="see drafter journal list --all")
            if row[0] not in OPEN_STATES:
                raise InputError(f"commitment #{commitment_id} is already {row[0]}")
            con.execute(
                "UPDATE commitments SET state = ?, closed_on = ?, reason = COALESCE(?, reason) WHERE id = ?",
                (state, on.isoformat(), note, int(commitment_id)),
            )
            con.execute(
                "INSERT INTO commitment_events (commitment_id, update_id, on_date, state, due, note, source, recorded_at) "
                "VALUES (?, NULL, ?, ?, ?, ?, 'cli', ?)",
                (int(commitment_id), on.isoformat(), state, row[1], note, _now()),
            )
        return self.get(commitment_id)

    # -- recording drafts ------------------------------------------------------------------

    def record(self, draft: Draft, *, text: str | None = None) -> int:
        """Store an update (as_of, rendered markdown, artefact JSON) and its promises; return its id."""
        artefact = draft.artefact
        as_of = getattr(artefact, "as_of", None) or draft.plan.as_of
        if text is None:
            text = draft.render("markdown")
        entries = promises_of(draft)
        with self._write() as con:
            cur = con.execute(
                "INSERT INTO updates (as_of, recorded_at, kind, overall, engine, text, artefact) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    as_of.isoformat(), _now(), draft.kind.value,
                    getattr(getattr(artefact, "overall", None), "value", None), draft.meta.engine,
                    text, artefact.model_dump_json(),
                ),
            )
            update_id = cur.lastrowid
            seen: set[int] = set()
            for e in entries:
                cid = self._upsert(con, update_id, as_of, e, seen)
                seen.add(cid)
        return update_id

    def _upsert(self, con: sqlite3.Connection, update_id: int, as_of: dt.date, e: dict, seen: set[int]) -> int:
        key = commitment_key(e["owner"], e["what"])
        row = None
        if e.get("journal_id") is not None:
            row = con.execute("SELECT id, state, due, missed_count FROM commitments WHERE id = ?", (e["journal_id"],)).fetchone()
        if row is None:
            row = con.execute(
                "SELECT id, state, due, missed_count FROM commitments WHERE key = ? AND state IN ('open', 'missed') "
                "ORDER BY id DESC LIMIT 1",
                (key,),
            ).fetchone()
            if row is not None and row[0] in seen:
                row = None  # two different promises with the same words in one update
        if row is None and e["state"] in ("done", "dropped"):
            # the same notes recorded again (same day, or the same done date): not a new promise
            row = con.execute(
                "SELECT c.id, c.state, c.due, c.missed_count FROM commitments c WHERE c.key = ? "
                "AND c.state IN ('done', 'dropped') AND (c.closed_on = ? OR EXISTS (SELECT 1 FROM "
                "commitment_events e WHERE e.commitment_id = c.id AND e.on_date = ?)) ORDER BY c.id DESC LIMIT 1",
                (key, _iso(e.get("done_on")) or "", as_of.isoformat()),
            ).fetchone()
            if row is not None and row[0] in seen:
                row = None
        state = e["state"]
        due = e.get("due")  # the promised date; a date the tool proposes never replaces it
        new = e.get("new_date")
        if new is not None and new == e.get("notes_new_date"):
            due, proposed = new, None  # the notes re-promised it for this date
        else:
            proposed = new if state in OPEN_STATES and new != due else None
        note = e.get("ask")
        if state == "done":
            closed = e.get("done_on") or as_of
        elif state == "dropped":
            closed = as_of
        else:
            closed = None
        if row is None:
            cur = con.execute(
                "INSERT INTO commitments (key, what, owner, for_whom, item, due, original_due, state, made_on, closed_on, "
                "missed_count, reason, first_update, last_update, proposed_due) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key, e["what"], e["owner"], e.get("for_whom"), e.get("item"), _iso(due), _iso(due),
                    state, as_of.isoformat(), _iso(closed), 1 if state == "missed" else 0, note, update_id, update_id,
                    _iso(proposed),
                ),
            )
            cid = cur.lastrowid
        else:
            cid, old_state, old_due, missed = row
            if old_state in OPEN_STATES:
                con.execute(
                    "UPDATE commitments SET state = ?, due = COALESCE(?, due), for_whom = COALESCE(for_whom, ?), "
                    "closed_on = ?, missed_count = ?, reason = COALESCE(?, reason), last_update = ?, proposed_due = ? "
                    "WHERE id = ?",
                    (
                        state, _iso(due), e.get("for_whom"), _iso(closed), missed + (1 if state == "missed" else 0),
                        note, update_id, _iso(proposed), cid,
                    ),
                )
            else:
                con.execute("UPDATE commitments SET last_update = ? WHERE id = ?", (update_id, cid))
        con.execute(
            "INSERT INTO commitment_events (commitment_id, update_id, on_date, state, due, new_date, note, source, recorded_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'update', ?)",
            (cid, update_id, as_of.isoformat(), state, _iso(e.get("due")), _iso(e.get("new_date")), note, _now()),
        )
        return cid

    # -- merging into a new log ------------------------------------------------------------

    def merge_into(self, log: WorkLog) -> WorkLog:
        """Return a copy of ``log`` with every open recorded promise placed in it (see :mod:`.merge`)."""
        from .merge import merge_into

        return merge_into(self, log)
