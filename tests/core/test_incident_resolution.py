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


LONG = """# 2021-06-03: Database full

## Summary

The log table filled up all remaining disk space on the database server, and the whole service went down.

## Timeline

### 9:00

Dana notices an e-mail from the error tracker about database connections failing thousands of times.

### 9:05

Dana checks the database console and sees that it is out of space and refuses new connections.

### 9:10

Dana posts a message to the team chat about the problem with a few ideas.

### 9:12

Sam joins the call to give feedback and help out.

### 9:20

Sam and Dana look at the size of each table and find the log table is the largest by far.

### 9:30

They talk about which of the options is the quickest to try first.

### 9:58

**Service is restored** by switching to the backup on a bigger server.
"""


def test_what_fixed_it_comes_before_who_noticed_what():
    text = Drafter(engine="offline").draft("update", LONG, as_of=dt.date(2021, 6, 4), max_words=600).render("markdown")
    body = text.split("\n", 1)[1]  # the headline may say it too; the item's lines must hold it
    assert "restored by switching to the backup" in body, text


def test_a_headline_sentence_a_line_says_keeps_that_line_under_a_cap():
    from drafter.render_layout import Entry, Section, _fit
    from drafter.models import OutputFormat

    head = Section(entries=[Entry("Resolved (on track): the disk filled up. Service is restored by switching to the backup.", kind="para")])
    body = Section(heading="Database", entries=[Entry("Service is restored by switching to the backup on a bigger server.", rank=3),
                                                *[Entry(f"Other line number {k} with some words in it.", rank=2) for k in range(8)]])
    text, _ = _fit([head, body], OutputFormat.MARKDOWN, 40)
    assert "switching to the backup" in text, text
