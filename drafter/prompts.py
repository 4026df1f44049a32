"""Prompt files: markdown with YAML front matter, loaded into a LangChain chat prompt.

A prompt file looks like::

    ---
    name: update
    version: "1.0"
    description: what it is for
    output: update              # update | options | delegate | judge
    variables: [as_of, audience, max_words, facts, notes]
    ---
    ## system
    ...rules ({variable} placeholders, literal braces doubled)...
    ## user
    ...<notes>
    {notes}
    </notes>

Notes are always passed as a variable value, never formatted into the template text, so braces
in notes are safe; and ``{notes}`` may only appear in the user section (never the system prompt).

Where prompts are found (first hit wins):
1. ``load_prompt(path)``: an existing file path (``--prompt my.md``).
2. ``load_prompt(name, prompts_dir)``: ``<prompts_dir>/<name>.md`` (``--prompts-dir``); names a
   folder does not hold fall back to the shipped prompts.
3. The shipped prompts: ``drafter/_prompts/`` (a symlink to the repository's ``prompts/`` in a
   checkout; real files in a wheel, as package data), else ``prompts/`` of a source checkout.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError

OUTPUTS = ("update", "options", "delegate", "judge", "read")

# Variables each kind of prompt may use (the engine / judge supplies exactly these).
KNOWN_VARIABLES: dict[str, frozenset[str]] = {
    "update": frozenset({"as_of", "audience", "max_words", "delegate_to", "facts", "notes", "kind"}),
    "options": frozenset({"as_of", "audience", "max_words", "delegate_to", "facts", "notes", "kind"}),
    "delegate": frozenset({"as_of", "audience", "max_words", "delegate_to", "facts", "notes", "kind"}),
    "judge": frozenset({"criterion_id", "question", "draft", "notes", "as_of"}),
    "read": frozenset({"as_of", "notes"}),  # the LLM reader (drafter/read/llm.py)
}

_SECTION = re.compile(r"^##\s+(system|user)\s*$", re.I | re.M)
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass(frozen=True)
class PromptSpec:
    """One parsed prompt file."""

    name: str
    version: str
    description: str
    output: str  # update | options | delegate | judge
    variables: tuple[str, ...]
    system: str
    user: str
    path: Path | None = None
    meta: dict = field(default_factory=dict, compare=False)

    def chat_prompt(self):
        """The LangChain ``ChatPromptTemplate`` (f-string templates, built with ``from_messages``)."""
        from langchain_core.prompts import ChatPromptTemplate

        return ChatPromptTemplate.from_messages([("system", self.system), ("user", self.user)])

    def render(self, **values) -> list[dict]:
        """``[{"role": "system", ...}, {"role": "user", ...}]`` with ``values`` filled in.

        Plain ``str.format`` semantics identical to LangChain's f-string templates, so this needs
        no LangChain import (used for ``--dry-run`` and by the engine).
        """
        missing = [v for v in self.variables if v not in values]
        if missing:
            raise ConfigError(f"prompt {self.name!r}: no value for variable(s) {', '.join(missing)}")
        vals = {k: ("" if v is None else str(v)) for k, v in values.items()}
        return [
            {"role": "system", "content": self.system.format(**vals)},
            {"role": "user", "content": self.user.format(**vals)},
        ]


def shipped_prompts_dirs() -> list[Path]:
    """Folders that may hold the shipped prompts, in lookup order (existing ones only).

    ``drafter/_prompts`` is a symlink to the repository's ``prompts/`` in a checkout, and a real
    folder in a built wheel (setuptools copies the files: package-data ``_prompts/*.md``). The
    repository folder itself is the fallback, used only inside a source checkout.
    """
    here = Path(__file__).resolve().parent
    candidates = [here / "_prompts"]
    if (here.parent / "pyproject.toml").is_file():
        candidates.append(here.parent / "prompts")
    return [p for p in candidates if p.is_dir()]


def resolve_prompt_path(path_or_name: str | Path, prompts_dir: str | Path | None = None) -> Path:
    """Find the file for a path or a prompt name (see module docstring for the order)."""
    raw = str(path_or_name)
    as_path = Path(raw).expanduser()
    if as_path.is_file():
        return as_path
    looks_like_path = raw.endswith(".md") or "/" in raw or "\\" in raw
    if looks_like_path and not re.fullmatch(r"[\w.-]+\.md", raw):
        raise ConfigError(f"prompt file {as_path} does not exist", hint="check the --prompt path")
    name = raw[:-3] if raw.endswith(".md") else raw
    folders: list[Path] = []
    if prompts_dir:
        folder = Path(prompts_dir).expanduser()
        if not folder.is_dir():
            raise ConfigError(f"prompts folder {folder} does not exist", hint="check --prompts-dir / DRAFTER_PROMPTS_DIR")
        folders.append(folder)
    folders += shipped_prompts_dirs()
    for folder in folders:
        candidate = folder / f"{name}.md"
        if candidate.is_file():
            return candidate
    where = ", ".join(str(f) for f in folders) or "(no prompts folder found)"
    raise ConfigError(f"no prompt named {name!r} in {where}", hint="pass --prompt FILE or --prompts-dir DIR")


def template_variables(text: str) -> set[str]:
    """Placeholders used by an f-string template (``{{`` / ``}}`` are literal braces)."""
    names = set()
    for _, field_name, _, _ in string.Formatter().parse(text):
        if field_name is not None:
            names.add(field_name)
    return names


def parse_prompt(text: str, path: Path | str = "<string>") -> PromptSpec:
    """Parse prompt-file text; every problem is a ConfigError naming ``path``."""

    def bad(problem: str) -> ConfigError:
        return ConfigError(f"prompt file {path}: {problem}", hint="see prompts/update.md for the format")

    m = _FRONT.match(text)
    if not m:
        raise bad("missing YAML front matter (the file must start with a '---' block)")
    import yaml

    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise bad(f"front matter is not valid YAML ({first})") from None
    if not isinstance(meta, dict):
        raise bad("front matter must be a YAML mapping")
    for key in ("name", "version", "output", "variables"):
        if key not in meta or meta[key] in (None, ""):
            raise bad(f"front matter lacks '{key}'")
    output = str(meta["output"]).strip().lower()
    if output not in OUTPUTS:
        raise bad(f"output {output!r} is not one of {', '.join(OUTPUTS)}")
    variables = meta["variables"]
    if isinstance(variables, str):
        variables = [v.strip() for v in variables.split(",") if v.strip()]
    if not isinstance(variables, list) or not all(isinstance(v, str) for v in variables):
        raise bad("'variables' must be a list of names")
    unknown = sorted(set(variables) - KNOWN_VARIABLES[output])
    if unknown:
        raise bad(
            f"unknown variable(s) {', '.join(unknown)} for output {output!r} "
            f"(known: {', '.join(sorted(KNOWN_VARIABLES[output]))})"
        )

    body = text[m.end():]
    sections: dict[str, str] = {}
    matches = list(_SECTION.finditer(body))
    for i, sm in enumerate(matches):
        role = sm.group(1).lower()
        if role in sections:
            raise bad(f"section '## {role}' appears twice")
        end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
        sections[role] = body[sm.end():end].strip("\n").strip()
    for role in ("system", "user"):
        if not sections.get(role):
            raise bad(f"missing or empty '## {role}' section")

    used: set[str] = set()
    for role in ("system", "user"):
        try:
            names = template_variables(sections[role])
        except ValueError as exc:
            raise bad(f"'## {role}' is not a valid template ({exc}; write literal braces as {{{{ }}}})") from None
        odd = sorted(n for n in names if not n.isidentifier())
        if odd:
            raise bad(f"'## {role}' has placeholder(s) {', '.join('{' + n + '}' for n in odd)}; "
                      "write literal braces as {{ }}")
        undeclared = sorted(names - set(variables))
        if undeclared:
            raise bad(f"'## {role}' uses undeclared variable(s) {', '.join(undeclared)}")
        used |= names
    if "notes" in template_variables(sections["system"]):
        raise bad("{notes} must not appear in the system section; notes go in the user message")
    if "notes" in variables and "notes" not in template_variables(sections["user"]):
        raise bad("variable 'notes' is declared but the user section does not use {notes}")

    return PromptSpec(
        name=str(meta["name"]),
        version=str(meta["version"]),
        description=str(meta.get("description") or ""),
        output=output,
        variables=tuple(variables),
        system=sections["system"],
        user=sections["user"],
        path=Path(path) if not isinstance(path, Path) and path != "<string>" else (path if isinstance(path, Path) else None),
        meta=meta,
    )


def load_prompt(path_or_name: str | Path, prompts_dir: str | Path | None = None) -> PromptSpec:
    """Load and validate a prompt file by path or name (``update``, ``options``, ``delegate``, ``judge``)."""
    path = resolve_prompt_path(path_or_name, prompts_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"prompt file {path} cannot be read: {exc}") from None
    return parse_prompt(text, path)


__all__ = ["PromptSpec", "load_prompt", "parse_prompt", "resolve_prompt_path", "shipped_prompts_dirs"]
