"""Measure tokens, latency and drafter overhead per artefact against an OpenAI-compatible server.

    .venv/bin/python -m tests.llm.measure_llm http://127.0.0.1:PORT/v1 [max_tokens]

Overhead = engine wall time minus time inside the HTTP call (prompt building, parsing, validation,
plan enforcement, rendering for the grounding guard). The first artefact is cold (imports, client construction), the rest warm.
"""

from __future__ import annotations

import sys
import time

from drafter.config import Settings
from drafter.engines.llm import LLMEngine
from drafter.models import ArtefactKind, DraftOptions

from .plans import NOTES, sample_plan


def main(url: str, max_tokens: int = 1536) -> None:
    settings = Settings(base_url=url, model="gemma-3-270m", timeout=900, max_retries=0, max_tokens=max_tokens, temperature=0)
    t0 = time.perf_counter()
    engine = LLMEngine(settings)
    for i, kind in enumerate(ArtefactKind):
        artefact, meta = engine.write(kind, sample_plan(), NOTES, DraftOptions(delegate_to="Priya"))
        t = engine.last_timings
        print(
            f"{kind.value:9s} {'cold' if i == 0 else 'warm'}: tokens {meta.tokens_in} in / {meta.tokens_out} out, "
            f"calls {meta.llm_calls}, latency {meta.latency_ms / 1000:.1f}s, http {t['http_ms'] / 1000:.1f}s, "
            f"overhead {t['total_ms'] - t['http_ms']:.0f} ms, warnings {len(meta.warnings)}"
        )
    print(f"total {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1536)
