"""LLM engine: the playbook's plan plus the raw notes -> one chat call -> a validated artefact.

Structure first, prose second: the prompt carries the plan's facts (statuses, commitments,
deadlines, next steps, fallbacks, risks, asks) as compact JSON and the notes as delimited data in
the user message. The reply is parsed into the artefact's pydantic model.

Structured output, by server:
* OpenAI (no base URL, or api.openai.com): ``response_format`` ``json_schema`` with a strict
  schema, falling back to function calling.
* Any other OpenAI-compatible server (llama.cpp, Ollama, vLLM, LM Studio): ``json_object`` with
  the schema inside ``response_format`` (llama.cpp turns it into a grammar), falling back to
  function calling, then ``json_schema``.
A mode the server rejects (4xx/5xx naming response_format / tools) moves on to the next mode; the
working mode is remembered by the engine instance.

We build the request ourselves (``bind(response_format=...)`` / ``bind_tools``) rather than
``with_structured_output`` so that each method's failure mode is explicit: invalid JSON, schema
violations, a missing tool call (function calling's silent ``None``) and output cut off at the token
limit all become one validation error, retried once with that error in the prompt, then
:class:`ValidationFailed`. Timeouts, 429 and 5xx are retried by the OpenAI SDK with its bounded
exponential backoff (``settings.max_retries``), then reported as :class:`ProviderError` naming
``settings.provider``.

Plan facts win: the engine forces ``as_of`` to the plan's, never lets ``overall`` (or an item whose
title matches a plan item) be better than the playbook's status, relabels options A-D by position,
and rejects an options proposal whose recommendation is not a listed option (that triggers the
validation retry). Silent fixes are
logged on the ``drafter.llm`` logger. Grounding warnings (U10) go to ``DraftMeta.warnings``.

LangChain and openai are imported inside functions only.
"""

from __future__ import annotations

import json
import logging
import re
import time
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, ValidationFailed
from ..models import (
    ARTEFACT_MODELS,
    ArtefactKind,
    DraftMeta,
    DraftOptions,
    Plan,
    Status,
)

from .transport import (  # noqa: F401  (build_chat_model, is_openai: used by criteria.judge)
    DEFAULT_MAX_TOKENS,
    NO_KEY,
    CallLoop,
    _Invalid,
    _Run,
    _short,
    _summarise,
    build_chat_model,
    is_openai,
    max_tokens_for,
    reply_data,
)

if TYPE_CHECKING:
    from ..config import Settings
    from ..prompts import PromptSpec

log = logging.getLogger("drafter.llm")

METHODS = ("json_schema", "json_object", "function_calling")
WORD_BUDGET = {"boss": 150, "team": 150, "client": 200}
_RAW_ECHO = 1500  # characters of a rejected answer echoed back in the retry



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
        text = f"{plan.overall.label.capitalize()}."
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



# --------------------------------------------------------------------------------------------
# The engine
# --------------------------------------------------------------------------------------------



class LLMEngine(CallLoop):
    """Writes artefacts with a chat model; see the module docstring for the behaviour."""

    name = "llm"

    def __init__(self, settings: "Settings", prompt: str | None = None, *, method: str | None = None):
        if method is not None and method not in METHODS:
            raise ConfigError(f"unknown structured-output method {method!r}; choose one of {', '.join(METHODS)}")
        self.settings = settings
        self.prompt = prompt
        self._fixed_method = method
        self._method: str | None = method
        self._llm = None
        self.last_timings: dict[str, float] = {}  # diagnostics of the latest write: http_ms, total_ms

    # -- pieces --------------------------------------------------------------------------

    def spec(self, kind: ArtefactKind) -> "PromptSpec":
        from ..prompts import load_prompt

        spec = load_prompt(self.prompt or kind.value, self.settings.prompts_dir)
        if spec.output != kind.value:
            raise ConfigError(
                f"prompt file {spec.path} writes {spec.output!r}, not {kind.value!r}",
                hint=f"pass a prompt whose front matter says output: {kind.value}",
            )
        return spec

    def methods(self) -> list[str]:
        if self._method:
            return [self._method] if self._fixed_method else [self._method] + [
                m for m in self._default_methods() if m != self._method
            ]
        return self._default_methods()

    def _default_methods(self) -> list[str]:
        if is_openai(self.settings):
            return ["json_schema", "function_calling"]
        return ["json_object", "function_calling", "json_schema"]

    @property
    def llm(self):
        if self._llm is None:
            self._llm = build_chat_model(self.settings, sdk_retries=0, deadline_clients=True)
        return self._llm

    def messages(self, spec: "PromptSpec", kind, plan, notes, options):
        """LangChain messages from the prompt template (notes passed as a value)."""
        return spec.chat_prompt().format_messages(**prompt_values(kind, plan, notes, options))

    def _bound(self, kind: ArtefactKind, method: str):
        params = format_params(kind, method)
        if "tools" in params:
            return self.llm.bind_tools(params["tools"], tool_choice=params["tool_choice"])
        return self.llm.bind(response_format=params["response_format"])

    def build_request(self, kind: ArtefactKind, plan: Plan, notes: str, options: DraftOptions) -> dict:
        """The exact messages and parameters the first call sends (for --dry-run; no key)."""
        kind = ArtefactKind(kind)
        spec = self.spec(kind)
        method = self.methods()[0]
        msgs = spec.render(**prompt_values(kind, plan, notes, options))
        body: dict[str, Any] = {"model": self.settings.resolved_model, "messages": msgs}
        if self.settings.temperature is not None:
            body["temperature"] = self.settings.temperature
        n = max_tokens_for(self.settings)
        body["max_completion_tokens" if is_openai(self.settings) else "max_tokens"] = n
        body.update(format_params(kind, method))
        return {
            "provider": self.settings.provider,
            "url": (self.settings.base_url or "https://api.openai.com/v1").rstrip("/") + "/chat/completions",
            "method": method,
            "timeout": self.settings.timeout,
            "max_retries": self.settings.max_retries,
            "prompt": {"name": spec.name, "version": spec.version, "path": str(spec.path) if spec.path else None},
            "body": body,
        }

    def _retry_messages(self, messages, invalid: _Invalid, kind: ArtefactKind):
        from langchain_core.messages import HumanMessage

        name = ARTEFACT_MODELS[kind].__name__
        if invalid.truncated:
            text = (
                f"Your previous answer was cut off at the token limit, so it is not a complete {name} "
                "JSON object. Reply again with the complete object: shorter strings, fewer list entries."
            )
        else:
            raw = invalid.raw if len(invalid.raw) <= _RAW_ECHO else invalid.raw[:_RAW_ECHO] + "…"
            text = (
                f"Your previous answer did not validate against the {name} schema: {invalid.problem}\n"
                f"Previous answer:\n{raw}\n"
                f"Reply again with the complete, corrected {name} JSON object only."
            )
        return list(messages) + [HumanMessage(content=text)]

    def _meta(self, spec, run: _Run, warnings: list[str]) -> DraftMeta:
        total = time.perf_counter() - run.started
        self.last_timings = {"http_ms": run.http_s * 1000, "total_ms": total * 1000}
        return DraftMeta(
            engine=self.name,
            model=self.settings.resolved_model,
            prompt_name=spec.name,
            prompt_version=spec.version,
            tokens_in=run.tokens_in,
            tokens_out=run.tokens_out,
            latency_ms=round(total * 1000, 1),
            llm_calls=run.calls,
            warnings=warnings,
        )

    def parse(self, kind: ArtefactKind, method: str, reply):
        return parse_reply(kind, method, reply)

    def _finish(self, kind, artefact, spec, run, plan, notes, options):
        floor: list[str] = []
        artefact = enforce_plan(kind, artefact, plan, floor)
        warnings = floor + grounding_warnings(kind, artefact, plan, notes, options)
        return artefact, self._meta(spec, run, warnings)

    def _failed(self, kind, invalid: _Invalid, method: str) -> ValidationFailed:
        name = ARTEFACT_MODELS[kind].__name__
        if invalid.truncated:
            return ValidationFailed(
                f"the model's {name} was cut off at max_tokens={max_tokens_for(self.settings)} twice",
                hint="raise max_tokens in the config file, use a larger model, or rerun with --fallback offline",
            )
        return ValidationFailed(
            f"the model's output did not match {name} after a retry ({method}): {_short(invalid.problem, 200)}",
            hint="try another --model or prompt, or rerun with --fallback offline",
        )



__all__ = ["LLMEngine", "build_chat_model", "strict_schema", "format_params", "plan_facts"]
