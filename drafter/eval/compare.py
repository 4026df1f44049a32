"""Compare two runs unit by unit: per-criterion deltas, exact McNemar test, flipped cases.

Units are paired on (case, artefact, repeat); a criterion counts for a pair only when it applied
in both runs. ``b`` = pairs passing in the baseline and failing in the candidate (regressions),
``c`` = failing then passing (fixes). The verdict is "better"/"worse" when the two-sided exact
McNemar p-value is below ``alpha`` (default 0.05), else "no significant change".

The measures (fact recall, unsupported content; :mod:`drafter.eval.measures`) are compared on the
same pairs with the Wilcoxon signed-rank test on the per-unit differences (exact; zeros dropped),
with a seeded bootstrap interval of the mean difference; Lead-N is shown beside recall. Higher
recall is better, fewer unsupported terms are better.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .results import RunResult, criterion_sort_key, load_run
from .stats import bootstrap_ci, mcnemar_exact, mean, wilcoxon_signed_rank


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
class MeasureDelta:
    """A measure compared over paired units (Wilcoxon signed-rank on the per-unit differences)."""

    id: str  # "recall" | "unsupported"
    pairs: int
    base_mean: float | None
    cand_mean: float | None
    delta: float | None
    ci_low: float | None
    ci_high: float | None
    improved: int  # pairs where the candidate is better
    worsened: int
    p_value: float
    verdict: str
    base_lead: float | None = None  # recall only: the Lead-N baselines of the same units
    cand_lead: float | None = None
    by_artefact: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "pairs": self.pairs, "baseline_mean": self.base_mean, "candidate_mean": self.cand_mean,
            "delta": self.delta, "delta_ci_low": self.ci_low, "delta_ci_high": self.ci_high,
            "improved": self.improved, "worsened": self.worsened, "p_value": self.p_value, "verdict": self.verdict,
            "baseline_lead_n": self.base_lead, "candidate_lead_n": self.cand_lead, "by_artefact": self.by_artefact,
        }


def _measure_delta(mid: str, pairs: list[tuple[dict, dict, str]], alpha: float) -> MeasureDelta:
    """``pairs``: (baseline measures, candidate measures, artefact) of the units both runs drafted."""
    key = "recall" if mid == "recall" else "unsupported"
    sign = 1 if mid == "recall" else -1  # the direction that is better
    vals = [(b[key], c[key], art) for b, c, art in pairs if b.get(key) is not None and c.get(key) is not None]
    diffs = [c - b for b, c, _ in vals]
    p = wilcoxon_signed_rank(diffs)
    improved = sum(1 for d in diffs if sign * d > 0)
    worsened = sum(1 for d in diffs if sign * d < 0)
    if p < alpha and improved > worsened:
        verdict = "better"
    elif p < alpha and worsened > improved:
        verdict = "worse"
    else:
        verdict = "no significant change"
    lo, hi = bootstrap_ci(diffs)
    by_art = {}
    for art in sorted({a for _, _, a in vals}):
        sub = [(b, c) for b, c, a in vals if a == art]
        by_art[art] = {"pairs": len(sub), "baseline_mean": mean([b for b, _ in sub]),
                       "candidate_mean": mean([c for _, c in sub]),
                       "p_value": wilcoxon_signed_rank([c - b for b, c in sub])}
    out = MeasureDelta(mid, len(vals), mean([b for b, _, _ in vals]), mean([c for _, c, _ in vals]),
                       mean(diffs), lo, hi, improved, worsened, p, verdict, by_artefact=by_art)
    if mid == "recall":
        out.base_lead = mean([b.get("lead_n") for b, c, _ in pairs if b.get("recall") is not None and c.get("recall") is not None])
        out.cand_lead = mean([c.get("lead_n") for b, c, _ in pairs if b.get("recall") is not None and c.get("recall") is not None])
    return out


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
    measures: list[MeasureDelta] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        verdicts = {c.verdict for c in self.criteria} | {m.verdict for m in self.measures}
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
            "measures": [m.to_dict() for m in self.measures],
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
    mpairs = []
    for key in shared:
        mb, mc = base.measures_of(bu[key]), cand.measures_of(cu[key])
        if mb is not None and mc is not None:
            mpairs.append((mb, mc, key[1]))
    measures = [_measure_delta(mid, mpairs, alpha) for mid in ("recall", "unsupported")] if mpairs else []
    return Comparison(
        baseline=base, candidate=cand, criteria=deltas, flips=flips, paired_units=len(shared),
        only_baseline=sorted(set(bu) - set(cu)), only_candidate=sorted(set(cu) - set(bu)), alpha=alpha,
        measures=measures,
    )
