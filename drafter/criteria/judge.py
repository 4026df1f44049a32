"""A model as judge: one yes/no question per criterion, answered with a quote from the draft.

The judge prompt lives in ``prompts/judge.md`` (loaded with :func:`drafter.prompts.load_prompt`);
the chat model comes from :func:`drafter.engines.llm.build_chat_model`. The answer is constrained
output: a JSON object ``{"answer": "yes"|"no", "quote": "<words copied from the draft>"}`` whose
schema goes to the server (OpenAI: ``json_schema`` strict; llama.cpp and other OpenAI-compatible
servers: ``json_object`` with the schema, which llama.cpp turns into a grammar).

A reply that cannot be parsed, whose answer is not yes/no, or whose quote is not in the draft is
**unscored** (``passed=None``, evidence ``"judge unscored"``), never a fail: a judge that cannot
show where the draft says it has not judged the draft. Reports count unscored answers beside the
scored ones (:func:`is_unscored`). Provider errors are "judge failed" (also ``passed=None``).
Answers are cached in SQLite keyed on the model, the judge prompt text, the criterion id, the
draft and the notes, so re-running is free.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from pathlib import Path

from .base import CheckResult, Criterion
from .context import CheckContext

ANSWER_SCHEMA = {
    "type": "object",
    "properties": {
        "answer": {"type": "string", "enum": ["yes", "no"]},
        "quote": {"type": "string", "maxLength": 200},
    },
    "required": ["answer", "quote"],
    "additionalProperties": False,
}
UNSCORED = "judge unscored"
FAILED = "judge failed"


def is_unscored(result) -> bool:
    """A judge result that holds no verdict: unparsable, not yes/no, a quote not in the draft, or a provider error."""
    ev = getattr(result, "evidence", None) if not isinstance(result, dict) else result.get("evidence")
    return (getattr(result, "kind", None) if not isinstance(result, dict) else result.get("kind")) == "judge" and \
        (getattr(result, "passed", None) if not isinstance(result, dict) else result.get("passed")) is None and \
        str(ev or "").startswith((UNSCORED, FAILED))


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[*_`#>•]", "", s)).strip().lower()


def evidence_in(evidence: str, draft: str) -> bool:
    """Is the quoted evidence really in the draft (whitespace and markup ignored)?"""
    ev = _norm(evidence).strip(" .\"'")
    return len(ev) >= 3 and ev in _norm(draft)


class _Cache:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        with self._db() as db:
            db.execute("CREATE TABLE IF NOT EXISTS judge (key TEXT PRIMARY KEY, answer TEXT NOT NULL)")

    def _db(self):
        return sqlite3.connect(self.path, timeout=30)

    def get(self, key: str) -> dict | None:
        with self._db() as db:
            row = db.execute("SELECT answer FROM judge WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, answer: dict) -> None:
        with self._db() as db:
            db.execute("INSERT OR REPLACE INTO judge (key, answer) VALUES (?, ?)", (key, json.dumps(answer)))


class Judge:
    """Ask a chat model one yes/no question per judge criterion (see module docstring).

    ``settings``: a :class:`drafter.config.Settings` with an LLM configured. ``prompt``: a prompt
    name or path (default the shipped ``judge``). ``cache_path``: SQLite file (default
    ``<data dir>/judge-cache.sqlite``); ``cache=False`` disables caching.
    """

    def __init__(self, settings=None, *, cache_path: str | Path | None = None, prompt: str = "judge",
                 prompts_dir: str | Path | None = None, cache: bool = True, max_tokens: int = 160):
        from ..config import data_dir, load_settings
        from ..prompts import load_prompt

        self.settings = settings or load_settings()
        self.spec = load_prompt(prompt, prompts_dir or self.settings.prompts_dir)
        self.prompt_text = self.spec.system + "\n" + self.spec.user
        self.model_name = self.settings.resolved_model
        self.max_tokens = max_tokens
        self.cache = _Cache(Path(cache_path) if cache_path else data_dir() / "judge-cache.sqlite") if cache else None
        self.calls = 0  # model calls made (cache hits excluded)
        self._model = None

    @property
    def deadline(self) -> float:
        """Seconds one question may take in all: the timeout for each attempt the SDK may make."""
        return float(self.settings.timeout) * (int(self.settings.max_retries) + 1)

    def key(self, criterion: Criterion, ctx: CheckContext) -> str:
        parts = [self.model_name, self.prompt_text, criterion.id, ctx.text, ctx.notes]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def _chat(self):
        if self._model is None:
            from ..engines.llm import build_chat_model, is_openai

            model = build_chat_model(self.settings, max_tokens=self.max_tokens, temperature=0, deadline_clients=True)
            if is_openai(self.settings):
                fmt = {"type": "json_schema", "json_schema": {"name": "judgement", "strict": True, "schema": ANSWER_SCHEMA}}
            else:
                fmt = {"type": "json_object", "schema": ANSWER_SCHEMA}
            self._model = model.bind(response_format=fmt)
        return self._model

    def ask(self, criterion: Criterion, ctx: CheckContext) -> dict:
        """The model's answer dict (cached): {"answer", "evidence"} or {"unparsable", "raw"} or {"error"}."""
        key = self.key(criterion, ctx)
        if self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                return hit
        values = {"criterion_id": criterion.id, "question": criterion.judge_question or criterion.description,
                  "draft": ctx.text, "notes": ctx.notes, "as_of": ctx.as_of.isoformat()}
        messages = self.spec.render(**{k: v for k, v in values.items() if k in self.spec.variables or k in ("criterion_id", "question", "draft", "notes")})
        self.calls += 1
        from ..engines.wire import DeadlineExceeded, Wire, call

        chat, msgs = self._chat(), [(m["role"], m["content"]) for m in messages]
        try:  # one total deadline for every attempt the SDK makes: a trickling server cannot hold a run
            reply = call(lambda: chat.invoke(msgs), self.deadline, Wire())
        except DeadlineExceeded as exc:
            return {"error": f"timeout: {exc}"}
        except Exception as exc:  # provider errors are recorded, not raised
            from ..errors import ConfigError

            if isinstance(exc, ConfigError):
                raise
            return {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
        content = reply.content if isinstance(reply.content, str) else json.dumps(reply.content)
        answer = parse_answer(content)
        if self.cache is not None:
            self.cache.put(key, answer)
        return answer

    def judge(self, criterion: Criterion, ctx: CheckContext) -> CheckResult:
        return verdict(criterion.id, self.ask(criterion, ctx), ctx.text)


def parse_answer(content: str) -> dict:
    """The judge's reply as {"answer", "evidence"}, or {"unparsable": why, "raw": content}."""
    text = (content or "").strip()
    m = re.match(r"^```(?:json)?\s*(.*?)\s*```$", text, re.S)
    if m:
        text = m.group(1)
    try:
        data = json.loads(text, strict=False)
    except ValueError as exc:
        return {"unparsable": f"not JSON ({exc})"[:200], "raw": (content or "")[:300]}
    if not isinstance(data, dict):
        return {"unparsable": f"a JSON {type(data).__name__}, not an object", "raw": (content or "")[:300]}
    quote = data.get("quote", data.get("evidence", ""))
    return {"answer": str(data.get("answer", "")).strip().lower(), "evidence": str(quote or "")}


def verdict(cid: str, a: dict, draft: str) -> CheckResult:
    """A judge answer -> CheckResult: a verdict only with yes/no and a quote that is in the draft."""
    if "error" in a:
        return CheckResult(id=cid, kind="judge", passed=None, evidence=FAILED, detail=a["error"])
    if "unparsable" in a:
        return CheckResult(id=cid, kind="judge", passed=None, evidence=UNSCORED,
                           detail=f"the reply could not be parsed: {a['unparsable']}")
    ev = a.get("evidence", "")
    if a.get("answer") not in ("yes", "no"):
        return CheckResult(id=cid, kind="judge", passed=None, evidence=UNSCORED,
                           detail=f"judge answered {a.get('answer')!r}, not yes/no")
    if not evidence_in(ev, draft):
        return CheckResult(id=cid, kind="judge", passed=None, evidence=UNSCORED,
                           detail=f"judge said {a['answer']} but its quote is not in the draft: {ev[:150]!r}")
    return CheckResult(id=cid, kind="judge", passed=a["answer"] == "yes", evidence=ev[:200])
