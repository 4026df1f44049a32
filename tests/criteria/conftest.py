"""Judge tests replay cassettes recorded against the real local llama.cpp server (Gemma 3 270M).

Replay (default, ``--record-mode=none``) needs no server: requests go to a closed port and are
answered from ``cassettes/``. Re-record with ``--record-mode=rewrite`` and
``DRAFTER_JUDGE_TEST_URL=http://127.0.0.1:PORT/v1`` pointing at a running server
(``python -m llama_cpp.server --model <gguf> --chat_format gemma``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPLAY_URL = "http://127.0.0.1:9/v1"
BODY_KEYS = ("model", "messages", "response_format", "max_tokens", "max_completion_tokens")


def _body(request) -> dict:
    raw = request.body or b"{}"
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    try:
        data = json.loads(raw)
    except ValueError:
        return {"_raw": raw}
    return data if isinstance(data, dict) else {"_raw": data}


def judge_body_matcher(r1, r2) -> None:
    b1, b2 = _body(r1), _body(r2)
    for key in BODY_KEYS:
        if b1.get(key) != b2.get(key):
            raise AssertionError(f"request body differs in {key!r}")


def pytest_recording_configure(config, vcr):
    vcr.register_matcher("judge_body", judge_body_matcher)


@pytest.fixture(scope="module")
def vcr_config():
    return {
        "filter_headers": ["authorization", "api-key", "cookie", "set-cookie"],
        "match_on": ["method", "path", "judge_body"],
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir():
    return str(Path(__file__).parent / "cassettes")


@pytest.fixture
def judge_base_url(record_mode):
    if record_mode == "none":
        return REPLAY_URL
    url = os.environ.get("DRAFTER_JUDGE_TEST_URL")
    if not url:
        pytest.skip("set DRAFTER_JUDGE_TEST_URL to a running llama.cpp server to record")
    return url
