"""Reading and validating input at the entry point: one clear :class:`InputError` for empty,
invisible-only, binary, non-UTF-8, oversized or unreadable notes, lone surrogates, extreme dates,
over-long names and out-of-range counts, so nothing odd reaches the parser or the models.

Files are read with a bound whatever their kind: at most limit + 1 bytes (``/dev/zero``,
``/dev/urandom`` and endless pipes are refused once past the limit), and a FIFO or terminal that
sends nothing within ``DRAFTER_INPUT_WAIT`` seconds (default 10) is refused instead of waited on.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import select
import stat
import time
import unicodedata
from pathlib import Path

from .errors import ConfigError, InputError

#: Largest notes accepted, in bytes (override with DRAFTER_MAX_INPUT_BYTES). Never truncated.
DEFAULT_MAX_INPUT_BYTES = 512 * 1024
MAX_INPUT_BYTES_CEILING = 64 * 1024 * 1024  # DRAFTER_MAX_INPUT_BYTES may not exceed 64 MiB
MIN_AS_OF = dt.date(1900, 1, 1)
MAX_AS_OF = dt.date(2999, 12, 31)
MAX_NAME = 80  # characters in a person's name (the models' owner/who fields)
MAX_WORDS = (10, 100_000)
MAX_WITHIN_DAYS = 36_500  # `due --within`: a hundred years
DEFAULT_INPUT_WAIT = 10.0


def max_input_bytes() -> int:
    raw = os.environ.get("DRAFTER_MAX_INPUT_BYTES")
    if raw:
        try:
            value = int(raw)
        except ValueError:
            raise InputError(f"DRAFTER_MAX_INPUT_BYTES must be a number of bytes, got {raw[:40]!r}") from None
        if not 1 <= value <= MAX_INPUT_BYTES_CEILING:
            raise ConfigError(
                f"DRAFTER_MAX_INPUT_BYTES must be between 1 and {MAX_INPUT_BYTES_CEILING:,} bytes, got {raw[:40]}"
            )
        return value
    return DEFAULT_MAX_INPUT_BYTES


def _input_wait() -> float:
    raw = os.environ.get("DRAFTER_INPUT_WAIT")
    try:
        return min(max(float(raw), 0.1), 3600.0) if raw else DEFAULT_INPUT_WAIT
    except ValueError:
        return DEFAULT_INPUT_WAIT


# --------------------------------------------------------------------------------------------
# Text and values
# --------------------------------------------------------------------------------------------

_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"}  # controls, format chars (ZWSP, BOM...), spaces, lone marks


def is_blank(text: str) -> bool:
    """Nothing a reader could see: whitespace, zero-width and other format characters only."""
    return all(ch.isspace() or unicodedata.category(ch) in _INVISIBLE for ch in text)


def _surrogate_at(text: str) -> int | None:
    try:
        text.encode("utf-8")
        return None
    except UnicodeEncodeError as exc:
        return exc.start


def check_notes(notes, source: str = "notes") -> str:
    """Notes given to the library: a non-empty, visible, encodable string within the size limit."""
    if not isinstance(notes, str):
        raise InputError(f"{source} must be text (str), got {type(notes).__name__}")
    at = _surrogate_at(notes)
    if at is not None:
        raise InputError(f"{source} hold a lone surrogate at character {at} (not valid Unicode text)")
    size = len(notes.encode("utf-8"))
    limit = max_input_bytes()
    if size > limit:
        raise InputError(
            f"{source} are {size:,} bytes; the limit is {limit:,} bytes",
            hint="split the notes, or raise DRAFTER_MAX_INPUT_BYTES; nothing was truncated",
        )
    if is_blank(notes):
        raise InputError(f"{source} are empty", hint="pass a notes file or pipe notes on stdin")
    return notes


def check_as_of(day: dt.date) -> dt.date:
    if not MIN_AS_OF <= day <= MAX_AS_OF:
        raise InputError(f"as-of date {day.isoformat()} is out of range ({MIN_AS_OF.year}-{MAX_AS_OF.year})")
    return day


def check_person(name, what: str = "delegate") -> str | None:
    """A person's name given as an option (``--to``): at most 80 visible characters, valid text."""
    if name is None:
        return None
    if not isinstance(name, str):
        raise InputError(f"{what} must be a name (str), got {type(name).__name__}")
    if _surrogate_at(name) is not None:
        raise InputError(f"{what} name holds a lone surrogate (not valid Unicode text)")
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        raise InputError(f"{what} name holds control characters")
    clean = " ".join(name.split())
    if is_blank(clean):
        raise InputError(f"{what} name is empty")
    if len(clean) > MAX_NAME:
        raise InputError(f"{what} name is {len(clean)} characters; at most {MAX_NAME}")
    return clean


def check_log_names(log) -> None:
    """Names the notes give (delegate, owners, people waited on, deciders) fit the models' 80
    characters: a longer one is refused with the line named, instead of a crash in the writer."""
    def bad(name, what, line) -> None:
        if name and len(name) > MAX_NAME:
            where = f" (line {line})" if line else ""
            raise InputError(f"the notes name a {what} of {len(name)} characters{where}; a name has at most {MAX_NAME}")

    for item in getattr(log, "items", []):
        bad(item.delegate_to, "delegate", None)
        for c in item.commitments:
            bad(c.owner, "promise owner", getattr(c, "line", None))
            bad(c.for_whom, "person promised", getattr(c, "line", None))
        for w in item.waits:
            bad(w.on_whom, "person waited on", getattr(w, "line", None))
        for d in item.decisions:
            bad(d.who, "decider", getattr(d, "line", None))
    for p in getattr(log, "people", []):
        bad(p.name, "person", getattr(p, "line", None))


def check_max_words(n) -> int | None:
    if n is None:
        return None
    if isinstance(n, bool) or not isinstance(n, int) or not MAX_WORDS[0] <= n <= MAX_WORDS[1]:
        raise InputError(f"--max-words must be a whole number from {MAX_WORDS[0]} to {MAX_WORDS[1]:,}, got {n!r}")
    return n


def check_within(days: int) -> int:
    if not 0 <= days <= MAX_WITHIN_DAYS:
        raise InputError(f"--within must be 0 to {MAX_WITHIN_DAYS:,} days, got {days:,}")
    return days


_BINARY_HINT = "export the notes as plain text, e.g. notes.txt, and pass that file"
_CONTROL = re.compile(r"[\x00-\x08\x0d-\x1f]")  # ord < 32, not \t (9), \n (10), \v (11), \f (12)


def decode_notes(data: bytes, source: str = "input") -> str:
    """Validate raw bytes and return the notes as text (BOM stripped, newlines normalised)."""
    limit = max_input_bytes()
    if len(data) > limit:
        raise InputError(
            f"{source} is {len(data):,} bytes; the limit is {limit:,} bytes",
            hint="split the notes, or raise DRAFTER_MAX_INPUT_BYTES; nothing was truncated",
        )
    if b"\x00" in data:
        raise InputError(f"{source} looks like a binary file, not text notes", hint=_BINARY_HINT)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source} is not valid UTF-8 (byte {exc.start})",
            hint="convert it first, e.g. iconv -f latin1 -t utf-8",
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = len(_CONTROL.findall(text))  # characters below 32 other than \n \t \f \v
    if control > max(8, len(text) // 100):
        raise InputError(f"{source} looks like a binary file, not text notes", hint=_BINARY_HINT)
    if is_blank(text):
        raise InputError(f"{source} is empty", hint="pass a notes file or pipe notes on stdin")
    return text


def read_bounded(fd: int, limit: int, source: str, wait: float | None = None) -> bytes:
    """At most ``limit + 1`` bytes from ``fd``; waits at most ``wait`` seconds for each piece of data.

    A pipe or FIFO that sends nothing for that long (no writer) is refused rather than waited on.
    """
    wait = _input_wait() if wait is None else wait
    chunks: list[bytes] = []
    got = 0
    while got <= limit:
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            what = "no writer sent anything" if not got else "the writer stopped sending"
            raise InputError(f"{source}: {what} within {wait:g}s", hint="write the notes to a file and pass that")
        try:
            chunk = os.read(fd, min(1 << 20, limit + 1 - got))
        except BlockingIOError:  # woken without data (e.g. a FIFO's writer came and went)
            time.sleep(0.01)
            continue
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def read_notes_file(path: str | os.PathLike) -> str:
    """Read and validate a notes file: regular files, FIFOs, pipes and devices alike, bounded."""
    p = Path(path)
    limit = max_input_bytes()
    try:
        info = os.stat(p)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{p} is a directory, not a notes file")
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise InputError(
                f"{p} is {info.st_size:,} bytes; the limit is {limit:,} bytes",
                hint="split the notes, or raise DRAFTER_MAX_INPUT_BYTES; nothing was truncated",
            )
        regular = stat.S_ISREG(info.st_mode)
        # non-blocking open: a FIFO without a writer must not block the open itself
        fd = os.open(p, os.O_RDONLY | (0 if regular else os.O_NONBLOCK))
        try:
            if regular:
                with os.fdopen(fd, "rb", closefd=False) as fh:
                    data = fh.read(limit + 1)
            else:
                data = read_bounded(fd, limit, str(p))
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:  # symlink loop, name too long, not a directory, I/O error...
        raise InputError(f"{_short_path(p)}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(
            f"{_short_path(p)} holds more than the limit of {limit:,} bytes",
            hint="split the notes, or raise DRAFTER_MAX_INPUT_BYTES; nothing was truncated",
        )
    return decode_notes(data, str(p))


def _short_path(p: Path) -> str:
    text = str(p)
    return text if len(text) <= 120 else text[:60] + "…" + text[-40:]
