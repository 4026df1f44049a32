"""The eval reports printed to the terminal (rich tables): a run's criteria, fact recall, Lead-N and
unsupported content, and a comparison of two runs with its flipped units side by side."""

from __future__ import annotations

import sys


def _console(stderr: bool = False):
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    return Console(file=stream, width=None if stream.isatty() else 120, highlight=False)


def _pct(x) -> str:
    return "-" if x is None else f"{100 * x:.0f}%"


def print_run(result, *, show_failures: int = 0, show_all: bool = False) -> None:
    from rich.table import Table

    s = result.summary()
    con = _console()
    t = Table(title=f"run {s['run_id']} · engine {s['engine']}" + (f" · {s['model']}" if s["model"] else ""))
    ms = s["measures"]
    for col, just in (("criterion", "left"), ("kind", "left"), ("pass rate", "right"), ("95% CI", "right"),
                      ("passed/n", "right"), ("n/a", "right"), ("recall pass/fail", "right"),
                      ("unsupp. pass/fail", "right")):
        t.add_column(col, justify=just)
    idle = [c["id"] for c in s["criteria"] if not c["n"]]
    for c in s["criteria"]:
        if not c["n"] and not show_all:
            continue
        ci = "-" if not c["n"] else f"{_pct(c['ci_low'])}-{_pct(c['ci_high'])}"
        rate = _pct(c["rate"])
        if c["rate"] is not None and c["rate"] < 0.9:
            rate = f"[red]{rate}[/red]"
        pc = ms["criteria"].get(c["id"], {})
        rec = f"{_pct(pc.get('pass', {}).get('recall'))}/{_pct(pc.get('fail', {}).get('recall'))}"
        uns = f"{_num(pc.get('pass', {}).get('unsupported_mean'))}/{_num(pc.get('fail', {}).get('unsupported_mean'))}"
        t.add_row(c["id"], c["kind"] or "", rate, ci, f"{c['passed']}/{c['n']}", str(c["not_applicable"]), rec, uns)
    con.print(t)
    js = s.get("judge") or {}
    if js.get("asked"):
        con.print(f"judge: {js['asked']} answers, {js['scored']} scored, {js['unscored']} unscored "
                  f"({_pct(js['unscored_rate'])}; unparsable, not yes/no, or a quote not in the draft — never counted as fails)")
    print_measures(ms, con)
    if idle and not show_all:
        judge = [i for i in idle if next(c for c in s["criteria"] if c["id"] == i)["kind"] == "judge"]
        other = [i for i in idle if i not in judge]
        if judge:
            con.print(f"not run: {len(judge)} judge criteria (pass --judge to run them)")
        if other:
            con.print(f"not applicable to any unit: {', '.join(other)}")
    a = Table(title="per artefact")
    for col in ("artefact", "units", "errors", "checks passed", "units passing all"):
        a.add_column(col, justify="left" if col == "artefact" else "right")
    for r in s["artefacts"]:
        a.add_row(r["artefact"], str(r["units"]), str(r["errors"]), _pct(r["rate"]), f"{r['all_pass_units']}/{r['ok']}")
    con.print(a)
    lat, calls = s["latency_ms"], s["calls"]
    ms = lambda v: "-" if v is None else f"{v:.0f} ms"  # noqa: E731
    con.print(
        f"units {s['units_done']}/{s['units_total']} · errors {len(s['errors'])} · latency p50 {ms(lat['p50'])}, "
        f"p90 {ms(lat['p90'])} · tokens in {s['tokens_in']}, out {s['tokens_out']}"
    )
    if calls["wall_s"] is not None:
        con.print(
            f"this invocation: {calls['drafts_generated']} drafted ({calls['model_calls']} model calls), "
            f"{calls['cache_hits']} from cache, {calls['resumed_units']} already done · {calls['wall_s']:.1f}s"
        )
    for e in s["errors"][:10]:
        con.print(f"[magenta]error[/magenta] {e['unit']}: {e['error']}", markup=True)
    if show_failures:
        shown = 0
        for u in result.units:
            for c in u.failed_checks:
                if shown >= show_failures:
                    break
                con.print(f"[red]FAIL[/red] {c.id} {u.case_id}/{u.artefact}/r{u.rep}: {c.detail or ''} "
                          f"— evidence: {c.evidence or '-'}", markup=True)
                shown += 1
    con.print(f"stored: {s['path']}")


def _num(x) -> str:
    return "-" if x is None else f"{x:.1f}"


def print_measures(ms: dict, con, *, per_case: bool = True) -> None:
    """Fact recall, Lead-N and unsupported content: per artefact, per genre, per case."""
    from rich.table import Table

    if not ms["units"]:
        return
    t = Table(title="fact recall (weighted share of gold facts stated), Lead-N baseline, unsupported content "
                    "(drafts with any; terms per draft; by kind: person/date/number/id/task)")
    t.add_column("", no_wrap=True, min_width=18)
    for col in ("drafts", "gold", "recall", "95% CI", "Lead-N", "<Lead-N", "unsupp.", "per draft", "p/d/n/id/task"):
        t.add_column(col, justify="right", no_wrap=True)

    def row(label: str, a: dict) -> None:
        ci = "-" if a["recall"] is None else f"{_pct(a['recall_ci_low'])}-{_pct(a['recall_ci_high'])}"
        k = a["unsupported_by_kind"]
        t.add_row(label, str(a["units"]), str(a["with_gold"]), _pct(a["recall"]), ci, _pct(a["lead_n"]),
                  str(a["below_lead_n"]), f"{a['units_with_unsupported']}/{a['units']}", _num(a["unsupported_mean"]),
                  "/".join(str(k[x]) for x in ("person", "date", "number", "id", "task")))

    row("all", ms["overall"])
    for name, a in ms["artefacts"].items():
        row(name, a)
    for name, a in ms["genres"].items():
        row(f"genre:{name}", a)
    con.print(t)
    if per_case:
        c = Table(title="per case")
        for col in ("unit", "recall", "Lead-N", "unsupported", "missed facts (weight)", "first unsupported"):
            c.add_column(col, justify="right" if col in ("recall", "Lead-N", "unsupported") else "left")
        for r in ms["units"]:
            missed = ", ".join(f"{f['id']}({f['weight']})" for f in r["facts"] if not f["stated"])
            first = r["unsupported_terms"][0] if r["unsupported_terms"] else None
            c.add_row(r["unit"], _pct(r["recall"]), _pct(r["lead_n"]), str(r["unsupported"]), missed or "-",
                      f"{first['kind']} {first['text'][:40]!r}" if first else "-")
        con.print(c)
    if ms["annotations_derived"]:
        con.print(f"annotations derived by the parser (the case has none): {', '.join(ms['annotations_derived'])}")


def print_comparison(comp, *, max_flips: int = 20) -> None:
    from rich.table import Table

    con = _console()
    t = Table(title=f"{comp.baseline.run_id} -> {comp.candidate.run_id} · {comp.paired_units} paired units")
    for col in ("criterion", "baseline", "candidate", "delta", "fixed", "broke", "p (McNemar)", "verdict"):
        t.add_column(col, justify="left" if col in ("criterion", "verdict") else "right")
    not_scored = [c.id for c in comp.criteria if not c.base_n and not c.cand_n]
    for c in comp.criteria:
        if c.id in not_scored:
            continue
        delta = "-" if c.delta is None else f"{100 * c.delta:+.0f} pts"
        colour = {"better": "green", "worse": "red"}.get(c.verdict)
        verdict = f"[{colour}]{c.verdict}[/{colour}]" if colour else c.verdict
        t.add_row(c.id, f"{_pct(c.base_rate)} ({c.base_passed}/{c.base_n})",
                  f"{_pct(c.cand_rate)} ({c.cand_passed}/{c.cand_n})", delta, str(c.c), str(c.b),
                  f"{c.p_value:.3g}", verdict)
    con.print(t)
    if comp.measures:
        m = Table(title="measures over the same pairs (Wilcoxon signed-rank on per-unit differences)")
        for col in ("measure", "pairs", "baseline", "candidate", "delta", "95% CI (bootstrap)", "better", "worse",
                    "p (Wilcoxon)", "verdict"):
            m.add_column(col, justify="left" if col in ("measure", "verdict") else "right", no_wrap=col == "measure")
        for d in comp.measures:
            show = _pct if d.id == "recall" else _num
            delta = "-" if d.delta is None else (f"{100 * d.delta:+.0f} pts" if d.id == "recall" else f"{d.delta:+.2f}")
            ci = "-" if d.ci_low is None else (f"{100 * d.ci_low:+.0f}..{100 * d.ci_high:+.0f}" if d.id == "recall"
                                               else f"{d.ci_low:+.2f}..{d.ci_high:+.2f}")
            colour = {"better": "green", "worse": "red"}.get(d.verdict)
            verdict = f"[{colour}]{d.verdict}[/{colour}]" if colour else d.verdict
            label = "fact recall" if d.id == "recall" else "unsupported terms/unit"
            m.add_row(label, str(d.pairs), show(d.base_mean), show(d.cand_mean), delta, ci, str(d.improved),
                      str(d.worsened), f"{d.p_value:.3g}", verdict)
            if d.id == "recall":
                m.add_row("  Lead-N baseline", str(d.pairs), _pct(d.base_lead), _pct(d.cand_lead), "", "", "", "", "", "")
        con.print(m)
    if not_scored:
        con.print(f"not scored in either run: {', '.join(not_scored)} (judge criteria need --judge)")
    con.print(f"overall: {comp.verdict}")
    if comp.only_baseline or comp.only_candidate:
        con.print(f"unpaired units: {len(comp.only_baseline)} only in baseline, {len(comp.only_candidate)} only in candidate")
    for f in comp.flips[:max_flips]:
        from rich.columns import Columns
        from rich.panel import Panel

        ev = f.candidate_evidence if f.direction == "broke" else f.baseline_evidence
        con.print(f"\n[bold]{f.criterion} {f.direction}[/bold] {'/'.join(map(str, f.unit))} — evidence: {ev or '-'}",
                  markup=True)
        con.print(Columns([Panel(f.baseline_text or "", title="baseline", width=58),
                           Panel(f.candidate_text or "", title="candidate", width=58)]))
    if len(comp.flips) > max_flips:
        con.print(f"... {len(comp.flips) - max_flips} more flips (use --format json or --html)")
