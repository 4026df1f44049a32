"""Run results as objects: load a stored run, summarise it per criterion and per artefact."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .stats import bootstrap_ci, mean, percentile, wilson
from .store import RunStore, StoredUnit, resolve_run

_ARTEFACT_OF = {"U": "update", "O": "options", "D": "delegate"}


def criterion_sort_key(cid: str):
    order = {"U": 0, "O": 1, "D": 2}
    m = re.match(r"([A-Za-z]+)(\d+)(.*)", cid)
    if not m:
        return (9, cid, 0, "")
    return (order.get(m.group(1)[0], 5), m.group(1), int(m.group(2)), m.group(3))


@dataclass
class CriterionStats:
    id: str
    kind: str | None
    passed: int
    n: int  # units where the check applied (passed is True or False)
    not_applicable: int
    failing: list[tuple[str, str, int]] = field(default_factory=list)  # unit keys
    unscored: int = 0  # judge answers with no verdict (unparsable, not yes/no, quote not in the draft, error)

    @property
    def unscored_rate(self) -> float | None:
        asked = self.n + self.unscored
        return self.unscored / asked if asked else None

    @property
    def rate(self) -> float | None:
        return self.passed / self.n if self.n else None

    @property
    def ci(self) -> tuple[float, float]:
        return wilson(self.passed, self.n)

    def to_dict(self) -> dict:
        lo, hi = self.ci
        return {
            "id": self.id, "kind": self.kind, "artefact": _ARTEFACT_OF.get(self.id[:1]),
            "passed": self.passed, "n": self.n, "not_applicable": self.not_applicable,
            "rate": self.rate, "ci_low": lo if self.n else None, "ci_high": hi if self.n else None,
            "failing": ["/".join(map(str, k)) for k in self.failing],
            "unscored": self.unscored, "unscored_rate": self.unscored_rate,
        }


@dataclass
class RunResult:
    """A run: its settings, case snapshot and units (each with its draft and check results)."""

    run_id: str
    path: Path
    meta: dict
    cases: list
    units: list[StoredUnit]
    # counters of the invocation that produced this object (zero when loaded from disk)
    drafts_generated: int = 0
    model_calls: int = 0
    cache_hits: int = 0
    resumed_units: int = 0
    wall_s: float | None = None

    # ---- lookups ---------------------------------------------------------------------------
    @property
    def case_map(self) -> dict:
        return {c.id: c for c in self.cases}

    @property
    def errors(self) -> list[StoredUnit]:
        return [u for u in self.units if u.status == "error"]

    @property
    def unit_map(self) -> dict[tuple[str, str, int], StoredUnit]:
        return {u.key: u for u in self.units}

    # ---- measures: fact recall, Lead-N, unsupported content --------------------------------
    def measures_of(self, u: StoredUnit) -> dict | None:
        """The unit's measures, scored now from its draft and the run's case snapshot (like the checks,
        the scorer of this drafter is applied; the values stored at run time are the fallback when the
        case snapshot is missing)."""
        if u.status != "ok":
            return None
        from .measures import measure

        cache = self.__dict__.setdefault("_measures", {})
        if u.key not in cache:
            case = self.case_map.get(u.case_id)
            cache[u.key] = measure(case, u.text) if case is not None else (u.meta or {}).get("measures")
        return cache[u.key]

    def measure_rows(self) -> list[dict]:
        """Per unit: case, artefact, repeat, genre, recall, Lead-N, unsupported count and terms."""
        rows = []
        cases = self.case_map
        for u in self.units:
            m = self.measures_of(u)
            if m is None:
                continue
            case = cases.get(u.case_id)
            genre = case.origin.genre if case is not None and case.origin is not None else None
            rows.append({
                "unit": "/".join(map(str, u.key)), "case": u.case_id, "artefact": u.artefact, "rep": u.rep,
                "genre": genre, "recall": m["recall"], "lead_n": m["lead_n"], "words": m.get("words"),
                "unsupported": m["unsupported"], "unsupported_counts": m.get("unsupported_counts", {}),
                "unsupported_terms": m.get("unsupported_terms", []), "facts": m.get("facts", []),
                "annotations": m.get("annotations", "case"),
            })
        return rows

    def measures_summary(self) -> dict:
        """Fact recall, Lead-N and unsupported content: overall, per artefact, per genre, per criterion."""
        rows = self.measure_rows()

        def agg(rs: list[dict]) -> dict:
            rec = [r["recall"] for r in rs if r["recall"] is not None]
            lead = [r["lead_n"] for r in rs if r["recall"] is not None and r["lead_n"] is not None]
            uns = [r["unsupported"] for r in rs]
            lo, hi = bootstrap_ci(rec)
            return {
                "units": len(rs), "with_gold": len(rec), "recall": mean(rec), "recall_ci_low": lo, "recall_ci_high": hi,
                "lead_n": mean(lead),
                "below_lead_n": sum(1 for r in rs if r["recall"] is not None and r["lead_n"] is not None
                                    and r["recall"] < r["lead_n"]),
                "unsupported_mean": mean(uns), "units_with_unsupported": sum(1 for x in uns if x),
                "unsupported_share": (sum(1 for x in uns if x) / len(uns)) if uns else None,
                "unsupported_by_kind": {k: sum(r["unsupported_counts"].get(k, 0) for r in rs)
                                        for k in ("person", "date", "number", "id", "task")},
            }

        by_art = {a: agg([r for r in rows if r["artefact"] == a]) for a in sorted({r["artefact"] for r in rows})}
        by_genre = {g: agg([r for r in rows if r["genre"] == g]) for g in sorted({r["genre"] for r in rows if r["genre"]})}
        # per criterion: the measures of the units that passed it vs failed it
        mrow = {r["unit"]: r for r in rows}
        per_crit: dict[str, dict] = {}
        for u in self.units:
            r = mrow.get("/".join(map(str, u.key)))
            if r is None:
                continue
            for c in u.checks:
                if c.passed is None:
                    continue
                d = per_crit.setdefault(c.id, {"pass": [], "fail": []})
                d["pass" if c.passed else "fail"].append(r)
        crit = {}
        for cid in sorted(per_crit, key=criterion_sort_key):
            d = per_crit[cid]
            crit[cid] = {
                side: {"units": len(rs), "recall": mean([r["recall"] for r in rs if r["recall"] is not None]),
                       "unsupported_mean": mean([r["unsupported"] for r in rs])}
                for side, rs in d.items()
            }
        derived = sorted({r["case"] for r in rows if r["annotations"] == "derived"})
        return {"overall": agg(rows), "artefacts": by_art, "genres": by_genre, "criteria": crit,
                "annotations_derived": derived, "units": rows}

    def judge_summary(self) -> dict:
        """Judge answers asked, scored and unscored (the unscored rate is reported, never counted as fails)."""
        js = [c for c in self.criteria() if c.kind == "judge"]
        asked = sum(c.n + c.unscored for c in js)
        unscored = sum(c.unscored for c in js)
        return {"asked": asked, "scored": asked - unscored, "unscored": unscored,
                "unscored_rate": unscored / asked if asked else None}

    def criteria(self) -> list[CriterionStats]:
        stats: dict[str, CriterionStats] = {}
        for u in self.units:
            for c in u.checks:
                s = stats.setdefault(c.id, CriterionStats(c.id, c.kind, 0, 0, 0))
                if c.passed is None and c.kind == "judge" and (c.evidence or "").startswith(("judge unscored", "judge failed")):
                    s.unscored += 1
                elif c.passed is None:
                    s.not_applicable += 1
                else:
                    s.n += 1
                    if c.passed:
                        s.passed += 1
                    else:
                        s.failing.append(u.key)
        return [stats[k] for k in sorted(stats, key=criterion_sort_key)]

    def summary(self) -> dict:
        """Everything the terminal table, JSON output and HTML report show."""
        arts: dict[str, dict] = {}
        for u in self.units:
            a = arts.setdefault(
                u.artefact,
                {"artefact": u.artefact, "units": 0, "ok": 0, "errors": 0, "checks_passed": 0, "checks_total": 0,
                 "all_pass_units": 0},
            )
            a["units"] += 1
            if u.status == "error":
                a["errors"] += 1
                continue
            a["ok"] += 1
            applied = [c for c in u.checks if c.passed is not None]
            a["checks_total"] += len(applied)
            a["checks_passed"] += sum(1 for c in applied if c.passed)
            if all(c.passed for c in applied):
                a["all_pass_units"] += 1
        for a in arts.values():
            a["rate"] = a["checks_passed"] / a["checks_total"] if a["checks_total"] else None
        ok = [u for u in self.units if u.status == "ok"]
        lat = [u.latency_ms for u in ok if u.latency_ms is not None]
        return {
            "run_id": self.run_id,
            "path": str(self.path),
            "engine": self.meta.get("engine"),
            "model": self.meta.get("model"),
            "created_at": self.meta.get("created_at"),
            "status": self.meta.get("status"),
            "suite": self.meta.get("suite"),
            "repeat": self.meta.get("repeat"),
            "units_total": self.meta.get("units_total", len(self.units)),
            "units_done": len(self.units),
            "errors": [{"unit": "/".join(map(str, u.key)), "error": u.error} for u in self.errors],
            "criteria": [c.to_dict() for c in self.criteria()],
            "artefacts": [arts[k] for k in sorted(arts)],
            "measures": self.measures_summary(),
            "judge": self.judge_summary(),
            "latency_ms": {"p50": percentile(lat, 50), "p90": percentile(lat, 90)},
            "tokens_in": sum(u.tokens_in or 0 for u in ok),
            "tokens_out": sum(u.tokens_out or 0 for u in ok),
            "calls": {
                "drafts_generated": self.drafts_generated,
                "model_calls": self.model_calls,
                "cache_hits": self.cache_hits,
                "resumed_units": self.resumed_units,
                "wall_s": self.wall_s,
            },
        }


def load_run(ref: str | Path, runs_dir: str | Path | None = None) -> RunResult:
    """Load a stored run by id, id prefix, ``latest`` or path."""
    path = resolve_run(ref, runs_dir)
    with RunStore(path, readonly=True) as store:
        return RunResult(
            run_id=path.stem, path=path, meta=store.all_meta(), cases=store.load_cases(), units=store.load_units()
        )
