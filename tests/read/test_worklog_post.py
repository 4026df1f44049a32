"""A first-person weekly post (a GSoC blog's shape): under "Goals for next week", what others did is
news, not my goal; "For the upcoming week, I hope that we reach X" is the goal "reach X"; a sign-off
to readers ("if you find any mistake, let me know") is about the post; a promise someone made in a
later clause ("..., Samuel responded quickly and promised to prepare a VM by this Saturday") is theirs.
Made-up text in the shape of a real post seen in a fresh trial (session 8)."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.engines.wording import sentence_problems
from drafter.read import read_notes

POST = """\
---
title: GSoC Week 2
---

This is the second post in my weekly series, where I summarize my week of working on the app store.

## Weekly Journal

This week we went into the details of the store. Mara gave me the link for a shell account request, Samuel responded quickly and promised to prepare a VM by this Saturday.

## Goals for next Week

Everybody welcomed me on the mailing list and was very happy to assist. For the upcoming week, I hope that we reach a shared vision for the store.
As always, if you find any mistake, let me know and I'll fix it.
"""


def _log():
    return read_notes(POST, dt.date(2017, 5, 19))


def test_others_news_and_the_sign_off_are_not_my_goals():
    mine = [c.what for i in _log().items for c in i.commitments if c.owner == "I"]
    assert not any(w.startswith(("Everybody", "As always")) or "let me know" in w for w in mine), mine
    assert any(w.startswith("reach a shared vision") for w in mine), mine


def test_a_promise_in_a_later_clause_is_the_promisers():
    theirs = [(c.owner, c.what) for i in _log().items for c in i.commitments if c.owner != "I"]
    assert any(o == "Samuel" and w.startswith("prepare a VM") for o, w in theirs), theirs


def test_the_update_has_no_glued_will():
    text = Drafter(engine="offline").update(POST, as_of=dt.date(2017, 5, 19), max_words=400).render("text")
    assert "I will for" not in text and "Samuel will prepare a VM" in text, text
    assert not sentence_problems(text), sentence_problems(text)


def test_what_cannot_happen_yet_is_a_wait_not_an_outcome():
    from drafter.read.signals import classify
    from drafter.read.people import People

    p = People()
    # a GSoC post (kriti21's blog, MIT, fresh trial): approved, but held up by a broken repo
    sig = classify("My PR cannot be merged as of now but since it was approved by one of my mentors, I have written more code.",
                   None, p, first_person=True)
    assert sig.kind == "wait", sig
    assert classify("The release cannot ship until the CI is fixed.", None, p).kind == "wait"
    assert classify("We cannot be sure yet.", None, p).kind != "wait"


def test_a_question_without_its_mark_under_next_steps_is_a_question():
    from drafter.read.signals import classify
    from drafter.read.people import People

    p = People()
    # besu-eth/wiki contributor call notes (Apache-2.0): "2. Hyperledger (Daniela) to come back on these open questions:" > "1. Can Hyperledger hold ..."
    assert classify("Can Hyperledger hold the withdrawal keys and hold crypto", "doing", p).kind == "question"
    assert classify("Do not use a single team member's email address for letsencrypt", "doing", p).kind != "question"
    assert classify("Will help Aapeli out on signup flow v2", "doing", p).kind != "question"
    assert classify("Can be improved still", "doing", p).kind != "question"


def test_a_topic_title_drops_the_notes_doubled_word():
    from drafter.read.topics import title_text

    assert title_text("Hyperledger (Daniela) to come back on on these open questions") == "Hyperledger (Daniela) to come back on these open questions"
    assert title_text("He said that that was fine") == "He said that that was fine"
