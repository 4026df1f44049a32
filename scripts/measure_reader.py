"""Measure the offline reader on the real-notes corpus (``evals/real/<genre>/*.md`` + ``.yaml``).

For each case's hand-written ``gold:`` facts (kind, match regexes, lines), a fact is found when an
element of a fitting kind cites at least one of the fact's lines and its text (with its item's
title) matches every ``match`` regex. Owner + action pairs come from ``annotations.commitments``:
found when an extracted commitment shares half of the pair's longer words and names the owner.

    .venv/bin/python scripts/measure_reader.py            # the reader's raw output
    .venv/bin/python scripts/measure_reader.py --checked  # after the provenance check (what drafts see)
    .venv/bin/python scripts/measure_reader.py -v         # list the facts not found
    .venv/bin/python scripts/measure_reader.py --personal # the personal-notes parser, for comparison
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# which element kinds may state a gold fact of each kind
FAMILY = {
    "action": ["commitment"], "done": ["action"], "outcome": ["outcome", "action"],
    "decision": ["decision", "question", "outcome"], "risk": ["risk"], "wait": ["wait"],
    "question": ["question", "decision"], "deadline": ["commitment", "decision", "wait"],
    "alternative": ["option", "decision", "question"],
}
UNNAMED = {"team", "projects", "tac members", "everyone", "we", "all", "maintainers"}


def elements(log):
    """(kind, item title | text, lines, person) for every element of the work log."""
    for w in log.items:
        t = w.title + " | "
        for a in w.actions:
            yield "action", t + (a.actor or "") + " " + a.text, a.lines, a.actor
        for c in w.commitments:
            yield "commitment", t + (c.owner or "") + " " + c.what, c.lines, c.owner
        for x in w.waits:
            yield "wait", t + (x.on_whom or "") + " " + x.what, x.lines, x.on_whom
        for o in w.outcomes:
            yield "outcome", t + (o.who or "") + " " + o.text, o.lines, o.who
        for d in w.decisions:
            yield "decision", t + d.question + " " + " / ".join(d.options), d.lines, d.who
            for op in d.options:
                yield "option", op, d.lines, None
        for q in w.questions:
            yield "question", t + q.text, q.lines, q.asked_by
        for r in w.risk_notes:
            yield "risk", t + r.text, r.lines, None


def read(text: str, as_of: dt.date, how: str):
    if how == "personal":
        from drafter.read.personal import parse_personal

        return parse_personal(text, as_of)
    if how == "checked":
        from drafter.read import read_notes

        return read_notes(text, as_of)
    from drafter.read.offline import read_structured

    return read_structured(text, as_of)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--checked", action="store_true", help="measure after the provenance check")
    ap.add_argument("--personal", action="store_true", help="measure the personal-notes parser")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the facts and pairs not found")
    ap.add_argument("--corpus", default=str(ROOT / "evals" / "real"))
    args = ap.parse_args(argv)
    how = "personal" if args.personal else "checked" if args.checked else "raw"
    totals: dict[str, dict[str, int]] = {}
    for y in sorted(Path(args.corpus).glob("*/*.yaml")):
        case = yaml.safe_load(y.read_text())
        md = y.parent / case.get("notes_file", "")
        if not md.is_file():
            continue
        as_of = case["as_of"] if isinstance(case["as_of"], dt.date) else dt.date.fromisoformat(str(case["as_of"]))
        els = list(elements(read(md.read_text(), as_of, how)))
        g = totals.setdefault(y.parent.name, {"cases": 0, "facts": 0, "found": 0, "pairs": 0, "pairs_found": 0})
        g["cases"] += 1
        for f in case.get("gold", []):
            lines = set(f.get("lines", []))
            ok = any(k in FAMILY.get(f["kind"], []) and (not lines or set(ls) & lines)
                     and all(re.search(m, t, re.I) for m in f.get("match", [])) for k, t, ls, _ in els)
            g["facts"] += 1
            g["found"] += ok
            if args.verbose and not ok:
                print(f"  MISS {case['id'][5:40]:35} {f['kind']:11} {f['text'][:90]}")
        got = [(o or "", t) for k, t, _, o in els if k == "commitment"]
        for c in (case.get("annotations") or {}).get("commitments") or []:
            g["pairs"] += 1
            words = re.findall(r"[a-z]{4,}", c["what"].lower())[:6]
            hit = [o for o, t in got if sum(w in t.lower() for w in words) >= max(1, len(words) // 2)]
            owner = str(c.get("owner", "I"))
            unnamed = owner.lower() in UNNAMED
            if any(owner.split()[0].lower() in o.lower() or (unnamed and o.lower() in ("", "we", "team")) for o in hit):
                g["pairs_found"] += 1
            elif args.verbose:
                print(f"  PAIR {case['id'][5:40]:35} {owner}: {c['what'][:70]}")
    print(f"reader: {how}")
    for genre, g in totals.items():
        print(f"{genre:9} cases={g['cases']:2}  gold facts {g['found']:3}/{g['facts']:3} ({g['found'] / max(1, g['facts']):.0%})"
              f"  owner+action pairs {g['pairs_found']:2}/{g['pairs']:2}")


if __name__ == "__main__":
    main()
