"""``--fail-under`` thresholds: parsing ``RATE`` / ``CRIT=RATE`` and listing the rates a run misses."""

from __future__ import annotations

from ..errors import InputError
from .report_console import _pct


def parse_thresholds(values: list[str] | None) -> tuple[float | None, dict[str, float]]:
    """``["0.9", "U8=95%"]`` -> ``(0.9, {"U8": 0.95})``."""
    glob, per = None, {}
    for raw in values or []:
        crit, _, rate = raw.rpartition("=")
        text = rate.strip()
        try:
            val = float(text[:-1]) / 100 if text.endswith("%") else float(text)
        except ValueError:
            raise InputError(f"--fail-under {raw!r}: rate must be a number like 0.9 or 90%") from None
        if val > 1:
            val /= 100
        if not 0 <= val <= 1:
            raise InputError(f"--fail-under {raw!r}: rate must be between 0 and 1")
        if crit:
            per[crit.strip()] = val
        else:
            glob = val
    return glob, per


def threshold_failures(summary: dict, glob: float | None, per: dict[str, float]) -> list[str]:
    """Human lines for every threshold missed (errored units count as a miss when a gate is set)."""
    out = []
    rates = {c["id"]: c for c in summary["criteria"]}
    for cid, want in per.items():
        c = rates.get(cid)
        if c is None or c["n"] == 0:
            out.append(f"{cid}: no applicable results (wanted >= {_pct(want)})")
        elif c["rate"] < want:
            out.append(f"{cid}: {_pct(c['rate'])} < {_pct(want)} ({c['passed']}/{c['n']})")
    if glob is not None:
        for c in summary["criteria"]:
            if c["n"] and c["id"] not in per and c["rate"] < glob:
                out.append(f"{c['id']}: {_pct(c['rate'])} < {_pct(glob)} ({c['passed']}/{c['n']})")
    if (glob is not None or per) and summary["errors"]:
        out.append(f"{len(summary['errors'])} unit(s) errored")
    return out
