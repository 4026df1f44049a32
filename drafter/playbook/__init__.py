"""The ownership playbook: turns a parsed :class:`WorkLog` into a :class:`Plan`.

Modules: ``text`` (dates and phrases from the notes), ``rules`` (per-item status, fallbacks,
risks, commitments, asks, next step), ``options`` (decision facts), ``delegation`` (hand-over
facts; ``handoff_lines`` reads what the notes' own lines say about a hand-over). Rules, each a small named function and each tested:

* item status (done / off track / blocked / at risk / on track) with a one-line reason;
* overall status = the worst item (never better: no watermelon);
* a next step with owner and date for every open item;
* a fallback for every wait on someone else, on an escalating path
  (follow up -> call -> alternate contact -> escalate);
* risks flagged with the deadline they threaten; a state for every commitment, with a new date
  or an ask when one was missed; explicit asks of the reader;
* decision facts for the options proposal and delegation facts for the delegation plan.

No I/O, no randomness: the same log always gives the same plan.
"""

from __future__ import annotations

import datetime as dt

from ..models import (
    Plan,
    WorkLog,
)
from .text import (  # noqa: F401  (re-exported)
    CLOSE_BUSINESS_DAYS,
    IRREGULAR_PAST,
    ME,
    VERBS,
    add_bdays,
    as_action,
    bdays_between,
    clean,
    commitment_object,
    fmt,
    imperative,
    is_me,
    is_org,
    lower_first,
    next_bday,
    person_org,
    short_title,
    step_date,
    strip_article,
    strip_dates,
    the,
    wait_is_external,
    wait_object,
    who_label,
)
from .rules import (  # noqa: F401  (re-exported)
    PATHS,
    backup_contact,
    commitment_state,
    deadline_close,
    decide_by_date,
    decider,
    decision_by,
    decision_phrase,
    decision_what,
    fallback_by,
    fallback_for,
    fallback_path,
    is_done,
    is_overdue,
    item_asks,
    item_risks,
    item_status,
    status_stated,
    late_commitment_fallback,
    new_date_for,
    next_step,
    org_place,
    overall_status,
    plan_item,
    risk_for,
    wait_signal,
)
from .options import (  # noqa: F401  (re-exported)
    actions_from_lines,
    decision_facts,
    focus_item,
    known_facts,
    nearest_deadline,
    notes_alternatives,
    option_title,
    options_from_lines,
    pick_named_option,
    positions_as_options,
    profile_for_named_option,
    risk_lines,
    situation,
)
from .delegation import (  # noqa: F401  (re-exported)
    capacity_clause,
    check_in_dates,
    complete_runbook,
    contact_context,
    delegation_facts,
    first_run_date,
    item_lines,
    items_to_delegate,
    kept_loops,
    next_occurrence,
    resolve_delegate,
    runbook_steps,
    split_steps,
    steps_from_lines,
    task_deadline,
    task_facts,
    third_person_routine,
)


from .incident import BOTTOM_LINES, apply_incident, incident_facts  # noqa: F401,E402

#: Open items up to which one deadline in the notes is taken to be the deadline of all of them.
SHARED_DEADLINE_MAX_ITEMS = 3


def share_single_deadline(log: WorkLog) -> WorkLog:
    """Short notes with exactly one downstream deadline: items without a deadline serve that one.

    Notes about one piece of work often name the deadline on one line only ("the board meeting
    is Tue"); the items parsed from the other lines serve the same deadline.
    """
    open_items = [i for i in log.items if not is_done(i)]
    dated = [i for i in log.items if i.deadline]
    if not dated or len(open_items) > SHARED_DEADLINE_MAX_ITEMS or len({i.deadline for i in dated}) != 1:
        return log
    src = next((i for i in dated if i.deadline_label), dated[0])
    items = [
        i if (i.deadline or i.recurring) else i.model_copy(update={
            "deadline": src.deadline,
            # unlabelled: the other items serve the dated item itself ("the Critical OpenSSL patch")
            "deadline_label": src.deadline_label or short_title(src.title),
        })
        for i in log.items
    ]
    # a line that only names the deadline ("Training session is Wed 16 Dec") is no work of its own:
    # its lines join the first open item that now serves it
    served = [i for i in items if i is not src and not is_done(i) and i.deadline == src.deadline]
    if is_deadline_only(src) and served:
        target = served[0]
        merged = target.model_copy(update={"lines": sorted(target.lines + src.lines), "notes": target.notes + src.notes,
                                           "people": target.people + [p for p in src.people if p not in target.people],
                                           "resources": target.resources + [r for r in src.resources if r not in target.resources]})
        items = [merged if i is target else i for i in items if i is not src]
    return log.model_copy(update={"items": items})


def is_deadline_only(item) -> bool:
    """An item that carries a downstream deadline and nothing to do: no wait, promise, decision, risk or action."""
    return bool(item.deadline) and not (item.waits or item.commitments or item.decisions or item.risks or item.actions
                                        or item.recurring or item.delegate_to)


def build_plan(log: WorkLog, *, delegate_to: str | None = None) -> Plan:
    """Apply every playbook rule to ``log``. ``delegate_to`` beats a delegate named in the notes."""
    log = share_single_deadline(log)
    items = [plan_item(item, log) for item in log.items]
    overall, reason = overall_status(items)
    items, overall, reason, incident = apply_incident(items, log, overall, reason)
    risks = sorted(
        (r for ip in items for r in ip.risks),
        key=lambda r: (r.deadline or dt.date.max),
    )
    asks = [a for ip in items for a in ip.asks]
    plan = Plan(
        as_of=log.as_of,
        log=log,
        items=items,
        overall=overall,
        overall_reason=reason,
        status_stated=status_stated(log),
        risks=risks,
        asks=asks,
        incident=incident,
    )
    plan.decision = decision_facts(plan)
    plan.delegation = delegation_facts(plan, delegate_to)
    return plan


__all__ = ["build_plan", "share_single_deadline", "plan_item", "item_status", "overall_status", "fallback_for", "next_step", "commitment_state", "decision_facts", "delegation_facts"]
