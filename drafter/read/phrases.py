"""Phrase helpers of the personal-notes reader: date look-ups (memoised per parse), clause splitting,
done/partial cues, date stripping, the thing promised or waited for, labels and short forms."""

from __future__ import annotations

import datetime as dt
import re
from contextvars import ContextVar

from .lazy_re import lazy_re
from ..dates import DateMention, find_dates, when_it_happened
from .cues import (
    BLOCKED, DECISION, DONE_MARK, I_WILL, NAME, NO_REPLY, PARTIAL, PAST_VERB, PROMISE, RECURRING, RISK,
    WAITING, WORD, _CLAUSE_SPLIT, _NOT_DONE_BEFORE, _TEAM_WORDS_RE,
)
from .vocabulary import ACTION_VERBS, NOT_ACTION, STOP


# Per-call memo of date look-ups and word sets (the reader asks about the same text several times);
# set and reset by parse_personal, so nothing is shared between calls.
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


def _stem(word: str) -> str:
    return word.lower()[:5]


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


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSE_SPLIT.split(text) if c and c.strip()]


_BARE_DONE = lazy_re(r"^(?P<verb>done|finished|completed|sent|signed|submitted|delivered|shipped|approved|merged)\b(?P<rest>.*)$", re.I)


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


_CONNECTOR_BEFORE = lazy_re(r"(?:\b(?:by|on|before|until|till|due|for|from|since|no\s+later\s+than|latest)\s+)$", re.I)


_EMPTY_BRACKETS = lazy_re(r"\s*\((?:\s|,)*\)|\"\s*\"|'\s*'")
_DANGLING_CONNECTOR = lazy_re(r"\b(?:by|on|before|until|due|for|from|since)\s*(?=[.,;:!?)]|$)")
_SPACE_BEFORE_PUNCT = lazy_re(r"\s+([,;:.!?])")
_SPACES = lazy_re(r"\s{2,}")
_LABEL_SPLIT = lazy_re(r"\b(?:before|for|ahead\s+of|until|of|by)\s+(?:the\s+|our\s+|their\s+)?", re.I)
_SINCE = lazy_re(r"\bsince\s+(?P<d>.{2,30})", re.I)

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
    out = _EMPTY_BRACKETS.sub("", out)
    out = _DANGLING_CONNECTOR.sub("", out.strip())
    out = _SPACE_BEFORE_PUNCT.sub(r"\1", out)
    out = _SPACES.sub(" ", out)
    return out.strip(" ,;:-–—.!")


def _plain_strip(text: str, as_of: dt.date, keep_bare_weekdays: bool = False) -> str:
    found = _find_dates(text, as_of)
    kept: list[str] = []  # pieces of text kept, last first (one join: linear in the text)
    end = len(text)  # where the text cut out for the date after this one starts
    for m in reversed(found):
        if m.end > end:  # the cut for a later date reaches into this one: the step-by-step way
            return _plain_strip_stepwise(text, found, keep_bare_weekdays)
        start = m.start
        w0, window = _before(text, start)
        c = _CONNECTOR_BEFORE.search(window)
        if keep_bare_weekdays and not c and re.fullmatch(r"[A-Za-z]+", m.text) and m.text.lower() in _WEEKDAY_WORDS:
            continue
        if c:
            start = w0 + c.start()
        kept.append(text[m.end : end])
        end = start
    kept.append(text[:end])
    return "".join(reversed(kept))


def _plain_strip_stepwise(text: str, found: list[DateMention], keep_bare_weekdays: bool) -> str:
    out = text
    for m in reversed(found):
        start = m.start
        c = _CONNECTOR_BEFORE.search(out[:start])
        if keep_bare_weekdays and not c and re.fullmatch(r"[A-Za-z]+", m.text) and m.text.lower() in _WEEKDAY_WORDS:
            continue
        if c:
            start = c.start()
        out = out[:start] + out[m.end :]
    return out


def _before(text: str, end: int, n: int = 80) -> tuple[int, str]:
    """(offset, text[offset:end]): the end of ``text[:end]`` that a pattern anchored at ``$`` can match.

    The last ``n`` characters before the trailing whitespace, and that whitespace: searching this
    window instead of the whole prefix keeps a long line linear (each date would otherwise rescan
    everything before it).
    """
    j = end
    while j > 0 and text[j - 1].isspace():
        j -= 1
    start = max(0, j - n)
    return start, text[start:end]


_WEEKDAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


_SUBORDINATE = lazy_re(r"\s+(?:so\s+(?:that\s+)?(?:she|he|they|we|I)|because|since|as\s+(?:she|he|they)|which|but|though)\b|\s+[-–—]+\s+|;\s*", re.I)


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
    if direction == "future":  # a due date: not "yesterday" told of what happened
        found = [m for m in found if not when_it_happened(text, m)]
    return found[0].date if found else None


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
        if _BY_BEFORE.search(_before(text, m.start)[1]):
            return m.date
    return None


def _past_date(text: str, base: dt.date) -> dt.date | None:
    """First date in ``text`` on or before ``base`` that is not a deadline ("by Fri", "until Thu")."""
    for m in _find_dates(text, base, direction="past"):
        if m.date <= base and not _DEADLINE_BEFORE.search(_before(text, m.start)[1]) and not (
            _ATTRIBUTIVE_DAY.match(text, m.end)  # "booked a tentative Sat slot": the slot's day, not when I booked
        ):
            return m.date
    return None


_BY_BEFORE = lazy_re(r"\b(?:by|before|until|till|on|due|eta)\s+$", re.I)
_DEADLINE_BEFORE = lazy_re(r"\b(?:by|before|until|till|due|eta)\s+$", re.I)
_ATTRIBUTIVE_DAY = lazy_re(
    r"\s*(?:morning\s+|afternoon\s+|evening\s+|night\s+)?(?:slot|meeting|call|session|run|window|shift|release|deploy\w*|"
    r"launch|workshop|demo|review|standup|sync|cut-?over|maintenance)\b",
    re.I,
)


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
    parts = _LABEL_SPLIT.split(text.strip(" ("))
    words = (parts[-1] if parts[-1].strip() else text).split()
    while words and (words[0].lower() in _LABEL_SKIP or words[0].lower().endswith("ed") and len(words) > 1):
        words = words[1:]
    return " ".join(words).strip(" (")


def _since(clause: str, base: dt.date) -> dt.date | None:
    m = _SINCE.search(clause)
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


def _words(text: str) -> frozenset[str]:
    """Stems of the text's content words (memoised per parse: promises are compared with many lines)."""
    memo = _DATES_MEMO.get()
    found = memo.get(("words", text)) if memo is not None else None
    if found is None:
        found = frozenset(_stem(x) for x in WORD.findall(text) if len(x) >= 4 and x.lower() not in STOP)
        if memo is not None:
            memo[("words", text)] = found
    return found


def _overlap(a: str, b: str) -> bool:
    return not _words(a).isdisjoint(_words(b))


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in items:
        if x.lower() not in seen:
            seen.add(x.lower())
            out.append(x)
    return out
