"""Compiled regex programs kept between runs of the ``drafter`` command (a start-up cache).

A fresh ``drafter update`` compiles some 400 regular expressions (the readers', the playbook's,
the writers'), and Python's ``re`` builds each program in pure Python: on the example notes that
was more than half of the CPU time of the whole run after the interpreter's own start. The
program ``re`` builds depends only on the pattern, its flags and the Python version, so the CLI
keeps the programs it built in the user cache dir and hands them to ``_sre.compile`` (what
``re`` itself ends with) on later runs: the same ``re.Pattern`` objects, without the parse.

Only the command line installs it (:func:`install`, from :func:`drafter.cli.main`); importing
:mod:`drafter` as a library changes nothing in ``re``. The file is named after the Python
version and ``_sre.MAGIC``; a file that cannot be read is ignored, one that cannot be written is
not written (``re`` compiles as it always did). ``DRAFTER_NO_REGEX_CACHE=1`` turns it off.

The file lives in ``DRAFTER_CACHE_DIR`` or the user cache dir (``platformdirs.user_cache_dir``,
the same folder as :mod:`drafter.read.wordlist`'s word sets).
"""

from __future__ import annotations

import atexit
import marshal
from array import array
import os
import re
import sys
from time import process_time

try:  # CPython 3.11+: re's compiler and parser as ``re._compiler`` / ``re._parser``
    import _sre
    from re import _compiler, _parser

    _SUPPORTED = hasattr(_compiler, "_code") and hasattr(_sre, "compile") and hasattr(_parser, "parse")
except ImportError:  # another implementation or an older layout: no cache
    _SUPPORTED = False

SCHEMA = 1
#: more entries than this (patterns built from names in the notes pile up over runs): the file is
#: rewritten with only the patterns the last run used
MAX_ENTRIES = 3000
WORTH_SAVING = 0.005  # seconds of compiling this run's new patterns took before the file is rewritten
_CODE_TYPE = "I" if _SUPPORTED and _sre.CODESIZE == 4 else "H"  # array type of one program word
MAX_PATTERN = 20_000  # characters; longer patterns are compiled as usual, not kept

_state: dict = {}


def cache_file() -> str:
    base = os.environ.get("DRAFTER_CACHE_DIR")
    if not base:
        if sys.platform.startswith("linux"):  # platformdirs' answer on Linux, without its import
            base = os.path.join(os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache"), "drafter")
        else:
            from platformdirs import user_cache_dir

            base = user_cache_dir("drafter")
    tag = f"{sys.implementation.cache_tag}-{'.'.join(map(str, sys.version_info[:3]))}-{_sre.MAGIC}"
    return os.path.join(base, f"regex-programs-{tag}-v{SCHEMA}.marshal")


def _load(path: str) -> dict:
    try:
        with open(path, "rb") as f:
            data = marshal.load(f)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def _compile(p, flags=0):
    """``re._compiler.compile`` with the program taken from, or added to, the cache."""
    if not isinstance(p, str) or flags & re.DEBUG or len(p) > MAX_PATTERN:
        return _state["original"](p, flags)
    key = (p, flags)
    known = _state["programs"].get(key)
    if known is not None:
        try:
            flags_out, program, groups, groupindex, indexgroup = known
            code = array(_CODE_TYPE)
            code.frombytes(program)
            compiled = _sre.compile(p, flags_out, code.tolist(), groups, groupindex, indexgroup)
        except Exception:  # a damaged entry: compile it as re does and replace it
            _state["programs"].pop(key, None)
        else:
            _state["used"].add(key)
            return compiled
    # what re._compiler.compile does, keeping the arguments of its final _sre.compile call
    started = process_time()
    parsed = _parser.parse(p, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    args = (flags | parsed.state.flags, code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
    compiled = _sre.compile(p, *args)
    _state["programs"][key] = (args[0], array(_CODE_TYPE, code).tobytes(), *args[2:])  # the program as bytes: fast to load
    _state["used"].add(key)
    _state["new"] += process_time() - started
    return compiled


def _save() -> None:
    if _state.get("new", 0) < WORTH_SAVING:
        return  # nothing new, or only a few small patterns (built from the notes' names, or from a
        # set's iteration order that differs per process): not worth rewriting the file
    programs = _state["programs"]
    if len(programs) > MAX_ENTRIES:
        programs = {k: v for k, v in programs.items() if k in _state["used"]}
    path = _state["path"]
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as f:
            marshal.dump(programs, f)
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass


def install() -> bool:
    """Route this process's regex compiles through the cache; True when it is on."""
    if _state or not _SUPPORTED or os.environ.get("DRAFTER_NO_REGEX_CACHE", "") not in ("", "0"):
        return bool(_state)
    path = cache_file()
    _state.update(path=path, programs=_load(path), used=set(), new=0.0, original=_compiler.compile)
    _compiler.compile = _compile
    atexit.register(_save)
    return True
