"""Options the notes list, with the trade-offs the notes themselves state (playbook.options)."""

from __future__ import annotations

import datetime as dt

from drafter.read.personal import parse_personal
from drafter.playbook import build_plan, lower_first
from drafter.playbook.options import options_from_lines, profile_for_named_option, split_alternatives, stated_tradeoffs

AS_OF = dt.date(2026, 12, 1)  # Tue


def test_split_alternatives_keeps_commas_inside_brackets():
    assert split_alternatives("Zendesk ($12k, 2 weeks setup), or keep Freshdesk (price up 15%)") == [
        "Zendesk ($12k, 2 weeks setup)", "keep Freshdesk (price up 15%)"]


def test_stated_tradeoffs_come_from_the_bracket():
    ups, downs = stated_tradeoffs("ship Friday 18:00 (quiet hours but no support staff on shift)")
    assert ups == ["quiet hours"] and downs == ["no support staff on shift"]
    ups, downs = stated_tradeoffs("hire a freelancer (3 weeks at $600/day)")
    assert ups == [] and downs == []  # only a cost: left to the cost line


def test_named_option_uses_stated_pros_cons_and_costs():
    o = profile_for_named_option("batch at night (cheap, untested on full data, about 2 days of work)", "A")
    assert o.upside == "cheap" and "untested on full data" in o.downside and "2 days" in o.cost
    assert o.title == "Batch at night"


def test_times_and_camel_case_names_survive_titles():
    assert profile_for_named_option("tonight 23:30 (low traffic)", "A").title == "Tonight 23:30"
    assert lower_first("HubSpot") == "HubSpot" and lower_first("Sat 12 Dec") == "Sat 12 Dec"
    assert lower_first("Keep chasing Dana") == "keep chasing Dana"


def test_options_listed_as_bullets_under_a_bare_heading():
    log = parse_personal("Reporting rebuild needs 4 more weeks than we have before the 18 Dec freeze.\nOptions:\n"
                      "- contractor from Acme, 15 days at $800/day\n- delay the rebuild to January\n", AS_OF)
    assert options_from_lines(log) == ["contractor from Acme, 15 days at $800/day", "delay the rebuild to January"]


def test_inline_options_running_over_two_lines():
    log = parse_personal("Cut-over needs a 1h outage. Options: tonight 23:00 (short notice),\n"
                      "Sat 5 Dec 07:00 (weekend cost ~$400), or a blue-green switch\n(untested).\n", AS_OF)
    opts = options_from_lines(log)
    assert len(opts) == 3 and opts[2].startswith("a blue-green switch") and "untested" in opts[2]


def test_problem_opens_with_the_situation_and_names_the_stake():
    notes = ("Reporting rebuild needs 4 more weeks than we have before the 18 Dec freeze.\nOptions:\n"
             "- contractor from Acme, 15 days at $800/day\n- delay the rebuild to January (licence costs ~$5k)\n"
             "Lee (CFO) has to approve any spend over $5k.\n")
    from drafter.engines.options_writer import write_options

    plan = build_plan(parse_personal(notes, AS_OF))
    d = plan.decision
    assert d is not None and len(d.options) == 2
    assert write_options(plan).problem.startswith("Reporting rebuild needs 4 more weeks")  # the writer words it
    assert "approve any spend" not in d.question
    assert d.deadline == dt.date(2026, 12, 18)


def test_workaround_offered_while_waiting_is_a_choice_with_the_wait():
    notes = ("Invoice reconciliation for Q4 - promised to Omar for Mon 30 Nov. Missed.\n"
             "Finance systems (Greta) says a fix is \"in the next release\".\n"
             "I can match the invoices by hand - about 2 days of work, error-prone.\n"
             "Omar needs the numbers for the budget review on Thu 10 Dec.\n")
    d = build_plan(parse_personal(notes, AS_OF)).decision
    assert d is not None
    titles = [o.title.lower() for o in d.options]
    assert any("by hand" in t for t in titles) and any(t.startswith("wait for") for t in titles), titles
    hand = next(o for o in d.options if "by hand" in o.title.lower())
    assert d.recommended == hand.label  # 2 days fit before the review; the wait has no date
    assert "error-prone" in hand.downside


def test_could_x_or_y_or_z_is_a_list_of_options():
    log = parse_personal("Search is too slow, users complaining.\n"
                      "Could add an index, or cache results nightly, or just buy a bigger server.\n", AS_OF)
    assert options_from_lines(log) == ["add an index", "cache results nightly", "just buy a bigger server"]
    assert profile_for_named_option("just buy a bigger server", "C").title == "Buy a bigger server"


def test_x_could_do_y_alone_is_no_list():
    log = parse_personal("Priya could review it on Thu 26 Nov.\n", AS_OF)
    assert options_from_lines(log) == []


def test_rates_keep_their_unit():
    assert "$900/day" in profile_for_named_option("agency designer, 10 days at $900/day", "A").cost


def test_labelled_options_with_bullets_under_them_and_the_notes_own_pick():
    """OpenTofu-style minutes: 'Option A:' with its text in the bullets below, and 'the TSC recommends ...'."""
    from drafter.engines.options_writer import write_options
    from drafter.models import Decision, SourceLine, WorkItem, WorkLog

    texts = ["Should we scrape providers, rely on authors, or a mix?", "- Option A:", "    - Add the metadata to our registry",
             "- Option B:", "    - Contact maintainers of popular providers", "    - There is a higher likelihood of getting keys",
             "- Option C:", "    - Don't do anything", "The TSC recommends option B for now."]
    lines = [SourceLine(number=i + 1, text=t) for i, t in enumerate(texts)]
    item = WorkItem(title="Registry updates", lines=list(range(1, 10)),
                    decisions=[Decision(question=texts[0], options=["scrape providers", "rely on authors", "a mix"])])
    plan = build_plan(WorkLog(as_of=AS_OF, items=[item], lines=lines, first_person=False))
    d = plan.decision
    assert [o.summary for o in d.options] == ["Add the metadata to our registry",
                                              "Contact maintainers of popular providers; There is a higher likelihood of getting keys",
                                              "Don't do anything"]
    assert d.recommended == "B" and d.ground == "notes"
    assert "higher likelihood" in d.options[1].upside
    p = write_options(plan)
    assert "the notes recommend it" in p.rationale and "option B" in p.default_action


def test_no_alternatives_default_is_the_notes_own_plan():
    """No options and no open decision in the notes (the problem has an owner's plan beside it): nothing is
    asked; the draft says so and gives the plan the notes hold (owner, action), not 'I will ask again'."""
    from drafter import Drafter

    notes = ("# Dev sync\nPresent: Ivan, Aapeli\n* Mobile\n  - Ivan: struggling to set up the react native build, it is a mess\n"
             "  - Aapeli: will write a readme for the native build\n")
    text = Drafter(engine="offline").draft("options", notes, as_of=AS_OF).render("text")
    assert "the notes name no alternatives" in text.lower()
    assert "no decision needed" in text.lower() and "how to proceed" not in text.lower(), text
    assert "Aapeli will write a readme for the native build" in text, text
    assert "ask again" not in text


# --------------------------------------------------------------------------------------------
# Real minutes: a question answered in its own section, people's positions as grounds
# --------------------------------------------------------------------------------------------

_GLOB = [
    "### refactor: use minimatch for glob detection",
    "The TSC was asked whether this should be treated as semver-patch or semver-minor.",
    "- @nzakas initially leaned semver-patch since people expect the pattern to work this way",
    "- @mdjermanovic voted for semver-minor because the fix can enumerate more files",
    "**Resolution:** The TSC agreed to treat the change as semver-minor.",
    "### Scheduled release",
    "- @fasttime will do the release on June 26th.",
]


def _glob_plan(texts):
    from drafter.models import Decision, SourceLine, WorkItem, WorkLog

    lines = [SourceLine(number=i + 1, text=t) for i, t in enumerate(texts)]
    item = WorkItem(title="refactor: use minimatch for glob detection", lines=list(range(1, len(texts) + 1)),
                    decisions=[Decision(question=texts[1], options=["semver-patch", "semver-minor"], lines=[2])])
    return build_plan(WorkLog(as_of=AS_OF, items=[item], lines=lines, first_person=False))


def test_a_question_answered_in_its_section_is_not_asked():
    from drafter.engines.options_writer import write_options
    from drafter.render import render

    plan = _glob_plan(_GLOB)
    assert plan.decision is not None and not plan.decision.open_decision
    assert plan.decision.options == [] and "semver-minor" in " ".join(plan.decision.known)
    text = render(write_options(plan), "text")
    assert text.startswith("No decision needed"), text
    assert "(a date I propose)" in text.splitlines()[0]  # the reply-by date is the tool's, never the notes'
    assert "Reply A or B" not in text and "how to proceed" not in text
    assert "The TSC agreed to treat the change as semver-minor" in text


def test_an_open_question_gets_the_peoples_positions_as_grounds_said_once():
    from drafter.engines.options_writer import write_options
    from drafter.render import render

    open_q = _GLOB[:4] + _GLOB[5:]  # the same section without its resolution
    plan = _glob_plan(open_q)
    d = plan.decision
    assert d.open_decision and [o.title for o in d.options] == ["Semver-patch", "Semver-minor"]
    assert d.options[0].grounds == ["@nzakas initially leaned semver-patch since people expect the pattern to work this way"]
    assert d.options[1].grounds == ["@mdjermanovic voted for semver-minor because the fix can enumerate more files"]
    text = render(write_options(plan), "text")
    assert "not stated in the notes" not in text
    assert text.count("The notes state no upside, downside or cost") == 1, text
    assert "people expect the pattern to work this way" in text and "Reply A or B" in text


def test_a_status_key_letter_is_no_option():
    from drafter.models import SourceLine, WorkLog

    lines = [SourceLine(number=i + 1, text=t) for i, t in enumerate(["## Task status key", "* (P)ending", "* (A)ctive",
                                                                     "* (C)ompleted", "* (D)eferred"])]
    assert options_from_lines(WorkLog(as_of=AS_OF, lines=lines)) == []
