"""A first-person GSoC blog post (the shape of kriti21.github.io posts, MIT; made-up text): a
rhetorical question the writer answers at once is no open question; a message the writer quotes
("this is a message we got ...:" > the quote) is someone else's words, not the writer's risk; "the
following items have been checked off my list:" leads the list and is no item of its own; "my PR
accepted" is a result, not a decision, and "It will not be this quick" a forecast."""

from __future__ import annotations

import datetime as dt

from drafter.read import read_notes
from drafter.render_text import outcome_label

NOTES = """\
---
layout: post
title: GSoC Coding Phase 2 - Week 3
---

This week was hard. Why, you ask? Well, this is a message we got right after the evaluation:

> most of you have a backlog of tasks. Catch up on the tasks, or fail :P

My parser PR is still not merged because the main repo is broken at the moment.

Apart from this, the following items have been checked off my list:

- [Pull request](https://example.org/pull/12) for the config loader is merged into master. Yay!! my first PR accepted so far.
- Created two issues about bugs in the test runner.
"""


def test_blog_post_reads_what_the_writer_says():
    log = read_notes(NOTES, dt.date(2018, 6, 20))
    els = [(k, x) for i in log.items for k, xs in (("q", [q.text for q in i.questions if not q.answered]), ("risk", i.risks),
                                                  ("done", [a.text for a in i.actions])) for x in xs]
    assert not [x for k, x in els if k == "q"], els
    assert not any("Catch up on the tasks" in x for k, x in els if k == "risk"), els
    assert not any(x.startswith("Apart from this") for _, x in els), els
    assert any(x.startswith("Created two issues") for k, x in els if k == "done"), els


def test_a_result_and_a_forecast_are_not_decisions():
    assert outcome_label("Yay!! my first PR accepted so far.") == "Outcome"
    assert outcome_label("It will not be this quick in future as SSH access was required.") == "Outcome"
    assert outcome_label("We will patch 8.1 and 7.X.") == "Decided"
    assert outcome_label("This will be a patch release.") == "Decided"
    assert outcome_label("The proposal was accepted.") == "Decided"
