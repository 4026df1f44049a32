"""The typer app of the command line: every command, its options and help.

Built only when the fast path of :mod:`drafter.cli` does not take the command (help, the
sub-apps, anything unusual on the command line). The draft commands call
:func:`drafter.cli_draft.run_draft`.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .cli_draft import Aud, EngineChoice, FallbackChoice, Fmt, ReaderChoice, err, run_draft
from .errors import DrafterError, InputError

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


def fail(exc: DrafterError) -> "typer.Exit":
    err(f"drafter: error: {exc}")
    return typer.Exit(exc.exit_code)


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
