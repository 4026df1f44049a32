"""The LLM reader: the model reads the notes into the work log.

The notes go to the model with their line numbers, inside the fenced ``<notes>`` block of the
prompt ``prompts/read.md``. The reply is structured output in :class:`ReadLog`, a compact schema
of its own (every string and list bounded, so grammar-constrained llama.cpp output completes): a
list of items and a flat list of facts, each citing the line numbers it comes from. It is
converted into a :class:`~drafter.models.WorkLog` and checked by
:func:`drafter.read.provenance.check_log`; when elements are unsupported, the model gets **one
retry that names them**, and what is still unsupported after it is dropped and reported in
``WorkLog.dropped`` (never drafted).

The call, the structured-output mode selection, timeouts, retries and provider errors are the LLM
engine's (:class:`drafter.engines.llm.LLMEngine` and its transport): this module supplies only the
request and the reply check. One call on the happy path.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from ..models import (
    Action,
    ArtefactKind,
    Commitment,
    Decision,
    Note,
    Outcome,
    Person,
    Question,
    SourceLine,
    Wait,
    WorkItem,
    WorkLog,
)

if TYPE_CHECKING:
    from ..config import Settings

READ_MAX_TOKENS = 1200  # a short note's log fits; settings.max_tokens overrides
_RAW_ECHO = 1200

# --------------------------------------------------------------------------------------------
# The reply schema (compact: short keys, bounded strings and lists)
# --------------------------------------------------------------------------------------------

FactType = Literal[
    "done", "wait", "blocker", "promise", "deadline", "decision", "outcome", "question", "risk", "context"
]
Genre = Literal["minutes", "standup", "worklog", "todo", "incident", "notes"]


class ReadFact(BaseModel):
    """What one line of the notes says (a line may give several facts, or only context)."""

    line: int = Field(ge=0, le=100_000)
    item: str = Field(max_length=60)  # the piece of work it belongs to, a few words from the notes
    type: FactType
    who: str | None = Field(default=None, max_length=60)
    date: str | None = Field(default=None, max_length=24)
    text: str = Field(max_length=160)
    options: list[str] = Field(default_factory=list, max_length=4)
    also: list[int] = Field(default_factory=list, max_length=3)  # other lines it rests on


class ReadLog(BaseModel):
    """The work log as the model reads it: facts in line order, each citing its line."""

    genre: Genre = "notes"
    first_person: bool = True
    facts: list[ReadFact] = Field(max_length=24)


def read_schema() -> dict:
    """The JSON schema sent to the model (options limited to 80 characters each)."""
    schema = ReadLog.model_json_schema()
    opts = schema["$defs"]["ReadFact"]["properties"]["options"]
    opts["items"] = {"type": "string", "maxLength": 80}
    return schema


# --------------------------------------------------------------------------------------------
# Notes with line numbers
# --------------------------------------------------------------------------------------------


def source_lines(text: str) -> list[SourceLine]:
    """Non-blank lines, numbered from 1 over all lines (the offline reader's numbering)."""
    return [SourceLine(number=i, text=t.rstrip()) for i, t in enumerate(text.splitlines(), 1) if t.strip()]


def numbered_notes(text: str) -> str:
    """``  3 | text`` per non-blank line, fenced so the notes cannot close their block."""
    from ..engines.llm import fence_notes

    lines = source_lines(text)
    width = len(str(lines[-1].number)) if lines else 1
    return fence_notes("\n".join(f"{s.number:>{width}} | {s.text}" for s in lines))


# --------------------------------------------------------------------------------------------
# Reply -> WorkLog
# --------------------------------------------------------------------------------------------

_SELF = {"i", "me", "myself", "we", "us", "the writer", "writer", "author", "the author", "owner"}
_NO_REPLY = re.compile(r"\b(?:no\s+(?:reply|answer|response)|not\s+(?:replied|answered|heard)|chas(?:e|ing))\b", re.I)
_DATE_PAST = {"done", "wait", "blocker", "outcome"}


def _who(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split()).strip(" .,:;")
    if not value or value.lower() in ("none", "null", "n/a", "unknown", "-"):
        return None
    return "I" if value.lower() in _SELF else value


def _date(value: str | None, as_of: dt.date, past: bool) -> dt.date | None:
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    from ..dates import resolve_date

    try:
        return resolve_date(value, as_of, direction="past" if past else "future")
    except (ValueError, OverflowError):
        return None


def _key(title: str) -> str:
    return re.sub(r"\W+", " ", title).strip().lower()


_NAME_WORD = re.compile(r"^@?[A-Z][\w'’.-]*$")


def to_work_log(reply: ReadLog, text: str, as_of: dt.date) -> WorkLog:
    """The model's reading as a :class:`WorkLog` (before the provenance check).

    Facts are grouped into items by their ``item`` name; an item cites the lines of its facts.
    ``context`` facts (headings, boilerplate) place their line in no item.
    """
    lines = source_lines(text)
    items: dict[str, WorkItem] = {}
    people: dict[str, Person] = {}

    for f in reply.facts:
        body = " ".join(f.text.split())
        if f.type == "context" or not body:
            continue
        nums = list(dict.fromkeys([f.line, *f.also]))  # unknown numbers stay: provenance reports them
        title = " ".join(f.item.split()) or body[:60]
        it = items.get(_key(title))
        if it is None:
            it = items[_key(title)] = WorkItem(title=title, lines=[])
        who = _who(f.who)
        when = _date(f.date, as_of, past=f.type in _DATE_PAST)
        me = "I" if reply.first_person else ""  # team notes: no owner found is said, never the writer
        if f.type == "done":
            it.actions.append(Action(text=body, on=when, actor=who or me, lines=nums))
        elif f.type in ("wait", "blocker"):
            kind = "blocked" if f.type == "blocker" else ("no_reply" if _NO_REPLY.search(body) else "waiting")
            since, expected = (when, None) if when is None or when <= as_of else (None, when)
            it.waits.append(
                Wait(what=body, on_whom=who if who != "I" else None, kind=kind, since=since,
                     expected_by=expected, lines=nums)
            )
        elif f.type == "promise":
            it.commitments.append(Commitment(what=body, owner=who or me, due=when, lines=nums))
        elif f.type == "deadline":
            if when is not None and it.deadline is None:
                it.deadline, it.deadline_label = when, body[:120]
            elif when is None:
                it.notes.append(body)
        elif f.type == "decision":
            it.decisions.append(
                Decision(question=body, who=who, by=when, lines=nums,
                         options=[" ".join(o.split()) for o in f.options if o.strip()])
            )
        elif f.type == "outcome":
            it.outcomes.append(Outcome(text=body, who=who, lines=nums))
        elif f.type == "question":
            it.questions.append(Question(text=body, asked_by=who, lines=nums))
        elif f.type == "risk":
            it.risk_notes.append(Note(text=body, lines=nums))
            it.risks.append(body)
        for n in nums:
            if n not in it.lines:
                it.lines.append(n)
        if who and who != "I" and all(_NAME_WORD.match(w) or w.lower() in ("at", "of") for w in who.split()):
            person = people.setdefault(who.lower(), Person(name=who, lines=[], evidence="llm"))
            person.lines = list(dict.fromkeys([*person.lines, *nums]))
            if who not in it.people:
                it.people.append(who)

    for it in items.values():
        it.lines.sort()
        owners = {c.owner for c in it.commitments} | {a.actor for a in it.actions}
        if len(owners) == 1:
            it.owner = owners.pop() or None
    cited = {n for it in items.values() for n in it.lines}
    _retitle(list(items.values()), lines, as_of)
    return WorkLog(
        as_of=as_of,
        items=list(items.values()),
        people=list(people.values()),
        lines=lines,
        unplaced=[s for s in lines if s.number not in cited],
        genre=reply.genre,
        reader="llm",
        first_person=reply.first_person,
    )


def without_empty_items(log: WorkLog) -> WorkLog:
    """Items left with no fact and no deadline after the provenance check are dropped too (their
    lines become unplaced): a bare title the model made up is not work the notes hold."""
    from ..models import Dropped

    keep, gone = [], []
    for it in log.items:
        has = it.actions or it.waits or it.commitments or it.decisions or it.outcomes or it.questions or it.risk_notes
        (keep if has or it.deadline else gone).append(it)
    if not gone:
        return log
    cited = {n for it in keep for n in it.lines}
    return log.model_copy(update={
        "items": keep,
        "unplaced": [s for s in log.lines if s.number not in cited],
        "dropped": [*log.dropped, *(Dropped(kind="item", text=it.title[:300], lines=list(it.lines),
                                            reason="no fact of it is supported by its lines") for it in gone)],
    })


def _retitle(items: list[WorkItem], lines: list[SourceLine], as_of: dt.date) -> None:
    """An item name that its lines do not support (a name or date the model made up) gives way to
    its first fact's words, so one bad label does not drop every fact of the item."""
    from .provenance import unsupported_terms

    probe = WorkLog(as_of=as_of, lines=lines)
    for it in items:
        if not unsupported_terms(it.title, it.lines, probe):
            continue
        first = next((e for e in (*it.actions, *it.commitments, *it.waits, *it.decisions, *it.outcomes,
                                  *it.questions, *it.risk_notes)), None)
        text = getattr(first, "text", None) or getattr(first, "what", None) or getattr(first, "question", None)
        if text:
            it.title = " ".join(text.split()[:8])[:80]


def describe_drops(dropped) -> str:
    """One numbered line per unsupported element, for the retry prompt."""
    out = []
    for i, d in enumerate(dropped[:12], 1):
        out.append(f"{i}. {d.kind} {d.text[:100]!r} (lines {d.lines}): {d.reason}")
    if len(dropped) > 12:
        out.append(f"(+{len(dropped) - 12} more)")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# The reader: the LLM engine's call loop with the reader's request and reply check
# --------------------------------------------------------------------------------------------


def _engine_base():
    from ..engines.llm import LLMEngine

    return LLMEngine


class _ReadCall(_engine_base()):
    """One read: the engine's call/validate/retry machinery with the reader's request and check.

    The loop's ``kind`` is unused here (it is always the update kind); ``plan`` carries ``as_of``.
    A new instance per read keeps the retry state per call, so one reader serves concurrent reads.
    """

    name = "llm-reader"

    def __init__(self, settings: "Settings", prompt: str | None, method: str | None, text: str):
        super().__init__(settings, prompt, method=None)
        self._method = method
        self.text = text
        self.retried = False
        self.first_drops: list = []
        self.meta: dict[str, Any] = {}

    def spec(self, kind):
        from ..errors import ConfigError
        from ..prompts import load_prompt

        spec = load_prompt(self.prompt or "read", self.settings.prompts_dir)
        if spec.output != "read":
            raise ConfigError(
                f"prompt file {spec.path} writes {spec.output!r}, not 'read'",
                hint="pass a reader prompt whose front matter says output: read",
            )
        return spec

    def messages(self, spec, kind, as_of, notes, options):
        self.retried = False
        return spec.chat_prompt().format_messages(**read_values(as_of, notes))

    def _bound(self, kind, method):
        params = read_format_params(method)
        if "tools" in params:
            return self.llm.bind_tools(params["tools"], tool_choice=params["tool_choice"])
        return self.llm.bind(response_format=params["response_format"])

    def parse(self, kind, method, reply):
        from pydantic import ValidationError

        from ..engines.transport import _Invalid, _summarise, reply_data
        from .provenance import check_log

        data, raw = reply_data(ReadLog.__name__, method, reply)
        try:
            parsed = ReadLog.model_validate(data)
        except ValidationError as exc:
            raise _Invalid(f"schema violations: {_summarise(exc)}", raw) from None
        if not any(f.type != "context" for f in parsed.facts):
            raise _Invalid("the reply lists no facts; the notes hold some", raw)
        checked = without_empty_items(check_log(to_work_log(parsed, self.text, self.as_of)))
        if checked.dropped and not self.retried:
            self.first_drops = list(checked.dropped)
            raise _Invalid("unsupported:\n" + describe_drops(checked.dropped), raw)
        if checked.genre == "incident":  # read from the checked log's cited elements, as the offline reader does
            from .incident_state import incident_state

            checked.incident = incident_state(checked)
        return checked

    def _retry_messages(self, messages, invalid, kind):
        from langchain_core.messages import AIMessage, HumanMessage

        self.retried = True
        raw = invalid.raw if len(invalid.raw) <= _RAW_ECHO else invalid.raw[:_RAW_ECHO] + "…"
        if invalid.truncated:
            text = (
                "Your answer was cut off at the token limit. Reply again with the complete JSON object: "
                "fewer facts, shorter texts."
            )
        elif invalid.problem.startswith("unsupported:"):
            text = (
                "These elements of your answer are not supported by the lines they cite:\n"
                + invalid.problem.split("\n", 1)[1]
                + "\nFor each one, cite the line numbers that hold its names, dates and numbers, or leave it "
                "out. Reply again with the complete corrected JSON object."
            )
        else:
            text = (
                f"Your answer did not match the schema: {invalid.problem}\n"
                "Reply again with the complete corrected JSON object only."
            )
        prior = [AIMessage(content=raw)] if raw else []
        return list(messages) + prior + [HumanMessage(content=text)]

    def _finish(self, kind, log, spec, run, as_of, notes, options):
        total = time.perf_counter() - run.started
        self.meta = {
            "model": self.settings.resolved_model,
            "prompt": f"{spec.name}@{spec.version}",
            "tokens_in": run.tokens_in,
            "tokens_out": run.tokens_out,
            "llm_calls": run.calls,
            "latency_ms": round(total * 1000, 1),
            "retried": self.retried,
            "first_drops": [d.model_dump() for d in self.first_drops],
        }
        if self.retried and log.dropped:
            log = log.model_copy(
                update={"warnings": [*log.warnings, f"LLM reader: {len(log.dropped)} element(s) the cited lines "
                                     "do not support were dropped after a retry"]}
            )
        return log, self.meta

    def _failed(self, kind, invalid, method):
        from ..engines.transport import _short
        from ..errors import ValidationFailed

        if invalid.truncated:
            return ValidationFailed(
                f"the model's reading of the notes was cut off at max_tokens={self.settings.max_tokens} twice",
                hint="raise max_tokens, use a larger model, or use --reader offline",
            )
        return ValidationFailed(
            f"the model's reading of the notes did not validate after a retry ({method}): {_short(invalid.problem, 200)}",
            hint="try another --model, or use --reader offline",
        )

    @property
    def as_of(self) -> dt.date:
        return self._as_of

    def run(self, as_of: dt.date):
        self._as_of = as_of
        return self.write(ArtefactKind.UPDATE, as_of, self.text, None)

    async def arun(self, as_of: dt.date):
        self._as_of = as_of
        return await self.awrite(ArtefactKind.UPDATE, as_of, self.text, None)


def read_values(as_of: dt.date, notes: str) -> dict:
    return {"as_of": f"{as_of.isoformat()} ({as_of.strftime('%A')})", "notes": numbered_notes(notes)}


def read_format_params(method: str) -> dict:
    """Structured-output request parameters for :class:`ReadLog` in ``method``."""
    from ..engines.llm import strict_schema

    schema = read_schema()
    name = ReadLog.__name__
    if method == "json_schema":
        return {"response_format": {"type": "json_schema",
                                    "json_schema": {"name": name, "schema": strict_schema(schema), "strict": True}}}
    if method == "json_object":
        return {"response_format": {"type": "json_object", "schema": schema}}
    if method == "function_calling":
        return {
            "tools": [{"type": "function", "function": {
                "name": name, "description": "The work log read from the notes.", "parameters": schema}}],
            "tool_choice": {"type": "function", "function": {"name": name}},
        }
    from ..errors import ConfigError

    raise ConfigError(f"unknown structured-output method {method!r}")


class LLMReader:
    """Reads notes with the configured model (see the module docstring). ``name`` is ``"llm"``."""

    name = "llm"

    def __init__(self, settings: "Settings", prompt: str | None = None):
        if settings.max_tokens is None:
            settings = settings.model_copy(update={"max_tokens": READ_MAX_TOKENS})
        self.settings = settings
        self.prompt = prompt
        self._method: str | None = None  # the structured-output mode that worked, remembered
        self.last_meta: dict[str, Any] = {}

    def _call(self, text: str) -> _ReadCall:
        if not text or not text.strip():
            from ..errors import InputError

            raise InputError("notes are empty")
        return _ReadCall(self.settings, self.prompt, self._method, text)

    def _done(self, call: _ReadCall, result) -> WorkLog:
        log, meta = result
        self._method = call._method
        self.last_meta = meta
        return log

    def read(self, text: str, as_of: dt.date) -> WorkLog:
        call = self._call(text)
        return self._done(call, call.run(as_of))

    async def aread(self, text: str, as_of: dt.date) -> WorkLog:
        call = self._call(text)
        return self._done(call, await call.arun(as_of))

    def build_request(self, text: str, as_of: dt.date) -> dict:
        """The exact first request of a read (for --dry-run; no key)."""
        call = self._call(text)
        call._as_of = as_of
        spec = call.spec(None)
        method = call.methods()[0]
        body: dict[str, Any] = {"model": self.settings.resolved_model, "messages": spec.render(**read_values(as_of, text))}
        body["max_tokens"] = self.settings.max_tokens
        body.update(read_format_params(method))
        return {"provider": self.settings.provider, "method": method, "body": body}


__all__ = ["LLMReader", "ReadLog", "numbered_notes", "read_schema", "source_lines", "to_work_log"]
