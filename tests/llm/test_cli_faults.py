"""The CLI against a misbehaving server (real subprocesses): malformed replies and endless streams end
in exit 4 (or the offline draft with --fallback offline) with the piped notes saved; a server or
proxy that echoes the ``Authorization`` header never gets the key onto stderr, stdout, the eval
store, the HTML report or the JUnit XML."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from . import faults as f
from .plans import NOTES, good_update

AS_OF = "2026-11-25"
KEY = "sk-test-EchoedKey-0123456789abcdef"  # looks like an OpenAI key
PLAIN_KEY = "plainsecret-0b7c9e2a41"  # does not look like one: only the configured-key redaction can catch it


def drafter(*args: str, stdin: str | None = NOTES, env: dict | None = None, timeout: float = 120):
    full_env = {**os.environ, "DRAFTER_MAX_RETRIES": "0", "DRAFTER_TIMEOUT": "1", "DRAFTER_READER": "offline"}
    full_env.pop("OPENAI_API_KEY", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "drafter.cli", *args],
        input=stdin, capture_output=True, text=True, env=full_env, timeout=timeout,
    )


@pytest.fixture
def server():
    with f.FaultServer() as s:
        yield s


def saved_notes(proc) -> str:
    m = re.search(r"your notes are saved in (\S+)", proc.stderr)
    assert m, proc.stderr
    return Path(m.group(1)).read_text(encoding="utf-8")


MALFORMED = {
    "truncated json": f.raw_reply(200, b'{"id": "x", "choices": [{"mess'),
    "html page": f.raw_reply(200, b"<html><body>Sign in</body></html>", "text/html"),
    "empty body": f.raw_reply(200, b""),
    "choices: []": f.body_of({"choices": []}),
    "json array": f.json_reply(200, [1, 2]),
    "slow endless stream": f.trickle(),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_reply_exit_4_one_line_notes_saved(name, server, tmp_path):
    server.reply(MALFORMED[name])
    start = time.monotonic()
    proc = drafter("update", "-", "--base-url", server.url, "--as-of", AS_OF, env={"DRAFTER_HOME": str(tmp_path)})
    assert time.monotonic() - start < 30
    assert proc.returncode == 4, proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("drafter: error:")]
    assert len(errors) == 1 and server.url in errors[0], proc.stderr
    assert saved_notes(proc) == NOTES


@pytest.mark.parametrize("name", ["html page", "choices: []", "slow endless stream"])
def test_malformed_reply_with_fallback_writes_the_offline_draft(name, server, tmp_path):
    server.reply(MALFORMED[name])
    proc = drafter(
        "update", "-", "--base-url", server.url, "--as-of", AS_OF, "--fallback", "offline",
        env={"DRAFTER_HOME": str(tmp_path)},
    )
    assert proc.returncode == 0, proc.stderr
    assert "wrote the offline draft instead" in proc.stderr
    offline = drafter("update", "-", "--engine", "offline", "--as-of", AS_OF, env={"DRAFTER_HOME": str(tmp_path)})
    assert offline.returncode == 0, offline.stderr
    assert proc.stdout == offline.stdout and proc.stdout.startswith("Off track:")  # the real offline draft


ECHOES = {
    "500 echoing the header": f.echo_auth(500),
    "403 echoing the header": f.echo_auth(403),
    "html page echoing the header": lambda h, req: f.send(
        h, 200, f"<html>you sent {h.headers.get('authorization')}</html>".encode(), "text/html"
    ),
    "answer text echoing the header": f.echo_auth_in_content,
}


@pytest.mark.parametrize(
    "name,key", [(name, KEY if i % 2 == 0 else PLAIN_KEY) for i, name in enumerate(ECHOES)] + [("403 echoing the header", KEY)]
)
def test_echoed_key_is_never_printed(name, key, server, tmp_path):
    server.reply(ECHOES[name])
    for fallback in ("none", "offline"):
        proc = drafter(
            "update", "-", "--base-url", server.url, "--as-of", AS_OF, "--fallback", fallback,
            env={"OPENAI_API_KEY": key, "DRAFTER_HOME": str(tmp_path), "DRAFTER_DEBUG": ""},
        )
        assert server.headers and server.headers[-1]["authorization"] == f"Bearer {key}", proc.stderr  # it got (and echoed) the key
        assert key not in proc.stderr and key not in proc.stdout, (name, fallback, proc.stderr)
        assert proc.returncode in (0, 3, 4, 5), proc.stderr
        assert "Traceback" not in proc.stderr
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert key.encode() not in path.read_bytes(), path


def test_echoed_key_never_reaches_the_eval_store_or_reports(server, tmp_path):
    # the answer text echoes the key (a draft the store keeps), errors echo it too
    body = good_update().model_dump_json()
    server.reply(
        lambda h, req: f.send(h, 500, json.dumps({"error": {"message": f"got {h.headers.get('authorization')}"}}).encode()),
        lambda h, req: f.send(
            h, 200, json.dumps(f.completion(body.replace("Q3 docs", f"Q3 docs {h.headers.get('authorization')}", 1))).encode()
        ),
    )
    runs = tmp_path / "runs"
    html, junit = tmp_path / "report.html", tmp_path / "junit.xml"
    proc = drafter(
        "eval", "run", "evals/cases", "--engine", "llm", "--base-url", server.url, "--case", "all-shipped",
        "--artefact", "update", "--repeat", "2", "-j", "1", "--runs-dir", str(runs), "--html", str(html),
        "--junit", str(junit), "--quiet",
        stdin=None, env={"OPENAI_API_KEY": KEY, "DRAFTER_HOME": str(tmp_path)},
    )
    assert any(h.get("authorization") == f"Bearer {KEY}" for h in server.headers)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert html.exists() and junit.exists(), proc.stderr
    assert KEY not in proc.stdout + proc.stderr
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.suffix == ".sqlite" for p in files)
    for path in files:  # run store, its -wal, the draft cache, both reports
        assert KEY.encode() not in path.read_bytes(), path
    assert "[redacted]" in html.read_text(encoding="utf-8") + junit.read_text(encoding="utf-8") or "[redacted]" in (
        b"".join(p.read_bytes() for p in runs.rglob("*") if p.is_file()).decode("utf-8", "replace")
    )
