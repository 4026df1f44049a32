"""What the playbook derives from a whole work log once, not once per item or question.

The playbook asks about each item or decision in turn, and some answers need the whole notes (every
line's text; the sections and their answers). ``per_log`` builds such a value once per log object and
hands it back while that log is unchanged in size, so a pass over N items stays linear in the notes.
"""

from __future__ import annotations

from typing import Callable, TypeVar

T = TypeVar("T")

_HELD: dict[tuple[str, int], tuple[object, tuple[int, int], object]] = {}
_MAX_HELD = 8  # a few logs at a time: one draft's log, and the next one's


def per_log(log, kind: str, build: Callable[[object], T]) -> T:
    """``build(log)``, computed once for this log object (held, so its id is not reused while cached)."""
    key, sizes = (kind, id(log)), (len(log.lines), len(log.items))
    held = _HELD.get(key)
    if held is None or held[0] is not log or held[1] != sizes:
        if len(_HELD) >= _MAX_HELD:
            _HELD.clear()
        held = _HELD[key] = (log, sizes, build(log))
    return held[2]  # type: ignore[return-value]
