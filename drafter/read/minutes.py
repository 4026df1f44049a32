"""Minutes: attendees, agenda, discussion topics, speakers' lines, action items, decisions.

Topics are the agenda items as the minutes hold them: a heading per topic, or a short list item
with the discussion nested under it. A minor heading inside a topic ("**Discussion Points:**",
"**Packages to Release:**") is a part of that topic, not a topic of its own.

A topic's labelled parts map to what they hold: "Summary:" / "Discussion:" are context and
positions, "Resolution:" / "Decision:" / "Votes:" are outcomes, "Action items:" / "AI:" / "Next
steps:" are owners' commitments. A question or decision raised in a topic that the topic's own
resolution answers is a decision made, not an open question.

Attendee lists, notetaker / moderator lines, the agenda itself and "next meeting" are context
(never items). A speaker's lines ("Carol: ...", "**@nzakas:** ...", inline turns "... John: ...")
are read with the speaker as the one who said or did it; availability and capacity statements
are the speaker's risks, never promises. A rota ("June 29: @mdjermanovic") is an owner and a date
for the duty its section names. "agreed", "decided", votes are outcomes; questions stay questions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from ..dates import find_dates
from ..models import Commitment, Note, Outcome, Question
from .genre import GenreGuess
from .minutes_context import context as _context
from .outline import Node, Outline
from .people import People, is_me
from .sections import GENERIC_HEAD, is_mode_heading, is_reference, topic_bullet, topic_heading, walk
from .status_words import MUSING
from .signals import (
    _STATUS_ONLY,
    RISK_RE,
    Signal,
    classify,
    is_question,
    labelled_outcome,
    sentences,
)
from .section_modes import PART_ENTRY
from .topics import LogBuilder
from .repeats import drop_repeated_actions

# the labelled parts of a minutes topic, and the mode each part is read in (None: plain statements)
_PARTS: list[tuple[str | None, re.Pattern]] = [
    (None, re.compile(r"^(?:[\w-]+\s+)?(?:summary|tl;?\s?dr|background|context|overview|description|details|"
                      r"discussion(?: points)?|discussions|discuss|comments|points raised|notes?|related|topic|questions?|q)$", re.I)),
    ("decided", re.compile(r"^(?:[\w-]+\s+)?(?:resolutions?|resolved|decisions?(?: made)?|decided|outcomes?|conclusions?|"
                           r"agreed|agreements?|consensus|results?|ruling)$", re.I)),
    # who voted for what, who stood: the positions; the outcome is stated on its own
    (None, re.compile(r"^(?:[\w-]+\s+)?(?:votes?|voting|candidates?|nominees?|nominations?)$", re.I)),
    ("doing", re.compile(r"^(?:[\w-]+\s+)?(?:action items?|actions? items?|actions?|ais?|next steps?|follow[- ]?ups?|to ?-?dos?)$", re.I)),
]
# availability and capacity: a person's time, never a promise
_CAPACITY = re.compile(
    r"\b(?:availab\w*|unavailable|capacity|out of (?:the )?office|on (?:vacation|holiday|leave|pto|parental leave)|"
    r"sick|health (?:issues?|problems?|reasons)|illness|time off|(?:hours?|days?) (?:per|a|each) (?:week|day|month)|"
    r"only (?:be )?able to|time constraints)\b",
    re.I,
)
# what makes a capacity statement a risk: less time than usual, or none on some days
_LIMITED = re.compile(r"\b(?:not|no|won'?t|can'?t|cannot|only|unavailable|away|off|health|sick|illness|leave|vacation|holiday|"
                      r"maybe|if able|limited|reduced|less|unchanged|busy|constraints?)\b", re.I)
_GROUP_VIEW = re.compile(r"^(?:we|the group|the team|everyone)\s+(?P<v>should|need to|needs to|must|could|might want to|may want to)\b(?!.*\?\s*$)", re.I)
_COMMIT_TYPE = re.compile(r"[a-z]{2,10}(?:\([\w-]+\))?!?")  # "docs", "fix(parser)": a commit-style type label
_HANDLE = re.compile(r"@?[\w.-]+")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|\([^)]*\)')
_ROTA_LABEL = re.compile(r"^(?:this|next|last)\s+(?:week|month|sprint|meeting)$", re.I)
_STOP = {"should", "would", "could", "what", "which", "whether", "that", "this", "with", "from", "have", "there",
         "they", "their", "treated", "asked", "will", "about", "being", "also"}


def part_mode(label: str | None) -> tuple[bool, str | None]:
    """(is a labelled part, the mode its content is read in) for a label ("Resolution", "TSC Summary")."""
    if not label:
        return False, None
    lab = re.sub(r"&#?\w+;?", "", label).strip(" :*_")  # "Votes:&#x20;"
    for mode, rx in _PARTS:
        if rx.match(lab):
            return True, mode
    return False, None


def _is_part_heading(b: LogBuilder, h: Node) -> bool:
    """A minor heading (a bold-only line, a "Label:" line) inside a topic heading: a part of it."""
    if h.kind != "heading" or (h.level < 7 and not re.sub(r"&#?\w+;?", "", h.text).rstrip().endswith(":")
                               and not part_mode(h.text.strip())[0]):
        return False  # a bold line, a "Label:" line, "#### Votes:" or "##### Tl;dr" inside a topic
    path = b.outline.heading_path(h)[:-1]
    title = path[0] if path and path[0].level == 1 and len(b.outline.headings()) > 1 else None
    return any(p is not title and p.level < h.level and p.level < 7 and not is_mode_heading(p) and not GENERIC_HEAD.match(p.text.strip(" :"))
               and not is_question(p.text) for p in path)


_PART_NAME = r"(?:short version|summary|tl;?dr|decisions?(?: made)?|action items?|actions|important links|links|key points|next steps|highlights)"
_PARTS_ONLY = re.compile(rf"{_PART_NAME}(?:\s*[/,&|+]\s*(?:and\s+)?{_PART_NAME})+", re.I)
_STATE_HEAD = re.compile(r"^\W*(?:new|outstanding|open|completed|done|closed|carried (?:over|forward)|pending|ongoing|old|existing|previous)\W*$", re.I)


def _topic_heading(b: LogBuilder, node: Node) -> Node | None:
    h = topic_heading(b, node)
    if h is not None and h.kind == "heading" and h.text.rstrip().endswith(":") and part_mode(h.text)[0]:
        # "### Generalization" ... "### Summary:": the summary of the topic just above, at its level
        prev = next((x for x in reversed(b.outline.nodes[: h.index]) if x.kind == "heading" and x.level <= h.level), None)
        if (prev is not None and prev.level == h.level and not part_mode(prev.text)[0] and not is_mode_heading(prev)
                and not GENERIC_HEAD.match(prev.text.strip(" :")) and not is_question(prev.text)):
            return prev
    if h is not None and h.kind == "heading" and _STATE_HEAD.match(h.text) and b.outline.parent(h) is not None:
        h = b.outline.parent(h)  # "## Action items" > "### New" / "### Outstanding": the items' state, the topic is above it
    while h is not None and _is_part_heading(b, h):
        h = b.outline.parent(h)
        while h is not None and (is_mode_heading(h) or GENERIC_HEAD.match(h.text.strip(" :"))):
            h = b.outline.parent(h)
    return h


def _topic(b: LogBuilder, node):
    if _context(b, node):
        return None
    from .table_rows import discussion_topic

    row_topic = discussion_topic(b.outline, node)
    if row_topic:  # "| Review the 90 day Milestone plan | <notes> | <actions> |": the row is its topic
        return ("r", node.index), row_topic, node, None
    tb = topic_bullet(b, node)
    while tb is not None and (_refs_only(b, tb) or _under_part(b, tb)):
        # "falcoctl as driver loader (in flight @LucaGuerra)" with only its issue link under it: a
        # point of the topic above it (its link is a reference), not a topic of its own
        p = b.outline.parent(tb)
        tb = topic_bullet(b, p) if p is not None and p.is_item else None
        if tb is None and p is not None and p.is_item:
            return _topic(b, p)
    if tb is None and node.is_item and node.children and node.label and _COMMIT_TYPE.fullmatch(node.label) and len(node.text.split()) <= 14:
        tb = node  # "* docs: remove X (#1521)" > "* merged": a topic, as it is to the line under it
    if tb is not None and not _label_part(tb):
        return ("n", tb.index), _title_of(b, tb), tb, _bullet_person(b, tb)
    top = _top_bullet(b, node)
    if top is not None and not _label_part(top):
        # "* Real-time notification design doc (#557): Aapeli will work on this with Lennart"
        # under a generic "Notes" heading: the bullet is a topic of its own
        return ("n", top.index), _title_of(b, top), top, _bullet_person(b, top)
    h = _topic_heading(b, node)
    if h is not None:
        # "Short Version / Decisions / Action Items / Important Links": the names of a summary's parts, no topic
        return ("h", h.index), "Summary" if _PARTS_ONLY.fullmatch(h.text.strip(" :")) else h.text, h, None
    return ("doc",), _first_words(node.text), None, None


_PERSON_BULLET = re.compile(r"^@?(?P<who>[\w.-]+(?:\s[A-Z][\w'-]+){0,2})\s*(?:\([^)]*\))?\s*:?\s*$")


def _bullet_person(b: LogBuilder, node: Node) -> str | None:
    """The person a bullet is, in a round of updates ("- @vasco-santos (not attending today)" with
    "Done:" / "Next:" under it): the owner of what is nested under it."""
    if not node.children:
        return None
    m = _PERSON_BULLET.match((node.label if node.label and not node.rest else node.text or "").strip())
    if m is None or not b.people.known(m.group("who")) or is_me(m.group("who")):
        return None
    return b.people.get(m.group("who")).name


def _refs_only(b: LogBuilder, node: Node) -> bool:
    """A list item whose nested lines are only links or issue numbers."""
    kids = b.outline.descendants(node)
    return bool(kids) and all(k.kind != "heading" and (not k.text.strip(" :-") or is_reference(k)) for k in kids)


def _label_part(node: Node) -> bool:
    """"* Decisions:" / "* Action items:" with points nested under it: a part, not a topic."""
    return bool(node.label and not node.rest and part_mode(node.label)[0])


def _top_bullet(b: LogBuilder, node):
    """The top-level list item ``node`` is (or sits in) when its heading is a generic one."""
    if not node.is_item:
        return None
    top = node
    while True:
        p = b.outline.parent(top)
        if p is None or not p.is_item:
            break
        top = p
    h = b.outline.parent(top)
    # a generic heading ("Notes"), the title, or an agenda that holds the discussion: its bullets are the topics
    generic = h is None or (h.kind == "heading" and (GENERIC_HEAD.match(h.text.strip(" :")) or h.level == 1
                                                     or re.match(r"agenda\b", h.text.strip(), re.I)))
    if not generic or (top.label and b.people.known(top.label) and not top.children):
        return None  # "Sam: fixed it" under "Notes" is said, not a topic
    return top


def _title_of(b: LogBuilder, node) -> str:
    """A topic's title: the label of 'Topic: text' (unless several topics share it: "Current
    PR"), else its first words."""
    if node.label and node.rest and b.people.known(node.label):
        head = re.split(r"[,;]\s|\s[-–—]\s", node.rest)[0]
        return f"{node.label}: {_first_words(head)}"  # "David: can we have a notification when we deploy"
    if node.label and len(node.label.split()) <= 8 and not b.people.known(node.label) and not _COMMIT_TYPE.fullmatch(node.label):
        # ("docs: remove X", "fix(parser): Y": a commit-style type, not the topic's name)
        same = sum(1 for n in b.outline.nodes if n.label == node.label and n.is_item)
        if same == 1 or not node.rest:
            return node.label
        head = re.split(r"[,;]\s|\s[-–—]\s", node.rest)[0]
        return f"{node.label}: {_first_words(head)}"
    return _first_words(node.text)


def _first_words(text: str) -> str:
    first = sentences(text)
    words = (first[0] if first else text).split()  # "Merging the blog PR. Decide on a name": the first sentence
    if len(words) <= 14:  # a topic entry is short enough to be its own title
        return " ".join(words)
    words = words[:8]
    while len(words) > 3 and words[-1].lower() in _DANGLING:  # "... the revamp of the conda": not ending on 'the'
        words.pop()
    return " ".join(words)


_DANGLING = {"the", "a", "an", "of", "to", "for", "and", "or", "in", "on", "with", "by", "at", "from", "is", "are", "my", "our"}


# -- the minutes' own lines: labelled parts, speakers' lines, rotas ---------------------------


def _as_text(node: Node, text: str) -> Node:
    """``node`` with ``text`` as its clean text (its lines, raw and links kept)."""
    return dataclasses.replace(node, text=text, label=None, rest=None, children=list(node.children))


def _special(b: LogBuilder, node: Node, item, mode) -> bool:
    if node.is_item and node.children and (_label_part(node) or (node.label and not node.rest)
                                           or not node.label and PART_ENTRY.fullmatch((node.text or "").strip(" :"))):
        b.place(item, node)  # "* Decisions:", "- Got done" label the points under it
        return True
    p = b.outline.parent(node)
    if p is not None and p.is_item and _STATUS_ONLY.fullmatch(node.text.strip()):
        before = len(item.actions)
        b.read_node(item, node, mode)
        for a in item.actions[before:]:  # "merged" under "docs: remove X (#1521)": the state of the line above
            a.lines = sorted(set(a.lines) | set(p.lines))
        return True
    is_part, pmode = part_mode(node.label)
    if is_part and node.rest:
        before = len(item.outcomes)
        labelled = pmode == "decided" and labelled_outcome(node.text)  # "Conclusion: a. b." stays one outcome
        b.read_node(item, node if labelled else _as_text(node, node.rest), pmode if pmode else (None if mode in ("decided", "doing") else mode))
        _mark_resolved(b, item, before)
        return True
    if (node.label and node.rest and node.kind in ("bullet", "numbered", "para") and b.people.known(node.label.lstrip("@"))
            and (mode in ("done", "risk") or _CAPACITY.search(node.rest))):
        _speaker_line(b, node, item, mode)
        return True
    if node.is_item and node.label and node.rest and _rota(b, node, item):
        return True
    if (node.is_item and node.label and node.rest and not node.children and not b.people.known(node.label.lstrip("@"))
            and _topic(b, node)[2] is node):
        # "* Talking about woes of Python 3.9: we should downgrade to 3.8": the label titles the topic, the rest is said
        b.read_node(item, _as_text(node, node.rest), mode)
        return True
    part = _under_part(b, node)
    if part == "doing":
        p = b.outline.parent(node)
        if p is not None and p.is_item and not _label_part(p) and not (p.label and not p.rest):
            b.place(item, node)  # "Slack", "codeowners" under "Try to check for anything still connected": its details
            if node.text:
                item.notes.append(node.text)
            return True
        b.read_node(item, node, "doing")
        return True
    if mode == "decided" and part is None and _stated_outcome(b, node):
        b.read_node(item, node, None)  # the topic states its outcome in its own part: the rest explains it
        return True
    if (mode == "decided" and part is None) or part == "decided":
        before = len(item.outcomes)
        b.read_node(item, node, "decided")
        _mark_resolved(b, item, before)
        return True
    if part == "plain":
        _discussion(b, node, item, mode)
        return True
    return False


def _discussion(b: LogBuilder, node: Node, item, mode) -> None:
    """A point under "Discussion:": what its speaker said ("@mdjermanovic voted for semver-minor" is a
    position; the topic's resolution is the outcome)."""
    m = re.match(r"^@?([\w.-]+(?:\s[A-Z][\w'-]+)?)\b", node.text)
    speaker = b.people.get(m.group(1)).name if m and b.people.known(m.group(1)) else None
    before = len(item.outcomes)
    b.read_node(item, node, None if mode in ("decided", "doing") else mode, speaker=speaker)
    if speaker:
        for o in item.outcomes[before:]:
            item.outcomes.remove(o)
            item.notes.append(o.text)
            b.said.setdefault(id(item), []).append((speaker, o.text, list(o.lines)))
        for r in [r for r in item.risk_notes if r.lines == node.lines]:
            if not RISK_RE.search(_QUOTED.sub(" ", r.text)):  # the risk word is in what they quoted, not what they fear
                item.risk_notes.remove(r)
                item.risks = [x for x in item.risks if x != r.text]
                item.notes.append(r.text)


def _under_part(b: LogBuilder, node: Node) -> str | None:
    """The mode of the labelled part ``node`` sits under ("**Resolution:**" heading, "* Decisions:")."""
    for a in b.outline.ancestors(node):
        if a.kind == "heading" and a.level < 7 and not _is_part_heading(b, a):
            break  # a section heading ("## Notes") is a topic or a group of topics, not a part
        lab = (a.text if _is_part_heading(b, a) else None) if a.kind == "heading" else (a.label if a.is_item and not a.rest else None)
        if lab:
            is_part, m = part_mode(lab)
            if is_part:
                return m or "plain"
    return None


def _stated_outcome(b: LogBuilder, node: Node) -> bool:
    """Does ``node``'s topic heading hold a labelled outcome part ("#### Outcome:", "**Resolution:** ...")?"""
    h = _topic_heading(b, node)
    if h is None or h.kind != "heading":
        return False
    return any((n.kind == "heading" and _is_part_heading(b, n) and part_mode(n.text) == (True, "decided"))
               or (n.kind != "heading" and n.label and n.rest and part_mode(n.label) == (True, "decided"))
               for n in b.outline.descendants(h))


def _mark_resolved(b: LogBuilder, item, before: int) -> None:
    for o in item.outcomes[before:]:
        b.__dict__.setdefault("_resolutions", []).append((id(item), o))


def _speaker_line(b: LogBuilder, node: Node, item, mode) -> None:
    """'**@nzakas:** Still dealing with health issues': the speaker's own line (what they did,
    will do, said); availability and capacity are the speaker's risks, named as written."""
    b.place(item, node)
    who_as_written = node.label.lstrip("@").strip()
    who = b.people.get(who_as_written).name
    parts = sentences(node.rest)
    said = node.rest.strip().rstrip(".;")
    if mode == "risk" or any(_CAPACITY.search(p) for p in parts):
        # "Still dealing with health issues; only able to contribute a few triages": one risk, as said;
        # "Should be available about 10 hours per week" limits nothing: context
        text = f"{said} ({who_as_written})"
        if _LIMITED.search(said):
            item.risks.append(text)
            item.risk_notes.append(Note(text=text, lines=list(node.lines)))
        else:
            item.notes.append(text)
        return
    if mode == "done" and b.remark(node, who):
        mode = None  # "Matt: Mixed feelings about ..." nested under Matthias's report: a remark on it, not work done
    for sent in parts:
        sig = classify(sent, "done_item" if mode == "done" else mode, b.people, speaker=who, default_owner=who,
                       first_person=False)
        if sig.kind == "note" and mode == "done" and not MUSING.search(sent):
            sig = Signal("done", sig.text, owner=who, speaker=who)
        if sig.kind == "done" or (sig.kind == "note" and mode is None):
            sig.text = f"{sig.text.strip().rstrip('.;')} ({who_as_written})"  # the writer words actions and remarks without their actor
        b.add_signal(item, sig, node.lines, mode)


def _rota(b: LogBuilder, node: Node, item) -> bool:
    """'June 29: @mdjermanovic' in an "RFC Duty" section: the duty, its owner and its date."""
    names = [x for x in re.split(r"\s*(?:,|&|\band\b)\s*", node.rest.strip()) if x]
    if not names or not all(_HANDLE.fullmatch(n) and b.people.known(n.lstrip("@")) for n in names):
        return False
    label = node.label.strip()
    found = find_dates(label, b.as_of, "future")
    if not found and not _ROTA_LABEL.match(label):
        return False
    heading = next((h for h in reversed(b.outline.heading_path(node))), None)
    duty = re.sub(r"\s+(?:update|schedule|rota|rotation|roster)s?$", "", heading.text.strip(" :"), flags=re.I) if heading else label
    b.place(item, node)
    lines = sorted(set(node.lines) | (set(heading.lines) if heading else set()))
    due = found[0].date if found and not _ROTA_LABEL.match(label) else None  # "This week": on duty now
    for n in names:
        item.commitments.append(Commitment(what=duty, owner=b.canonical(n.lstrip("@")), due=due, lines=lines))
    return True


def _topic_sentences(b: LogBuilder) -> None:
    """A topic bullet titles its item with its first sentence; what it says after that ("Merging the
    GeoZarr PR. In draft, mostly ready. Needs final review.") is read as the topic's."""
    for node in b.outline.nodes:
        if not (node.is_item and node.children and node.line in b.placed) or (node.label and b.people.known(node.label)):
            continue
        parts = sentences(node.text)
        if len(parts) < 2:
            continue
        t = _topic(b, node)
        if t is None or t[2] is not node:
            continue
        item = b.placed[node.line]
        mode = b.section_mode(node)
        b.read_node(item, _as_text(node, " ".join(parts[1:])), None if mode == "context" else mode)


def _settle(b: LogBuilder) -> None:
    """A decision or question raised in a topic and answered by that topic's resolution is made."""
    by_item: dict[int, list] = {}
    for key, o in b.__dict__.get("_resolutions", []):
        by_item.setdefault(key, []).append(o)
    for item in b.items:
        for d in list(item.decisions):
            m = _GROUP_VIEW.match(d.question)
            asked = d.lines and re.search(r"\b(?:decision|decide|proposal|propose[sd]?|vote)\b", b.outline.lines[d.lines[0] - 1], re.I)
            if m and not d.options and not d.who and not asked:
                # the minutes' own "we should downgrade to 3.8": what the group holds, not a decision asked of the
                # reader; "we could have a template": a suggestion
                item.decisions.remove(d)
                if m.group("v").lower() in ("should", "need to", "needs to", "must"):
                    item.outcomes.append(Outcome(text=d.question, lines=list(d.lines)))
                else:
                    item.notes.append(d.question)
        outs = by_item.get(id(item), [])
        if not outs:
            continue
        for d in list(item.decisions):
            if any(o.lines and d.lines and o.lines[0] > d.lines[0] and _answers(d, o.text) for o in outs):
                item.decisions.remove(d)
                item.questions.append(Question(text=d.question, answered=True, lines=list(d.lines)))
        for q in item.questions:
            if not q.answered and any(o.lines and q.lines and o.lines[0] > q.lines[0] and len(_words(q.text) & _words(o.text)) >= 2 for o in outs):
                q.answered = True


def _answers(d, text: str) -> bool:
    """Does the resolution ``text`` settle decision ``d``: it names one of its options in full
    ("semver-patch or semver-minor" -> "treat the change as semver-minor"), or, with no options
    listed, shares two of the question's words."""
    if d.options:
        got = _tokens(text)
        return any(_tokens(o) and _tokens(o) <= got for o in d.options)
    got = _words(text)
    return len(_words(d.question) & got) >= 2


def _tokens(text: str) -> set[str]:
    """Every word and number of ``text`` but the smallest ("ship in 1.85" -> ship, 1.85)."""
    return {t.strip(".-") for t in re.findall(r"[a-z0-9][a-z0-9.-]*", text.lower()) if len(t.strip(".-")) >= 3} - {"the", "and", "for", "with"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z][a-z0-9-]{3,}", text.lower())) - _STOP


def read_minutes(outline: Outline, people: People, as_of: dt.date, guess: GenreGuess):
    b = LogBuilder(outline, people, as_of, "minutes", guess.first_person)
    walk(b, _topic, _special)
    _topic_sentences(b)
    _settle(b)
    log = b.finish()
    drop_repeated_actions(log)  # the summary's action items said again where they were discussed
    for w in log.items:
        if w.risk_notes:
            w.done = False  # "Statuses": what they did, and "still dealing with health issues": not settled
    return log
