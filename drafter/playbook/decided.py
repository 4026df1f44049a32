"""Whether the notes record a decision as already taken, so that nobody is asked it again.

Minutes often state the question first ("The TSC was asked whether this should be treated as
semver-patch or semver-minor") and the answer further down the same section ("Resolution: The
TSC agreed to treat the change as semver-minor"). A question answered in its own section is a
decision made, not a decision needed. Only document structure is used: the section the question
sits in (its markdown heading and everything up to the next heading of the same or a higher
level), the outcomes the reader found in it, and lines labelled as a resolution or decision.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..models import Decision, WorkItem, WorkLog
from .per_log import per_log
from .text import clean

_HEADING = re.compile(r"^\s*(?P<hashes>#{1,6})\s+\S")
_RESOLUTION = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:\*\*|__)?\s*(?:resolution|resolved|decision|decided|agreed|agreement|outcome|conclusion|"
    r"consensus|verdict)\s*(?:\*\*|__)?\s*[:\-—]\s*(?:\*\*|__)?\s*(?P<body>\S.*)$", re.I)
_DECIDING = re.compile(r"\b(?:agreed|agree|decided|decide[sd]?|resolved|approved|accepted|voted|settled|concluded|will go with|"
                       r"went with|chose|consensus)\b", re.I)
_STOP = {"the", "a", "an", "and", "or", "of", "to", "for", "in", "on", "with", "this", "that", "be", "is", "as", "we", "it",
         "should", "whether", "treated", "treat", "use", "go", "off", "our", "their", "its"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9][a-z0-9-]{2,}", text.lower()) if w not in _STOP}


class _Index:
    """One pass over a log: its line numbers, its headings, and the answers (outcomes and
    'Resolution:' lines) sorted by line, so each question's section is found by bisection
    rather than by scanning the whole notes once per question."""

    def __init__(self, log: WorkLog):
        numbers = [ln.number for ln in log.lines]
        self.first, self.last = (min(numbers), max(numbers)) if numbers else (None, None)
        self.heads = [(ln.number, len(m.group("hashes"))) for ln in log.lines if (m := _HEADING.match(ln.text))]
        self.head_lines = [n for n, _ in self.heads]
        found: list[tuple[int, str]] = []
        for it in log.items:
            for o in it.outcomes:
                if o.lines:
                    found.append((min(o.lines), clean(o.text)))
        for line in log.lines:
            m = _RESOLUTION.match(line.text)
            if m:
                found.append((line.number, clean(m.group("body").replace("**", ""))))
        found.sort()
        self.answers = found
        self.answer_lines = [n for n, _ in found]

    def span(self, line: int) -> tuple[int, int]:
        if self.first is None:
            return line, line
        i = bisect_right(self.head_lines, line)
        if i == 0:
            start, level = self.first, 0
        else:
            start, level = self.heads[i - 1]
        end = self.last
        for n, lvl in self.heads[i:]:
            if level == 0 or lvl <= level:
                end = n - 1
                break
        return start, end


def _index(log: WorkLog) -> _Index:
    return per_log(log, "sections", _Index)


def section_span(line: int, log: WorkLog) -> tuple[int, int]:
    """(first, last) line numbers of the markdown section that holds ``line`` (the whole notes when none)."""
    return _index(log).span(line)


def _option_keys(options: list[str]) -> list[set[str]]:
    """Each option's own words: its content words less the words every option shares."""
    sets = [_words(o) or {clean(o).lower()} for o in options]
    out = []
    for i, s in enumerate(sets):
        others = set().union(*(t for j, t in enumerate(sets) if j != i)) if len(sets) > 1 else set()
        out.append((s - others) or s)
    return out


def _mentioned(text: str, options: list[str]) -> list[int]:
    low = text.lower()
    found = []
    for i, (opt, key) in enumerate(zip(options, _option_keys(options))):
        if clean(opt).lower() in low or (key and sum(k in low for k in key) * 2 >= len(key)):
            found.append(i)
    return found


def answers_in_section(d: Decision, item: WorkItem, log: WorkLog) -> list[str]:
    """Outcomes and 'Resolution:' lines after the question in its own section, verbatim."""
    at = min(d.lines) if d.lines else (d.line or (min(item.lines) if item.lines else None))
    if at is None:
        return []
    ix = _index(log)
    start, end = ix.span(at)
    lo, hi = bisect_right(ix.answer_lines, at), bisect_right(ix.answer_lines, end)
    return list(dict.fromkeys(t for _, t in ix.answers[lo:hi] if t))


def decided_by_outcome(d: Decision, item: WorkItem, log: WorkLog) -> str | None:
    """The notes' own record of the decision taken ('The TSC agreed to treat the change as semver-minor'),
    or None when the question is still open in the notes."""
    answers = answers_in_section(d, item, log)
    if not answers:
        return None
    if len(d.options) >= 2:
        for text in reversed(answers):  # the last word in the section is the decision
            hit = _mentioned(text, d.options)
            if len(hit) == 1 and _DECIDING.search(text):
                return text
        return None
    q = _words(d.question)
    for text in reversed(answers):
        if _DECIDING.search(text) and len(q & _words(text)) >= 2:
            return text
    return None


_POSITION = re.compile(
    r"\b(?:lean(?:s|ed)?|prefer(?:s|red)?|favou?r(?:s|ed)?|in favou?r|voted?|votes|suggest(?:s|ed)?|propose[sd]?|argued?|"
    r"think(?:s)?|thought|felt|feels?|wants?|wanted|agreed?|objected?|against|support(?:s|ed)?|because|since|so that|"
    r"would|could|risk|concern\w*|worr\w*|fine with|ok with|okay with)\b", re.I)
_CLAUSE_BREAK = re.compile(r";\s+|,\s+but\s+|\.\s+(?=[A-Z@])|\s+but\s+(?=after|then|later)")
_MARKUP = re.compile(r"\*\*|__|`|^\s*(?:[-*•+]|\d+[.)])\s+")


def grounds_for(d: Decision, item: WorkItem, log: WorkLog) -> list[list[str]]:
    """For each of the decision's options, the clauses of its section that argue for or against it
    ('@nzakas initially leaned semver-patch since people expect the pattern to work this way'), verbatim."""
    at = min(d.lines) if d.lines else (d.line or (min(item.lines) if item.lines else None))
    out: list[list[str]] = [[] for _ in d.options]
    if at is None or len(d.options) < 2:
        return out
    start, end = section_span(at, log)
    for line in log.lines:
        if not start <= line.number <= end or line.number == at or _HEADING.match(line.text) or _RESOLUTION.match(line.text):
            continue
        text = clean(_MARKUP.sub("", line.text))
        for part in _CLAUSE_BREAK.split(text):
            part = clean(part)
            hit = _mentioned(part, d.options)
            if len(hit) != 1 or "?" in part or not _POSITION.search(part) or len(part.split()) < 4:
                continue
            if part not in out[hit[0]]:
                out[hit[0]].append(part)
    return [g[:2] for g in out]
