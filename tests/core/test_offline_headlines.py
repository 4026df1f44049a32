"""Offline engine headlines for an all-done update: owner's voice and the next milestone."""

from __future__ import annotations

import datetime as dt

from drafter.engines.offline import write_update
from drafter.models import Status
from drafter.read.personal import parse_personal
from drafter.playbook import build_plan

AS_OF = dt.date(2026, 11, 27)


def test_all_done_headline_is_first_person_and_names_the_next_milestone():
    notes = "hit 500 paying customers today\nnothing blocked, next milestone is the partner launch Tue 8 Dec\n"
    up = write_update(build_plan(parse_personal(notes, AS_OF)))
    assert up.overall == Status.DONE
    assert "I have nothing open" in up.headline
    assert "partner launch on Tue 8 Dec" in up.headline


def test_all_done_headline_without_a_milestone_has_no_next_up():
    up = write_update(build_plan(parse_personal("Released v3.2 on Mon 23 Nov, no incidents.", AS_OF)))
    assert up.overall == Status.DONE and "Next up" not in up.headline


def test_item_lines_do_not_repeat_the_item_name():
    from drafter.engines.offline import without_title

    title = "Firewall rule for the SFTP"
    assert without_title("email Omar to chase the firewall rule for the SFTP", title) == "email Omar to chase it"
    assert without_title("still waiting on Omar for the firewall rule for the SFTP", title) == "still waiting on Omar"
    assert without_title("ask Wen what is needed to unblock Search rewrite", "Search rewrite") == (
        "ask Wen what is needed to unblock Search rewrite")  # short names stay
    assert without_title("finish the annual budget plan", "Annual budget plan") == "finish it"


def test_slack_update_with_one_wait_fits_its_cap():
    from drafter.models import DraftOptions, OutputFormat
    from drafter.render import render, word_count

    notes = ("Omar [9:14 AM]: firewall rule for the SFTP still not opened on our side\n"
             "me [9:20 AM]: we need it for the go-live Mon 30 Nov, any ETA?\n")
    up = write_update(build_plan(parse_personal(notes, dt.date(2026, 11, 25))))
    text = render(up, OutputFormat.SLACK, DraftOptions())
    assert word_count(text) <= 80, text
    assert "Omar" in text


def test_reported_we_statements_are_done_not_open_promises():
    """An ownerless 'commitment' that reports a thing done ('We enabled ...') is listed as done; a
    sign-off ('Thanks for using ...') is no promise; 'We need more help' stays as the notes say it."""
    from drafter.engines.update_writer import promise_kind
    from drafter.models import Commitment

    def c(what):
        return Commitment(what=what, owner="", state="open")

    assert promise_kind(c("We enabled branch protection on more repositories")) == "done"
    assert promise_kind(c("We have for several years enabled 2FA")) == "done"
    assert promise_kind(c("Thanks for using Homebrew")) == "none"
    assert promise_kind(c("We need more help to improve security")) == "promise"
    assert promise_kind(Commitment(what="We enabled it", owner="Sam", state="open")) == "promise"


def test_on_track_headline_with_nothing_to_do_leads_with_the_news_not_a_heading():
    import datetime as dt

    from drafter import Drafter

    notes = ("# Outage 2022-06-02\n\n## Summary\nA bug in the GKE resource quota was preventing the prod hub from "
             "creating new pods.\n\n## Action items\n- Uptime and alerting issue\n")
    head = Drafter(engine="offline").draft("update", notes, as_of=dt.date(2022, 6, 3)).render("text").split("\n")[0]
    # no stock "no open waits or missed dates": the state leads the notes' own news, said once
    assert head.startswith("No blockers: A bug in the GKE resource quota"), head
    assert head.count("GKE resource quota") == 1 and "no open waits" not in head
    assert "the Action items" not in head
    assert "GKE resource quota" in head
