"""The genre readers: owners' actions with the right owner, headings/agenda/questions never
tasks or blockers, every element citing its lines, the notes' own words."""

from __future__ import annotations

import datetime as dt

from drafter.read.offline import read_structured

AS_OF = dt.date(2024, 3, 6)


def read(text: str, genre: str | None = None):
    log = read_structured(text, AS_OF, genre=genre)
    nums = [s.number for s in log.lines]
    assert sorted(log.accounted_lines()) == nums, "every non-blank line in exactly one item or unplaced"
    return log


def pairs(log):
    return [(c.owner, c.what) for w in log.items for c in w.commitments]


def all_actions(log):
    return [a.text for w in log.items for a in w.actions]


MINUTES = """# Lang team sync 2024-03-05

Attendees: Eric Huss, Josh Triplett, @tmandry

## Agenda
- **Edition update** (ehuss) (Time: 10 min)
- Open Discussion [discussion] timebox to 15 min

## Edition update
- Kick off the call for testing next week
- Happy with the progress so far
- Should we ship in 1.85 or wait for 1.86?
- AI(tmandry): write the blog post by Fri 8 Mar
- Josh to ask legal about the license
- Decided: ship the lints as warnings first

## Action items
- [ ] @tmandry will draft the RFC
- [x] Eric: file the tracking issue
"""


def test_minutes_owners_keep_their_action_items():
    log = read(MINUTES)
    assert log.genre == "minutes" and not log.first_person
    got = pairs(log)
    assert ("tmandry", "write the blog post by Fri 8 Mar") in got
    assert ("Josh Triplett", "ask legal about the license") in got  # the attendee's full name
    assert ("tmandry", "draft the RFC") in got
    assert all(owner != "I" for owner, _ in got)
    due = {c.what: c.due for w in log.items for c in w.commitments}
    assert due["write the blog post by Fri 8 Mar"] == dt.date(2024, 3, 8)
    assert due["ask legal about the license"] is None  # no date in the notes, none invented
    done = [(a.actor, a.text) for w in log.items for a in w.actions]
    assert ("Eric Huss", "file the tracking issue") in done


def test_minutes_agenda_timebox_headings_and_questions_are_context():
    log = read(MINUTES)
    texts = [c.what for w in log.items for c in w.commitments] + all_actions(log)
    texts += [x.what for w in log.items for x in w.waits]
    assert not any("Open Discussion" in t or "timebox" in t or "Edition update" == t for t in texts)
    assert {6, 7} <= {s.number for s in log.unplaced}  # the agenda is context
    decisions = [d for w in log.items for d in w.decisions]
    assert [d.options for d in decisions] == [["ship in 1.85", "wait for 1.86"]]
    outcomes = [o.text for w in log.items for o in w.outcomes]
    assert "ship the lints as warnings first" in outcomes
    names = {p.name for p in log.people}
    assert not names & {"Kick", "Happy", "Open", "Discussion", "Decided"}


def test_minutes_inline_speaker_turns_are_read_per_speaker():
    text = "# TAC meeting\n\n## Dev Days\n- Olga: 6 weeks until Dev Days. I'll reach out to projects before assigning students. Larry: sounds good.\n"
    log = read(text, genre="minutes")
    assert pairs(log) == [("Olga", "reach out to projects before assigning students.")]


STANDUP = """## December 13

### What have you done since last standup?

* **tryggvi:** Kick off meeting, sending emails and getting tools in order
* **nick:** Started evaluating CMSes for the site

### What are you going to do until next standup?

* **tryggvi:** Send out an email to HoUs and ask what they want to salvage

### Is there anything blocking you from doing work?

* **tryggvi:** No
* **nick:** waiting on Laura for the hosting account
"""


def test_standup_rounds_per_person():
    log = read(STANDUP)
    assert log.genre == "standup"
    by_owner = {w.owner: w for w in log.items}
    t, n = by_owner["tryggvi"], by_owner["nick"]
    assert [a.text for a in t.actions] == ["Kick off meeting, sending emails and getting tools in order"]
    assert [(c.owner, c.what) for c in t.commitments] == [("tryggvi", "Send out an email to HoUs and ask what they want to salvage")]
    assert t.waits == []  # "No" is no blocker
    assert [w.on_whom for w in n.waits] == ["Laura"]
    assert "Kick" not in {p.name for p in log.people}
    for w in log.items:
        for el in [*w.actions, *w.commitments, *w.waits]:
            assert el.lines and set(el.lines) <= set(w.lines)


WORKLOG = """Week 4: the design matrix
==========================

What I did this week
~~~~~~~~~~~~~~~~~~~~

I implemented the design matrix for the CTI tensor.

What is coming up next
~~~~~~~~~~~~~~~~~~~~~~

This week I'll work on fitting CTI on multiple Gaussian simulations.

Did I get stuck anywhere
~~~~~~~~~~~~~~~~~~~~~~~~

No, I didn't get stuck anywhere.
"""


def test_worklog_sections_and_an_answered_stuck_question():
    log = read(WORKLOG)
    assert (log.genre, log.first_person) == ("worklog", True)
    (item,) = log.items
    assert item.title == "Week 4: the design matrix"
    assert [a.text for a in item.actions] == ["I implemented the design matrix for the CTI tensor."]
    assert [(c.owner, c.what) for c in item.commitments] == [("I", "work on fitting CTI on multiple Gaussian simulations.")]
    assert item.waits == []
    assert [q.answered for q in item.questions] == [True]
    assert all(not t.endswith("?") for t in [item.title, *all_actions(log)])


TODO = """# Release checklist

- [x] tag the release candidate
- [ ] write the release notes by 2024-03-08
- [ ] update the website
- [ ] waiting on Priya for the signing key
"""


def test_todo_boxes():
    log = read(TODO)
    assert log.genre == "todo"
    (item,) = log.items
    assert [a.text for a in item.actions] == ["tag the release candidate"]
    got = [(c.what, c.due) for c in item.commitments]
    assert ("write the release notes by 2024-03-08", dt.date(2024, 3, 8)) in got
    assert ("update the website", None) in got
    assert [(w.on_whom, w.what) for w in item.waits] == [("Priya", "waiting on Priya for the signing key")]


INCIDENT = """# 2022-06-02, pod limit reached

## Summary

A bug in the GKE resource quota was preventing the prod hub from creating new pods.

## Timeline

### 21:06 - Logger error

We discover the log error about hitting a pod quota limit.

### 21:24 - Delete the quota object

We deleted the gke-resource-quotas object and launch success went back to 100%.

## Root cause

A known bug in the gke-resource-quotas object.

## Action items

1. Uptime and alerting issue: https://github.com/org/repo/issues/611
"""


def test_incident_timeline_outcome_followups():
    log = read(INCIDENT)
    assert log.genre == "incident" and not log.first_person
    (item,) = log.items  # one incident: its parts ("Timeline", "Action items") are not items
    assert item.title == "2022-06-02, pod limit reached"
    acts = {a.text: a for a in item.actions}
    # a timeline entry is an action taken, with the time of its heading (which it cites)
    a = acts["21:24 We deleted the gke-resource-quotas object and launch success went back to 100%."]
    assert a.lines == [13, 15]
    assert [o.text for o in item.outcomes] == [
        "A bug in the GKE resource quota was preventing the prod hub from creating new pods.",
        "A known bug in the gke-resource-quotas object.",  # the root cause: what was found
    ]
    (c,) = item.commitments
    assert (c.owner, c.what) == ("", "Uptime and alerting issue")  # the notes name no owner
    assert "https://github.com/org/repo/issues/611" in item.resources


def test_minutes_decision_keeps_options_and_peoples_positions():
    text = (
        "# Release sync\n\nAttendees: Ana, Bo\n\n## Release 2.0\n"
        "- Should we ship 2.0 now or wait for the parser fix?\n"
        "- Ana: ship now, the parser fix is small enough for 2.0.1\n"
        "- Bo: wait for the parser fix, users hit it daily\n"
        "- The docs will slide to next week\n"
    )
    log = read(text)
    (item,) = log.items
    (d,) = item.decisions
    assert d.options == ["ship 2.0 now", "wait for the parser fix"]
    assert d.positions == ["Ana: ship now, the parser fix is small enough for 2.0.1", "Bo: wait for the parser fix, users hit it daily"]
    assert d.lines == [6, 7, 8]
    assert [r.text for r in item.risk_notes] == ["The docs will slide to next week"]
    assert item.commitments == []


def test_large_inputs_read_in_linear_time():
    import time

    read("x")
    one_line = "Carol: we agreed to ship it. John will ask legal about the license? " * 1500  # ~100 KB, one line
    many = "".join(f"- [ ] task {i} for Sam by Fri\n" for i in range(3000))
    for text in (one_line, many):
        t = time.perf_counter()
        read(text)
        assert time.perf_counter() - t < 20
