"""A team's weekly update written as one entry per person, each a lone '- **@handle**' bullet over bold
part lines that are not indented under it and ended by '---' (the shape of Quansight-Labs
jupyter-a11y-mgmt team_updates, BSD-3-Clause; made-up text): each person's parts are their round,
their "I" is theirs, thanks are kind words, "I'll be here" is no news, time away is a risk, and
"Nothing at the moment, thanks" under challenges is no blocker."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes
from drafter.read.people import acceptable

NOTES = """\
# Weekly update for: 29-08-2022

## Individual updates

- **@gabalafou**

 **Thanks I'd like to give**
- @isabela-pf for letting me work with her on a blog post

**Updates from last week**
- The tab trap fix was merged. I'm not sure when this will get rolled out to end users, though.
- I will get in touch with @tonyfast next week if I hit any walls.

**My availability for next week**
- I will be working from plane on Wednesday, August 31.
---

- **@steff456**

**Updates from last week**
- I worked on the blurry python 3 icon in the Launcher

**Challenges I faced and things I'd like assistance with**
- Nothing at the moment, thanks

**My availability for next week**
- I'll be here!
---
"""


def _log():
    return read_notes(NOTES, dt.date(2022, 8, 30))


def test_each_person_bullet_heads_their_round():
    log = _log()
    assert {"gabalafou", "steff456"} <= {i.title.lstrip("@") for i in log.items}
    assert acceptable("steff456", "handle") and not acceptable("1a2b3c4d5", "handle")
    gab = next(i for i in log.items if i.title.lstrip("@") == "gabalafou")
    assert [(c.owner, c.what.split()[:3]) for c in gab.commitments] == [("gabalafou", ["get", "in", "touch"])]
    assert any("working from plane" in r and r.endswith("(gabalafou)") for r in gab.risks), gab.risks


def test_thanks_here_and_nothing_at_the_moment_are_not_news():
    log = _log()
    said = [*(n for i in log.items for n in i.notes), *(c.what for i in log.items for c in i.commitments)]
    assert not any("blog post" in s or "be here" in s for s in said), said
    steff = next(i for i in log.items if i.title.lstrip("@") == "steff456")
    assert not steff.waits and not steff.risks, (steff.waits, steff.risks)


def test_the_update_speaks_of_each_person_by_name():
    text = Drafter(engine="offline").update(NOTES, as_of=dt.date(2022, 8, 30), audience="team").render("text")
    assert "gabalafou will get in touch with @tonyfast" in text, text
    assert "Mine:" not in text and "On my list:" not in text and "I will get in touch" not in text, text


AGENDA_ROUNDS = """\
# 2023-07-25 grant meeting

## Attendees

| Full name              | Github handle    | Organization  |
|------------------------|------------------|---------------|
| Jaime Rodríguez-Guerra | `jaimergp`       | Quansight     |
| Vinicius D. Cerutti    | `viniciusdc`     | Quansight     |

## 📝 Updates

- [ ] Vini:
  - [ ] Vini to finish the database prototype on Friday 28th.
  - [ ] Last efforts spent integrating with the harvesters.
- [ ] Jaime:
  - [ ] A few documentation PRs went in.
  - [ ] Axel (@h-vetinari) will use a few hours to work on the bots test suite.

## 🚀 Action items

- [ ] Jaime to schedule a call with Gabriela and Asmit next week
"""


def test_an_agenda_box_over_a_report_is_no_task_and_a_named_handle_owns_its_promise():
    # Quansight-Labs/czi-conda-forge-mgmt meeting-notes (BSD-3-Clause), the shape of its agenda rounds
    log = read_notes(AGENDA_ROUNDS, dt.date(2023, 7, 26))
    promised = [(c.owner, c.what) for i in log.items for c in i.commitments]
    assert not any(w.startswith(("Last efforts", "A few documentation")) for _, w in promised), promised
    assert any(o == "Axel" and w.startswith("use a few hours") for o, w in promised), promised
    done = [a.text for i in log.items for a in i.actions]
    assert any(t.startswith("A few documentation PRs went in") for t in done), done


def test_a_blocked_persons_round_is_not_handed_to_them_and_their_loops_name_them_once():
    import pytest
    from drafter.errors import InputError

    notes = NOTES.replace("- Nothing at the moment, thanks", "- I'm having a hard time finding the actual asset for the icon")
    d = Drafter(engine="offline")
    with pytest.raises(InputError, match="nothing to delegate"):
        d.delegate(notes, as_of=dt.date(2022, 8, 30), delegate_to="@steff456")
    text = d.delegate(notes, as_of=dt.date(2022, 8, 30), delegate_to="gabalafou").render("text")
    assert "owns the @" not in text and "Gabalafou: gabalafou" not in text, text


HEADED_ROUNDS = """\
# Contributions

## Greg:
**Goals:**
- Finish Auth and other data Models

**Completed Tasks:**
- Fixed docker stuff

**Issues:**
- Logout endpoint invalidates all active sessions (Issue 38)

**Plans:**
- Fix logout endpoint

## Paul:
**Goals:**
- Finish setting up architecture for Flutter and Dart development.

**Completed Tasks:**
- Added a basic bar listing page.

**Issues:**
- No system default settings due to plugin issues.

**Plans:**
- Refine bar listing page.
"""


def test_headed_rounds_with_completed_tasks_and_issues_parts_are_per_person():
    # pwjensen/BetterBarCrawlApp Documents/WeeklyReports (MIT), shape of its per-person parts
    log = read_notes(HEADED_ROUNDS, dt.date(2024, 10, 23))
    owners = {(c.owner, c.what) for i in log.items for c in i.commitments}
    assert ("Greg", "Fix logout endpoint") in owners and ("Paul", "Refine bar listing page.") in owners, owners
    assert any("Fixed docker stuff" in a.text for i in log.items for a in i.actions)
    assert any("Logout endpoint invalidates" in r for i in log.items for r in i.risks)
