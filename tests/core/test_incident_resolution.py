"""An incident update says how the incident ended when the headline has room ("At 18:39 UTC, hot
fix deployed"), and a headline cut never stops inside a parenthesis."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.engines.incident_lead import _timed
from drafter.playbook.text import cut_at_phrase

NOTES = """# 2021-06-03: Database full

## Summary

The log table filled up all remaining disk space on the database server.

## Timeline

### 9:00

We notice errors about database connections.

### 9:58

**Service is restored** by switching to the backup.
"""


def test_the_resolution_is_in_the_headline():
    up = Drafter(engine="offline").draft("update", NOTES, as_of=dt.date(2021, 6, 4)).artefact
    assert up.headline.startswith("Resolved"), up.headline
    assert "service is restored by switching to the backup" in up.headline.lower(), up.headline


def test_a_timeline_entry_reads_as_a_sentence():
    assert _timed("9:58 Service is restored by switching to the backup.") == "At 9:58, service is restored by switching to the backup"


def test_a_cut_stops_before_a_parenthesis_not_inside_it():
    text = "i might redeploy Prometheus and start collecting core server metrics again (CPU, RAM, and storage)"
    assert cut_at_phrase(text, 80) == "i might redeploy Prometheus and start collecting core server metrics again"
