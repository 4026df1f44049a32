"""Command line: ``drafter update|options|delegate [FILE|-]`` plus check, eval, journal, due, schema.

The CLI only parses arguments, reads input and prints; all work goes through :class:`drafter.Drafter`.

The commands, their options and help are a typer app (:mod:`drafter.cli_app`, also ``drafter.cli.app``).
Building it (typer makes a pydantic adapter per option) and importing typer took more of a short
``drafter update`` than the draft itself, so :func:`main` first reads a plain invocation of a draft
command itself (:func:`plain_draft_args`: known options with valid values, each at most once) and
runs :func:`drafter.cli_draft.run_draft`, the function the typer command calls; anything else (help,
an unknown or repeated option, a bad value, the other commands) goes to the typer app as before.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from .errors import DrafterError, ExitCode

_DRAFT_COMMANDS = ("update", "options", "delegate")
# option -> (parameter of run_draft, value kind): an enum name, "str", "int" or a flag's value
_VALUE_OPTIONS = {
    "--as-of": ("as_of", "str"),
    "--audience": ("audience", "Aud"), "-a": ("audience", "Aud"),
    "--format": ("fmt", "Fmt"), "-f": ("fmt", "Fmt"),
    "--max-words": ("max_words", "int"),
    "--engine": ("engine", "EngineChoice"), "-e": ("engine", "EngineChoice"),
    "--model": ("model", "str"), "-m": ("model", "str"),
    "--base-url": ("base_url", "str"),
    "--prompt": ("prompt", "str"),
    "--prompts-dir": ("prompts_dir", "str"),
    "--fallback": ("fallback", "FallbackChoice"),
    "--reader": ("reader", "ReaderChoice"),
}  # fmt: skip
_FLAGS = {"--strict": ("strict", True), "--dry-run": ("dry_run", True), "--quiet": ("quiet", True), "-q": ("quiet", True)}
_ONLY = {"--to": ("delegate", ("delegate_to", "str")), "--record": ("update", ("record", True)),
         "--no-record": ("update", ("record", False))}
MAX_WORDS = (10, 100_000)  # the --max-words range the typer option declares


def plain_draft_args(argv: list[str]) -> tuple[str, dict] | None:
    """``(command, run_draft keyword arguments)`` for a plain ``update|options|delegate`` command
    line, or None for anything the typer app must read (help, ``--``, a short option with its
    value attached, an unknown, repeated or misplaced option, a value that is empty, starts with
    '-' or is not one of the option's choices, a second file). What it accepts, the typer app
    reads the same way: the same values for the same parameters."""
    from . import cli_draft

    if not argv or argv[0] not in _DRAFT_COMMANDS:
        return None
    kind = argv[0]
    kw: dict = {}
    file = None
    args = list(argv[1:])
    while args:
        arg = args.pop(0)
        if arg == "-" or not arg.startswith("-"):
            if file is not None or not arg:
                return None  # a second file: typer's usage error
            file = arg
            continue
        name, value = (arg.split("=", 1) + [None])[:2] if arg.startswith("--") else (arg, None)
        spec = _VALUE_OPTIONS.get(name)
        if spec is None and name in _ONLY and _ONLY[name][0] == kind:
            spec = _ONLY[name][1]
        if spec is None and name in _FLAGS:
            spec = _FLAGS[name]
        if spec is None:
            return None
        param, how = spec
        if param in kw:
            return None  # repeated (typer keeps the last one; and --record with --no-record)
        if isinstance(how, bool):  # a flag: no value
            if value is not None:
                return None
            kw[param] = how
            continue
        if value is None:
            if not args:
                return None
            value = args.pop(0)
        if not value or value.startswith("-"):
            return None
        if how == "int":
            if not (value.isascii() and value.isdigit()) or not MAX_WORDS[0] <= int(value) <= MAX_WORDS[1]:
                return None
            kw[param] = int(value)
        elif how == "str":
            kw[param] = value
        else:
            choices = getattr(cli_draft, how)
            if value not in choices._value2member_map_:
                return None
            kw[param] = choices(value)
    defaults = dict(as_of=None, audience=None, fmt=cli_draft.Fmt.markdown, max_words=None, engine=None, model=None,
                    base_url=None, prompt=None, prompts_dir=None, fallback=None, strict=False, dry_run=False,
                    quiet=False, reader=None)  # what the typer commands pass when an option is not given
    defaults.update({"update": {"record": None}, "delegate": {"delegate_to": None}}.get(kind, {}))
    return kind, {"file": file, **defaults, **kw}


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
    from .cli_draft import err

    try:
        plain = plain_draft_args(sys.argv[1:])
    except KeyboardInterrupt:
        err("drafter: interrupted")
        sys.exit(ExitCode.INTERRUPTED)
    if plain is None:
        return _typer_main()
    kind, kw = plain
    try:
        from .cli_draft import run_draft

        run_draft(kind, kw.pop("file"), **kw)  # catches its own failures: SystemExit with the code
        sys.exit(0)
    except (KeyboardInterrupt, Exception) as exc:
        _exit_for(exc)


def _exit_for(exc: BaseException) -> NoReturn:
    """One stderr line and the documented exit code for a failure nothing earlier handled: Ctrl-C,
    a drafter error, or (last resort, never a traceback unless DRAFTER_DEBUG is set) anything else.
    Called from inside the ``except`` block, so a bare ``raise`` re-raises the failure itself."""
    from .cli_draft import err

    if isinstance(exc, KeyboardInterrupt):
        err("drafter: interrupted")
        sys.exit(ExitCode.INTERRUPTED)
    if isinstance(exc, BrokenPipeError):  # stdout's reader went away: nothing to say
        from .cli_draft import quiet_stdout

        quiet_stdout()
        sys.exit(ExitCode.PIPE_CLOSED)
    if isinstance(exc, DrafterError):
        err(f"drafter: error: {exc}")
        sys.exit(exc.exit_code)
    if os.environ.get("DRAFTER_DEBUG"):
        raise
    err(f"drafter: internal error: {type(exc).__name__}: {exc} (rerun with DRAFTER_DEBUG=1 and report it)")
    sys.exit(1)


def _typer_main() -> None:
    from .cli_app import _app_for, _click_errors
    from .cli_draft import err

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
    except (KeyboardInterrupt, Exception) as exc:
        _exit_for(exc)


def __getattr__(name: str):
    """``drafter.cli.app`` and the other names this module held before the split, on first use."""
    if name.startswith("__"):  # the import system's questions (``__path__``, ...): no typer for those
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import cli_app, cli_draft

    for module in (cli_app, cli_draft):
        if hasattr(module, name):
            return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if __name__ == "__main__":
    main()
