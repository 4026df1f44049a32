"""A model as judge: one yes/no question per criterion, answered with a quote from the draft.

The judge prompt lives in ``prompts/judge.md`` (loaded with :func:`drafter.prompts.load_prompt`);
the chat model comes from :func:`drafter.engines.llm.build_chat_model`. The model must answer JSON
``{"answer": "yes"|"no", "evidence": "<quote from the draft>"}``. An answer whose evidence is not
a substring of the draft counts as a failed judgement. Answers are cached in SQLite keyed on the
model, the judge prompt text, the criterion id, the draft and the notes, so re-running is free.
"""

from __future__ import annotations

from pathlib import Path

from .base import CheckResult, Criterion
from .context import CheckContext


class Judge:
    """Ask a chat model one yes/no question per judge criterion (see module docstring)."""

    def __init__(self, settings=None, *, cache_path: str | Path | None = None, prompt_name: str = "judge"):
        self.settings = settings
        self.cache_path = cache_path
        self.prompt_name = prompt_name
        self.calls = 0  # model calls made (cache hits excluded)

    def judge(self, criterion: Criterion, ctx: CheckContext) -> CheckResult:
        raise NotImplementedError
