"""The README's sample session is what the CLI prints today: the block under "What it does" is run
and compared line by line (stdout, then stderr), so the first thing a new user reads cannot go stale."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

from typer.testing import CliRunner

from drafter.cli import app

ROOT = Path(__file__).resolve().parents[2]


def _sample() -> tuple[list[str], list[str]]:
    """(argv of the `$ drafter ...` line, the lines shown after it up to the block's end)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"^\$ (drafter update [^\n]+)\n(.*?)^```", text, re.M | re.S)
    assert m, "README has no `$ drafter update ...` sample"
    return shlex.split(m.group(1))[1:], m.group(2).rstrip("\n").splitlines()


def test_readme_sample_is_what_the_cli_prints(monkeypatch):
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "DRAFTER_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(ROOT)
    argv, shown = _sample()
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.stderr
    printed = result.stdout.rstrip("\n").splitlines() + result.stderr.rstrip("\n").splitlines()
    assert printed == shown

