"""A list entry that leads the entries nested under it, in a section that says what they are ("## What's
Done" > "- Reviewed Pull Requests:" > "- Alison's PR ...", "- Kishan's Week 3 Work Log"; "## What's Next" >
"- Begin and complete:" > "- Unit 5: ...", "- Unit 6: ...").

A lead that opens with a verb ("Reviewed Pull Requests:", "Begin and complete:", "Participated in the
team meeting to:") is completed by its entries: one element, the lead and its entries in the notes'
words ("Reviewed Pull Requests: Alison's PR ...; Kishan's Week 3 Work Log"), citing every line. A lead
that names a part of the work ("Team Collaboration (1.5 hours):", "UI Development (4.5 hours):")
groups its entries: the lead is context, each entry is read as its own. Used by
:func:`drafter.read.sections.walk`; a topic bullet, a person's label, a section label and an
option keep their own readings.
"""

from __future__ import annotations

import re

from .outline import Node

_COORDINATED = re.compile(r"^[A-Za-z]+\s+(?:and|&)\s+[A-Za-z]+$")  # "Begin and complete"


def lead_text(node: Node) -> str | None:
    """The lead's words without its colon, when ``node`` leads the entries nested under it."""
    if not (node.is_item and node.children) or node.checked is not None:
        return None
    text = (node.label if node.label and not node.rest else node.text if (node.text or "").rstrip().endswith(":") else "") or ""
    text = text.strip().rstrip(":").strip()
    if not text or len(text.split()) > 9:
        return None
    return text


def verb_led(text: str) -> bool:
    """Does the lead open with a verb ('Reviewed Pull Requests', 'Begin and complete'), not name a part?"""
    from ..playbook.text import VERBS
    from .standup import past_tense

    first = text.split()[0].lower()
    return past_tense(text) or first in VERBS or bool(_COORDINATED.match(text))


def joined(b, node: Node, lead: str) -> str | None:
    """'Reviewed Pull Requests: Alison's PR ...; Kishan's Week 3 Work Log' when every entry under the
    lead is a short line with nothing under it; else None (the entries are read one by one)."""
    from ..playbook.text import VERBS

    kids = [b.outline.nodes[c] for c in node.children]
    if not kids or any(k.children or not k.is_item or not k.text or len(k.text.split()) > 14 for k in kids):
        return None
    parts = [k.text.strip().rstrip(".;,") for k in kids]
    if lead.split()[-1].lower() == "to":  # "Participated in the team meeting to:" > "Sketch the UI": "... to sketch the UI and ..."
        parts = [p[:1].lower() + p[1:] if p[1:2].islower() else p for p in parts]
        return f"{lead} {_listed(parts)}"
    if lead.split()[-1].lower() in VERBS:  # "Begin and complete:" > "Unit 5: ...": "Begin and complete Unit 5: ... and Unit 6: ..."
        return f"{lead} {_listed(parts)}"
    return f"{lead}: {_listed(parts)}"


def _listed(parts: list[str]) -> str:
    """'a', 'a and b', 'a, b and c' (a ';' would end the sentence for the clause reader)."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" and {parts[-1]}"
