"""One person, however the notes write them: a name and its handle ('Francesco Trotta (@fasttime)').

Minutes and team notes name people by full name on the attendee line and by handle everywhere
else ("@fasttime will do the release"). A hand-over that treats the two as different people
hands the delegate nothing of their own and lists one contact twice. The pairing is read from
the notes' own lines: ``Name (@handle)``, ``@handle (Name)`` and ``Name <handle@host>``.
"""

from __future__ import annotations

import re

from ..models import WorkLog
from .text import clean

_NAME = r"[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]*\.?|de|van|von|da|di|le|la))*"
_NAME_HANDLE = re.compile(rf"(?P<name>{_NAME})\s*\(\s*@(?P<handle>[\w.-]+)\s*\)")
_HANDLE_NAME = re.compile(rf"@(?P<handle>[\w.-]+)\s*\(\s*(?P<name>{_NAME})\s*\)")
_NAME_EMAIL = re.compile(rf"(?P<name>{_NAME})\s*<(?P<handle>[\w.+-]+)@[\w.-]+>")


def aliases(log: WorkLog) -> dict[str, str]:
    """handle (lower case) -> the full name it belongs to, as the notes pair them."""
    out: dict[str, str] = {}
    for line in log.lines:
        for rx in (_NAME_HANDLE, _HANDLE_NAME, _NAME_EMAIL):
            for m in rx.finditer(line.text):
                name = clean(m.group("name"))
                if len(name.split()) >= 1 and name.lower() != m.group("handle").lower():
                    out.setdefault(m.group("handle").lower(), name)
    return out


def canonical(name: str | None, log: WorkLog, table: dict[str, str] | None = None) -> str:
    """The full name for a handle ('@fasttime' -> 'Francesco Trotta'); the name itself otherwise."""
    t = clean((name or "").lstrip("@"))
    table = aliases(log) if table is None else table
    return table.get(t.lower(), t)


def same_person(a: str | None, b: str | None, log: WorkLog, table: dict[str, str] | None = None) -> bool:
    """True when ``a`` and ``b`` are one person: the same name, a handle and its name, or the same first name
    when one of them is a first name only ('Priya' and 'Priya Shah')."""
    if not a or not b:
        return False
    table = aliases(log) if table is None else table
    x, y = canonical(a, log, table).lower(), canonical(b, log, table).lower()
    if x == y:
        return True
    xs, ys = x.split(), y.split()
    return (len(xs) == 1 or len(ys) == 1) and xs[0] == ys[0]


def names_of(person: str, log: WorkLog, table: dict[str, str] | None = None) -> list[str]:
    """Every way the notes write ``person``: the full name and each handle that belongs to it."""
    table = aliases(log) if table is None else table
    full = canonical(person, log, table)
    out = [full] + [h for h, n in table.items() if n.lower() == full.lower()]
    if person.lstrip("@") not in out:
        out.append(person.lstrip("@"))
    return list(dict.fromkeys(x for x in out if x))


def contact_label(name: str, log: WorkLog, table: dict[str, str] | None = None) -> str:
    """'Nicholas C. Zakas (@nzakas)' for a handle or a name the notes pair with one; else the name."""
    table = aliases(log) if table is None else table
    full = canonical(name, log, table)
    handles = [h for h, n in table.items() if n.lower() == full.lower()]
    return f"{full} (@{handles[0]})" if handles else full
