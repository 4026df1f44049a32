"""Regexes of the readers compiled on first use, not at import.

The personal-notes reader has some 150 patterns; compiling them all at import cost most of a
short run's start-up, while one set of notes uses only some. :func:`lazy_re` returns a
:class:`LazyPattern`: it compiles on the first call of any method, then puts the compiled
pattern's own methods on itself, so later calls cost what a plain compiled pattern costs.
:class:`Gated` puts a cheap substring check before a pattern that can only match text holding
one of its key words (a gate that stays shut never compiles its pattern). :class:`AnyOf` is a
yes/no over several gated parts of one big alternation.
"""

from __future__ import annotations

import re

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")

#: Every lazy pattern made so far (for tests that count the work a parse does, and for warm-up).
ALL: list[LazyPattern] = []


class LazyPattern:
    """A ``re.Pattern`` stand-in that compiles on first use; ``pattern`` and ``flags`` need no compile."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags

    @property
    def compiled(self) -> re.Pattern:
        got = self.__dict__.get("_compiled")
        return got if got is not None else self._compile()

    def _compile(self) -> re.Pattern:
        compiled = re.compile(self.pattern, self.flags)
        attrs = self.__dict__
        attrs["_compiled"] = compiled
        for m in _METHODS:
            attrs[m] = getattr(compiled, m)  # from now on a plain attribute: no wrapper per call
        attrs["groups"], attrs["groupindex"] = compiled.groups, compiled.groupindex
        return compiled

    def __getattr__(self, name: str):  # reached only before the first compile
        if name in _METHODS or name in ("groups", "groupindex"):
            self._compile()
            return self.__dict__[name]
        raise AttributeError(name)

    def __repr__(self) -> str:
        return f"lazy_re({self.pattern!r}, {self.flags!r})"


def lazy_re(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, done on first use."""
    lazy = LazyPattern(pattern, flags)
    ALL.append(lazy)
    return lazy


_LOWERED: tuple[str | None, str] = (None, "")


class Gated:
    """A pattern behind a cheap substring check: it can only match text containing a key."""

    __slots__ = ("pattern", "keys")

    def __init__(self, pattern: LazyPattern | re.Pattern, keys: tuple[str, ...]):
        self.pattern, self.keys = pattern, keys

    def _open(self, text: str) -> bool:
        global _LOWERED
        last = _LOWERED  # the clause just lowered for another gate: most gates ask about the same text
        if last[0] is text:
            low = last[1]
        else:
            low = text.lower()
            _LOWERED = (text, low)
        for k in self.keys:
            if k in low:
                return True
        return False

    def search(self, text: str):
        return self.pattern.search(text) if self._open(text) else None

    def match(self, text: str):
        return self.pattern.match(text) if self._open(text) else None

    def finditer(self, text: str):
        return self.pattern.finditer(text) if self._open(text) else iter(())

    def sub(self, repl, text: str) -> str:
        return self.pattern.sub(repl, text) if self._open(text) else text


class AnyOf:
    """Yes or no: does any of several gated patterns match? For a big alternation that callers only
    test for truth: each part compiles only when its own gate opens, and a part is small.

    ``search`` returns the match of the first part that matches (not the leftmost match of the
    whole alternation), so use it as a yes/no.
    """

    __slots__ = ("parts",)

    def __init__(self, *parts: Gated):
        self.parts = parts

    def search(self, text: str):
        for part in self.parts:
            m = part.search(text)
            if m:
                return m
        return None
