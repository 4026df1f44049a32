"""Incident and release-status notes: summary, impact, timeline, root cause, resolution,
follow-ups, lessons; release blockers, votes and go/no-go.

An incident report is about one thing, the incident: its standard parts ("Summary", "What was
impacted", "Timeline", "Root cause", "Action items", "What went wrong", ...) are not topics but
say how their lines read. The item is titled by the document's title (front matter ``title``, the
title heading, else the first words); a heading that is not a part ("Tokens issues", "Checkers
issues" in a post-mortem of several problems) is a topic of its own, read by the same parts.

How each part reads (:func:`_read_part`):

* summary, impact, resolution, details, and prose under no part heading: what happened. A clause
  with a done verb is an action already taken, else an outcome; an open risk ("still unknown",
  "limited by our lack of resources") stays a risk; "next time we will ..." is a commitment.
* timeline: every entry is an action taken, with its time ("10:34 Launch success metric reaches
  0%", the time taken from the entry's heading, which the action cites) and its date; a timeline
  in a code block is read line by line; a suspicion or an unknown in it is a risk.
* root cause: an outcome (what was found), a risk while it is unknown.
* action items / follow-ups: commitments, owned only when the notes name an owner (the notes often
  name none: the commitment says so); a ticked box or "This has been done" under an item is done.
* what went well, where we got lucky: outcomes (a lucky break is no risk to report); what went wrong: risks.
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import find_dates
from ..models import Action, Commitment, Note, Outcome
from .genre import GenreGuess
from .outline import Node, Outline
from .people import People
from .sections import walk
from .signals import DECISION_LABEL, DONE_RE, DONE_VERBS, PASSIVE_DONE_RE, RISK_RE, classify, is_question, sentences
from .topics import LogBuilder, place_links
from .statements import story_aside

_PARTS: list[tuple[str, re.Pattern]] = [
    ("people", re.compile(r"^\W*(?:responders?|participants|attendees?|atendees|people involved|who was involved|incident (?:commander|team)|on-?call|authors?|owners?|"
                          # the report's own header as sections ("## Authors", "## Status" > "Draft", "## Incident date(s)")
                          r"status|incident dates?(?:\s*\(s\))?|dates?(?:\s*\(s\))?|severity)\W*$", re.I)),
    ("timeline", re.compile(r"\b(timeline|chronology|sequence of events|log of events)\b", re.I)),
    ("well", re.compile(r"\b(what went well|went right|worked well|what worked|where we got lucky|got lucky|lucky)\b", re.I)),
    ("risk", re.compile(r"\b(what went wrong|went badly|what didn'?t work|risks?|concerns?|known issues|open issues)\b", re.I)),
    ("actions", re.compile(
        r"\b(action items?|follow[- ]?ups?|follow[- ]?up actions|next steps?|remediation|process improvements?|preventi(?:ve|on)|"
        r"what we(?:'re| are| will be)? doing|what (?:we|we'll|we will) do|to-?dos?|future work|improvements?)\b", re.I)),
    ("cause", re.compile(r"\b(root causes?|causes?|contributing factors?|why (?:it|this) happened|triggers?|analysis)\b", re.I)),
    ("lessons", re.compile(r"\b(lessons?(?: learn(?:ed|t))?|learnings?|takeaways?|retrospective|could have gone better|(?:didn'?t|did not) go (?:well|so well)|"
                           r"went (?:poorly|less well)|where we can improve|what (?:could|can) (?:we )?(?:be )?improve[d]?)\b", re.I)),
    ("resolution", re.compile(r"\b(resolution|resolved|mitigation|recovery|how (?:it|we) (?:was )?(?:fixed|resolved))\b", re.I)),
    ("impact", re.compile(r"\b(impact(?:ed)?|affected|who was affected|severity|scope)\b", re.I)),
    ("summary", re.compile(r"\b(summary|overview|tl;?dr|what happened|description|details|background|introduction|stats|statistics|metrics|key facts|metadata)\b", re.I)),
]
# a timeline entry's time: "2018-03-26 10:34", "21:00 - Team alerted", "*2023-01-04 05:13*:", "10:00 UTC - cloud open"
_STAMP = re.compile(
    r"^\W{0,2}(?P<s>(?:\d{4}-\d{2}-\d{2}(?:[ T/]+\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?)(?:\s*(?:UTC|GMT|[A-Z]{2,4}T|[AaPp]\.?[Mm]\.?))?)\W{0,3}(?:\s*[-–—:]\s*|\s+|$)"
)
# what is still open after the incident: a risk, not something that happened
_OPEN = re.compile(
    r"\b(still (?:unknown|unclear|not|no|open|missing|under investigation)|(?:is|remains?) (?:unknown|unclear)|not yet (?:known|clear|fixed|resolved)|"
    r"suspect(?:s|ed)?|may (?:recur|happen again)|might (?:recur|happen again)|could (?:recur|happen again)|(?:heavily |severely )?limited by|lack of|"
    r"at risk|(?:nobody|no one) (?:was )?(?:notified|alerted|noticed)|no alerts? (?:was|were) (?:configured|set up|in place)|went unnoticed|before we realized|before we realised|delay(?:ed)?|"
    r"(?:don'?t|do not|did not|didn'?t) know|unfore?seen|postponed|slipped|rescheduled|schedule\b.{0,40}\b(?:adjusted|changed|moved|revised|slipped))\b",
    re.I,
)
_NEXT_TIME = re.compile(r"^(?:next time|in (?:the )?future|going forward|from now on)\b,?\s*(?:(?:we|i)\s*(?:will|'ll|should|need to|must|plan to)\s+)?(?P<what>.+)$", re.I)
_CONCLUSION = re.compile(r"^(?:the\s+|our\s+|main\s+|key\s+)?(?:conclusions?|lessons?(?: learn(?:ed|t))?|takeaways?)(?:\s+(?:is|was)(?:\s+(?:simple|clear|obvious))?)?\s*:\s*(?P<rest>\S.*)$", re.I)
# a report's header fields, no news of the incident: "Status: final", "Owners: chinmay", "Component: flutter repository"
_HEADER_FIELD = re.compile(r"^(?:(?:status|owners?|components?|date/time|date|time|incident (?:id|number)|ticket|version|types?|legend|key)\s*:|"
                           r"(?:final|draft|published|wip|in review|under review)\.?$)", re.I)
_TITLE_FIELD = re.compile(r"^\W{0,2}(?:title|description|summary|incident)\W{0,2}\s*:\s*(\S.+)$", re.I)
_META = re.compile(r"^(?:contact|links?|urls?|see also|references?|related(?: issues| prs?)?|sponsors?|authors?|(?:prepared|written|compiled|authored|edited) by|last (?:updated|modified|edited)|updated|date|published|status page|category|categories|tags?|host)\s*:", re.I)
_EXAMPLE = re.compile(r"^(?:for example|for instance|e\.g\.?)[,:\s]", re.I)
_DONE_AFTER = re.compile(r"^(?:this|that|it)\s+(?:has|have|had)\s+(?:now\s+)?been\s+(?:done|completed|fixed|implemented|set up|configured)\b\W*(?P<rest>.*)$|^done\b\W*(?P<rest2>.*)$", re.I)
_PAST = re.compile(rf"\b(?:{DONE_VERBS}|contacted|notified|revoked|sanitised|sanitized|informed|acknowledged|validated|blocked|deleted|disabled|discovered|realized|realised|received)\b", re.I)
_REQUESTED = re.compile(
    r"^(?:[Ww]e|I)\s+(?:have\s+)?(?:requested|asked)\s+(?:that\s+)?(?P<who>(?:all\s+)?(?:(?:[\w-]+\s+)?(?:maintainers|contributors|users|members|committers|admins|administrators|owners|team members|staff)))"
    r"\s+(?:to\s+)?(?P<what>[a-z]\w+\b.+)$"
)
_STATEMENT = re.compile(r"^(?:the|a|an|this|that|these|those|our|their|it|there)\s+(?:\w+\s+){0,6}?(?:was|were|is|are|has|have|had|\w+ed)\b", re.I)
_BACK_REF = re.compile(r"\b(?:on|about|for|against|of|with|to) (?:this|that|it)\b(?! (?:is|was|will|would))", re.I)
_ASIDE = re.compile(r"^(?:in this|however|this|it|that|since|because|but|although|as|which|there)\b|.*\b(?:could|would|might) have\b", re.I)
_SUBJECT = re.compile(r"(?:they|he|she|it|we|i|this|that|these|those)\s", re.I)  # "...; they tested ...": a clause of its own
_NOT_IMPERATIVE = {"the", "a", "an", "we", "i", "it", "this", "that", "they", "our", "there", "these", "those", "you", "he", "she", "nothing", "no", "not", "all"}


def part_of(text: str | None) -> str | None:
    """Which standard part of an incident report a heading names, else None."""
    if not text:
        return None
    for name, rx in _PARTS:
        if rx.search(text):
            return name
    return None


def _is_stamp_heading(h: Node) -> bool:
    return h.kind == "heading" and bool(_STAMP.match(h.text))


def _doc_title(b: LogBuilder) -> tuple[str, Node | None]:
    fm = b.outline.front_matter.get("title") if isinstance(b.outline.front_matter, dict) else None
    heads = b.outline.headings()
    first = heads[0] if heads else None
    content = [n for n in b.outline.content() if n.kind != "heading"]
    lead = first is not None and (not content or first.index < content[0].index) and part_of(first.text) is None
    if isinstance(fm, str) and fm.strip():
        return fm.strip(), None
    if lead and first is not None:
        return first.text, first
    told = [n for n in content if n.text and not _HEADER_FIELD.match(n.text) and not _META.match(n.text)]
    field = next((m.group(1) for n in content if (m := _TITLE_FIELD.match(n.text or ""))), None)
    # "Status: final<br>" / "Owners: @Hixie" first: the report's header, no title; its "Description:" names the incident
    first_text = field or next((n.text for n in told), None) or next((n.text for n in content), "Notes")
    title = " ".join(first_text.split()[:8])
    return re.sub(r"(?:\s+(?:for|of|a|an|the|to|in|on|at|and|or|with|by|from|as))+$", "", title, flags=re.I) or title, None


def _topic(b: LogBuilder, node: Node):
    title, title_node = b.__dict__["doc_title"]
    path = b.outline.heading_path(node)
    for h in path:
        if h is title_node or _is_stamp_heading(h):
            continue
        if part_of(h.text) is not None:
            break  # under a part ("Action items > Process", "Timeline > 21:24 - Delete the quota object"): the incident's
        return ("h", h.index), h.text, h, None
    return ("doc",), title, (path[0] if path else None), None


def _part(b: LogBuilder, node: Node) -> str:
    for h in reversed(b.outline.heading_path(node)):
        p = part_of(h.text)
        if p is not None:
            return p
    return "report"


def _stamp_heading(b: LogBuilder, node: Node) -> Node | None:
    for h in reversed(b.outline.heading_path(node)):
        if _is_stamp_heading(h):
            return h
        if part_of(h.text) is not None:
            return None
    return None


def _special(b: LogBuilder, node: Node, item, mode) -> bool:
    if node.kind == "table_row" and _part(b, node) == "timeline":
        return _timeline_row(b, node, item)
    if node.kind == "table_row" or node.kind == "speaker":
        return False
    if node.index in b.__dict__.setdefault("absorbed", set()):
        b.place(item, node)  # a list item read with the line that introduces it
        return True
    part = _part(b, node)
    if part == "actions":
        return _read_action_item(b, node, item)
    _read_part(b, item, node, part)
    return True


def _read_action_item(b: LogBuilder, node: Node, item) -> bool:
    """A follow-up: commitments as the section says (see ``sections.walk``), except a line that says
    the item above it is done ("This has been done: binder-team@googlegroups.com"), and a labelled
    follow-up ("**Backlog Task**: Create a safety checklist") whose label names nobody the notes
    know from elsewhere: the label titles the follow-up, it is no owner."""
    if node.is_item and node.label and node.rest and node.checked is None:
        p = b.people.get(node.label)
        if p is not None and set(p.lines) <= set(node.lines):
            b.place(item, node)
            item.commitments.append(Commitment(what=node.text.rstrip(" ."), owner="", lines=list(node.lines)))
            return True
    tags = {t.lower() for t in (node.clean.tags if node.clean else [])}
    if node.is_item and node.checked is None and tags & {"done", "completed", "complete", "fixed", "finished", "implemented"}:
        # "Implement guards against invalid container runtime selection (done)": a follow-up already done
        b.place(item, node)
        item.actions.append(Action(text=node.text.rstrip(" .;,"), actor="", lines=list(node.lines)))
        return True
    m = _DONE_AFTER.match(node.text)
    parent = b.outline.parent(node)
    if m and parent is not None and parent.is_item:
        b.place(item, node)
        rest = (m.group("rest") or m.group("rest2") or "").strip()
        mine = [c for c in item.commitments if set(c.lines) == set(parent.lines)]
        what = mine[0].what if mine else parent.text
        for c in mine:
            item.commitments.remove(c)
        text = f"{what.rstrip(' .')} (done: {rest})" if rest else what
        item.actions.append(Action(text=text, actor="", lines=sorted(set(parent.lines) | set(node.lines))))
        return True
    if node.is_item and node.checked is None and _done_statement(node.text):
        b.place(item, node)
        for sent in sentences(node.text):
            if item.actions and set(item.actions[-1].lines) == set(node.lines) and re.match(r"^(?:this|that|it|these)\s+(?:was|were|is|has|had)\b", sent, re.I):
                item.actions[-1].text = f"{item.actions[-1].text.rstrip()} {sent.strip()}"  # "... enabled 2FA. This was also recommended by the researcher."
                continue
            _add(b, item, "done" if _done_statement(sent) else _kind(b, sent, "report", node), sent, node.lines)
        return True
    if (node.kind == "para" and not node.is_item) or (node.is_item and node.checked is None and _STATEMENT.match(node.text)):
        # prose after the list ("We need more help ..."), a statement in it ("The security researcher also
        # recommended ...", not a task): read as the report
        _read_part(b, item, node, "report")
        return True
    b.read_node(item, node, "doing")
    return True


def _done_statement(text: str) -> bool:
    """'We enabled branch protection', 'We have for several years enabled 2FA': done, in the first person plural."""
    return bool(re.match(rf"^(?:we|i)\s+(?:\w+\s+){{0,5}}(?:{DONE_VERBS}|requested|enabled|disabled|revoked|asked)\b", text, re.I)) and not re.search(
        r"\b(?:will|should|need to|going to|plan to)\b", text, re.I)


def _kind(b: LogBuilder, sent: str, part: str, node: Node) -> str:
    """done, outcome, risk, commitment, question, wait, decision or note for one sentence of a part."""
    s = sent.strip()
    if part == "people":
        return "note"  # "Responders: @Mr0grog, @astonm": who took part, nothing they did
    if _EXAMPLE.match(s) or re.match(r"^\W*(?:(?:all )?times? (?:are |in |shown )|all times\b)", s, re.I) or re.search(r"\ball times are (?:in|shown in)\b", s, re.I):
        return "note"  # an illustration of the sentence before it; how to read the timeline
    if re.match(r"^(?:thanks?|thank you)\b", s, re.I) or re.search(r"\btakes? .{0,60}\bseriously\b", s, re.I) or _META.match(s) or re.search(r"\bsponsored by\b|\b(?:is|are) responsible for\b", s, re.I):
        return "note"  # thanks, "Contact: ...", "Last updated: ...", "Link: ...", a sponsor
    if not re.search(r"[^\W_]", s) or _HEADER_FIELD.match(s):
        return "none"  # "\\\\" (a markdown line break alone); the report's own fields: "Status: final", "Component: .."
    if _CONCLUSION.match(s) or _NEXT_TIME.match(s):
        return "commitment"
    if is_question(s):
        return "question"
    if re.match(r"^(?:(?:we|i)\s*(?:will|'ll|need|must|have to|plan to|are going to|intend to)\b|please\b)", s, re.I):
        return "commitment"  # "We need more help to improve security", "Please consider contributing"
    if node.checked is False:
        return "commitment"  # "- [ ] Incident title ... is cleaned up": an open box is work not done, whatever its tense
    sig = classify(s, None, b.people, checked=node.checked, first_person=b.first_person)
    if sig.kind == "none":
        return "none"
    if sig.kind == "wait":
        return "wait"
    if sig.kind == "commitment" and re.search(r"\b(?:will|'ll|need|needs|going to|plan to|next time|please)\b", s, re.I):
        return "commitment"
    if sig.kind == "decision" and DECISION_LABEL.match(s):
        return "decision"
    if part == "well" or re.match(r"^as a (?:result|consequence)\b", s, re.I):
        return "outcome"  # what came of it ("As a result, a manual downgrade ... was needed"); "There was only a ~2 hour delay between the issue being filed and a bunker room": went well, no risk
    if _OPEN.search(s) or (part in ("risk",) and sig.kind != "outcome"):
        return "risk"
    if part == "risk":
        return "risk"
    if part == "timeline":
        return "done"
    if sig.kind == "risk" and part in ("report", "summary") and re.search(r"\b(?:might|may|could|risks?|worr\w+|concerned)\b", s, re.I) \
            and not re.search(r"\b(?:was|were|had)\b", s, re.I):
        return "risk"
    if part in ("cause", "lessons"):
        return "outcome"
    if re.search(r"\b(?:decided|agreed|made (?:a|the) decision|voted|concluded)\b", s, re.I) or re.search(r"\bcould\b.*\bbut\b.*\b(?:did not|didn'?t|chose not)\b", s, re.I):
        return "outcome"  # what was settled; "We could restart the game, but we did not want to"
    if re.match(r"^[^,;]{0,60}?\b(?:don['’]?t|doesn['’]?t|do not|does not)\s+have\b|^[^,;]{0,60}?\blacks?\b", s, re.I) and part not in ("timeline", "resolution"):
        return "risk"  # "The primary contacts don't have the level of access required ...": a gap the report found
    pm = _PAST.search(s)
    if pm and re.search(r"\b(?:not|never|no|n't)\s+(?:\w+\s+){0,2}$", s[: pm.start()], re.I):
        pm = None  # "it did not resolve the issue": not done
    passive = PASSIVE_DONE_RE.search(s) or re.search(rf"\b(?:was|were|been)\s+(?:\w+ly\s+|also\s+)?(?:{DONE_VERBS}|revoked|replaced|contacted|notified|informed|sanitised|sanitized)\b", s, re.I)
    subject = s[: (pm.start() if pm else len(s))]
    title_words = {w for w in re.findall(r"[A-Z][\w-]{2,}", b.__dict__.get("doc_title", ("",))[0])}
    ours = re.search(r"\b(?:we|i|our team|the team)\b", subject, re.I) or (title_words and title_words & set(re.findall(r"[A-Z][\w-]{2,}", subject)))
    # (the report's own team, named in its title: "The FreeBSD Release Engineering Team started the cycle")
    if part in ("summary", "report", "impact") and pm and not ours and not passive and not (DONE_RE.match(s) and re.match(r"^(?:we|i)\b", s, re.I)):
        return "outcome"  # "a security researcher identified a leaked token": what happened, not what we did
    if re.match(r"^(?:\w+\s+){0,3}(?:could|would|might|may)\s+(?:have\s+|also\s+)?[a-z]+", s, re.I) and not DONE_RE.match(s):
        return "outcome"  # "This could result in teams ... using the broken v10.5.0": what it could do, not a thing done
    if (pm or passive) and not ours and re.search(r"\b(?:started to fail|failed to|went down|broke down|crashed)\b", s, re.I):
        return "outcome"  # "Crates started to fail to build a day earlier": what went wrong, not work done
    if DONE_RE.match(s) or pm or passive:
        return "done"
    return "outcome"


def _read_part(b: LogBuilder, item, node: Node, part: str) -> None:
    b.place(item, node)
    text = node.text
    if not text:
        return
    stamp_h = _stamp_heading(b, node) if part == "timeline" else None
    if text.rstrip().endswith(":") and _image_next(b, node):
        return  # "From analytics (the outage is visible at the bottom right):" over a chart: a caption, no news
    if part != "timeline" and not node.is_item and text.rstrip().endswith(":"):
        items = _listed(b, node)
        if items:  # "This switch included:" + "1. Adding a new ZFS dataset" ...: one statement
            parts = sentences(text)
            for sent in parts[:-1]:
                _add(b, item, _kind(b, sent, part, node), sent, list(node.lines))
            lead = parts[-1].rstrip(" :") if parts else text.rstrip(" :")
            body = "; ".join(n.text.rstrip(" .;") for n in items)
            lines = sorted({n for x in [node, *items] for n in x.lines})
            b.absorbed.update(n.index for n in items)
            _add(b, item, _kind(b, lead, part, node), f"{lead}: {body}", lines)
            return
    prev = None
    for k, sent in enumerate(_clauses_joined(sentences(text))):
        kind = _kind(b, sent.split("; ")[0], part, node)  # what the sentence's first clause says
        lines = list(node.lines)
        if part == "timeline" and kind == "done":
            sent, lines = _stamped(b, sent, node, stamp_h, k)
        if kind == "outcome" and prev is not None and prev.lines == lines and (_BACK_REF.search(sent) or re.match(r"^(?:they|he|she)\s", sent, re.I)) \
                and len(prev.text) + len(sent) <= 400:
            prev.text = f"{prev.text.rstrip()} {sent.strip()}"  # "... recommended GPG signing. The committee took a vote on this ...": one outcome
            continue
        n_out = len(item.outcomes)
        _add(b, item, kind, sent, lines)
        prev = item.outcomes[-1] if kind == "outcome" and len(item.outcomes) > n_out else None


def _image_next(b: LogBuilder, node: Node) -> bool:
    """Is the line after ``node`` only an image ("![](https://.../chart.png)")?"""
    last = max(node.lines) if node.lines else 0
    nxt = b.outline.lines[last] if last < len(b.outline.lines) else ""
    return bool(re.fullmatch(r"\s*!\[[^\]]*\]\([^)]*\)\s*", nxt))


def _clauses_joined(parts: list[str]) -> list[str]:
    """"The tests issued a false-positive; they tested ...": a clause after a semicolon, in lower
    case, goes on its sentence (one fact, not a thing found and a thing done)."""
    out: list[str] = []
    for p in parts:
        if out and re.fullmatch(r"\s*\([^()]{1,40}\)\W*", p):  # "... fail to serve. **<START OF OUTAGE>**": the entry's mark
            out[-1] = f"{out[-1].rstrip(' .')} {p.strip().rstrip('.')}."
        elif out and p[:1].islower() and not out[-1].rstrip().endswith((".", "!", "?")):
            out[-1] = f"{out[-1].rstrip(' ;')}; {p}"
        else:
            out.append(p)
    return out


def _listed(b: LogBuilder, node: Node) -> list[Node]:
    """The short list items right after a lead-in line ending in ':' (at most six, without sub-items)."""
    out: list[Node] = []
    for n in b.outline.nodes[node.index + 1 :]:
        if not n.is_item or n.children or n.depth > 0:
            break
        out.append(n)
    if not out or len(out) > 6 or any(len(n.text.split()) > 25 for n in out):
        return []
    return out


def _stamped(b: LogBuilder, sent: str, node: Node, h: Node | None, k: int) -> tuple[str, list[int]]:
    """The entry's text with its time, and the lines it cites (the time's heading too)."""
    if _STAMP.match(sent) or h is None:
        return sent, list(node.lines)
    stamps = b.__dict__.setdefault("stamped", set())
    lines = sorted(set(node.lines) | set(h.lines))
    if h.index in stamps or k > 0:
        return sent, lines
    stamps.add(h.index)
    stamp = _STAMP.match(h.text).group("s")
    if re.match(r"\d{4}-\d{2}-\d{2}[ T/]+\d", stamp):
        stamp = re.sub(r"^\d{4}-\d{2}-\d{2}[ T/]+", "", stamp)  # the date is the action's date: the time says when that day
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", stamp):
        return sent, lines  # a date alone: the action's date
    return f"{stamp} {sent}", lines


def _on(b: LogBuilder, text: str) -> dt.date | None:
    found = find_dates(text, b.as_of, "past")
    return found[0].date if found else None


def _add(b: LogBuilder, item, kind: str, sent: str, lines: list[int]) -> None:
    text = sent.strip().rstrip(" :;,\\")
    if not text or kind == "none":
        return
    if story_aside(kind, text):
        return  # "Anyhow, back to the action!", "That's pretty peculiar.": the story's aside, placed, nothing to draft
    last = item.actions[-1] if item.actions else None
    if kind == "done" and text[:1].islower() and last is not None and 0 < max(lines) - max(last.lines) <= 6 \
            and not last.text.rstrip().endswith((".", "!", "?")) and not _SUBJECT.match(text):
        # "Another team member used the website below:" <url> "to inspect the current certificate": one sentence
        last.text = f"{last.text.rstrip(' .:')} {text}"
        last.lines = sorted(set(last.lines) | set(lines))
        return
    if kind == "note":
        item.notes.append(text)
        return
    if kind == "done":
        if re.search(r"https?://", " ".join(b.outline.lines[n - 1] for n in lines if 0 < n <= len(b.outline.lines))):
            text = re.sub(r"(?<=[.!?])\s+[A-Z]\w*\s+\w+[.]?$", "", text)  # "... He opened <url>.": the link was its object
        on = None
        src = " ".join(b.outline.lines[n - 1] for n in lines if 0 < n <= len(b.outline.lines))
        m = re.search(r"\b\d{4}-\d{2}-\d{2}\b", src)
        if m:
            on = _on(b, m.group(0))
        if on is not None:
            text = re.sub(r"^\W{0,2}\d{4}-\d{2}-\d{2}(?:[ T/]+(?=\d))?\W{0,2}(?:\s*[-–—:]\s*|\s+)?", "", text) or text  # "2025-04-14 16:37 UTC ...": the date is ``on``
        item.actions.append(Action(text=text, actor="", on=on, lines=list(lines)))
        req = _REQUESTED.match(text)
        if req:  # "We requested all Homebrew maintainers review and prune their tokens": theirs to do, still open
            who = re.sub(r"^all\s+", "", req.group("who"), flags=re.I)
            what = req.group("what").rstrip(" .")
            item.commitments.append(Commitment(what=what, owner=who, lines=list(lines)))
        return
    if kind == "outcome":
        item.outcomes.append(Outcome(text=text, lines=list(lines)))
        return
    if kind == "risk":
        item.risks.append(text)
        item.risk_notes.append(Note(text=text, lines=list(lines)))
        return
    if kind == "commitment":
        m = _CONCLUSION.match(text) or _NEXT_TIME.match(text)
        what = (m.group("rest") if m and "rest" in m.groupdict() else m.group("what") if m else text).strip()
        first = what.split()[0].lower() if what.split() else ""
        if m and _CONCLUSION.match(text) and (first in _NOT_IMPERATIVE or re.search(r"^(?:\S+\s+){0,3}(?:is|are|was|were)\b", what)):
            item.outcomes.append(Outcome(text=what, lines=list(lines)))  # "Lesson learned: the alert was too noisy"
            return
        sig = classify(what, "doing", b.people, first_person=b.first_person)
        owner = b.canonical(sig.owner) if sig.kind == "commitment" and sig.owner else ""
        if owner and not b.people.known(owner.split(",")[0].strip()):
            owner = ""
        what = sig.text if sig.kind == "commitment" and sig.owner else what
        what = what.rstrip(" .")
        item.commitments.append(Commitment(what=what[:1].upper() + what[1:], owner=owner or ("I" if b.first_person else ""), lines=list(lines)))
        return
    sig = classify(text, None, b.people, first_person=b.first_person)
    if kind in ("question", "wait", "decision") and sig.kind != kind:
        sig.kind = kind
    b.add_signal(item, sig, lines)


def _timeline_row(b: LogBuilder, node: Node, item) -> bool:
    """A row of a timeline table ("| 2021-08-26 09:48 | Rollback performed. |"): an action taken at its time."""
    from .outline import table_header

    b.place(item, node)
    if node.header:
        return True
    header = [h.lower() for h in table_header(b.outline, node)]
    cells = list(node.cells)
    when = next((c for c in cells if _STAMP.match(c)), None)
    rest = [c for i, c in enumerate(cells) if c and c is not when and not (header and i < len(header) and re.search(r"\b(?:status|state)\b", header[i]))]
    event = " ".join(rest).strip()
    if not event:
        return True
    text = f"{when} {event}" if when else event
    on = _on(b, when) if when and re.search(r"\d{4}-\d{2}-\d{2}", when) else None
    if on is not None:
        text = re.sub(r"^\d{4}-\d{2}-\d{2}(?:[ T/]+(?=\d))?\s*", "", text)  # the date is the action's date
    item.actions.append(Action(text=text.rstrip(" ."), actor="", on=on, lines=list(node.lines)))
    return True


def _code_timelines(b: LogBuilder) -> None:
    """A timeline written in a code block ("10:00 UTC - cloud open"): each line is an action taken."""
    for node in b.outline.nodes:
        if node.kind != "code" or _part(b, node) != "timeline":
            continue
        item = next((b.placed[n] for n in node.lines if n in b.placed), None)
        if item is None:
            continue
        for n in node.lines:
            raw = b.outline.lines[n - 1].strip()
            if _STAMP.match(raw) and not raw.startswith(("```", "~~~")):
                on = _on(b, raw) if re.search(r"\d{4}-\d{2}-\d{2}", raw) else None
                item.actions.append(Action(text=raw, actor="", on=on, lines=[n]))


def read_incident(outline: Outline, people: People, as_of: dt.date, guess: GenreGuess):
    b = LogBuilder(outline, people, as_of, "incident", guess.first_person)
    b.doc_title = _doc_title(b)
    walk(b, _topic, _special)
    _code_timelines(b)
    for w in b.items:
        for c in w.commitments:
            c.what = c.what.rstrip(" .") or c.what  # a follow-up, not a sentence of the report
        for k in range(len(w.commitments) - 1, 0, -1):
            c, prev = w.commitments[k], w.commitments[k - 1]
            if c.lines == prev.lines and _ASIDE.match(c.what):
                w.commitments.pop(k)  # "... In this incident however it could have been difficult": the follow-up's aside
                w.notes.append(c.what)
            elif c.lines == prev.lines and c.owner == prev.owner and c.state == prev.state:
                # one list item, several sentences ("Document rollover process. Especially what can be done
                # in case it goes bad"): one follow-up, so the counts match the list
                w.commitments.pop(k)
                prev.what = f"{prev.what.rstrip(' .;')}, {c.what[:1].lower() + c.what[1:] if c.what[1:2].islower() else c.what}"
    fm = next((n for n in outline.nodes if n.kind == "front_matter"), None)
    doc = next((w for w in b.items if w.title and w.title == b.doc_title[0][: len(w.title)]), None)
    if fm is not None and doc is not None and b.doc_title[1] is None and outline.front_matter.get("title"):
        b.place(doc, fm)  # the front matter that titles the report: the item's own lines
    place_links(b)
    log = b.finish()
    for w in log.items:
        if w.risk_notes and w.done:
            w.done = False  # a report that leaves a risk open ("the root cause is still unknown") is not all done
    from .incident_state import incident_state

    log.incident = incident_state(log)
    return log

