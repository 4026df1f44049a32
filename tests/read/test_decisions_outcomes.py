"""Decisions and outcomes in minutes, read from structure: outcome labels ("Conclusion:",
"Resolution:"), cue words ("decide to", "we agree"), options listed under a question as one
decision's options, and topics with nothing to report left as context."""

from __future__ import annotations

import datetime as dt

from drafter.read.offline import read_structured

AS_OF = dt.date(2024, 3, 6)


def read(text: str, genre: str | None = "minutes"):
    log = read_structured(text, AS_OF, genre=genre)
    assert sorted(log.accounted_lines()) == [s.number for s in log.lines]
    return log


def outcomes(log):
    return [o.text for w in log.items for o in w.outcomes]


def decisions(log):
    return [d for w in log.items for d in w.decisions]


LABELLED = """# Docs sync 2024-03-05

Attendees: Martin, Matthias

## Images
* Compressing images for the repo
    * Git LFS has a 10GB/month limit.
    * Conclusion: Stay with full dimensions for gallery. Compress as JPEG.
* **Resolution:** The TSC agreed to publish the policy on Friday.
* Decision needed: ship the beta or wait for the fix?
"""


def test_outcome_labels_keep_the_whole_settled_text():
    log = read(LABELLED)
    got = outcomes(log)
    assert "Stay with full dimensions for gallery. Compress as JPEG." in got
    assert any(t.startswith("The TSC agreed to publish the policy") for t in got)
    assert not any("Conclusion" in t or "Resolution" in t for t in got)
    open_ = [d.question for d in decisions(log)]
    assert any("ship the beta or wait for the fix" in q for q in open_)


def test_cue_words_decide_to_and_agree_not_are_outcomes():
    log = read("# Sync\n\nAttendees: Ann, Bob\n\n## Privacy\n- Decide to ask for legal advice\n- agree not to use a general UUID at this point\n")
    got = outcomes(log)
    assert "Decide to ask for legal advice" in got
    assert any("general UUID" in t for t in got)


OPTIONS = """# TSC 2024-03-05

Attendees: Roger, Wojciech

### Registry updates

Should we discover new providers or rely on the community to submit them?

- Option A:
    - Add the providers' metadata to our registry
    - Optionally contact the maintainers
- Option B:
    - Contact maintainers of popular providers
- Option C:
    - Don't do anything

The TSC recommends a split between Options B and C.
"""


def test_listed_options_are_one_decisions_options():
    log = read(OPTIONS)
    assert len(log.items) == 1, [w.title for w in log.items]
    (d,) = decisions(log)
    assert d.question.startswith("Should we discover new providers")
    assert [o.split(":")[0] for o in d.options] == ["Option A", "Option B", "Option C"]
    assert d.options[0] == "Option A: Add the providers' metadata to our registry; Optionally contact the maintainers"
    assert {9, 10, 11, 12, 13, 14, 15} <= set(d.lines)
    # the options' points are not tasks of their own
    assert not [c for w in log.items for c in w.commitments]
    assert any("split between Options B and C" in t for t in outcomes(log))


def test_options_without_a_question_take_the_line_that_introduces_them():
    log = read("# Sync\n\nAttendees: Ann, Bob\n\n## Hosting\nWe considered the following options:\n\n- Option 1: stay on the VPS\n- Option 2: move to the cloud\n")
    (d,) = decisions(log)
    assert d.question == "We considered the following options"
    assert d.options == ["Option 1: stay on the VPS", "Option 2: move to the cloud"]


def test_a_single_option_line_is_not_a_list_of_options():
    log = read("# Sync\n\nAttendees: Ann, Bob\n\n## Hosting\n- Option 1 is what Ann prefers\n- Bob will price the cloud move\n")
    assert all(not d.options for d in decisions(log))


def test_topics_with_nothing_to_report_are_context():
    text = "# Sync\n\nAttendees: Ann, Bob\n\n## Introductions\n- Welcome everyone, short meeting today\n\n## Release\n- Bob will tag 1.2 on Friday\n"
    log = read(text)
    assert [w.title for w in log.items] == ["Release"]
    assert 6 in [u.number for u in log.unplaced]


def test_a_reply_nested_under_a_question_is_its_answer():
    text = ("# Sync\n\nAttendees: Trishank, Kairo\n\n## RSTUF\n* Trishank: what if the API request to RSTUF fails?\n"
            "    * Kairo: You can retry and add the package in the next retry\n")
    log = read(text)
    assert any(o.text.startswith("You can retry") and o.who == "Kairo" for w in log.items for o in w.outcomes)


def test_short_points_under_a_question_are_not_answers():
    text = "# Sync\n\nAttendees: Ann, Bob\n\n## Cleanups\n* What can we remove?\n    * mesos client\n    * udig\n    * old k8s client\n"
    assert not outcomes(read(text))


def test_a_question_with_its_verdict_is_settled():
    log = read("# Sync\n\nAttendees: Ann, Bob\n\n## Versions\nAre we going to enforce SEMVER?   No.\n")
    assert outcomes(log) == ["Are we going to enforce SEMVER? No."]
    assert not [q for w in log.items for q in w.questions]


STANDUP = """# Standups

## December 16

### What have you done since last standup?
* **nick:** Started evaluating CMSes for the site
* **tryggvi:** Relayed what to save into the issue

### Is there anything blocking you from doing work?
* **nick:** Nope.
* **tryggvi:** Waiting for a response from Laura
"""


def test_nope_under_a_blocker_question_is_no_blocker():
    log = read(STANDUP, genre="standup")
    nick = next(w for w in log.items if w.title == "nick")
    assert not nick.waits and not nick.outcomes
    assert [(q.text, q.answered) for q in nick.questions] == [("Is there anything blocking you from doing work? Nope.", True)]
    tryggvi = next(w for w in log.items if w.title == "tryggvi")
    assert [x.on_whom for x in tryggvi.waits] == ["Laura"]


NUMBERED = """Minutes from the 82nd TSC meeting, March 2nd, 2021

Attendees: Nick, Jeff, Ken

Agenda

1) Forum
2) Dynamic Node Manager (PR 983)

1) Forum

No new issues.

2) Dynamic Node Manager (PR 983)

Change to copy-by-ref broke other changes. Do we need a new API? A standalone wrapper API. We agree on the need for wrappers for TBB.

This will be a patch release.  We patch 8.1 and 7.X.

The 8.0 line is replaced. Is 8.0 patched?

We should be able to do that without too much sweat. Ready to merge once Ken has accepted it.
"""


def test_numbered_agenda_items_over_paragraphs_are_topics():
    log = read(NUMBERED)
    assert [w.title for w in log.items] == ["Dynamic Node Manager (PR 983)"]  # "Forum" holds nothing to report
    (w,) = log.items
    assert {14, 16, 18, 20, 22} <= set(w.lines)


def test_plain_sentences_after_an_outcome_explain_it():
    got = outcomes(read(NUMBERED))
    assert "This will be a patch release. We patch 8.1 and 7.X." in got
    assert "We agree on the need for wrappers for TBB." in got


def test_a_question_the_paragraph_goes_on_from_is_not_left_open():
    (w,) = read(NUMBERED).items
    qs = {q.text: q.answered for q in w.questions}
    assert qs["Do we need a new API?"] is True
    assert qs["Is 8.0 patched?"] is False  # the paragraph ends on it


def test_expectations_and_conditions_are_not_decisions_or_outcomes():
    (w,) = read(NUMBERED).items
    assert not any("without too much sweat" in d.question for d in w.decisions)
    assert not any("once Ken has accepted" in o.text for o in w.outcomes)


def test_mentions_are_not_decisions():
    from drafter.read.people import People
    from drafter.read.signals import classify

    p = People(text="")
    for text in ("There is a difference between exported / public types vs. an internal type that is not exposed to any interface.",
                 "Reviewed PR#16 on removing .vscode from the repo", "This paper proposes two methods to overcome the overlap",
                 "Revamp of developer.tbd.website"):
        assert classify(text, None, p).kind != "decision", text
    for text in ("Extrapolate with fog vs sdf to extension", "I propose to adopt the SMPTE names.", "Venue TBD"):
        assert classify(text, None, p).kind == "decision", text


def test_who_decides_when_the_clause_says_and_whether_options():
    log = read("# TSC\n\nAttendees: Ann, Bob\n\n## Glob fix\n- The TSC was asked whether this should be treated as semver-patch or semver-minor.\n"
               "- There is contention on whether we should provide a default thread pool or not.\n")
    d1, d2 = decisions(log)
    assert (d1.who, d1.options) == ("TSC", ["semver-patch", "semver-minor"])
    assert (d2.who, d2.options) == (None, [])


def test_positions_on_lettered_options():
    log = read(OPTIONS + "\n#### Discussion\n\n- Roger: B, can we get the same results from the community? The community could list them.\n"
               "- Oleks: C, we can use it as an opportunity to build relationships.\n")
    (d,) = decisions(log)
    assert d.positions[0] == "Roger: B, can we get the same results from the community? The community could list them."
    assert any(p.startswith("Oleks: C, we can use it") for p in d.positions)


RETRO = """# Week of 13 February 2023

## Weekly Retro and Action Items

- Move long Proposals to PRs instead of Issues
  - `[PROPOSAL]`s in GitHub Issues are not great when they're long.
  - _Example_: the long proposal in the docs phase 2 issue
- Wins
  - tbDEX team is wanting our support

## ALR

### Focus for the Week
- Getting Started experience
"""


def test_a_retro_holds_what_the_team_agreed():
    log = read(RETRO, genre="standup")
    got = outcomes(log)
    assert "Move long Proposals to PRs instead of Issues" in got
    assert "tbDEX team is wanting our support" in got
    assert "Wins" not in got
    notes = [n for w in log.items for n in w.notes]
    assert "PROPOSALs in GitHub Issues are not great when they're long." in notes  # an explanation, not an outcome
    assert any(n.startswith("Example: the long proposal") for n in notes)


SUBTOPICS = """# TAC meeting

Attendees: Carol, John, Matthias

## Notes
- General Updates
  - TAC Industry Representative Election
    - Carol: haven't had volunteers come forward. Carol will ask the board for volunteers.
* Matthias:
    * Compressing images for our repo
        * Conclusion: Stay with full dimensions for gallery.
"""


def test_a_sub_topic_holds_its_own_title_line_and_survives_the_provenance_check():
    from drafter.read import read_notes

    log = read_notes(SUBTOPICS, AS_OF)
    election = next(w for w in log.items if w.title == "TAC Industry Representative Election")
    assert 7 in election.lines
    assert not [d for d in log.dropped if d.kind == "item"]


def test_what_a_speaker_above_said_cites_the_line_naming_them():
    from drafter.read import read_notes

    log = read_notes(SUBTOPICS, AS_OF)
    (o,) = [o for w in log.items for o in w.outcomes]
    assert (o.text, o.who) == ("Stay with full dimensions for gallery.", "Matthias")
    assert o.lines == [9, 11]


def test_lessons_to_act_on_are_commitments_and_conclusions_are_outcomes():
    from drafter.read.people import People
    from drafter.read.signals import classify

    p = People(text="")
    s = classify("Lesson learned: prepare critical scripts earlier and review them harder.", None, p)
    assert (s.kind, s.text) == ("commitment", "prepare critical scripts earlier and review them harder.")
    s = classify("Lessons learnt: the cloud provider was the weak point", None, p)
    assert s.kind == "outcome"
    s = classify("The conclusion is simple: stay with full dimensions for the gallery.", None, p)
    assert (s.kind, s.text) == ("outcome", "stay with full dimensions for the gallery.")


def test_a_speakers_we_should_is_a_position_not_an_ask_and_lets_do_this_is_decided():
    log = read("# TAC\n\nAttendees: Gordon, Carol\n\n## ORI\n- Gordon: we should just vote on a restructuring.\n"
               "- Carol: let's do this, vote to move ORI to LTWG.\n- Don't have to pick anybody either.\n")
    assert not decisions(log)
    assert outcomes(log) == ["let's do this, vote to move ORI to LTWG."]


def test_a_position_names_the_speaker_as_the_line_does():
    from drafter.read import read_notes

    text = ("# TSC\n\nAttendees: Nick Porcino, Larry Gritz\n\n## Names\n* I propose to adopt the SMPTE names.\n"
            "* Nick: Move forward with the SMPTE names.\n")
    log = read_notes(text, AS_OF)
    (d,) = decisions(log)
    assert d.positions == ["Nick: Move forward with the SMPTE names."]
    assert not [x for x in log.dropped if x.kind == "decision"]
