"""Working-group minutes kept as one table, "Discussion Points | Notes/Action Items | Actions:
Responsible/None", whose cells hold HTML lists (the shape of IntersectMBO product-documentation
meeting minutes, Apache-2.0; made-up text): each row is its topic, the notes cell is what was said
and decided, the actions cell holds the owners' tasks ("Ana Ruiz to draft ..."), and each HTML list
entry or paragraph is its own sentence (two entries were glued: "Wallets Discussion ... Partnerchains
Partnerchains discussion ...")."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes
from drafter.read.markup import clean

NOTES = """\
# (3/4/25) Meeting Minutes

Attendees
* Ana Ruiz
* Tom Becker
* Priya Shah

## Agenda

| Discussion Points | Notes/Action Items | Actions: Responsible/None |
| --- | --- | --- |
| Introduction & Quorum | Quorum achieved | <p><br></p> |
| Approve the Agenda | Agenda approved | <p><br></p> |
| Review the roadmap | <ul><li>Discussion on the roadmap timeline</li><li>Focus on the audit</li></ul> | <ul><li>Ana Ruiz to draft a new roadmap timeline</li></ul> |
| Proposed Items Review | <ol><li>Bridges</li></ol><p>Postponed until the expert can attend</p><ol start="2"><li>Oracles</li></ol><p>Oracles discussion kept off the recording.</p> | <ul><li>Tom Becker to present the oracle findings in two weeks</li></ul> |
| Publishing | <ul><li>Group agreed to publish the meeting notes on the forum</li></ul> | <ul><li>Priya to post the notes</li></ul> |
"""


def test_html_blocks_end_sentences():
    assert clean("<ol><li>Bridges</li></ol><p>Postponed until the expert can attend</p><ol><li>Oracles</li></ol><p>Kept off.</p>").text == (
        "Bridges: Postponed until the expert can attend. Oracles: Kept off.")
    assert clean("<p><br></p>").text == ""
    assert clean("<ul><li>a b</li><li>c d</li></ul>").text == "a b. c d"


def test_each_row_is_a_topic_with_its_owners_tasks():
    log = read_notes(NOTES, dt.date(2025, 3, 5))
    tasks = {(c.owner, c.what) for i in log.items for c in i.commitments}
    assert ("Ana Ruiz", "draft a new roadmap timeline") in tasks, tasks
    assert any(o == "Tom Becker" and w.startswith("present the oracle findings") for o, w in tasks), tasks
    assert any(o.startswith("Priya") and w == "post the notes" for o, w in tasks), tasks
    titles = {i.title for i in log.items}
    assert {"Review the roadmap", "Proposed Items Review", "Publishing"} <= titles, titles
    outcomes = " ".join(o.text for i in log.items for o in i.outcomes)
    assert "Group agreed to publish the meeting notes" in outcomes and "Agenda approved" in outcomes


def test_update_names_owners_and_glues_nothing():
    text = Drafter(engine="offline").draft("update", NOTES, as_of="2025-03-05", max_words=500).render("markdown")
    assert "Ana Ruiz will draft a new roadmap timeline" in text, text
    assert "Oracles Oracles" not in text and "<" not in text


def test_points_under_a_decisions_heading_are_decisions():
    notes = "# Team meeting 2023-04-04\n\n## Decisions\n\n- commit hooks\n- react query for new features\n\n## Tasks\n\n- Lena: landing page\n"
    d = Drafter(engine="offline").draft("update", notes, as_of="2023-04-05", max_words=400)
    text = d.render("markdown")
    assert "decided: commit hooks" in text.lower(), text
    assert "decided: decided" not in text.lower()
    assert all(o.decided for i in d.plan.log.items for o in i.outcomes if "hooks" in o.text)
