"""A digest of quoted first-person updates ("X writes of the Y project:" > the quote), in the forms
real ones take (written for this test after a weekly GSoC digest): a report with its subject left
off ("Implemented an encoder") is done; "I have started developing X" goes on; "I m now working on"
(a typo) and "Working on this week to make it stable" are doing; "I'd like to keep working on"
is a plan; "I'm away this week" is a risk; "we'll see how that works out" promises nothing; the
author's "my" is theirs."""

from __future__ import annotations

import datetime as dt

from drafter.read import read_notes

DIGEST = """# Last week in the summer program

I'm away this week, but will still try to do the usual merges while teaching a workshop; we'll see how that works out.

Dana Reyes writes of the [Audio project](https://example.org/audio):

> Implemented an encoder #4 that works at a 44.1kHz sampling rate.

Omar Haddad writes of the [Search project](https://example.org/search):

> I have started developing the advanced search page. Working on this week to make it more stable.

Lena Fischer writes of the [Locales project](https://example.org/locales):

> This week I cleaned up my locale settings and added translations to the login page.

Ravi Menon writes of the [Comments project](https://example.org/comments):

> This week I finished the answering system. I m now working on a new commenting system.

For my own part, I finished most of the editor work. I'd like to keep working on bugs before announcing a beta.
"""


def _log():
    return read_notes(DIGEST, as_of=dt.date(2016, 6, 21))


def _by_owner(kind: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for w in _log().items:
        for e in (w.commitments if kind == "open" else w.actions):
            who = e.owner if kind == "open" else e.actor
            out.setdefault(who or "", []).append(e.what if kind == "open" else e.text)
    return out


def test_a_report_without_its_subject_is_done():
    assert any(t.startswith("Implemented an encoder #4") for t in _by_owner("done").get("Dana Reyes", [])), _by_owner("done")


def test_started_and_working_on_are_doing_not_done():
    open_ = _by_owner("open")
    assert open_.get("Omar Haddad") == ["continue developing the advanced search page", "make it more stable"], open_
    assert open_.get("Ravi Menon") == ["work on a new commenting system"], open_
    assert not [t for t in _by_owner("done").get("Omar Haddad", []) if "started" in t], _by_owner("done")


def test_the_writers_plan_away_week_and_no_promise():
    log = _log()
    risks = [r.text for w in log.items for r in w.risk_notes]
    assert any(r.startswith("I'm away this week") for r in risks), risks
    open_ = [c.what for w in log.items for c in w.commitments]
    assert "keep working on bugs before announcing a beta" in open_, open_
    assert not [c for c in open_ if c.startswith("see how")], open_


def test_an_authors_my_is_theirs():
    done = _by_owner("done").get("Lena Fischer", [])
    assert done and "their locale settings" in done[0] and "my " not in done[0], done
