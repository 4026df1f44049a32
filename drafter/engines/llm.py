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


def plan_facts(plan: Plan, kind: ArtefactKind, options: DraftOptions) -> str:
    """The playbook's facts as compact JSON for the user message."""

    def d(x):
        return x.isoformat() if x else None

    items = []
    for ip in plan.items:
        it = ip.item
        entry = {
            "title": it.title,
            "status": ip.status.value,
            "reason": ip.reason,
            "outcome": it.outcome,
            "deadline": d(it.deadline),
            "deadline_label": it.deadline_label,
            "done": [a.text for a in it.actions],
            "waiting_on": [
                {"what": w.what, "on": w.on_whom, "kind": w.kind, "since": d(w.since)} for w in it.waits
            ],
            "commitments": [c.model_dump(mode="json", exclude_none=True) for c in ip.commitments],
            "decisions": [{"question": x.question, "options": x.options, "who": x.who} for x in it.decisions],
            "next_step": ip.next_step.model_dump(mode="json") if ip.next_step else None,
            "fallbacks": [f.model_dump(mode="json") for f in ip.fallbacks],
            "risks": [r.model_dump(mode="json", exclude_none=True) for r in ip.risks],
            "asks": [a.model_dump(mode="json") for a in ip.asks],
            "people": it.people,
            "resources": it.resources,
        }
        if it.recurring or it.recurrence:
            entry["recurrence"] = it.recurrence or "recurring"
        if it.delegate_to:
            entry["delegate_to"] = it.delegate_to
        items.append({k: v for k, v in entry.items() if v not in (None, [], "")})
    facts = {
        "as_of": plan.as_of.isoformat(),
        "weekday": plan.as_of.strftime("%A"),
        "artefact": kind.value,
        "overall": plan.overall.value,
        "overall_reason": plan.overall_reason,
        "items": items,
        "risks": [r.model_dump(mode="json", exclude_none=True) for r in plan.risks],
        "asks": [a.model_dump(mode="json") for a in plan.asks],
        "people": [p.model_dump(exclude_none=True) for p in plan.log.people],
        "unplaced_lines": [s.text for s in plan.log.unplaced],
    }
    if options.delegate_to:
        facts["delegate_to"] = options.delegate_to
    facts = {k: v for k, v in facts.items() if v not in (None, [], "")}
    return json.dumps(facts, separators=(",", ":"), ensure_ascii=False)


_CLOSE_NOTES = re.compile(r"<\s*/\s*notes\s*>", re.I)
_OPEN_NOTES = re.compile(r"<\s*notes\s*>", re.I)


def fence_notes(notes: str) -> str:
    """Neutralise delimiter look-alikes (a word joiner after '<') so notes cannot close their block."""
    notes = _CLOSE_NOTES.sub("<\u2060/notes>", notes)
    return _OPEN_NOTES.sub("<\u2060notes>", notes)


def prompt_values(kind: ArtefactKind, plan: Plan, notes: str, options: DraftOptions) -> dict:
    delegate_to = options.delegate_to or next(
        (ip.item.delegate_to for ip in plan.items if ip.item.delegate_to), None
    )
    return {
        "as_of": f"{plan.as_of.isoformat()} ({plan.as_of.strftime('%A')})",
        "audience": options.audience.value,
        "max_words": options.max_words or WORD_BUDGET.get(options.audience.value, 150),
        "delegate_to": delegate_to or "not named; use the person the notes name",
        "facts": plan_facts(plan, kind, options),
        "notes": fence_notes(notes.strip()),
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
        if artefact.recommendation.strip().upper() not in labels:
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


def enforce_plan(kind: ArtefactKind, artefact, plan: Plan):
    """Plan facts win over the model: as_of, and statuses never better than the playbook's."""
    if artefact.as_of != plan.as_of:
        log.info("model wrote as_of %s; using the plan's %s", artefact.as_of, plan.as_of)
        artefact = artefact.model_copy(update={"as_of": plan.as_of})
    if kind != ArtefactKind.UPDATE:
        return artefact
    updates: dict[str, Any] = {}
    if artefact.overall.severity < plan.overall.severity:
        log.info("model reported overall %s; the plan says %s", artefact.overall.value, plan.overall.value)
        updates["overall"] = plan.overall
    by_title = {_norm(ip.item.title): ip.status for ip in plan.items}
    items = []
    changed = False
    for it in artefact.items:
        planned: Status | None = by_title.get(_norm(it.title))
        if planned is not None and it.status.severity < planned.severity:
            log.info("model reported %r as %s; the plan says %s", it.title, it.status.value, planned.value)
            it = it.model_copy(update={"status": planned})
            changed = True
        items.append(it)
    if changed:
        updates["items"] = items
    return artefact.model_copy(update=updates) if updates else artefact


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
        artefact = enforce_plan(kind, artefact, plan)
        warnings = grounding_warnings(kind, artefact, plan, notes, options)
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
