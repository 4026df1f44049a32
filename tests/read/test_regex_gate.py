"""Gated patterns (drafter/read/regex_gate.py) answer exactly what their pattern answers.

A gated pattern skips the regex when the text holds none of the literal keys found in the
pattern's parse tree; these tests check the keys on known patterns, and compare every gated
pattern of the readers with the plain compiled pattern on real note text and on generated text
made of the patterns' own keys and words around them.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import drafter.read.signals  # noqa: F401 - the modules whose patterns are gated
import drafter.read.worklog  # noqa: F401
from drafter.read import lazy_re, regex_gate
from drafter.read.regex_gate import GatedPattern, gated, keys_of

ROOT = Path(__file__).resolve().parents[2]


def _gated_patterns() -> list[GatedPattern]:
    return [p for p in lazy_re.ALL if isinstance(p, GatedPattern)]


def test_keys_of_known_patterns():
    assert keys_of(r"\b(?:risks?|concern(?:s|ed)?|worr(?:y|ied))\b", re.I) == ("concern", "risk", "worr")
    assert keys_of(r"\bcould\s+slip\b") == ("could",)  # the longest literal run of a sequence
    assert keys_of(r"^(?:next|then)\s+(?P<what>.+)$", re.I) == ("next", "then")
    assert keys_of(r"\b[A-Z]\w+\b") is None  # no literal: no gate
    assert keys_of(r"(?:foo)?bar*") == ("ba",)  # an optional part is no key; 'r*' may be empty
    assert keys_of(r"a|\d") is None  # one alternative without a literal
    assert keys_of(r"(?=.*\bdue\b)") == ("due",)  # a lookahead's text is in the text too
    assert keys_of(r"(?!x)y") == ("y",)


def test_gate_folds_what_ignorecase_folds():
    """U+017F (long s), U+212A (Kelvin), U+0130/U+0131 match s, k, i under re.IGNORECASE: the gate opens."""
    p = gated(r"\b(?:risks?|kit|it)\b", re.I)
    p.compiled  # noqa: B018 - find the keys now
    assert p.keys
    for text in ("at riſk", "a \u212ait", "\u0130T", "\u0131t", "RISK", "no such word"):
        assert bool(p.search(text)) == bool(re.search(p.pattern, text, re.I)), text


def test_gate_used_after_warm_up_only():
    p = gated(r"\bslip\b", re.I)
    assert p.keys is None
    for _ in range(regex_gate.WARM):
        p.search("it may slip")
    assert p.keys == ("slip",)
    assert p.search("nothing here") is None and p.search("It will SLIP").group(0) == "SLIP"
    assert p.sub("x", "nothing here") == "nothing here" and p.split("a b") == ["a b"]
    assert p.findall("no") == [] and list(p.finditer("no")) == [] and p.subn("x", "no") == ("no", 0)


def _corpus_lines() -> list[str]:
    lines = []
    for folder in ("examples", "evals/real"):
        for f in sorted((ROOT / folder).rglob("*")):
            if f.is_file() and f.suffix in (".txt", ".md"):
                lines += [ln for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines


def _generated(patterns: list[GatedPattern], n: int) -> list[str]:
    rnd = random.Random(8)
    words = ["the", "I", "we", "Dana", "will", "not", "is", "now", "by", "Fri", "done", "to", "a", "-", ",", ":", "?", "(", ")", "’", "ſ"]
    for p in patterns:
        words += list(p.keys or ())
        words += re.findall(r"[A-Za-z']+", p.pattern)[:40]
    out = []
    for _ in range(n):
        parts = [rnd.choice(words) for _ in range(rnd.randint(1, 12))]
        text = " ".join(parts)
        if rnd.random() < 0.3:
            text = text.upper()
        elif rnd.random() < 0.3:
            text = text.capitalize()
        out.append(text)
    return out


def test_every_gated_pattern_answers_as_the_pattern():
    patterns = _gated_patterns()
    assert len(patterns) >= 30
    for p in patterns:
        p.compiled  # noqa: B018 - find the keys now
    assert sum(1 for p in patterns if p.keys) >= 20  # most of them do gate
    texts = _corpus_lines() + _generated(patterns, 4000)
    for p in patterns:
        plain = re.compile(p.pattern, p.flags)
        for t in texts:
            a, b = p.search(t), plain.search(t)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (p.pattern[:60], t)
            assert p.sub("#", t) == plain.sub("#", t), (p.pattern[:60], t)
            m1, m2 = p.match(t), plain.match(t)
            assert (m1 and m1.span()) == (m2 and m2.span()), (p.pattern[:60], t)


@pytest.mark.parametrize("text", ["", "x", "Risk: the vendor may slip", "ÄÖ riſk"])
def test_gate_on_a_pattern_with_no_keys(text):
    p = gated(r"\w+")
    p.compiled  # noqa: B018
    assert p.keys is None
    assert p.findall(text) == re.findall(r"\w+", text)
