"""The plain-prompt baseline arm: one plain request to the same model, free text back.

``drafter eval run --engine plain`` sends what a user of ``llm`` or ``fabric`` would type ("write
a status update for my manager from these notes", and the matching plain asks for an options
proposal and a delegation plan; ``prompts/plain.md``) with the notes pasted below it, and scores
the reply with the same criteria, fact recall and unsupported content as drafter's own drafts, so
``eval compare`` shows drafter's gain over the plain prompt on the same model.

No reader, no playbook, no schema: the draft is the model's text as it came back. It shares the
LLM engine's transport (client construction, timeouts, retries, provider errors).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError

if TYPE_CHECKING:
    from ..config import Settings

KINDS = ("update", "options", "delegate")
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_SECTION = re.compile(r"^##\s+(update|options|delegate)\s*$", re.I | re.M)


@dataclass(frozen=True)
class PlainPrompt:
    name: str
    version: str
    asks: dict[str, str]  # kind -> user-message template ({notes}, {delegate_to})
    path: Path | None = None

    def message(self, kind: str, notes: str, delegate_to: str | None = None) -> str:
        tpl = self.asks[kind]
        # the notes are a value, never part of the template (braces in notes are safe)
        return tpl.replace("{delegate_to}", delegate_to or "a colleague").replace("{notes}", notes)


def load_plain_prompt(prompts_dir: str | Path | None = None) -> PlainPrompt:
    """``plain.md`` from ``prompts_dir`` if it has one, else the shipped one."""
    from ..prompts import resolve_prompt_path

    path = resolve_prompt_path("plain", prompts_dir)
    text = path.read_text(encoding="utf-8")
    m = _FRONT.match(text)
    if not m:
        raise ConfigError(f"prompt file {path}: missing YAML front matter")
    import yaml

    meta = yaml.safe_load(m.group(1)) or {}
    body = text[m.end():]
    parts = list(_SECTION.finditer(body))
    asks = {}
    for i, sm in enumerate(parts):
        end = parts[i + 1].start() if i + 1 < len(parts) else len(body)
        asks[sm.group(1).lower()] = body[sm.end():end].strip()
    missing = [k for k in KINDS if not asks.get(k)]
    if missing:
        raise ConfigError(f"prompt file {path}: missing '## {missing[0]}' section")
    for k, tpl in asks.items():
        if "{notes}" not in tpl:
            raise ConfigError(f"prompt file {path}: '## {k}' does not place {{notes}}")
    return PlainPrompt(str(meta.get("name", "plain")), str(meta.get("version", "?")), asks, path)


class PlainEngine:
    """Sends the plain prompt for one artefact kind; returns (text, DraftMeta)."""

    name = "plain"

    def __init__(self, settings: "Settings", prompts_dir: str | Path | None = None):
        self.settings = settings
        self.prompt = load_plain_prompt(prompts_dir or settings.prompts_dir)
        self._chat = None

    def _model(self):
        if self._chat is None:
            from .llm import build_chat_model  # the LLM engine's transport

            self._chat = build_chat_model(self.settings)
        return self._chat

    def build_request(self, kind: str, notes: str, delegate_to: str | None = None) -> dict:
        """The exact request (for cache keys and --dry-run): URL, model, the one user message, parameters."""
        from .llm import is_openai, max_tokens_for

        body = {"model": self.settings.resolved_model,
                "messages": [{"role": "user", "content": self.prompt.message(kind, notes, delegate_to)}]}
        if self.settings.temperature is not None:
            body["temperature"] = self.settings.temperature
        body["max_completion_tokens" if is_openai(self.settings) else "max_tokens"] = max_tokens_for(self.settings)
        return {"url": (self.settings.base_url or "https://api.openai.com/v1").rstrip("/") + "/chat/completions",
                "method": "plain", "body": body}

    async def adraft_text(self, kind: str, notes: str, *, delegate_to: str | None = None):
        from ..models import DraftMeta

        try:
            from .transport import provider_error
        except ImportError:  # before the transport moved out of llm.py
            from .llm import provider_error  # type: ignore[no-redef]

        t0 = time.perf_counter()
        content = self.prompt.message(kind, notes, delegate_to)
        try:
            reply = await self._model().ainvoke([("user", content)])
        except ConfigError:
            raise
        except Exception as exc:
            err = provider_error(exc, self.settings)
            if err is exc:
                raise
            raise err from None
        text = reply.content if isinstance(reply.content, str) else str(reply.content)
        usage = getattr(reply, "usage_metadata", None) or {}
        meta = DraftMeta(
            engine="plain", model=self.settings.resolved_model, prompt_name=self.prompt.name,
            prompt_version=self.prompt.version, tokens_in=usage.get("input_tokens"),
            tokens_out=usage.get("output_tokens"), latency_ms=round((time.perf_counter() - t0) * 1000, 1),
            llm_calls=1,
        )
        return text.strip(), meta
