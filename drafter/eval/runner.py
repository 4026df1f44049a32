"""Run an eval suite: draft every (case, artefact, repeat) unit, check it, store it as it finishes.

    from drafter.eval import run_suite
    result = run_suite("evals/cases", engine="offline", repeat=1, concurrency=4)
    for c in result.criteria(): print(c.id, c.rate)

Drafting goes through :meth:`drafter.Drafter.adraft` under an ``asyncio.Semaphore``. Each unit is
committed to the run's SQLite file as soon as it finishes; a crash in one unit is stored as that
unit's error. A run with the same name (or ``resume=RUN_ID``) skips units already finished. Drafts
come from a content-addressed cache when nothing they depend on changed (the keys: :mod:`.cache_keys`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import time
from pathlib import Path
from typing import Callable

from ..errors import DrafterError, InputError
from .cache_keys import (  # noqa: F401  (re-exported: these lived here)
    _sha,
    cache_key,
    code_fingerprint,
    engine_identity,
    engine_source_digest,
    prompt_texts,
)
from .cases import Case, load_suite
from .results import RunResult
from .store import DraftCache, RunStore, StoredCheck, StoredUnit, new_run_id, runs_dir as default_runs_dir, slug

ProgressFn = Callable[[int, int, StoredUnit], None]


def prompt_output_kind(prompt: str | None, prompts_dir) -> str | None:
    """The artefact kind a single ``--prompt`` file writes (from its front matter), if it says."""
    if not prompt:
        return None
    from ..prompts import load_prompt

    try:
        spec = load_prompt(prompt, prompts_dir)
    except DrafterError as exc:
        raise InputError(f"prompt {prompt}: {exc}") from None
    kind = getattr(spec, "output", None)
    return kind if kind in ("update", "options", "delegate") else None


def _to_stored_checks(results) -> list[StoredCheck]:
    out = []
    for r in results:
        ev = getattr(r, "evidence", None)
        if ev is not None and not isinstance(ev, str):
            ev = "; ".join(map(str, ev)) if isinstance(ev, (list, tuple)) else str(ev)
        detail = getattr(r, "detail", None)
        kind = getattr(r, "kind", None)
        out.append(StoredCheck(r.id, getattr(kind, "value", kind), r.passed, ev, None if detail is None else str(detail)))
    return out


def check_draft(case: Case, kind: str, text: str, artefact, *, judge=None, ids=None) -> list:
    """Run the ownership criteria for one draft of ``case`` (returns the criteria's CheckResults)."""
    from ..criteria import run_checks
    from ..criteria.context import CheckContext
    from .measures import case_annotations

    ann, source = case_annotations(case)  # the case's own annotations; the parser's only where it has none
    ctx = CheckContext(
        kind=kind, text=text, notes=case.notes, as_of=case.as_of, audience=case.audience, fmt=case.format,
        artefact=artefact, annotations=ann, annotations_source=source,
    )
    return run_checks(ctx, ids=ids, judge=judge)


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, DrafterError):
        return f"{type(exc).__name__}: {exc}"
    return f"{type(exc).__name__}: {exc}".strip()


class _Done(Exception):
    """A unit finished by another path (the plain-prompt arm)."""


class _Runner:
    def __init__(self, *, drafter, store: RunStore, cache: DraftCache | None, cases: list[Case], units, judge,
                 criteria_ids, progress, concurrency, key_parts, plain=None):
        self.drafter = drafter
        self.plain = plain  # a PlainEngine: the plain-prompt baseline arm (free text, no pipeline)
        self.store = store
        self.cache = cache
        self.cases = {c.id: c for c in cases}
        self.units = units
        self.judge = judge
        self.criteria_ids = criteria_ids
        self.progress = progress
        self.sem = asyncio.Semaphore(max(1, concurrency))
        self.key_parts = key_parts
        self.done = 0
        self.generated = 0
        self.model_calls = 0
        self.cache_hits = 0

    def key_for(self, case: Case, kind: str, rep: int) -> str:
        """Cache key of one unit. LLM engines: the exact request they would send (model, URL, messages,
        parameters) plus the engine module's source; other engines: the pipeline code fingerprint."""
        identity, prompts, code = self.key_parts
        build = getattr(self.drafter.engine, "build_request", None)
        if build is None:
            return cache_key(identity, prompts, code, case, kind, rep)
        dry = self.drafter.dry_run(
            kind, case.notes, as_of=case.as_of, audience=case.audience, max_words=case.max_words,
            delegate_to=case.delegate_to,
        )
        req = dry["request"]
        essentials = {k: req.get(k) for k in ("url", "method", "body")}
        key = {"v": 2, "id": identity, "request": essentials, "engine_code": engine_source_digest(self.drafter.engine),
               "kind": kind, "rep": rep, "fmt": case.format}
        reader = getattr(self.drafter, "reader", None)
        if reader is not None:  # the LLM reader: its request and code (the writer's request is shown for the offline reading)
            key["reader_request"] = dry.get("reader_request")
            key["reader_code"] = engine_source_digest(reader)
            key["pipeline"] = self.key_parts[2]  # playbook/read code shapes the plan the LLM reading feeds
        return _sha(key)

    def plain_key(self, case: Case, kind: str, rep: int) -> str:
        """Cache key of a plain-prompt unit: the exact request it sends."""
        identity = self.key_parts[0]
        req = self.plain.build_request(kind, case.notes, case.delegate_to)
        return _sha({"v": "plain-1", "id": identity, "request": req, "kind": kind, "rep": rep})

    async def _plain_unit(self, case: Case, kind: str, rep: int, unit: StoredUnit) -> None:
        """The plain-prompt arm: free text from the model, checked as text (no artefact)."""
        key = self.plain_key(case, kind, rep)
        hit = self.cache.get(key) if self.cache else None
        if hit is not None:
            text, meta = json.loads(hit[1])["text"], dict(hit[2])
            unit.cached = True
            self.cache_hits += 1
        else:
            async with self.sem:
                text, dm = await self.plain.adraft_text(kind, case.notes, delegate_to=case.delegate_to)
            meta = dm.model_dump(mode="json")
            self.generated += 1
            self.model_calls += dm.llm_calls
            unit.model_calls = dm.llm_calls
            if self.cache is not None:
                self.cache.put(key, kind, json.dumps({"text": text}), meta)
        unit.text = text
        unit.meta = meta
        unit.latency_ms, unit.tokens_in, unit.tokens_out = meta.get("latency_ms"), meta.get("tokens_in"), meta.get("tokens_out")
        if self.judge is not None:
            results = await asyncio.to_thread(check_draft, case, kind, text, None, judge=self.judge, ids=self.criteria_ids)
        else:
            results = check_draft(case, kind, text, None, ids=self.criteria_ids)
        unit.checks = _to_stored_checks(results)
        from .measures import measure

        unit.meta["measures"] = measure(case, text)

    async def run_unit(self, case_id: str, kind: str, rep: int, total: int) -> None:
        from ..models import ARTEFACT_MODELS, ArtefactKind, DraftMeta, DraftOptions, OutputFormat

        case = self.cases[case_id]
        unit = StoredUnit(case_id=case_id, artefact=kind, rep=rep, status="ok", fmt=case.format)
        try:
            if self.plain is not None:
                await self._plain_unit(case, kind, rep, unit)
                raise _Done
            key = self.key_for(case, kind, rep)
            hit = self.cache.get(key) if self.cache else None
            if hit is not None:
                artefact = ARTEFACT_MODELS[ArtefactKind(kind)].model_validate_json(hit[1])
                meta = DraftMeta.model_validate(hit[2])
                unit.cached = True
                self.cache_hits += 1
            else:
                async with self.sem:
                    t0 = time.perf_counter()
                    draft = await self.drafter.adraft(
                        kind, case.notes, as_of=case.as_of, audience=case.audience,
                        max_words=case.max_words, delegate_to=case.delegate_to,
                    )
                    wall_ms = (time.perf_counter() - t0) * 1000
                artefact, meta = draft.artefact, draft.meta
                if meta.latency_ms is None:
                    meta.latency_ms = wall_ms
                self.generated += 1
                self.model_calls += meta.llm_calls
                unit.model_calls = meta.llm_calls
                if self.cache is not None and not meta.fallback_reason:
                    self.cache.put(key, kind, artefact.model_dump_json(), meta.model_dump(mode="json"))
            unit.artefact_json = artefact.model_dump_json()
            unit.meta = meta.model_dump(mode="json")
            unit.latency_ms, unit.tokens_in, unit.tokens_out = meta.latency_ms, meta.tokens_in, meta.tokens_out
            from ..render import render

            options = DraftOptions(audience=case.audience, max_words=case.max_words, delegate_to=case.delegate_to)
            unit.text = render(artefact, OutputFormat(case.format), options)
            if self.judge is not None:
                results = await asyncio.to_thread(
                    check_draft, case, kind, unit.text, artefact, judge=self.judge, ids=self.criteria_ids
                )
            else:
                results = check_draft(case, kind, unit.text, artefact, ids=self.criteria_ids)
            unit.checks = _to_stored_checks(results)
            from .measures import measure

            unit.meta["measures"] = measure(case, unit.text)
        except _Done:
            pass
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # one broken case must not lose the others
            unit.status = "error"
            unit.error = _error_text(exc)
            unit.checks = []
        self.store.save_unit(unit)
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, total, unit)


def _plan_units(cases: list[Case], repeat: int, artefacts: list[str] | None) -> list[tuple[str, str, int]]:
    out = []
    for c in cases:
        for kind in c.artefacts:
            if artefacts and kind not in artefacts:
                continue
            for rep in range(repeat):
                out.append((c.id, kind, rep))
    return out


def _make_drafter(drafter, drafter_factory, settings, engine, model, base_url, prompt, prompts_dir, reader=None):
    if drafter is not None:
        return drafter
    if drafter_factory is not None:
        return drafter_factory()
    from ..api import Drafter

    if settings is not None:
        if reader is not None:
            settings = settings.model_copy(update={"reader": reader})
        return Drafter(settings=settings, prompt=prompt)
    return Drafter(engine=engine, model=model, base_url=base_url, prompt=prompt, prompts_dir=prompts_dir, reader=reader)


async def arun_suite(
    suite: str | Path | list[Case] | None = None,
    *,
    drafter=None,
    drafter_factory: Callable | None = None,
    settings=None,
    engine: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    prompt: str | None = None,
    prompts_dir: str | None = None,
    reader: str | None = None,
    repeat: int = 1,
    concurrency: int = 4,
    name: str | None = None,
    resume: str | None = None,
    overwrite: bool = False,
    runs_dir: str | Path | None = None,
    cache: bool = True,
    judge=None,
    criteria_ids: list[str] | None = None,
    artefacts: list[str] | None = None,
    tags: list[str] | None = None,
    case_ids: list[str] | None = None,
    progress: ProgressFn | None = None,
    store=None,
) -> RunResult:
    """Async :func:`run_suite`."""
    t_start = time.perf_counter()
    if repeat < 1:
        raise InputError("--repeat must be at least 1")
    directory = Path(store) if isinstance(store, (str, Path)) else default_runs_dir(runs_dir)
    if resume:
        from .store import resolve_run

        path = resolve_run(resume, directory)
        directory = path.parent
    else:
        path = None

    if path is not None:  # resume: the stored settings and case snapshot win
        rs = RunStore(path)
        meta = rs.all_meta()
        cases = rs.load_cases()
        repeat = int(meta.get("repeat", 1))
        artefacts = meta.get("artefacts") or None
        criteria_ids = meta.get("criteria_ids") or None
        prompt = meta.get("prompt") if prompt is None else prompt
        prompts_dir = meta.get("prompts_dir") if prompts_dir is None else prompts_dir
        if drafter is None and drafter_factory is None and settings is None:
            engine = engine or meta.get("engine_setting")
            model = model or meta.get("model_setting")
            base_url = base_url or meta.get("base_url_setting")
            reader = reader or meta.get("reader_setting")
    else:
        rs = None
        cases = list(suite) if isinstance(suite, list) else load_suite(suite, tags=tags, ids=case_ids)
        if not cases:
            raise InputError("the suite has no cases (check --tag / --case filters)")

    plain = None
    if engine == "plain":  # the plain-prompt arm: the same model, the plain prompt, free text
        from ..engines.plain import PlainEngine

        d = _make_drafter(drafter, drafter_factory, settings, "llm", model, base_url, None, prompts_dir)
        if d.settings.api_key is None and not d.settings.base_url:
            from ..errors import ConfigError

            raise ConfigError("--engine plain sends the plain prompt to a model: it needs OPENAI_API_KEY or a base URL",
                              hint="pass --base-url http://127.0.0.1:PORT/v1 (a local server) or set OPENAI_API_KEY")
        plain = PlainEngine(d.settings, prompts_dir)
        identity = {**engine_identity(d), "engine": "plain", "engine_class": "drafter.engines.plain.PlainEngine"}
        prompts = {"plain": plain.prompt.path.read_text(encoding="utf-8") if plain.prompt.path else ""}
    else:
        d = _make_drafter(drafter, drafter_factory, settings, engine, model, base_url, prompt, prompts_dir, reader)
        identity = engine_identity(d)
        prompts = prompt_texts(d.settings, prompt)
    if prompts and prompt and not artefacts:  # one prompt file writes one artefact kind
        only = prompt_output_kind(prompt, d.settings.prompts_dir)
        artefacts = [only] if only else None
    prompts_digest = _sha(prompts)
    code = code_fingerprint(d.settings.resolved_engine)
    units = _plan_units(cases, repeat, artefacts)
    if not units:
        raise InputError(f"nothing to run: no case asks for {', '.join(artefacts or [])} (check --artefact / --prompt)")
    # an LLM run may resume across pipeline edits (its units are keyed on their requests); for the
    # offline engine the code IS the model, so a code change makes it a different run
    fingerprint = _sha(
        {"id": identity, "prompts": prompts_digest, "code": code if not prompts else None, "cases": [c.digest() for c in cases],
         "repeat": repeat, "artefacts": artefacts, "criteria": criteria_ids}
    )

    if rs is None:
        directory.mkdir(parents=True, exist_ok=True)
        run_id = slug(name) if name else new_run_id(identity["engine"], directory)
        path = directory / f"{run_id}.sqlite"
        if path.exists() and overwrite:
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        rs = RunStore(path)
        old = rs.get_meta("fingerprint")
        if old is not None and old != fingerprint:
            rs.close()
            raise InputError(
                f"run {run_id!r} exists with other settings, prompts, code or cases",
                hint="choose another --name, or pass --overwrite to start it again",
            )
        if old is None:
            rs.set_meta("created_at", dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
            rs.set_meta("fingerprint", fingerprint)
            rs.set_meta("suite", None if isinstance(suite, list) else str(suite or "evals/cases"))
            rs.set_meta("repeat", repeat)
            rs.set_meta("artefacts", artefacts)
            rs.set_meta("criteria_ids", criteria_ids)
            rs.set_meta("prompt", prompt)
            rs.set_meta("prompts_dir", prompts_dir)
            rs.set_meta("prompt_files", sorted(prompts))
            rs.set_meta("prompts_digest", prompts_digest)
            rs.set_meta("code_fingerprint", code)
            rs.set_meta("engine_setting", engine)
            rs.set_meta("reader_setting", reader)
            rs.set_meta("model_setting", model)
            rs.set_meta("base_url_setting", base_url)
            for k, v in identity.items():
                rs.set_meta(k, v)
            rs.set_meta("units_total", len(units))
            rs.save_cases(cases)
    else:
        if rs.get_meta("prompts_digest") not in (None, prompts_digest):
            rs.close()
            raise InputError(
                f"cannot resume {path.stem}: its prompt files changed since the run started",
                hint="start a new run (another --name) to evaluate the new prompts",
            )
    run_id = path.stem
    finished = rs.finished_keys()
    todo = [u for u in units if u not in finished]
    rs.set_meta("status", "running")
    rs.set_meta("concurrency", concurrency)

    dc = DraftCache(directory / "cache.sqlite") if cache else None
    runner = _Runner(
        drafter=d, store=rs, cache=dc, cases=cases, units=units, judge=judge, criteria_ids=criteria_ids,
        progress=progress, concurrency=concurrency, key_parts=(identity, prompts, code), plain=plain,
    )
    runner.done = len(units) - len(todo)
    status = "interrupted"
    try:
        try:
            queue = list(reversed(todo))

            async def worker() -> None:  # pulls units until none are left; an exception stops all workers
                while queue:
                    case_id, kind, rep = queue.pop()
                    await runner.run_unit(case_id, kind, rep, len(units))
                    await asyncio.sleep(0)  # an offline unit never suspends: let Ctrl-C's cancel in

            async with asyncio.TaskGroup() as tg:
                for _ in range(min(max(1, concurrency), len(todo))):
                    tg.create_task(worker())
        except BaseExceptionGroup as group:  # surface the first real error, not the group
            first = group.exceptions[0]
            while isinstance(first, BaseExceptionGroup):
                first = first.exceptions[0]
            raise first from None
        status = "finished"
    finally:
        rs.set_meta("status", status)
        if status == "finished":
            rs.set_meta("finished_at", dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
        meta = rs.all_meta()
        stored = rs.load_units()
        rs.close()
        if dc is not None:
            dc.close()
    return RunResult(
        run_id=run_id, path=path, meta=meta, cases=cases, units=stored,
        drafts_generated=runner.generated, model_calls=runner.model_calls, cache_hits=runner.cache_hits,
        resumed_units=len(units) - len(todo), wall_s=time.perf_counter() - t_start,
    )


def run_suite(suite: str | Path | list[Case] | None = None, **kw) -> RunResult:
    """Run a suite and return its :class:`RunResult` (see :func:`arun_suite` for the keywords).

    ``suite``: a folder or file of cases (default: the shipped ``evals/cases``) or a list of cases.
    Engine: pass ``drafter=`` (a :class:`drafter.Drafter`), ``drafter_factory=``, ``settings=`` or
    ``engine=/model=/base_url=/prompt=/prompts_dir=``. ``repeat``, ``concurrency``, ``name`` (same
    name resumes), ``resume`` (run id), ``runs_dir``, ``cache`` (False: always draft anew),
    ``judge`` (a criteria Judge; judge criteria are n/a without one), ``progress(done, total, unit)``.
    """
    return asyncio.run(arun_suite(suite, **kw))
