"""The day an incident update gives the incident (drafter/playbook/incident.py incident_day): the
title's date when the timeline confirms it, else the day most timeline entries fall on, never a
precursor entry days before; over several days the headline dates the incident, not the sentence."""

from __future__ import annotations

import datetime as dt

from drafter.engines.offline import write_update
from drafter.playbook import build_plan
from drafter.read.offline import read_structured

# /work/helpers/fresh2/postmortem-dfds-total-node-failure.md (dfds/postmortems, MIT), abridged
DFDS = """# Total node failure

## Summary

Due to Kubernetes logs not being shipped to CloudWatch, an unscheduled node rollover was triggered to remedy that. This meant that the cluster was left without any nodes.

## Timeline

| Time             | Event |
| :--------------- | ----- |
| 2023-02-13 07:30 | Scheduled node rollover initiated and containerd had been set as the default container runtime accidentally |
| 2023-02-14 09:33 | End-users alerted us that CloudWatch logs weren't working as expected |
| 2023-02-14 10:46 | Healthy nodes all gets killed |
| 2023-02-14 10:48 | We have no nodes |
| 2023-02-14 11:08 | Follow-up mail indicating service restored |

## Action Items

- Document rollover process
"""

# /work/helpers/fresh/postmortem-edgi-tls-certs-2018-10-30.md (edgi-govdata-archiving/web-monitoring-ops, GPL-3.0), abridged
EDGI = """# 2018-10-30: Incorrect TLS Certificates deployed to staging and production.

## Summary

During the initial deployment of the production namespace to the Kubernetes cluster, @jsnshrmn made configuration changes to the load balancers outside of kubectl.

## Timeline

### 2018-10-08 ~18:10

We hit a snag with getting appropriate TLS certificates provisioned.

### 2018-10-30 19:00

Sentry began sending alerts because versionista-scraper was encountering ssl errors.

### 2018-10-30 19:30

@jsnshrmn manually updates the certificates. Services are restored.

## Action Items

- @jsnshrmn will identify and implement a basic service deployment test procedure
"""

# evals/real/incident/mybinder-2022-06-02-pod-limit.md: a title date copied from another report
POD = """# 2022-01-27, pod limit reached

## Summary

A bug in the GKE resource quota was preventing the `prod` hub from creating new pods.
When we deleted the `gke-resource-quotas` `resourcequota` in k8s, things went back to normal.

## Timeline

### 2022-06-02 10:00 - Problem starts

mybinder.org stopped successfully launching any new pods.
"""


def _plan(notes: str, as_of: dt.date):
    return build_plan(read_structured(notes, as_of, genre="incident"))


def test_the_day_most_timeline_entries_fall_on_not_a_precursor():
    plan = _plan(DFDS, dt.date(2023, 2, 15))
    assert plan.incident.on == dt.date(2023, 2, 14)
    head = write_update(plan).headline
    assert "14 Feb" in head and "13 Feb" not in head


def test_the_title_date_confirmed_by_the_timeline_wins():
    plan = _plan(EDGI, dt.date(2018, 10, 31))
    assert plan.incident.on == dt.date(2018, 10, 30)
    head = write_update(plan).headline
    # the summary's sentence tells 8 Oct: the headline dates the incident, never "On Tue 30 Oct, during the initial deployment"
    assert "Incident of Tue 30 Oct: during the initial deployment" in head
    assert "On Tue 30 Oct" not in head and "8 Oct" not in head


def test_a_title_date_the_timeline_does_not_hold_is_not_trusted():
    plan = _plan(POD, dt.date(2022, 6, 3))
    assert plan.incident.on == dt.date(2022, 6, 2)
    assert "On Thu 2 Jun, a bug" in write_update(plan).headline


# /work/helpers/fresh2/postmortem-dfds-total-node-failure.md (dfds/postmortems, MIT), its action items
DFDS_ACTIONS = """# Total node failure

## Summary

The cluster was left without any nodes. Multiple node rollover attempts later, the cluster was back in a working state.

## Timeline

| Time             | Event |
| :--------------- | ----- |
| 2023-02-14 11:08 | Follow-up mail indicating service restored |

## Action Items

- Document rollover process. Especially what can be done in case it goes bad
- Investigate options for improving rollover process
- Add coverage for fluentd to QA test suite. Ensure that logs from A to Z is covered
- Add alarms for fluentd in case not enough/no log data is being sent
- Implement staging environment
- Implement guards against invalid container runtime selection (done)
"""


def test_one_follow_up_per_listed_item_and_a_done_one_is_not_open():
    plan = _plan(DFDS_ACTIONS, dt.date(2023, 2, 15))
    fus = plan.incident.follow_ups
    assert len(fus) == 5
    assert fus[0].what == "Document rollover process, especially what can be done in case it goes bad"
    assert not any("guards" in f.what for f in fus)
    assert any("guards" in a.text for it in plan.log.items for a in it.actions)
    head = write_update(plan).headline
    shown = head.split("no owner named: ", 1)[1]
    more = int(shown.rsplit("; and ", 1)[1].split()[0]) if "; and " in shown else 0
    assert more + shown.rsplit("; and ", 1)[0].count("; ") + 1 == 5


def test_timeline_entries_read_as_timeline_never_as_done():
    from drafter.models import DraftOptions
    from drafter.render import render

    plan = _plan(DFDS, dt.date(2023, 2, 15))
    text = render(write_update(plan), "markdown", DraftOptions(max_words=2000))
    assert "Done: 07:30" not in text and "Done: 09:33" not in text
    assert "Timeline: 07:30 Scheduled node rollover initiated" in text and "Timeline: 09:33 End-users alerted us" in text
