"""Checks on a journal file before drafter opens it, and the per-process registry that keeps them safe.

* A file that is not SQLite, is corrupt, belongs to another program or has a newer schema is
  refused without being written to, sidecars included: an ``immutable`` read (no locks, no
  ``-wal``/``-shm``) unless the file is live (its ``-wal`` exists), then a read-only connection.
* POSIX drops all of a process's locks on a file when *any* descriptor of it is closed, so these
  checks (which read the header with plain ``open()``) run only while this process has no
  connection open on that file: ``_OPEN`` counts open journals per inode, under ``_GUARD``.
* A read-only folder or file fails at once with one clear line.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from ..errors import StorageError

BUSY_TIMEOUT_MS = 15000
_SQLITE_MAGIC = b"SQLite format 3\x00"
_OUR_TABLES = {"migrations", "updates", "commitments", "commitment_events", "sqlite_sequence"}
_REQUIRED_TABLES = {"migrations", "updates", "commitments", "commitment_events"}
_TRANSIENT = ("locked", "busy")

#: open Journal connections per (device, inode) in this process, and the lock that guards
#: opening, checking and closing
_GUARD = threading.RLock()
_OPEN: dict[tuple[int, int], int] = {}


def _untouched(path: Path) -> str:
    return "it was left untouched; move it away or set DRAFTER_JOURNAL to another file"


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _check_existing(path: Path, schema_version: int) -> None:
    """Refuse a file that is not a current or older drafter journal, without writing to it.

    Call only under ``_GUARD`` while this process has no connection open on ``path``.
    """
    if path.is_dir():
        raise StorageError(f"journal path {path} is a folder, not a file", hint="set DRAFTER_JOURNAL to a file path")
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise StorageError(f"cannot read journal {path}: {exc.strerror}") from None
    if not head:
        return  # an empty file: SQLite treats it as a new database, nothing to lose
    if not head.startswith(_SQLITE_MAGIC):
        raise StorageError(f"journal {path} is not an SQLite database", hint=_untouched(path))
    import time

    live = _sidecar(path, "-wal").exists() or _sidecar(path, "-journal").exists()
    last: Exception | None = None
    for attempt in range(20):
        try:
            _check_readonly(path, schema_version, immutable=not live)
            return
        except sqlite3.OperationalError as exc:  # locked or busy: transient; anything else is not
            if not any(word in str(exc).lower() for word in _TRANSIENT):
                raise StorageError(f"cannot read journal {path}: {exc}") from None
            last = exc
            time.sleep(0.05 * (attempt + 1))
    raise StorageError(f"cannot read journal {path}: {last}", hint="another process may hold it; try again")


def _check_readonly(path: Path, schema_version: int, *, immutable: bool) -> None:
    """Version, ownership and integrity checks through a read-only connection.

    ``immutable``: no locks and no ``-wal``/``-shm`` files (for a file nobody has open).
    """
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    con = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # one read transaction for the version and the tables: read apart, a drafter process that
        # is creating the journal can commit in between (version 0 with all our tables)
        con.execute("BEGIN")
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version > schema_version:
            raise StorageError(
                f"journal {path} has schema version {version}, newer than this drafter supports "
                f"({schema_version})",
                hint="upgrade drafter; the file was left untouched",
            )
        # a drafter journal gets its tables and its version in one transaction: version 0 with any
        # table, a table of another program, or a version without our tables is someone else's file
        if (version == 0 and tables) or tables - _OUR_TABLES or (version > 0 and not _REQUIRED_TABLES <= tables):
            raise StorageError(f"{path} is an SQLite file of another program, not a drafter journal", hint=_untouched(path))
        check = con.execute("PRAGMA quick_check").fetchall()
        if [r[0] for r in check] != ["ok"]:
            first = " ".join(str(check[0][0]).split())[:120]
            raise StorageError(f"journal {path} is corrupt ({first})", hint=_untouched(path))
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as exc:  # "file is not a database", "disk image is malformed"
        raise StorageError(f"journal {path} is corrupt or not a journal ({exc})", hint=_untouched(path)) from None
    finally:
        con.close()


def _check_writable(path: Path) -> None:
    """A read-only folder or file fails now, in one line, instead of after seconds of retries."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StorageError(
            f"cannot write the journal in {folder}: the folder is read-only (the journal keeps "
            f"{path.name}-wal and -shm beside it)",
            hint="set DRAFTER_JOURNAL to a file in a writable folder",
        )
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise StorageError(f"cannot write the journal {path}: permission denied", hint="check the file's permissions")
