"""A minutes or standup topic whose lines carry no cue (no promise, decision or question) but say what
was reported is a topic of the meeting, drafted as said; attendee rows, fields and links are not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter import Drafter
from drafter.read.statements import has_verb, said_something
from drafter.render import render_fitted

REAL = Path(__file__).resolve().parents[2] / "evals" / "real"


@pytest.mark.parametrize("line", [
    "Jesse observes issues when he opens the map, then searches Berlin and shows only 5 users",  # couchers-dev
    "When you first open the map, it should show the world with all users, without any filtering",
    "80+ repos now listed on wiki",
    "Introductions: Eric and Austin are new! Thanks for joining the team!",
])
def test_a_reported_statement_is_said(line):
    assert said_something(line)


@pytest.mark.parametrize("line", [
    "Zach Steindler (GitHub, co-chair)",  # an attendee row
    "Contact: Bjoern A. Zeeb bz@FreeBSD.org.",  # a field: 'contact' is its label, not a verb
    "The link of my work: [Here](https://example.org/x)",
    "Aanwezig: Lotte Slim, Eline Jacobse, Isa Leijdekkers",  # another language: no English verb
    "Map filters",  # too short to tell anything
    "Translating between engines, formats.",  # a gerund phrase, no finite verb
    "Welcome everyone, short meeting today",  # a greeting: an imperative is not a report
    "he'd said it's fine",  # words with an apostrophe are never asked of wordfreq (no load)
])
def test_labels_names_and_links_are_not_said(line):
    assert not said_something(line)


def test_the_new_features_has_no_verb_but_jesse_observes_has_one():
    assert not has_verb("the new features and the notes")
    assert has_verb("Jesse observes issues")


def _couchers():
    notes = (REAL / "standup" / "couchers-dev-2024-09-10.md").read_text()
    return Drafter(engine="offline").update(notes, as_of=dt.date(2024, 9, 10))


def test_a_cue_less_topic_is_drafted_with_what_was_said():
    draft = _couchers()
    titles = {i.title: i for i in draft.artefact.items}
    assert "Map updates" in titles, sorted(titles)
    assert any("Jesse observes issues" in x for x in titles["Map updates"].said)
    full, _ = render_fitted(draft.artefact, "markdown", draft.options.model_copy(update={"max_words": 10**6}))
    assert "Jesse observes issues when he opens the map" in full


def test_a_said_only_topic_never_leads_the_headline_over_real_work():
    # the backend meeting opens with "Introductions: Eric and Austin are new!", a topic that holds only
    # what was said; the headline is about the first topic with work in it (a wait on a twilio dev)
    notes = (REAL / "minutes" / "couchers-backend-025-2021-06-09.md").read_text()
    draft = Drafter(engine="offline").update(notes, as_of=dt.date(2021, 6, 9))
    assert any(i.said and "Eric and Austin are new" in i.said[0] for i in draft.artefact.items)
    assert draft.artefact.headline.startswith("No blockers: Phone verification"), draft.artefact.headline


def test_a_bare_on_track_headline_carries_the_first_news_once():
    # "On track: no open waits or missed dates." alone tells the reader nothing: the first owner's
    # step goes up into the headline, and the item's own line is not said a second time
    notes = (Path(__file__).resolve().parents[2] / "examples" / "meeting-minutes.md").read_text()
    draft = Drafter(engine="offline").update(notes, as_of=dt.date(2026, 11, 25))
    text, _ = render_fitted(draft.artefact, "markdown", draft.options)
    head = text.splitlines()[0]
    assert head.startswith("No blockers") and "Sam will fix the duplicate invoice job by Fri 27 Nov" in head, head
    assert text.count("fix the duplicate invoice job") == 1, text


def test_the_headline_names_an_owner_as_the_notes_write_them():
    notes = (REAL / "minutes" / "eslint-tsc-2026-06-25.md").read_text()
    draft = Drafter(engine="offline").update(notes, as_of=dt.date(2026, 6, 26))
    assert "nzakas will follow up" in draft.artefact.headline and "Nzakas" not in draft.artefact.headline


def test_an_outcome_that_is_only_a_parenthesis_is_not_a_decision():
    from drafter.engines.update_writer import decided_lines
    from drafter.models import ItemPlan, Outcome, Status, WorkItem

    item = WorkItem(title="Vote", outcomes=[Outcome(text="(agreed)"), Outcome(text="Approved.")])
    assert decided_lines(ItemPlan(item=item, status=Status.ON_TRACK, reason="r")) == ["Approved"]
