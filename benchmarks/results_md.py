"""One block per benchmark script in benchmarks/RESULTS.md, so each script rewrites only its own."""

from __future__ import annotations

import re
from pathlib import Path

HEADER = "# Benchmarks (offline path)\n"


def write_block(path: Path, name: str, text: str) -> None:
    """Replace (or append) the block ``name`` of the results file with ``text``."""
    begin, end = f"<!-- begin {name} -->", f"<!-- end {name} -->"
    block = f"{begin}\n{text.strip()}\n{end}"
    old = path.read_text(encoding="utf-8") if path.exists() else HEADER
    if begin not in old and "<!-- begin " not in old:
        old = HEADER  # a file from before the blocks: start again
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    new = pattern.sub(lambda _: block, old) if begin in old else old.rstrip() + "\n\n" + block
    path.write_text(new.rstrip() + "\n", encoding="utf-8")
