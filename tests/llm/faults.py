"""A scripted OpenAI-compatible server on 127.0.0.1 that misbehaves at the HTTP level.

Each POST gets the next scripted behaviour (the last one repeats). A behaviour is a function
``(handler, request_json) -> None`` that writes whatever it likes on the socket: any status and
body, no body, a body cut short, a body trickled forever, a reset connection, the request's
``Authorization`` header echoed back. :data:`BEHAVIOURS` names the faults the engine must survive.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .support import MODEL_NAME, completion


def send(handler, status: int, body: bytes, ctype: str = "application/json", length: int | None = None, headers=()):
    handler.send_response(status)
    handler.send_header("content-type", ctype)
    handler.send_header("content-length", str(len(body) if length is None else length))
    for k, v in headers:
        handler.send_header(k, v)
    handler.end_headers()
    handler.wfile.write(body)
    handler.wfile.flush()


def json_reply(status: int, payload, **kw):
    def act(h, req):
        send(h, status, json.dumps(payload).encode(), **kw)

    return act


def raw_reply(status: int, body: bytes, ctype: str = "application/json", **kw):
    def act(h, req):
        send(h, status, body, ctype, **kw)

    return act


def error(status: int, message: str, headers=()):
    return json_reply(status, {"error": {"message": message, "type": "server_error"}}, headers=headers)


def hang(seconds: float = 30):
    def act(h, req):
        stop = time.monotonic() + seconds
        while time.monotonic() < stop and not h.server.stopping.is_set():
            time.sleep(0.05)

    return act


def trickle(ctype: str = "application/json", chunk: bytes = b" ", every: float = 0.1, seconds: float = 60, head: bytes = b""):
    """Headers at once, then a byte every ``every`` seconds for ``seconds`` (chunked: never ends early)."""

    def act(h, req):
        h.send_response(200)
        h.send_header("content-type", ctype)
        h.send_header("transfer-encoding", "chunked")
        h.end_headers()
        stop = time.monotonic() + seconds
        try:
            if head:
                h.wfile.write(b"%x\r\n%s\r\n" % (len(head), head))
            while time.monotonic() < stop and not h.server.stopping.is_set():
                h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                h.wfile.flush()
                time.sleep(every)
        except OSError:
            pass

    return act


def slow_headers(every: float = 0.1, seconds: float = 60):
    """The status line, then one header byte at a time, forever."""

    def act(h, req):
        try:
            h.wfile.write(b"HTTP/1.1 200 OK\r\nx-slow: ")
            stop = time.monotonic() + seconds
            while time.monotonic() < stop and not h.server.stopping.is_set():
                h.wfile.write(b"a")
                h.wfile.flush()
                time.sleep(every)
        except OSError:
            pass

    return act


def reset(h, req):
    """RST instead of a reply."""
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.connection.close()
    h.close_connection = True


def close_silently(h, req):
    h.connection.shutdown(socket.SHUT_RDWR)
    h.close_connection = True


def short_body(h, req):
    """Content-Length promises more than is sent, then the connection closes."""
    body = json.dumps(completion('{"kind": "update"}')).encode()
    send(h, 200, body[:40], length=len(body))
    h.connection.shutdown(socket.SHUT_RDWR)
    h.close_connection = True


def echo_auth(status: int = 401):
    """A proxy that echoes the request's Authorization header in its error body and headers."""

    def act(h, req):
        auth = h.headers.get("authorization", "")
        body = {"error": {"message": f"bad credentials: {auth}", "type": "auth", "echo": dict(h.headers)}}
        send(h, status, json.dumps(body).encode(), headers=[("x-echo-auth", auth)])

    return act


def echo_auth_in_content(h, req):
    """A 200 whose answer text holds the Authorization header (a model or proxy echoing the request)."""
    auth = h.headers.get("authorization", "")
    send(h, 200, json.dumps(completion(f"not json, you sent {auth}")).encode())


def ok(content: str):
    return json_reply(200, completion(content))


def body_of(payload_changes: dict):
    base = completion('{"kind": "update"}')
    base.update(payload_changes)
    return json_reply(200, base)


class FaultServer:
    def __init__(self):
        self.script: deque = deque()
        self.last = error(500, "no scripted reply")
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                send(self, 200, json.dumps({"object": "list", "data": [{"id": MODEL_NAME}]}).encode())

            def do_POST(self):
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length)
                try:
                    req = json.loads(raw)
                except ValueError:
                    req = {"_raw": raw.decode("utf-8", "replace")}
                fake.requests.append(req)
                fake.headers.append({k.lower(): v for k, v in self.headers.items()})
                act = fake.script.popleft() if fake.script else fake.last
                fake.last = act
                try:
                    act(self, req)
                except OSError:
                    self.close_connection = True

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.stopping = threading.Event()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def reply(self, *acts) -> "FaultServer":
        self.script.extend(acts)
        return self

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
