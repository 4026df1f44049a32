"""Which kind of notes is this? Recognised from the outline, not from the prose.

``minutes`` (attendees, agenda, action items, discussion sections, several speakers), ``standup``
(per-person rounds: done / doing / blocked, yesterday / today), ``worklog`` (dated entries; "what I
did / what's next / where I got stuck"), ``todo`` (mostly checkboxes or task lines), ``incident``
(timeline, impact, root cause, resolution, follow-ups; release status: blockers, votes, go/no-go)
and ``notes`` (short first-person personal notes: the personal parser's domain).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .outline import Outline
from .people import People
from .section_modes import mode_of

GENRES = ("minutes", "standup", "worklog", "todo", "incident", "notes")

MINUTES_HEAD = re.compile(
    r"\b(attendees?|attendance|present|participants|agenda|minutes|action items?|actions?|ais|discussion|"
    r"discussed|decisions?(?: made)?|next meeting|open floor|announcements?|apologies|regrets|roll call|"
    r"meeting|sync|call notes|triage|notes from|follow[- ]?ups?|parking lot|any other business|aob)\b",
    re.I,
)
STANDUP_HEAD = re.compile(
    r"\b(yesterday|today|tomorrow|blockers?|blocked|impediments?|done|doing|to ?do|in progress|"
    r"working on|completed|accomplished|plans?|next|stand-?ups?|scrum|check-?in|status)\b",
    re.I,
)
WORKLOG_HEAD = re.compile(
    r"\b(what (?:i|we) (?:did|worked on|learned|learnt)|what'?s next|what is next|next steps?|where (?:i|we) got stuck|"
    r"did (?:i|we) get stuck|stuck|progress|week \d+|day \d+|log|journal|diary|til|worklog|work log|"
    r"accomplishments|achievements|learnings?|goals? for|this week|last week|next week|weekly (?:update|report))\b",
    re.I,
)
INCIDENT_HEAD = re.compile(
    r"\b(timeline|impact|root cause|causes?|resolution|resolved|mitigation|post-?mortem|incident|outage|"
    r"lessons? learn(?:ed|t)|what went (?:well|wrong)|where we got lucky|follow[- ]?ups?|detection|"
    r"trigger|contributing factors|summary|remediation|action items|release status|release blockers?|"
    r"go/no-go|votes?|sign-?off|regressions?|known issues|severity|impacted|affected|corrective actions?|recovery|symptoms?|prevention)\b",
    re.I,
)
TODO_HEAD = re.compile(r"\b(to-?dos?|tasks?|backlog|checklist|later|someday|inbox|next actions?|done)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(I|I'm|I've|I'll|I'd|me|my|myself|mine)\b")
_WE = re.compile(r"\b(we|we're|we've|we'll|our|us)\b", re.I)
_DATE_HEAD = re.compile(
    r"\b(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+\d{1,2}|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|week \d+|day \d+)",
    re.I,
)


_TITLE_INCIDENT = re.compile(r"\b(post-?mortems?|incidents?|outages?|retrospective|root cause|rca|release (?:status|engineering)|release notes? status)\b", re.I)
_TITLE_MINUTES = re.compile(r"\b(meeting|minutes|sync|call|tsc|tac|council|committee|board meeting|working group|wg|notes from|weekly meeting|monthly)\b", re.I)
_TITLE_STANDUP = re.compile(r"\b(stand-?ups?|daily|scrum|check-?ins?|status updates?)\b", re.I)
_TITLE_WORKLOG = re.compile(r"\b(week(?:ly)? (?:\d+|report|log)|gsoc|(?:google )?summer of code|worklog|work log|journal|diary|devlog|progress report|status report)\b", re.I)
_STRUCK_LEAD = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+~~(?=\S).+?~~")
_TITLE_TODO = re.compile(r"\b(to-?dos?|checklist|backlog|tasks?)\b", re.I)


def standup_rounds(outline: Outline) -> list:
    """Sibling headings whose sub-headings repeat the same parts ("Focus / Working on today /
    Where I'm blocked"): each is one person's (or team's) round."""
    from .signals import mode_of

    heads = outline.headings()
    kids: dict[int, list[str]] = {}
    for h in heads:
        if h.parent is not None and outline.nodes[h.parent].kind == "heading":
            kids.setdefault(h.parent, []).append(re.sub(r"\W+", " ", h.text.lower()).strip())
    cands = {p: set(names) for p, names in kids.items() if len({mode_of(n) for n in names} - {None, "context"}) >= 2}
    out = []
    for p, names in cands.items():
        # a round shares most of its parts with another round ("Focus / Working on today / Blocked")
        if any(q != p and len(names & other) >= 2 and len(names & other) >= 0.5 * min(len(names), len(other)) for q, other in cands.items()):
            out.append(outline.nodes[p])
    return sorted(out, key=lambda n: n.index)


@dataclass
class GenreGuess:
    genre: str
    first_person: bool
    scores: dict[str, float] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)


def first_person_share(outline: Outline, people: People | None = None) -> float:
    """Share of prose nodes that speak as "I" (a named speaker's "I" is the speaker's, not the writer's)."""
    content = [
        n for n in outline.content()
        if n.kind != "heading" and n.kind != "speaker" and not (people is not None and n.label and people.known(n.label))
    ]
    if not content:
        return 0.0
    return sum(1 for n in content if _FIRST_PERSON.search(n.text)) / len(content)


def recognise(outline: Outline, people: People) -> GenreGuess:
    """The genre of the notes and whether they speak as "I" (see the module doc)."""
    content = outline.content()
    heads = [n for n in content if n.kind == "heading"]
    body = [n for n in content if n.kind != "heading"]
    items = [n for n in body if n.is_item]
    # a box, or an entry struck through ("- ~~Settle on database to use.~~ Done."): a list of things to do
    boxes = [n for n in body if n.kind == "checkbox" or (n.is_item and _STRUCK_LEAD.match(n.raw or ""))]
    labels = [n.label for n in body if n.label]
    head_texts = [n.text for n in heads] + labels
    speakers = {p.name for p in people.persons() if p.evidence == "speaker"}
    attendees = [p for p in people.persons() if p.evidence == "attendee"]
    fp = first_person_share(outline, people)
    s = {g: 0.0 for g in GENRES}
    why: list[str] = []

    def hits(rx: re.Pattern) -> int:
        return sum(1 for t in head_texts if t and rx.search(t))

    s["minutes"] += 1.5 * hits(MINUTES_HEAD) + (3 if attendees else 0) + min(len(speakers), 5) * 0.8
    s["standup"] += 1.2 * hits(STANDUP_HEAD)
    person_heads = [n for n in heads if people.strong(n.text) or (people.known(n.text) and len(n.text.split()) <= 3)]
    person_labels = [n for n in body if n.label and people.known(n.label) and n.kind != "para"]
    if len(person_heads) >= 2:
        s["standup"] += 2.0 * len(person_heads)
        why.append(f"{len(person_heads)} person headings")
    s["worklog"] += 1.5 * hits(WORKLOG_HEAD)
    dated = [
        n for n in heads
        if _DATE_HEAD.search(n.text) and not any(re.search(r"timeline|chronolog", a.text, re.I) for a in outline.ancestors(n) if a.kind == "heading")
    ]
    if len(dated) >= 2:
        s["worklog"] += 2.0 * len(dated)
        why.append(f"{len(dated)} dated headings")
    authors = [p for p in people.persons() if p.evidence == "author"]
    if len(authors) >= 2:  # "X writes of the Y project:" over each one's quoted update: a digest of reports
        s["worklog"] += 2.0 * len(authors)
        why.append(f"{len(authors)} quoted updates")
    s["incident"] += 1.5 * hits(INCIDENT_HEAD)
    s["todo"] += 1.5 * hits(TODO_HEAD)
    if body:
        share = len(boxes) / len(body)
        s["todo"] += 10 * share if share >= 0.4 else 0
        if share >= 0.4:
            why.append(f"{share:.0%} checkboxes")
    # a list of things to do: entries that open with a verb ("fix html5 errors on login page", "allow
    # change password"), nobody speaking or attending; a first line that calls it a todo list says so
    called = len(items) >= 8 and any(re.search(r"\bto[- ]?do\b", n.text, re.I) for n in content[:3])
    if called and not attendees and len(speakers) < 2 and len(person_heads) < 2:
        from ..playbook.actions import is_verb

        verbs = sum(1 for n in items if n.text and n.text.split()[0].isalpha() and is_verb(n.text.split()[0]) and len(n.text.split()) <= 16)
        if verbs / len(items) >= 0.33:
            s["todo"] += 7
            why.append(f"{verbs} of {len(items)} entries open with a verb")
    task_tables = [n for n in outline.nodes if n.kind == "table_row" and n.header and any(re.search(r"\b(task|todo|to-do|action)", c, re.I) for c in n.cells)
                   and any(re.search(r"\b(status|who|owner|assignee|done|deadline|due)", c, re.I) for c in n.cells)]
    if task_tables:
        s["todo"] += 8
        why.append("a task table")
    if len(speakers) >= 2 and len(person_heads) < 2:
        s["minutes"] += 2
    # standup rounds: per-person sections with done/doing/blocked sub-parts
    if person_heads and hits(STANDUP_HEAD) >= 2:
        s["standup"] += 4
    if len(person_labels) >= 3 and hits(STANDUP_HEAD) >= 2:
        s["standup"] += 3
    if fp >= 0.25:
        s["worklog"] += 2
        s["todo"] += 1
    else:
        s["minutes"] += 1
        s["incident"] += 1
    # the document's title says what it is ("TSC meeting", "Post-mortem", "Standup", "Week 4")
    title = heads[0].text if heads and heads[0].level <= 2 and heads[0].line <= 3 else ""
    fm_title = outline.front_matter.get("title") if isinstance(outline.front_matter, dict) else None
    if isinstance(fm_title, str) and fm_title.strip():
        title = fm_title  # the front matter's title: what the document says it is
    for g, rx in (("incident", _TITLE_INCIDENT), ("minutes", _TITLE_MINUTES), ("standup", _TITLE_STANDUP), ("worklog", _TITLE_WORKLOG), ("todo", _TITLE_TODO)):
        if title and rx.search(title):
            s[g] += 5
            why.append(f"title says {g}")
    rounds = standup_rounds(outline)
    if len(rounds) >= 2:
        s["standup"] += 3 * len(rounds)
        why.append(f"{len(rounds)} rounds with the same parts")
    best = max(("minutes", "standup", "worklog", "todo", "incident"), key=lambda g: s[g])
    if best == "standup" and len(person_heads) < 2 and len(rounds) < 2 and len(person_labels) < 2 and len(speakers) < 2 and s["worklog"] > 0:
        best = "worklog"  # "RCOS Status Update" > "Rylan Gupta" > accomplishments / plan / blockers: one person's report
        why.append("one person's status report")
    genre = best
    # short notes without strong document structure, or notes where the writer is an owner
    # ("Me: confirm the date"): the personal notes parser
    me_owner = any(re.match(r"^(me|i)\b", (n.label or "").strip(), re.I) for n in body) or any(
        re.search(r"\b(me|myself)\b", n.rest or "", re.I) for n in body if n.label and re.match("attend|present|particip", n.label, re.I)
    )
    long_prose = (
        sum(len(n.text) for n in body) / max(1, len(body)) > 120
        or any(len(n.text) > 500 for n in body)
        or sum(1 for n in body if n.kind == "para" and len(n.lines) >= 3) >= 2  # wrapped paragraphs: a report
    )
    # "Last Week's Accomplishments" / "This Week's Plan" / "Anything Blocking?": a short report, read by its parts
    parted = len(heads) >= 2 and sum(1 for h in heads if mode_of(h.text) in ("done", "doing", "blocked")) >= 2 and best in ("worklog", "standup")
    struck = sum(1 for n in boxes if n.kind != "checkbox")
    marked = best == "todo" and struck >= 3 and struck * 2 >= len(items)  # entries struck through when done: a list of things to do
    small = len(body) <= 10 and len(heads) <= 3 and s[best] < 6 and not long_prose and not parted and not marked
    if not me_owner and not small and s[best] < 2.5 and (long_prose or len(body) > 15):
        genre = "worklog" if fp >= 0.2 else best  # a long report: read by its sections
        why.append("long report with weak genre cues")
    elif s[best] < 2.5 or small or me_owner:
        genre = "notes"
        why.append("personal notes (small, weak structure, or the writer is an owner)")
    first_person = fp >= 0.2 or genre in ("notes",) or (genre in ("worklog", "todo") and not speakers and fp > 0.05)
    if genre in ("todo", "worklog") and len(speakers) < 2 and len(person_heads) < 2 and len(rounds) < 2:
        first_person = True  # a personal log or list: the writer owns it
    if genre in ("minutes", "standup", "incident") and fp < 0.35:
        first_person = False
    return GenreGuess(genre=genre, first_person=first_person, scores=s, reasons=why)
