"""A column list whose lines open with a rank and a mark ("1 **    core code review and refactoring
(pmichaud)") is a list of entries, as the notes' legend says: the marker is neither text nor bold
markup, a short line above it heads it, and letters the notes define as notes ("B.  Requires some
improvements to the grammar") are references, not people."""

import datetime as dt

from drafter.read.offline import read_structured
from drafter.read.outline import build_outline

# excerpt of Rakudo's docs/ROADMAP 2010-08-04 (/work/helpers/fresh/todo-rakudo-roadmap-2010-08-04.md)
ROADMAP = """Rakudo Roadmap
--------------

The items below are given a 1-3 priority indicator for the
item, where 1 is "really important", 2 is "ought to have",
and 3 is "nice to have".  Each item also has from one to
five asterisks indicating the estimated "degree of effort".

Really important items
1 **    speed issues and profiling (C, all)
1 **    core code review and refactoring (pmichaud)
1 ?     documentation tools / S26 (A, masak)

Ought to have items
2 **    regex modifiers (B, moritz, pmichaud)
2 ***   heredocs (B)
2 **    Rat, BigNum, numification improvements (C, colomon)
2 ***   temp variables (C)

Notes:
A.  Involves Perl 6 spec updates/revisions.

B.  Requires some improvements to the grammar or grammar engine.

C.  Some Parrot-level support and/or development needed.
"""


def test_each_marked_line_is_an_entry_under_its_heading():
    o = build_outline(ROADMAP)
    entries = [n for n in o.nodes if n.is_item]
    assert [n.text for n in entries][:3] == ["speed issues and profiling (all)", "core code review and refactoring",
                                            "documentation tools / S26"]  # "(pmichaud)" is read as who, not text
    assert "Rat, BigNum, numification improvements" in [n.text for n in entries]  # not merged with "temp variables"
    heads = {o.nodes[n.parent].text for n in entries if n.parent is not None}
    assert {"Really important items", "Ought to have items"} <= heads


def test_note_letters_are_not_owners():
    log = read_structured(ROADMAP, dt.date(2010, 8, 5), genre="todo")  # the whole roadmap reads as a todo list
    owners = {c.owner for w in log.items for c in w.commitments}
    assert not any(o and any(p.strip() in ("A", "B", "C") for p in o.split(",")) for o in owners)
    got = {c.what: c.owner for w in log.items for c in w.commitments}
    assert got.get("regex modifiers") == "moritz, pmichaud"
    assert got.get("core code review and refactoring") == "pmichaud"


def test_the_legend_of_the_marks_is_no_risk():
    # the roadmap's "Notes:" legend ("Z.  Explicitly postponed items: ...") was drafted "At risk: Explicitly postponed items"
    text = ROADMAP + """
Z.  Explicitly postponed items:  Some items we explicitly
postpone until later in Rakudo development.
"""
    log = read_structured(text, dt.date(2010, 8, 5), genre="todo")
    assert not [r for w in log.items for r in w.risks]
    assert not any(w.title == "Notes" for w in log.items)
