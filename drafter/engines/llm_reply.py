"""What the LLM engine accepts: parsing a reply, the semantic checks, and enforcing the playbook's
plan on the model's artefact (status floor, options only from the notes, grounding warnings)."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from ..models import (
    ARTEFACT_MODELS,
    ArtefactKind,
    DraftOptions,
    Plan,
    Status,
)
from .llm_request import OPTION_LABELS
from .wording import status_words
from .transport import _Invalid, _summarise, reply_data

if TYPE_CHECKING:
    pass

log = logging.getLogger("drafter.llm")

# --------------------------------------------------------------------------------------------
# Parsing and checking a reply
# --------------------------------------------------------------------------------------------



def normalize_labels(artefact):
    """Options are labelled A, B, C, D by position; the recommendation follows its option.

    Weak models repeat labels (seen: D, D, D, D); labels are presentation, so they are fixed
    rather than retried. A recommendation naming no listed label is left for the retry.
    """
    labels = [o.label.strip().upper() for o in artefact.options]
    want = OPTION_LABELS[: len(labels)]
    if not labels:  # no options: nothing to recommend (a label the model names anyway is dropped)
        return artefact if artefact.recommendation is None else artefact.model_copy(update={"recommendation": None})
    if artefact.recommendation is None:
        return artefact
    rec = artefact.recommendation.strip().upper()
    if labels == want and rec == artefact.recommendation:
        return artefact
    if rec not in labels:
        return artefact
    log.info("relabelled options %s as %s", labels, want)
    update: dict[str, Any] = {
        "options": [o.model_copy(update={"label": want[i]}) for i, o in enumerate(artefact.options)],
        "recommendation": want[labels.index(rec)],
    }
    if labels != want:
        update["reply_hint"] = f"Reply {', '.join(want[:-1])} or {want[-1]}."
    return artefact.model_copy(update=update)


def semantic_problems(kind: ArtefactKind, artefact) -> list[str]:
    """Checks the schema cannot express; any problem triggers the validation retry."""
    problems = []
    if kind == ArtefactKind.OPTIONS:
        labels = [o.label.strip().upper() for o in artefact.options]
        if labels and artefact.recommendation is not None and artefact.recommendation.strip().upper() not in labels:
            problems.append(
                f"recommendation {artefact.recommendation!r} must be one of the option labels {labels}"
            )
    return problems


def parse_reply(kind: ArtefactKind, method: str, message) -> Any:
    """AIMessage -> validated artefact, or raise _Invalid describing what was wrong."""
    from pydantic import ValidationError

    model = ARTEFACT_MODELS[kind]
    data, raw = reply_data(model.__name__, method, message)
    data.setdefault("kind", kind.value)
    try:
        artefact = model.model_validate(data)
    except ValidationError as exc:
        raise _Invalid(f"schema violations: {_summarise(exc)}", raw) from None
    problems = semantic_problems(kind, artefact)
    if problems:
        raise _Invalid("; ".join(problems), raw)
    if kind == ArtefactKind.OPTIONS:
        artefact = normalize_labels(artefact)
    return artefact


def _norm(title: str) -> str:
    return re.sub(r"\W+", " ", title).strip().lower()


# The status a headline states first ("On track: ...", "Everything is fine", "All done").
_HEADLINE_STATUS = [
    (Status.OFF_TRACK, re.compile(r"\boff[ -]track\b|\bmissed\b|\blate\b", re.I)),
    (Status.BLOCKED, re.compile(r"\bblocked\b", re.I)),
    (Status.AT_RISK, re.compile(r"\bat[ -]risk\b", re.I)),
    (Status.ON_TRACK, re.compile(r"\bon[ -]track\b|\b(?:all|everything)\s+(?:is\s+)?(?:good|fine|well|green)\b"
                                 r"|\bno\s+(?:issues|problems|blockers|risks)\b", re.I)),
    (Status.DONE, re.compile(r"\ball\s+done\b|\beverything\s+(?:is\s+)?(?:done|complete)\b", re.I)),
]


def headline_status(headline: str) -> Status | None:
    """The status a headline states first, if it states one."""
    found = [(m.start(), st) for st, rx in _HEADLINE_STATUS for m in [rx.search(headline or "")] if m]
    return min(found, key=lambda x: x[0])[1] if found else None


def _options_from_notes_only(artefact, plan: Plan, warnings: list[str]):
    """Options come only from alternatives the notes hold: when the playbook found none, options the
    model wrote are inventions and are removed (with a warning), and so is its recommendation."""
    held = plan.decision.options if plan.decision is not None else []
    if held or not artefact.options:
        return artefact
    warnings.append(
        f"the notes name no alternatives; the model's {len(artefact.options)} option(s) "
        f"({', '.join(repr(o.title[:40]) for o in artefact.options[:3])}) were removed"
    )
    known = artefact.known or (list(plan.decision.known[:8]) if plan.decision is not None else [])
    return artefact.model_copy(update={"options": [], "recommendation": None, "known": known,
                                       "reply_hint": artefact.reply_hint or "Reply with your decision."})


def enforce_plan(kind: ArtefactKind, artefact, plan: Plan, warnings: list[str] | None = None):
    """The playbook's decisions win over the model: as_of, and no status better than the playbook's.

    An update whose ``overall`` or headline is better than the worst item is repaired: ``overall``
    takes the plan's status and the headline is replaced by the playbook's (the offline writer's),
    with a warning naming what the model said (appended to ``warnings`` when given). Item statuses
    are matched by title, else by position when the model kept the plan's items in order.
    """
    warnings = warnings if warnings is not None else []
    if artefact.as_of != plan.as_of:
        log.info("model wrote as_of %s; using the plan's %s", artefact.as_of, plan.as_of)
        artefact = artefact.model_copy(update={"as_of": plan.as_of})
    if kind == ArtefactKind.OPTIONS:
        return _options_from_notes_only(artefact, plan, warnings)
    if kind != ArtefactKind.UPDATE:
        return artefact
    updates: dict[str, Any] = {}
    floor = plan.overall
    said = headline_status(artefact.headline)
    if artefact.overall.severity < floor.severity:
        warnings.append(
            f"the model reported overall '{artefact.overall.label}' but the worst item is '{floor.label}'; "
            f"overall set to '{floor.label}'"
        )
        updates["overall"] = floor
    if said is not None and said.severity < floor.severity:
        replacement = _plan_headline(plan)
        warnings.append(
            f"the model's headline says '{said.label}' but the worst item is '{floor.label}'; "
            f"headline replaced by the playbook's: {artefact.headline[:80]!r}"
        )
        updates["headline"] = replacement
    by_title = {_norm(ip.item.title): ip.status for ip in plan.items}
    in_order = len(artefact.items) == len(plan.items)
    items = []
    changed = False
    for i, it in enumerate(artefact.items):
        planned: Status | None = by_title.get(_norm(it.title))
        if planned is None and in_order:
            planned = plan.items[i].status
        if planned is not None and it.status.severity < planned.severity:
            log.info("model reported %r as %s; the plan says %s", it.title, it.status.value, planned.value)
            warnings.append(f"the model reported {it.title[:60]!r} as '{it.status.label}'; the playbook says "
                            f"'{planned.label}'")
            it = it.model_copy(update={"status": planned})
            changed = True
        items.append(it)
    if changed:
        updates["items"] = items
    return artefact.model_copy(update=updates) if updates else artefact


def _plan_headline(plan: Plan) -> str:
    """The playbook's headline (the offline writer's wording of the plan), bounded for the model."""
    try:
        from .offline import headline_for

        text = headline_for(plan)
    except Exception:  # never fail a draft on the repair itself
        text = f"{status_words(plan.overall, plan.status_stated).capitalize()}."
    return text[:300]


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def draft_text(artefact, options: DraftOptions) -> str:
    """The text a reader sees (the text renderer), or every string field if no renderer is present."""
    try:
        from ..models import OutputFormat
        from ..render import render

        return render(artefact, OutputFormat.TEXT, options)
    except ImportError:
        data = artefact.model_dump(mode="json", exclude={"kind", "as_of"})
        return "\n".join(s for s in _strings(data) if s and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s))


def grounding_warnings(kind, artefact, plan: Plan, notes: str, options: DraftOptions) -> list[str]:
    try:
        from ..grounding import find_ungrounded, proposed_dates
    except ImportError:  # the guard is optional at import time; never block a draft on it
        return []
    allowed = {options.delegate_to} if options.delegate_to else set()
    return find_ungrounded(draft_text(artefact, options), notes, plan.as_of, proposed_dates(artefact), allowed)
