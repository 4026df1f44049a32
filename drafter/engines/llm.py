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

import logging
import time
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, ValidationFailed
from ..models import (
    ARTEFACT_MODELS,
    ArtefactKind,
    DraftMeta,
    DraftOptions,
    Plan,
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

from .llm_reply import (  # noqa: F401  (re-exported: tests and the reader import them from here)
    draft_text,
    enforce_plan,
    grounding_warnings,
    headline_status,
    normalize_labels,
    parse_reply,
    semantic_problems,
)
from .llm_request import (  # noqa: F401  (re-exported)
    METHODS,
    OPTION_LABELS,
    WORD_BUDGET,
    fence_notes,
    format_params,
    item_ids,
    numbered,
    plan_facts,
    prompt_values,
    request_schema,
    strict_schema,
    tool_name,
)

if TYPE_CHECKING:
    from ..config import Settings
    from ..prompts import PromptSpec

log = logging.getLogger("drafter.llm")

_RAW_ECHO = 1500  # characters of a rejected answer echoed back in the retry


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
