"""Offline, deterministic notes parser: raw notes -> :class:`~drafter.models.WorkLog`.

Three passes, all linear in the number of lines:

1. **Structure** - each non-blank line is classified (heading, section label such as "Action
   items:", dated-day heading, bullet, numbered item, checkbox, email header, chat speaker line,
   quoted text, prose, junk, injected instructions) and its date prefix ("Mon:", "2026-11-20:",
   "11/20 -", "Yesterday:") is resolved looking backwards from ``as_of``.
2. **Grouping** - lines become *units* (a top-level line with its indented sub-lines and wrapped
   continuations). A heading owns every unit up to the next heading. Other units join an earlier
   item when they share a person, organisation, ticket or two subject keywords, or when a prose
   line merely continues the previous one ("he said...", "tues: chased again"); otherwise a unit
   with any work signal starts an item and a signal-less prose line stays ``unplaced``.
3. **Cues** - per line: actions already taken, waits (no reply / waiting / blocked), commitments
   (owner, due, state), decisions (options, decider, decide-by), risks, recurrence, delegation,
   downstream deadlines and outcome, people, organisations and resources.

Invariant: every non-blank line lands exactly once in some item's ``lines`` or in ``unplaced``.
Lines are split on ``\\n`` after normalising ``\\r\\n`` and ``\\r``; a line is blank when
``line.strip()`` is empty. Note text is data only: nothing in it is ever executed or obeyed.
"""

from __future__ import annotations

import datetime as dt
import re
from contextvars import ContextVar
from dataclasses import dataclass, field

from .dates import DATE_RE, find_dates
from .models import (
    Action,
    Commitment,
    Decision,
    Person,
    SourceLine,
    Wait,
    WorkItem,
    WorkLog,
)

# Per-call memo of date look-ups (the parser asks about the same text several times); set and reset
# by parse_notes, so nothing is shared between calls.
_DATES_MEMO: ContextVar[dict | None] = ContextVar("_DATES_MEMO", default=None)


def _find_dates(text: str, base: dt.date, direction: str = "future") -> list[DateMention]:
    memo = _DATES_MEMO.get()
    if memo is None:
        return find_dates(text, base, direction=direction)  # type: ignore[arg-type]
    key = (text, base, direction)
    found = memo.get(key)
    if found is None:
        found = memo[key] = find_dates(text, base, direction=direction)  # type: ignore[arg-type]
    return found


class _Gated:
    """A compiled pattern behind a cheap substring check: it can only match text containing a key."""

    __slots__ = ("pattern", "keys")

    def __init__(self, pattern: re.Pattern, keys: tuple[str, ...]):
        self.pattern, self.keys = pattern, keys

    def _open(self, text: str) -> bool:
        low = text.lower()
        for k in self.keys:
            if k in low:
                return True
        return False

    def search(self, text: str):
        return self.pattern.search(text) if self._open(text) else None

    def match(self, text: str):
        return self.pattern.match(text) if self._open(text) else None

    def finditer(self, text: str):
        return self.pattern.finditer(text) if self._open(text) else iter(())

    def sub(self, repl, text: str) -> str:
        return self.pattern.sub(repl, text) if self._open(text) else text


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

# Capitalised words that are never a person or organisation name.
NOT_NAMES = set(
    """
    I I'm I'll I've I'd Me My Mine We Our Us You Your He She His Her Him Them They Their It Its
    A An The This That These Those If When Then So But And Or Also Not No Yes Ok Okay Hi Hey Hello
    Dear Thanks Thank Best Regards Cheers Re Fwd Fw Subject From To Cc Bcc Sent Date Attendees
    Next Now Today Tomorrow Yesterday Tonight Need Needs Needed Still Waiting Wait Board Done Todo
    Blocked Blocker Pending Maybe Perhaps Please Note Notes FYI Update Updates Status Risk Risks
    Decision Decisions Option Options Action Actions Item Items Question Questions Open Follow Followup
    Mon Tue Tues Wed Weds Thu Thur Thurs Fri Sat Sun Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec January February March April June July
    August September October November December EOD EOW COB EOM ASAP ETA TBD TBC N/A AM PM UTC AI
    Q1 Q2 Q3 Q4 H1 H2 Will Can Could Should Would Must Might Let Let's Here There Where What Who Why How
    Which After Before During Until Since For With Without Into About Over Under Between Per Via
    Already Just All Any Each Every Some Most More Less Few Both Either Neither Other Another Any
    Weekly Monthly Daily Quarterly Recurring Current Previous Final New Old First Second Third Last
    Emailed Called Asked Pinged Messaged Texted Told Met Spoke Drafted Reviewed Booked Started Finished
    Shipped Received Got Gave Made Prepared Scheduled Requested Raised Flagged Filed Wrote Built Fixed
    Tested Promised Chased Left Sent Agreed Confirmed Approved Discussed Decided Completed Delivered
    Published Released Launched Merged Deployed Closed Resolved Submitted Signed Paid Updated Shared
    Chasing Emailing Calling Asking Sending Writing Planning Working Keep Kept Hand Handoff Delegate
    Ignore Disregard System Assistant User Admin Prompt Instructions Everything Nothing Something Anyone
    Everyone Someone Nobody Budget Contract Renewal Vendor Meeting Docs Report Metrics Launch Release
    Migration Review Draft Template Backup Design Website Hiring Customer Offsite Event Website Kickoff
    Staging Production Prod Dev Steps Step Owner Deadline Due Goal Plan Context Summary Problem Impact
    Is Are Was Were Be Been Has Have Had Do Does Did Get Go Going Send Call Email Ask Check Fix Write
    Team Teams Client Clients Customers Users User Company Office Manager Boss Lead CEO CFO CTO VP HR
    Good Great Fine Bad Sorry Lol Pls Btw Urgent Important Critical High Low Medium P1 P2 P3
    """.split()
)
# Teams and functions that can be waited on even when written in lower case.
TEAMS = {
    "finance", "legal", "it", "design", "marketing", "procurement", "security", "ops", "hr", "sales",
    "support", "platform", "engineering", "product", "accounting", "facilities", "compliance", "data",
    "infra", "infrastructure", "payroll", "qa", "devops", "sre", "leadership", "management", "exec",
}  # fmt: skip
ORG_SUFFIX = re.compile(
    r"^(?:Corp|Corporation|Inc|Ltd|LLC|GmbH|Co|Group|Labs?|Systems|Solutions|Partners|Bank|Capital|Health|"
    r"Media|Software|Technologies|Tech|Logistics|Consulting|Agency|Studios?|Industries|Holdings|AG|SA|PLC|BV)\.?$"
)
EVENT_WORDS = (
    r"meeting|board|launch|audit|review|deadline|go-?live|campaign|demo|release|offsite|conference|"
    r"webinar|cut-?over|kick-?off|presentation|interview|renewal|onboarding|workshop|summit|event|"
    r"trip|sync|standup|filing|close|quarter-end|year-end|freeze|holidays?|vacation|leave|pitch|"
    r"trade show|deploy(?:ment)?|rollout|handover|migration|signing|visit|submission|exam|ceremony|window|"
    r"switch|cut-?off|switchover|go-?live|session|training|fieldwork|move|promo|party|dinner|hearing|"
    r"inspection|opening|sale|course|class|shoot|recording"
)
STOP = set(
    """
    the and for with from that this have has had was were are been being will would could should
    about into onto over under than then them they their there here what when where which while who
    whom whose also just still need needs needed want wants wanted send sent sending email emailed
    call called asked asking told said says tell make made done doing does work working today
    tomorrow yesterday week weeks month next last this that some more most much many very really
    going back again yet not but can cant cannot didnt dont doesnt wont isnt hasnt havent only even
    well good great thing things stuff other another each every both either before after until
    since because maybe might must shall your yours mine ours hers his him her she he it its our
    out off via per like let lets get got gets give gave take took put able sure okay thanks please
    reply replied response answer waiting wait pending blocked nothing anything something everyone
    meeting update status plan check follow following ping pinged chase chased
    """.split()
)

# --------------------------------------------------------------------------------------------
# Line structure patterns
# --------------------------------------------------------------------------------------------

BULLET = re.compile(r"^(?P<marker>[-*•+▪◦‣·–—>]|\d{1,3}[.)]|[a-zA-Z][.)](?=\s))\s+")
CHECKBOX = re.compile(r"^\[(?P<box>[ xX✓✔]?)\]\s*")
MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
EQ_HEADING = re.compile(r"^(?:={2,}|-{2,}|\*{2,}|_{2,})\s*(?P<text>[^=*_-].*?)\s*(?:={2,}|-{2,}|\*{2,}|_{2,})$")
BOLD_LINE = re.compile(r"^\*\*(?P<text>[^*]{2,80})\*\*:?$")
EMAIL_HEADER = re.compile(r"^(?P<key>From|To|Cc|Bcc|Sent|Date|Subject|Reply-To)\s*:\s*(?P<value>.*)$", re.I)
SPEAKER = re.compile(
    r"^(?P<name>[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*)?)\s{1,4}(?:\[?\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?\]?)$"
)
QUOTE = re.compile(r"^(?:>\s?)+")
# "Omar [9:14 AM]: text" / "me [9:20]: text" - a pasted chat line with its speaker inline
INLINE_SPEAKER = re.compile(
    r"^(?P<name>[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*)?|[Mm]e|I)\s*\[\s*\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?\s*\]\s*:?\s+(?P<rest>\S.*)$"
)
GENERIC_LABEL = re.compile(
    r"^(?:my\s+|weekly\s+|daily\s+|team\s+|meeting\s+|status\s+)?"
    r"(?P<label>notes?|status(?:\s+update)?|updates?|todos?|to-?dos?|tasks?|log|journal|this\s+week|last\s+week|"
    r"next\s+week|today|yesterday|tomorrow|misc(?:ellaneous)?|other|general|done|completed|finished|"
    r"shipped|wins|in\s+progress|doing|wip|ongoing|waiting(?:\s+on|\s+for)?|blocked|blockers?|pending|"
    r"open|open\s+items|open\s+questions?|questions?|decisions?(?:\s+needed|\s+made|\s+pending)?|"
    r"risks?|issues|concerns|follow[- ]?ups?|action\s+items?|actions?|next\s+steps?|attendees|"
    r"participants|agenda|summary|backlog|recurring|fyi|ideas|parking\s+lot|discussion|discussed|"
    r"highlights|lowlights|priorities|goals|week(?:\s+of)?|w/?c|sprint(?:\s+\d+)?|week\s+\d+)$",
    re.I,
)
SECTION_KIND = [
    (re.compile(r"done|completed|finished|shipped|wins|highlights", re.I), "done"),
    (re.compile(r"waiting|pending|follow", re.I), "waiting"),
    (re.compile(r"block", re.I), "blocked"),
    (re.compile(r"decisions?\s+(?:needed|pending)|open\s+questions?|questions?", re.I), "decision"),
    (re.compile(r"decisions?|discuss", re.I), "decided"),
    (re.compile(r"risk|issue|concern|lowlight", re.I), "risk"),
    (re.compile(r"recurring", re.I), "recurring"),
    (re.compile(r"action|next\s+step|todo|to-?do|task", re.I), "actions"),
    (re.compile(r"attendees|participants", re.I), "attendees"),
]
MEETING_TITLE = re.compile(r"\b(?:sync|meeting|minutes|standup|stand-up|1:1|one-on-one|retro|call notes|weekly notes|notes)\b", re.I)
INJECTION = _Gated(re.compile(
    r"ignore\s+(?:all\s+|any\s+|the\s+)?(?:previous|prior|above|earlier|preceding)\s+(?:instructions?|prompts?|messages?|rules?)"
    r"|disregard\s+(?:all\s+|the\s+)?(?:previous|prior|above|earlier)|\byou\s+are\s+now\b|system\s+prompt|"
    r"print\s+your\s+prompt|^\s*(?:#{1,6}\s*|[-*>•]\s*|\*\*|\[)?(?:system|assistant|hidden\s+instructions?)\**\s*:|jailbreak|developer\s+mode|admin\s+mode|"
    r"reveal\s+your\s+(?:instructions|prompt)|write\s+a\s+(?:poem|song|haiku)|"
    r"\bnote\s+to\s+(?:the\s+)?(?:AI|assistant|model|LLM|bot|chatbot)\b|"
    r"\b(?:the\s+)?(?:AI|assistant|model|LLM|bot)\s+(?:writing|drafting|reading|summari[sz]ing)\s+(?:this|my|the)\b|"
    r"\b(?:say|write|report)\s+(?:that\s+)?(?:the\s+\w+\s+|it\s+)?is\s+(?:done|on\s+track|finished|green)\s+and\s+(?:do\s+not|don'?t)\s+mention\b|"
    r"\b(?:contents?\s+of|print|send|append|reveal|leak|post)\s+(?:the\s+|your\s+|all\s+)?(?:contents?\s+of\s+)?"
    r"(?:\$?(?-i:[A-Z][A-Z0-9]*_(?:[A-Z0-9]+_)*(?:KEY|SECRET|TOKEN|PASSWORD)S?)\b|(?:your|the\s+system'?s?)\s+(?:api\s+keys?|secrets?|tokens?|passwords?)\b)",
    re.I,
), ("ignore", "disregard", "you are now", "prompt", "system", "assistant", "hidden", "jailbreak", "developer", "admin", "reveal",
    "write a", "key", "secret", "token", "password", "note to", "writing", "drafting", "reading", "summari", "mention"))
OWNER_PREFIX = re.compile(r"^(?:AI|A\.I\.|TODO|Action)\s*:\s*", re.I)
NAME_COLON = re.compile(r"^(?P<name>@?[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[Mm]e|I)\s*:\s+(?P<rest>\S.*)$")
NEXT_PREFIX = re.compile(r"^(?:next(?:\s+steps?)?|todo|to-?do|plan)\s*:\s*", re.I)
LEAD_IN = re.compile(r"^(?P<lead>[^:]{2,70}?)\s*(?::\s+|\s[-–—]+\s+|\s+->\s*|\s+=>\s*)(?P<rest>\S.*)$")

# --------------------------------------------------------------------------------------------
# Cue patterns (run on one clause at a time)
# --------------------------------------------------------------------------------------------

HONORIFIC = r"(?:Dr|Mrs?|Ms|Prof)\.?"
# "Dana", "Dana Lee", "Dr. Weiss", "Prof. de Vries": a title keeps its name (never split at its dot)
NAME = r"@?(?:" + HONORIFIC + r"\s+(?:(?:de|van|von|der|den|da|di|du|le|la)\s+){0,2})?[A-Z][a-zA-Z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+)?"
_NO_SPLIT_AFTER = r"(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bProf\.)(?<!\bSt\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)"
_CLAUSE_SPLIT = re.compile(
    r"(?<=[.!?;])" + _NO_SPLIT_AFTER + r"\s+|\s+[-–—]+\s+|,\s+(?=(?:needed|but|no\s+reply|no\s+response|still|waiting|so\s|which|"
    r"though|however|not\s+sent|not\s+done|didn'?t|haven'?t|hasn'?t|nothing|she|he|they|need)\b)",
    re.I,
)
DONE_MARK = re.compile(
    r"✅|✔|☑|\[x\]|\b(?:done|finished|completed?|shipped|sent|delivered|published|released|launched|merged|"
    r"deployed|closed|resolved|signed|submitted|went\s+live|is\s+live|fixed|sorted|paid|booked|wrapped\s+up)\b",
    re.I,
)
_NOT_DONE_BEFORE = re.compile(
    r"(?:\b(?:be|been|being|get|gets|not|to|will|never)|n't)\s+(?:\w+\s+)?$"
    r"|\b(?:once|until|when|if|before|yet\s+to\s+be)\s+(?:[\w'-]+\s+){0,3}$",
    re.I,
)


def is_me_name(name: str | None) -> bool:
    return (name or "").strip().lower() in ("i", "me", "myself")


def line_done_hint(text: str) -> bool:
    return _is_done(text)


def _is_done(text: str) -> bool:
    """A completion cue that is not negated, future or conditional ("must be signed" is not done)."""
    if PARTIAL.search(text):
        return False
    for m in DONE_MARK.finditer(text):
        if m.group(0) in ("✅", "✔", "☑") or m.group(0).lower() == "[x]":
            return True
        if not _NOT_DONE_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            return True
    return False


PARTIAL = re.compile(r"\b\d+\s*%|\b\d+\s*(?:of|/)\s*\d+\b|\bpartly\b|\bpartially\b|\bhalf\b|\bmostly\b|\bnot\s+(?:yet\s+)?(?:done|sent|finished)|\bdraft\s+done\b|\b(?:almost|nearly)\s+done\b", re.I)
_TEAM_WORDS_RE = r"(?i:finance|legal|design|marketing|procurement|security|accounting|payroll|compliance|IT|HR|ops)"
NO_REPLY = _Gated(re.compile(
    r"\bno\s+(?:reply|replies|response|answer|anwser|word|news|callback|call\s+back|luck)\b|haven'?t\s+heard|"
    r"have\s+not\s+heard|not\s+heard\s+back|\bghost(?:ed|ing)\b|still\s+nothing|nothing\s+(?:back|yet|from)|"
    r"didn'?t\s+(?:reply|respond|answer|get\s+back)|hasn'?t\s+(?:replied|responded|answered|got(?:ten)?\s+back)|"
    r"unanswered|radio\s+silence|silence\s+from|went\s+to\s+voicemail|left\s+\w+\s+a\s+voicemail|"
    r"out[- ]of[- ]office|no\s+answer|still\s+no\b|nothing\s*$",
    re.I,
), ("no", "heard", "ghost", "nothing", "didn", "hasn", "unanswered", "silence", "voicemail", "office"))
WAITING = _Gated(re.compile(
    r"\bwaiting\s+(?:on|for)\b|\bawaiting\b|\bpending\b|\bchasing\b|\bdepend(?:s|ing|ent)?\s+on\b|"
    r"hasn'?t\s+(?:sent|confirmed|signed|approved|delivered|shared|done|given)|"
    r"haven'?t\s+(?:sent|confirmed|signed|approved|delivered|shared|received|got)|hasn'?t\s+[a-z]+ed\b|"
    r"\bneeds?\s+(?:\w+\s+){0,3}from\b|\basked\s+" + NAME + r"\s+(?:for|to)\b|\bwill\s+get\s+back|"
    r"(?:said|says)\s+(?:she|he|they)(?:'d|\s+would|'ll|\s+will)|\bgets?\s+back\b|\bneeds?\s+review\b|"
    r"\b(?:is|are)\s+(?:still\s+)?being\s+[a-z]+\s+by\s+" + NAME + r"|\bstill\s+(?:has|have)\s+to\s+[a-z]+|"
    r"\bstill\s+not\s+(?:been\s+)?(?:[a-z]+(?:ed|en)|done|sent|built|set\s+up)\b|\bnot\s+(?:been\s+)?[a-z]+(?:ed|en)\s+yet\b|"
    # "partner agreement still with legal", "remaining 4 are access reviews owned by our IT team",
    # "Carlos said Friday", "Piet says a fix is in the next sprint": someone else holds the work
    r"\b(?:still|is|are|sits?|sitting)\s+with\s+(?:the\s+|our\s+)?(?:" + _TEAM_WORDS_RE + r"|[A-Z][\w'’-]+)\b|"
    r"\bremaining\b.{0,80}\b(?:owned|held)\s+by\b|"
    r"\b(?:said|says)\s+(?:by\s+)?[\"“']?(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|next|end\s+of|early|\d)|"
    r"\b(?:says|said)\s+(?:a|the)\s+[a-z]+\s+(?:is|will\s+be)\s+[\"“']?(?:in|due|ready|coming|planned|scheduled)\b",
    re.I,
), ("wait", "pending", "chasing", "depend", "hasn", "haven", "need", "asked", "back", "said", "says", "being", "still", "with", "owned", "held"))
BLOCKED = _Gated(re.compile(
    r"\bblocked\b|\bblocker\b|can'?t\s+(?:proceed|start|continue|move|finish|ship|deploy|go\s+ahead)|"
    r"cannot\s+(?:proceed|start|continue)|\bstuck\b|\bon\s+hold\b|\bheld\s+up\b|\bno\s+access\b",
    re.I,
), ("block", "can", "stuck", "hold", "held", "access"))
# "nothing blocked", "blockers: none", "no blockers": the opposite of a blocker
NOT_BLOCKED = re.compile(
    r"\b(?:nothing|not|no\s+longer|never|none|nobody|no\s+one)\s+(?:is\s+|was\s+|are\s+)?(?:blocked|stuck|on\s+hold|held\s+up)\b|"
    r"\bblockers?\s*[:=-]?\s*(?:none|nothing|n/?a|no|nil|-)\s*(?:[.,;!]|$)|\bno\s+(?:blockers?|blocking\s+issues)\b|"
    # "Kickoff ... can't start without the signed contract": what the event needs, not a blocker on anyone
    r"\b(?:" + EVENT_WORDS + r")\b.{0,80}\bcan'?t\s+(?:start|proceed|go\s+ahead|happen)\s+without\b",
    re.I,
)
RESOLVED = _Gated(re.compile(
    r"\b(?:replied|responded|got\s+back|came\s+back|came\s+through|received|arrived|unblocked|sent\s+(?:it|them|over))\b",
    re.I,
), ("replied", "responded", "back", "through", "received", "arrived", "unblocked", "sent"))
DECISION = _Gated(re.compile(
    r"\bneed(?:s|ed)?\s+(?:a\s+)?decision\b|\bdecision\s+(?:needed|required|pending)\b|\bdecide\b|\bshould\s+we\b|"
    r"\boption\s+[a-d1-4]\b|\bneed(?:s)?\s+(?:a\s+)?sign-?off\b|\bsigns?\s+off\b|\bapprov(?:e|al)\b|"
    r"\bwhich\s+(?:one|option|way|vendor)\b|\bchoose\s+between\b|\beither\b.{1,150}?\bor\b|\bopen\s+question\b|go/no-?go|"
    r"\bor\s+(?:go|stay|switch|wait|keep|cut|move)\b|"
    r"\bneed\s+(?:the\s+)?[\w ]{1,30}?\s+to\s+(?:pick|choose|decide|approve)\b",
    re.I,
), ("decision", "decide", "should we", "option", "sign", "approv", "which", "choose", "either", "question", "no-go", "nogo", " or ", "pick"))
RISK = _Gated(re.compile(
    r"\bmight\s+not\s+make|\bmay\s+not\s+make|\bwon'?t\s+make|\bnot\s+going\s+to\s+make|\btight\b|\bat\s+risk\b|"
    r"\bslip(?:s|ping|ped)?\b|(?<!for the )\bdelay(?:s|ed)?\b|\bbehind(?:\s+schedule)?\b|\brunning\s+late\b|\brisky\b|"
    r"\bworried\b|\bconcern(?:ed)?\b|\boverdue\b|\blate\b|\bjeopard|\bmisses\b|\bmiss\s+it\b|\bif\s+we\s+miss\b|"
    r"\bincomplete\b|\bfail(?:ed|ing|s)?\b|\bno\s+root\s+cause\b|\bescalation\b|\bgoes\s+away\b|\bexpires\b|"
    r"\bnever\s+(?:built|done|worked|shipped|delivered|used)\b|\bunproven\b|\bfirst\s+time\b|"
    r"\bif\b.{0,80}\b(?:isn'?t|aren'?t|not|doesn'?t|don'?t)\b.{0,60}\bby\b|\bhave\s+to\s+move\b",
    re.I,
), ("make", "tight", "risk", "slip", "delay", "behind", "late", "worried", "concern", "overdue", "jeopard", "miss", "incomplete", "fail", "root cause", "escalation", "goes away", "expires", "never", "unproven", "first time", "if", "move"))
MISSED = _Gated(re.compile(r"\bmissed\b|\bslipped\b|didn'?t\s+happen|didn'?t\s+(?:make|hit|meet)|\bblew\s+(?:past|through)\b", re.I), ("missed", "slipped", "didn", "blew"))
RECURRING = _Gated(re.compile(
    r"\bevery\s+(?:other\s+)?(?:day|morning|evening|week|month|quarter|year|sprint|"
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|"
    r"\d+\s+(?:days|weeks|months))s?\b|\b(?:bi-?)?weekly\b|\bdaily\b|\bmonthly\b|\bfortnightly\b|\bquarterly\b|"
    r"\beach\s+(?:day|week|month|quarter|sprint|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?)\b|"
    r"\brecurring\b|\bagain\s+this\s+(?:week|month)\b|\bevery\s+time\b|\bas\s+usual\b",
    re.I,
), ("every", "weekly", "daily", "monthly", "fortnightly", "quarterly", "each", "recurring", "again", "as usual"))
DELEGATE = _Gated(re.compile(
    r"(?i:hand(?:ing|ed)?\s+(?:[\w'-]+\s+){0,4}?(?:off|over)\s+to|hand\s*off\s+to|handover\s+to|"
    r"delegat(?:e|ing)\s+(?:[\w'-]+\s+){0,5}?to|pass(?:ing)?\s+(?:it\s+|this\s+)?(?:on\s+)?to|give\s+(?:it|this)\s+to|"
    r"reassign(?:ing)?\s+(?:[\w'-]+\s+){0,4}?to|transfer(?:ring)?\s+(?:[\w'-]+\s+){0,4}?to)\s+(?P<who>" + NAME + r"|@[A-Za-z][\w.-]*)"
    r"|(?P<who2>" + NAME + r"|@[A-Za-z][\w.-]*)\s+(?:could|can|should|might|will)\s+(?:take(?:\s+(?:it|this))?\s+over|take\s+(?:it|this|on|the|that|over)|"
    r"own|pick\s+(?:it\s+|this\s+)?up|handle|cover|run)\b"
    r"|\b(?i:like|want|ask)\s+(?P<who3>" + NAME + r"|@[A-Za-z][\w.-]*)\s+to\s+(?:own|take\s+over|take\s+it\s+on|run|handle)\b",
), ("hand", "delegat", "pass", "give", "reassign", "transfer", "could", "can", "should", "might", "will", "like", "want", "ask"))
PROMISE = _Gated(re.compile(
    r"\b(?i:promised|committed\s+to|owe|told)\s+(?P<to>" + NAME + r")\s+(?:I'?d\s+|that\s+I'?d\s+|to\s+)?(?P<what>.+)$"
    r"|\b(?i:promised|committed)\s+(?:to\s+)?(?P<what2>.+)$"
    r"|\b(?:I|We|we)\s+(?i:said|agreed|told\s+(?:him|her|them|you))\s+(?:that\s+)?(?:I'?d|I\s+would|we'?d|we\s+would)\s+(?P<what3>.+)$",
), ("promised", "committed", "owe", "told", "said", "agreed"))
I_WILL = _Gated(re.compile(
    r"\b(?:I'?ll|I\s+will|I'm\s+going\s+to|I\s+am\s+going\s+to|we'll|we\s+will|I\s+need\s+to|I\s+have\s+to|"
    r"I\s+must|I\s+can|^(?:also\s+)?need\s+(?:to|2)|will)\s+(?P<what>.+)$",
    re.I,
), ("ll", "will", "going", "need", "have", "must", "can"))
THIRD_WILL = _Gated(re.compile(
    r"(?P<who>" + NAME + r"|[Ss]he|[Hh]e|[Tt]hey)(?:\s+(?:at|from)\s+" + NAME + r"|\s*\((?P<inner>" + NAME + r")\))?\s+(?:said\s+(?:she|he|they)(?:'d|\s+would|'ll|\s+will)|"
    r"will|'ll|promised\s+to|is\s+going\s+to|agreed\s+to)\s+(?P<what>.+)$"
), ("said", "ll", "will", "promised", "going", "agreed"))
OWNER_TO = _Gated(re.compile(r"^(?P<who>" + NAME + r"|@[A-Za-z][\w.-]*|[Mm]e|I)\s+to\s+(?P<what>[a-z].+)$"), ("to",))
DUE = _Gated(re.compile(r"\b(?:due|ETA|deadline(?:\s+is)?)\b[:\s]+(?:to\s+(?P<to>(?-i:" + NAME + r"))\s+)?", re.I), ("due", "eta", "deadline"))
# "Ravi hasn't done accruals before": experience, not something I wait for
EXPERIENCE = re.compile(
    r"\b(?:hasn'?t|has\s+not|haven'?t|have\s+not)\s+(?:\w+\s+){0,2}?(?:done|used|run|worked\s+(?:on|with)|seen|touched|led)\b"
    r"[^.;]{0,40}\b(?:before|yet\s+in\s+(?:his|her|their)\s+career)\b|\bhas\s+never\s+(?:done|used|run|led)\b",
    re.I,
)
# "Ravi will do the December accruals journal." -> what a following bare "Due ... by <date>" is about
WILL_DO_OBJECT = re.compile(
    r"\bwill\s+(?:do|prepare|send|deliver|write|finish|own|run|handle|post|take\s+over)\s+(?P<o>(?:the|our|their|his|her|this|that)\s+[^.;,()]{3,60})",
    re.I,
)
GOES_TO = _Gated(re.compile(
    r"(?P<subj>[^,;:.]{2,60}?)\s+(?:goes|go|is\s+going|has\s+to\s+go|gets\s+sent|is\s+due)\s+(?:out\s+)?to\s+(?P<to>" + NAME + r")\s+(?:on|by|before)\s+"
), ("go", "sent", "due"))
ASKED_BY = _Gated(re.compile(r"(?P<who>" + NAME + r"|[Tt]hey|[Ss]he|[Hh]e)\s+(?:asked|wants?|expects?|requested)\s+(?:me\s+)?(?:for\s+)?(?P<what>.{1,150}?\b(?:by|before)\s+.{1,80})"), ("asked", "want", "expect", "requested"))
DECIDER = _Gated(re.compile(
    r"\b(?:decision|sign-?off|approval|answer|call)\s+from\s+(?:the\s+)?(?P<a>" + NAME + r"|(?i:finance|legal|procurement|security|compliance|leadership|management))"
    r"|(?P<b>" + NAME + r")\s+(?:to|needs?\s+to|has\s+to|must|should|will)\s+(?:decide|approve|sign\s+off|choose|confirm)"
    r"|\b(?:ask|asking)\s+(?P<c>" + NAME + r")\s+to\s+(?:decide|approve|sign|choose)"
    r"|(?P<d>" + NAME + r")'s\s+(?:call|decision)"
    r"|\b(?i:need)\s+(?P<e>the\s+[a-z]+(?:\s+[a-z]+)?)\s+to\s+(?:pick|choose|decide|approve)\b"
), ("from", "decide", "approve", "sign", "choose", "confirm", "ask", "'s", "’s", "pick"))
# "I can dedupe by hand in a spreadsheet - about 2 days of work, error-prone": a workaround I offer at a
# cost, which the reader decides on
OFFER = re.compile(
    r"^\s*(?:I|we)\s+(?:can|could)\s+(?P<x>[^-–—;,(]{4,80}?)\s*(?:[-–—;,(]\s*|\s+but\s+)"
    r"(?P<cost>.{0,80}\b(?:days?|hours?|weeks?|cost|costs|error-prone|risky|extra)\b.*)$",
    re.I,
)
OPTION_LINE = re.compile(r"^(?:option\s+(?P<label>[a-d1-4])\b|\((?P<label2>[a-d])\))\s*[:.)-]?\s*(?P<text>.+)$", re.I)
ACTION_VERBS = set(
    """
    emailed called rang asked pinged messaged texted told met spoke talked followed chased drafted
    wrote reviewed submitted shared updated fixed booked scheduled requested filed raised left posted
    uploaded prepared finished completed shipped delivered checked confirmed escalated reminded nudged
    invited agreed sent got gave made paid ran built bought found heard set kicked caught went brought
    did tested merged deployed released launched published closed resolved signed exported created
    started onboarded interviewed hired approved replied responded received cancelled canceled moved
    renewed organised organized ordered mailed faxed phoned contacted reached emailing calling
    pulled collected gathered compiled tried investigated prototyped verified hit passed crossed
    """.split()
)
NOT_ACTION = {"need", "needed", "blocked", "stuck", "delayed", "planned", "expected", "supposed", "interested",
              "concerned", "worried", "based", "related", "used", "scheduled", "red", "bed", "shed", "speed"}
CONTACT_VERBS = r"(?:emailed|called|rang|asked|pinged|messaged|texted|told|met|chased|nudged|reminded|contacted|reached\s+out\s+to|followed\s+up\s+with|wrote\s+to|spoke\s+(?:to|with)|talked\s+to|left|phoned|invited|cc'?d|email|call|ping|ask|chase|text|remind|contact|talk\s+to|met\s+with)"
CONTACT = re.compile(r"\b" + CONTACT_VERBS + r"\s+(?P<who>@?[A-Za-z][a-zA-Z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+)?)", re.I)
NAME_TRIGGER = re.compile(
    r"\b(?i:from|with|to|cc|by|for|and|promised|owe|via|thank|thanks|ask|asked|told|reply\s+from|heard\s+from|on)\s+(?P<who>" + NAME + r")"
)
# Triggers after which a capitalised word is a person ("met with Dana", "promised Sam"), not a place or company.
PERSON_TRIGGER = re.compile(
    r"\b(?i:promised|owe|thank|thanks|ask|asked|told|cc|reply\s+from|heard\s+from|(?:met|spoke|speak|talked|talk|chat|catch\s+up|1:1|sync)\s+(?:with|to)|"
    r"remind|reminded|ping|pinged|nudge|nudged)\s+(?P<who>" + NAME + r")"
)
NAME_IN_TEAM = re.compile(
    r"(?P<who>[A-Z][a-zA-Z'’-]+)\s+(?:in|from|on)\s+(?:the\s+)?(?P<team>finance|legal|IT|design|marketing|procurement|security|ops|HR|sales|support|accounting|payroll)\b"
)
BE_NAME = re.compile(
    r"\b(?i:contact|person|owner|lead)\b(?:\s+(?i:at|from)\s+(?P<org>[A-Z][\w&'’.-]*))?[^.;]{0,20}?\b(?i:is|might\s+be|could\s+be|would\s+be|=)\s+(?P<who>[A-Z][a-zA-Z'’-]+)"
)
POSSESSIVE_REF = re.compile(r"\b(?:his|her|their)\s+(?:[A-Z]{2,4}\s+)?(?:boss|manager|team|colleague|assistant|lead|office|deputy|backup|rep|representative|contact|account\s+manager|partner\s+manager|PM)\b", re.I)
# "Reason: the export has duplicate rows", "Because ...": the cause of the item above, a risk on it
REASON_LINE = re.compile(r"^\s*(?:reason|cause|root\s+cause|why)\s*:\s*(?P<why>\S.*)$|^\s*because\b\s*(?P<why2>\S.*)$", re.I)
NAME_AT_ORG = re.compile(r"(?P<who>" + NAME + r")\s+(?:at|from|@)\s+(?P<org>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)?)")
NAME_PAREN = re.compile(r"(?P<who>[A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+)?)\s*\((?P<inner>[^()]{1,40})\)")
NAME_VERB = re.compile(
    r"(?:^|[.;:!?]\s+|,\s+|\band\s+|\bbut\s+)(?P<who>" + NAME + r")\s+(?:said|says|replied|responded|knows|thinks|wants|needs|"
    r"confirmed|promised|agreed|asked|told|wrote|emailed|called|is\s+on\s+it|is\s+out|is\s+also|is\s+off|will|would|could|"
    r"should|can|to\s+[a-z]+|'s\s+(?:out|off|away|on\s+leave|back))\b"
)
AT_HANDLE = re.compile(r"(?<![\w.])@(?P<h>[A-Za-z][\w.-]*[A-Za-z\d])")
ORG_EVIDENCE = re.compile(
    r"\b(?:at|client|customer|vendor|supplier|partner|quote\s+from|escalation\s+from|contract\s+with|agreed\s+with)\s+"
    r"(?P<org>[A-Z][\w&'’.-]*)"
    r"|(?P<org2>[A-Z][\w&'’.-]*)\s+(?:team|IT|legal|finance|support|office|ops|HR|security|procurement|"
    r"engineering|marketing|sales|'s\s+(?:team|IT|legal|office|manager|CEO|CFO|side))\b"
    r"|(?P<org3>[A-Z][\w&'’.-]*)\s*\((?:current\s+)?(?:vendor|client|customer|supplier|partner|agency)\)"
    r"|\b(?:quote|invoice|contract|proposal|PO|order|renewal|SOW|NDA|licen[cs]e|deposit)\s+(?:to|from|with)\s+(?P<org4>[A-Z][\w&'’.-]*)"
    r"|\b(?i:switch(?:ing)?\s+to|stay(?:ing)?\s+with|go(?:ing)?\s+with|pay(?:ing)?(?:\s+for)?|quote\s+from|sync\s+with)\s+(?P<org5>[A-Z][\w&'’.-]*)"
    r"|\b(?P<org6>[A-Z][a-z]+[A-Z][A-Za-z]+)\b"
)
URL = re.compile(r"\bhttps?://[^\s<>()\"']+|\bwww\.[^\s<>()\"']+", re.I)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
PHONE = re.compile(r"(?<![\w/])\+?\d[\d ()-]{7,}\d(?![\w/])")
TICKET = re.compile(r"\b[A-Z][A-Z0-9]{1,9}-\d+\b|(?<![\w&])#\d+\b")
CHANNEL = re.compile(r"(?<![\w&#])#[a-z][\w-]{1,40}\b")
FILE = re.compile(r"\b[\w-]+\.(?:pdf|docx?|xlsx?|csv|pptx?|md|txt|json|ya?ml|py|key|numbers|zip|png|jpe?g|sql|ipynb)\b", re.I)
SYSTEM = re.compile(r"\b(?:in|on|via|using|through|into|from)\s+(?:the\s+)?(?P<sys>Jira|Confluence|Slack|Notion|Asana|Trello|Linear|GitHub|GitLab|Salesforce|HubSpot|Zendesk|Looker|Tableau|Figma|Google\s+Drive|Drive|SharePoint|Teams|Dropbox|Workday|SAP|Excel|Sheets|Box|Airtable|Monday\.com|ServiceNow|Datadog|PagerDuty)\b")
SYSTEM_THING = re.compile(r"\b(?P<sys>Jira|Confluence|Notion|Asana|Trello|GitHub|GitLab|Salesforce|HubSpot|Zendesk|Looker|Tableau|Figma|SharePoint|Dropbox|Airtable|ServiceNow|Datadog|PagerDuty)\s+(?:link|board|file|doc|ticket|page|dashboard|project|issue|folder|report)\b")
NAMED_ARTEFACT = re.compile(
    r"\b(?:the\s+)?(?P<res>[A-Z][\w.-]*(?:\s+\"[^\"]{1,40}\")?\s+(?:dashboard|spreadsheet|folder|drive|repo|tracker|channel|wiki|runbook))\b"
    r"|\bthe\s+(?P<res2>shared\s+drive|team\s+drive|wiki|runbook|shared\s+folder)\b"
)
PAST_VERB = re.compile(
    r"^(?:(?:i|we)(?:\s+|['’]ve\s+|\s+have\s+)(?:already\s+|just\s+|also\s+)?|(?:already|just)\s+)?(?P<verb>[a-z]+(?:ed|t)?)\b", re.I
)
_DONE_PREFIX = re.compile(r"^(?:(?:i|we)(?:\s+|['’]ve\s+|\s+have\s+)(?:already\s+|just\s+|also\s+)?|(?:already|just)\s+)", re.I)
START_REF = re.compile(r"\s*(?:it|it's|its|this|that|these|those|which|still)\b", re.I)
PRONOUN_REF = re.compile(r"\b(?:he|she|his|her|him|they|them|their|again)\b", re.I)
NEW_TOPIC = re.compile(r"^(?:also|another|separately|unrelated|plus|other|oh\s+and|and\s+also|p\.?s\.?)\b", re.I)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d+(?:\.\d+)+|[A-Za-z]+\d+[A-Za-z\d]*")
EVENT_BEFORE = re.compile(
    r"(?<![\w.])(?P<label>(?:[\w&'’.-]+\s+){0,2}?(?:" + EVENT_WORDS + r"))\s*(?:is\s+|was\s+|on\s+|at\s+|starts\s+(?:on\s+)?|"
    r"begins\s+(?:on\s+)?|(?:(?:was|is)\s+)?(?:planned|scheduled|set|booked|agreed|confirmed|moved)(?:\s+with\s+[\w&'’-]+)?\s+(?:for|to)\s+|"
    r"(?:was\s+|is\s+)?planned\s+|\(|for\s+|,\s*|(?:stays|goes\s+out|goes\s+live|happens|takes\s+place)\s+(?:on\s+)?)?$",
    re.I,
)
NEED_LINK = re.compile(
    r"\b(?:needed|need(?:s|ed)?\s+(?:it|them|this)|required|in\s+time|ready|for|before|ahead\s+of|until)\s+(?:for\s+)?(?:the\s+|our\s+|their\s+|my\s+)?"
    r"(?P<label>(?:[\w&'’-]+\s+){0,3}?(?:" + EVENT_WORDS + r")(?:\s+(?:" + EVENT_WORDS + r"))?)"
    r"\s*(?:on|is|at|,|\(|starts(?:\s+on)?|in)?\s*$",
    re.I,
)
END_BEFORE = re.compile(r"(?P<subj>(?:[\w'’-]+\s+){0,2}?)\(?(?P<verb>ends|expires|runs\s+out|lapses|closes|goes\s+away)\s+(?:on\s+)?$", re.I)
HARD_BEFORE = re.compile(r"\b(?:must|has\s+to|have\s+to|needs?\s+to)\b.{0,60}\b(?:by|before)\s+$|\b(?:no\s+later\s+than|latest)\s+$", re.I)
# "before the 22 Dec freeze", "for the 30th nov promo": the event named right after its date
DATE_THEN_EVENT = re.compile(
    r"^\s*(?P<l>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}?)\s*(?=[(.,;:!?]|\s+(?:with|and|from|at|in|on|is|are|was|were|needs?|has|have|will|starts?)\b|$)", re.I
)
_NOT_EVENT_START = STOP | {"and", "or", "but", "so", "then", "to", "is", "are", "was", "will", "can", "can't", "cannot",
                            "won't", "at", "in", "on", "by", "as", "if", "or", "plus", "latest", "noon", "am", "pm"}
BEFORE_THE = re.compile(r"\b(?:before|for|ahead\s+of|until|in\s+time\s+for)\s+(?:the\s+|our\s+|their\s+)?$", re.I)
# "Customer summit, Thu 10 Dec:", "cut-over window agreed with Contoso: Sat 5 Dec"
EVENT_COLON = re.compile(
    r"(?P<label>(?:[\w&'’-]+\s+){0,2}?(?:" + EVENT_WORDS + r"))(?:\s+(?:(?:is|was)\s+)?(?:planned|scheduled|set|booked|agreed|"
    r"confirmed|moved)(?:\s+with\s+[\w&'’-]+(?:\s+[A-Z][\w&'’-]+)?)?)?\s*[,:]\s*$",
    re.I,
)
# "vendor advisory says patch within 7 days (by 14 Dec)"
WITHIN_BY = re.compile(
    r"\bwithin\s+(?:\d+|an?|one|two|three|four|five|six|seven|ten|fourteen|thirty)\s+(?:business\s+|working\s+|calendar\s+)?"
    r"(?:hours?|days?|weeks?|months?)\s*[(,]?\s*(?:i\.e\.\s*|so\s+|=\s*)?(?:by\s+)?$",
    re.I,
)
# "Fieldwork starts Mon 7 Dec", "Eng starts building on Mon 7 Dec": work that needs ours done first
SUBJECT_STARTS = re.compile(
    r"^\s*(?P<subj>[A-Za-z][\w&'’-]*(?:\s+[a-z][\w&'’-]*)?)\b.{0,80}?\s(?:starts?|begins?|kicks?\s+off)(?:\s+\w+ing)?\s+(?:on\s+)?$"
)
_NOT_STARTERS = {"i", "we", "he", "she", "they", "it", "this", "that", "who", "work", "sprint", "next", "the", "my", "our"}
_MODAL_START = re.compile(r"\b(?:can|could|will|would|may|might|to|shall|should)\s+(?:starts?|begins?|kicks?\s+off)\b", re.I)
# "Client demo for Tailspin on Thu 10 Dec"
EVENT_FOR = re.compile(
    r"(?P<label>(?:[\w&'’-]+\s+){0,1}?(?i:" + EVENT_WORDS + r"))\s+(?P<prep>for|with|to)\s+"
    r"(?P<who>[A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+)?|the\s+[a-z]+(?:\s+[a-z]+)?\s+(?:team|board|client|customer|committee|leads?))"
    r"\s*(?:on\s+|is\s+(?:on\s+)?|(?:is\s+|was\s+)?(?:booked|planned|scheduled|set|confirmed)\s+(?:for\s+)?|,\s*|\(\s*)$",
)
# "December issue goes out Thu 17 Dec": the day the work itself must be out
GOES_OUT = re.compile(
    r"^\s*(?P<subj>(?:[A-Za-z][\w&'’-]*\s+){0,3}?)(?:goes\s+out|go(?:es)?\s+live|ships|gets\s+sent|is\s+(?:sent|published|released))"
    r"\s+(?:on\s+)?$",
    re.I,
)
# "in by Fri 4 Dec - budget freeze after that"
EVENT_AFTER = re.compile(
    r"^\s*[-–—,;(]\s*(?:the\s+|a\s+)?(?P<l>(?:[\w&'’-]+\s+){0,2}?(?:" + EVENT_WORDS + r"))\s+(?:after|from|starts|begins|kicks)\b",
    re.I,
)
# "renewal quote is $48k/yr, due to sign by 18 Dec", "Due to the controller by the 3rd working day: Tue 5 Jan"
DUE_BY = re.compile(r"\b(?:due|deadline)\b[^.;]{0,60}?(?:\bby\s+(?:the\s+)?|:\s*)$", re.I)
EVENT_IN = re.compile(r"(?P<l>(?:[A-Za-z][\w&'’-]*\s+)?(?:" + EVENT_WORDS + r"))\b", re.I)


# --------------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------------
# Line model
# --------------------------------------------------------------------------------------------


@dataclass
class _Line:
    number: int
    raw: str
    indent: int = 0
    bullet: bool = False
    numbered: bool = False
    checkbox: str | None = None  # " " open, "x" done
    quoted: bool = False
    kind: str = "text"  # heading|title|section|datehead|speaker|header|subject|text|junk|injection
    section: str | None = None
    heading: str | None = None
    date: dt.date | None = None  # date of the entry (prefix or dated heading above)
    body: str = ""  # content without markers and date prefix
    names: list[str] = field(default_factory=list)  # people/organisations named in the line
    dated: bool = False  # the line itself starts with a date ("Mon: ...")
    speaker: str | None = None  # who wrote this line in a pasted chat or email (None = me)
    inline_speaker: str | None = None  # "Omar [9:14 AM]: ..." - the speaker written on the line itself
    addressee: str | None = None  # in a chat, the other person my line answers ("you")
    marked: bool = False  # a marked-up heading ("## x", "== x ==", "**x**", ALLCAPS), not "Label:"


@dataclass
class _Item:
    lines: list[_Line] = field(default_factory=list)
    heading: _Line | None = None
    strong: set[str] = field(default_factory=set)
    weak: set[str] = field(default_factory=set)


def split_lines(text: str) -> list[str]:
    """The notes split into lines exactly as the parser numbers them (1-based index = position + 1)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _indent(raw: str) -> int:
    n = 0
    for ch in raw:
        if ch == " ":
            n += 1
        elif ch == "\t":
            n += 4
        elif ch in "\u00a0\u3000":
            n += 1
        else:
            break
    return n




# Note-taking shorthand that hides a word the reader (and a check) looks for: whole words only.
_SHORTHAND = [
    (re.compile(r"\b(?:mkting|mktg|mkt)\b", re.I), "marketing"),
    (re.compile(r"\bmgmt\b", re.I), "management"),
    (re.compile(r"\bw/(?=\s)", re.I), "with"),
    (re.compile(r"\bw/o\b", re.I), "without"),
    (re.compile(r"\breqs\b", re.I), "requirements"),
]


def _expand_shorthand(text: str) -> str:
    if "/" not in text and "mk" not in text.lower() and "mgmt" not in text.lower() and "reqs" not in text.lower():
        return text
    for pattern, repl in _SHORTHAND:
        text = pattern.sub(repl, text)
    return text


def _date_prefix(body: str, as_of: dt.date) -> tuple[dt.date | None, str]:
    """('Mon: emailed Dana' -> (Mon 23 Nov, 'emailed Dana')). Past reading of the date."""
    m = DATE_RE.match(body)
    if not m or m.start() != 0:
        return None, body
    rest = body[m.end() :]
    sep = re.match(r"\s*(?:[:)\],]|[-–—]+(?=\s|$))\s*", rest)
    if sep:
        found = _find_dates(body[: m.end()], as_of, direction="past")
        if found:
            return found[0].date, rest[sep.end() :]
        return None, body
    # "tues i chased again", "Mon emailed Dana": a day word followed by I/we or a past-tense verb
    nxt = re.match(r"\s+(?P<w>[A-Za-z']+)", rest)
    if nxt and (nxt.group("w").lower() in ("i", "we") or nxt.group("w").lower() in ACTION_VERBS):
        found = _find_dates(body[: m.end()], as_of, direction="past")
        if found:
            return found[0].date, rest.lstrip()
    return None, body


def _is_date_only(text: str, as_of: dt.date) -> dt.date | None:
    stripped = text.strip().strip("#=*_:-–— ").strip()
    if not stripped:
        return None
    m = DATE_RE.fullmatch(stripped)
    if m:
        found = _find_dates(stripped, as_of, direction="past")
        return found[0].date if found else None
    return None


def _generic_label(text: str, as_of: dt.date) -> str | None:
    """Section kind for labels such as 'Action items', 'Done', 'Waiting on' (None if not generic)."""
    t = text.strip().strip("#=*_:-–— ").strip()
    t = re.sub(r"\s*\(.*\)$", "", t)
    # drop a trailing date: "Notes 25 Nov", "Status - Mon"
    for m in _find_dates(t, as_of):
        if m.end >= len(t) - 1:
            t = t[: m.start].strip(" -–—,:")
            break
    m = GENERIC_LABEL.match(t)
    if not m:
        return None
    label = m.group("label")
    for pat, kind in SECTION_KIND:
        if pat.search(label):
            return kind
    return "general"


def _classify(lines: list[str], as_of: dt.date) -> list[_Line]:
    out: list[_Line] = []
    in_header_block = False
    for idx, raw in enumerate(lines):
        if not raw.strip():
            in_header_block = False
            continue
        ln = _Line(number=idx + 1, raw=raw, indent=_indent(raw))
        text = raw.strip()
        q = QUOTE.match(text)
        if q:
            ln.quoted = True
            text = text[q.end() :].strip()
        out.append(ln)
        if not text:
            ln.kind = "junk"
            continue
        if INJECTION.search(text):
            ln.kind = "injection"
            ln.body = text
            continue
        hm = MD_HEADING.match(text) or EQ_HEADING.match(text) or BOLD_LINE.match(text)
        eh = EMAIL_HEADER.match(text)
        if eh and (in_header_block or eh.group("key").lower() in ("from", "subject", "sent", "to")):
            key = eh.group("key").lower()
            in_header_block = True
            ln.kind = "subject" if key == "subject" else "header"
            ln.heading = re.sub(r"^(?:(?:re|fwd?|aw)\s*:\s*)+", "", eh.group("value"), flags=re.I).strip()
            ln.body = eh.group("value")
            continue
        if SPEAKER.match(text) and not DATE_RE.fullmatch(text.split()[0]):
            ln.kind = "speaker"
            ln.heading = SPEAKER.match(text).group("name")
            continue
        if hm:
            ln.marked = True
            htext = hm.group("text").strip()
            d = _is_date_only(htext, as_of)
            if d:
                ln.kind, ln.date = "datehead", d
                continue
            sec = _generic_label(htext, as_of)
            if sec:
                ln.kind, ln.section = "section", sec
                continue
            ln.kind, ln.heading = "heading", htext
            if hm.re is MD_HEADING and len(hm.group("hashes")) == 1:
                ln.kind = "title"  # decided later: item heading or document title
            continue
        body = text
        im = INLINE_SPEAKER.match(body)
        if im and not DATE_RE.fullmatch(im.group("name")):
            ln.inline_speaker, body = im.group("name"), im.group("rest")
        bm = BULLET.match(body)
        if bm:
            marker = bm.group("marker")
            ln.bullet = True
            ln.numbered = marker[0].isalnum()
            body = body[bm.end() :]
        cb = CHECKBOX.match(body)
        if cb:
            ln.checkbox = "x" if cb.group("box").strip() else " "
            ln.bullet = True
            body = body[cb.end() :]
        if not re.search(r"[^\W\d_]", body):  # no letters at all: "----", "{}", "123"
            ln.kind, ln.body = "junk", body
            if not DATE_RE.search(body):
                continue
        # section labels and headings written as "Label:" alone on a line
        if body.endswith(":") and not ln.bullet and len(body) <= 80:
            d = _is_date_only(body, as_of)
            if d:
                ln.kind, ln.date = "datehead", d
                continue
            sec = _generic_label(body, as_of)
            if sec:
                ln.kind, ln.section = "section", sec
                continue
            words = body[:-1].split()
            if 0 < len(words) <= 8 and not NAME_COLON.match(body + " x"):
                ln.kind, ln.heading = "heading", body[:-1].strip()
                continue
        day = None if ln.bullet else _is_date_only(body, as_of)
        if day:
            ln.kind, ln.date = "datehead", day
            continue
        letters = [c for c in body if c.isalpha()]
        if (
            not ln.bullet
            and len(letters) >= 3
            and all(c.isupper() for c in letters)
            and len(body.split()) <= 8
            and not re.search(r"[.!?]$", body)
        ):
            sec = _generic_label(body, as_of)
            ln.marked = True
            if sec:
                ln.kind, ln.section = "section", sec
            else:
                ln.kind, ln.heading = "heading", body.strip(":").strip()
            continue
        if ln.kind == "junk":
            continue
        # "Attendees: Lee, Sam" - a labelled line (section + content on one line)
        lm = re.match(r"^(?P<label>[A-Za-z][A-Za-z -]{1,30}):\s+(?P<rest>.+)$", body)
        if lm and _generic_label(lm.group("label"), as_of) in ("attendees",):
            ln.kind, ln.section, ln.body = "attendees", "attendees", lm.group("rest")
            continue
        d, body = _date_prefix(body, as_of)
        ln.date, ln.dated = d, d is not None
        body = OWNER_PREFIX.sub("", body)
        ln.body = _expand_shorthand(body.strip())
        ln.kind = "text"
    return out


# --------------------------------------------------------------------------------------------
# Names, keys and resources
# --------------------------------------------------------------------------------------------


def _clean_name(raw: str) -> str | None:
    name = raw.strip().lstrip("@").strip("'’-.")
    name = re.sub(r"['’]s$", "", name)
    parts = name.split()
    parts = [p for p in parts if p]
    if not parts:
        return None
    if len(parts) > 1 and re.fullmatch(HONORIFIC, parts[0]):  # "Dr. Weiss", "Prof. de Vries"
        title = parts[0] if parts[0].endswith(".") else parts[0] + "."
        rest = [p for p in parts[1:] if p[0].isupper() and p not in NOT_NAMES or p in ("de", "van", "von", "der", "den", "da", "di", "du", "le", "la")]
        while rest and not rest[-1][0].isupper():
            rest.pop()
        return f"{title} {' '.join(rest)}" if rest else None
    if len(parts) > 1 and parts[0] in NOT_NAMES:  # "Asked Omar" -> "Omar"
        parts = parts[1:]
    if parts[0] in NOT_NAMES or parts[0].lower() in STOP and not parts[0][0].isupper():
        return None
    if len(parts) > 1 and not ORG_SUFFIX.match(parts[1]) and (
        parts[1] in NOT_NAMES or not parts[1][0].isupper() or parts[1].isupper() and len(parts[1]) <= 3
    ):
        parts = parts[:1]  # "Lee Monday", "Globex IT" -> the name alone
    name = " ".join(parts)
    if len(name) < 2 or not name[0].isalpha():
        return None
    if name.lower() in ("i", "me", "we", "us"):
        return None
    if name[0].islower():
        name = name[0].upper() + name[1:]
    return name


@dataclass
class _Names:
    """Evidence collected over the whole note: who is a person, who is an organisation."""

    person_votes: dict[str, int] = field(default_factory=dict)
    org_votes: dict[str, int] = field(default_factory=dict)
    person_org: dict[str, str] = field(default_factory=dict)
    person_role: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def remember(self, name: str) -> None:
        if name not in self.seen:
            self.seen.add(name)
            self.order.append(name)

    def vote(self, name: str | None, kind: str, n: int = 1) -> None:
        if not name:
            return
        votes = self.person_votes if kind == "person" else self.org_votes
        votes[name] = votes.get(name, 0) + n
        self.remember(name)

    def is_org(self, name: str) -> bool:
        o, p = self.org_votes.get(name, 0), self.person_votes.get(name, 0)
        return o > 0 and o >= p or name.lower() in TEAMS


_LOWER_CONTACT_STOP = STOP | {"him", "her", "them", "back", "again", "abt", "about", "everyone", "someone",
                              "it", "a", "an", "my", "our", "their", "his", "up", "in", "out", "over", "round",
                              "at", "on", "to", "of", "is", "be", "me", "us", "you", "all", "any", "no", "by",
                              "as", "if", "or", "so", "too", "team", "person", "details", "info", "number",
                              "form", "list", "sheet", "doc", "docs", "email", "office", "vendor", "client"}
_LOWER_CONTACT_VERBS = {"emailed", "called", "pinged", "messaged", "texted", "asked", "told", "chased",
                        "nudged", "rang", "phoned", "contacted"}


def _line_names(text: str, names: _Names) -> list[str]:
    """Names (people and organisations) mentioned in one line, with evidence recorded in ``names``."""
    found: list[str] = []
    if "-" in text or "/" in text or "@" in text:
        text = EMAIL.sub(" ", URL.sub(" ", TICKET.sub(" ", text)))

    def add(raw: str | None, kind: str | None, weight: int = 1) -> str | None:
        name = _clean_name(raw) if raw else None
        if not name:
            return None
        if kind:
            names.vote(name, kind, weight)
        else:
            names.remember(name)
        if name not in found:
            found.append(name)
        return name

    for m in AT_HANDLE.finditer(text):
        if not EMAIL.search(text[max(0, m.start() - 40) : m.end() + 20]):
            add(m.group("h").split(".")[0].capitalize(), "person", 2)
    for m in NAME_AT_ORG.finditer(text):
        who, org = _clean_name(m.group("who")), _clean_name(m.group("org"))
        if who and org and who != org:
            add(who, "person", 2)
            add(org, "org", 2)
            names.person_org.setdefault(who, org)
    for m in NAME_PAREN.finditer(text):
        who, inner = _clean_name(m.group("who")), m.group("inner").strip().rstrip("?")
        if not who:
            continue
        if _find_dates(inner, dt.date(2000, 1, 1)) or not re.search(r"[A-Za-z]", inner):
            continue
        inner_name = _clean_name(inner) if re.fullmatch(NAME, inner) else None
        if who.lower() in TEAMS or who in names.org_votes:
            add(who, "org", 2)
            if inner_name:
                add(inner_name, "person", 2)
                names.person_org.setdefault(inner_name, who)
        elif inner_name and inner_name.lower() in TEAMS or inner_name in names.org_votes:
            add(who, "person", 2)  # "Dana (Acme)": person (organisation)
            add(inner_name, "org", 2)
            names.person_org.setdefault(who, inner_name)
        elif inner_name and len(inner.split()) == 1:
            # unknown pair: a person with their organisation, the common way to write it
            add(who, "person", 1)
            add(inner_name, "org", 1)
            names.person_org.setdefault(who, inner_name)
        elif re.search(r"\b(?:vendor|client|customer|supplier|partner|agency)\b", inner, re.I):
            add(who, "org", 3)
        elif len(inner.split()) <= 4:
            add(who, "person", 1)
            names.person_role.setdefault(who, re.sub(r"^(?:our|their|the|his|her)\s+", "", inner, flags=re.I))
    for m in re.finditer(r"\(\s*(?P<n>[A-Z][a-z]+)\s*\??\s*\)", text):
        add(m.group("n"), "person", 1)
    for m in ORG_EVIDENCE.finditer(text):
        add(m.group("org") or m.group("org2") or m.group("org3") or m.group("org4") or m.group("org5") or m.group("org6"), "org", 1)
    for m in re.finditer(r"(?P<a>[A-Z][\w&'’-]+)\s+(?P<b>[A-Z][\w&'’.-]+)", text):
        if ORG_SUFFIX.match(m.group("b")) and m.group("a") not in NOT_NAMES:
            add(f"{m.group('a')} {m.group('b').rstrip('.')}", "org", 3)
    for m in CONTACT.finditer(text):
        who = m.group("who")
        verb = m.group(0).split()[0].lower()
        if who[0].islower() or who.split()[0] in NOT_NAMES:
            first = who.split()[0].lower()
            if first in TEAMS:
                add(first, "org", 1)
                continue
            if first in _LOWER_CONTACT_STOP or verb not in _LOWER_CONTACT_VERBS or who[0].isupper():
                continue
        add(who.split()[0] if who[0].islower() else who, "person", 1)
    for m in NAME_TRIGGER.finditer(text):
        add(m.group("who"), None)
    for m in PERSON_TRIGGER.finditer(text):
        add(m.group("who"), "person", 1)
    for m in NAME_VERB.finditer(text):
        add(m.group("who"), "person", 1)
    for m in NAME_IN_TEAM.finditer(text):
        who = add(m.group("who"), "person", 2)
        if who:
            names.person_org.setdefault(who, m.group("team"))
    for m in BE_NAME.finditer(text):
        who = add(m.group("who"), "person", 1)
        org = _clean_name(m.group("org")) if m.group("org") else None
        if who and org:
            names.person_org[who] = org
    for m in re.finditer(r"\b(?:she|he|her|his)\b", text):
        # a pronoun after a single name in the same line is evidence that the name is a person
        if len(found) == 1:
            names.vote(found[0], "person", 1)
        break
    return found


HEADER_ADDRESS = re.compile(r"(?P<n>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*<(?P<e>[^<>@\s]+@[^<>\s]+)>")
_MAIL_PROVIDERS = {"gmail", "googlemail", "outlook", "hotmail", "yahoo", "icloud", "proton", "protonmail", "live", "aol", "me", "mail"}


def _org_from_domain(email: str) -> str | None:
    domain = email.rsplit("@", 1)[-1].split(".")[0].lower()
    if not domain or domain in _MAIL_PROVIDERS or len(domain) < 3:
        return None
    return domain.capitalize()


def _known_mentions(lines: list[_Line], names: _Names) -> None:
    """Add names known from anywhere in the note to every line that mentions them without a trigger."""
    known = {n for n in names.order if " " not in n}
    if not known:
        return
    for ln in lines:
        text = ln.heading if ln.kind in ("heading", "title", "subject", "header") else ln.body
        if not text or ln.kind in ("injection", "junk"):
            continue
        for w in re.findall(r"[A-Z][a-zA-Z'’-]+", text):
            w = re.sub(r"['’]s$", "", w)
            if w in known and w not in ln.names:
                ln.names.append(w)


def _resources(text: str) -> list[str]:
    out: list[str] = []
    for pat in (URL, EMAIL, TICKET, CHANNEL, FILE, PHONE):
        for m in pat.finditer(text):
            val = m.group(0).rstrip(".,;:)")
            if pat is PHONE and len(re.sub(r"\D", "", val)) < 8:
                continue
            if pat is PHONE and DATE_RE.search(val):
                continue
            if val not in out:
                out.append(val)
    for pat in (SYSTEM, SYSTEM_THING):
        for m in pat.finditer(text):
            if m.group("sys") not in out:
                out.append(m.group("sys"))
    for m in NAMED_ARTEFACT.finditer(text):
        val = (m.group("res") or m.group("res2") or "").strip()
        first = val.split()[0] if val else ""
        if val and first not in NOT_NAMES and val not in out:
            out.append(val)
    return out


def _stem(word: str) -> str:
    return word.lower()[:5]


def _keys(text: str, names: list[str]) -> tuple[set[str], set[str]]:
    strong = {n.lower() for n in names}
    strong |= {t.lower() for t in TICKET.findall(text)}
    weak: set[str] = set()
    for m in WORD.finditer(text):
        w = m.group(0)
        lw = w.lower()
        if any(c.isdigit() for c in w):
            if not DATE_RE.fullmatch(w):
                weak.add(lw)
            continue
        if len(lw) < 4 or lw in STOP or lw in strong:
            continue
        if w[0].isupper() and w not in NOT_NAMES and lw not in STOP and not DATE_RE.fullmatch(w):
            before = text[: m.start()].rstrip()
            if before and before[-1] not in ".!?:;-–—•*>#)(\"'":  # not sentence-initial
                strong.add(lw)
        weak.add(_stem(lw))
    return strong, weak


# --------------------------------------------------------------------------------------------
# Grouping
# --------------------------------------------------------------------------------------------


@dataclass
class _Unit:
    lines: list[_Line]
    forced: int | None = None  # item index (heading region)
    names: list[str] = field(default_factory=list)
    strong: set[str] = field(default_factory=set)
    weak: set[str] = field(default_factory=set)

    @property
    def first(self) -> _Line:
        return self.lines[0]


def _has_signal(unit: _Unit) -> bool:
    if unit.first.bullet or unit.first.checkbox is not None:
        return len(re.findall(r"[A-Za-z]{2,}", unit.first.body)) >= 1
    if unit.names or any(TICKET.search(ln.body) for ln in unit.lines):
        return True
    for ln in unit.lines:
        b = ln.body
        if ln.dated or DATE_RE.search(b):
            return True
        for pat in (NO_REPLY, WAITING, BLOCKED, DECISION, RISK, RECURRING, DONE_MARK, I_WILL, PROMISE, DUE, _TODO_CUE):
            if pat.search(b):
                return True
        if _action_verb(b):
            return True
    return False


_TODO_CUE = re.compile(r"\bneeds?\s+(?:to|2)\b|\bhave\s+to\b|\bmust\b|\bto-?do\b|\bunfilled\b|\bbroken\b|\bbug\b|\bfix\b", re.I)


def _action_verb(clause: str) -> str | None:
    m = PAST_VERB.match(clause.strip())
    if not m:
        return None
    verb = m.group("verb").lower()
    if verb in NOT_ACTION:
        return None
    if verb in ACTION_VERBS:
        return verb
    return None


def _group(lines: list[_Line], as_of: dt.date, names: _Names) -> tuple[list[_Item], list[_Line]]:
    items: list[_Item] = []
    unplaced: list[_Line] = []
    has_attendees = any(ln.kind == "attendees" for ln in lines)
    n_headings = sum(1 for ln in lines if ln.kind in ("heading", "title", "subject", "section"))

    # 1. pass: headings, document titles and context (section, dates, speakers)
    units: list[_Unit] = []
    region: int | None = None  # item index owning the current heading region
    section: str | None = None
    cur_date: dt.date | None = None
    pending_headers: list[_Line] = []
    speaker: str | None = None
    last_other: str | None = None  # the last other speaker in an inline chat
    prev: _Line | None = None
    first_content = True
    chain_open = False
    has_structure = any(x.kind in ("attendees", "section") for x in lines)
    for i, ln in enumerate(lines):
        blank_before = prev is None or ln.number - prev.number > 1
        if ln.kind in ("heading", "title", "subject"):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            is_doc_title = (ln.kind == "title" and (
                MEETING_TITLE.search(ln.heading or "") and n_headings > 1 or _generic_label(ln.heading or "", as_of)
            )) or (ln.marked and nxt is not None and nxt.kind in ("heading", "title") and nxt.marked)
            if is_doc_title:
                unplaced.append(ln)
                region, section = None, None
                m = _find_dates(ln.heading or "", as_of, direction="past")
                cur_date = m[0].date if m else cur_date
            else:
                items.append(_Item(lines=[*pending_headers, ln], heading=ln))
                pending_headers = []
                region, section = len(items) - 1, None
            prev = ln
            first_content = False
            continue
        if ln.kind == "header" and re.match(r"\s*from\s*:", ln.raw.lstrip("> \t"), re.I):
            sender = next((n for n in ln.names if not names.is_org(n)), None)
            speaker = None if not sender or re.search(r":\s*me\b", ln.raw, re.I) else sender
        if ln.kind == "header" and region is not None and not pending_headers and ln.quoted:
            items[region].lines.append(ln)
            prev = ln
            continue
        if ln.kind == "header":
            pending_headers.append(ln)
            prev = ln
            continue
        if pending_headers:
            unplaced.extend(pending_headers)
            pending_headers = []
        if ln.kind == "section":
            section = ln.section
            if ln.marked:
                region = None  # "## Misc", "== Done ==": a new group, not part of the item above
            (items[region].lines if region is not None else unplaced).append(ln)
            prev = ln
            continue
        if ln.kind == "datehead":
            cur_date = ln.date
            rel = re.sub(r"[^a-z ]", "", (ln.raw or "").lower()).strip()
            if rel in ("today", "tomorrow", "this week", "next week", "next"):
                section = "actions"  # standup "Today:": plans
            elif rel in ("yesterday", "last week"):
                section = "done"  # standup "Yesterday:": what got done
            else:
                section = None
            (items[region].lines if region is not None else unplaced).append(ln)
            prev = ln
            continue
        if ln.kind == "speaker":
            who = ln.heading or ""
            speaker = None if who.lower() in ("me", "i") else _clean_name(who)
            (items[region].lines if region is not None else unplaced).append(ln)
            prev = ln
            continue
        if ln.kind in ("attendees",):
            for part in re.split(r",|\band\b|;|/", ln.body):
                nm = _clean_name(part.strip().split("(")[0].strip())
                if nm and re.fullmatch(NAME, part.strip().split("(")[0].strip()):
                    names.vote(nm, "person", 2)
            (items[region].lines if region is not None else unplaced).append(ln)
            prev = ln
            continue
        if ln.kind in ("injection", "junk") and region is None:
            unplaced.append(ln)
            prev = ln
            chain_open = False
            continue
        ln.section = section
        ln.speaker = speaker
        if ln.inline_speaker is not None:
            who = ln.inline_speaker
            ln.speaker = None if who.lower() in ("me", "i") else _clean_name(who)
            if ln.speaker:
                names.vote(ln.speaker, "person", 2)
                last_other = ln.speaker
            else:
                ln.addressee = last_other
        if ln.date is None:
            ln.date = cur_date
        if (
            region is None
            and first_content
            and ln.kind == "text"
            and not ln.bullet
            and has_structure
            and MEETING_TITLE.search(ln.body)
            and _title_like(_strip_dates(ln.body, as_of) or ln.body)
        ):
            unplaced.append(ln)  # "Weekly sync with Northwind - 24 Nov": the document's title
            m = _find_dates(ln.body, as_of, direction="past")
            cur_date = m[0].date if m else cur_date
            first_content = False
            prev = ln
            continue
        # first line of a prose note written like a title: "Event app for the Lisbon offsite (launch Tue 8 Dec)"
        if (
            region is None
            and ln.kind == "text"
            and not ln.bullet
            and blank_before
            and first_content
            and _title_like(ln.body)
            and i + 1 < len(lines)
            and lines[i + 1].kind == "text"
            and lines[i + 1].number == ln.number + 1
        ):
            ln.kind = "heading"
            ln.heading = ln.body
            items.append(_Item(lines=[ln], heading=ln))
            region = len(items) - 1
            prev = ln
            first_content = False
            continue
        first_content = False
        # sub-lines and wrapped continuations join the unit above
        if units and not blank_before and chain_open and region is None and units[-1].forced is None:
            top = units[-1].first
            if ln.indent > top.indent or (
                not ln.bullet
                and not top.bullet
                and ln.body[:1].islower()
                and not re.search(r"[.!?:;]$", prev.body if prev else "")
                and not ln.dated
                and not NEW_TOPIC.match(ln.body)
                and len(prev.body if prev else "") > 50
            ):
                units[-1].lines.append(ln)
                prev = ln
                continue
        units.append(_Unit(lines=[ln], forced=region))
        chain_open = True
        prev = ln
    if pending_headers:
        unplaced.extend(pending_headers)

    # 2. pass: keys per unit
    for unit in units:
        text = " ".join(ln.body for ln in unit.lines)
        unit.names = _dedupe([nm for ln in unit.lines for nm in ln.names])
        unit.strong, unit.weak = _keys(text, unit.names)
        if has_attendees:  # in minutes everyone is everywhere: people do not make a topic
            unit.strong = {k for k in unit.strong if not names.person_votes.get(k.capitalize())}
    for item in items:
        if item.heading is not None:
            hnames = item.heading.names
            s, w = _keys(item.heading.heading or "", hnames)
            item.strong |= s
            item.weak |= w

    # 3. pass: place units
    strong_index: dict[str, list[int]] = {}
    weak_index: dict[str, list[int]] = {}
    for idx, item in enumerate(items):
        for k in item.strong:
            strong_index.setdefault(k, []).append(idx)
        for k in item.weak:
            weak_index.setdefault(k, []).append(idx)
    transparent = {ln.number for ln in lines if ln.kind in ("speaker", "injection", "junk", "header")}
    person_keys = {n.lower() for n in names.order if not names.is_org(n)}
    chat = any(ln.kind == "speaker" or ln.inline_speaker for ln in lines)
    last_item: int | None = None
    last_unit_end = -10
    last_unit_prose = False
    for unit in units:
        first = unit.first
        target: int | None = unit.forced
        if target is None and first.kind in ("injection", "junk"):
            unplaced.extend(unit.lines)
            continue
        if target is None:
            scores: dict[int, int] = {}
            for k in unit.strong:
                weight = 2 if k in person_keys else 3  # a shared person alone does not merge two bullets
                for idx in strong_index.get(k, ()):
                    scores[idx] = scores.get(idx, 0) + weight
            for k in unit.weak:
                for idx in weak_index.get(k, ()):
                    scores[idx] = scores.get(idx, 0) + 1
            lead = LEAD_IN.match(first.body)
            has_lead = (
                bool(lead)
                and not NAME_COLON.match(first.body)
                and lead.group("lead").strip().lower() not in _FILLER
                and not START_REF.match(lead.group("lead"))  # "It's tight: ..." continues the line above
            )
            threshold = 3 if has_lead or first.bullet else 2
            best = max(scores.items(), key=lambda kv: (kv[1], kv[0]), default=None)
            adjacent_prose = (
                last_item is not None
                and not first.bullet
                and last_unit_prose
                and 0 < first.number - last_unit_end <= 12
                and all(n in transparent for n in range(last_unit_end + 1, first.number))
                and not has_lead
                and not NEW_TOPIC.match(first.body)
            )
            own_names = [n for n in unit.names if n.lower() not in items[last_item].strong] if last_item is not None else unit.names
            if best and best[1] >= threshold:
                target = best[0]
            elif last_item is not None and not first.bullet and (REASON_LINE.match(first.body) or OFFER.match(first.body)) and (
                0 < first.number - last_unit_end <= 2
            ):
                target = last_item  # "Reason: ..." explains the line above; "I can ... - 2 days" offers a way out of it
            elif adjacent_prose and (
                chat
                or POSSESSIVE_REF.search(first.body)
                or not own_names
                and (
                    unit.weak & items[last_item].weak
                    or PRONOUN_REF.search(first.body)
                    or START_REF.match(first.body)
                    or first.body[:1].islower()
                )
            ):
                target = last_item
            elif (
                last_item is not None
                and not first.bullet
                and not has_lead
                and (not own_names and PRONOUN_REF.search(first.body) or POSSESSIVE_REF.search(first.body))
            ):
                target = last_item
            elif _has_signal(unit) or unit.strong and not first.quoted:
                items.append(_Item())
                target = len(items) - 1
            else:
                unplaced.extend(unit.lines)
                continue
        item = items[target]
        item.lines.extend(unit.lines)
        for k in unit.strong - item.strong:
            _index_add(strong_index, k, target)
        for k in unit.weak - item.weak:
            _index_add(weak_index, k, target)
        item.strong |= unit.strong
        item.weak |= unit.weak
        last_item = target
        last_unit_end = unit.lines[-1].number
        last_unit_prose = not first.bullet
    return items, unplaced


_FILLER = {"ok", "okay", "hi", "hey", "so", "also", "yes", "no", "fyi", "update", "note", "btw", "and", "but", "well", "hmm",
           "np", "sure", "thx", "thanks", "cool", "great", "k", "kk", "yep", "yeah", "sorry"}


_INDEX_CAP = 40  # items remembered per key: keeps grouping linear on very long notes


def _index_add(index: dict[str, list[int]], key: str, item: int) -> None:
    bucket = index.setdefault(key, [])
    bucket.append(item)
    if len(bucket) > _INDEX_CAP:
        del bucket[0]


def _on_line(xs: list, number: int) -> list:
    """Entries of ``xs`` (appended in line order) that came from line ``number``: scans from the end."""
    out = []
    for x in reversed(xs):
        if x.line == number:
            out.append(x)
        elif x.line is not None and x.line < number:
            break
    out.reverse()
    return out


def _title_like(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 10 or re.search(r"[.!?]$", text) or not text[:1].isupper():
        return False
    if _action_verb(text) or LEAD_IN.match(text) and not text.strip().endswith(")"):
        return False
    for pat in (NO_REPLY, WAITING, BLOCKED, DECISION, I_WILL, PROMISE, MISSED, OWNER_TO, DUE):
        if pat.search(text):
            return False
    if DATE_RE.search(re.sub(r"\([^()]*\)", "", text)):
        return False
    if re.search(r"\b(?:is|are|was|were|has|have|had|did|will|'ll|can|need|needs)\b", text, re.I):
        return False
    return True


# --------------------------------------------------------------------------------------------
# Cues -> WorkItem
# --------------------------------------------------------------------------------------------


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSE_SPLIT.split(text) if c and c.strip()]


PASSIVE_DONE = re.compile(
    r"^(?P<obj>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,4}?)\s+(?:(?:was|were|got|have\s+been|has\s+been)\s+)?"
    r"(?P<verb>sent|delivered|shared|submitted|signed|shipped|paid|uploaded|published|handed\s+over)\s+(?P<rest>(?:to|today|yesterday|on|this|last)\b.*)$",
    re.I,
)
_BARE_DONE = re.compile(r"^(?P<verb>done|finished|completed|sent|signed|submitted|delivered|shipped|approved|merged)\b(?P<rest>.*)$", re.I)


def _with_subjects(clauses: list[str], as_of: dt.date) -> list[str]:
    """'budget annex - finished 2026-12-04': a bare completion takes the thing named just before it."""
    out = list(clauses)
    for i in range(1, len(out)):
        m = _BARE_DONE.match(out[i])
        prev = out[i - 1].rstrip(" :,")
        if not m or _strip_dates(m.group("rest"), as_of).strip(" .,;()") or not prev:
            continue
        if len(prev.split()) > 6 or _count_cues(prev):
            continue
        out[i] = f"{m.group('verb')} {prev}{m.group('rest')}"
    return out


def _count_cues(text: str) -> bool:
    return bool(NO_REPLY.search(text) or WAITING.search(text) or BLOCKED.search(text) or DECISION.search(text)
                or RISK.search(text) or I_WILL.search(text) or PROMISE.search(text) or DONE_MARK.search(text))


_CONNECTOR_BEFORE = re.compile(r"(?:\b(?:by|on|before|until|till|due|for|from|since|no\s+later\s+than|latest)\s+)$", re.I)


def _strip_dates(text: str, as_of: dt.date, keep_bare_weekdays: bool = False) -> str:
    """Text with its date phrases (and the 'by'/'on'/'due' before them) removed."""
    out = text
    # "(expires Dec 10)", "(done Tue)": a parenthesis that is only a date and a word goes entirely
    if "(" in out:
        out = re.sub(
            r"\s*\((?P<inner>[^()]{1,40})\)",
            lambda m: "" if _find_dates(m.group("inner"), as_of) and len(_plain_strip(m.group("inner"), as_of).split()) <= 1 else m.group(0),
            out,
        )
    out = _plain_strip(out, as_of, keep_bare_weekdays)
    out = re.sub(r"\s*\((?:\s|,)*\)|\"\s*\"|'\s*'", "", out)
    out = re.sub(r"\b(?:by|on|before|until|due|for|from|since)\s*(?=[.,;:!?)]|$)", "", out.strip())
    out = re.sub(r"\s+([,;:.!?])", r"\1", out)
    out = re.sub(r"\s{2,}", " ", out)
    return out.strip(" ,;:-–—.!")


def _plain_strip(text: str, as_of: dt.date, keep_bare_weekdays: bool = False) -> str:
    out = text
    for m in reversed(_find_dates(text, as_of)):
        start = m.start
        c = _CONNECTOR_BEFORE.search(out[:start])
        if keep_bare_weekdays and not c and re.fullmatch(r"[A-Za-z]+", m.text) and m.text.lower() in _WEEKDAY_WORDS:
            continue
        if c:
            start = c.start()
        out = out[:start] + out[m.end :]
    return out


_WEEKDAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


_SUBORDINATE = re.compile(r"\s+(?:so\s+(?:that\s+)?(?:she|he|they|we|I)|because|since|as\s+(?:she|he|they)|which|but|though)\b|\s+[-–—]+\s+|;\s*", re.I)


def _what(text: str, as_of: dt.date) -> str:
    """The thing promised: dates, connectors and trailing subordinate clauses removed."""
    out = _SUBORDINATE.split(_strip_dates(text, as_of))[0]
    return out.strip(" ,;:-–—.!")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _short(text: str, limit: int = 60) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-")


def _first_date(text: str, base: dt.date, direction: str = "future") -> dt.date | None:
    found = _find_dates(text, base, direction=direction)  # type: ignore[arg-type]
    return found[0].date if found else None


def _who_in(text: str, names: _Names, prefer: tuple[str, ...] = ()) -> str | None:
    """The party a cue is about; a team or company with its person in brackets is the person."""
    found = _who_in_text(text, names, prefer)
    if found:
        m = re.search(re.escape(found) + r"(?:\s+team)?\s*\((?P<p>" + NAME + r")\)", text, re.I)
        person = _clean_name(m.group("p")) if m else None
        if person and not names.is_org(person):
            return person
    return found


def _who_in_text(text: str, names: _Names, prefer: tuple[str, ...] = ()) -> str | None:
    for pat in prefer:
        m = re.search(pat, text)
        if m:
            nm = m.group("w").strip()
            if nm.lower().startswith("the "):
                nm = nm[4:]
            if nm.lower() in TEAMS or nm.lower().rstrip("s") in TEAMS:
                return nm.lower()
            if nm.lower().endswith(" team"):
                base = _clean_name(nm[:-5])
                return f"{base} team" if base else None
            cleaned = _clean_name(nm)
            if cleaned and (cleaned in names.seen or cleaned.split()[0] in names.seen):
                return cleaned
    for m in re.finditer(NAME, text):
        nm = _clean_name(m.group(0))
        if nm and (nm in names.person_votes or nm in names.org_votes):
            return nm
    for w in re.findall(r"[A-Za-z]+", text):
        if w.lower() in TEAMS and (w.islower() or w[0].isupper()) and w.lower() != "it" or w == "IT":
            return w if w[0].isupper() and w != "IT" else w.lower() if w != "IT" else "IT"
    return None


_TEAM_WORDS = r"(?i:finance|legal|design|marketing|procurement|security|accounting|payroll|compliance)"
_WHO_PATTERNS = (
    r"(?i:waiting|wait)\s+(?i:on|for)\s+(?P<w>(?:the\s+)?" + NAME + r"(?:\s+team)?|[a-z]+\s+team|" + _TEAM_WORDS + r")",
    r"\b(?i:from)\s+(?P<w>(?:the\s+)?" + NAME + r"(?:\s+team)?|" + _TEAM_WORDS + r")",
    r"(?i:blocked|stuck)\s+(?i:on|by)\s+(?P<w>(?:the\s+)?" + NAME + r"(?:\s+team)?|[a-z]+\s+team|" + _TEAM_WORDS + r")",
    r"\b(?i:asked)\s+(?P<w>" + NAME + r")",
    r"\b(?i:emailed|called|pinged|messaged|texted|chased|nudged|contacted|rang|phoned|left)\s+(?P<w>" + NAME + r")",
    r"(?:^|\s)(?P<w>" + NAME + r")\s+(?:hasn'?t|haven'?t|didn'?t|still|has\s+not|is\s+out|said|says|will|to\s+)",
    r"(?P<w>" + _TEAM_WORDS + r"|IT)\s+(?:still\s+)?(?:hasn'?t|haven'?t|didn'?t|is|are|to\s+)",
    r"\bbeing\s+[a-z]+\s+by\s+(?P<w>" + NAME + r")",
    r"\b(?:still|is|are|sits?|sitting)\s+with\s+(?:the\s+|our\s+)?(?P<w>" + _TEAM_WORDS + r"|[A-Z][\w'’-]+)\b",
    r"\b(?:owned|held)\s+by\s+(?:the\s+|our\s+)?(?P<w>(?:" + NAME + r"|[a-zA-Z]+)\s+team|" + NAME + r"|" + _TEAM_WORDS + r")",
    r"\b(?i:asked|emailed|called|pinged|chased|contacted)\s+(?:their|our|the)\s+(?:[a-z]+\s+){1,2}(?P<w>" + NAME + r")",
)


def _object(clause: str, as_of: dt.date) -> str | None:
    """'emailed Dana at Acme for the Q3 docs' -> 'Q3 docs'."""
    m = re.search(r"\b(?:for|about|abt|re|regarding)\s+(?:the\s+|our\s+|their\s+|a\s+|an\s+)?(?P<o>[^,;.()]+)", clause, re.I) or re.search(
        r"\bon\s+(?:the\s+|our\s+|their\s+)?(?P<o>[^,;.()]+)", clause, re.I)
    if not m:
        return None
    obj = _strip_dates(m.group("o"), as_of)
    obj = re.split(r"\s+(?:needed|because|so|which|and\s+(?:she|he|they)|but|by|before|from|to|since|until|if)\b", obj)[0]
    obj = obj.strip(" ,;:-")
    if not obj or len(obj.split()) > 7 or obj.lower() in STOP:
        return None
    if _find_dates(obj, as_of):
        return None
    return obj


def _options(text: str) -> list[str]:
    m = re.search(r"\beither\s+(?P<a>[^,;]{1,150}?)\s+or\s+(?P<b>[^,;.?]{1,150})", text, re.I)
    if m:
        return [m.group("a").strip(), m.group("b").strip()]
    after = text.split(":", 1)[1] if ":" in text else text
    parts = re.split(r",?\s+or\s+|\s+vs\.?\s+|\s+versus\s+", after)
    if len(parts) >= 2:
        opts = []
        for p in parts:
            p = re.sub(r"^(?:should\s+we\s+|do\s+we\s+|we\s+)", "", p.strip(), flags=re.I)
            p = re.split(r"[.?!;]\s", p)[0].strip(" .?!")
            if p and len(p.split()) <= 10:
                opts.append(p)
        if len(opts) >= 2:
            return opts
    return []


_LABEL_ONLY = re.compile(
    r"\b(?:needed\s+for|need(?:s|ed)?\s+(?:it|them|this)\s+(?:for|before)|required\s+for|in\s+time\s+for|before|ahead\s+of|ready\s+for)\s+"
    r"(?:the|our|their|my)\s+(?P<label>(?:[\w&'’-]+\s+){0,2}?(?:" + EVENT_WORDS + r")(?:\s+(?:" + EVENT_WORDS + r"))?)\b",
    re.I,
)
_PROPOSAL = re.compile(r"\bquote\b|\bcould\b|\bcan\s+(?:do|build|deliver|ship|have)|\$\s?\d|\binstead\b|\balternative\b|\bcut-?down\b|\bfallback\b", re.I)
_LABEL_PREFIX = re.compile(r"^(?:open\s+question|question|decision|fyi|note|update|re|todo|next(?:\s+steps?)?|action|ai|plan)\s*:\s*", re.I)
_CONDITIONAL = re.compile(r"\bif\b.{0,80}\b(?:by|nothing|no\s+reply|not|isn'?t|doesn'?t)\b|\bmaybe\b|\bcould\s+ask\b|\bbackup\b|\bplan\s+b\b", re.I)


@dataclass
class _State:
    """Per-item scratch state while reading its lines in order."""

    last_who: str | None = None  # last person/org I contacted
    last_what: str | None = None  # what I asked them for
    last_when: dt.date | None = None
    first_contact: dict = field(default_factory=dict)  # who -> date of my first contact
    seen_notes: set = field(default_factory=set)
    label_only: str | None = None  # "before the audit": an outcome named without a date
    seen_resources: set = field(default_factory=set)
    open_commitments: dict = field(default_factory=dict)  # word -> open/missed commitments mentioning it
    deadline_cands: list = field(default_factory=list)
    done_marks: list = field(default_factory=list)
    todo_open: bool = False
    options: list = field(default_factory=list)  # (label, text)
    people: list = field(default_factory=list)
    orgs: list = field(default_factory=list)


class _ItemBuilder:
    """Collects cues from an item's lines in order and produces a WorkItem."""

    def __init__(self, as_of: dt.date, names: _Names, lines: list[_Line] | None = None):
        self.as_of = as_of
        self.names = names
        self.texts = {ln.number: (ln.body or ln.raw or "") for ln in lines or []}

    def _previous_text(self, number: int) -> str:
        """The text of the nearest non-blank line above ``number`` in the notes ('' if none)."""
        earlier = [n for n in self.texts if n < number]
        return self.texts[max(earlier)] if earlier else ""

    # -- item ---------------------------------------------------------------------------------

    def build(self, item: _Item) -> WorkItem:
        as_of = self.as_of
        lines = sorted(item.lines, key=lambda ln: ln.number)
        w = WorkItem(title="", lines=[ln.number for ln in lines])
        st = _State()
        for ln in lines:
            self._collect(w, st, ln)
            if ln.kind in ("heading", "title", "subject"):
                text = ln.heading or ""
                self._heading_cues(w, text)
                self._deadlines(text, ln.date or as_of, st.deadline_cands)
                continue
            if ln.kind in ("header", "speaker"):
                continue
            if ln.kind in ("section", "datehead"):
                continue
            if ln.kind in ("injection", "junk", "attendees"):
                w.notes.append(ln.body or ln.raw.strip())
                continue
            self._line(w, st, ln)
        self._finish(w, st, item, lines)
        return w

    def _collect(self, w: WorkItem, st: _State, ln: _Line) -> None:
        for nm in ln.names:
            (st.orgs if self.names.is_org(nm) else st.people).append(nm)
        text = ln.body if ln.kind not in ("heading", "title", "subject") else (ln.heading or "")
        for r in _resources(text or ""):
            if r not in st.seen_resources:
                st.seen_resources.add(r)
                w.resources.append(r)

    def _finish(self, w: WorkItem, st: _State, item: _Item, lines: list[_Line]) -> None:
        # options listed on their own lines ("Option 3: ...") attach to the item's decision
        if st.options:
            if not w.decisions:
                w.decisions.append(Decision(question="Which option should we take?", line=None))
            dec = w.decisions[0]
            highest = max((_option_number(lbl) for lbl, _ in st.options), default=0)
            if highest > len(st.options) + len(dec.options):
                option_lines = {n for _, n in st.options if isinstance(n, int)}
                for ln in lines:
                    if len(dec.options) + len(st.options) >= highest:
                        break
                    if ln.kind == "text" and ln.number not in option_lines and _PROPOSAL.search(ln.body) and not (
                        DECISION.search(ln.body)
                    ):
                        dec.options.append(_option_text(ln.body))
            labelled = [text for _, text in st.options]
            if len(labelled) >= 2 and highest <= len(labelled):
                dec.options = labelled  # explicit "Option A/B" lines win over free-text alternatives
            else:
                for text in labelled:
                    if text not in dec.options:
                        dec.options.append(text)
        w.waits = _merge_waits(w.waits, self.names.person_org)
        w.people = _dedupe([p for p in st.people if not self.names.is_org(p)])
        w.orgs = _dedupe([o for o in st.orgs if self.names.is_org(o)])
        if not st.deadline_cands and st.label_only:
            w.deadline_label = st.label_only
        if st.deadline_cands:
            future = [c for c in st.deadline_cands if c[1] >= self.as_of]
            pool = future or st.deadline_cands
            pool.sort(key=lambda c: (-c[0], c[1]))
            _, w.deadline, w.deadline_label = pool[0]
        open_things = list(w.waits) + [c for c in w.commitments if c.state == "open"] + list(w.decisions)
        if not open_things and not w.risks and not st.todo_open:
            if st.done_marks:
                w.done = True
            elif w.actions and all(_action_verb(a.text) in _COMPLETION for a in w.actions if a.actor == "I"):
                w.done = any(a.actor == "I" for a in w.actions)
        w.title = _title_with(self, item, w, lines)
        for x in w.waits:
            if not x.what:
                x.what = w.title
        if w.deadline_label and not w.outcome:
            label = w.deadline_label
            title_words = {x.lower() for x in WORD.findall(w.title)}
            label_words = {x.lower() for x in WORD.findall(label) if len(x) >= 4}
            if label_words and label_words <= title_words or " for the " in w.title or " before the " in w.title:
                w.outcome = w.title
            elif re.search(r"\b(?:ends|expires|runs out|lapses|closes|goes away|goes up)$", label):
                w.outcome = f"{w.title} before the {label}"
            else:
                w.outcome = f"{w.title} for the {label}"

    # -- line ---------------------------------------------------------------------------------

    def _line(self, w: WorkItem, st: _State, ln: _Line) -> None:
        as_of = self.as_of
        body = ln.body
        base = ln.date or as_of
        owner = None
        nc = NAME_COLON.match(body)
        if nc:
            who = nc.group("name").lstrip("@")
            cleaned = _clean_name(who)
            if who.lower() in ("me", "i"):
                owner, body = "I", nc.group("rest")
            elif cleaned and (ln.section == "actions" or (cleaned in self.names.person_votes and not self.names.is_org(cleaned))):
                owner, body = cleaned, nc.group("rest")
        if owner is None and ln.speaker:
            owner = ln.speaker
        if ln.addressee and owner is None:  # "I'll check with you Thu" in a chat with Omar
            body = re.sub(r"\b(?:with|to|ask|tell|call|ping)\s+you\b", lambda m: m.group(0)[:-3] + ln.addressee, body)
        nxt = NEXT_PREFIX.match(body)
        if nxt:
            body = body[nxt.end() :]
        opt = OPTION_LINE.match(body)
        if opt:
            st.options.append((opt.group("label") or opt.group("label2") or "", opt.group("text").strip().rstrip(".")))
        line_done = ln.checkbox == "x" or ln.section == "done" or (_is_done(body) and not nxt)  # "Next: session Tue, agenda sent" is still ahead
        before = _count(w)
        n_commit_before = len(w.commitments)
        n_risks_before = len(w.risks)
        offer = OFFER.match(body)
        if offer and not w.decisions and owner is None:
            x = _what(offer.group("x"), as_of)
            cost = _strip_dates(offer.group("cost"), as_of).strip(" .")
            w.decisions.append(Decision(question=f"whether I {x} ({cost})", options=[], line=ln.number))
        why = REASON_LINE.match(body)
        if why and not ln.section:
            cause = (why.group("why") or why.group("why2") or "").strip().rstrip(".")
            if cause and cause not in w.risks[-20:]:
                w.risks.append(cause)
        for clause in _with_subjects(_clauses(body), as_of):
            self._clause(w, st, ln, clause, base, owner, bool(nxt), bool(opt))
        self._sections(w, ln, body, base, owner, line_done)
        new_waits = _on_line(w.waits, ln.number)
        for x in new_waits:
            if x.since is None:
                x.since = _since(body, base)
            if x.on_whom is None and ln.speaker and not is_me_name(ln.speaker):
                x.on_whom = ln.speaker  # "Omar: firewall rule still not opened" - Omar's to do
            if x.on_whom is None:
                x.on_whom = _who_in(body, self.names, _WHO_PATTERNS)
                if x.on_whom is None and re.search(r"\b(?:he|she|they|him|her|them)\b", body, re.I):
                    x.on_whom = st.last_who
        blocked = [x for x in new_waits if x.kind == "blocked"]
        if blocked and len(new_waits) > 1:
            for x in new_waits:
                if x.kind != "blocked":
                    blocked[0].on_whom = blocked[0].on_whom or x.on_whom
                    blocked[0].expected_by = blocked[0].expected_by or x.expected_by
                    w.waits.remove(x)
        if line_done:
            st.done_marks.append(ln.number)
            for c in w.commitments[n_commit_before:]:
                if c.owner == (owner or "I") or ln.checkbox == "x":
                    c.state = "done"
            if ln.checkbox == "x" and len(w.commitments) == n_commit_before:
                w.commitments.append(Commitment(what=_what(body, as_of), owner=owner or "I", line=ln.number,
                                                state="done"))
            self._resolve_commitments(st, body, ln.number)
            if not _on_line(w.actions, ln.number):
                pv = re.search(r"\bby\s+(?P<who>" + NAME + r")\s*(?:[✅✔.,;]|$)", body)
                actor = (_clean_name(pv.group("who")) if pv else None) or owner or "I"
                w.actions.append(Action(text=_what(body, as_of) or body, on=_past_date(body, base), actor=actor,
                                        line=ln.number))
            if len(w.risks) > n_risks_before and not re.search(r"\bat\s+risk\b|might\s+not|may\s+not|won'?t\s+make", body, re.I):
                del w.risks[n_risks_before:]  # "failed twice, fixed ✅" is history, not a live risk
        elif ln.checkbox == " ":
            st.todo_open = True
        for c in w.commitments[n_commit_before:]:
            if c.state != "done":
                for word in _words(c.what):
                    st.open_commitments.setdefault(word, []).append(c)
        self._deadlines(body, base, st.deadline_cands)
        if not st.label_only:
            lm = _LABEL_ONLY.search(body)
            if lm:
                st.label_only = _label(lm.group("label"))
        if ln.section == "decided" or _count(w) == before or _CONDITIONAL.search(body):
            if body not in st.seen_notes:
                st.seen_notes.add(body)
                w.notes.append(body)

    def _sections(self, w: WorkItem, ln: _Line, body: str, base: dt.date, owner: str | None, line_done: bool) -> None:
        as_of = self.as_of
        sec = ln.section
        on_line = lambda xs: bool(_on_line(xs, ln.number))  # noqa: E731
        if sec == "waiting" and not on_line(w.waits):
            w.waits.append(Wait(what=_what(body, as_of), on_whom=_who_in(body, self.names, _WHO_PATTERNS),
                                kind="waiting", since=ln.date, line=ln.number))
        elif sec == "blocked" and not on_line(w.waits):
            w.waits.append(Wait(what=_what(body, as_of), on_whom=_who_in(body, self.names, _WHO_PATTERNS),
                                kind="blocked", since=ln.date, line=ln.number))
        elif sec == "decision" and not on_line(w.decisions):
            w.decisions.append(Decision(question=_LABEL_PREFIX.sub("", body).strip(), options=_options(body),
                                        line=ln.number, who=self._decider(body), by=_first_date(body, base)))
        elif sec == "risk" and body not in w.risks[-20:]:
            w.risks.append(body)
        elif sec == "recurring" and not w.recurring:
            w.recurring, w.recurrence = True, "recurring"
        if (ln.checkbox == " " or sec == "actions") and not line_done and not on_line(w.commitments):
            ow = owner
            m = OWNER_TO.match(body)
            if m:
                ow = "I" if m.group("who").lower() in ("me", "i") else _clean_name(m.group("who"))
            due = _first_date(body, base) or (ln.date if ln.date and ln.date >= as_of else None)
            w.commitments.append(Commitment(what=_what(m.group("what") if m else body, as_of), owner=ow or "I",
                                            due=due, line=ln.number))

    # -- clause -------------------------------------------------------------------------------

    def _clause(self, w: WorkItem, st: _State, ln: _Line, clause: str, base: dt.date, owner: str | None,
                is_next: bool, is_option: bool) -> None:
        as_of = self.as_of
        low = clause.lower()
        me = owner or "I"
        conditional = bool(re.search(r"\bif\b|\bunless\b|\bmaybe\b", low))

        dm = DELEGATE.search(clause)
        if dm:
            name = _clean_name(dm.group("who") or dm.group("who2") or dm.group("who3") or "")
            if name:
                w.delegate_to = w.delegate_to or name
        rec = _recurrence(clause)
        if rec:
            w.recurring = True
            if not w.recurrence or not w.recurrence.lower().startswith(("every", "each")) and rec.lower().startswith(("every", "each")):
                w.recurrence = rec

        # actions already taken
        verb = _action_verb(clause)
        actor = me
        pas = None if verb else PASSIVE_DONE.match(clause)
        if pas and not re.match(r"(?:i|we|he|she|they|it)\b", pas.group("obj"), re.I) and not I_WILL.search(clause):
            # "test accounts sent to their PM Anika today": done by me, written object-first
            verb = pas.group("verb").lower()
            clause = f"{verb} {pas.group('obj')} {pas.group('rest')}".strip()
        nv = re.match(r"^(?P<who>" + NAME + r")\s+(?P<verb>[a-z]+)\b", clause)
        if not verb and nv and nv.group("verb") in ACTION_VERBS:
            nm = _clean_name(nv.group("who"))
            if nm:
                verb, actor = nv.group("verb"), nm
        pv = re.search(r"\b(?:fixed|done|sent|resolved|shipped|handled|completed|approved|signed|merged|deployed)\s+by\s+(?P<who>" + NAME + r")", clause)
        if pv and _clean_name(pv.group("who")):
            actor = _clean_name(pv.group("who")) or actor
        if verb and not I_WILL.match(clause) and not conditional and not (verb in ("told", "promised") and PROMISE.search(clause)):
            when = ln.date if ln.date and not re.search(r"\(", clause) else (_past_date(clause, base) or ln.date)
            text = _strip_dates(clause, as_of)
            if actor == me and not pv:
                text = _DONE_PREFIX.sub("", text)
            w.actions.append(Action(text=text, on=when, actor=actor, line=ln.number))
            if actor == "I" and verb in _CONTACT_SET:
                who = _who_in(clause, self.names, _WHO_PATTERNS[3:5] + (
                    r"\b(?:to|with)\s+(?P<w>" + NAME + r")", r"\bleft\s+(?P<w>" + NAME + r")\s+a\b"))
                if who is None:
                    lc = re.search(CONTACT_VERBS + r"\s+(?P<w>[a-z]+)\b", clause)
                    if lc and lc.group("w") not in _LOWER_CONTACT_STOP:
                        who = _clean_name(lc.group("w"))
                st.last_who = who or st.last_who
                st.last_what = _object(clause, as_of) or st.last_what
                st.last_when = when or st.last_when
                if who and when:
                    st.first_contact.setdefault(who.lower(), when)
            if RESOLVED.search(clause) and not NO_REPLY.search(clause):
                self._resolve_waits(w, clause)

        # waits: no reply / blocked / waiting
        explicit_wait = bool(re.search(r"\bwaiting\s+(?:on|for)\b|\bawaiting\b", low))
        decision_like = bool(DECISION.search(clause)) and not explicit_wait
        if NO_REPLY.search(clause) and not conditional:
            who = _who_in(clause, self.names, _WHO_PATTERNS) or st.last_who or _first_person(w, self.names)
            what = st.last_what or _object(clause, as_of) or ""
            since = (st.first_contact.get(who.lower()) if who else None) or st.last_when or ln.date
            prev = _same_wait(w, who, "no_reply") if who else None
            if prev is not None:
                prev.since = prev.since or since
            else:
                w.waits.append(Wait(what=what, on_whom=who, kind="no_reply", since=since, line=ln.number))
        elif BLOCKED.search(clause) and not conditional and not NOT_BLOCKED.search(clause):
            who = _who_in(clause, self.names, _WHO_PATTERNS)
            w.waits.append(Wait(what=_what(clause, as_of), on_whom=who, kind="blocked",
                                since=_since(clause, base), line=ln.number))
        elif WAITING.search(clause) and not conditional and not EXPERIENCE.search(clause) and not re.match(
            r"\s*(?:i\s+|we\s+)?(?:havent|haven'?t|have\s+not)\b", low  # "havent sent" (mine, no one else's)
        ) and not re.search(r"\bgot\s+(?:it|them)\b|\b(?:it|they)\s+(?:arrived|came\s+in)\b", low) and (  # "(got it Tue)"
            not decision_like or explicit_wait) and not (
            THIRD_WILL.search(clause) and not I_WILL.match(clause)
        ):
            who = _who_in(clause, self.names, _WHO_PATTERNS)
            if who is None and re.match(r"\s*(?:he|she|they)\b", low):
                who = st.last_who
            expected = _date_after(clause, base)
            said = re.search(r"\b(?:said|says)\s+(?:by\s+)?[\"“']?(?=(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|next|end\s+of|early|\d))", clause, re.I)
            if expected is None and (said or re.search(r"(?:she|he|they)(?:'d|\s+would|'ll|\s+will)", low)):
                expected = _first_date(clause[said.end():] if said else clause, base)
            since = _since(clause, base) or (
                (_past_date(clause, base) or (ln.date if ln.dated else None)) if re.search(r"\basked\b", low) else None
            )
            prev = _same_wait(w, who, "waiting") if who else None
            if prev is not None and prev.line != ln.number:
                prev.expected_by = prev.expected_by or expected
            elif prev is None:
                what = (st.last_what or "") if said and len(clause[: said.start()].split()) <= 2 else _wait_what(clause, as_of)
                w.waits.append(Wait(what=what, on_whom=who, kind="waiting", since=since,
                                    line=ln.number, expected_by=expected))

        # commitments: other people's, then mine
        tail = clause.split(": ", 1)[-1]
        ot = OWNER_TO.match(clause) or (OWNER_TO.match(tail) if tail != clause else None)
        tw = THIRD_WILL.search(clause)
        third = None
        if ot and not DECIDER.search(clause) and not re.match(r"(?:Need|Have|Want|Going|Plan|Try|Needs|Hard|Easy|Time)\b", ot.group("who")) and not (
            re.fullmatch(r"(?i:" + EVENT_WORDS + r")", ot.group("who"))  # "Demo to the sales team is Tue": an event, not an owner
        ):
            who = ot.group("who")
            third = "I" if who.lower() in ("me", "i") else _clean_name(who)
            if third:
                what = _what(ot.group("what"), as_of)
                if tail != clause and len(what.split()) <= 2:
                    what = f"{what} {_what(clause.split(': ', 1)[0], as_of)}"
                w.commitments.append(Commitment(what=what, owner=third,
                                                due=_first_date(ot.group("what"), base) or _first_date(clause, base), line=ln.number,
                                                state="done" if ln.checkbox == "x" else "open"))
        elif tw and not I_WILL.match(clause) and not DECIDER.search(clause) and not conditional:
            raw = tw.group("inner") or tw.group("who")
            if raw.lower() in ("she", "he", "they"):
                # "BrightApps told us Mon they will deliver ...": 'they' is who told us, on this line
                told = re.match(r"^\s*(?P<w>" + NAME + r")(?:\s*\([^)]*\))?\s+(?:told|said|says|wrote|confirmed|informed)\b", clause)
                who = (self._person(told.group("w")) if told else None) or st.last_who or (
                    w.waits[-1].on_whom if w.waits else None) or _first_person(w, self.names)
            else:
                who = _clean_name(raw)
            due = _first_date(tw.group("what"), base) or _first_date(clause, base)
            newd = re.search(r"\bnew\s+(?:date|eta)\s*[:=]?\s*(?P<d>.+)$", ln.body, re.I)
            if newd and _first_date(newd.group("d"), base):
                due = _first_date(newd.group("d"), base)  # "2 weeks late - new date 11 Dec"
            if who and who != "I" and (due or re.search(r"said|promised|agreed", clause)):
                third = who
                what = _what(tw.group("what"), as_of)
                # "deliver the iOS build 2 weeks late" -> "the iOS build"
                what = re.sub(r"\s+(?:\d+|a|one|two|three|a\s+few)\s+(?:days?|weeks?|months?)\s+late\b.*$|\s+late\b.*$", "", what)
                what = re.sub(r"^(?:deliver|send|ship|provide|give\s+us|get\s+us|hand\s+over)\s+", "", what, flags=re.I) or what
                w.commitments.append(Commitment(what=what, owner=who, due=due, line=ln.number))
                wt = _same_wait(w, who, "waiting") or _same_wait(w, who, "no_reply")
                if wt is None:
                    w.waits.append(Wait(what=what, on_whom=who, kind="waiting", line=ln.number, expected_by=due))
                else:
                    wt.expected_by = wt.expected_by or due

        pm = PROMISE.search(clause)
        iw = I_WILL.search(clause)
        giver = self._promiser(clause, pm) if pm and third is None else None
        if giver:
            # "printer (PrintCo) promised proofs Tue 1 Dec", "Kim also promised the Figma": their promise
            third = giver
            what = _what(re.sub(r"^(?:to\s+)", "", pm.group("what2") or pm.group("what") or pm.group("what3") or ""), as_of)
            what = re.split(r",\s*(?:not|still|no|but)\b", what)[0].strip()
            due = _first_date(clause[pm.start():], base)
            late = bool(re.search(r"\bnot\s+(?:yet\s+)?(?:received|in|here|arrived|sent|delivered)\b|\bstill\s+(?:no|missing)\b", ln.body, re.I))
            state = "done" if line_done_hint(ln.body) and not late else "open"
            w.commitments.append(Commitment(what=what or clause, owner=giver, due=due, line=ln.number, state=state))
            if state != "done" and _same_wait(w, giver, "waiting") is None:
                w.waits.append(Wait(what=what, on_whom=giver, kind="waiting", line=ln.number, expected_by=due))
        if pm and third is None:
            to = _clean_name(pm.group("to")) if pm.group("to") else None
            what = _what(pm.group("what") or pm.group("what2") or pm.group("what3") or "", as_of)
            what = re.sub(r"^(?:to|that|I'?d|I\s+would)\s+", "", what, flags=re.I)
            what = re.split(r",\s*(?:then|and\s+then|later)\b", what)[0].strip()
            moved = re.search(r"\b(?:moved|pushed|slipped|changed)\s+(?:it\s+)?to\s+(?P<d>.+)$", clause)
            team = re.match(r"^(?P<t>" + _TEAM_WORDS_RE + r")\s+(?P<rest>(?:the|a|an|our|my|some)\s+.+)$", what)
            if team:  # "promised marketing the new screenshots" -> "the new screenshots to marketing"
                what = f"{team.group('rest')} to {team.group('t')}"
            elif re.fullmatch(r"[A-Z][^\s,;:]*(?:\s+[A-Z][^\s,;:]*)?", what) and LEAD_IN.match(ln.body[: ln.body.find("promised") + 1] + " x"):
                # "Training deck: promised to Raúl by Mon", "Churn analysis - promised to Sofia": the thing is the lead-in
                lead = _what(LEAD_IN.match(ln.body).group("lead"), as_of)
                what = f"{lead} to {what}" if lead else what
            state = "missed" if MISSED.search(clause) else "open"
            due = _first_date(pm.group("what") or pm.group("what2") or pm.group("what3") or "", base) or _first_date(clause, base)
            if moved and _first_date(moved.group("d"), base):
                due = _first_date(moved.group("d"), base)  # "then moved to 1 Dec": the date now promised
            w.commitments.append(Commitment(what=what or clause, owner=me, due=due,
                                            for_whom=to, line=ln.number, state=state))
        elif iw and third is None and not conditional and not is_option:
            due = _first_date(iw.group("what"), base) or _first_date(clause, base)
            explicit = re.match(r"\s*(?:also\s+)?(?:i'?ll|i\s+will|i'm\s+going|i\s+am\s+going|we'll|we\s+will|need\s+(?:to|2)|i\s+need|i\s+have|i\s+must)", low)
            if due or explicit or is_next:
                what = _what(iw.group("what"), as_of)
                fw = re.search(r"\bto\s+(?P<w>" + NAME + r")\s*$", what)
                for_whom = _clean_name(fw.group("w")) if fw else None
                w.commitments.append(Commitment(what=what, owner=me, due=due, line=ln.number, for_whom=for_whom))
                if me != "I" and ln.speaker == me and _same_wait(w, me, "waiting") is None:
                    w.waits.append(Wait(what=what, on_whom=me, kind="waiting", line=ln.number, expected_by=due))
        elif is_next and third is None:
            w.commitments.append(Commitment(what=_what(clause, as_of), owner=me, due=_first_date(clause, base),
                                            line=ln.number))
        elif third is None and not conditional:
            ab = ASKED_BY.search(clause)
            dd = DUE.search(clause)
            gt = GOES_TO.search(clause)
            ab_who = ab.group("who") if ab else ""
            if gt and _first_date(clause[gt.end() :], base) and _clean_name(gt.group("to")):
                # "board pack goes to Lee on Fri 27 Nov": my delivery to Lee
                w.commitments.append(Commitment(what=_what(re.sub(r"^(?:note\s+to\s+self|nb|fyi)\s*:?\s*", "", gt.group("subj"), flags=re.I), as_of),
                                                owner=me, due=_first_date(clause[gt.end() :], base),
                                                for_whom=_clean_name(gt.group("to")), line=ln.number))
            elif ab and (ab_who.lower() in ("they", "she", "he") or _clean_name(ab_who)) and not WAITING.search(clause):
                due = _first_date(ab.group("what"), base)
                if due and due >= base:
                    for_whom = _clean_name(ab_who) if ab_who.lower() not in ("they", "she", "he") else next(
                        (n for n in ln.names if self.names.is_org(n)), None) or _first_org(w, self.names)
                    w.commitments.append(Commitment(what=_what(ab.group("what"), as_of), owner=me, due=due,
                                                    for_whom=for_whom, line=ln.number))
            elif dd and not re.search(r"\bdeadline\b", low):
                due = _first_date(clause[dd.end() :], base)
                src = self._source(clause[: dd.start()])
                if due and src:
                    # "keynote slides from Dr. Weiss (due Mon 7 Dec)": their delivery, which I wait for
                    subj = self._received_thing(clause[: dd.start()], ln.body, as_of)
                    w.commitments.append(Commitment(what=subj, owner=src, due=due, line=ln.number))
                    if _same_wait(w, src, "waiting") is None and _same_wait(w, src, "no_reply") is None:
                        w.waits.append(Wait(what=subj, on_whom=src, kind="waiting", line=ln.number, expected_by=due))
                elif due:
                    subj = _what(re.split(r"[,;:]", clause[: dd.start()])[-1][-60:], as_of)
                    to = _clean_name(dd.group("to")) if dd.group("to") else None
                    if not subj:  # "Due to the controller by Tue": the thing the line above says will be done
                        prev = WILL_DO_OBJECT.search(self._previous_text(ln.number))
                        subj = _what(prev.group("o"), as_of) if prev else ""
                    w.commitments.append(Commitment(what=subj or "deliverable", owner=me, due=due, for_whom=to,
                                                    line=ln.number))
        if MISSED.search(clause):
            for c in reversed(w.commitments[-50:]):
                if c.state == "open" and (c.line == ln.number or _overlap(c.what, clause)):
                    if c.due is None or c.due < as_of:  # "missed two dates already" does not miss a future one
                        c.state = "missed"
                    break

        # decisions
        if decision_like and not is_option and not re.search(r"\bapproved\b", low):
            who = self._decider(clause)
            by = _first_date(clause, base) if re.search(r"\b(?:by|before)\b", low) else None
            question = _LABEL_PREFIX.sub("", _strip_dates(clause, as_of) if by else clause.strip())
            generic = re.match(r"\s*(?:(?:we\s+|i\s+)?need(?:s|ed)?\s+(?:a\s+)?(?:decision|sign-?off|approval)|decision\s+(?:needed|required))", low)
            if w.decisions and (w.decisions[-1].line == ln.number or not who and not by or generic and not _options(clause)):
                d = w.decisions[-1]
                d.options = d.options or _options(clause)
                d.who, d.by = d.who or who, d.by or by
            else:
                opts = _options(ln.body) if ":" in ln.body else _options(clause)
                w.decisions.append(Decision(question=question, options=opts, who=who, line=ln.number, by=by))
        elif DECIDER.search(clause):
            who = self._decider(clause)
            by = _first_date(clause, base)
            if w.decisions:
                w.decisions[-1].who = w.decisions[-1].who or who
                w.decisions[-1].by = w.decisions[-1].by or by

        # risks
        if RISK.search(clause) or (MISSED.search(clause) and not w.commitments):
            if clause.strip() not in w.risks[-20:] and not is_option:
                w.risks.append(clause.strip())

    # -- helpers ------------------------------------------------------------------------------

    def _person(self, raw: str | None) -> str | None:
        """A named person or organisation other than me (None for 'I', pronouns, common words)."""
        name = _clean_name(raw) if raw else None
        if not name or name in NOT_NAMES or name.lower() in STOP:
            return None
        return name

    def _source(self, before: str) -> str | None:
        """Who a thing comes from: '... from Dr. Weiss (', '... (Prof. de Vries) was' -> the person."""
        for m in re.finditer(r"\((?P<w>" + NAME + r")\)", before):
            nm = self._person(m.group("w"))
            if nm and not self.names.is_org(nm):
                return nm
        m = re.search(r"\bfrom\s+(?:the\s+)?(?P<w>" + NAME + r")[\s(]*$", before) or re.search(r"\bfrom\s+(?:the\s+)?(?P<w>" + NAME + r")", before)
        return self._person(m.group("w")) if m else None

    def _received_thing(self, before: str, body: str, as_of: dt.date) -> str:
        """'missing keynote slides from Dr. Weiss (' -> 'keynote slides'; 'the one from X' -> the line's lead-in."""
        subj = re.split(r"[,;:]", before)[-1]
        subj = re.sub(r"\s*\((?:[^()]*\)?)\s*", " ", subj)
        subj = re.sub(r"\b(?:from|by)\s+(?:the\s+)?" + NAME + r".*$", "", subj)
        subj = re.sub(r"^\s*(?:missing|still\s+missing|waiting\s+(?:on|for)|need)\s+", "", subj, flags=re.I)
        subj = re.sub(r"\s+(?:was|is|were|are)\s*$", "", subj.strip())
        subj = _what(subj, as_of)
        if not subj or re.fullmatch(r"(?:the\s+)?(?:last\s+|other\s+)?one", subj, re.I):
            lead = body.split(":", 1)[0] if ":" in body else ""
            subj = _what(lead, as_of) if lead and len(lead.split()) <= 5 else (subj or "deliverable")
        return subj

    def _promiser(self, clause: str, pm) -> str | None:
        """'printer (PrintCo) promised ...' -> 'PrintCo'; 'Kim also promised' -> 'Kim'; 'I promised' -> None."""
        before = clause[: pm.start()].strip()
        before = re.sub(r"\s+(?:also|already|had|has|have)$", "", before, flags=re.I)
        if not before or re.search(r"(?:^|\s)(?:I|I'?ve|we|we'?ve|me)$", before, re.I) or re.search(r"\b(?:I|we)\b", before):
            return None
        before = before.split(":")[-1].strip()
        m = re.search(r"\((?P<w>" + NAME + r")\)$", before) or re.search(r"(?P<w>" + NAME + r")$", before)
        if m:
            return self._person(m.group("w"))
        m = re.search(r"(?:^|\s)(?:the\s+)?(?P<w>[a-z]+)$", before)
        if m and m.group("w") not in STOP and len(before.split()) <= 3 and m.group("w") not in ("also", "and", "then"):
            return "the " + m.group("w")
        return None

    def _heading_cues(self, w: WorkItem, text: str) -> None:
        m = DELEGATE.search(text)
        if m:
            w.delegate_to = w.delegate_to or _clean_name(m.group("who") or m.group("who2") or m.group("who3") or "")
        rec = _recurrence(text)
        if rec:
            w.recurring, w.recurrence = True, w.recurrence or rec

    def _decider(self, text: str) -> str | None:
        m = DECIDER.search(text)
        if not m:
            return None
        if m.group("e"):
            return m.group("e")  # "the team leads"
        return _clean_name(m.group("a") or m.group("b") or m.group("c") or m.group("d") or "")

    def _resolve_waits(self, w: WorkItem, clause: str) -> None:
        low = clause.lower()
        w.waits = [x for x in w.waits if x.kind == "blocked" or not (x.on_whom is None or x.on_whom.lower() in low)]

    def _resolve_commitments(self, st: _State, body: str, number: int) -> None:
        """Open promises that a later completion line mentions ("sent Sam the budget ✅") are done."""
        for word in _words(body):
            bucket = st.open_commitments.get(word)
            if not bucket:
                continue
            for c in bucket:
                if c.state in ("open", "missed") and c.line != number:
                    c.state = "done"
            st.open_commitments[word] = [c for c in bucket if c.state in ("open", "missed")]

    def _deadlines(self, body: str, base: dt.date, cands: list) -> None:
        for m in _find_dates(body, base):
            before = body[: m.start]
            after = body[m.end : m.end + 50]
            clause_before = re.split(r"[.;!?]\s|,\s(?=[a-z])", before[-120:])[-1]
            if _action_verb(clause_before.strip()) and not re.search(r"\b(?:for|before|ahead of)\b", clause_before, re.I):
                continue  # "emailed jon about the renewal on 11/23": when it happened, not a deadline
            tail = " ".join(clause_before.split()[-8:]) + (" " if clause_before[-1:].isspace() else "")
            boost = 1 if re.match(r"\s*\)?\s*(?:needs|requires|depends)", after) else 0
            nl = NEED_LINK.search(tail)
            if nl:
                cands.append((4 + boost, m.date, _label(nl.group("label"))))
                continue
            ev = EVENT_BEFORE.search(tail)
            if ev:
                lab = _label(ev.group("label"))
                cands.append(((2 if re.search(r"\bdeadline\b", lab, re.I) else 3) + boost, m.date, lab or None))
                continue
            en = END_BEFORE.search(tail)
            if en:
                subj = _label(en.group("subj"))
                if not subj or subj.lower() in ("current", "it", "this", "that", "current one"):
                    subj = "current term"
                verb = re.sub(r"\s+", " ", en.group("verb").lower())
                cands.append((2 + boost, m.date, f"{subj} {verb}"))
                continue
            lose = re.match(r"\s*,?\s*(?:we|you|they|i)\s+(?:lose|miss|forfeit)\s+(?:the\s+|our\s+)?(?P<l>[\w\s-]{2,30}?)\s*(?:[.,;!]|$)", after)
            if lose:
                cands.append((3, m.date, lose.group("l").strip()))
                continue
            orx = re.match(r"\s*,?\s*or\s+(?:the\s+)?(?P<l>[\w\s-]{2,30}?\s+(?:expires|ends|goes\s+up|goes\s+away|lapses|is\s+lost|lapse))\b", after)
            if orx:
                cands.append((3, m.date, orx.group("l").strip()))
                continue
            if HARD_BEFORE.search(tail):
                ea = EVENT_AFTER.match(after)  # "must be in by Fri - budget freeze after that"
                cands.append((2 + boost, m.date, (_label(ea.group("l")) or None) if ea else None))
                continue
            mention = body[m.start : m.end]
            dte = DATE_THEN_EVENT.match(after)
            if dte and dte.group("l").split()[0].lower() not in _NOT_EVENT_START and (
                BEFORE_THE.search(before) or (mention.lower().startswith("the ") and BEFORE_THE.search(before + "the "))
            ):  # "booked for Thu 3 Dec and can't start": no event follows the date
                lab = _label(dte.group("l"))
                if lab and not _find_dates(lab, base):
                    cands.append((3, m.date, lab))
                    continue
            ec = EVENT_COLON.search(tail)
            if ec:
                cands.append((3, m.date, _label(TICKET.sub("", ec.group("label"))) or None))
                continue
            ef = EVENT_FOR.search(tail)
            if ef and _label(ef.group("label")):
                cands.append((3, m.date, f"{_label(ef.group('label'))} {ef.group('prep')} {ef.group('who')}"))
                continue
            ea = EVENT_AFTER.match(after)
            if ea:
                cands.append((3, m.date, _label(ea.group("l")) or None))
                continue
            if WITHIN_BY.search(tail):
                cands.append((2, m.date, None))
                continue
            go = GOES_OUT.match(clause_before)
            if go:
                subj = go.group("subj").strip()
                first = subj.split()[0].lower() if subj else ""
                cands.append((3, m.date, None if not subj or first in _NOT_STARTERS else _label(subj) or None))
                continue
            ss = SUBJECT_STARTS.match(clause_before)
            if ss and ss.group("subj").split()[0].lower() not in _NOT_STARTERS and not _MODAL_START.search(clause_before):
                subj = ss.group("subj")
                ev = EVENT_IN.search(subj)
                label = _label(subj) if ev else f"{subj} start"  # "Renewal talks", "fieldwork", "Eng start"
                cands.append((2, m.date, label[:1].lower() + label[1:] if label[1:2].islower() else label))
                continue
            if DUE_BY.search(clause_before):
                ev = EVENT_IN.search(clause_before)
                cands.append((2, m.date, (_label(ev.group("l")) or None) if ev else None))
                continue
            # "Office move to floor 4: movers booked for Sat 19 Dec": an event named in the lead-in, booked for a date
            lead = re.match(r"^\s*(?P<lead>[^:]{2,50}):\s", body)
            if lead and m.start > lead.end() and re.search(r"\b(?:booked|scheduled|planned|set|confirmed|arranged)\s+(?:for\s+)?$", tail, re.I):
                ev = EVENT_IN.search(lead.group("lead"))
                if ev and m.date >= base:
                    cands.append((2, m.date, _label(ev.group("l")) or None))


_KIND_RANK = {"blocked": 3, "no_reply": 2, "waiting": 1}


def _merge_waits(waits: list[Wait], person_org: dict[str, str] | None = None) -> list[Wait]:
    """One wait per party: the strongest kind, the earliest 'since', the first expected date.

    A wait on an organisation and a wait on a person there ("proofs from PrintCo", "no answer from
    Ellie at PrintCo") are one party: the person is kept, as the one to chase.
    """
    orgs = {p.lower(): (o or "").lower() for p, o in (person_org or {}).items() if o}
    people = {(x.on_whom or "").lower() for x in waits}
    party_of = {}
    for p, o in orgs.items():
        if p in people and o in people:
            party_of[o] = p
    for p in people:  # "Helen" and "Helen Park" are one person: the full name is kept
        full = [q for q in people if q and q != p and " " not in p and q.split()[0] == p]
        if p and len(full) == 1:
            party_of[p] = full[0]
    out: list[Wait] = []
    by_party: dict[str, Wait] = {}
    for x in sorted(waits, key=lambda x: (x.on_whom or "").lower() in party_of):
        party = party_of.get((x.on_whom or "").lower(), (x.on_whom or "").lower())
        key = party + ("#blocked" if x.kind == "blocked" else "")
        if not x.on_whom or key not in by_party:
            out.append(x)
            if x.on_whom:
                by_party[key] = x
            continue
        keep = by_party[key]
        if _KIND_RANK[x.kind] > _KIND_RANK[keep.kind]:
            keep.kind = x.kind
        keep.since = min(d for d in (keep.since, x.since) if d) if (keep.since or x.since) else None
        keep.expected_by = keep.expected_by or x.expected_by
        keep.what = keep.what or x.what
        if (x.on_whom or "").lower() == party and (keep.on_whom or "").lower() != party:
            keep.on_whom = x.on_whom  # the person (or full name) rather than the company (or first name)
    return sorted(out, key=lambda x: waits.index(x))


def _count(w: WorkItem) -> int:
    return (len(w.actions) + len(w.waits) + len(w.commitments) + len(w.decisions) + len(w.risks)
            + int(w.recurring) + int(bool(w.delegate_to)))


def _option_text(body: str) -> str:
    """An option found in free text, phrased as the option itself rather than as a log entry.

    "I asked BrightApps for a cut-down scope: ..." -> "BrightApps cut-down scope: ...";
    "Got a quote from Nimbus: $12k, ..." -> "Nimbus: $12k, ...".
    """
    t = body.strip().rstrip(".")
    m = re.match(r"^(?:i\s+)?(?:asked|requested)\s+(?P<who>" + NAME + r")\s+for\s+(?:a\s+|an\s+|the\s+)?(?P<rest>.+)$", t, re.I)
    if m:
        t = f"{m.group('who')} {m.group('rest')}"
    else:
        t = re.sub(r"^(?:i\s+)?(?:got|received|have)\s+(?:a\s+|an\s+)?(?:quote|offer|proposal|bid)\s+from\s+", "", t, flags=re.I)
    return _short(_cap(t), 200)


def _option_number(label: str) -> int:
    label = (label or "").lower()
    if label.isdigit():
        return int(label)
    return ord(label) - ord("a") + 1 if label and label in "abcd" else 0


def _date_after(text: str, base: dt.date) -> dt.date | None:
    """First date introduced by 'by', 'before', 'until', 'on' or 'due' (not 'since')."""
    for m in _find_dates(text, base):
        if re.search(r"\b(?:by|before|until|till|on|due|eta)\s+$", text[: m.start], re.I):
            return m.date
    return None


def _past_date(text: str, base: dt.date) -> dt.date | None:
    """First date in ``text`` on or before ``base`` that is not a deadline ("by Fri", "until Thu")."""
    for m in _find_dates(text, base, direction="past"):
        if m.date <= base and not re.search(r"\b(?:by|before|until|till|due|eta)\s+$", text[: m.start], re.I) and not (
            _ATTRIBUTIVE_DAY.match(text[m.end :])  # "booked a tentative Sat slot": the slot's day, not when I booked
        ):
            return m.date
    return None


_ATTRIBUTIVE_DAY = re.compile(
    r"\s*(?:morning\s+|afternoon\s+|evening\s+|night\s+)?(?:slot|meeting|call|session|run|window|shift|release|deploy\w*|"
    r"launch|workshop|demo|review|standup|sync|cut-?over|maintenance)\b",
    re.I,
)


_CONTACT_SET = {"emailed", "called", "rang", "asked", "pinged", "messaged", "texted", "told", "chased",
                "nudged", "reminded", "contacted", "left", "phoned", "followed", "sent", "mailed", "wrote"}
_COMPLETION = {"booked", "paid", "shipped", "published", "released", "launched", "delivered", "signed",
               "submitted", "finished", "completed", "closed", "merged", "deployed", "fixed", "resolved",
               "approved", "hired", "renewed", "ordered", "onboarded", "cancelled", "canceled", "hit", "reached",
               "passed", "crossed"}


def _recurrence(text: str) -> str | None:
    found = [m.group(0) for m in RECURRING.finditer(text)]
    if not found:
        return None
    specific = [f for f in found if f.lower().startswith(("every", "each"))]
    return (specific or found)[0]


_LABEL_SKIP = STOP | {"hit", "make", "meet", "miss", "reach", "planned", "a", "an", "the", "our", "their", "my",
                     "in", "on", "at", "to", "of", "ok", "okay", "so", "is", "was", "can", "we", "ahead"}


def _label(text: str) -> str:
    """'still hit go-live' -> 'go-live'; 'the board meeting' -> 'board meeting'."""
    parts = re.split(r"\b(?:before|for|ahead\s+of|until|of|by)\s+(?:the\s+|our\s+|their\s+)?", text.strip(" ("), flags=re.I)
    words = (parts[-1] if parts[-1].strip() else text).split()
    while words and (words[0].lower() in _LABEL_SKIP or words[0].lower().endswith("ed") and len(words) > 1):
        words = words[1:]
    return " ".join(words).strip(" (")


def _since(clause: str, base: dt.date) -> dt.date | None:
    m = re.search(r"\bsince\s+(?P<d>.{2,30})", clause, re.I)
    if m:
        found = _find_dates(m.group("d"), base, direction="past")
        if found and found[0].start == 0:
            return found[0].date
    return None


def _wait_what(clause: str, as_of: dt.date) -> str:
    return re.split(r",\s|;\s", _wait_what_raw(clause, as_of))[0].strip() or clause


def _wait_what_raw(clause: str, as_of: dt.date) -> str:
    m = re.search(r"\bneed(?:s)?\s+(?P<w>(?:the\s+|a\s+|an\s+|our\s+)?[^,;.]{2,60}?)\s+from\s+", clause, re.I) or re.search(r"\bwaiting\s+(?:on|for)\s+(?:the\s+)?(?:" + NAME + r"|" + _TEAM_WORDS_RE + r")(?:\s+team)?(?:\s*\([^)]{1,40}\))?\s+(?:for|to\s+send|to)\s+(?P<w>.+)$", clause) or re.search(r"\bwaiting\s+(?:on|for)\s+(?P<w>.+)$", clause, re.I) or re.search(
        r"\b(?:hasn'?t|haven'?t|has\s+not|have\s+not)\s+(?:yet\s+)?[a-z]+\s+(?:us\s+|me\s+)?(?P<w>(?:the|a|an|our|their)\s+.+)$", clause, re.I)
    text = m.group("w") if m else clause
    if m:  # "waiting on finance (Olga) to approve the PO" -> "approval of the PO"
        verb = re.match(r"^(approve|sign|review|confirm|send|share|deliver)\s+(?P<o>(?:the|a|an|our|their|my)\s+.+)$", text, re.I)
        if verb:
            noun = {"approve": "approval of ", "sign": "signature on ", "review": "review of ", "confirm": "confirmation of "}
            text = noun.get(verb.group(1).lower(), "") + verb.group("o")
    if not m:
        m = re.search(r"\b(?:are|is)\s+(?P<w>[^,;]{2,60}?)\s+(?:owned|held)\s+by\b", clause) or re.search(
            r"\b(?:says|said)\s+(?P<w>(?:a|the)\s+[a-z]+)\s+(?:is|will\s+be)\b", clause)
        if m:
            return _strip_dates(m.group("w"), as_of) or clause
        m = re.search(r"\bstill\s+(?:has|have|needs?)\s+to\s+[a-z]+\s+(?P<w>(?:the|a|an|our|their)\s+[^,;.]{2,60})", clause, re.I) or re.search(
            r"^(?P<w>.{2,60}?)\s+(?:is\s+|are\s+)?(?:still|sits?|sitting)\s+with\b", clause, re.I)
        if m:
            return _strip_dates(m.group("w"), as_of) or clause
    if not m:  # "firewall rule for the SFTP still not opened on our side" -> the thing itself
        text = re.split(r"\s+(?:(?:is|are)\s+)?(?:still\s+not|not\s+(?:been\s+)?[a-z]+(?:ed|en)\s+yet|(?:is|are)\s+(?:still\s+)?being)\b", text, maxsplit=1)[0]
        text = re.sub(r"^(?:but|and|so)\s+", "", text, flags=re.I)
    return _strip_dates(text, as_of) or clause


def _same_wait(w: WorkItem, who: str, kind: str) -> Wait | None:
    for x in w.waits:
        if x.on_whom and x.on_whom.lower() == who.lower() and x.kind == kind:
            return x
    return None


def _first_person(w: WorkItem, names: _Names) -> str | None:
    for a in w.actions[:20]:
        for m in re.finditer(NAME, a.text):
            nm = _clean_name(m.group(0))
            if nm and nm in names.person_votes and not names.is_org(nm):
                return nm
    return None


def _first_org(w: WorkItem, names: _Names) -> str | None:
    for a in w.actions[:20] + [Action(text=n) for n in w.notes[:20]]:
        for m in re.finditer(NAME, a.text):
            nm = _clean_name(m.group(0))
            if nm and names.is_org(nm):
                return nm
    return None


def _words(text: str) -> set[str]:
    return {_stem(x) for x in WORD.findall(text) if len(x) >= 4 and x.lower() not in STOP}


def _overlap(a: str, b: str) -> bool:
    wa = {_stem(x) for x in WORD.findall(a) if len(x) >= 4 and x.lower() not in STOP}
    wb = {_stem(x) for x in WORD.findall(b) if len(x) >= 4 and x.lower() not in STOP}
    return bool(wa & wb)


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in items:
        if x.lower() not in seen:
            seen.add(x.lower())
            out.append(x)
    return out


# --------------------------------------------------------------------------------------------
# Titles
# --------------------------------------------------------------------------------------------


_VERB_CUT = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|still|will|won'?t|can'?t|needs?|needed|got|went|looks?|seems?|must|should|"
    r"could|would|may|might|can|be|isn'?t|aren'?t|wasn'?t|hasn'?t|haven'?t|didn'?t|doesn'?t|wants|says|knows|"
    r"thinks|asks|expects|plans|owns|so|because|"
    r"(?:just\s+)?(?:[a-z]+ed|sent|done|shipped|published|built|paid|made|ran|left|set)(?=[\s,.;:!?]|$))\b",
)
_TITLE_TRIM = re.compile(r"^(?:i|we)\s+(?:need\s+to|have\s+to|must|should)\s+|^(?:need\s+(?:to|2))\s+|^(?:also|and|so|then|ok|okay|hey|hi)\b[\s,]*", re.I)


_GREETING = re.compile(r"^\s*(?:(?:quick|short|brief|weekly|daily)\s+)?(?:update|status|fyi|hi|hello|hey|heads[- ]up|summary)\b[^.!?]{0,30}[.!?:]?$", re.I)


def _clean_title(text: str, as_of: dt.date, keep_dates: bool = False) -> str:
    t = re.sub(r"[*_`#]+", "", text).strip()
    letters = [c for c in t if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):  # "ACME DOCS" -> "Acme docs"
        t = " ".join(w.capitalize() if i == 0 else w.lower() for i, w in enumerate(t.split()))
    t = re.sub(r"\s*\([^()]*\)", lambda m: "" if _find_dates(m.group(0), as_of) or len(m.group(0)) > 25 else m.group(0), t)
    t = re.split(r"\s+(?:->|=>)\s*|(?:\s+[-–—]+|,)\s+(?=(?:hand|delegate|pass|want|need|waiting|blocked|due|done|i'd|i\s+want)\b)", t, flags=re.I)[0]
    t = RECURRING.sub(lambda m: "" if m.group(0).lower().startswith(("every", "each")) else m.group(0), t)
    if not keep_dates:
        t = _strip_dates(t, as_of, keep_bare_weekdays=True)
    t = re.sub(r"^(?:re|fwd?)\s*:\s*|^(?:the|a|an)\s+(?=\S+\s)", "", t, flags=re.I)
    t = re.sub(r"\s{2,}", " ", t).strip(" ,;:-–—.!?")
    return _cap(_short(t))


def _noun_phrase(clause: str) -> str | None:
    """'Release 4.2 shipped to all customers' -> 'Release 4.2' (text before the first verb)."""
    m = _VERB_CUT.search(clause)
    if not m or m.start() == 0:
        return None
    head = clause[: m.start()].strip(" ,;:-")
    words = head.split()
    if not 1 <= len(words) <= 7 or words[0].lower() in ("i", "we", "they", "he", "she", "it", "you", "there", "this", "that"):
        return None
    if _action_verb(head) or _find_dates(head, dt.date(2000, 1, 3)) and len(words) <= 2:
        return None
    return head


def _title_for(w: WorkItem, first_body: str, as_of: dt.date, names: _Names) -> str:
    body = _LABEL_PREFIX.sub("", NEXT_PREFIX.sub("", first_body))
    nc = NAME_COLON.match(body)
    if nc and (nc.group("name").lower() in ("me", "i") or nc.group("name") in names.person_votes):
        body = nc.group("rest")
    lead = LEAD_IN.match(body)
    if lead:
        cand = lead.group("lead").strip()
        if 1 <= len(cand.split()) <= 7 and not _is_date_only(cand, as_of) and not _action_verb(cand) and not (
            NO_REPLY.search(cand) or WAITING.search(cand) or I_WILL.match(cand) or PROMISE.search(cand)
            or DECISION.search(cand) or NAME_COLON.match(cand + ": x") and cand in names.person_votes
        ):
            t = _clean_title(cand, as_of)
            if t:
                return t
    clauses = [c for c in _clauses(body) if not _GREETING.match(c)] or _clauses(body)
    # "where are we on the Globex onboarding?" -> "Globex onboarding"
    m = re.search(r"\b(?:where\s+are\s+we|status|update|news|progress)\s+(?:on|with|re|about)\s+(?:the\s+)?(?P<x>[^?.,;]{3,50})", body, re.I)
    if m:
        return _clean_title(m.group("x"), as_of)
    # "emailed Dana at Acme for the Q3 docs" -> "Q3 docs from Acme"; "sent the quote to Contoso" -> "Quote for Contoso"
    for c in clauses:
        verb = _action_verb(c)
        if verb in _CONTACT_SET or re.match(r"\s*(?:still\s+)?(?:waiting|awaiting|chasing|pending)\b", c, re.I):
            sm = re.match(r"^(?:i\s+|we\s+)?(?:sent|shared|submitted|delivered|mailed)\s+(?:the\s+|our\s+|a\s+|an\s+)?(?P<o>.+?)\s+to\s+(?P<to>" + NAME + r")", c, re.I)
            if sm:
                to = _clean_name(sm.group("to"))
                obj = _clean_title(sm.group("o"), as_of)
                if obj and to:
                    return f"{obj} for {to}"
            obj = _object(c, as_of)
            if obj and not re.match(r"^(?:a|an|the)?\s*(?:reply|response|update|answer|call)$", obj, re.I):
                src = next(iter(w.orgs), None) or (w.waits[0].on_whom if w.waits else None)
                t = _cap(_short(obj))
                return f"{t} from {src}" if src and src.lower() not in t.lower() else t
    first = clauses[0] if clauses else body
    starts_with_name = bool(re.match(NAME, first)) and _clean_name(re.match(NAME, first).group(0)) in names.order
    if DECISION.search(first) and re.match(r"\s*(?:should\s+we|do\s+we|which|either)\b", first, re.I):
        q = re.sub(r"^\s*(?:should|do)\s+we\s+", "", first, flags=re.I)
        t = _clean_title(q, as_of, keep_dates=True)
        if t:
            return t
    if not _action_verb(first) and not PROMISE.search(first) and not I_WILL.match(first) and not starts_with_name:
        np = _noun_phrase(_strip_dates(first, as_of, keep_bare_weekdays=True))
        if np and len(np.split()) >= 1 and np.lower() not in STOP:
            t = _clean_title(np, as_of)
            if t and (len(t.split()) >= 2 or not t.islower()):
                return t
    done_obj = re.match(r"^(?:i\s+|we\s+)?(?:finished|completed|shipped|reviewed|drafted|wrote|built|fixed|prepared|updated|tested)\s+(?P<o>.{3,80})$", first, re.I)
    if done_obj:  # "finished the invoice export (PAY-201)" -> "Invoice export (PAY-201)"
        t = _clean_title(re.sub(r"^(?:the|a|an|our|my)\s+", "", done_obj.group("o"), flags=re.I), as_of)
        if t:
            return t
    for c in w.commitments:
        if c.line is not None and c.what:
            what = re.sub(r"^(?:to\s+)?(?:the|a|an|my|our)\s+", "", c.what, flags=re.I)
            if c.for_whom:
                what = re.sub(r"^(?:send|deliver|share|give|get|finish|write|draft)\s+(?:(?:the|a|an)\s+)?", "", what, flags=re.I)
            t = _cap(_short(_clean_title(what, as_of), 60))
            if c.for_whom and c.for_whom.lower() not in t.lower():
                t = f"{t} for {c.for_whom}"
            if t:
                return t
    fallback = _TITLE_TRIM.sub("", first)
    if len(fallback.split()) > 8:  # "Met with the Product Council to discuss ..." -> "Met with the Product Council"
        cut = re.search(r"(?:\S+\s+){3,}?\S+?(?=\s+(?:to|and|about|for|because|so|which|but)\s|,\s)", fallback)
        if cut:
            fallback = cut.group(0)
    return _clean_title(fallback, as_of) or "Notes"


def _title_with(builder: _ItemBuilder, item: _Item, w: WorkItem, lines: list[_Line]) -> str:
    if item.heading is not None:
        t = _clean_title(item.heading.heading or item.heading.body, builder.as_of)
        if t:
            return t
    for ln in lines:
        if ln.kind == "text" and ln.body:
            return _title_for(w, ln.body, builder.as_of, builder.names)
    return _clean_title(lines[0].body or lines[0].raw, builder.as_of) or "Notes"



# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def parse_notes(text: str, as_of: dt.date) -> WorkLog:
    """Parse raw notes into a :class:`WorkLog` (offline, deterministic, no network)."""
    token = _DATES_MEMO.set({})
    try:
        return _parse(text, as_of)
    finally:
        _DATES_MEMO.reset(token)


def _parse(text: str, as_of: dt.date) -> WorkLog:
    raw_lines = split_lines(text)
    classified = _classify(raw_lines, as_of)
    names = _Names()
    # collect name evidence over the whole note first (person vs organisation)
    for ln in classified:
        text = ln.heading if ln.kind in ("heading", "title", "subject", "header") else ln.body
        if text and ln.kind not in ("injection", "junk"):
            ln.names = _line_names(text, names)
        if ln.kind == "header" and text:
            for m in HEADER_ADDRESS.finditer(text):
                who = _clean_name(m.group("n").strip())
                if who:
                    names.vote(who, "person", 2)
                    ln.names.append(who)
                    org = _org_from_domain(m.group("e"))
                    if org:
                        names.vote(org, "org", 1)
                        names.person_org.setdefault(who, org)
    _known_mentions(classified, names)
    items, unplaced = _group(classified, as_of, names)
    builder = _ItemBuilder(as_of, names, classified)
    work_items = [builder.build(item) for item in items if item.lines]
    # a name counts as a person with evidence ("emailed Dana", "Dana said") or a role in a cue
    # (waited on, owner, recipient, decider, delegate); "from London" alone is not enough
    in_cues: set[str] = set()
    for w in work_items:
        in_cues.update(x.on_whom for x in w.waits if x.on_whom)
        in_cues.update(c.owner for c in w.commitments)
        in_cues.update(c.for_whom for c in w.commitments if c.for_whom)
        in_cues.update(d.who for d in w.decisions if d.who)
        in_cues.update(a.actor for a in w.actions)
        if w.delegate_to:
            in_cues.add(w.delegate_to)
    is_person = {nm for nm in names.order if not names.is_org(nm) and (names.person_votes.get(nm, 0) > 0 or nm in in_cues)}
    for w in work_items:
        w.people = [p for p in w.people if p in is_person]
    people: list[Person] = []
    orgs: list[str] = []
    org_seen: set[str] = set()
    for nm in names.order:
        if names.is_org(nm):
            if nm.lower() not in org_seen:
                org_seen.add(nm.lower())
                orgs.append(nm)
        elif nm in is_person:
            org, role = names.person_org.get(nm), names.person_role.get(nm)
            if org and org.lower() in TEAMS:  # "Raj in finance", "Legal (Hannah)": a department, kept as the role
                org, role = None, role or org
            people.append(Person(name=nm, org=org, role=role))
    return WorkLog(
        as_of=as_of,
        items=work_items,
        people=people,
        orgs=orgs,
        lines=[SourceLine(number=ln.number, text=ln.raw.rstrip()) for ln in classified],
        unplaced=[SourceLine(number=ln.number, text=ln.raw.rstrip()) for ln in sorted(unplaced, key=lambda x: x.number)],
    )
