"""The outline's tree: :class:`Node` (one block of the notes with its lines, kind and parent),
:class:`Outline` (the nodes with tree queries) and the nesting pass that sets each node's parent,
depth and children. :func:`drafter.read.outline.build_outline` builds it from the notes' text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .markup import Clean


@dataclass
class Node:
    index: int
    kind: str
    lines: list[int]
    raw: str
    text: str
    depth: int = 0  # heading level (1..) for headings; nesting depth for list items
    parent: int | None = None  # index of the parent node
    level: int = 0  # heading level, 0 for other kinds
    indent: int = 0
    checked: bool | None = None
    cells: list[str] = field(default_factory=list)
    header: bool = False  # a table's header row
    quote_depth: int = 0
    label: str | None = None  # "Attendees" of "Attendees: a, b"; "Sam" of "Sam: fixed it"
    rest: str | None = None  # clean text after the label's colon
    speaker: str | None = None  # chat speaker (timestamped or name-time lines)
    time: str | None = None
    clean: Clean | None = None
    legend: bool = False  # a heading over the notes' legend of the marks its entries carry ("A.  Involves spec updates")
    children: list[int] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.lines[0]

    @property
    def urls(self) -> list[str]:
        return self.clean.urls if self.clean else []

    @property
    def context(self) -> list[str]:
        return self.clean.context if self.clean else []

    @property
    def is_item(self) -> bool:
        return self.kind in ("bullet", "numbered", "checkbox")


@dataclass
class Outline:
    nodes: list[Node]
    lines: list[str]  # all lines of the notes, 0-based list (line n is lines[n - 1])
    front_matter: dict = field(default_factory=dict)

    def node_at(self, line: int) -> Node | None:
        for n in self.nodes:
            if line in n.lines:
                return n
        return None

    def parent(self, node: Node) -> Node | None:
        return self.nodes[node.parent] if node.parent is not None else None

    def ancestors(self, node: Node) -> list[Node]:
        out = []
        p = self.parent(node)
        while p is not None:
            out.append(p)
            p = self.parent(p)
        return out

    def heading_path(self, node: Node) -> list[Node]:
        """The headings above ``node`` (outermost first), ``node`` itself when it is a heading."""
        out = [a for a in self.ancestors(node) if a.kind == "heading"]
        out.reverse()
        if node.kind == "heading":
            out.append(node)
        return out

    def heading_of(self, node: Node) -> Node | None:
        path = [a for a in self.ancestors(node) if a.kind == "heading"]
        return path[0] if path else None

    def descendants(self, node: Node) -> list[Node]:
        out: list[Node] = []
        stack = list(reversed(node.children))
        while stack:
            n = self.nodes[stack.pop()]
            out.append(n)
            stack.extend(reversed(n.children))
        return out

    def headings(self) -> list[Node]:
        return [n for n in self.nodes if n.kind == "heading"]

    def content(self) -> list[Node]:
        """Nodes that carry prose (not code, comments, directives, rules or front matter)."""
        return [n for n in self.nodes if n.kind not in ("code", "comment", "directive", "rule", "front_matter") and n.text]


def _nest(nodes: list[Node]) -> None:
    """Set parent/depth/children: headings by level, list items by indent, the rest under them."""
    heads: list[Node] = []  # stack of open headings
    items: list[Node] = []  # stack of open list items (under the innermost heading)
    last_speaker: Node | None = None
    prev_end = 0  # the last line of the node before
    tight: dict[int, bool] = {}  # a "Label:" heading -> its block starts on the next line; True once that block has begun
    for node in nodes:
        if node.kind == "front_matter":
            continue
        gap = node.lines[0] > prev_end + 1
        prev_end = max(prev_end, node.lines[-1])
        if node.kind != "heading" and heads and heads[-1].level == 8:
            lab = heads[-1]
            if lab.index not in tight:
                tight[lab.index] = not gap  # "Links: +" with its links on the lines right below
            elif tight[lab.index] and gap and not node.is_item and node.indent == 0:
                heads.pop()  # the label's block ended at a blank line: this paragraph is outside it
                items = []
        if node.kind == "heading":
            while heads and heads[-1].level >= node.level:
                heads.pop()
            node.parent = heads[-1].index if heads else None
            node.depth = len(heads)
            heads.append(node)
            items = []
            last_speaker = None
            continue
        if node.kind == "speaker" and not node.text:
            # "Lee  10:02 AM" on its own line: the lines below are Lee's until the next speaker
            node.parent = heads[-1].index if heads else None
            node.depth = len(heads)
            last_speaker = node
            items = []
            continue
        base = last_speaker or (heads[-1] if heads else None)
        if node.is_item:
            while items and items[-1].indent >= node.indent:
                items.pop()
            parent = items[-1] if items else base
            node.parent = parent.index if parent else None
            node.depth = len(items)
            items.append(node)
            continue
        # para, quote, table rows, code, comments: under the list item they are indented into,
        # else under the heading/speaker
        while items and items[-1].indent >= node.indent:
            items.pop()
        parent = items[-1] if items else base
        node.parent = parent.index if parent else None
        node.depth = len(items)
    for node in nodes:
        if node.parent is not None:
            nodes[node.parent].children.append(node.index)


def indent_of(raw: str) -> int:
    """The column a line's text starts at; a tab moves to the next tab stop (every 4 columns, as
    markdown reads it), so "   \t* Ariel:" starts where "    * Xiaoyue:" does."""
    n = 0
    for ch in raw:
        if ch == " ":
            n += 1
        elif ch == "\t":
            n = (n // 4 + 1) * 4
        else:
            break
    return n
