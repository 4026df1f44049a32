"""What a check sees: the draft text, the notes, ``as_of`` and the case's annotations."""

from __future__ import annotations

import datetime as dt
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


def annotations_from_notes(notes: str, as_of: dt.date) -> Annotations:
    """Derive annotations from the notes with the parser (for drafts checked without a case's annotations).

    The parser's work log already holds what the checks compare with (commitments, waits, blockers,
    decisions, people, deadlines); the playbook's plan adds the writer's proposals, which are not
    ground truth, so it is not consulted.
    """
    from ..parser import parse_notes

    log = parse_notes(notes, as_of)
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
