"""A team's weekly update with each member's bold bullet and, last, the lead's round that notes
each member's next steps under their handle ("- **@trallard**" > "@isabela-pf" > points)."""

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes
from drafter.read.markup import clean

NOTES = """# Weekly update for: 29-08-2022

## Individual updates

- **@steff456**

**Updates from last week**
- Started organizing future tasks for fixing Zoom issues

**Important items for discussion**
- Schedule event test run so that I have a deadline? Because I operate on deadlines? Maybe?
---

- **@isabela-pf**

**Updates from last week**
- https://github.com/jupyterlab/lumino/pull/373 was merged into Lumino.
---

- **@trallard**

 @isabela-pf
- Will try and make some progress on the reflow mocks

@steff456
1. Make a PR to ipykernel
2. Will sync with Matthias on how to submit this change
3. Started organizing future tasks for fixing Zoom issues
"""
AS_OF = dt.date(2022, 8, 30)


def _items():
    return {i.owner.lstrip("@"): i for i in read_notes(NOTES, AS_OF).items if i.owner}


def test_the_leads_notes_are_each_members_own():
    items = _items()
    steff = [c.what for c in items["steff456"].commitments]
    assert "Make a PR to ipykernel" in steff and any(w.startswith("sync with Matthias") or w.startswith("Will sync") for w in steff), steff
    assert any("reflow mocks" in c.what for c in items["isabela-pf"].commitments)
    assert "trallard" not in items
    assert [a.text for a in items["steff456"].actions].count("Started organizing future tasks for fixing Zoom issues") == 1


def test_the_update_says_who_will_and_keeps_the_question_without_its_asides():
    text = Drafter(engine="offline").draft("update", NOTES, as_of=AS_OF.isoformat(), max_words=400).render("markdown")
    assert "steff456 will make a PR to ipykernel" in text and "steff456 will sync with Matthias" in text, text
    assert "Because I operate on deadlines" not in text


def test_an_issue_link_that_is_the_sentences_subject_is_named_by_its_number():
    assert clean("https://github.com/jupyterlab/lumino/pull/373 was merged into Lumino.").text == "lumino#373 was merged into Lumino."
    assert clean("see https://github.com/o/docs/issues/12 for more").text == "see docs#12 for more"
    assert clean("https://github.com/o/r/issues/1 weak namespace and include guards").text == "weak namespace and include guards"


def test_a_link_written_the_wrong_way_round_keeps_its_words_and_its_number():
    raw = "- (Pull request)[https://github.com/coala/coala-bears/pull/2501] for handling merge commits is merged into master."
    assert clean(raw).text == "Pull request coala-bears#2501 for handling merge commits is merged into master."


def test_a_plan_after_a_lead_and_a_fear_are_read():
    from drafter.read.people import People
    from drafter.read.signals import classify

    sig = classify("After this I have to create bears that inspect each commit type.", None, People(), first_person=True)
    assert (sig.kind, sig.owner, sig.text) == ("commitment", "I", "create bears that inspect each commit type.")
    assert classify("I am scared because evaluations start next week.", None, People(), first_person=True).kind == "risk"


def test_a_concern_the_same_line_says_is_now_handled_is_history():
    from drafter.playbook.threats import risk_kind

    assert risk_kind("Concerned about needing C90 -- so mlkem-native is now updated for this.") == "history"
    assert risk_kind("Concerned about needing C90.") == "concern"
