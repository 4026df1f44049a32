"""People come from evidence (speaker, attendee, handle, owner position, "with X", email), never
from capitalisation alone; a product, organisation or topic label is no person."""

from __future__ import annotations

import datetime as dt

from drafter.read import read_notes
from drafter.read.names import thing_words
from drafter.read.outline import build_outline
from drafter.read.people import find_people

AS_OF = dt.date(2024, 6, 3)


def names(text: str) -> dict[str, str]:
    return {p.name: p.evidence for p in find_people(build_outline(text)).persons()}


def test_lower_case_speakers_survive_the_provenance_check():
    notes = (
        "# Standups\n\n## December 16\n\n### What have you done since last standup?\n\n"
        "* **nick:** Started evaluating a number of possible CMSes for the site\n"
        "* **tryggvi:** Relayed information from the HoUs into the issue\n\n"
        "### What are you going to do until next standup?\n\n"
        "* **nick:** Continue with the above and map the content of the current site\n"
        "* **tryggvi:** Prepare for the meeting tomorrow\n"
    )
    log = read_notes(notes, AS_OF)
    assert {p.name for p in log.people} >= {"nick", "tryggvi"}
    assert not [d for d in log.dropped if d.kind == "person"]


def test_a_lower_case_word_on_weak_evidence_is_still_no_person():
    log = read_notes("# Notes\n\n- Met with the team about the budget\n- Worked with legal on the contract\n", AS_OF)
    assert not {p.name.lower() for p in log.people} & {"team", "legal", "the"}


def test_products_after_with_are_not_people_but_colleagues_are():
    found = names(
        "# Week 5\n\n## What I did\n\n- Had 1:1 with Murad and a call with Dilushi\n"
        "- Next week: setting up and experimenting with Elasticsearch.\n"
    )
    assert "Murad" in found and "Dilushi" in found
    assert "Elasticsearch" not in found


def test_a_word_the_notes_write_as_a_thing_is_no_person():
    text = (
        "# Outage\n\nThe Okta authentication workflow broke; all services using Okta were affected.\n"
        "We changed the main Kubernetes ingress controller to v2.\n\n## Timeline\n\n"
        "- 10:00 Deep dive started together with Okta team.\n- 10:30 Talked with Kubernetes folks.\n"
        "- 11:00 Spent time with Realtek rtw88 drivers.\n- 11:30 Checked with Priya, who confirmed the fix.\n"
    )
    found = names(text)
    assert not {"Okta", "Kubernetes", "Realtek"} & set(found)
    assert "Priya" in found
    assert {"Okta", "Kubernetes", "Realtek"} <= thing_words(text)


def test_a_relative_clause_does_not_make_a_person_a_thing():
    assert "Sam" not in thing_words("Reviewed the doc Sam wrote. Our Sam will take it. The issue Sam raised is fixed.")
    assert "Allan" not in thing_words("Check that Allan is no longer attached to any account.")


def test_a_compound_is_no_name():
    assert "Osb" not in names("# TODO\n\n- [ ] CI to differentiate SCAB contribs from Osb-cmdb contribs\n")


def test_bold_labels_of_a_topic_list_are_not_speakers():
    found = names(
        "# Incident\n\n## Lessons\n\n1. **Stop all host changes**: No further deployments until a plan is in place.\n"
        "2. **Disko Safety**: Never add new mountpoints and expect a switch to work.\n"
        "3. **Network Redundancy**: Add a DNS fallback rule to clients.\n"
        "4. **Backlog Task**: Create a safety checklist for deployments.\n"
    )
    assert not {"Disko Safety", "Backlog Task", "Network Redundancy"} & set(found)


def test_bold_labels_of_a_round_are_speakers():
    found = names(
        "# Standup Apr 12\n\n- **Serg:** Game field, move players between positions\n"
        "- **Robert:** Player objects and roster\n- **Regenal:** timers\n"
    )
    assert {"Serg", "Robert", "Regenal"} <= set(found)
    assert found["Serg"] == "speaker"


def test_a_topic_label_among_topic_bullets_is_no_person_when_attendees_are_listed():
    found = names(
        "# Dev meeting\n\nPresent: Aapeli, David, Ivan\n\n# Notes\n\n* Map updates\n  - show the world with all users\n"
        "* David: can we have a notification when we deploy?\n  - Aapeli: will make the bot write it\n"
        "* Notifications\n  - This PR: add a feature preview\n* Vercel: ending their OSS program, we might just move to paying?\n"
        "* Mobile\n* Linting PR?\n"
    )
    assert {"Aapeli", "David", "Ivan"} <= set(found)
    assert "Vercel" not in found


def test_labels_abbreviating_attendees_are_people():
    found = names(
        "# TSC\n\nAttendees: Roger Simms, Yousif Akbar, Jean-Christophe Morin\n\n## Registry\n\n"
        "* Option A: add metadata\n* Option B: contact maintainers\n* Notes\n* Later\n"
        "* RogerS: B, can we get the same results from the community?\n* JCM: prefers A\n"
    )
    assert "RogerS" in found and "JCM" in found


def test_attendee_roles_and_group_labels_are_not_attendees():
    found = names(
        "# TSC Meeting\n\n## Attendees\n\n* Host: Stephen Mackenzie\n* Secretary: Stephen Mackenzie\n"
        "* TSC Attendees:\n  * Brendan Abel\n  * Thorsten Kaufmann\n* Other Attendees:\n  * John Mertic\n"
    )
    assert {"Stephen Mackenzie", "Brendan Abel", "Thorsten Kaufmann", "John Mertic"} <= set(found)
    assert not {"Host", "Secretary", "TSC Attendees", "Other Attendees"} & set(found)


def test_a_host_in_code_is_a_machine_and_an_emoji_is_no_speaker():
    found = names("# Incident Report (hsb0)\n\n**Host**: `hsb0` (Home DNS server)\n\n:movie_camera: Recording: see the link\n")
    assert not {"hsb0", "movie_camera"} & set(found)


def test_a_roll_call_after_a_paragraph_lists_attendees():
    found = names(
        "# JupyterHub HPC Meeting\n\n## Welcome\n\nIf you are joining, sign in below so we know who was here. Roll call:\n\n"
        "- **name** / **institution** / **GitHub handle**\n- Rollin Thomas / NERSC / @rcthomas\n"
        "- Wayne Decatur /Upstate Medical University / @fomightez\n- Simon / University of Dundee / @manics\n\n"
        "## Quick updates\n\n- Batchspawner 1.2 is released\n"
    )
    assert {"Rollin Thomas", "Wayne Decatur", "Simon"} <= {n for n, e in found.items() if e == "attendee"}
    assert {"rcthomas", "fomightez", "manics"} <= set(found)
    assert "name" not in {n.lower() for n in found}


def test_question_markers_domains_and_products_are_not_owners():
    found = names(
        "# Team meeting\n\n## Images\n\n- Need to decide where to publish Docker images now that builds stopped\n"
        "  - where to publish (Docker Hub, quay.io, etc)\n  - Q: how different would it be, if at all?\n"
        "  - Erik will write up the options\n"
    )
    assert "Erik" in found
    assert not {"Docker Hub", "quay.io", "etc", "Q"} & set(found)


def test_attendees_under_a_plain_line_and_in_a_wrapped_list():
    found = names("# SPDX Tech Team Meeting\n\nAttendees\n\n- Alfred Strauch\n- Bob Martin\n\n## Notes\n\n- Bob to update contacts\n")
    assert {"Alfred Strauch", "Bob Martin"} <= {n for n, e in found.items() if e == "attendee"}
    people = find_people(build_outline(
        "# Weekly\n\n*Attendees:* Anil Madhavapeddy, David Scott, Richard Mortier,\nPrashanth Mundkur, Euan Harris, Jon\n"
        "Ludlam, Vincent Bernardoff\n\n### Repos\n\nDave and Jon will chat about scripts.\n"
    ))
    by_name = {p.name: p for p in people.persons()}
    assert {"Richard Mortier", "Prashanth Mundkur", "Euan Harris", "Vincent Bernardoff"} <= set(by_name)
    assert by_name["Jon"].lines == [4, 9]  # wrapped over two lines: the name as its first line writes it


def test_handles_in_code_in_an_attendee_list():
    found = names("# Sync\n\n## Attendees\n\nYour name / GitHub ID / affiliation\n\n* Matt Fisher / `@mfisher87` / Schmidt DSE\n"
                  "* Greg Mooney / `@gjmooney` / QuantStack\n")
    assert found.get("mfisher87") == "handle" and found.get("gjmooney") == "handle"
    assert {"Matt Fisher", "Greg Mooney"} <= set(found)


def test_owners_named_in_full_elsewhere_are_supported_each_on_their_own():
    log = read_notes(
        "# SPDX Tech Team Meeting 2026-04-14\n\nAttendees\n\n- Kate Stewart\n- Gary O'Neall\n- Karsten Klein\n\n"
        "## TEA\n\nKate & Gary to respond to email\n", AS_OF)
    owners = [c.owner for it in log.items for c in it.commitments]
    assert owners and all(o and "Kate" in o and "Gary" in o for o in owners), owners
    assert not [d for d in log.dropped if d.kind in ("owner", "commitment")]


# Dragonfly maintainer meeting 2025-07-01 (dragonflyoss/community, meetings/maintainer/2025-07-01;
# fresh2), excerpt: attendees linked to their GitHub profiles, actions tagged with the handles
DRAGONFLY = """# Maintainer Meeting

## Attendees

- [Song Yan](https://github.com/imeoer) (Ant Group/Nydus)
- [Liu Zhao](https://github.com/BraveY) (Ant Group/Nydus)
- [mingcheng](https://github.com/mingcheng) (The Apache Software Foundation
/Dragonfly)

## Actions

- [ ] Handle with issues in the nydus project that have not been responded to for a long time and tag the issues. @imeoer @BraveY
- [ ] Go through Dragonfly graduation proposal @mingcheng
"""


def test_a_profile_link_in_the_attendee_list_makes_the_handle_that_person():
    import datetime as dt

    from drafter.read.offline import read_structured

    log = read_structured(DRAGONFLY, dt.date(2025, 7, 2))
    owners = {c.what: c.owner for w in log.items for c in w.commitments}
    assert owners["Handle with issues in the nydus project that have not been responded to for a long time and tag the issues."] == "Song Yan, Liu Zhao"
    assert owners["Go through Dragonfly graduation proposal"] == "mingcheng"
    assert {p.name for p in log.people} == {"Song Yan", "Liu Zhao", "mingcheng"}  # no 'imeoer' beside Song Yan
    assert not log.dropped  # the handle in the action's line supports the name


def test_an_attendee_entry_names_the_person_not_what_they_do():
    # Ember Learning team meeting 2021-06-10 (fresh/minutes-ember-learning-2021-06-10.md), excerpt
    notes = ("# June 10, 2021\n\nFacilitator & Note Taker: JW, AL taking notes.\n\n## Attendees\n\n"
             "- [x] Amy Lam (AL)\n- [x] Jen Weber (JW)\n- [x] Jan de Vries\n")
    people = find_people(build_outline(notes))
    names = {p.name for p in people.persons()}
    assert names == {"Amy Lam", "Jen Weber", "Jan de Vries"}, names  # no "AL taking notes"
