"""Every way a server can misbehave ends in a draft, a retry, exit 3/4/5 or the offline fallback.

Real HTTP to a scripted server on 127.0.0.1 (``faults.FaultServer``) through the library entry
point, each behaviour with and without ``fallback="offline"``. Before this suite, five malformed
200 replies ended in a raw ``JSONDecodeError``/``AttributeError``/``IndexError`` and three
endless slow streams never returned (each read was bounded, not the call).
"""

from __future__ import annotations

import json
import time

import pytest

from drafter import Drafter
from drafter.config import Settings
from drafter.errors import ConfigError, DrafterError, ProviderError, ValidationFailed

from . import faults as f
from .plans import AS_OF, NOTES, good_update
from .support import MODEL_NAME, completion

TIMEOUT = 0.6
RETRIES = 1

GOOD = f.ok(good_update().model_dump_json())
NOT_JSON = f.ok("Here is your update: everything is fine.")
SCHEMA_BAD = f.ok(json.dumps({"kind": "update", "headline": "x"}))
CUT_OFF = f.json_reply(200, completion('{"kind": "update", "sub', finish_reason="length"))


def endless_fast(h, req):
    h.send_response(200)
    h.send_header("content-type", "application/json")
    h.send_header("transfer-encoding", "chunked")
    h.end_headers()
    block = b" " * 65536
    stop = time.monotonic() + 30
    try:
        h.wfile.write(b"%x\r\n{\"id\": \"x\"\r\n" % len(b'{"id": "x"'))
        while time.monotonic() < stop and not h.server.stopping.is_set():
            h.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
    except OSError:
        pass


#: name -> (script, expected): expected is "ok" or the exit code of the error raised.
BEHAVIOURS = {
    "ok": ([GOOD], "ok"),
    "429 always": ([f.error(429, "slow down")], 4),
    "429 then ok": ([f.error(429, "slow down"), GOOD], "ok"),
    "500 always": ([f.error(500, "kaboom")], 4),
    "503 always": ([f.error(503, "overloaded")], 4),
    "502 html page": ([f.raw_reply(502, b"<html><h1>502 Bad Gateway</h1></html>", "text/html")], 4),
    "500 then ok": ([f.error(500, "kaboom"), GOOD], "ok"),
    "400 bad request": ([f.error(400, "context length exceeded")], 4),
    "401": ([f.error(401, "invalid api key")], 3),
    "404": ([f.error(404, "no such model")], 3),
    "hang": ([f.hang(20)], 4),
    "slow endless json stream": ([f.trickle()], 4),
    "slow endless event stream": ([f.trickle("text/event-stream", b"data: {}\n\n", head=b"data: {}\n\n")], 4),
    "slow endless headers": ([f.slow_headers()], 4),
    "endless fast stream": ([endless_fast], 4),
    "connection refused": (None, 4),
    "connection reset": ([f.reset], 4),
    "closed without a reply": ([f.close_silently], 4),
    "body shorter than content-length": ([f.short_body], 4),
    "truncated json body": ([f.raw_reply(200, b'{"id": "x", "choices": [{"mess')], 4),
    "truncated json body then ok": ([f.raw_reply(200, b'{"id": "x", "choices": [{"mess'), GOOD], "ok"),
    "html page": ([f.raw_reply(200, b"<html><body>Sign in to the proxy</body></html>", "text/html")], 4),
    "empty body": ([f.raw_reply(200, b"")], 4),
    "choices: []": ([f.body_of({"choices": []})], 4),
    "json array": ([f.json_reply(200, [1, 2, 3])], 4),
    "json null": ([f.json_reply(200, None)], 4),
    "message null": ([f.body_of({"choices": [{"index": 0, "message": None, "finish_reason": "stop"}]})], 4),
    "prose instead of json": ([NOT_JSON], 5),
    "schema violations": ([SCHEMA_BAD], 5),
    "schema violation then ok": ([SCHEMA_BAD, GOOD], "ok"),
    "cut off at the token limit": ([CUT_OFF], 5),
}

#: no behaviour may take longer than every attempt's deadline plus backoff and slack
BOUND = (RETRIES + 1) * (TIMEOUT + 1.0) + 1.0 + 3.0


def run(url: str, fallback: str):
    settings = Settings(
        base_url=url, model=MODEL_NAME, timeout=TIMEOUT, max_retries=RETRIES, fallback=fallback, reader="offline"
    )  # the offline reader: these faults are the writer's (the LLM reader shares the same call loop)
    return Drafter(settings=settings).update(NOTES, as_of=AS_OF)


@pytest.fixture
def server():
    with f.FaultServer() as s:
        yield s


@pytest.mark.parametrize("fallback", ["none", "offline"])
@pytest.mark.parametrize("name", list(BEHAVIOURS))
def test_fault_ends_in_a_documented_outcome(name, fallback, server, closed_port_url):
    script, expected = BEHAVIOURS[name]
    url = closed_port_url if script is None else server.url
    if script:
        server.reply(*script)
    start = time.monotonic()
    try:
        draft = run(url, fallback)
        error = None
    except DrafterError as exc:  # anything else fails the test as a crash
        draft, error = None, exc
    elapsed = time.monotonic() - start
    assert elapsed < BOUND, f"{name} took {elapsed:.1f}s"
    if expected == "ok":
        assert error is None, error
        assert draft.meta.engine == "llm" and draft.meta.fallback_reason is None
        return
    if expected == 3 or fallback == "none":
        assert error is not None, f"{name}: expected exit {expected}, got a draft"
        assert error.exit_code == expected, f"{name}: {error}"
        assert isinstance(error, {3: ConfigError, 4: ProviderError, 5: ValidationFailed}[expected])
        text = str(error)
        assert "\n" not in text and len(text) < 400
        if expected in (3, 4):
            assert url in text  # names the provider actually configured
        return
    assert error is None, f"{name} with --fallback offline: {error}"
    assert draft.meta.engine == "offline" and draft.meta.fallback_reason
    if expected == 4:
        assert url in draft.meta.fallback_reason
    assert draft.artefact.items  # a real offline draft of the notes


def test_malformed_replies_say_what_came_back(server):
    server.reply(f.raw_reply(200, b"<html><body>Sign in to the proxy</body></html>", "text/html"))
    with pytest.raises(ProviderError) as info:
        run(server.url, "none")
    msg = str(info.value)
    assert "not a chat completion" in msg and "text/html" in msg and "Sign in to the proxy" in msg
    assert len(server.requests) == RETRIES + 1  # retried like any transient failure


def test_slow_stream_is_bounded_by_the_total_deadline_not_each_read(server):
    server.reply(f.trickle(every=0.05))
    start = time.monotonic()
    with pytest.raises(ProviderError) as info:
        run(server.url, "none")
    elapsed = time.monotonic() - start
    assert f"did not answer within {TIMEOUT:g}s" in str(info.value)
    # two attempts of TIMEOUT each plus 0.5 s backoff; each read alone would never time out
    assert 2 * TIMEOUT + 0.5 <= elapsed < 2 * TIMEOUT + 3, elapsed


async def test_async_slow_stream_and_malformed_reply_are_bounded(server):
    server.reply(f.trickle(every=0.05), f.body_of({"choices": []}))
    settings = Settings(base_url=server.url, model=MODEL_NAME, timeout=TIMEOUT, max_retries=RETRIES, reader="offline")
    start = time.monotonic()
    with pytest.raises(ProviderError) as info:
        await Drafter(settings=settings).aupdate(NOTES, as_of=AS_OF)
    assert time.monotonic() - start < BOUND
    assert "not a chat completion" in str(info.value)  # the last attempt's reply
    assert len(server.requests) == 2


READER_FAULTS = ["html page", "empty body", "choices: []", "json array", "slow endless json stream", "connection reset"]


@pytest.mark.parametrize("fallback", ["none", "offline"])
@pytest.mark.parametrize("name", READER_FAULTS)
def test_llm_reader_faults_end_the_same_way(name, fallback, server):
    """The LLM reader (on by default with a model configured) rides the same call loop."""
    script, expected = BEHAVIOURS[name]
    server.reply(*script)
    settings = Settings(base_url=server.url, model=MODEL_NAME, timeout=TIMEOUT, max_retries=RETRIES, fallback=fallback)
    assert settings.resolved_reader == "llm"
    start = time.monotonic()
    try:
        draft, error = Drafter(settings=settings).update(NOTES, as_of=AS_OF), None
    except DrafterError as exc:
        draft, error = None, exc
    assert time.monotonic() - start < 2 * BOUND  # the reader's calls, then the writer's
    if fallback == "none":
        assert isinstance(error, ProviderError) and server.url in str(error), error
    else:
        assert error is None, error
        assert draft.meta.engine == "offline" and draft.artefact.items


def test_the_judge_is_bounded_by_a_total_deadline_and_records_the_failure(server, tmp_path):
    """A server that trickles a byte every 50 ms never trips a per-read timeout; the judge's total
    deadline (timeout x attempts) ends the question, recorded as an error (unscored), not a hang."""
    from drafter.criteria import CRITERIA
    from drafter.criteria.context import CheckContext
    from drafter.criteria.judge import Judge, is_unscored

    server.reply(f.trickle(every=0.05))
    settings = Settings(base_url=server.url, model=MODEL_NAME, timeout=TIMEOUT, max_retries=RETRIES)
    judge = Judge(settings, cache_path=tmp_path / "judge.sqlite")
    ctx = CheckContext(kind="update", text="On track: the board pack.", notes=NOTES, as_of=AS_OF)
    start = time.monotonic()
    answer = judge.ask(CRITERIA["U1.j"], ctx)
    elapsed = time.monotonic() - start
    assert "error" in answer and "timeout" in answer["error"].lower(), answer
    assert elapsed < judge.deadline + 1.5, elapsed
    assert is_unscored(judge.judge(CRITERIA["U1.j"], ctx))
