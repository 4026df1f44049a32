"""Eval run storage: one SQLite file per run, plus a content-addressed draft cache.

``<runs_dir>/<run_id>.sqlite`` holds the run's settings, a snapshot of its cases and one row per
finished unit (case, artefact, repeat) with the draft text and check results. Every unit is
committed as soon as it finishes, so an interrupted run keeps everything it did and can resume.

``<runs_dir>/cache.sqlite`` maps sha256(engine, model, base URL, prompt texts, case inputs,
parameters, repeat index, pipeline code) to the artefact a model wrote, so re-running unchanged
prompts makes no model calls.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, StorageError, redact

SCHEMA_VERSION = 1

_RUN_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cases (id TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS units (
    case_id TEXT NOT NULL, artefact TEXT NOT NULL, rep INTEGER NOT NULL,
    status TEXT NOT NULL,            -- ok | error
    text TEXT, fmt TEXT, artefact_json TEXT, meta_json TEXT, error TEXT,
    latency_ms REAL, tokens_in INTEGER, tokens_out INTEGER,
    cached INTEGER NOT NULL DEFAULT 0, model_calls INTEGER NOT NULL DEFAULT 0,
    cache_key TEXT, finished_at TEXT NOT NULL,
    PRIMARY KEY (case_id, artefact, rep)
);
CREATE TABLE IF NOT EXISTS checks (
    case_id TEXT NOT NULL, artefact TEXT NOT NULL, rep INTEGER NOT NULL,
    criterion TEXT NOT NULL, kind TEXT, passed INTEGER, evidence TEXT, detail TEXT,
    PRIMARY KEY (case_id, artefact, rep, criterion)
);
"""

_CACHE_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    key TEXT PRIMARY KEY, kind TEXT NOT NULL, artefact_json TEXT NOT NULL, meta_json TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""


def runs_dir(explicit: str | Path | None = None) -> Path:
    """``--runs-dir`` > ``DRAFTER_RUNS_DIR`` > ``<data dir>/runs``; a path that exists and is not a
    folder (``/dev/null``, a file) is a :class:`StorageError`."""
    if explicit:
        path = Path(explicit).expanduser()
    elif os.environ.get("DRAFTER_RUNS_DIR"):
        path = Path(os.environ["DRAFTER_RUNS_DIR"]).expanduser()
    else:
        from ..config import data_dir

        path = data_dir() / "runs"
    try:
        is_other = path.exists() and not path.is_dir()
    except OSError as exc:
        raise StorageError(f"runs folder {path}: {exc.strerror or exc}", hint="check --runs-dir / DRAFTER_RUNS_DIR") from None
    if is_other:
        raise StorageError(f"runs folder {path} is not a folder", hint="check --runs-dir / DRAFTER_RUNS_DIR")
    return path


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


_RUN_TABLES = {"meta", "cases", "units", "checks"}
_CACHE_TABLES = {"drafts"}
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _ro_uri(path: Path) -> str:
    """A read-only URI that creates nothing beside the file (immutable unless it is live)."""
    live = Path(str(path) + "-wal").exists() or Path(str(path) + "-journal").exists()
    return f"{path.resolve().as_uri()}?mode=ro" + ("" if live else "&immutable=1")


def _check_ours(path: Path, tables: set[str], what: str) -> bool:
    """True when ``path`` is missing or empty (a new store); raise unless it is a drafter ``what``.

    Nothing is written to the file or beside it while checking.
    """
    untouched = "it was left untouched; pass another file or --runs-dir"
    try:
        if not path.exists() or path.stat().st_size == 0:
            return True
        if path.is_dir():
            raise StorageError(f"{path} is a folder, not {what}")
        with open(path, "rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror or exc}") from None
    if head != _SQLITE_MAGIC:
        raise StorageError(f"{path} is not {what} (not an SQLite file)", hint=untouched)
    try:
        con = sqlite3.connect(_ro_uri(path), uri=True, timeout=30)
        try:
            found = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path} is not a readable {what} ({exc})", hint=untouched) from None
    if not found:
        return True  # an SQLite file with nothing in it yet
    if not tables <= found or found - tables - {"sqlite_sequence"}:
        raise StorageError(f"{path} is an SQLite file of another program, not {what}", hint=untouched)
    return False


def _connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        try:
            return sqlite3.connect(_ro_uri(path), uri=True, timeout=30, isolation_level=None)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot open {path}: {exc}") from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(path, timeout=30, isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
        return con
    except (sqlite3.Error, OSError) as exc:
        raise StorageError(f"cannot open {path}: {exc}", hint="check --runs-dir / DRAFTER_RUNS_DIR") from None


@dataclass
class StoredCheck:
    id: str
    kind: str | None
    passed: bool | None
    evidence: str | None = None
    detail: str | None = None


@dataclass
class StoredUnit:
    """One finished (case, artefact, repeat): the draft and its check results, or the error."""

    case_id: str
    artefact: str
    rep: int
    status: str  # ok | error
    text: str | None = None
    fmt: str | None = None
    artefact_json: str | None = None
    meta: dict = field(default_factory=dict)
    error: str | None = None
    latency_ms: float | None = None
    tokens_in: int | None = None
    tokens_out: int | None = None
    cached: bool = False
    model_calls: int = 0
    checks: list[StoredCheck] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.case_id, self.artefact, self.rep)

    @property
    def failed_checks(self) -> list[StoredCheck]:
        return [c for c in self.checks if c.passed is False]


class RunStore:
    """Read/write access to one run's SQLite file. ``readonly=True`` (``eval show``/``list``/
    ``compare``) opens an existing run without writing to it; a file that is not a drafter run is
    refused either way before anything is written (no tables, no WAL switch, no sidecars)."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        new = _check_ours(self.path, _RUN_TABLES, "a drafter eval run")
        if readonly and new:
            raise StorageError(f"{self.path} holds no eval run yet")
        self.con = _connect(self.path, readonly=readonly)
        try:
            if not readonly:
                self.con.executescript(_RUN_SCHEMA)
            version = self.get_meta("schema_version")
            if version is None and not readonly:
                self.set_meta("schema_version", SCHEMA_VERSION)
            elif version is not None and int(version) > SCHEMA_VERSION:
                raise StorageError(f"{self.path} was written by a newer drafter (schema {version}); upgrade drafter")
        except sqlite3.DatabaseError as exc:
            self.con.close()
            raise StorageError(f"{self.path} is not a readable eval run ({exc})") from None

    @property
    def run_id(self) -> str:
        return self.path.stem

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # meta -----------------------------------------------------------------------------------
    def set_meta(self, key: str, value) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, redact(json.dumps(value, default=str))))

    def get_meta(self, key: str, default=None):
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def all_meta(self) -> dict:
        return {k: json.loads(v) for k, v in self.con.execute("SELECT key, value FROM meta")}

    # cases ----------------------------------------------------------------------------------
    def save_cases(self, cases) -> None:
        with self.con:
            self.con.execute("BEGIN")
            for c in cases:
                self.con.execute(
                    "INSERT OR REPLACE INTO cases VALUES (?, ?)", (c.id, c.model_dump_json())
                )

    def load_cases(self) -> list:
        from .cases import Case

        rows = self.con.execute("SELECT json FROM cases ORDER BY rowid").fetchall()
        return [Case.model_validate_json(r[0]) for r in rows]

    # units ----------------------------------------------------------------------------------
    def save_unit(self, u: StoredUnit) -> None:
        """Write one finished unit and its checks in one transaction (replacing an earlier error)."""
        try:
            self.con.execute("BEGIN IMMEDIATE")
            self.con.execute("DELETE FROM checks WHERE case_id=? AND artefact=? AND rep=?", u.key)
            self.con.execute(
                "INSERT OR REPLACE INTO units VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    u.case_id, u.artefact, u.rep, u.status, redact(u.text), u.fmt, redact(u.artefact_json),
                    redact(json.dumps(u.meta, default=str)), redact(u.error), u.latency_ms, u.tokens_in,
                    u.tokens_out, int(u.cached), u.model_calls, None, _now(),
                ),
            )
            self.con.executemany(
                "INSERT OR REPLACE INTO checks VALUES (?,?,?,?,?,?,?,?)",
                [
                    (u.case_id, u.artefact, u.rep, c.id, c.kind,
                     None if c.passed is None else int(bool(c.passed)), redact(c.evidence), redact(c.detail))
                    for c in u.checks
                ],
            )
            self.con.execute("COMMIT")
        except sqlite3.Error as exc:
            try:
                self.con.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise StorageError(f"cannot write to {self.path}: {exc}") from None

    def finished_keys(self, *, include_errors: bool = False) -> set[tuple[str, str, int]]:
        q = "SELECT case_id, artefact, rep FROM units" + ("" if include_errors else " WHERE status = 'ok'")
        return {(a, b, int(c)) for a, b, c in self.con.execute(q)}

    def load_units(self) -> list[StoredUnit]:
        checks: dict[tuple, list[StoredCheck]] = {}
        for case_id, art, rep, crit, kind, passed, ev, detail in self.con.execute(
            "SELECT case_id, artefact, rep, criterion, kind, passed, evidence, detail FROM checks ORDER BY rowid"
        ):
            checks.setdefault((case_id, art, int(rep)), []).append(
                StoredCheck(crit, kind, None if passed is None else bool(passed), ev, detail)
            )
        units = []
        for row in self.con.execute(
            "SELECT case_id, artefact, rep, status, text, fmt, artefact_json, meta_json, error, latency_ms,"
            " tokens_in, tokens_out, cached, model_calls FROM units ORDER BY rowid"
        ):
            key = (row[0], row[1], int(row[2]))
            units.append(
                StoredUnit(
                    case_id=row[0], artefact=row[1], rep=int(row[2]), status=row[3], text=row[4], fmt=row[5],
                    artefact_json=row[6], meta=json.loads(row[7] or "{}"), error=row[8], latency_ms=row[9],
                    tokens_in=row[10], tokens_out=row[11], cached=bool(row[12]), model_calls=int(row[13]),
                    checks=checks.get(key, []),
                )
            )
        return units


class DraftCache:
    """Content-addressed cache of drafted artefacts (shared by all runs in a runs dir)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        _check_ours(self.path, _CACHE_TABLES, "a drafter draft cache")
        self.con = _connect(self.path)
        try:
            self.con.executescript(_CACHE_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{self.path} is not a readable draft cache ({exc}); delete it to start afresh") from None

    def get(self, key: str) -> tuple[str, str, dict] | None:
        row = self.con.execute("SELECT kind, artefact_json, meta_json FROM drafts WHERE key = ?", (key,)).fetchone()
        return (row[0], row[1], json.loads(row[2])) if row else None

    def put(self, key: str, kind: str, artefact_json: str, meta: dict) -> None:
        try:
            self.con.execute(
                "INSERT OR REPLACE INTO drafts VALUES (?,?,?,?,?)",
                (key, kind, redact(artefact_json), redact(json.dumps(meta, default=str)), _now()),
            )
        except sqlite3.Error as exc:
            raise StorageError(f"cannot write to {self.path}: {exc}") from None

    def close(self) -> None:
        self.con.close()


# ------------------------------------------------------------------------------------------------

_SLUG = re.compile(r"[^A-Za-z0-9._-]+")


def slug(name: str) -> str:
    s = _SLUG.sub("-", name.strip()).strip("-.")
    if not s:
        raise InputError(f"run name {name!r} has no usable characters; use letters, digits, '-', '_' or '.'")
    return s[:80]


def new_run_id(engine: str, directory: Path) -> str:
    base = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d-%H%M%S") + f"-{slug(engine)}"
    rid, n = base, 2
    while (directory / f"{rid}.sqlite").exists():
        rid, n = f"{base}-{n}", n + 1
    return rid


def resolve_run(ref: str | Path, directory: str | Path | None = None) -> Path:
    """A run id, a unique id prefix, or a path to a run's .sqlite file -> the file's path."""
    p = Path(ref)
    if p.suffix == ".sqlite" and p.exists():
        return p
    d = runs_dir(directory)
    exact = d / f"{ref}.sqlite"
    if exact.exists():
        return exact
    if ref == "latest":
        runs = list_runs(d)
        if runs:
            return Path(runs[-1]["path"])
    matches = [q for q in d.glob(f"{ref}*.sqlite") if q.name != "cache.sqlite"]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise InputError(f"run {ref!r} is ambiguous ({', '.join(sorted(q.stem for q in matches))})")
    raise InputError(f"no run {ref!r} in {d}", hint="see `drafter eval list`, or pass the path of a run's .sqlite file")


def list_runs(directory: str | Path | None = None) -> list[dict]:
    """Stored runs, oldest first, with their headline numbers."""
    d = runs_dir(directory)
    out = []
    for p in d.glob("*.sqlite") if d.is_dir() else []:
        if p.name == "cache.sqlite":
            continue
        try:
            with RunStore(p, readonly=True) as s:
                meta = s.all_meta()
                n_ok, n_err = s.con.execute(
                    "SELECT COALESCE(SUM(status='ok'),0), COALESCE(SUM(status='error'),0) FROM units"
                ).fetchone()
                passed, total = s.con.execute(
                    "SELECT COALESCE(SUM(passed),0), COUNT(passed) FROM checks"
                ).fetchone()
        except StorageError:
            continue
        out.append(
            {
                "run_id": p.stem, "path": str(p), "created_at": meta.get("created_at"),
                "status": meta.get("status"), "engine": meta.get("engine"), "model": meta.get("model"),
                "units_total": meta.get("units_total"), "units_ok": n_ok, "errors": n_err,
                "checks_passed": passed, "checks_total": total,
            }
        )
    out.sort(key=lambda r: (r["created_at"] or "", r["run_id"]))
    return out
