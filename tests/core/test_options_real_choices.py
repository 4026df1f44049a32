"""Choices the real notes hold, worded as the notes word them (playbook.note_choices, issue 10 item 4).

Fixtures are lines of evals/real notes (source in each test); they failed on main at 9423ab8:
'A) Piggyback off GCM. B) APSN for notifications', 'on Process Version vs. Spec Version, is useful',
'on I propose to adopt the SMPTE names', 'on what to do about “However, due to ...”'.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from drafter import Drafter
from drafter.playbook.note_choices import choice_phrase, framed_options, proposal

DRAFTER = Drafter(engine="offline")


def options_of(notes: str, as_of: dt.date):
    return DRAFTER.options(notes, as_of=as_of).artefact


def test_or_question_keeps_the_frame_both_sides_share():
    # couchers backend meeting #25 (evals/real/minutes/couchers-backend-025-2021-06-09.md, line 27)
    q = "Can we piggyback off GCM or APSN for notifications?"
    assert framed_options(q, ["piggyback off GCM", "APSN for notifications"]) == [
        "piggyback off GCM for notifications", "piggyback off APSN for notifications"]
    assert choice_phrase(q) == "whether we can piggyback off GCM or APSN for notifications"


def test_two_whole_clauses_stay_as_they_are():
    assert framed_options("Should we ship now or wait a week?", ["ship now", "wait a week"]) == ["ship now", "wait a week"]
    assert framed_options("Should we renew Acme for a year or go month-to-month?", ["renew Acme for a year", "go month-to-month"]) == [
        "renew Acme for a year", "go month-to-month"]


def test_a_distinction_the_notes_judge_is_no_choice():
    # SPDX tech call 2026-04-14 (evals/real/minutes/spdx-tech-2026-04-14.md, line 160)
    assert framed_options("Process Version vs. Spec Version, is useful.", ["Process Version", "Spec Version, is useful"]) is None


def test_a_vs_clause_is_worded_as_a_question():
    assert choice_phrase("Extrapolate with fog vs sdf to extension") in (
        "whether to extrapolate with fog or sdf to extension", "on the choice between Extrapolate with fog and sdf to extension")


def test_a_proposal_is_the_decision_whether_to_do_it():
    # OpenEXR TSC 2020-07-30 (evals/real/minutes/openexr-tsc-2020-07-30.md, line 50)
    assert proposal("I propose to adopt the SMPTE names.") == "adopt the SMPTE names"
    assert choice_phrase("I propose to adopt the SMPTE names.") == "whether to adopt the SMPTE names"


NOTES_PUBLIC = """# 2018-06-26 conda-forge meeting
**Existing Items**

- Finding a good solution to sharing passwords among core
- Making the agenda and notes public again.
    - John will see if we can make dropbox paper readable by the world
    - other options are to just post the notes somewhere public after the meeting
- conda-forge blog
"""


def test_other_options_line_gives_the_second_alternative():
    # conda-forge core call 2018-06-26 (evals/real/minutes/conda-forge-2018-06-26.md, lines 38-40)
    a = options_of(NOTES_PUBLIC, dt.date(2018, 6, 27))
    assert "how to make the agenda and notes public again" in a.headline
    assert [o.title for o in a.options] == ["Make dropbox paper readable by the world", "Post the notes somewhere public after the meeting"]


def test_instead_of_proposal_beats_the_vs_split_on_its_line():
    # OpenVDB TSC 2021-03-02 (evals/real/minutes/openvdb-tsc-2021-03-02.md, line 47)
    notes = ("## SOP Extrapolate\n\nExtrapolate PR is updated again.  Extrapolate with fog vs sdf to extension; instead of having "
             "two modes, have one with a checkbox if the result should be sdf or not.  Jeff is to look at it.\n")
    a = options_of(notes, dt.date(2021, 3, 3))
    titles = [o.summary.lower() for o in a.options]
    assert titles[0].startswith("have one with a checkbox") and titles[1] == "have two modes"
    assert "instead of having two modes" in a.headline and " vs " not in a.headline


def test_a_report_of_what_went_wrong_is_stated_not_framed_as_a_decision():
    # FreeBSD release engineering 2018Q3 (evals/real/incident/freebsd-2018q3-release-engineering-status.md, lines 16-20)
    notes = """## FreeBSD Release Engineering Team ##

The FreeBSD Release Engineering Team started the 12.0-RELEASE cycle August 10,
beginning with the code slush.

However, due to unforseen circumstances related to upstream code that was
deemed necessary to include in 12.0-RELEASE, the schedule needed to be
adjusted several times to account for works-in-progress related to the
upstream code to be compatible with other base system utilities.  At the end
of the quarter, the *stable/12* branch had not been created due to this delay.
"""
    a = options_of(notes, dt.date(2018, 10, 1))
    assert "what to do about" not in a.headline and "However" not in a.headline
    text = DRAFTER.options(notes, as_of=dt.date(2018, 10, 1)).render("text")
    assert "stable/12 branch had not been created" in text  # the problem is still stated (O11)


def test_open_questions_that_ask_what_to_do_are_decisions():
    from drafter.playbook.note_choices import question_decision

    # mybinder 2018-03-26 (line 60), Falco 2023-10-05 (line 32), SPDX 2026-04-14 (line 167), couchers dev 2024-09-10 (line 19)
    assert question_decision("Systematically cordon and cull nodes older than 3-5 days?")[0] == \
        "whether to systematically cordon and cull nodes older than 3-5 days?"
    assert question_decision("Do we need a new repo for all this on Falco side?") is not None
    assert question_decision("How to handle symlinks in SPDX documents?") is not None
    assert question_decision("ending their OSS program, we might just move to paying?")[0] == "whether to move to paying?"
    # ASWF TAC 2026-04-01 (line 14): the two sides after the condition
    assert question_decision("If no volunteers, we could just not have it, or ask someone to do it?") == (
        "what to do if no volunteers?", ["not have it", "ask someone to do it"])
    # not decisions: a standup template, a report, a noun, a question to one person
    for q in ("Is there anything blocking you from doing work?", "Score gets stored to the start screen?",
              "Linting PR?", "Can you add zlib, too?"):
        assert question_decision(q) is None, q


REAL = Path(__file__).resolve().parents[2] / "evals" / "real"


def test_a_how_to_question_is_the_decision_in_the_headline():
    a = options_of((REAL / "minutes" / "spdx-tech-2026-04-14.md").read_text(encoding="utf-8"), dt.date(2026, 4, 15))
    assert "on how to handle symlinks in SPDX documents:" in a.headline and a.open_decision


def test_one_sided_proposal_says_so():
    a = options_of((REAL / "minutes" / "openexr-tsc-2020-07-30.md").read_text(encoding="utf-8"), dt.date(2020, 7, 31))
    assert "on whether to adopt the SMPTE names:" in a.headline and "only that proposal" in a.headline
    assert not a.options and a.recommendation is None


def test_alternatives_the_notes_tick_off_later_are_decided():
    # osb-cmdb TODO (evals/real/todo/osb-cmdb-todo.md, lines 17-30)
    notes = """Polish before 1.0 release
* [x] Manage git repo history.
   * Alternatives:
      * **Squash `redesign-cmdb` branch into a single initial commit, update master to it**
      * Selectively squash `redesign-cmdb` branch to isolate scab work
   * [x] Squash `redesign-cmdb` branch into a single initial commit
      * Mention commit with history with URL to `redesign-cmdb` commit in github
* [ ] Release new version
"""
    a = options_of(notes, dt.date(2020, 11, 18))
    assert not a.options and "open question" not in a.headline


def test_name_variants_are_the_options():
    # rybak copy-commit-reference TODO (evals/real/todo/rybak-copy-commit-reference-todo.md, line 28)
    notes = "## To Do\n\n* Branch for 1.*\n    * [ ] Wait for 2.0.0 to get released\n    * [ ] Name variants: release-1, release-v1, dev-1\n"
    a = options_of(notes, dt.date(2023, 8, 10))
    assert "which of the name variants to take" in a.headline
    assert [o.summary for o in a.options] == ["release-1", "release-v1", "dev-1"] and a.recommendation is None


def test_change_from_one_way_to_another_gives_both_ways():
    # AnitaB BIT GSoC 2020, week 7 (evals/real/worklog/anitab-bit-gsoc-2020-maya-week-7.md, line 33)
    notes = ("#### Is further assistance necessary to resolve existing issues?\n"
             "* Need mentor to help with alternative troubleshoot or approval to change database structure from having 2 "
             "different schemas (BIT - bitschema and MS - public schema) to just using one schema for BIT and MS which is public schema.\n")
    a = options_of(notes, dt.date(2020, 6, 20))
    assert [o.summary for o in a.options] == ["use one schema for BIT and MS which is public schema", "have 2 different schemas"]
    assert a.recommendation is None  # a bracket that says what a side is gives no ground to prefer it


def test_undecided_box_is_a_decision():
    from drafter.models import Question, WorkItem, WorkLog
    from drafter.models import SourceLine as Line
    from drafter.playbook.note_choices import question_decisions

    # LD51 hunttis backlog (evals/real/todo/ld51-hunttis-backlog.md, line 22)
    log = WorkLog(as_of=dt.date(2022, 10, 1), lines=[Line(number=1, text="- [?] Player dies if on a square that is in the incoming level")])
    item = WorkItem(title="Must-haves", questions=[Question(text="Player dies if on a square that is in the incoming level", lines=[1])])
    assert [d.question for d in question_decisions(item, log)] == ["whether player dies if on a square that is in the incoming level?"]


def test_options_with_no_trade_off_come_with_what_the_notes_say_around_them():
    # couchers backend #25 (evals/real/minutes/couchers-backend-025-2021-06-09.md, lines 26-30)
    notes = ("# Backend team meeting #25\n\n## Notes\n\n* Lucas:\n  - Can we piggyback off GCM or APSN for notifications?\n"
             "  - We should read their docs in detail before working on this, and see what they provide before doing our own thing\n"
             "  - Aapeli has had a brief look: looks like they do delivery but a lot will be left to us\n"
             "* Eric:\n  - Map location randomization is a problem for data privacy\n")
    a = options_of(notes, dt.date(2021, 6, 10))
    assert len(a.options) == 2
    assert any("before doing our own thing" in k for k in a.known) and any("a lot will be left to us" in k for k in a.known)
    assert not any("randomization" in k for k in a.known)  # the next speaker's point is not about this decision


def test_a_date_label_is_no_thing_to_get():
    from drafter.engines.options_writer import noun_phrase

    # conda-forge 2018-06-26 (line 29: '5/1: Will wait for more people on the dev call ...') framed 'how to get the 5/1 in time'
    assert not noun_phrase("the 5/1") and noun_phrase("the Q3 docs")


def test_a_proposal_against_what_is_usually_done_gives_both():
    # FreeBSD GCC status 2022Q4 (evals/real/worklog/freebsd-2022q4-gcc-status.md, lines 14-17)
    a = options_of((REAL / "worklog" / "freebsd-2022q4-gcc-status.md").read_text(encoding="utf-8"), dt.date(2023, 1, 25))
    assert "on whether to update the default version as soon as the first minor version of GCC 13 is out" in a.headline
    assert [o.title for o in a.options][1].startswith("FreeBSD usually awaits the release of the second minor version")
    assert any("rationale for awaiting" in g for g in a.options[1].grounds)
    assert not any("update the default version" in w.lower() for w in a.will_do)  # not done before it is chosen


def test_a_lists_other_boxes_are_not_what_the_notes_say_about_its_question():
    # LD51 hunttis backlog (evals/real/todo/ld51-hunttis-backlog.md, lines 17-28)
    a = options_of((REAL / "todo" / "ld51-hunttis-backlog.md").read_text(encoding="utf-8"), dt.date(2022, 10, 2))
    assert "whether player dies if on a square that is in the incoming level" in a.headline
    assert not any("collectible" in k.lower() for k in a.known) and "below is what they say" not in a.headline


def test_decide_on_a_name_lists_the_names_and_keeps_the_views_under_it():
    from drafter.playbook.note_choices import question_decision

    # JupyterGIS sync 2026-06-02 (evals/real/minutes/jupytergis-sync-2026-06-02.md, lines 62-66)
    assert question_decision('Decide on a name: "Blog"/"vertical scroll", how does it differ from the "guided" mode?') == (
        "which name to take?", ["Blog", "vertical scroll"])
    a = options_of((REAL / "minutes" / "jupytergis-sync-2026-06-02.md").read_text(encoding="utf-8"), dt.date(2026, 6, 3))
    assert "on which name to take:" in a.headline and [o.title for o in a.options] == ["Blog", "Vertical scroll"]
    assert any('"Blog" doesn\'t feel right' in k for k in a.known)  # a view under it, without its question


def test_the_subject_is_the_decision_as_worded_not_the_raw_line():
    a = options_of((REAL / "minutes" / "openexr-tsc-2020-07-30.md").read_text(encoding="utf-8"), dt.date(2020, 7, 31))
    assert a.subject == "Decision needed: whether to adopt the SMPTE names"  # was 'Decision needed: I propose to adopt ...'


def test_an_open_task_to_decide_is_a_decision():
    from drafter.models import Commitment, WorkItem
    from drafter.playbook.note_choices import decide_tasks

    item = WorkItem(title="To do", commitments=[
        Commitment(what="Decide where to advertise"), Commitment(what="Decide if README with a gif is better", state="done"),
        Commitment(what="Decide start date")])
    assert [d.question for d in decide_tasks(item)] == ["where to advertise", "start date"]
    # Agora nomic wiki to-do list (evals/real/todo/agoranomic-wiki-to-do-list.md, line 17): the row's task says what for
    a = options_of((REAL / "todo" / "agoranomic-wiki-to-do-list.md").read_text(encoding="utf-8"), dt.date(2017, 5, 19))
    assert "on target audience for the advert:" in a.headline and "below is what they say" not in a.headline


def test_a_missed_promise_worded_as_a_fragment_is_not_glued_after_recover():
    from drafter.engines.options_writer import _led_noun, noun_phrase

    # couchers dev 2024-09-10: main framed 'on how to recover the help look at them later'
    assert not (noun_phrase("the help look at them later") or _led_noun("the help look at them later"))
    assert _led_noun("a draft of the board summary") and noun_phrase("the new pricing copy")


def test_grounds_claim_only_what_the_notes_say():
    from drafter.engines.options_writer import GROUNDS

    # 'I can reverse it if it turns out wrong' / 'I can do it without extra approval' were claims no note made
    for text in GROUNDS.values():
        assert "reverse" not in text and "I can do it" not in text


def test_a_risk_the_notes_ask_nothing_about_is_stated_not_made_a_decision():
    from drafter.playbook.note_choices import wordable

    notes = "## Data import\n- Import script rewritten, tests pass.\n- Risk: the vendor feed may not arrive before the cut-over.\n"
    a = options_of(notes, dt.date(2026, 12, 1))
    assert "what to do about" not in a.headline and not a.open_decision
    assert any("vendor feed may not arrive" in r for r in a.open_risks)
    assert wordable("How to handle symlinks in SPDX documents?") and wordable("target audience for the advert")
    assert not wordable("The schedule needed to be adjusted several times.")


def test_what_the_notes_say_holds_no_front_matter_greeting_or_email_header():
    """A blog-post worklog's front matter ('layout: post', 'wordpressid: 133', vikraman/site GSoC
    report #4) and an email's 'From:'/'Sent:' lines (examples/email-thread.txt) say nothing about
    the decision; the report's own sentences do."""
    import datetime as dt
    from pathlib import Path

    from drafter import Drafter

    notes = ("---\ncomments: true\nlayout: post\nwordpressid: 133\ntitle: 'GSoC weekly report #4'\n---\n\n"
             "Hi everyone,\n\nIt's been a little slow last week since I had been travelling.\n\nBlockers:\n\n"
             "* Still blocked on bug 369679 to deploy the webapp\n")
    text = Drafter(engine="offline").options(notes, as_of=dt.date(2011, 6, 24)).render("markdown")
    assert "travelling" in text
    for junk in ("Layout: post", "Wordpressid", "Comments: true", "Hi everyone"):
        assert junk not in text
    email = (Path(__file__).resolve().parents[2] / "examples" / "email-thread.txt").read_text()
    text = Drafter(engine="offline").options(email, as_of=dt.date(2026, 11, 25)).render("markdown")
    assert "- From:" not in text and "- Sent:" not in text and "- Subject:" not in text
