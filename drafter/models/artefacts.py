"""Artefacts: what an engine writes (status update, options proposal, delegation plan) and their JSON schemas.

String and list fields carry ``max_length`` bounds: grammar-constrained LLM servers (llama.cpp)
then produce complete JSON instead of running into the token limit.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Union

from pydantic import BaseModel, Field
from pydantic.json_schema import SkipJsonSchema

from .enums import ArtefactKind, DecisionRights, Status
from .plan import Ask, CommitmentState, Fallback, NextStep, Risk

_S = 300  # bound for sentence-sized strings
_L = 600  # bound for paragraph-sized strings


class ChecklistLine(BaseModel):
    """A todo list section's entries in one state, as the list words them: 'Open (8 of 10): ' + entries."""

    state: Literal["open", "done"]
    label: str = Field(max_length=40)
    entries: list[str] = Field(default_factory=list)


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
    checklist: SkipJsonSchema[list[ChecklistLine]] = Field(default_factory=list)  # a todo list's open, then done, entries


class StatusUpdate(BaseModel):
    """A proactive status update (criteria U1-U16)."""

    kind: Literal["update"] = "update"
    as_of: dt.date
    subject: str = Field(max_length=120)
    headline: str = Field(max_length=_S)  # bottom line first: overall status or the ask
    overall: Status
    # the notes say the overall state themselves; when they do not, an on-track verdict is worded as
    # "no blockers" (the playbook's finding); not asked of a model
    overall_stated: SkipJsonSchema[bool] = True
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


def json_schemas() -> dict[str, dict]:
    """JSON schema of each artefact model, keyed by artefact kind."""
    return {kind.value: model.model_json_schema() for kind, model in ARTEFACT_MODELS.items()}
