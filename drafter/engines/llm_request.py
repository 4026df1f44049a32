"""What the LLM engine sends: strict schemas, structured-output parameters, the plan's facts block
(the DECISIONS the playbook binds the model to) and the fenced, numbered notes."""

from __future__ import annotations

import json
import logging
import re
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..models import (
    ARTEFACT_MODELS,
    ArtefactKind,
    DraftOptions,
    Plan,
)

if TYPE_CHECKING:
    pass

log = logging.getLogger("drafter.llm")

METHODS = ("json_schema", "json_object", "function_calling")
WORD_BUDGET = {"boss": 150, "team": 150, "client": 200}

# --------------------------------------------------------------------------------------------
# Schemas and request pieces
# --------------------------------------------------------------------------------------------

_STRICT_DROP = {"default", "title", "minLength", "maxLength", "description"}


def strict_schema(schema: dict) -> dict:
    """OpenAI strict-mode variant: every property required, no extra keys, unsupported keywords dropped.

    Optional fields stay nullable (``anyOf [..., null]``); string lengths are enforced by pydantic
    after the call instead (a violation triggers the validation retry).
    """

    def fix(node: Any, is_map: bool = False) -> Any:
        if isinstance(node, list):
            return [fix(x) for x in node]
        if not isinstance(node, dict):
            return node
        if is_map:  # property name -> schema: keep every key
            return {k: fix(v) for k, v in node.items()}
        out = {}
        for k, v in node.items():
            if k in _STRICT_DROP:
                continue
            out[k] = fix(v, is_map=k in ("properties", "$defs"))
        if out.get("type") == "object" and "properties" in out:
            out["required"] = list(out["properties"])
            out["additionalProperties"] = False
        return out

    return fix(schema)


def tool_name(kind: ArtefactKind) -> str:
    return ARTEFACT_MODELS[kind].__name__


OPTION_LABELS = ["A", "B", "C", "D"]


def request_schema(kind: ArtefactKind) -> dict:
    """The artefact model's JSON schema, narrowed where the model is looser than the drafts we want.

    Options are labelled A-D (the pydantic model allows any 4 characters); a grammar-constrained
    server then cannot emit other labels. Replies are still validated by the pydantic model.
    """
    schema = ARTEFACT_MODELS[kind].model_json_schema()
    if kind == ArtefactKind.OPTIONS:
        labels = {"type": "string", "enum": OPTION_LABELS}
        schema["$defs"]["Option"]["properties"]["label"] = {**labels, "title": "Label"}
        schema["properties"]["recommendation"] = {**labels, "title": "Recommendation"}
    return schema


def format_params(kind: ArtefactKind, method: str) -> dict:
    """Request parameters that ask for structured output in ``method``."""
    model = ARTEFACT_MODELS[kind]
    schema = request_schema(kind)
    if method == "json_schema":
        return {
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": model.__name__, "schema": strict_schema(schema), "strict": True},
            }
        }
    if method == "json_object":
        return {"response_format": {"type": "json_object", "schema": schema}}
    if method == "function_calling":
        name = model.__name__
        return {
            "tools": [
                {
                    "type": "function",
                    "function": {
                        "name": name,
                        "description": (model.__doc__ or name).strip().splitlines()[0],
                        "parameters": schema,
                    },
                }
            ],
            "tool_choice": {"type": "function", "function": {"name": name}},
        }
    raise ConfigError(f"unknown structured-output method {method!r}; choose one of {', '.join(METHODS)}")


# A person's name and nothing else (note text never reaches the plan block; a name may).
_NAME_ONLY = re.compile(r"[A-Z][\w'’.-]{0,30}(?: [A-Z][\w'’.-]{0,30}){0,3}|@[\w.-]{1,39}")


def _name(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value == "I" or value.lower() == "we":
        return value
    return value if _NAME_ONLY.fullmatch(value) and "<" not in value else None


def item_ids(plan: Plan) -> dict[int, str]:
    """``id(item) -> "I1"``... in plan order (the FACTS block refers to items by these ids)."""
    return {id(ip.item): f"I{i}" for i, ip in enumerate(plan.items, 1)}


def plan_facts(plan: Plan, kind: ArtefactKind, options: DraftOptions) -> str:
    """The playbook's decisions as compact JSON for the user message.

    No note text: items are referred to by id (``I1``...) and the note line numbers they rest on;
    what the block carries is the playbook's own data (statuses, dates, states, paths) and names.
    The notes themselves reach the model only inside the fenced ``<notes>`` block.
    """

    def d(x):
        return x.isoformat() if x else None

    ids = item_ids(plan)
    items = []
    for ip in plan.items:
        it = ip.item
        commitments = []
        for i, cs in enumerate(ip.commitments):
            src = it.commitments[i] if i < len(it.commitments) else None
            commitments.append({
                "lines": sorted(src.lines) if src else [],
                "owner": _name(cs.owner),
                "due": d(cs.due),
                "state": cs.state,
                "new_date": d(cs.new_date),
                "new_date_proposed": True if cs.new_date else None,
                "ask_instead": True if cs.ask else None,
            })
        entry = {
            "id": ids[id(it)],
            "lines": sorted(it.lines),
            "status": ip.status.value,
            "owner": _name(it.owner),
            "deadline": d(it.deadline),
            "done": it.done or None,
            "actions_done_lines": sorted({n for a in it.actions for n in a.lines}),
            "waits": [
                {"lines": sorted(w.lines), "on": _name(w.on_whom), "kind": w.kind, "since": d(w.since),
                 "expected_by": d(w.expected_by)}
                for w in it.waits
            ],
            "commitments": commitments,
            "decisions": [
                {"lines": sorted(x.lines), "who": _name(x.who), "by": d(x.by), "options_in_notes": len(x.options)}
                for x in it.decisions
            ],
            "outcome_lines": sorted({n for o in it.outcomes for n in o.lines}),
            "next_step": (
                {"owner": _name(ip.next_step.owner), "due": d(ip.next_step.due),
                 "due_proposed": ip.next_step.due_proposed or None}
                if ip.next_step else None
            ),
            "fallbacks": [{"by": d(f.by), "path": f.path} for f in ip.fallbacks],
            "risks": [dict(x) for x in dict.fromkeys(
                tuple({"deadline": d(r.deadline), "days_left": r.days_left}.items()) for r in ip.risks)],
            "asks": [{"who": _name(a.who), "by": d(a.by)} for a in ip.asks],
        }
        if it.recurring or it.recurrence:
            entry["recurring"] = True
        if _name(it.delegate_to):
            entry["delegate_to"] = _name(it.delegate_to)
        clean = {}
        for k, v in entry.items():
            if isinstance(v, list):
                v = [{a: b for a, b in x.items() if b not in (None, [], "")} if isinstance(x, dict) else x for x in v]
            if isinstance(v, dict):
                v = {a: b for a, b in v.items() if b not in (None, [], "")}
            if v not in (None, [], "", {}):
                clean[k] = v
        items.append(clean)
    worst = next((ids[id(ip.item)] for ip in plan.items if ip.status == plan.overall), None)
    facts: dict[str, Any] = {
        "as_of": plan.as_of.isoformat(),
        "weekday": plan.as_of.strftime("%A"),
        "artefact": kind.value,
        "overall": plan.overall.value,
        "overall_from": worst,
        "items": items,
        "asks": [{"who": _name(a.who), "by": d(a.by)} for a in plan.asks],
        "people": [n for n in (_name(p.name) for p in plan.log.people) if n],
        "unplaced_lines": [s.number for s in plan.log.unplaced],
    }
    inc = plan.log.incident
    if inc is not None:  # the incident's state binds the bottom line; the signals cite note lines
        facts["incident"] = {"state": inc.state, "cause": inc.cause,
                             "lines": sorted({n for s in inc.signals for n in s.lines})}
    if kind == ArtefactKind.OPTIONS and plan.decision is not None:
        dec = plan.decision
        facts["decision"] = {
            "who": _name(dec.who) or "you",
            "decide_by": d(dec.decide_by),
            "deadline": d(dec.deadline),
            "options_in_notes": sum(1 for o in dec.options if o.from_notes),
        }
    if kind == ArtefactKind.DELEGATE and plan.delegation is not None:
        dg = plan.delegation
        by_title = {ip.item.title: ids[id(ip.item)] for ip in plan.items}
        facts["delegation"] = {
            "delegate": _name(options.delegate_to or dg.delegate),
            "parent_deadline": d(dg.parent_deadline),
            "shadow_on": d(dg.shadow_on),
            "tasks": [
                {"item": by_title.get(t.item_title), "deadline": d(t.deadline),
                 "check_ins": [d(c.on) for c in t.check_ins], "decision_rights": t.decision_rights.value,
                 "recurring": t.recurring or None}
                for t in dg.tasks
            ],
        }
    for key in ("decision", "delegation"):
        if key in facts:
            facts[key] = {a: b for a, b in facts[key].items() if b not in (None, [], "")}
    if options.delegate_to and _name(options.delegate_to):
        facts["delegate_to"] = _name(options.delegate_to)
    facts = {k: v for k, v in facts.items() if v not in (None, [], "")}
    if "asks" in facts:
        facts["asks"] = [{a: b for a, b in x.items() if b} for x in facts["asks"]]
    return json.dumps(facts, separators=(",", ":"), ensure_ascii=False)


_CLOSE_NOTES = re.compile(r"<\s*/\s*notes\s*>", re.I)
_OPEN_NOTES = re.compile(r"<\s*notes\s*>", re.I)


def fence_notes(notes: str) -> str:
    """Neutralise delimiter look-alikes (a word joiner after '<') so notes cannot close their block."""
    notes = _CLOSE_NOTES.sub("<\u2060/notes>", notes)
    return _OPEN_NOTES.sub("<\u2060notes>", notes)


def numbered(notes: str) -> str:
    """The notes with their line numbers (``  3 | text``), as the FACTS block cites them, fenced."""
    rows = [(i, t.rstrip()) for i, t in enumerate(notes.splitlines(), 1) if t.strip()]
    width = len(str(rows[-1][0])) if rows else 1
    return fence_notes("\n".join(f"{i:>{width}} | {t}" for i, t in rows))


def prompt_values(kind: ArtefactKind, plan: Plan, notes: str, options: DraftOptions) -> dict:
    delegate_to = _name(options.delegate_to) or next(
        (_name(ip.item.delegate_to) for ip in plan.items if _name(ip.item.delegate_to)), None
    )
    return {
        "as_of": f"{plan.as_of.isoformat()} ({plan.as_of.strftime('%A')})",
        "audience": options.audience.value,
        "max_words": options.max_words or WORD_BUDGET.get(options.audience.value, 150),
        "delegate_to": delegate_to or "not named; use the person the notes name",
        "facts": plan_facts(plan, kind, options),
        "notes": numbered(notes),
        "kind": kind.value,
    }
