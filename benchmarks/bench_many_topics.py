#!/usr/bin/env python3
"""Minutes with many topics through ``drafter options`` (fresh process each); writes its block of RESULTS.md.

    .venv/bin/python benchmarks/bench_many_topics.py                       # 500, 1000, 2000 topics
    .venv/bin/python benchmarks/bench_many_topics.py --tree /tmp/old --label before

Each topic is a markdown section with a question that names two options and an owner's action
("## Topic 7 / - Should we ship feature 7 in March or April? / - Alice will check the plan 7"),
the shape on which the options playbook looked for each question's answer by scanning the
whole notes once per question (quadratic in the number of topics).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from results_md import write_block  # noqa: E402


def notes(topics: int) -> str:
    return "".join(f"## Topic {i}\n- Should we ship feature {i} in March or April?\n- Alice will check the plan {i}\n\n"
                   for i in range(topics))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topics", type=int, nargs="+", default=[500, 1000, 2000])
    ap.add_argument("--tree", type=Path, default=ROOT, help="checkout of drafter to run (default: this one)")
    ap.add_argument("--label", default="HEAD")
    ap.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(args.tree)}
    rows = []
    for n in args.topics:
        with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as f:
            f.write(notes(n))
        t = time.perf_counter()
        run = subprocess.run([sys.executable, "-c", "import sys; from drafter.cli import main; sys.exit(main())",
                              "options", f.name, "--as-of", "2026-12-01"],
                             env=env, capture_output=True, text=True, cwd=tempfile.gettempdir())  # not the cwd: -c would import it
        wall = time.perf_counter() - t
        os.unlink(f.name)
        rows.append(f"| {n} | {n * 4} | {wall:.2f} | {run.returncode} |")
        print(rows[-1], flush=True)
    text = "\n".join([f"## Many topics: `drafter options` wall time ({args.label})", "",
                      "| topics | lines | wall s | exit |", "|---|---|---|---|", *rows])
    write_block(args.output, "many-topics-" + re.sub(r"\W+", "-", args.label).strip("-").lower(), text)


if __name__ == "__main__":
    main()
