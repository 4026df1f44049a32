"""What a check sees: the draft text, the notes, ``as_of`` and the case's annotations."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models import ArtefactKind, Audience, DelegationPlan, OptionsProposal, OutputFormat, StatusUpdate


class AnnotatedCommitment(BaseModel):
    """A promise the case's author says the notes contain."""

    what: str
    owner: str = "I"
    due: dt.date | None = None
    state: Literal["open", "done", "missed", "dropped"] = "open"


class AnnotatedWait(BaseModel):
    """A dependency on someone outside the writer's control (U6, U8)."""

    on_whom: str
    what: str = ""


class Annotations(BaseModel):
    """Ground truth written by a case's author (or derived from the notes)."""

    model_config = ConfigDict(extra="forbid")

    commitments: list[AnnotatedCommitment] = Field(default_factory=list)
    waits: list[AnnotatedWait] = Field(default_factory=list)
    blockers: list[str] = Field(default_factory=list)
    decisions: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    internal_names: list[str] = Field(default_factory=list)  # U15: must not reach a client
    deadline: dt.date | None = None  # the downstream deadline the work serves
    deadline_label: str | None = None  # "board meeting"
    delegate: str | None = None
    recurring: bool = False
    # Optional extras (empty = the criterion that needs them is not applicable)
    previous_commitments: list[AnnotatedCommitment] = Field(default_factory=list)  # U16: update N-1
    open_risks: list[str] = Field(default_factory=list)  # O11: risks with no known fix
    open_loops: list[str] = Field(default_factory=list)  # D12 (default: open commitments + waits)
    resources: list[str] = Field(default_factory=list)  # D8: contacts, links, access from the notes


class CheckContext(BaseModel):
    """Everything a check may look at. ``text`` is the rendered (or hand-written) draft."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    kind: ArtefactKind
    text: str
    notes: str
    as_of: dt.date
    audience: Audience = Audience.BOSS
    fmt: OutputFormat = OutputFormat.MARKDOWN
    artefact: StatusUpdate | OptionsProposal | DelegationPlan | None = None
    annotations: Annotations = Field(default_factory=Annotations)
    # "case": written by a person reading the notes; "derived": extracted by the parser because the
    # case gave none (the parser's beliefs are then the yardstick, so checks built on them are weak)
    annotations_source: Literal["case", "derived"] = "case"


def has_annotations(ann) -> bool:
    """Did the case's author write any annotation (a non-default field)?"""
    data = ann.model_dump(mode="json") if hasattr(ann, "model_dump") else dict(ann or {})
    return any(v not in (None, False, [], "", {}) for v in data.values())


# Positions where a draft treats a word as a person: "with X", "ask X", "waiting on X", "X will",
# "X to <verb>", "Owner: X", "X said/agreed/confirmed".
_PERSON_BEFORE = re.compile(
    r"\b(?i:with|ask|asked|asking|chase|chasing|ping|pinged|remind|told|tell|waiting on|wait on|waiting for|"
    r"hand(?:ed)? (?:it |this )?(?:over )?to|owner:|ask:|assigned to|delegate(?:d)? to|cc)\s+([A-Z][a-z][\w'’-]*)")
_PERSON_AFTER = re.compile(
    r"(?<![\w.'’])([A-Z][a-z][\w'’-]*)\s+(?:will|would|'ll|said|says|agreed|confirmed|promised|owns|replied|"
    r"is (?:out|away|on leave|waiting)|to (?:send|check|ask|follow|review|write|update|fix|look|draft|prepare|share|"
    r"schedule|contact|reach|file|open|create|investigate|test|merge|deploy|run|talk)\b)")
_NOT_PEOPLE = {"i", "we", "they", "you", "he", "she", "it", "this", "that", "who", "next", "owner", "ask", "team",
               "everyone", "someone", "nobody", "somebody", "the", "a", "an", "if", "then", "please", "also", "and"}


def person_mentions(text: str) -> list[tuple[str, str]]:
    """(word, the line it is in) for every word the text uses in a person's position."""
    out = []
    for line in text.splitlines():
        plain = re.sub(r"\*\*|__|`", "", line)
        for rx in (_PERSON_BEFORE, _PERSON_AFTER):
            for m in rx.finditer(plain):
                w = re.sub(r"['’]s$", "", m.group(1))
                if w.lower() not in _NOT_PEOPLE:
                    out.append((w, line.strip()))
    return out


def known_people(ann: Annotations) -> set[str]:
    """Lower-case name words the annotations give for people, owners, waits, delegates and resources."""
    names: list[str] = list(ann.people) + [c.owner for c in ann.commitments + ann.previous_commitments]
    names += [w.on_whom for w in ann.waits] + ([ann.delegate] if ann.delegate else []) + list(ann.resources)
    names += list(ann.internal_names)
    out: set[str] = set()
    for n in names:
        out |= {t.lower() for t in re.findall(r"[A-Za-z][\w'’-]*", n or "")}
    # organisations and parties the annotations' own text names ("contract from Northwind legal")
    texts = [c.what for c in ann.commitments + ann.previous_commitments] + [w.what for w in ann.waits]
    texts += ann.blockers + ann.decisions + ann.open_risks + ann.open_loops + [ann.deadline_label or ""]
    for t in texts:
        out |= {w.lower() for w in re.findall(r"(?<![\w'’])[A-Z][\w'’-]*", t or "")}
    return out


def unannotated_people(text: str, ann: Annotations) -> list[tuple[str, str]]:
    """Words the text treats as people that the case's annotations do not name (deduplicated)."""
    known = known_people(ann)

    seen, out = set(), []
    for w, line in person_mentions(text):
        low = w.lower()
        if low in known or low in seen or _calendar_word(low):
            continue
        seen.add(low)
        out.append((w, line))
    return out


_CAL = set("mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday "
           "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
           "september october november december today tomorrow yesterday eod eow".split())


def _calendar_word(w: str) -> bool:
    return w in _CAL


def annotations_from_notes(notes: str, as_of: dt.date) -> Annotations:
    """Derive annotations from the notes with the parser (for drafts checked without a case's annotations).

    The parser's work log already holds what the checks compare with (commitments, waits, blockers,
    decisions, people, deadlines); the playbook's plan adds the writer's proposals, which are not
    ground truth, so it is not consulted.
    """
    from ..read.personal import parse_personal

    log = parse_personal(notes, as_of)
    ann = Annotations()
    deadlines = []
    for item in log.items:
        for c in item.commitments:
            ann.commitments.append(AnnotatedCommitment(what=c.what, owner=c.owner, due=c.due, state=c.state))
        for w in item.waits:
            if w.on_whom and w.kind != "blocked":
                ann.waits.append(AnnotatedWait(on_whom=w.on_whom, what=w.what))
            elif w.kind == "blocked":
                ann.blockers.append(w.what)
        ann.decisions += [d.question for d in item.decisions]
        ann.people += [p for p in item.people if p not in ann.people]
        ann.resources += [r for r in item.resources if r not in ann.resources]
        if item.deadline and not item.done:
            deadlines.append((item.deadline, item.deadline_label))
        if item.delegate_to and not ann.delegate:
            ann.delegate = item.delegate_to
        ann.recurring = ann.recurring or item.recurring
    for p in log.people:
        if p.name not in ann.people:
            ann.people.append(p.name)
        if not p.org and p.name.lower() not in ("i", "me", "we"):
            ann.internal_names.append(p.name)  # same rule as the renderer: no organisation = internal
    if deadlines:
        ann.deadline, ann.deadline_label = min(deadlines, key=lambda t: t[0])
    return ann
