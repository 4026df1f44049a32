"""The personal-notes reader does work linear in the length of one long line (issue 8, item 5).

No clock: the work of a parse is counted, and one line of n characters is compared with one of
4n. Two counts, both deterministic:

- characters handed to regexes: every pattern of ``drafter.read`` (lazy or compiled) and every
  ``re.search``/``re.sub``/... call is wrapped to add the length of the text it scans;
- Python-level calls: ``sys.setprofile`` counts 'call' and 'c_call' events.

Linear work grows about 4x from n to 4n; a reader that rescans the line for every cue (as
``_who_in_text`` did) or slices the prefix before every date grows 10-16x. Speed itself is
measured by ``benchmarks/bench_long_line.py``, not here.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest

from drafter.read import lazy_re
from drafter.read.personal import parse_personal

AS_OF = dt.date(2026, 11, 25)
ROOT = Path(__file__).resolve().parents[2]
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")
N = 6000  # characters; the long run is 4 N
MAX_RATIO = 5.5  # linear: ~4 (less with fixed costs); quadratic here: 10 and more

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


def _examples_text() -> str:
    parts = []
    for f in sorted((ROOT / "examples").glob("*")):
        if f.suffix in (".txt", ".md") and f.name != "README.md":
            parts += [ln.strip() for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
    # a line holding an injection probe is not read at all: leave the probes out
    return " ".join(p for p in parts if not re.search(r"ignore\s+previous|you\s+are\s+now", p, re.I))


def _repeat(base: str, size: int) -> str:
    return ((base + " ") * (size // (len(base) + 1) + 1))[:size]


def _cues(size: int) -> str:
    out, i = [], 0
    while sum(len(x) + 1 for x in out) < size:
        name = _PEOPLE[i % len(_PEOPLE)] + ("" if i % 3 else f"son{i % 89}")
        out.append(_TEMPLATES[i % len(_TEMPLATES)].format(n=name, i=i, q=i % 4 + 1))
        i += 1
    return " ".join(out)[:size]


def _names(size: int) -> str:
    return " ".join(f"Asked Nam{chr(97 + i % 26)}{chr(97 + i // 26 % 26)} about it." for i in range(size // 20))[:size]


SHAPES = {
    "examples on one line": lambda size: _repeat(_examples_text(), size),
    "one clause, no punctuation": lambda size: _repeat(" ".join(re.findall(r"[A-Za-z']+", _examples_text())), size),
    "mixed cues and people": _cues,
    "waits on no one, many": lambda size: _repeat("the export is blocked again.", size),
    "many dates": lambda size: _repeat("send the deck to Lee by Fri 27 Nov,", size),
    "many people": _names,
}


class _Counted:
    """A compiled pattern whose methods add the length of the text they get to ``counts``."""

    def __init__(self, pattern, counts):
        self._pattern, self._counts = pattern, counts

    def __getattr__(self, name):
        value = getattr(self._pattern, name)
        return _counting(value, self._counts) if name in _METHODS else value


def _counting(fn, counts):
    def counted(*args, **kw):
        for a in args:
            if isinstance(a, str):
                counts["chars"] += len(a)
                break
        return fn(*args, **kw)

    return counted


def _work(text: str) -> dict[str, int]:
    """Characters scanned by regexes and Python calls made by one parse of ``text``."""
    counts = {"chars": 0, "calls": 0}
    restore = []
    for lazy in lazy_re.ALL:
        lazy.compiled  # noqa: B018 - compile now, then wrap the compiled methods
        for m in _METHODS:
            restore.append((lazy.__dict__, m, lazy.__dict__[m]))
            lazy.__dict__[m] = _counting(lazy.__dict__[m], counts)
    for name, mod in list(sys.modules.items()):
        if name.startswith("drafter.read") or name == "drafter.dates":
            for key, value in list(vars(mod).items()):
                if isinstance(value, re.Pattern):
                    restore.append((vars(mod), key, value))
                    vars(mod)[key] = _Counted(value, counts)
    for m in _METHODS:
        restore.append((vars(re), m, getattr(re, m)))
        vars(re)[m] = _counting(getattr(re, m), counts)

    def profile(frame, event, arg):
        if event in ("call", "c_call"):
            counts["calls"] += 1

    sys.setprofile(profile)
    try:
        log = parse_personal(text, AS_OF)
    finally:
        sys.setprofile(None)
        for where, key, value in reversed(restore):
            where[key] = value
    assert log.items or log.unplaced  # the parse did read the line
    return counts


@pytest.mark.parametrize("shape", list(SHAPES))
def test_work_on_one_long_line_grows_linearly(shape):
    make = SHAPES[shape]
    parse_personal(make(N), AS_OF)  # warm up: lazy patterns and the re cache
    small, large = _work(make(N)), _work(make(4 * N))
    for what in ("chars", "calls"):
        ratio = large[what] / max(small[what], 1)
        assert ratio < MAX_RATIO, f"{shape}: {what} grew {ratio:.1f}x for 4x the text ({small[what]} -> {large[what]})"


def test_the_counter_sees_quadratic_work():
    """The yardstick can fail: a deliberately quadratic scan (one regex per prefix) is caught."""
    counts = {"chars": 0, "calls": 0}
    pattern = _Counted(re.compile(r"\bby\s+$"), counts)

    def quadratic(text):
        for m in re.finditer(r"\d+", text):
            pattern.search(text[: m.start()])

    quadratic(_repeat("due by 27", N))
    small = counts["chars"]
    counts["chars"] = 0
    quadratic(_repeat("due by 27", 4 * N))
    assert counts["chars"] / small > MAX_RATIO
