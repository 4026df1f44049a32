"""What a status word says about a task: done, done but for a part, under way, not started.

A task table's status cell ("DONE", "DONE except for Fedora.", "Mostly done, I'll do one last grep
...", "Basically done", "In progress") and a line under a "Done" heading ("Planning to deprecate
SECIO", "Testing has not been started for Canvas API, ...") say different things: only a done word
with nothing taking it back is done. "done except for X" leaves X open; "mostly/basically/almost
done" and "in progress" are work under way, with the writer's next step if the cell gives one; "not
started" and "not done" are open. The state words are the notes' own and stay in the task's text
("Create all packages and a tarball: DONE except for Fedora."), so the update says them as written.
"""

from __future__ import annotations

import re
from typing import Literal

from .regex_gate import gated

CellState = Literal["done", "partly", "doing", "open"]

_DONE_WORD = (r"done|finished|complete|completed|closed|resolved|merged|fixed|shipped|released|delivered|"
              r"sent|paid|received|refunded|booked|confirmed|yes")
# done with a part left: "DONE except for Fedora", "done but the docs", "finished apart from tests"
_PARTLY = re.compile(rf"\b(?:{_DONE_WORD})\b[\s,;:.-]*(?:except|but|apart from|other than|save for|minus|without|besides)\b"
                     r"|\ball but\b|\bexcept (?:for )?\w", re.I)
# under way: "Mostly done", "Basically done", "almost finished", "in progress", "WIP", "started"
_DOING = re.compile(r"\b(?:mostly|basically|almost|nearly|largely|partly|partially|half|practically|pretty much|kind of|sort of)\s+"
                    rf"(?:{_DONE_WORD})\b"
                    r"|\b(?:in progress|in review|under review|under way|underway|ongoing|wip|started|doing|working on it|being worked on)\b"
                    r"|\b\d{1,2}\s*%", re.I)
# open: "not started", "has not been started", "not done yet", "to do", "pending"
_OPEN = re.compile(r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:started|begun|done|finished|complete|completed|merged|fixed)\b"
                   r"|\b(?:has|have|had|is|are|was|were)n'?t\s+(?:yet\s+)?(?:been\s+)?(?:started|begun|done|finished|completed)\b"
                   r"|^\W*(?:to ?do|todo|pending|open|not started|planned|next)\W*$", re.I)
_DONE = re.compile(rf"(?<!to be )(?<!not )\b(?:{_DONE_WORD}|paid back)\b|[✓✔✅]", re.I)


def cell_state(text: str | None) -> CellState | None:
    """The state a status word or cell says, or None when it names none (an empty cell, a note)."""
    t = " ".join((text or "").split())
    if not t:
        return None
    if _OPEN.search(t):
        return "open"
    if _DOING.search(t):
        return "doing"
    if _PARTLY.search(t):
        return "partly"
    if _DONE.search(t):
        return "done"
    return None


# a line under a "Done" heading that is a plan, not a thing done: "Planning to deprecate SECIO"
PLAN_LEAD = re.compile(r"^(?:(?:i|we|they|he|she)\s+(?:am|are|is)\s+)?(?:planning|plan|plans|going|hoping|intend(?:ing|s)?|about|aiming|want(?:ing|s)?)\s+to\s+\w", re.I)
# a line under "Done" that says its work is still going: "UI Components to edit the OpenEO layer in
# progress", "Working on Python API side!" ("started contributing in May 2020" is a thing done)
IN_PROGRESS = re.compile(r"\b(?:in progress|in review|under way|underway|ongoing|wip)\b|^\W*(?:still\s+)?working on\b"
                         r"|\b(?:mostly|almost|nearly|partly|partially|half)\s+(?:done|finished|complete|completed)\b"
                         r"|\bclose to (?:be(?:ing)?\s+)?(?:done|merged|finished|complete|completed|ready)\b", re.I)
# a line that says its work has not been done: "Testing has not been started for Canvas API"
NOT_DONE = re.compile(r"\b(?:has|have|had|is|are|was|were)\s*(?:not|n't)\s+(?:yet\s+)?(?:been\s+)?(?:started|begun|done|finished|completed|implemented)\b"
                      r"|\bnot\s+(?:yet\s+)?started\b|^\W*not\s+(?:[\w'-]+\s+){1,5}yet\b", re.I)  # "Not hooked up to ML script yet"
# trouble the person reports: "Having some trouble getting the ML model to return values", "Swamped by exams"
TROUBLE = re.compile(r"^\W*(?:(?:i'?m|i am|we'?re|we are|still)\s+)?(?:(?:having|had|have|has)\s+(?:some\s+|a lot of\s+|lots of\s+|a bit of\s+|real\s+)?"
                     r"(?:trouble|difficult(?:y|ies)|problems|issues)\b|struggl\w*|swamped|overloaded|overwhelmed|stuck)\b", re.I)
# a line that says what is left of the work: "Remains to get the symbology to work with it", "Still need to add tests"
REMAINING = re.compile(r"^\W*(?:(?:it\s+)?remains to|(?:what'?s |what is )?left(?: to do)?:|still (?:to|need(?:s)? to|have to|has to|todo)\b|"
                       r"(?:to ?do|todo|remaining|pending)\s*:)\s*\w", re.I)
# someone else did something, in a section of plans: "Everybody welcomed me ...", "The mentors said ..."
OTHERS_DID = re.compile(r"^(?:everybody|everyone|somebody|someone|nobody|people|they|he|she|the (?:team|community|mentors?|"
                         r"maintainers?|reviewers?|others))\s+(?:(?:also|all|kindly|already)\s+)?(?:[a-z]{3,}ed|was|were|had|did|said|"
                         r"gave|got|made|took|came|went|told|sent|wrote|left|felt|found|kept)\b", re.I)
REMAINING_LEAD = re.compile(r"^\W*(?:(?:it\s+)?remains to|still to)\s+", re.I)
# a line that says it is done: "PR merged", "... (done)"; work under way by someone: "(in flight @LucaGuerra)"
DONE_WORD = gated(r"(?<!\bwell )(?<!\bnicely )\b(done|finished|completed|merged|landed|shipped|released|resolved|closed|fixed)\b[.!]*$|^done\b|\(done\)", re.I)
IN_FLIGHT = gated(r"\((?P<state>(?:still\s+)?(?:in flight|in progress|wip|ongoing|under ?way|being worked on))[,:;]?\s+(?:by\s+|with\s+)?@?(?P<who>[\w.-]+)\)", re.I)
# someone's time ahead, said of themselves: "I'll be here!" (no risk), "I'll be out of office September 1-5",
# "I'm off Thursday-Monday", "I will be working from plane on Wednesday" (time away: a risk to the plan)
AVAILABILITY = re.compile(r"^\W*(?:i|we)\s*(?:will|['’]ll|am|['’]m|are|['’]re)\s+(?:(?:also|only|still|probably|mostly)\s+)?(?:be\s+)?"
                          r"(?:(?P<away>out(?: of (?:the )?office)?|off|away|on (?:vacation|holiday|leave|pto|parental leave)|travel\w*|"
                          r"working from|flying|unavailable|sick|at (?:a |the )?(?:conference|offsite))|here|around|available|back)\b", re.I)
# a point the meeting left open, said as such: "Nothing decided, not even next steps.", "No decision yet"
NO_DECISION = re.compile(r"^\W*(?:nothing (?:was |got )?(?:decided|agreed|resolved)|no (?:decision|conclusion|agreement|consensus)(?: (?:yet|reached|made))?|"
                         r"not (?:yet )?(?:decided|agreed|resolved)|undecided)\b", re.I)
# a report of what happened, worded in the past: "A few documentation PRs went in", "Last efforts spent
# integrating with ...", "Experimented with PyScript ... I gave up" (under an agenda's unchecked box: no task)
REPORTED_PAST = re.compile(r"^(?:(?:[\w-]+\s+){0,5}?(?:went in|went out|got merged|were (?:merged|added|fixed|released|landed)|"
                           r"was (?:merged|added|fixed|released|landed)|spent)|experimented|tried|explored|investigated|looked into)\b", re.I)
# work held up by something, said as what cannot happen yet: "My PR cannot be merged as of now", "The release
# cannot ship until the CI is fixed", "can't deploy while the repo is broken"
BLOCKED_BY = re.compile(r"\b(?:cannot|can ?not|can['’]t|could not|couldn['’]t|won['’]t be able to)\s+(?:be\s+)?(?:\w+\s+)?"
                        r"(?:merged?|ship(?:ped)?|released?|deployed?|land(?:ed)?|built|tested|proceed|continue|go (?:ahead|live))\b"
                        r"(?=.*\b(?:until|because|as of now|yet|while|since|before|is broken|are broken)\b)", re.I)
# a known problem labelled as such: "Bug: When radius not set, nothing is displayed.", "Race condition: ..."
PROBLEM_LABEL = re.compile(r"^\W*(?:bugs?|issues?|problems?|race conditions?|regressions?|known issues?|caveats?|gotchas?|"
                           r"limitations?|flaky|crash(?:es)?)\s*[:\-–]\s*\S", re.I)
# a line that muses rather than reports: "Might be nice to use different JLab tabs", "Should be doable if ..."
MUSING = re.compile(r"^\W*(?:(?:it|this|that)\s+)?(?:might|could|would|may)\s+(?:also\s+)?be\b|^\W*(?:should|could|can|might|may)\s+"
                    r"(?:be|also|use|then|probably|maybe)\b|^\W*(?:maybe|perhaps|ideally)\b|"
                    r"\b(?:might|could|would)\s+(?:also\s+)?be\s+(?:nice|good|useful|great|helpful|worth\w*|interesting|cool)\b", re.I)

# the state as the notes wrote it after a task, kept in its text: "<task>: DONE except for Fedora."
_STATED = re.compile(r"^(?P<task>.{3,}?):\s+(?P<state>\S.*)$")


def stated_progress(what: str) -> tuple[str, str] | None:
    """('Create all packages and a tarball', 'done except for Fedora') when ``what`` ends with a
    state that leaves work open (under way or done but for a part); else None. The state's first
    word is lowered to follow a dash or a bracket ('DONE', 'Mostly'; 'I'll' stays)."""
    m = _STATED.match(" ".join((what or "").split()))
    if not m or cell_state(m.group("state")) not in ("partly", "doing"):
        return None
    state = re.sub(r"^(?!I\b|I')[A-Z][A-Za-z]*\b", lambda w: w.group(0).lower(), m.group("state").strip().rstrip("."))
    return m.group("task").strip(), state


# a status that waits on someone: "If Jason sends me the packages, I'll make sure they get uploaded"
_ON_CONDITION = re.compile(r"^\W*(?i:if|once|when|as soon as|after)\s+(?P<who>[A-Z][\w.-]+(?:\s+[A-Z][\w-]+)?)\s+"
                           r"(?P<what>(?:sends?|gives?|provides?|delivers?|shares?|uploads?|finish(?:es)?|builds?|gets?|"
                           r"approves?|confirms?|replies|answers?|merges?|reviews?)\b[^,;.]*)")


def awaited_party(text: str | None) -> tuple[str, str] | None:
    """('Jason', 'the packages') when the status makes the task wait on someone's move ("If Jason
    sends me the packages, ..."): who, and what they are to send (their move when it names no thing)."""
    m = _ON_CONDITION.match(" ".join((text or "").split()))
    if not m or m.group("who").lower() in ("i", "we", "it", "this", "that", "they", "he", "she", "everyone"):
        return None
    move = m.group("what").strip()
    thing = re.sub(r"^\w+\s+(?:(?:me|us|it|them)\s+)?(?=(?:the|a|an|their|his|her|our|my|this|these|those)\b)", "", move, flags=re.I)
    return m.group("who"), thing
