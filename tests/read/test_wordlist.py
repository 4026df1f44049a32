"""drafter.read.wordlist: wordfreq's answers, cached per wordfreq version, the same as asking wordfreq.

Building the cache asks wordfreq about every plain word of its lists (a few seconds), so this
module builds it once in a temp dir (``DRAFTER_CACHE_DIR``) and checks the answers against
wordfreq itself; a fresh process with the cache present must not import wordfreq at all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.read import wordlist

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = [
    "the", "will", "approval", "kick", "starting", "open", "discussion", "lead", "board", "docs", "figures",
    "contract", "export", "reply", "waiting", "dana", "lee", "priya", "eric", "raj", "omar", "hannah", "olga",
    "piet", "ehuss", "tmandry", "zzqxv", "acme", "mon", "nov", "q", "ok", "eod", "legal", "team", "sam",
    "don't", "follow-up", "re-engineering", "naïve", "café", "x1", "o'brien",
]  # fmt: skip


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    where = tmp_path_factory.mktemp("drafter-cache")
    old = os.environ.get("DRAFTER_CACHE_DIR")
    os.environ["DRAFTER_CACHE_DIR"] = str(where)
    wordlist._sets.cache_clear()
    yield where
    wordlist._sets.cache_clear()
    if old is None:
        os.environ.pop("DRAFTER_CACHE_DIR", None)
    else:
        os.environ["DRAFTER_CACHE_DIR"] = old


def test_the_cache_is_written_per_wordfreq_version(cache_dir, monkeypatch):
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(cache_dir))
    from importlib.metadata import version

    assert wordlist.wordfreq_version() == version("wordfreq")
    assert wordlist._sets() is not None
    path = cache_dir / f"wordfreq-{version('wordfreq')}-lookups-v{wordlist.SCHEMA}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["wordfreq"] == version("wordfreq")
    assert "approval" in data["common_english"] and "priya" not in data["common_english"]
    assert len(data["common_english"]) > 5000 and len(data["frequent_english"]) > 10000


def test_answers_are_wordfreqs(cache_dir, monkeypatch):
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(cache_dir))
    from wordfreq import get_frequency_dict, zipf_frequency

    words = SAMPLE + sorted(get_frequency_dict("en", "small"))[::7]
    for w in words:
        assert wordlist.common_english(w) == wordlist._common_by_wordfreq(w), w
        assert wordlist.frequent_english(w) == (zipf_frequency(w, "en") >= 3.0), w
    assert wordlist.common_english("approval") and not wordlist.common_english("priya")
    for w in SAMPLE + ["bump", "rebase", "refactor", "menu", "music", "copy", "file", "agree"] + words[::5]:
        for lenient in (False, True):
            assert wordlist.verb_forms_common(w, lenient) == wordlist._verb_by_wordfreq(w, lenient), (w, lenient)
    assert wordlist.verb_forms_common("bump") and not wordlist.verb_forms_common("music")
    assert wordlist.verb_forms_common("rebase", lenient=True) and not wordlist.verb_forms_common("rebase")


def test_a_run_with_the_cache_does_not_import_wordfreq(cache_dir):
    code = (
        "import sys\n"
        "from drafter.read.people import is_common_word\n"
        "from drafter.read.provenance import _common_word\n"
        "print(is_common_word('Approval'), is_common_word('Priya'), _common_word('Emailed'))\n"
        "print('wordfreq' in sys.modules)\n"
    )
    env = {**os.environ, "DRAFTER_CACHE_DIR": str(cache_dir)}
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False", "True", "False"], out.stdout + out.stderr


def test_an_unusable_cache_falls_back_to_wordfreq(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(blocker / "sub"))  # cannot be created: a file is in the way
    wordlist._sets.cache_clear()
    try:
        assert wordlist.common_english("approval") and not wordlist.common_english("priya")
        assert not (blocker / "sub").exists()
    finally:
        wordlist._sets.cache_clear()


def test_a_corrupt_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path))
    path = wordlist.cache_path(wordlist.wordfreq_version())
    path.write_text("{not json", encoding="utf-8")
    wordlist._sets.cache_clear()
    try:
        assert wordlist.frequent_english("emailed") == wordlist._frequent_by_wordfreq("emailed")
        assert json.loads(path.read_text(encoding="utf-8"))["schema"] == wordlist.SCHEMA
    finally:
        wordlist._sets.cache_clear()


def test_a_whole_offline_draft_with_the_cache_does_not_import_wordfreq(cache_dir):
    """Loading wordfreq costs ~0.3-0.5 s: no stage of an offline update, options or delegation
    plan (reader, playbook, writer, render) may import it once the cache exists."""
    wordlist._sets.cache_clear()
    assert wordlist._sets() is not None  # the cache exists (this test may run alone on a worker: it writes it)
    code = (
        "import sys\n"
        "from drafter import Drafter\n"
        "d = Drafter(engine='offline')\n"
        "for name in sorted(__import__('os').listdir('examples')):\n"
        "    text = open('examples/' + name, encoding='utf-8').read()\n"
        "    d.update(text, as_of='2026-11-25').render()\n"
        "    d.delegate(text, as_of='2026-11-25', delegate_to='Priya').render()\n"
        "print('wordfreq' in sys.modules)\n"
    )
    env = {**os.environ, "DRAFTER_CACHE_DIR": str(cache_dir)}
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split()[-1:] == ["False"], out.stdout + out.stderr[-2000:]
