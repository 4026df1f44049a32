"""A blog-post postmortem read as its author wrote it (shaped on the docs.rs outage postmortem of
2019-10-21, rust-lang/blog.rust-lang.org, MIT OR Apache-2.0): hard-wrapped sentences stay whole,
reference links keep their names, and what went wrong is no work done."""

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes
from drafter.read.outline import build_outline
from drafter.read.ref_links import unbracket_references

POSTMORTEM = """---
title: "docs.rs outage postmortem"
---

At 2019-10-21 01:38 UTC the docs.rs website went down because no available disk
space was left on the server hosting the application.

## Root cause of the outage

docs.rs needs to store the built documentation on the filesystem before
uploading it to the database, and it does so in the
`/opt/docs-rs-prefix/documentations` directory. docs.rs never cleared that
directory though.

## Postmortem

While monitoring systems were in place and recorded graphs of the increase, no
alert was configured so nobody noticed the problem.

Crates started to fail to build a day earlier, and close to no builds were
successfully completed since then. We need to setup alerts when most of the
builds are failing: as we don’t have the necessary metrics at the moment to
reliably alert we'll have to add extra instrumentation as well.

The primary contacts don’t have the level of access required to increase the
disk space of the instance.

## Timeline of events

Unless otherwise noted all events happened on 2019-10-21, and all times are in
UTC.

- 01:39: [QuietMisdreavus] found the reason for the outage (full root partition)
- 02:03: [QuietMisdreavus] restarted the web server

[QuietMisdreavus]: https://github.com/QuietMisdreavus

## Action items

* Add alerts when most of the builds are failing.
"""


def _kinds(log):
    out = {}
    for w in log.items:
        for a in w.actions:
            out[a.text] = "done"
        for o in w.outcomes:
            out[o.text] = "outcome"
        for r in w.risk_notes:
            out[r.text] = "risk"
        for c in w.commitments:
            out[c.what] = "commitment"
    return out


def test_a_wrapped_sentence_stays_one_over_a_code_span_and_a_label_like_line():
    paras = [n.text for n in build_outline(POSTMORTEM).nodes if n.kind == "para"]
    assert any("and it does so in the /opt/docs-rs-prefix/documentations directory." in p for p in paras)
    assert any("alerts when most of the builds are failing: as we" in p for p in paras)
    assert not any(p.startswith(("builds are failing", "/opt/")) for p in paras)


def test_a_bare_reference_link_keeps_its_name_and_a_footnote_stays_as_it_was():
    lines = ["- 01:39: [Quiet] found it", "[Quiet]: https://github.com/Quiet", "Done[^1]", "[^1]: a note", "- [ehuss] topic"]
    assert unbracket_references(lines) == ["- 01:39: Quiet found it", "[Quiet]: https://github.com/Quiet", "Done[^1]", "[^1]: a note", "- [ehuss] topic"]


def test_what_went_wrong_is_no_work_done():
    kinds = _kinds(read_notes(POSTMORTEM, dt.date(2019, 10, 25)))
    assert kinds["Crates started to fail to build a day earlier, and close to no builds were successfully completed since then."] == "outcome"
    assert kinds["While monitoring systems were in place and recorded graphs of the increase, no alert was configured so nobody noticed the problem."] == "risk"
    assert kinds["The primary contacts don’t have the level of access required to increase the disk space of the instance."] == "risk"
    assert "01:39: QuietMisdreavus found the reason for the outage (full root partition)" in kinds
    assert not any(k.startswith("Unless otherwise noted") for k, v in kinds.items() if v == "done")


def test_the_update_says_the_gap_as_a_risk_not_as_done():
    text = Drafter(engine="offline").draft("update", POSTMORTEM, as_of="2019-10-25", max_words=400).render("markdown")
    assert "Risk: While monitoring systems were in place" in text, text
    assert "Done: Crates started to fail" not in text and "Done: While monitoring" not in text
    assert "We need to setup alerts when most." not in text


FURY_WEEK = """Week 6: First draft of the Ellipsoid tutorial
=============================================

What did I do this week?
------------------------

I also submitted the uncertainty PR for review, in order to start making the necessary corrections.

What is coming up next?
-----------------------

I will start working on the explanation of the tutorial.

Did I get stuck anywhere?
-------------------------

I found no major difficulties this week.
"""


def test_a_weekly_reports_questions_are_no_runbook_and_no_difficulty_is_no_risk():
    # fury-gl GSoC 2023 week 6 post (BSD-3-Clause): the report's headings are questions, not routine steps
    from drafter.playbook.handoff_lines import steps_from_lines

    assert steps_from_lines(["What did I do this week?", "Did I get stuck anywhere?"]) == []
    log = read_notes(FURY_WEEK, dt.date(2023, 7, 11))
    assert not [r.text for w in log.items for r in w.risk_notes]
    plan = Drafter(engine="offline").draft("delegate", FURY_WEEK, as_of="2023-07-11", delegate_to="Sam").render("markdown")
    assert "Do this week" not in plan and "Get stuck anywhere" not in plan, plan


def test_a_handle_with_a_surname_heads_its_own_round():
    # js-ipfs weekly 2018-01-29 (ipfs/team-mgmt, CC-BY-SA-3.0): '@richard schneider' was read as part of @dryajov's round,
    # so 'Blocked: due to CI' became dryajov's
    notes = ("# js-ipfs Weekly 2018-01-29\n\n@dryajov\n  - Done: some fixes to ipfsd-ctl\n  - Blocked: no\n\n"
             "@richard schneider\n  - Done: keychain stuff\n  - Blocked: due to CI\n\n@vmx\n  - Done: finished js-ipld-bitcoin\n")
    heads = [n.text for n in build_outline(notes).nodes if n.kind == "heading"]
    assert "@richard schneider" in heads and "@dryajov" in heads
    text = Drafter(engine="offline").draft("update", notes, as_of="2018-01-30").render("markdown")
    assert "dryajov — due to CI" not in text and "**dryajov** — blocked" not in text, text


def test_a_wait_on_a_things_fixes_names_no_party():
    from drafter.read.people import find_people
    from drafter.read.signals import _party

    people = find_people(build_outline("Dana Smith emailed.\n"))
    assert _party("Blocked: on Windows fixes", people) is None  # js-ipfs weekly: nobody to chase, no 'contact: Windows'
    assert _party("waiting on Dana to reply", people) == "Dana"
    assert _party("waiting for Acme team to send the numbers", people) == "Acme"
