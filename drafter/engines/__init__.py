"""Engines write an artefact from the playbook's plan. ``offline`` is deterministic; ``llm`` calls a model.

An engine is any object with ``name``, ``write(kind, plan, notes, options)`` and
``awrite(...)`` returning ``(artefact, DraftMeta)``. Heavy imports stay inside the LLM engine
module so the offline path never pays for LangChain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from ..models import Artefact, ArtefactKind, DraftMeta, DraftOptions, Plan

if TYPE_CHECKING:
    from ..config import Settings


class Engine(Protocol):
    name: str

    def write(
        self, kind: ArtefactKind, plan: Plan, notes: str, options: DraftOptions
    ) -> tuple[Artefact, DraftMeta]: ...

    async def awrite(
        self, kind: ArtefactKind, plan: Plan, notes: str, options: DraftOptions
    ) -> tuple[Artefact, DraftMeta]: ...


def make_engine(settings: "Settings", **llm_kwargs) -> Engine:
    """Build the engine the settings ask for (``auto`` resolves on whether an LLM is configured)."""
    if settings.resolved_engine == "offline":
        from .offline import OfflineEngine

        return OfflineEngine()
    from .llm import LLMEngine

    return LLMEngine(settings, **llm_kwargs)
