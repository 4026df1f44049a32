"""Case files: the shipped suite is complete and true to its notes; malformed files name file + field."""

from __future__ import annotations

import re

import pytest

from drafter.errors import InputError
from drafter.eval import load_suite
from drafter.eval.cases import FORMAT, load_case_file

from eval_support import SUITE, write

REQUIRED_TAGS = {"wait", "missed", "decision", "recurring", "multi", "vague", "good-news", "messy", "injection"}


@pytest.fixture(scope="module")
def suite():
    return load_suite(SUITE)


def test_shipped_suite_has_40_cases_covering_every_theme(suite):
    assert len(suite) >= 40
    tags = {t for c in suite for t in c.tags}
    assert REQUIRED_TAGS <= tags, REQUIRED_TAGS - tags
    kinds = {a for c in suite for a in c.artefacts}
    assert kinds == {"update", "options", "delegate"}
    assert len({c.id for c in suite}) == len(suite)
    for c in suite:
        assert c.as_of.year == 2026 and c.as_of.month in (11, 12), c.id


def _mentions(notes: str, name: str) -> bool:
    return name.lower() in notes.lower()


def test_annotations_are_true_to_the_notes(suite):
    """Names, waits and internal ids annotated must be in the notes; dates agree with the states."""
    for c in suite:
        a = c.annotations
        for p in a.people + a.internal_names:
            assert _mentions(c.notes, p), f"{c.id}: {p!r} not in the notes"
        for w in a.waits:
            assert _mentions(c.notes, w.on_whom), f"{c.id}: waits on {w.on_whom!r} not in the notes"
        for cm in a.commitments:
            if cm.state == "missed":
                assert cm.due and cm.due < c.as_of, f"{c.id}: missed {cm.what!r} must be due before as_of"
            if cm.state == "open" and cm.due:
                assert cm.due >= c.as_of, f"{c.id}: open {cm.what!r} is past due: state should be missed"
            if cm.owner != "I":
                assert _mentions(c.notes, cm.owner), f"{c.id}: owner {cm.owner!r} not in the notes"
        if a.deadline:
            assert a.deadline >= c.as_of, f"{c.id}: downstream deadline before as_of"
            assert a.deadline_label, f"{c.id}: deadline without a label"
        if "delegate" in c.artefacts:
            assert c.delegate_to and a.delegate == c.delegate_to, c.id
            assert _mentions(c.notes, c.delegate_to), c.id


def test_injection_cases_carry_instructions(suite):
    inj = [c for c in suite if "injection" in c.tags]
    assert len(inj) >= 4
    pattern = re.compile(r"ignore|system:|assistant:|instruction|note to the ai", re.I)
    assert all(pattern.search(c.notes) for c in inj)


# ---- malformed files ----------------------------------------------------------------------------

GOOD_CASE = """\
  - id: ok-{n}
    as_of: 2026-11-25
    artefacts: [update]
    notes: "emailed Dana"
"""


def _list_file(tmp_path, bad_case: str, n_good: int = 3):
    body = "".join(GOOD_CASE.format(n=i) for i in range(n_good))
    return write(tmp_path / "x.yaml", f"format: {FORMAT}\ncases:\n{body}{bad_case}")


def test_bad_date_names_file_and_field_path(tmp_path):
    path = _list_file(
        tmp_path,
        """\
  - id: bad
    as_of: 2026-11-25
    artefacts: [update]
    notes: "x"
    annotations:
      commitments:
        - {what: docs, due: 2026-13-01}
""",
    )
    with pytest.raises(InputError) as e:
        load_case_file(path)
    msg = str(e.value)
    assert msg.startswith(f"{path}: cases[3].annotations.commitments[0].due: invalid date"), msg
    assert "2026-13-01" in msg


@pytest.mark.parametrize(
    "case_text, where, what",
    [
        ("  - id: bad\n    as_of: 2026-11-25\n    notes: x\n", "cases[3].artefacts", "field required"),
        ("  - id: bad\n    as_of: 2026-11-25\n    notes: x\n    artefacts: [summary]\n", "cases[3].artefacts[0]",
         "must be"),
        ("  - id: bad\n    as_of: 2026-11-25\n    notes: x\n    artefacts: [update]\n    audiance: boss\n",
         "cases[3].audiance", "unknown field"),
        ("  - id: Bad Id\n    as_of: 2026-11-25\n    notes: x\n    artefacts: [update]\n", "cases[3].id", "lower-case"),
        ("  - id: bad\n    as_of: yesterday\n    notes: x\n    artefacts: [update]\n", "cases[3].as_of",
         "invalid date"),
        ("  - id: bad\n    as_of: 2026-11-25\n    notes: x\n    artefacts: [update]\n    annotations:\n"
         "      waits:\n        - {what: docs}\n", "cases[3].annotations.waits[0].on_whom", "field required"),
    ],
)
def test_malformed_fields(tmp_path, case_text, where, what):
    path = _list_file(tmp_path, case_text)
    with pytest.raises(InputError) as e:
        load_case_file(path)
    assert str(e.value).startswith(f"{path}: {where}: "), str(e.value)
    assert what in str(e.value)


def test_single_case_file_and_top_level_errors(tmp_path):
    one = write(tmp_path / "one.yaml", f"format: {FORMAT}\nid: solo\nas_of: 2026-12-01\nartefacts: [options]\nnotes: x\n")
    [case] = load_case_file(one)
    assert case.id == "solo" and case.audience == "boss" and case.format == "markdown"

    bad = write(tmp_path / "solo-bad.yaml", f"format: {FORMAT}\nid: solo\nas_of: 2026-12-01\nartefacts: [update]\n")
    with pytest.raises(InputError, match=r"solo-bad.yaml: notes: field required"):
        load_case_file(bad)

    nofmt = write(tmp_path / "nofmt.yaml", "id: a\n")
    with pytest.raises(InputError, match=r"nofmt.yaml: format: field required"):
        load_case_file(nofmt)

    newer = write(tmp_path / "newer.yaml", "format: drafter-eval/2\ncases: []\n")
    with pytest.raises(InputError, match=r"newer.yaml: format: unsupported 'drafter-eval/2'"):
        load_case_file(newer)

    syntax = write(tmp_path / "syntax.yaml", f"format: {FORMAT}\ncases:\n  - id: [unclosed\n")
    with pytest.raises(InputError, match=r"syntax.yaml: line \d+: YAML syntax error"):
        load_case_file(syntax)


def test_duplicate_ids_across_files(tmp_path):
    for name in ("a.yaml", "b.yaml"):
        write(tmp_path / name, f"format: {FORMAT}\nid: same\nas_of: 2026-12-01\nartefacts: [update]\nnotes: x\n")
    with pytest.raises(InputError, match=r"b.yaml: id: duplicate case id 'same' \(also in .*a.yaml\)"):
        load_suite(tmp_path)


def test_filters(suite):
    waits = load_suite(SUITE, tags=["wait"])
    assert waits and all("wait" in c.tags for c in waits) and len(waits) < len(suite)
    [one] = load_suite(SUITE, ids=["acme-board-docs"])
    assert one.annotations.waits[0].on_whom == "Dana"
    with pytest.raises(InputError, match="unknown case id"):
        load_suite(SUITE, ids=["no-such-case"])
