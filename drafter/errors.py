"""Error types with the CLI exit code each maps to. Messages are one line that says what to do next."""

from __future__ import annotations


class ExitCode:
    OK = 0
    CHECKS_FAILED = 1  # `drafter check` / `eval run --fail-under`: the drafts did not meet the bar
    USAGE = 2  # bad input or bad command line
    CONFIG = 3  # configuration missing or wrong (model, base URL, prompt file, config file)
    PROVIDER = 4  # the LLM server failed: timeout, rate limit, 5xx, connection refused
    VALIDATION = 5  # model output did not validate, or --strict grounding found unsupported facts
    STORAGE = 6  # journal or eval store unreadable, corrupt or from a newer version
    INTERRUPTED = 130


class DrafterError(Exception):
    """Base class: ``str(err)`` is the one line shown to the user."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None):
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
