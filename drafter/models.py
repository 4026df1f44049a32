"""Typed domain model: the work log parsed from notes, the playbook's plan, and the three artefacts.

Everything here is plain pydantic v2 with no I/O, so it is cheap to import and safe to share
between the CLI, the library API, the engines, the criteria and the eval harness.

String and list fields carry ``max_length`` bounds on the artefact models: grammar-constrained
LLM servers (llama.cpp) then produce complete JSON instead of running into the token limit.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Generic, Literal, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

# --------------------------------------------------------------------------------------------
# Enums
# --------------------------------------------------------------------------------------------


class Status(str, Enum):
    """Status of an item or of the whole update. Order of severity: done < on_track < ... < off_track."""

    DONE = "done"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BLOCKED = "blocked"
    OFF_TRACK = "off_track"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]

    @property
    def label(self) -> str:
        """Human label: 'on track', 'at risk', ..."""
        return self.value.replace("_", " ")


_SEVERITY = {
    Status.DONE: 0,
    Status.ON_TRACK: 1,
    Status.AT_RISK: 2,
    Status.BLOCKED: 3,
    Status.OFF_TRACK: 4,
}


def worst(statuses) -> Status:
    """The most severe status of ``statuses`` (``on_track`` for an empty list)."""
    statuses = list(statuses)
    if not statuses:
        return Status.ON_TRACK
    return max(statuses, key=lambda s: s.severity)


class Audience(str, Enum):
    BOSS = "boss"
    TEAM = "team"
    CLIENT = "client"


class OutputFormat(str, Enum):
    MARKDOWN = "markdown"
    TEXT = "text"
    SLACK = "slack"
    EMAIL = "email"
    JSON = "json"


class ArtefactKind(str, Enum):
    UPDATE = "update"
    OPTIONS = "options"
    DELEGATE = "delegate"


class DecisionRights(str, Enum):
    """Delegation levels (D6), from least to most autonomy."""

    RESEARCH_AND_REPORT = "research and report"
    RECOMMEND = "recommend"
    DECIDE_AND_INFORM = "decide and inform"
    ACT_ALONE = "act alone"


# --------------------------------------------------------------------------------------------
# Work log: what the notes say (parser output)
# --------------------------------------------------------------------------------------------


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

    def accounted_lines(self) -> list[int]:
        """All line numbers placed in an item or unplaced (each should appear exactly once)."""
        out = [n for item in self.items for n in item.lines]
        out += [s.number for s in self.unplaced]
        return out


# --------------------------------------------------------------------------------------------
# Plan: what the ownership playbook decided (playbook output, input to every engine)
# --------------------------------------------------------------------------------------------


class NextStep(BaseModel):
    action: str = Field(max_length=300)
    owner: str = Field(max_length=80)
    due: dt.date
    due_proposed: bool = False  # True: the tool proposed this date; the notes did not give it


class Fallback(BaseModel):
    """'If not <trigger> by <by>, I will <action>' (U8)."""

    trigger: str = Field(max_length=200)  # "no reply from Dana"
    by: dt.date
    action: str = Field(max_length=300)  # "call the Acme office and ask for another contact"
    path: Literal["follow_up", "call", "alternate_contact", "escalate"] = "follow_up"


class Risk(BaseModel):
    """A risk raised early, with the deadline it threatens (U6)."""

    signal: str = Field(max_length=300)
    threatens: str | None = Field(default=None, max_length=120)  # "board meeting"
    deadline: dt.date | None = None
    days_left: int | None = None


class Ask(BaseModel):
    """An explicit request of the reader (U9): who, what, by when."""

    who: str = Field(max_length=80)
    what: str = Field(max_length=300)
    by: dt.date
    by_proposed: SkipJsonSchema[bool] = False  # True: the tool picked ``by``; the notes did not give it


class CommitmentState(BaseModel):
    """A commitment as reported in an update (U4, U5)."""

    what: str = Field(max_length=300)
    owner: str = Field(max_length=80)
    due: dt.date | None = None
    state: Literal["open", "done", "missed", "dropped"] = "open"
    new_date: dt.date | None = None  # proposed when missed (never the promise's due date)
    ask: str | None = Field(default=None, max_length=300)  # decision asked instead of a new date


class ItemPlan(BaseModel):
    """The playbook's decisions for one work item."""

    item: WorkItem
    status: Status
    reason: str  # why this status, one line
    next_step: NextStep | None = None
    fallbacks: list[Fallback] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    commitments: list[CommitmentState] = Field(default_factory=list)
    asks: list[Ask] = Field(default_factory=list)
    # open, and the notes give no next step (none is made up): the draft says so or asks the owner
    no_next_step: bool = False


class OptionFacts(BaseModel):
    """One candidate option the playbook found (from the notes, or a standard path)."""

    label: str  # "A", "B", ...
    title: str
    summary: str
    upside: str
    downside: str
    cost: str  # time or cost
    from_notes: bool = False  # named in the notes ("renew 12 months or go month-to-month")
    needs_approval: bool = False  # outside the writer's authority (scope, dates, spend)
    keeps_deadline: bool | None = None  # does the deadline at stake hold under this option (None: unknown)
    grounds: list[str] = Field(default_factory=list)  # the notes' lines that argue for or against it (positions, reasons)


class DecisionFacts(BaseModel):
    """What an options proposal needs: the problem, the options, the recommendation, the default."""

    item_title: str
    question: str  # the decision to take
    problem: str  # what is wrong and what it threatens, <= 3 sentences
    who: str = "you"  # who decides
    deadline: dt.date | None = None
    deadline_label: str | None = None
    options: list[OptionFacts] = Field(default_factory=list)
    recommended: str | None = "A"  # label of one of ``options`` (None: no options, or no ground to prefer one)
    rationale: str = ""
    ground: str | None = None  # why the recommended option (a key the writer words: keeps_no_approval, only_keeper, ...)
    situation: str | None = None  # what is wrong, in the notes' words (the writer builds the problem from it)
    decide_by: dt.date
    decide_by_proposed: bool = True  # the playbook picked ``decide_by``; the notes name no decide-by date
    default_label: str | None = "A"  # the option taken if nobody answers by ``decide_by`` (None: none)
    known: list[str] = Field(default_factory=list)  # what the notes say about the decision (when they hold no options)
    actions_taken: list[str] = Field(default_factory=list)
    will_do: list[str] = Field(default_factory=list)
    needs_approval: list[str] = Field(default_factory=list)
    open_risks: list[str] = Field(default_factory=list)
    open_decision: bool = True  # False: the notes hold no open decision (``known`` then lists the decisions taken)


class CheckInFacts(BaseModel):
    on: dt.date
    what: str


class DelegationTaskFacts(BaseModel):
    """One task to hand over, with everything a delegation plan states about it."""

    item_title: str
    title: str
    done_when: str | None = None  # None: the notes do not say (see ``to_agree``)
    deadline: dt.date
    deadline_proposed: bool = False  # True: the tool proposed it; the notes gave no date
    quality_standard: str | None = None  # None: the notes do not say (see ``to_agree``)
    to_agree: list[str] = Field(default_factory=list)  # what the notes do not give: agree with the delegate
    check_ins: list[CheckInFacts] = Field(default_factory=list)
    check_ins_given: bool = True  # False: ``check_ins`` are the tool's proposed dates, not the notes' (agree them)
    decision_rights: DecisionRights = DecisionRights.RECOMMEND
    purpose: str
    resources: list[str] = Field(default_factory=list)
    escalate_if: str
    runbook: list[str] = Field(default_factory=list)  # imperative steps, in order
    recurring: bool = False
    recurrence: str | None = None


class DelegationFacts(BaseModel):
    """What a delegation plan needs. ``delegate`` is None when nobody is named."""

    delegate: str | None = None
    delegate_source: Literal["parameter", "notes", "none"] = "none"
    tasks: list[DelegationTaskFacts] = Field(default_factory=list)
    parent_deadline: dt.date | None = None
    runbook_name: str = ""
    shadow_on: dt.date | None = None  # when the delegator shadows the first run
    open_loops: list[str] = Field(default_factory=list)  # loops the delegator keeps, each dated


class Plan(BaseModel):
    """The playbook's output: statuses, next steps, fallbacks, risks, asks for the whole log."""

    as_of: dt.date
    log: WorkLog
    items: list[ItemPlan] = Field(default_factory=list)
    overall: Status = Status.ON_TRACK
    overall_reason: str = ""
    risks: list[Risk] = Field(default_factory=list)
    asks: list[Ask] = Field(default_factory=list)
    # Optional facts for the options proposal and the delegation plan (filled by the playbook).
    decision: DecisionFacts | None = None
    delegation: DelegationFacts | None = None


# --------------------------------------------------------------------------------------------
# Artefacts: what an engine writes
# --------------------------------------------------------------------------------------------

_S = 300  # bound for sentence-sized strings
_L = 600  # bound for paragraph-sized strings


class ItemStatus(BaseModel):
    title: str = Field(max_length=120)
    status: Status
    outcome: str | None = Field(default=None, max_length=_S)
    deadline: dt.date | None = None
    done: list[str] = Field(default_factory=list, max_length=6)
    next_step: NextStep | None = None
    fallbacks: list[Fallback] = Field(default_factory=list, max_length=4)
    commitments: list[CommitmentState] = Field(default_factory=list, max_length=8)
    risk: str | None = Field(default=None, max_length=_S)
    # written by the offline writer from the notes; not in the JSON schema an LLM fills (its schema is unchanged)
    decided: SkipJsonSchema[list[str]] = Field(default_factory=list)  # decisions made / outcomes reached
    questions: SkipJsonSchema[list[str]] = Field(default_factory=list)  # open questions, asked as questions
    no_next_step: SkipJsonSchema[bool] = False  # open, and the notes give no next step (none is made up)
    said: SkipJsonSchema[list[str]] = Field(default_factory=list)  # the topic's plain statements (minutes, standups), in the notes' words


class StatusUpdate(BaseModel):
    """A proactive status update (criteria U1-U16)."""

    kind: Literal["update"] = "update"
    as_of: dt.date
    subject: str = Field(max_length=120)
    headline: str = Field(max_length=_S)  # bottom line first: overall status or the ask
    overall: Status
    items: list[ItemStatus] = Field(max_length=12)
    risks: list[Risk] = Field(default_factory=list, max_length=8)
    asks: list[Ask] = Field(default_factory=list, max_length=6)
    unplaced: list[str] = Field(default_factory=list, max_length=40)


class Option(BaseModel):
    label: str = Field(max_length=4)  # "A", "B", ...
    title: str = Field(max_length=120)
    summary: str = Field(max_length=_S)
    upside: str = Field(max_length=_S)
    downside: str = Field(max_length=_S)
    cost: str = Field(max_length=200)  # time or cost
    # the notes' own lines for or against it (people's positions and reasons); not asked of a model
    grounds: SkipJsonSchema[list[str]] = Field(default_factory=list)


class OptionsProposal(BaseModel):
    """A problem brought with options and a recommendation (criteria O1-O11)."""

    kind: Literal["options"] = "options"
    as_of: dt.date
    subject: str = Field(max_length=120)
    headline: str = Field(max_length=_S)  # decision up front
    problem: str = Field(max_length=_L)  # <= 3 sentences, names the deadline at stake
    deadline: dt.date | None = None
    deadline_label: str | None = Field(default=None, max_length=120)
    decide_by: dt.date
    actions_taken: list[str] = Field(default_factory=list, max_length=6)
    # only the notes' own alternatives; empty when the notes hold none (then ``known`` says what is known)
    options: list[Option] = Field(default_factory=list, max_length=4)
    recommendation: str | None = Field(default=None, max_length=4)  # label of one listed option
    known: list[str] = Field(default_factory=list, max_length=8)  # what the notes say about the decision
    rationale: str = Field(max_length=_L)
    default_action: str = Field(max_length=_S)  # "If I don't hear by <date>, I will <option>"
    will_do: list[str] = Field(default_factory=list, max_length=4)  # within my authority
    needs_approval: list[str] = Field(default_factory=list, max_length=4)
    open_risks: list[str] = Field(default_factory=list, max_length=4)
    reply_hint: str = Field(max_length=200)  # "Reply A or B"
    first_person: SkipJsonSchema[bool] = True  # the notes are the writer's own (else "Done so far", not "What I've done")
    open_decision: SkipJsonSchema[bool] = True  # False: the notes hold no open decision; ``known`` lists those taken
    decide_by_proposed: SkipJsonSchema[bool] = False  # True: the tool picked ``decide_by``; rendered "(a date I propose)"


class CheckIn(BaseModel):
    on: dt.date
    what: str = Field(max_length=200)


class DelegatedTask(BaseModel):
    title: str = Field(max_length=120)
    owner: str = Field(max_length=80)
    done_when: str | None = Field(default=None, max_length=_S)  # None: not in the notes (see to_agree)
    deadline: dt.date
    deadline_proposed: bool = False  # True: the tool proposed it; the notes gave no date
    quality_standard: str | None = Field(default=None, max_length=_S)  # None: not in the notes
    check_ins: list[CheckIn] = Field(max_length=6)
    decision_rights: DecisionRights
    purpose: str = Field(max_length=_S)
    resources: list[str] = Field(default_factory=list, max_length=8)
    escalate_if: str = Field(max_length=_S)
    runbook: list[str] = Field(default_factory=list, max_length=12)
    to_agree: list[str] = Field(default_factory=list, max_length=8)  # what the notes do not give: agree with the delegate


class DelegationPlan(BaseModel):
    """Recurring or hand-off work delegated with a runbook (criteria D1-D13)."""

    kind: Literal["delegate"] = "delegate"
    as_of: dt.date
    subject: str = Field(max_length=120)
    headline: str = Field(max_length=_S)
    delegate: str = Field(max_length=80)
    tasks: list[DelegatedTask] = Field(min_length=1, max_length=6)
    runbook_name: str = Field(max_length=120)  # the reusable artefact (D10)
    support: str = Field(max_length=_S)  # D11
    capacity_note: str = Field(max_length=_S)  # D13
    open_loops: list[str] = Field(default_factory=list, max_length=10)  # D12: loops the delegator keeps, dated


Artefact = Union[StatusUpdate, OptionsProposal, DelegationPlan]

ARTEFACT_MODELS: dict[ArtefactKind, type[BaseModel]] = {
    ArtefactKind.UPDATE: StatusUpdate,
    ArtefactKind.OPTIONS: OptionsProposal,
    ArtefactKind.DELEGATE: DelegationPlan,
}


# --------------------------------------------------------------------------------------------
# Requests and results
# --------------------------------------------------------------------------------------------


class DraftOptions(BaseModel):
    """Per-draft knobs shared by every engine."""

    model_config = ConfigDict(frozen=True)

    audience: Audience = Audience.BOSS
    max_words: int | None = None
    delegate_to: str | None = None  # delegation: who receives the work


class DraftMeta(BaseModel):
    """What produced a draft and at what cost (U10 warnings included)."""

    engine: str
    model: str | None = None
    prompt_name: str | None = None
    prompt_version: str | None = None
    tokens_in: int | None = None
    tokens_out: int | None = None
    latency_ms: float | None = None
    llm_calls: int = 0
    warnings: list[str] = Field(default_factory=list)
    fallback_reason: str | None = None  # set when --fallback offline replaced a failed LLM draft


A = TypeVar("A", StatusUpdate, OptionsProposal, DelegationPlan)


class Draft(BaseModel, Generic[A]):
    """A drafted artefact with the plan it came from and how it was made."""

    kind: ArtefactKind
    artefact: A
    plan: Plan
    options: DraftOptions = Field(default_factory=DraftOptions)
    meta: DraftMeta

    def render(self, fmt: OutputFormat | str = OutputFormat.MARKDOWN) -> str:
        """Render the artefact as markdown, text, slack, email or json."""
        from .render import render

        return render(self.artefact, OutputFormat(fmt), self.options)


def json_schemas() -> dict[str, dict]:
    """JSON schema of each artefact model, keyed by artefact kind."""
    return {kind.value: model.model_json_schema() for kind, model in ARTEFACT_MODELS.items()}
