"""The standup reader on structure: a form's prompts, empty or 'No, ...' blocker parts, done marks,
past-tense entries in the week's focus, and names with particles."""

from __future__ import annotations

import datetime as dt

from drafter.read.offline import read_structured

AS_OF = dt.date(2023, 3, 11)

ROUNDS = """\
# Week of 6 March 2023

# Ana

## Focus for the Week

*What are you working towards? May be a burndown list of what you hope to achieve this week.*

- Supply Chain Security
  - ✅ First draft out
- Cleared the PR on the payoff (yayyy)
- Write the release notes

## Close of Week Summary

- Port the retro items into issue tracking (did not do)
- Shipped the docs site

## Where I'm blocked

-

# Bo

## Focus for the Week

*What are you working towards? May be a burndown list of what you hope to achieve this week.*

- Automated tests for the bundler

## Close of Week Summary

- Merged the calendar branch

## Where I'm blocked

- No, I should wait for Lee's reply, but there is no time
"""


def _log(text):
    return read_structured(text, AS_OF, genre="standup")


def _items(log):
    return {w.title: w for w in log.items}


def test_the_forms_prompt_is_no_commitment():
    log = _log(ROUNDS)
    whats = [c.what for w in log.items for c in w.commitments]
    assert not any("burndown" in w for w in whats)
    assert ("Ana", "Write the release notes") in [(c.owner, c.what) for w in log.items for c in w.commitments]


def test_done_marks_and_past_tense_in_the_focus_are_done_and_not_done_lines_are_risks():
    ana = _items(_log(ROUNDS))["Ana"]
    done = [a.text for a in ana.actions]
    assert "Supply Chain Security: First draft out" in done  # the short entry reads with its parent
    assert "Cleared the PR on the payoff" in done
    assert "Shipped the docs site" in done
    assert not any("did not do" in t for t in done)
    assert any("did not do" in r.text for r in ana.risk_notes)
    bo = _items(_log(ROUNDS))["Bo"]
    assert [c.what for c in bo.commitments] == ["Automated tests for the bundler"]  # a participle opens a noun phrase: a plan


def test_an_empty_or_no_blocker_part_is_no_blocker():
    items = _items(_log(ROUNDS))
    assert not items["Ana"].waits and not items["Bo"].waits
    assert any(q.answered and "nothing listed" in q.text for q in items["Ana"].questions)
    assert any(q.answered and q.text.endswith("but there is no time") for q in items["Bo"].questions)


def test_attendees_with_particles_and_month_names():
    text = "## Dag 1 - maandag 30 januari\n\n**Aanwezig:** Lotte Slim, Jan Maarten de Vries\n\nJan Maarten: data aanpassen\nLotte: buttons fixen\n"
    from drafter.read.outline import build_outline
    from drafter.read.people import find_people

    names = [p.name for p in find_people(build_outline(text)).persons()]
    assert "Jan Maarten de Vries" in names and "Jan Maarten" not in names  # one person, named in full


LIST_ROUNDS = """\
# Missing members:
- Zia Lin

# Reports:
- Brooks Niu
  - How do you feel today?
    - Sick
  - What did you do since last reporting time?
    - Set up GitHub pages
  - What will you do today?
    - Set up repo on new Mac
  - Anything blocking your progress?
    - N/A
- Kai Tan
  - How do you feel today?
    - Good
  - What did you do since last reporting time?
    - Fixed my commit message
  - What will you do today?
    - Answer 4 of the midterm questions
  - Anything blocking your progress?
    - Can't try the new pipeline until it's merged to dev
"""


def test_list_rounds_are_per_person_with_their_questions_as_parts():
    log = _log(LIST_ROUNDS)
    items = _items(log)
    assert {"Brooks Niu", "Kai Tan"} <= set(items)
    brooks, kai = items["Brooks Niu"], items["Kai Tan"]
    assert [(a.actor, a.text) for a in brooks.actions] == [("Brooks Niu", "Set up GitHub pages")]
    assert [(c.owner, c.what) for c in brooks.commitments] == [("Brooks Niu", "Set up repo on new Mac")]
    assert not brooks.waits and any(q.answered for q in brooks.questions)  # "N/A" is no blocker
    assert [w.what for w in kai.waits] == ["Can't try the new pipeline until it's merged to dev"]
    texts = [c.what for w in log.items for c in w.commitments] + [a.text for w in log.items for a in w.actions]
    assert not any(t in ("Sick", "Good") for t in texts)  # how someone feels is not work
    assert not any("How do you feel" in t or "What will you do" in t for t in texts)  # the questions are structure
    assert "Zia Lin" in [p.name for p in log.people]  # a missing member is named by the list


def test_a_status_note_under_an_entry_qualifies_it():
    text = """\
# Leo

## Focus for the Week

- tbdex release automation flow
  - Maybe done by EOD Friday
- more web5 api reference docs
  - Will slide to next week
- Publish prior weekly scopings
  - Will do

## Where I'm blocked

-

# Nick

## Focus for the Week

- Vite build

## Where I'm blocked

- No, I should wait for Lee's reply, but there is no time
"""
    log = _log(text)
    leo = _items(log)["Leo"]
    assert [c.what for c in leo.commitments] == ["tbdex release automation flow", "more web5 api reference docs", "Publish prior weekly scopings"]
    assert {r.text for r in leo.risk_notes} == {"tbdex release automation flow: Maybe done by EOD Friday",
                                                 "more web5 api reference docs: Will slide to next week"}
    nick = _items(log)["Nick"]
    assert not nick.waits and [r.text for r in nick.risk_notes] == ["I should wait for Lee's reply, but there is no time"]
