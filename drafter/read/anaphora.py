"""A line that points back at the task it is nested under: "Flesh out the V5 project plan ..." >
"Randall will do this." The task is Randall's; said in full, not as "do this"."""

from __future__ import annotations

import re

from .outline import Node, Outline

# the whole promise is a pro-verb and "this": "do this", "take care of it", "handle that"
DO_THIS = re.compile(r"^(?:do|handle|take care of|take|own|drive|pick up|take on)\s+(?:this|that|it)(?:\s+one)?\s*[.!]?$", re.I)


def task_above(outline: Outline, node: Node, what: str) -> tuple[str, list[int]] | None:
    """The task ``what`` ("do this") stands for, and its lines: the text of the list item ``node`` is
    nested under when that item is itself a task (it opens with a verb: "Flesh out ...",
    "Research Jekyll"); None when it is not ("Installation process" > "Kip will work on this" keeps
    its words, the topic's name gives them their object)."""
    if not DO_THIS.match(what.strip()):
        return None
    p = outline.parent(node)
    if p is None or not p.is_item or p.label or not p.text or p.text.rstrip().endswith(("?", ":")):
        return None
    text = p.text.strip().rstrip(".")
    if not _verb_led(text):
        return None
    return text[:1].lower() + text[1:] if text[1:2].islower() else text, sorted({*p.lines, *node.lines})


def _verb_led(text: str) -> bool:
    from ..playbook.text import VERBS
    from .wordlist import verb_forms_common

    first = text.split()[0].lower()
    return first in VERBS or verb_forms_common(first, lenient=True)
