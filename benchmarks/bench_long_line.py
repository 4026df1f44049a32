#!/usr/bin/env python3
"""Long notes on ONE line through ``drafter update`` (fresh process each); writes its block of RESULTS.md.

    .venv/bin/python benchmarks/bench_long_line.py                     # 50, 100, 200, 512 KiB
    .venv/bin/python benchmarks/bench_long_line.py --sizes 50 100 --timeout 120
    .venv/bin/python benchmarks/bench_long_line.py --tree /tmp/old-checkout --label before

The notes are real note text: every line of the ``examples/`` notes (less the injection probes,
which make a line an injection and skip all reading) joined by spaces, repeated up to the size,
with no line break at all. ``words`` is the same text with its punctuation removed (one clause
as long as the line). ``cues`` is status sentences dense in cues: waits with and without a
person, promises, decisions, over a thousand people's names (the shape that made the old reader
quadratic: it rescanned the line for every wait without a person). Issue 8 asks for 512 KiB on one line in under 2 s; a reader that rescans
the line per cue is quadratic (50 KB 12 s, 100 KB 52 s before the fix).

``--tree`` runs another checkout of drafter with this machine's venv (PYTHONPATH), to measure
a version before a change on the same machine and load. ``--reader-only`` times just the
personal-notes reader (``drafter.read.personal.parse_personal``, or ``drafter.parser.parse_notes``
in a checkout from before the split) in a fresh process, wall and CPU seconds of the parse alone.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from results_md import write_block  # noqa: E402

AS_OF = "2026-11-25"
# the probes in examples/braces-injection.txt (a line holding one is read as an injection, not as notes)
_INJECTION = re.compile(r"ignore\s+(?:all\s+)?previous|system\s*:|you\s+are\s+now|print\s+your|api\s+key", re.I)


_PEOPLE = ["Dana", "Lee", "Raj", "Omar", "Priya", "Sam", "Ana", "Kim", "Ellie", "Hannah", "Olga", "Piet"]
_TEMPLATES = [
    "emailed {n} at Acme for the Q{q} docs on Mon, no reply yet.",
    "waiting on {n} for the signed contract {i} since Tue.",
    "blocked on {n} - the export {i} is broken.",
    "I promised {n} the board pack {i} by Fri 27 Nov.",
    "{n} will send the figures {i} by Thu.",
    "need a decision from {n} by Wed: option A or option B {i}?",
    "{n} replied, got the numbers {i}.",
    "still nothing from {n} on ticket PAY-{i}.",
    "the export {i} is blocked again.",
]


def cue_sentences(size: int) -> str:
    """Status sentences full of cues (waits with and without a person, promises, decisions), many people."""
    out, total, i = [], 0, 0
    while total < size:
        name = _PEOPLE[i % len(_PEOPLE)] + ("" if i % 3 else f"son{i % 89}")
        out.append(_TEMPLATES[i % len(_TEMPLATES)].format(n=name, i=i, q=i % 4 + 1))
        total += len(out[-1]) + 1
        i += 1
    return " ".join(out)[:size]


def one_line(size: int, shape: str = "notes") -> str:
    """``size`` characters of note text on a single line."""
    if shape == "cues":
        return cue_sentences(size)
    parts = []
    for f in sorted((ROOT / "examples").glob("*")):
        if f.suffix not in (".txt", ".md") or f.name == "README.md":
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not _INJECTION.search(line):
                parts.append(line)
    base = " ".join(parts)
    if shape == "words":
        base = " ".join(re.findall(r"[A-Za-z']+", base))
    return ((base + " ") * (size // len(base) + 1))[:size]


def clean_env(tree: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "DRAFTER_", "LANGCHAIN_", "LANGSMITH_"))}
    home = tempfile.mkdtemp(prefix="drafter-bench-")
    env.update(DRAFTER_HOME=home, DRAFTER_CONFIG=str(Path(home) / "config.toml"), PYTHONIOENCODING="utf-8")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode cached
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "drafter-bench-pycache")
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    return env


def time_update(path: Path, env: dict, timeout: float, cwd: Path) -> tuple[float | None, str]:
    cmd = [sys.executable, "-m", "drafter.cli", "update", str(path), "--as-of", AS_OF]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"killed after {timeout:g} s"
    took = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode != 0:
        return took, "exit %d: %s" % (p.returncode, (p.stderr.strip().splitlines() or [""])[-1][:120])
    return took, f"{cpu:.2f} s CPU (whole process)"


READER_CODE = r"""
import datetime as dt, json, sys, time
try:
    from drafter.read.personal import parse_personal as parse
except ImportError:
    from drafter.parser import parse_notes as parse
text = open(sys.argv[1], encoding="utf-8").read()
parse("warm up: Mon emailed Dana at Acme, no reply.", dt.date(2026, 11, 25))
t, c = time.perf_counter(), time.process_time()
parse(text, dt.date(2026, 11, 25))
print(json.dumps([time.perf_counter() - t, time.process_time() - c]))
"""


def time_reader(path: Path, env: dict, timeout: float, cwd: Path) -> tuple[float | None, str]:
    try:
        p = subprocess.run([sys.executable, "-c", READER_CODE, str(path)], env=env, cwd=cwd, capture_output=True,
                           text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"killed after {timeout:g} s"
    if p.returncode != 0:
        return None, (p.stderr.strip().splitlines() or ["failed"])[-1][:120]
    wall, cpu = json.loads(p.stdout)
    return wall, f"{cpu:.2f} s CPU"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 200, 512], help="KiB")
    ap.add_argument("--shapes", nargs="+", default=["notes", "words", "cues"], choices=["notes", "words", "cues"])
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    ap.add_argument("--tree", type=Path, default=None, help="another drafter checkout to measure")
    ap.add_argument("--label", default=None, help="name of this measurement in RESULTS.md")
    ap.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    ap.add_argument("--no-write", action="store_true", help="print only")
    ap.add_argument("--reader-only", action="store_true", help="time the personal-notes reader alone")
    args = ap.parse_args()

    env = clean_env(args.tree)
    cwd = args.tree or ROOT
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for shape in args.shapes:
            for kib in args.sizes:
                path = Path(tmp) / f"{shape}-{kib}k.txt"
                path.write_text(one_line(kib * 1024, shape), encoding="utf-8")
                took, note = (time_reader if args.reader_only else time_update)(path, env, args.timeout, cwd)
                shown = f"{took:.2f}" if took is not None else f"> {args.timeout:g}"
                rows.append(f"| {shape} | {kib} | {shown} | {note} |")
                print(rows[-1], file=sys.stderr)
    label = args.label or ("this checkout" if args.tree is None else str(args.tree))
    what = "the personal-notes reader alone (parse only)" if args.reader_only else "`drafter update` wall time"
    text = "\n".join([
        f"## Long single line: {what} ({label})",
        "",
        f"Produced by `benchmarks/bench_long_line.py`; load average at start: {load} on {os.cpu_count()} CPUs.",
        "`notes`: the examples' note lines joined on one line; `words`: the same without punctuation;",
        "`cues`: cue-dense status sentences (waits with and without a person, promises, decisions, many people).",
        "",
        "| shape | KiB | seconds | note |",
        "|---|---|---|---|",
        *rows,
    ])
    print(text)
    if not args.no_write:
        kind = "reader" if args.reader_only else "cli"
        write_block(args.output, f"long-line-{kind}-" + re.sub(r"\W+", "-", label).strip("-").lower(), text)


if __name__ == "__main__":
    main()
