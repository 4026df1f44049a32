"""Fact recall, Lead-N and unsupported content in runs, reports and `eval compare`."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from drafter.eval import compare_runs, load_run, run_suite
from drafter.eval.cases import load_case_file
from drafter.eval.junit import junit_xml
from drafter.eval.report_html import comparison_html, run_html
from drafter.eval.store import RunStore, StoredUnit

GOLD_SUITE = """\
format: drafter-eval/1
cases:
  - id: node-outage
    as_of: 2018-03-27
    artefacts: [update]
    origin: {repo: example/ops, path: incident.md, commit: abcdef1, license: MIT, genre: incident}
    notes: |
      # Outage 2018-03-26
      Launch success reached 0% at 10:34 on 2018-03-26; the cluster self-healed at 10:55.
      We cordoned the node with the error.
      The root cause is still unknown.
      - [ ] Enable SMTP for alerts from grafana metrics
    annotations:
      commitments: [{what: enable SMTP for alerts from grafana metrics, owner: team}]
    gold:
      - {id: f1, kind: outcome, weight: 3, when: 2018-03-26, text: launches failed, match: ["launch", "0%|fail"]}
      - {id: f2, kind: done, weight: 2, text: node cordoned, match: ["cordon"]}
      - {id: f3, kind: risk, weight: 3, text: root cause unknown, match: ["root cause", "unknown"]}
      - {id: f4, kind: action, weight: 2, text: SMTP alerts open, match: ["SMTP|email", "alert"]}
  - id: no-annotations
    as_of: 2026-11-25
    artefacts: [update]
    notes: |
      Mon: emailed Dana at Acme for the Q3 docs, needed for the board meeting next Tue. No reply yet.
"""


def _suite(tmp_path):
    d = tmp_path / "suite"
    d.mkdir()
    (d / "real.yaml").write_text(GOLD_SUITE, encoding="utf-8")
    return d


def test_a_run_stores_measures_and_every_report_shows_them(tmp_path):
    result = run_suite(_suite(tmp_path), engine="offline", runs_dir=tmp_path / "runs", name="m")
    unit = next(u for u in result.units if u.case_id == "node-outage")
    stored = unit.meta["measures"]
    assert set(stored) >= {"recall", "lead_n", "unsupported", "facts", "unsupported_terms", "annotations"}
    assert 0 <= stored["recall"] <= 1 and 0 <= stored["lead_n"] <= 1
    assert [f["id"] for f in stored["facts"]] == ["f1", "f2", "f3", "f4"]
    for f in stored["facts"]:  # a stated fact shows the draft sentence that states it
        assert (f["evidence"] is not None) == f["stated"]
        if f["stated"]:
            assert f["evidence"].split()[0].lower() in unit.text.lower()

    s = load_run("m", tmp_path / "runs").summary()
    ms = s["measures"]
    assert ms["overall"]["units"] == 2 and ms["overall"]["with_gold"] == 1
    assert set(ms["artefacts"]) == {"update"} and set(ms["genres"]) == {"incident"}
    assert ms["annotations_derived"] == ["no-annotations"]  # the case without annotations is named
    assert ms["overall"]["units_with_unsupported"] == sum(1 for r in ms["units"] if r["unsupported"])
    json.dumps(s)  # the JSON output holds it all

    xml = junit_xml(load_run("m", tmp_path / "runs"))
    root = ET.fromstring(xml)
    names = [tc.get("name") for tc in root.iter("testcase")]
    assert names.count("fact-recall") == 2 and names.count("unsupported") == 2
    skipped = [tc for tc in root.iter("testcase") if tc.get("name") == "fact-recall" and tc.find("skipped") is not None]
    assert len(skipped) == 1  # no gold facts: recall is skipped, not passed

    page = run_html(load_run("m", tmp_path / "runs"))
    assert 'id="measures"' in page and "Lead-N" in page and "fact recall" in page


def _store(path, case, texts):
    with RunStore(path) as st:
        st.set_meta("created_at", "2026-12-01T00:00:00+00:00")
        st.set_meta("engine", "test")
        st.save_cases([case])
        for i, t in enumerate(texts):
            st.save_unit(StoredUnit(case_id=case.id, artefact="update", rep=i, status="ok", text=t))


def test_compare_runs_a_paired_test_on_recall_and_unsupported(tmp_path):
    case = load_case_file(_suite(tmp_path) / "real.yaml")[0]
    weak = ["Everything is fine.", "We cordoned a node.", "All good, done by Fri 30 Mar."] * 3
    strong = ["Launches failed (0%) on 2018-03-26. We cordoned the node. The root cause is still unknown.",
              "We cordoned the node. The root cause is still unknown. SMTP alerts are open.",
              "Launch success hit 0% on Mon 26 Mar; we cordoned the node; SMTP alerts for grafana are open."] * 3
    runs = tmp_path / "runs"
    runs.mkdir()
    _store(runs / "weak.sqlite", case, weak)
    _store(runs / "strong.sqlite", case, strong)
    comp = compare_runs("weak", "strong", runs_dir=runs)
    rec = next(m for m in comp.measures if m.id == "recall")
    uns = next(m for m in comp.measures if m.id == "unsupported")
    assert rec.pairs == 9 and rec.cand_mean > rec.base_mean and rec.improved == 9 and rec.worsened == 0
    assert rec.p_value < 0.01 and rec.verdict == "better"  # exact Wilcoxon: 9 of 9 pairs improved
    assert rec.base_lead is not None and rec.ci_low > 0
    assert uns.pairs == 9 and uns.p_value <= 1
    back = compare_runs("strong", "weak", runs_dir=runs)
    assert next(m for m in back.measures if m.id == "recall").verdict == "worse" and back.verdict == "worse"
    d = comp.to_dict()
    assert {m["id"] for m in d["measures"]} == {"recall", "unsupported"}
    assert "p (Wilcoxon)" in comparison_html(comp)


def test_the_terminal_table_and_compare_show_the_measures(tmp_path):
    from typer.testing import CliRunner

    from drafter.cli import app

    case = load_case_file(_suite(tmp_path) / "real.yaml")[0]
    runs = tmp_path / "runs"
    runs.mkdir()
    _store(runs / "a.sqlite", case, ["We cordoned a node."] * 3)
    _store(runs / "b.sqlite", case, ["We cordoned the node. The root cause is still unknown."] * 3)
    cli = CliRunner()
    r = cli.invoke(app, ["eval", "show", "a", "--runs-dir", str(runs)])
    assert r.exit_code == 0, r.output
    assert "fact recall" in r.output and "Lead-N" in r.output and "genre:incident" in r.output
    assert "per case" in r.output and "node-outage/update/0" in r.output
    r = cli.invoke(app, ["eval", "compare", "a", "b", "--runs-dir", str(runs)])
    assert r.exit_code == 0, r.output
    assert "fact recall" in r.output and "Wilcoxon" in r.output and "Lead-N baseline" in r.output
