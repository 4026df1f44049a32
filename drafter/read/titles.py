"""Titles of work items: the heading, a lead-in ("Q3 docs: ..."), the object of a contact ("Q3 docs
from Acme"), a noun phrase before the first verb, or a commitment's object."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from .lazy_re import lazy_re
from ..models import WorkItem
from .cues import (
    DECISION, I_WILL, LEAD_IN, NAME, NAME_COLON, NEXT_PREFIX, NO_REPLY, PROMISE, RECURRING, WAITING,
    _LABEL_PREFIX,
)
from .grouping import _Item
from .lines import _Line, _is_date_only
from .names import _Names, _clean_name
from .phrases import _action_verb, _cap, _clauses, _find_dates, _object, _short, _strip_dates
from .vocabulary import STOP, _CONTACT_SET

if TYPE_CHECKING:
    from .items import _ItemBuilder


_VERB_CUT = lazy_re(
    r"\s+(?:is|are|was|were|has|have|had|still|will|won'?t|can'?t|needs?|needed|got|went|looks?|seems?|must|should|"
    r"could|would|may|might|can|be|isn'?t|aren'?t|wasn'?t|hasn'?t|haven'?t|didn'?t|doesn'?t|wants|says|knows|"
    r"thinks|asks|expects|plans|owns|so|because|"
    r"(?:just\s+)?(?:[a-z]+ed|sent|done|shipped|published|built|paid|made|ran|left|set)(?=[\s,.;:!?]|$))\b",
)


_TITLE_TRIM = lazy_re(r"^(?:i|we)\s+(?:need\s+to|have\s+to|must|should)\s+|^(?:need\s+(?:to|2))\s+|^(?:also|and|so|then|ok|okay|hey|hi)\b[\s,]*", re.I)


_GREETING = lazy_re(r"^\s*(?:(?:quick|short|brief|weekly|daily)\s+)?(?:update|status|fyi|hi|hello|hey|heads[- ]up|summary)\b[^.!?]{0,30}[.!?:]?$", re.I)


def _clean_title(text: str, as_of: dt.date, keep_dates: bool = False) -> str:
    t = re.sub(r"[*_`#]+", "", text).strip()
    letters = [c for c in t if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):  # "ACME DOCS" -> "Acme docs"
        t = " ".join(w.capitalize() if i == 0 else w.lower() for i, w in enumerate(t.split()))
    t = re.sub(r"\s*\([^()]*\)", lambda m: "" if _find_dates(m.group(0), as_of) or len(m.group(0)) > 25 else m.group(0), t)
    t = re.split(r"\s+(?:->|=>)\s*|(?:\s+[-–—]+|,)\s+(?=(?:hand|delegate|pass|want|need|waiting|blocked|due|done|i'd|i\s+want)\b)", t, flags=re.I)[0]
    t = RECURRING.sub(lambda m: "" if m.group(0).lower().startswith(("every", "each")) else m.group(0), t)
    if not keep_dates and not re.search(r"\b(?:week|month|today|tomorrow|yesterday|quarter|year|day|sprint)['’]s\b", t, re.I):
        t = _strip_dates(t, as_of, keep_bare_weekdays=True)  # "Last Week's Accomplishments" names its part, keeps its words
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
