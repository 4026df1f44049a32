"""Statistics against hand-computed values."""

from __future__ import annotations

import math

import pytest

from drafter.eval.stats import mcnemar_exact, percentile, wilson


def test_mcnemar_exact_matches_hand_computed_values():
    # b=1, c=9: 2 * (C(10,0) + C(10,1)) / 2^10 = 2 * 11 / 1024
    assert mcnemar_exact(1, 9) == pytest.approx(22 / 1024)
    # b=0, c=5: 2 * 1 / 32
    assert mcnemar_exact(0, 5) == pytest.approx(0.0625)
    # b=0, c=6: 2/64 = 0.03125 -> significant at 0.05
    assert mcnemar_exact(6, 0) == pytest.approx(0.03125)
    # b=3, c=3: symmetric -> capped at 1
    assert mcnemar_exact(3, 3) == 1.0
    # b=2, c=8: 2 * (1 + 10 + 45) / 1024
    assert mcnemar_exact(2, 8) == pytest.approx(112 / 1024)
    assert mcnemar_exact(0, 0) == 1.0


def test_wilson_interval():
    lo, hi = wilson(8, 10)
    # textbook value for 8/10: (0.4902, 0.9433)
    assert lo == pytest.approx(0.4902, abs=1e-4) and hi == pytest.approx(0.9433, abs=1e-4)
    lo, hi = wilson(0, 10)
    assert lo == 0.0 and hi == pytest.approx(0.2775, abs=1e-4)
    lo, hi = wilson(10, 10)
    assert hi == 1.0 and lo == pytest.approx(0.7225, abs=1e-4)
    assert wilson(0, 0) == (0.0, 1.0)


def test_percentile():
    assert percentile([], 50) is None
    assert percentile([5], 90) == 5
    assert percentile([1, 2, 3, 4], 50) == pytest.approx(2.5)
    assert percentile(list(range(1, 11)), 90) == pytest.approx(9.1)
    assert not math.isnan(percentile([3, 1, 2], 50))


# --- paired tests on per-unit values (fact recall, unsupported counts) ---------------------------


def test_wilcoxon_signed_rank_exact_values():
    from drafter.eval.stats import wilcoxon_signed_rank

    # n=5, all positive: P(W+ = 15) = 1/32 each tail -> two-sided 2/32
    assert wilcoxon_signed_rank([0.1, 0.2, 0.3, 0.4, 0.5]) == 2 / 32
    # n=8, W- = 2 (one small negative): P(W- <= 2) = 3/256 -> two-sided 6/256
    assert abs(wilcoxon_signed_rank([1, -2, 3, 4, 5, 6, 7, 8]) - 6 / 256) < 1e-12
    assert wilcoxon_signed_rank([0, 0, 0]) == 1.0  # zeros are dropped: no evidence either way
    assert wilcoxon_signed_rank([0.2, -0.2]) == 1.0
    # symmetric in sign, ties handled exactly (doubled ranks)
    assert wilcoxon_signed_rank([0.1, 0.1, 0.1, -0.3]) == wilcoxon_signed_rank([-0.1, -0.1, -0.1, 0.3])
    assert wilcoxon_signed_rank([0.1] * 12) < 0.001


def test_wilcoxon_normal_approximation_agrees_with_exact_roughly():
    from drafter.eval.stats import wilcoxon_signed_rank

    diffs = [((i * 7) % 11 - 3) / 10 for i in range(40)]
    exact = wilcoxon_signed_rank(diffs, exact_max=60)
    approx = wilcoxon_signed_rank(diffs, exact_max=10)
    assert 0 < exact <= 1 and abs(exact - approx) < 0.02


def test_bootstrap_interval_is_seeded_and_brackets_the_mean():
    from drafter.eval.stats import bootstrap_ci, mean

    vals = [0.1, 0.4, 0.2, 0.9, 0.5, 0.3]
    lo, hi = bootstrap_ci(vals)
    assert lo <= mean(vals) <= hi and (lo, hi) == bootstrap_ci(vals)
    assert bootstrap_ci([]) == (None, None) and bootstrap_ci([0.3]) == (0.3, 0.3)
