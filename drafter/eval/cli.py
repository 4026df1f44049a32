"""`drafter eval run|compare|list|show|calibrate`: the prompt author's harness.

\b
  drafter eval run                         the shipped suite, offline engine unless an LLM is configured
  drafter eval run --engine llm --prompt prompts/update.md --repeat 3 --name upd-v2
  drafter eval compare upd-v1 upd-v2 --html cmp.html
  drafter eval run --fail-under 0.9 --fail-under U8=0.95 --junit eval.xml   (CI)
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import DrafterError, ExitCode, InputError

eval_app = typer.Typer(
    help="Run eval suites, compare prompt versions, write JUnit/HTML reports.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutFmt(str, Enum):
    table = "table"
    json = "json"


class EngineChoice(str, Enum):
    auto = "auto"
    offline = "offline"
    llm = "llm"
    plain = "plain"


RunsDirOpt = Annotated[
    Optional[str], typer.Option("--runs-dir", help="Where runs are stored (DRAFTER_RUNS_DIR; default <data dir>/runs).")
]
FmtOpt = Annotated[OutFmt, typer.Option("--format", "-f", help="table (default) or json.")]
HtmlOpt = Annotated[Optional[str], typer.Option("--html", help="Write a self-contained HTML report here.")]
JunitOpt = Annotated[Optional[str], typer.Option("--junit", help="Write JUnit XML here (for CI).")]
FailUnderOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--fail-under",
        help="Exit 1 if a pass rate is below: RATE for every criterion, or CRIT=RATE (repeatable; 0.9 or 90%).",
    ),
]


def _err(msg: str) -> None:
    from ..errors import redact

    print(redact(msg), file=sys.stderr)


def _fail(exc: DrafterError) -> typer.Exit:
    _err(f"drafter: error: {exc}")
    return typer.Exit(exc.exit_code)


# moved to .thresholds and .report_console; importable from here as before, loaded on first use
# (the offline draft's start-up imports this module, not them)
_MOVED = {
    "parse_thresholds": ".thresholds", "threshold_failures": ".thresholds",
    "print_run": ".report_console", "print_measures": ".report_console", "print_comparison": ".report_console",
    "_console": ".report_console", "_pct": ".report_console", "_num": ".report_console",
}


def __getattr__(name: str):
    if name in _MOVED:
        import importlib

        return getattr(importlib.import_module(_MOVED[name], __package__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _write_reports(obj, html: str | None, junit: str | None) -> None:
    if html:
        from .report_html import write_html

        _err(f"drafter: HTML report: {write_html(obj, html)}")
    if junit:
        from .junit import write_junit

        _err(f"drafter: JUnit XML: {write_junit(obj, junit)}")


def _gate(result, fail_under) -> None:
    from .thresholds import parse_thresholds, threshold_failures

    glob, per = parse_thresholds(fail_under)
    misses = threshold_failures(result.summary(), glob, per)
    for m in misses:
        _err(f"drafter: below threshold: {m}")
    if misses:
        raise typer.Exit(ExitCode.CHECKS_FAILED)


# ------------------------------------------------------------------------------------------------
# commands


@eval_app.command("run")
def run_cmd(
    suite: Annotated[Optional[str], typer.Argument(help="Case file or folder (default: evals/cases).")] = None,
    engine: Annotated[Optional[EngineChoice], typer.Option("--engine", "-e", help="auto, offline or llm.")] = None,
    reader: Annotated[
        Optional[str], typer.Option("--reader", help="llm or offline (default: llm when a model is configured).")
    ] = None,
    model: Annotated[Optional[str], typer.Option("--model", "-m", help="LLM model name.")] = None,
    base_url: Annotated[Optional[str], typer.Option("--base-url", help="OpenAI-compatible server URL.")] = None,
    prompt: Annotated[Optional[str], typer.Option("--prompt", help="Prompt file to evaluate.")] = None,
    prompts_dir: Annotated[Optional[str], typer.Option("--prompts-dir", help="Folder of prompt files.")] = None,
    repeat: Annotated[int, typer.Option("--repeat", "-n", min=1, help="Drafts per (case, artefact).")] = 1,
    concurrency: Annotated[int, typer.Option("--concurrency", "-j", min=1, help="Drafts in flight at once.")] = 4,
    name: Annotated[Optional[str], typer.Option("--name", help="Run name; the same name resumes it.")] = None,
    resume: Annotated[Optional[str], typer.Option("--resume", help="Resume an interrupted run by id.")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Start --name again from scratch.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Draft anew even when a cached draft exists.")] = False,
    judge: Annotated[bool, typer.Option("--judge", help="Also run judge criteria (needs an LLM).")] = False,
    tag: Annotated[Optional[list[str]], typer.Option("--tag", help="Only cases with this tag (repeatable).")] = None,
    case: Annotated[Optional[list[str]], typer.Option("--case", help="Only this case id (repeatable).")] = None,
    artefact: Annotated[Optional[list[str]], typer.Option("--artefact", help="update, options or delegate.")] = None,
    runs_dir: RunsDirOpt = None,
    fmt: FmtOpt = OutFmt.table,
    junit: JunitOpt = None,
    html: HtmlOpt = None,
    fail_under: FailUnderOpt = None,
    failures: Annotated[int, typer.Option("--failures", help="Also list up to N failed checks.")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
):
    """Draft every case of a suite, check each draft, store and print the results."""
    try:
        from .report_console import print_run
        from .thresholds import parse_thresholds

        parse_thresholds(fail_under)  # reject bad thresholds before spending model calls
        for a in artefact or []:
            if a not in ("update", "options", "delegate"):
                raise InputError(f"--artefact {a!r}: choose update, options or delegate")
        if reader is not None and reader not in ("auto", "llm", "offline"):
            raise InputError(f"--reader {reader!r}: choose llm or offline")
        from .runner import run_suite

        judge_obj = None
        if judge:
            from ..api import Drafter
            from ..criteria.judge import Judge

            judge_obj = Judge(Drafter(engine="llm", model=model, base_url=base_url).settings)
        progress, bar = _progress(quiet)
        try:
            result = run_suite(
                suite, engine=engine.value if engine else None, model=model, base_url=base_url, prompt=prompt,
                prompts_dir=prompts_dir, reader=reader, repeat=repeat, concurrency=concurrency, name=name, resume=resume,
                overwrite=overwrite, runs_dir=runs_dir, cache=not no_cache, judge=judge_obj, tags=tag,
                case_ids=case, artefacts=artefact, progress=progress,
            )
        finally:
            if bar is not None:
                bar.stop()
        if fmt == OutFmt.json:
            import json

            print(json.dumps(result.summary(), indent=2))
        else:
            print_run(result, show_failures=failures)
        _write_reports(result, html, junit)
        _gate(result, fail_under)
    except KeyboardInterrupt:
        _err("drafter: interrupted; finished units are stored — rerun with --resume RUN_ID (see `drafter eval list`)")
        raise typer.Exit(ExitCode.INTERRUPTED)
    except DrafterError as exc:
        raise _fail(exc)


def _progress(quiet: bool):
    """A rich progress bar on stderr (only on a terminal)."""
    if quiet or not sys.stderr.isatty():
        return None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .report_console import _console

    bar = Progress(TextColumn("eval"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   TextColumn("{task.description}"), console=_console(stderr=True), transient=True)
    bar.start()
    task = bar.add_task("", total=None)

    def update(done: int, total: int, unit) -> None:
        desc = f"{unit.case_id}/{unit.artefact}" + (" [error]" if unit.status == "error" else "")
        bar.update(task, completed=done, total=total, description=desc)

    return update, bar


@eval_app.command("compare")
def compare_cmd(
    baseline: Annotated[str, typer.Argument(help="Baseline run id or .sqlite path.")],
    candidate: Annotated[str, typer.Argument(help="Candidate run id or .sqlite path.")],
    runs_dir: RunsDirOpt = None,
    fmt: FmtOpt = OutFmt.table,
    html: HtmlOpt = None,
    alpha: Annotated[float, typer.Option("--alpha", min=0.0001, max=0.5, help="Significance level.")] = 0.05,
    max_flips: Annotated[int, typer.Option("--max-flips", help="Flipped units shown side by side.")] = 20,
    fail_on_worse: Annotated[bool, typer.Option("--fail-on-worse", help="Exit 1 if any criterion got worse.")] = False,
):
    """Per-criterion deltas with an exact McNemar test over paired units, and the flipped cases side by side."""
    try:
        from .compare import compare_runs
        from .report_console import print_comparison

        comp = compare_runs(baseline, candidate, runs_dir=runs_dir, alpha=alpha)
        if fmt == OutFmt.json:
            import json

            print(json.dumps(comp.to_dict(), indent=2))
        else:
            print_comparison(comp, max_flips=max_flips)
        _write_reports(comp, html, None)
        if fail_on_worse and comp.verdict == "worse":
            raise typer.Exit(ExitCode.CHECKS_FAILED)
    except DrafterError as exc:
        raise _fail(exc)


@eval_app.command("list")
def list_cmd(runs_dir: RunsDirOpt = None, fmt: FmtOpt = OutFmt.table):
    """Stored runs, oldest first."""
    try:
        from .report_console import _console
        from .store import list_runs, runs_dir as rd

        runs = list_runs(runs_dir)
        if fmt == OutFmt.json:
            import json

            print(json.dumps(runs, indent=2))
            return
        if not runs:
            print(f"no runs in {rd(runs_dir)} (start one with `drafter eval run`)")
            return
        from rich.table import Table

        t = Table(title=f"runs in {rd(runs_dir)}")
        for col in ("run id", "created", "status", "engine", "model", "units", "errors", "checks passed"):
            t.add_column(col)
        for r in runs:
            rate = f"{r['checks_passed']}/{r['checks_total']}" if r["checks_total"] else "-"
            t.add_row(r["run_id"], r["created_at"] or "", r["status"] or "", r["engine"] or "", r["model"] or "",
                      f"{r['units_ok'] + r['errors']}/{r['units_total']}", str(r["errors"]), rate)
        _console().print(t)
    except DrafterError as exc:
        raise _fail(exc)


@eval_app.command("show")
def show_cmd(
    run: Annotated[str, typer.Argument(help="Run id, id prefix, 'latest' or .sqlite path.")],
    runs_dir: RunsDirOpt = None,
    fmt: FmtOpt = OutFmt.table,
    junit: JunitOpt = None,
    html: HtmlOpt = None,
    fail_under: FailUnderOpt = None,
    failures: Annotated[int, typer.Option("--failures", help="Also list up to N failed checks.")] = 0,
):
    """Print a stored run (and optionally write its JUnit/HTML reports or gate on thresholds)."""
    try:
        from .report_console import print_run
        from .results import load_run

        result = load_run(run, runs_dir)
        if fmt == OutFmt.json:
            import json

            print(json.dumps(result.summary(), indent=2))
        else:
            print_run(result, show_failures=failures)
        _write_reports(result, html, junit)
        _gate(result, fail_under)
    except DrafterError as exc:
        raise _fail(exc)


@eval_app.command("calibrate")
def calibrate_cmd(
    path: Annotated[Optional[str], typer.Argument(help="Calibration folder (default: evals/calibration).")] = None,
    fmt: FmtOpt = OutFmt.table,
):
    """Agreement of each check with the hand-labelled good/degraded drafts of the calibration set."""
    try:
        from ..criteria.calibration import calibrate
        from .report_console import _console

        report = calibrate(Path(path) if path else None)
        if fmt == OutFmt.json:
            print(report.model_dump_json(indent=2) if hasattr(report, "model_dump_json") else str(report))
        elif hasattr(report, "to_table"):
            _console().print(report.to_table())
        else:
            print(report.render())
    except DrafterError as exc:
        raise _fail(exc)
