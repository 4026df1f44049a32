"""JUnit XML for CI: one testcase per (case, artefact, criterion); failures carry the evidence."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from .results import RunResult, criterion_sort_key


def junit_xml(result: RunResult) -> str:
    """The run as a JUnit XML document (one testsuite per artefact kind)."""
    root = ET.Element("testsuites", name=f"drafter eval {result.run_id}")
    multi = int(result.meta.get("repeat") or 1) > 1
    suites: dict[str, ET.Element] = {}
    totals: dict[str, list[int]] = {}

    def suite(kind: str) -> ET.Element:
        if kind not in suites:
            suites[kind] = ET.SubElement(root, "testsuite", name=f"drafter.eval.{kind}")
            totals[kind] = [0, 0, 0, 0]  # tests, failures, errors, skipped
        return suites[kind]

    for u in sorted(result.units, key=lambda u: u.key):
        s = suite(u.artefact)
        t = totals[u.artefact]
        classname = f"{u.artefact}.{u.case_id}" + (f".r{u.rep}" if multi else "")
        if u.status == "error":
            tc = ET.SubElement(s, "testcase", classname=classname, name="draft")
            ET.SubElement(tc, "error", message=(u.error or "error")[:500], type="DraftError").text = u.error
            t[0] += 1
            t[2] += 1
            continue
        for c in sorted(u.checks, key=lambda c: criterion_sort_key(c.id)):
            tc = ET.SubElement(s, "testcase", classname=classname, name=c.id)
            t[0] += 1
            if c.passed is None:
                ET.SubElement(tc, "skipped", message=c.detail or "not applicable")
                t[3] += 1
            elif not c.passed:
                msg = c.detail or c.evidence or "failed"
                body = f"evidence: {c.evidence or '-'}\ndetail: {c.detail or '-'}\n\n--- draft ---\n{u.text or ''}"
                ET.SubElement(tc, "failure", message=msg[:500], type=c.id).text = body
                t[1] += 1
        m = result.measures_of(u)
        if m is not None:
            _measure_cases(s, t, classname, m)
    for kind, s in suites.items():
        tests, failures, errors, skipped = totals[kind]
        s.set("tests", str(tests))
        s.set("failures", str(failures))
        s.set("errors", str(errors))
        s.set("skipped", str(skipped))
    root.set("tests", str(sum(t[0] for t in totals.values())))
    root.set("failures", str(sum(t[1] for t in totals.values())))
    root.set("errors", str(sum(t[2] for t in totals.values())))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _measure_cases(s: ET.Element, t: list[int], classname: str, m: dict) -> None:
    """Two testcases per draft: fact recall (fails below its Lead-N baseline) and unsupported content."""
    tc = ET.SubElement(s, "testcase", classname=classname, name="fact-recall")
    t[0] += 1
    rec, lead = m.get("recall"), m.get("lead_n")
    if rec is None:
        ET.SubElement(tc, "skipped", message="the case has no gold facts")
        t[3] += 1
    else:
        missed = [f for f in m.get("facts", []) if not f["stated"]]
        stated = [f for f in m.get("facts", []) if f["stated"]]
        summary = f"fact recall {rec:.2f} (Lead-N {lead:.2f}); {len(missed)} of {len(m.get('facts', []))} facts missed"
        body = "\n".join([summary] + [f"missed {f['id']} (weight {f['weight']}): {f['text']}" for f in missed]
                         + [f"stated {f['id']}: {f['evidence']}" for f in stated])
        if lead is not None and rec < lead:
            ET.SubElement(tc, "failure", message=f"{summary}: below the Lead-N baseline", type="fact-recall").text = body
            t[1] += 1
        else:
            ET.SubElement(tc, "system-out").text = body
    tc = ET.SubElement(s, "testcase", classname=classname, name="unsupported")
    t[0] += 1
    terms = m.get("unsupported_terms", [])
    if terms:
        msg = f"{len(terms)} unsupported: " + "; ".join(f"{x['kind']} {x['text']!r}" for x in terms[:6])
        body = "\n".join(f"{x['kind']} {x['text']!r} in: {x['sentence']}" for x in terms)
        ET.SubElement(tc, "failure", message=msg[:500], type="unsupported").text = body
        t[1] += 1


def write_junit(result: RunResult, path: str | Path) -> Path:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    from ..errors import redact

    p.write_text(redact(junit_xml(result)), encoding="utf-8")
    return p
