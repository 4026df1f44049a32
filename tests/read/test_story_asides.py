"""A postmortem told as a story keeps its news and drops its asides ("Anyhow, back to the action!",
"That's pretty peculiar.", "Whoa, what happened there?"); a full reference link "[#169][issue-169]"
reads as its text."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.read import read_notes
from drafter.read.statements import narrative_aside


@pytest.mark.parametrize("text", ["Anyhow, back to the action!", "That's pretty peculiar.", "Interesting.",
                                  "Yep, it sure was.", "Whoa, what happened there?", "There it is."])
def test_asides(text):
    assert narrative_aside(text)


@pytest.mark.parametrize("text", ["Let's check dmesg.", "Interesting: the server restarted twice at 3am.",
                                  "Oh, and the backup failed.", "Anyway, the release is out.",
                                  "Interesting, the build is green now."])
def test_news(text):
    assert not narrative_aside(text)


STORY = """# Outage postmortem

On June 4, 2024, the site was down for just under 7 hours.

## Running the playbook

Everything was green except for one task. That's pretty peculiar. Anyhow, back to the action!
The locale task was the only one that changed.

## Fixing it

**Service is restored** by switching to the backup. See [#169][issue-169].

[issue-169]: https://example.org/issues/169
"""


def test_a_story_keeps_its_news_not_its_asides():
    log = read_notes(STORY, as_of=dt.date(2024, 6, 10))
    said = [x for w in log.items for x in [*(a.text for a in w.actions), *(o.text for o in w.outcomes), *w.notes]]
    assert any("locale task" in t for t in said)
    assert not any("peculiar" in t or "Anyhow" in t for t in said)
    assert any(t.endswith("See #169.") for t in said), said
