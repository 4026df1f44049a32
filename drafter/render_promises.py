"""How an owner's open promise is said in an update: "Sam will send the deck" when it opens with its
verb, "Still open: payment made" for a state to reach, "In progress: ..." for work under way, and a
sentence with its own subject as written (used by :mod:`drafter.render_sections`)."""

from __future__ import annotations

import re

from .engines.wording import will_ok
from .playbook.rules import worded_as_action
from .playbook.text import IRREGULAR_PAST, VERBS
from .render_text import _VERB_STARTS

_WILL_VERBS = (VERBS - set(IRREGULAR_PAST)) | _VERB_STARTS | set(
    "add discuss look investigate work talk reach see try start help figure clarify report raise contact "
    "write prepare propose post test follow present host lead organise organize be begin continue finalize finalise".split()
)


_OWN_SUBJECT = {"i", "we", "this", "it", "if", "here", "there", "he", "she", "they"}
_DETERMINERS = {"the", "a", "an", "all", "our", "their", "this", "these", "those", "its", "each", "every"}


def _a_state(what: str) -> bool:
    """'Payment made', 'Invite sent', 'Order received': a state to reach (an unticked checklist box),
    not a task's verb phrase; said as still open, never as done or as 'I will invite sent'."""
    words = re.findall(r"[A-Za-z]+", what.lower())
    return 2 <= len(words) <= 4 and not _a_state_word(words[0]) and _a_state_word(words[-1])


def _a_state_word(w: str) -> bool:
    return w in IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4)


# a promise that states its own subject and modal ("we'll share it with the channel", "I am going to ..."):
# the modal goes, the verb stays ("Vini will share it"; was "Vini will we'll share it")
_OWN_MODAL = re.compile(r"^(?:(?:i|we)\s*(?:will|['’]ll|am going to|['’]m going to|are going to|['’]re going to|plan to)|will)\s+(?=\w)", re.I)


def _under_way(what: str) -> bool:
    """Does the promise open with a verb's -ing form ('Finalizing Sync Screen features', 'finishing bug
    fix for registration'): work under way, said as in progress, never as 'I will finalizing'."""
    from .read.wordlist import verb_forms, verb_forms_common

    m = re.match(r"^([A-Za-z]{5,})ing\b", what.strip())
    if not m or re.match(r"^(?:planning|hoping|going|wanting|intending|aiming)\b", what.strip(), re.I):
        return False  # "Planning to work on ...": a plan, not work under way
    w, stem = (m.group(1) + "ing").lower(), m.group(1).lower()
    bases = {stem, stem + "e", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem}
    return any(verb_forms(x)[1] == w and verb_forms_common(x, lenient=True) for x in bases)


def _statement(what: str) -> bool:
    """A sentence with its own subject and verb ('that work will continue into early 2023'), not a task
    worded without its verb ('login background and UI functionality', 'visual hints that the layer ...')."""
    from .read.statements import has_verb

    return bool(re.match(r"^(?:that|this|these|those|it|the|our|my|their|his|her)\s+(?:\S+\s+){0,4}?(?:is|are|was|were|has|have|had|will|"
                         r"would|can|could|should|must)\b", what, re.I)) and has_verb(what)


def _will(who: str, what: str) -> str | None:
    """'Sam will send the deck' when the promise starts with its verb; None when it does not."""
    what = _OWN_MODAL.sub("", what, count=1)
    plan = re.match(r"^(?P<v>planning|plans?|needs?) to\s+(?P<rest>\w.*)$", what, re.I)
    if plan:  # "Planning to work on ...": 'Chris plans to work on ...'; "Need to follow up": 'I need to follow up'
        verb = "need" if plan.group("v").lower().startswith("need") else "plan"
        return f"{who} {verb if who in ('I', 'we') else verb + 's'} to {plan.group('rest')}"
    if not will_ok(what):
        return None
    words = what.split()
    if not words or _a_state(what):
        return None
    if words[0].lower() in ("sent", "set", "read", "put") and not (len(words) > 1 and (words[1].lower() in _DETERMINERS or words[1].lower() in ("up", "out", "aside"))):
        return None  # 'Set' alone may be a state ('Invite sent'); 'set up invoke', 'read the RFC' are tasks
    # a verb the lexicon knows, one the action rules read as a verb, or a first word a determiner
    # follows ('QA the user interface dialogs'): a verb phrase; else a noun phrase, no verb invented
    verb = (words[0].lower() in _WILL_VERBS or (len(words) > 2 and worded_as_action(what))
            or (len(words) > 2 and words[1].lower() in _DETERMINERS)
            or words[0].lower() in ("set", "read", "put"))
    if not verb:
        return None
    return f"{who} will {what[0].lower() + what[1:] if what[1:2].islower() else what}"
