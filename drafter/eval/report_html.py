"""One self-contained HTML file per run or comparison (inline CSS, no scripts, fonts or URLs).

Run report: summary table (pass rate per criterion with 95% CI), per-artefact table, errors, then
every draft with the evidence of each failed check highlighted in ``<mark>``. Comparison report:
the per-criterion deltas with McNemar p-values and the flipped units side by side.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .results import RunResult

_CSS = """
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:24px;color:#1d2330;background:#f6f7f9}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px;border-bottom:2px solid #d9dde5;padding-bottom:4px}
h3{font-size:15px;margin:0}
.meta{color:#5b6475;margin-bottom:16px}
table{border-collapse:collapse;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.08);margin-bottom:8px}
th,td{padding:5px 10px;border-bottom:1px solid #e6e8ee;text-align:left;vertical-align:top}
th{background:#eef1f6;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:inline-block;width:120px;height:10px;background:#e4e7ee;border-radius:5px;overflow:hidden;vertical-align:middle}
.bar span{display:block;height:100%;background:#2f9e62}
.low .bar span{background:#d9822b} .bad .bar span{background:#d64545}
.pass{color:#1f7a4a;font-weight:600} .fail{color:#c0392b;font-weight:600} .na{color:#8a92a3}
.better{color:#1f7a4a;font-weight:700} .worse{color:#c0392b;font-weight:700}
.unit{background:#fff;border:1px solid #dde1e8;border-radius:8px;margin:12px 0;padding:10px 14px}
.unit.failing{border-left:5px solid #d64545} .unit.passing{border-left:5px solid #2f9e62} .unit.error{border-left:5px solid #7d3cbd}
summary{cursor:pointer}
pre.draft{white-space:pre-wrap;word-wrap:break-word;background:#fbfbfc;border:1px solid #e6e8ee;border-radius:6px;padding:10px;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;margin:8px 0}
mark{background:#ffe066;padding:0 2px;border-radius:3px;outline:1px solid #e0b400}
ul.checks{margin:4px 0 0;padding-left:20px} ul.checks li{margin:2px 0}
.tag{display:inline-block;background:#eef1f6;border-radius:10px;padding:0 8px;margin-right:4px;font-size:12px;color:#4a5366}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.err{color:#7d3cbd;white-space:pre-wrap}
"""


def _e(x) -> str:
    return html.escape("" if x is None else str(x))


def _pct(x) -> str:
    return "–" if x is None else f"{100 * x:.0f}%"


def _bar(rate) -> str:
    if rate is None:
        return ""
    cls = "" if rate >= 0.9 else ("low" if rate >= 0.7 else "bad")
    return f'<span class="{cls}"><span class="bar"><span style="width:{100 * rate:.0f}%"></span></span></span>'


def _candidates(evidence: str) -> list[str]:
    """Spans to look for in the draft: the evidence itself, unquoted, then its quoted parts."""
    ev = evidence.strip()
    out = [ev, ev.strip("\"'“”‘’…. ")]
    out += re.findall(r"[\"“']([^\"”']{4,})[\"”']", ev)
    out += [p.strip() for p in re.split(r"\s*(?:;|\n|\.\.\.|…)\s*", ev) if len(p.strip()) >= 4]
    seen, uniq = set(), []
    for c in out:
        if len(c) >= 3 and c.lower() not in seen:
            seen.add(c.lower())
            uniq.append(c)
    return uniq


def highlight(text: str, marks: list[tuple[str, str]]) -> tuple[str, set[int]]:
    """Escape ``text`` and wrap each found evidence span in ``<mark title=label>``.

    ``marks``: (label, evidence). Returns the HTML and the indexes of marks that were found.
    """
    spans: list[tuple[int, int, str]] = []
    found: set[int] = set()
    low = text.lower()
    for i, (label, evidence) in enumerate(marks):
        if not evidence:
            continue
        for cand in _candidates(evidence):
            pos = low.find(cand.lower())
            if pos >= 0:
                spans.append((pos, pos + len(cand), label))
                found.add(i)
                break
    spans.sort()
    merged: list[list] = []
    for s, e, label in spans:
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
            if label not in merged[-1][2]:
                merged[-1][2].append(label)
        else:
            merged.append([s, e, [label]])
    out, at = [], 0
    for s, e, labels in merged:
        out.append(_e(text[at:s]))
        out.append(f'<mark title="{_e(", ".join(labels))}">{_e(text[s:e])}</mark>')
        at = e
    out.append(_e(text[at:]))
    return "".join(out), found


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{_e(title)}</title>"
        f"<style>{_CSS}</style></head><body>\n{body}\n</body></html>\n"
    )


def _summary_tables(summary: dict) -> str:
    rows = []
    for c in summary["criteria"]:
        ci = "–" if c["n"] == 0 else f"{_pct(c['ci_low'])}–{_pct(c['ci_high'])}"
        rows.append(
            f"<tr><td>{_e(c['id'])}</td><td>{_e(c['kind'])}</td><td>{_e(c['artefact'])}</td>"
            f"<td class=num>{_pct(c['rate'])}</td><td>{_bar(c['rate'])}</td><td class=num>{ci}</td>"
            f"<td class=num>{c['passed']}/{c['n']}</td><td class=num>{c['not_applicable']}</td></tr>"
        )
    crit = (
        '<table id="summary"><thead><tr><th>criterion</th><th>kind</th><th>artefact</th><th>pass rate</th><th></th>'
        "<th>95% CI</th><th>passed/n</th><th>n/a</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
    arows = "".join(
        f"<tr><td>{_e(a['artefact'])}</td><td class=num>{a['units']}</td><td class=num>{a['errors']}</td>"
        f"<td class=num>{_pct(a['rate'])}</td><td class=num>{a['all_pass_units']}/{a['ok']}</td></tr>"
        for a in summary["artefacts"]
    )
    arts = (
        '<table id="artefacts"><thead><tr><th>artefact</th><th>units</th><th>errors</th><th>checks passed</th>'
        "<th>units passing all</th></tr></thead><tbody>" + arows + "</tbody></table>"
    )
    lat, calls = summary["latency_ms"], summary["calls"]
    fmt_ms = lambda v: "–" if v is None else f"{v:.0f} ms"  # noqa: E731
    misc = (
        f"<p>latency p50 {fmt_ms(lat['p50'])}, p90 {fmt_ms(lat['p90'])} · tokens in {summary['tokens_in']}, "
        f"out {summary['tokens_out']} · units {summary['units_done']}/{summary['units_total']} · "
        f"errors {len(summary['errors'])}</p>"
    )
    return "<h2>Pass rate per criterion</h2>" + crit + "<h2>Per artefact</h2>" + arts + misc + _measures_tables(summary)


def _measures_tables(summary: dict) -> str:
    ms = summary.get("measures") or {}
    if not ms.get("units"):
        return ""

    def row(label: str, a: dict) -> str:
        k = a["unsupported_by_kind"]
        um = "–" if a["unsupported_mean"] is None else f"{a['unsupported_mean']:.1f}"
        ci = "–" if a["recall"] is None else f"{_pct(a['recall_ci_low'])}–{_pct(a['recall_ci_high'])}"
        return (f"<tr><td>{_e(label)}</td><td class=num>{a['units']}</td><td class=num>{a['with_gold']}</td>"
                f"<td class=num>{_pct(a['recall'])}</td><td>{_bar(a['recall'])}</td><td class=num>{ci}</td>"
                f"<td class=num>{_pct(a['lead_n'])}</td><td class=num>{a['below_lead_n']}</td>"
                f"<td class=num>{a['units_with_unsupported']}/{a['units']}</td>"
                f"<td class=num>{um}</td>"
                f"<td class=num>{k['person']}/{k['date']}/{k['number']}/{k['id']}/{k['task']}</td></tr>")

    rows = [row("all", ms["overall"])] + [row(a, v) for a, v in ms["artefacts"].items()]
    rows += [row(f"genre {g}", v) for g, v in ms["genres"].items()]
    head = ("<tr><th></th><th>units</th><th>with gold</th><th>fact recall</th><th></th><th>95% CI</th><th>Lead-N</th>"
            "<th>below Lead-N</th><th>units with unsupported</th><th>unsupported/unit</th>"
            "<th>person/date/number/id/task</th></tr>")
    out = '<h2>Fact recall, Lead-N, unsupported content</h2><table id="measures"><thead>' + head + "</thead><tbody>"
    out += "".join(rows) + "</tbody></table>"
    crow = []
    for cid, d in ms["criteria"].items():
        p, f = d.get("pass", {}), d.get("fail", {})
        crow.append(f"<tr><td>{_e(cid)}</td><td class=num>{_pct(p.get('recall'))} ({p.get('units', 0)})</td>"
                    f"<td class=num>{_pct(f.get('recall'))} ({f.get('units', 0)})</td></tr>")
    out += ('<table id="measures-criteria"><thead><tr><th>criterion</th><th>recall of units passing</th>'
            "<th>recall of units failing</th></tr></thead><tbody>" + "".join(crow) + "</tbody></table>")
    if ms["annotations_derived"]:
        out += f"<p>annotations derived by the parser (the case has none): {_e(', '.join(ms['annotations_derived']))}</p>"
    return out


def _measures_html(m: dict | None) -> str:
    """Per draft: recall vs Lead-N, the facts missed, each stated fact's sentence, unsupported terms."""
    if not m:
        return ""
    parts = []
    if m.get("recall") is not None:
        parts.append(f"<p><b>fact recall {_pct(m['recall'])}</b> (Lead-N {_pct(m['lead_n'])}, {m.get('words')} words)</p>")
        items = []
        for f in m.get("facts", []):
            if f["stated"]:
                items.append(f'<li><span class="pass">✓ {_e(f["id"])}</span> {_e(f["text"])} — “{_e(f["evidence"])}”</li>')
            else:
                items.append(f'<li><span class="fail">✗ {_e(f["id"])}</span> (weight {f["weight"]}) {_e(f["text"])}</li>')
        parts.append('<ul class="checks">' + "".join(items) + "</ul>")
    terms = m.get("unsupported_terms", [])
    parts.append(f"<p><b>unsupported content: {len(terms)}</b></p>")
    if terms:
        parts.append('<ul class="checks">' + "".join(
            f'<li><span class="fail">{_e(t["kind"])}</span> “{_e(t["text"])}” in: {_e(t["sentence"])}</li>' for t in terms)
            + "</ul>")
    return "".join(parts)


def _checks_list(checks, found: set[int]) -> str:
    items = []
    failed = [c for c in checks if c.passed is False]
    for i, c in enumerate(failed):
        where = "highlighted" if i in found else "not in the draft"
        items.append(
            f'<li><span class="fail">✗ {_e(c.id)}</span> {_e(c.detail or "")}'
            + (f' — evidence ({where}): “{_e(c.evidence)}”' if c.evidence else "")
            + "</li>"
        )
    passed = [c.id for c in checks if c.passed]
    na = [c.id for c in checks if c.passed is None]
    if passed:
        items.append(f'<li><span class="pass">✓</span> {_e(", ".join(passed))}</li>')
    if na:
        items.append(f'<li><span class="na">n/a: {_e(", ".join(na))}</span></li>')
    return '<ul class="checks">' + "".join(items) + "</ul>"


def _draft_html(unit) -> tuple[str, str]:
    failed = [c for c in unit.checks if c.passed is False]
    body, found = highlight(unit.text or "", [(f"{c.id}: {c.detail or ''}".strip(), c.evidence) for c in failed])
    return f'<pre class="draft">{body}</pre>', _checks_list(unit.checks, found)


def run_html(result: RunResult) -> str:
    """The HTML report of one run."""
    s = result.summary()
    cases = result.case_map
    parts = [
        f"<h1>drafter eval — {_e(result.run_id)}</h1>",
        f'<div class="meta">engine {_e(s["engine"])}{" · model " + _e(s["model"]) if s["model"] else ""}'
        f" · created {_e(s['created_at'])} · status {_e(s['status'])} · repeat {_e(s['repeat'])}</div>",
        _summary_tables(s),
    ]
    if result.errors:
        parts.append("<h2>Errors</h2><ul>" + "".join(
            f'<li><b>{_e("/".join(map(str, u.key)))}</b>: <span class="err">{_e(u.error)}</span></li>'
            for u in result.errors) + "</ul>")
    parts.append("<h2>Drafts</h2>")
    order = sorted(result.units, key=lambda u: (u.status != "error", not u.failed_checks, u.key))
    for u in order:
        case = cases.get(u.case_id)
        tags = "".join(f'<span class="tag">{_e(t)}</span>' for t in (case.tags if case else []))
        head = (f"<h3>{_e(u.case_id)} · {_e(u.artefact)}" + (f" · r{u.rep}" if u.rep else "") + "</h3>"
                f"{tags} {_e(case.description if case else '')}")
        if u.status == "error":
            parts.append(f'<section class="unit error" id="u-{_e(u.case_id)}-{_e(u.artefact)}-{u.rep}">{head}'
                         f'<p class="err">{_e(u.error)}</p></section>')
            continue
        draft, checks = _draft_html(u)
        checks += _measures_html(result.measures_of(u))
        cls = "failing" if u.failed_checks else "passing"
        nfail = len(u.failed_checks)
        status = f'<span class="fail">{nfail} failed</span>' if nfail else '<span class="pass">all passed</span>'
        parts.append(
            f'<section class="unit {cls}" id="u-{_e(u.case_id)}-{_e(u.artefact)}-{u.rep}">{head}'
            f'<details{" open" if nfail else ""}><summary>{status} — draft and checks</summary>{draft}{checks}'
            f"</details></section>"
        )
    return _page(f"drafter eval {result.run_id}", "\n".join(parts))


def comparison_html(comp) -> str:
    """The HTML report of a :class:`~drafter.eval.compare.Comparison`."""
    rows = []
    for c in comp.criteria:
        delta = "–" if c.delta is None else f"{100 * c.delta:+.0f} pts"
        rows.append(
            f"<tr><td>{_e(c.id)}</td><td class=num>{_pct(c.base_rate)} <small>({c.base_passed}/{c.base_n})</small></td>"
            f"<td class=num>{_pct(c.cand_rate)} <small>({c.cand_passed}/{c.cand_n})</small></td>"
            f"<td class=num>{delta}</td><td class=num>{c.pairs}</td><td class=num>{c.c}</td><td class=num>{c.b}</td>"
            f"<td class=num>{c.p_value:.3g}</td><td class=\"{c.verdict.split()[0]}\">{_e(c.verdict)}</td></tr>"
        )
    parts = [
        f"<h1>drafter eval compare — {_e(comp.baseline.run_id)} → {_e(comp.candidate.run_id)}</h1>",
        f'<div class="meta">paired units {comp.paired_units} · exact McNemar, α = {comp.alpha} · '
        f'overall: <span class="{comp.verdict.split()[0]}">{_e(comp.verdict)}</span></div>',
        '<h2>Per criterion</h2><table id="summary"><thead><tr><th>criterion</th><th>baseline</th><th>candidate</th>'
        "<th>delta</th><th>pairs</th><th>fixed</th><th>broke</th><th>p</th><th>verdict</th></tr></thead><tbody>"
        + "".join(rows) + "</tbody></table>",
        _comparison_measures(comp),
        f"<h2>Flipped ({len(comp.flips)})</h2>",
    ]
    for f in comp.flips:
        bt, _ = highlight(f.baseline_text or "", [(f.criterion, f.baseline_evidence)] if f.direction == "fixed" else [])
        ct, _ = highlight(f.candidate_text or "", [(f.criterion, f.candidate_evidence)] if f.direction == "broke" else [])
        side_fail = "baseline" if f.direction == "fixed" else "candidate"
        ev = f.baseline_evidence if f.direction == "fixed" else f.candidate_evidence
        det = f.baseline_detail if f.direction == "fixed" else f.candidate_detail
        cls = "passing" if f.direction == "fixed" else "failing"
        parts.append(
            f'<section class="unit {cls}"><h3>{_e(f.criterion)} {"fixed" if f.direction == "fixed" else "broke"} · '
            f'{_e("/".join(map(str, f.unit)))}</h3><p>fails in the {side_fail}: {_e(det or "")}'
            + (f" — evidence “{_e(ev)}”" if ev else "")
            + f'</p><div class="cols"><div><b>baseline</b><pre class="draft">{bt}</pre></div>'
            f'<div><b>candidate</b><pre class="draft">{ct}</pre></div></div></section>'
        )
    return _page(f"drafter eval compare {comp.baseline.run_id} {comp.candidate.run_id}", "\n".join(parts))


def _comparison_measures(comp) -> str:
    if not getattr(comp, "measures", None):
        return ""
    rows = []
    for d in comp.measures:
        rec = d.id == "recall"
        show = _pct if rec else (lambda x: "–" if x is None else f"{x:.2f}")
        delta = "–" if d.delta is None else (f"{100 * d.delta:+.0f} pts" if rec else f"{d.delta:+.2f}")
        lead = f" <small>(Lead-N {_pct(d.base_lead)} → {_pct(d.cand_lead)})</small>" if rec else ""
        rows.append(f"<tr><td>{'fact recall' if rec else 'unsupported terms per draft'}{lead}</td>"
                    f"<td class=num>{d.pairs}</td><td class=num>{show(d.base_mean)}</td><td class=num>{show(d.cand_mean)}</td>"
                    f"<td class=num>{delta}</td><td class=num>{d.improved}</td><td class=num>{d.worsened}</td>"
                    f"<td class=num>{d.p_value:.3g}</td><td class=\"{d.verdict.split()[0]}\">{_e(d.verdict)}</td></tr>")
    return ('<h2>Measures</h2><table id="measures"><thead><tr><th>measure</th><th>pairs</th><th>baseline</th>'
            "<th>candidate</th><th>delta</th><th>better</th><th>worse</th><th>p (Wilcoxon)</th><th>verdict</th></tr>"
            "</thead><tbody>" + "".join(rows) + "</tbody></table>")


def write_html(obj, path: str | Path) -> Path:
    """Write the report of a RunResult or a Comparison to ``path``."""
    doc = run_html(obj) if isinstance(obj, RunResult) else comparison_html(obj)
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    from ..errors import redact

    p.write_text(redact(doc), encoding="utf-8")
    return p
