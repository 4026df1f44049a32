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


def _minutes_log():
    from drafter.models import Commitment, Person, SourceLine, WorkItem, WorkLog

    texts = ["## Attending", "- Nicholas C. Zakas (@nzakas) - TSC", "- Francesco Trotta (@fasttime) - TSC",
             "### Availability", "* **@fasttime:** Should be available about 10 hours per week for the next two weeks.",
             "### Scheduled release", "- @fasttime will do the release on Friday.", "- @nzakas will update the SemVer policy."]
    lines = [SourceLine(number=i + 1, text=t) for i, t in enumerate(texts)]
    items = [
        WorkItem(title="Attending", lines=[1, 2, 3], people=["Nicholas C. Zakas", "nzakas", "Francesco Trotta", "fasttime"]),
        WorkItem(title="Availability", lines=[4, 5], people=["fasttime"], commitments=[
            Commitment(what="Should be available about 10 hours per week for the next two weeks", owner="fasttime", lines=[5])]),
        WorkItem(title="Scheduled release", lines=[6, 7, 8], people=["fasttime", "nzakas", "Nicholas C. Zakas"], commitments=[
            Commitment(what="do the release on Friday", owner="fasttime", due=dt.date(2026, 12, 4), lines=[7]),
            Commitment(what="update the SemVer policy", owner="nzakas", lines=[8])]),
    ]
    people = [Person(name="Nicholas C. Zakas"), Person(name="Francesco Trotta")]
    return WorkLog(as_of=AS_OF, items=items, lines=lines, people=people, first_person=False)


def test_minutes_hand_over_the_delegates_action_items_not_headings():
    plan = build_plan(_minutes_log(), delegate_to="Francesco Trotta")
    tasks = plan.delegation.tasks
    assert [t.title for t in tasks] == ["Do the release on Friday"]  # not "Attending", not the availability line
    assert tasks[0].deadline == dt.date(2026, 12, 4) and not tasks[0].deadline_proposed
    contacts = [r for r in tasks[0].resources if r.startswith("contact:")]
    assert contacts == ["contact: Nicholas C. Zakas (@nzakas)"]  # a handle and its name are one person
    assert any("nzakas" in loop and "SemVer" in loop for loop in plan.delegation.open_loops)


def test_delegation_plan_says_what_the_notes_leave_open_once_and_invents_no_check_in():
    from drafter.engines.delegation_writer import write_delegation
    from drafter.models import DraftOptions
    from drafter.render import render

    plan = build_plan(_minutes_log(), delegate_to="Francesco Trotta")
    text = render(write_delegation(plan, DraftOptions(delegate_to="Francesco Trotta")), "text")
    assert "walks me through" not in text and "review the work together" not in text
    assert text.count("to agree with") + text.count("To agree with") == 1, text
    agree = next(line for line in text.splitlines() if line.startswith("To agree with Francesco Trotta"))
    assert "done when" in agree and "check-ins (proposed first:" in agree
    assert "you should be available about 10 hours per week" in text  # the load the notes give, said to them
    assert "Attending" not in text


def test_a_story_that_names_the_delegate_is_no_word_on_their_load():
    """Postmortem shape (edgi-govdata-archiving/web-monitoring-ops incidents/2018-10-30): the delegate
    is named in the story of what went wrong ('... made configuration changes to the load balancers');
    that says nothing of their load, and the plan must not quote it as a capacity note."""
    import datetime as dt

    from drafter import Drafter

    notes = ("# 2018-10-30: Incorrect TLS certificates deployed\n\n## Summary\n\n"
             "During the initial deployment, @jsn made configuration changes to the load balancers outside of "
             "kubectl, and did not update the certificates in the service templates afterwards.\n\n"
             "## Action items\n\n- @jsn will identify and implement a basic service deployment test procedure\n")
    plan = Drafter(engine="offline").delegate(notes, as_of=dt.date(2018, 10, 31), delegate_to="jsn")
    text = plan.render("markdown")
    capacity = [line for line in text.splitlines() if line.startswith("Capacity:")]
    assert not any("load balancers" in line for line in capacity)
    assert "@you" not in text
