"""Minutes: what is context, never an item: who attended and ran the meeting (rosters under any
heading, "X moderated, Y took notes", "X can't make it today"), navigation links, an agenda whose
topics later sections discuss, and the standing prompts of a process agenda item."""

from __future__ import annotations

import re

from .outline import Node
from .signals import is_question, mode_of
from .topics import LogBuilder

# "@nzakas moderated, and @sam3k took notes", "Secretary is Jeff Lait": who ran the meeting
_ROLE = re.compile(
    r"\b(?:moderated|chaired|facilitated|hosted|took (?:the )?(?:notes|minutes)|(?:is|was|will be) (?:the )?"
    r"(?:note[- ]?taker|scribe|secretary|moderator|chair(?:person)?|host|facilitator))\b|"
    r"^(?:note[- ]?taker|scribe|secretary|moderator|chair(?:person)?|host|facilitator|mc)\s+(?:is|was)\b|"
    r"\b(?:can'?t|cannot|couldn'?t|could not) make it(?: today| this week| to (?:the|this|today'?s) (?:meeting|call))?\)?\.?$|"
    r"\bsends? (?:her|his|their) (?:regrets|apologies)\b",  # who is absent: attendance
    re.I,
)

def _person_entry(b: LogBuilder, node: Node) -> bool:
    """"Melissa Kilby (@incertum)", "Martin Renou / `@martinRenou` / QuantStack", "Ryan, Imageworks":
    a person named, with a handle, an affiliation or a role and nothing said."""
    text = re.sub(r"\([^)]*\)|`", " ", node.text)
    first = re.split(r"\s+[/|–—-]\s+|,\s*|\s{2,}", text.strip(), maxsplit=1)[0].strip(" :*_")
    if not first or len(text.split()) > 12 or len(first.split()) > 4 or re.search(r"[.!?]\s*$", node.text.strip()):
        return False
    if not all(w[:1].isupper() or w.startswith("@") or len(first.split()) == 1 or w.lower() in ("de", "da", "di", "van", "von", "der", "le", "la")
               for w in first.split()):
        return False  # "@mdjermanovic will update the policy" says something
    return b.people.known(first.lstrip("@"))


def _name_like(node: Node) -> bool:
    words = re.sub(r"\([^)]*\)|`", " ", node.text).split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() or w.startswith("@") for w in words)


def _roster(b: LogBuilder, h: Node | None) -> bool:
    """A section that only lists people (attendees under any heading: "Who Joined", "MC")."""
    if h is None:
        return False
    key = ("roster", h.index)
    cache = b.__dict__.setdefault("_minutes_cache", {})
    if key not in cache:
        kids = [n for n in b.outline.descendants(h) if n.text and n.kind not in ("code", "comment", "directive", "rule")]
        entries = [n for n in kids if not _ROLE.search(n.text)]
        known = [n for n in entries if _person_entry(b, n)]
        # every line names someone (a misspelt name among known ones: "Samual Leathers"), nothing said
        cache[key] = bool(kids) and not any(n.kind == "heading" for n in kids) and bool(known) and 2 * len(known) >= len(entries) and all(
            n in known or _name_like(n) for n in entries)
    return cache[key]


def _link_only(node: Node) -> bool:
    """A line that is nothing but a link ("[What time is the meeting in my time zone?](https://...)")."""
    body = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", node.raw.strip())
    return bool(re.fullmatch(r"\[[^\]]+\]\([^)]+\)[.:]?", body))


def _agenda_elsewhere(b: LogBuilder, h: Node) -> bool:
    """Is the agenda under heading ``h`` only the list of topics, discussed in later sections that
    hold more than it does ("## Agenda" with "[x] TSC Items", then "## Details")?"""
    key = ("agenda", h.index)
    cache = b.__dict__.setdefault("_minutes_cache", {})
    if key not in cache:
        def content(nodes):
            return sum(1 for n in nodes if n.text and n.kind not in ("heading", "code", "comment", "directive", "rule"))
        own = content(b.outline.descendants(h))
        later = 0
        for n in b.outline.nodes[h.index + 1:]:
            if n.kind != "heading" or n.level > h.level or n in b.outline.descendants(h):
                continue
            if mode_of(n.text) != "context":
                later += content(b.outline.descendants(n))
        cache[key] = later > own
    return cache[key]


_PROMPT_TOPIC = re.compile(r"^(?:review|discuss|check|look at|go over|go through|triage|revisit)\b", re.I)


def _prompt(b: LogBuilder, node: Node) -> bool:
    """"Review our project board" > "What items should be added?", "Are there stale items?": the
    standing questions an agenda item is discussed by, none of them answered: its prompts, context."""
    p = b.outline.parent(node)
    if p is None or not p.is_item or not _PROMPT_TOPIC.match(p.text) or not is_question(node.text):
        return False
    kids = b.outline.descendants(p)
    return all(k.is_item and not k.children and is_question(k.text) for k in kids)


def context(b: LogBuilder, node: Node) -> bool:
    if _prompt(b, node):
        return True
    path = b.outline.heading_path(node)
    if path and re.match(r"agenda\b", path[-1].text.strip(), re.I) and _agenda_elsewhere(b, path[-1]):
        return True  # the agenda lists the topics the sections below discuss: context
    if _ROLE.search(node.text) and len(node.text.split()) <= 16:
        return True  # "@nzakas moderated, and @sam3k took notes."
    if _link_only(node) and is_question(node.text):
        return True  # a link to a page that answers a question: navigation, not a question of the meeting
    return _roster(b, b.outline.parent(node) if b.outline.parent(node) is not None and b.outline.parent(node).kind == "heading" else None)
