"""Is a line from the notes an action, worded as one ('Bump versions of GitHub actions', 'Rebase
onto master')? Only then may it become someone's next step: a noun ('Music', 'Payment made',
'Impacts AT/CT/UT config') is an open entry, never glued after 'deliver the'.

The first word is a verb when it is a base verb the playbook knows, or when English uses it as one:
its past and -ing forms are both common words (``wordfreq``), so 'bump' (bumped, bumping) and
'register' are verbs and 'music', 'menu', 'login' are not. A word on the edge ('rebase', 'refactor')
counts when what follows it is what follows a verb (an article, a pronoun, a preposition).
"""

from __future__ import annotations

import re

from .text import IRREGULAR_PAST, ME, VERBS, clean

# what follows a verb rather than a noun: 'rebase onto master', 'refactor the release process'
_AFTER_VERB = {"the", "a", "an", "my", "our", "your", "their", "its", "this", "that", "these", "those", "it", "them",
               "all", "some", "any", "each", "every", "onto", "into", "to", "with", "for", "on", "up", "out", "off",
               "away", "back", "over", "through", "down", "in", "from", "about", "around", "more", "new"}
# words that open a clause, a condition or a report, not an action
_NOT_ACTION = {"if", "when", "once", "as", "that", "this", "these", "those", "it", "there", "which", "who", "what", "how",
               "why", "whether", "maybe", "perhaps", "probably", "possibly", "also", "still", "not", "no", "and", "or",
               "but", "so", "then", "the", "a", "an", "to", "will", "would", "should", "could", "can", "may", "might",
               "must", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "need",
               "needs", "want", "wants", "hope", "expect", "expects", "thanks", "please", "next", "upon"}
_IRREGULAR_BASES = frozenset(IRREGULAR_PAST.values())
# a sentence's own verb after a short subject: 'Support processes ... have been documented' is a report
_FINITE = re.compile(r"\b(?:is|are|was|were|has been|have been|had been|is being|are being|will be|got)\b", re.I)


def _verb_forms_common(word: str, lenient: bool) -> bool:
    """Past and -ing forms common in English (wordfreq's answer, from the cached word sets of
    :mod:`drafter.read.wordlist`: an offline draft never loads wordfreq itself)."""
    from ..read.wordlist import verb_forms_common

    w = word.lower()
    if not w.isascii():  # 'résumé': not a verb here (asking wordfreq would load it)
        return False
    return verb_forms_common(w, lenient)


def is_verb(word: str, following: str | None = None) -> bool:
    """A base-form verb: known to the playbook, or used by English as one (see the module doc)."""
    w = word.lower().strip("\"'“”‘’(*_`")
    if not w.isalpha() or len(w) < 2 or w in _NOT_ACTION or w in ME:
        return False
    if w in VERBS or w in _IRREGULAR_BASES:
        return True  # 'keep', 'tell', 'bring': verbs whose past is not '-ed' (kept, told, brought)
    if w in IRREGULAR_PAST or (w.endswith("s") and not w.endswith(("ss", "us", "is"))) or w.endswith(("ing", "ed")):
        return False  # a report ('sent'), a plural or third person ('Impacts')
    if w.endswith(("tion", "ment", "ness", "ity", "ly")):
        return _verb_forms_common(w, False)  # a noun or an adverb ('payment', 'quickly'), unless English says 'implemented, implementing'
    lenient = (following or "").lower() in _AFTER_VERB
    return _verb_forms_common(w, lenient)


def is_action(text: str | None) -> bool:
    """The text reads as something to do, opening with its verb ('Register and push app to heroku');
    not a question, a condition, a report or a noun phrase."""
    t = clean(text)
    words = re.sub(r"^\W+", "", t).split()
    if words and words[0].lower() in ME and len(words) > 1:  # "I update the docs"
        words = words[1:]
    if not words or "?" in t:
        return False
    if len(words) > 1 and _FINITE.search(" ".join(words[1:6])):
        return False
    if len(words) >= 3 and all(w[:1].isupper() for w in words[:4]) and not any(w.isupper() and len(w) > 1 for w in words[:1]):
        return False  # 'Supply Chain Security', 'Threats & Controls': a part's name in title case, not a task
    second = words[1].lower().strip(",.;:") if len(words) > 1 else ""
    if second not in _AFTER_VERB and (second in IRREGULAR_PAST or re.fullmatch(r"[a-z]{3,}ed", second)):
        return False  # a noun and its state ('Order received', 'Payment made'): a status, not a task
    return is_verb(words[0], words[1] if len(words) > 1 else None) and len(words) >= 2
