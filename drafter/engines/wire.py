"""One HTTP attempt under a total deadline, and what the server actually sent back.

httpx bounds each socket read (``timeout``), not the whole reply: a server that trickles a byte
every 0.1 s never trips it. Every attempt here gets one deadline for connect + headers + body:

* the request's connect/read/write/pool timeouts are cut to the time left;
* the reply body is watched chunk by chunk, and a chunk after the deadline raises
  ``httpx.ReadTimeout`` (the OpenAI SDK turns it into ``APITimeoutError``);
* a sync call runs in a daemon worker thread and the caller stops waiting at the deadline (this
  also covers a server that trickles its headers); an async call runs under ``asyncio.wait_for``.

The status, content type and first bytes of each reply are kept in a :class:`Wire`, so a reply
that is not a chat completion can be described ("HTTP 200 text/html: '<html>...'").
httpx (or httpx2, whichever the OpenAI SDK uses) and openai are imported inside functions only.
"""

from __future__ import annotations

import asyncio
import contextvars
import math
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

HEAD_BYTES = 300


class DeadlineExceeded(Exception):
    """An attempt took longer than its total deadline."""

    def __init__(self, seconds: float):
        super().__init__(f"no complete reply within {seconds:g}s")
        self.seconds = seconds


@dataclass
class Wire:
    """What one attempt saw on the wire."""

    deadline: float = math.inf
    status: int | None = None
    ctype: str = ""
    head: bytes = b""

    def describe(self) -> str:
        if self.status is None:
            return "no reply"
        text = self.head.decode("utf-8", "replace").strip()
        text = " ".join(text.split())[:80]
        kind = (self.ctype.split(";")[0].strip() or "no content type")
        body = repr(text) if text else "an empty body"
        return f"HTTP {self.status} {kind}: {body}"


def _httpx():
    """The HTTP library the installed OpenAI SDK uses (``httpx``, or ``httpx2`` in newer SDKs)."""
    import openai._base_client as base

    return getattr(base, "httpx2", None) or base.httpx


_CURRENT: contextvars.ContextVar[Wire | None] = contextvars.ContextVar("drafter_wire", default=None)


def _cut_timeouts(request) -> None:
    wire = _CURRENT.get()
    if wire is None or wire.deadline == math.inf:
        return
    httpx = _httpx()

    left = wire.deadline - time.monotonic()
    if left <= 0:
        raise httpx.ConnectTimeout("the call's deadline passed before it was sent", request=request)
    current = request.extensions.get("timeout") or {}
    request.extensions["timeout"] = {
        k: left if current.get(k) is None else min(current[k], left) for k in ("connect", "read", "write", "pool")
    }


_STREAMS: dict[str, type] = {}


def _stream_classes() -> dict[str, type]:
    """Sync and async reply-body wrappers that record the first bytes and stop at the deadline."""
    if _STREAMS:
        return _STREAMS
    httpx = _httpx()

    def see(self, chunk: bytes) -> None:
        wire = self.wire
        if len(wire.head) < HEAD_BYTES:
            wire.head += chunk[: HEAD_BYTES - len(wire.head)]
        if time.monotonic() > wire.deadline:
            raise httpx.ReadTimeout("the reply did not finish within the call's deadline", request=self.request)

    class Watched(httpx.SyncByteStream):
        def __init__(self, inner, wire: Wire, request):
            self.inner, self.wire, self.request = inner, wire, request

        _see = see

        def __iter__(self):
            for chunk in self.inner:
                self._see(chunk)
                yield chunk

        def close(self) -> None:
            self.inner.close()

    class AWatched(httpx.AsyncByteStream):
        def __init__(self, inner, wire: Wire, request):
            self.inner, self.wire, self.request = inner, wire, request

        _see = see

        async def __aiter__(self):
            async for chunk in self.inner:
                self._see(chunk)
                yield chunk

        async def aclose(self) -> None:
            await self.inner.aclose()

    _STREAMS.update(sync=Watched, async_=AWatched)
    return _STREAMS


def _watch(response, flavour: str = "sync") -> None:
    wire = _CURRENT.get()
    if wire is None:
        return
    wire.status = response.status_code
    wire.ctype = response.headers.get("content-type", "")
    wire.head = b""
    response.stream = _stream_classes()[flavour](response.stream, wire, response.request)


async def _acut_timeouts(request) -> None:
    _cut_timeouts(request)


async def _awatch(response) -> None:
    _watch(response, "async_")


def http_clients():
    """``(httpx.Client, httpx.AsyncClient)`` with the OpenAI SDK's defaults plus the deadline hooks."""
    import openai

    sync = openai.DefaultHttpxClient(event_hooks={"request": [_cut_timeouts], "response": [_watch]})
    async_ = openai.DefaultAsyncHttpxClient(event_hooks={"request": [_acut_timeouts], "response": [_awatch]})
    return sync, async_


def call(fn: Callable[[], Any], seconds: float, wire: Wire) -> Any:
    """Run ``fn()`` with ``wire`` current; raise :class:`DeadlineExceeded` after ``seconds``.

    The worker is a daemon thread so an abandoned call never holds up the interpreter's exit;
    Ctrl-C reaches the caller at once (it only waits on an event).
    """
    wire.deadline = time.monotonic() + seconds
    ctx = contextvars.copy_context()
    ctx.run(_CURRENT.set, wire)
    box: dict[str, Any] = {}
    done = threading.Event()

    def work():
        try:
            box["value"] = ctx.run(fn)
        except BaseException as exc:  # handed to the caller
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=work, name="drafter-llm-call", daemon=True).start()
    # a little grace past the deadline: the body watcher or the cut timeouts usually end it first
    if not done.wait(seconds + 0.5):
        raise DeadlineExceeded(seconds)
    if "error" in box:
        raise box["error"]
    return box["value"]


async def acall(make: Callable[[], Any], seconds: float, wire: Wire) -> Any:
    """Async :func:`call`: ``await make()`` under ``asyncio.wait_for``."""
    wire.deadline = time.monotonic() + seconds
    token = _CURRENT.set(wire)
    try:
        return await asyncio.wait_for(make(), seconds + 0.5)
    except asyncio.TimeoutError:
        raise DeadlineExceeded(seconds) from None
    finally:
        _CURRENT.reset(token)
