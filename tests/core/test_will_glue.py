"""'X will <what>' only when <what> can follow 'will': a promise that states its own subject and modal
loses them ("we'll share it" -> "Vini will share it"), and one that opens with a pronoun or article
stays in the notes' words after the name. A stop inside parentheses or after "incl." ends no
sentence. Cases shaped on a real standup's drafts (Quansight-Labs czi-conda-forge sync, session 8)."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.engines.wording import sentence_problems
from drafter.read.clause_split import sentences
from drafter.engines.wording import will_ok

NOTES = """\
# Sync 2023-07-25

## Attendees

- Vini
- Jaime

## Updates

- Vini: Interactive PoC to be built; we'll share it with the channel
- Jaime to schedule a meeting with conda-forge infra (incl. Wolf) and Hind
"""


def test_a_stop_inside_parentheses_or_after_incl_ends_no_sentence():
    assert sentences("Schedule a meeting with infra (incl. Wolf) and Hind. Then we write the notes.") == [
        "Schedule a meeting with infra (incl. Wolf) and Hind.", "Then we write the notes."]
    assert sentences("Are we going to enforce SEMVER? No. We patch 8.1.") == ["Are we going to enforce SEMVER? No.", "We patch 8.1."]


def test_will_is_followed_by_a_verb_or_the_notes_words():
    assert will_ok("share it with the channel") and will_ok("ask legal")
    assert not will_ok("we'll share it") and not will_ok("the review of the docs") and not will_ok("it")
    text = Drafter(engine="offline").update(NOTES, as_of=dt.date(2023, 7, 26), max_words=300).render("text")
    assert "Vini will share it with the channel" in text, text
    assert "(incl. Wolf) and Hind" in text and "\n- Wolf)" not in text, text
    assert not sentence_problems(text), sentence_problems(text)


def test_a_persons_task_list_is_no_verb_phrase():
    # ElektraInitiative/PermaplanT doc/meetings (BSD-3-Clause): "- Ramzan: use cases, Database Guidelines, SQL code examples"
    assert not will_ok("use cases, Database Guidelines, SQL code examples Feasability, 1. QGis, 2. Projizieren")
    assert will_ok("review the PRs, update the docs, and tag the release")


def test_a_question_embedded_after_on_loses_its_inversion():
    from drafter.engines.options_writer import decision_on

    # PermaplanT's minutes: "We need to decide how do we want to persist the selectable elements ..."
    assert decision_on("How do we want to persist the selectable elements?") == "on how we want to persist the selectable elements"
    assert decision_on("Which should we pick?").startswith("on which we should pick")


def test_a_quiet_headline_says_who_owns_which_topic_when_the_step_names_nothing():
    # evals/real falco core maintainers 2023-10-05 (Apache-2.0): "[incertum] @jasondellaluce will do it" under a topic
    from pathlib import Path

    notes = (Path(__file__).resolve().parents[2] / "evals/real/minutes/falco-core-maintainers-2023-10-05.md").read_text(encoding="utf-8")
    first = Drafter(engine="offline").update(notes, as_of=dt.date(2023, 10, 6)).render("text").splitlines()[0]
    assert first == "No blockers: jasondellaluce owns the consolidated new approach to allow rules overrides or partial overrides.", first


def test_a_first_person_promise_that_is_a_sentence_is_said_not_labelled_mine():
    # evals/real freebsd 2022q4 wireless status (FreeBSD documentation licence)
    from pathlib import Path

    notes = (Path(__file__).resolve().parents[2] / "evals/real/worklog/freebsd-2022q4-wireless-status.md").read_text(encoding="utf-8")
    text = Drafter(engine="offline").update(notes, as_of=dt.date(2023, 1, 24)).render("text")
    assert "Mine: that work will continue" not in text and "On my list: that work will continue" not in text and "That work will continue into early 2023" in text, text


def test_a_titled_unit_is_no_verb_and_a_template_nobody_filled_is_not_news():
    # shapes seen in a fresh trial (session 8): a weekly log's "Next week: Unit 5: Connect to the Internet",
    # a team report's "- ..." placeholders, a kanban's "Doing: Bug - ..." 
    assert not will_ok("Unit 5: Connect to the Internet") and will_ok("connect 1:1 w/ Kirah and Bobbilee")
    notes = ("# Weekly log\n\n## Next week\n\n- Unit 5: Connect to the Internet\n\n## Chastidy\n\n**Goals:**\n- ...\n\n"
             "## Doing\n\n- Bug - can't select 1 standard, need to select multiple\n")
    text = Drafter(engine="offline").update(notes, as_of=dt.date(2025, 7, 30), max_words=300).render("text")
    assert "will unit 5" not in text.lower() and "\n- \n" not in text and not text.rstrip().endswith("-"), text
    assert text.count("can't select 1 standard") == 1, text
    assert not sentence_problems(text), sentence_problems(text)


def test_a_short_conclusion_of_a_question_topic_says_what_it_answers():
    # tc39/proposal-temporal meetings (BSD-3-Clause), shape: "### `Temporal.PlainMonthDay.compare`? [#1547](...)" ... "- Conclusion: Open a V2 feature."
    notes = ("# Temporal champions meeting, July 8, 2021\n\nAttendees:\n- Justin Grant (JGT)\n- Philip Chimento (PFC)\n\n"
             "### `Temporal.PlainMonthDay.compare`? [#1547](https://github.com/tc39/proposal-temporal/issues/1547)\n"
             "- PFC: I think this should be a Temporal V2 feature.\n- JGT: I don't find it that important.\n- Conclusion: Open a V2 feature.\n")
    first = Drafter(engine="offline").update(notes, as_of=dt.date(2021, 7, 9)).render("text").splitlines()[0]
    assert "Temporal.PlainMonthDay.compare: open a V2 feature" in first, first
