"""Reading notes safely: one clear error for empty, binary, non-UTF-8 or oversized input."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import InputError

#: Largest notes accepted, in bytes (override with DRAFTER_MAX_INPUT_BYTES). Never truncated.
DEFAULT_MAX_INPUT_BYTES = 512 * 1024


def max_input_bytes() -> int:
    raw = os.environ.get("DRAFTER_MAX_INPUT_BYTES")
    if raw:
        try:
            return max(1, int(raw))
        except ValueError:
            raise InputError(f"DRAFTER_MAX_INPUT_BYTES must be a number of bytes, got {raw!r}")
    return DEFAULT_MAX_INPUT_BYTES


def decode_notes(data: bytes, source: str = "input") -> str:
    """Validate raw bytes and return the notes as text (BOM stripped, newlines normalised)."""
    limit = max_input_bytes()
    if len(data) > limit:
        raise InputError(
            f"{source} is {len(data):,} bytes; the limit is {limit:,} bytes",
            hint="split the notes, or raise DRAFTER_MAX_INPUT_BYTES; nothing was truncated",
        )
    if b"\x00" in data:
        raise InputError(f"{source} looks like a binary file, not text notes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source} is not valid UTF-8 (byte {exc.start})",
            hint="convert it first, e.g. iconv -f latin1 -t utf-8",
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\f\v")
    if control > max(8, len(text) // 100):
        raise InputError(f"{source} looks like a binary file, not text notes")
    if not text.strip():
        raise InputError(f"{source} is empty", hint="pass a notes file or pipe notes on stdin")
    return text


def read_notes_file(path: str | os.PathLike) -> str:
    """Read and validate a notes file."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{p} is a directory, not a notes file")
        size = p.stat().st_size
        limit = max_input_bytes()
        if size > limit:
            raise InputError(
                f"{p} is {size:,} bytes; the limit is {limit:,} bytes",
                hint="split the notes, or raise DRAFTER_MAX_INPUT_BYTES; nothing was truncated",
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    return decode_notes(data, str(p))
