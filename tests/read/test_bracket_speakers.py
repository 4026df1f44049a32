"""Minutes whose entries open with a chat-style speaker tag ("* [lee] I will file an issue"; the shape
of W3C community-group IRC minutes, W3C licence; made-up text): the tag names who spoke, so "I will"
is that speaker's promise and a "we" is their side's; the notes' own tags ("[WIP]", "[DPC]") and a
lone bracketed word are not speakers."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes
from drafter.read.outline import build_outline

NOTES = """\
# WG call, 2025-03-06

Chair: Dana
Scribe: Lee

## Minutes

* Storage quota proposal
  * [dana] We discussed raising the quota to 10 MB last time.
  * [lee] Safari supports it already. I will file an issue on our end to track the change.
  * [omar] Chrome is not opposed, but we want a permission prompt.
  * [dana] Let's revisit when Mozilla is here.
"""


def test_a_bracket_tag_names_the_speaker():
    log = read_notes(NOTES, dt.date(2025, 3, 7))
    assert [(c.owner, c.what.rstrip(".")) for i in log.items for c in i.commitments] == [("Lee", "file an issue on our end to track the change")]
    assert "omar" in {p.name for p in log.people}
    text = Drafter(engine="offline").draft("update", NOTES, as_of="2025-03-07").render("markdown")
    assert "Lee will file an issue on our end" in text and "(omar)" in text, text


def test_the_notes_own_tags_are_not_speakers():
    tags = "# Notes\n\n- [WIP] the parser\n- [DPC] the newsletter\n- [TODO] the docs\n- [x] done thing\n"
    assert not [n.speaker for n in build_outline(tags).nodes if n.speaker]
    one = "# Notes\n\n- [lee] one line only\n- plain entry\n"
    assert not [n.speaker for n in build_outline(one).nodes if n.speaker]
