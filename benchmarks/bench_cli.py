#!/usr/bin/env python3
"""Benchmarks for the offline path; writes its block of benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/bench_cli.py            # 15 runs each
    .venv/bin/python benchmarks/bench_cli.py --runs 30 --output /tmp/RESULTS.md

Measures (all offline, no network):
  1. CLI cold start: ``drafter --help`` as a fresh process (the ``llm --help``-style baseline),
     next to ``python -c pass`` and ``python -c "import drafter.cli"``.
  2. ``drafter update examples/acme-board-docs.txt --as-of 2026-11-25`` wall time (fresh process):
     median of ``--runs`` runs, with hyperfine when it is installed (``apt-get install hyperfine``).
  3. Where a fresh process spends its time: import, then the first update's stages (read, the
     personal-notes reader's import and first parse, plan, write, render).
  4. Import time of ``drafter.cli`` (``python -X importtime``), the slowest imports, and whether
     langchain / openai / dateparser are imported on the offline path (they must not be).
  5. Library throughput: ``Drafter().update(...)`` + ``render()`` drafts per second in one process.

Processes run with bytecode caching on (in a temp ``PYTHONPYCACHEPREFIX``), as an installed
package does, even when the calling shell sets ``PYTHONDONTWRITEBYTECODE``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from results_md import write_block  # noqa: E402

ACME = ROOT / "examples" / "acme-board-docs.txt"
AS_OF = "2026-11-25"
HEAVY = ("langchain_openai", "langchain_core", "langchain", "openai", "dateparser")
HEAVY_EXPR = f"sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})"


def clean_env() -> dict[str, str]:
    """No LLM configured, drafter's files in a temp dir: the offline path a new user gets."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "DRAFTER_", "LANGCHAIN_", "LANGSMITH_"))}
    home = tempfile.mkdtemp(prefix="drafter-bench-")
    env.update(DRAFTER_HOME=home, DRAFTER_CONFIG=str(Path(home) / "config.toml"), PYTHONIOENCODING="utf-8")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package runs from cached bytecode
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "drafter-bench-pycache")
    return env


def drafter_cmd() -> list[str]:
    script = ROOT / ".venv" / "bin" / "drafter"
    return [str(script)] if script.exists() else [sys.executable, "-m", "drafter.cli"]


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def time_process(args: list[str], env: dict, runs: int) -> dict:
    """Median, p90 and min wall time of ``args`` as a fresh process (hyperfine when installed),
    and the mean user and system CPU time of a run."""
    if shutil.which("hyperfine"):
        return _hyperfine(args, env, runs)
    times, failure = [], None
    subprocess.run(args, env=env, cwd=ROOT, capture_output=True)  # warm the OS file cache
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if p.returncode != 0:
            failure = (p.stderr.strip().splitlines() or ["(no stderr)"])[-1]
            break
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    n = max(len(times), 1)
    return _summary(times, failure, "perf_counter", user=(after.ru_utime - before.ru_utime) / n,
                    system=(after.ru_stime - before.ru_stime) / n)


def _hyperfine(args: list[str], env: dict, runs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "h.json"
        cmd = ["hyperfine", "-N", "--warmup", "2", "--runs", str(runs), "--export-json", str(out), "--",
               " ".join(_quote(a) for a in args)]
        p = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
        if p.returncode != 0 or not out.exists():
            return _summary([], (p.stderr.strip().splitlines() or ["hyperfine failed"])[-1], "hyperfine")
        result = json.loads(out.read_text())["results"][0]
    return _summary(result["times"], None, "hyperfine", user=result.get("user"), system=result.get("system"))


def hyperfine_together(commands: list[list[str]], env: dict, runs: int) -> list[dict] | None:
    """Several commands timed by ONE hyperfine run (same warm-up, same minutes, same load), in
    order; None without hyperfine."""
    if not shutil.which("hyperfine"):
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "h.json"
        cmd = ["hyperfine", "-N", "--warmup", "3", "--runs", str(runs), "--export-json", str(out), "--",
               *(" ".join(_quote(a) for a in c) for c in commands)]
        p = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
        if p.returncode != 0 or not out.exists():
            failure = (p.stderr.strip().splitlines() or ["hyperfine failed"])[-1]
            return [_summary([], failure, "hyperfine") for _ in commands]
        results = json.loads(out.read_text())["results"]
    return [_summary(r["times"], None, "hyperfine", user=r.get("user"), system=r.get("system")) for r in results]


def launcher(tree: Path) -> list[str]:
    """``drafter`` run from another checkout with this interpreter (what the console script does)."""
    return [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(tree)!r}); from drafter.cli import main; main()"]


def _quote(arg: str) -> str:
    return arg if arg and all(c.isalnum() or c in "-_./=:" for c in arg) else "'" + arg.replace("'", "'\\''") + "'"


def _summary(times: list[float], failure: str | None, tool: str, user: float | None = None,
             system: float | None = None) -> dict:
    if not times:
        return {"runs": 0, "median_ms": 0.0, "p90_ms": 0.0, "min_ms": 0.0, "user_ms": None, "cpu_ms": None,
                "failure": failure, "tool": tool}
    return {
        "runs": len(times),
        "median_ms": statistics.median(times) * 1000,
        "p90_ms": percentile(times, 0.9) * 1000,
        "min_ms": min(times) * 1000,
        "user_ms": user * 1000 if user is not None else None,
        "cpu_ms": (user + system) * 1000 if user is not None and system is not None else None,
        "failure": failure,
        "tool": tool,
    }


STAGES_CODE = r"""
import json, sys, time
t0 = time.perf_counter()
import drafter.cli  # what `drafter` imports before it reads the notes
drafter.cli._fast_start()  # what cli.main does first (regex program cache, no pydantic plugin scan)
t1 = time.perf_counter()
from drafter import Drafter
from drafter.models import ArtefactKind, DraftOptions
from drafter.playbook import build_plan
from drafter.render import render
import datetime as dt
notes = open(sys.argv[1], encoding="utf-8").read()
as_of = dt.date.fromisoformat(sys.argv[2])
d = Drafter(engine="offline")
t2 = time.perf_counter()
import drafter.read.personal as personal
t3 = time.perf_counter()
personal.parse_personal(notes, as_of)
t4 = time.perf_counter()
log = d.parse(notes, as_of=as_of)  # the whole read: structure, genre, reader, provenance check
t5 = time.perf_counter()
plan = build_plan(log)
t6 = time.perf_counter()
artefact, _ = d._offline_engine().write(ArtefactKind.UPDATE, plan, notes, DraftOptions())
t7 = time.perf_counter()
render(artefact, "markdown", DraftOptions())
t8 = time.perf_counter()
from drafter.read import lazy_re
compiled = sum(1 for p in lazy_re.ALL if "_compiled" in p.__dict__)
print(json.dumps({"import drafter.cli": t1 - t0, "import api, models, playbook, render": t2 - t1,
                  "import the personal-notes reader": t3 - t2, "first parse_personal": t4 - t3,
                  "read (whole offline reader, after the above)": t5 - t4, "plan": t6 - t5,
                  "write (offline engine)": t7 - t6, "render": t8 - t7,
                  "_patterns": [compiled, len(lazy_re.ALL)]}))
"""


def first_run_stages(env: dict, runs: int) -> dict:
    """Median seconds per stage of a fresh process's first update (each stage after the ones before)."""
    samples: dict[str, list[float]] = {}
    patterns = None
    for _ in range(runs):
        p = subprocess.run([sys.executable, "-c", STAGES_CODE, str(ACME), AS_OF], env=env, cwd=ROOT,
                           capture_output=True, text=True)
        if p.returncode != 0:
            return {"error": (p.stderr.strip().splitlines() or ["failed"])[-1]}
        data = json.loads(p.stdout)
        patterns = data.pop("_patterns")
        for k, v in data.items():
            samples.setdefault(k, []).append(v)
    return {"stages": {k: statistics.median(v) * 1000 for k, v in samples.items()}, "patterns": patterns}


def import_profile(env: dict) -> dict:
    """Parse ``-X importtime`` for ``import drafter.cli``: total, top imports, heavy modules."""
    p = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import drafter.cli, sys; print({HEAVY_EXPR})"],
                       env=env, cwd=ROOT, capture_output=True, text=True)
    rows = []  # (self_us, cumulative_us, depth, name)
    for line in p.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cum_us, raw = line[len("import time:"):].split("|", 2)
        depth = (len(raw) - len(raw.lstrip()) - 1) // 2
        rows.append((int(self_us), int(cum_us), depth, raw.strip()))
    total = next((cum for _, cum, _, name in rows if name == "drafter.cli"), None)
    top_level = sorted(((cum, name) for _, cum, _, name in rows if "." not in name and not name.startswith("drafter")
                        and not name.startswith("_") and name not in ("site", "encodings")), reverse=True)[:8]
    inside = sorted(((cum, name) for _, cum, depth, name in rows if name.startswith("drafter")), reverse=True)[:8]
    imported_heavy = sorted({name.split(".")[0] for *_, name in rows} & set(HEAVY))
    return {
        "total_ms": (total or 0) / 1000,
        "top": [(cum / 1000, name) for cum, name in top_level],
        "drafter": [(cum / 1000, name) for cum, name in inside],
        "heavy_in_importtime": imported_heavy,
        "heavy_in_sys_modules": p.stdout.strip() or p.stderr.strip().splitlines()[-1],
        "n_modules": len(rows),
    }


def offline_update_modules(env: dict) -> str:
    """Heavy modules present after a full offline ``drafter update`` run in one process."""
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom drafter.cli import app\n"
        f"r = CliRunner().invoke(app, ['update', {str(ACME)!r}, '--as-of', '{AS_OF}'])\n"
        "print('exit', r.exit_code)\n"
        f"print({HEAVY_EXPR})\n"
    )
    p = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)
    return " / ".join(p.stdout.strip().splitlines()) or p.stderr.strip().splitlines()[-1]


def library_throughput(seconds: float) -> dict:
    os.environ.pop("OPENAI_API_KEY", None)
    os.environ.pop("OPENAI_BASE_URL", None)
    sys.path.insert(0, str(ROOT))
    from drafter import Drafter

    notes = ACME.read_text(encoding="utf-8")
    d = Drafter(engine="offline")
    t0 = time.perf_counter()
    first = d.update(notes, as_of=AS_OF)
    first.render("markdown")
    first_ms = (time.perf_counter() - t0) * 1000
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        d.update(notes, as_of=AS_OF).render("markdown")
        n += 1
    elapsed = time.perf_counter() - t0
    stages = stage_times(d, notes, max(20, min(n, 200)))
    return {"drafts": n, "seconds": elapsed, "per_second": n / elapsed, "first_ms": first_ms,
            "mean_ms": elapsed / max(n, 1) * 1000, "stages": stages}


def stage_times(d, notes: str, n: int) -> dict[str, float]:
    """Mean ms per pipeline stage: read (``Drafter.parse``: the offline reader and the provenance
    check), playbook, offline engine, render (markdown)."""
    import datetime as _dt

    from drafter.models import ArtefactKind, DraftOptions
    from drafter.playbook import build_plan

    as_of = _dt.date.fromisoformat(AS_OF)
    engine, opts = d._offline_engine(), DraftOptions()
    totals = dict.fromkeys(("read", "playbook", "engine", "render"), 0.0)
    for _ in range(n):
        t = time.perf_counter()
        log = d.parse(notes, as_of=as_of)
        t1 = time.perf_counter()
        plan = build_plan(log)
        t2 = time.perf_counter()
        artefact, _ = engine.write(ArtefactKind.UPDATE, plan, notes, opts)
        t3 = time.perf_counter()
        from drafter.render import render

        render(artefact, "markdown", opts)
        t4 = time.perf_counter()
        for key, dt_ in zip(totals, (t1 - t, t2 - t1, t3 - t2, t4 - t3)):
            totals[key] += dt_
    return {k: v / n * 1000 for k, v in totals.items()}


def together_lines(together: list[dict] | None, before: Path | None, cmd: list[str], row) -> list[str]:
    """The table of the commands timed in one hyperfine run (see :func:`hyperfine_together`)."""
    if not together:
        return []
    names = [f"`{Path(cmd[0]).name if len(cmd) == 1 else 'python -m drafter.cli'} update examples/acme-board-docs.txt`",
             "`llm --help` (simonw's llm)", "this checkout's `drafter.cli.main()` (the console script's launcher)"]
    if before is not None:
        names.append(f"the same launcher, checkout `{before}` (before)")
    return [
        "",
        f"### `drafter update` next to `llm --help`: one hyperfine run ({together[0]['runs']} runs each, --warmup 3)",
        "",
        "| command | runs | median ms | p90 ms | min ms | user CPU ms (mean) | user+sys CPU ms (mean) |",
        "|---|---|---|---|---|---|---|",
        *(row(name, t) for name, t in zip(names, together)),
        "",
    ]


def machine_info() -> list[str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "n/a"
    return [
        f"- date (UTC): {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M}",
        f"- machine: {platform.system()} {platform.release()} {platform.machine()}, {cpu}, {os.cpu_count()} logical CPUs",
        f"- load average at start (1/5/15 min): {load} (the machine was shared with other jobs)",
        f"- python: {platform.python_version()} ({sys.executable})",
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15, help="process runs per CLI measurement")
    ap.add_argument("--seconds", type=float, default=5.0, help="duration of the throughput loop")
    ap.add_argument("--output", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    ap.add_argument("--llm", default=None,
                    help="simonw's `llm` command to time beside drafter (default: `llm` on PATH; install it in a "
                         "separate venv, e.g. python -m venv /tmp/llmvenv && /tmp/llmvenv/bin/pip install llm)")
    ap.add_argument("--before", type=Path, default=None,
                    help="another checkout of drafter (e.g. main before a change): its `update` is timed in the "
                         "same hyperfine run as this checkout's and `llm --help`")
    args = ap.parse_args()

    env = clean_env()
    info = machine_info()
    cmd = drafter_cmd()
    print("measuring the interpreter baseline ...", file=sys.stderr)
    base_t = time_process([sys.executable, "-c", "pass"], env, args.runs)
    print("measuring import drafter.cli ...", file=sys.stderr)
    imp_t = time_process([sys.executable, "-c", "import drafter.cli"], env, args.runs)
    print("measuring drafter --help ...", file=sys.stderr)
    help_t = time_process(cmd + ["--help"], env, args.runs)
    print("measuring drafter update ...", file=sys.stderr)
    upd_t = time_process(cmd + ["update", str(ACME), "--as-of", AS_OF], env, args.runs)
    llm = args.llm or shutil.which("llm")
    llm_t = None
    if llm:
        print("measuring llm --help ...", file=sys.stderr)
        llm_t = time_process([llm, "--help"], env, args.runs)
    together = None
    if llm:
        print("measuring drafter update and llm --help in one hyperfine run ...", file=sys.stderr)
        update_args = ["update", str(ACME), "--as-of", AS_OF]
        commands = [cmd + update_args, [llm, "--help"], launcher(ROOT) + update_args]
        if args.before:
            commands.append(launcher(args.before.resolve()) + update_args)
        together = hyperfine_together(commands, env, max(args.runs, 30))
    print("measuring drafter update without the regex program cache ...", file=sys.stderr)
    nocache_t = time_process(cmd + ["update", str(ACME), "--as-of", AS_OF], {**env, "DRAFTER_NO_REGEX_CACHE": "1"},
                             args.runs)
    print("first-update stages ...", file=sys.stderr)
    stages = first_run_stages(env, max(5, min(args.runs, 10)))
    print("profiling imports ...", file=sys.stderr)
    imp = import_profile(env)
    after_update = offline_update_modules(env)
    print("library throughput ...", file=sys.stderr)
    try:
        thr = library_throughput(args.seconds)
    except Exception as exc:  # report, do not hide
        thr = {"error": f"{type(exc).__name__}: {exc}"}

    def row(name, t):
        fail = f" (FAILED: {t['failure']})" if t["failure"] else ""
        user = f"{t['user_ms']:.0f}" if t.get("user_ms") is not None else "-"
        cpu = f"{t['cpu_ms']:.0f}" if t.get("cpu_ms") is not None else "-"
        return (f"| {name} | {t['runs']} | {t['median_ms']:.0f} | {t['p90_ms']:.0f} | {t['min_ms']:.0f} | {user} | {cpu} |"
                f"{fail}")

    if "error" in stages:
        stage_lines = [f"- failed: {stages['error']}"]
    else:
        compiled, total = stages["patterns"]
        stage_lines = [f"- {name}: {ms:.1f} ms" for name, ms in stages["stages"].items()]
        stage_lines.append(f"- reader patterns compiled by the first update: {compiled} of {total} (the rest never are)")

    lines = [
        "## CLI start-up and the offline update",
        "",
        f"Produced by `benchmarks/bench_cli.py --runs {args.runs} --seconds {args.seconds:g}`; command: `{' '.join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))}`.",
        "",
        *info,
        "",
        "## CLI wall time (fresh process each run)",
        "",
        f"Timer: {upd_t.get('tool', 'perf_counter')}; bytecode cached (as installed).",
        "",
        "| command | runs | median ms | p90 ms | min ms | user CPU ms (mean) | user+sys CPU ms (mean) |",
        "|---|---|---|---|---|---|---|",
        row("`python -c pass` (interpreter baseline)", base_t),
        row("`python -c 'import drafter.cli'`", imp_t),
        row("`drafter --help`", help_t),
        row(f"`drafter update examples/acme-board-docs.txt --as-of {AS_OF}`", upd_t),
        row("`llm --help` (simonw's llm, its own hyperfine call in this run)", llm_t) if llm_t else "| `llm --help` | not installed (pass --llm PATH) | | | | | |",
        row("`drafter update ...`, `DRAFTER_NO_REGEX_CACHE=1` (every regex compiled, as on a first run)", nocache_t),
        "",
        *together_lines(together, args.before, cmd, row),
        "Wall times include the interpreter start (baseline row) and are noisy on a loaded machine: compare",
        "the min and CPU columns across runs, or rerun on an idle machine. The `drafter` runs keep their",
        "regex programs in the user cache dir (`drafter/regex_cache.py`); hyperfine's warm-up runs fill it.",
        "",
        "### First update in a fresh process, stage by stage (median)",
        "",
        *stage_lines,
        "",
        "## Import of `drafter.cli` (`python -X importtime`)",
        "",
        f"- total cumulative import time of `drafter.cli`: {imp['total_ms']:.1f} ms ({imp['n_modules']} modules imported)",
        f"- heavy modules in the import trace: {imp['heavy_in_importtime'] or 'none'}",
        f"- heavy modules in sys.modules after `import drafter.cli`: {imp['heavy_in_sys_modules']}",
        f"- after a full offline `drafter update` in one process: {after_update}",
        "",
        "Slowest third-party/stdlib packages (cumulative ms):",
        "",
        *[f"- {name}: {ms:.1f}" for ms, name in imp["top"]],
        "",
        "drafter modules (cumulative ms):",
        "",
        *[f"- {name}: {ms:.1f}" for ms, name in imp["drafter"]],
        "",
        "## Library throughput (`Drafter(engine='offline').update(notes).render('markdown')`, one process)",
        "",
    ]
    if "error" in thr:
        lines.append(f"- failed: {thr['error']}")
    else:
        lines += [
            f"- first draft (includes lazy imports): {thr['first_ms']:.1f} ms",
            f"- {thr['drafts']} drafts in {thr['seconds']:.1f} s: **{thr['per_second']:.1f} drafts/s** "
            f"(mean {thr['mean_ms']:.2f} ms per draft)",
            "- mean ms per stage: " + ", ".join(f"{k} {v:.2f}" for k, v in thr["stages"].items()),
        ]
    lines.append("")
    write_block(Path(args.output), "cli", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
