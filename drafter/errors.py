"""Error types with the CLI exit code each maps to. Messages are one line that says what to do next."""

from __future__ import annotations

import os
import re


class ExitCode:
    OK = 0
    CHECKS_FAILED = 1  # `drafter check` / `eval run --fail-under`: the drafts did not meet the bar
    USAGE = 2  # bad input or bad command line
    CONFIG = 3  # configuration missing or wrong (model, base URL, prompt file, config file)
    PROVIDER = 4  # the LLM server failed: timeout, rate limit, 5xx, connection refused
    VALIDATION = 5  # model output did not validate, or --strict grounding found unsupported facts
    STORAGE = 6  # journal or eval store unreadable, corrupt or from a newer version
    INTERRUPTED = 130
    PIPE_CLOSED = 141  # the reader of stdout went away (`drafter update notes | head`): 128 + SIGPIPE, as a shell reports it


# --------------------------------------------------------------------------------------------
# Secrets: one redaction used by every error text, log line, store write, report and cassette
# --------------------------------------------------------------------------------------------

_SECRETS: set[str] = set()  # keys configured in this process (only ever added to)
#: key-like strings: OpenAI-style ``sk-...`` keys and whatever follows "Bearer"
_KEYLIKE = re.compile(r"\b(?:sk|rk|pk)-[A-Za-z0-9_\-]{12,}|(?i:bearer)\s+[A-Za-z0-9._~+/=\-]{6,}")
REDACTED = "[redacted]"


def register_secret(value: str | None) -> None:
    """Remember a configured key so :func:`redact` removes it wherever it shows up."""
    if value and len(value.strip()) >= 6:
        _SECRETS.add(value.strip())


def redact(text):
    """``text`` with configured keys, ``OPENAI_API_KEY`` and key-like strings replaced by ``[redacted]``.

    Bytes are redacted as UTF-8 (for cassette bodies); other non-strings pass through unchanged,
    so callers can redact optional fields.
    """
    if isinstance(text, bytes):
        return redact(text.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")
    if not isinstance(text, str) or not text:
        return text
    secrets = set(_SECRETS)
    env = os.environ.get("OPENAI_API_KEY", "").strip()
    if len(env) >= 6:
        secrets.add(env)
    for secret in sorted(secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, REDACTED)
    return _KEYLIKE.sub(lambda m: "Bearer " + REDACTED if m.group(0)[:1] in "bB" else REDACTED, text)


class DrafterError(Exception):
    """Base class: ``str(err)`` is the one line shown to the user."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None):
        message, hint = redact(message), redact(hint)
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(DrafterError):
    """The notes (or another input file) cannot be used as given."""

    exit_code = ExitCode.USAGE


class ConfigError(DrafterError):
    exit_code = ExitCode.CONFIG


class ProviderError(DrafterError):
    """The configured LLM provider failed after retries."""

    exit_code = ExitCode.PROVIDER


class ValidationFailed(DrafterError):
    """The model's output did not validate against the artefact model, even after a retry."""

    exit_code = ExitCode.VALIDATION


class StorageError(DrafterError):
    exit_code = ExitCode.STORAGE
