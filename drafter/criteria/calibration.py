"""Calibration: how well each check agrees with hand-labelled good and degraded drafts.

``evals/calibration/*.yaml`` holds, per case, a good draft and degraded drafts, each labelled with
the criterion ids it must FAIL (every other criterion is expected to pass as in the good draft).
A "positive" is a check saying FAIL. A judge criterion is trusted only with agreement >= 0.8,
and only if it failed at least one degraded draft and passed at least one good one (a judge that
always answers the same cannot be trusted however the labels happen to fall).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, Field, computed_field

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
    unscored: int = 0  # judge answers with no verdict (unparsable, not yes/no, quote not in the draft)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def agreement(self) -> float | None:
        return (self.tp + self.tn) / self.n if self.n else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if (self.tp + self.fp) else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if (self.tp + self.fn) else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def trusted(self) -> bool:
        """Agreement >= 0.8 AND it caught a degraded draft AND it passed a good one (no constant answers)."""
        a = self.agreement
        return a is not None and a >= TRUST_THRESHOLD and self.tp > 0 and self.tn > 0


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

    def rows(self) -> list[dict]:
        """One dict per criterion: id, kind, n, agreement, precision, recall, trusted, counts."""
        out = []
        for cid, a in self.criteria.items():
            out.append({
                "id": cid, "kind": a.kind, "n": a.n, "tp": a.tp, "tn": a.tn, "fp": a.fp, "fn": a.fn,
                "not_run": a.not_run, "agreement": a.agreement, "precision": a.precision, "recall": a.recall,
                "trusted": a.trusted,
            })
        return out

    def to_dict(self) -> dict:
        return {"cases": self.cases, "drafts": self.drafts, "criteria": self.rows(),
                "disagreements": [d.model_dump() for d in self.disagreements]}

    def to_table(self):
        """A rich Table of per-criterion figures (agreement, precision/recall where FAIL is positive)."""
        from rich.table import Table

        def f(x):
            return "-" if x is None else f"{x:.2f}"

        t = Table(title=f"Calibration: {self.cases} cases, {self.drafts} drafts (positive = check says FAIL)")
        for col in ("id", "kind", "n", "agreement", "precision", "recall", "tp/fp/fn/tn", "not run", "trusted"):
            t.add_column(col)
        for r in self.rows():
            trusted = "yes" if r["trusted"] else ("no" if r["n"] else "-")
            t.add_row(r["id"], r["kind"][:5], str(r["n"]), f(r["agreement"]), f(r["precision"]), f(r["recall"]),
                      f"{r['tp']}/{r['fp']}/{r['fn']}/{r['tn']}", str(r["not_run"]), trusted)
        return t

    def render(self) -> str:
        """Plain-text table (for logs and reports without a terminal)."""
        lines = [f"{'id':7} {'kind':6} {'n':>3} {'agree':>6} {'prec':>5} {'rec':>5} {'tp/fp/fn/tn':>12} trusted"]

        def f(x):
            return "    -" if x is None else f"{x:5.2f}"

        for r in self.rows():
            lines.append(f"{r['id']:7} {r['kind'][:6]:6} {r['n']:>3} {f(r['agreement']):>6} {f(r['precision'])} "
                         f"{f(r['recall'])} {r['tp']:>3}/{r['fp']}/{r['fn']}/{r['tn']:<3} {'yes' if r['trusted'] else 'no'}")
        return "\n".join(lines)


class DegradedDraft(BaseModel):
    name: str
    text: str
    fails: list[str]  # criterion ids this draft must FAIL
    note: str = ""


class CalibrationCase(BaseModel):
    """One calibration file: a case, its good draft and its degraded drafts.

    ``from_case`` (a path relative to the calibration file, e.g. ``../real/incident/x.yaml``) takes
    the notes, ``as_of``, audience, annotations and gold facts of a real-notes eval case; fields
    given here win. Cases with gold facts are also scored on the two measures (``recall``,
    ``unsupported``), which a degraded draft may list in ``fails`` like a criterion id.
    """

    id: str
    kind: str
    as_of: dt.date
    audience: str = "boss"
    format: str = "markdown"
    notes: str
    annotations: dict = Field(default_factory=dict)
    gold: list[dict] = Field(default_factory=list)
    from_case: str | None = None
    good: str
    degraded: list[DegradedDraft] = Field(default_factory=list)


#: a good draft states at least this weighted share of the gold facts
RECALL_BAR = 0.7


def _with_case(data: dict, path: Path) -> dict:
    """Fill a calibration case from the eval case it names (``from_case``)."""
    ref = data.get("from_case")
    if not ref:
        return data
    from ..errors import InputError
    from ..eval.cases import load_case_file

    cases = load_case_file((path.parent / ref).resolve())
    want = data.get("case_id")
    case = next((c for c in cases if want in (None, c.id)), None)
    if case is None:
        raise InputError(f"{path}: from_case {ref}: no case {want!r}")
    base = {"as_of": case.as_of.isoformat(), "audience": case.audience, "notes": case.notes,
            "annotations": case.annotations.model_dump(mode="json"),
            "gold": [g.model_dump(mode="json") for g in case.gold]}
    out = {**base, **{k: v for k, v in data.items() if k != "case_id"}}
    return out


def load_cases(path: str | Path | None = None) -> list[CalibrationCase]:
    """Every ``*.yaml`` calibration case under ``path``; errors name the file and field."""
    import yaml
    from pydantic import ValidationError

    from ..errors import InputError
    from ..eval.measures import MEASURE_IDS
    from . import CRITERIA

    folder = Path(path) if path else DEFAULT_DIR
    files = [folder] if folder.is_file() else sorted(folder.glob("*.yaml"))
    if not files:
        raise InputError(f"no calibration cases (*.yaml) in {folder}")
    cases = []
    for f in files:
        try:
            data = yaml.safe_load(f.read_text(encoding="utf-8"))
            case = CalibrationCase.model_validate(_with_case(data, f) if isinstance(data, dict) else data)
        except yaml.YAMLError as exc:
            raise InputError(f"{f}: not valid YAML: {exc}") from None
        except ValidationError as exc:
            e = exc.errors()[0]
            raise InputError(f"{f}: field {'.'.join(str(p) for p in e['loc'])}: {e['msg']}") from None
        for d in case.degraded:
            unknown = [i for i in d.fails if i not in CRITERIA and i not in MEASURE_IDS]
            if unknown:
                raise InputError(f"{f}: degraded draft {d.name!r}: unknown criterion id(s) {unknown}")
        cases.append(case)
    return cases


def _context(case: CalibrationCase, text: str):
    from ..models import ArtefactKind, Audience, OutputFormat
    from .context import Annotations, CheckContext

    return CheckContext(
        kind=ArtefactKind(case.kind), text=text, notes=case.notes, as_of=case.as_of,
        audience=Audience(case.audience), fmt=OutputFormat(case.format),
        annotations=Annotations.model_validate(case.annotations),
    )


def calibrate(path: str | Path | None = None, judge=None, *, ids=None) -> CalibrationReport:
    """Run every check on the calibration set at ``path`` (default evals/calibration).

    Labels: the good draft is expected to pass every criterion that applies to it; a degraded
    draft is expected to FAIL the ids it lists and to pass the others as in the good draft.
    Judge criteria are measured only when ``judge`` is given. ``ids`` limits the criteria run
    (e.g. only the judge ids, since each judge answer costs a model call).
    """
    from . import CRITERIA, criteria_for, run_checks

    report = CalibrationReport()
    for case in load_cases(path):
        report.cases += 1
        wanted = [c.id for c in criteria_for(case.kind) if ids is None or c.id in set(ids)]
        if not wanted:
            continue
        good_results = {r.id: r for r in run_checks(_context(case, case.good), ids=wanted, judge=judge)}
        drafts = [("good", case.good, set())] + [(d.name, d.text, set(d.fails)) for d in case.degraded]
        for name, text, fails in drafts:
            report.drafts += 1
            results = good_results if name == "good" else {
                r.id: r for r in run_checks(_context(case, text), ids=wanted, judge=judge)}
            for cid, r in results.items():
                crit = CRITERIA[cid]
                agg = report.criteria.setdefault(cid, CriterionAgreement(id=cid, kind=crit.kind))
                expect_fail = cid in fails
                if not expect_fail and good_results[cid].passed is None:
                    continue  # not applicable to this case (or the judge was not run)
                if r.passed is None:
                    agg.not_run += 1
                    if r.kind == "judge" and r.evidence != "judge not run":
                        agg.unscored += 1
                    if r.kind == "judge":
                        continue  # no verdict: unscored / not run, never a pass or a fail
                agg.n += 1
                got_fail = r.passed is False
                if expect_fail and got_fail:
                    agg.tp += 1
                elif expect_fail:
                    agg.fn += 1
                elif got_fail:
                    agg.fp += 1
                else:
                    agg.tn += 1
                if expect_fail != got_fail:
                    report.disagreements.append(Disagreement(
                        case=case.id, draft=name, id=cid, expected="fail" if expect_fail else "pass",
                        got={True: "pass", False: "fail", None: "n/a"}[r.passed], evidence=(r.evidence + " " + r.detail)[:300],
                    ))
        if case.gold and (ids is None or set(ids) & {"recall", "unsupported"}):
            _calibrate_measures(report, case, drafts)
    report.criteria = dict(sorted(report.criteria.items(), key=lambda kv: _order(kv[0])))
    return report


def _measure_of(case: CalibrationCase, text: str) -> dict:
    from ..eval.cases import GoldFact
    from ..eval.recall import fact_recall
    from ..eval.unsupported import unsupported_content
    from .context import Annotations

    rec = fact_recall(text, [GoldFact.model_validate(g) for g in case.gold], case.as_of)
    terms = unsupported_content(text, case.notes, case.as_of, Annotations.model_validate(case.annotations))
    return {"recall": rec, "terms": terms}


def _calibrate_measures(report: CalibrationReport, case: CalibrationCase, drafts) -> None:
    """The two measures as checks: ``unsupported`` fails a draft with any unsupported term;
    ``recall`` fails a good draft below :data:`RECALL_BAR` and a degraded draft that states less
    than the good draft of its case (it lost a fact)."""
    good = _measure_of(case, case.good)
    for name, text, fails in drafts:
        m = good if name == "good" else _measure_of(case, text)
        rec = m["recall"]
        got = {
            "recall": (rec.value < RECALL_BAR) if name == "good" else (rec.value < good["recall"].value - 1e-9),
            "unsupported": bool(m["terms"]),
        }
        evidence = {
            "recall": f"recall {rec.value:.2f} (good {good['recall'].value:.2f}); missed: "
                      + ", ".join(f.id for f in rec.missed),
            "unsupported": "; ".join(str(t) for t in m["terms"][:3]) or "none",
        }
        for mid, got_fail in got.items():
            agg = report.criteria.setdefault(mid, CriterionAgreement(id=mid, kind="measure"))
            expect_fail = mid in fails
            agg.n += 1
            if expect_fail and got_fail:
                agg.tp += 1
            elif expect_fail:
                agg.fn += 1
            elif got_fail:
                agg.fp += 1
            else:
                agg.tn += 1
            if expect_fail != got_fail:
                report.disagreements.append(Disagreement(
                    case=case.id, draft=name, id=mid, expected="fail" if expect_fail else "pass",
                    got="fail" if got_fail else "pass", evidence=evidence[mid][:300]))


def _order(cid: str):
    from . import CRITERIA

    ids = list(CRITERIA) + ["recall", "unsupported"]
    return ids.index(cid) if cid in ids else len(ids)
