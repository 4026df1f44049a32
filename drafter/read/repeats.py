"""An action item said twice in one set of minutes: once in the summary at the top ("Action Items:"
> "@maxnbk: Reach out to Deadline devs.") and again where it was discussed ("#### Deadline rez
integration" > "Stephen to reach out to them."). The later one goes, its lines join the first: one
action, not two owners for it.

Two open commitments are the same action when they share two or more content words, one of them
a name the notes write with a capital in both ("LF Marketing", "Deadline"), counting the words of
the topic each sits under ("them" is the topic's "Deadline rez integration"), and their owners
can be one person: the same name, or a handle on one side that the notes never tie to anyone else.
"""

from __future__ import annotations

import re

from ..models import WorkLog

_STOP = {"with", "that", "this", "them", "they", "what", "from", "will", "into", "have", "also", "more", "some",
         "should", "could", "would", "about", "there", "their", "work", "make", "sure", "kind", "want"}


def _words(text: str) -> tuple[set[str], set[str]]:
    """(content words in lower case, the capitalised ones, as written) of ``text``."""
    toks = re.findall(r"[A-Za-z][\w-]*", text)
    low = {t.lower() for t in toks if (len(t) > 3 or t.isupper()) and t.lower() not in _STOP}
    caps = {t.lower() for t in toks[1:] if t[:1].isupper() and (len(t) > 2 or t.isupper())}  # the first word's capital says nothing
    return low, caps


def _handle(owner: str) -> bool:
    return bool(re.fullmatch(r"@?[a-z0-9][\w.-]*", owner))  # "maxnbk": a handle, not a written name


def _same_person(a: str, b: str) -> bool:
    if a.lower() == b.lower() or a.split()[0].lower() == b.split()[0].lower():
        return True
    return _handle(a) != _handle(b)  # a handle and a name: one person may go by both


def drop_repeated_actions(log: WorkLog) -> int:
    """Drop each open commitment that repeats an earlier one of another item (see the module doc);
    returns how many went."""
    seen: list[tuple[object, object, set[str], set[str]]] = []
    dropped = 0
    for item in log.items:
        title_low, title_caps = _words(item.title)
        keep = []
        for c in item.commitments:
            if c.state != "open" or not (c.owner or "").strip():
                keep.append(c)
                continue
            low, caps = _words(c.what)
            low_t, caps_t = low | title_low, caps | title_caps
            # a name one side writes with a capital mid-sentence, that the other side holds too (its topic's title counts)
            first = next((s for s in seen if s[0] is not item and _same_person(s[1].owner, c.owner)
                          and len(s[2] & low_t) >= 2 and ((s[3] & low_t) | (caps & s[2]))), None)
            if first is not None:
                first[1].lines = sorted({*first[1].lines, *c.lines})
                dropped += 1
                continue
            keep.append(c)
            seen.append((item, c, low, caps))
        item.commitments = keep
    return dropped
