"""Command line: ``drafter update|options|delegate [FILE|-]`` plus check, eval, journal, due, schema.

The CLI only parses arguments, reads input and prints; all work goes through :class:`drafter.Drafter`.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import DrafterError, ExitCode, InputError

HELP = """Turn raw task notes into the messages an owner of the work would send.

\b
  drafter update notes.txt            proactive status update (bottom line first)
  cat notes.txt | drafter options     a problem brought with options and a recommendation
  drafter delegate notes.md --to Priya --format slack
\b
Runs offline with a deterministic engine unless OPENAI_API_KEY or OPENAI_BASE_URL is set
(any OpenAI-compatible server: Ollama, vLLM, llama.cpp, LM Studio). stderr says which engine ran.
Exit codes: 0 ok, 1 checks failed, 2 bad input/usage, 3 config, 4 provider, 5 validation, 6 storage.
"""

_APP_SETTINGS = dict(
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app = typer.Typer(**_APP_SETTINGS)


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


def fail(exc: DrafterError) -> "typer.Exit":
    err(f"drafter: error: {exc}")
    return typer.Exit(exc.exit_code)


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


FileArg = Annotated[
    Optional[str],
    typer.Argument(help="Notes file; '-' or nothing reads piped stdin.", show_default=False),
]
AsOfOpt = Annotated[
    Optional[str], typer.Option("--as-of", help="The 'today' of the notes, YYYY-MM-DD (default: today).")
]
AudOpt = Annotated[Optional[Aud], typer.Option("--audience", "-a", help="Who reads it (default boss).")]
FmtOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")]
MaxWordsOpt = Annotated[Optional[int], typer.Option("--max-words", min=10, max=100_000, help="Word cap for the draft.")]
EngineOpt = Annotated[
    Optional[EngineChoice], typer.Option("--engine", "-e", help="auto (default): LLM if configured, else offline.")
]
ModelOpt = Annotated[Optional[str], typer.Option("--model", "-m", help="LLM model name (DRAFTER_MODEL).")]
BaseUrlOpt = Annotated[
    Optional[str], typer.Option("--base-url", help="OpenAI-compatible server URL (OPENAI_BASE_URL).")
]
PromptOpt = Annotated[Optional[str], typer.Option("--prompt", help="Prompt file to use instead of the shipped one.")]
PromptsDirOpt = Annotated[Optional[str], typer.Option("--prompts-dir", help="Folder of prompt files.")]
FallbackOpt = Annotated[
    Optional[FallbackChoice], typer.Option("--fallback", help="'offline': use the offline draft if the LLM fails.")
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Fail (exit 5) on facts not found in the notes.")]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Print the exact request instead of sending it.")]
RecordOpt = Annotated[
    Optional[bool], typer.Option("--record/--no-record", help="Record the update's commitments in the journal.")
]
ToOpt = Annotated[Optional[str], typer.Option("--to", help="Who the work is delegated to.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No engine/usage lines on stderr.")]
ReaderOpt = Annotated[
    Optional[ReaderChoice],
    typer.Option("--reader", help="Who reads the notes: llm or offline (default: llm when a model is configured)."),
]


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
        raise typer.Exit(exc.exit_code)
    except KeyboardInterrupt:  # typer would turn it into an exit before anything is saved
        err(f"drafter: interrupted{recovery_note(notes, source)}")
        raise typer.Exit(ExitCode.INTERRUPTED)
    except Exception as exc:
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        err(
            f"drafter: internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:300]} "
            f"(rerun with DRAFTER_DEBUG=1 and report it){recovery_note(notes, source)}"
        )
        raise typer.Exit(1)


def _engine_line(settings) -> str:
    reads = "; reader: llm" if settings.resolved_reader == "llm" else ""
    if settings.resolved_engine == "offline":
        why = "--engine offline" if settings.engine == "offline" else "no OPENAI_API_KEY or OPENAI_BASE_URL set"
        return f"drafter: engine: offline (deterministic; {why}){reads}"
    return f"drafter: engine: llm ({settings.resolved_model} via {settings.provider}){reads}"


@app.command()
def update(
    file: FileArg = None,
    as_of: AsOfOpt = None,
    audience: AudOpt = None,
    fmt: FmtOpt = Fmt.markdown,
    max_words: MaxWordsOpt = None,
    engine: EngineOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    prompt: PromptOpt = None,
    prompts_dir: PromptsDirOpt = None,
    fallback: FallbackOpt = None,
    strict: StrictOpt = False,
    dry_run: DryRunOpt = False,
    record: RecordOpt = None,
    quiet: QuietOpt = False,
    reader: ReaderOpt = None,
):
    """Proactive status update: bottom line, per-item status, next steps with dates, fallbacks, risks, asks.

    \b
    Example:
      drafter update notes.txt --as-of 2026-11-25 --format slack
    """
    run_draft(
        "update", file, as_of=as_of, audience=audience, fmt=fmt, max_words=max_words, engine=engine,
        model=model, base_url=base_url, prompt=prompt, prompts_dir=prompts_dir, fallback=fallback,
        strict=strict, dry_run=dry_run, record=record, quiet=quiet, reader=reader,
    )


@app.command()
def options(
    file: FileArg = None,
    as_of: AsOfOpt = None,
    audience: AudOpt = None,
    fmt: FmtOpt = Fmt.markdown,
    max_words: MaxWordsOpt = None,
    engine: EngineOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    prompt: PromptOpt = None,
    prompts_dir: PromptsDirOpt = None,
    fallback: FallbackOpt = None,
    strict: StrictOpt = False,
    dry_run: DryRunOpt = False,
    quiet: QuietOpt = False,
    reader: ReaderOpt = None,
):
    """Options, not problems: the decision up front, 2-4 options with trade-offs, one recommendation, a default.

    \b
    Example:
      cat notes.txt | drafter options --as-of 2026-11-25
    """
    run_draft(
        "options", file, as_of=as_of, audience=audience, fmt=fmt, max_words=max_words, engine=engine,
        model=model, base_url=base_url, prompt=prompt, prompts_dir=prompts_dir, fallback=fallback,
        strict=strict, dry_run=dry_run, quiet=quiet, reader=reader,
    )


@app.command()
def delegate(
    file: FileArg = None,
    to: ToOpt = None,
    as_of: AsOfOpt = None,
    audience: AudOpt = None,
    fmt: FmtOpt = Fmt.markdown,
    max_words: MaxWordsOpt = None,
    engine: EngineOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    prompt: PromptOpt = None,
    prompts_dir: PromptsDirOpt = None,
    fallback: FallbackOpt = None,
    strict: StrictOpt = False,
    dry_run: DryRunOpt = False,
    quiet: QuietOpt = False,
    reader: ReaderOpt = None,
):
    """Delegation plan: one owner, done-when, deadline, check-ins, decision rights, escalation, runbook.

    \b
    Example:
      drafter delegate notes.md --to Priya --format slack
    """
    run_draft(
        "delegate", file, as_of=as_of, audience=audience, fmt=fmt, max_words=max_words, engine=engine,
        model=model, base_url=base_url, prompt=prompt, prompts_dir=prompts_dir, fallback=fallback,
        strict=strict, dry_run=dry_run, delegate_to=to, quiet=quiet, reader=reader,
    )


@app.command()
def schema(kind: Annotated[Optional[str], typer.Argument(help="update, options or delegate")] = None):
    """Print the JSON schema of the artefact models."""
    import json

    from .models import json_schemas

    schemas = json_schemas()
    if kind:
        if kind not in schemas:
            raise fail(InputError(f"unknown kind {kind!r}; choose update, options or delegate"))
        schemas = schemas[kind]
    print(json.dumps(schemas, indent=2))


@app.command()
def version():
    """Print the version."""
    from . import __version__

    print(f"drafter {__version__}")


def _register_subcommands() -> None:
    """Sub-apps live next to the code they drive; their modules import only light things."""
    from .criteria.cli import check
    from .eval.cli import eval_app
    from .journal.cli import due, journal_app

    app.command("check")(check)
    app.command("due")(due)
    app.add_typer(journal_app, name="journal")
    app.add_typer(eval_app, name="eval")


#: the commands defined in this module (update, options, delegate, schema, version)
_CORE_COMMANDS = tuple(app.registered_commands)
_register_subcommands()


def _app_for(argv: list[str]) -> typer.Typer:
    """``app``, or for one of this module's own commands the same app without the sub-apps: typer
    builds every registered command's parameters before it parses (~15 ms of a ~0.2 s update)."""
    core = {c.name or c.callback.__name__ for c in _CORE_COMMANDS}
    if argv and argv[0] in core:
        slim = typer.Typer(**_APP_SETTINGS)
        slim.registered_commands = list(_CORE_COMMANDS)
        return slim
    return app


def _click_errors():
    """Typer's (vendored) click exception classes, else click's."""
    try:
        from typer._click import exceptions as ce
    except ImportError:  # older typer: plain click
        import click.exceptions as ce
    from typer import exceptions as te

    exits = tuple({getattr(m, "Exit", None) for m in (te, ce)} - {None})
    aborts = tuple({getattr(m, "Abort", None) for m in (te, ce)} - {None})
    return exits, aborts, ce.UsageError, ce.ClickException, getattr(ce, "NoArgsIsHelpError", None)


def _fast_start() -> None:
    """Start-up savings of the command (not of ``import drafter``): regex programs from the
    cache of earlier runs (:mod:`drafter.regex_cache`), and no scan for third-party pydantic
    plugins, which the command never uses (building the models would otherwise read every
    installed package's entry points); a ``PYDANTIC_DISABLE_PLUGINS`` the user set is kept."""
    from . import regex_cache

    regex_cache.install()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def main() -> None:
    """Console-script entry point: no tracebacks for expected errors, distinct exit codes, and every
    failure in exactly one ``drafter: error:`` line (usage errors included).

    The process ends without the interpreter's teardown (freeing every object one by one took
    ~150 ms, more than the draft): output is flushed and exit handlers run (journal, regex cache,
    logging), then ``os._exit``."""
    try:
        _main()
        code = 0
    except SystemExit as exc:
        code = exc.code
    _exit_now(code)


def _exit_now(code) -> None:
    import atexit

    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message"): printed as Python would
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or a full disk: nothing more can be said there
            pass
    atexit._run_exitfuncs()
    os._exit(code)


def _main() -> None:
    _fast_start()
    exits, aborts, usage_error, click_exception, no_args = _click_errors()
    try:
        code = _app_for(sys.argv[1:])(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except exits as exc:
        sys.exit(exc.exit_code)
    except aborts:
        err("drafter: interrupted")
        sys.exit(ExitCode.INTERRUPTED)
    except usage_error as exc:
        if no_args is not None and isinstance(exc, no_args) and exc.ctx is not None:
            print(exc.ctx.get_help())  # `drafter` alone: the help, as before
            sys.exit(ExitCode.USAGE)
        where = f" (see: {exc.ctx.command_path} -h)" if getattr(exc, "ctx", None) is not None else ""
        err(f"drafter: error: {' '.join(exc.format_message().split())}{where}")
        sys.exit(ExitCode.USAGE)
    except click_exception as exc:
        err(f"drafter: error: {' '.join(exc.format_message().split())}")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err("drafter: interrupted")
        sys.exit(ExitCode.INTERRUPTED)
    except DrafterError as exc:
        err(f"drafter: error: {exc}")
        sys.exit(exc.exit_code)
    except Exception as exc:  # last resort: one line, not a traceback
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        err(f"drafter: internal error: {type(exc).__name__}: {exc} (rerun with DRAFTER_DEBUG=1 and report it)")
        sys.exit(1)


if __name__ == "__main__":
    main()
