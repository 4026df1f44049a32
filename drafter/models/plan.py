"""Plan: what the ownership playbook decided (the playbook's output, input to every engine)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field
from pydantic.json_schema import SkipJsonSchema

from .enums import DecisionRights, Status
from .worklog import WorkItem, WorkLog


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


class FollowUp(BaseModel):
    """An open follow-up of an incident, with its owner as the notes name it (None: no owner named)."""

    what: str = Field(max_length=300)
    owner: str | None = Field(default=None, max_length=80)
    lines: list[int] = Field(default_factory=list)


class IncidentFacts(BaseModel):
    """The bottom line of an incident or release-status update, decided by the playbook's rules
    (:data:`drafter.playbook.incident.BOTTOM_LINES`) from the log's :class:`IncidentState`."""

    state: str  # resolved, ongoing, over, delayed, scheduled
    words: str  # the bottom line's first words: "Resolved, but the root cause is unknown"
    floor: Status  # the least severe overall status these facts allow
    reason: str  # why, one line
    what: str | None = None  # what happened, in the notes' words
    impact: str | None = None
    cause: str | None = None  # the notes' sentence that names the cause (known) or says it is unknown
    cause_known: bool | None = None  # None: the notes do not say
    resolution: str | None = None  # how and when it ended, in the notes' words ("9:58 Service is restored by ...")
    follow_ups: list[FollowUp] = Field(default_factory=list)
    on: dt.date | None = None  # the day it happened (playbook.incident.incident_day)
    after_precursor: bool = False  # dated entries come before ``on`` (a precursor): a sentence may tell one of those days
    lines: list[int] = Field(default_factory=list)  # the lines the state rests on


class Plan(BaseModel):
    """The playbook's output: statuses, next steps, fallbacks, risks, asks for the whole log."""

    as_of: dt.date
    log: WorkLog
    items: list[ItemPlan] = Field(default_factory=list)
    overall: Status = Status.ON_TRACK
    overall_reason: str = ""
    # do the notes themselves say the work is on track ("we are on schedule")? When they do not, an
    # on-track verdict is only the absence of blockers and missed dates, and the writer says just that
    status_stated: bool = False
    risks: list[Risk] = Field(default_factory=list)
    asks: list[Ask] = Field(default_factory=list)
    # Optional facts for the options proposal and the delegation plan (filled by the playbook).
    decision: DecisionFacts | None = None
    delegation: DelegationFacts | None = None
    incident: IncidentFacts | None = None  # incident and release-status notes: the bottom line's facts
