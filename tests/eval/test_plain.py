"""The plain-prompt baseline arm (`drafter eval run --engine plain`): one plain request to the same
model, free text back, scored with the same criteria and measures.

The LLM test replays a vcrpy cassette recorded against the real local llama.cpp server serving the
instruction-tuned Qwen2.5-Coder-0.5B (tests/llm/models.py). Re-record with
``--record-mode=rewrite`` and ``DRAFTER_PLAIN_TEST_URL=http://127.0.0.1:PORT/v1`` (a running server
with ``--model_alias qwen2.5-coder-0.5b-instruct``; run it under ``flock /tmp/model.lock``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafter.engines.plain import load_plain_prompt
from drafter.errors import ConfigError

MODEL = "qwen2.5-coder-0.5b-instruct"
REPLAY_URL = "http://127.0.0.1:9/v1"

SUITE = """\
format: drafter-eval/1
id: plain-node
as_of: 2018-03-27
artefacts: [update]
notes: |
  Launch success reached 0% at 10:34 on 2018-03-26; the cluster self-healed at 10:55.
  We cordoned the node with the error. The root cause is still unknown.
  TODO: enable SMTP for alerts from grafana metrics.
annotations:
  commitments: [{what: enable SMTP for alerts from grafana metrics, owner: team}]
gold:
  - {id: f1, kind: done, weight: 2, text: node cordoned, match: ["cordon"]}
  - {id: f2, kind: risk, weight: 3, text: root cause unknown, match: ["root cause|cause", "unknown|not known"]}
  - {id: f3, kind: action, weight: 2, text: SMTP alerts open, match: ["SMTP|email", "alert"]}
"""


@pytest.fixture(scope="module")
def vcr_config():
    return {
        "filter_headers": ["authorization", "api-key", "cookie", "set-cookie"],
        "match_on": ["method", "path", "llm_body"],
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir():
    return str(Path(__file__).parent / "cassettes")


@pytest.fixture
def plain_url(record_mode):
    if record_mode == "none":
        return REPLAY_URL
    url = os.environ.get("DRAFTER_PLAIN_TEST_URL")
    if not url:
        pytest.skip("set DRAFTER_PLAIN_TEST_URL to a running llama.cpp server to record")
    return url


def test_the_plain_prompt_is_what_a_user_would_type(tmp_path):
    p = load_plain_prompt()
    msg = p.message("update", "NOTES {braces} here", None)
    assert msg.startswith("Write a status update for my manager from these notes.")
    assert msg.endswith("NOTES {braces} here")  # the notes are pasted as they are, braces and all
    assert "Priya" in p.message("delegate", "n", "Priya") and "options" in p.message("options", "n").lower()
    (tmp_path / "plain.md").write_text("---\nname: plain\nversion: '1'\n---\n## update\nno notes here\n")
    with pytest.raises(ConfigError, match="options|notes"):
        load_plain_prompt(tmp_path)


def test_plain_arm_without_a_model_is_a_configuration_error(tmp_path):
    from drafter.eval import run_suite

    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "c.yaml").write_text(SUITE)
    with pytest.raises(ConfigError, match="plain prompt"):
        run_suite(suite, engine="plain", runs_dir=tmp_path / "runs")


@pytest.mark.vcr
@pytest.mark.timeout(1800)
def test_plain_arm_drafts_free_text_scores_it_and_caches_it(plain_url, tmp_path):
    from drafter.eval import run_suite

    Path(os.environ["DRAFTER_CONFIG"]).write_text("max_tokens = 60\ntimeout = 900\nmax_retries = 0\ntemperature = 0\n")
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "c.yaml").write_text(SUITE)
    kw = dict(engine="plain", base_url=plain_url, model=MODEL, runs_dir=tmp_path / "runs", concurrency=1)
    first = run_suite(suite, name="plain-1", **kw)
    (u,) = first.units
    assert u.status == "ok", u.error
    assert first.model_calls == 1 and u.meta["engine"] == "plain" and u.text.strip()
    assert u.artefact_json is None  # free text: no artefact, no pipeline
    ids = {c.id for c in u.checks}
    assert {"U1", "U10", "U14"} <= ids  # the deterministic criteria read the text
    m = u.meta["measures"]
    assert m["recall"] is not None and m["lead_n"] is not None and m["unsupported"] >= 0
    assert first.summary()["engine"] == "plain"
    second = run_suite(suite, name="plain-2", **kw)
    assert second.model_calls == 0 and second.cache_hits == 1 and second.units[0].text == u.text
