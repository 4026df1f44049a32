"""The ways notes write a person other than by their name: initials the notes define ("Chris
Manson (CM)", then "CM, AL: Work on ...") and the author of a quoted update ("**X** writes of the
Y project:" over a quote of what X wrote); and the owner form that names nobody ("Rename to
Semagrams": the entry's verb in the place of "Karsten to take a pass"). Used by :func:`drafter.read.people.find_people` and the
readers."""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _intro() -> re.Pattern:
    """'**Lalith Rallabhandi** writes of the Rich Profiles project:' over a quote of what they wrote."""
    from .people import FULL_NAME  # people imports this module: its name pattern is read on first use

    return re.compile(
        rf"^(?P<who>{FULL_NAME})\s+(?:writes|wrote|says|said|reports|reported|adds|added|shares|shared|updates|explains|explained)\b"
        r"[^.!?:]{0,100}:\s*$"
    )


def quote_intro(node) -> str | None:
    """The name of the person a paragraph introduces a quote of ("X writes of the Y project:")."""
    if node is None or node.kind != "para" or not node.text or not node.text.rstrip().endswith(":"):
        return None
    m = _intro().match(node.text.strip())
    return m.group("who") if m else None


_INITIALS = re.compile(r"\(\s*([A-Z]{2,4})\s*\)")


def fold_initials(people) -> None:
    """Initials the notes define for a person ("- [x] Chris Manson (CM)") stand for that person:
    "CM, AL: Work on ..." is owned by Chris Manson and Amy Lam, and "CM" is no person of its own.
    Only initials written in parentheses right after a full name, and used for nobody else."""
    if "(" not in people.text:
        return
    full = [(key, p.name) for key, p in people.by_name.items() if len(p.name.split()) >= 2]
    found: dict[str, set[str]] = {}
    # each "(CM)" of the notes, then the full name written right before it: one pass over the
    # notes, not one per person (a scan per person was quadratic in notes with many people)
    text = people.text
    for m in _INITIALS.finditer(text):
        end = m.start()
        while end and text[end - 1].isspace():
            end -= 1
        for key, name in full:
            if text.endswith(name, 0, end):
                found.setdefault(m.group(1).lower(), set()).add(key)
    for ini, keys in found.items():
        if len(keys) != 1:
            continue  # two people share the initials: neither is meant
        target = next(iter(keys))
        alone = people.by_name.pop(ini, None)
        if alone is not None and alone is not people.by_name[target]:
            merged = people.by_name[target]
            merged.lines = sorted(set(merged.lines) | set(alone.lines))
        people.aliases[ini] = target
        person = people.by_name[target]
        if person.org and person.org.lower() == ini:
            person.org = None  # "Jen Weber (JW)": her initials, not an organisation


# "[Han Jiang](https://github.com/CormickKneey)": a person's name linked to their profile
_PROFILE = re.compile(r"\[(?P<name>[^\]\[]{2,40})\]\(\s*https?://(?:www\.)?(?:github|gitlab)\.com/(?P<handle>[A-Za-z0-9][\w.-]{0,38})/?\s*\)")


def fold_profiles(people) -> None:
    """A name the notes link to a code-host profile ("- [Han Jiang](https://github.com/CormickKneey)"
    in an attendee list) is that person's handle: "@CormickKneey" later in the notes is Han Jiang,
    and the handle is no person of its own. Only names the notes know, each profile one name."""
    if "](" not in people.text:
        return
    found: dict[str, set[str]] = {}
    for m in _PROFILE.finditer(people.text):
        p = people.get(m.group("name").strip())
        key = next((k for k, v in people.by_name.items() if v is p), None) if p is not None else None
        if key is not None:
            found.setdefault(m.group("handle").lower(), set()).add(key)
    for handle, keys in found.items():
        target = next(iter(keys))
        if len(keys) != 1 or handle == target or target not in people.by_name:
            continue  # two names for one profile, or the handle is the name ("[mingcheng](.../mingcheng)")
        alone = people.by_name.pop(people.key(handle), None) if people.key(handle) != target else None
        person = people.by_name[target]
        if alone is not None and alone is not person:
            person.lines = sorted(set(person.lines) | set(alone.lines))
        people.aliases[handle] = target


def verb_not_owner(text: str, names: list[str], what: str) -> bool:
    """Does the owner form hold a verb where a name should be: the verb opening the entry with no
    verb after 'to' ("Rename to Semagrams"; "Mark to review the PR" is Mark's), or an ordinary word
    in the list of names ("James, talked to Yagiz a bit": James said it; nobody promised anything)?"""
    from ..playbook.actions import is_verb  # the playbook reads notes through this package: its words on first use
    from .people import is_common_word

    first = text.split()[0] if text.split() else ""
    nxt = what.split()[0] if what.split() else ""
    if len(names) > 1 and any(n[:1].islower() and is_common_word(n) for n in names):
        return True
    return len(names) == 1 and names[0] == first and not first.startswith("@") and is_verb(first) and not is_verb(nxt)


def fold_short_forms(people) -> None:
    """A speaker written short ("[tom]") beside one whose name starts with it ("[tomislav]", listed as
    "Tomislav Jovanovic") is that person, not a second one (and not the word "tom")."""
    singles = [(key, p) for key, p in people.by_name.items() if len(p.name.split()) == 1 and p.evidence == "speaker" and len(key) >= 3]
    for key, p in singles:
        longer = {k for k, q in people.by_name.items()
                  if q is not p and q.name.split()[0].lower().startswith(key) and len(q.name.split()[0]) > len(key)}
        targets = {people.aliases.get(k, k) for k in longer}
        targets = {t for t in targets if t in people.by_name}
        if len({id(people.by_name[t]) for t in targets}) != 1:
            continue  # nobody, or two people whose names start so: neither is meant
        target = max(targets, key=lambda t: len(people.by_name[t].name))
        merged = people.by_name[target]
        people.by_name.pop(key, None)
        merged.lines = sorted(set(merged.lines) | set(p.lines))
        people.aliases[key] = target
