"""Notes -> outline: the document's structure before any reading of its prose.

Every non-blank line of the notes belongs to exactly one :class:`Node`. A node knows its 1-based
line numbers, its kind, its depth and its parent (headings nest by level; list items by indent
under the current heading; paragraphs sit under the heading or the list item they follow).

Kinds: ``heading`` (markdown ``#``, setext and reStructuredText underlines/overlines, a bold-only
line, a ``Label:`` line with nothing after the colon), ``bullet``, ``numbered``, ``checkbox``
(``checked`` True/False), ``table_row`` (``cells``), ``quote`` (``>`` email quoting, ``quote_depth``),
``speaker`` (``Name: text``, ``[10:02] name: text``, ``Name  10:02 AM`` lines), ``para``, ``front_matter``,
``code`` (fenced), ``comment`` (``<!-- -->``), ``directive`` (``.. note::``, ``{% %}``, ``:::``) and
``rule`` (``---``). ``text`` is the clean prose (see :mod:`drafter.read.markup`); ``label`` is the
part before a ``Label:`` colon when the line has one.

:class:`Node`, :class:`Outline` and the nesting pass live in :mod:`.outline_tree`; this module
classifies the lines.
"""

from __future__ import annotations

import re

from .markup import clean, strip_comments
from .ref_links import unbracket_references
from .task_markers import normalise_markers
from .people_forms import quote_intro
from .outline_kinds import NOTE_DEF, _dash_tables, _mark_legends, _name_lines_over_lists, _numbered_topics, _person_bullets_as_heads, _topic_lines
from .outline_tree import Node, Outline, _nest, indent_of as _indent_of  # noqa: F401  (Node, Outline re-exported: they lived here)

_BULLET = re.compile(r"^(?P<ind>\s*)(?P<m>[-*+•‣◦–])\s+(?P<rest>.*)$")
_NUMBERED = re.compile(r"^(?P<ind>\s*)(?P<m>(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]|\(\d{1,3}\)|#\.)\s+(?P<rest>.*)$")
_CHECK = re.compile(r"^\[(?P<c>[ \u00a0xX✓✔?-]?)\]\s*(?P<rest>.*)$")
# a box written after the entry ("- Register for the API key [x]", "- Integrate each API []"); more
# boxes after it ("[jokeapi] [] []") are the same entry's
_TRAILING_CHECK = re.compile(r"^(?P<rest>.*?\S)\s*\[(?P<c>[ xX✓✔]?)\](?:\s*\[[ xX✓✔]?\])*\s*$")


def _box(c: str) -> bool | None:
    """A box's state: ticked, open, or undecided ('[?]': None)."""
    return None if c == "?" else c not in ("", " ", "\u00a0")
_ATX = re.compile(r"^\s{0,3}(?P<h>#{1,6}|={2,6}(?=\s+\w))\s+(?P<rest>.*?)(?:\s+[#=]+\s*)?$")  # markdown, AsciiDoc
_UNDERLINE = re.compile(r"^\s*([=\-~^\"'`#*+:._])\1{2,}\s*$")
_FENCE = re.compile(r"^\s*(```+|~~~+)")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_RST_TABLE = re.compile(r"^\s*[+=][-=+]{3,}\s*$|^\s*=+(\s+=+)+\s*$")
_DIRECTIVE = re.compile(r"^\s*(?:\.\.\s+[\w:-]+::|\.\.\s+_[\w -]+:|\{%.*%\}|:::|\.\. \|)"
                        r"|^\s{0,3}\[[^\]\[]+\]:\s*\S+(?:\s+[\"'(].*)?\s*$")  # or a markdown link reference "[id]: url"
_RST_COMMENT = re.compile(r"^\s*\.\.(\s|$)(?!.*::)")
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?"
_CHAT_TIME_FIRST = re.compile(r"^\s*\[?(?P<time>" + _TIME + r")\]?\s*[-–]?\s*<?(?P<name>@?[\w.'-]+(?: [\w.'-]+){0,2})>?\s*:\s*(?P<rest>.*)$")
_CHAT_NAME_TIME = re.compile(r"^\s*(?P<name>@?[A-Za-z][\w.'-]*(?: [A-Z][\w.'-]*){0,2})\s+\[?(?P<time>" + _TIME + r")\]?\s*:?\s*(?P<rest>.*)$")
_LABEL = re.compile(r"^(?P<label>[^:]{1,60}?)\s*:(?!//)\s*(?P<rest>.*)$")
_LABEL_START = re.compile(r"^(?:\*\*|__)?[^:\s][^:]{0,38}?(?:\*\*|__)?\s*:\s")
# a line of a column list whose marker is a rank and a mark of its own ("1 **    speed issues and profiling
# (C, all)", "3 ?     packed arrays (C)": priority 1-3 and effort in asterisks, as the notes' legend says)
_MARKED = re.compile(r"^(?P<ind>\s*)(?P<m>[1-9]\s+(?:\*{1,5}|\?))\s+(?P<rest>\S.*)$")
_LIST_HEAD = re.compile(
    r"(?:attendees?|attendance|present|participants|regrets|absent|apologies|agenda|action items?|actions|"
    r"decisions?|notes|next steps|follow[- ]?ups?|blockers?|questions|open questions|todo|to do)",
    re.I,
)
_TEMPLATE_HINT = re.compile(r"^\s*(?:in this section,? (?:you|please)\b|this is an optional section\b|examples?:|e\.g\.:)", re.I)
_GUIDANCE = re.compile(r"^(?:these|this) (?:sections?|subheadings?|headings?|template)\b.{0,80}\b(?:should be|filled? (?:out|in)|sample|delete|remove|replace)\b"
                       r"|^these are (?:only )?sample\b|^these are good things that happened\b|^things that could have gone better\.\s+ideally\b"
                       r"|^(?:replace|delete) this (?:text|section|line)\b", re.I)
_UNFINISHED = re.compile(r"\s(?:the|a|an|of|to|in|on|for|and|or|with|by|at|from|that|when|than)$", re.I)
_BOLD_ONLY = re.compile(r"^\s*(\*\*|__)(?P<t>[^*_].*?)\1\s*:?\s*$")


def _label_split(text: str) -> tuple[str | None, str | None]:
    m = _LABEL.match(text)
    if not m:
        return None, None
    label = m.group("label").strip().strip("*_ ")
    if not label or re.search(r"[.?!;]\s|https?$|^\d", label) or len(label.split()) > 8:
        return None, None
    if re.fullmatch(r"\d{1,2}", label) or label.lower() in ("http", "https", "mailto"):
        return None, None
    return label, m.group("rest").strip()


# a list entry that is only a person: "- **@gabalafou**", "- **Jane Doe**"
def build_outline(text: str) -> Outline:
    """Parse ``text`` into an :class:`Outline` (never raises on odd input)."""
    source = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = normalise_markers(unbracket_references(source))  # "** TODO x", "(X) x", "+ x" as boxes, "[id]" as its words; the outline keeps the notes' own lines
    nodes: list[Node] = []
    front: dict = {}
    i = 0
    n_lines = len(lines)

    def add(kind: str, nums: list[int], raw: str, body: str, **kw) -> Node:
        c = clean(body)
        node = Node(index=len(nodes), kind=kind, lines=nums, raw=raw, text=c.text, clean=c, **kw)
        nodes.append(node)
        return node

    # YAML front matter
    if lines and lines[0].strip() == "---":
        for j in range(1, min(n_lines, 200)):
            if lines[j].strip() in ("---", "..."):
                body = "\n".join(lines[1:j])
                try:
                    import yaml

                    data = yaml.safe_load(body)
                    if isinstance(data, dict):
                        front = data
                except Exception:  # noqa: BLE001 - front matter that is not YAML is still front matter
                    pass
                held = [k + 1 for k in range(j + 1) if lines[k].strip()]  # a blank line inside it is no line of it
                nodes.append(Node(index=0, kind="front_matter", lines=held, raw=body, text=""))
                i = j + 1
                break

    bracket_names = _bracket_speakers(lines)
    marked = _marked_lines(lines)
    marked_notes = _note_marks(lines) if marked else set()
    rst_levels: list[str] = []
    in_comment = False
    hint_line = 0  # the last quoted line of template guidance ("> Examples:"): the line under it is guidance too
    wrap_col = _wrap_column(lines)
    markdown = any(_ATX.match(x) for x in lines) or any(_UNDERLINE.match(b) and a.strip() for a, b in zip(lines, lines[1:]))
    while i < n_lines:
        raw = lines[i]
        num = i + 1
        stripped = raw.strip()
        if in_comment:
            nodes[-1].lines.append(num)
            if "-->" in raw:
                in_comment = False
            i += 1
            continue
        if not stripped:
            i += 1
            continue
        # fenced code
        fm = _FENCE.match(raw)
        if fm:
            fence = fm.group(1)
            nums = [num]
            j = i + 1
            while j < n_lines:
                nums.append(j + 1)
                if lines[j].strip().startswith(fence[0] * 3):
                    break
                j += 1
            nums = [k for k in nums if lines[k - 1].strip()]
            nodes.append(Node(index=len(nodes), kind="code", lines=nums, raw="\n".join(lines[i : j + 1]), text="", indent=_indent_of(raw)))
            i = j + 1
            continue
        # HTML comments (one or many lines)
        if stripped.startswith("<!--"):
            nodes.append(Node(index=len(nodes), kind="comment", lines=[num], raw=raw, text=""))
            if "-->" not in stripped:
                in_comment = True
            elif strip_comments(stripped).strip():
                nodes.pop()  # comment plus prose on one line: read the prose
            else:
                i += 1
                continue
            if in_comment:
                i += 1
                continue
        # reStructuredText overline + title + underline
        if _UNDERLINE.match(raw) and i + 2 < n_lines and lines[i + 1].strip() and _UNDERLINE.match(lines[i + 2]) and lines[i + 2].strip()[0] == stripped[0]:
            ch = "o" + stripped[0]
            if ch not in rst_levels:
                rst_levels.append(ch)
            add("heading", [num, num + 1, num + 2], lines[i + 1], lines[i + 1].strip(), level=rst_levels.index(ch) + 1)
            i += 3
            continue
        # setext / rst underline under a text line
        nxt = lines[i + 1] if i + 1 < n_lines else ""
        if (
            _UNDERLINE.match(nxt)
            and not _UNDERLINE.match(raw)
            and not _BULLET.match(raw)
            and not _NUMBERED.match(raw)
            and not raw.lstrip().startswith(("|", ">"))
            and len(nxt.strip()) >= min(3, len(stripped))
            and (nxt.strip()[0] in "=-" or len(nxt.strip()) >= len(stripped) - 1)
            and nxt.strip()[0] not in ":._"
        ):
            ch = nxt.strip()[0]
            if ch not in rst_levels:
                rst_levels.append(ch)
            level = rst_levels.index(ch) + 1  # reStructuredText: levels in order of first use
            add("heading", [num, num + 1], raw, stripped, level=level)
            i += 2
            continue
        if _UNDERLINE.match(raw) or re.fullmatch(r"\s*(?:\*\s*){3,}|\s*(?:_\s*){3,}", raw):
            nodes.append(Node(index=len(nodes), kind="rule", lines=[num], raw=raw, text=""))
            i += 1
            continue
        if _DIRECTIVE.match(raw) or (_RST_COMMENT.match(raw) and not stripped.startswith("...")):
            node = Node(index=len(nodes), kind="directive", lines=[num], raw=raw, text="")
            nodes.append(node)
            i += 1
            base = _indent_of(raw)
            while i < n_lines and lines[i].strip() and _indent_of(lines[i]) > base:  # its options/body
                node.lines.append(i + 1)
                node.raw += "\n" + lines[i]
                i += 1
            continue
        ind = _indent_of(raw)
        m = _ATX.match(raw)
        if m and ind < 4:
            add("heading", [num], raw, m.group("rest"), level=len(m.group("h")) - (1 if m.group("h")[0] == "=" else 0))
            i += 1
            continue
        if stripped.startswith(">"):
            qd = len(re.match(r"^(?:>\s?)+", stripped).group(0).replace(" ", ""))
            body = re.sub(r"^(?:>\s?)+", "", stripped)
            if not body.strip():
                nodes.append(Node(index=len(nodes), kind="quote", lines=[num], raw=raw, text="", quote_depth=qd))
            elif _TEMPLATE_HINT.match(body) or (nodes and nodes[-1].kind == "comment" and nodes[-1].lines[-1] == hint_line >= num - 2):
                # "> In this section, you can write about ...", "> Examples:" and the line under it: the template's guidance
                nodes.append(Node(index=len(nodes), kind="comment", lines=[num], raw=raw, text=""))
                hint_line = num if _TEMPLATE_HINT.match(body) else 0
            else:
                node = add("quote", [num], raw, body, quote_depth=qd, indent=ind)
                node.label, node.rest = _label_split(node.text)
            i += 1
            continue
        if stripped.startswith("|") or (stripped.count("|") >= 2 and not _BULLET.match(raw)):
            if _TABLE_SEP.match(stripped) and nodes and nodes[-1].kind == "table_row":
                nodes[-1].lines.append(num)
                nodes[-1].header = True  # header row of a table
                i += 1
                continue
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            node = add("table_row", [num], raw, " | ".join(c for c in cells if c), indent=ind)
            node.cells = [clean(c).text for c in cells]
            i += 1
            continue
        if _RST_TABLE.match(raw):
            nodes.append(Node(index=len(nodes), kind="rule", lines=[num], raw=raw, text=""))
            i += 1
            continue
        if i in marked:  # "2 **    regex modifiers (B, moritz, pmichaud)": an entry; its marker is no text (nor bold)
            node = add("bullet", [num], raw, _without_notes(_MARKED.match(raw).group("rest"), marked_notes), indent=_indent_of(raw))
            _labels(node)
            i += 1
            continue
        bm = _BULLET.match(raw)
        nm = None if bm else _NUMBERED.match(raw)
        if (bm or nm) and not (nm and re.match(r"^\s*\d{1,2}\.\d", raw)):
            mm = bm or nm
            rest = mm.group("rest")
            kind = "bullet" if bm else "numbered"
            checked = None
            cm = _CHECK.match(rest) or (None if rest.lstrip().startswith("~~") else _TRAILING_CHECK.match(rest))
            if cm:
                kind = "checkbox"
                checked = _box(cm.group("c"))
                rest = cm.group("rest")
            bs = _BRACKET_SPEAKER.match(rest) if kind != "checkbox" else None
            if bs and bs.group("name") in bracket_names:  # "* [lee] Safari supports it already": lee said it
                node = add(kind, [num], raw, bs.group("rest"), indent=ind, checked=checked, speaker=bs.group("name").lstrip("@"))
            else:
                node = add(kind, [num], raw, rest, indent=ind, checked=checked)
            _labels(node)
            i += 1
            continue
        cm = _CHECK.match(stripped)
        if cm:
            node = add("checkbox", [num], raw, cm.group("rest"), indent=ind, checked=_box(cm.group("c")))
            _labels(node)
            i += 1
            continue
        # continuation of a list item: indented deeper than the item, directly below it
        prev = nodes[-1] if nodes else None
        if (
            prev is not None
            and prev.is_item
            and prev.lines[-1] == num - 1
            and ind > prev.indent
            and not _CHAT_TIME_FIRST.match(raw)
        ):
            prev.lines.append(num)
            prev.raw += "\n" + raw
            body = _body_of(prev.raw)
            if prev.lines[0] - 1 in marked:
                body = _without_notes(body, marked_notes)
            prev.clean = clean(body)
            prev.text = prev.clean.text
            _labels(prev)
            i += 1
            continue
        bo = _BOLD_ONLY.match(raw)
        if bo and (len(bo.group("t")) <= 80 or (bo.group("t").rstrip().endswith("?") and len(bo.group("t")) <= 200)):
            add("heading", [num], raw, bo.group("t"), level=7)  # a bold-only line: a minor heading
            i += 1
            continue
        ct = _CHAT_TIME_FIRST.match(raw)
        if ct:
            node = add("speaker", [num], raw, ct.group("rest"), indent=ind, speaker=ct.group("name").lstrip("@"), time=ct.group("time"))
            i += 1
            continue
        nt = _CHAT_NAME_TIME.match(raw)
        if nt and not nt.group("rest").strip():
            node = add("speaker", [num], raw, "", indent=ind, speaker=nt.group("name"), time=nt.group("time"))
            i += 1
            continue
        prev = nodes[-1] if nodes else None
        prev_raw = lines[num - 2].rstrip() if num >= 2 else ""
        # a wrapped sentence: its next line opens lower-case, with a link, parenthesis or code ("`/opt/docs-rs` directory.");
        # after a line stopping on "the"/"of" even a label-like line goes on it ("... most of the" + "builds are failing: as we")
        unfinished = bool(_UNFINISHED.search(prev_raw))
        lazy = markdown and (stripped[:1].islower() or stripped[:1] in "([`") and not re.search(r"[.!?:;]$", prev_raw)
        # inside an open parenthesis nothing starts a new line of the notes: "([design doc](...),\nowner: [hlopko](...))."
        in_paren = markdown and prev is not None and prev.kind == "para" and prev.raw.count("(") > prev.raw.count(")")
        lazy = lazy or in_paren
        if (
            (wrap_col or lazy)
            and prev is not None
            and prev.kind == "para"
            and prev.lines[-1] == num - 1
            and (lazy or len(prev_raw) >= 0.75 * wrap_col)
            and abs(ind - prev.indent) <= 2
            and (in_paren or (lazy and unfinished) or not _LABEL_START.match(stripped))
            and not re.match(r"^\[?\d{1,2}:\d{2}", stripped)
            and not prev.raw.rstrip().endswith((":", "  "))
            and (lazy or not (prev.label and len(nodes) > 1 and nodes[-2].kind == "para" and nodes[-2].label))
        ):
            # a hard-wrapped paragraph: one node over several lines
            prev.lines.append(num)
            prev.raw += "\n" + raw
            prev.clean = clean(" ".join(x.strip() for x in prev.raw.split("\n")))
            prev.text = prev.clean.text
            _labels(prev)
            i += 1
            continue
        if _GUIDANCE.match(stripped) or (prev is not None and prev.kind == "comment" and prev.raw == "guidance" and prev.lines[-1] == num - 1):
            # "These sections should be filled out once we've resolved the incident ...": the template's own words
            nodes.append(Node(index=len(nodes), kind="comment", lines=[num], raw="guidance", text=""))
            i += 1
            continue
        node = add("para", [num], raw, stripped, indent=ind)
        if re.search(r"\s[-–—]\s*$", raw) and i + 1 < n_lines and (_BULLET.match(lines[i + 1]) or _NUMBERED.match(lines[i + 1])
                                                             or (i + 2 < n_lines and not lines[i + 1].strip() and _BULLET.match(lines[i + 2]))):
            node.text = node.text.rstrip(" -–—") + ":"  # "I have the following tasks on my roadmap -" over its list: a lead, as with a colon
        _labels(node)
        if (_LIST_HEAD.fullmatch(node.text.strip(" :")) and i + 1 < n_lines and (_BULLET.match(lines[i + 1]) or _NUMBERED.match(lines[i + 1]))
                or i + 1 in marked and len(node.text.split()) <= 6 and node.text.rstrip()[-1:] not in ".!?,;"):
            # "Ought to have items" over its "2 **  ..." lines: the list's heading
            node.kind = "heading"
            node.level = 8
            node.text = node.text.strip(" :")
        if not markdown and _heads_indented_block(node, lines, i):
            node.kind, node.level = "heading", 6  # "Meeting Attendees" over its indented names: a plain-text heading
        if node.label and not node.rest and not node.kind == "speaker" and len(node.label) <= 40 and not quote_intro(node):
            # ("Dana Reyes writes of the Audio project:" introduces the quote below it: no heading)
            node.kind = "heading"
            node.level = 8  # "Label:" on its own line: a label heading, below every real heading
            node.text = node.label
        i += 1

    _numbered_topics(nodes, lines)
    _dash_tables(nodes)
    _name_lines_over_lists(nodes, lines)
    _person_bullets_as_heads(nodes)  # after: '- **@trallard**' over '@kulsoomzahra' + list heads them
    if markdown:
        _topic_lines(nodes, lines)  # after the name lines: "Burt" over his list is his round, no topic
    _nest(nodes)
    if marked_notes:
        _mark_legends(nodes)
    return Outline(nodes=nodes, lines=source, front_matter=front)


def _heads_indented_block(node: Node, lines: list[str], i: int) -> bool:
    """A short unindented line with no sentence end whose next non-blank line is indented deeper
    ("Meeting Attendees" over "    Conner Black"): in plain text, the heading of that block."""
    if node.indent or node.label or not node.text or len(node.text.split()) > 8 or node.text.rstrip()[-1:] in ".!?,;":
        return False
    nxt = next((x for x in lines[i + 1 : i + 4] if x.strip()), None)
    return nxt is not None and len(nxt) - len(nxt.lstrip()) >= 2


def _wrap_column(lines: list[str]) -> int:
    """The column a hard-wrapped document wraps at (0: lines are not hard-wrapped). A wrapped
    document has no prose line much longer than ~100 characters and many lines near its longest."""
    lens = [len(x.rstrip()) for x in lines if x.strip() and not re.match(r"^\s*(?:[-*+>|#]|\d+[.)])", x)]
    if not lens:
        return 0
    top = max(lens)
    full = [n for n in lens if n >= 0.75 * top and n >= 55]
    return top if top <= 100 and len(full) >= 4 and len(full) >= 0.3 * len(lens) else 0


def _body_of(raw: str) -> str:
    first, *more = raw.split("\n")
    mm = _BULLET.match(first) or _NUMBERED.match(first) or _MARKED.match(first)
    rest = mm.group("rest") if mm else first.strip()
    cm = _CHECK.match(rest)
    if cm:
        rest = cm.group("rest")
    return " ".join([rest, *(m.strip() for m in more)])


# a chat-style speaker tag opening a list entry: "* [kiara] I will file an issue" (a name with a lower-case
# letter: "[WIP]", "[DPC]" are the notes' tags)
_BRACKET_SPEAKER = re.compile(r"^\s*\[(?P<name>@?[A-Za-z][\w.'-]{1,30}(?: [A-Z][\w.'-]+){0,2})\]\s+(?!\()(?P<rest>\S.*)$")


def _bracket_speakers(lines: list[str]) -> set[str]:
    """The names of chat-style speaker tags that open three or more list entries of the notes."""
    seen: dict[str, int] = {}
    for raw in lines:
        bm = _BULLET.match(raw) or _NUMBERED.match(raw)
        m = _BRACKET_SPEAKER.match(bm.group("rest")) if bm else None
        if m and re.search(r"[a-z]", m.group("name")) and not _CHECK.match(bm.group("rest")):
            seen[m.group("name")] = seen.get(m.group("name"), 0) + 1
    return set(seen) if sum(seen.values()) >= 3 and len(seen) >= 2 else set()


def _labels(node: Node) -> None:
    label, rest = _label_split(node.text)
    colon = re.search(r":(?!//)", node.raw or "") if label is not None else None
    if colon and node.raw[: colon.start()].count("[") > node.raw[: colon.start()].count("]"):
        label, rest = None, None  # "I filed an issue [Feature request: Add ...](url)": the colon is the link's
    node.label, node.rest = label, (clean(rest).text if rest is not None else None)


def _marked_lines(lines: list[str]) -> set[int]:
    """0-based indices of the lines of column lists ("1 **    core code review (pmichaud)"): three or
    more such lines in the notes, each next to another (a wrapped line may sit between)."""
    hits = [j for j, x in enumerate(lines) if _MARKED.match(x)]
    if len(hits) < 3:
        return set()
    near = set(hits)
    return {j for j in hits if any(k in near for k in (j - 2, j - 1, j + 1, j + 2))}


# a note the notes define for their entries: "B.  Requires some improvements to the grammar", "(Z4) we expect ..."


def _note_marks(lines: list[str]) -> set[str]:
    return {m.group("a") or m.group("b") for x in lines if (m := NOTE_DEF.match(x))}


def _without_notes(rest: str, marks: set[str]) -> str:
    """An entry's closing bracket without the marks of notes the notes define: "(A, D, pmichaud)" ->
    "(pmichaud)", "(C)" -> "" (the letters point to notes; the names are the people on it)."""
    def strip(m: re.Match) -> str:
        parts = [p.strip() for p in m.group(1).split(",")]
        if not any(p in marks for p in parts):
            return m.group(0)
        kept = [p for p in parts if p and p not in marks]
        return f" ({', '.join(kept)})" if kept else ""
    return re.sub(r"\s*\(([^()]*)\)", strip, rest).strip()


def table_header(outline: Outline, row: Node) -> list[str]:
    """The header cells of the table ``row`` belongs to (the nearest header row above it)."""
    for n in reversed(outline.nodes[: row.index]):
        if n.kind != "table_row":
            break
        if n.header:
            return n.cells
    return []
