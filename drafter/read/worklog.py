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

from ..models import Action, Commitment, Note, Outcome, Question, Wait
from .genre import _DATE_HEAD, GenreGuess
from .outline import Node, Outline
from .people import People, is_me, quote_intro
from .regex_gate import gated
from .sections import is_mode_heading, topic_bullet, walk
from .signals import DONE_RE, DONE_VERBS, OUTCOME_RE, PASSIVE_DONE_RE, RISK_RE, WAIT_RE, classify, is_none_answer, is_question, mode_of, sentences
from .signals import _risk_word_denied as risk_word_denied
from .status_words import IN_PROGRESS
from .topics import LogBuilder, leads_a_list, place_links, quoted_by


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


_RESOLVED = gated(r"\b(?:all is (?:well|good|fine)(?: now)?|all good now|(?:is|are|was|were|got) (?:now )?(?:resolved|solved|fixed|sorted(?: out)?)|"
                       r"works now|working now|no longer (?:stuck|blocked|an issue)|resolved now)\b", re.I)
_ONGOING = gated(r"^(?:.{0,300}?,\s*)?(?:i\s*(?:am|'m|’m)\s+(?:still\s+|currently\s+|also\s+)*(?P<v>working on|looking into|investigating|studying|merging|porting|fixing|writing|testing)\b|"
                      r"(?:i\s+)?(?:am\s+)?still (?P<v2>working on)\b)", re.I)
_BASE = {"working on": "work on", "looking into": "look into", "investigating": "investigate", "studying": "study", "merging": "merge",
         "porting": "port", "fixing": "fix", "writing": "write", "testing": "test"}
_INTEND = gated(r"^(?:(?:however|so|but|also|and)\s*,?\s+)?(?:(?:next time|next quarter|next year|next month|in (?:the )?future|going forward),?\s+)?"
                     r"i\s+(?:would like to|'d like to|plan to|intend to|hope to|want to|aim to)\s+(?:attempt to\s+|try to\s+)?(?P<what>\w.+)$", re.I)
_EXPECT = gated(r"\b(?:i|we)\s+expect\s+(?P<who>(?:the\s+)?[\w@.-]+(?:\s+[\w@.-]+)?)\s+to\s+(?:fix|resolve|address|merge|release|review|reply|respond)\b", re.I)
_DIFFICULT = gated(
    r"\b(?:remaining problems?|problems? to solve|cannot be done|can'?t be done|not (?:as )?easy|not (?:be )?easily|harder|difficult|time-consuming|"
    r"scarc\w*|shortage|struggl\w*|(?:months?|weeks?|days?|years?|fall(?:ing|en)?|fell|is|are|was|were) behind|behind schedule|late on|catching up|unable to|couldn'?t|could not|crash(?:es|ing)?|fails?|failing|still (?:fails|failing|broken))\b",
    re.I,
)
_FIRST_PAST = gated(
    rf"^(?:[^,.]{{0,40}},\s+|(?:(?:\w+ly|then|so|also|now|(?:during |over |in )?(?:this|last|the past) (?:week|month|sprint))\s+){{1,3}})?(?:i|we)\s+(?:have\s+|had\s+|'ve\s+|’ve\s+)?(?:also\s+|then\s+|finally\s+|just\s+|eventually\s+|successfully\s+)*"
    rf"(?:{DONE_VERBS}|\w+ed|made|wrote|ran|got|did|built|found|took|began|led|read|met|spent|fixed)\b",
    re.I,
)
_RESULT = gated(r"\b(?:have|has)\s+(?:\w+ly\s+)?(?:stood up|come forward|volunteered|offered|joined|grown|become)\b|\b(?:was|were)\s+(?:\w+ly\s+)?(?:brought|raised|proposed|reported)\b", re.I)
_NEXT_LEAD = gated(r"^(?:as (?:the|a|my) next steps?|as next steps?|next|then|next week|going forward|after that)\s*,?\s+(?:i|we)\s*(?:can|could|will|'ll|plan to|want to|would like to|need to|have to|am going to|are going to|shall)\s+(?P<what>\w.+)$", re.I)
_BEEN_DONE = gated(rf"\b(?:has|have) been\s+(?:\w+ly\s+)?(?:{DONE_VERBS}|documented|approved|merged|resolved)\b", re.I)
_NOW_DONE = gated(r"\b(?:is|are|can)\s+now\b|^now,?\s+\S.*\b(?:can|is|are)\b|\bis now current\b|\bare now current\b", re.I)
_META = gated(r"^(?:contact|links?|urls?|see also|references?|sponsors?|the link of my work|blog post)\b.*?:", re.I)


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
    if mode is not None and h is not None and not _label_heading(h) and mode_of(h.text) == mode and not node.label:
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
    for sent in sentences(text):
        s = sent.strip().rstrip(" ;,")
        if not s:
            continue
        if asks in ("blocked", "help", "remain"):
            if asks == "blocked" and is_question(s):
                _add(b, item, "question", s, node.lines)
            elif re.search(r"\b(?:need(?:s|ed)?|waiting|awaiting|depends? on)\b.*\b(?:help|mentor|approval|review|access|reply|answer|feedback)\b|\baccess(?:ing)?\b", s, re.I) or WAIT_RE.search(s) or asks == "help":
                _add(b, item, "wait", s, node.lines)
            else:
                _add(b, item, "risk", s, node.lines)
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


def _read_prose(b: LogBuilder, item, node: Node, mode) -> None:
    """A sentence of a first-person report under no status question (see the module doc)."""
    b.place(item, node)
    text = node.text
    if not text:
        return
    if node.kind == "heading":
        return
    parts = sentences(text)
    if mode is None and node.is_item and _highlights(b, node):
        mode = "done"  # "I am happy to report some highlights of my tenure so far:" + a list
    for k, sent in enumerate(parts):
        for j, s in enumerate(_clauses(sent.strip())):
            s = s.strip()
            if not s:
                continue
            if j > 0 and re.search(r"\bwill\b", s):
                _add(b, item, "intend", s, node.lines)  # "... and that work will continue into early 2023"
                continue
            kind = _prose_kind(b, s, node, mode, k == 0 and len(parts) == 1)
            if kind == "question" and k < len(parts) - 1:
                kind = "note"  # "Why, you ask? Well, this is a message we got ...": the writer answers it in the next breath
            _add(b, item, kind, s, node.lines)


def _clauses(sent: str) -> list[str]:
    """A sentence as the parts that read differently: "... and that work will continue" (a plan after what
    was done), "I plan to X, but this cannot be done as easily" (a plan and its difficulty), "This is
    because ...: for the -devel port I expect upstream to fix it" (the wait in the second part)."""
    out = []
    for part in _THEN_WILL.split(sent):
        m = re.search(r",\s+but\s+", part)
        if m and _INTEND.match(part[: m.start()]) and _DIFFICULT.search(part[m.end():]):
            out += [part[: m.start()], part[m.end():]]
            continue
        if ": " in part and _EXPECT.search(part.split(": ", 1)[1]) and not _EXPECT.search(part.split(": ", 1)[0]):
            out += [part.split(": ", 1)[1]]
            continue
        out.append(part)
    return out


_THEN_WILL = gated(r",?\s+and\s+(?=(?:that|this|the) (?:work|effort|project|port)\b[^.]{0,20}\bwill\b)", re.I)


def _highlights(b: LogBuilder, node: Node) -> bool:
    """Is ``node`` an item of a list introduced by a line that says it lists what was done?"""
    top = node
    while b.outline.parent(top) is not None and b.outline.parent(top).is_item:
        top = b.outline.parent(top)
    before = [n for n in b.outline.nodes[: top.index] if n.text and n.kind != "heading"]
    if not before or before[-1].is_item:
        prev = before[-1] if before else None
        while prev is not None and prev.is_item:
            i = before.index(prev)
            prev = before[i - 1] if i > 0 else None
        lead = prev
    else:
        lead = before[-1]
    return bool(lead is not None and lead.text.rstrip().endswith(":")
                and re.search(r"\b(?:highlights?|accomplish\w*|achiev\w*|done|completed|progress|report|checked (?:off|of)|ticked off)\b", lead.text, re.I))


def _prose_kind(b: LogBuilder, s: str, node: Node, mode, whole: bool) -> str:
    if _META.match(s) or re.match(r"^(?:thanks?|thank you|hello|hi)\b", s, re.I) or not re.search(r"[^\W_]", s):
        return "note"
    if re.match(r"^i\s+(?:hope|wish|think|believe|feel|am (?:glad|happy))\b", s, re.I):
        return "note"  # a hope or a feeling, not work
    if _ONGOING.match(s):
        return "ongoing"
    if _INTEND.match(s) or re.search(r"\b(?:coming (?:out )?soon|will be (?:released|published|available|out) soon)\b", s, re.I):
        return "intend"
    if _EXPECT.search(s):
        return "wait"
    if is_question(s):
        return "question"
    sig = classify(s, "done_item" if mode == "done" and node.is_item and whole else mode, b.people, checked=node.checked, first_person=b.first_person)
    if sig.kind == "wait" and not (re.search(r"\b(?:i|we|me|us|my|our)\b", s, re.I) and not re.search(r"\b(?:was|were) to wait\b", s, re.I)):
        sig.kind = "note"  # "The rationale ... was to wait for other operating systems": an explanation, nobody waits now
    if sig.kind in ("commitment", "wait", "decision", "question"):
        return sig.kind
    if _DIFFICULT.search(s) or (sig.kind == "risk"):
        if re.search(r"^(?:prior to|before|previously|when i started|at the start)\b", s, re.I):
            return "outcome"  # the state before the work: background, not a risk now
        if mode == "done" and not re.search(r"\b(?:still|remain\w*|scarc\w*|shortage|behind|late|is|are|cannot|can'?t)\b", s, re.I):
            return "note"  # "the IT personnel couldn't help either" in what I did: the story of the week, resolved after
        if not (_FIRST_PAST.match(s) and not re.search(r"\b(?:still|remaining|harder|cannot|can'?t)\b", s, re.I)):
            return "risk"
    if re.match(r"^(?:[^,.]{0,40},\s+)?(?:i|we)\s+(?:\w+\s+)?(?:observed|noticed|realized|realised|found|learned|learnt|saw|discovered|see)\b[^.]{0,40}?\bthat\b", s, re.I):
        return "outcome"  # "We observed in our previous results that ...": a finding
    if sig.kind == "done" and not node.is_item and not (re.search(r"\b(?:i|we)\b|\b(?:i|we)['’]", s, re.I) or _NOW_DONE.search(s) or PASSIVE_DONE_RE.search(s)):
        sig.kind = "note"  # "MONAI is an open source organization ... tested on ...": no one's action
    if IN_PROGRESS.search(s):
        return "note"  # "It is now very close to be merged, said by org admin": how far it is, not done
    settled = re.search(r"\b(?:decided|agreed|concluded|voted|chose|settled on)\b", s, re.I)
    if not settled and (sig.kind == "done" or _FIRST_PAST.match(s) or _NOW_DONE.search(s) or PASSIVE_DONE_RE.search(s) or _BEEN_DONE.search(s)
                        or (DONE_RE.match(s) and re.match(r"^(?:i|we)\b", s, re.I))):
        if not re.search(r"\b(?:not|never|didn'?t|did not)\b\s+(?:\w+\s+)?(?:work|help|succeed)", s, re.I):
            return "done"
    if sig.kind == "outcome" or OUTCOME_RE.search(s) or _RESULT.search(s):
        return "outcome"
    if RISK_RE.search(s) and re.search(r"\b(?:might|may|could|risks?|concern\w*|worr\w+)\b", s, re.I) and not risk_word_denied(s):
        return "risk"
    return "note"


def _writer(b: LogBuilder, item) -> str:
    """Who "I" is in ``item``: the author of a quoted update ("X writes of ...:"), else the log's writer."""
    if item.owner and not is_me(item.owner):
        return item.owner
    return "I" if b.first_person else ""


_AUTHOR_I = [(re.compile(r"\bI\s+(?:have|'ve)\b"), "{} has"), (re.compile(r"\bI\s+am\b|\bI'm\b"), "{} is"),
             (re.compile(r"\bI\b(?!['’])"), "{}")]


def _as_author(text: str, who: str) -> str:
    """A quoted author's "I" in their own name: "This week I have worked on X" (Ananyo Maiti's update)
    -> "This week Ananyo Maiti has worked on X"; the writer's own "I" stays."""
    if not who or who in ("I", "") or not re.search(r"\bI\b", text):
        return text
    first = who.split()[0]
    for rx, repl in _AUTHOR_I:
        text = rx.sub(lambda m: repl.format(first), text, count=1)
        if first in text:
            break
    return text


def _add(b: LogBuilder, item, kind: str, sent: str, lines: list[int]) -> None:
    text = sent.strip().rstrip(" :;,")
    if not text or kind == "none":
        return
    if leads_a_list(sent):
        return  # "Apart from this, following items have been checked of my list:": the list's lead, nothing itself
    lines = list(lines)
    if kind == "note":
        item.notes.append(text)
    elif kind == "done":
        item.actions.append(Action(text=_as_author(text, _writer(b, item)), actor=_writer(b, item), lines=lines))
    elif kind in ("ongoing", "intend"):
        m = _INTEND.match(text)
        what = m.group("what") if (kind == "intend" and m) else text
        if kind == "ongoing":
            om = _ONGOING.match(text)
            rest = text[om.end():] if om else text
            verb = (om.group("v") or "work on") if om else ""
            what = f"{_BASE.get(verb.lower(), verb)}{rest}".strip()  # "I am still working on lang/gcc13-devel" -> "work on lang/gcc13-devel"
        what = re.sub(r"^(?:since|as|because|given that|now that)\b[^,]{0,120},\s*", "", what, flags=re.I)  # the reason before the plan
        what = what.rstrip(" .!")
        item.commitments.append(Commitment(what=what, owner=_writer(b, item), lines=lines))
    elif kind == "wait":
        text = re.sub(r"^(?:in|during|for|over|throughout|this|last|both)\b[^,]{0,30}\b(?:weeks?|days?|months?|sprint|quarter|today|yesterday)\s*,\s*", "", text, flags=re.I)
        text = text[:1].upper() + text[1:]  # "In both weeks, I had issues accessing ...": the wait is what follows
        text = re.split(r",\s+by (?:using|means of)\b", text)[0]  # "I expect upstream to fix the issue soon, by using a patch ... or ...": the wait
        m = _EXPECT.search(text)
        on = m.group("who") if m else None
        if on and on.lower().startswith("the "):
            on = on[4:]
        # "Still blocked on bug 369679": a blocker now; "a PR which was blocked by this PR": a dependency told
        blocked = re.search(r"\bblock(?:ed|s|ing)\b", text, re.I) and not re.search(r"\b(?:was|were|been)\s+blocked\b", text, re.I)
        kind = "blocked" if blocked else "waiting"
        item.waits.append(Wait(what=text, on_whom=on if on and b.people.known(on) else None, kind=kind, lines=lines))
    elif kind == "risk":
        item.risks.append(text)
        item.risk_notes.append(Note(text=text, lines=lines))
    elif kind == "outcome":
        item.outcomes.append(Outcome(text=text, lines=lines))
    elif kind == "commitment" and _NEXT_LEAD.match(text) and b.first_person:
        what = _NEXT_LEAD.match(text).group("what").rstrip(" .!")  # "As the next step, I can focus on training the LDM ..."
        item.commitments.append(Commitment(what=what, owner="I", lines=lines))
    else:
        sig = classify(text, None, b.people, first_person=b.first_person)
        if sig.kind != kind and kind in ("question", "decision", "commitment"):
            sig.kind = kind
        b.add_signal(item, sig, lines)


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

