"""Fact recall: the weighted share of a case's gold facts that a draft states, and the Lead-N baseline.

A gold fact (:class:`drafter.eval.cases.GoldFact`) is *stated* by a sentence of the draft that
contains every one of its ``match`` terms (an entry may list alternatives split on ``|``), compared
case-insensitively, word by word (a term of several words must appear as consecutive words) with
light stemming ("cut" matches "cutting" but not "cute", "delet" matches "deleted", "realis" matches
"realized");
if the fact has a ``when`` date, the same sentence must also hold a date phrase that resolves to it
("Tue 2 Jun", "2022-06-02", "yesterday" when ``as_of`` is the day after). The evidence shown for a
stated fact is that sentence.

Lead-N (the summarisation baseline): the recall of the notes' own first lines cut to the draft's
word count. A draft whose recall is not above its Lead-N copies no more than the top of the notes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

# A sentence ends at . ! ? followed by space, or at a line break; markup is stripped first.
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(*_\[]*[A-Z0-9])|\n+")
_MARKUP = re.compile(r"[*_`>#|]+|^\s*(?:[-+•]|\d+[.)]|\[[ xX]\])\s+", re.M)
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_WORD = re.compile(r"\S+")

# suffixes removed by the light stemmer, longest first
_SUFFIXES = ("ications", "ication", "ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers",
             "er", "ed", "es", "ly", "s", "y")


# what may follow a stem written as a term ("delet" + "e"/"ed"/"ion"); "every" + "one" is another word
_ENDINGS = frozenset("e ed es er ers ing ings ion ions y ied ies ication ications ation ations al ally ment ments "
                     "s d ly ity ive ize ise ized ised".split())


def _base(word: str) -> str:
    w = word.lower().replace("’", "'")
    return re.sub(r"'s?$", "", w)


def stems(word: str) -> frozenset[str]:
    """Candidate stems of a word: itself, and with one suffix off (plus the "e" or "y" it may have
    lost: "moved" -> mov/move, "nodes" -> nod/node, "notified" -> notif/notify); z -> s."""
    w = _base(word)
    out = {w}
    if not w.isdigit() and len(w) > 3:
        for suf in _SUFFIXES:
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                r = w[: -len(suf)]
                out |= {r, r + "e"}
                if suf in ("ies", "ied"):
                    out.add(r + "y")
                if len(r) >= 4 and r[-1] == r[-2] and r[-1] not in "aeiousl":  # cutt -> cut, plann -> plan
                    out.add(r[:-1])
                break
    return frozenset(x.replace("z", "s") for x in out)


def stem(word: str) -> str:
    """The shortest candidate stem (see :func:`stems`)."""
    return min(stems(word), key=lambda x: (len(x), x))


def _word_matches(term: str, word: str) -> bool:
    if term == word:
        return True
    if term.isdigit() or word.isdigit():
        return False
    if stems(term) & stems(word):
        return True
    ts, ws = stem(term), stem(word)
    # a stem written as a term ("delet", "notif", "realiz") matches a longer word with a short ending
    # ("delete", "notify"), and the other way round; stems under 4 letters never ("cut" is no "cute")
    short, long_ = (ts, ws) if len(ts) <= len(ws) else (ws, ts)
    return len(short) >= 4 and long_.startswith(short) and long_[len(short):] in _ENDINGS


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'"))


def term_in(term: str, sentence_tokens: list[str]) -> bool:
    """Does the (one- or several-word) ``term`` occur in the sentence's tokens (consecutive words)?"""
    parts = tokens(term)
    if not parts:
        return False
    n = len(parts)
    for i in range(len(sentence_tokens) - n + 1):
        if all(_word_matches(parts[j], sentence_tokens[i + j]) for j in range(n)):
            return True
    return False


def clean(text: str) -> str:
    """Text without markdown markup (bold, headings, bullets, code ticks)."""
    return _MARKUP.sub(" ", text)


def sentences(text: str) -> list[str]:
    """The sentences of a draft (or of note lines), markup removed, blank ones dropped."""
    out = []
    for line in text.splitlines():
        line = clean(line).strip()
        if not line:
            continue
        for s in _SENT_END.split(line):
            s = " ".join(s.split())
            if s:
                out.append(s)
    return out


def word_count(text: str) -> int:
    return len(_WORD.findall(clean(text)))


def _dates_in(sentence: str, as_of: dt.date) -> set[dt.date]:
    from ..dates import find_dates

    out: set[dt.date] = set()
    for direction in ("past", "future"):
        out |= {m.date for m in find_dates(sentence, as_of, direction=direction)}
    return out


def states(fact, sentence: str, as_of: dt.date) -> bool:
    """Does this one sentence state the fact (every match term; its date when it has one)?"""
    toks = tokens(sentence)
    for entry in fact.match:
        if not any(term_in(alt, toks) for alt in entry.split("|") if alt.strip()):
            return False
    if fact.when is not None and fact.when not in _dates_in(sentence, as_of):
        return False
    return True


@dataclass
class FactHit:
    id: str
    kind: str
    weight: int
    text: str
    stated: bool
    evidence: str | None = None  # the draft sentence that states it

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "weight": self.weight, "text": self.text, "stated": self.stated,
                "evidence": self.evidence}


@dataclass
class Recall:
    """Weighted fact recall of one text against a case's gold facts."""

    value: float | None  # None when the case has no gold facts
    stated_weight: int = 0
    total_weight: int = 0
    facts: list[FactHit] = field(default_factory=list)

    @property
    def missed(self) -> list[FactHit]:
        return [f for f in self.facts if not f.stated]

    def to_dict(self) -> dict:
        return {"value": self.value, "stated_weight": self.stated_weight, "total_weight": self.total_weight,
                "facts": [f.to_dict() for f in self.facts]}


def fact_recall(text: str, gold, as_of: dt.date) -> Recall:
    """Weighted share of ``gold`` facts stated by some sentence of ``text``."""
    if not gold:
        return Recall(None)
    sents = sentences(text or "")
    hits, stated_w, total_w = [], 0, 0
    for fact in gold:
        total_w += fact.weight
        ev = next((s for s in sents if states(fact, s, as_of)), None)
        if ev is not None:
            stated_w += fact.weight
        hits.append(FactHit(fact.id, fact.kind, fact.weight, fact.text, ev is not None, ev))
    return Recall(stated_w / total_w if total_w else None, stated_w, total_w, hits)


def lead_text(notes: str, words: int) -> str:
    """The notes' first non-blank lines, cut to ``words`` words (the last line cut mid-way)."""
    out, left = [], max(0, words)
    for line in notes.splitlines():
        if left <= 0:
            break
        ws = _WORD.findall(clean(line))
        if not ws:
            continue
        take = ws[:left]
        out.append(" ".join(take))
        left -= len(take)
    return "\n".join(out)


def lead_recall(notes: str, draft_text: str, gold, as_of: dt.date) -> Recall:
    """Lead-N: the recall of the notes' first lines cut to the draft's word count."""
    return fact_recall(lead_text(notes, word_count(draft_text or "")), gold, as_of)
