"""compare_runs on runs with known outcomes: deltas, exact McNemar p-values, verdicts, flips."""

from __future__ import annotations

import pytest
from eval_support import make_run

from drafter.eval import compare_runs, load_run


def _units(n):
    return [(f"case-{i:02d}", "update", 0) for i in range(n)]


@pytest.fixture
def pair(runs):
    """12 paired units. U8: 1 broke, 9 fixed (p = 22/1024). U3: 2 broke, 2 fixed. U5: 0 flips, 6 fixed -> p=1/32."""
    units = _units(12)
    base, cand = {}, {}
    for i, u in enumerate(units):
        b8 = i == 0 or i >= 10  # passes in baseline: unit 0, 10, 11
        c8 = i != 0  # candidate fails only unit 0
        b3 = i not in (1, 2)
        c3 = i not in (3, 4)
        b5 = i >= 6
        c5 = True
        base[u] = {"U3": b3, "U5": b5, "U8": b8, "U9": None}
        cand[u] = {"U3": c3, "U5": c5, "U8": c8, "U9": None}
    # a unit only in the candidate is not paired
    cand[("extra", "update", 0)] = {"U8": False}
    make_run(runs, "base", base)
    make_run(runs, "cand", cand)
    return runs


def test_mcnemar_per_criterion(pair):
    comp = compare_runs("base", "cand", runs_dir=pair)
    by = {c.id: c for c in comp.criteria}
    u8 = by["U8"]
    assert (u8.pairs, u8.b, u8.c) == (12, 1, 9)
    assert u8.p_value == pytest.approx(22 / 1024)
    assert u8.verdict == "better"
    assert u8.base_rate == pytest.approx(3 / 12)
    assert u8.cand_rate == pytest.approx(11 / 13)  # includes the unpaired unit in the candidate's own rate
    u3 = by["U3"]
    assert (u3.b, u3.c, u3.p_value, u3.verdict) == (2, 2, 1.0, "no significant change")
    u5 = by["U5"]
    assert (u5.b, u5.c) == (0, 6) and u5.p_value == pytest.approx(1 / 32) and u5.verdict == "better"
    assert by["U9"].pairs == 0 and by["U9"].p_value == 1.0
    assert comp.paired_units == 12
    assert comp.only_candidate == [("extra", "update", 0)]


def test_flips_listed_with_both_drafts(pair):
    comp = compare_runs("base", "cand", runs_dir=pair)
    u8 = [f for f in comp.flips if f.criterion == "U8"]
    assert len(u8) == 10
    broke = [f for f in u8 if f.direction == "broke"]
    assert [f.unit for f in broke] == [("case-00", "update", 0)]
    assert broke[0].candidate_evidence == "If no reply from Dana" and broke[0].baseline_text and broke[0].candidate_text
    d = comp.to_dict()
    assert d["verdict"] == "better" and len(d["flips"]) == len(comp.flips)


def test_worse_when_candidate_regresses(runs):
    units = _units(8)
    make_run(runs, "good", {u: {"U1": True} for u in units})
    make_run(runs, "bad", {u: {"U1": False} for u in units})
    comp = compare_runs(load_run("good", runs), load_run("bad", runs))
    [u1] = comp.criteria
    assert (u1.b, u1.c) == (8, 0) and u1.p_value == pytest.approx(2 / 256) and u1.verdict == "worse"
    assert comp.verdict == "worse"
    assert u1.delta == pytest.approx(-1.0)
