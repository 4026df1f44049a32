"""The LLM engine's transport: client construction, the call/validate/retry/mode-fallback loop,
error classification and the reply's JSON.

:class:`CallLoop` is mixed into :class:`drafter.engines.llm.LLMEngine`, which supplies the request
pieces (``spec``, ``messages``, ``methods``, ``_bound``, ``parse``, ``_retry_messages``, ``_finish``,
``_failed``). Timeouts, 429 and 5xx are retried by the OpenAI SDK with its bounded exponential
backoff (``settings.max_retries``), then reported as :class:`ProviderError` naming
``settings.provider``.

LangChain, openai and httpx are imported inside functions only.
"""

from __future__ import annotations

import json
import logging
import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, ProviderError, redact, register_secret
from ..models import ArtefactKind, DraftOptions, Plan

if TYPE_CHECKING:
    from ..config import Settings

log = logging.getLogger("drafter.llm")


class _Redacting(logging.Filter):
    """Log records of the engine carry no key, whatever a server echoed."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        return True


log.addFilter(_Redacting())

DEFAULT_MAX_TOKENS = 2048
NO_KEY = "sk-no-key"  # placeholder key for local servers that need none


# --------------------------------------------------------------------------------------------
# Client construction
# --------------------------------------------------------------------------------------------


def is_openai(settings: "Settings") -> bool:
    return not settings.base_url or "api.openai.com" in settings.base_url.lower()


def max_tokens_for(settings: "Settings") -> int:
    return settings.max_tokens or DEFAULT_MAX_TOKENS


def build_chat_model(
    settings: "Settings",
    *,
    max_tokens: int | None = None,
    temperature: float | None = None,
    sdk_retries: int | None = None,
    deadline_clients: bool = False,
):
    """A ``ChatOpenAI`` for the configured provider: timeout always set, few retries, no Responses API.

    With only a base URL configured the key is the placeholder ``sk-no-key``. For non-OpenAI servers
    ``max_tokens`` travels in ``extra_body`` (llama.cpp ignores ``max_completion_tokens``).
    The engine passes ``sdk_retries=0`` and ``deadline_clients=True``: it retries itself, each
    attempt under one total deadline (:mod:`drafter.engines.wire`).
    """
    from langchain_openai import ChatOpenAI

    if settings.api_key is not None:
        key = settings.api_key.get_secret_value()
        register_secret(key)
    elif settings.base_url:
        key = NO_KEY
    else:
        raise ConfigError(
            "the LLM engine needs OPENAI_API_KEY (OpenAI) or a base URL (local server)",
            hint="set OPENAI_API_KEY, pass --base-url, or use --engine offline",
        )
    n = max_tokens or max_tokens_for(settings)
    kwargs: dict[str, Any] = dict(
        model=settings.resolved_model,
        api_key=key,
        timeout=settings.timeout,
        max_retries=settings.max_retries if sdk_retries is None else sdk_retries,
        use_responses_api=False,
    )
    if deadline_clients:
        from .wire import http_clients

        kwargs["http_client"], kwargs["http_async_client"] = http_clients()
    temp = temperature if temperature is not None else settings.temperature
    if temp is not None:
        kwargs["temperature"] = temp
    if settings.base_url:
        kwargs["base_url"] = settings.base_url
    if is_openai(settings):
        kwargs["max_tokens"] = n
    else:
        kwargs["extra_body"] = {"max_tokens": n}
    return ChatOpenAI(**kwargs)

# --------------------------------------------------------------------------------------------
# Replies
# --------------------------------------------------------------------------------------------


class _Invalid(Exception):
    """A reply that did not validate; ``raw`` is what the model said (echoed in the retry)."""

    def __init__(self, problem: str, raw: str = "", truncated: bool = False):
        super().__init__(problem)
        self.problem = problem
        self.raw = raw
        self.truncated = truncated


_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.S)


def _summarise(exc) -> str:
    """One compact line per pydantic error (at most 6)."""
    try:
        errors = exc.errors()
    except Exception:
        return str(exc).splitlines()[0]
    parts = []
    for e in errors[:6]:
        loc = ".".join(str(p) for p in e.get("loc", ())) or "(root)"
        parts.append(f"{loc}: {e.get('msg')}")
    more = f" (+{len(errors) - 6} more)" if len(errors) > 6 else ""
    return "; ".join(parts) + more


def reply_data(name: str, method: str, message) -> tuple[dict, str]:
    """The JSON object a reply carries (tool-call arguments or message content) and its raw text.

    Raises :class:`_Invalid` for an empty reply, invalid JSON, a missing tool call or a non-object.
    """
    if method == "function_calling":
        calls = getattr(message, "tool_calls", None) or []
        if not calls:
            bad = getattr(message, "invalid_tool_calls", None) or []
            if bad:
                raw = str(bad[0].get("args") or "")
                raise _Invalid(f"the tool call arguments are not valid JSON ({bad[0].get('error') or 'parse error'})", raw)
            raise _Invalid(f"no {name} tool call in the reply", str(message.content or ""))
        data = calls[0].get("args") or {}
        raw = json.dumps(data, ensure_ascii=False)
    else:
        raw = message.content if isinstance(message.content, str) else json.dumps(message.content)
        text = raw.strip()
        m = _FENCE.match(text)
        if m:
            text = m.group(1)
        if not text:
            raise _Invalid("the reply was empty", raw)
        try:
            # strict=False: grammar-constrained servers (llama.cpp) can emit raw newlines/tabs in strings
            data = json.loads(text, strict=False)
        except json.JSONDecodeError as exc:
            finish = (getattr(message, "response_metadata", None) or {}).get("finish_reason")
            raise _Invalid(f"the reply is not valid JSON ({exc.msg} at char {exc.pos})", raw, finish == "length") from None
    if not isinstance(data, dict):
        raise _Invalid(f"the reply must be a JSON object, got {type(data).__name__}", raw)
    return data, raw


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


def _short(text: Any, limit: int = 160) -> str:
    line = redact(" ".join(str(text).split()))
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _unsupported(exc: Exception, method: str) -> bool:
    """Does this HTTP error say the server does not support the structured-output mode?"""
    import openai

    if not isinstance(exc, openai.APIStatusError) or exc.status_code not in (400, 404, 415, 422, 500, 501):
        return False
    text = str(getattr(exc, "message", "") or exc).lower() + " " + json.dumps(getattr(exc, "body", None) or "").lower()
    if method == "function_calling":
        return "tool" in text or "function" in text
    return "response_format" in text or "json_schema" in text or "json_object" in text


class Malformed(Exception):
    """A reply that is not a chat completion at all (HTML page, empty body, ``choices: []``, a JSON array...)."""

    def __init__(self, cause: BaseException, seen: str):
        super().__init__(f"{seen} ({type(cause).__name__}: {_short(cause, 80)})")
        self.cause = cause
        self.seen = seen


def _closed_early(exc: BaseException) -> bool:
    """A connection error whose cause chain says the connection was made and then dropped."""
    seen = 0
    while exc is not None and seen < 6:
        name = type(exc).__name__
        if name in ("RemoteProtocolError", "ReadError", "WriteError") or "reset by peer" in str(exc).lower():
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def provider_error(exc: Exception, settings: "Settings", attempts: int | None = None) -> Exception:
    """Map an openai/httpx error to a one-line ProviderError (or ConfigError) naming the provider."""
    import openai

    from .wire import DeadlineExceeded

    who = settings.provider
    tries = f"after {attempts or settings.max_retries + 1} attempt(s)"
    fallback = "or rerun with --fallback offline"
    if isinstance(exc, (openai.APITimeoutError, DeadlineExceeded)):
        return ProviderError(
            f"{who} did not answer within {settings.timeout:g}s ({tries})",
            hint=f"check the server, raise DRAFTER_TIMEOUT, {fallback}",
        )
    if isinstance(exc, Malformed):
        return ProviderError(
            f"{who} sent a reply that is not a chat completion ({tries}): {exc.seen}",
            hint=f"check --base-url (it should be the server's OpenAI-compatible /v1) and any proxy, {fallback}",
        )
    if isinstance(exc, openai.APIConnectionError):
        if _closed_early(exc):
            return ProviderError(
                f"{who} closed the connection before a complete reply ({tries})",
                hint=f"check the server log, {fallback}",
            )
        return ProviderError(
            f"cannot connect to {who} ({tries})",
            hint=f"is the server running? check --base-url / OPENAI_BASE_URL, {fallback}",
        )
    if isinstance(exc, openai.AuthenticationError):
        return ConfigError(f"{who} rejected the API key (HTTP 401)", hint="check OPENAI_API_KEY")
    if isinstance(exc, openai.PermissionDeniedError):
        return ConfigError(f"{who} refused access (HTTP 403): {_short(exc.message)}", hint="check the key's permissions")
    if isinstance(exc, openai.NotFoundError):
        return ConfigError(
            f"{who} does not know model {settings.resolved_model!r} or the URL path (HTTP 404)",
            hint="check --model / DRAFTER_MODEL and --base-url (usually ends in /v1)",
        )
    if isinstance(exc, openai.RateLimitError):
        return ProviderError(f"{who} is rate limiting requests (HTTP 429, {tries})", hint=f"wait and retry, {fallback}")
    if isinstance(exc, openai.APIStatusError):
        return ProviderError(
            f"{who} failed with HTTP {exc.status_code} ({tries}): {_short(exc.message)}",
            hint=f"check the server log, {fallback}",
        )
    if isinstance(exc, openai.OpenAIError):
        return ProviderError(f"{who} call failed ({tries}): {_short(exc)}", hint=fallback)
    return exc  # not about the exchange (no reply was seen): a bug or a test harness, raised as it is


def backoff(attempt: int, exc: Exception | None = None) -> float:
    """Seconds before retry ``attempt`` (1-based): 0.5, 1, 2, 4, 8; a server's Retry-After (<= 20 s) wins."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None) or {}
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        try:
            value = float(headers.get(name)) * scale
        except (TypeError, ValueError):
            continue
        if 0 <= value <= 20:
            return value
    return min(8.0, 0.5 * 2 ** (attempt - 1))


# --------------------------------------------------------------------------------------------
# The call loop
# --------------------------------------------------------------------------------------------


@dataclass
class _Run:
    """Book-keeping for one write()."""

    tokens_in: int = 0
    tokens_out: int = 0
    calls: int = 0
    http_s: float = 0.0
    started: float = field(default_factory=time.perf_counter)

    def add_usage(self, message) -> None:
        usage = getattr(message, "usage_metadata", None) or {}
        self.tokens_in += int(usage.get("input_tokens") or 0)
        self.tokens_out += int(usage.get("output_tokens") or 0)

    def add_completion_usage(self, completion) -> None:
        usage = getattr(completion, "usage", None)
        if usage is not None:
            self.tokens_in += int(getattr(usage, "prompt_tokens", 0) or 0)
            self.tokens_out += int(getattr(usage, "completion_tokens", 0) or 0)


class CallLoop:
    """The call/validate/retry/mode-fallback loop, written once for sync and async.

    Each HTTP attempt runs under one total deadline (``settings.timeout``: connect + headers +
    body). Timeouts, dropped connections, 408/409/429/5xx and replies that are not a chat
    completion are retried ``settings.max_retries`` times with backoff; output that does not
    validate is retried once with the problem in the prompt; a mode the server rejects moves on
    to the next mode. Whatever the server sends ends in an artefact, a :class:`ProviderError`,
    :class:`ValidationFailed` or :class:`ConfigError`: never another exception.
    """

    settings: "Settings"
    _method: str | None
    _llm: Any

    def _classify(self, exc: Exception, method: str) -> str:
        """'length' (truncated), 'unsupported' (try next mode), 'transient' (retry) or 'fatal'."""
        import openai

        from .wire import DeadlineExceeded

        if isinstance(exc, openai.LengthFinishReasonError):
            return "length"
        if _unsupported(exc, method):
            return "unsupported"
        if isinstance(exc, (DeadlineExceeded, Malformed, openai.APIConnectionError)):
            return "transient"
        if isinstance(exc, openai.APIStatusError):
            return "transient" if exc.status_code in (408, 409, 429) or exc.status_code >= 500 else "fatal"
        return "fatal"

    def _drive(self, kind: ArtefactKind, plan: Plan, notes: str, options: DraftOptions):
        """A generator: yields ``(method, messages, delay)`` for each attempt, is sent back
        ``(reply, exception)``, and returns ``(artefact, meta)``."""
        kind = ArtefactKind(kind)
        spec = self.spec(kind)
        run = _Run()
        base = self.messages(spec, kind, plan, notes, options)
        methods = self.methods()
        for i, method in enumerate(methods):
            messages = base
            invalid: _Invalid | None = None
            answers = 0  # replies that reached validation (at most 2: the answer and its retry)
            failures = 0  # transient failures in a row
            delay = 0.0
            while True:
                t0 = time.perf_counter()
                reply, error = yield method, messages, delay
                run.http_s += time.perf_counter() - t0
                delay = 0.0
                if error is not None:
                    verdict = self._classify(error, method)
                    if verdict == "unsupported" and i + 1 < len(methods):
                        log.info("%s rejected %s; trying %s", self.settings.provider, method, methods[i + 1])
                        break
                    if verdict == "transient" and failures < self.settings.max_retries:
                        failures += 1
                        delay = backoff(failures, error)
                        log.info("%s: %s; retry %d in %.1fs", self.settings.provider, _short(error, 120), failures, delay)
                        continue
                    if verdict != "length":
                        raise provider_error(error, self.settings, failures + 1) from None
                    run.add_completion_usage(getattr(error, "completion", None))
                    invalid = _Invalid("output cut off at the token limit", truncated=True)
                else:
                    run.add_usage(reply)
                    try:
                        artefact = self.parse(kind, method, reply)
                    except _Invalid as bad:
                        invalid = bad
                    else:
                        run.calls += 1
                        self._method = method
                        return self._finish(kind, artefact, spec, run, plan, notes, options)
                run.calls += 1
                answers += 1
                failures = 0
                if answers >= 2:
                    raise self._failed(kind, invalid, method)
                messages = self._retry_messages(base, invalid, kind)
        raise ProviderError(f"{self.settings.provider} supports none of: {', '.join(methods)}")

    def _drop_client(self) -> None:
        """After an abandoned call: close its connections and build a fresh client next time."""
        llm, self._llm = self._llm, None
        for name in ("http_client", "http_async_client"):
            client = getattr(llm, name, None)
            try:
                if client is not None and hasattr(client, "close"):
                    client.close()
            except Exception:  # closing is best effort; the worker thread may still hold it
                pass

    def _outcome(self, exc: BaseException, wire) -> tuple[None, BaseException]:
        from .wire import DeadlineExceeded

        if isinstance(exc, DeadlineExceeded):
            self._drop_client()
        elif not _is_api_error(exc) and wire.status is not None:
            exc = Malformed(exc, wire.describe())  # a reply came back, but not a chat completion
        return None, exc  # anything else (no reply seen, not the SDK's): raised as it is, never retried

    def write(self, kind: ArtefactKind, plan: Plan, notes: str, options: DraftOptions):
        from .wire import Wire, call

        driver = self._drive(kind, plan, notes, options)
        try:
            method, messages, delay = next(driver)
            while True:
                if delay:
                    time.sleep(delay)
                wire = Wire()
                bound = self._bound(kind, method)
                try:
                    outcome = (call(lambda: bound.invoke(messages), self.settings.timeout, wire), None)
                except Exception as exc:
                    outcome = self._outcome(exc, wire)
                method, messages, delay = driver.send(outcome)
        except StopIteration as done:
            return done.value

    async def awrite(self, kind: ArtefactKind, plan: Plan, notes: str, options: DraftOptions):
        import asyncio

        from .wire import Wire, acall

        driver = self._drive(kind, plan, notes, options)
        try:
            method, messages, delay = next(driver)
            while True:
                if delay:
                    await asyncio.sleep(delay)
                wire = Wire()
                bound = self._bound(kind, method)
                try:
                    outcome = (await acall(lambda: bound.ainvoke(messages), self.settings.timeout, wire), None)
                except Exception as exc:
                    outcome = self._outcome(exc, wire)
                method, messages, delay = driver.send(outcome)
        except StopIteration as done:
            return done.value


def _is_api_error(exc: BaseException) -> bool:
    """An error the SDK raised about the HTTP exchange (anything else from a call is a malformed reply)."""
    import openai

    from ..errors import DrafterError

    if isinstance(exc, openai.APIResponseValidationError):
        return False
    return isinstance(exc, (openai.OpenAIError, DrafterError))
