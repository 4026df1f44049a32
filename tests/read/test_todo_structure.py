"""The todo reader on structure: status keys, task tables, boxes after the entry, struck entries."""

from __future__ import annotations

import datetime as dt

from drafter.read.offline import read_structured

AS_OF = dt.date(2024, 5, 6)

TABLE = """\
| Area  | Task                 | Sub-task             | Status | Who?  | Deadline |
|-------|----------------------|----------------------|--------|-------|----------|
| Tech  | Rewrite the homepage |                      | P      |       |          |
|       |                      | Forum web interface  | A      | omd   |          |
| Rules | Improve deputisation |                      | C      | zed   |          |

## Task status key
* (P)ending
* (A)ctive
* (C)ompleted
"""


def _log(text, genre="todo"):
    return read_structured(text, AS_OF, genre=genre)


def _all(log, kind):
    return [x for w in log.items for x in getattr(w, kind)]


def test_a_status_key_is_context_and_explains_the_codes():
    log = _log(TABLE)
    whats = [c.what for c in _all(log, "commitments")]
    assert not any(w in ("Pending", "Active", "Completed") for w in whats)  # the key is no task
    assert ("omd", "Forum web interface") in [(c.owner, c.what) for c in _all(log, "commitments")]
    assert [a.text for a in _all(log, "actions")] == ["Improve deputisation"]  # C = Completed
    assert ("", "Rewrite the homepage") in [(c.owner, c.what) for c in _all(log, "commitments")]  # no owner: none invented
    assert not log.unplaced  # the key's lines are cited with the table
    assert not any(p.name in ("Pending", "Active") for p in log.people)


def test_a_status_word_as_written_decides_done_waiting_or_both():
    text = """\
| Item          | Amount | Status |
|---------------|-------:|--------|
| Print shop    | 2,236  | Paid |
| Misc          | 1,000  | Cancelled out |
| Ana Souza     | 580    | Waiting to be refunded (paid for prints) |
| Bo Lind       | 2,250  | PAID BACK Waiting to be refunded back |
"""
    log = _log(text)
    assert [a.text for a in _all(log, "actions")] == ["Print shop (2,236): Paid"]
    assert [o.text for o in _all(log, "outcomes")] == ["Misc (1,000): Cancelled out"]
    assert [w.what for w in _all(log, "waits")] == ["Ana Souza (580) waiting to be refunded (paid for prints)"]
    assert [q.text for q in _all(log, "questions")] == ["Bo Lind (2,250): PAID BACK Waiting to be refunded back"]


def test_boxes_after_the_entry_struck_entries_and_undecided_boxes():
    text = """\
## Project

- Integrate each API []
  - [catapi] [x]
  - [newsapi] []
  - ~~[stockapi] []~~ Only a 14 days trial
- [ ] Music
- [?] Player dies on the incoming level

[catapi]: https://example.org/cat
[stockapi]: https://example.org/stock
"""
    log = _log(text)
    assert ["catapi"] == [a.text for a in _all(log, "actions")]
    assert {"newsapi", "Music"} <= {c.what for c in _all(log, "commitments")}  # an open box is an entry, whatever its words
    assert ["stockapi dropped: Only a 14 days trial"] == [o.text for o in _all(log, "outcomes")]
    assert ["Player dies on the incoming level"] == [q.text for q in _all(log, "questions")]
    assert not any(p.name in ("catapi", "stockapi") for p in log.people)  # a reference link's label is no owner
    assert 10 not in [ln for w in log.items for c in w.commitments for ln in c.lines]  # "[catapi]: url" is markup


def test_a_heading_that_states_a_value_is_a_fact():
    text = "# Payments\n\n| Item | Amount | Status |\n|---|---|---|\n| Pens | 140 | Paid |\n\n### Total Pending (myself):- 1080 INR\n"
    log = _log(text)
    assert "Total Pending (myself):- 1080 INR" in [o.text for o in _all(log, "outcomes")]


def test_status_marks_sentences_and_paragraphs_of_a_list():
    text = """\
# Action list

Priority (Low, High)

## Basics
- Create home page for user. User should be directed to the project list.
    - Currently named as 'All My Tasks'.
- **Figure out how to remove tasks** (Doing)
    - Remove task, update total as well (Done).
- **Switch between lists and tags.** (Done)
"""
    log = _log(text)
    whats = [c.what for c in _all(log, "commitments")]
    assert "Create home page for user" in whats and "Figure out how to remove tasks" in whats
    assert not any("directed" in w or "Currently named" in w or "Priority" in w for w in whats)
    assert {"Remove task, update total as well", "Switch between lists and tags"} <= {a.text for a in _all(log, "actions")}


def test_an_open_step_the_other_side_completes_is_awaited():
    text = """\
# Checklist

- [ ] Ask for flex (Print shop)
    - [x] Order placed
    - [ ] Order received
    - [ ] Payment made
- [ ] Invite a speaker
    - [ ] Invite sent
    - [ ] Talk confirmed
"""
    log = _log(text)
    assert [w.what for w in _all(log, "waits")] == ["Order received"]  # after "Order placed" was ticked
    assert {"Payment made", "Invite sent", "Talk confirmed"} <= {c.what for c in _all(log, "commitments")}  # nothing sent yet: no wait


def test_a_team_table_is_not_the_writers_own_list():
    log = _log(TABLE)
    assert not log.first_person  # owners omd and zed: a team's list
    assert all(c.owner != "I" for c in _all(log, "commitments"))


def test_a_box_owned_by_handles_written_first():
    """'- [ ] (@CaJiFan) add references' (ZachParent/mai-intro-to-machine-learning work2/TODO.md):
    the handles before the task own it; the draft names both owners of a joint box."""
    import datetime as dt

    from drafter import Drafter
    from drafter.read.markup import clean

    c = clean("- [ ] (@Cai & @Lena) check that all plots are generated on run")
    assert c.owner_tags == ["Cai", "Lena"] and c.text.endswith("check that all plots are generated on run")
    assert clean("- [ ] (optional) tidy the plots").owner_tags == []  # an aside, not an owner
    notes = "# TODO\n\n## Report\n\n- [x] (@Cai) write the intro\n- [ ] (@Cai & @Lena) check that all plots are generated on run\n"
    plan = Drafter(engine="offline").plan(notes, as_of=dt.date(2024, 10, 22))
    assert [(c.what, c.owner) for i in plan.log.items for c in i.commitments] == [
        ("check that all plots are generated on run", "Cai, Lena")]
    text = Drafter(engine="offline").update(notes, as_of=dt.date(2024, 10, 22)).render("markdown")
    assert "Cai and Lena will check that all plots are generated on run" in text


def test_handles_after_a_task_own_it():
    """Dragonfly maintainer minutes (dragonflyoss/community meetings/maintainer/2025-07-01): action
    boxes end with their owners' handles ("... and tag the issues. @imeoer @BraveY"); every one was
    'Open, no owner named'. A handle that is the object ("Ask @benjamn ...") or a label's value
    ("This week: @fasttime", a rota) is no owner tag."""
    from drafter.read.markup import clean

    c = clean("- [ ] Handle issues in the nydus project and tag the issues. @imeoer @BraveY")
    assert c.owner_tags == ["imeoer", "BraveY"] and c.text == "Handle issues in the nydus project and tag the issues."
    assert clean("- [ ] Go through the graduation proposal @mingcheng").owner_tags == ["mingcheng"]
    for text in ("- TODO: Ask @benjamn", "- Thanks @alice", "- This week: @fasttime", "- @bob"):
        assert clean(text).owner_tags == [], text


# NautilusSVN release plan (hemant-manwani/nautilussvn, ReleasePlan.md; fresh2), excerpt: the list's
# instruction to its editors over its table
NAUTILUS = """# Tasks #

> _Please add tasks in a somewhat logical order._

| **Task**                              | **Owner**      | **Status** |
|:--------------------------------------|:---------------|:-----------|
| Create all packages and a tarball     | jason.heeris   | DONE except for Fedora. |
| Upload the packages and the tarball   | brucevdkooij   | If Jason sends me the packages, I'll make sure they get uploaded |
| Update the Installation wiki page     | brucevdkooij   |            |
"""


# the same table's status "If Jason sends me the packages, I'll make sure they get uploaded" written as a plan line
def test_a_condition_in_a_plan_line_is_a_wait():
    log = read_structured("## Next week\n\n- If Jason sends me the packages, I'll upload them\n- Update the wiki page\n", dt.date(2016, 2, 2), genre="worklog")
    assert [w.on_whom for it in log.items for w in it.waits] == ["Jason"]


def test_the_lists_italic_instruction_to_its_editors_is_no_task():
    log = read_structured(NAUTILUS, dt.date(2016, 2, 2))
    said = [c.what for it in log.items for c in it.commitments] + [n for it in log.items for n in it.notes]
    assert not any("logical order" in s for s in said), said
    assert any(3 in it.lines for it in log.items)  # placed, as the form's line
