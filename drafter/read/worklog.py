"""Worklogs: dated entries; "what I did / what's next / where I got stuck" sections.

Each entry (a dated heading, or the document's title when the log is one entry) is one item.
Its sections give the mode: what I did -> actions, what's next -> commitments (the writer's when
the log is first person), where I got stuck -> waits or risks, unless the section answers "No"
(then the question is answered and nothing is blocked) or says it is over ("All I did was get
stuck again & again. But all is well now": answered, no blocker).

Status-report questions are read by what they ask (:func:`_asks`): "What issues or roadblocks
have you encountered?" lists difficulties (risks; a dependency on someone is a wait), "Have they
been resolved?" is answered per difficulty ("For squashing commits, had help from Dilushi" is
done; "For tests, not yet" answers the question, it is no outcome), "Do any of the issues still
exist?" lists what remains (risks), "How does your progress compare to your schedule?" is a risk
when it says late or behind.

Prose under no such section, in a first-person log (a quarterly status report, a dispatch), is
read sentence by sentence: "I have fixed ...", "D is now enabled in ..." are done; "I am still
working on ..." and "next time I would like to ..." are the writer's commitments; "I expect
upstream to fix it" is a wait; "one of the main remaining problems", "this cannot be done as
easily" are risks; explanation stays a note.
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import Action, Commitment, Question
from .genre import _DATE_HEAD, GenreGuess
from .outline import Node, Outline
from .people import People, quote_intro
from .sections import is_mode_heading, topic_bullet, walk
from .signals import WAIT_RE, classify, is_none_answer, is_question, mode_of, sentences
from .topics import LogBuilder, place_links, quoted_by
from .worklog_prose import _FIRST_PAST, _NEXT_LEAD, _RESOLVED, _add, _prose_kind, _read_prose


def _label_heading(h: Node) -> bool:
    """A section label ("What I did this week", "Blockers", "Did I get stuck anywhere?"), not a topic: a
    mode word in a short heading, or a question. "Resolution of a conflict preventing the installation of
    multiple GCC versions" is a topic."""
    return is_question(h.text) or _asks(h.text) is not None or (is_mode_heading(h) and len(h.text.split()) <= 6)


def _title_heading(b: LogBuilder) -> Node | None:
    """The document's title: the only heading at the top level, with others below it."""
    heads = b.outline.headings()
    if len(heads) < 2:
        return None
    top = min(h.level for h in heads)
    tops = [h for h in heads if h.level == top]
    return tops[0] if len(tops) == 1 and tops[0] is heads[0] else None


def _topic(b: LogBuilder, node):
    intro = node if quote_intro(node) and _quote_after(b, node) else quoted_by(b.outline, node)
    if intro is not None:  # a digest of people's updates: each "X writes of the Y project:" + quote is X's
        who = b.people.get(quote_intro(intro))
        said = intro.text.strip().rstrip(":")
        name = quote_intro(intro)
        about = re.sub(rf"^{re.escape(name)}\s+\w+\s+(?:of|about|on|from)\s+(?:the\s+|their\s+|his\s+|her\s+)?", "", said)
        title = f"{about[:1].upper()}{about[1:]} ({name})" if about != said else said  # "Rich Profiles project (Lalith R.)"
        return ("q", intro.index), title, intro, who.name if who else None
    path = b.outline.heading_path(node)
    dated = [h for h in path if _DATE_HEAD.search(h.text)]
    if dated:
        h = dated[-1]
        return ("d", h.index), h.text, h, None
    title = b.__dict__.get("title_heading")
    named = [h for h in path if not _label_heading(h)]
    if path and not named:
        entry = _entry_before(b, path[-1]) or _entry_before(b, path[0])
        if entry is not None:  # "## Week 4" then "## Status Update", "## Plan" at its level: that week's sections
            return ("d", entry.index), entry.text, entry, None
        if path[0].level <= 2 and path[0].line <= 3:  # "# Status Update" over its parts: the report's own title
            return ("h", path[0].index), path[0].text, path[0], None
        top = b.outline.headings()[0]
        if top.line <= 3 and top.level <= path[0].level and _label_heading(top):
            # "## Last Week's Accomplishments" on line 1, then "## This Week's Plan", "## Anything Blocking?": one
            # report with no title of its own, its first section heading it (not the first bullet's words)
            return ("h", top.index), top.text, top, None
    below = [h for h in named if h is not title]
    if below:  # a sub-topic of a report ("D language", "Crashes with -fsanitize=address")
        h = below[-1]
        return ("h", h.index), h.text, h, None
    if named:
        h = named[0]
        return ("h", h.index), h.text, h, None
    tb = topic_bullet(b, node)
    if tb is not None:
        return ("b", tb.index), tb.text, tb, None
    fm = b.outline.front_matter.get("title") if isinstance(b.outline.front_matter, dict) else None
    if isinstance(fm, str) and fm.strip():
        return ("doc",), fm.strip(), None, None
    first = next((n for n in b.outline.content() if n.kind != "heading"), node)
    return ("doc",), " ".join(first.text.split()[:8]), None, None


def _stuck_kind(asks: str, s: str) -> str:
    """A sentence under "Anything blocking?" / "Need help?": a question, a wait on someone, or a risk."""
    if asks == "blocked" and is_question(s):
        return "question"
    if re.search(r"\b(?:need(?:s|ed)?|waiting|awaiting|depends? on)\b.*\b(?:help|mentor|approval|review|access|reply|answer|feedback)\b|\baccess(?:ing)?\b", s, re.I) or WAIT_RE.search(s) or asks == "help":
        return "wait"
    return "risk"


def _entry_before(b: LogBuilder, h: Node) -> Node | None:
    """The dated entry heading a section label heading follows at its own level or above ("## Week 4"
    before "## Status Update"), when no other named heading comes between."""
    for x in reversed(b.outline.nodes[: h.index]):
        if x.kind != "heading" or x.level > h.level:
            continue
        if _DATE_HEAD.search(x.text):
            return x
        if not _label_heading(x) and not b.people.known(x.text.strip(" :*_")):  # "## Dana Reyes": whose report, not a topic
            return None
    return None


def _quote_after(b: LogBuilder, node) -> bool:
    nodes = b.outline.nodes
    return node.index + 1 < len(nodes) and nodes[node.index + 1].kind == "quote"


_ISSUES = r"(?:issues?|problems?|roadblocks?|blockers?|obstacles?|difficult(?:y|ies)|challenges?|hurdles?|stuck|impediments?)"
_ASKS: list[tuple[str, re.Pattern]] = [
    ("remain", re.compile(rf"\b{_ISSUES}\b.*\b(?:still exist|still remain|remain(?:ing)?|outstanding|left)\b|\bstill (?:exist|remain)\b", re.I)),
    ("resolved", re.compile(rf"\b(?:have|has|were|was)\s+(?:they|it|these|those|the {_ISSUES})\s+(?:been\s+)?(?:resolved|solved|fixed|overcome)\b|"
                            rf"\bhow (?:did|have) (?:you|i|we) (?:resolve|solve|overcome)\b", re.I)),
    ("help", re.compile(r"\b(?:further |any )?(?:assistance|help|support)\b.*\b(?:necessary|needed|required|need)\b|\bneed (?:any )?(?:help|assistance)\b", re.I)),
    ("schedule", re.compile(r"\b(?:progress|status)\b.*\b(?:compare|schedule|plan|timeline|on track)\b|\bon (?:track|schedule)\b", re.I)),
    ("blocked", re.compile(rf"\b{_ISSUES}\b", re.I)),
]


def _asks(heading: str | None) -> str | None:
    """What a status-report question heading asks about (see the module doc), else None."""
    if not heading or not (is_question(heading) or re.match(r"^(?:what|which|how|did|do|does|have|has|is|are|were|was|any)\b", heading.strip(), re.I)):
        return None
    for name, rx in _ASKS:
        if rx.search(heading):
            return name
    return None


def _section_heading(b: LogBuilder, node: Node) -> Node | None:
    path = b.outline.heading_path(node)
    return path[-1] if path else None


def _special(b: LogBuilder, node: Node, item, mode) -> bool:
    if quote_intro(node) and _quote_after(b, node):
        b.place(item, node)  # "X writes of the Y project:": it names the item and its author
        return True
    if node.kind == "table_row" and b.first_person:
        return _read_day_row(b, node, item)
    if node.kind in ("table_row", "speaker") or (node.label and b.people.known(node.label) and node.rest is not None):
        return False
    h = _section_heading(b, node)
    asks = _asks(h.text) if h is not None else None
    if asks is None and mode == "blocked":
        asks = "blocked"
    if asks is not None:
        _read_answer(b, item, node, h, asks)
        return True
    if (mode is not None and h is not None and not _label_heading(h) and mode_of(h.text) == mode and not node.label
            and not any(x is not h and mode_of(x.text) == mode for x in b.outline.heading_path(node))):  # "Next Milestones" above it says so
        mode = None  # the mode came from a topic's title ("Resolution of a conflict ..."), not from a section label
    if mode == "doing" and b.first_person and len(sentences(node.text)) == 1 and _NEXT_LEAD.match(node.text.strip()):
        b.place(item, node)
        _add(b, item, "commitment", node.text, node.lines)  # "As the next step, I can focus on ...": what I will do
        return True
    if node.kind == "quote" and b.first_person and not quoted_by(b.outline, node) and _told_before(b, node):
        b.place(item, node)  # "this is a message we got right after ...:" > the message: someone else's words, context
        item.notes.extend(s.strip() for s in sentences(node.text) if s.strip())
        return True
    if mode in (None, "plain", "done") and b.first_person:
        _read_prose(b, item, node, mode)
        return True
    if mode == "doing" and b.first_person and not node.label and any(_reported(b, x) for x in sentences(node.text)):
        _read_doing(b, item, node)
        return True
    return False


def _told_before(b: LogBuilder, node: Node) -> bool:
    """Does the line before a quote say it quotes someone ("this is a message we got ...:", "they wrote:")?"""
    prev = next((n for n in reversed(b.outline.nodes[: node.index]) if n.text and n.kind != "quote"), None)
    return prev is not None and prev.text.rstrip().endswith(":") and bool(
        re.search(r"\b(?:message|email|mail|note|reply|comment|said|says|wrote|writes|told|announcement|quote)\b", prev.text, re.I))


def _reported(b: LogBuilder, s: str) -> bool:
    """A sentence under "In progress" / "Plan" that reports, not plans: what was done ("Attempted again
    in a second WIP PR", "Posted my WIP PR"), a pointer ("Here was my first WIP PR"), what someone said
    ("Joel mentioned at F8 to ..."), a state ("Also, the new preview feature is awesome!")."""
    from .standup import past_tense

    s = s.strip()
    if re.search(r"\b(?:will|'ll|need(?:s)? to|should|must|plan(?:ning)? to|going to|want to|hope to|next)\b", s, re.I):
        return False
    if past_tense(s) or _FIRST_PAST.match(s) or re.match(r"^here\s+(?:is|was|are|were)\b", s, re.I):
        return True
    first = s.split()[0] if s.split() else ""
    if re.match(r"^\S+\s+(?:mentioned|said|told|suggested|asked|noted|explained)\b", s) and (b.people.known(first) or first[:1].isupper()):
        return True
    return bool(re.match(r"^(?:also,?\s+)?(?:the|this|that|it)\b[^.!?]*\b(?:is|are|was|were)\b", s, re.I))


def _read_doing(b: LogBuilder, item, node: Node) -> None:
    """An entry of a first-person log's "In progress" section, sentence by sentence: a report is read as
    prose (done, a note); the rest is what I am doing."""
    from .standup import past_tense

    b.place(item, node)
    for s in (x.strip() for x in sentences(node.text)):
        if not s:
            continue
        if _reported(b, s):
            done = past_tense(s) or _FIRST_PAST.match(s)  # "Posted my WIP PR here with questions": done
            _add(b, item, "done" if done else _prose_kind(b, s, node, None, False), s, node.lines)
        else:
            sig = classify(s, "doing", b.people, checked=node.checked, first_person=b.first_person)
            b.add_signal(item, sig, node.lines, "doing")


def _read_day_row(b: LogBuilder, node: Node, item) -> bool:
    """A row of a daily work table ("| 4 | Thursday | 2020/07/02 | a. WIP : Access setup |") under a
    header that says the column holds the work done: each entry in the cell is done on that day,
    "WIP: ..." is work still going on (once, however many days repeat it), a break is no work."""
    from .outline import table_header

    header = [h.lower() for h in table_header(b.outline, node)]
    col = next((i for i, h in enumerate(header) if re.search(r"\b(?:work done|done|did|description|what|work|tasks?|activit)", h)), None)
    if node.header or col is None or col >= len(node.cells) or not re.search(r"\b(?:done|did|work)", header[col]):
        return False
    b.place(item, node)
    raw_cells = [c.strip() for c in node.raw.strip().strip("|").split("|")]
    raw = raw_cells[col] if col < len(raw_cells) else node.cells[col]
    from .markup import clean

    for part in re.split(r"<br\s*/?>", raw, flags=re.I):
        text = re.sub(r"^\s*[a-z0-9][.)]\s+", "", clean(part).text).strip(" .")
        if not text or re.fullmatch(r"(?:break|day off|off|holiday|leave|rest|sick|-+)", text, re.I):
            continue
        wip = re.match(r"^(?:wip|in progress|ongoing|working on)\s*[:\-–]?\s*(?P<what>.+)$", text, re.I)
        if wip:
            what = wip.group("what")
            same = next((c for c in item.commitments if c.what == what), None)
            if same is not None:
                same.lines = sorted(set(same.lines) | set(node.lines))
            else:
                item.commitments.append(Commitment(what=what, owner="I", lines=list(node.lines)))
            continue
        text = re.sub(r"^(?:done with|done|completed?)\s*[:\-–]?\s*", lambda m: "Done with " if m.group(0).lower().startswith("done with") else m.group(0), text, flags=re.I)
        item.actions.append(Action(text=text, actor="I", on=_row_date(b, node), lines=list(node.lines)))
    return True


def _row_date(b: LogBuilder, node: Node) -> dt.date | None:
    """The row's date: a written date in a cell before a weekday name ("Thursday | 2020/07/02")."""
    from ..dates import find_dates

    found = [m for c in node.cells for m in find_dates(c, b.as_of, "past")]
    full = [m for m in found if re.search(r"\d{4}", m.text)]
    return (full or found or [None])[0].date if (full or found) else None


def _section_text(b: LogBuilder, h: Node | None) -> str:
    if h is None:
        return ""
    return " ".join(n.text for n in b.outline.descendants(h) if n.text)


def _read_answer(b: LogBuilder, item, node: Node, h: Node | None, asks: str) -> None:
    """A line of the answer to a status-report question (see the module doc)."""
    b.place(item, node)
    text = node.text
    if not text:
        return
    q = h.text.strip().rstrip(":") if h is not None else ""
    hl = list(h.lines) if h is not None else []
    if is_none_answer(text):
        if any(node.line in x.lines for x in item.questions):
            return  # already the answer of its question (``sections.no_blocker``)
        _answered(item, q, text, sorted(set(hl) | set(node.lines)))
        return
    if asks == "blocked" and _RESOLVED.search(_section_text(b, h)):
        _answered(item, q, text, sorted(set(hl) | set(node.lines)))  # "All I did was get stuck ... But all is well now"
        return
    said = [x.strip().rstrip(" ;,") for x in sentences(text) if x.strip().rstrip(" ;,")]
    if (asks in ("blocked", "help", "remain") and len(said) == 2 and re.search(r"\b(?:this|that|it|one|these|those|there)\b", said[1], re.I)
            and not any(_stuck_kind(asks, x) != "risk" for x in said)):
        # "I will likely need to enter a credit card ... I don't really want to use a personal one for this.":
        # one difficulty told in two sentences, the second leaning on the first
        _add(b, item, "risk", " ".join(x if x.endswith((".", "!")) else x + "." for x in said), node.lines)
        return
    for s in said:
        if asks in ("blocked", "help", "remain"):
            _add(b, item, _stuck_kind(asks, s), s, node.lines)
        elif asks == "resolved":
            if re.search(r"\bnot yet\b|\bno\b|\bstill\b|\bnot (?:resolved|solved|fixed)\b|\bwip\b|\bin progress\b|\bongoing\b", s, re.I):
                if len(s.split()) <= 4 or re.match(r"^(?:for|regarding|re|about|on|with|as for)\b[^,]{0,60},\s*(?:not yet|no|not really|still \w+)\W*$", s, re.I):
                    # "For tests, not yet.": answers the question; the difficulty itself is read above
                    _answered(item, q, s, sorted(set(hl) | set(node.lines)), keep=True)
                else:
                    _add(b, item, "risk", s, node.lines)  # "Travis fail build is wip."
            else:
                _add(b, item, "done", s, node.lines)  # "For squashing commits, had help from Dilushi."
                _resolve(item, s)
        elif asks == "schedule":
            _add(b, item, "risk" if re.search(r"\b(?:late|behind|delay\w*|slipp\w*|catching up|not on (?:track|schedule))\b", s, re.I) else "outcome", s, node.lines)


def _resolve(item, answer: str) -> None:
    """"For squashing commits, had help from Dilushi": the difficulty it names ("Squashing commits") is no
    longer open."""
    m = re.match(r"^(?:for|regarding|re|about|on|with|the)\s+(?P<x>[^,.:]+)[,:]", answer, re.I) or re.match(
        r"^(?P<x>[^,.:]{3,60}?)\s+(?:is|are|was|were|got|has been|have been)\s+(?:now\s+)?(?:solved|resolved|fixed|done|sorted)\b", answer, re.I)
    if not m:
        return
    words = {w for w in re.findall(r"[a-z]{4,}", m.group("x").lower())}
    for r in list(item.risk_notes):
        if words and words <= set(re.findall(r"[a-z]{4,}", r.text.lower())):
            item.risk_notes.remove(r)
            if r.text in item.risks:
                item.risks.remove(r.text)


def _answered(item, q: str, answer: str, lines: list[int], keep: bool = False) -> None:
    """The question answered by its section: "Did I get stuck anywhere? No, I didn't get stuck anywhere."."""
    text = f"{q} {answer}" if q.endswith("?") else (f"{q}: {answer}" if q else answer)
    same = next((x for x in item.questions if q and x.text.startswith(q)), None)
    if same is not None and not keep:
        same.text = f"{same.text} {answer}"
        same.lines = sorted(set(same.lines) | set(lines))
        return
    if same is not None:
        same.text = f"{same.text} {answer}"
        same.lines = sorted(set(same.lines) | set(lines))
        return
    item.questions.append(Question(text=text, answered=True, lines=list(lines)))


def read_worklog(outline: Outline, people: People, as_of: dt.date, guess: GenreGuess):
    b = LogBuilder(outline, people, as_of, "worklog", guess.first_person)
    b.title_heading = _title_heading(b)
    walk(b, _topic, _special)
    fm = next((n for n in outline.nodes if n.kind == "front_matter"), None)
    title = outline.front_matter.get("title") if isinstance(outline.front_matter, dict) else None
    if fm is not None and isinstance(title, str):
        doc = next((w for w in b.items if w.title and title.strip().startswith(w.title[:40])), None)
        if doc is not None:
            b.place(doc, fm)  # the front matter that titles the log: the item's own lines
    _place_front(b)
    place_links(b)
    log = b.finish()
    for w in log.items:
        for r in list(w.risk_notes):  # "Thesis" as a roadblock, elaborated below ("Thesis work will end next week")
            words = set(re.findall(r"\w+", r.text.lower()))
            if len(words) <= 2 and any(x is not r and words <= set(re.findall(r"\w+", x.text.lower())) for x in [*w.risk_notes, *w.questions]):
                w.risk_notes.remove(r)
                if r.text in w.risks:
                    w.risks.remove(r.text)
        if w.risk_notes and w.done:
            w.done = False  # a week that leaves a difficulty open is not all done
    return log


def _place_front(b: LogBuilder) -> None:
    """The report's title and the lines before its first entry ("Links:", "Contact: ...") head the
    first item: they are its context, not lines the log failed to read."""
    full = [w for w in b.items if w.lines and (w.actions or w.commitments or w.waits or w.decisions or w.outcomes or w.questions or w.risk_notes)]
    if not full:
        return
    first = min(full, key=lambda w: min(w.lines))
    cited = [n for x in [*first.actions, *first.commitments, *first.waits, *first.outcomes, *first.decisions, *first.questions, *first.risk_notes]
             for n in x.lines]
    start = min(cited) if cited else min(first.lines)  # the lines before its first element: the title, "Links:", "Contact:"
    for w in b.items:
        if w is not first and w not in full and w.lines and max(w.lines) < start:
            for n in list(w.lines):  # an empty topic before the first entry ("Contact: ..." under the title)
                b.placed.pop(n, None)
            w.lines = []
    for node in b.outline.nodes:
        if node.lines and node.lines[0] < start and not any(n in b.placed for n in node.lines):
            b.place(first, node)

