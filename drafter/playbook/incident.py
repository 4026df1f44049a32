"""Rule: the bottom line of an incident or release-status update, as data.

An incident report that says the outage is over is not "All done" while follow-ups are open, and
not "On track" while the root cause is unknown (it may happen again); an incident still going on
is at least at risk, and blocked while the service is down. Each row of :data:`BOTTOM_LINES` is one
rule: the facts it needs (state, cause, follow-ups open), the least severe overall status those
facts allow (the overall is the worst of that and every item: never better than the worst item)
and the words the bottom line opens with. The first row that fits decides.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from ..models import FollowUp, IncidentFacts, IncidentState, ItemPlan, Status, WorkLog, worst
from .text import clean

ANY = "any"


@dataclass(frozen=True)
class BottomLine:
    states: tuple[str, ...]
    cause: str | None  # "known", "unknown", None (the notes do not say) or ANY
    follow_ups: bool | None  # open follow-ups: True, False, or None (either)
    floor: Status
    words: str  # "{Resolved}" is "Resolved" for a resolved incident, "Over" for one the notes only tell as past
    reason: str
    down: bool | None = None  # the service is down now (an ongoing outage)


BOTTOM_LINES: tuple[BottomLine, ...] = (
    BottomLine(("ongoing",), ANY, None, Status.BLOCKED, "Not resolved, the service is down", "the notes say the service is still down", down=True),
    BottomLine(("ongoing",), ANY, None, Status.AT_RISK, "Not resolved yet", "the notes say it is still going on"),
    BottomLine(("resolved", "over"), "unknown", None, Status.AT_RISK, "{Resolved}, but the root cause is unknown",
               "the root cause is unknown, so it may happen again"),
    BottomLine(("resolved", "over"), ANY, True, Status.ON_TRACK, "{Resolved}; follow-ups open", "follow-ups are still open"),
    BottomLine(("resolved", "over"), ANY, False, Status.DONE, "{Resolved}; nothing left open", "resolved, and no follow-up is open"),
    BottomLine(("delayed",), ANY, None, Status.AT_RISK, "Delayed", "the schedule slipped"),
    BottomLine(("scheduled",), ANY, None, Status.ON_TRACK, "In progress", "the release is still ahead"),
)

_NOT_FOLLOW_UP = re.compile(r"^(?:please|thanks?|thank you|we need|we'd|we would|i need)\b", re.I)
_REPORTED = re.compile(r"^(?:we|i)\s+(?:have|had|did|\w{2,}ed)\b", re.I)
_DOWN = re.compile(r"\b(?:down|unavailable|failing|degraded|outage)\b", re.I)


def follow_ups(items: list[ItemPlan]) -> list[FollowUp]:
    """The open follow-ups: open promises worded as work, the owner as the notes name it (None if none)."""
    out = []
    for ip in items:
        for c in ip.item.commitments:
            what = clean(c.what).rstrip(" .")
            if c.state != "open" or not what or _NOT_FOLLOW_UP.match(what) or _REPORTED.match(what) or "?" in what:
                continue
            owner = clean(c.owner or "") or None
            out.append(FollowUp(what=what[:300], owner=owner[:80] if owner else None, lines=list(c.lines)))
    return out


def pick(state: IncidentState, has_follow_ups: bool, down: bool) -> BottomLine | None:
    for rule in BOTTOM_LINES:
        if state.state not in rule.states:
            continue
        if rule.cause != ANY and rule.cause != state.cause:
            continue
        if rule.follow_ups is not None and rule.follow_ups != has_follow_ups:
            continue
        if rule.down is not None and rule.down != down:
            continue
        return rule
    return None


_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def incident_day(items: list[ItemPlan], log: WorkLog | None) -> dt.date | None:
    """The day the incident happened: the date its title gives ("# 2018-10-30: Incorrect TLS
    certificates ...") when the timeline has an entry that day or no dated entry at all (a title
    copied from a template, "# 2022-01-27" over a 2022-06-02 timeline, is not trusted); else the
    day most dated entries fall on, not a precursor days before ("2023-02-13 07:30 Scheduled
    node rollover ..." then fifteen entries on 2023-02-14)."""
    days = Counter(a.on for ip in items for a in ip.item.actions if a.on)
    title = ""
    if log is not None:
        from ..read.incident_state import incident_title

        title = incident_title(log)[0]
    m = _ISO.search(title)
    if m:
        try:
            named = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            named = None
        if named is not None and (named in days or not days):
            return named
    if not days:
        return None
    return max(days.items(), key=lambda kv: (kv[1], -kv[0].toordinal()))[0]


def incident_facts(state: IncidentState | None, items: list[ItemPlan], log: WorkLog | None = None) -> IncidentFacts | None:
    if state is None:
        return None
    fus = follow_ups(items)
    ongoing = [s for s in state.signals if s.kind == "ongoing"]
    rule = pick(state, bool(fus), any(_DOWN.search(s.text) for s in ongoing))
    if rule is None:
        return None
    what = state.first("what")
    impact = next((s for s in state.signals if s.kind == "impact" and (what is None or s.text != what.text)), None)
    if state.state == "delayed":  # a slipped release: where it stands now ("had not been created"), then its schedule
        what = [s for s in state.signals if s.kind == "delayed"][-1]
        impact = state.first("schedule")
    cause_kind = {"known": "cause_known", "unknown": "cause_unknown"}.get(state.cause or "")
    cause = state.first(cause_kind) if cause_kind else None
    said = {x.text for x in (what, impact, cause) if x is not None}
    ended = next((s for s in state.signals if s.kind == "resolved" and s.text not in said), None) if state.state in ("resolved", "over") else None
    on = incident_day(items, log)
    earliest = min((a.on for ip in items for a in ip.item.actions if a.on), default=None)
    words = rule.words.replace("{Resolved}", "Resolved" if state.state == "resolved" else "Over")
    return IncidentFacts(
        state=state.state, words=words, floor=rule.floor, reason=rule.reason,
        what=what.text if what else None, impact=impact.text if impact else None,
        cause=cause.text if cause else None, cause_known=None if state.cause is None else state.cause == "known",
        resolution=ended.text if ended else None,
        follow_ups=fus, lines=list(state.lines),
        on=on, after_precursor=bool(on and earliest and earliest < on),
    )


def apply_incident(items: list[ItemPlan], log: WorkLog, overall: Status, reason: str):
    """(items, overall, reason, facts): the overall status is never better than the facts allow nor
    than the worst item; the item the facts rest on takes the floor too (one status per item, U2)."""
    facts = incident_facts(getattr(log, "incident", None), items, log)
    if facts is None:
        return items, overall, reason, None
    status = worst([overall, facts.floor]) if items else facts.floor
    if status.severity > overall.severity:
        cited = set(facts.lines)
        target = next((ip for ip in items if cited & set(ip.item.lines)), items[0] if items else None)
        if target is not None and target.status.severity < status.severity:
            items = [ip.model_copy(update={"status": status, "reason": facts.reason}) if ip is target else ip for ip in items]
        reason = facts.reason
    if status != facts.floor and facts.floor == Status.DONE:  # something else is open: no "nothing left open"
        facts = facts.model_copy(update={"words": facts.words.split(";")[0]})
    return items, status, reason, facts
