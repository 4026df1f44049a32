"""An open promise of a named person reads as a sentence about that person, and open items with no
owner are listed one a line under one 'no owner named' heading (issue 10; helper head2)."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.render import render_fitted

# excerpt of nautilussvn's 0.12 release plan (fresh2/todo-nautilussvn-releaseplan.md)
NAUTILUS = """# Release plan 0.12

| Task | Owner | Status |
|:-----|:------|:-------|
| Write a press release to post on the blog | brucevdkooij | |
| QA the user interface dialogs | adamplumb | |
| Create the proper tags in the repository | jason.heeris | DONE |
"""

# excerpt of Bytecode Alliance docs SIG minutes 2024-12-18 (fresh2/minutes-bytecodealliance-docs-2024-12-18.md)
BA = """# Dec 18 SIG-Documentation Meeting

## Attendees

* Kate Goldenring
* Timo Stark

## Notes

* BA site updates
  * Timo's contribution PRs should be up soon

## Action Items

* [ ] Create issue on BA site repo to add a page for docs references
* [ ] Create issue on BA site repo to update projects list and describe project maturity levels
* [ ] Create issue on BA site to rename news to blog
* [ ] Update README and add CONTRIBUTION.md in BA repo about adding a blog and testing locally - Timo
"""


def _update(notes: str) -> str:
    dr = Drafter(engine="offline").update(notes, as_of=dt.date(2024, 12, 20))
    return render_fitted(dr.artefact, "markdown", dr.options)[0]


def test_an_open_promise_reads_as_a_sentence_about_its_owner():
    text = _update(NAUTILUS)
    assert "Commitment:" not in text and "— open" not in text, text
    assert "adamplumb will QA the user interface dialogs" in text, text


def test_open_items_with_no_owner_go_one_a_line_under_one_lead_in():
    text = _update(BA)
    assert text.count("no owner named") <= 1, text
    lines = [ln for ln in text.splitlines() if "Create issue on BA site" in ln]
    assert len(lines) == 3, text


# excerpt of Dragonfly maintainer meeting 2025-07-01 (fresh2/minutes-dragonfly-maintainer-2025-07-01.md)
DRAGONFLY = """# Maintainer Meeting

## Attendees

- [Muyu Yang](https://github.com/LunaWhispers) (Ant Group/Dragonfly)
- [mingcheng](https://github.com/mingcheng) (The Apache Software Foundation/Dragonfly)

## Actions

- [ ] Next meeting topic collection and organization @LunaWhispers
- [ ] Improve governance community documentation and processes. @mingcheng
"""


def test_a_noun_phrase_promise_gets_its_owner_and_no_invented_verb():
    text = _update(DRAGONFLY)
    assert "Commitment:" not in text, text
    # the reader names LunaWhispers by the attendee list's name, Muyu Yang
    assert "Muyu Yang: next meeting topic collection and organization" in text, text
    assert "will next" not in text
    assert "mingcheng will improve governance community documentation and processes" in text, text


def test_the_step_the_headline_leads_with_is_not_said_again_as_the_first_next_line():
    text = _update(DRAGONFLY)
    assert text.count("mingcheng will improve governance") == 1, text


# excerpt of libp2p sync 2019-11-25 (fresh/standup-libp2p-sync-2019-11-25.md)
LIBP2P = """# libp2p sync 2019-11-25

- @vasco-santos
  - Next:
    - Finish integration of discovery modules
    - Finish docs PR

- @yusefnapora
  - Done:
    - responded to lots of PR review feedback
  - Next:
    - [ ] add more tests to [go-libp2p identify PR](https://github.com/libp2p/go-libp2p/pull/747)

- @bigs
  - Done:
    - Planning to deprecate SECIO
  - Next:
    - Sync w/ Marten re: multiselect packet orientation support
    - Work on moving towards noise
"""


def test_my_check_in_day_for_others_steps_is_said_once():
    text = Drafter(engine="offline").update(LIBP2P, as_of=dt.date(2019, 11, 25))
    out = render_fitted(text.artefact, "markdown", text.options)[0]
    assert out.count("I check") == 1, out


def test_an_unticked_state_box_stays_open_and_gets_no_invented_will():
    """GDG Jisu Hacktoberfest checklist: '- [ ] Payment made' is not done, and not 'I will payment made'."""
    from drafter.render_sections import _a_state, _will
    assert _a_state("Payment made") and _a_state("Invite sent") and _a_state("Order received")
    assert not _a_state("QA the user interface dialogs")
    assert _will("I", "Invite sent") is None
