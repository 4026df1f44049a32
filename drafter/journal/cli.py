"""`drafter journal list|show|done|drop|export|stats` and `drafter due`.

Only light imports at module level: the main CLI imports this module on every start.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

journal_app = typer.Typer(
    help="Commitments recorded across updates (record with: drafter update notes.txt --record).",
    no_args_is_help=True,
    rich_markup_mode=None,
)


class TableFmt(str, Enum):
    table = "table"
    json = "json"


class ExportFmt(str, Enum):
    json = "json"
    csv = "csv"


JournalOpt = Annotated[
    Optional[str],
    typer.Option("--journal", help="Journal file (default: DRAFTER_JOURNAL or <data dir>/journal.sqlite)."),
]
FmtOpt = Annotated[TableFmt, typer.Option("--format", "-f", help="table or json.")]
IdArg = Annotated[int, typer.Argument(help="Commitment id (see drafter journal list).")]


def _err(message: str) -> None:
    from ..errors import redact

    print(redact(message), file=sys.stderr)


def _errors(fn):
    """Turn drafter errors into one stderr line and the error's exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from ..errors import DrafterError

        try:
            return fn(*args, **kwargs)
        except DrafterError as exc:
            _err(f"drafter: error: {exc}")
            raise typer.Exit(exc.exit_code)

    return wrapper


def _date(value: Optional[str], what: str, default: Optional[dt.date] = None) -> Optional[dt.date]:
    from ..errors import InputError

    from ..inputs import check_as_of

    if value is None:
        return default
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{what} must be YYYY-MM-DD, got {value[:40]!r}") from None
    try:
        return check_as_of(day)
    except InputError:
        raise InputError(f"{what} {day.isoformat()} is out of range (as-of years 1900-2999)") from None


def _journal(path: Optional[str], *, create: bool, quiet: bool = False):
    """The journal, or None when it does not exist yet and ``create`` is False."""
    from .store import default_journal_path, open_journal

    target = Path(path).expanduser() if path else default_journal_path()
    if not create and not target.exists():
        if not quiet:
            _err(f"drafter: no journal at {target} yet (record an update with: drafter update notes.txt --record)")
        return None
    return open_journal(target, create=create)


def _existing(path: Optional[str], commitment_id: int):
    from ..errors import InputError

    j = _journal(path, create=False, quiet=True)
    if j is None:
        raise InputError(
            f"no commitment #{commitment_id}: there is no journal yet",
            hint="record an update with: drafter update notes.txt --record",
        )
    return j


def _day(d: Optional[dt.date]) -> str:
    if d is None:
        return "-"
    return d.strftime("%a %-d %b %Y") if d.year != dt.date.today().year else d.strftime("%a %-d %b")


def _print_json(data) -> None:
    import json

    print(json.dumps(data, indent=2, default=str))


def _table(title: str, columns: list[str], rows: list[list[str]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*row)
    console = Console()
    if not console.is_terminal:  # pipes and tests: wide enough not to fold every cell
        console = Console(width=120)
    console.print(table)


def _commitment_rows(items, as_of: Optional[dt.date] = None) -> list[list[str]]:
    rows = []
    for c in items:
        note = ""
        if c.is_open and c.due is not None and as_of is not None:
            days = (c.due - as_of).days
            note = f"{-days}d overdue" if days < 0 else ("due today" if days == 0 else f"in {days}d")
        if c.is_open and c.proposed_due is not None:
            note = (note + "; " if note else "") + f"proposed new date {_day(c.proposed_due)}"
        rows.append([str(c.id), c.state, c.what, c.owner, _day(c.due), _day(c.made_on), note or (c.reason or "")])
    return rows


COLUMNS = ["id", "state", "what", "owner", "due", "made", "note"]


@journal_app.command("list")
@_errors
def list_(
    all_: Annotated[bool, typer.Option("--all", "-a", help="Include done and dropped commitments.")] = False,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Count overdue days from this day (default today).")] = None,
    fmt: FmtOpt = TableFmt.table,
    journal: JournalOpt = None,
):
    """List open commitments (--all: every recorded commitment)."""
    day = _date(as_of, "--as-of", dt.date.today())
    j = _journal(journal, create=False)
    items = [] if j is None else j.commitments("all" if all_ else "open")
    if j is not None:
        j.close()
    if fmt == TableFmt.json:
        _print_json([c.model_dump(mode="json", exclude={"history"}) for c in items])
        return
    if not items:
        print("No commitments recorded." if all_ else "No open commitments.")
        return
    _table("All commitments" if all_ else "Open commitments", COLUMNS, _commitment_rows(items, day))


@journal_app.command()
@_errors
def show(commitment_id: IdArg, fmt: FmtOpt = TableFmt.table, journal: JournalOpt = None):
    """Show one commitment and its history across updates."""
    with _existing(journal, commitment_id) as j:
        c = j.get(commitment_id)
    if fmt == TableFmt.json:
        _print_json(c.model_dump(mode="json"))
        return
    print(f"#{c.id} {c.what}")
    print(f"  owner: {c.owner}" + (f"; for {c.for_whom}" if c.for_whom else ""))
    print(f"  state: {c.state}; due: {_day(c.due)}; first promised for: {_day(c.original_due)}"
          + (f"; proposed new date: {_day(c.proposed_due)}" if c.proposed_due and c.is_open else ""))
    print(f"  made: {_day(c.made_on)}" + (f"; closed: {_day(c.closed_on)}" if c.closed_on else ""))
    if c.reason:
        print(f"  note: {c.reason}")
    rows = [
        [_day(e.on), e.source + (f" #{e.update_id}" if e.update_id else ""), e.state, _day(e.due), _day(e.new_date), e.note or ""]
        for e in c.history
    ]
    _table("History", ["on", "by", "state", "due", "new date", "note"], rows)


@journal_app.command()
@_errors
def done(
    commitment_id: IdArg,
    on: Annotated[Optional[str], typer.Option("--on", help="When it was done, YYYY-MM-DD (default today).")] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="A note kept with it.")] = None,
    journal: JournalOpt = None,
):
    """Mark a commitment done."""
    day = _date(on, "--on", dt.date.today())
    with _existing(journal, commitment_id) as j:
        c = j.mark_done(commitment_id, on=day, note=note)
    when = "on time" if c.kept_on_time else "late"
    print(f"#{c.id} done on {_day(c.closed_on)} ({when}): {c.what}")


@journal_app.command()
@_errors
def drop(
    commitment_id: IdArg,
    reason: Annotated[Optional[str], typer.Option("--reason", help="Why it no longer applies.")] = None,
    journal: JournalOpt = None,
):
    """Drop a commitment that no longer applies (it stops being carried; the reason is kept)."""
    with _existing(journal, commitment_id) as j:
        c = j.drop(commitment_id, reason=reason)
    print(f"#{c.id} dropped: {c.what}" + (f" ({reason})" if reason else ""))


EXPORT_FIELDS = [
    "id", "what", "owner", "for_whom", "item", "state", "due", "original_due", "made_on", "closed_on",
    "missed_count", "kept_on_time", "reason", "first_update", "last_update",
]


@journal_app.command()
@_errors
def export(
    fmt: Annotated[ExportFmt, typer.Option("--format", "-f", help="json (with history and updates) or csv.")] = ExportFmt.json,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write to FILE instead of stdout.")] = None,
    journal: JournalOpt = None,
):
    """Export every commitment (json also includes the history and the recorded updates)."""
    import csv
    import io
    import json

    from ..errors import InputError

    j = _journal(journal, create=False)
    commitments, updates = [], []
    if j is not None:
        with j:
            commitments = [j.get(c.id) for c in j.commitments("all")]
            updates = j.updates()
    if fmt == ExportFmt.json:
        data = {
            "commitments": [c.model_dump(mode="json") | {"kept_on_time": c.kept_on_time} for c in commitments],
            "updates": [u.model_dump(mode="json") for u in updates],
        }
        text = json.dumps(data, indent=2) + "\n"
    else:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=EXPORT_FIELDS, lineterminator="\n")
        writer.writeheader()
        for c in commitments:
            row = c.model_dump(mode="json", exclude={"history"}) | {"kept_on_time": c.kept_on_time}
            writer.writerow({k: row.get(k) for k in EXPORT_FIELDS})
        text = buf.getvalue()
    if output:
        try:
            Path(output).expanduser().write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write {output}: {exc.strerror}") from None
        _err(f"drafter: wrote {len(commitments)} commitment(s) to {output}")
    else:
        sys.stdout.write(text)


@journal_app.command()
@_errors
def stats(
    since: Annotated[Optional[str], typer.Option("--since", help="First day, YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Last day, YYYY-MM-DD (default today).")] = None,
    fmt: FmtOpt = TableFmt.table,
    journal: JournalOpt = None,
):
    """Say/do ratio: promises kept on time / promises made, over promises first made in the period."""
    from .store import SayDo

    start = _date(since, "--since")
    end = _date(until, "--until")
    j = _journal(journal, create=False)
    if j is None:
        s = SayDo(since=start, until=end)
    else:
        with j:
            s = j.stats(start, end)
    if fmt == TableFmt.json:
        _print_json(s.model_dump(mode="json") | {"ratio": s.ratio})
        return
    period = f"{start or 'start'} .. {end or 'today'}"
    ratio = "n/a (no commitments made)" if s.ratio is None else f"{s.ratio:.0%} ({s.kept_on_time}/{s.made})"
    print(f"Say/do {period}: {ratio}")
    print(
        f"  made {s.made}; kept on time {s.kept_on_time}; done late {s.done_late}; "
        f"missed/overdue {s.missed_open}; open {s.open}; dropped {s.dropped}"
    )


def due(
    as_of_arg: Annotated[Optional[str], typer.Argument(metavar="AS_OF", help="The day to look from, YYYY-MM-DD (default today).")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Same as AS_OF.")] = None,
    within: Annotated[int, typer.Option("--within", "-w", min=0, help="Also show what falls due in the next N days.")] = 0,
    fmt: FmtOpt = TableFmt.table,
    journal: JournalOpt = None,
):
    """What is due or overdue as of a date, from the journal."""
    return _due(as_of_arg or as_of, within, fmt, journal)


@_errors
def _due(as_of: Optional[str], within: int, fmt: TableFmt, journal: Optional[str]):
    from ..inputs import check_within

    check_within(within)
    day = _date(as_of, "AS_OF (as-of)", dt.date.today())
    j = _journal(journal, create=False)
    items = []
    if j is not None:
        with j:
            items = j.due(day, within)
    if fmt == TableFmt.json:
        _print_json(
            [c.model_dump(mode="json", exclude={"history"}) | {"days_left": (c.due - day).days} for c in items]
        )
        return
    if not items:
        print(f"Nothing due by {_day(day + dt.timedelta(days=within))}.")
        return
    overdue = sum(1 for c in items if c.due < day)
    title = f"Due as of {_day(day)}" + (f" (+{within}d)" if within else "") + f": {overdue} overdue"
    _table(title, COLUMNS, _commitment_rows(items, day))
