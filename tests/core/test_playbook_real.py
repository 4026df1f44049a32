"""The playbook's decisions on what real notes say (issue 10): status from a threat, not a modal verb;
next steps only from the notes' own actions; tool-picked ask dates marked proposed; a team's open
question is not an ask of the reader."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.models import Action, Commitment, Decision, SourceLine, Status, WorkItem, WorkLog
from drafter.playbook import build_plan, item_status
from drafter.playbook.actions import is_action
from drafter.playbook.text import as_action
from drafter.playbook.threats import risk_kind
from drafter.render_text import clean

AS_OF = dt.date(2026, 11, 25)  # Wed


def log_of(*items: WorkItem, lines: list[str] = (), first_person: bool = True) -> WorkLog:
    return WorkLog(as_of=AS_OF, items=list(items), lines=[SourceLine(number=i + 1, text=t) for i, t in enumerate(lines)],
                   first_person=first_person)


@pytest.mark.parametrize("text, kind", [
    ("printer vendor might not make it", "threat"),
    ("tbdocs: more web5 api reference docs: Will slide to next week", "threat"),
    ("At the end of the quarter, the stable/12 branch had not been created due to this delay.", "threat"),
    ("Renewal must be signed before 4 Dec or the discount expires.", "threat"),
    ("This may be useful to inspect problems afterwards", "none"),
    ("This might solve the question issue, and make the forum something we transition from.", "none"),
    ("current UUIDs may not follow ISO specification.", "concern"),
    ("Aapeli is busy for about a week til next Tuesday", "concern"),
    ("Binder was unavailable, but nobody was notified.", "concern"),
    ("I got stuck again and again, but all is well now.", "history"),
])
def test_risk_kind_is_about_a_threat_not_a_modal_verb(text, kind):
    assert risk_kind(text) == kind


def test_a_problem_told_in_the_past_is_history_when_another_line_says_it_is_over():
    said = "The PEP 541 backlog was a year and four months behind."
    assert risk_kind(said) == "threat"  # on its own, a backlog behind is a threat
    assert risk_kind(said, ["PEP 541 backlog is current as of December 2025."]) == "history"
    assert risk_kind(said, ["The account recovery queue is current."]) == "threat"  # another thing is over, not this one


def test_a_modal_verb_or_history_does_not_put_an_item_at_risk():
    modal = WorkItem(title="Purge clean-up", risks=["This may be useful to inspect problems afterwards"])
    assert item_status(modal, AS_OF)[0] == Status.ON_TRACK
    item = WorkItem(title="PEP 541 backlog", risks=["The PEP 541 backlog was a year and four months behind."],
                    actions=[Action(text="PEP 541 backlog is current as of December 2025")])
    assert item_status(item, AS_OF)[0] == Status.ON_TRACK
    plan = build_plan(log_of(item))
    assert plan.items[0].risks == []  # history is not a risk line either
    slipping = WorkItem(title="Docs", risks=["more web5 api reference docs: Will slide to next week"])
    assert item_status(slipping, AS_OF) == (Status.AT_RISK, "more web5 api reference docs: Will slide to next week")


@pytest.mark.parametrize("text, action", [
    ("Bump versions of GitHub actions", True), ("Rebase onto master", True), ("Register and push app to heroku", True),
    ("I will send the deck", False),  # "will" opens no action; as_action strips it (below)
    ("Music", False), ("Payment made", False), ("Order received", False), ("Impacts AT/CT/UT config", False),
    ("As the next step", False), ("If gif is better, push it to main", False),
    ("support processes and procedures have been internally documented", False), ("Can we ship it?", False),
])
def test_is_action_reads_a_verb_phrase(text, action):
    assert is_action(text) is action


def test_as_action_never_makes_up_a_verb():
    assert as_action("I will send the deck") == "send the deck"
    assert as_action("Bump versions of GitHub actions") == "bump versions of GitHub actions"
    assert as_action("Music") == "Music"  # not 'deliver the Music'


def test_todo_nouns_give_no_next_step_and_the_plan_says_so():
    lines = ["## Must-haves", "- [ ] Music", "- [ ] Three levels, selectable from the main menu"]
    item = WorkItem(title="Must-haves", lines=[1, 2, 3], commitments=[
        Commitment(what="Music", lines=[2]), Commitment(what="Three levels, selectable from the main menu", lines=[3])])
    ip = build_plan(log_of(item, lines=lines)).items[0]
    assert ip.next_step is None and ip.no_next_step


def test_an_open_entry_worded_as_an_action_is_the_next_step_on_a_proposed_date():
    item = WorkItem(title="Release", commitments=[Commitment(what="Music"), Commitment(what="Rebase onto master")])
    ip = build_plan(log_of(item)).items[0]
    assert ip.next_step.action == "rebase onto master" and ip.next_step.due_proposed and not ip.no_next_step


def test_a_ticked_box_is_never_a_next_step():
    lines = ["- [x] Update package.json to have the real description", "  - [ ] Can be improved still"]
    item = WorkItem(title="Update package.json to have the real description", lines=[1, 2],
                    commitments=[Commitment(what="Can be improved still", lines=[2])])
    ip = build_plan(log_of(item, lines=lines)).items[0]
    assert ip.next_step is None
    open_title = WorkItem(title="Rebase onto master", lines=[1])
    ip = build_plan(log_of(open_title, lines=["- [ ] Rebase onto master"])).items[0]
    assert ip.next_step is not None and ip.next_step.action == "rebase onto master" and ip.next_step.due_proposed
    heading = WorkItem(title="Dispatch from PyPI Land", lines=[1])
    assert build_plan(log_of(heading, lines=["# Dispatch from PyPI Land"])).items[0].next_step is None


def test_an_ask_date_the_tool_picks_is_marked_proposed():
    picked = WorkItem(title="Renewal", decisions=[Decision(question="renew 12 months or go month-to-month?")])
    [ask] = build_plan(log_of(picked)).items[0].asks
    assert ask.by_proposed and ask.by >= AS_OF
    given = WorkItem(title="Renewal", decisions=[Decision(question="renew or not?", who="Lee", by=dt.date(2026, 11, 27))])
    [ask] = build_plan(log_of(given)).items[0].asks
    assert ask.by == dt.date(2026, 11, 27) and not ask.by_proposed


def test_a_teams_open_question_in_minutes_is_no_ask_of_the_reader():
    own = WorkItem(title="Notifications", decisions=[Decision(question="Can we piggyback off GCM or APSN for notifications?", lines=[3])])
    ip = build_plan(log_of(own, first_person=False)).items[0]
    assert ip.asks == []
    assert [q.text for q in ip.item.questions] == ["Can we piggyback off GCM or APSN for notifications?"]
    above = WorkItem(title="Budget", decisions=[Decision(question="Need sign-off from the board on the 2027 budget")])
    [ask] = build_plan(log_of(above, first_person=False)).items[0].asks
    assert ask.by_proposed


def test_placeholder_words_inside_a_domain_or_path_are_kept():
    assert clean("see developer.tbd.website/issues/340 and #tbd-stage") == "see developer.tbd.website/issues/340 and #tbd-stage"
    assert clean("Owner: TBD. Venue TBC") == "Owner: to be decided. Venue to be confirmed"
