"""Standups: per-person rounds (done / doing / blocked, yesterday / today).

A round is a person's heading with done/doing/blocked parts under it, or a person's label line
("**tryggvi:** sent the emails") under a "What have you done?" / "What will you do?" / "Anything
blocking you?" heading. Each person's round is one item (per dated section) owned by that
person: done parts are their actions, doing parts their commitments (due only when a date is
written), blocked parts their waits; "No" / "None" under a blockers heading is no blocker.
"""

from __future__ import annotations

import datetime as dt

import re

from ..models import Action, Note, Question
from .genre import GenreGuess
from .outline import Outline
from .people import People
from .sections import is_prompt, topic_bullet, topic_heading, walk  # noqa: F401  (is_prompt lived here)
from .signals import is_none_answer, is_question, mode_of
from .topics import LogBuilder


def _person_of(b: LogBuilder, node) -> tuple[str | None, object]:
    if node.label and b.people.known(node.label) and node.kind != "heading":
        return b.people.get(node.label).name, None
    rounds = getattr(b, "rounds", [])
    path = b.outline.heading_path(node)
    for h in path:
        if h in rounds:
            name = round_name(h.text)
            # a person's heading inside the round ("@trallard" > "@isabela-pf" > her points): the inner one
            inner = next((x for x in reversed(path[path.index(h) + 1:]) if b.people.known(x.text.strip(" :"))), None)
            if inner is not None:
                return b.people.get(inner.text.strip(" :")).name, inner
            if name:
                return name, h
    for h in reversed(path):
        if b.people.known(h.text.strip(" :")):
            return b.people.get(h.text.strip(" :")).name, h
    for a in [node, *b.outline.ancestors(node)]:
        if a.is_item and a.label and not a.rest and b.people.known(a.label):
            return b.people.get(a.label).name, a
        if a.index in getattr(b, "list_rounds", {}):
            return b.list_rounds[a.index], a
    return None, None


# a round heading that names a report, not a person: "Team Report", "Team Update", "Group status"
_TEAM_ROUND = re.compile(r"^(?:the\s+|our\s+)?(?:team|group|squad|everyone|all)(?:\s+(?:reports?|updates?|status|summary|progress))?\s*$", re.I)
# "Team Member Reports: Luke LeVasseur", "Individual update - Rachel Ye": the report's kind, then the person
_LABELLED_ROUND = re.compile(r"^(?P<kind>[^:–—-]{3,40}?)\s*(?::|\s[–—-])\s*(?P<name>\S.*)$")
_REPORT_KIND = re.compile(r"\b(?:reports?|updates?|status|members?|individual|personal|weekly|daily|standup)\b", re.I)


def round_name(text: str) -> str | None:
    """Whom a round heading names: the person ("Team Member Reports: Luke LeVasseur" -> "Luke
    LeVasseur"), or None for the team's own round ("Team Report"), whose lines are the team's."""
    t = text.strip(" :")
    if _TEAM_ROUND.match(t):
        return None
    m = _LABELLED_ROUND.match(t)
    if m and _REPORT_KIND.search(m.group("kind")) and 1 <= len(m.group("name").split()) <= 4:
        return m.group("name").strip(" :")
    return t


def _part(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def list_rounds(outline) -> dict[int, str]:
    """Sibling list items whose own items repeat the same questions ("- Brooks Niu" > "- What did
    you do since last reporting time?" > answers, the same for "- Kaiwen Tan"): each is one person's
    round, named by the item's text ("Binghong Li (Leo)" -> "Binghong Li")."""
    groups: dict[object, list] = {}
    for n in outline.nodes:
        if n.is_item and n.children and n.text:
            kids = [outline.nodes[c] for c in n.children if outline.nodes[c].is_item]
            parts = {_part(k.text) for k in kids if k.children and (k.text.rstrip().endswith("?") or mode_of(k.text))}
            if len(parts) >= 2:
                groups.setdefault(n.parent, []).append((n, parts))
    out: dict[int, str] = {}
    for sibs in groups.values():
        if len(sibs) < 2:
            continue
        for n, parts in sibs:
            if any(m is not n and len(parts & other) >= 2 for m, other in sibs):
                name = re.sub(r"\s*\([^)]*\)\s*$", "", n.text).strip(" :")
                if 0 < len(name.split()) <= 4:
                    out[n.index] = name
    return out


_MOOD = re.compile(r"^(?:how (?:do|are) you (?:feel|feeling|doing)|how'?s it going|mood)\b", re.I)


def _question_part(b: LogBuilder, node):
    """The round's question an answer sits under ("What will you do today?" > "Set up repo"): its node."""
    for a in b.outline.ancestors(node):
        if a.kind == "heading" or a.index in getattr(b, "list_rounds", {}):
            return None
        if a.is_item and a.children and (a.text.rstrip().endswith("?") or mode_of(a.text)) and not a.label:
            return a
    return None


def _topic(b: LogBuilder, node):
    person, pnode = _person_of(b, node)
    path = b.outline.heading_path(node)
    dated = next((h for h in path if h.level <= 3 and any(c.isdigit() for c in h.text)), None)
    if person:
        key = ("p", person.lower().lstrip("@"), dated.index if dated else None)  # "@isabela-pf" and "isabela-pf": one round
        return key, person, pnode or dated or b.outline.heading_of(node), person
    tb = topic_bullet(b, node)
    if tb is not None:
        return ("b", tb.index), tb.text, tb, None
    h = topic_heading(b, node)
    if h is not None:
        return ("h", h.index), h.text, h, None
    return ("doc",), " ".join(node.text.split()[:8]), None, None


_NOT_DONE = re.compile(r"\b(?:did not do|didn'?t (?:do|touch|get to|start|finish)|not (?:done|started|quite there)|no room for it|"
                       r"(?:fell|falling|slipped) behind|to catch up|no progress)\b", re.I)
# a short status note under an entry ("- tbdex release automation flow" > "- Maybe done by EOD Friday")
_STATUS_NOTE = re.compile(r"^(?:(?P<keep>will do|wip|in progress)|(?P<done>done|finished)|maybe done\b.*|(?:will |also )?slid(?:e|es|ing)\b.*|"
                          r"not started|blocked\b.*|on hold\b.*|dropped|deferred\b.*|postponed\b.*)[.!]?$", re.I)
_NO_ANSWER = re.compile(r"^\s*(?:no|nope|none|nothing|not really|nah)\b\s*[,.;:!–—-]+\s*(?P<why>\S.*)$", re.I)


_PARTICIPLES = {"based", "related", "automated", "detailed", "limited", "advanced", "nested", "shared", "unified",
                "proposed", "planned", "expected", "required", "needed", "suggested", "supported", "untested",
                "red", "bed", "need", "seed", "feed", "speed", "weed"}  # fmt: skip


def past_tense(text: str) -> bool:
    """Does the entry open with a verb in the past tense ("Cleared the PR", "Knocked out ...")? A
    word ending in -ed whose stem is an English word; participles that open noun phrases
    ("Automated tests", "Proposed changes") are not."""
    from .wordlist import common_english, frequent_english

    m = re.match(r"^([A-Za-z]{4,})\b", text.strip())
    if not m:
        return False
    w = m.group(1).lower()
    if not w.endswith("ed") or w in _PARTICIPLES or not common_english(w):
        return False
    stems = [w[:-2], w[:-1], w[:-3] if len(w) > 5 and w[-3] == w[-4] else "", w[:-3] + "y" if w.endswith("ied") else ""]
    return any(st and len(st) >= 3 and frequent_english(st) for st in stems)  # "post" is frequent in other languages too


def in_context(b: LogBuilder, node, text: str, limit: int = 5) -> str:
    """A short entry nested under another reads with it: "Supply Chain Security: First draft out"."""
    p = b.outline.parent(node)
    if p is not None and p.is_item and p.text and len(text.split()) <= limit and not (p.label and b.people.known(p.label)):
        return f"{p.text.strip().rstrip(':')}: {text}"
    return text


def _special(b: LogBuilder, node, item, mode) -> bool:
    """'**tryggvi:** text' in a round: the text without the name, read as the person's."""
    if getattr(b, "list_rounds", None):
        if node.index in b.list_rounds or (node.is_item and node.children and _question_part(b, b.outline.nodes[node.children[0]]) is node):
            b.place(item, node)  # the round's name or one of its questions: structure
            return True
        q = _question_part(b, node)
        if q is not None:
            if _MOOD.match(q.text):
                b.place(item, node)  # "How do you feel today? - Sick": not work
                return True
            mode = mode_of(q.text) or mode
            if mode == "blocked" and (is_none_answer(node.text) or _NO_ANSWER.match(node.text or "")):
                b.place(item, node)
                item.questions.append(Question(text=f"{q.text.strip()} {node.text.strip()}", answered=True, lines=sorted({*q.lines, *node.lines})))
                _said_why(item, node, node.text)
                return True
            if mode == "blocked" and is_question(node.text):
                b.place(item, node)  # "Should I transfer repo ownership to Juhmer?": the person asks, nothing blocks
                item.questions.append(Question(text=node.text.strip(), asked_by=item.owner, answered=False, lines=list(node.lines)))
                return True
            if mode == "doing" and past_tense(node.text):
                mode = "done"  # "Created a roadmap document" under "What will you do today?"
            b.read_node(item, node, mode, default_owner=item.owner)
            return True
    if mode is None and _round_entry(b, node, item):
        return True
    text = node.rest if node.label and b.people.known(node.label) and node.rest is not None else node.text
    if node.is_item and node.clean is not None and node.clean.done_mark and text:
        b.place(item, node)  # "✅ First draft out" under "Supply Chain Security": done, whatever the part says
        said = in_context(b, node, text)
        p = b.outline.parent(node)
        lines = sorted({*node.lines, *(p.lines if said != text and p is not None else [])})  # the parent's words are cited too
        item.actions.append(Action(text=said, actor=item.owner or "", lines=lines))
        return True
    if mode == "done" and text and _NOT_DONE.search(text):
        b.place(item, node)  # "Port all Retro items ... (did not do)" under "Close of Week Summary": not done
        item.risks.append(text)
        item.risk_notes.append(Note(text=text, lines=list(node.lines)))
        return True
    parent = b.outline.parent(node)
    sm = _STATUS_NOTE.match(text.strip()) if node.is_item and text and not node.children and parent is not None and parent.is_item else None
    if sm is not None and mode in ("doing", "done", None):
        b.place(item, node)  # what the entry above it stands at, not another task
        if sm.group("keep"):
            return True
        said = in_context(b, node, text.strip(), limit=8)
        lines = sorted({*parent.lines, *node.lines})
        if sm.group("done"):
            item.actions.append(Action(text=said, actor=item.owner or "", lines=lines))
        else:
            item.risks.append(said)
            item.risk_notes.append(Note(text=said, lines=lines))
        return True
    if mode == "doing" and node.is_item and text and not node.children and past_tense(text):
        b.place(item, node)  # "Knocked out a few tickets" in the week's focus: reported as done
        actor = item.owner or ""
        item.actions.append(Action(text=re.sub(r"\s*\((?:y+a+y+|woo+|yes+|hooray)\w*\)\s*$", "", text, flags=re.I), actor=actor, lines=list(node.lines)))
        return True
    if mode == "blocked" and text and _NO_ANSWER.match(text):
        b.place(item, node)  # "No, I should probably wait for ... but there's no time": no blocker, said why
        h = next((x for x in reversed(b.outline.heading_path(node)) if mode_of(x.text) == "blocked"), None)
        q = h.text.strip().rstrip(":") if h is not None else "Blocked"
        item.questions.append(Question(text=f"{q} {text}" if q.endswith("?") else f"{q}: {text}", answered=True,
                                       lines=sorted(set(node.lines) | (set(h.lines) if h is not None and h.line in item.lines else set()))))
        _said_why(item, node, text)
        return True
    if node.label and b.people.known(node.label) and node.rest is not None:
        b.place(item, node)
        text = node.rest
        if not text:
            return True
        from .sections import no_blocker
        from .signals import classify

        if no_blocker(b, item, node, text, mode):
            return True  # "**nick:** Nope." under "Is there anything blocking you?"

        said_by = b.people.get(node.label).name
        if mode == "done" and b.remark(node, said_by):  # "Matt: Mixed feelings ..." under Matthias's report: a remark
            sig = classify(text, None, b.people, speaker=said_by, first_person=False)
        else:
            sig = classify(text, "done_item" if mode == "done" else mode, b.people, speaker=item.owner, default_owner=item.owner, first_person=False)
        b.add_signal(item, sig, node.lines, mode)
        return True
    return False


# an entry's own state, said by its first words: "Planning to work on ...", "Finishing bug fix ...", "Trying to ..."
_ENTRY_DOING = re.compile(r"^(?:planning|plan|going|will|need(?:s)? to|want(?:s)? to|hop(?:e|ing) to|"
                          r"finishing|trying|working|continuing|still|currently|starting|looking into)\b", re.I)


def _round_entry(b: LogBuilder, node, item) -> bool:
    """An entry straight under a person's round heading that names no part ("### **Kent Utomo:**" >
    "- finishing bug fix for registration", "- What did I work on: Slapping bullet points ..."): its
    own label names the part ("worked on:", "Stuck:"), else its first words do ("Planning to ...",
    "Finishing ..." are doing; a past-tense verb is done). Read as the round's person's."""
    if not (node.is_item and item.owner and node.text):
        return False
    person, pnode = _person_of(b, node)
    if pnode is None or pnode.kind != "heading" or person.lstrip("@") != item.owner.lstrip("@"):
        return False
    text, mode = node.text, None
    if node.label and node.rest and not b.people.known(node.label):
        mode = mode_of(node.label)
        if mode is not None:
            text = node.rest
    if mode is None:
        if past_tense(text):
            mode = "done"
        elif _ENTRY_DOING.match(text):
            mode = "doing"
        else:
            from ..playbook.actions import is_action

            if not is_action(text):
                return False
            mode = "doing"  # "Make a PR to ipykernel" in Steff's round: her next step
    from .signals import classify

    b.place(item, node)
    if mode == "blocked" and is_none_answer(text):
        return True
    sig = classify(text, "done_item" if mode == "done" else mode, b.people, speaker=item.owner, default_owner=item.owner, first_person=False)
    b.add_signal(item, sig, node.lines, mode)
    return True


def read_standup(outline: Outline, people: People, as_of: dt.date, guess: GenreGuess):
    from .genre import standup_rounds

    b = LogBuilder(outline, people, as_of, "standup", guess.first_person)
    b.rounds = standup_rounds(outline)
    b.list_rounds = list_rounds(outline)
    for idx, name in list(b.list_rounds.items()):  # a round's item names its person: evidence of structure
        if people.add(name, "round", outline.nodes[idx].line) is None and not people.known(name):
            del b.list_rounds[idx]
    for h in b.rounds:  # a round's heading names its person: evidence of structure
        name = round_name(h.text)
        if name and len(name.split()) <= 3:  # a known "Luke" becomes "Luke LeVasseur"
            people.add(name, "round", h.line)
    walk(b, _topic, _special)
    _empty_blockers(b)
    return b.finish()


def _said_why(item, node, text: str) -> None:
    """'No, I should probably wait for a response from Laura, but there's no time': no blocker, and
    what the person said after the "No" stays (a risk they take), in their words."""
    m = _NO_ANSWER.match(text or "")
    why = m.group("why").strip() if m else ""
    if len(why.split()) >= 4 and re.search(r"\b(?:should|but|wait|risk|need|might|may|time)\b", why, re.I):
        item.risks.append(why)
        item.risk_notes.append(Note(text=why, lines=list(node.lines)))


def _empty_blockers(b: LogBuilder) -> None:
    """A round's blockers part left empty ("## Where I'm blocked" with only "-" under it) is no
    blocker: an answered question in that person's round, citing the heading and its empty lines."""
    o = b.outline
    for h in o.headings():
        if mode_of(h.text) != "blocked" or h.line in b.placed:
            continue
        body = o.descendants(h)
        if any(n.text and re.search(r"[A-Za-z]{2}", n.text) for n in body):
            continue
        person, _ = _person_of(b, h)
        if not person:
            continue
        item = next((w for w in reversed(b.items) if w.owner == person and w.lines and min(w.lines) < h.line), None)
        if item is None:
            continue
        b.place(item, h)
        for n in body:
            b.place(item, n)
        item.questions.append(Question(text=f"{h.text.strip().rstrip(':')}: nothing listed", answered=True,
                                       lines=sorted({*h.lines, *(ln for n in body for ln in n.lines)})))
