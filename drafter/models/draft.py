"""Requests and results: per-draft options, what produced a draft, and the draft itself."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from .artefacts import DelegationPlan, OptionsProposal, StatusUpdate
from .enums import ArtefactKind, Audience, OutputFormat
from .plan import Plan


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
        from ..render import render

        return render(self.artefact, OutputFormat(fmt), self.options)
