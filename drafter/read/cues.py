"""Regex tables of the personal-notes reader: line structure (headings, bullets, checkboxes, email
headers, chat speakers, injected instructions) and the cues read from one clause (no reply, waiting,
blocked, decisions, risks, promises, owners, names, resources)."""

from __future__ import annotations

import re

from .lazy_re import AnyOf as _AnyOf, Gated as _Gated, lazy_re
from .vocabulary import EVENT_WORDS


BULLET = lazy_re(r"^(?P<marker>[-*•+▪◦‣·–—>]|\d{1,3}[.)]|[a-zA-Z][.)](?=\s))\s+")


CHECKBOX = lazy_re(r"^\[(?P<box>[ xX✓✔]?)\]\s*")


MD_HEADING = lazy_re(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")


EQ_HEADING = lazy_re(r"^(?:={2,}|-{2,}|\*{2,}|_{2,})\s*(?P<text>[^=*_-].*?)\s*(?:={2,}|-{2,}|\*{2,}|_{2,})$")


BOLD_LINE = lazy_re(r"^\*\*(?P<text>[^*]{2,80})\*\*:?$")


EMAIL_HEADER = lazy_re(r"^(?P<key>From|To|Cc|Bcc|Sent|Date|Subject|Reply-To)\s*:\s*(?P<value>.*)$", re.I)


SPEAKER = lazy_re(
    r"^(?P<name>[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*)?)\s{1,4}(?:\[?\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?\]?)$"
)


QUOTE = lazy_re(r"^(?:>\s?)+")


# "Omar [9:14 AM]: text" / "me [9:20]: text" - a pasted chat line with its speaker inline
INLINE_SPEAKER = lazy_re(
    r"^(?P<name>[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*)?|[Mm]e|I)\s*\[\s*\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?\s*\]\s*:?\s+(?P<rest>\S.*)$"
)


GENERIC_LABEL = lazy_re(
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
    (lazy_re(r"done|completed|finished|shipped|wins|highlights", re.I), "done"),
    (lazy_re(r"waiting|pending|follow", re.I), "waiting"),
    (lazy_re(r"block", re.I), "blocked"),
    (lazy_re(r"decisions?\s+(?:needed|pending)|open\s+questions?|questions?", re.I), "decision"),
    (lazy_re(r"decisions?|discuss", re.I), "decided"),
    (lazy_re(r"risk|issue|concern|lowlight", re.I), "risk"),
    (lazy_re(r"recurring", re.I), "recurring"),
    (lazy_re(r"action|next\s+step|todo|to-?do|task", re.I), "actions"),
    (lazy_re(r"attendees|participants", re.I), "attendees"),
]


MEETING_TITLE = lazy_re(r"\b(?:sync|meeting|minutes|standup|stand-up|1:1|one-on-one|retro|call notes|weekly notes|notes)\b", re.I)


INJECTION = _Gated(lazy_re(
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


OWNER_PREFIX = lazy_re(r"^(?:AI|A\.I\.|TODO|Action)\s*:\s*", re.I)


NAME_COLON = lazy_re(r"^(?P<name>@?[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[Mm]e|I)\s*:\s+(?P<rest>\S.*)$")


NEXT_PREFIX = lazy_re(r"^(?:next(?:\s+steps?)?|todo|to-?do|plan)\s*:\s*", re.I)


LEAD_IN = lazy_re(r"^(?P<lead>[^:]{2,70}?)\s*(?::\s+|\s[-–—]+\s+|\s+->\s*|\s+=>\s*)(?P<rest>\S.*)$")


HONORIFIC = r"(?:Dr|Mrs?|Ms|Prof)\.?"


# "Dana", "Dana Lee", "Dr. Weiss", "Prof. de Vries": a title keeps its name (never split at its dot)
NAME = r"@?(?:" + HONORIFIC + r"\s+(?:(?:de|van|von|der|den|da|di|du|le|la)\s+){0,2})?[A-Z][a-zA-Z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+)?"


_NO_SPLIT_AFTER = r"(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bProf\.)(?<!\bSt\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)"


_CLAUSE_SPLIT = lazy_re(
    r"(?<=[.!?;])" + _NO_SPLIT_AFTER + r"\s+|\s+[-–—]+\s+|,\s+(?=(?:needed|but|no\s+reply|no\s+response|still|waiting|so\s|which|"
    r"though|however|not\s+sent|not\s+done|didn'?t|haven'?t|hasn'?t|nothing|she|he|they|need)\b)",
    re.I,
)


DONE_MARK = lazy_re(
    r"✅|✔|☑|\[x\]|\b(?:done|finished|completed?|shipped|sent|delivered|published|released|launched|merged|"
    r"deployed|closed|resolved|signed|submitted|went\s+live|is\s+live|fixed|sorted|paid|booked|wrapped\s+up)\b",
    re.I,
)


_NOT_DONE_BEFORE = lazy_re(
    r"(?:\b(?:be|been|being|get|gets|not|to|will|never)|n't)\s+(?:\w+\s+)?$"
    r"|\b(?:once|until|when|if|before|yet\s+to\s+be)\s+(?:[\w'-]+\s+){0,3}$",
    re.I,
)


PARTIAL = lazy_re(r"\b\d+\s*%|\b\d+\s*(?:of|/)\s*\d+\b|\bpartly\b|\bpartially\b|\bhalf\b|\bmostly\b|\bnot\s+(?:yet\s+)?(?:done|sent|finished)|\bdraft\s+done\b|\b(?:almost|nearly)\s+done\b", re.I)


_TEAM_WORDS_RE = r"(?i:finance|legal|design|marketing|procurement|security|accounting|payroll|compliance|IT|HR|ops)"


NO_REPLY = _Gated(lazy_re(
    r"\bno\s+(?:reply|replies|response|answer|anwser|word|news|callback|call\s+back|luck)\b|haven'?t\s+heard|"
    r"have\s+not\s+heard|not\s+heard\s+back|\bghost(?:ed|ing)\b|still\s+nothing|nothing\s+(?:back|yet|from)|"
    r"didn'?t\s+(?:reply|respond|answer|get\s+back)|hasn'?t\s+(?:replied|responded|answered|got(?:ten)?\s+back)|"
    r"unanswered|radio\s+silence|silence\s+from|went\s+to\s+voicemail|left\s+\w+\s+a\s+voicemail|"
    r"out[- ]of[- ]office|no\s+answer|still\s+no\b|nothing\s*$",
    re.I,
), ("no", "heard", "ghost", "nothing", "didn", "hasn", "unanswered", "silence", "voicemail", "office"))


# Waits: used as yes/no only, so the alternation is split into parts, each behind the words it needs
# (the whole behind the words any part needs): most notes compile two or three of the parts.
WAITING = _Gated(_AnyOf(
    _Gated(lazy_re(r"\bwaiting\s+(?:on|for)\b|\bawaiting\b|\bpending\b(?!\s+(?:work|tasks?|items?|to-?dos?)\b)|\bchasing\b|\bdepend(?:s|ing|ent)?\s+on\b", re.I),
           ("wait", "pending", "chasing", "depend")),
    _Gated(lazy_re(
        r"hasn'?t\s+(?:sent|confirmed|signed|approved|delivered|shared|done|given)|"
        r"haven'?t\s+(?:sent|confirmed|signed|approved|delivered|shared|received|got)|hasn'?t\s+[a-z]+ed\b",
        re.I,
    ), ("hasn", "haven")),
    _Gated(lazy_re(r"\bneeds?\s+(?:\w+\s+){0,3}from\b|\bneeds?\s+review\b", re.I), ("need",)),
    _Gated(lazy_re(r"\basked\s+" + NAME + r"\s+(?:for|to)\b", re.I), ("asked",)),
    _Gated(lazy_re(r"\bwill\s+get\s+back|\bgets?\s+back\b", re.I), ("back",)),
    # "Carlos said Friday", "Piet says a fix is in the next sprint": someone else holds the work
    _Gated(lazy_re(
        r"(?:said|says)\s+(?:she|he|they)(?:'d|\s+would|'ll|\s+will)|"
        r"\b(?:said|says)\s+(?:by\s+)?[\"“']?(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|next|end\s+of|early|\d)|"
        r"\b(?:says|said)\s+(?:a|the)\s+[a-z]+\s+(?:is|will\s+be)\s+[\"“']?(?:in|due|ready|coming|planned|scheduled)\b",
        re.I,
    ), ("said", "says")),
    _Gated(lazy_re(r"\b(?:is|are)\s+(?:still\s+)?being\s+[a-z]+\s+by\s+" + NAME, re.I), ("being",)),
    _Gated(lazy_re(
        r"\bstill\s+(?:has|have)\s+to\s+[a-z]+|\bstill\s+not\s+(?:been\s+)?(?:[a-z]+(?:ed|en)|done|sent|built|set\s+up)\b",
        re.I,
    ), ("still",)),
    _Gated(lazy_re(r"\bnot\s+(?:been\s+)?[a-z]+(?:ed|en)\s+yet\b", re.I), ("yet",)),
    # "partner agreement still with legal", "remaining 4 are access reviews owned by our IT team"
    _Gated(lazy_re(r"\b(?:still|is|are|sits?|sitting)\s+with\s+(?:the\s+|our\s+)?(?:" + _TEAM_WORDS_RE + r"|[A-Z][\w'’-]+)\b", re.I),
           ("with",)),
    _Gated(lazy_re(r"\bremaining\b.{0,80}\b(?:owned|held)\s+by\b", re.I), ("remaining",)),
), ("wait", "pending", "chasing", "depend", "hasn", "haven", "need", "asked", "back", "said", "says", "being", "still", "with", "owned", "held"))


BLOCKED = _Gated(lazy_re(
    r"\bblocked\b|\bblocker\b|can'?t\s+(?:proceed|start|continue|move|finish|ship|deploy|go\s+ahead)|"
    r"cannot\s+(?:proceed|start|continue)|\bstuck\b|\bon\s+hold\b|\bheld\s+up\b|\bno\s+access\b",
    re.I,
), ("block", "can", "stuck", "hold", "held", "access"))


# "nothing blocked", "blockers: none", "no blockers": the opposite of a blocker
NOT_BLOCKED = lazy_re(
    r"\b(?:nothing|not|no\s+longer|never|none|nobody|no\s+one)\s+(?:is\s+|was\s+|are\s+)?(?:blocked|stuck|on\s+hold|held\s+up)\b|"
    r"\bblockers?\s*[:=-]?\s*(?:none|nothing|n/?a|no|nil|-)\s*(?:[.,;!]|$)|\bno\s+(?:blockers?|blocking\s+issues)\b|"
    # "Kickoff ... can't start without the signed contract": what the event needs, not a blocker on anyone
    r"\b(?:" + EVENT_WORDS + r")\b.{0,80}\bcan'?t\s+(?:start|proceed|go\s+ahead|happen)\s+without\b",
    re.I,
)


RESOLVED = _Gated(lazy_re(
    r"\b(?:replied|responded|got\s+back|came\s+back|came\s+through|received|arrived|unblocked|sent\s+(?:it|them|over))\b",
    re.I,
), ("replied", "responded", "back", "through", "received", "arrived", "unblocked", "sent"))


DECISION = _Gated(lazy_re(
    r"\bneed(?:s|ed)?\s+(?:a\s+)?decision\b|\bdecision\s+(?:needed|required|pending)\b|\bdecide\b|\bshould\s+we\b|"
    r"\boption\s+[a-d1-4]\b|\bneed(?:s)?\s+(?:a\s+)?sign-?off\b|\bsigns?\s+off\b|\bapprov(?:e|al)\b|"
    r"\bwhich\s+(?:one|option|way|vendor)\b|\bchoose\s+between\b|\beither\b.{1,150}?\bor\b|\bopen\s+question\b|go/no-?go|"
    r"\bor\s+(?:go|stay|switch|wait|keep|cut|move)\b|"
    r"\bneed\s+(?:the\s+)?[\w ]{1,30}?\s+to\s+(?:pick|choose|decide|approve)\b",
    re.I,
), ("decision", "decide", "should we", "option", "sign", "approv", "which", "choose", "either", "question", "no-go", "nogo", " or ", "pick"))


RISK = _Gated(lazy_re(
    r"\bmight\s+not\s+make|\bmay\s+not\s+make|\bwon'?t\s+make|\bnot\s+going\s+to\s+make|\btight\b|\bat\s+risk\b|"
    r"\bslip(?:s|ping|ped)?\b|(?<!for the )\bdelay(?:s|ed)?\b|\bbehind(?:\s+schedule)?\b|\brunning\s+late\b|\brisky\b|"
    r"\bworried\b|\bconcern(?:ed)?\b|\boverdue\b|\blate\b|\bjeopard|\bmisses\b|\bmiss\s+it\b|\bif\s+we\s+miss\b|"
    r"\bincomplete\b|\bfail(?:ed|ing|s)?\b|\bno\s+root\s+cause\b|\bescalation\b|\bgoes\s+away\b|\bexpires\b|"
    r"\bnever\s+(?:built|done|worked|shipped|delivered|used)\b|\bunproven\b|\bfirst\s+time\b|"
    r"\bif\b.{0,80}\b(?:isn'?t|aren'?t|not|doesn'?t|don'?t)\b.{0,60}\bby\b|\bhave\s+to\s+move\b",
    re.I,
), ("make", "tight", "risk", "slip", "delay", "behind", "late", "worried", "concern", "overdue", "jeopard", "miss", "incomplete", "fail", "root cause", "escalation", "goes away", "expires", "never", "unproven", "first time", "if", "move"))


MISSED = _Gated(lazy_re(r"\bmissed\b|\bslipped\b|didn'?t\s+happen|didn'?t\s+(?:make|hit|meet)|\bblew\s+(?:past|through)\b", re.I), ("missed", "slipped", "didn", "blew"))


RECURRING = _Gated(lazy_re(
    r"\bevery\s+(?:other\s+)?(?:day|morning|evening|week|month|quarter|year|sprint|"
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|"
    r"\d+\s+(?:days|weeks|months))s?\b|\b(?:bi-?)?weekly\b|\bdaily\b|\bmonthly\b|\bfortnightly\b|\bquarterly\b|"
    r"\beach\s+(?:day|week|month|quarter|sprint|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?)\b|"
    r"\brecurring\b|\bagain\s+this\s+(?:week|month)\b|\bevery\s+time\b|\bas\s+usual\b",
    re.I,
), ("every", "weekly", "daily", "monthly", "fortnightly", "quarterly", "each", "recurring", "again", "as usual"))


DELEGATE = _Gated(lazy_re(
    r"(?i:hand(?:ing|ed)?\s+(?:[\w'-]+\s+){0,4}?(?:off|over)\s+to|hand\s*off\s+to|handover\s+to|"
    r"delegat(?:e|ing)\s+(?:[\w'-]+\s+){0,5}?to|pass(?:ing)?\s+(?:it\s+|this\s+)?(?:on\s+)?to|give\s+(?:it|this)\s+to|"
    r"reassign(?:ing)?\s+(?:[\w'-]+\s+){0,4}?to|transfer(?:ring)?\s+(?:[\w'-]+\s+){0,4}?to)\s+(?P<who>" + NAME + r"|@[A-Za-z][\w.-]*)"
    r"|(?P<who2>" + NAME + r"|@[A-Za-z][\w.-]*)\s+(?:could|can|should|might|will)\s+(?:take(?:\s+(?:it|this))?\s+over|take\s+(?:it|this|on|the|that|over)|"
    r"own|pick\s+(?:it\s+|this\s+)?up|handle|cover|run)\b"
    r"|\b(?i:like|want|ask)\s+(?P<who3>" + NAME + r"|@[A-Za-z][\w.-]*)\s+to\s+(?:own|take\s+over|take\s+it\s+on|run|handle)\b",
), ("hand", "delegat", "pass", "give", "reassign", "transfer", "could", "can", "should", "might", "will", "like", "want", "ask"))


PROMISE = _Gated(lazy_re(
    r"\b(?i:promised|committed\s+to|owe|told)\s+(?P<to>" + NAME + r")\s+(?:I'?d\s+|that\s+I'?d\s+|to\s+)?(?P<what>.+)$"
    r"|\b(?i:promised|committed)\s+(?:to\s+)?(?P<what2>.+)$"
    r"|\b(?:I|We|we)\s+(?i:said|agreed|told\s+(?:him|her|them|you))\s+(?:that\s+)?(?:I'?d|I\s+would|we'?d|we\s+would)\s+(?P<what3>.+)$",
), ("promised", "committed", "owe", "told", "said", "agreed"))


I_WILL = _Gated(lazy_re(
    r"\b(?:I'?ll|I\s+will|I'm\s+going\s+to|I\s+am\s+going\s+to|we'll|we\s+will|I\s+need\s+to|I\s+have\s+to|"
    r"I\s+must|I\s+can|^(?:also\s+)?need\s+(?:to|2)|will)\s+(?P<what>.+)$",
    re.I,
), ("ll", "will", "going", "need", "have", "must", "can"))


THIRD_WILL = _Gated(lazy_re(
    r"(?P<who>" + NAME + r"|[Ss]he|[Hh]e|[Tt]hey)(?:\s+(?:at|from)\s+" + NAME + r"|\s*\((?P<inner>" + NAME + r")\))?\s+(?:said\s+(?:she|he|they)(?:'d|\s+would|'ll|\s+will)|"
    r"will|'ll|promised\s+to|is\s+going\s+to|agreed\s+to)\s+(?P<what>.+)$"
), ("said", "ll", "will", "promised", "going", "agreed"))


OWNER_TO = _Gated(lazy_re(r"^(?P<who>" + NAME + r"|@[A-Za-z][\w.-]*|[Mm]e|I)\s+to\s+(?P<what>[a-z].+)$"), ("to",))


DUE = _Gated(lazy_re(r"\b(?:due|ETA|deadline(?:\s+is)?)\b[:\s]+(?:to\s+(?P<to>(?-i:" + NAME + r"))\s+)?", re.I), ("due", "eta", "deadline"))


# "Ravi hasn't done accruals before": experience, not something I wait for
EXPERIENCE = lazy_re(
    r"\b(?:hasn'?t|has\s+not|haven'?t|have\s+not)\s+(?:\w+\s+){0,2}?(?:done|used|run|worked\s+(?:on|with)|seen|touched|led)\b"
    r"[^.;]{0,40}\b(?:before|yet\s+in\s+(?:his|her|their)\s+career)\b|\bhas\s+never\s+(?:done|used|run|led)\b",
    re.I,
)


# "Ravi will do the December accruals journal." -> what a following bare "Due ... by <date>" is about
WILL_DO_OBJECT = lazy_re(
    r"\bwill\s+(?:do|prepare|send|deliver|write|finish|own|run|handle|post|take\s+over)\s+(?P<o>(?:the|our|their|his|her|this|that)\s+[^.;,()]{3,60})",
    re.I,
)


GOES_TO = _Gated(lazy_re(
    r"(?P<subj>[^,;:.]{2,60}?)\s+(?:goes|go|is\s+going|has\s+to\s+go|gets\s+sent|is\s+due)\s+(?:out\s+)?to\s+(?P<to>" + NAME + r")\s+(?:on|by|before)\s+"
), ("go", "sent", "due"))


ASKED_BY = _Gated(lazy_re(r"(?P<who>" + NAME + r"|[Tt]hey|[Ss]he|[Hh]e)\s+(?:asked|wants?|expects?|requested)\s+(?:me\s+)?(?:for\s+)?(?P<what>.{1,150}?\b(?:by|before)\s+.{1,80})"), ("asked", "want", "expect", "requested"))


DECIDER = _Gated(lazy_re(
    r"\b(?:decision|sign-?off|approval|answer|call)\s+from\s+(?:the\s+)?(?P<a>" + NAME + r"|(?i:finance|legal|procurement|security|compliance|leadership|management))"
    r"|(?P<b>" + NAME + r")\s+(?:to|needs?\s+to|has\s+to|must|should|will)\s+(?:decide|approve|sign\s+off|choose|confirm)"
    r"|\b(?:ask|asking)\s+(?P<c>" + NAME + r")\s+to\s+(?:decide|approve|sign|choose)"
    r"|(?P<d>" + NAME + r")'s\s+(?:call|decision)"
    r"|\b(?i:need)\s+(?P<e>the\s+[a-z]+(?:\s+[a-z]+)?)\s+to\s+(?:pick|choose|decide|approve)\b"
), ("from", "decide", "approve", "sign", "choose", "confirm", "ask", "'s", "’s", "pick"))


# "I can dedupe by hand in a spreadsheet - about 2 days of work, error-prone": a workaround I offer at a
# cost, which the reader decides on
OFFER = lazy_re(
    r"^\s*(?:I|we)\s+(?:can|could)\s+(?P<x>[^-–—;,(]{4,80}?)\s*(?:[-–—;,(]\s*|\s+but\s+)"
    r"(?P<cost>.{0,80}\b(?:days?|hours?|weeks?|cost|costs|error-prone|risky|extra)\b.*)$",
    re.I,
)


OPTION_LINE = lazy_re(r"^(?:option\s+(?P<label>[a-d1-4])\b|\((?P<label2>[a-d])\))\s*[:.)-]?\s*(?P<text>.+)$", re.I)


CONTACT_VERBS = r"(?:emailed|called|rang|asked|pinged|messaged|texted|told|met|chased|nudged|reminded|contacted|reached\s+out\s+to|followed\s+up\s+with|wrote\s+to|spoke\s+(?:to|with)|talked\s+to|left|phoned|invited|cc'?d|email|call|ping|ask|chase|text|remind|contact|talk\s+to|met\s+with)"


CONTACT = lazy_re(r"\b" + CONTACT_VERBS + r"\s+(?P<who>@?[A-Za-z][a-zA-Z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+)?)", re.I)


NAME_TRIGGER = lazy_re(
    r"\b(?i:from|with|to|cc|by|for|and|promised|owe|via|thank|thanks|ask|asked|told|reply\s+from|heard\s+from|on)\s+(?P<who>" + NAME + r")"
)


# Triggers after which a capitalised word is a person ("met with Dana", "promised Sam"), not a place or company.
PERSON_TRIGGER = lazy_re(
    r"\b(?i:promised|owe|thank|thanks|ask|asked|told|cc|reply\s+from|heard\s+from|(?:met|spoke|speak|talked|talk|chat|catch\s+up|1:1|sync)\s+(?:with|to)|"
    r"remind|reminded|ping|pinged|nudge|nudged)\s+(?P<who>" + NAME + r")"
)


NAME_IN_TEAM = lazy_re(
    r"(?P<who>[A-Z][a-zA-Z'’-]+)\s+(?:in|from|on)\s+(?:the\s+)?(?P<team>finance|legal|IT|design|marketing|procurement|security|ops|HR|sales|support|accounting|payroll)\b"
)


BE_NAME = lazy_re(
    r"\b(?i:contact|person|owner|lead)\b(?:\s+(?i:at|from)\s+(?P<org>[A-Z][\w&'’.-]*))?[^.;]{0,20}?\b(?i:is|might\s+be|could\s+be|would\s+be|=)\s+(?P<who>[A-Z][a-zA-Z'’-]+)"
)


POSSESSIVE_REF = lazy_re(r"\b(?:his|her|their)\s+(?:[A-Z]{2,4}\s+)?(?:boss|manager|team|colleague|assistant|lead|office|deputy|backup|rep|representative|contact|account\s+manager|partner\s+manager|PM)\b", re.I)


# "Reason: the export has duplicate rows", "Because ...": the cause of the item above, a risk on it
REASON_LINE = lazy_re(r"^\s*(?:reason|cause|root\s+cause|why)\s*:\s*(?P<why>\S.*)$|^\s*because\b\s*(?P<why2>\S.*)$", re.I)


NAME_AT_ORG = lazy_re(r"(?P<who>" + NAME + r")\s+(?:at|from|@)\s+(?P<org>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)?)")


NAME_PAREN = lazy_re(r"(?P<who>[A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+)?)\s*\((?P<inner>[^()]{1,40})\)")


NAME_VERB = lazy_re(
    r"(?:^|[.;:!?]\s+|,\s+|\band\s+|\bbut\s+)(?P<who>" + NAME + r")\s+(?:said|says|replied|responded|knows|thinks|wants|needs|"
    r"confirmed|promised|agreed|asked|told|wrote|emailed|called|is\s+on\s+it|is\s+out|is\s+also|is\s+off|will|would|could|"
    r"should|can|to\s+[a-z]+|'s\s+(?:out|off|away|on\s+leave|back))\b"
)


AT_HANDLE = lazy_re(r"(?<![\w.])@(?P<h>[A-Za-z][\w.-]*[A-Za-z\d])")


ORG_EVIDENCE = lazy_re(
    r"\b(?:at|client|customer|vendor|supplier|partner|quote\s+from|escalation\s+from|contract\s+with|agreed\s+with)\s+"
    r"(?P<org>[A-Z][\w&'’.-]*)"
    r"|(?P<org2>[A-Z][\w&'’.-]*)\s+(?:team|IT|legal|finance|support|office|ops|HR|security|procurement|"
    r"engineering|marketing|sales|'s\s+(?:team|IT|legal|office|manager|CEO|CFO|side))\b"
    r"|(?P<org3>[A-Z][\w&'’.-]*)\s*\((?:current\s+)?(?:vendor|client|customer|supplier|partner|agency)\)"
    r"|\b(?:quote|invoice|contract|proposal|PO|order|renewal|SOW|NDA|licen[cs]e|deposit)\s+(?:to|from|with)\s+(?P<org4>[A-Z][\w&'’.-]*)"
    r"|\b(?i:switch(?:ing)?\s+to|stay(?:ing)?\s+with|go(?:ing)?\s+with|pay(?:ing)?(?:\s+for)?|quote\s+from|sync\s+with)\s+(?P<org5>[A-Z][\w&'’.-]*)"
    r"|\b(?P<org6>[A-Z][a-z]+[A-Z][A-Za-z]+)\b"
)


URL = lazy_re(r"\bhttps?://[^\s<>()\"']+|\bwww\.[^\s<>()\"']+", re.I)


EMAIL = lazy_re(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")


PHONE = lazy_re(r"(?<![\w/])\+?\d[\d ()-]{7,}\d(?![\w/])")


TICKET = lazy_re(r"\b[A-Z][A-Z0-9]{1,9}-\d+\b|(?<![\w&])#\d+\b")


CHANNEL = lazy_re(r"(?<![\w&#])#[a-z][\w-]{1,40}\b")


FILE = lazy_re(r"\b[\w-]+\.(?:pdf|docx?|xlsx?|csv|pptx?|md|txt|json|ya?ml|py|key|numbers|zip|png|jpe?g|sql|ipynb)\b", re.I)


SYSTEM = lazy_re(r"\b(?:in|on|via|using|through|into|from)\s+(?:the\s+)?(?P<sys>Jira|Confluence|Slack|Notion|Asana|Trello|Linear|GitHub|GitLab|Salesforce|HubSpot|Zendesk|Looker|Tableau|Figma|Google\s+Drive|Drive|SharePoint|Teams|Dropbox|Workday|SAP|Excel|Sheets|Box|Airtable|Monday\.com|ServiceNow|Datadog|PagerDuty)\b")


SYSTEM_THING = lazy_re(r"\b(?P<sys>Jira|Confluence|Notion|Asana|Trello|GitHub|GitLab|Salesforce|HubSpot|Zendesk|Looker|Tableau|Figma|SharePoint|Dropbox|Airtable|ServiceNow|Datadog|PagerDuty)\s+(?:link|board|file|doc|ticket|page|dashboard|project|issue|folder|report)\b")


NAMED_ARTEFACT = lazy_re(
    r"\b(?:the\s+)?(?P<res>[A-Z][\w.-]*(?:\s+\"[^\"]{1,40}\")?\s+(?:dashboard|spreadsheet|folder|drive|repo|tracker|channel|wiki|runbook))\b"
    r"|\bthe\s+(?P<res2>shared\s+drive|team\s+drive|wiki|runbook|shared\s+folder)\b"
)


PAST_VERB = lazy_re(
    r"^(?:(?:i|we)(?:\s+|['’]ve\s+|\s+have\s+)(?:already\s+|just\s+|also\s+)?|(?:already|just)\s+)?(?P<verb>[a-z]+(?:ed|t)?)\b", re.I
)


_DONE_PREFIX = lazy_re(r"^(?:(?:i|we)(?:\s+|['’]ve\s+|\s+have\s+)(?:already\s+|just\s+|also\s+)?|(?:already|just)\s+)", re.I)


START_REF = lazy_re(r"\s*(?:it|it's|its|this|that|these|those|which|still)\b", re.I)


PRONOUN_REF = lazy_re(r"\b(?:he|she|his|her|him|they|them|their|again)\b", re.I)


NEW_TOPIC = lazy_re(r"^(?:also|another|separately|unrelated|plus|other|oh\s+and|and\s+also|p\.?s\.?)\b", re.I)


WORD = lazy_re(r"[A-Za-z][A-Za-z'’-]+|\d+(?:\.\d+)+|[A-Za-z]+\d+[A-Za-z\d]*")


_TODO_CUE = lazy_re(r"\bneeds?\s+(?:to|2)\b|\bhave\s+to\b|\bmust\b|\bto-?do\b|\bunfilled\b|\bbroken\b|\bbug\b|\bfix\b", re.I)


_LABEL_PREFIX = lazy_re(r"^(?:open\s+question|question|decision|fyi|note|update|re|todo|next(?:\s+steps?)?|action|ai|plan)\s*:\s*", re.I)
