"""Per-item rules: status (U2, U3, U5), overall status (no watermelon), the next step (U7) and the item plan.

Fallbacks and risks are in :mod:`.waits`, commitments, decisions and asks in :mod:`.commitments`.
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import (
    CommitmentState,
    ItemPlan,
    NextStep,
    Status,
    WorkItem,
    WorkLog,
    worst,
)
from .per_log import per_log
from .text import (
    _WILL_LEAD,
    embeddable,
    next_occurrence,
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
    lower_first,
    is_me,
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

from .actions import is_action
from .threats import is_threat, notes_context
from .waits import (  # noqa: F401  (re-exported)
    PATHS,
    blocked_thing,
    holder_need,
    backup_contact,
    fallback_by,
    fallback_for,
    fallback_path,
    is_overdue,
    item_risks,
    late_commitment_fallback,
    org_place,
    risk_for,
    wait_signal,
)
from .commitments import (  # noqa: F401  (re-exported)
    commitment_state,
    decide_by_date,
    decider,
    decision_by,
    decision_phrase,
    decision_what,
    item_asks,
    new_date_for,
    team_questions,
)

# --------------------------------------------------------------------------------------------
# Rule: item status
# --------------------------------------------------------------------------------------------


def is_done(item: WorkItem) -> bool:
    """Done if marked done, or every (non-dropped) commitment is done and nothing else is open."""
    if item.done:
        # an open wait or a missed promise keeps the item open whatever the notes' tick says
        return not item.waits and not any(c.state == "missed" for c in item.commitments)
    live = [c for c in item.commitments if c.state != "dropped"]
    if bool(live) and all(c.state == "done" for c in live) and not item.waits and not item.decisions:
        return True
    return settled(item)


def settled(item: WorkItem) -> bool:
    """An item that holds only what was decided or done (minutes' "agreed to keep the freeze", a
    worklog's finished tasks) and nothing open: no promise, wait, decision, risk, question or task."""
    if not (item.outcomes or item.actions) or item.recurring or item.waits or item.decisions or item.risks:
        return False
    if any(c.state not in ("done", "dropped") for c in item.commitments):
        return False
    if any(not q.answered for q in item.questions) or item.deadline:
        return False
    return not (item.owner in (None, "I") and _names_a_task(item.title) and not item.outcomes)


def deadline_close(item: WorkItem, as_of: dt.date, close: int = CLOSE_BUSINESS_DAYS) -> bool:
    return item.deadline is not None and bdays_between(as_of, item.deadline) <= close


def item_status(item: WorkItem, as_of: dt.date, log: WorkLog | None = None) -> tuple[Status, str]:
    """One status per item and a one-line reason (U2, U3, U5). ``log``: the notes' other lines, which
    may say that a problem told in the past is over."""
    if is_done(item):
        return Status.DONE, "done"
    overdue = [c for c in item.commitments if is_overdue(c, as_of)]
    if overdue:
        c = overdue[0]
        owner = "" if is_me(c.owner) else f" ({c.owner})"
        due = f" was due {fmt(c.due, as_of)}" if c.due else " is late"
        return Status.OFF_TRACK, f"{clean(c.what)}{owner}{due} and is not done"
    if item.deadline is not None and item.deadline < as_of:
        label = the(item.deadline_label) if item.deadline_label else "the deadline"
        return Status.OFF_TRACK, f"{label} ({fmt(item.deadline, as_of)}) has passed with work still open"
    blockers = [w for w in item.waits if w.kind == "blocked"]
    if blockers:
        b = blockers[0]
        by = f" by {b.on_whom}" if b.on_whom and b.on_whom.lower() not in b.what.lower() else ""
        return Status.BLOCKED, f"blocked{by}: {clean(b.what)}"
    label = the(item.deadline_label) if item.deadline_label else "the deadline"
    when = f" ({fmt(item.deadline, as_of)})" if item.deadline else ""
    waits = [w for w in item.waits if w.kind in ("no_reply", "waiting")]
    late = [w for w in waits if getattr(w, "expected_by", None) and w.expected_by < as_of]
    if late:
        w = late[0]
        obj = wait_object(w) or "an answer"
        return Status.AT_RISK, f"{w.on_whom or 'they'} promised {obj} by {fmt(w.expected_by, as_of)} and it has not arrived"
    silent = [w for w in waits if w.since and bdays_between(w.since, as_of) >= CLOSE_BUSINESS_DAYS]
    if silent:
        return Status.AT_RISK, f"{wait_signal(silent[0], as_of, None)}: a week or more without an answer"
    if waits and deadline_close(item, as_of):
        return Status.AT_RISK, f"{wait_signal(waits[0], as_of, None)} and {label}{when} is close"
    context = notes_context(item, log)
    threats = [r for r in item.risks if is_threat(r, context)]  # a threat to the work or its date, not a modal verb
    if threats:
        return Status.AT_RISK, clean(threats[0])
    if item.decisions and item.deadline is not None:
        return Status.AT_RISK, f"decision needed before {label}{when}: {clean(item.decisions[0].question)}"
    if waits:
        return Status.ON_TRACK, f"{wait_signal(waits[0], as_of, None)}, with time before {label}{when}" if (
            item.deadline
        ) else f"{wait_signal(waits[0], as_of, None)}; no deadline at stake yet"
    return Status.ON_TRACK, "no open waits or missed dates" + (f"; {label} is {fmt(item.deadline, as_of)}" if item.deadline else "")


# --------------------------------------------------------------------------------------------
# Rule: overall status
# --------------------------------------------------------------------------------------------


# a line that states the work is on track: "we're on schedule", "back on track" (not "not on track")
_ON_TRACK_SAID = re.compile(r"(?<!\bnot )(?<!n't )\b(?:on[ -]track|on[ -]schedule|on[ -]target|ahead of schedule)\b", re.I)


def status_stated(log: WorkLog) -> bool:
    """Do the notes' own lines say the work is on track? Without such a line an on-track overall is
    the playbook's finding (nothing blocked, at risk or late), and the draft words it as that."""
    return any(_ON_TRACK_SAID.search(ln.text) for ln in log.lines)


def overall_status(items: list[ItemPlan]) -> tuple[Status, str]:
    """The worst item status, never better (no watermelon); the reason names the worst item."""
    if not items:
        return Status.ON_TRACK, "no work items found in the notes"
    status = worst(ip.status for ip in items)
    if status == Status.DONE:
        return Status.DONE, "every item is done"
    worst_item = next(ip for ip in items if ip.status == status)
    return status, f"{short_title(worst_item.item.title)}: {worst_item.reason}"

# --------------------------------------------------------------------------------------------
# Rule: next step (U7)
# --------------------------------------------------------------------------------------------


def next_step(item: WorkItem, commitments: list[CommitmentState], log: WorkLog) -> NextStep | None:
    """The single most useful next action for an open item: owner, specific action, date >= as_of.

    None when the notes give nothing to do next (no promise, wait, decision or task named by its
    verb): a next step is never made up from an item's title. ``due_proposed`` marks a date the
    notes do not give.
    """
    as_of = log.as_of
    soon = step_date(as_of, item.deadline, next_bday(as_of))

    def step(action: str, due: dt.date, owner: str = "I", given: dt.date | None = None) -> NextStep:
        """``given``: the date the notes give for this step (else the date is the tool's proposal)."""
        action = strip_dates(action, as_of, past_only=True)  # a next step looks forward only
        when = step_date(as_of, item.deadline, due)
        return NextStep(action=clean(action)[:300], owner=owner[:80], due=when, due_proposed=given is None or when != given)

    first_person = getattr(log, "first_person", True)

    for cs in commitments:
        if cs.state == "missed" and cs.owner == "I" and worded_as_action(cs.what):
            return step(as_action(cs.what), cs.new_date or as_of)
    if not first_person:  # minutes and team notes: the owners' own next steps, never the writer's
        return owners_step(item, commitments, log, step, soon)
    external = [w for w in item.waits if wait_is_external(w) and w.kind != "blocked"]
    if external:
        w = external[0]
        obj = wait_object(w)
        today = w.since is None or w.since < as_of
        what = f"to chase {obj}" if obj else "for a reply"
        return step(f"email {who_label(w.on_whom, log)} {what}", as_of if today else soon)
    blockers = [w for w in item.waits if w.kind == "blocked"]
    if blockers:
        b = blockers[0]

        obj = blocked_thing(b, item)
        need = holder_need(b.what)
        if b.on_whom and not is_me(b.on_whom):
            who = who_label(b.on_whom, log)
            if need:  # 'they need to upgrade the shared Postgres cluster to v16 first': ask them for its date
                return step(f"ask {who} when they can {need}", as_of)
            return step(f"ask {who} what they need to unblock {obj}", as_of)
        # nobody named holds it: find out who does, and say the notes do not (never a stock 'way round')
        return step(f"find out who can clear {embeddable(strip_article(wait_object(b) or clean(b.what))) or 'the blocker'}"
                    " and by when; the notes name nobody", as_of)
    for cs in commitments:
        if cs.state == "missed" and cs.owner != "I":
            return step(f"get a new date from {cs.owner} for {commitment_object(cs.what)}", as_of)
    if item.decisions:
        d = item.decisions[0]
        who = decider(d)
        if who == "you":  # the ask below says what; the step only commits to getting it
            return step("get your decision on the ask below", soon)
        phrase = decision_phrase(d.question)
        phrase = phrase if phrase.startswith("on ") else f"on {phrase}"
        return step(f"get a decision from {who} {phrase}", soon)
    # the notes' own open entries that are worded as actions: the owner's next step, the notes' date or a proposed one;
    # an entry that is a noun ('Music', 'Payment made') is open work, never glued after 'deliver the'
    open_c = [cs for cs in commitments if cs.state == "open" and "?" not in cs.what and worded_as_action(cs.what)]
    if not names_actions(item, log):
        # "Notification; List binding; Alert": in a list of features a short entry is one ("I will list binding" is not)
        open_c = [cs for cs in open_c if len(clean(cs.what).split()) > 3 or re.search(r"\S[./]\w", clean(cs.what))]  # "Investigate component.json"
    mine = [cs for cs in open_c if cs.owner == "I"]
    if mine:
        c = min(mine, key=lambda cs: cs.due or dt.date.max)
        given = c.due if c.due and c.due >= as_of else None
        return step(as_action(c.what), min(soon, c.due) if given else soon, given=given if given and given <= soon else None)
    if open_c:
        c = min(open_c, key=lambda cs: cs.due or dt.date.max)
        given = c.due if c.due and c.due >= as_of else None
        return step(as_action(c.what), given or soon, owner=c.owner, given=given)
    if item.recurring:
        nxt = next_occurrence(item.recurrence, as_of)
        return step(f"prepare the next {strip_article(item.title)}", add_bdays(nxt, -1) if nxt and nxt > soon else soon)
    if first_person and worded_as_action(item.title) and title_is_open_task(item, log) and not (
            item.commitments or item.waits or item.actions):  # entries under it are its steps, said above
        return step(lower_first(short_title(item.title)), soon)  # the item is itself an action: mine, on a proposed date
    return None  # the notes give no next step: the plan says so (``ItemPlan.no_next_step``), nothing is made up


def names_actions(item: WorkItem, log: WorkLog | None = None) -> bool:
    """Are the item's entries worded as actions ("Fix the docs", "Write tests"), or mostly nouns
    ("Spacer", "ImageView", "Async support": a list of parts, where "List binding" is a feature)?
    A list of a few entries, and any entry outside a todo list (a worklog's plan), is taken as it reads."""
    if log is not None and getattr(log, "genre", None) != "todo":
        return True
    entries = [c.what for c in item.commitments] + [a.text for a in item.actions]
    if len(entries) < 6 and log is not None:  # a part of a few entries ("Metaprogramming" > "Code generator"): the list's way
        return per_log(log, "todo names actions", lambda lg: _mostly_actions(
            [c.what for w in lg.items for c in w.commitments] + [a.text for w in lg.items for a in w.actions]))
    return _mostly_actions(entries)


def _mostly_actions(entries: list[str]) -> bool:
    """Half or more of ``entries`` worded as actions; a list of fewer than six is taken as it reads."""
    return len(entries) < 6 or sum(1 for e in entries if worded_as_action(e)) * 2 >= len(entries)


def worded_as_action(what: str) -> bool:
    """An entry that reads as something to do: it opens with its verb ('send the deck', 'Bump versions
    of GitHub actions', 'I will ...'), not a noun ('Music'), a state ('Invite sent'), a report or a question."""
    return "?" not in what and is_action(_WILL_LEAD.sub("", clean(what)))


_TICKED = re.compile(r"^\s*(?:[-*+•]|\d+[.)])?\s*\[[xX✓✔]\]")
_LISTED = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")


def title_line(item: WorkItem, log: WorkLog) -> str | None:
    """The note line that holds the item's title (among its first lines), as written."""
    title = set(re.findall(r"[a-z0-9]+", clean(item.title).lower()))
    by_number = {ln.number: ln.text for ln in getattr(log, "lines", [])}
    for n in sorted(item.lines)[:3]:
        text = by_number.get(n, "")
        words = set(re.findall(r"[a-z0-9]+", text.lower()))
        if title and len(title & words) >= 0.6 * len(title):
            return text
    return None


def title_is_open_task(item: WorkItem, log: WorkLog) -> bool:
    """The item's own line is an open entry of a list ('- [ ] Rebase onto master', '- Register the app'):
    not a heading (context, never a task) and not a ticked box (done, whatever is open under it)."""
    line = title_line(item, log)
    return line is not None and bool(_LISTED.match(line)) and not _TICKED.match(line)


_FUNCTION_WORDS = {"to", "will", "is", "are", "was", "has", "have", "by", "of", "what", "how", "why", "who", "when",
                   "where", "which", "if", "whether", "did", "do", "does", "should", "could", "can", "would", "and", "or",
                   "but", "so", "then", "also", "not", "no", "this", "that", "it", "there"}


def starts_with_verb(what: str) -> bool:
    """'send the deck', 'sent the deck': an action item worded as one (team notes: nothing else becomes a next step)."""
    words = clean(what).split()
    return bool(words) and (words[0].lower() in VERBS or words[0].lower() in IRREGULAR_PAST)


def is_deliverable(what: str) -> bool:
    """A promise that reads as something to do: it starts with its verb, or is a short noun phrase
    ('the board pack'); a sentence from the notes ('Instead, let's try ...') is not glued after 'deliver'."""
    words = clean(what).split()
    if not words:
        return False
    first = words[0].lower()
    if first in VERBS or first in IRREGULAR_PAST or first in ME:
        return True
    if first in _FUNCTION_WORDS:  # "Will slide to next week", "To do": no deliverable
        return False
    if not re.search(r"[A-Za-z]{3}", what):  # "#", "x": markup left over, nothing to deliver
        return False
    return len(words) <= 6 and not re.search(r"[,;:?!\"'’()]", what)


def _names_a_task(title: str) -> bool:
    """A title that is itself a task, named by its verb ('Write the release retro')."""
    words = clean(title).split()
    return bool(words) and words[0].lower() in VERBS and "?" not in title and len(words) >= 2


def owners_step(item: WorkItem, commitments: list[CommitmentState], log: WorkLog, step, soon: dt.date) -> NextStep | None:
    """Minutes and team notes: the next step is a named owner's open action item, or none (never "I")."""
    open_c = [cs for cs in commitments if cs.state in ("open", "missed") and "?" not in cs.what
              and (starts_with_verb(cs.what) or is_action(cs.what))]
    pool = [cs for cs in open_c if cs.owner and not is_me(cs.owner) and cs.owner.strip().lower() not in ("team", "the team")]
    if not pool:
        return None
    c = min(pool, key=lambda cs: cs.due or dt.date.max)
    given = c.due if c.due and c.due >= log.as_of else None
    return step(as_action(c.what), given or soon, owner=c.owner, given=given)


# --------------------------------------------------------------------------------------------
# Rule: one item, then the whole plan
# --------------------------------------------------------------------------------------------


def plan_item(item: WorkItem, log: WorkLog) -> ItemPlan:
    status, reason = item_status(item, log.as_of, log)
    commitments = [commitment_state(c, item, log) for c in item.commitments]
    if status == Status.DONE:
        return ItemPlan(item=item, status=status, reason=reason, commitments=commitments)
    step = next_step(item, commitments, log)
    if not getattr(log, "first_person", True):  # minutes and team notes: no "I will" plans for other people's work
        asked = team_questions(item)  # the team's own open decisions are reported as its open questions
        shown = item.model_copy(update={"questions": item.questions + asked}) if asked else item
        return ItemPlan(item=shown, status=status, reason=reason, next_step=step, no_next_step=step is None,
                        risks=item_risks(item, log), commitments=commitments,
                        asks=[a for a in item_asks(item, commitments, [], log) if not a.what.startswith("help me")])
    fallbacks = [fallback_for(w, item, log) for w in item.waits if wait_is_external(w) or w.kind == "blocked"]
    waited = {(w.on_whom or "").lower() for w in item.waits}
    waited |= {(person_org(w.on_whom, log) or "").lower() for w in item.waits if w.on_whom}
    fallbacks += [
        late_commitment_fallback(c, item, log)
        for c in item.commitments
        if is_overdue(c, log.as_of) and not is_me(c.owner) and c.owner.lower() not in waited  # the wait's fallback covers it
    ]
    return ItemPlan(
        item=item,
        status=status,
        reason=reason,
        next_step=step,
        no_next_step=step is None,
        fallbacks=fallbacks,
        risks=item_risks(item, log),
        commitments=commitments,
        asks=item_asks(item, commitments, fallbacks, log),
    )
