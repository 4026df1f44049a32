"""A filled-in template: "{{ slot }}" text, "[link to github issue]" pointers, "==@raulk==" highlights,
"Got done" / "Didn't get done" part bullets, and a report's byline or pointer never taken as what happened."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes
from drafter.read.markup import clean
from drafter.read.section_modes import mode_of


def test_template_slots_and_pointers():
    assert clean("{{ Start writing after action reports for future outages }} [link to github issue]").text == \
        "Start writing after action reports for future outages"
    assert clean("{{ summary }} [link to github issue]").text == ""
    assert clean("see the [link to the doc](https://x.org) now").text == "see the link to the doc now"
    assert clean("==@raulk== got done").text == "@raulk got done"
    assert clean("a == b and c == d").text == "a == b and c == d"


def test_not_done_is_no_done_part():
    assert mode_of("Didn't get done (and had commited to last week)") == "risk"
    assert mode_of("Got done") == "done"


SYNC = """# Weekly sync

## Update

- ==@dana==
  - Got done
    - Landed the metrics exporter.
  - Didn't get done
    - The cache rewrite slipped to next week.
"""


def test_part_bullets_label_their_points():
    log = read_notes(SYNC, as_of=dt.date(2020, 2, 26))
    done = [a.text for w in log.items for a in w.actions]
    assert any("metrics exporter" in t for t in done)
    assert not any(t.lower().startswith(("got done", "dana got done")) or "cache rewrite" in t for t in done), done


POSTMORTEM = """# Postmortem for the v0.19 deployment failure

## Author(s)

- David Ellis <david@example.com>

## Summary

The v0.19 release could not be deployed despite the test suite succeeding. The difference can be viewed here.

## Timeline

- 09-07: We tried to deploy v0.19 to production and it failed.
"""


def test_a_byline_is_not_what_happened():
    up = Drafter(engine="offline").draft("update", POSTMORTEM, as_of=dt.date(2022, 9, 20)).artefact
    assert "David Ellis" not in up.headline and "could not be deployed" in up.headline, up.headline


AFTER_ACTION = """# Incident report: hubs down

## Summary

A dependency upgrade broke the image build and several hubs went down for six hours.

## Timeline

### 02:00

Two PRs were merged to prod.

### 08:45

Yuvi fixed the image and the hubs came back.

## Root cause

A dependency's version upgrade broke the image build.

# After-action report

These sections should be filled out once we've resolved the incident and know what happened.
They should focus on the knowledge we've gained and any improvements we should take.

## What went wrong

- Nobody was alerted; users reported the errors.

## Actions

- [ ] Incident title and after-action report is cleaned up
- [x] Incident has been dealt with or is over
"""


def test_template_guidance_is_no_news_and_an_open_box_is_not_done():
    log = read_notes(AFTER_ACTION, as_of=dt.date(2022, 1, 21))
    assert log.genre == "incident"
    said = [x for w in log.items for x in [*(a.text for a in w.actions), *(o.text for o in w.outcomes), *w.notes, *(c.what for c in w.commitments)]]
    assert not any("should be filled out" in t or "should focus on the knowledge" in t for t in said), said
    assert not any("cleaned up" in a.text for w in log.items for a in w.actions)
    assert any("cleaned up" in c.what for w in log.items for c in w.commitments)


def test_challenges_told_with_how_they_were_overcome_are_no_open_risks():
    assert mode_of("Challenges & How I Overcame Them") == "plain"
    assert mode_of("Challenges") != "plain"
