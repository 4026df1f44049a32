"""Which action items a delegation plan hands to the named delegate, and which it keeps as loops.

Excerpts from real minutes (fresh2 trial): bytecodealliance/meetings, docs SIG 2024-12-18 (an action item
signed '- Timo'), and dragonflyoss/community maintainer minutes 2025-07-01 (@handle owners, a reference
line '(refer: #1599, #1358)' that the reader leaves as an unowned entry).
"""

from __future__ import annotations

import datetime as dt

from drafter import Drafter

BCA = """# Docs SIG 2024-12-18

## Attendees
* Kate Goldenring
* Timo Stark

## Action Items

* [ ] Create issue on BA site repo to add a page for docs references
* [ ] Create issue on BA site to rename news to blog
* [ ] Update README and add CONTRIBUTION.md in BA repo about adding a blog and testing locally - Timo
"""

DRAGONFLY = """# Dragonfly maintainer meeting

## Actions

- [ ] Next meeting topic collection and organization @LunaWhispers
- [ ] Improve governance community documentation and processes. (refer: [#1599](https://github.com/cncf/toc/issues/1599), [#1358](https://github.com/cncf/toc/issues/1358)) @mingcheng
- [ ] Go through Dragonfly graduation proposal @mingcheng
- [ ] Update devlopment guideance @CooooolFrog
"""


def _plan(notes: str, to: str, as_of: dt.date):
    return Drafter(engine="offline").delegate(notes, as_of=as_of, delegate_to=to).artefact


def test_only_the_item_signed_with_the_delegates_name_is_theirs():
    plan = _plan(BCA, "Timo Stark", dt.date(2024, 12, 18))
    assert [t.title for t in plan.tasks] == [
        "Update README and add CONTRIBUTION.md in BA repo about adding a blog and testing locally"]
    loops = " ".join(plan.open_loops)
    assert "rename news to blog" in loops and "no owner" in loops  # the unowned ones stay with the writer


def test_delegates_own_items_are_tasks_never_loops_and_a_reference_is_no_loop():
    plan = _plan(DRAGONFLY, "mingcheng", dt.date(2025, 7, 1))
    titles = [t.title for t in plan.tasks]
    assert any(t.startswith("Go through Dragonfly graduation proposal") for t in titles)
    assert not any("guideance" in t for t in titles)  # CooooolFrog's
    loops = plan.open_loops
    assert not any("mingcheng" in x for x in loops)
    assert not any(x.lstrip().startswith("(refer") for x in loops)
    assert any("CooooolFrog" in x for x in loops)


def test_one_escalation_rule_said_once_and_the_proposed_deadline_not_again_to_agree():
    from drafter.render import render_fitted
    dr = Drafter(engine="offline").delegate(DRAGONFLY, as_of=dt.date(2025, 7, 1), delegate_to="mingcheng")
    text, _ = render_fitted(dr.artefact, "markdown", dr.options)
    assert text.count("scalate") == 1 and "for every task" in text
    assert "the deadline (proposed" not in text and "Deadline: " in text and "(proposed)" in text


def test_one_shared_deadline_said_once():
    # the Dragonfly excerpt: two tasks for mingcheng, one proposed date
    from drafter.render import render_fitted
    dr = Drafter(engine="offline").delegate(DRAGONFLY, as_of=dt.date(2025, 7, 1), delegate_to="mingcheng")
    text, _ = render_fitted(dr.artefact, "markdown", dr.options)
    assert len(dr.artefact.tasks) > 1 and text.count("Deadline: ") == 1 and "(proposed) for every task" in text
