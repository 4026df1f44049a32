"""Calibration: how well each check agrees with hand-labelled good and degraded drafts.

``evals/calibration/*.yaml`` holds, per case, a good draft and degraded drafts, each labelled with
the criterion ids it must FAIL (every other criterion is expected to pass as in the good draft).
A "positive" is a check saying FAIL. A judge criterion is trusted only with agreement >= 0.8.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

TRUST_THRESHOLD = 0.8
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "evals" / "calibration"


class CriterionAgreement(BaseModel):
    id: str
    kind: str
    n: int = 0  # labelled (draft, criterion) pairs the check answered
    tp: int = 0  # labelled fail, check failed
    tn: int = 0  # labelled pass, check passed
    fp: int = 0  # labelled pass, check failed
    fn: int = 0  # labelled fail, check passed or did not answer
    not_run: int = 0  # judge not run / not applicable where a label exists

    @property
    def agreement(self) -> float | None:
        return (self.tp + self.tn) / self.n if self.n else None

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if (self.tp + self.fp) else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if (self.tp + self.fn) else None

    @property
    def trusted(self) -> bool:
        a = self.agreement
        return a is not None and a >= TRUST_THRESHOLD and (self.tp + self.fn) > 0


class Disagreement(BaseModel):
    case: str
    draft: str  # "good" or the degraded draft's name
    id: str
    expected: str  # "pass" | "fail"
    got: str  # "pass" | "fail" | "n/a"
    evidence: str


class CalibrationReport(BaseModel):
    cases: int = 0
    drafts: int = 0
    criteria: dict[str, CriterionAgreement] = Field(default_factory=dict)
    disagreements: list[Disagreement] = Field(default_factory=list)

    def to_table(self):
        """A rich Table of per-criterion figures."""
        raise NotImplementedError


def calibrate(path: str | Path | None = None, judge=None) -> CalibrationReport:
    """Run every check on the calibration set at ``path`` (default evals/calibration)."""
    raise NotImplementedError
