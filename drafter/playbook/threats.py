"""What a risk sentence from the notes is worth to the playbook: a threat to the work or its date,
a concern to mention, history already over, or nothing at all.

The readers catch risk sentences broadly (a modal verb, "not sure", "busy"); the playbook decides
what they mean for an item's status. An item is at risk when something threatens its work or its
date (a slipping date, "might not make it", a blocker, something missing), not when a sentence
holds "may" or "might" ("This may be useful to inspect problems afterwards"). A problem the notes
describe in the past and that holds no present or future word ("The PEP 541 backlog was a year and
four months behind", in a report that says it is now current) is history, not a risk; so is one
the same sentence calls over ("... but all is well now").
"""

from __future__ import annotations

import re
from typing import Literal

from .per_log import per_log

RiskKind = Literal["threat", "concern", "history", "none"]

# a threat to the date or the work: the words a person uses when a date or a piece of work is in danger
_THREAT = re.compile(
    r"\bat[- ]risk\b|\bjeopard\w*|\bin danger\b"
    r"|\b(?:might|may|could|will|would|does|do|did|is|are)\s*(?:not|n't)\s+(?:\w+\s+)?"
    r"(?:make|finish|meet|land|ship|be\s+(?:ready|done|finished|complete|in time|on time|able)|complete|deliver|happen|arrive|fit)\b"
    r"|\b(?:won'?t|can'?t|cannot|couldn'?t|unable to|not able to)\s+(?:\w+\s+)?"
    r"(?:make|finish|meet|land|ship|be\s+(?:ready|done|finished|complete|in time|on time)|complete|deliver|happen|proceed|continue|"
    r"progress|start|test|build|release|merge|deploy|install|run|access|reproduce|get|"
    # the tools the work runs on do not work: "the github environment for tests cannot connect to the database"
    r"connect|reach|load|compile|log ?in|authenticate)\b"
    r"|\b(?:might|may|could|will|likely to|going to|about to)\s+(?:\w+\s+)?(?:slip|miss|overrun|run (?:late|over)|be (?:late|delayed|postponed))\b"
    r"|\b(?:schedule|timeline|deadline|due date|release date|launch date|date)s?\b[^.;]{0,40}?\b(?:adjust|chang|mov|revis|extend|shift|push)\w*"
    r"|\bslip(?:s|ped|ping|page)?\b|\bslid(?:e|es|ing)?\s+(?:to|into|past)\b|\bdelay(?:s|ed|ing)?\b"
    r"|\b(?:is|are|am|was|were|running|be)\s+late\b|\blate (?:on|with|for)\b|\bcatch(?:ing)? up\b|\bbehind(?: schedule)?\b|\brunning (?:late|behind)\b|\boverdue\b"
    r"|\bpostpon\w+|\bpushed (?:back|out)\b|\brun(?:ning|s)? out of\b|\bno time\b|\bnot enough (?:time|people|capacity|budget)\b|\btoo late\b"
    # a date with the price of missing it: "must be signed before 4 Dec or the discount expires"
    r"|\bor (?:else )?(?:\w+ ){0,3}(?:expires?|lapses?|lose|loses|lost|forfeit\w*|cancel\w*|(?:is|are|will be|gets?) (?:lost|cancelled|canceled|dropped))\b"
    r"|\bblock(?:ed|er|ers|ing)\b|\bstuck\b|\bstruggl\w*|\b(?:having|had|have|has)\s+(?:some\s+|a lot of\s+|a bit of\s+)?trouble\b|\bswamped\b|\boverwhelmed\b|\bhold(?:s|ing)?\s+(?:us|me|them|it|things|the team|everyone|everything)\s+back\b|\bheld\s+(?:us\s+|me\s+|them\s+)?back\b|\bscarc\w*|\bshortage\b"
    r"|\b(?:is|are|still)\s+(?:still\s+)?missing\b|\bhas(?:n't| not) (?:been|arrived|landed)\b|\bhad not been\b|\bnot yet (?:been )?\w+ed\b"
    # the tools the work runs on are broken: "some error is arising due to the breaking of Travis CI", "CI is failing"
    r"|\bbreaking of (?:the\s+)?(?:travis(?: ci)?|ci|build|pipeline|tests?)\b|\b(?:travis(?: ci)?|the ci|ci|the build|build|pipeline)\s+(?:is\s+|are\s+)?(?:still\s+)?(?:broken|breaking|failing|red)\b"
    r"|^\W*risks?\s*[:\-—–]|\b(?:the|a|main|big|real|high)\s+risk\b|\brisks?\s+(?:is|are|that|of|to|for)\b",
    re.I,
)

# a problem worth a line, though it names no date in danger ("current UUIDs may not follow ISO")
_CONCERN = re.compile(
    r"\b(?:problems?|issues?|concerns?|concerned|worr\w+|scared|afraid|nervous|anxious|conflicts?|crash\w*|fail\w*|errors?|bugs?|broken|break\w*|"
    r"regress\w*|flaky|fragile|lack\w*|slow\w*|time-consuming|expensive|difficult\w*|hard|mess|danger\w*|risk\w*|"
    r"unclear|unknown|uncertain|not sure|unsure|unable|cannot|can'?t|won'?t|doesn'?t|don'?t|isn'?t|aren'?t|not|no|"
    r"outages?|unavailable|down|nobody|no one|unnoticed|lucky|luckily|by chance|happened to be|before we (?:realized|realised|noticed)|"
    # people's time: a line worth saying, no threat to a date by itself ("Aapeli is busy for about a week")
    r"busy|on (?:vacation|holiday|leave)|out of (?:the )?office|away|travell?ing|availability|available|capacity|"
    # a requirement that may come: more work, not a date in danger ("This may require implementing ...")
    r"(?:may|might|could)\s+(?:also\s+)?(?:need|require|have to|take longer))\b",
    re.I,
)

# a modal that promises something good is no risk ("This may be useful ...", "This might solve ...")
_GOOD_MODAL = re.compile(
    r"\b(?:may|might|could|can|would)\s+(?:also\s+|well\s+|even\s+)?(?:be\s+(?:useful|helpful|nice|good|better|easier|enough|fine|"
    r"possible|worth)|help|solve|fix|improve|allow|enable|simplify|speed up|make (?:it|things) easier|work)\b",
    re.I,
)

# the words of a state now or ahead: a sentence with one of these is not history
_LIVE = re.compile(
    r"\b(?:is|isn'?t|are|aren'?t|am|will|won'?t|shall|may|might|can|can'?t|cannot|could|should|must|need|needs|has|hasn'?t|"
    r"have|haven'?t|do|don'?t|does|doesn'?t|still|yet|currently|now|remains?|remaining|keeps?|expect\w*|ahead|next|soon|"
    r"until|unless|going to|risk|risks|threatens?)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:was|wasn'?t|were|weren'?t|had|did|didn'?t|took|went|became|got|caused|happened|realized|realised|noticed|"
    r"found|needed|used to|\w{3,}ed)\b",
    re.I,
)
# the same sentence says the problem is over
_OVER = re.compile(
    r"\b(?:all is (?:well|good|fine) now|(?:is|are) (?:now )?(?:resolved|fixed|solved|back to normal|current|caught up)|"
    r"no longer|has (?:since )?been (?:resolved|fixed|solved|addressed|cleared)|since (?:been )?(?:resolved|fixed)|"
    r"(?:now|finally) (?:current|resolved|fixed|solved|working|caught up|updated|addressed|handled|supported)|working now|works now)\b",
    re.I,
)
# a negative past state that holds on to the report's date ("had not been created", "was still missing")
_STILL_OPEN = re.compile(r"\b(?:had|has|have|was|were|did)\s*(?:still\s+)?(?:not|n't|never)\b|\b(?:not yet|still)\b", re.I)


# a line that says a problem is over, now: "PEP 541 backlog is current as of December 2025", "But all is well now."
_RESOLVED_LINE = re.compile(
    r"\b(?:(?:is|are)\s+(?:now\s+)?(?:current|caught up|resolved|fixed|solved|back to normal|back up|working again|restored|stable)|"
    r"(?:has|have)\s+(?:since\s+)?been\s+(?:resolved|fixed|solved|addressed|restored)|no longer|all is (?:well|good|fine)|"
    r"(?:now|again)\s+(?:current|resolved|fixed|working|stable)|went back to normal|back to normal|recovered)\b",
    re.I,
)
_GENERAL_OVER = re.compile(r"\ball is (?:well|good|fine)\b|\beverything is (?:fine|back|working)\b", re.I)
_CONTENT = re.compile(r"[A-Za-z][\w-]{3,}|\d{2,}")
_SMALL = {"this", "that", "with", "from", "were", "have", "been", "there", "their", "they", "about", "also", "only",
          "more", "most", "some", "when", "what", "which", "would", "could", "should", "into", "over", "than", "then",
          "same", "week", "weeks", "time", "year", "years", "months", "days"}


def _words(text: str) -> set[str]:
    return {w.lower() for w in _CONTENT.findall(text)} - _SMALL


def resolved_elsewhere(text: str, context: list[str] | tuple[str, ...]) -> bool:
    """Another line of the notes says, in the present, that this problem is over: it names the same
    thing ('PEP 541 backlog is current' for 'The PEP 541 backlog was ... behind'), or says all is well."""
    mine = _words(text)
    for line in context:
        if not line or line.strip() == text.strip() or not _RESOLVED_LINE.search(line):
            continue
        if _GENERAL_OVER.search(line) or len(mine & _words(line)) >= 2:
            return True
    return False


def risk_kind(text: str | None, context: list[str] | tuple[str, ...] = ()) -> RiskKind:
    """'threat' (the item is at risk), 'concern' (a line, no status), 'history' or 'none' (neither).

    ``context``: the notes' other lines; a problem told in the past is history when one of them says
    it is over. Told in the past with nothing to say it is over, it is judged like any other."""
    t = " ".join((text or "").split())
    if not t:
        return "none"
    if _OVER.search(t):
        return "history"
    past = _PAST.search(t) and not _LIVE.search(t) and not _STILL_OPEN.search(t)
    if past and resolved_elsewhere(t, context):
        return "history"
    if _THREAT.search(t):
        return "threat"
    if _GOOD_MODAL.search(t) and not re.search(r"\b(?:might|may|could)\s+not\b", t, re.I):
        return "none"
    if _CONCERN.search(t):
        return "concern"
    return "none"


def is_threat(text: str | None, context: list[str] | tuple[str, ...] = ()) -> bool:
    return risk_kind(text, context) == "threat"


def worth_a_line(text: str | None, context: list[str] | tuple[str, ...] = ()) -> bool:
    """A risk the update states: a threat or a concern (not history, not a mere modal verb)."""
    return risk_kind(text, context) in ("threat", "concern")


def notes_context(item, log=None) -> list[str] | tuple[str, ...]:
    """The lines a risk of ``item`` is judged against: every line of the notes when the log is
    given, else what the item itself holds (its done actions, outcomes and notes)."""
    if log is not None and getattr(log, "lines", None):
        return per_log(log, "line texts", lambda lg: tuple(ln.text for ln in lg.lines))
    return [a.text for a in item.actions] + [o.text for o in item.outcomes] + list(item.notes)
