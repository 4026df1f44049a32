"""Post-mortems written on the common template (Summary / Timeline / What went well / What could
have gone better / Action items), shortened from two Flutter post-mortems (flutter/flutter
docs/postmortems, BSD-3-Clause): what went well is no risk, "a new, fixed release" is no fix, a
clause after a semicolon stays with its sentence, "3.32.4 is published, fixing 3.32.3" ends it, and
the report's header fields, timeline markers and chart captions are no title, impact or news."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes

RELEASE = """# Flutter 3.32.3 Postmortem

**Author**: @matanlurey

**Status**: Final

## Background

The 3.32.3 hotfix release, which included some usability and memory leak fixes for 3.32, accidentally uploaded unsigned artifacts - including the `dart` binary (which is used by most tooling in Flutter, including the `flutter` CLI itself).

As a result, a manual downgrade and a few other possible workarounds were needed to get a working Flutter SDK on macOS, until 3.32.4 could be published with correctly signed binaries.

Three parts of the system failed (not including the GCP outage):

1. Once we realized we wanted to rollback we couldn't - the release tool lacked that function.
2. Our recipe code (Python code that runs on our VM fleet and builds and tests the SDK) had a bug where if there were 2 or more commits merged into a release branch in a somewhat short timespan (< 2 hours), previous commits that were _not_ the latest would be assumed by the recipe that they did originate from a release branch, and would not sign the artifacts.
3. The tests that were written to catch unsigned binaries issued a false-positive; they tested engine artifacts that were built for the _current_ SHA.

## Timeline

- **Jun 11, 2025**: A release is published.
- **Jun 12, 2025**: There is a global GCP outage, affecting access to debug. We also could not prepare a new, fixed release.
- **Jun 12, 2025**: 3.32.4 is published, fixing 3.32.3.

## What went well

- An issue that could have taken hours/days longer to discover was manually triaged. There was only a ~2 hour delay between the issue being filed and a "bunker room" and threads started with the release and infra team.

## What could have gone better

- There is no playbook for what to do when a release is dead-on-arrival.

## Action Items

| Action item description                                            | Status |
| ------------------------------------------------------------------ | ------ |
| Update the release tooling to be able to specify a commit SHA      | DONE   |
| Fix recipe to correctly identify a commit as a release candidate   | DONE   |
"""

OUTAGE = """Status: final<br>
Owners: @Hixie

## Summary

Description: flutter.dev was offline for 80% of users for a period of several hours.<br>
Component: www.flutter.dev web site<br>
Duration: 15 hours 40 minutes<br>

## Timeline (all times in PST/PDT)

### 2023-08-25

21:14 - DNS configuration changes take effect. 80% of IPs served for flutter.dev fail to serve correctly. **&lt;START OF OUTAGE&gt;**<br>

### 2023-08-26

12:55 - DNS configuration changes take effect. **&lt;END OF OUTAGE&gt;**

## Data
From analytics (the outage is visible at the bottom right):
![](https://github.com/flutter/flutter/assets/551196/cbbb6cde-9b65-45ec-9bd1-8adb169469e3)

## Impact

Four fifths of users were unable to learn about Flutter from flutter.dev during the outage. Traffic numbers recovered immediately when the DNS issue was fixed.

## Lessons learned

### What didn't work

The issue went undetected by humans for seven hours and ten minutes.
"""


def _update(notes: str, as_of: dt.date) -> str:
    return Drafter(engine="offline").draft("update", notes, as_of=as_of).render("markdown")


def test_what_went_well_is_no_risk_and_a_fixed_release_not_made_is_no_fix():
    log = read_notes(RELEASE, as_of=dt.date(2025, 6, 13))
    risks = [r.text for w in log.items for r in w.risk_notes]
    assert not [r for r in risks if "bunker room" in r], risks
    resolved = [s.text for s in log.incident.signals if s.kind == "resolved"]
    assert resolved == ["Jun 12, 2025: 3.32.4 is published, fixing 3.32.3."], resolved


def test_a_clause_after_a_semicolon_stays_with_its_sentence():
    log = read_notes(RELEASE, as_of=dt.date(2025, 6, 13))
    texts = [e.text for w in log.items for e in [*w.actions, *w.outcomes]]
    assert any(t.startswith("The tests that were written") and "; they tested engine artifacts" in t for t in texts), texts
    assert not [t for t in texts if t.startswith("they ") or "lacked that function they" in t], texts


def test_the_release_headline_says_it_is_over_with_its_predicate_and_impact():
    text = _update(RELEASE, dt.date(2025, 6, 13))
    head = text.splitlines()[0]
    assert head.startswith("Over; nothing left open"), head
    assert "at risk" not in text.lower(), text
    # the 'which' clause goes, the verb stays: not "The 3.32.3 hotfix release, which included ... for 3.32."
    assert "The 3.32.3 hotfix release accidentally uploaded unsigned artifacts" in head, head
    assert "As a result" not in head and "a manual downgrade and a few other possible workarounds were needed" in text, text
    assert "Done: As a result" not in text, text  # what came of it, not work done


def test_header_fields_markers_and_captions_are_no_title_impact_or_news():
    text = _update(OUTAGE, dt.date(2023, 8, 27))
    head = text.splitlines()[0]
    assert "description:" not in head.lower(), head
    assert "(start of outage)" not in head.lower() and "done: (start of outage)" not in text.lower(), text  # the entry's mark, no news
    assert "Impact: Four fifths of users were unable to learn about Flutter" in head, head
    assert "**final**" not in text and "Status: final" not in text, text
    assert "From analytics" not in text, text
    assert "threatens" not in text, text
