"""Passes over a parsed outline that settle what a line is once its neighbours are known: name lines
and bold person entries over their lists head them (a standup's rounds), a short line standing alone
over its points titles them, a numbered agenda item over paragraphs is a heading, a header written
with dashes ("Task - Assigned to - Completed?") makes its entries a table, and a heading whose section
opens with the definition of the entries' marks is the list's legend."""

from __future__ import annotations

import re

from .outline_tree import Node

# the definition of a note the entries point to: "A.  Involves Perl 6 spec updates", "(Z1) Explicitly postponed"
NOTE_DEF = re.compile(r"^\s*(?:(?P<a>[A-Z])\.\s+\S|\((?P<b>[A-Z]\d{1,2})\)\s+\S)")

_PERSON_ENTRY = re.compile(r"^@[\w.-]+(?:\s+[\w'’.-]+){0,2}$|^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}$")


def _person_bullets_as_heads(nodes: list[Node]) -> None:
    """'- **@gabalafou**' over bold part lines ('**Updates from last week**', '**My availability**') that are
    not indented under it: the person heads those parts, up to the next such entry, as a heading would."""
    for n, nxt in zip(nodes, nodes[1:]):
        who = n.text.strip()
        # a bold name (not a checkbox), or any entry that is a handle
        entry = n.is_item and _PERSON_ENTRY.match(who) and (who.startswith("@") or n.kind != "checkbox" and "**" in n.raw)
        if entry and nxt.kind == "heading" and nxt.level >= 7 and nxt.indent <= n.indent:
            n.kind, n.level = "heading", 6


def _name_lines_over_lists(nodes: list[Node], lines: list[str]) -> None:
    """'Kirill' on a line of its own, then his list ('- Implemented CI.'), the same for 'Eddie' and
    'Roger': two or more such name lines (no word of them an everyday word) head their lists, one level below the heading
    above them, as a person's heading would."""
    from .people import is_common_word  # names, not words: 'Invitations', 'Ask Priyanka Arts' are a list's labels

    found = []
    for i, node in enumerate(nodes[:-1]):
        nxt = nodes[i + 1]
        who = (node.text or "").strip()
        blank_before = node.lines[0] == 1 or not lines[node.lines[0] - 2].strip()
        if (node.kind == "para" and len(node.lines) == 1 and node.indent <= 1 and blank_before and _PERSON_ENTRY.match(who)
                and len(who.split()) <= 3 and nxt.is_item and nxt.lines[0] == node.lines[0] + 1 and nxt.indent <= 4
                and not any(is_common_word(w) for w in who.split()[1 if who.startswith("@") else 0:])):  # "@richard schneider" too
            found.append(node)
    if len(found) < 2:
        return
    level = 1
    for node in nodes:
        if node in found:
            node.kind, node.level, node.label, node.rest = "heading", min(level + 1, 9), None, None
        elif node.kind == "heading":
            level = node.level


_META_LABEL = re.compile(r"^(?:attendees?|attendance|present|participants|regrets|absent|apologies|chairs?|scribes?|note[- ]?takers?|"
                         r"date|time|when|where|location|agenda|minutes|facilitators?|hosts?|guests?|links?|recording|zoom|call)\b", re.I)


def _topic_lines(nodes: list[Node], lines: list[str]) -> None:
    """"[Issue 847](url): Proposal: Add Root BookmarkTreeNode ID", a blank line, then "* [kiara] ..."
    points: a line standing alone over a list, short and ending on no sentence mark, titles the list
    (one level below the heading above it)."""
    level = 1
    for i, node in enumerate(nodes):
        if node.kind == "heading":
            level = node.level
            continue
        if node.kind != "para" or node.indent or len(node.lines) != 1 or not node.text or len(node.text.split()) > 16:
            continue
        if node.text.rstrip()[-1:] in ".!?,;:" or (node.raw or "").rstrip()[-1:] in "-–—:" or (node.label and (not node.rest or _META_LABEL.match(node.label))):
            # ("..., I have the following tasks on my roadmap -": a lead into the list, as a colon is)
            continue  # "Attendees: Cary Phillips, Larry Gritz" over the points: the meeting's record, no topic
        num = node.lines[0]
        if num >= 2 and lines[num - 2].strip():
            continue  # a line of a paragraph, not one standing alone
        nxt = nodes[i + 1] if i + 1 < len(nodes) else None
        if nxt is None or nxt.kind not in ("bullet", "numbered") or nxt.indent > 4 or nxt.lines[0] - num > 2:
            continue
        run = 0
        for n in nodes[i + 1 :]:
            if n.kind not in ("bullet", "numbered", "checkbox"):
                break
            run += 1
        if run < 2:
            continue  # a line over one point: a sentence with its example, no topic
        node.kind, node.level, node.label, node.rest = "heading", min(level + 1, 9), None, None


_DASH_CELLS = re.compile(r"\s+-\s+")
_DASH_OWNER_HEAD = re.compile(r"\b(?:assigned to|owners?|assignees?|who|responsible)\b", re.I)


def _dash_tables(nodes: list[Node]) -> None:
    """"Task Description - Assigned to - Completed? (yes/no)" over entries "Finish front end Kiosk -
    Conner/Anson/Alonso - yes": a table written with dashes; its line is the header, each entry a row."""
    for k, head in enumerate(nodes):
        if head.kind not in ("para", "heading") or head.is_item or not head.text:
            continue
        cols = _DASH_CELLS.split(head.text.strip())
        if len(cols) < 2 or not _DASH_OWNER_HEAD.search(head.text) or any(len(c.split()) > 4 for c in cols):
            continue
        rows = []
        for n in nodes[k + 1 :]:
            if not n.is_item or len(_DASH_CELLS.split(n.text.strip())) != len(cols):
                break
            rows.append(n)
        if not rows:
            continue
        head.kind, head.header, head.cells, head.label, head.rest = "table_row", True, cols, None, None
        for n in rows:
            n.kind, n.cells, n.label, n.rest = "table_row", _DASH_CELLS.split(n.text.strip()), None, None


def _mark_legends(nodes: list[Node]) -> None:
    """A heading whose section opens with the definition of a note the entries point to ("Notes:" >
    "A.  Involves Perl 6 spec updates/revisions", "Z.  Explicitly postponed items: ...") is the
    list's legend: it explains the entries' marks, it is no work and no risk of its own."""
    for h in nodes:
        if h.kind != "heading":
            continue
        first = next((n for n in nodes if n.parent == h.index), None)
        if first is not None and NOTE_DEF.match(first.raw or ""):
            h.legend = True


def _numbered_topics(nodes: list[Node], lines: list[str]) -> None:
    """"4) Git Hub Tagging of Issues", a blank line, then paragraphs: a numbered agenda item that
    titles the paragraphs below it is a heading (one level below the heading above it)."""
    level = 1
    for i, node in enumerate(nodes):
        if node.kind == "heading":
            level = node.level
            continue
        if node.kind != "numbered" or node.indent or not node.text or len(node.text.split()) > 8 or node.text.rstrip()[-1:] in ".!?;,":
            continue
        nxt = nodes[i + 1] if i + 1 < len(nodes) else None
        blank_after = node.lines[-1] < len(lines) and not lines[node.lines[-1]].strip()
        if nxt is None or nxt.kind != "para" or nxt.indent or not blank_after or nxt.label and not nxt.rest:
            continue
        node.kind, node.level, node.label, node.rest = "heading", min(level + 1, 9), None, None
