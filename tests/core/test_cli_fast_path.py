"""The command line's fast path (drafter.cli.plain_draft_args) reads what the typer app reads.

For a plain ``update|options|delegate`` command line, :func:`drafter.cli.main` calls
``run_draft`` itself instead of building the typer app. Every command line it takes must give
``run_draft`` exactly the arguments the typer command gives it; everything else must go to typer.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from drafter import cli, cli_app

ROOT = Path(__file__).resolve().parents[2]

VALUES = {
    "--as-of": ["2026-11-25", "tomorrow"],
    "--audience": ["boss", "team", "Boss", "nobody"],
    "-a": ["client"],
    "--format": ["markdown", "slack", "json", "html"],
    "-f": ["text", "email"],
    "--max-words": ["10", "150", "100000", "9", "100001", "1_000", " 150", "abc"],
    "--engine": ["offline", "auto", "llm", "x"],
    "-e": ["offline"],
    "--model": ["gpt-4o-mini", "-x"],
    "-m": ["m"],
    "--base-url": ["http://127.0.0.1:1/v1"],
    "--prompt": ["p.md"],
    "--prompts-dir": ["prompts"],
    "--fallback": ["offline", "none", "yes"],
    "--reader": ["llm", "offline", "auto", "both"],
    "--to": ["Priya", "Raj Patel"],
}
FLAGS = ["--strict", "--dry-run", "--quiet", "-q", "--record", "--no-record", "-h", "--help", "--bogus", "--"]


def _typer_call(argv: list[str], monkeypatch) -> dict | tuple:
    """What the typer app passes to run_draft for ``argv`` (or the kind of failure)."""
    got: dict = {}

    def capture(kind, file, **kw):
        got.update(kind=kind, file=file, **kw)

    monkeypatch.setattr(cli_app, "run_draft", capture)
    try:
        cli_app._app_for(argv)(argv, standalone_mode=False, prog_name="drafter")
    except BaseException as exc:  # noqa: BLE001 - a usage error, help (SystemExit) ...
        return ("failed", type(exc).__name__)
    return got


def _command_lines() -> list[list[str]]:
    lines = []
    for cmd in ("update", "options", "delegate"):
        for file in ([], ["notes.txt"], ["-"], ["a.txt", "b.txt"]):
            lines.append([cmd, *file])
            for opt, values in VALUES.items():
                for v in values:
                    lines.append([cmd, *file, opt, v])
                    if opt.startswith("--"):
                        lines.append([cmd, f"{opt}={v}", *file])
            for flag in FLAGS:
                lines.append([cmd, *file, flag])
                lines.append([cmd, flag, *file, "--as-of", "2026-11-25"])
        # two options together, in both orders, and repeated ones
        opts = [("--as-of", "2026-11-25"), ("-f", "slack"), ("--max-words", "80"), ("-e", "offline"),
                ("--to", "Priya"), ("--record",), ("--no-record",), ("-q",), ("--format", "json")]
        for a, b in itertools.permutations(opts, 2):
            lines.append([cmd, "notes.txt", *a, *b])
        lines.append([cmd, "notes.txt", "--as-of", "2026-11-25", "--as-of", "2026-11-26"])
        lines.append([cmd, "notes.txt", "--as-of"])  # no value
        lines.append([cmd, "notes.txt", "--strict=1"])
        lines.append([cmd, "notes.txt", "-qf", "slack"])
        lines.append([cmd, "notes.txt", "-fslack"])
        lines.append([cmd, ""])
    lines += [[], ["schema"], ["version"], ["check", "x.md"], ["--help"], ["due"], ["Update", "notes.txt"]]
    return lines


def test_every_plain_command_line_reads_as_typer_reads_it(monkeypatch):
    taken = 0
    for argv in _command_lines():
        plain = cli.plain_draft_args(argv)
        if plain is None:
            continue
        taken += 1
        kind, kw = plain
        assert _typer_call(argv, monkeypatch) == {"kind": kind, **kw}, argv
    assert taken > 300  # the fast path does take the plain command lines


@pytest.mark.parametrize("argv", [
    ["update", "--help"], ["update", "notes.txt", "--bogus"], ["update", "a.txt", "b.txt"],
    ["options", "--record"], ["update", "--to", "Priya"], ["update", "--format", "html"],
    ["update", "--max-words", "9"], ["update", "-f", "slack", "--format", "json"], ["schema"], [],
])
def test_what_the_fast_path_leaves_to_typer(argv):
    assert cli.plain_draft_args(argv) is None


def test_a_plain_update_does_not_import_typer(tmp_path):
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('typer loaded:', 'typer' in sys.modules, file=sys.stderr))\n"
        "sys.argv = ['drafter', 'update', 'examples/acme-board-docs.txt', '--as-of', '2026-11-25']\n"
        "from drafter.cli import main\n"
        "main()\n"
    )
    env = {**os.environ, "DRAFTER_HOME": str(tmp_path), "DRAFTER_CONFIG": str(tmp_path / "c.toml")}
    for k in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        env.pop(k, None)
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert "typer loaded: False" in p.stderr and "Off track" in p.stdout
