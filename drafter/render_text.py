"""Text helpers for rendering: user text made placeholder-safe, dates, capitals, client jargon."""

from __future__ import annotations

import datetime as dt
import re

_B0, _B1 = "\x02", "\x03"  # bold span markers, converted per format
TICKET = re.compile(r"\b[A-Z][A-Z0-9]{1,9}-\d+\b|(?<![\w&])#\d+\b")


def word_count(text: str) -> int:
    """Whitespace-separated tokens: the count the word caps are checked against."""
    return len(text.split())


# --------------------------------------------------------------------------------------------
# Small text helpers
# --------------------------------------------------------------------------------------------


def format_day(d: dt.date, as_of: dt.date | None = None) -> str:
    """'Thu 26 Nov' (with the year when it differs from as_of's), via drafter.dates when present."""
    try:
        from .dates import format_date
    except ImportError:
        format_date = None
    if format_date is not None:
        try:
            return format_date(d, as_of) if as_of is not None else format_date(d)
        except TypeError:
            return format_date(d)
    text = f"{d:%a} {d.day} {d:%b}"
    if as_of is not None and d.year != as_of.year:
        text += f" {d.year}"
    return text


def clean(text: str | None) -> str:
    """One line of user text, safe to place in any format (no placeholders, no markers)."""
    if not text:
        return ""
    text = text.replace(_B0, "").replace(_B1, "")
    text = re.sub(r"^\s*(?:[-*]\s*)?\[ \]\s*", "", text)  # markdown checkboxes
    text = re.sub(r"^\s*(?:[-*]\s*)?\[[xX]\]\s*", "done: ", text)
    text = text.replace("{", "(").replace("}", ")")
    text = re.sub(r"\[([^\[\]]{1,40})\]", r"\1", text)
    text = re.sub(r"<([a-z][a-z _-]{1,25})>", r"\1", text)
    for pattern, repl in _PLACEHOLDER_WORDS:
        text = pattern.sub(repl, text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s+([,;!?]|\.(?!\.))", r"\1", text)  # "scheduled , 140" -> "scheduled, 140"


# a placeholder word, not a part of a domain, path or name ("developer.tbd.website", "TODO.md", "tbd-osp")
_WORD_ALONE = r"(?<![.\w/@-]){}(?![\w/@-]|\.\w)"

_PLACEHOLDER_WORDS = [
    (re.compile(_WORD_ALONE.format("TBD"), re.I), "to be decided"),
    (re.compile(_WORD_ALONE.format("TBC"), re.I), "to be confirmed"),
    (re.compile(_WORD_ALONE.format("TODO"), re.I), "to do"),
    (re.compile(r"\bX{3,}\b", re.I), "(unknown)"),
    (re.compile(r"\?{3,}"), "?"),
    (re.compile(r"\blorem ipsum\b", re.I), "sample text"),
]

# Client audience: internal jargon -> plain words (criterion U15).
_CLIENT_JARGON = [
    (re.compile(r"\bPRs?\b"), "change"),
    (re.compile(r"\bWIP\b"), "in progress"),
    (re.compile(r"\bEOD\b"), "end of day"),
    (re.compile(r"\bP[0-3]\b"), "high-priority"),
] + [
    (re.compile(p, re.I), r)
    for p, r in [
        (r"\bjira\b", "our tracker"),
        (r"\bsprint\b", "work cycle"),
        (r"\bstand-?ups?\b", "team meeting"),
        (r"\bbacklog\b", "work queue"),
        (r"\bretro\b", "review"),
        (r"\bon-call\b|\boncall\b", "support"),
        (r"\bpost-?mortem\b", "incident review"),
        (r"\bhotfix\b", "fix"),
        (r"\bstaging\b", "test environment"),
        (r"\brepo\b", "codebase"),
        (r"\bpull requests?\b", "change"),
        (r"\bOKRs?\b", "goals"),
        (r"\bsev ?[0-4]\b", "high-priority"),
        (r"\binternal only\b", ""),
        (r"\bslack channel\b", "channel"),
        (r"\beng team\b", "engineering team"),
        (r"\btech debt\b", "maintenance work"),
        (r"\btickets?\b", "request"),
        (r"\bheadcount\b", "staffing"),
    ]
]


def sentence(text: str) -> str:
    """Ensure terminal punctuation."""
    text = text.strip()
    if text and text[-1] not in ".!?":
        text += "."
    return text


def joint_names(owners: str) -> str:
    """Joint owners as a sentence subject: 'Chris Manson, Amy Lam' -> 'Chris Manson and Amy Lam'."""
    names = [n.strip() for n in owners.split(",") if n.strip()]
    if len(names) > 1 and not any(" and " in n for n in names):
        return ", ".join(names[:-1]) + " and " + names[-1]
    return owners


def cap_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def low_first(text: str) -> str:
    """Lower-case the first letter unless it starts a name-like word (two capitals, 'I ...')."""
    if len(text) > 1 and text[0].isupper() and text[1].islower() and not text.startswith("I "):
        first = text.split(" ", 1)[0]
        if first.lower() in _VERB_STARTS:
            return text[0].lower() + text[1:]
    return text


_VERB_STARTS = set(
    """call chase email send ask confirm follow ping check book decide approve review sign share
    move escalate reply agree pick choose draft write prepare schedule meet find get set update
    go hold push cut drop pay buy renew cancel tell let give take hand run fix test ship""".split()
)


def _strip_prefix(text: str, *prefixes: str) -> str:
    low = text.lower()
    for p in prefixes:
        if low.startswith(p):
            return text[len(p) :].lstrip(" ,:")
    return text


def bold(text: str) -> str:
    return f"{_B0}{text}{_B1}"




_DECISION_WORDS = re.compile(
    r"\b(?:agree[sd]?|agreement|decid(?:e|ed|es)|decision|vot(?:e|ed|es)|approv(?:e|ed|es)|chose|choose|chosen|"
    r"accept(?:ed|s)?|consensus|resolv(?:e|ed)|settled|go(?:ing)? with|keep|rejected|declined)\b|"
    # a group's or a person's resolve ("we will patch 8.1", "Eric won't ship it"), not a forecast ("It will not be this quick")
    r"\b(?!(?:it|that|there|which)\b)(?:we|they|[A-Z][\w@.-]*|the (?:team|group|tsc|tac|committee|wg|board))\s+(?:will|won't|shall)\b",
    re.I,
)
# a piece of work accepted by its reviewers ("PR accepted", "the paper was accepted"): a result, no decision of the notes
_ACCEPTED_WORK = re.compile(r"\b(?:prs?|pull requests?|patch(?:es)?|merge requests?|paper|talk|submission)\s+(?:(?:was|were|got|has been|have been)\s+)?accepted\b", re.I)


def outcome_label(text: str) -> str:
    """'Decided' for a decision the notes record ("agreed to ...", "voted for ..."), 'Outcome' for a
    result reached ("PR#59 submitted", "a node became unhealthy"): a result is not called a decision."""
    text = _ACCEPTED_WORK.sub(" ", text or "")
    return "Decided" if _DECISION_WORDS.search(text) else "Outcome"
