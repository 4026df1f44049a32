"""A standup written as name lines over lists (the form of a student team's weekly minutes:
"Kirill" on its own line, then his list, under "Tasks from previous week:" and "Tasks for next
week:"): each name heads that person's round."""

import datetime as dt

from drafter import Drafter
from drafter.playbook.actions import is_action, is_verb
from drafter.read import read_notes
from drafter.read.clause_split import prose_sentences
from drafter.read.outline import build_outline

NOTES = """# Week 7 Minutes
October 28, 2022 - Eddie, Kirill, Burt, Roger

Tasks from previous week:

Kirill
- Implemented CI. Runs our tests on every commit.
- Implemented frontend first feature.

Eddie
- Implemented backend endpoint for first feature.
- Not hooked up to ML script yet, for now it's mocked.

Roger
- Having some trouble getting the ML model to return values.

Burt
- Swamped by exams and assignments.

Tasks for next week:

Kirill
- Make a staging environment.

Roger
- Keep working on the ML script.

Burt
- Implement user login.
"""


def _items():
    return {i.owner: i for i in read_notes(NOTES, dt.date(2022, 10, 29)).items}


def test_each_name_line_heads_its_persons_round():
    items = _items()
    assert set(items) == {"Kirill", "Eddie", "Roger", "Burt"}
    assert [a.text for a in items["Kirill"].actions][:1] == ["Implemented CI."]
    assert [c.what for c in items["Kirill"].commitments] == ["Make a staging environment."]
    assert [c.what for c in items["Roger"].commitments] == ["Keep working on the ML script."]


def test_last_weeks_tasks_are_done_and_trouble_is_a_risk():
    items = _items()
    assert items["Roger"].risks == ["Having some trouble getting the ML model to return values."]
    assert items["Burt"].risks == ["Swamped by exams and assignments."]
    assert items["Eddie"].risks == ["Not hooked up to ML script yet, for now it's mocked."]
    assert not any(a.text.startswith(("Having", "Swamped", "Not hooked")) for i in items.values() for a in i.actions)


def test_the_update_is_at_risk_and_says_who_will_do_what():
    text = Drafter(engine="offline").draft("update", NOTES, as_of="2022-10-29", max_words=400).render("markdown")
    assert text.startswith("At risk: Roger"), text
    assert "Burt will implement user login" in text
    assert "Roger will keep working on the ML script" in text
    assert "Mine:" not in text and "On my list:" not in text


def test_a_lists_labels_are_no_names():
    notes = "# Checklist\n\nInvitations\n- [x] Invite HOD sir\n\nAsk Priyanka Arts\n- [ ] Ask for flex\n"
    o = build_outline(notes)
    assert [n.kind for n in o.nodes if n.text in ("Invitations", "Ask Priyanka Arts")] == ["para", "para"]


def test_verbs_the_suffix_or_the_past_hides():
    assert is_verb("implement") and is_verb("keep") and is_verb("document", "the")
    assert not is_verb("payment") and not is_verb("environment") and not is_verb("quickly")
    assert not is_action("Supply Chain Security")
    assert is_action("Implement user login and choose playlists")


def test_no_sentence_ends_at_an_abbreviation():
    assert prose_sentences("Process Version vs. Spec Version, is useful?") == ["Process Version vs. Spec Version, is useful?"]
    assert prose_sentences("Stay with full dimensions. Compress as JPEG.") == ["Stay with full dimensions.", "Compress as JPEG."]


def test_a_pointer_to_where_the_backlog_is_kept_is_no_task():
    notes = "# Tech call\n\n## Backlog\nSee backlog at “Backlog” tab https://example.org/doc\n\n## Actions\n- Sam will file the issue\n"
    log = read_notes(notes, dt.date(2026, 4, 15))
    assert not any("backlog" in c.what.lower() for i in log.items for c in i.commitments)


def test_we_in_a_persons_round_is_that_persons_and_the_headline_says_a_step_once():
    notes = NOTES.replace("- Having some trouble getting the ML model to return values.",
                          "- Having some trouble getting the ML model to return values. We'll go through the problem together.")
    roger = next(i for i in read_notes(notes, dt.date(2022, 10, 29)).items if i.owner == "Roger")
    assert ("Roger", "go through the problem together.") in [(c.owner, c.what) for c in roger.commitments]
    text = Drafter(engine="offline").draft("update", notes, as_of="2022-10-29").render("markdown")
    assert text.count("Roger will keep working on the ML script") == 1, text


def test_a_title_left_alone_by_the_cap_goes_with_its_lines():
    from drafter.models import OutputFormat
    from drafter.render_layout import Section, _fit

    head = Section()
    head.add("On track: the release ships Friday.", kind="para")
    long = Section()
    long.add("**Release**", kind="title", folds_last=True)
    long.add("Sam will tag the release and write the notes for every package we ship this week.", rank=2)
    done = Section()
    done.add("**Potential place for metadata**", kind="title", folds_last=True)
    done.add("Recipe url info for recording the repo where a recipe came from, and more words here.", rank=3)
    text, left_out = _fit([head, long, done], OutputFormat.MARKDOWN, 30)
    assert "Potential place for metadata" not in text and left_out == 2, text
