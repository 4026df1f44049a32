"""Minutes on the ASWF TSC template (rez TSC meeting notes 2023-04-20, AcademySoftwareFoundation/rez,
Apache-2.0, shortened): a heading made of part names is the summary, no topic; a GitHub team's
label owns its box; "Published in <url>" under a ticked box says how it was done; a speaker's
"Created two PRs for rez:" over the PRs is their work done; a line that says by when the group
must answer stays in the update."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes

MINUTES = """# Rez TSC Meeting Notes - 2023-04-20

## Attendance

* Host: Jean-Christophe Morin
* TSC Attendees:
  * [x] Jean-Christophe Morin - Freelance
  * [x] Stephen Mackenzie - NVIDIA
  * [x] Thorsten Kaufmann - Mackevision / Accenture

## Short Version / Decisions / Action Items / Important Links

* Action Items:
  * @maxnbk: Check with LF Marketing to see what kind of town hall format we can use.
  * @maxnbk: Reach out to Deadline devs.

## Details

#### Review of previous action items

* [x] @AcademySoftwareFoundation/rez-tsc: Post link to project review slides somewhere, with the meeting notes.
    * Published in https://github.com/AcademySoftwareFoundation/rez/tree/master/ASWF/TSC/project-reviews.

#### Siggraph - Open Source days

* Different format for open source days this year.
* We can do a BoF and/or a town hall meeting.
* We have to answer by next Wednesday (2024-04-27).
* Stephen: We don't have much to update and announce.
* JC: We could use the platform to ask studios for help on package repositories.
* Thorsten: Agrees getting more feedback from the community would be really useful.
* Stephen will talk to LF Marketing to see if what we want to do works and is doable.

#### PRs
* JC: Created two PRs for rez:
    * Simple for fixing CI
    * Dropping Python < 3.7 for installs: We'll need to get approval from all TSC members.

#### Deadline rez integration
* Stephen: We should talk to them to better understand what they did.
* Stephen to reach out to them.

#### Windows shells
* Stephen to post more information on the PR.
"""

AS_OF = dt.date(2023, 4, 21)


def _log():
    return read_notes(MINUTES, as_of=AS_OF)


def test_part_names_title_the_summary_and_a_team_owns_its_box():
    log = _log()
    titles = [w.title for w in log.items]
    assert "Summary" in titles and not [t for t in titles if "Short Version" in t or "@AcademySoftwareFoundation" in t], titles
    done = [(a.actor, a.text) for w in log.items for a in w.actions]
    assert ("rez-tsc", "Post link to project review slides somewhere, with the meeting notes.") in done, done
    open_ = [c.what for w in log.items for c in w.commitments]
    assert not [c for c in open_ if c.startswith("Published")], open_


def test_a_speakers_report_over_its_list_is_done():
    done = [(a.actor, a.text) for w in _log().items for a in w.actions]
    assert ("JC", "Created two PRs for rez") in done, done


def test_an_action_of_the_summary_said_again_in_the_details_is_one_action():
    got = [(c.owner, c.what) for w in _log().items for c in w.commitments]
    assert [x for x in got if "LF Marketing" in x[1]] == [("maxnbk", "Check with LF Marketing to see what kind of town hall format we can use.")], got
    assert [x for x in got if "reach out" in x[1].lower()] == [("maxnbk", "Reach out to Deadline devs.")], got
    assert ("Stephen Mackenzie", "post more information on the PR.") in got, got  # his own action stays


def test_the_answer_date_stays_in_the_update():
    text = Drafter(engine="offline").draft("update", MINUTES, as_of=AS_OF).render("markdown")
    assert "We have to answer by next Wednesday" in text, text
    assert "Short Version" not in text and "@AcademySoftwareFoundation" not in text and "Published in" not in text, text
