"""Who decides and who initials stand for, as the notes say: "The TSC was asked whether ...", "needs
approval from the board", "Carol to decide"; "RV - Could be difficult" by Robert Vinluan."""

from __future__ import annotations

import re

from .people import People

_BODY = r"(?:the\s+)?(?:TSC|TAC|CPC|board|steering committee|committee|council|core team|maintainers|leadership|working group|WG)"
_BODIES = {"board", "steering committee", "committee", "council", "core team", "maintainers", "leadership", "working group"}
_BODIES_UPPER = {"TSC", "TAC", "CPC", "WG"}
_NAME = r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?"
_DECIDER = re.compile(
    rf"\b(?P<a>{_BODY})\s+(?:was|were|is|are|has been|have been)\s+asked\b|"
    rf"\b(?:decision|call|sign-?off|approval|vote)\s+(?:from|by|of)\s+(?:the\s+)?(?P<b>{_BODY}|{_NAME})|"
    rf"(?P<c>{_BODY}|{_NAME})\s+(?:to|will|should|must|needs? to|has to)\s+(?:decide|approve|sign off|vote)\b|"
    rf"\bup to (?:the\s+)?(?P<d>{_BODY}|{_NAME})\b"
)


def decider_in(text: str, people: People) -> str | None:
    """Who decides, when the clause says: "The TSC was asked whether ...", "needs approval from
    the board", "Carol to decide"; a person only when the notes know them."""
    m = _DECIDER.search(text)
    if not m:
        return None
    who = next(g for g in m.groups() if g)
    if who.lower() in _BODIES or who.upper() in _BODIES_UPPER:
        return re.sub(r"^the\s+", "", who, flags=re.I)
    p = people.get(who)
    return p.name if p else None


def initials(people: People) -> dict[str, str]:
    """'RV' -> 'Robert Vinluan', 'JCM' -> 'Jean-Christophe Morin' for attendees named in full (unique only)."""
    out: dict[str, str] = {}
    seen: dict[str, int] = {}
    for p in people.persons():
        parts = re.split(r"[\s-]+", p.name)
        if len(parts) < 2 or not all(x[:1].isupper() for x in parts):
            continue
        ini = "".join(x[0] for x in parts)
        seen[ini] = seen.get(ini, 0) + 1
        out[ini] = p.name
    return {k: v for k, v in out.items() if seen[k] == 1}
