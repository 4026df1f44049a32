"""Drafts through the LLM engine, replayed from cassettes recorded against a real llama.cpp server.

Record again (starts the real server; a few minutes on 2 cores):
    .venv/bin/pytest tests/llm/test_cassettes.py --record-mode=rewrite -p no:cacheprovider -k recorded
CI replays with ``--record-mode=none --block-network``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.engines.llm import LLMEngine
from drafter.models import ARTEFACT_MODELS, ArtefactKind, DraftOptions

from .plans import AS_OF, NOTES, sample_plan
from .support import MODEL_NAME

CASSETTES = Path(__file__).parent / "cassettes"
KINDS = ["update", "options", "delegate"]
MAX_TOKENS = 1536  # bounds generation (about 25 tokens/s on 2 cores); delegate needs ~1000


def engine_for(url: str) -> LLMEngine:
    settings = Settings(base_url=url, model=MODEL_NAME, timeout=1700, max_retries=0, max_tokens=MAX_TOKENS, temperature=0)
    return LLMEngine(settings)


def check(kind: str, artefact, meta) -> None:
    assert isinstance(artefact, ARTEFACT_MODELS[ArtefactKind(kind)])
    assert artefact.kind == kind and artefact.as_of == AS_OF
    assert meta.engine == "llm" and meta.model == MODEL_NAME and meta.prompt_name == kind
    assert meta.llm_calls >= 1 and meta.tokens_in > 100 and meta.tokens_out > 10
    if kind == "update":
        assert artefact.overall.severity >= sample_plan().overall.severity  # the plan wins


@pytest.mark.vcr
@pytest.mark.timeout(1800)  # recording generates up to MAX_TOKENS at ~5-25 tokens/s; replay takes a second
@pytest.mark.parametrize("kind", KINDS)
def test_recorded_draft_sync(kind, cassette_base_url):
    artefact, meta = engine_for(cassette_base_url).write(
        ArtefactKind(kind), sample_plan(), NOTES, DraftOptions(delegate_to="Priya")
    )
    check(kind, artefact, meta)


@pytest.mark.vcr
@pytest.mark.timeout(1800)
@pytest.mark.parametrize("kind", KINDS)
async def test_recorded_draft_async(kind, cassette_base_url):
    artefact, meta = await engine_for(cassette_base_url).awrite(
        ArtefactKind(kind), sample_plan(), NOTES, DraftOptions(delegate_to="Priya")
    )
    check(kind, artefact, meta)


KEY_LIKE = re.compile(
    r"sk-[A-Za-z0-9_\-]{6,}|bearer\s+[A-Za-z0-9._\-]{6,}|\"?authorization\"?\s*:|api[-_]key\s*:",
    re.I,
)


def key_like_strings(text: str) -> list[str]:
    return KEY_LIKE.findall(text)


def test_key_scanner_finds_keys():
    assert key_like_strings("Authorization: Bearer sk-abc123def456")
    assert key_like_strings("headers:\n  authorization:\n  - Bearer abcdefgh")
    assert not key_like_strings("notes about the skeleton key and a bearer bond")


def test_no_cassette_holds_a_key():
    files = sorted(CASSETTES.glob("**/*.yaml"))
    assert len(files) >= 2 * len(KINDS), f"expected recorded cassettes in {CASSETTES}"
    for path in files:
        found = key_like_strings(path.read_text(encoding="utf-8"))
        assert not found, f"{path.name} holds key-like text {found[:3]}"


def test_body_matcher_compares_model_messages_and_schema_only(body_matcher):
    import json as _json

    from vcr.request import Request

    llm_body_matcher = body_matcher

    def req(**body):
        base = {"model": "m", "messages": [{"role": "user", "content": "a"}], "response_format": {"type": "json_object"}}
        return Request("POST", "http://127.0.0.1:1/v1/chat/completions", _json.dumps({**base, **body}), {})

    llm_body_matcher(req(), req(temperature=0.3, stream=False))  # unrelated fields: still a match
    for different in (
        req(messages=[{"role": "user", "content": "b"}]),
        req(model="other"),
        req(response_format={"type": "json_object", "schema": {"type": "object"}}),
        req(tools=[{"type": "function"}]),
    ):
        with pytest.raises(AssertionError):
            llm_body_matcher(req(), different)
