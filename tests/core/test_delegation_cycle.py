"""Delegation deadlines of recurring work: due when the work's own step closes, not on the event it feeds."""

from __future__ import annotations

import datetime as dt

from drafter.read.personal import parse_personal
from drafter.playbook import build_plan
from drafter.playbook.delegation import cycle_due

AS_OF = dt.date(2026, 11, 30)  # Mon


def test_cycle_due_reads_the_step_before_the_event():
    lines = ["Payroll run is every Thursday, so timesheet sign-offs by Wednesday 12:00."]
    assert cycle_due(lines, AS_OF, dt.date(2026, 12, 3)) == dt.date(2026, 12, 2)


def test_cycle_due_ignores_dates_outside_the_run():
    lines = ["Payroll run is every Thursday, so timesheet sign-offs by Wednesday 12:00."]
    assert cycle_due(lines, AS_OF, dt.date(2026, 12, 1)) is None
    assert cycle_due(["Payroll run is every Thursday."], AS_OF, dt.date(2026, 12, 3)) is None


def test_recurring_hand_over_deadline_is_the_step_date():
    notes = (
        "Timesheet sign-offs (about 30 a week) -> Omar from now on.\n"
        "Payroll run is every Thursday, so sign-offs by Wednesday 12:00.\n"
    )
    plan = build_plan(parse_personal(notes, AS_OF), delegate_to="Omar")
    assert plan.delegation is not None and plan.delegation.tasks
    assert plan.delegation.tasks[0].deadline == dt.date(2026, 12, 2)
