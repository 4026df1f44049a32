"""The incident and worklog readers, read from structure: an incident's parts are how its lines
read (not items), timeline entries are actions with their times, follow-ups name only the owners
the notes name; a worklog's status questions are answered by their sections, a "stuck?" section
that says no (or that it is over) is no blocker, first-person report prose is done / doing /
waiting / risky by its own words. Every element cites its lines and passes the provenance check."""

from __future__ import annotations

import datetime as dt

from drafter.read import read_notes
from drafter.read.offline import read_structured
from drafter.read.outline import build_outline

AS_OF = dt.date(2024, 3, 6)


def read(text: str, genre: str | None = None):
    log = read_structured(text, AS_OF, genre=genre)
    assert sorted(log.accounted_lines()) == [s.number for s in log.lines], "every non-blank line once"
    checked = read_notes(text, AS_OF)
    assert not checked.dropped, [d.reason for d in checked.dropped]  # provenance keeps every element
    return log


INCIDENT = """---
title: Outage of the package mirror
author: someone
---

On 4 March 2024 the package mirror returned errors for two hours. We rolled back the cache change.

### What was impacted

Downloads failed for about two hours. No data was lost.

## Timeline

All times in UTC

### 2024-03-04 09:10

Error rate reaches 40%.

### 09:40 - Rolled back

We reverted the cache configuration and errors stopped.
The root cause is still unknown.

```
10:05 UTC - mirror healthy again
```

### What we're doing about it

- We enabled alerts on the error rate.
- We requested all mirror maintainers rotate their deploy keys.
- Do not deploy cache changes on Fridays
  * This has been done: deploy freeze added to the calendar
- [ ] Write a runbook for cache rollbacks

We try to respond quickly, but this is heavily limited by our lack of on-call staff. For example, the person who fixed it was on holiday.
"""


def test_incident_is_one_item_and_its_parts_say_how_lines_read():
    log = read(INCIDENT)
    assert log.genre == "incident" and not log.first_person
    (item,) = log.items  # "What was impacted", "Timeline", "What we're doing about it" are parts, not items
    assert item.title == "Outage of the package mirror"  # the front matter's title, not the first prose line
    acts = {a.text: a for a in item.actions}
    assert "We rolled back the cache change." in acts  # the summary: what was done
    # timeline entries: actions with the time of their heading (cited) and its date
    a = acts["09:10 Error rate reaches 40%."]
    assert a.on == dt.date(2024, 3, 4) and a.lines == [16, 18]
    assert "09:40 We reverted the cache configuration and errors stopped." in acts
    assert "10:05 UTC - mirror healthy again" in acts  # a timeline in a code block, line by line
    risks = [r.text for r in item.risk_notes]
    assert "The root cause is still unknown." in risks  # an unknown in the timeline is a risk, not done
    assert any("lack of on-call staff" in r for r in risks)
    assert not any(r.startswith("For example") for r in risks)
    assert not item.decisions  # "For example, ... was on holiday" is an illustration, not a decision
    outs = [o.text for o in item.outcomes]
    assert "No data was lost." in outs  # the impact is what happened, not a risk to the work


def test_incident_follow_ups_name_only_the_owners_the_notes_name():
    log = read(INCIDENT)
    (item,) = log.items
    pairs = {(c.owner, c.what) for c in item.commitments}
    assert ("mirror maintainers", "rotate their deploy keys") in pairs  # the group the notes name
    assert ("", "Write a runbook for cache rollbacks") in pairs  # nobody named: no owner invented
    done = [a.text for a in item.actions]
    assert "We enabled alerts on the error rate." in done
    # "This has been done" under a follow-up: that follow-up is done, not an open commitment
    assert any(t.startswith("Do not deploy cache changes on Fridays") and "deploy freeze" in t for t in done)
    assert not any("This has been done" in c.what or "Fridays" in c.what for c in item.commitments)


POSTMORTEM = """# Game day post-mortem

## Registration issues

We sent the tokens with a script, but the mapping was wrong. So we decided to resend them by hand.

We could restart the whole game, but we did not want to do this.

The conclusion is simple: prepare such scripts earlier and review them harder.

## Network issues

We don't know the good solution here. Next time we will try a different provider.
"""


def test_post_mortem_topics_lessons_and_no_invented_asks():
    log = read(POSTMORTEM)
    titles = [w.title for w in log.items]
    assert titles == ["Registration issues", "Network issues"]  # headings that are not parts are topics
    reg, net = log.items
    outs = [o.text for o in reg.outcomes]
    assert "So we decided to resend them by hand." in outs
    assert "We could restart the whole game, but we did not want to do this." in outs  # past, not a decision to make
    assert not reg.decisions and not net.decisions
    assert [(c.owner, c.what) for c in reg.commitments] == [("", "Prepare such scripts earlier and review them harder")]
    assert [(c.owner, c.what) for c in net.commitments] == [("", "Try a different provider")]
    assert [r.text for r in net.risk_notes] == ["We don't know the good solution here."]


STATUS_REPORT = """## Weekly Status Report for Week 5

**What have you accomplished this week?**

- Added the login form tests
- Fixed the CI cache

**What issues or roadblocks have you encountered this week?**

- Unable to run the API tests locally
- Rebasing the feature branch
- Need access to the staging database from the ops team

**Have they been resolved, and if so, how?**

- For the API tests, not yet.
- For rebasing the feature branch, had help from Priya.

**Is further assistance necessary to resolve existing issues?**

N/A

**What do you plan to accomplish next week?**

- Submit the PR for password reset

**How does your progress compare to your project schedule?**

Behind on the password reset work
"""


def test_status_report_questions_are_answered_by_their_sections():
    log = read(STATUS_REPORT)
    assert (log.genre, log.first_person) == ("worklog", True)
    (item,) = log.items
    assert [a.text for a in item.actions][:2] == ["Added the login form tests", "Fixed the CI cache"]
    risks = [r.text for r in item.risk_notes]
    assert "Unable to run the API tests locally" in risks  # a roadblock: a risk, not something done
    assert "Rebasing the feature branch" not in risks  # resolved below: "had help from Priya"
    assert "Behind on the password reset work" in risks  # the schedule answer says behind
    assert [w.what for w in item.waits] == ["Need access to the staging database from the ops team"]
    assert [(c.owner, c.what) for c in item.commitments] == [("I", "Submit the PR for password reset")]
    # a fragment answer ("For the API tests, not yet.") is no outcome: it answers its question
    assert not any("not yet" in o.text for o in item.outcomes)
    assert any(q.answered and "not yet" in q.text for q in item.questions)
    assert not any(q.text.startswith(("What have you", "What do you plan")) for q in item.questions)


GSOC = """Week 6: training the model
=========================

What I did this week
~~~~~~~~~~~~~~~~~~~~

I implemented the data loader and ran two experiments. The IT staff couldn't help either.

What is coming up next week
~~~~~~~~~~~~~~~~~~~~~~~~~~~

Run more experiments!

Did I get stuck anywhere
~~~~~~~~~~~~~~~~~~~~~~~~

All I did was get stuck again and again.
But all is well now.
"""


def test_a_stuck_section_that_says_it_is_over_is_no_blocker():
    log = read(GSOC)
    (item,) = log.items
    assert not item.waits and not item.risk_notes  # "But all is well now": nothing is blocked
    assert any(q.answered and "all is well now" in q.text for q in item.questions)
    assert "I implemented the data loader and ran two experiments." in [a.text for a in item.actions]
    assert [c.what for c in item.commitments] == ["Run more experiments!"]


QUARTERLY = """=== Compiler ports

Links: +
link:https://example.org/compiler[Compiler project] URL: link:https://example.org/compiler[https://example.org/compiler] +

Contact: Alex Doe <alex@example.org>

==== Default version update

Thanks to everyone who ran the test builds.
However next time I would like to update the default version as soon as the first minor release is out.

==== Sanitizer crashes

I have fixed the crashes for the 11 and 12 ports.
I am still working on the 13 port.
For the devel port I expect upstream to fix the issue soon, by using a patch submitted by a user.
I plan to support the other ports too, but this cannot be done as easily because of bootstrapping issues.
"""


def test_a_first_person_quarterly_report_reads_by_its_sentences():
    log = read(QUARTERLY, genre="worklog")  # (short as it is here, it would be read as personal notes)
    assert log.first_person
    assert [w.title for w in log.items] == ["Default version update", "Sanitizer crashes"]  # its sub-topics
    default, crash = log.items
    assert [c.what for c in default.commitments] == ["update the default version as soon as the first minor release is out"]
    assert [a.text for a in crash.actions] == ["I have fixed the crashes for the 11 and 12 ports."]
    assert [c.what for c in crash.commitments] == ["work on the 13 port", "support the other ports too"]
    assert [w.what for w in crash.waits] == ["For the devel port I expect upstream to fix the issue soon"]
    assert any("cannot be done as easily" in r.text for r in crash.risk_notes)
    assert not log.unplaced or all("Links" not in s.text for s in log.unplaced)  # the title's links head the first item


def test_a_label_heading_owns_only_the_block_right_below_it():
    o = build_outline("=== Title\n\nLinks: +\nlink:https://x.org[X] +\n\nA paragraph of the report.\n")
    para = next(n for n in o.nodes if n.text == "A paragraph of the report.")
    assert [h.text for h in o.heading_path(para)] == ["Title"]  # not under "Links"
    o = build_outline("Decisions:\n\nWe agreed to ship.\n\nWe agreed to wait.\n")
    last = next(n for n in o.nodes if n.text == "We agreed to wait.")
    assert [h.text for h in o.heading_path(last)] == ["Decisions"]  # a label followed by a blank line keeps its scope


LABELLED_FOLLOW_UPS = """# Incident Report: 2025-01-10 Router outage

**Impact**: No internet for the office.

## What Happened?

A configuration switch was attempted on the router. This switch included:

1.  Adding a new VLAN to the config.
2.  Moving the DHCP range.

## Next Steps

1.  **Backlog Task**: Create a safety checklist for router changes.
2.  **Network Redundancy**: Add a second DNS server.
"""


def test_a_labelled_follow_up_is_no_owner_and_a_lead_in_keeps_its_list():
    log = read(LABELLED_FOLLOW_UPS)
    (item,) = log.items
    assert item.title == "Incident Report: 2025-01-10 Router outage"  # the title is no part ("Summary")
    assert {(c.owner, c.what) for c in item.commitments} == {
        ("", "Backlog Task: Create a safety checklist for router changes"),  # the label titles it, nobody owns it
        ("", "Network Redundancy: Add a second DNS server"),
    }
    outs = [o.text for o in item.outcomes]
    assert "This switch included: Adding a new VLAN to the config; Moving the DHCP range" in outs  # no "This switch included" fragment
    assert not any(o.text == "This switch included" for o in item.outcomes)


DAILY = """## Week 7

### What did you do this week?

I finished the login page.

### Did you get stuck anywhere?

Not as such.

## Daily Work Update

| # | Day | Date | A short description of the work done |
|---|---|---|---|
| 1 | Monday | 2020/06/29 | a. WIP : Access setup for admins. |
| 2 | Tuesday | 2020/06/30 | Break |
| 3 | Wednesday | 2020/07/01 | a. WIP : Access setup for admins. |
| 4 | Thursday | 2020/07/02 | a. Done with [PR !141](https://example.org/mr/141) <br> b. Wrote the blog post |
"""


def test_a_daily_work_table_and_a_not_as_such_answer():
    log = read(DAILY, genre="worklog")
    week, daily = log.items
    assert not week.waits and not week.risk_notes  # "Not as such." is no blocker
    assert any(q.answered and q.text.endswith("Not as such.") for q in week.questions)
    # the table's cells: done on their day; "WIP: ..." is one piece of ongoing work, however many days; a break is no work
    assert [(c.owner, c.what) for c in daily.commitments] == [("I", "Access setup for admins")]
    acts = [(a.text, a.on) for a in daily.actions]
    assert acts == [("Done with PR !141", dt.date(2020, 7, 2)), ("Wrote the blog post", dt.date(2020, 7, 2))]


TABLE_TIMELINE = """# Ingress change caused an outage

## Timeline

All times in UTC.

| Time             | Event                                   |
| :--------------- | --------------------------------------- |
| 2021-08-26 09:48 | Rollback performed.                     |
| 2021-08-26 09:49 | Service operational.                    |

## Action Items

- Reflect on how announcements can be more visible. In this incident however it could have been difficult to notice.

## Stats

- Category: Kubernetes
- Time to recovery: 87 minutes
"""


def test_a_timeline_table_and_a_follow_ups_aside():
    log = read(TABLE_TIMELINE)
    (item,) = log.items  # "Stats" is a part of the report, not a topic
    assert [(a.text, a.on, a.lines) for a in item.actions] == [
        ("09:48 Rollback performed", dt.date(2021, 8, 26), [9]),
        ("09:49 Service operational", dt.date(2021, 8, 26), [10]),
    ]
    assert [c.what for c in item.commitments] == ["Reflect on how announcements can be more visible"]  # its aside is no task
    assert "Time to recovery: 87 minutes" in [o.text for o in item.outcomes]
    assert not any(o.text.startswith("Category") for o in item.outcomes)  # metadata


def test_a_summary_tells_what_happened_from_what_we_did():
    text = """---
title: Token leak disclosure
---

On 2 May 2024 a security researcher identified a leaked token in our CI logs. They reported this to our security inbox. Within a few hours the token had been revoked. We enabled secret masking in CI.

### What we're doing about it

- We enabled branch protection on more repositories. This was also recommended by the researcher.
"""
    (item,) = read(text, genre="incident").items  # (this short, it would be taken for a standup)
    outs = [o.text for o in item.outcomes]
    # a third party's act is what happened; the sentence that continues it stays with it
    assert outs == ["On 2 May 2024 a security researcher identified a leaked token in our CI logs. They reported this to our security inbox."]
    acts = [a.text for a in item.actions]
    assert "Within a few hours the token had been revoked." in acts
    assert "We enabled secret masking in CI." in acts
    assert "We enabled branch protection on more repositories. This was also recommended by the researcher." in acts


def test_an_impact_signal_is_what_the_impact_line_says_without_its_label():
    # OpenFoodFacts.net postmortem 2021-10-03 (fresh/postmortem-off-net-down-2021-10-03.md), excerpt;
    # the headline writes "Impact: ..." itself, so the label doubled ("Impact: Impact: Integration tests ...")
    from drafter.read.incident_state import incident_state

    notes = ("# [Postmortem] OpenFoodFacts.net down (#1)\n\n**Status**: Complete, action items in progress\n\n"
             "**Impact**: Integration tests failing on openfoodfacts-dart ([example](https://github.com/x/y/runs/1)), pre-prod environment down.\n")
    log = read_structured(notes, dt.date(2021, 10, 5), genre="incident")
    impacts = [s.text for s in incident_state(log).signals if s.kind == "impact"]
    assert impacts == ["Integration tests failing on openfoodfacts-dart, pre-prod environment down."]
