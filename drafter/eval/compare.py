"""Compare two runs unit by unit: per-criterion deltas, exact McNemar test, flipped cases.

Units are paired on (case, artefact, repeat); a criterion counts for a pair only when it applied
in both runs. ``b`` = pairs passing in the baseline and failing in the candidate (regressions),
``c`` = failing then passing (fixes). The verdict is "better"/"worse" when the two-sided exact
McNemar p-value is below ``alpha`` (default 0.05), else "no significant change".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .results import RunResult, criterion_sort_key, load_run
from .stats import mcnemar_exact


@dataclass
class Flip:
    criterion: str
    unit: tuple[str, str, int]
    direction: str  # "fixed" (fail -> pass) | "broke" (pass -> fail)
    baseline_text: str | None
    candidate_text: str | None
    baseline_evidence: str | None
    candidate_evidence: str | None
    baseline_detail: str | None = None
    candidate_detail: str | None = None

    def to_dict(self) -> dict:
        return {
            "criterion": self.criterion, "unit": "/".join(map(str, self.unit)), "direction": self.direction,
            "baseline_text": self.baseline_text, "candidate_text": self.candidate_text,
            "baseline_evidence": self.baseline_evidence, "candidate_evidence": self.candidate_evidence,
            "baseline_detail": self.baseline_detail, "candidate_detail": self.candidate_detail,
        }


@dataclass
class CriterionDelta:
    id: str
    base_passed: int
    base_n: int
    cand_passed: int
    cand_n: int
    pairs: int
    b: int  # pass -> fail
    c: int  # fail -> pass
    p_value: float
    verdict: str

    @property
    def base_rate(self) -> float | None:
        return self.base_passed / self.base_n if self.base_n else None

    @property
    def cand_rate(self) -> float | None:
        return self.cand_passed / self.cand_n if self.cand_n else None

    @property
    def delta(self) -> float | None:
        if self.base_rate is None or self.cand_rate is None:
            return None
        return self.cand_rate - self.base_rate

    def to_dict(self) -> dict:
        return {
            "id": self.id, "baseline_rate": self.base_rate, "baseline_n": self.base_n,
            "candidate_rate": self.cand_rate, "candidate_n": self.cand_n, "delta": self.delta,
            "pairs": self.pairs, "broke": self.b, "fixed": self.c, "p_value": self.p_value, "verdict": self.verdict,
        }


@dataclass
class Comparison:
    baseline: RunResult
    candidate: RunResult
    criteria: list[CriterionDelta]
    flips: list[Flip] = field(default_factory=list)
    paired_units: int = 0
    only_baseline: list[tuple] = field(default_factory=list)
    only_candidate: list[tuple] = field(default_factory=list)
    alpha: float = 0.05

    @property
    def verdict(self) -> str:
        verdicts = {c.verdict for c in self.criteria}
        if "worse" in verdicts:
            return "worse"
        if "better" in verdicts:
            return "better"
        return "no significant change"

    def to_dict(self) -> dict:
        return {
            "baseline": self.baseline.run_id, "candidate": self.candidate.run_id, "alpha": self.alpha,
            "paired_units": self.paired_units, "verdict": self.verdict,
            "only_in_baseline": ["/".join(map(str, k)) for k in self.only_baseline],
            "only_in_candidate": ["/".join(map(str, k)) for k in self.only_candidate],
            "criteria": [c.to_dict() for c in self.criteria],
            "flips": [f.to_dict() for f in self.flips],
        }


def _verdict(b: int, c: int, p: float, alpha: float) -> str:
    if p < alpha and c > b:
        return "better"
    if p < alpha and b > c:
        return "worse"
    return "no significant change"


def compare_runs(baseline: RunResult | str | Path, candidate: RunResult | str | Path, *,
                 runs_dir: str | Path | None = None, alpha: float = 0.05) -> Comparison:
    """Pair two runs on (case, artefact, repeat) and test each criterion (exact McNemar)."""
    base = baseline if isinstance(baseline, RunResult) else load_run(baseline, runs_dir)
    cand = candidate if isinstance(candidate, RunResult) else load_run(candidate, runs_dir)
    bu = {u.key: u for u in base.units if u.status == "ok"}
    cu = {u.key: u for u in cand.units if u.status == "ok"}
    shared = [k for k in bu if k in cu]
    bstats = {c.id: c for c in base.criteria()}
    cstats = {c.id: c for c in cand.criteria()}
    counts: dict[str, list[int]] = {}
    flips: list[Flip] = []
    for key in shared:
        bchecks = {c.id: c for c in bu[key].checks}
        cchecks = {c.id: c for c in cu[key].checks}
        for cid in bchecks.keys() & cchecks.keys():
            x, y = bchecks[cid], cchecks[cid]
            if x.passed is None or y.passed is None:
                continue
            cnt = counts.setdefault(cid, [0, 0, 0])
            cnt[0] += 1
            if x.passed and not y.passed:
                cnt[1] += 1
            elif y.passed and not x.passed:
                cnt[2] += 1
            else:
                continue
            flips.append(
                Flip(
                    criterion=cid, unit=key, direction="broke" if x.passed else "fixed",
                    baseline_text=bu[key].text, candidate_text=cu[key].text,
                    baseline_evidence=x.evidence, candidate_evidence=y.evidence,
                    baseline_detail=x.detail, candidate_detail=y.detail,
                )
            )
    deltas = []
    for cid in sorted(set(bstats) | set(cstats), key=criterion_sort_key):
        pairs, b, c = counts.get(cid, [0, 0, 0])
        p = mcnemar_exact(b, c)
        bs, cs = bstats.get(cid), cstats.get(cid)
        deltas.append(
            CriterionDelta(
                id=cid, base_passed=bs.passed if bs else 0, base_n=bs.n if bs else 0,
                cand_passed=cs.passed if cs else 0, cand_n=cs.n if cs else 0,
                pairs=pairs, b=b, c=c, p_value=p, verdict=_verdict(b, c, p, alpha),
            )
        )
    flips.sort(key=lambda f: (criterion_sort_key(f.criterion), f.unit))
    return Comparison(
        baseline=base, candidate=cand, criteria=deltas, flips=flips, paired_units=len(shared),
        only_baseline=sorted(set(bu) - set(cu)), only_candidate=sorted(set(cu) - set(bu)), alpha=alpha,
    )
