"""Shared fixtures: every test runs with a clean, isolated environment.

No test sees the developer's API keys, base URLs, config file or data dir: LLM settings are
cleared (so ``engine=auto`` resolves to offline unless a test configures a server), and
DRAFTER_HOME / DRAFTER_CONFIG / DRAFTER_JOURNAL point into a per-test temporary folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
AS_OF = dt.date(2026, 11, 25)  # a Wednesday; the "today" of the shipped examples

_CLEARED = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_API_BASE",
    "OPENAI_ORG_ID",
    "OPENAI_PROJECT_ID",
    "DRAFTER_ENGINE",
    "DRAFTER_MODEL",
    "DRAFTER_AUDIENCE",
    "DRAFTER_PROMPTS_DIR",
    "DRAFTER_RECORD",
    "DRAFTER_FALLBACK",
    "DRAFTER_TIMEOUT",
    "DRAFTER_MAX_RETRIES",
    "DRAFTER_MAX_INPUT_BYTES",
    "DRAFTER_RUNS_DIR",
)


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch, tmp_path_factory):
    """Clear LLM/drafter settings and point drafter's files at a temporary home."""
    import os

    for var in list(os.environ):
        if var in _CLEARED or var.startswith("LANGSMITH_") or var.startswith("LANGCHAIN_"):
            monkeypatch.delenv(var, raising=False)
    home = tmp_path_factory.mktemp("drafter-home")
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    monkeypatch.setenv("DRAFTER_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("DRAFTER_JOURNAL", str(home / "journal.sqlite"))
    yield home


@pytest.fixture
def as_of() -> dt.date:
    return AS_OF


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES
