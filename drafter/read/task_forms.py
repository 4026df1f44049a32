"""How a task line is written, beyond its words: who it is for when a name trails it ("Update
README and add CONTRIBUTION.md in BA repo ... - Timo"), and a planned task that finds something
out ("Finish final investigation of Canvas authentication to triage whether we will change it"),
which is work, not a decision asked of the reader. Used by :func:`drafter.read.signals.classify`."""

from __future__ import annotations

import re

from .regex_gate import gated

# a task that finds out whether; not "Decide whether ...", not "A vs B"
_FINDS_OUT = gated(r"^(?!(?:decide|choose|pick|agree|vote|settle|determine)\b)[a-z]+\b(?!.*\b(?:vs\.?|versus|decide|decision|tbd)\b).*\bwhether\b", re.I)
# "... testing locally - Timo", "... – Kate and Eric": a dash, then only names
_TRAILING = re.compile(r"^(?P<what>.*?\w[^\s\-–—]*)\s+[-–—]\s*(?P<who>[^-–—:;.!?()\[\]]{2,60}?)\s*$")


def finds_out(body: str) -> bool:
    """Does the task open with a verb and find something out ("Investigate whether ...")?"""
    from .wordlist import verb_forms_common

    return bool(_FINDS_OUT.match(body)) and verb_forms_common(body.split()[0].lower())


def trailing_owner(text: str, people) -> tuple[str | None, str]:
    """(owner, task) when the task ends with a dash and the names of people the notes know
    ("... testing locally - Timo" in minutes whose attendees list Timo Stark), else (None, text)."""
    from .people import split_names

    m = _TRAILING.match(text.strip())
    if not m:
        return None, text
    names = split_names(m.group("who"))
    if not names or not all(people.known(n.lstrip("@")) for n in names):
        return None, text
    return ", ".join(dict.fromkeys(people.get(n.lstrip("@")).name for n in names)), m.group("what").strip()


def condition_on(text: str, people) -> tuple[str, str] | None:
    """(who, what they are to deliver) when a plan line waits on someone's move first ("If Jason sends me
    the packages, I'll upload them"; :func:`drafter.read.status_words.awaited_party`), for a name the
    notes know or one that may be a person's."""
    from .people import acceptable
    from .status_words import awaited_party

    found = awaited_party(text)
    if found is None or not re.search(r",\s*(?:then\s+)?(?i:i|we)\b", text):
        return None
    who = found[0].lstrip("@")
    if not (people.known(who) or acceptable(who, "owner", people)):
        return None
    p = people.get(who)
    return (p.name if p else who), found[1]


# "This week I redesigned the front-end UI ...": the writer's past week, done
WEEK_DONE = re.compile(r"^(?:(?:this|last) week|today|yesterday|over the (?:past|last) week)\s*,?\s+(?:i|we)\s+(?:also\s+|then\s+|finally\s+)*[a-z]{3,}ed\b", re.I)
# "Submit a comment or PR for this set of notes.", "Patches to this document are welcome.": the notes' own
# invitation to edit them, no work and no open question
ABOUT_THE_NOTES = re.compile(r"\b(?:comments?|prs?|pull requests?|patch(?:es)?|edits?|suggestions?|corrections?|additions?)\b[^.?!]{0,30}?"
                             r"\b(?:to|for|on|in)\s+(?:this|these)\s+(?:set of\s+)?(?:notes|minutes|document|doc|page|agenda|file)\b|"
                             # how the notes were taken, and when and where the meeting was held: "Notes are truncated, and
                             # conversations sorted based on topic", "Quotes are edited for brevity", "Meeting lasted ~ 65 min"
                             r"^\W*(?:the\s+)?(?:notes|minutes|quotes)\s+(?:are|were)\s+(?:truncated|edited|abridged|paraphrased|summari[sz]ed|"
                             r"not (?:verbatim|exact|a transcript)|taken by|sorted)\b|"
                             r"^\W*(?:the\s+)?meeting\s+(?:lasted|was held|held|started|began|ended|adjourned)\b|"
                             r"^\W*(?:\w+\s+){0,2}meeting\s+held\s+(?:@|at\b|on\b|in\b)|^\W*apologies if (?:i|we)(?:'ve| have)? missed (?:someone|anyone|you)\b|"
                             # a post's sign-off to its readers: "As always, if you find any mistake, let me know and I'll fix it"
                             # a report template's own guidance: "This is primarily for the GSP team, and will also be available
                             # to other GDS teams", "Keep report factual - avoid sentiment/blame", "... should be recorded in the timeline"
                             r"^\W*this is (?:primarily |mainly |mostly )?for the\b.{0,60}\bteams?\b|^\W*keep (?:the |this )?(?:report|notes|document)\b|"
                             r"\bshould be recorded in the (?:timeline|report|notes)\b|"
                             r"^\W*(?:to be (?:filled|completed|written|added)(?: in| out)?(?: later| at the time of\b.*)?|fill (?:this|it|me) in)\W*$|"
                             r"\bif you (?:find|spot|see|notice) (?:any|a|an)\s+(?:\w+\s+)?(?:mistakes?|errors?|typos?|issues?|problems?)\b[^.]*\b(?:let me know|tell me|comment)", re.I)
