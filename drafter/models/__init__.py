"""Typed domain model: the work log parsed from notes, the playbook's plan, and the three artefacts.

Everything here is plain pydantic v2 with no I/O, so it is cheap to import and safe to share
between the CLI, the library API, the engines, the criteria and the eval harness.

String and list fields carry ``max_length`` bounds on the artefact models: grammar-constrained
LLM servers (llama.cpp) then produce complete JSON instead of running into the token limit.

The models live in submodules by what they describe; import them from here
(``from drafter.models import WorkLog``):

- :mod:`.enums`: ``Status`` (and :func:`worst`), ``Audience``, ``OutputFormat``, ``ArtefactKind``, ``DecisionRights``
- :mod:`.worklog`: what the notes say (``WorkLog``, ``WorkItem`` and the cited elements)
- :mod:`.plan`: what the playbook decided (``Plan``, ``ItemPlan``, the options/delegation facts)
- :mod:`.artefacts`: what an engine writes (``StatusUpdate``, ``OptionsProposal``, ``DelegationPlan``)
- :mod:`.draft`: requests and results (``DraftOptions``, ``DraftMeta``, ``Draft``)
"""

from __future__ import annotations

from .enums import ArtefactKind, Audience, DecisionRights, OutputFormat, Status, worst
from .worklog import (
    Action,
    Commitment,
    Decision,
    Dropped,
    IncidentSignal,
    IncidentState,
    Note,
    Outcome,
    Person,
    Question,
    SourceLine,
    Wait,
    WorkItem,
    WorkLog,
    WrittenOn,
)
from .plan import (
    Ask,
    CheckInFacts,
    CommitmentState,
    DecisionFacts,
    FollowUp,
    IncidentFacts,
    DelegationFacts,
    DelegationTaskFacts,
    Fallback,
    ItemPlan,
    NextStep,
    OptionFacts,
    Plan,
    Risk,
)
from .artefacts import (
    ARTEFACT_MODELS,
    Artefact,
    CheckIn,
    ChecklistLine,
    DelegatedTask,
    DelegationPlan,
    ItemStatus,
    Option,
    OptionsProposal,
    StatusUpdate,
    json_schemas,
)
from .draft import A, Draft, DraftMeta, DraftOptions

__all__ = [
    "A", "ARTEFACT_MODELS", "Action", "Artefact", "ArtefactKind", "Ask", "Audience", "CheckIn", "CheckInFacts", "ChecklistLine",
    "Commitment", "CommitmentState", "Decision", "DecisionFacts", "DecisionRights", "DelegatedTask",
    "DelegationFacts", "DelegationPlan", "DelegationTaskFacts", "Draft", "DraftMeta", "DraftOptions", "Dropped",
    "Fallback", "FollowUp", "IncidentFacts", "IncidentSignal", "IncidentState", "ItemPlan", "ItemStatus", "NextStep", "Note", "Option", "OptionFacts", "OptionsProposal", "Outcome",
    "OutputFormat", "Person", "Plan", "Question", "Risk", "SourceLine", "Status", "StatusUpdate", "Wait", "WorkItem",
    "WorkLog", "WrittenOn", "json_schemas", "worst",
]
