"""Settings from (highest first) explicit arguments, environment variables, the config file, defaults.

Config file: TOML at ``$DRAFTER_CONFIG`` or ``<user config dir>/drafter/config.toml``::

    engine = "auto"          # auto | offline | llm
    model = "gpt-4o-mini"
    base_url = "http://127.0.0.1:11434/v1"
    timeout = 60
    max_retries = 2
    audience = "boss"
    prompts_dir = "~/my-prompts"
    record = false           # journal every update by default
    fallback = "none"        # none | offline
    reader = "auto"          # auto | offline | llm (auto: llm when a model is configured)

The API key is read from ``OPENAI_API_KEY`` only (never from the config file, never printed).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from .errors import ConfigError

DEFAULT_MODEL = "gpt-4o-mini"


def config_path() -> Path:
    env = os.environ.get("DRAFTER_CONFIG")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("drafter")) / "config.toml"


def data_dir() -> Path:
    """Where drafter keeps its journal and eval runs (``DRAFTER_HOME`` overrides)."""
    env = os.environ.get("DRAFTER_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("drafter"))


class Settings(BaseModel):
    """Resolved configuration. Build with :func:`load_settings`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    engine: Literal["auto", "offline", "llm"] = "auto"
    reader: Literal["auto", "offline", "llm"] = "auto"
    model: str | None = None
    base_url: str | None = None
    api_key: SecretStr | None = Field(default=None, repr=False)
    timeout: float = Field(default=60.0, gt=0, le=3600)
    max_retries: int = Field(default=2, ge=0, le=10)
    temperature: float | None = Field(default=None, ge=0, le=2)
    max_tokens: int | None = Field(default=None, ge=1, le=1_000_000)
    audience: Literal["boss", "team", "client"] = "boss"
    prompts_dir: Path | None = None
    record: bool = False
    fallback: Literal["none", "offline"] = "none"
    journal_path: Path | None = None
    config_file: Path | None = None

    def model_post_init(self, _context) -> None:
        if self.api_key is not None:
            from .errors import register_secret

            register_secret(self.api_key.get_secret_value())

    @property
    def llm_configured(self) -> bool:
        return bool(self.api_key or self.base_url)

    @property
    def resolved_engine(self) -> Literal["offline", "llm"]:
        if self.engine == "auto":
            return "llm" if self.llm_configured else "offline"
        return self.engine

    @property
    def resolved_reader(self) -> Literal["offline", "llm"]:
        """Who reads the notes: the LLM when one is configured (``auto``), else the offline reader."""
        if self.reader == "auto":  # a model configured and the engine not forced offline
            return "llm" if self.llm_configured and self.engine != "offline" else "offline"
        return self.reader

    @property
    def resolved_model(self) -> str:
        return self.model or DEFAULT_MODEL

    @property
    def provider(self) -> str:
        """Human name of the configured provider, used in error messages."""
        if not self.base_url:
            return "OpenAI (api.openai.com)"
        url = self.base_url.lower()
        for marker, name in (
            (":11434", "Ollama"),
            (":1234", "LM Studio"),
            (":8000", "vLLM/llama.cpp"),
            ("openai.com", "OpenAI"),
        ):
            if marker in url:
                return f"{name} at {self.base_url}"
        return f"the OpenAI-compatible server at {self.base_url}"


_ENV = {
    "engine": "DRAFTER_ENGINE",
    "reader": "DRAFTER_READER",
    "model": "DRAFTER_MODEL",
    "timeout": "DRAFTER_TIMEOUT",
    "max_retries": "DRAFTER_MAX_RETRIES",
    "audience": "DRAFTER_AUDIENCE",
    "prompts_dir": "DRAFTER_PROMPTS_DIR",
    "record": "DRAFTER_RECORD",
    "fallback": "DRAFTER_FALLBACK",
    "journal_path": "DRAFTER_JOURNAL",
}


def _read_config_file(path: Path) -> dict:
    import tomllib

    try:
        if not path.exists():
            return {}
        if path.is_dir():
            raise ConfigError(f"config file {path} is a directory", hint="point DRAFTER_CONFIG at a TOML file")
        with open(path, "rb") as fh:
            raw = fh.read(1024 * 1024 + 1)
        if len(raw) > 1024 * 1024:
            raise ConfigError(f"config file {path} is larger than 1 MiB")
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {' '.join(str(exc).split())}") from None
    except OSError as exc:
        raise ConfigError(f"config file {path} cannot be read: {exc.strerror or exc}") from None
    if "api_key" in data:
        raise ConfigError(
            f"config file {path} holds api_key; keys belong in OPENAI_API_KEY, not in a file"
        )
    return data


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def load_settings(**overrides) -> Settings:
    """Resolve settings; ``None`` overrides are ignored so CLI defaults do not mask env/config."""
    path = config_path()
    values: dict = dict(_read_config_file(path))
    for field, var in _ENV.items():
        if os.environ.get(var):
            values[field] = os.environ[var]
    base = os.environ.get("OPENAI_BASE_URL") or os.environ.get("OPENAI_API_BASE")
    if base:
        values["base_url"] = base
    key = os.environ.get("OPENAI_API_KEY")
    if key:
        values["api_key"] = key
    values.update({k: v for k, v in overrides.items() if v is not None})
    values["config_file"] = path if _exists(path) else None
    try:
        return Settings(**values)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise ConfigError(
            f"bad setting {where}: {err['msg']}",
            hint=f"check the environment variables and {path}",
        ) from None
