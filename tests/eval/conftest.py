"""Fixtures for the eval-harness tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_support import CRASH, SMALL, Counter, counting_engine


@pytest.fixture
def counter() -> Counter:
    return Counter()


@pytest.fixture
def factory(counter):
    """drafter_factory for run_suite: a Drafter whose engine is the counting offline engine."""

    def make():
        from drafter import Drafter

        d = Drafter(engine="offline")
        d._engine = counting_engine(counter)
        return d

    return make


@pytest.fixture
def small_suite(tmp_path) -> Path:
    d = tmp_path / "suite"
    d.mkdir()
    (d / "small.yaml").write_text(SMALL, encoding="utf-8")
    return d


@pytest.fixture
def crash_suite(small_suite) -> Path:
    (small_suite / "crash.yaml").write_text(CRASH, encoding="utf-8")
    return small_suite


@pytest.fixture
def runs(tmp_path) -> Path:
    return tmp_path / "runs"
