"""What a cached eval draft depends on: the pipeline's code fingerprint, the prompt texts, the engine's
identity and source, and the content-addressed cache key built from them (see :mod:`.runner`)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..errors import InputError
from .cases import Case

#: Source files whose code shapes a draft before rendering (part of every cache key).
_PIPELINE_FILES = ("models", "read", "playbook", "dates.py", "grounding.py", "api.py", "prompts.py")


def code_fingerprint(engine: str | None = None) -> str:
    """sha256 over the pipeline's source (parser, playbook, dates, models, the engine's own module).

    ``engine`` ("offline" / "llm") leaves out the other engine's module, so editing the offline
    engine does not invalidate cached LLM drafts and vice versa.
    """
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    skip = {"offline": {"llm.py"}, "llm": {"offline.py"}}.get(engine or "", set())
    files = []
    for name in _PIPELINE_FILES:  # a module, or a package's modules
        path = root / name
        files += sorted(path.glob("*.py")) if path.is_dir() else [path]
    files += sorted(f for f in (root / "engines").glob("*.py") if f.name not in skip)
    for f in files:
        if f.exists():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def prompt_texts(settings, prompt: str | None) -> dict[str, str]:
    """Per artefact kind, the text of the prompt file an LLM engine would use (empty for offline).

    Resolved exactly as the engine does (:func:`drafter.prompts.resolve_prompt_path`), so the
    cache key of a unit changes only when the prompt for its own artefact kind changes.
    """
    if settings.resolved_engine != "llm":
        return {}
    from ..errors import ConfigError
    from ..prompts import resolve_prompt_path

    out: dict[str, str] = {}
    for kind in ("update", "options", "delegate"):
        try:
            path = resolve_prompt_path(prompt or kind, settings.prompts_dir)
            out[kind] = path.read_text(encoding="utf-8")
        except (ConfigError, OSError, UnicodeDecodeError) as exc:
            if prompt:
                raise InputError(f"prompt {prompt}: {exc}") from None
            out[kind] = f"<unavailable: {exc}>"
    return out


def _sha(obj) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()


def engine_identity(drafter) -> dict:
    """What distinguishes one engine configuration from another (cache key + run metadata)."""
    s = drafter.settings
    llm = s.resolved_engine == "llm"
    eng = drafter.engine
    return {
        "engine": getattr(eng, "name", s.resolved_engine),
        "engine_class": f"{type(eng).__module__}.{type(eng).__qualname__}",
        "model": s.resolved_model if llm else None,
        "base_url": s.base_url if llm else None,
        "params": {"temperature": s.temperature, "max_tokens": s.max_tokens} if llm else {},
        "reader": s.resolved_reader,  # who reads the notes is part of the key (compare readers on the same cases)
    }


def engine_source_digest(engine) -> str:
    """sha256 of the source file of the engine's class (its post-processing shapes cached drafts)."""
    import inspect

    try:
        return hashlib.sha256(Path(inspect.getsourcefile(type(engine))).read_bytes()).hexdigest()
    except (TypeError, OSError):
        return type(engine).__qualname__


def cache_key(identity: dict, prompts: dict[str, str], code: str, case: Case, kind: str, rep: int) -> str:
    """sha256 of everything a draft depends on; only the prompt of the unit's own kind counts."""
    return _sha(
        {"v": 1, "id": identity, "prompt": prompts.get(kind, ""), "code": code, "case": case.inputs(), "kind": kind,
         "rep": rep}
    )
