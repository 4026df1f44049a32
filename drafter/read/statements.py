"""Is a topic's plain line a statement that tells something, or a label, a name list or a link?

Minutes and standups hold topics whose lines carry no cue (no promise, decision or question) but
say what was reported: "Jesse observes issues when he opens the map", "80+ repos now listed on
wiki". Such a line is a clause: it has a verb. An attendee row ("Zach Steindler (GitHub,
co-chair)"), a contact or title field ("Contact: Bjoern A. Zeeb"), a link ("The link of my work:
Here") or a line in another language has none that English knows, and stays context.

A verb is an auxiliary or modal, a past form the playbook knows, or a regular -ed or -s form whose
base English uses as a verb (wordfreq's data, cached: ``read.wordlist.verb_forms_common``). An
imperative is not a statement ("Welcome everyone, short meeting today"): a task worded as one is
read as a task by the genre readers, not as something said.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][a-z'’]+")
_LINKS = re.compile(r"\S*https?://\S*|`[^`]*`|\[[^\]]*\]\([^)]*\)")
_AUX = frozenset(
    "is are was were be been being am has have had will would can could should must may might do does did "
    "need needs got gets won't can't isn't aren't wasn't weren't doesn't didn't hasn't haven't".split()
)
_LABEL = re.compile(r"^\W*[A-Za-z][\w /&-]{0,30}:\s")
_PLAIN = re.compile(r"[a-z]+")
MIN_WORDS = 4


def _verb_base(w: str) -> bool:
    from ..playbook.text import VERBS
    from .wordlist import verb_forms_common

    # only plain words are asked: any other would load wordfreq itself (~0.4 s; see read.wordlist)
    return w in VERBS or (_PLAIN.fullmatch(w) is not None and verb_forms_common(w))


def has_verb(text: str) -> bool:
    """The line holds a finite verb, or opens with a past form ("Relayed information ..."); see the module doc."""
    from ..playbook.text import IRREGULAR_PAST

    text = _LABEL.sub("", text or "")  # "Contact: Bjoern A. Zeeb": a field's value, not "contact" as a verb
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return False
    if words[0] in IRREGULAR_PAST:
        return True  # "Relayed information ...": a report without its subject
    for k, w in enumerate(words):
        if w in _AUX or w in IRREGULAR_PAST:
            return True
        if k == 0:
            continue
        if w.endswith("ed") and any(_verb_base(b) for b in (w[:-2], w[:-1], w[:-3]) if len(b) > 2):
            return True
        if w.endswith("es") and _verb_base(w[:-2]) or w.endswith("s") and not w.endswith("ss") and _verb_base(w[:-1]):
            if words[k - 1] not in ("the", "a", "an", "of", "for", "and", "our", "my", "your", "their", "its", "new", "all"):
                return True  # "Jesse observes issues", not "the notes" or "new features"
    return False


def said_something(note: str) -> bool:
    """A topic's plain line worth reporting as said: four words or more, links aside, and a clause."""
    text = _LINKS.sub(" ", note or "")
    return len(_WORD.findall(text)) >= MIN_WORDS and has_verb(text)


_TALK_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
# how a reply opens in a conversation: an acknowledgement, not a statement of the work
_REPLY_OPENER = re.compile(r"^\W*(?:ok(?:ay)?|great|thanks|thank you|yes|yeah|yep|right|agreed|sure|cool|nice|fair enough|indeed|"
                           r"exactly|true|\+1|you(?:['’]re| are) right|sounds good|makes sense|i agree|good point|no problem|fine)\b", re.I)


# a storyteller's aside ("Anyhow, back to the action!", "That's pretty peculiar.", "Whoa, what happened there?")
_ASIDE_OPENER = re.compile(r"^\W*(?:(?:anyhow|anyway),?\s+back to (?:the|my|our) \w+|interesting|whoa|wow|hmm+|huh|yep|yup|there it is|let['’]s see|"
                           r"that['’]?s (?:(?:pretty|very|quite|really|rather|so) )?(?:peculiar|odd|weird|strange|interesting|curious|it)|"
                           r"(?:how|very|pretty) (?:odd|weird|strange|interesting|curious))\b", re.I)


def narrative_aside(note: str) -> bool:
    """A short aside of a story told in the first person, nothing but English's most used words after
    an opener like "Anyhow", "Whoa", "That's pretty peculiar": no news of the work ("Let's check dmesg"
    names a thing and stays)."""
    from .wordlist import everyday_english

    text = _LINKS.sub(" X ", note or "")
    m = _ASIDE_OPENER.match(text)
    if not m or len(_TALK_WORD.findall(text)) > 8 or re.search(r"\d", text):
        return False
    rest = _TALK_WORD.findall(text[m.end():])
    return len(rest) <= 4 and all(everyday_english(re.split(r"['’]", w)[0].lower()) for w in rest)


def story_aside(kind: str, text: str) -> bool:
    """Is a read element of ``kind`` only a storyteller's aside (see :func:`narrative_aside`), placed but not drafted?"""
    return kind in ("note", "risk", "question", "outcome") and narrative_aside(text)


def small_talk(note: str) -> bool:
    """A short reply of nothing but English's most used words ("You're right, it may not be.", "Ok, great,
    thanks for the update."): an acknowledgement in the conversation, no news of the work ("We need a new
    release" is no reply; "Right, then it would most likely be okay as a PR" names a thing)."""
    from .wordlist import everyday_english

    text = _LINKS.sub(" X ", note or "")
    words = [re.split(r"['’]", w)[0].lower() for w in _TALK_WORD.findall(text)]
    if not words or len(words) > 10 or re.search(r"\d", text) or not _REPLY_OPENER.match(text):
        return False
    return all(everyday_english(w) for w in words)
