"""Judge tests replay cassettes recorded against the real local llama.cpp server (Gemma 3 270M).

Replay (default, ``--record-mode=none``) needs no server: requests go to a closed port and are
answered from ``cassettes/``. Re-record with ``--record-mode=rewrite`` and
``DRAFTER_JUDGE_TEST_URL=http://127.0.0.1:PORT/v1`` pointing at a running server
(``python -m llama_cpp.server --model <gguf> --chat_format gemma``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPLAY_URL = "http://127.0.0.1:9/v1"


@pytest.fixture(scope="module")
def vcr_config():
    return {
        "filter_headers": ["authorization", "api-key", "cookie", "set-cookie"],
        "match_on": ["method", "path", "llm_body"],
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
