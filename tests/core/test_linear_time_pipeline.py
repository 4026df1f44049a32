"""The whole offline ``Drafter.update`` does work linear in the size of the notes (issue 8, item 5).

``test_linear_time.py`` counts the personal-notes reader alone; this counts everything an update
runs: the structure reader (outline, people, genre, the genre's reader), the provenance check, the
playbook, the offline writer and the renderer. No clock: the work is counted, for notes of n and
of 4n characters, in two deterministic counts:

- characters handed to regexes: every compiled pattern held by a ``drafter`` module, every lazy
  reader pattern and every ``re.search``/``re.sub``/... call adds the length of the text it scans;
- Python-level calls (``sys.setprofile`` 'call' and 'c_call' events).

Linear work grows about 4x (less with fixed costs); work that rescans the text per element it
finds (the provenance check re-reading one long line for every element citing it, a backup
contact searched per wait and per name) grows 10x and more. Shapes: one long line (the examples'
lines joined, cue-dense sentences, many names), and many lines, many bullets, many names.
Speed itself is measured by ``benchmarks/bench_long_line.py``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from drafter import Drafter
from drafter.read import lazy_re

AS_OF = "2026-11-25"
ROOT = Path(__file__).resolve().parents[2]
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")
N = 5000  # characters; the long run is 4 N
MAX_RATIO = 5.5  # linear: ~4; quadratic: 10 and more

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
    return " ".join(p for p in parts if not re.search(r"ignore\s+(?:all\s+)?previous|you\s+are\s+now|system\s*:", p, re.I))


def _repeat(base: str, size: int, sep: str = " ") -> str:
    return ((base + sep) * (size // (len(base) + 1) + 1))[:size]


def _sentences(size: int) -> list[str]:
    out, total, i = [], 0, 0
    while total < size:
        name = _PEOPLE[i % len(_PEOPLE)] + ("" if i % 3 else f"son{i % 89}")
        out.append(_TEMPLATES[i % len(_TEMPLATES)].format(n=name, i=i, q=i % 4 + 1))
        total += len(out[-1]) + 1
        i += 1
    return out


def _name(i: int) -> str:
    return f"Nam{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}"


def _cut(text: str, size: int) -> str:
    return text[:size].rstrip()


SHAPES = {
    "one line: the examples' lines": lambda size: _repeat(_examples_text(), size),
    "one line: cue-dense sentences": lambda size: _cut(" ".join(_sentences(size)), size),
    "one line: many people": lambda size: _cut(" ".join(f"Asked {_name(i)} about it, waiting on {_name(i)}." for i in range(size // 30)), size),
    "many lines: cue-dense sentences": lambda size: _cut("\n".join(_sentences(size)), size),
    "many bullets under headings": lambda size: _cut("\n".join(
        (f"## Topic {i // 8}\n" if i % 8 == 0 else "") + "- " + s for i, s in enumerate(_sentences(size))), size),
    "many lines: many people": lambda size: _cut("\n".join(
        f"- {_name(i)} will send the figures {i} by Thu; waiting on {_name(i + 1)}." for i in range(size // 55)), size),
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


def _update(text: str, artefact: str = "update"):
    return getattr(Drafter(engine="offline"), artefact)(text, as_of=AS_OF).render("markdown")


def _topics(size: int) -> str:
    """Minutes of many topics, each a question naming two options and an owner's action: the shape on
    which the options playbook looked for every question's answer across the whole notes."""
    return _cut("".join(f"## Topic {i}\n- Should we ship feature {i} in March or April?\n- Alice will check the plan {i}\n\n"
                        for i in range(size // 60)), size)


def _work(text: str, artefact: str = "update") -> dict[str, int]:
    """Characters scanned by regexes and Python calls made by one whole offline update of ``text``."""
    counts = {"chars": 0, "calls": 0}
    restore = []
    for lazy in lazy_re.ALL:
        lazy.compiled  # noqa: B018 - compile now, then wrap the compiled methods
        for m in _METHODS:
            restore.append((lazy.__dict__, m, lazy.__dict__[m]))
            lazy.__dict__[m] = _counting(lazy.__dict__[m], counts)
    for name, mod in list(sys.modules.items()):
        if name == "drafter" or name.startswith("drafter."):
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
        out = _update(text, artefact)
    finally:
        sys.setprofile(None)
        for where, key, value in reversed(restore):
            where[key] = value
    assert out.strip()  # a draft was written
    return counts


@pytest.mark.parametrize("shape", list(SHAPES))
def test_whole_update_work_grows_linearly(shape):
    make = SHAPES[shape]
    _update(make(4 * N))  # warm up both: imports, lazy patterns, one compiled pattern per person
    _update(make(N))
    re.purge()  # each run compiles its own per-person patterns: with more people than re's cache holds,
    small = _work(make(N))  # only the larger run would pay for them
    re.purge()
    large = _work(make(4 * N))
    for what in ("chars", "calls"):
        ratio = large[what] / max(small[what], 1)
        assert ratio < MAX_RATIO, f"{shape}: {what} grew {ratio:.1f}x for 4x the notes ({small[what]} -> {large[what]})"


def test_options_work_grows_linearly_with_the_topics():
    """Each question's section and its answers come from one index of the log, not a scan per question."""
    _update(_topics(4 * N), "options")
    _update(_topics(N), "options")
    small, large = _work(_topics(N), "options"), _work(_topics(4 * N), "options")
    for what in ("chars", "calls"):
        ratio = large[what] / max(small[what], 1)
        assert ratio < MAX_RATIO, f"options over many topics: {what} grew {ratio:.1f}x for 4x the notes ({small[what]} -> {large[what]})"


def test_the_shapes_are_what_they_say():
    """The one-line shapes have no line break; the others have many lines; all are about the size."""
    for shape, make in SHAPES.items():
        text = make(N)
        assert N * 0.9 <= len(text) <= N, shape
        assert ("\n" in text) == shape.startswith("many"), shape
        if shape.startswith("many"):
            assert text.count("\n") > 50, shape
