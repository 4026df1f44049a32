"""Genre recognition from the outline; the 13 examples stay personal notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.read.genre import recognise
from drafter.read.outline import build_outline
from drafter.read.people import find_people

ROOT = Path(__file__).resolve().parents[2]


def genre(text: str):
    o = build_outline(text)
    return recognise(o, find_people(o))


def test_minutes():
    g = genre(
        "# TSC meeting 2024-10-15\n\n## Attendees\n- Roger Simms\n- Yousif Akbar\n\n## Agenda\n- Registry\n\n"
        "## Registry\n- Roger: we should wait\n- Yousif: agreed\n\n## Action items\n- Roger to write the RFC\n"
    )
    assert (g.genre, g.first_person) == ("minutes", False)


def test_standup():
    g = genre(
        "## December 13\n### What have you done since last standup?\n* **tryggvi:** sent emails\n* **nick:** read docs\n"
        "### What are you going to do until next standup?\n* **tryggvi:** ask HoUs\n* **nick:** pick a CMS\n"
        "### Is there anything blocking you?\n* **tryggvi:** No\n"
    )
    assert g.genre == "standup" and not g.first_person


def test_worklog():
    g = genre(
        "Week 4\n======\n\nWhat I did this week\n~~~~~~~~~~~~~~~~~~~~\n\nI implemented the design matrix.\n\n"
        "What is coming up next\n~~~~~~~~~~~~~~~~~~~~~~\n\nI'll fit the model.\n\nDid I get stuck anywhere\n~~~~~~~~~~~~~~~~~~~~~~~~\n\nNo.\n"
    )
    assert (g.genre, g.first_person) == ("worklog", True)


def test_todo():
    g = genre("# Launch checklist\n- [x] book the room\n- [ ] order pizza\n- [ ] print badges\n- [ ] send reminder\n")
    assert g.genre == "todo"


def test_incident():
    g = genre("# Outage\n## Summary\nPods failed.\n## Timeline\n### 10:00 start\nAlerts.\n## Root cause\nQuota bug.\n## Action items\n1. Add alerting\n")
    assert (g.genre, g.first_person) == ("incident", False)


@pytest.mark.parametrize("path", sorted(p for p in (ROOT / "examples").iterdir() if p.name != "README.md"), ids=lambda p: p.name)
def test_examples_are_personal_notes(path):
    assert genre(path.read_text()).genre == "notes"


@pytest.mark.parametrize("path", sorted(p for p in (ROOT / "examples").iterdir() if p.name != "README.md"), ids=lambda p: p.name)
def test_examples_read_exactly_as_the_personal_parser_reads_them(path):
    import datetime as dt

    from drafter.read.offline import read_structured
    from drafter.read.personal import parse_personal

    text, as_of = path.read_text(), dt.date(2026, 11, 25)
    read = read_structured(text, as_of)
    stated = read.written_on.on if read.written_on else as_of  # an email's "Sent:" day (email-thread)
    assert read.model_dump(exclude={"written_on"}) == parse_personal(text, stated).model_dump(exclude={"as_of", "written_on"}) | {"as_of": as_of}
