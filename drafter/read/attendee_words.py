"""How notes label who attended a meeting: "Attendees:", "Community attendance", "Present", "Regrets",
a roll call ("... sign in below. Roll call:"), in English and a few other languages."""

from __future__ import annotations

import re

from .regex_gate import gated

ATTENDEE_LABEL = gated(
    r"^(?:attendees?|attending|present|participants?|in attendance|people|who|members?|attendance|"
    r"facilitator|chair|note[- ]?taker|scribe|moderator|host|regrets|absent|apologies|guests?|invitees?|who joined|"
    r"aanwezig|afwezig|anwesend|abwesend|pr[ée]sents?|absents?|presentes|ausentes|teilnehmer)\b",
    re.I,
)
ATTENDEE_HEAD = gated(  # "Attendees", "Community attendance", "TSC members present"
    r"(?:(?:community|meeting|tsc|team|committee|board|project)\s+)?(?:attendees?|attending|present|participants?|in attendance|attendance|members present|roll call|"
    r"regrets|absent|apologies|missing(?: members)?|guests?|invitees?|who'?s here|who joined|people|aanwezig|afwezig|anwesend|pr[ée]sents?)(?:\s*\(.*\))?",
    re.I,
)


_ROLL_CALL = gated(rf"(?:^|[.!?]\s+|\b){ATTENDEE_HEAD.pattern}\s*:\s*$|^\s*{ATTENDEE_HEAD.pattern}\s*:?\s*$", re.I)
# _ROLL_CALL's second part alone: a text that does not end in ':' can match only that (the
# first part ends in ':' and white space), which is tried at the start only, not at every word
_ROLL_CALL_ALONE = gated(rf"^\s*{ATTENDEE_HEAD.pattern}\s*:?\s*$", re.I)


def roll_call(text: str) -> bool:
    """``_ROLL_CALL.search(text)`` as a yes/no."""
    if text.rstrip().endswith(":"):
        return _ROLL_CALL.search(text) is not None
    return _ROLL_CALL_ALONE.match(text) is not None
