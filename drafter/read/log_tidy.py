"""Tidying a finished work log's elements: the same action said twice is one; a risk keeps its own
words without the discourse lead that tied it to the sentence before ("Other than that, ...")."""

from __future__ import annotations

import re

_DISCOURSE_LEAD = re.compile(r"^(?:other than that|apart from that|besides that|additionally|also|as stated|as mentioned|however|that said|in addition|on top of that|"
                             r"finally|lastly)\s*,\s*", re.I)


def one_each(actions: list) -> list:
    """Actions with the same words by the same actor are one action citing all their lines."""
    out, by_key = [], {}
    for a in actions:
        k = (re.sub(r"\W+", " ", a.text.lower()).strip(), (a.actor or "").lstrip("@"))
        if k in by_key:
            by_key[k].lines = sorted({*by_key[k].lines, *a.lines})
        else:
            by_key[k] = a
            out.append(a)
    return out


def without_lead(text: str) -> str:
    bare = _DISCOURSE_LEAD.sub("", text, count=1)
    return bare[:1].upper() + bare[1:] if bare != text and len(bare.split()) >= 4 else text
