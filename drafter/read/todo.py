"""Todo lists: open boxes are commitments, ticked boxes are actions, an undecided box ("[?]") is an
open question, an entry struck through ("~~x~~ why") was dropped; "waiting on X" is a wait; due
dates only where written. A heading (or a parent entry with entries under it) groups its boxes
into one item. The box may follow the entry ("- Register the API key [x]").

A task table is read by its columns: the task (or sub-task) cell is the entry, the owner column
("Who?", "Owner") its owner, the status column its state (a word as written: "Paid", "Waiting to be
refunded", "Active"; or a code a status key explains: "P" with "(P)ending" listed), a deadline
column its due date. A table with a status column but no task column ("| Sponsor | Amount | Status |")
is read by its first cell. A status key or legend is context for the table, never a task.
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import Action, Commitment, Outcome, Question, Wait
from .genre import GenreGuess
from .outline import Node, Outline
from .people import People
from .sections import topic_bullet, topic_heading, walk
from .status_words import awaited_party, cell_state
from .outline import table_header
from .topics import LogBuilder

_KEY_HEAD = re.compile(r"\b(?:key|legend|codes?|abbreviations?)\b", re.I)
# "(P)ending", "Ca(N)celled", "P = Pending", "P: pending", "P - Pending"
_KEY_PAREN = re.compile(r"^(?P<a>[A-Za-z]*)\((?P<code>[A-Za-z?!✓x]{1,2})\)(?P<b>[A-Za-z]*)$")
_KEY_EQ = re.compile(r"^\(?(?P<code>[A-Za-z?!✓]{1,2})\)?\s*(?:=|:|[-–—])\s*(?P<word>[A-Za-z][\w -]{1,30})$")

_COL_TASK = re.compile(r"\b(?:task|action|item|what|description|todo|to-do|work)", re.I)
_COL_SUB = re.compile(r"\bsub[- ]?(?:task|item)", re.I)
_COL_OWNER = re.compile(r"\b(?:who|owner|assignee|assigned|responsible|lead|person)", re.I)
_COL_STATUS = re.compile(r"\b(?:status|state|progress|done)\b", re.I)
_COL_DUE = re.compile(r"\b(?:deadline|due|eta|by when|target date)\b", re.I)
_COL_NOTE = re.compile(r"\b(?:comments?|notes?|remarks?)\b", re.I)
_COL_GROUP = re.compile(r"\b(?:area|category|section|group|component|epic|project|type|phase|milestone)\b", re.I)
_COL_DEP = re.compile(r"\b(?:dependenc(?:y|ies)|depends on|blocked by)\b", re.I)

_DONE = re.compile(r"(?<!to be )(?<!not )\b(?:done|closed|complete|completed|finished|resolved|paid|paid back|received|refunded|merged|"
                   r"shipped|delivered|fixed|released|sent|booked|confirmed|yes)\b|[✓✔✅]", re.I)
_WAITING = re.compile(r"\b(?:waiting|awaiting|to be (?:refunded|paid|received|sent|confirmed)|blocked|on hold)\b", re.I)
_DROPPED = re.compile(r"\b(?:cancel+ed|dropped|rejected|abandoned|won'?t do|wontfix|not needed|deferred|postponed)\b", re.I)
_ACTIVE = re.compile(r"\b(?:active|in progress|doing|wip|started|ongoing|under way|underway)\b", re.I)


def _key_of(text: str) -> tuple[str, str] | None:
    """('P', 'Pending') from a status key's line, else None."""
    t = text.strip(" *_.;,")
    m = _KEY_PAREN.match(t)
    if m and (m.group("a") or m.group("b")):
        return m.group("code").upper(), m.group("a") + m.group("code") + m.group("b")
    m = _KEY_EQ.match(t)
    if m:
        return m.group("code").upper(), m.group("word").strip()
    return None


def status_keys(outline: Outline) -> tuple[dict[str, str], set[int]]:
    """The status codes a key or legend explains (code -> word) and the key's node indexes: a
    heading named "...key" / "Legend" whose entries define codes, or a list all of whose entries do."""
    codes: dict[str, str] = {}
    nodes: set[int] = set()
    groups: dict[object, list[Node]] = {}
    for n in outline.nodes:
        if n.is_item and n.text:
            groups.setdefault(("p", n.parent), []).append(n)
    for (_, parent), items in groups.items():
        found = [_key_of(re.sub(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+", "", n.raw)) for n in items]
        head = outline.nodes[parent] if parent is not None else outline.heading_of(items[0])
        keyed = head is not None and _KEY_HEAD.search(head.text or "") is not None
        if (keyed and sum(1 for f in found if f) * 2 >= len(found)) or (len(found) >= 2 and all(found)):
            for n, f in zip(items, found):
                if f:
                    codes.setdefault(f[0], f[1])
                nodes.add(n.index)
            if head is not None and head.kind == "heading" and keyed:
                nodes.add(head.index)
    return codes, nodes


def _topic(b: LogBuilder, node):
    if node.index in b.__dict__.get("key_nodes", ()):
        return None  # a status key: context for the table it explains
    tb = topic_bullet(b, node)
    if tb is not None and _groups(b, tb):
        return ("b", tb.index), _entry(tb), tb, None
    h = topic_heading(b, node, skip_title=False)
    if h is not None:
        return ("h", h.index), h.text, h, None
    return ("doc",), "To do", None, None


def _groups(b: LogBuilder, tb: Node) -> bool:
    """Does the entry ``tb`` group entries under it ("2.0.0" > "[ ] Rebase onto master"), rather than
    being an entry explained by its sub-points ("Create home page. ..." > "Currently named ...",
    "Remove tasks (Doing)" > "Remove task (Done)")?"""
    kids = [b.outline.nodes[c] for c in tb.children if b.outline.nodes[c].is_item]
    if not kids:
        return False
    if tb.kind == "checkbox":  # a box over boxes: a group only when they are its leaves ("Integrate each API []")
        return not any(k.children for k in kids)
    if any(k.kind == "checkbox" for k in kids):
        return True
    if _STATUS_MARK.search(tb.text) or any(t.lower() == "done" for t in getattr(tb.clean, "tags", []) or []):
        return False
    return not all(re.search(r"[.!]$", k.text.strip()) for k in kids) and not re.search(r"[.!]$", tb.text.strip())


def _entry(node: Node) -> str:
    """An entry's words: '[thecatapi]' -> 'thecatapi' (a bracket around the whole entry is no tag)."""
    t = node.text.strip()
    m = re.fullmatch(r"\[([^\[\]]+)\]", t)
    return m.group(1).strip() if m else t


_STRUCK = re.compile(r"^\s*(?:[-*+•]\s+)?~~(?P<what>.+?)~~\s*[-–—:,]?\s*(?P<why>.*)$")


def _struck(node: Node) -> tuple[str, str] | None:
    """'~~[stockapi] []~~ There is a 14 days trial': (entry, why) of an entry struck through."""
    m = _STRUCK.match(node.raw)
    if not m:
        return None
    from .markup import clean

    what = clean(re.sub(r"\[[ xX✓✔]?\]", " ", m.group("what"))).text.strip()
    what = re.sub(r"^\[([^\[\]]+)\]$", r"\1", what).strip()
    what = re.sub(r"\s+", " ", what.replace("[", "").replace("]", "")).strip()
    why = clean(m.group("why")).text.strip() if m.group("why") else ""
    return (what, why) if what else None


_PARTIAL_BOX = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+\[-\]\s")
_DONE_NOTE = re.compile(r"^\W*(?:done|completed?|finished|fixed|implemented|merged)\b\W*", re.I)


def _struck_means_done(b: LogBuilder) -> bool:
    """Does this list strike entries through when they are done? Most of its struck entries say
    "Done." after the strike; then one struck with no word after it is done too."""
    if "_struck_done" not in b.__dict__:
        notes = [s[1] for n in b.outline.nodes if n.is_item and (s := _struck(n)) is not None]
        said = [w for w in notes if w]
        b.__dict__["_struck_done"] = bool(said) and sum(1 for w in said if _DONE_NOTE.match(w)) * 2 > len(said)
    return b.__dict__["_struck_done"]


def _among_struck(b: LogBuilder, node: Node) -> bool:
    """Is ``node`` in the same list as an entry struck through (its siblings, at its depth)?"""
    p = b.outline.parent(node)
    kin = [b.outline.nodes[c] for c in p.children] if p is not None else [n for n in b.outline.nodes if n.is_item and n.depth == node.depth]
    return any(k is not node and k.is_item and _struck(k) is not None for k in kin)


def _owner(b: LogBuilder) -> str:
    return "I" if b.first_person else ""


def _special(b: LogBuilder, node, item, mode) -> bool:
    if node.kind == "table_row":
        return _row(b, node, item, mode)
    if not re.search(r"[A-Za-z]{2}", node.text or "") and not node.cells:
        b.place(item, node)  # "#", "x": markup left over, nothing to read
        return True
    struck = _struck(node) if node.is_item else None
    if struck is not None:
        b.place(item, node)
        what, why = struck
        done = _DONE_NOTE.match(why)
        if done or (not why and _struck_means_done(b)):
            # "~~Settle on database to use.~~ Done. Now using H2.": done, the rest says how
            rest = why[done.end():].strip() if done else ""
            item.actions.append(Action(text=what.rstrip(" .") + (f" ({rest.rstrip('.')})" if rest else ""), actor=_owner(b), lines=list(node.lines)))
            return True
        item.outcomes.append(Outcome(text=f"{what} dropped" + (f": {why}" if why else ""), lines=list(node.lines)))
        return True
    if node.kind == "quote" and node.is_item is False and b.outline.parent(node) is not None and b.outline.parent(node).is_item:
        b.place(item, node)  # a note quoted under an entry ("> See WIP branch ...") explains it: no task of its own
        item.notes.append(node.text)
        return True
    if node.kind in ("bullet", "numbered"):
        return _entry_line(b, node, item)
    if node.kind == "para":
        if _target_date(b, node, item):
            return True
        n_c = len(item.commitments)
        b.read_node(item, node, mode)
        del item.commitments[n_c:]  # a paragraph of a list describes it ("Priority (Low, High)"): no entry
        return True
    if node.kind != "checkbox":
        return False
    text = _entry(node)
    if not re.search(r"[A-Za-z]{2}", text):
        b.place(item, node)  # "#", "x": nothing to read
        return True
    if _PARTIAL_BOX.match(node.raw or "") and not node.children:
        # "- [-] Spacer": marked neither done nor open (partly done, as org-mode writes it): open, and said so
        b.place(item, node)
        item.commitments.append(Commitment(what=f"{text.rstrip(' .')} (partly done)", owner=_owner(b), lines=list(node.lines)))
        return True
    if node.checked is None:  # "[?]": not decided
        b.place(item, node)
        item.questions.append(Question(text=text, answered=False, lines=list(node.lines)))
        return True
    if text != node.text:  # a bracketed entry: its words are the entry, not an owner tag
        b.place(item, node)
        if node.checked:
            item.actions.append(Action(text=text, actor=_owner(b), lines=list(node.lines)))
        else:
            item.commitments.append(Commitment(what=text, owner=_owner(b), lines=list(node.lines)))
        return True
    if not node.checked and _awaited(b, node, text):
        b.place(item, node)  # "[x] Order placed" then "[ ] Order received": the other side's move, awaited
        item.waits.append(Wait(what=text, kind="waiting", lines=list(node.lines)))
        return True
    n_before = _count(item)
    b.read_node(item, node, "done" if node.checked else "doing", default_owner="I" if b.first_person else None)
    if _count(item) == n_before and not node.checked and not text.rstrip().endswith("?"):
        # an open box is a to-do entry whatever its words ("Music"): the box is the evidence
        item.commitments.append(Commitment(what=text, owner=_owner(b), lines=list(node.lines)))
        if text in item.notes:
            item.notes.remove(text)
    return True


# "*Tentatively publishing on PyPI by 2023-07-16, third Sunday in July.*", "Target: 1 March", "Due by Fri"
_TARGET = re.compile(r"^(?P<what>(?:[\w`'’-]+\s+){0,8}?)(?:by|due(?:\s+by|\s+on)?|no later than|target(?:ed)?(?:\s+for)?|deadline)\b\s*:?\s*(?P<when>.+)$", re.I)


def _target_date(b: LogBuilder, node: Node, item) -> bool:
    """A line under a list's heading that dates the whole list ("Tentatively publishing on PyPI by
    2023-07-16, third Sunday in July." under "version 0.0.2"): the item's deadline, labelled by what
    is due then ("publishing on PyPI"), not a note."""
    if item.deadline is not None or not node.text or len(node.text.split()) > 16:
        return False
    m = _TARGET.match(node.text.strip(" *_"))
    if m is None:
        return False
    from ..dates import find_dates

    found = find_dates(m.group("when"), b.as_of, "future")
    if not found or found[0].start > 3:
        return False
    b.place(item, node)
    what = m.group("what").strip()
    hedge = re.match(r"^(?P<h>tentatively|provisionally|hopefully|probably|maybe)\s+", what, re.I)
    if hedge:  # "Tentatively publishing on PyPI": the goal, and that the date is tentative
        what = f"{what[hedge.end():]} ({hedge.group('h').lower()})"
    item.deadline, item.deadline_label = found[0].date, (what or None)
    if what and not item.outcome:
        item.outcome = what
    return True


_STATUS_MARK = re.compile(r"\s*\((?P<s>done|completed|finished|fixed|doing|in progress|wip|started|cancel+ed|dropped)\)\s*\.?\s*$", re.I)


def _entry_line(b: LogBuilder, node: Node, item) -> bool:
    """A list entry with no box: its status mark ("(Done)", "(Doing)") says its state; a sentence
    nested under an entry ("Potentially replacing onStartup module.") explains it; an entry of two
    sentences is its first, the second a note ("Create home page for user. User should be ...")."""
    text = node.text.strip()
    m = _STATUS_MARK.search(text)
    tags = [t.lower() for t in getattr(node.clean, "tags", []) or []]
    if m is None and any(t in ("done", "completed", "finished", "fixed") for t in tags):
        m = _STATUS_MARK.search(text + " (done)")  # "(Done)" was set aside as a tag by the markup cleaner
    parent = b.outline.parent(node)
    under_entry = parent is not None and parent.is_item and parent.kind != "checkbox" and parent.line in item.lines and parent.line not in item.__dict__.get("_topics", ())
    if m:
        b.place(item, node)
        what = text[: m.start()].strip().rstrip(".")
        state = m.group("s").lower()
        owner = item.owner if item.owner and item.owner != "I" else _owner(b)
        if state in ("doing", "in progress", "wip", "started"):
            item.commitments.append(Commitment(what=what, owner=owner, lines=list(node.lines)))
        elif state in ("cancelled", "canceled", "dropped"):
            item.outcomes.append(Outcome(text=f"{what} {state}", lines=list(node.lines)))
        else:
            item.actions.append(Action(text=what, actor=owner, lines=list(node.lines)))
        return True
    if under_entry and not node.children and re.search(r"[.!]$", text) and not _STATUS_MARK.search(parent.text) and not (parent.checked is not None):
        b.place(item, node)  # a sentence under an entry: what the entry means, not another task
        item.notes.append(text)
        return True
    from .signals import sentences

    parts = sentences(text)
    if len(parts) == 1 and not node.children and _struck_means_done(b) and _among_struck(b, node):
        # "- Implement full text search." among entries struck through when done: still to do
        b.place(item, node)
        item.commitments.append(Commitment(what=text.rstrip(" ."), owner=_owner(b), lines=list(node.lines)))
        return True
    if len(parts) >= 2:
        n_c = len(item.commitments)
        b.read_node(item, node, "doing", default_owner="I" if b.first_person else None)
        if len(item.commitments) > n_c + 1:
            extra = item.commitments[n_c + 1:]
            del item.commitments[n_c + 1:]
            item.notes += [c.what for c in extra]
        if len(item.commitments) > n_c:
            item.commitments[n_c].what = item.commitments[n_c].what.rstrip(" .")
        return True
    return False


_AWAITED = re.compile(r"^(?!(?:i|we)\b)[\w&/,' -]{2,60}\s(?:received|arrived|confirmed|delivered|approved|replied|answered|refunded)\.?$", re.I)


def _awaited(b: LogBuilder, node: Node, text: str) -> bool:
    """An open step that another party completes ("Order received", "Title & abstract received"),
    after a ticked step before it (the request went out): a wait, not something to deliver."""
    if not _AWAITED.match(text.strip()):
        return False
    sibs = b.outline.nodes[node.parent].children if node.parent is not None else []
    before = [b.outline.nodes[i] for i in sibs if i < node.index]
    return any(s.kind == "checkbox" and s.checked for s in before)


def _count(item) -> int:
    return len(item.actions) + len(item.commitments) + len(item.waits) + len(item.questions) + len(item.outcomes) + len(item.decisions)


def _row(b: LogBuilder, node: Node, item, mode) -> bool:
    """A row of a table with a status column (see the module doc); other tables are read as before."""
    header = table_header(b.outline, node)
    if not header or not any(_COL_STATUS.search(h) for h in header):
        return False
    b.place(item, node)
    if node.header:
        return True
    cols = list(zip(header, node.cells))
    role = {}
    for i, (h, _) in enumerate(cols):
        role[i] = ("status" if _COL_STATUS.search(h) else "owner" if _COL_OWNER.search(h) else "due" if _COL_DUE.search(h)
                   else "note" if _COL_NOTE.search(h) else "dep" if _COL_DEP.search(h) else "group" if _COL_GROUP.search(h)
                   else "sub" if _COL_SUB.search(h) else "task" if _COL_TASK.search(h) else "other")
    cell = {i: c.strip() for i, (_, c) in enumerate(cols)}
    task_i = next((i for r in ("sub", "task") for i in role if role[i] == r and cell[i]), None)
    if task_i is None and not any(r in ("task", "sub") for r in role.values()):
        task_i = next((i for i in role if role[i] == "other" and cell[i]), None)  # "| ISTE | 3970 INR | Received |"
    if task_i is None:
        text = "; ".join(c for c in node.cells if c)
        if text:
            item.notes.append(text)
        return True
    task = cell[task_i]
    extra = [cell[i] for i in role if role[i] == "other" and i != task_i and cell[i] and not _COL_TASK.search(header[i] or "")]
    what = task + (f" ({', '.join(extra)})" if extra else "")
    owner = next((cell[i] for i in role if role[i] == "owner" and cell[i]), "")
    note = next((cell[i] for i in role if role[i] == "note" and cell[i]), "")
    due_cell = next((cell[i] for i in role if role[i] == "due" and cell[i]), "")
    dep = next((cell[i] for i in role if role[i] == "dep" and cell[i]), "")
    raw_status = next((cell[i] for i in role if role[i] == "status" and cell[i]), "")
    codes = b.__dict__.get("status_codes", {})
    coded = raw_status.upper() in codes
    status = codes.get(raw_status.upper(), raw_status)
    lines = list(node.lines)
    due = b._date(due_cell, "future") if due_cell else None
    shown = f"{what}: {raw_status}" if raw_status and not coded else what  # a word as written; a code stays out of prose
    bare = re.sub(r"\([^()]*\)", " ", status)  # "(paid to shinjan for prints)": an explanation, not the state
    state = cell_state(bare)  # "DONE except for Fedora", "Mostly done, ...": work still open, the state as written
    if state == "done" and not coded:  # "DONE" after the task repeats the Done label; "DONE: Debian; ..." keeps its detail
        rest = re.sub(r"^\W*(?:done|finished|complete|completed)\b[\s.:;,-]*", "", raw_status, flags=re.I).strip()
        shown = what if not rest else (f"{what}: {rest}" if rest != raw_status.strip() else shown)
    done, waiting = _DONE.search(bare) and state == "done", _WAITING.search(bare)
    awaited = awaited_party(raw_status) if not (done or waiting) else None
    if awaited:  # "If Jason sends me the packages, I'll make sure they get uploaded": waits on Jason
        who, thing = awaited
        item.waits.append(Wait(what=f"{thing} ({what})", on_whom=b.canonical(who) or who, kind="waiting", lines=lines))
        if owner:  # the owner's task; what it waits for is the wait's
            item.commitments.append(Commitment(what=what, owner=b.canonical(owner) or owner, due=due, lines=lines))
    elif done and waiting:
        item.questions.append(Question(text=f"{what}: {raw_status}", answered=False, lines=lines))
    elif waiting:  # "Ayushman Bhattacharya (580 + 500) waiting to be refunded back": the state as written
        state = raw_status[waiting.start():] if waiting.start() < len(raw_status) and raw_status[waiting.start():].lower().startswith(waiting.group(0).lower()) else raw_status
        item.waits.append(Wait(what=f"{what} {state[:1].lower()}{state[1:]}", on_whom=owner or None, kind="waiting", lines=lines))
    elif done:
        item.actions.append(Action(text=shown, actor=owner or _owner(b), lines=lines))
    elif _DROPPED.search(bare):
        item.outcomes.append(Outcome(text=shown, lines=lines))
    else:  # open: pending, active, not started, under way, done but for a part, or no status
        what_c = (shown if state in ("doing", "partly") else what) + (f" ({note})" if note and len(note) <= 80 else "")
        item.commitments.append(Commitment(what=what_c, owner=b.canonical(owner) or ("" if _has_owner_col(role) else _owner(b)), due=due, lines=lines))
        if dep:
            item.notes.append(f"{task} depends on {dep}")
    return True


_FACT_HEAD = re.compile(r"^(?P<label>[A-Za-z][^:=]{2,60}?)\s*(?::-?|=)\s*(?P<value>\S.*)$")


def _fact_headings(b: LogBuilder) -> None:
    """'### Total Pending (myself):- 1080 INR': a heading that states a value is a fact of the list
    (an outcome), not a title; it joins the item of its own section, else the one above it."""
    last = None
    for n in b.outline.nodes:
        if n.line in b.placed and b.placed[n.line] is not None:
            last = b.placed[n.line]
        if n.kind != "heading" or not n.text:
            continue
        m = _FACT_HEAD.match(n.text.strip())
        if not m or not re.search(r"\d", m.group("value")):
            continue
        item = b.placed.get(n.line) or last
        if item is None:
            item = b.item(m.group("label"), n)
        b.place(item, n)
        item.outcomes.append(Outcome(text=n.text.strip(), lines=list(n.lines)))
        last = item


def _has_owner_col(role: dict) -> bool:
    return "owner" in role.values()


def _team_table(outline: Outline) -> bool:
    """A task table whose owner column names two or more people: a team's list, not the writer's own
    (an unowned row stays unowned; it is not the writer's by default)."""
    owners: set[str] = set()
    for n in outline.nodes:
        if n.kind != "table_row" or n.header or not n.cells:
            continue
        header = table_header(outline, n)
        for h, c in zip(header, n.cells):
            if _COL_OWNER.search(h) and c.strip():
                owners |= {x.strip().lower() for x in re.split(r"[,;/&]|\band\b", c) if x.strip()}
    return len(owners) >= 2


def read_todo(outline: Outline, people: People, as_of: dt.date, guess: GenreGuess):
    b = LogBuilder(outline, people, as_of, "todo", guess.first_person and not _team_table(outline))
    codes, key_nodes = status_keys(outline)
    b.status_codes = codes
    b.key_nodes = key_nodes
    walk(b, _topic, _special)
    _fact_headings(b)
    rows = [w for w in b.items if any(b.outline.nodes[i].kind == "table_row" and b.placed.get(b.outline.nodes[i].line) is w
                                      for i in range(len(outline.nodes)))]
    if rows:  # the key's lines go with the table it explains (cited, never read)
        for i in sorted(key_nodes):
            b.place(rows[0], outline.nodes[i])
    return b.finish()
