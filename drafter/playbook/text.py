"""Dates and short phrases for the playbook, built only from words in the notes."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..models import (
    Wait,
    WorkLog,
)


#: A deadline this many business days away (or fewer) is "close".
CLOSE_BUSINESS_DAYS = 5

ME = {"i", "me", "myself", "we", "us"}

# --------------------------------------------------------------------------------------------
# Dates (arithmetic and formatting from drafter.dates)
# --------------------------------------------------------------------------------------------


def add_bdays(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` business days (Mon-Fri); n=0 returns d unchanged."""
    from ..dates import add_business_days

    return add_business_days(d, n)


def bdays_between(a: dt.date, b: dt.date) -> int:
    """Business days after ``a`` up to and including ``b`` (negative when b < a)."""
    if b == a:
        return 0
    sign = 1 if b > a else -1
    lo, hi = (a, b) if b > a else (b, a)
    count = 0
    d = lo
    while d < hi:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            count += 1
    return sign * count


def next_bday(d: dt.date) -> dt.date:
    return add_bdays(d, 1)


def fmt(d: dt.date | None, as_of: dt.date) -> str:
    """'Thu 26 Nov' (the year added when it differs from as_of's), via drafter.dates.format_date."""
    from ..dates import format_date

    return format_date(d, as_of) if d is not None else ""


def step_date(as_of: dt.date, deadline: dt.date | None, preferred: dt.date) -> dt.date:
    """``preferred`` clamped to [as_of, the business day before ``deadline``]."""
    d = max(preferred, as_of)
    if deadline is not None and d >= deadline:
        before = add_bdays(deadline, -1)
        d = before if before >= as_of else as_of
    return d


# --------------------------------------------------------------------------------------------
# Text helpers: short phrases built only from words in the notes
# --------------------------------------------------------------------------------------------

VERBS = set(
    """send sent deliver finish complete write draft review update fix ship book call email chase confirm
    get prepare share publish submit file sign pay order schedule run check test approve decide build
    migrate deploy release set collect pull compile merge close open move renew cancel reply answer ask
    agree hire brief present finalise finalize upload download create plan organise organize arrange invite
    circulate print post prep do make read edit proof sort find pick hand train document record""".split()
)

IRREGULAR_PAST = {
    "sent": "send", "wrote": "write", "got": "get", "made": "make", "ran": "run", "met": "meet",
    "built": "build", "spoke": "speak", "took": "take", "gave": "give", "did": "do", "put": "put",
    "set": "set", "read": "read", "found": "find", "told": "tell", "brought": "bring", "bought": "buy",
    "began": "begin", "drew": "draw", "chose": "choose", "kept": "keep", "left": "leave", "paid": "pay",
    "rang": "ring", "held": "hold", "led": "lead", "shared": "share", "updated": "update",
    "created": "create", "used": "use", "saved": "save", "closed": "close", "priced": "price",
    "changed": "change", "compiled": "compile", "scheduled": "schedule", "prepared": "prepare",
    "reviewed": "review", "filed": "file", "merged": "merge", "released": "release", "chased": "chase",
    "noted": "note", "issued": "issue", "invoiced": "invoice", "uploaded": "upload", "pasted": "paste",
    "exported": "export", "emailed": "email", "called": "call", "pulled": "pull", "checked": "check",
    "posted": "post", "pinged": "ping", "asked": "ask", "booked": "book", "drafted": "draft",
    "finished": "finish", "started": "start", "fixed": "fix", "signed": "sign", "submitted": "submit",
    "confirmed": "confirm", "requested": "request", "followed": "follow", "filled": "fill",
    "formatted": "format", "copied": "copy", "tidied": "tidy", "replied": "reply", "ordered": "order",
    "printed": "print", "attached": "attach", "loaded": "load", "logged": "log", "opened": "open",
    "added": "add", "refreshed": "refresh", "published": "publish", "circulated": "circulate",
    "dropped": "drop", "planned": "plan", "shipped": "ship", "stopped": "stop", "tagged": "tag",
}

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_SPACE = re.compile(r"\s+")


def clean(text: str | None) -> str:
    """Collapse whitespace and trailing punctuation."""
    return " ".join((text or "").split()).rstrip(".;,:")  # str.split's white space is \s: _SPACE.sub(" ", t).strip()


def strip_article(text: str) -> str:
    return _ARTICLE.sub("", clean(text))


def the(text: str) -> str:
    """'board meeting' -> 'the board meeting' (kept as is when it already has a determiner)."""
    t = clean(text)
    if not t:
        return t
    first = t.split()[0].lower()
    if first in {"the", "a", "an", "my", "our", "your", "their", "his", "her", "this", "that", "next", "every"}:
        return t
    if re.search(r"['’]s?$", first) or first in VERBS or first in {"keep", "confirm"}:
        return t  # a possessive, or a task named by its verb ("Fix the invoice job")
    return f"the {t}"


def person_round(item) -> bool:
    """Is ``item`` a person's round ('@steff456' over their updates), titled by who, not by the work?"""
    title = clean(item.title)
    return title.startswith("@") or bool(item.owner and clean(item.owner).lstrip("@") == title.lstrip("@"))


def short_title(title: str, limit: int = 60) -> str:
    """The name of an item for prose: its first clause, at most ``limit`` characters."""
    t = clean(title)
    # "1,000" and "22:00" are one number, not a clause break
    head = re.split(r"\s*(?:[;(—–]|:(?!\d{2}\b)|,(?!\d{3}\b))\s*|\s+-\s+|[.?!]\s+", t, maxsplit=1)[0].strip()
    if len(head) >= 3:
        t = head
    if len(t) > limit:
        t = cut_at_phrase(t, limit)
    return t


_PHRASE_BREAK = re.compile(r"\s+(?=(?:and|or|but|so|because|which|that|who|to|with|without|for|by|in|on|at|of|from|"
                           r"when|while|if|unless|until|after|before|via|as)\s)|\s+[—–-]+\s+|,\s+", re.I)
# a clause ends before "but", "which", a dash, or a purpose ("to ensure that ...", "so that ...": droppable)
_CLAUSE_BREAK = re.compile(r"\s+(?=(?:but|so|because|which|while|whereas|although|though|in order to|"
                           r"to (?:ensure|make sure|avoid|prevent|allow|enable|help))\s)|\s+[—–-]+\s+|[,;]\s+", re.I)
_DANGLING_END = re.compile(r"(?:\s+(?:the|a|an|of|to|for|and|or|with|by|on|in|at|from|as|that|which|their|its|our|"
                           r"my|your|his|her|this|these|those|is|are|was|be))+$", re.I)


def within(text: str, limit: int) -> str:
    """``text`` as is when it fits in ``limit`` characters, else cut at a word and marked cut ('…'):
    never mid-word ("... during the synchronizatio" was a title cut at 120 characters)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return (_DANGLING_END.sub("", cut).rstrip(" ,;:—–-") or cut) + "…"


_ASIDE_PAREN = re.compile(r"\s*\((?![^()]*\b(?:not|no|never|only|except|unless)\b)[^()]{2,160}\)")
_ASIDE_WHICH = re.compile(r",\s+(?:which|who)\s+[^,;:]{3,120},\s+")


def shed_asides(text: str) -> str:
    """'The 3.32.3 hotfix release, which included some usability fixes for 3.32, accidentally
    uploaded ...' -> 'The 3.32.3 hotfix release accidentally uploaded ...': a non-restrictive
    'which' clause and parentheses go first when a sentence is too long (the predicate stays; a
    parenthesis that limits the claim, "(not including the GCP outage)", stays too)."""
    t = _ASIDE_WHICH.sub(" ", text)
    t = _ASIDE_PAREN.sub("", t)
    return re.sub(r"\s{2,}", " ", t).strip()


def shorten(text: str, limit: int) -> str:
    """``text`` within ``limit``: without its asides when that is enough, else cut where a phrase ends."""
    if len(text) <= limit:
        return text
    t = shed_asides(text)
    return t if len(t) <= limit else cut_at_phrase(t, limit)


def cut_at_phrase(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters, cut where a phrase ends (before 'and', 'to', a dash or a
    comma) rather than mid-phrase, and never ending on an article, preposition or conjunction."""
    cut = text[:limit + 1]
    # a clause ends before ", which", "because", a dash: cut there when it keeps a third of the room;
    # a cut before a preposition ("which resulted | in PVC being disabled") can leave a verb without
    # its object, so it is the second choice
    clause_ends = [m.start() for m in _CLAUSE_BREAK.finditer(cut) if limit // 3 <= m.start() <= limit]
    breaks = clause_ends or [m.start() for m in _PHRASE_BREAK.finditer(cut) if limit // 2 <= m.start() <= limit]
    t = cut[:breaks[-1]] if breaks else text[:limit].rsplit(" ", 1)[0]
    if t.count("(") > t.count(")") and t.rfind("(") > limit // 3:
        t = t[: t.rfind("(")]  # "metrics again (CPU, RAM, and storage)" is cut before the parenthesis, not inside it
    return _DANGLING_END.sub("", t).rstrip(" ,;:—–-") or text[:limit].rsplit(" ", 1)[0]


_KEEP_CAPITAL = re.compile(
    r"^(?:[A-Z][a-z]*[A-Z]\w*|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)(?:\s|$)"
)


def lower_first(text: str) -> str:
    """'Keep chasing Dana' -> 'keep chasing Dana' (names keep their capitals: 'HubSpot', 'Sat 12 Dec')."""
    if _KEEP_CAPITAL.match(text):
        return text
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def is_me(name: str | None) -> bool:
    return name is None or name.strip().lower() in ME


def imperative(text: str) -> str:
    """'pulled numbers from Looker' -> 'pull numbers from Looker' (best effort, first word only)."""
    t = clean(text)
    if not t:
        return t
    words = t.split()
    if words[0].lower() in ME and len(words) > 1:
        words = words[1:]
    first = words[0]
    low = first.lower()
    if low in IRREGULAR_PAST:
        words[0] = IRREGULAR_PAST[low]
    elif low.endswith("ied") and len(low) > 4:
        words[0] = low[:-3] + "y"
    elif low.endswith("ed") and len(low) > 4:
        stem = low[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
            stem = stem[:-1]
        words[0] = stem
    else:
        words[0] = first[0].lower() + first[1:] if not first[:2].isupper() else first
    return " ".join(words)


_WILL_LEAD = re.compile(r"^(?:i|we)\s+(?:will|shall|am going to|are going to|plan to|need to|have to|must|can)\s+|^(?:i|we)['’]ll\s+", re.I)


def as_action(what: str) -> str:
    """A commitment as something to do: 'send the Q3 docs' stays, 'I will send the Q3 docs' -> 'send the
    Q3 docs', 'sent ...' -> 'send ...'. Words that are not an action ('Q3 docs', 'Music') come back as
    the notes wrote them: no verb is made up ('deliver the ...'); callers word them or say there is none."""
    t = _WILL_LEAD.sub("", clean(what))
    if not t:
        return ""
    words = t.split()
    if words[0].lower() in ME and len(words) > 1:
        t = " ".join(words[1:])
        words = words[1:]
    low = words[0].lower()
    if low in VERBS:
        return low + t[len(words[0]):]
    if low in IRREGULAR_PAST:
        return imperative(t)
    from .actions import is_action  # (imports this module)

    return t[:1].lower() + t[1:] if is_action(t) and t[:1].isupper() and t[1:2].islower() else t


def strip_dates(text: str, as_of: dt.date, *, past_only: bool = False) -> str:
    """Drop date phrases (and the word before them) from a phrase: 'send X by Mon 23 Nov' -> 'send X'."""
    from ..dates import find_dates

    t = text
    mentions = find_dates(t, as_of)
    for m in sorted(mentions, key=lambda m: m.start, reverse=True):
        if past_only and m.date >= as_of:
            continue
        head = re.sub(r"\s*\b(?:by|on|for|due|before|until|from|at|since)\s*$", "", t[: m.start], flags=re.I)
        t = head.rstrip(" ,;-—") + " " + t[m.end :].lstrip(" ,.;")
    t = re.sub(r"\s+(?:were|was|is|are|had been|has been)\s+promised\b.*$", "", t, flags=re.I)
    t = re.sub(r"^(?:promised|owe|owed)\s+", "", t.strip(), flags=re.I)
    return clean(t) or clean(text)


def commitment_object(what: str) -> str:
    """The thing a commitment produces: 'send the Q3 docs to Sam' -> 'the Q3 docs to Sam'."""
    t = clean(what)
    words = t.split()
    if words and words[0].lower() in VERBS and len(words) > 1:
        rest = " ".join(words[1:])
        if _WHEN_ONLY.fullmatch(rest):
            return f"the {words[0].lower()}"  # "review today" -> 'the review', not 'the today'
        return the(rest)
    return the(t)


_WHEN_ONLY = re.compile(r"(?:today|tomorrow|tonight|soon|asap|later|this (?:week|afternoon|evening|morning)|next week|"
                        r"(?:on |by )?(?:mon|tues|wednes|thurs|fri|satur|sun)day)[.!]?", re.I)


def person_org(name: str | None, log: WorkLog) -> str | None:
    if not name:
        return None
    for p in log.people:
        if p.name.lower() == name.lower():
            return p.org
    return None


def is_org(name: str | None, log: WorkLog) -> bool:
    """True when ``name`` is an organisation or team in the notes rather than a person."""
    if not name:
        return False
    low = name.lower()
    if any(p.name.lower() == low and not p.org for p in log.people):
        return False
    orgs = {o.lower() for o in getattr(log, "orgs", [])} | {o.lower() for i in log.items for o in getattr(i, "orgs", [])}
    return low in orgs or any((p.org or "").lower() == low for p in log.people)


def who_label(name: str, log: WorkLog) -> str:
    """'Dana at Acme' when the notes give Dana's org, else the name as written."""
    org = person_org(name, log)
    if org and org.lower() != name.lower():
        return f"{name} in {org}" if org.lower() in _TEAMS else f"{name} at {org}"
    return name


_WAIT_LEAD = re.compile(
    r"^(?:still\s+)?(?:(?:waiting|waited|wait)\s+(?:on|for)|blocked\s+(?:on|by)|chasing|chased|need(?:ed)?|"
    r"no\s+(?:reply|response|answer|word)\s+(?:yet\s+)?(?:from|on|to|about)?)\s+",
    re.I,
)


@lru_cache(maxsize=4096)
def _who_patterns(on_whom: str) -> tuple[re.Pattern, re.Pattern]:
    """The two patterns wait_object strips a person with, compiled once per person (with more
    people than ``re``'s cache holds, every wait recompiled them)."""
    who = re.escape(on_whom)
    return (
        re.compile(rf"\s*\b(?:from|by|on|with|at)\s+{who}\b.*$", re.I),
        re.compile(rf"^{who}(?:'s|’s)?(?:\s+(?:at|from)\s+[\w&.-]+(?:\s[A-Z][\w&.-]*)?)?\s*(?:(?:for|to|about|on)\s+)?", re.I),
    )


def wait_object(w: Wait) -> str | None:
    """What is waited for, without who and when: 'Q3 docs from Dana, no reply yet' -> 'the Q3 docs'."""
    return _wait_object(w.what, w.on_whom)


@lru_cache(maxsize=1024)  # each wait is asked about by its item's status, its risks and the writers
def _wait_object(what: str, on_whom: str | None) -> str | None:
    t = clean(what)
    t = re.split(r"\s*[,;:(—–]\s*|\s+-\s+", t, maxsplit=1)[0]  # drop trailing asides ("asked Mon")
    t = re.sub(r"^(?:i\s+)?(?:already\s+)?(?:asked|emailed|pinged|chased|requested|messaged)\s+(?:\S+\s+){0,3}?for\s+", "", t, flags=re.I)
    for _ in range(2):
        t = _WAIT_LEAD.sub("", t)
    if on_whom:
        after, before = _who_patterns(on_whom)
        t = after.sub("", t)
        t = before.sub("", t)
    t = re.sub(r"^(?:no\s+)?(?:reply|response|answer)\b(?:\s+(?:yet\s+)?(?:from|to|on|about))?\s*", "", t, flags=re.I)
    t = re.sub(r"\s+(?:yet|still|so far)$", "", t, flags=re.I)
    t = re.sub(r"(?:^|\s*[:\-–—]\s*)blocked\b[:\-–—]?\s*", " ", t, flags=re.I)
    t = re.sub(r"^(?:for|to|about|on|with)\s+", "", clean(t), flags=re.I)
    # "send the P&L" (what they will do): the thing is what they send; "he sed he'd get back": a
    # report of what they said, no thing to chase
    t = re.sub(r"^(?:send|deliver|share|provide|give|confirm|return|sign)\s+(?:(?:me|us)\s+)?(?=(?:the|a|an|their|his|her|our|my)\b)", "", clean(t), flags=re.I)
    if re.match(r"^(?:he|she|they)\b\s+\S", t, re.I):
        return None
    t = clean(t)
    if not t or (on_whom and t.lower() == on_whom.lower()) or t.lower() in {"reply", "a reply", "an answer"}:
        return None
    return the(t)


def wait_is_external(w: Wait) -> bool:
    """A wait on someone else (a person or organisation named in the notes)."""
    return bool(w.on_whom) and not is_me(w.on_whom)


_TEAMS = {
    "legal", "finance", "procurement", "it", "hr", "ops", "operations", "platform", "security", "data", "eng",
    "engineering", "marketing", "sales", "support", "comms", "design", "product", "facilities", "accounts",
}

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def next_occurrence(recurrence: str | None, as_of: dt.date) -> dt.date | None:
    """'every Monday' -> the next Monday after as_of; 'weekly'/'monthly' -> a week/4 weeks on."""
    if not recurrence:
        return None
    low = recurrence.lower()
    for i, name in enumerate(_WEEKDAYS):
        if name in low or re.search(rf"\b{name[:3]}\b", low):
            days = (i - as_of.weekday()) % 7 or 7
            return as_of + dt.timedelta(days=days)
    if "daily" in low or "every day" in low:
        return next_bday(as_of)
    if "month" in low:
        return add_bdays(as_of, 20)
    if "week" in low or "fortnight" in low:
        return add_bdays(as_of, 5 if "fortnight" not in low else 10)
    return None


_SENTENCE_START = re.compile(r"^(?:The|This|These|That|It|There|Our|They|We|He|She|Instead|Also|So)\s+\S+\s+\S+", re.U)


def is_sentence(text: str | None) -> bool:
    """A whole sentence from the notes ('The rationale for awaiting ... was to ...'), not a phrase to embed."""
    return bool(text) and bool(_SENTENCE_START.match(clean(text)))


_FINITE = re.compile(r"\b(?:I|we|is|was|were|am|are|did|does|has|had)\b|[:;!?]|\bP\b", re.I)


def embeddable(text: str | None) -> str:
    """The phrase for a thing to sit after 'on'/'unblock' ('the SSO config'), or '' when the notes'
    words are a statement of their own ('All I did was get stuck again', 'all is well now')."""
    t = clean(text or "")
    if re.match(r"(?i)(?:in|on|at|during|for|since|after|before|from|over|both|all)\b", t):  # "In both weeks": no thing
        return ""
    return "" if not t or is_sentence(t) or _FINITE.search(t) or len(t.split()) > 12 or not re.search(r"[A-Za-z]{3}", t) else t


def quoted(text: str) -> str:
    """A sentence from the notes quoted inside another sentence: “The issue proposes ...”."""
    return f"“{clean(text)}”"


_BARE_OBJECT = re.compile(r"\b(?:at|on|review|check|test|fix|merge|approve|move|update|about|into|do)\s+(?:it|this|that|them)\b(?!\s+(?:is|was|will|to)\b)", re.I)


def with_topic(title: str | None, text: str) -> str:
    """A step whose object is only 'it' ("look at it from Firefox's perspective") said with its topic:
    "PR 852: Proposal: browser.test API — Rob Wu will look at it ..." tells what 'it' is."""
    t = clean(title).strip() if title else ""
    if not t or len(t) > 90 or "?" in t or not _BARE_OBJECT.search(text) or t.lower() in text.lower():
        return text
    return f"{t.rstrip(' .:')} — {text}"
