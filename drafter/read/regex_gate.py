"""Regexes run per clause, behind the literal strings every match of theirs needs.

The readers try some 50 patterns on every clause; most are big alternations of cue words
(``\\b(?:risks?|concern(?:s|ed)?|worr(?:y|ied)|...)``, case-insensitive) that ``re`` tries at
every position of the clause, and most clauses hold none of those words. :func:`gated` returns
a pattern that first asks whether the text holds one of the pattern's *keys*: literal strings
such that every match of the pattern contains one of them (for the example: "risk", "concern",
"worr", ...). When none is in the text, the pattern cannot match, and the answer (``None``, no
matches, the text unchanged) is given without running it. So a gated pattern answers exactly
what the pattern answers, on every text.

The keys are found in the pattern's parse tree (:func:`keys_of`), not written by hand. They are
compared in lower case with the text lowered, after folding the four non-ASCII characters that
``re.IGNORECASE`` matches to an ASCII letter (U+0130, U+0131 -> i, U+017F -> s, U+212A -> k):
that is right for case-sensitive and case-insensitive patterns alike. A pattern with no keys
(one that can match without any literal: ``\\w+``, ``[A-Z]\\d``) is used as it is.

Parsing a pattern costs about what compiling it costs, and short notes call each pattern a few
times: the keys are found only after a pattern's first ``WARM`` calls; until then (and in a
short run, always) the pattern runs as before.
"""

from __future__ import annotations

import re

from .lazy_re import ALL, LazyPattern

try:
    from re import _parser as _sre_parse  # CPython 3.11+
except ImportError:  # pragma: no cover - older layout
    import sre_parse as _sre_parse  # type: ignore[no-redef]

WARM = 64  # calls of a pattern before its keys are found
MAX_KEYS = 64  # more keys than this: checking them costs about what the pattern costs
_FOLD = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}

_c = _sre_parse
_LITERAL, _SUBPATTERN, _BRANCH, _IN = _c.LITERAL, _c.SUBPATTERN, _c.BRANCH, _c.IN
_REPEATS = tuple(getattr(_c, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, n))
_GROUPS = tuple(getattr(_c, n) for n in ("ATOMIC_GROUP",) if hasattr(_c, n))
_ASSERT = _c.ASSERT


def keys_of(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Lower-case ASCII strings, one of which every match of ``pattern`` contains (lookarounds
    included: text a lookahead needs is in the text too), or None when no such set is found."""
    try:
        tree = _sre_parse.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - not a pattern this parser reads: no gate
        return None
    keys = _seq(list(tree))
    if keys is None or len(keys) > MAX_KEYS:
        return None
    return tuple(sorted(keys, key=lambda k: (-len(k), k)))


def _minimal(keys: set[str]) -> frozenset[str] | None:
    """Drop a key holding another (the shorter one is in every text the longer is in)."""
    if not keys or "" in keys:
        return None
    out = [k for k in keys if not any(o != k and o in k for o in keys)]
    return frozenset(out)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None:
        return b
    if b is None:
        return a
    # the longer shortest key first (rarer in text), then fewer keys
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _char(av: int) -> str | None:
    ch = chr(av)
    return ch.lower() if ch.isascii() else None


def _seq(items: list) -> frozenset[str] | None:
    """Keys of a sequence: the best of its items' keys, or of a run of literal characters."""
    best: frozenset[str] | None = None
    run = ""
    for op, av in items:
        if op is _LITERAL:
            ch = _char(av)
            if ch is not None:
                run += ch
                continue
        if run:
            best = _better(best, frozenset([run]))
            run = ""
        best = _better(best, _item(op, av))
    if run:
        best = _better(best, frozenset([run]))
    return best


def _item(op, av) -> frozenset[str] | None:
    if op is _LITERAL:
        ch = _char(av)
        return frozenset([ch]) if ch is not None else None
    if op is _SUBPATTERN:
        return _seq(list(av[-1]))
    if op in _GROUPS:
        return _seq(list(av))
    if op is _BRANCH:
        union: set[str] = set()
        for alt in av[1]:
            keys = _seq(list(alt))
            if keys is None:
                return None
            union |= keys
        return _minimal(union)
    if op in _REPEATS:
        lo, _hi, sub = av
        return _seq(list(sub)) if lo >= 1 else None
    if op is _ASSERT:
        direction, sub = av
        return _seq(list(sub))
    if op is _IN:  # a class of one character: '[.]'
        lits = [a for o, a in av if o is _LITERAL]
        if len(av) == 1 and len(lits) == 1:
            return _item(_LITERAL, lits[0])
    return None


_LOWERED: tuple = (None, "")  # the last text lowered: the patterns of a clause ask about the same text


def _lowered(text: str) -> str:
    global _LOWERED
    last = _LOWERED  # one tuple, replaced whole: safe when threads share it
    if last[0] is text:
        return last[1]
    low = text.lower() if text.isascii() else text.translate(_FOLD).lower()
    _LOWERED = (text, low)
    return low


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class GatedPattern(LazyPattern):
    """A lazily compiled pattern (:class:`drafter.read.lazy_re.LazyPattern`) whose methods, after
    ``WARM`` calls, skip the pattern when the text holds none of its keys (see the module doc)."""

    def __init__(self, pattern: str, flags: int = 0):
        super().__init__(pattern, flags)
        self._calls = 0
        self.keys: tuple[str, ...] | None = None
        for m in _METHODS:  # until WARM calls: the pattern's own methods, counted
            self.__dict__[m] = self._counting(m)

    def _compile(self) -> re.Pattern:
        compiled = re.compile(self.pattern, self.flags)
        attrs = self.__dict__
        attrs["_compiled"] = compiled
        attrs["groups"], attrs["groupindex"] = compiled.groups, compiled.groupindex
        return compiled

    @property
    def compiled(self) -> re.Pattern:
        """The compiled pattern; asking for it also finds the keys (what the methods use from then on)."""
        if not self.__dict__.get("_armed"):
            self._arm()
        return self.__dict__["_compiled"]

    def _counting(self, name: str):
        def call(*args, **kw):
            compiled = self.__dict__.get("_compiled") or self._compile()
            self._calls += 1
            if self._calls >= WARM:
                self._arm()
            return getattr(compiled, name)(*args, **kw)

        return call

    def _arm(self) -> None:
        r = self.__dict__.get("_compiled") or self._compile()
        self.__dict__["_armed"] = True
        keys = self.keys = keys_of(self.pattern, self.flags)
        attrs = self.__dict__
        if keys is None:
            for m in _METHODS:
                attrs[m] = getattr(r, m)
            return

        def has_key(text) -> bool:
            if not isinstance(text, str):
                return True  # not text: let the pattern answer (or raise) as it does
            low = _lowered(text)
            for k in keys:
                if k in low:
                    return True
            return False

        def search(string, *a, **kw):
            return r.search(string, *a, **kw) if has_key(string) else None

        def match(string, *a, **kw):
            return r.match(string, *a, **kw) if has_key(string) else None

        def fullmatch(string, *a, **kw):
            return r.fullmatch(string, *a, **kw) if has_key(string) else None

        def finditer(string, *a, **kw):
            return r.finditer(string, *a, **kw) if has_key(string) else iter(())

        def findall(string, *a, **kw):
            return r.findall(string, *a, **kw) if has_key(string) else []

        def sub(repl, string, *a, **kw):
            return r.sub(repl, string, *a, **kw) if has_key(string) else string

        def subn(repl, string, *a, **kw):
            return r.subn(repl, string, *a, **kw) if has_key(string) else (string, 0)

        def split(string, *a, **kw):
            return r.split(string, *a, **kw) if has_key(string) else [string]

        for f in (search, match, fullmatch, finditer, findall, sub, subn, split):
            attrs[f.__name__] = f
        attrs["scanner"] = r.scanner

    def __repr__(self) -> str:
        return f"gated({self.pattern!r}, {self.flags!r})"


def gated(pattern: str, flags: int = 0) -> GatedPattern:
    """``re.compile(pattern, flags)``, compiled on first use and gated by its keys (see the module doc)."""
    g = GatedPattern(pattern, flags)
    ALL.append(g)
    return g
