"""A model as judge: one yes/no question per criterion, answered with a quote from the draft.

The judge prompt lives in ``prompts/judge.md`` (loaded with :func:`drafter.prompts.load_prompt`);
the chat model comes from :func:`drafter.engines.llm.build_chat_model`. The model must answer JSON
``{"answer": "yes"|"no", "evidence": "<quote from the draft>"}``. An answer whose evidence is not
a substring of the draft counts as a failed judgement. Answers are cached in SQLite keyed on the
model, the judge prompt text, the criterion id, the draft and the notes, so re-running is free.
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
        "evidence": {"type": "string", "maxLength": 200},
    },
    "required": ["answer", "evidence"],
    "additionalProperties": False,
}


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

    def key(self, criterion: Criterion, ctx: CheckContext) -> str:
        parts = [self.model_name, self.prompt_text, criterion.id, ctx.text, ctx.notes]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def _chat(self):
        if self._model is None:
            from ..engines.llm import build_chat_model, is_openai

            model = build_chat_model(self.settings, max_tokens=self.max_tokens, temperature=0)
            fmt = {"type": "json_object"} if is_openai(self.settings) else {"type": "json_object", "schema": ANSWER_SCHEMA}
            self._model = model.bind(response_format=fmt)
        return self._model

    def ask(self, criterion: Criterion, ctx: CheckContext) -> dict:
        """The model's raw answer dict (cached): {"answer", "evidence", "reason"?} or {"error"}."""
        key = self.key(criterion, ctx)
        if self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                return hit
        values = {"criterion_id": criterion.id, "question": criterion.judge_question or criterion.description,
                  "draft": ctx.text, "notes": ctx.notes, "as_of": ctx.as_of.isoformat()}
        messages = self.spec.render(**{k: v for k, v in values.items() if k in self.spec.variables or k in ("criterion_id", "question", "draft", "notes")})
        self.calls += 1
        try:
            reply = self._chat().invoke([(m["role"], m["content"]) for m in messages])
            content = reply.content if isinstance(reply.content, str) else json.dumps(reply.content)
            data = json.loads(content)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            answer = {"answer": str(data.get("answer", "")).strip().lower(), "evidence": str(data.get("evidence", "")),
                      "reason": str(data.get("reason", ""))}
        except Exception as exc:  # provider errors and unparsable answers are recorded, not raised
            from ..errors import ConfigError

            if isinstance(exc, ConfigError):
                raise
            return {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
        if self.cache is not None:
            self.cache.put(key, answer)
        return answer

    def judge(self, criterion: Criterion, ctx: CheckContext) -> CheckResult:
        a = self.ask(criterion, ctx)
        if "error" in a:
            return CheckResult(id=criterion.id, kind="judge", passed=None, evidence="judge failed", detail=a["error"])
        ev = a.get("evidence", "")
        if a.get("answer") not in ("yes", "no"):
            return CheckResult(id=criterion.id, kind="judge", passed=False, evidence=ev[:200],
                               detail=f"judge answered {a.get('answer')!r}, not yes/no")
        if not evidence_in(ev, ctx.text):
            return CheckResult(id=criterion.id, kind="judge", passed=False, evidence=ev[:200],
                               detail=f"judge said {a['answer']} but its evidence is not a quote from the draft")
        return CheckResult(id=criterion.id, kind="judge", passed=a["answer"] == "yes", evidence=ev[:200],
                           detail=a.get("reason", "")[:200])
