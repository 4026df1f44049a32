"""The library entry point. The CLI is a thin shell over :class:`Drafter`.

    from drafter import Drafter
    d = Drafter()                                  # offline unless an LLM is configured
    draft = d.update(notes, as_of="2026-11-25")    # Draft[StatusUpdate]
    print(draft.render("slack"))
    draft.artefact.overall, draft.meta.engine

No global state: every Drafter holds its own settings and engine.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .config import Settings, load_settings
from .errors import DrafterError, InputError, ProviderError, ValidationFailed
from .models import (
    ArtefactKind,
    Audience,
    DelegationPlan,
    Draft,
    DraftMeta,
    DraftOptions,
    OptionsProposal,
    Plan,
    StatusUpdate,
    WorkLog,
)

DateLike = dt.date | str | None


def to_date(value: DateLike) -> dt.date:
    """``None`` -> today; ``'2026-11-25'`` -> date; a date passes through (years 1900-2999)."""
    from .inputs import check_as_of

    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return check_as_of(value.date())
    if isinstance(value, dt.date):
        return check_as_of(value)
    try:
        return check_as_of(dt.date.fromisoformat(str(value).strip()))
    except (ValueError, UnicodeError):
        raise InputError(f"as-of date must be YYYY-MM-DD, got {str(value)[:40]!r}") from None


def _kind(kind) -> ArtefactKind:
    try:
        return ArtefactKind(kind)
    except ValueError:
        raise InputError(f"kind must be update, options or delegate, got {str(kind)[:40]!r}") from None


class Drafter:
    """Turns notes into a status update, an options proposal or a delegation plan.

    Keyword arguments override environment variables and the config file (see
    :mod:`drafter.config`); ``settings`` replaces that lookup entirely.
    ``prompt`` / ``prompts_dir`` choose other prompt files for the LLM engine.
    """

    def __init__(
        self,
        *,
        settings: Settings | None = None,
        engine: str | None = None,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        audience: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        fallback: str | None = None,
        prompts_dir: str | None = None,
        prompt: str | None = None,
        journal: Any = None,
        reader: Any = None,
    ):
        if settings is None:
            settings = load_settings(
                engine=engine,
                model=model,
                base_url=base_url,
                api_key=api_key,
                audience=audience,
                timeout=timeout,
                max_retries=max_retries,
                fallback=fallback,
                prompts_dir=prompts_dir,
                reader=reader if isinstance(reader, str) else None,
            )
        self.settings = settings
        # ``reader``: "llm" | "offline" | "auto" (see Settings.resolved_reader) or a Reader object
        self._reader = None if reader is None or isinstance(reader, str) else reader
        # (notes, as_of, reader name) -> log: the LLM reads each notes once per Drafter (a few kept, newest last)
        self._reads: dict[tuple, WorkLog] = {}
        self.prompt = prompt
        self.journal = journal
        self._engine = None
        self._offline = None

    # -- pipeline stages -----------------------------------------------------------------

    def parse(self, notes: str, *, as_of: DateLike = None) -> WorkLog:
        """Stage 1: notes -> typed work log (dates resolved against ``as_of``)."""
        from .read import read_notes

        from .inputs import check_notes

        check_notes(notes)
        day = to_date(as_of)
        reader = self.reader
        if reader is None:
            return read_notes(notes, day)
        key = (notes, day, reader.name)
        if key in self._reads:
            return self._reads[key].model_copy(deep=True)
        try:
            log = read_notes(notes, day, reader)
        except (ProviderError, ValidationFailed) as exc:
            if self.settings.fallback != "offline":
                raise
            log = read_notes(notes, day)
            log.warnings.append(f"LLM reader failed ({exc}); read with the offline reader instead")
        self._remember(key, log, reader)
        return log.model_copy(deep=True)

    def _remember(self, key: tuple, log: WorkLog, reader) -> None:
        if isinstance(reader, _OfflineOnce):  # a dry run's stand-in reading is never kept
            return
        self._reads.pop(key, None)
        self._reads[key] = log
        while len(self._reads) > 16:
            self._reads.pop(next(iter(self._reads)))

    def _check_prompt(self, kind) -> None:
        """With the LLM reader, a malformed writer prompt fails (exit 3) before the reader's call."""
        spec = getattr(self.engine, "spec", None)
        if self.reader is not None and spec is not None and isinstance(kind, ArtefactKind):
            spec(kind)

    async def aparse(self, notes: str, *, as_of: DateLike = None) -> WorkLog:
        """Async :meth:`parse` (the LLM reader's call is awaited)."""
        from .read import aread_notes

        reader = self.reader
        if reader is None:
            return self.parse(notes, as_of=as_of)
        if not notes or not notes.strip():
            raise InputError("notes are empty")
        day = to_date(as_of)
        key = (notes, day, reader.name)
        if key in self._reads:
            return self._reads[key].model_copy(deep=True)
        try:
            log = await aread_notes(notes, day, reader)
        except (ProviderError, ValidationFailed) as exc:
            if self.settings.fallback != "offline":
                raise
            from .read import read_notes

            log = read_notes(notes, day)
            log.warnings.append(f"LLM reader failed ({exc}); read with the offline reader instead")
        self._remember(key, log, reader)
        return log.model_copy(deep=True)

    @property
    def reader(self):
        """The LLM reader when the settings choose it (``--reader llm``, or a model configured), else
        None (the offline reader)."""
        if self._reader is None and self.settings.resolved_reader == "llm":
            from .read.llm import LLMReader

            self._reader = LLMReader(self.settings)
        return self._reader

    def plan(self, notes: str, *, as_of: DateLike = None, delegate_to: str | None = None) -> Plan:
        """Stages 1-2: notes -> work log -> the ownership playbook's plan."""
        from .playbook import build_plan

        from .inputs import check_person

        delegate_to = check_person(delegate_to)
        log = self.parse(notes, as_of=as_of)
        from .inputs import check_log_names

        check_log_names(log)
        if self.journal is not None:
            log = self.journal.merge_into(log)
        if delegate_to:
            from .playbook.handoff_work import mentions_of

            if not mentions_of(log, delegate_to):  # a typo, or someone the notes never name: said, never silent
                log.warnings.append(f"{delegate_to!r} is not named anywhere in the notes: check the spelling "
                                    f"(the plan hands the work to {delegate_to} as asked)")
        return build_plan(log, delegate_to=delegate_to)

    @property
    def engine(self):
        """The configured engine, built on first use."""
        if self._engine is None:
            from .engines import make_engine

            self._engine = make_engine(self.settings, prompt=self.prompt)
        return self._engine

    def _offline_engine(self):
        if self._offline is None:
            from .engines.offline import OfflineEngine

            self._offline = OfflineEngine()
        return self._offline

    def _options(self, audience, max_words, delegate_to) -> DraftOptions:
        from .inputs import check_max_words, check_person

        try:
            aud = Audience(audience or self.settings.audience)
        except ValueError:
            raise InputError(f"audience must be boss, team or client, got {str(audience)[:40]!r}") from None
        return DraftOptions(
            audience=aud,
            max_words=check_max_words(max_words),
            delegate_to=check_person(delegate_to),
        )

    # -- drafting ------------------------------------------------------------------------

    def draft(
        self,
        kind: ArtefactKind | str,
        notes: str,
        *,
        as_of: DateLike = None,
        audience: str | None = None,
        max_words: int | None = None,
        delegate_to: str | None = None,
    ) -> Draft:
        """Draft one artefact (``update``, ``options`` or ``delegate``) from notes."""
        kind = _kind(kind)
        self._check_prompt(kind)
        plan = self.plan(notes, as_of=as_of, delegate_to=delegate_to)
        options = self._options(audience, max_words, delegate_to)
        try:
            artefact, meta = self.engine.write(kind, plan, notes, options)
        except (ProviderError, ValidationFailed) as exc:
            if self.settings.fallback != "offline":
                raise
            artefact, meta = self._offline_engine().write(kind, plan, notes, options)
            meta.fallback_reason = str(exc)
        return self._finish(kind, artefact, plan, options, meta)

    async def adraft(
        self,
        kind: ArtefactKind | str,
        notes: str,
        *,
        as_of: DateLike = None,
        audience: str | None = None,
        max_words: int | None = None,
        delegate_to: str | None = None,
    ) -> Draft:
        """Async :meth:`draft`."""
        kind = _kind(kind)
        self._check_prompt(kind)
        if self.reader is not None:
            await self.aparse(notes, as_of=as_of)  # the LLM reading, awaited; plan() below finds it cached
        plan = self.plan(notes, as_of=as_of, delegate_to=delegate_to)
        options = self._options(audience, max_words, delegate_to)
        try:
            artefact, meta = await self.engine.awrite(kind, plan, notes, options)
        except (ProviderError, ValidationFailed) as exc:
            if self.settings.fallback != "offline":
                raise
            artefact, meta = self._offline_engine().write(kind, plan, notes, options)
            meta.fallback_reason = str(exc)
        return self._finish(kind, artefact, plan, options, meta)

    def _finish(self, kind, artefact, plan, options, meta: DraftMeta) -> Draft:
        return Draft(kind=kind, artefact=artefact, plan=plan, options=options, meta=meta)

    def update(self, notes: str, **kw) -> Draft[StatusUpdate]:
        """Proactive status update. Keywords as for :meth:`draft`."""
        return self.draft(ArtefactKind.UPDATE, notes, **kw)

    def options(self, notes: str, **kw) -> Draft[OptionsProposal]:
        """Options-not-problems proposal. Keywords as for :meth:`draft`."""
        return self.draft(ArtefactKind.OPTIONS, notes, **kw)

    def delegate(self, notes: str, **kw) -> Draft[DelegationPlan]:
        """Delegation plan. Keywords as for :meth:`draft` (``delegate_to`` names the delegate)."""
        return self.draft(ArtefactKind.DELEGATE, notes, **kw)

    async def aupdate(self, notes: str, **kw) -> Draft[StatusUpdate]:
        return await self.adraft(ArtefactKind.UPDATE, notes, **kw)

    async def aoptions(self, notes: str, **kw) -> Draft[OptionsProposal]:
        return await self.adraft(ArtefactKind.OPTIONS, notes, **kw)

    async def adelegate(self, notes: str, **kw) -> Draft[DelegationPlan]:
        return await self.adraft(ArtefactKind.DELEGATE, notes, **kw)

    def dry_run(self, kind: ArtefactKind | str, notes: str, **kw) -> dict:
        """The exact request the engine would send (the offline engine sends none)."""
        kind = _kind(kind)
        reader = self.reader
        extra: dict = {}
        if reader is not None:  # a dry run sends nothing: the writer's request is shown for the offline reading
            from .inputs import check_notes

            check_notes(notes)
            build_read = getattr(reader, "build_request", None)
            extra["reader_request"] = build_read(notes, to_date(kw.get("as_of"))) if build_read else None
            self._reader = _OfflineOnce()
        try:
            plan = self.plan(notes, as_of=kw.get("as_of"), delegate_to=kw.get("delegate_to"))
        finally:
            if reader is not None:
                self._reader = reader
        options = self._options(kw.get("audience"), kw.get("max_words"), kw.get("delegate_to"))
        build = getattr(self.engine, "build_request", None)
        if build is None:
            return {"engine": self.engine.name, "request": None, "plan": plan.model_dump(mode="json"), **extra}
        return {"engine": self.engine.name, "request": build(kind, plan, notes, options), **extra}


class _OfflineOnce:
    """The offline reader under a name of its own (so a dry run's reading is never cached as the LLM's)."""

    name = "offline-dry-run"

    def read(self, text, as_of):
        from .read import offline_reader

        return offline_reader().read(text, as_of)

    async def aread(self, text, as_of):
        return self.read(text, as_of)


__all__ = ["Drafter", "DrafterError", "to_date"]
