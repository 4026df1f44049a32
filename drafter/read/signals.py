"""What one clause of the notes says: done, promised (by whom), waited on, decided, to decide,
asked, risky, or just noted. Shared by the genre readers.

:func:`classify` takes a clean clause and the section's ``mode`` (what its heading says the
section holds: ``done``, ``doing``, ``blocked``, ``decided``, ``risk``, ``question``, ``timeline``
or None) and returns a :class:`Signal`. The clause text it returns is the notes' own words
(markup already stripped; a leading owner label or "AI:" removed), never a template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .section_modes import MODE_HEADS, MODES, mode_of  # noqa: F401  (re-exported: they lived here)
from .status_words import (AVAILABILITY, BLOCKED_BY, NO_DECISION, REPORTED_PAST, DONE_WORD, IN_FLIGHT, IN_PROGRESS, MUSING, NOT_DONE, TROUBLE, OTHERS_DID, PLAN_LEAD,  # noqa: F401  (DONE_WORD re-exported)
                           PROBLEM_LABEL, REMAINING, REMAINING_LEAD)
from .people_forms import verb_not_owner
from .people import OWNER_PATTERNS, People, acceptable, is_me, normalise, speaker_label, split_names
from .clause_split import options_in, sentences  # noqa: F401  (re-exported: they lived here)
from .regex_gate import gated
from .speaker_lines import _known_names, speaker_turns  # noqa: F401  (speaker_turns re-exported: it lived here)
from .task_forms import ABOUT_THE_NOTES, WEEK_DONE, condition_on, finds_out, trailing_owner

_NONE_ANSWER = gated(
    r"^(?:no(?:ne|pe)?(?: (?:mentioned|reported|raised|so far|this week|today))?|n/?a|nothing(?: (?:yet|so far|to report|mentioned|reported))?|not really|nil|-+|no blockers?(?: (?:so far|yet|today))?|"
    r"no,? (?:i|we) (?:didn'?t|did not|haven'?t|have not|am not|wasn'?t)\b.*|no (?:issues|problems|difficulties)\b.*|(?:i|we) (?:found|had|faced|ran into|encountered) no (?:major |big |real |significant )?(?:issues|problems|difficulties|blockers)\b.*|"
    r"not (?:at the moment|yet|so far|as such|really|particularly|much|that i know of)|all good|nothing blocking\b.*|nothing (?:major|significant|serious)(?: so far| this week)?|"
    r"(?:i have |i've got |there is |there's )?nothing (?:(?:to (?:talk about|report|share|mention|add))|at the moment|right now|for now)(?:,? thanks?(?: you)?)?)[.!]?$",
    re.I,
)
QUESTION_START = gated(
    r"^(?:who|what|when|where|why|how|which|should|shall|can|could|would|will|do|does|did|is|are|was|were|have|has|"
    r"any(?:one|body)?|is there|are there)\b",
    re.I,
)
OUTCOME_RE = gated(
    r"\b(agreed|let'?s do (?:this|that|it)\b|agree(?:s|d)? (?:to|on|that|not)|(?:we|all|everyone|group|tsc|tac|team) agree\b|decided|decide to|decision to|decision(?: made)?\s*[:\-–]|resolved|approved|approves|lgtm|consensus|"
    r"accepted|we(?:'ll| will)? go(?:ing)? with|voted|vote (?:passed|carried)|motion (?:passed|carried)|"
    r"no objections?|ratified|concluded|unanimous(?:ly)?|signed off|recommends?|recommended|settled on|"
    r"^(?:this|it|that|the (?:next )?(?:release|fix|plan|pr|change|policy|vote))\s+(?:will|should|is going to) be\b|should be (?:committed|merged|released|shipped) as is|\+1s?\b|(?:is|was) (?:fixed|merged|released|shipped|"
    r"deployed|restored)|went back to normal|back to normal|recovered)",
    re.I,
)
DECISION_RE = gated(
    r"\b(need(?:s|ed)? (?:a |to make a )?decision|decision (?:needed|required|pending)|to be decided|(?<![.\w-])tbd(?![.\w-])|undecided|"
    r"(?<!don't )(?<!do not )(?<!doesn't )(?:need|needs|have) to (?:decide|choose|pick|agree on|figure out whether)|decide (?:whether|on|if|between|which)|"
    r"proposal\s*:|(?<!paper )(?<!article )(?<!document )(?<!doc )(?<!spec )(?<!rfc )(?<!pr )(?<!issue )propose[sd]?\b|options?\s*:|alternatives?\s*:|versus|whether (?:to|we)|(?:was|were|is|are|been) asked (?:whether|if|to (?:decide|choose|approve|vote)))|"
    r"^(?=(?:\S+\s+){0,10}\S+$).*(?<![.\w])vs\.?(?=\s)",  # "A vs B" in a short clause, not a long sentence that mentions one
    re.I,
)
WAIT_RE = gated(
    r"\b(waiting (?:on|for)|awaiting|blocked (?:on|by)|blocker\s*:|depends on|dependent on|pending(?! (?:work|tasks?|items?|to-?dos?)\b) (?:on|from|review|approval)?|"
    r"stuck (?:on|with)|(?:need|needs|needed) (?:\w+ ){0,4}from|no (?:reply|response|answer) (?:from|yet)|"
    r"hasn'?t (?:replied|responded|sent|answered)|until \w+ (?:replies|responds|confirms)|"
    r"needs? (?:a |an |the )?(?:final |another |second )?(?:review|approval|sign-?off|reviewers?)|waiting for (?:review|approval)|"
    r"(?:need|needs|have|has) to wait (?:on|for)|will wait (?:on|for|until)|on hold (?:until|till|pending|while))",
    re.I,
)
RISK_RE = gated(
    r"\b(risks?|concern(?:s|ed)?|worr(?:y|ied)|scared|afraid|nervous|anxious|might not|may not|could slip|at risk|danger|unclear|unknown|"
    r"not sure|uncertain|may need|might need|may require|could break|problem is|issue is|regressions?|"
    r"fragile|flaky|we got lucky|took \w+ hours|went unnoticed|nobody (?:was )?notified|might|may (?:be|not|need|have|slip|break|require|miss)|"
    r"struggl\w*|(?:having|had|have|has) (?:some |a lot of |lots of |a little |a bit of |real )?(?:trouble|difficult(?:y|ies)|problems) (?:with|getting|to|making|in)|"
    r"swamped|overloaded|overwhelmed|(?:is|are|was|were) (?:still )?missing|busy|on vacation|on holiday|out of office|can'?t make it|is a problem|still (?:no|not|open|missing))\b",
    re.I,
)
DONE_VERBS = (
    "added|addressed|adopted|announced|applied|approved|archived|assigned|automated|booked|built|changed|checked|"
    "cleaned|closed|collected|committed|completed|configured|confirmed|contacted|converted|cordoned|created|"
    "cut|debugged|decided|delivered|deleted|deployed|designed|discovered|discussed|documented|drafted|emailed|"
    "enabled|ended|evaluated|filed|finalized|finalised|finished|fixed|found|got|handled|helped|identified|"
    "implemented|improved|installed|integrated|investigated|landed|launched|learned|learnt|made|managed|merged|"
    "migrated|moved|noticed|opened|organized|organised|paired|passed|patched|posted|prepared|presented|"
    "published|pushed|ran|rebased|received|recorded|refactored|released|relayed|removed|renamed|reordered|"
    "replaced|replied|reported|researched|resolved|restarted|restored|reviewed|rewrote|rolled|scheduled|sent|"
    "set|settled|shared|shipped|signed|solved|sorted|spent|started|submitted|switched|synced|tested|"
    "tracked|trained|tried|triaged|turned|updated|upgraded|uploaded|verified|wrapped|wrote|worked"
)
DONE_RE = gated(
    rf"^(?:(?:i|we|they|he|she|[A-Z][\w'-]+)\s+(?:also\s+|then\s+|have\s+|has\s+|had\s+|just\s+|finally\s+|managed to\s+)?)?(?:{DONE_VERBS})\b"
    r"|^(?:i|we)\s+(?:also\s+)?(?:had to|got to|was able to|were able to|managed to)\s+\w+",
    re.I,
)
_CAN_DO = gated(r"^(?:i|we)\s+(?:can|could)\s+(?P<what>(?:follow up|take|do|look|handle|check|help|review|write|draft|send|ask|prepare|set up)\b.*)$", re.I)
_FIRST_WILL = gated(
    r"^(?:(?:next time|in (?:the )?future|going forward|from now on|next week|next sprint|this week|after (?:this|that)|then|now|so),?\s+)?(?:i\s*(?:will|'ll|’ll|am going to|'m going to|plan to|need to|have to|intend to|aim to)|"
    r"we\s*(?:will|'ll|’ll|are going to|['’]re going to|plan to)|i['’]m going to)\s+(?P<what>.+)$|^(?:this|next) (?:week|sprint|month),? (?:i|we)\s*(?:will|'ll|’ll|plan to)\s+(?P<what2>.+)$",
    re.I,
)
# a question written without its mark: "Can Hyperledger hold the withdrawal keys and hold crypto"
_ASKS_WITHOUT_MARK = re.compile(r"^(?i:can|could|should|shall|would|will|is|are|does|do)\s+(?:(?i:we|they|he|she|it|you)\b|[A-Z][\w-]+)\s+(?!not\b)[a-z]+")
# "Propose configuration options" (a task), "Proposed timeline for v1: January" (a plan): no decision asked
_NOT_ASKED = gated(r"^(?:propose\b|proposed\s+[\w-]+(?:\s+[\w-]+)?\s*(?:for|of|is|:))", re.I)
# "I would like to see this in 0.37": a view, not a promise
_VIEW = gated(r"^(?:i|we)\s*(?:would|'d|’d)\s+(?:like to see|love to see|prefer|rather)\b|^(?:i|we)\s+(?:think|feel|believe)\b"
              r"|^(?:to me|for me|in my (?:opinion|view)|imo)\b", re.I)  # "To me at the moment, these seem like ...": a view
_REF_STATE = re.compile(r"(?:[\w.-]+/[\w.-]+\s*)?(?:(?:pr|issue)\s*)?#\d+\s+(?:is\s+|was\s+|got\s+|has been\s+)?(?:now\s+)?"
                        r"(?:merged|landed|closed|fixed|done|released|shipped|resolved)[.!]*", re.I)
_STATUS_ONLY = gated(r"(?:done|merged|landed|shipped|released|fixed|closed|resolved|completed|finished|published)[.!]?", re.I)
# the notes' own boilerplate and standing invitations, not a task asked of anyone: "Please add new agenda
# items under the heading", "Please reach out if you want to ...", "Please review regularly our list", "Please join"
_STANDING_ASK = gated(
    r"^please,?\s+(?:(?:add|put|list|write|sign)\b.*\b(?:agenda|items?|names?|here|below|above|heading)\b|attend\b|join\b)|"
    r"\bif you (?:want|wish|would like|'d like|have|are|can|need)\b|\b(?:regularly|always|every (?:week|time|meeting))\b",
    re.I,
)
_ABSENT = gated(r"\b(?:can'?t|cannot|couldn'?t|could not) make it (?:today|this week|to (?:the|this|today'?s) (?:meeting|call))\b", re.I)
_NO_WAIT = gated(r"\b(?:nothing|none|no(?:thing)? (?:else|more))\s+(?:else\s+)?(?:is\s+|was\s+)?(?:pending|blocked|waiting)\b", re.I)  # "nothing else pending release"
SLIP_RE = gated(
    r"\b((?:will|may|might|could|would|to|'ll) slide|slid(?:es|ing)? (?:to|into|past|out|back|by)|slip|slips|slipping|slipped|delayed|postponed|pushed (?:back|out)|behind schedule|"
    r"running late|won'?t make it|will miss|missed the)\b",
    re.I,
)
PASSIVE_DONE_RE = gated(
    rf"\b(?:was|were|has been|have been|['’]s been|got|is now|are now|now|is|are)\s+(?:{DONE_VERBS}|done|in place|live|available)\b(?!\s+(?:to|by|if|when))|^(?!.*\b(?:not|never|make sure|ensure|needs?|should|must|will|to be|is|are)\b)[\w#./-]+(?:\s+[\w#./-]+){{0,5}}\s+(?:{DONE_VERBS}|complete|done)(?:\s+(?:today|yesterday|last \w+)|\s+(?:for|in|on)\s+[\w#./+-]+(?:\s+[\w#./+-]+)?)?\.?$",
    re.I,
)
# a report in the passive, said in a "doing" section: "More content was added since the TSC meeting"
_PASSIVE_PAST = re.compile(r"^(?:[\w-]+\s+){1,5}?(?:was|were|has been|have been)\s+(?:\w+ly\s+)?(?!needed|required|expected|planned|asked|supposed|scheduled)[a-z]{3,}ed\b(?!.*\b(?:will|should|needs? to|to be)\b)", re.I)
_IS_SO = re.compile(r"^(?:next|this|last|the)\s+(?:week|month|monday|tuesday|wednesday|thursday|friday|meeting|call)\s+(?:is|was|will be)\b", re.I)
_DATE_ONLY = gated(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?(?:\s+\d{4})?|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)?\s*[:.-]?",
    re.I,
)
_VERDICT = gated(r"^(?:yes|no|nope|yep|yeah|agreed|not (?:now|yet|for now)|never|definitely|correct|done|approved|rejected)\b", re.I)
_IMPERATIVE_LEAD = gated(r"^(?:please\s+)?(?P<verb>[a-z]+)\b", re.I)
# "Resolution: the TSC agreed to ...", "**Conclusion:** stay with ...", "Decision: ...": what was settled
OUTCOME_LABEL = gated(
    r"^(?:the\s+)?(?:(?:tsc|tac|group|team|committee|board)(?:'s)?\s+)?(?:conclusions?|resolutions?|resolved|decisions?(?:\s+made)?|decided|outcomes?|"
    r"results?|agreed|agreements?|consensus|verdict|vote(?:\s+results?)?|voted|ruling|final answer)(?:\s+(?:is|was)(?:\s+(?:simple|clear))?)?\s*:\s*(?P<rest>\S.*)$",
    re.I,
)
# "Proposal: ...", "Decision needed: ...", "Open question: ...": what is still to be settled
DECISION_LABEL = gated(
    r"^(?:proposals?|proposed|counter[- ]?proposal|alternative proposal|options?|alternatives?|decisions?\s+(?:needed|pending|required|to make)|"
    r"to (?:decide|be decided)|open (?:question|decision)|ask)\s*(?::|\s[-–—]\s)\s*(?P<rest>\S.*)$",
    re.I,
)


# "Lesson learned: ...", "The conclusion is simple: ...": what to do next time (an imperative) or what was learnt
_LESSON_LABEL = gated(
    r"^(?:the\s+|our\s+|main\s+|key\s+)?(?:lessons?(?:\s+learn(?:ed|t))?|takeaways?|learnings?)"
    r"(?:\s+(?:is|was|here is)(?:\s+(?:simple|clear|obvious))?)?\s*:\s*(?P<rest>\S.*)$",
    re.I,
)
_NOT_IMPERATIVE = {"the", "a", "an", "we", "i", "it", "this", "that", "they", "our", "there", "these", "those", "you", "he", "she",
                   "nothing", "no", "not", "everything", "all", "some", "most", "many"}


def labelled_outcome(text: str) -> str | None:
    """The settled text of an outcome label line ("Conclusion: stay with X"), else None; a label
    followed by a question ("Decision: X or Y?") is not settled."""
    m = OUTCOME_LABEL.match(text.strip())
    if not m or m.group("rest").rstrip().endswith("?") or re.match(r"(?:needed|pending|required|tbd|none)\b", m.group("rest"), re.I):
        return None
    return m.group("rest").strip()


@dataclass
class Signal:
    kind: str  # done, commitment, wait, outcome, decision, question, risk, note, none
    text: str
    owner: str | None = None  # who promised / did / decided / waits-for
    on_whom: str | None = None
    options: list[str] = field(default_factory=list)
    answered: bool = False
    speaker: str | None = None  # who said it (minutes, chat)


def is_question(text: str) -> bool:
    t = text.strip()
    return t.endswith("?") or (bool(QUESTION_START.match(t)) and len(t.split()) <= 14 and not re.search(r"[.!]\s", t) and "?" in t)


def is_none_answer(text: str) -> bool:
    return bool(_NONE_ANSWER.match(text.strip()))


def owner_of(text: str, people: People, labels_are_owners: bool = False) -> tuple[str | None, str]:
    """(owner, what) when ``text`` names an owner in an owner position, else (None, text)."""
    # only the names the text holds can match: the alternation of every known name, built and
    # run per clause, made notes with many people quadratic
    known = [n for n in _known_names(people) if n in text]
    if known:
        # "Real-time design doc (#557): Aapeli will work on this with Lennart"
        alt = "|".join(re.escape(n) for n in known)
        m = re.search(
            rf"(?:^|[:;,(]\s*|\b(?:and|so|then)\s+)@?(?P<who>(?:{alt})(?:\s*(?:,|and|&)\s*@?(?:{alt}))*)(?:\s+\(@[\w.-]+\))?\s+"
            # "Samuel responded quickly and promised to prepare a VM": what they did, then their promise
            rf"(?:[a-z]{{3,}}ed(?:\s+[a-z]+ly)?\s+and\s+(?=(?:also\s+)?(?:promised|agreed|offered|volunteered)\s+to\b)(?:also\s+)?)?"
            rf"(?:will|'ll|to|is going to|agreed to|"
            rf"volunteer(?:s|ed|ing) to|offer(?:s|ed|ing) to|promised to|plans? to|is to|are to|is (?=working on|looking into|reviewing|investigating|on it))\b(?:\s+)?(?P<what>\w.+)$",
            text,
        )
        if m and not verb_not_owner(text, split_names(m.group("who")), m.group("what")):
            names = [people.get(n).name if people.get(n) else n for n in split_names(m.group("who"))]
            what = m.group("what").strip()
            return ", ".join(dict.fromkeys(names)), what
    for pat in OWNER_PATTERNS:
        m = pat.search(text)
        if not m:
            continue
        names = [normalise(n) for n in split_names(m.group("who"))]
        if verb_not_owner(text, names, m.group("what")):
            continue  # "Rename to Semagrams", "James, talked to Yagiz ...": a verb, not a person
        names = [n for n in names if n and (people.known(n) or acceptable(n, "owner", people))]
        if names:
            return ", ".join(names), m.group("what").strip()
    return None, text



# a pointer to where something is: "See: Action items board", "Slides: deck", "Recording: link"
_REFERENCE = re.compile(r"^(?:see(?: also)?|cf\.?|ref(?:erence)?s?|links?|slides|recording|video|docs?|notes|minutes|agenda|"
                        r"spreadsheet|sheet|board|tracking sheet|meeting link|zoom|notion)\s*:\s*(?:\S+(?:\s+\S+){0,5})$"
                        # "See backlog at “Backlog” tab <url>": where the list is kept, not a task
                        r"|^see (?:the )?(?:\S+\s+){0,3}(?:at|in|on|under)\s+(?:the\s+)?(?:\S+\s+){0,2}(?:tab|page|doc|document|sheet|board|wiki|link)\.?$", re.I)


# before a risk word: it is denied ("an improvement, not a regression") or only supposed ("if we
# decide that it is a regression, we could make it opt-in"): no risk is told
_DENIED_BEFORE = re.compile(r"(?:\b(?:not|no|never|without|nor)\s+(?:an?\s+|any\s+|the\s+|real\s+)?|\bif\b[^,.;]{0,40}\b(?:is|are|be|was)\s+an?\s+)$", re.I)


# "This may be a good issue for me to work on", "it might be worth a try": a hope, not a risk
_GOOD_MAYBE = re.compile(r"^(?:may|might|could) be (?:a )?(?:good|great|nice|useful|helpful|worth|interesting|fun)\b", re.I)


def _risk_word_denied(body: str) -> bool:
    """Is every risk word of ``body`` a noun that is denied or supposed (see ``_DENIED_BEFORE``), or a
    "may be a good ..." that hopes?"""
    found = list(RISK_RE.finditer(body))
    return bool(found) and all(_GOOD_MAYBE.match(body[m.start():]) is not None or (
        m.group(0).lower().rstrip("s") in ("regression", "risk", "concern", "danger", "problem is", "issue is")
        and _DENIED_BEFORE.search(body[max(0, m.start() - 60): m.start()])) for m in found)


def classify(text: str, mode: str | None, people: People, *, speaker: str | None = None, checked: bool | None = None,
             owner_tags: list[str] | None = None, first_person: bool = False, default_owner: str | None = None) -> Signal:
    """What ``text`` (one clean clause) says in a section of ``mode`` (see the module doc)."""
    sig = _classify(text, mode, people, speaker=speaker, checked=checked, owner_tags=owner_tags,
                    first_person=first_person, default_owner=default_owner)
    sig.speaker = speaker
    return sig


def _classify(text: str, mode: str | None, people: People, *, speaker: str | None = None, checked: bool | None = None,
              owner_tags: list[str] | None = None, first_person: bool = False, default_owner: str | None = None) -> Signal:
    t = text.strip().rstrip(";,")
    if not t:
        return Signal("none", "")
    low = t.lower()
    if mode == "context":
        return Signal("note", t)
    if mode == "risk" and (av := AVAILABILITY.match(t)):  # "My availability": "I'll be here!", "I'll be out of office Sep 1-5"
        return Signal("risk", t, owner=speaker or default_owner) if av.group("away") else Signal("none", t)  # "here": no news
    if mode == "plain":
        mode = None
    if mode == "retro":
        mode = "decided"
    done_item = mode == "done_item"  # a list item in a "done" section: done unless it says otherwise
    if done_item:
        mode = "done"
    if re.match(r"^(?:_?example_?|for example|for instance|e\.g\.?|eg)\s*[:\-–]\s*\S", t, re.I):
        return Signal("note", t)  # "Example: Nick working through the Tech Debt payoff": an illustration
    if _DATE_ONLY.fullmatch(t):
        return Signal("note", t)  # "Monday 2023-02-20": a slot, not a task
    if _REFERENCE.match(t):
        return Signal("note", t)  # "See: Action items board" (a link's text): where to look, not a task
    if ABOUT_THE_NOTES.search(t):
        return Signal("none", t)  # "Submit a comment or PR for this set of notes.": the notes' own boilerplate
    if is_none_answer(t):
        return Signal("none", t, answered=True)
    if _REF_STATE.fullmatch(t):
        return Signal("done", t, owner=speaker or default_owner)  # "#10289 Merged!": that PR's state
    if _STATUS_ONLY.fullmatch(t):
        return Signal("done", t, owner=speaker or default_owner)  # "merged" under a PR: its state
    dated = re.match(r"^\d{4}[./-]\d{1,2}[./-]\d{1,2}\s*:\s*(?=[^:]{1,40}:\s)", t)
    if dated:
        t = t[dated.end():]  # "2026.01.27: Andreas: Prepare a list ...": the day it was raised, then the owner's action
    if re.match(r"^(?:i|we)\s+(?:(?:have|already|just|also)\s+)*(?:approved|reviewed|merged|accepted)\b(?!\s+(?:to|that|the (?:idea|proposal|plan))\b)", t, re.I) and "?" not in t:
        return Signal("done", t, owner=speaker or default_owner)  # "[kiara] I approved yesterday.": her review is done, no group decision
    if mode == "done" and re.match(r"^(?:decide|choose|pick|agree|settle)\s+(?:on|upon|between|which)\b", t, re.I) and "?" not in t:
        return Signal("done", t, owner=speaker or default_owner)  # "Decide on AWS Lambda for hosting" under "Accomplishments": decided
    # owner labels: "AI: x", "Action: x", "Sam: fix x" on an action item
    label_owner = None
    m = re.match(r"^(?:AI|A\.I\.|Action(?: items?)?|TODO|Follow[- ]?up)\s*[:\-–]\s*(?P<rest>.+)$", t, re.I)
    action_label = bool(m)
    if m:
        t = m.group("rest").strip()
    nm = re.match(r"^(?P<lab>[^:]{0,40}?\b(?:next steps?|action items?|to ?dos?|follow[- ]?ups?|plan|will do)\b[^:]{0,10}):\s*(?P<rest>.+)$", t, re.I)
    if nm and not action_label:
        action_label = True  # "Owen's next step: finish up the pull request"
        named = [p.name for p in people.persons() if re.search(rf"\b{re.escape(p.name.split()[0])}\b", nm.group("lab"))]
        if named:
            owner_tags = [*(owner_tags or []), named[0]]
        t = nm.group("rest").strip()
    lesson = _LESSON_LABEL.match(t)
    if lesson and not action_label:
        rest = lesson.group("rest").strip()
        first = rest.split()[0].lower() if rest.split() else ""
        if first not in _NOT_IMPERATIVE and not re.search(r"^(?:\S+\s+){0,3}(?:is|are|was|were|has|have)\b", rest, re.I):
            return Signal("commitment", rest, owner=default_owner)  # "The conclusion is simple: prepare scripts earlier"
        return Signal("outcome", rest, owner=speaker)
    if NO_DECISION.match(t):
        return Signal("note", t, owner=speaker)  # "Nothing decided, not even next steps.": no outcome, the point stays open
    settled = labelled_outcome(t)
    if settled and not action_label:
        return Signal("outcome", settled, owner=speaker)
    dl = DECISION_LABEL.match(t)
    if dl and not action_label:
        rest = dl.group("rest").strip()
        return Signal("decision", rest, owner=speaker, options=options_in(rest))
    tags = [x for x in (owner_tags or []) if people.known(x) or acceptable(x, "owner", people)]
    if tags:
        label_owner = ", ".join(tags)
    who, what = owner_of(t, people)
    if who is None and label_owner is None and (mode == "doing" or checked is not None):
        who, what = trailing_owner(t, people)  # an action item: "... testing locally - Timo"
    if who is None and label_owner is None:
        lm = re.match(r"^(?P<who>[^:]{1,40}):\s*(?P<rest>.+)$", t)
        team = re.fullmatch(r"@[\w.-]+/(?P<team>[\w.-]+)", lm.group("who").strip()) if lm else None
        if team:  # "@AcademySoftwareFoundation/rez-tsc: Post link to ...": the GitHub team's, its name as the owner
            label_owner, t = team.group("team"), lm.group("rest").strip()
            lm = None
        if lm:
            cand = speaker_label(lm.group("who"))
            if cand and (people.known(cand) or acceptable(cand, "owner", people)):
                label_owner, t = cand, lm.group("rest").strip()
                who, what = owner_of(t, people)
    if label_owner is None and speaker and mode == "doing" and not who:
        label_owner = speaker  # "Sam: email verification" in a "working on" round
    owner = who or label_owner or speaker or default_owner
    body = what if who else t
    pm = re.match(r"^please,?\s+(?P<what>(?!let\b|note\b)[a-z]+\b.*)$", body, re.I)
    if pm and not who and not first_person and not is_question(body) and not _STANDING_ASK.search(body):
        # "Carol: please read the doc, comment on it": asked of the others in the room, not the speaker's promise
        return Signal("commitment", pm.group("what"), owner=None)
    if mode == "done" and checked is not True:
        if PLAN_LEAD.match(body) or IN_PROGRESS.search(body):  # "Planning to deprecate SECIO", "... in progress"
            return Signal("commitment", body, owner=owner)  # under "Done:": a plan or work under way, still open
        if TROUBLE.match(body):  # "Having some trouble getting the ML model to return values": trouble, not done
            return Signal("risk", body, owner=owner)
        if NOT_DONE.search(body):  # "Testing has not been started for Canvas API, ...": not done, a gap in the plan
            return Signal("risk", body, owner=owner)
        if REMAINING.match(body):  # "Remains to get the symbology to work": what is left, still open
            return Signal("commitment", REMAINING_LEAD.sub("", body, count=1) or body, owner=owner if who or label_owner else None)
        if MUSING.match(body):  # "Might be nice to use different JLab tabs": an idea, neither done nor a promise
            return Signal("note", body, owner=owner)
    if PROBLEM_LABEL.match(body) and not DONE_WORD.search(body) and mode != "doing":  # in "Doing", fixing it is the task
        return Signal("risk", body, owner=owner)  # "Bug: When radius not set, nothing is displayed."
    if checked is True and is_question(body):
        return Signal("question", body, owner=speaker or owner)  # "- [x] Time for this meeting?": an agenda point covered, not work done
    if checked is True or (mode == "done" and DONE_WORD.search(body)):
        return Signal("done", _strip_done(body), owner=owner)
    qa = re.match(r"^(?P<q>[^?]{3,}\?)\s+(?P<a>\S.*)$", body)
    if qa and not re.search(r"\?", qa.group("a")):
        if _VERDICT.match(qa.group("a")) or OUTCOME_RE.search(qa.group("a")):
            return Signal("outcome", body, owner=speaker)  # "Are we going to enforce SEMVER? No.": settled
        return Signal("question", body, owner=speaker or owner, answered=True)
    if is_question(body):
        if re.search(r"\bor\b", body) and re.match(r"^(?:should|shall|do|does|can|could|would|will) (?:we|i|they|it)\b|^(?:which|whether)\b", body, re.I):
            return Signal("decision", body, owner=owner, options=options_in(body))
        return Signal("question", body, owner=speaker or owner)
    if _VIEW.match(body) or _ABSENT.search(body):
        return Signal("note", body, owner=speaker or owner)  # a view; who could not attend (attendance, no risk)
    if mode == "blocked":
        return Signal("wait", body, owner=owner, on_whom=_party(body, people))
    if BLOCKED_BY.search(body):  # "The PR cannot be merged as of now, because the repo is broken": held up
        return Signal("wait", body, owner=owner, on_whom=_party(body, people))
    if WAIT_RE.search(body) and not _NO_WAIT.search(body):
        return Signal("wait", body, owner=owner, on_whom=_party(body, people))
    if (cond := condition_on(body, people)) is not None:
        return Signal("wait", body, owner=owner, on_whom=cond[0])  # "If Jason sends me the packages, I'll upload them"
    if SLIP_RE.search(body):
        return Signal("risk", body, owner=owner)  # "Will slide to next week"
    if RISK_RE.search(body) and re.match(r"^(?:this|that|it|there|which|these|those)\b", body, re.I):
        return Signal("risk", body, owner=owner)  # "This may require implementing a bunch of methods"
    if mode == "doing" and not who and _ASKS_WITHOUT_MARK.match(body):
        return Signal("question", body, owner=speaker)  # "Can Hyperledger hold the withdrawal keys": a question, its "?" left off
    if mode == "doing" and not who and OTHERS_DID.match(body):
        return Signal("note", body, owner=speaker)  # "Everybody welcomed me in the mailing list" under "Goals": news, no goal
    if mode == "doing" and not who and not label_owner and _IS_SO.match(body) and not re.search(r"\b(?:will|should|needs? to|must|to be)\b", body, re.I):
        return Signal("note", body, owner=speaker)  # "Next week is a holiday in US and UK." under the next agenda: news, no task
    if mode == "doing" and not who and not label_owner and _PASSIVE_PAST.match(body) and not IN_PROGRESS.search(body):
        return Signal("done", body, owner=speaker)  # "More content was added since the TSC meeting" under "Items for focus": news
    if mode == "doing" and (label_owner or default_owner or who) and not is_question(body):
        return Signal("commitment", body, owner=owner)
    if OUTCOME_RE.search(body) and not re.search(r"\b(if|whether|once|when|until|after)\b.*\b(agreed|approved|resolved|accepted|voted|signed off)\b", body, re.I):
        return Signal("outcome", _strip_label(body, ("decision", "decided", "resolution", "agreed", "outcome", "result")), owner=speaker or owner)
    if mode == "decided":
        if RISK_RE.search(body):
            return Signal("risk", body, owner=owner)
        return Signal("outcome", body, owner=speaker or owner)
    if (_NOT_ASKED.match(body) or (mode == "doing" and finds_out(body))) and not who:
        return Signal("commitment", body, owner=owner)  # a task or a plan, not a decision asked of the reader
    if DECISION_RE.search(body) and not who:
        return Signal("decision", _strip_label(body, ("proposal", "options", "decision needed", "decision")), owner=owner, options=options_in(body))
    fw = _FIRST_WILL.match(body)
    if checked is False and not who and REPORTED_PAST.match(body):
        return Signal("done", body, owner=owner)  # "- [ ] A few documentation PRs went in": an agenda box over a report
    if who or action_label or (label_owner and (mode == "doing" or tags)) or (checked is False):
        return Signal("commitment", body, owner=owner)
    if fw:
        subj = re.search(r"\b(i|we)\b", low[: fw.start("what") if fw.group("what") else fw.start("what2")])
        owner_fw = "I" if subj and subj.group(1) == "i" else "we" if subj else owner
        return Signal("commitment", (fw.group("what") or fw.group("what2")).strip(), owner=owner_fw)
    dm = re.match(r"^(?:will|'ll|going to|plan to|planning to|to)\s+(?P<what>\w.+)$", body, re.I)
    if dm and (speaker or label_owner):
        return Signal("commitment", dm.group("what"), owner=label_owner or speaker)  # "Martin: Will open an issue!"
    ip = IN_FLIGHT.search(body)
    if ip:  # "falcoctl as driver loader (in flight @LucaGuerra)": work under way, owned by the one named
        n = normalise(ip.group("who"))
        if n and (people.known(n) or acceptable(n, "owner", people)):
            text = (body[: ip.start()] + f"({ip.group('state')})" + body[ip.end():]).strip()  # the owner is the commitment's
            return Signal("commitment", text, owner=people.get(n).name if people.get(n) else n)
    cd = _CAN_DO.match(body)
    if cd and (speaker or first_person):
        return Signal("commitment", cd.group("what"), owner=speaker or ("I" if low.startswith("i") else "we"))
    if mode == "doing":
        return Signal("commitment", body, owner=owner)
    if mode == "timeline" and re.match(r"^(?:all )?times? (?:are |in |shown )|^all times\b|^\(?times? in\b", body, re.I):
        return Signal("note", body)  # "All times in CEST": how to read the timeline
    if mode in ("done", "timeline"):
        if WEEK_DONE.match(body) or done_item or DONE_RE.match(body) or mode == "timeline" or re.search(rf"\b(?:{DONE_VERBS})\b", body, re.I):
            return Signal("done", body, owner=owner)
        return Signal("note", body, owner=owner)
    if mode == "risk" or (RISK_RE.search(body) and not _risk_word_denied(body)):
        return Signal("risk", body, owner=owner)
    if PASSIVE_DONE_RE.search(body) and not re.search(r"\b(?:will|should|needs? to|to be|if|once)\b", body, re.I):
        return Signal("done", body, owner=owner)
    if re.match(r"^(?:we|they|the team|the tsc|the tac|everyone)\s+(?:should|could|might want to|need to|needs to)\b(?!\s+(?:be able|be fine|be ok|be good|have been|probably be))", body, re.I):
        if speaker and not first_person:
            return Signal("note", body, owner=speaker)  # "Gordon: we should just vote on it": a view (a position), not an ask
        return Signal("decision", body, owner=owner, options=options_in(body))
    if DONE_RE.match(body) and re.match(r"^(?:i|we)\b", body, re.I):
        return Signal("done", body, owner=owner)
    if speaker and re.match(rf"^(?:{DONE_VERBS})\s+(?!to\b)", body, re.I) and not re.search(r"\b(?:will|should|need|needs|if)\b", body, re.I):
        return Signal("done", body, owner=speaker)  # "JC: Created two PRs for rez": the speaker's report, subject left off
    if mode == "question":
        return Signal("question", body, owner=owner)
    return Signal("note", body, owner=owner)


def _party(text: str, people: People) -> str | None:
    m = re.search(r"\b(?:on|for|from|by)\s+(?:the\s+)?(@?[\w.-]+(?:\s+[A-Z][\w'-]+)?)", text)
    for name in people.names():
        if name in text and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):  # 'in' first: no regex per name
            return name
    if m:
        cand = normalise(m.group(1))
        after = re.match(r"\s+([a-z]+)\b", text[m.end():])
        if after and after.group(1) not in _AFTER_PARTY:
            return None  # "blocked on Windows fixes": the fixes are awaited, Windows names them; nobody to chase
        if cand and cand[0].isupper() and not is_me(cand) and acceptable(cand, "with", people):
            return cand
    return None


# what may follow the party a wait names ("waiting on Dana to reply", "on Raj at Acme", "for Sam, who ...")
_AFTER_PARTY = frozenset("to at from for in on about and or re regarding who whose since until till before after by "
                         "with as if when so but because yet again still now today tomorrow team teams office side folks people group".split())


def _strip_done(text: str) -> str:
    t = re.sub(r"\s*[\(\[]\s*done[^)\]]*[\)\]]\s*$", "", text, flags=re.I)
    t = re.sub(r"^\s*done\s*[:\-–]\s*", "", t, flags=re.I)
    t = re.sub(r"\s*[-–—:]\s*(?:done|finished|completed)\.?$", "", t, flags=re.I)
    return t.strip() or text


def _strip_label(text: str, labels: tuple[str, ...]) -> str:
    rx = r"^(?:" + "|".join(re.escape(x) for x in labels) + r")\s*[:\-–]\s*"
    return re.sub(rx, "", text, flags=re.I).strip() or text
