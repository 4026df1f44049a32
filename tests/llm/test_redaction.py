"""One redaction (``drafter.errors.redact``) for every error text, log line, store write, report
and cassette: the configured key, ``OPENAI_API_KEY`` and key-like strings never get out."""

from __future__ import annotations

import json
import logging
import sqlite3

import pytest

from drafter import Drafter
from drafter.config import Settings
from drafter.errors import REDACTED, ProviderError, redact
from drafter.eval.store import DraftCache, RunStore, StoredCheck, StoredUnit

from . import faults as f
from .conftest import redact_response
from .plans import AS_OF, NOTES
from .support import MODEL_NAME

KEY = "sk-proj-Redact-Me-0123456789abcdefABCDEF"
ODD_KEY = "corp_token_7f3a9b2c1d"  # not key-like: only the configured-key rule finds it


def test_redact_covers_configured_env_and_key_like_strings(monkeypatch):
    Settings(api_key=ODD_KEY)  # configuring a key registers it
    monkeypatch.setenv("OPENAI_API_KEY", "envkey-44556677")
    text = f"a {ODD_KEY} b envkey-44556677 c {KEY} d Authorization: Bearer abc.def-123456 e"
    out = redact(text)
    for secret in (ODD_KEY, "envkey-44556677", KEY, "abc.def-123456"):
        assert secret not in out
    assert out.count(REDACTED) == 4
    assert redact(text.encode()) == out.encode()  # cassette bodies are bytes
    assert redact(None) is None and redact("no secrets here") == "no secrets here"


def test_every_drafter_error_is_redacted():
    err = ProviderError(f"server said: bad key {KEY}", hint=f"Bearer {KEY}")
    assert KEY not in str(err) and KEY not in err.message and KEY not in (err.hint or "")


def test_engine_log_lines_are_redacted(caplog):
    with f.FaultServer() as server:
        server.reply(f.echo_auth(500), f.echo_auth(500))
        settings = Settings(base_url=server.url, model=MODEL_NAME, api_key=KEY, timeout=2, max_retries=1, reader="offline")
        with caplog.at_level(logging.INFO, logger="drafter.llm"), pytest.raises(ProviderError) as info:
            Drafter(settings=settings).update(NOTES, as_of=AS_OF)
    assert server.headers[0]["authorization"] == f"Bearer {KEY}"
    assert KEY not in str(info.value)
    assert caplog.records, "the retry was not logged"
    assert all(KEY not in r.getMessage() for r in caplog.records)


def test_store_writes_are_redacted(tmp_path):
    Settings(api_key=KEY)
    with RunStore(tmp_path / "r.sqlite") as store:
        store.set_meta("base_url_setting", f"http://x/?key={KEY}")
        store.save_unit(StoredUnit(
            case_id="c", artefact="update", rep=0, status="error", text=f"draft {KEY}",
            artefact_json=json.dumps({"h": KEY}), meta={"w": KEY}, error=f"HTTP 500: {KEY}",
            checks=[StoredCheck("U1", "det", False, evidence=KEY, detail=KEY)],
        ))
    cache = DraftCache(tmp_path / "cache.sqlite")
    cache.put("k", "update", json.dumps({"h": KEY}), {"w": KEY})
    cache.close()
    for name in ("r.sqlite", "cache.sqlite"):
        con = sqlite3.connect(tmp_path / name)
        dump = "\n".join(con.iterdump())
        con.close()
        assert KEY not in dump and REDACTED in dump


def test_cassette_responses_are_redacted_before_recording():
    response = {
        "body": {"string": json.dumps({"error": {"message": f"echo: Bearer {KEY}"}}).encode()},
        "headers": {"x-echo-auth": [f"Bearer {KEY}"]},
    }
    out = redact_response(response)
    assert KEY.encode() not in out["body"]["string"] and KEY not in out["headers"]["x-echo-auth"][0]
