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


def _console(stderr: bool = False):
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    return Console(file=stream, width=None if stream.isatty() else 120, highlight=False)


def _pct(x) -> str:
    return "-" if x is None else f"{100 * x:.0f}%"


# ------------------------------------------------------------------------------------------------
# thresholds


def parse_thresholds(values: list[str] | None) -> tuple[float | None, dict[str, float]]:
    """``["0.9", "U8=95%"]`` -> ``(0.9, {"U8": 0.95})``."""
    glob, per = None, {}
    for raw in values or []:
        crit, _, rate = raw.rpartition("=")
        text = rate.strip()
        try:
            val = float(text[:-1]) / 100 if text.endswith("%") else float(text)
        except ValueError:
            raise InputError(f"--fail-under {raw!r}: rate must be a number like 0.9 or 90%") from None
        if val > 1:
            val /= 100
        if not 0 <= val <= 1:
            raise InputError(f"--fail-under {raw!r}: rate must be between 0 and 1")
        if crit:
            per[crit.strip()] = val
        else:
            glob = val
    return glob, per


def threshold_failures(summary: dict, glob: float | None, per: dict[str, float]) -> list[str]:
    """Human lines for every threshold missed (errored units count as a miss when a gate is set)."""
    out = []
    rates = {c["id"]: c for c in summary["criteria"]}
    for cid, want in per.items():
        c = rates.get(cid)
        if c is None or c["n"] == 0:
            out.append(f"{cid}: no applicable results (wanted >= {_pct(want)})")
        elif c["rate"] < want:
            out.append(f"{cid}: {_pct(c['rate'])} < {_pct(want)} ({c['passed']}/{c['n']})")
    if glob is not None:
        for c in summary["criteria"]:
            if c["n"] and c["id"] not in per and c["rate"] < glob:
                out.append(f"{c['id']}: {_pct(c['rate'])} < {_pct(glob)} ({c['passed']}/{c['n']})")
    if (glob is not None or per) and summary["errors"]:
        out.append(f"{len(summary['errors'])} unit(s) errored")
    return out


# ------------------------------------------------------------------------------------------------
# printing


def print_run(result, *, show_failures: int = 0, show_all: bool = False) -> None:
    from rich.table import Table

    s = result.summary()
    con = _console()
    t = Table(title=f"run {s['run_id']} · engine {s['engine']}" + (f" · {s['model']}" if s["model"] else ""))
    ms = s["measures"]
    for col, just in (("criterion", "left"), ("kind", "left"), ("pass rate", "right"), ("95% CI", "right"),
                      ("passed/n", "right"), ("n/a", "right"), ("recall pass/fail", "right"),
                      ("unsupp. pass/fail", "right")):
        t.add_column(col, justify=just)
    idle = [c["id"] for c in s["criteria"] if not c["n"]]
    for c in s["criteria"]:
        if not c["n"] and not show_all:
            continue
        ci = "-" if not c["n"] else f"{_pct(c['ci_low'])}-{_pct(c['ci_high'])}"
        rate = _pct(c["rate"])
        if c["rate"] is not None and c["rate"] < 0.9:
            rate = f"[red]{rate}[/red]"
        pc = ms["criteria"].get(c["id"], {})
        rec = f"{_pct(pc.get('pass', {}).get('recall'))}/{_pct(pc.get('fail', {}).get('recall'))}"
        uns = f"{_num(pc.get('pass', {}).get('unsupported_mean'))}/{_num(pc.get('fail', {}).get('unsupported_mean'))}"
        t.add_row(c["id"], c["kind"] or "", rate, ci, f"{c['passed']}/{c['n']}", str(c["not_applicable"]), rec, uns)
    con.print(t)
    js = s.get("judge") or {}
    if js.get("asked"):
        con.print(f"judge: {js['asked']} answers, {js['scored']} scored, {js['unscored']} unscored "
                  f"({_pct(js['unscored_rate'])}; unparsable, not yes/no, or a quote not in the draft — never counted as fails)")
    print_measures(ms, con)
    if idle and not show_all:
        judge = [i for i in idle if next(c for c in s["criteria"] if c["id"] == i)["kind"] == "judge"]
        other = [i for i in idle if i not in judge]
        if judge:
            con.print(f"not run: {len(judge)} judge criteria (pass --judge to run them)")
        if other:
            con.print(f"not applicable to any unit: {', '.join(other)}")
    a = Table(title="per artefact")
    for col in ("artefact", "units", "errors", "checks passed", "units passing all"):
        a.add_column(col, justify="left" if col == "artefact" else "right")
    for r in s["artefacts"]:
        a.add_row(r["artefact"], str(r["units"]), str(r["errors"]), _pct(r["rate"]), f"{r['all_pass_units']}/{r['ok']}")
    con.print(a)
    lat, calls = s["latency_ms"], s["calls"]
    ms = lambda v: "-" if v is None else f"{v:.0f} ms"  # noqa: E731
    con.print(
        f"units {s['units_done']}/{s['units_total']} · errors {len(s['errors'])} · latency p50 {ms(lat['p50'])}, "
        f"p90 {ms(lat['p90'])} · tokens in {s['tokens_in']}, out {s['tokens_out']}"
    )
    if calls["wall_s"] is not None:
        con.print(
            f"this invocation: {calls['drafts_generated']} drafted ({calls['model_calls']} model calls), "
            f"{calls['cache_hits']} from cache, {calls['resumed_units']} already done · {calls['wall_s']:.1f}s"
        )
    for e in s["errors"][:10]:
        con.print(f"[magenta]error[/magenta] {e['unit']}: {e['error']}", markup=True)
    if show_failures:
        shown = 0
        for u in result.units:
            for c in u.failed_checks:
                if shown >= show_failures:
                    break
                con.print(f"[red]FAIL[/red] {c.id} {u.case_id}/{u.artefact}/r{u.rep}: {c.detail or ''} "
                          f"— evidence: {c.evidence or '-'}", markup=True)
                shown += 1
    con.print(f"stored: {s['path']}")


def _num(x) -> str:
    return "-" if x is None else f"{x:.1f}"


def print_measures(ms: dict, con, *, per_case: bool = True) -> None:
    """Fact recall, Lead-N and unsupported content: per artefact, per genre, per case."""
    from rich.table import Table

    if not ms["units"]:
        return
    t = Table(title="fact recall (weighted share of gold facts stated), Lead-N baseline, unsupported content "
                    "(drafts with any; terms per draft; by kind: person/date/number/id/task)")
    t.add_column("", no_wrap=True, min_width=18)
    for col in ("drafts", "gold", "recall", "95% CI", "Lead-N", "<Lead-N", "unsupp.", "per draft", "p/d/n/id/task"):
        t.add_column(col, justify="right", no_wrap=True)

    def row(label: str, a: dict) -> None:
        ci = "-" if a["recall"] is None else f"{_pct(a['recall_ci_low'])}-{_pct(a['recall_ci_high'])}"
        k = a["unsupported_by_kind"]
        t.add_row(label, str(a["units"]), str(a["with_gold"]), _pct(a["recall"]), ci, _pct(a["lead_n"]),
                  str(a["below_lead_n"]), f"{a['units_with_unsupported']}/{a['units']}", _num(a["unsupported_mean"]),
                  "/".join(str(k[x]) for x in ("person", "date", "number", "id", "task")))

    row("all", ms["overall"])
    for name, a in ms["artefacts"].items():
        row(name, a)
    for name, a in ms["genres"].items():
        row(f"genre:{name}", a)
    con.print(t)
    if per_case:
        c = Table(title="per case")
        for col in ("unit", "recall", "Lead-N", "unsupported", "missed facts (weight)", "first unsupported"):
            c.add_column(col, justify="right" if col in ("recall", "Lead-N", "unsupported") else "left")
        for r in ms["units"]:
            missed = ", ".join(f"{f['id']}({f['weight']})" for f in r["facts"] if not f["stated"])
            first = r["unsupported_terms"][0] if r["unsupported_terms"] else None
            c.add_row(r["unit"], _pct(r["recall"]), _pct(r["lead_n"]), str(r["unsupported"]), missed or "-",
                      f"{first['kind']} {first['text'][:40]!r}" if first else "-")
        con.print(c)
    if ms["annotations_derived"]:
        con.print(f"annotations derived by the parser (the case has none): {', '.join(ms['annotations_derived'])}")


def print_comparison(comp, *, max_flips: int = 20) -> None:
    from rich.table import Table

    con = _console()
    t = Table(title=f"{comp.baseline.run_id} -> {comp.candidate.run_id} · {comp.paired_units} paired units")
    for col in ("criterion", "baseline", "candidate", "delta", "fixed", "broke", "p (McNemar)", "verdict"):
        t.add_column(col, justify="left" if col in ("criterion", "verdict") else "right")
    not_scored = [c.id for c in comp.criteria if not c.base_n and not c.cand_n]
    for c in comp.criteria:
        if c.id in not_scored:
            continue
        delta = "-" if c.delta is None else f"{100 * c.delta:+.0f} pts"
        colour = {"better": "green", "worse": "red"}.get(c.verdict)
        verdict = f"[{colour}]{c.verdict}[/{colour}]" if colour else c.verdict
        t.add_row(c.id, f"{_pct(c.base_rate)} ({c.base_passed}/{c.base_n})",
                  f"{_pct(c.cand_rate)} ({c.cand_passed}/{c.cand_n})", delta, str(c.c), str(c.b),
                  f"{c.p_value:.3g}", verdict)
    con.print(t)
    if comp.measures:
        m = Table(title="measures over the same pairs (Wilcoxon signed-rank on per-unit differences)")
        for col in ("measure", "pairs", "baseline", "candidate", "delta", "95% CI (bootstrap)", "better", "worse",
                    "p (Wilcoxon)", "verdict"):
            m.add_column(col, justify="left" if col in ("measure", "verdict") else "right", no_wrap=col == "measure")
        for d in comp.measures:
            show = _pct if d.id == "recall" else _num
            delta = "-" if d.delta is None else (f"{100 * d.delta:+.0f} pts" if d.id == "recall" else f"{d.delta:+.2f}")
            ci = "-" if d.ci_low is None else (f"{100 * d.ci_low:+.0f}..{100 * d.ci_high:+.0f}" if d.id == "recall"
                                               else f"{d.ci_low:+.2f}..{d.ci_high:+.2f}")
            colour = {"better": "green", "worse": "red"}.get(d.verdict)
            verdict = f"[{colour}]{d.verdict}[/{colour}]" if colour else d.verdict
            label = "fact recall" if d.id == "recall" else "unsupported terms/unit"
            m.add_row(label, str(d.pairs), show(d.base_mean), show(d.cand_mean), delta, ci, str(d.improved),
                      str(d.worsened), f"{d.p_value:.3g}", verdict)
            if d.id == "recall":
                m.add_row("  Lead-N baseline", str(d.pairs), _pct(d.base_lead), _pct(d.cand_lead), "", "", "", "", "", "")
        con.print(m)
    if not_scored:
        con.print(f"not scored in either run: {', '.join(not_scored)} (judge criteria need --judge)")
    con.print(f"overall: {comp.verdict}")
    if comp.only_baseline or comp.only_candidate:
        con.print(f"unpaired units: {len(comp.only_baseline)} only in baseline, {len(comp.only_candidate)} only in candidate")
    for f in comp.flips[:max_flips]:
        from rich.columns import Columns
        from rich.panel import Panel

        ev = f.candidate_evidence if f.direction == "broke" else f.baseline_evidence
        con.print(f"\n[bold]{f.criterion} {f.direction}[/bold] {'/'.join(map(str, f.unit))} — evidence: {ev or '-'}",
                  markup=True)
        con.print(Columns([Panel(f.baseline_text or "", title="baseline", width=58),
                           Panel(f.candidate_text or "", title="candidate", width=58)]))
    if len(comp.flips) > max_flips:
        con.print(f"... {len(comp.flips) - max_flips} more flips (use --format json or --html)")


def _write_reports(obj, html: str | None, junit: str | None) -> None:
    if html:
        from .report_html import write_html

        _err(f"drafter: HTML report: {write_html(obj, html)}")
    if junit:
        from .junit import write_junit

        _err(f"drafter: JUnit XML: {write_junit(obj, junit)}")


def _gate(result, fail_under) -> None:
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

        report = calibrate(Path(path) if path else None)
        if fmt == OutFmt.json:
            print(report.model_dump_json(indent=2) if hasattr(report, "model_dump_json") else str(report))
        elif hasattr(report, "to_table"):
            _console().print(report.to_table())
        else:
            print(report.render())
    except DrafterError as exc:
        raise _fail(exc)
