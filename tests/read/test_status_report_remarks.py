"""What a status report's lines say of the work, read line by line: a remark on someone's report, a
labelled bug, what "remains to" be done, a musing, and a speaker's follow-up report are not work done
or promised; a "<topic> status" heading names a topic, not a list of things done.

Excerpts: geojupyter/team-compass meeting-notes/20260519-jupytergis-sync (MIT, in evals/real) and
mimblewimble/grin-pm meetings/2019/20190709-meeting-development.md (Apache-2.0).
"""

from __future__ import annotations

import datetime as dt

from drafter.read import read_notes
from drafter.read.signals import mode_of

STATUS = """\
# JupyterGIS sync meeting (2026-05-19)

## Attendees

* Martin Renou / `@martinrenou` / QuantStack
* Matt Fisher / `@mfisher87` / DSE
* Matthias Meschede / `@mmesch` / QuantStack

### Status reports

* Grammar of graphics
    * PR merged!
        * Bug: When radius not set, nothing is displayed.
    * Martin: Working on Python API side!
* Matthias: Vega-lite plot rendering PoC
    * Matt: Mixed feelings about mixed plot and map symbology in the UI! More efficient, but potentially confusing.
    * Matt: What do we think this UI should look like?
        * Bottom panel right now, reusing same space as console.
        * Floating might also be nice!
* GeoZarr support in progress
    * Remains to get the symbology to work with it (needs to get the bands info from the zarr file lazily)
"""

FOLLOW_UP = """\
# Meeting Notes: Development, July 09 2019

Development meeting held @ 3PM UTC in grin/Dev channel on Gitter. Meeting lasted ~ 65 min.

Notes are truncated, and conversations sorted based on topic and not always chronological.

**Community attendance:**

- antiochp
- chisa0a
- hashmap
- j01tz
- lehnberg
- quentinlesceller
- yeastplume

_(apologies if I missed someone - submit a PR or contact @lehnberg to add)_

## Agenda points & Actions

### 1. Retrospective

* _yeastplume:_ 2.0.0 was released about a week ago now, and the ecosystem appears to be transitioning okay.

### 3. Action point follow-up

#### 3.1 CI: secp256k1-zkp on azure-pipelines

* _quentinlesceller:_ I did an attempt this morning. It's honestly a mess with the Azure Pipelines structure. With a huge file. I'm not sure it is even worth it given how critical this is in our code.

#### 3.3 Filing issues of security audit report findings

* _yeastplume:_ Since @j01tz has kindly agreed to start looking at security/audit in more detail, he'll take over with respect to this item.

### 4. Security review status

* _j01tz:_ I started breaking down what we received back in the audit report. Right now I'm learning the code better to verify what we have fixed. Once we have each issue classified appropriately we'll make sure someone is assigned to each one.
"""


def _log(text, day):
    return read_notes(text, day)


def _done(log):
    return [a.text for i in log.items for a in i.actions]


def test_a_remark_on_someones_report_is_not_work_done():
    log = _log(STATUS, dt.date(2026, 5, 20))
    done = _done(log)
    assert not any("Mixed feelings" in t or "potentially confusing" in t for t in done), done
    assert not any("Floating" in t or "Bottom panel" in t for t in done), done  # answers to Matt's question
    assert any("PR merged" in t for t in done)  # a list entry of the report is still done


def test_a_labelled_bug_is_a_risk_and_what_remains_is_open():
    log = _log(STATUS, dt.date(2026, 5, 20))
    done = _done(log)
    assert not any(t.startswith("Bug:") for t in done), done
    assert any("radius not set" in r for i in log.items for r in i.risks)
    open_ = [c.what for i in log.items for c in i.commitments if c.state not in ("done", "dropped")]
    assert any(w.startswith("get the symbology to work") for w in open_), open_
    geozarr = next(i for i in log.items if i.title.startswith("GeoZarr"))
    assert not geozarr.actions


def test_a_topic_status_heading_is_a_topic_not_a_done_list():
    assert mode_of("Security review status") is None
    assert mode_of("Status") == "done" and mode_of("Weekly status:") == "done"
    log = _log(FOLLOW_UP, dt.date(2019, 7, 10))
    done = _done(log)
    assert not any("Right now I'm learning" in t or "we'll make sure" in t for t in done), done


def test_a_speakers_follow_up_report_is_speech_not_a_row_of_promises():
    log = _log(FOLLOW_UP, dt.date(2019, 7, 10))
    promised = [c.what for i in log.items for c in i.commitments]
    assert not any(w.startswith(("With a huge file", "I did an attempt", "It's honestly a mess")) for w in promised), promised


def _said(log):
    return [*(n for i in log.items for n in i.notes), *(r for i in log.items for r in i.risks)]


def test_a_speakers_first_person_remark_says_whose_it_is_and_replies_are_not_news():
    text = FOLLOW_UP + (
        "   * _yeastplume:_ You're right, it may not be.\n"
        "* _quentinlesceller:_ I'd be happy to help\n"
        "   * _yeastplume:_ Ok, great, thanks for the update.\n"
    )
    said = _said(_log(text, dt.date(2019, 7, 10)))
    assert not any(s.startswith(("You're right", "Ok, great")) for s in said), said
    assert any(s.startswith("I'd be happy to help") and s.endswith("(quentinlesceller)") for s in said), said  # an offer, and whose
    assert not any(s.startswith("I ") and "(" not in s for s in said), said


def test_how_the_notes_were_taken_is_not_news():
    said = _said(_log(FOLLOW_UP, dt.date(2019, 7, 10)))
    assert not any(s.startswith(("Development meeting held", "Notes are truncated", "(apologies")) for s in said), said


DECISION = """\
### 7. 2.x.x -> master branch

* _antiochp:_ So master is currently tracking 2.0.0 and we have a bunch of changes on 2.x.x post HF.
   * _yeastplume:_ Yeah, I think we have this a bit backwards at the moment.

#### Decision: Breaking changes in releases

##### Tl;dr

* Patch releases: Bug fixes
* Major releases: Breaking changes.

##### Detailed discussion

* _yeastplume:_ We've said that minor releases can contain (non-consensus) breaking changes?
   * _lehnberg:_ Patches are for bug fixes, small tuning.

#### Decision: Branching model

* _yeastplume:_ So we should have:
   1. a point-fix branch for patches, in this case `releases/2.0.x`,
   2. `master` for the next minor release, i.e. `2.1.0` in this case,
"""


def test_a_decisions_tldr_and_discussion_are_its_parts_not_topics_and_a_list_lead_is_not_news():
    log = _log(FOLLOW_UP + "\n" + DECISION, dt.date(2019, 7, 24))
    titles = [i.title for i in log.items]
    assert not any(t in ("Tl;dr", "Detailed discussion") for t in titles), titles
    said = [*_said(log), *(o.text for i in log.items for o in i.outcomes)]
    assert not any(s.rstrip(".").lower() in ("we should have", "so we should have") for s in said), said


AGENDA_BOXES = """\
# Community call 2023-11-08

## Attendees

- Dave Clements
- Jannis Leidel

## New Agenda Items

- [x] (JL) conda 23.10.0 happened! For real this time, in November
- [x] Time for this meeting? Should we move it earlier in the day?
    - Nothing decided, not even next steps.
"""


def test_a_covered_agenda_question_stays_open_when_nothing_was_decided():
    # conda/governance meetings/archive/20231108_agenda_and_minutes.md (CC-BY-4.0), shape of its agenda
    log = _log(AGENDA_BOXES, dt.date(2023, 11, 9))
    outcomes = [o.text for i in log.items for o in i.outcomes]
    assert not any("Nothing decided" in o for o in outcomes), outcomes
    assert not any("move it earlier" in a.text or "Time for this meeting" in a.text for i in log.items for a in i.actions)
    qs = [(q.text, q.answered) for i in log.items for q in i.questions]
    assert ("Should we move it earlier in the day?", False) in qs, qs


def test_to_be_done_is_not_done():
    assert mode_of("To be done within this week KW13 (31.03.2023)") == "doing"
    assert mode_of("Completed Tasks") == "done" and mode_of("Issues") == "risk"
