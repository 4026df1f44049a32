"""Eval case files (format ``drafter-eval/1``): load, validate, and report errors by file and field.

A suite is a folder of YAML files (or one file). Each file holds either one case::

    format: drafter-eval/1
    id: acme-docs-wait
    notes: |
      ...

or a list of cases::

    format: drafter-eval/1
    cases:
      - id: ...

See ``evals/README.md`` for every field. A malformed file raises :class:`drafter.errors.InputError`
naming the file and the field path, e.g.
``evals/cases/x.yaml: cases[3].annotations.commitments[0].due: invalid date``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import InputError

FORMAT = "drafter-eval/1"
SUPPORTED_FORMATS = (FORMAT,)
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CaseCommitment(_Strict):
    """A promise in the notes: what, who owns it, when it is due, its state on ``as_of``."""

    what: str = Field(min_length=1)
    owner: str = "I"
    due: dt.date | None = None
    state: Literal["open", "done", "missed", "dropped"] = "open"


class CaseWait(_Strict):
    """A wait on someone else (usually outside the team)."""

    on_whom: str = Field(min_length=1)
    what: str = Field(min_length=1)


class CaseAnnotations(_Strict):
    """What the case author says is true of the notes (the criteria compare drafts with this)."""

    commitments: list[CaseCommitment] = Field(default_factory=list)
    waits: list[CaseWait] = Field(default_factory=list)
    blockers: list[str] = Field(default_factory=list)
    decisions: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    internal_names: list[str] = Field(default_factory=list)
    deadline: dt.date | None = None
    deadline_label: str | None = None
    delegate: str | None = None
    recurring: bool = False
    # optional extras; empty means the criterion that needs them does not apply
    previous_commitments: list[CaseCommitment] = Field(default_factory=list)  # U16: the previous update's
    open_risks: list[str] = Field(default_factory=list)  # O11: risks with no known fix
    open_loops: list[str] = Field(default_factory=list)  # D12 (default: open commitments + waits)
    resources: list[str] = Field(default_factory=list)  # D8: contacts, links, access in the notes


class GoldFact(_Strict):
    """A fact a good draft of these notes must carry, written by a person reading the notes.

    ``match`` lists the terms a draft sentence must contain to state the fact (each entry may
    give alternatives separated by ``|``: ``"postpone|delay|move"``); dates in ``when`` also match
    any wording that resolves to that date.
    """

    id: str = Field(min_length=1, max_length=40)
    kind: Literal["decision", "action", "wait", "deadline", "alternative", "done", "question", "risk", "outcome"]
    text: str = Field(min_length=1)
    who: str | None = None
    when: dt.date | None = None
    weight: int = Field(default=2, ge=1, le=3)  # 3: the reader must learn this; 1: nice to have
    match: list[str] = Field(min_length=1)
    lines: list[int] = Field(default_factory=list)  # note lines that state it


class Origin(_Strict):
    """Where real notes came from (kept with the case: source and license)."""

    repo: str = Field(min_length=3)  # owner/name
    path: str = Field(min_length=1)
    commit: str = Field(pattern=r"^[0-9a-f]{7,40}$")
    license: str = Field(min_length=2)  # SPDX id, e.g. MIT, Apache-2.0, CC-BY-4.0
    url: str | None = None
    genre: Literal["minutes", "standup", "worklog", "todo", "incident"]
    excerpt: str | None = None  # e.g. "lines 1-80 of the file" when only part was kept


class Case(_Strict):
    """One eval case: notes, their 'today', who reads the draft, which artefacts to draft."""

    id: str
    description: str = ""
    tags: list[str] = Field(default_factory=list)
    notes: str = Field(min_length=1)
    as_of: dt.date
    audience: Literal["boss", "team", "client"] = "boss"
    format: Literal["markdown", "text", "slack", "email", "json"] = "markdown"
    max_words: int | None = Field(default=None, ge=10)
    artefacts: list[Literal["update", "options", "delegate"]] = Field(min_length=1)
    delegate_to: str | None = None
    annotations: CaseAnnotations = Field(default_factory=CaseAnnotations)
    gold: list[GoldFact] = Field(default_factory=list)  # facts a good draft states (fact recall)
    origin: Origin | None = None  # real notes: where they came from
    source: str | None = Field(default=None, exclude=True)  # file the case came from

    @field_validator("id")
    @classmethod
    def _id_slug(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("id must be lower-case letters, digits, '.', '_' or '-' (max 80)")
        return v

    @field_validator("artefacts")
    @classmethod
    def _unique(cls, v: list[str]) -> list[str]:
        if len(set(v)) != len(v):
            raise ValueError("artefacts must not repeat")
        return v

    def inputs(self) -> dict:
        """Everything a draft depends on (used in cache keys and fingerprints)."""
        return self.model_dump(mode="json", exclude={"description", "tags", "annotations", "source", "gold", "origin"})

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.model_dump(mode="json"), sort_keys=True).encode()).hexdigest()


# ------------------------------------------------------------------------------------------------


def _loc(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _message(err: dict) -> str:
    kind = err.get("type", "")
    if kind.startswith("date_") or kind == "date_parsing":
        return f"invalid date ({err.get('input')!r}; use YYYY-MM-DD)"
    if kind == "missing":
        return "field required"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "literal_error":
        return err["msg"].replace("Input should be", "must be")
    return err["msg"].removeprefix("Value error, ")


def _validation_error(source: str, exc: ValidationError, prefix: str) -> InputError:
    err = exc.errors()[0]
    where = _loc(tuple(err["loc"]))
    path = f"{prefix}.{where}" if prefix and where else (prefix or where)
    more = len(exc.errors()) - 1
    extra = f" (and {more} more error{'s' if more > 1 else ''})" if more else ""
    return InputError(f"{source}: {path}: {_message(err)}{extra}")


def _loader():
    """A SafeLoader that keeps dates as strings, so pydantic reports bad dates with their field path."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    return Loader


def _parse_yaml(path: Path):
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not valid UTF-8") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{path}: {where}YAML syntax error: {problem}") from None


def load_case_file(path: str | Path) -> list[Case]:
    """Load and validate one case file."""
    path = Path(path)
    data = _parse_yaml(path)
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a mapping with 'format: {FORMAT}' at the top")
    fmt = data.get("format")
    if fmt is None:
        raise InputError(f"{path}: format: field required (add 'format: {FORMAT}')")
    if fmt not in SUPPORTED_FORMATS:
        raise InputError(f"{path}: format: unsupported {fmt!r}; this drafter reads {FORMAT}")
    body = {k: v for k, v in data.items() if k != "format"}
    if "cases" in body:
        if set(body) != {"cases"}:
            extra = sorted(set(body) - {"cases"})[0]
            raise InputError(f"{path}: {extra}: unknown field next to 'cases'")
        raw_cases, prefix = body["cases"], "cases"
        if not isinstance(raw_cases, list) or not raw_cases:
            raise InputError(f"{path}: cases: must be a non-empty list")
    else:
        raw_cases, prefix = [body], ""
    out = []
    for i, raw in enumerate(raw_cases):
        here = f"{prefix}[{i}]" if prefix else ""
        if not isinstance(raw, dict):
            raise InputError(f"{path}: {here or 'case'}: must be a mapping")
        if "notes_file" in raw:
            raw = dict(raw)
            rel = raw.pop("notes_file")
            if "notes" in raw:
                raise InputError(f"{path}: {here or 'case'}: give notes or notes_file, not both")
            target = (path.parent / str(rel)).resolve()
            try:
                raw["notes"] = target.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"{path}: {(here + '.') if here else ''}notes_file: cannot read {rel} ({exc})") from None
        try:
            case = Case.model_validate({**raw, "source": str(path)})
        except ValidationError as exc:
            raise _validation_error(str(path), exc, here) from None
        out.append(case)
    return out


def case_files(suite: str | Path) -> list[Path]:
    """The YAML files of a suite (a file, or a folder searched recursively; calibration excluded)."""
    suite = Path(suite)
    if suite.is_file():
        return [suite]
    if not suite.is_dir():
        raise InputError(f"{suite}: no such suite file or folder")
    files = sorted(
        p for p in suite.rglob("*") if p.suffix in (".yaml", ".yml") and "calibration" not in p.parts
    )
    return files


def load_suite(suite: str | Path | None = None, *, tags: list[str] | None = None, ids: list[str] | None = None) -> list[Case]:
    """Load every case of a suite (default: the shipped ``evals/cases``), optionally filtered.

    Raises :class:`InputError` for a malformed file or a duplicate case id.
    """
    suite = Path(suite) if suite else default_suite()
    files = case_files(suite)
    if not files:
        raise InputError(f"{suite}: no .yaml case files found")
    cases: list[Case] = []
    seen: dict[str, str] = {}
    for f in files:
        for case in load_case_file(f):
            if case.id in seen:
                raise InputError(f"{f}: id: duplicate case id {case.id!r} (also in {seen[case.id]})")
            seen[case.id] = str(f)
            cases.append(case)
    if tags:
        cases = [c for c in cases if set(tags) & set(c.tags)]
    if ids:
        unknown = sorted(set(ids) - set(seen))
        if unknown:
            raise InputError(f"unknown case id(s): {', '.join(unknown)}")
        cases = [c for c in cases if c.id in ids]
    return cases


def default_suite() -> Path:
    """``./evals/cases`` when run from a checkout, else the suite next to the installed package."""
    here = Path.cwd() / "evals" / "cases"
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[2] / "evals" / "cases"
