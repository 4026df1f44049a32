"""Working days (Mon-Fri): moving a date by them and telling one."""

from __future__ import annotations

import datetime as dt


def add_business_days(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` working days (Mon-Fri); n=0 returns ``d`` unchanged."""
    step = 1 if n >= 0 else -1
    remaining = abs(n)
    while remaining:
        d += dt.timedelta(days=step)
        if d.weekday() < 5:
            remaining -= 1
    return d


def is_business_day(d: dt.date) -> bool:
    return d.weekday() < 5
