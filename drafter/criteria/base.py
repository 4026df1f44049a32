"""A criterion's definition and the result of checking one draft against it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from ..models import ArtefactKind


class Criterion(BaseModel):
    """One ownership criterion (ids from the shared criteria document; ``.j`` = judge part)."""

    id: str
    artefact: ArtefactKind
    title: str
    description: str  # one line: what the check tests
    kind: Literal["deterministic", "judge"]
    judge_question: str | None = None


class CheckResult(BaseModel):
    """``passed`` is None when the criterion does not apply (or the judge was not run)."""

    id: str
    kind: Literal["deterministic", "judge"]
    passed: bool | None
    evidence: str  # the quoted span that passed or failed, or the missing item
    detail: str = ""

    @property
    def status(self) -> str:
        return {True: "pass", False: "FAIL", None: "n/a"}[self.passed]
