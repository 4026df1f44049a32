"""Owners only on evidence: an aside in round brackets is no owner, a bracketed tag the line names
as its subject is a project, and a sentence under "Attending" is not a name."""

from __future__ import annotations

import datetime as dt

from drafter.read.offline import read_structured

AS_OF = dt.date(2024, 3, 6)


def owners(log):
    return {c.owner for w in log.items for c in w.commitments} | {a.actor for w in log.items for a in w.actions}


def names(log):
    return [p.name for p in log.people]


def test_a_lower_case_aside_in_brackets_is_not_an_owner():
    text = "# Weekly\n\n## Nick\n\n### What I will do\n- Clear the PR on tech debt payoff (yayyy)\n- Review the docs PR (nick)\n"
    log = read_structured(text, AS_OF, genre="standup")
    assert "yayyy" not in names(log) and "yayyy" not in owners(log)


def test_a_handle_built_from_a_known_name_still_owns():
    text = "# Sync\n\nAttendees: Eric Huss, Josh Triplett\n\n## Edition\n- Write the blog post (ehuss)\n- Ship the docs\n"
    log = read_structured(text, AS_OF, genre="minutes")
    assert "ehuss" in names(log)


def test_a_tag_the_line_names_as_its_subject_is_a_project():
    text = "# CPC\n\nAttendees: Joe Sepi, Wes Todd\n\n## Issues\n* [Webpack] Organization of a Webpack Hackathon #1510\n* [wes] Draft the travel policy\n"
    log = read_structured(text, AS_OF, genre="minutes")
    assert "Webpack" not in names(log) and "Webpack" not in owners(log)


def test_a_sentence_under_attending_is_not_a_name():
    text = "# TSC\n\n## Attending\n\n- Nicholas C. Zakas (@nzakas) - TSC\n- Milos Djermanovic (@mdjermanovic) - TSC\n\n@nzakas moderated, and @sam3k took notes.\n\n## Topics\n- @nzakas will follow up with @sam3k\n"
    log = read_structured(text, AS_OF, genre="minutes")
    assert "nzakas moderated" not in names(log)
    assert "Nicholas C. Zakas" in names(log)
