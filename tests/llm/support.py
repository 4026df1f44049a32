"""Test helpers for the LLM tests: a scripted OpenAI-compatible server and completion bodies."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODEL_NAME = "gemma-3-270m"  # the name drafter sends; llama.cpp serves its one model whatever the name


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --------------------------------------------------------------------------------------------
# A scripted fake server for failure tests
# --------------------------------------------------------------------------------------------


def completion(content: str | None = None, *, finish_reason: str = "stop", tool_args: str | None = None) -> dict:
    """A chat.completion body (optionally with a tool call)."""
    message: dict = {"role": "assistant", "content": content}
    if tool_args is not None:
        message["content"] = None
        message["tool_calls"] = [
            {"id": "call_1", "type": "function", "function": {"name": "StatusUpdate", "arguments": tool_args}}
        ]
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1,
        "model": MODEL_NAME,
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
    }


class FakeServer:
    """Answers each POST with the next scripted reply: ``(status, body_dict)`` or ``("hang", seconds)``.

    Once the script runs out, the last reply repeats. ``requests`` holds every JSON body received.
    """

    def __init__(self):
        self.script: deque = deque()
        self.last = (500, {"error": {"message": "no scripted reply"}})
        self.requests: list[dict] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                self._send(200, {"object": "list", "data": [{"id": MODEL_NAME, "object": "model"}]})

            def do_POST(self):
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                try:
                    fake.requests.append(json.loads(body))
                except ValueError:
                    fake.requests.append({"_raw": body.decode("utf-8", "replace")})
                reply = fake.script.popleft() if fake.script else fake.last
                fake.last = reply
                status, payload = reply
                if status == "hang":
                    time.sleep(payload)
                    return
                self._send(status, payload)

            def _send(self, status, payload):
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def reply(self, *replies) -> "FakeServer":
        self.script.extend(replies)
        return self

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
