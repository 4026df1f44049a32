"""End to end: start the real llama.cpp server, draft all three artefacts through the CLI, stop it.

Slow (about 3 minutes on 2 cores): generation is bounded by max_tokens in the config file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from drafter.models import ARTEFACT_MODELS, ArtefactKind

from .plans import NOTES
from .support import MODEL_NAME

pytestmark = [pytest.mark.server, pytest.mark.timeout(1800)]


@pytest.mark.parametrize("kind", ["update", "options", "delegate"])
def test_cli_drafts_through_the_real_server(kind, llama_server, tmp_path, isolated_env):
    config = isolated_env / "config.toml"  # DRAFTER_CONFIG points here (tests/conftest.py)
    # the writer through the CLI on the base model; the offline reader reads (LLM reader: test_llm_reader.py)
    config.write_text("max_tokens = 1536\ntimeout = 600\nmax_retries = 0\ntemperature = 0\nreader = \"offline\"\n", encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    args = [kind, str(notes), "--base-url", llama_server, "--model", MODEL_NAME, "--as-of", "2026-11-25", "--format", "json"]
    if kind == "delegate":
        args += ["--to", "Priya"]
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "drafter.cli", *args], capture_output=True, text=True, timeout=900, env=dict(os.environ)
    )
    elapsed = time.monotonic() - start
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"engine: llm ({MODEL_NAME} via" in proc.stderr
    out = json.loads(proc.stdout)
    artefact = ARTEFACT_MODELS[ArtefactKind(kind)].model_validate(out["artefact"])
    assert artefact.kind == kind and str(artefact.as_of) == "2026-11-25"
    meta = out["meta"]
    assert meta["engine"] == "llm" and meta["model"] == MODEL_NAME and meta["prompt_name"] == kind
    assert meta["tokens_in"] > 100 and meta["tokens_out"] > 10 and meta["llm_calls"] >= 1
    print(f"\n{kind}: {meta['tokens_in']} in / {meta['tokens_out']} out, engine {meta['latency_ms'] / 1000:.1f}s, "
          f"CLI wall {elapsed:.1f}s, calls {meta['llm_calls']}")
