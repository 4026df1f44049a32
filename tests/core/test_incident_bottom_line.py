"""The bottom line of incident and release-status updates: resolved / ongoing / over / delayed, the
root cause known or not, the open follow-ups with their owners (drafter/read/incident_state.py,
drafter/playbook/incident.py, drafter/engines/incident_lead.py).

Fixtures are lines of the real notes in evals/real/incident/ (source cited per fixture); the
ongoing case is made up (the corpus holds no incident still going on)."""

from __future__ import annotations

import datetime as dt

from drafter.criteria.text import first_sentence, statuses_in
from drafter.engines.offline import write_update
from drafter.models import IncidentState, Status
from drafter.playbook import build_plan
from drafter.playbook.incident import BOTTOM_LINES, pick
from drafter.read.offline import read_structured

# evals/real/incident/mybinder-2018-03-26-no-space-left.md (jupyterhub/mybinder.org-deploy, BSD-3-Clause), abridged
NO_SPACE = """# 2018-03-26, "no space left on device"

## Summary

A node became unhealthy, correlated with a flood of "no space left on device"
messages in the logs. Kubernetes noticed the issue and appeared to recover itself in 20 minutes. Binder launches were failing during this time.

## Timeline

### 2018-03-26 10:34

Launch success metric reaches 0%.

### 2018-03-26 10:55

Cluster self-heals and everything returns to normal, launch success back to 100%.

I suspect that node age is related to this, and we will see it every week or so as something accumulates on the nodes.
The root cause is still unknown.

## Action items

- [x] Add log metric for "Error creating user" message
- [ ] Enable SMTP for alerts from grafana metrics
- [ ] Investigate root cause of "no space left on device" messages
"""

# evals/real/incident/homebrew-2018-08-05-security-incident.md (Homebrew/brew.sh, BSD-2-Clause), abridged
HOMEBREW = """---
title: Security Incident Disclosure
---

On 31st July 2018 a security researcher identified a GitHub personal access token was leaked from Homebrew's Jenkins. Within a few hours the credentials had been revoked, replaced and sanitised within Jenkins.

### What was impacted

**To be explicit: no packages were compromised and no action is required by users due to this incident.**

### What we're doing about it

- We enabled branch protection and required reviews on additional repositories as mentioned above.
- We requested all Homebrew maintainers review and prune their personal access tokens and disable SMS fallback for 2FA.
"""

# evals/real/incident/wire-2023-01-04-website-dos-outage.md (wireapp/wire-docs, AGPL-3.0), abridged
WIRE = """# 2023-01-04 - Outage of wire.com caused by a DoS attack

## What happened?

On Tuesday, 2023-01-04, the Wire website wire.com was affected by an outage caused by a Denial-of-Service attack.

## Timeline

*2023-01-04 05:13*: The website monitor triggered an alert on a server issue.<br />
*2023-01-04/11:34*: Wire was informed about an attempted DoS attack on wire.com by the service provider which manually blocked the IP address in the process.<br />
"""

# evals/real/incident/freebsd-2018q3-release-engineering-status.md (freebsd/freebsd-quarterly, FreeBSD-DOC), abridged
FREEBSD = """## FreeBSD Release Engineering Team ##

The FreeBSD Release Engineering Team started the 12.0-RELEASE cycle August 10,
beginning with the code slush.  The code slush followed August 24, with the
*stable/12* branch expected to be created September 21.

However, due to unforseen circumstances related to upstream code that was
deemed necessary to include in 12.0-RELEASE, the schedule needed to be
adjusted several times.  At the end
of the quarter, the *stable/12* branch had not been created due to this delay.
"""

ONGOING = """# 2026-11-26 - API outage

## Summary

The API is still down for users in the EU region. We are still investigating.

## Timeline

### 2026-11-26 09:10

Error rate alert fired.
"""


def _update(notes: str, as_of: dt.date):
    plan = build_plan(read_structured(notes, as_of, genre="incident"))
    return plan, write_update(plan)


def test_resolved_with_unknown_root_cause_is_at_risk_and_says_so():
    plan, up = _update(NO_SPACE, dt.date(2018, 3, 27))
    state = plan.log.incident
    assert state.state == "resolved" and state.cause == "unknown"
    unknown = state.first("cause_unknown")
    lines = NO_SPACE.splitlines()
    assert any("root cause is still unknown" in lines[n - 1] for n in unknown.lines)  # cited line says it
    assert plan.overall == Status.AT_RISK  # was "On track"
    assert up.headline.startswith("Resolved, but the root cause is unknown (at risk): ")
    assert "Open follow-ups, no owner named: enable SMTP for alerts from grafana metrics" in up.headline
    assert statuses_in(first_sentence(up.headline))[0][0] == "at_risk"  # U1 reads the status


def test_resolved_with_an_owned_follow_up_names_its_owner():
    plan, up = _update(HOMEBREW, dt.date(2018, 8, 6))
    assert plan.log.incident.state == "resolved"
    assert plan.overall == Status.ON_TRACK
    assert up.headline.startswith("Resolved; follow-ups open (no blockers): On 31st July 2018 a security researcher")
    assert "(Homebrew maintainers)" in up.headline


def test_resolved_with_nothing_open_is_done_and_says_no_follow_up():
    plan, up = _update(WIRE, dt.date(2023, 1, 19))
    assert plan.log.incident.state == "resolved" and plan.log.incident.cause == "known"
    assert plan.overall == Status.DONE
    assert up.headline.startswith("Resolved; nothing left open (all done): On Tuesday, 2023-01-04")
    assert "No follow-up is open." in up.headline


def test_a_slipped_release_is_delayed_and_says_where_it_stands():
    plan, up = _update(FREEBSD, dt.date(2018, 10, 1))
    assert plan.log.incident.state == "delayed"
    assert plan.overall == Status.AT_RISK
    assert up.headline.startswith("Delayed (at risk): At the end of the quarter, the stable/12 branch had not been created")
    assert "expected to be created September 21" in up.headline


def test_an_ongoing_outage_is_at_least_blocked_never_on_track():
    plan, up = _update(ONGOING, dt.date(2026, 11, 26))
    assert plan.log.incident.state == "ongoing"
    assert plan.overall.severity >= Status.BLOCKED.severity
    assert up.headline.startswith("Not resolved, the service is down (blocked): ")
    # status never better than the worst item: the item the state rests on says so too
    assert max(ip.status.severity for ip in plan.items) >= Status.BLOCKED.severity


def test_bottom_line_rules_are_data_and_first_match_wins():
    resolved_unknown = IncidentState(state="resolved", cause="unknown")
    assert pick(resolved_unknown, has_follow_ups=True, down=False).floor == Status.AT_RISK
    assert pick(IncidentState(state="resolved", cause="known"), has_follow_ups=True, down=False).floor == Status.ON_TRACK
    assert pick(IncidentState(state="over"), has_follow_ups=False, down=False).floor == Status.DONE
    assert pick(IncidentState(state="ongoing"), has_follow_ups=False, down=False).floor == Status.AT_RISK
    # no rule lets an ongoing incident be on track or done
    assert all(r.floor.severity >= Status.AT_RISK.severity for r in BOTTOM_LINES if "ongoing" in r.states)


def test_notes_with_no_incident_state_keep_the_usual_bottom_line():
    notes = "## Notes\n\nWe met the team and talked about the roadmap.\n"
    plan = build_plan(read_structured(notes, dt.date(2026, 11, 26), genre="incident"))
    assert plan.log.incident is None and plan.incident is None


def test_the_bottom_line_is_cut_where_a_phrase_ends():
    # the real homebrew and pypi notes (evals/real/incident): the long first sentence was cut
    # mid-phrase ("... was leaked from Homebrew's…", "... relating to privileges granted to a PyPI…")
    from pathlib import Path

    real = Path(__file__).resolve().parents[2] / "evals" / "real" / "incident"
    for name, as_of in (("homebrew-2018-08-05-security-incident", dt.date(2018, 8, 6)),
                        ("pypi-2025-04-14-organization-team-privileges", dt.date(2025, 4, 15))):
        _, up = _update((real / f"{name}.md").read_text(), as_of)
        assert "…" not in up.headline and up.headline.rstrip().endswith(".")
