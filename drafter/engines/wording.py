"""Sentence-level wording for the offline writer: clauses from the notes made safe for prose.

A clause taken from the notes goes through :func:`clause` before it is put in a sentence: no
markdown markup, no link, no leading bullet or checkbox, no trailing question mark or dangling
article. :func:`sentence_problems` is the grammar check the tests run over every draft.
"""

from __future__ import annotations

import re

from ..models import Status
from ..playbook.text import clean, with_topic  # noqa: F401 - with_topic: the writers import it from here
from ..render_text import joint_names

# --------------------------------------------------------------------------------------------
# Length and capitals
# --------------------------------------------------------------------------------------------


# the words for an overall status the notes do not state: the playbook found nothing blocked, at
# risk or late, which is all the draft can say ("On track" would claim what the notes never said)
UNSTATED_ON_TRACK = "no blockers"


def status_words(status: Status, stated: bool = True) -> str:
    """'on track' / 'at risk' / ...; an on-track verdict the notes do not state is worded as what
    the playbook found: 'no blockers' (a missed date or a risk would have made it off track or at
    risk)."""
    if status == Status.ON_TRACK and not stated:
        return UNSTATED_ON_TRACK
    return status.label


def cap(text: str) -> str:
    t = clean(text)
    return t[:1].upper() + t[1:]


def fit(text: str, limit: int) -> str:
    """Keep a sentence within ``limit`` characters, cutting at a word boundary."""
    t = re.sub(r"\s+", " ", re.sub(r"\s*\(\s*\)", "", text or "")).strip()  # a date cut out leaves "()"
    if len(t) <= limit:
        return t
    cut = t[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—-")
    cut = re.sub(r"\s+(?:the|a|an|of|to|for|and|or|with|by|on|in|at)$", "", cut, flags=re.I)
    return cut + "…"


# --------------------------------------------------------------------------------------------
# Clauses from the notes
# --------------------------------------------------------------------------------------------

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_URL = re.compile(r"<?\bhttps?://[^\s)>\]]+>?|\bwww\.[^\s)>\]]+")
_HTML = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPH = re.compile(r"(\*\*|__|\*|`+|~~)(?=\S)(.+?)(?<=\S)\1")
_LEAD = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*•+]\s+|\d+[.)]\s+|\[[ xX]\]\s*|[-*]\s*\[[ xX]\]\s*)+")
_DANGLING = re.compile(r"\s+(?:the|a|an|of|to|for|and|or|with|by|on|in|at|from)$", re.I)
# what still dangles at the end of a sentence the notes ended: an article, a conjunction or an "at"
# whose link was taken out ("details are at <link>."); a verb's preposition is the notes' ("to catch up on.")
_DANGLING_WHOLE = re.compile(r"\s+(?:the|a|an|and|or|at)$", re.I)
# a wh-clause whose preposition is stranded after its verb is whole ("What everyone's working on",
# "What we are waiting for", "What to focus on"): its last word is no cut-off remnant, unlike a
# title cut after a noun ("What version of the Contributor Covenant Code of")
_STRANDED = re.compile(r"^(?:what|which|who|whom|whatever)\b.*\s(?:\w+(?:ing|ed)|to\s+\w+)\s+(?:of|to|for|with|on|in|at|from)$", re.I)


def strip_markup(text: str) -> str:
    """Markdown/HTML markup and links out of a clause; a link keeps its text ('[Matrix](url)' -> 'Matrix')."""
    t = _MD_LINK.sub(lambda m: m.group(1), text or "")
    t = _HTML.sub(" ", t)
    t = _URL.sub("", t)
    t = _EMPH.sub(lambda m: m.group(2), t)
    t = t.replace("**", "").replace("__", "").replace("`", "")
    t = re.sub(r"(?<=\S)\*+(?=[\s:;,.]|$)|(?:^|(?<=\s))\*+(?=\S)", "", t)  # a stray emphasis star
    t = re.sub(r"\(\s*[,;]?\s*\)|\[\s*\]", "", t)
    t = re.sub(r"(?:^|(?<=\s))\\+(?=\s|$)|\\+$", "", t)  # a markdown hard line break ("\\") is no text
    return re.sub(r"\s+", " ", t).strip()


_LABEL = re.compile(
    r"^(?:(?:[A-Z]{2,5}\s+)?(?:summary|notes?|update|status|context|background|details?|resolution|outcome|"
    r"conclusion|discussion|topic|tl;?dr))\s*:\s+(?=\S)", re.I)


def clause(text: str | None) -> str:
    """A clause from the notes ready to sit inside a sentence (empty when nothing is left)."""
    t = _LEAD.sub("", strip_markup(text or ""))
    t = _LABEL.sub("", t)  # "TSC Summary: The issue proposes ..." -> "The issue proposes ..."
    t = re.sub(r"\b(a|an|the)\s+\1\b", r"\1", t, flags=re.I)  # the notes' typo "talking to a a dev"
    # a sentence the notes ended is whole: its last word is no cut-off remnant ("there is a lot to catch up on.")
    # (as written: "details on how to register are at <link>." lost its link, so it is not whole)
    whole = bool(re.search(r"[^\W\d_][.!?]$", (text or "").rstrip()))
    t = t.rstrip(" ?!.;,:—–-")
    for _ in range(3):
        if _STRANDED.search(t):
            break  # "What everyone's working on": a wh-clause ends on its preposition
        t2 = (_DANGLING_WHOLE if whole else _DANGLING).sub("", t).rstrip(" ,;:—–-")
        if t2 == t:
            break
        t = t2
    return clean(t)


def is_question(text: str | None) -> bool:
    return bool(text) and clean(strip_markup(text)).endswith("?")


def question(text: str | None) -> str:
    """An open question as a question: 'do we need to move earlier' -> 'Do we need to move earlier?'
    ('Snapshot testing? Or?' -> 'Snapshot testing?': one question per sentence)."""
    t = strip_markup(text or "")
    t = clause(t.split("?", 1)[0]) if "?" in t else clause(t)
    return cap(t) + "?" if t else ""


def statement(text: str | None) -> str:
    """A clause for a list of facts; empty when it holds a question (asked elsewhere, never stated as a fact)."""
    t = clause(text)
    return "" if "?" in t else t


def inline_title(title: str) -> str:
    """A title inside a sentence: 'Stay with BrightApps' -> 'stay with BrightApps', 'Nimbus' stays 'Nimbus'."""
    from ..playbook.text import VERBS

    t = clause(title)
    first = t.split(" ", 1)[0] if t else ""
    if first[:1].isupper() and first[1:].islower() and (first.lower() in VERBS or first.lower() in _LOWER_STARTS):
        return t[:1].lower() + t[1:]
    return t


_LOWER_STARTS = {"stay", "keep", "wait", "go", "use", "switch", "delay", "cut", "drop", "hire", "buy", "extend", "skip", "move",
                 "launch", "pay", "add", "cache", "batch", "ship", "continue", "tonight", "tomorrow", "push"}


FUNCTION_WORDS = {"to", "will", "is", "are", "was", "were", "has", "have", "had", "by", "of", "what", "how", "why", "who",
                  "when", "where", "which", "if", "whether", "did", "do", "does", "should", "could", "can", "would", "and",
                  "or", "but", "so", "then", "also", "not", "no", "need", "needs", "i", "we"}


def the_phrase(text: str | None) -> str:
    """'board meeting' -> 'the board meeting'; a title that starts with a function word ('To do',
    'Will slide to next week') is left as it is: 'the To do' is a heading glued into a sentence."""
    from ..playbook.text import the

    t = clause(text)
    first = t.split(" ", 1)[0].lower() if t else ""
    return t if first in FUNCTION_WORDS else the(t)


# --------------------------------------------------------------------------------------------
# Subjects
# --------------------------------------------------------------------------------------------


def subject(owner: str | None) -> str:
    """'I' for the writer, else the owner's name as the notes give it."""
    o = clean(owner)
    if not o or o.lower() in ("i", "me", "myself"):
        return "I"
    return joint_names(o)  # joint owners: "Chris Manson and Amy Lam will"


def will(owner: str | None, action: str) -> str:
    """'Eric will ask legal' / 'I will send the deck' (``action`` starts with its verb)."""
    return f"{subject(owner)} will {action}"


# --------------------------------------------------------------------------------------------
# The grammar check (tests run it over every draft)
# --------------------------------------------------------------------------------------------

_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(*])")
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did|"
    r"needs?|wants?|owns?|keeps?|holds?|goes|went|got|made|said|says|asked|decided|agreed)\b|\b\w+(?:ed|es|s)\b",
    re.I,
)
_MARKUP = re.compile(r"\*\*|__|`|\]\(|^#{1,6}\s|<[a-z]+[^>]*>|https?://|www\.", re.I | re.M)


# "the" glued before what cannot take an article: a subject pronoun or a capitalised function word,
# preposition or verb that opens a clause ("for the I had issues", "the In both weeks", "the Needs
# final review", "the Will wait"), or a bare date ("the 2018-03-26 —", "the 5/1."); "the 2018-03-26
# incident" is a noun phrase and passes
_THE_CLAUSE = re.compile(
    r"\bthe\s+(?:(?:I|i|he|she|we|they|you|He|She|We|They|You|In|On|At|For|From|With|During|After|Before|Since|"
    r"Until|If|When|While|Because|Although|However|But|And|So|Then|Also|Not|No|Is|Are|Was|Were|Has|Have|Had|"
    r"Will|Would|Should|Could|Can|May|Might|Must|Need|Needs|Needed|Did|Does|Do|Got|Went|Made|Let|Please)\b(?!['’/-])"
    r"|\d{1,4}(?:[-/.]\d{1,2}){1,2}(?:\s*(?:[—–,;:.)!?]|-\s|$)))")


def sentence_problems(text: str) -> list[str]:
    """Fragments glued into sentences: '?' mid-sentence, 'the' before punctuation or a modal,
    doubled words, 'I will' followed by a question, markup and links in prose. ``text`` is a draft
    rendered as plain text (format ``text``), where no markup is expected at all."""
    problems = []
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line:
            continue
        body = re.sub(r"^(?:[-*•]\s+|\d+\.\s+|#{1,6}\s+)", "", line)
        prose = body  # rendered as plain text: any '**', '`' or link left is leaked markup
        if _MARKUP.search(prose):
            problems.append(f"markup or link: {line[:120]}")
        for s in _SENT_SPLIT.split(prose):
            s = s.strip()
            if not s:
                continue
            inner = s[:-1] if s.endswith("?") else s
            if "?" in re.sub(r"\([^)]*\)", "", inner):
                problems.append(f"'?' inside a sentence: {s[:120]}")
            if re.search(r"\bthe\s*(?:[.,;:?!)]|$|\b(?:will|is|are|was|has|by|of|to)\b)", s, re.I):
                problems.append(f"dangling 'the': {s[:120]}")
            m = re.search(r"\b(\w{2,})\s+\1\b", s, re.I)
            if m and not m.group(1).isdigit() and m.group(1).lower() not in {"that", "had", "is"}:
                problems.append(f"doubled word '{m.group(1)}': {s[:120]}")
            elif re.search(r"\b(a|an)\s+\1\b", s, re.I):
                problems.append(f"doubled article: {s[:120]}")
            if re.search(r"\b(?:on|of|to|for|with|the|a|deliver|finish|whether)\s+(?:We|The|It|This|They|There|Our|Instead)\b", s):
                problems.append(f"a sentence glued in mid-sentence: {s[:120]}")
            if _THE_CLAUSE.search(s):
                problems.append(f"'the' before a clause, verb or date: {s[:120]}")
            if re.search(r"\bI will\b[^.]*\?", s):
                problems.append(f"'I will' + question: {s[:120]}")
            if _WILL_NO_VERB.search(s):
                problems.append(f"'will' before no verb: {s[:120]}")
    return problems


# what no verb starts with: a pronoun, an article or a possessive (not "it's"), or a contraction ("we'll")
_NO_VERB_WORDS = "i|we|they|he|she|you|it|the|a|an|my|our|their|its"
_CONTRACTION = r"\w+['’](?:ll|re|ve|m|d|s)\b"
# "Vini will we'll share it", "Jaime will the review": 'will' then one of those, a preposition or an -ing
# form ("will setting the compiler"): a note's clause glued after a name, no verb of its own
_WILL_NO_VERB = re.compile(rf"\b(?:will|'ll)\s+(?:(?:{_NO_VERB_WORDS}|for|in|on|at|with|from|of|if|when|as|but|or)\b(?!['’])|"
                           rf"{_CONTRACTION}|\w{{3,}}ing\b)", re.I)
# what cannot open the action after "X will" (the words above, or "this"/"these"/"those")
_NOT_A_VERB = re.compile(rf"^(?:(?:{_NO_VERB_WORDS}|this|these|those)\b(?!['’])|{_CONTRACTION})", re.I)


def will_ok(action: str) -> bool:
    """Can ``action`` follow 'X will' (its first word no pronoun, article or contraction, and not a list of
    things: 'use cases, Database Guidelines, SQL code examples' is a person's task list, no verb phrase)?"""
    if re.match(r"^[A-Za-z]+\s+\d+[a-z]?\s*[:\-–]\s+[A-Z]", action.strip()):
        return False  # "Unit 5: Connect to the Internet", "Week 3 - tests": a title, not a verb phrase
    parts = [p.strip() for p in action.split(",") if p.strip()]
    if len(parts) >= 3 and sum(p[:1].isupper() or p[:1].isdigit() for p in parts[1:]) >= 0.5 * (len(parts) - 1) and len(parts[0].split()) <= 3:
        return False
    return not _NOT_A_VERB.match(action.strip())


__all__ = ["cap", "fit", "clause", "inline_title", "the_phrase", "FUNCTION_WORDS", "strip_markup", "is_question", "question", "statement", "subject", "will", "will_ok", "sentence_problems"]
