"""The section walker every genre reader uses: each content node goes to its topic's item and is
read with its section's mode. A genre says what a topic is (``topic_of``) and may handle some
nodes itself (``special``).

Headings, agenda lines, timeboxes and questions are never actions or blockers: a heading only
titles its item and gives the mode (``Action items`` -> commitments, ``Blockers`` -> waits,
``Decisions`` -> outcomes, ...); a question heading answered by its section is an answered
question ("Did I get stuck anywhere? No" is no blocker).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Decision, Question, WorkItem
from .outline import Node
from .signals import DONE_WORD, is_none_answer, is_question, mode_of
from .topics import LogBuilder

GENERIC_HEAD = re.compile(
    r"^(?:notes?|minutes|meeting notes|discussion(?: notes)?|discussion items|summary of discussion|details|"
    r"updates?|general(?: updates)?|items|topics|agenda items|content|body|misc(?:ellaneous)?|other|"
    r"open (?:discussion|floor)|aob|any other business)$",
    re.I,
)
_PROSE = ("para", "bullet", "numbered", "checkbox", "table_row", "quote", "speaker")

TopicFn = Callable[[LogBuilder, Node], "tuple[object, str, Node | None, str | None] | None"]


def is_mode_heading(h: Node) -> bool:
    return mode_of(h.text) is not None


def topic_heading(b: LogBuilder, node: Node, skip_title: bool = True) -> Node | None:
    """The heading that names ``node``'s topic: the innermost heading that is neither a mode
    heading ("Decisions", "Blockers") nor a generic one ("Notes"), else the innermost heading."""
    path = b.outline.heading_path(node)
    if not path:
        return None
    title = path[0] if skip_title and path[0].level == 1 and len(b.outline.headings()) > 1 else None
    for h in reversed(path):
        if h is title:
            break
        if not is_mode_heading(h) and not GENERIC_HEAD.match(h.text.strip(" :")) and not is_question(h.text):
            return h
    inner = [h for h in path if h is not title]
    return inner[-1] if inner else path[-1]


# an issue or PR number, or several: "#1521", "libp2p/js-libp2p-kad-dht#148", "org/repo#1, #2"
# a line that points back at the item it is nested under: "Randall will do this.", "Kip will work on it"
_REFERS_UP = re.compile(r"\b(?:will|to|can|'ll)\s+(?:\w+\s+)?(?:do|handle|take|own|drive|work on|look (?:at|into)|follow up on)\s+(?:this|that|it)\b\.?\s*$", re.I)
_REF_TEXT = re.compile(r"(?:[\w./-]*#\d+[\s,]*)+")
# a list item that is nothing but a link named by no words of its own: "- [libp2p/js-libp2p#467](https://...)",
# "- <https://...>" ("- [Developer.tbd.website Tech Debt Payoff](https://...)" names a task: not a reference)
_LINK_ONLY = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+(?:\[[^\]\s]*\]\((?:[^()]|\([^)]*\))*\)|<?https?://\S+?>?)\s*[.,;]?\s*$")


def is_reference(node: Node) -> bool:
    """A list item that is only an issue number or a link ("- [libp2p/js-libp2p#467](https://...)"):
    the evidence of the entry it sits under, not a point of its own."""
    if not node.is_item or node.children:
        return False
    raw = " ".join((node.raw or "").split())  # all its lines: "* https://...issues/789" + "Better stream interface" is a point
    return bool(_REF_TEXT.fullmatch(node.text.strip()) or (node.urls and _LINK_ONLY.match(raw)))


def topic_bullet(b: LogBuilder, node: Node) -> Node | None:
    """The innermost list item above ``node`` that reads as a topic: it has children, a short
    text, and is not a label of a mode ("Blockers:") or a person ("Sam:")."""
    best = None
    if node.is_item and node.children and len(node.text.split()) <= 14 and not (node.label and (mode_of(node.label) or b.people.known(node.label))):
        titled = not re.search(r"[.!?]$", node.text.strip()) and not DONE_WORD.search(node.text)  # not "PR merged!"
        if titled and any(b.outline.nodes[c].is_item for c in node.children) and any(a.is_item for a in b.outline.ancestors(node)):
            return node  # a sub-topic ("General Updates" > "TAC Election" > notes) titles its own notes
    refers = bool(_REFERS_UP.search(node.text or ""))
    for k, a in enumerate(b.outline.ancestors(node)):
        if a.kind == "heading":
            break
        short = len(a.text.split()) <= 14 or (k == 0 and refers)  # "Randall will do this." names the long task above it
        if a.is_item and a.children and short and not (a.label and (mode_of(a.label) or b.people.known(a.label))):
            if not _point_of_heading(b, a):
                best = a
            break
    if best is None and node.is_item and node.children and not node.label and (
            len(node.text.split()) <= 14 or any(_REFERS_UP.search(b.outline.nodes[c].text or "") for c in node.children)):
        kids = [b.outline.nodes[c] for c in node.children]
        if any(k.is_item for k in kids) and not _point_of_heading(b, node):
            best = node
    return best


def _point_of_heading(b: LogBuilder, node: Node) -> bool:
    """A top-level bullet that asks ("We could just remove the check and publish a new patch
    release?" with replies under it) under a heading that names its own topic ("## `export`
    changes in scope PR break meteor"): a point of that topic, not a topic of its own. (A bullet
    that states, "Making the agenda and notes public again.", and a box of a list can title one.)"""
    if node.kind == "checkbox" or not node.text.strip().endswith("?") or any(a.is_item for a in b.outline.ancestors(node)):
        return False
    path = b.outline.heading_path(node)
    if not path:
        return False
    h = path[-1]
    title = path[0] if path[0].level == 1 and len(b.outline.headings()) > 1 else None
    return h is not title and not is_mode_heading(h) and not GENERIC_HEAD.match(h.text.strip(" :")) and not is_question(h.text)


def walk(b: LogBuilder, topic_of: TopicFn, special: Callable[[LogBuilder, Node, WorkItem, str | None], bool] | None = None) -> None:
    """Read every node: ``topic_of(b, node)`` -> (key, title, topic node, owner) or None (context)."""
    items: dict[object, WorkItem] = {}
    last_item: WorkItem | None = None
    for node in b.outline.nodes:
        if node.kind == "heading" or (node.kind == "speaker" and not node.text):
            continue
        if node.kind not in _PROSE:
            if last_item is not None and node.kind in ("code", "rule", "directive", "comment") and node.parent is not None:
                b.place(last_item, node)  # code and comments stay with the section they sit in
            continue
        if not node.text and not node.cells:
            continue
        mode = b.section_mode(node)
        if mode == "context":
            continue
        root = _option_root(b, node)
        if root is not None:  # an option's points belong to the topic the options are listed in
            p = b.outline.parent(root)
            if p is not None and p.kind != "heading":
                t = topic_of(b, p)
            else:
                h = topic_heading(b, root)
                t = (("h", h.index), h.text, h, None) if h is not None else topic_of(b, root)
        else:
            t = topic_of(b, node)
        if t is None:
            continue
        key, title, topic, owner = t
        if mode == "retro" and topic is not None and topic is not node and topic.is_item and not _label_only(topic):
            mode = None  # the points under an agreed retro change explain it: notes, not more outcomes
        item = items.get(key)
        if item is None:
            item = b.item(title, topic or node, owner=owner)
            items[key] = item
        _place_headings(b, item, node, topic)
        _question_heading(b, item, node, mode)
        box_entry = b.genre == "todo" and node.kind == "checkbox" and not any(b.outline.nodes[c].kind == "checkbox" for c in node.children)
        if topic is node and node.children and not box_entry:  # ("- [ ] Web browser interface" > "- JavaScript backend (?)": an entry)
            b.place(item, node)  # a topic bullet titles its item; its text is context
            if node.label and node.rest and b.people.known(node.label):
                b.read_node(item, node, mode)  # "David: can we have a notification ...?" is also what David said
            elif mode == "retro" and not _label_only(node):
                b.read_node(item, node, mode)  # "Move long proposals to PRs" in a retro: what the team agreed
            continue
        if _lead(b, node, item, topic, mode):
            last_item = item
            continue
        if is_prompt(node):
            b.place(item, node)  # the form's prompt, not what the writer wrote
            last_item = item
            continue
        if _person_label(b, node) or _section_label(b, node):
            b.place(item, node)  # "Xiaoyue Sun:" over her points: who they are by, not a point
            last_item = item
            continue
        if mode == "retro" and _label_only(node):
            b.place(item, node)  # "Working model that we should keep:" labels the points under it
            last_item = item
            continue
        if is_reference(node) and (p := b.outline.parent(node)) is not None and p.is_item and p.text:
            b.place(item, node)  # "- [libp2p/js-libp2p#467](...)" under an entry: its link, not work of its own
            last_item = item
            continue
        if _in_option(b, node, item):
            last_item = item
            continue
        if special is not None and special(b, node, item, mode):
            last_item = item
            continue
        b.read_node(item, node, mode, default_owner=owner)
        last_item = item


    _finish_options(b)


def _lead(b: LogBuilder, node: Node, item: WorkItem, topic, mode) -> bool:
    """An entry leading the entries under it in a done or doing section (see :mod:`.lead_lines`): read
    as one element with them, or placed as their group's name; False when it is no such lead."""
    from dataclasses import replace

    from .lead_lines import joined, lead_text, verb_led

    if mode not in ("done", "doing") or topic is node or _person_label(b, node) or _section_label(b, node):
        return False
    parent = b.outline.parent(node)
    if parent is not None and parent.index in b.__dict__.get("_joined_leads", ()):
        b.place(item, node)  # said with its lead
        return True
    lead = lead_text(node)
    if lead is None or mode_of(lead) is not None or (node.label and b.people.known(node.label)):
        return False
    if not verb_led(lead):
        b.place(item, node)  # "Team Collaboration (1.5 hours):": the name of the entries' group, no work itself
        return True
    text = joined(b, node, lead)
    if text is None:
        return False
    b.__dict__.setdefault("_joined_leads", set()).add(node.index)
    kids = [b.outline.nodes[c] for c in node.children]
    lines = sorted({*node.lines, *(ln for k in kids for ln in k.lines)})
    b.read_node(item, replace(node, text=text, label=None, rest=None, children=[], lines=lines), mode,
                default_owner=item.owner or ("I" if b.first_person else None))
    for k in kids:
        b.place(item, k)
    return True


_PROMPT = re.compile(r"^\s*(?:[*_](?![*_])(?P<a>.+)(?<![*_])[*_]|\((?:optional|required|example)\)\s.*)\s*$", re.I)
_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
_PLEASE_ADD = re.compile(r"^\s*please\s+(?:add|list|put|keep|write|sort|order)\b", re.I)  # to the one editing the list


def is_prompt(node: Node) -> bool:
    """A form's own prompt: a paragraph set wholly in italics that asks ("*What are you working
    towards? ...*") or tells the one filling it in what to write ("*Include screenshots/diagrams/
    figures/etc. to illustrate what you did this past week.*", a weekly report form; "> _Please add
    tasks in a somewhat logical order._" over a release plan's table), or "(Optional) No
    problem-solving, just visibility-raising." """
    if node.kind not in ("para", "quote"):
        return False
    m = _PROMPT.match(re.sub(r"^\s*(?:>\s*)+", "", node.raw) if node.kind == "quote" else node.raw)
    a = m.group("a") if m else None
    return bool(m) and (a is None or "?" in a or bool(_YOU.search(a)) or bool(_PLEASE_ADD.match(a)))


def _person_label(b: LogBuilder, node: Node) -> bool:
    """A list item that only names a person the notes know ("Xiaoyue Sun:" with her points nested
    under it): it says whose the points are (see ``LogBuilder._speaker_above``), it is no point."""
    return bool(node.is_item and node.children and node.label and not node.rest and b.people.known(node.label))


def _section_label(b: LogBuilder, node: Node) -> bool:
    """A list item that only labels the items nested under it, with the same label over another
    part of the notes: a report form's section ("Progress and issues:", "Copy of the third section
    from last week:" under the team's report and again under the members'). Structure, never a
    point; the section's mode still reads its items. A label written once may itself be work
    ("Support Nick through:", "Clearly outline focus:", "Opened issues on BIT backend:"): read as before."""
    if not (node.is_item and node.label and not node.rest and any(b.outline.nodes[c].is_item for c in node.children)):
        return False
    return _label_count(b, node.label) > 1


def _label_count(b: LogBuilder, label: str) -> int:
    counts = b.__dict__.get("_item_labels")
    if counts is None:
        counts = {}
        for n in b.outline.nodes:
            if n.is_item and n.label and not n.rest:
                key = n.label.strip(" *_").lower()
                counts[key] = counts.get(key, 0) + 1
        b._item_labels = counts
    return counts.get(label.strip(" *_").lower(), 0)


def _label_only(node: Node) -> bool:
    """'Blockers:', '- Wins' (a section word alone): a label of the points under it."""
    return bool(node.label and not node.rest) or (len(node.text.split()) <= 3 and mode_of(node.text) is not None)


OPTION_HEAD = re.compile(
    r"^(?:(?:option|alternative|choice|approach|plan|proposal|variant)\s+(?:[A-Z]|\d{1,2}|one|two|three|four)\b|"
    r"\((?:[a-d]|\d)\)\s)",
    re.I,
)


def _option_root(b: LogBuilder, node: Node) -> Node | None:
    """The "Option A:" node ``node`` is (or sits under), when it has a sibling option too."""
    for n in [node, *b.outline.ancestors(node)]:
        if n.kind == "heading":
            return None
        if OPTION_HEAD.match(n.text or "") or (n.label and OPTION_HEAD.match(n.label + " ")):
            sibs = b.outline.nodes[n.parent].children if n.parent is not None else [x.index for x in b.outline.nodes if x.parent is None]
            if sum(1 for i in sibs if OPTION_HEAD.match(b.outline.nodes[i].text or "")) >= 2:
                return n
    return None


def _in_option(b: LogBuilder, node: Node, item: WorkItem) -> bool:
    """Options listed on their own lines ("- Option A:" with its points nested under it) are one
    decision's ``options``: collected here, made a decision by :func:`_finish_options`."""
    root = _option_root(b, node)
    if root is None:
        return False
    groups = b.__dict__.setdefault("option_groups", {})
    group = groups.setdefault(id(item), (item, {}))[1]
    b.place(item, node)
    parts = group.setdefault(root.index, [])
    if node is root:
        parts.insert(0, (node.rest if node.label and OPTION_HEAD.match(node.label + " ") else node.text) or "")
    else:
        parts.append(node.text)
    return True


def _finish_options(b: LogBuilder) -> None:
    for item, group in b.__dict__.get("option_groups", {}).values():
        opts, lines = [], []
        for idx, parts in sorted(group.items()):
            root = b.outline.nodes[idx]
            name = (root.label or " ".join(root.text.split()[:2])).strip(" :")
            points = [p.strip(" .;") for p in parts if p and p.strip(" .;")]
            body = points[0] if points else ""
            for p in points[1:]:  # the option's first point, and more while it stays short
                if len(body) + len(p) > 110:
                    break
                body += "; " + p
            opts.append(f"{name}: {body}" if body else name)
            lines += [n for d in [root, *b.outline.descendants(root)] for n in d.lines]
        first = min(lines)
        # the open question they answer: the item's decision raised before them, else the line that
        # introduces them ("The core team considers the following options"), in the notes' words
        prior = [d for d in item.decisions if d.lines and d.lines[0] < first]
        if prior:
            dec = prior[-1]
            dec.options = opts
            dec.lines = sorted(set(dec.lines) | set(lines))
            continue
        lead = next((n for n in reversed(b.outline.nodes[: b.outline.nodes.index(b.outline.node_at(first))])
                     if n.text and n.kind != "heading"), None)
        question = lead.text.rstrip(" :") if lead is not None and lead.line in item.lines else item.title
        cited = sorted(set(lines) | ({lead.line} if lead is not None and lead.line in item.lines else set()))
        item.decisions.append(Decision(question=question, options=opts, lines=cited))


def _place_headings(b: LogBuilder, item: WorkItem, node: Node, topic: Node | None) -> None:
    """The headings between the topic and ``node`` (and the topic itself) go in the item."""
    path = b.outline.heading_path(node)
    if topic is None:
        return  # a topic of its own (a top-level bullet): the headings above stay context
    start = 0
    if topic is not None and topic.kind == "heading" and topic in path:
        start = path.index(topic)
    elif topic is not None:
        start = len(path)  # a bullet topic: the headings above it stay context
    for h in path[max(start, 0) :]:
        if not any(n in b.placed for n in h.lines):
            b.place(item, h)
    if topic is not None and topic.is_item:
        for a in reversed(b.outline.ancestors(node)):
            if a.is_item and (a is topic or topic in b.outline.ancestors(a)) and a.line not in b.placed:
                b.place(item, a)
        p = b.outline.parent(node)
        while p is not None and p.kind != "heading":
            if p.line not in b.placed and p.is_item:
                b.place(item, p)
                if p.label and not p.rest:
                    pass  # a label bullet ("Blockers:") gives the mode only
                elif p is not topic:
                    b.read_node(item, p, b.section_mode(p))
            p = b.outline.parent(p)


def _question_heading(b: LogBuilder, item: WorkItem, node: Node, mode: str | None) -> None:
    """A question heading ("Did I get stuck anywhere?") is a question its section answers."""
    for h in b.outline.heading_path(node):
        if not is_question(h.text) and not re.match(r"^(?:did|do|does|is|are|was|were|have|has|anything|any)\b", h.text, re.I):
            continue
        if any(q.lines == h.lines for q in item.questions):
            continue
        if h.line not in item.lines or not is_none_answer(node.text):
            continue  # the standard round questions are structure; a "No" answer is worth keeping
        item.questions.append(Question(text=h.text, answered=True, lines=list(h.lines)))
    no_blocker(b, item, node, node.text, mode)


def no_blocker(b: LogBuilder, item: WorkItem, node: Node, answer: str, mode: str | None) -> bool:
    """'Nope' under "Is there anything blocking you?" is no blocker: an answered question, worded with the
    heading it answers: "Is there anything blocking you from doing work? Nope"."""
    if mode != "blocked" or not is_none_answer(answer):
        return False
    path = b.outline.heading_path(node)
    h = next((x for x in reversed(path) if mode_of(x.text) == "blocked"), None)
    text = answer.strip()
    if h is not None and h.text:
        q = h.text.strip().rstrip(":")
        text = f"{q} {text}" if q.endswith("?") else f"{q}: {text}"
    # an answered question, not an outcome: the writer would word an outcome as "Decided: ..."
    same = next((q for q in item.questions if h is not None and q.lines == list(h.lines)), None)
    if same is not None:  # the heading's own question (see _question_heading): its answer joins it
        same.text, same.lines = text, sorted(set(same.lines) | set(node.lines))
    elif not any(q.text == text for q in item.questions):
        item.questions.append(Question(text=text, answered=True, lines=sorted(set(node.lines))))
    return True
