"""A minutes topic that reports results or what was said is not "done" work: its heading is never
drafted as "<heading> — done" (a strict read found "Minutes / Notes — done" and "Backtraces — done")."""

import datetime as dt

from drafter.read import read_notes

AS_OF = dt.date(2026, 3, 2)


def _items(text):
    return {w.title: w for w in read_notes(text, AS_OF).items}


def test_a_topic_with_only_an_outcome_is_not_done():
    items = _items("# Sync\n\nAttendees: Ann, Bob\n\n## Versions\n- We agreed to drop Python 3.8 in the next release\n")
    assert "Versions" in items and items["Versions"].outcomes
    assert not items["Versions"].done


def test_a_topic_with_work_done_and_nothing_open_is_done():
    items = _items("# Sync\n\nAttendees: Ann, Bob\n\n## Release\n- [x] Tag 1.2 (Bob)\n")
    w = next(iter(items.values()))
    assert w.actions and w.done
