"""Markdown reference links written as a bare bracket ("[QuietMisdreavus] joins into the operations
channel", with "[QuietMisdreavus]: https://github.com/QuietMisdreavus" below): the bracket is a link
whose text is its words, not an owner tag to lift out of the sentence ("01:39: joins into ...").
Rewritten line for line before the outline is built; the definitions stay as they are."""

from __future__ import annotations

import re

_DEFINITION = re.compile(r"^\s{0,3}\[(?P<id>[^\]\[^][^\]\[]{0,79})\]:\s*\S+")  # not a footnote ("[^1]: ...")


def unbracket_references(lines: list[str]) -> list[str]:
    """``lines`` with each bare ``[id]`` that a ``[id]: url`` line defines written as ``id``."""
    ids = {m.group("id") for m in map(_DEFINITION.match, lines) if m}
    if not ids:
        return lines
    bare = re.compile(r"(?<!\])\[(" + "|".join(sorted(map(re.escape, ids), key=len, reverse=True)) + r")\](?![(\[:])")
    return [x if _DEFINITION.match(x) else bare.sub(r"\1", x) for x in lines]
