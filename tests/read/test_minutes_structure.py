"""Minutes read from their structure: a topic's labelled parts (Summary / Discussion / Resolution /
Action items), attendee and notetaker blocks as context, per-person status and availability lines,
a duty rota, and a question that the topic's own resolution answers."""

from __future__ import annotations

import datetime as dt

from drafter.read.offline import read_structured
from drafter.read.provenance import check_log

AS_OF = dt.date(2025, 5, 9)

NOTES = """# 2025-05-08 Widget TSC Meeting

## Attending

- Ada Lovelace (@ada) - TSC
- Brian Kernighan (@bwk) - TSC
- Grace Hopper (@grace) - TSC

@ada chaired, and @bwk took notes.

## Topics

### Carry-over from the Last Meeting

**TSC Summary:** The recording from the previous meeting (2025-04-24) was lost. @grace will ask the host for a backup.

### Statuses

* **@ada:** Out sick most of the week; only able to answer a few emails.
* **@bwk:** Reviewed the parser PRs and fixed two crashes.

### Availability Next Two Weeks

* **@ada:** Expects to be available 2 hours per week.
* **@grace:** Expects to be available 1 hour each day. Won't be available on Monday May 19th.

### Triage Duty

* This week: @bwk
* May 12: @grace
* May 19: @ada

### Proposal: drop the legacy config format

**TSC Summary:** The proposal removes the old config loader. The TSC was asked whether this is semver-minor or semver-major.

**Discussion Points:**
- @bwk was in favour of dropping it, since it "might break nobody" by now.
- @grace voted for semver-major.

**Resolution:** The TSC agreed to treat the removal as semver-major and to ship it in the next major release.

**Action Items:**
- @bwk will write the migration guide.

### Scheduled Release for May 10th

**Packages to Release:**
- `widget` (nothing else pending release this time).

**Action Items:**
- @grace will do the release on May 10th.
"""


def read(text: str = NOTES):
    log = read_structured(text, AS_OF, genre="minutes")
    assert sorted(log.accounted_lines()) == [s.number for s in log.lines]
    return log


def titles(log):
    return [w.title for w in log.items]


def test_part_headings_and_attendee_blocks_are_no_items():
    log = read()
    got = titles(log)
    assert not set(got) & {"Attending", "Discussion Points", "Packages to Release", "Action Items", "Topics"}
    assert "Proposal: drop the legacy config format" in got
    unplaced = {s.number for s in log.unplaced}
    assert {5, 6, 7, 9} <= unplaced  # attendees and who chaired / took notes: context
    commitments = [(c.owner, c.what) for w in log.items for c in w.commitments]
    assert not any("notes" in what.lower() and owner in ("bwk", "Brian Kernighan") for owner, what in commitments)


def test_labelled_parts_map_to_outcomes_and_owned_commitments():
    log = read()
    w = next(w for w in log.items if w.title.startswith("Proposal"))
    assert [o.text for o in w.outcomes] == [
        "The TSC agreed to treat the removal as semver-major and to ship it in the next major release."]
    assert ("bwk", "write the migration guide.") in [(c.owner, c.what) for c in w.commitments] or any(
        c.owner in ("bwk", "Brian Kernighan") and "migration guide" in c.what for c in w.commitments)
    assert not any("TSC Summary" in n for n in w.notes)
    # the speakers' points are positions, not outcomes of the meeting
    assert not any(o.text.startswith("@grace voted") for o in w.outcomes)
    # the quoted "might break nobody" is what was quoted, not a risk anyone raised
    assert not w.risk_notes


def test_a_question_the_resolution_answers_is_no_open_decision():
    log = read()
    w = next(w for w in log.items if w.title.startswith("Proposal"))
    assert not w.decisions
    assert all(q.answered for q in w.questions)


def test_the_date_of_a_past_meeting_is_no_due_date():
    log = read()
    w = next(w for w in log.items if w.title.startswith("Carry-over"))
    assert all(c.due is None for c in w.commitments)
    assert any(c.owner in ("grace", "Grace Hopper") and "ask the host" in c.what for c in w.commitments)


def test_status_and_availability_lines_carry_their_speaker():
    log = read()
    status = next(w for w in log.items if w.title == "Statuses")
    assert any("Out sick" in r.text and "(ada)" in r.text for r in status.risk_notes)
    assert any(a.actor in ("bwk", "Brian Kernighan") and "Reviewed the parser PRs" in a.text for a in status.actions)
    assert not status.done  # someone out sick is not a settled topic
    avail = next(w for w in log.items if w.title.startswith("Availability"))
    assert not avail.commitments  # availability is no promise
    assert any("Won't be available on Monday May 19th" in r.text and "(grace)" in r.text for r in avail.risk_notes)
    assert not any("2 hours per week" in r.text for r in avail.risk_notes)  # plenty of time is no risk


def test_a_duty_rota_is_owners_with_dates():
    log = read()
    w = next(w for w in log.items if w.title.startswith("Triage Duty"))
    got = {(c.owner, c.due) for c in w.commitments}
    got = {(o.replace("Brian Kernighan", "bwk"), due) for o, due in got}  # the handle, or the name it is known by
    assert got == {("bwk", None), ("Grace Hopper", dt.date(2025, 5, 12)), ("Ada Lovelace", dt.date(2025, 5, 19))}
    assert all(c.what == "Triage Duty" for c in w.commitments)


def test_nothing_pending_is_no_wait_and_provenance_keeps_the_elements():
    log = read()
    assert not [x for w in log.items for x in w.waits]
    checked = check_log(log)
    assert not [d for d in checked.dropped if d.kind != "person"], checked.dropped
    rel = next(w for w in checked.items if w.title.startswith("Scheduled Release"))
    assert [(c.owner, c.due) for c in rel.commitments] == [("Grace Hopper", dt.date(2025, 5, 10))]


LINKS = """# Sync meeting (2025-05-08)

- [Join the call](https://meet.example.org/abc)
  - [What time is the meeting in my time zone?](https://example.org/convert?t=3pm)

## MC

Ada Lovelace ([@ada](https://github.com/ada))

## Who Joined

- Ada Lovelace ([@ada](https://github.com/ada))
- Brian Kernighan ([@bwk](https://github.com/bwk))

## Notes

- Parser rewrite
  - Should we keep the old parser or drop it?
  - Brian will benchmark both by Friday
"""


def test_navigation_links_and_rosters_are_context():
    log = read_structured(LINKS, AS_OF, genre="minutes")
    questions = [q.text for w in log.items for q in w.questions]
    assert not any("time zone" in q for q in questions)
    commitments = [(c.owner, c.what) for w in log.items for c in w.commitments]
    assert not any("Lovelace" in what or "Kernighan" in what for _, what in commitments)
    assert any("benchmark both" in what for _, what in commitments)
    assert {8, 12, 13} <= {s.number for s in log.unplaced}


AGENDA = """# Core maintainers (monthly)

## Agenda

Notes:

- Release 2.0 tasks
  - parser rewrite (in flight @bwk)
      - https://github.com/example/widget/issues/12
  - Consolidated plugin API
      - [ada] I would like to see this in 2.0
      - [grace] @bwk will do it
- Performance review
  - Discuss: Do we need a new benchmark repo?
  - Proposed timeline for v1 March 2026: need to budget accordingly.
"""


def test_work_in_flight_views_and_proposed_plans():
    log = read_structured(AGENDA, AS_OF, genre="minutes")
    commitments = [(c.owner, c.what) for w in log.items for c in w.commitments]
    # a point with only its issue link under it is the topic's point, owned by the one in flight with it
    assert ("bwk", "parser rewrite (in flight)") in commitments
    assert not any("like to see" in what for _, what in commitments)  # a view, not a promise
    assert not [d.question for w in log.items for d in w.decisions if "Proposed timeline" in d.question]
    questions = [q.text for w in log.items for q in w.questions]
    assert "Do we need a new benchmark repo?" in questions  # the agenda tag "Discuss:" is not its text


SHORT = """# Widget TSC Meeting Notes - 2025-05-08

## Attendance

* Host: Ada Lovelace
* TSC Attendees:
  * [x] Ada Lovelace - Example Corp
  * [x] Brian Kernighan - Freelance

## Agenda
* [x] TSC Items
  * [x] Some news
* [ ] Windows PR
  * [ ] Some followups

## Short Version / Decisions / Action Items

* Decisions:
  * Ada Lovelace & Brian Kernighan will co-chair
* Actions Items:
  * Update the repo settings
  * Check for anything still connected to the old account
    * Slack
    * codeowners

## Details

### TSC Items

* (AL):
  * The old chair has resigned and we need a new one.
  * We'll need to go through the process of selecting a new chair.
  * The repo settings still point at the old account.
* (BK):
  * Happy to share the chair role with Ada.
  * We should vote on it.
"""


def test_an_agenda_the_details_discuss_is_context_and_labelled_lists_keep_their_kind():
    log = read_structured(SHORT, AS_OF, genre="minutes")
    lines = {n: w for w in log.items for n in w.lines}
    assert not {11, 12, 13, 14, 15} & set(lines)  # the agenda's checkboxes are no tasks done or open
    w = next(w for w in log.items if w.title == "Summary")  # "Short Version / Decisions / Action Items": the names of its parts
    assert ["Update the repo settings", "Check for anything still connected to the old account"] == [c.what for c in w.commitments]
    assert not any(o.text in ("Decisions", "Actions Items") for o in w.outcomes)
    assert not any(c.what in ("Slack", "codeowners") for c in w.commitments)  # the details of the check
    assert "Check for anything still connected to the old account" not in [x.title for x in log.items]


WAITS = """# Council meeting 2025-05-08

Attendees: Ada Lovelace, Brian Kernighan

## Issues

* docs: drop the legacy contact from the CoC [#15](https://example.org/pull/15)
  * merged
* Which licence version should we use? [#12](https://example.org/issues/12)
  * Need to wait on the other privacy issues and adapt accordingly

## Migration to the new wiki

It will be on hold till Ada Lovelace is back from holidays.

## Runtime environment

Brian Kernighan volunteering to create the PR for the runtime field.
"""


def test_state_words_waits_and_volunteers():
    log = read_structured(WAITS, AS_OF, genre="minutes")
    acts = {w.title: [a.text for a in w.actions] for w in log.items}
    assert acts.get("docs: drop the legacy contact from the CoC") == ["merged"]
    kept = check_log(log)  # the state word cites the line it is the state of: the item keeps its title's support
    assert "docs: drop the legacy contact from the CoC" in [w.title for w in kept.items]
    waits = [x.what for w in log.items for x in w.waits]
    assert any(x.startswith("Need to wait on the other privacy issues") for x in waits)
    assert any("on hold till Ada Lovelace" in x for x in waits)
    assert not any("on hold" in o.text for w in log.items for o in w.outcomes)
    assert ("Brian Kernighan", "create the PR for the runtime field.") in [(c.owner, c.what) for w in log.items for c in w.commitments]


ELECTION = """# 8th May 2025

## Participants

* Ada Lovelace
* Brian Kernighan
* Grace Hopper

## Outcomes & Recommendations

### Committee Chair Election

The voting seats present took part in the election process described in the policy.

#### Candidates:

* Ada Lovelace
* Grase Hopper
* Brian Kernighan

#### Votes:

* Ada Lovelace
  * 1 vote from Grace Hopper
* Brian Kernighan
  * 1 vote from Ada Lovelace

#### Outcome:

* Ada Lovelace was elected chair
"""


def test_candidates_and_votes_are_the_positions_and_the_outcome_part_the_outcome():
    log = read_structured(ELECTION, AS_OF, genre="minutes")
    assert [w.title for w in log.items] == ["Committee Chair Election"]
    w = log.items[0]
    assert [o.text for o in w.outcomes] == ["Ada Lovelace was elected chair"]
    assert not w.commitments and not w.actions
    assert {17, 18, 19} <= {s.number for s in log.unplaced}  # the candidates (one misspelt) are a roster


SUMMARY_AFTER = """# Spec meeting 2025-05-08

## Notes

### Generalization

Do we want this as an identifier with sub-properties? Carol (Dave can't make it today).

### Summary:

Agree not to use a general identifier at this point.

### Versions

Are we going to enforce SEMVER? No.
"""


def test_a_summary_heading_at_the_topics_level_sums_up_the_topic_above_and_absence_is_no_risk():
    log = read_structured(SUMMARY_AFTER, AS_OF, genre="minutes")
    assert [w.title for w in log.items] == ["Generalization", "Versions"]
    gen = log.items[0]
    assert "Agree not to use a general identifier at this point." in [o.text for o in gen.outcomes]
    assert not gen.risk_notes  # "Dave can't make it today" is attendance


PROMPTS = """# Sync meeting (2025-05-08)

## Notes

* Review our project board
  * What items should be added?
  * Are there stale items that are no longer urgent?
* Release plan
  * Should we cut a beta first?
  * Brian will draft the notes
"""


def test_an_agenda_items_standing_prompts_are_context_but_real_questions_stay():
    log = read_structured(PROMPTS, AS_OF, genre="minutes")
    questions = [q.text for w in log.items for q in w.questions]
    assert not any("stale items" in q or "items should be added" in q for q in questions)
    assert any("cut a beta first" in q for q in questions) or any(
        "cut a beta first" in d.question for w in log.items for d in w.decisions)
    assert {5, 6, 7} <= {s.number for s in log.unplaced}


def test_a_labelled_topic_bullet_reads_what_follows_its_label():
    text = "# Team meeting #5\n\n## Notes\n\n* Woes of the old runtime: we should downgrade to 3.8, all we use from 3.9 is one function\n"
    log = read_structured(text, AS_OF, genre="minutes")
    w = log.items[0]
    assert w.title == "Woes of the old runtime"
    assert ["we should downgrade to 3.8, all we use from 3.9 is one function"] == [o.text for o in w.outcomes]  # the group's view


def test_presentation_slides_are_no_slip():
    text = "# Sync\n\n## Demo\n\n* (JB):\n  * I have some slides, and a few people here to answer questions.\n  * Presentation: Slides.\n  * The release will slide to next week.\n"
    log = read_structured(text, AS_OF, genre="minutes")
    risks = [r.text for w in log.items for r in w.risk_notes]
    assert risks == ["The release will slide to next week."] or risks == ["The release will slide to next week"]


def test_a_speakers_please_is_asked_of_the_room_not_their_promise():
    text = "# TAC meeting\n\nAttendees: Carol Payne, John Smith\n\n## Policy draft\n\n- Carol: please read the doc and comment on it. I will post the link in the channel.\n"
    log = read_structured(text, AS_OF, genre="minutes")
    got = [(c.owner, c.what) for w in log.items for c in w.commitments]
    assert ("", "read the doc and comment on it.") in got or ("", "read the doc and comment on it") in got
    assert any(o == "Carol Payne" and "post the link" in w for o, w in got)



def test_boilerplate_requests_and_standing_invitations_are_no_tasks():
    text = ("# Sync meeting (2025-05-08)\n\nPlease add new agenda items under the `New agenda items` heading!\n\n## Notes\n\n"
            "* Release\n  * Trishank: Please reach out if you want to have a follow-up conversation here!\n"
            "  * Joseph: Please look at the list of attributes and report which ones you use.\n")
    log = read_structured(text, AS_OF, genre="minutes")
    got = [c.what for w in log.items for c in w.commitments]
    assert got == ["look at the list of attributes and report which ones you use."]


def test_the_groups_we_should_is_its_view_not_a_decision_asked_of_the_reader():
    text = ("# Backend meeting\n\n## Notes\n\n* Woes of the old runtime: we should downgrade to 3.8, all we use from 3.9 is one function\n"
            "* Labels\n  * We could have a template that forces labels\n  * Decision needed: we should pick Won't Fix or Won't Accept\n")
    log = read_structured(text, AS_OF, genre="minutes")
    outs = [o.text for w in log.items for o in w.outcomes]
    decs = [d.question for w in log.items for d in w.decisions]
    assert "we should downgrade to 3.8, all we use from 3.9 is one function" in outs
    assert not any("template" in d for d in decs) and not any("template" in o for o in outs)
    assert any("Won't Fix" in d for d in decs)  # an explicit decision label stays a decision


# Bytecode Alliance SIG-Documentation, 2024-12-18 (bytecodealliance/meetings,
# SIG-Documentation/2024/docs-12-18.md; fresh2), excerpt: an action item's owner written after a dash
BCA = """# Dec 18 SIG-Documentation Meeting

## Attendees

* Kate Goldenring
* Timo Stark

## Action Items

* [ ] Create issue on BA site to rename news to blog
* [ ] Update README and add CONTRIBUTION.md in BA repo about adding a blog and testing locally - Timo
* [ ] Move the docs build to CI - next year
"""


def test_a_known_name_after_a_dash_owns_the_action_item_and_leaves_its_title():
    log = read_structured(BCA, dt.date(2024, 12, 19))
    owners = {c.what: c.owner for w in log.items for c in w.commitments}
    assert owners["Update README and add CONTRIBUTION.md in BA repo about adding a blog and testing locally"] == "Timo Stark"
    assert not owners["Create issue on BA site to rename news to blog"]
    assert "Move the docs build to CI - next year" in owners  # no person after the dash: the title stays whole


# the same meeting's discussion: a contrast among a topic's points, not a choice put to anyone
BCA_TOPIC = """# Dec 18 SIG-Documentation Meeting

## Attendees

* Kate Goldenring
* Timo Stark

## Notes

* Wasmtime plugins example?
  * host plugins are hard to document
  * library approach
  * example was connect four and plugging in distinct opponents
  * Happening at runtime vs loading in the wasm execution time
  * need to decide Docusaurus vs Hugo for the docs
"""


def test_a_contrast_among_a_topics_points_is_no_decision():
    log = read_structured(BCA_TOPIC, dt.date(2024, 12, 19))
    decisions = [d.question for w in log.items for d in w.decisions]
    assert not any("runtime vs loading" in d for d in decisions), decisions
    notes = [n for w in log.items for n in w.notes]
    assert any("runtime vs loading" in n for n in notes)
    assert any("Docusaurus" in d for d in decisions)  # a choice asked is still a decision


def test_the_notes_invitation_to_edit_them_is_no_open_question():
    # Ember Learning team meeting 2021-06-10 (fresh/minutes-ember-learning-2021-06-10.md), the template's close
    notes = ("# June 10, 2021\n\n## Attendees\n\n- [x] Amy Lam (AL)\n\n## Review PR queue\n\n- The tracking sheet seems broken\n\n"
             "## Any Questions?\n\nQuestions, comments or concerns? Submit a comment or PR for this set of notes.\n")
    log = read_structured(notes, dt.date(2021, 6, 11))
    said = [q.text for w in log.items for q in w.questions if not q.answered]
    said += [c.what for w in log.items for c in w.commitments] + [n for w in log.items for n in w.notes]
    assert not any("set of notes" in s for s in said), said
