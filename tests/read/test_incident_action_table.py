"""A postmortem's header fields and its action-item tables (the shape of flutter/flutter's
docs/postmortems, BSD-3-Clause; made-up rows): 'Status: final' and 'Owners: x' are the report's own
fields, not news; a lower-case handle in an Owner column owns the row, also a row worded 'We should
have ...'; a follow-up cut to fit the headline ends before its purpose clause ('to ensure that ...')."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes

REPORT = """\
# Postmortem: Build Breakage on 2016-11-08

Status: final<br>
Owners: chinmay

## Summary

Description: CI reported failures on builds<br>
Component: main repository<br>
Duration: 16h 45m<br>
User impact: Team members were unable to merge new PRs.

## Action items

### Prevention

| Action Item | Owner | Tracking bug | Notes |
|-------------|-------|--------------|-------|
| Pin our external dependencies to specific versions to ensure that our public stability is hermetic. | chinmay | #6767 | |

### Detection

| Action Item | Owner | Tracking bug | Notes |
|-------------|-------|--------------|-------|
| We should have a continuous monitoring bot that tries to run all our tests | ianh | #6777 | |
"""


def test_owner_columns_own_their_rows_and_header_fields_are_not_news():
    log = read_notes(REPORT, dt.date(2016, 11, 9))
    owned = {(c.owner, c.what.split()[0]) for i in log.items for c in i.commitments}
    assert {("chinmay", "Pin"), ("ianh", "We")} <= owned, owned
    said = [n for i in log.items for n in i.notes]
    assert not any(s.lower().startswith(("final", "owners", "component")) for s in said), said


def test_the_headline_names_the_owners_and_cuts_before_the_purpose():
    text = Drafter(engine="offline").update(REPORT, as_of=dt.date(2016, 11, 9)).render("text")
    first = text.splitlines()[0]
    assert "(chinmay)" in first and "to ensure" not in first, first
    assert "ianh: We should have a continuous monitoring bot" in text, text


def test_what_an_incident_could_have_done_is_not_a_thing_done():
    # carbon-design-system/carbon docs/postmortems (Apache-2.0), shape of its Impact part
    text = ("---\ndate: 2019-08-15\nauthors: joshblack\n---\n\n# v10.5.0 broken build\n\n**Summary**:\n\n"
            "The v10.5.0 release shipped a broken build.\n\n**Impact**\n\n"
            "This impacted teams that used caret ranges. This could result in teams who are installing fresh versions\n"
            "to use the broken v10.5.0 when\nit was released.\n\n**Root causes**:\n\nWe removed the build step.\n")
    log = read_notes(text, dt.date(2019, 8, 16))
    assert not any(a.text.startswith("This could result") for i in log.items for a in i.actions)


def test_a_template_placeholder_is_not_news():
    # alphagov/gsp docs/incident-reports (MIT), shape of its unfilled template parts
    text = ("# Incident Report - February 27th, 2019\n\n## Summary\n\nAn AWS reboot of the control plane broke all builds.\n\n"
            "## Post-mortem\n\nTo be filled in at the time of incident retro\n\n## Action items\n\n- Multi-node control plane\n")
    log = read_notes(text, dt.date(2019, 3, 14))
    said = [*(n for i in log.items for n in i.notes), *(o.text for i in log.items for o in i.outcomes)]
    assert not any("To be filled in" in s for s in said), said


def test_a_report_templates_guidance_is_not_the_incident():
    # alphagov/gsp docs/incident-reports (MIT): the template's guidance bullets above the incident itself
    text = ("# Incident Report - February 27th, 2019\n\n"
            "* This is primarily for the GSP team, and will also be available to other GDS teams\n"
            "* Keep report factual - avoid sentiment/blame, and no names except to record the meeting\n"
            "* All decisions, events and actions should be recorded in the timeline\n\n"
            "## Overview\n\n### How users were affected\n\n* No application builds could proceed.\n\n"
            "### Timeline\n\n**Types:** `automated`, `operator`\n\n| Time | Event Type | Description |\n| ---- | ---------- | ----------- |\n"
            "| 2019-02-27 06:45 | `automated` | AWS initiated a reboot of the EC2 instance running the control plane.|\n\n"
            "## Action items\n\n- Multi-node control plane\n")
    from drafter import Drafter

    draft = Drafter(engine="offline").update(text, as_of=dt.date(2019, 3, 14), audience="team").render("text")
    assert "primarily for the GSP team" not in draft and "Keep report factual" not in draft and "Types:" not in draft, draft
