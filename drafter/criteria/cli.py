"""`drafter check FILE --kind update --notes NOTES`: run the ownership criteria on any draft.

Exit codes: 0 all applicable deterministic checks pass, 1 any fails, 2 bad input.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer


class KindChoice(str, Enum):
    update = "update"
    options = "options"
    delegate = "delegate"


class AudChoice(str, Enum):
    boss = "boss"
    team = "team"
    client = "client"


class FmtChoice(str, Enum):
    markdown = "markdown"
    text = "text"
    slack = "slack"
    email = "email"


class OutChoice(str, Enum):
    table = "table"
    json = "json"


def _read(path: str, what: str) -> str:
    from ..errors import InputError

    if path == "-":
        return sys.stdin.read()
    p = Path(path).expanduser()
    if not p.is_file():
        raise InputError(f"{what} file not found: {path}")
    try:
        return p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {what} file {path}: {exc}") from None


def load_annotations(path: str):
    """Annotations from a YAML file: either the annotations mapping or a case with an ``annotations`` key."""
    import yaml
    from pydantic import ValidationError

    from ..errors import InputError
    from .context import Annotations

    try:
        data = yaml.safe_load(_read(path, "annotations"))
    except yaml.YAMLError as exc:
        raise InputError(f"annotations file {path} is not valid YAML: {exc}") from None
    if isinstance(data, dict) and "annotations" in data:
        data = data["annotations"]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"annotations file {path}: expected a mapping of annotations")
    try:
        return Annotations.model_validate(data)
    except ValidationError as exc:
        e = exc.errors()[0]
        where = ".".join(str(p) for p in e["loc"])
        raise InputError(f"annotations file {path}: field {where}: {e['msg']}") from None


def check(
    file: Annotated[str, typer.Argument(help="Draft file to check ('-' reads stdin).")],
    kind: Annotated[KindChoice, typer.Option("--kind", "-k", help="What the draft is.")],
    notes: Annotated[str, typer.Option("--notes", "-n", help="The notes file the draft was written from.")],
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="The 'today' of the notes, YYYY-MM-DD.")] = None,
    audience: Annotated[AudChoice, typer.Option("--audience", "-a", help="Who reads it.")] = AudChoice.boss,
    fmt: Annotated[FmtChoice, typer.Option("--format", "-f", help="Format the draft is in.")] = FmtChoice.markdown,
    annotations: Annotated[
        Optional[str],
        typer.Option("--annotations", help="YAML with the case's annotations (default: derived from the notes)."),
    ] = None,
    judge: Annotated[bool, typer.Option("--judge", help="Also run the judge criteria with the configured LLM.")] = False,
    model: Annotated[Optional[str], typer.Option("--model", "-m", help="Judge model (DRAFTER_MODEL).")] = None,
    base_url: Annotated[Optional[str], typer.Option("--base-url", help="Judge server URL (OPENAI_BASE_URL).")] = None,
    ids: Annotated[Optional[str], typer.Option("--only", help="Comma-separated criterion ids to run.")] = None,
    output: Annotated[OutChoice, typer.Option("--output", "-o", help="table or json.")] = OutChoice.table,
):
    """Check a draft against the ownership criteria (U1-U16, O1-O11, D1-D13).

    \b
    Example:
      drafter check my-update.md --kind update --notes notes.txt --as-of 2026-11-25
    Exit code 0 when every applicable deterministic check passes, 1 when any fails, 2 for bad input.
    """
    from ..errors import DrafterError

    try:
        judge_settings = None
        if judge:
            from ..config import load_settings

            judge_settings = load_settings(model=model, base_url=base_url)
        results = _run(file, kind, notes, as_of, audience, fmt, annotations, judge_settings, ids)
    except DrafterError as exc:
        print(f"drafter: error: {exc}", file=sys.stderr)
        raise typer.Exit(exc.exit_code) from None
    if output == OutChoice.json:
        import json

        print(json.dumps([r.model_dump() for r in results], indent=2))
    else:
        _print_table(results)
    failed = [r for r in results if r.kind == "deterministic" and r.passed is False]
    raise typer.Exit(1 if failed else 0)


def _run(file, kind, notes, as_of, audience, fmt, annotations, judge, ids):
    from ..api import to_date
    from ..errors import DrafterError, InputError
    from ..models import ArtefactKind, Audience, OutputFormat
    from . import CRITERIA, CheckContext, annotations_from_notes, run_checks

    text = _read(file, "draft")
    notes_text = _read(notes, "notes")
    if not text.strip():
        raise InputError(f"draft file {file} is empty")
    day = to_date(as_of)
    if annotations:
        ann = load_annotations(annotations)
    else:
        try:
            ann = annotations_from_notes(notes_text, day)
        except DrafterError:
            raise
        except Exception as exc:  # a parser failure must not hide the draft's checks behind a traceback
            raise InputError(
                f"could not derive annotations from the notes ({type(exc).__name__}: {exc})",
                hint="pass --annotations case.yaml",
            ) from None
    wanted = None
    if ids:
        wanted = [i.strip() for i in ids.split(",") if i.strip()]
        unknown = [i for i in wanted if i not in CRITERIA]
        if unknown:
            raise InputError(f"unknown criterion id(s): {', '.join(unknown)}")
    ctx = CheckContext(
        kind=ArtefactKind(kind.value), text=text, notes=notes_text, as_of=day,
        audience=Audience(audience.value), fmt=OutputFormat(fmt.value), annotations=ann,
    )
    the_judge = None
    if judge is not None:
        from .judge import Judge

        the_judge = Judge(judge)
    return run_checks(ctx, ids=wanted, judge=the_judge)


def _print_table(results) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Ownership criteria")
    table.add_column("id")
    table.add_column("result")
    table.add_column("evidence", overflow="fold")
    style = {True: "green", False: "bold red", None: "dim"}
    for r in results:
        table.add_row(r.id, f"[{style[r.passed]}]{r.status}[/]", r.evidence + (f" ({r.detail})" if r.detail else ""))
    console = Console()
    console.print(table)
    det = [r for r in results if r.kind == "deterministic" and r.passed is not None]
    failed = sum(1 for r in det if r.passed is False)
    console.print(f"{len(det) - failed}/{len(det)} applicable deterministic checks pass")
