"""Over every real note in evals/real: the structure-first reader's work log holds the invariant,
names no common word as a person without strong evidence, and never makes a heading, a URL,
markup or a question into an item title or an action."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from drafter.read.markup import has_markup
from drafter.read.offline import read_structured
from drafter.read.outline import build_outline
from drafter.read.people import STRONG, is_common_word

ROOT = Path(__file__).resolve().parents[2]
NOTES = sorted((ROOT / "evals" / "real").glob("**/*.md"))


def _as_of(path: Path) -> dt.date:
    case = path.with_suffix(".yaml")
    if case.exists():
        data = yaml.safe_load(case.read_text()) or {}
        if data.get("as_of"):
            return data["as_of"] if isinstance(data["as_of"], dt.date) else dt.date.fromisoformat(str(data["as_of"]))
    return dt.date(2026, 1, 1)


@pytest.fixture(scope="module", params=NOTES or [None], ids=lambda p: p.name if p else "none")
def note(request):
    if request.param is None:
        pytest.skip("no real notes in evals/real yet")
    text = request.param.read_text()
    return text, read_structured(text, _as_of(request.param))


def test_every_line_once(note):
    text, log = note
    nums = [i + 1 for i, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")) if line.strip()]
    got = log.accounted_lines()
    assert sorted(got) == nums and len(got) == len(set(got))


def test_no_common_word_is_a_person_without_strong_evidence(note):
    _, log = note
    bad = [p.name for p in log.people if len(p.name.split()) == 1 and is_common_word(p.name) and p.evidence not in STRONG]
    assert not bad


def test_titles_and_actions_hold_no_markup_url_or_question(note):
    _, log = note
    for w in log.items:
        texts = [w.title, *(a.text for a in w.actions), *(c.what for c in w.commitments), *(x.what for x in w.waits)]
        for t in texts:
            assert not has_markup(t), t
            assert not re.search(r"https?://|www\.", t), t
        assert not w.title.endswith("?"), w.title
        for t in [*(a.text for a in w.actions), *(c.what for c in w.commitments)]:
            assert not t.rstrip().endswith("?"), t


def test_no_heading_is_an_action_or_a_blocker(note):
    text, log = note
    if log.genre == "notes":
        pytest.skip("personal notes: read by the personal parser")
    heads = {n.text.strip(" :").lower() for n in build_outline(text).headings() if n.text}
    for w in log.items:
        for t in [*(a.text for a in w.actions), *(c.what for c in w.commitments), *(x.what for x in w.waits)]:
            assert t.strip(" :.").lower() not in heads, t


def test_every_element_cites_lines_of_its_item(note):
    text, log = note
    src = text.splitlines()
    for w in log.items:
        for el in [*w.actions, *w.commitments, *w.waits, *w.decisions, *w.outcomes, *w.questions, *w.risk_notes]:
            assert el.lines, el
            # beyond its item, an element may cite only the line that names its speaker ("* Matthias:" above)
            person = getattr(el, "actor", None) or getattr(el, "owner", None) or getattr(el, "who", None) or getattr(el, "asked_by", None)
            extra = set(el.lines) - set(w.lines)
            assert all(person and person.split()[0] in src[n - 1] for n in extra), (w.title, el)
