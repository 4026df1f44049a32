"""The update's bottom line states the notes' own news, never a stock "no open waits" phrase, and
is no better than the worst item."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from drafter import Drafter
from drafter.playbook.threats import is_threat
from drafter.render import render_fitted

ROOT = Path(__file__).resolve().parents[2]

# Chem-Caf3 week 8 report (LucientZ/chemistry-cafe-team3-documentation, fresh2 trial)
CHEMCAFE = """\
# Individual Weekly Report

### What problems did you run into? What is your plan for them?

For some reason the github environment for tests cannot connect to the database. This might possibly be a linux thing because one of our linux users had a similar issue. Our plan is to fix this by the end of the week.

## Plans for Next Week

I am going to finish the mechanism editor as well as add more API interface interactions with the backend.
"""


def _draft(notes, as_of):
    dr = Drafter(engine="offline").update(notes, as_of=as_of)
    text, _ = render_fitted(dr.artefact, "markdown", dr.options)
    return dr.artefact, text


def test_broken_test_environment_is_not_on_track():
    assert is_threat("For some reason the github environment for tests cannot connect to the database.")
    assert is_threat("The tracking sheet seems broken, won't fully load.")
    up, text = _draft(CHEMCAFE, dt.date(2025, 4, 1))
    assert up.overall.label != "on track", text
    head = text.splitlines()[0]
    assert head.startswith("At risk") and "cannot connect to the database" in head, head


def test_quiet_headline_leads_with_the_news_not_a_stock_phrase():
    notes = (ROOT / "examples" / "meeting-minutes.md").read_text()
    _, text = _draft(notes, dt.date(2026, 11, 25))
    head = text.splitlines()[0]
    assert head.startswith("No blockers: Sam will fix the duplicate invoice job by Fri 27 Nov"), head
    assert "no open waits" not in text
    assert text.count("fix the duplicate invoice job") == 1, text  # the Next line below is not said twice


def test_quiet_headline_with_only_done_work_says_what_was_done():
    # (Gentoo GSoC weekly report 4, 2011: its done lines, and a next item named by a noun)
    notes = ("## Week 4\n\n### Done\n- Wrote ebuild for the client\n- Auth info for the host is read from a config file now\n"
             "\n### Next\n- WebUI\n")
    up, text = _draft(notes, dt.date(2011, 6, 23))
    head = text.splitlines()[0]
    assert "no open waits" not in head and head not in ("On track.", "No blockers.", "Done.")
    assert head == "No blockers: Wrote ebuild for the client.", head
    assert text.count("ebuild") == 1  # its Done line is not said again


def test_a_report_heading_does_not_lead_the_headline():
    # Chem-Caf3: "At risk: Individual Weekly Report — For some reason ..." named the template's heading
    _, text = _draft(CHEMCAFE, dt.date(2025, 4, 1))
    head = text.splitlines()[0]
    assert head == "At risk: For some reason the github environment for tests cannot connect to the database.", head


def test_a_task_that_opens_with_update_still_leads():
    from drafter.engines.update_writer import _container
    from drafter.models import ItemPlan, Status, WorkItem

    def ip(title):
        return ItemPlan(item=WorkItem(title=title), status=Status.ON_TRACK, reason="r")

    assert _container(ip("Tasks")) and _container(ip("Weekly Status Report for Week 7"))
    assert not _container(ip("Update onboarding and post-graduation checklists"))  # openjs CPC: a task
    assert not _container(ip("ALR"))  # a person's item


def test_a_first_result_too_long_for_the_headline_gives_way():
    # ASWF TAC 2026-04-01 (evals/real): the first outcome runs past the headline's room and was cut
    # with '…'; the first decision that fits leads instead
    notes = (ROOT / "evals" / "real" / "minutes" / "aswf-tac-2026-04-01.md").read_text()
    up, _ = _draft(notes, dt.date(2026, 4, 2))
    assert "…" not in up.headline, up.headline
    assert up.headline.startswith("No blockers. Decided: let's do this, vote to move ORI to LTWG"), up.headline


def test_an_on_track_the_notes_never_state_is_worded_as_what_was_checked():
    # blind13: "On track" led 7 of 10 updates of notes that state no status; the reader counted it an
    # invention. Nothing blocked or late is all the playbook found, so that is what the draft says.
    notes = "## Week 4\n\n### Done\n- Wrote ebuild for the client\n\n### Next\n- I will package the WebUI by Friday\n"
    dr = Drafter(engine="offline").update(notes, as_of=dt.date(2011, 6, 20))
    text, _ = render_fitted(dr.artefact, "markdown", dr.options)
    assert dr.artefact.overall.value == "on_track" and not dr.artefact.overall_stated
    assert text.startswith("No blockers: "), text
    assert "on track" not in text.lower(), text
    assert dr.artefact.subject.startswith("Status: no blockers"), dr.artefact.subject


def test_notes_that_say_they_are_on_schedule_keep_on_track():
    notes = ("## Week 4\n\nThe port is on schedule for the June release.\n\n### Done\n- Wrote ebuild for the client\n\n"
             "### Next\n- I will package the WebUI by Friday\n")
    dr = Drafter(engine="offline").update(notes, as_of=dt.date(2011, 6, 20))
    assert dr.artefact.overall_stated
    assert dr.artefact.headline.startswith("On track"), dr.artefact.headline


def test_not_on_track_is_no_statement_of_on_track():
    from drafter.playbook import status_stated
    from drafter.read import read_notes

    log = read_notes("- The port is not on track; I will re-plan it by Friday\n", as_of=dt.date(2011, 6, 20))
    assert not status_stated(log)
