"""Work log: what the notes say (the reader's output). Every element cites the note lines it came from."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field, model_validator


class SourceLine(BaseModel):
    """One non-blank line of the notes, 1-based line number."""

    number: int
    text: str


class _Cited(BaseModel):
    """An element of the work log that cites the note lines it came from (provenance).

    ``lines`` are 1-based line numbers of the notes. Old code set one ``line``; the validator
    keeps the two in step so either may be given.
    """

    lines: list[int] = Field(default_factory=list)

    @model_validator(mode="after")
    def _sync_line(self):
        line = getattr(self, "line", None)
        if line is not None and line not in self.lines:
            self.lines = [line, *self.lines]
        elif line is None and self.lines and "line" in type(self).model_fields:
            object.__setattr__(self, "line", self.lines[0])
        return self


class Person(_Cited):
    name: str
    org: str | None = None
    role: str | None = None
    # how we know this is a person: speaker, attendee, handle, owner, with, email, contact, parameter, text
    evidence: str | None = None


class Action(_Cited):
    """Something already done ("emailed Dana at Acme")."""

    text: str
    on: dt.date | None = None
    actor: str = "I"
    line: int | None = None


class Wait(_Cited):
    """A dependency on someone else or a blocker."""

    what: str
    on_whom: str | None = None  # person or organisation waited on; None for a blocker without one
    kind: Literal["no_reply", "waiting", "blocked"] = "waiting"
    since: dt.date | None = None
    line: int | None = None
    expected_by: dt.date | None = None  # date the other side said they would deliver ("she'd confirm by Fri")


class Commitment(_Cited):
    """A promise with an owner and (ideally) a due date."""

    what: str
    owner: str = "I"
    due: dt.date | None = None
    for_whom: str | None = None
    state: Literal["open", "done", "missed", "dropped"] = "open"
    line: int | None = None
    source: Literal["notes", "journal"] = "notes"  # "journal": carried over from an earlier update
    journal_id: int | None = None  # the journal's id for this promise, once recorded or matched
    done_on: dt.date | None = None  # when it was done, if the notes say
    new_due: dt.date | None = None  # a later date the notes give for a promise whose date passed (journal)


class Decision(_Cited):
    """A decision someone has to take; options named in the notes, if any (``options`` are the
    notes' own alternatives, never invented; ``positions`` are people's differing views)."""

    question: str
    options: list[str] = Field(default_factory=list)
    who: str | None = None  # who decides, if the notes say
    line: int | None = None
    by: dt.date | None = None  # decide-by date named in the notes ("need a decision from Lee by Fri")
    positions: list[str] = Field(default_factory=list)  # "Ana: ship now", "Bo: wait for the fix"


class Outcome(_Cited):
    """A decision already made or a result reached ("agreed to cut the release on Fri")."""

    text: str
    who: str | None = None  # who decided or announced it, if the notes say
    decided: bool = False  # listed under the notes' "Decisions" part ("## Decisions" > "- commit hooks"): a decision, whatever its words


class Question(_Cited):
    """An open question in the notes (context, never a task)."""

    text: str
    asked_by: str | None = None
    answered: bool = False


class Note(_Cited):
    """A risk or other free-text element, with its lines."""

    text: str


class WorkItem(BaseModel):
    """One piece of work found in the notes."""

    title: str
    outcome: str | None = None  # the goal it serves ("Q3 docs for the board meeting")
    deadline: dt.date | None = None  # downstream deadline at stake
    deadline_label: str | None = None  # "board meeting"
    actions: list[Action] = Field(default_factory=list)
    waits: list[Wait] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    risks: list[str] = Field(default_factory=list)  # risk cues in the notes ("might not make it")
    recurring: bool = False
    recurrence: str | None = None  # "every Monday"
    delegate_to: str | None = None  # "hand off to Priya"
    done: bool = False
    people: list[str] = Field(default_factory=list)
    orgs: list[str] = Field(default_factory=list)  # organisations and teams named in the item ("Acme", "legal")
    resources: list[str] = Field(default_factory=list)  # links, systems, contacts, files
    notes: list[str] = Field(default_factory=list)  # other lines that belong to the item
    lines: list[int] = Field(default_factory=list)  # source line numbers placed in this item
    heading: str | None = None  # the section/heading path the item sits under (context, never a task)
    owner: str | None = None  # who owns the item, if the notes say ("Eric", "I")
    outcomes: list[Outcome] = Field(default_factory=list)  # decisions made / results reached
    questions: list[Question] = Field(default_factory=list)  # open questions (never tasks)
    risk_notes: list[Note] = Field(default_factory=list)  # risks with their lines (``risks`` holds the text)


class Dropped(BaseModel):
    """An element a reader produced that its cited lines do not support (not drafted)."""

    kind: str  # "action", "wait", "commitment", "decision", "outcome", "question", "person", "item", ...
    text: str
    lines: list[int] = Field(default_factory=list)
    reason: str  # "names 'Kick', not in lines 4-5"


class WrittenOn(BaseModel):
    """The date the notes state for themselves ("# 2023-10-05 meeting", "When: 9/6/21") and its line."""

    on: dt.date
    lines: list[int] = Field(default_factory=list)
    phrase: str = ""


class IncidentSignal(_Cited):
    """One piece of evidence about an incident's or a release's state, with the lines it came from.

    ``kind``: resolved ("recovered itself in 20 minutes"), ongoing ("we are still investigating"),
    cause_known ("caused by a Denial-of-Service attack"), cause_unknown ("The root cause is still
    unknown"), impact ("Binder launches were failing"), what (what happened), schedule ("expected
    to be created September 21"), delayed ("had not been created due to this delay"), postmortem
    (the report looks back at an event that is over)."""

    kind: Literal["resolved", "ongoing", "cause_known", "cause_unknown", "impact", "what", "schedule", "delayed", "postmortem"]
    text: str


class IncidentState(_Cited):
    """The state of the incident (or release) the notes report, read from their structure and words.

    ``state``: resolved (the notes say it is over: resolved, fixed, recovered, restored), ongoing (still
    investigating, still down), over (a post-mortem or a timeline that ends, no word of it going on),
    delayed (a release or milestone whose date slipped), scheduled (a release still ahead).
    ``cause``: known, unknown (the notes say so), or None (they do not say). ``lines``: every line
    the state rests on."""

    state: Literal["resolved", "ongoing", "over", "delayed", "scheduled"]
    cause: Literal["known", "unknown"] | None = None
    signals: list[IncidentSignal] = Field(default_factory=list)

    def first(self, kind: str) -> IncidentSignal | None:
        return next((s for s in self.signals if s.kind == kind), None)


class WorkLog(BaseModel):
    """The parsed notes. Every non-blank line is in exactly one item's ``lines`` or in ``unplaced``."""

    as_of: dt.date
    items: list[WorkItem] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    orgs: list[str] = Field(default_factory=list)  # organisations and teams named in the notes
    lines: list[SourceLine] = Field(default_factory=list)
    unplaced: list[SourceLine] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)  # e.g. ambiguous journal matches to confirm
    genre: str = "notes"  # minutes, standup, worklog, todo, incident, notes (personal notes)
    reader: str = "offline"  # which reader produced the log: offline or llm
    first_person: bool = True  # the notes speak as "I"/"we" (else: name owners, never "I")
    dropped: list[Dropped] = Field(default_factory=list)  # elements dropped by the provenance check
    written_on: WrittenOn | None = None  # the notes' own date: their "Fri", "next week" count from it
    incident: IncidentState | None = None  # incident and release-status notes: resolved / ongoing / ..., with its lines

    def accounted_lines(self) -> list[int]:
        """All line numbers placed in an item or unplaced (each should appear exactly once)."""
        out = [n for item in self.items for n in item.lines]
        out += [s.number for s in self.unplaced]
        return out
