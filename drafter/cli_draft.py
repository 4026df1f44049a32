"""The body of ``drafter update|options|delegate``: read the notes, run :class:`drafter.Drafter`, print.

No typer here: the command line's fast path (:mod:`drafter.cli`) calls :func:`run_draft` for a
plain invocation without building the typer app (:mod:`drafter.cli_app`), which calls the same
function for every other one. Failures end in ``SystemExit`` with the documented exit code,
after one ``drafter: error:`` line (piped notes saved first).
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

from .errors import DrafterError, ExitCode, InputError


class Fmt(str, Enum):
    markdown = "markdown"
    text = "text"
    slack = "slack"
    email = "email"
    json = "json"


class Aud(str, Enum):
    boss = "boss"
    team = "team"
    client = "client"


class EngineChoice(str, Enum):
    auto = "auto"
    offline = "offline"
    llm = "llm"


class ReaderChoice(str, Enum):
    auto = "auto"
    offline = "offline"
    llm = "llm"


class FallbackChoice(str, Enum):
    none = "none"
    offline = "offline"


def err(message: str) -> None:
    """One line on stderr (keys redacted, whatever a server echoed)."""
    from .errors import redact

    print(redact(message), file=sys.stderr)


def out(text: str) -> None:
    """The draft on stdout; a full disk or closed pipe is a storage error, not a traceback."""
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        from .errors import StorageError

        try:  # what is still buffered goes nowhere, so the interpreter's exit adds no second error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        raise StorageError(f"cannot write the draft to stdout: {exc.strerror or exc}") from None


def read_input(file: Optional[str], command: str) -> tuple[str, str]:
    """Return ``(notes, source)`` from FILE, ``-`` or piped stdin; never hang on a terminal."""
    from .inputs import decode_notes, max_input_bytes, read_notes_file

    if file and file != "-":
        return read_notes_file(file), file
    if sys.stdin is None or sys.stdin.isatty():
        raise InputError(
            "no notes given",
            hint=f"pass a file (drafter {command} notes.txt) or pipe notes in (cat notes.txt | drafter {command})",
        )
    limit = max_input_bytes()
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(
            f"stdin holds more than the limit of {limit:,} bytes",
            hint="split the notes, or raise DRAFTER_MAX_INPUT_BYTES; nothing was truncated",
        )
    return decode_notes(data, "stdin"), "stdin"


def save_recovery(notes: str, source: str) -> Path | None:
    """Keep stdin notes safe when drafting fails, so nothing typed or piped is lost.

    Returns the file, or None when the notes came from a file (they are safe there already).
    Raises OSError (with the folder named) when they cannot be saved.
    """
    if source != "stdin":
        return None  # the notes are in the user's file already
    import time

    from .config import data_dir

    folder = data_dir() / "recovered"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"notes-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # notes can be private
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(notes)
        return path
    except OSError as exc:
        raise OSError(exc.errno, f"{folder}: {exc.strerror or exc}") from None


def recovery_note(notes: str, source: str) -> str:
    """The tail of the one error line: where the piped notes were saved, or why they could not be."""
    if not notes or source != "stdin":
        return ""
    try:
        saved = save_recovery(notes, source)
    except OSError as exc:
        return f"; your notes could NOT be saved ({exc.strerror}): copy them before closing this terminal"
    return f"; your notes are saved in {saved}" if saved else ""


def run_draft(
    kind: str,
    file: Optional[str],
    *,
    as_of: Optional[str],
    audience: Optional[Aud],
    fmt: Fmt,
    max_words: Optional[int],
    engine: Optional[EngineChoice],
    model: Optional[str],
    base_url: Optional[str],
    prompt: Optional[str],
    prompts_dir: Optional[str],
    fallback: Optional[FallbackChoice],
    strict: bool,
    dry_run: bool,
    record: Optional[bool] = None,
    delegate_to: Optional[str] = None,
    quiet: bool = False,
    reader: Optional[ReaderChoice] = None,
) -> None:
    """Shared body of update/options/delegate."""
    notes, source = "", ""
    try:
        notes, source = read_input(file, kind)
        from .api import Drafter, to_date

        from .inputs import check_max_words, check_person

        as_of_date = to_date(as_of)
        delegate_to = check_person(delegate_to, "--to")
        check_max_words(max_words)
        drafter = Drafter(
            engine=engine.value if engine else None,
            model=model,
            base_url=base_url,
            audience=audience.value if audience else None,
            fallback=fallback.value if fallback else None,
            prompts_dir=prompts_dir,
            prompt=prompt,
            reader=reader.value if reader else None,
        )
        settings = drafter.settings
        do_record = record if record is not None else settings.record
        if kind == "update" and do_record:
            from .journal import open_journal

            drafter.journal = open_journal(settings.journal_path)
        kw = dict(
            as_of=as_of_date,
            audience=audience.value if audience else None,
            max_words=max_words,
            delegate_to=delegate_to,
        )
        if dry_run:
            import json

            print(json.dumps(drafter.dry_run(kind, notes, **kw), indent=2, default=str))
            return
        offline = settings.resolved_engine == "offline"
        if not offline and not settings.llm_configured:
            from .errors import ConfigError

            raise ConfigError(
                "the LLM engine needs OPENAI_API_KEY (OpenAI) or a base URL (local server)",
                hint="set OPENAI_API_KEY, pass --base-url, or use --engine offline",
            )
        waiting = not quiet and not offline and sys.stderr.isatty()
        if waiting:  # a model call can take a while: a transient line on a terminal, erased after
            sys.stderr.write(_engine_line(settings) + " ...")
            sys.stderr.flush()
        try:
            draft = drafter.draft(kind, notes, **kw)
        finally:
            if waiting:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()
        meta = draft.meta
        if meta.fallback_reason and not quiet:
            err(f"drafter: LLM failed ({meta.fallback_reason}); wrote the offline draft instead")
        for warning in meta.warnings:
            err(f"drafter: warning: {warning}")
        for warning in draft.plan.log.warnings:  # e.g. ambiguous journal matches to confirm
            err(f"drafter: warning: {warning}")
        if strict and meta.warnings:
            from .errors import ValidationFailed

            raise ValidationFailed(
                f"{len(meta.warnings)} fact(s) in the draft are not in the notes (--strict)"
            )
        from .errors import redact

        if fmt == Fmt.json:
            out(redact(draft.model_dump_json(indent=2, exclude={"plan"})))
        else:
            from .render import render_fitted, word_cap, word_count

            text, omitted = render_fitted(draft.artefact, fmt.value, draft.options)
            out(redact(text))
            if omitted and not quiet:  # said here, never in the draft the receiver gets
                full = render_fitted(draft.artefact, fmt.value, draft.options.model_copy(update={"max_words": 10**6}))[0]
                cap = word_cap(draft.artefact, fmt, draft.options)
                err(f"drafter: {omitted} more detail(s) left out to fit {cap} words; "
                    f"--max-words {word_count(full) + 10} shows everything")
        stated = draft.plan.log.written_on
        if not quiet and as_of is None and stated and (as_of_date - stated.on).days > 14:
            from .dates import format_date

            err(f"drafter: the notes are dated {format_date(stated.on, as_of_date)} (line {stated.lines[0]}); their "
                f"relative dates are read from that day and the draft is as of today, "
                f"{format_date(as_of_date)}: pass --as-of {stated.on.isoformat()} to draft as of the notes' day")
        if not quiet:  # after the draft is out, for either engine: a failure stays one line
            err(_engine_line(settings))
        if not quiet and meta.llm_calls:
            err(
                f"drafter: {meta.model}: {meta.tokens_in} tokens in, {meta.tokens_out} out, "
                f"{(meta.latency_ms or 0) / 1000:.1f}s, {meta.llm_calls} call(s)"
            )
        if kind == "update" and drafter.journal is not None:
            rid = drafter.journal.record(draft)
            if not quiet:
                err(f"drafter: recorded in journal as update #{rid}")
    except DrafterError as exc:
        err(f"drafter: error: {exc}{recovery_note(notes, source)}")
        raise SystemExit(exc.exit_code)
    except KeyboardInterrupt:  # typer would turn it into an exit before anything is saved
        err(f"drafter: interrupted{recovery_note(notes, source)}")
        raise SystemExit(ExitCode.INTERRUPTED)
    except BrokenPipeError:  # `drafter update notes | head`: the reader has what it wanted; no error line
        quiet_stdout()
        raise SystemExit(ExitCode.PIPE_CLOSED)
    except Exception as exc:
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        err(
            f"drafter: internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:300]} "
            f"(rerun with DRAFTER_DEBUG=1 and report it){recovery_note(notes, source)}"
        )
        raise SystemExit(1)


def _engine_line(settings) -> str:
    reads = "; reader: llm" if settings.resolved_reader == "llm" else ""
    if settings.resolved_engine == "offline":
        why = "--engine offline" if settings.engine == "offline" else "no OPENAI_API_KEY or OPENAI_BASE_URL set"
        return f"drafter: engine: offline (deterministic; {why}){reads}"
    return f"drafter: engine: llm ({settings.resolved_model} via {settings.provider}){reads}"


def quiet_stdout() -> None:
    """Point stdout at /dev/null so that Python's flush at exit does not fail again on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
