"""Task-state markers other than markdown's boxes, rewritten line for line into ``[x]`` / ``[ ]``
boxes before the outline is built (the same line numbers; the words of each entry unchanged):

* org-mode: ``** TODO Write tutorial`` / ``*** DONE make methods on state`` are entries, nested
  by their stars; ``* Documentation`` (no keyword) is a heading; ``#+TITLE: X`` the title;
* a leading status word in capitals: ``**DONE**: Alex added blog ... to prometheus``,
  ``**TODO** a prometheus exporter on ZFS ...``, ``DOING the mongodb import ...`` (open);
* a box in parentheses: ``(X) #5  09/12/06  move code from fm into objects``, ``( ) #36 ...``;
* a trailing done mark: ``- Set up CloudWatch alarms for database resources. **(Done during this incident)**``;
* a list whose entries mix ``+`` and ``-`` markers (``+ on wish list page`` / ``- on profile page``):
  a todo file's done (``+``) and open (``-``) entries.
"""

from __future__ import annotations

import re

from .outline_tree import indent_of

_ORG_META = re.compile(r"^#\+(?P<k>[A-Za-z_]+):\s*(?P<v>.*)$")
_ORG_HEAD = re.compile(r"^(?P<stars>\*+)\s+(?:(?P<kw>TODO|DONE|DOING|NEXT|WAITING|CANCEL(?:L)?ED)\s+)?(?P<rest>\S.*)$")
_LEAD_WORD = re.compile(r"^(?P<ind>\s*(?:[-*+]\s+)?)(?:\*\*|__)?(?P<kw>DONE|TODO|DOING|WIP|IN PROGRESS)(?!\s+(?:lists?|items?)\b)(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s+(?P<rest>\S.*)$")
_PAREN_BOX = re.compile(r"^(?P<ind>\s*)\((?P<c>[xX✓✔ ])\)\s+(?P<rest>\S.*)$")
_TRAILING_DONE = re.compile(r"^(?P<lead>\s*[-*+]\s+)(?!\[)(?P<rest>.*?\S)\s*(?:\*\*|__)?\((?:done|completed|finished)\s+(?:during|in|on|at|as|with|by)\b[^()]{0,40}\)(?:\*\*|__)?\.?\s*$", re.I)
_PLUS_MINUS = re.compile(r"^(?P<ind>\s*)(?P<m>[-+])\s+(?P<rest>(?!\[)\S.*)$")


def _org(lines: list[str]) -> bool:
    return any(_ORG_META.match(x) for x in lines[:5]) or sum(1 for x in lines if re.match(r"^\*{2,}\s+(?:TODO|DONE)\s", x)) >= 2


def _box(kw: str) -> str:
    return "[x]" if kw.upper() == "DONE" else "[ ]"


def _plus_minus(lines: list[str]) -> list[str]:
    """Sibling runs (same indent, consecutive entries) that hold both '+' and '-' markers."""
    out = list(lines)
    ms = [_PLUS_MINUS.match(x) for x in lines]
    seen: set[int] = set()
    for i, m in enumerate(ms):
        if m is None or i in seen:
            continue
        ind, run = indent_of(lines[i]), []
        for j in range(i, len(lines)):
            if ms[j] and indent_of(lines[j]) == ind:
                run.append(j)
            elif not (lines[j].strip() and indent_of(lines[j]) > ind):
                break  # a deeper line belongs to the run's last entry; anything else ends the run
        seen.update(run)  # the deeper lines are runs of their own
        if {ms[k].group("m") for k in run} == {"+", "-"}:
            for k in run:
                out[k] = f"{ms[k].group('ind')}- {'[x]' if ms[k].group('m') == '+' else '[ ]'} {ms[k].group('rest')}"
    return out


def normalise_markers(lines: list[str]) -> list[str]:
    """``lines`` with the markers above written as boxes (same count, same order)."""
    org = _org(lines)
    out = []
    for raw in lines:
        if org:
            meta = _ORG_META.match(raw)
            if meta:
                out.append(f"# {meta.group('v')}" if meta.group("k").lower() == "title" and meta.group("v").strip() else "")
                continue
            h = _ORG_HEAD.match(raw)
            if h:
                level = len(h.group("stars"))
                if h.group("kw"):
                    out.append(f"{'  ' * (level - 1)}- {_box(h.group('kw'))} {h.group('rest')}")
                else:
                    out.append(f"{'#' * min(level, 6)} {h.group('rest')}")
                continue
        lw = _LEAD_WORD.match(raw)
        if lw:
            out.append(f"{lw.group('ind')}{_box(lw.group('kw'))} {lw.group('rest')}")
            continue
        pb = _PAREN_BOX.match(raw)
        if pb:
            out.append(f"{pb.group('ind')}- {'[ ]' if pb.group('c') == ' ' else '[x]'} {pb.group('rest')}")
            continue
        td = _TRAILING_DONE.match(raw)
        if td:
            out.append(f"{td.group('lead')}[x] {td.group('rest')}")
            continue
        out.append(raw)
    return _plus_minus(out)
