"""The CLI with the LLM engine against a scripted local server: exit codes, one clear line, no traceback,
notes saved on failure, --fallback offline, --dry-run. Each run is a real subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from drafter.models import ARTEFACT_MODELS, ArtefactKind

from .plans import NOTES, good_update
from .support import completion

AS_OF = "2026-11-25"


def drafter(*args: str, stdin: str | None = NOTES, env: dict | None = None, timeout: float = 120):
    # these are writer tests: the offline reader reads (the LLM reader: test_reader_and_plan_block.py)
    full_env = {**os.environ, "DRAFTER_MAX_RETRIES": "0", "DRAFTER_TIMEOUT": "20", "DRAFTER_READER": "offline", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "drafter.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
    )


def assert_clean_failure(proc, code: int, *needles: str) -> str:
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    errors = [line for line in proc.stderr.splitlines() if line.startswith("drafter: error:")]
    assert len(errors) == 1, proc.stderr
    for needle in needles:
        assert needle in errors[0], errors[0]
    return errors[0]


def assert_notes_saved(proc) -> None:
    m = re.search(r"your notes are saved in (\S+)", proc.stderr)
    assert m, proc.stderr
    with open(m.group(1), encoding="utf-8") as fh:
        assert fh.read() == NOTES


def test_server_error_exit_4_names_provider_and_saves_notes(fake_server):
    fake_server.reply((500, {"error": {"message": "kaboom"}}))
    proc = drafter("update", "-", "--base-url", fake_server.url, "--as-of", AS_OF)
    assert_clean_failure(proc, 4, fake_server.url, "HTTP 500")
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr  # one line: the error names the server
    assert_notes_saved(proc)


def test_connection_refused_exit_4(closed_port_url):
    proc = drafter("options", "-", "--base-url", closed_port_url, "--as-of", AS_OF)
    assert_clean_failure(proc, 4, "cannot connect", closed_port_url)
    assert_notes_saved(proc)


def test_timeout_exit_4(fake_server):
    fake_server.reply(("hang", 10))
    proc = drafter("update", "-", "--base-url", fake_server.url, "--as-of", AS_OF, env={"DRAFTER_TIMEOUT": "1"})
    assert_clean_failure(proc, 4, "did not answer within 1s")


def test_schema_violation_exit_5(fake_server):
    fake_server.reply((200, completion(json.dumps({"kind": "update", "headline": "x"}))))
    proc = drafter("update", "-", "--base-url", fake_server.url, "--as-of", AS_OF)
    assert_clean_failure(proc, 5, "did not match StatusUpdate")
    assert len(fake_server.requests) == 2
    assert_notes_saved(proc)


def test_truncated_output_exit_5(fake_server):
    fake_server.reply((200, completion('{"kind": "update", "sub', finish_reason="length")))
    proc = drafter("update", "-", "--base-url", fake_server.url, "--as-of", AS_OF)
    assert_clean_failure(proc, 5, "cut off")


def test_429_then_success_drafts(fake_server):
    fake_server.reply((429, {"error": {"message": "slow down"}}), (200, completion(good_update().model_dump_json())))
    proc = drafter(
        "update", "-", "--base-url", fake_server.url, "--as-of", AS_OF, "--format", "json",
        env={"DRAFTER_MAX_RETRIES": "1"},
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["meta"]["engine"] == "llm" and out["meta"]["llm_calls"] == 1
    ARTEFACT_MODELS[ArtefactKind.UPDATE].model_validate(out["artefact"])
    assert "engine: llm" in proc.stderr and len(fake_server.requests) == 2


@pytest.mark.parametrize("kind", ["update", "options", "delegate"])
def test_fallback_offline_writes_the_offline_draft(fake_server, kind):
    fake_server.reply((500, {"error": {"message": "kaboom"}}))
    proc = drafter(
        kind, "-", "--base-url", fake_server.url, "--as-of", AS_OF, "--fallback", "offline", "--format", "json",
        "--to", "Priya",
    ) if kind == "delegate" else drafter(
        kind, "-", "--base-url", fake_server.url, "--as-of", AS_OF, "--fallback", "offline", "--format", "json"
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    out = json.loads(proc.stdout)
    assert out["meta"]["engine"] == "offline"
    assert "HTTP 500" in out["meta"]["fallback_reason"]
    ARTEFACT_MODELS[ArtefactKind(kind)].model_validate(out["artefact"])
    assert "wrote the offline draft instead" in proc.stderr


def test_dry_run_prints_the_request_without_the_key(fake_server):
    proc = drafter(
        "update", "-", "--base-url", fake_server.url, "--as-of", AS_OF, "--dry-run",
        env={"OPENAI_API_KEY": "sk-live-secret-abcdef0123456789"},
    )
    assert proc.returncode == 0, proc.stderr
    assert "sk-live-secret" not in proc.stdout + proc.stderr
    request = json.loads(proc.stdout)["request"]
    roles = [m["role"] for m in request["body"]["messages"]]
    assert roles == ["system", "user"] and "<notes>" in request["body"]["messages"][1]["content"]
    assert fake_server.requests == []  # nothing sent


def test_malformed_prompt_file_exit_3(tmp_path, fake_server):
    bad = tmp_path / "bad.md"
    bad.write_text("no front matter here\n", encoding="utf-8")
    proc = drafter("update", "-", "--base-url", fake_server.url, "--as-of", AS_OF, "--prompt", str(bad))
    assert_clean_failure(proc, 3, str(bad), "front matter")
