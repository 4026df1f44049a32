"""Clauses of a line as the readers split them: its sentences (a second list entry glued on by its
marker is one more), and the alternatives a clause states. Re-exported by :mod:`drafter.read.signals`."""

from __future__ import annotations

import re


_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|vs|approx|cf|incl|excl|esp|resp|viz|al|ca|min|max|vol|fig|ref|sec|"
                          r"dept|mr|mrs|ms|dr|prof|st|jr|sr|inc|ltd|corp|co)\.$", re.I)


def prose_sentences(text: str) -> list[str]:
    """A line's sentences split only at a stop and a capital ('Stay with full dimensions. Compress as
    JPEG.'), never after an abbreviation ('Process Version vs. Spec Version', 'Dr. Lee')."""
    out: list[str] = []
    for p in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] += " " + p
        else:
            out.append(p)
    return out


def sentences(text: str) -> list[str]:
    """Split prose into sentences (keeps '1.85', 'e.g.', URLs already removed)."""
    t = text.strip()
    if not t:
        return []
    # a second entry glued on by its list marker: "... Canvas class (1 day)* Revise Canvas class documentation ..."
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'(@])|;\s+(?=[A-Za-z])|(?<=\))\*\s+(?=[A-Z])", t)
    out = []
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out and (len(p.split()) <= 2 or _ABBREVIATION.search(out[-1]) or out[-1].count("(") > out[-1].count(")")):
            # "e.g.", "incl.", "Dr." end no sentence, nor does a stop inside parentheses: "(incl. Wolf) and Hind"
            out[-1] += " " + p
        else:
            out.append(p)
    return out


def options_in(text: str) -> list[str]:
    """The alternatives a clause states ('A or B', 'A vs B'), in the notes' words."""
    t = re.sub(r"^(?:should|shall|do|does|can|could|would|will) (?:we|i|they|it)\s+|^(?:which|whether)\s+(?:to\s+)?", "", text.strip().rstrip("?"), flags=re.I)
    t = re.sub(r"^(?:proposal|options?|alternatives?)\s*:\s*", "", t, flags=re.I)
    # "The TSC was asked whether this should be treated as semver-patch or semver-minor": after "whether"
    t = re.sub(r"^.*?\bwhether\s+(?:(?:this|it|we|they|that)\s+(?:should|would|could|will|can|is|are)\s+(?:be\s+)?(?:treated as\s+|considered\s+)?|to\s+)?", "", t, count=1, flags=re.I)
    parts = re.split(r",?\s+\bor\b\s+|\s+\bvs\.?\s+|\s+versus\s+|\s*/\s*(?=[a-z])", t)
    parts = [p.strip(" ,.;") for p in parts if p.strip(" ,.;")]
    if any(p.lower() in ("not", "no", "otherwise", "none", "something else") for p in parts):
        return []  # "whether we should X or not": a yes/no decision, not two alternatives
    return parts if 2 <= len(parts) <= 5 and all(len(p.split()) <= 12 for p in parts) else []
