"""The command's regex program cache (drafter/regex_cache.py) gives the patterns re would build.

Each check runs in a fresh interpreter (the cache patches ``re`` in the process that installs it,
as ``drafter.cli.main`` does), with the cache in a temporary folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from drafter import regex_cache

pytestmark = pytest.mark.skipif(not regex_cache._SUPPORTED, reason="no re._compiler/_parser on this Python")

ROOT = Path(__file__).resolve().parents[2]

FILL = r"""
import datetime as dt, re, sys
from drafter import regex_cache
assert regex_cache.install()
from drafter import Drafter
from drafter.read import lazy_re
notes = open(sys.argv[1], encoding="utf-8").read()
print(Drafter(engine="offline").update(notes, as_of="2026-11-25").render("markdown"))
for lazy in lazy_re.ALL:
    lazy.compiled
re.compile(r"(?P<a>x)(?P<b>y)?|[^\W\d_]+", re.I | re.X)
"""

CHECK = r"""
import re, sys, _sre
from array import array
from drafter import regex_cache
assert regex_cache.install()
programs = dict(regex_cache._state["programs"])
assert len(programs) > 100, len(programs)
original = regex_cache._state["original"]
for (p, flags), (f, code, groups, gi, ig) in programs.items():
    words = array(regex_cache._CODE_TYPE)
    words.frombytes(code)
    cached = _sre.compile(p, f, words.tolist(), groups, gi, ig)
    fresh = original(p, flags)
    assert cached == fresh, p[:80]  # Pattern equality compares pattern, flags and the program
    assert (cached.groups, cached.groupindex) == (fresh.groups, fresh.groupindex), p[:80]
re.purge()
m = re.compile(r"(?P<a>x)(?P<b>y)?|[^\W\d_]+", re.I | re.X).match("XY")
assert m.group("a", "b") == ("X", "Y"), m
print(len(programs))
"""


def _run(code: str, cache: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DRAFTER_CACHE_DIR": str(cache)}
    env.pop("DRAFTER_NO_REGEX_CACHE", None)
    return subprocess.run([sys.executable, "-c", code, *args], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_cached_programs_equal_what_re_builds(tmp_path):
    notes = str(ROOT / "examples" / "acme-board-docs.txt")
    first = _run(FILL, tmp_path, notes)
    assert first.returncode == 0, first.stderr
    files = list(tmp_path.glob("regex-programs-*.marshal"))
    assert len(files) == 1
    second = _run(FILL, tmp_path, notes)  # from the cache now
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout  # the same draft
    check = _run(CHECK, tmp_path)
    assert check.returncode == 0, check.stderr
    assert int(check.stdout) > 100


def test_damaged_cache_file_is_ignored(tmp_path):
    notes = str(ROOT / "examples" / "acme-board-docs.txt")
    first = _run(FILL, tmp_path, notes)
    assert first.returncode == 0, first.stderr
    (path,) = tmp_path.glob("regex-programs-*.marshal")
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 3])
    again = _run(FILL, tmp_path, notes)
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout


def test_off_switch_and_library_import_leave_re_alone():
    code = ("import re, re._compiler as c; orig = c.compile; import drafter, drafter.cli; "
            "from drafter import regex_cache; assert c.compile is orig; "
            "import os; os.environ['DRAFTER_NO_REGEX_CACHE'] = '1'; assert not regex_cache.install(); "
            "assert c.compile is orig")
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
