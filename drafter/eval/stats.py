"""Small statistics for eval reports: Wilson intervals, percentiles, exact McNemar. No scipy."""

from __future__ import annotations

import math


def wilson(k: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """95% Wilson score interval for k successes out of n (``(0, 1)`` when n == 0)."""
    if n <= 0:
        return (0.0, 1.0)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    lo = 0.0 if k == 0 else max(0.0, centre - half)
    hi = 1.0 if k == n else min(1.0, centre + half)
    return (lo, hi)


def percentile(values: list[float], q: float) -> float | None:
    """Linear-interpolated percentile (q in 0..100); ``None`` for no values."""
    vals = sorted(v for v in values if v is not None)
    if not vals:
        return None
    if len(vals) == 1:
        return float(vals[0])
    pos = (len(vals) - 1) * q / 100
    lo = math.floor(pos)
    hi = min(lo + 1, len(vals) - 1)
    return float(vals[lo] + (vals[hi] - vals[lo]) * (pos - lo))


def mcnemar_exact(b: int, c: int) -> float:
    """Two-sided exact McNemar p-value for b and c discordant pairs (binomial test, p=0.5).

    ``p = min(1, 2 * sum_{i<=min(b,c)} C(b+c, i) / 2**(b+c))``; 1.0 when there are no discordant pairs.
    """
    n = b + c
    if n == 0:
        return 1.0
    k = min(b, c)
    tail = sum(math.comb(n, i) for i in range(k + 1))
    return min(1.0, 2 * tail / 2**n)


# ------------------------------------------------------------------------------------------------
# Paired tests on per-unit values (fact recall, unsupported counts)


def mean(values: list[float]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def _ranks(values: list[float]) -> list[float]:
    """1-based ranks with ties given their average rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        avg = (i + j) / 2 + 1
        for k in range(i, j + 1):
            ranks[order[k]] = avg
        i = j + 1
    return ranks


def wilcoxon_signed_rank(diffs: list[float], *, exact_max: int = 60) -> float:
    """Two-sided p-value of the Wilcoxon signed-rank test on paired differences (zeros dropped).

    Exact (the null distribution of W+ by dynamic programming over doubled ranks, so tied ranks
    are exact too) for up to ``exact_max`` non-zero differences, else the normal approximation with
    tie and continuity corrections. 1.0 when every difference is zero.
    """
    d = [x for x in diffs if x is not None and abs(x) > 1e-12]
    n = len(d)
    if n == 0:
        return 1.0
    ranks = _ranks([abs(x) for x in d])
    w_plus = sum(r for r, x in zip(ranks, d) if x > 0)
    if n <= exact_max:
        twice = [int(round(2 * r)) for r in ranks]
        total = sum(twice)
        dist = [0] * (total + 1)  # number of sign assignments giving each doubled W+
        dist[0] = 1
        for r in twice:
            for s in range(total, r - 1, -1):
                dist[s] += dist[s - r]
        w2 = int(round(2 * w_plus))
        all_ = 2**n
        lower = sum(dist[: w2 + 1]) / all_
        upper = sum(dist[w2:]) / all_
        return min(1.0, 2 * min(lower, upper))
    mu = n * (n + 1) / 4
    ties: dict[float, int] = {}
    for r in ranks:
        ties[r] = ties.get(r, 0) + 1
    var = n * (n + 1) * (2 * n + 1) / 24 - sum(t**3 - t for t in ties.values()) / 48
    if var <= 0:
        return 1.0
    z = (abs(w_plus - mu) - 0.5) / math.sqrt(var)
    return min(1.0, math.erfc(max(z, 0.0) / math.sqrt(2)))


def bootstrap_ci(values: list[float], *, level: float = 0.95, resamples: int = 2000,
                 seed: int = 0) -> tuple[float | None, float | None]:
    """Percentile bootstrap interval of the mean (seeded, so reports are reproducible)."""
    import random

    vals = [v for v in values if v is not None]
    if not vals:
        return (None, None)
    if len(vals) == 1:
        return (vals[0], vals[0])
    rng = random.Random(seed)
    n = len(vals)
    means = sorted(sum(vals[rng.randrange(n)] for _ in range(n)) / n for _ in range(resamples))
    lo = means[int((1 - level) / 2 * resamples)]
    hi = means[min(resamples - 1, int((1 + level) / 2 * resamples))]
    return (lo, hi)
