"""Minutes whose topics are lines standing alone over their points ("[Issue 847](url): Proposal: ..."
over "* [kiara] ..."), speakers written short ("[tom]" beside "[tomislav]"), "I approved yesterday",
and an owner after a lead clause ("Given the enthusiasm ..., Christina will set up ...")."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes
from drafter.read.outline import build_outline

MINUTES = """# Extensions group, 2025-07-17

Attendees: Kiara Rose (Apple), Rob Wu (Mozilla), Tomislav Jovanovic (Mozilla)

## Meeting notes

[Issue 847](https://example.org/issues/847): Proposal: Add a root node ID

 * [kiara] Request to add a property that returns the root node.
 * [rob] Firefox is supportive too.

[PR 852](https://example.org/pull/852): Proposal: browser.test API

 * [tomislav] I only moved assertions because these run in the extension context.
 * [rob] I'll look at it from Firefox's perspective.
 * [kiara] I approved yesterday.
 * [tom] Yes, we already implemented this in Firefox.
"""


def _log():
    return read_notes(MINUTES, as_of=dt.date(2025, 7, 18))


def test_a_line_over_its_points_is_the_topic():
    heads = [n.text for n in build_outline(MINUTES).nodes if n.kind == "heading"]
    assert "Issue 847: Proposal: Add a root node ID" in heads and "PR 852: Proposal: browser.test API" in heads
    titles = [w.title for w in _log().items]
    assert "PR 852: Proposal: browser.test API" in titles


def test_attendees_line_over_a_list_is_no_topic():
    text = "# TSC\n\nAttendees: Cary Phillips, Larry Gritz\n\n* one point here\n* another point here\n"
    assert not [n for n in build_outline(text).nodes if n.kind == "heading" and n.text.startswith("Attendees")]


def test_i_approved_is_a_thing_done_not_a_decision():
    log = _log()
    assert any("approved yesterday" in a.text for w in log.items for a in w.actions)
    assert not any("approved" in o.text for w in log.items for o in w.outcomes)


def test_a_speaker_written_short_is_the_one_whose_name_starts_so():
    names = [p.name for p in _log().people]
    assert "tom" not in [n.lower() for n in names] and "Tomislav Jovanovic" in names


def test_a_step_that_says_only_it_names_its_topic():
    d = Drafter(engine="offline")
    opts = d.draft("options", MINUTES, as_of=dt.date(2025, 7, 18)).render("markdown")
    assert "PR 852: Proposal: browser.test API — Rob Wu will look at it" in opts
    plan = d.draft("delegate", MINUTES, as_of=dt.date(2025, 7, 18), delegate_to="Rob Wu").render("markdown")
    assert "look at it from Firefox's perspective (PR 852)" in plan.splitlines()[0]


def test_an_owner_after_a_lead_clause():
    text = ("# Team meeting\n\n## Onco\n\nTo date there has not been much progress. Given the enthusiasm in the meeting "
            "to get things going, Christina will set up a kick off meeting for those interested.\n")
    log = read_notes(text, as_of=dt.date(2024, 5, 14))
    assert [(c.owner, c.what) for w in log.items for c in w.commitments] == [("Christina", "set up a kick off meeting for those interested.")]
    other = read_notes("# Notes\n\nSince the build broke, Windows will need a fix.\n", as_of=dt.date(2024, 5, 14))
    assert not [c for w in other.items for c in w.commitments if c.owner == "Windows"]


def test_dated_owner_lines_under_open_items_are_actions():
    from drafter.read.section_modes import mode_of

    assert mode_of("Open issues from recent meetings") == "doing"
    text = ("# SIG meeting\n\nAttendees: Andreas Fehlner, Christian Bourjau\n\n## Open issues from recent meetings\n\n"
            "* 2026.01.13: Christian: Check with conda-forge experts whether release candidates can trigger automatic PRs.\n"
            "* 2026.01.27: Andreas: Update the documentation on known vulnerabilities and send the links to the team.\n")
    got = {(c.owner, c.what.split()[0]) for w in read_notes(text, as_of=dt.date(2026, 1, 28)).items for c in w.commitments}
    assert {("Christian Bourjau", "Check"), ("Andreas Fehlner", "Update")} <= got, got


ONNX_LIKE = ("# SIG meeting\n\n## Participants\n* Andreas\n* Christian\n\n## Open issues from recent meetings\n\n"
             "* 2026.01.27: Andreas: Update the documentation on known vulnerabilities.\n\n"
             "### Best practices ###\n\n* Andreas addressed:\n  * Secure release: the project must sign its releases.\n\n"
             "* Christian noted that the current version is 33.4.\n")


def test_a_topic_after_an_open_issues_list_is_not_an_open_issue():
    # ONNX SIG (blind13): "### www.bestpractices.dev ###" after the open-issues list is the next
    # topic; its discussion lines were read as open actions ("Christian noted ..." as a task)
    log = read_notes(ONNX_LIKE, as_of=dt.date(2026, 1, 28))
    tasks = [c.what for w in log.items for c in w.commitments]
    assert tasks == ["Update the documentation on known vulnerabilities."], tasks


def test_a_person_and_a_past_verb_over_points_make_them_that_persons_work_done():
    # "* Andreas addressed:" > "Secure release: ...": done by Andreas, never "Andreas will secure release"
    log = read_notes(ONNX_LIKE, as_of=dt.date(2026, 1, 28))
    done = [(a.actor, a.text.split(":")[0]) for w in log.items for a in w.actions]
    assert ("Andreas", "Secure release") in done, done
