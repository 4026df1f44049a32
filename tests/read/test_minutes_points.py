"""Points of a minutes topic: a question bullet with replies under a topic heading is a point of
that topic, a denied or supposed risk word tells no risk, and an "if ..., we could ..." reply is an
idea, not a decision. Shape of the Babel team notes (babel/notes, 2019/04/09.md); text paraphrased."""
from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read.people import People
from drafter.read.signals import classify

NOTES = """# 04/09

## Attending

- Nicolo
- Henry

## Export changes in scope PR break the meteor build
- We have always added early errors in minor versions: being closer to the spec is an improvement, not a regression.
- We could just remove the check and publish a new patch release?
  - If we decide that it is a regression, we could make it opt-in with a flag
- TODO: Ask Ben how Meteor is using exports

## Parser refactoring from class to functions
- Nicolo will open a PR in the next few days so that we can discuss it.
"""


def _log():
    return Drafter(engine="offline").plan(NOTES, as_of=dt.date(2019, 4, 10)).log


def test_a_question_bullet_under_a_topic_heading_is_a_point_of_it():
    titles = [i.title for i in _log().items]
    assert not any(t.startswith("We could just remove") for t in titles)
    assert any(t.startswith("Export changes in scope PR") for t in titles)


def test_denied_or_supposed_risk_words_are_no_risks():
    item = next(i for i in _log().items if i.title.startswith("Export changes"))
    assert item.risks == []
    assert not any("opt-in" in o.text for o in item.outcomes)  # an idea in reply, not a decision


def test_a_stated_risk_stays_a_risk():
    for text in ("This is a regression in 7.4 for Meteor users", "No risk to users, but the release might slip"):
        assert classify(text, None, People()).kind == "risk"


def test_a_round_of_what_people_work_on_names_work_not_steps():
    # couchers backend meeting 25 (evals/real): "* What everyone is working on:" > "- Sam: email
    # verification for changing your email (#1040, #912)" -> Sam works on it (not "Sam will email ...")
    notes = ("# Backend team meeting\n\nAttending: Sam, Christian\n\n## Notes\n\n* What everyone is working on:\n"
             "  - Sam: email verification for changing your email (#1040, #912)\n"
             "  - Christian: downgrade to python 3.8 (#1399); will help Sam out on signup flow v2\n")
    log = Drafter(engine="offline").plan(notes, as_of=dt.date(2021, 6, 10)).log
    whats = {c.owner: c.what for i in log.items for c in i.commitments if c.owner == "Sam"}
    assert whats["Sam"] == "work on email verification for changing your email (#1040, #912)"
    others = [c.what for i in log.items for c in i.commitments if c.owner == "Christian"]
    assert any(w.startswith("downgrade to python 3.8") for w in others)  # a step already: kept as written
