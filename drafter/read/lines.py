"""Lines of the notes: splitting and numbering, and classifying each non-blank line (heading, section
label, dated-day heading, bullet, checkbox, email header, chat speaker, quoted, prose, junk, injected
instructions) with its date prefix resolved looking backwards from ``as_of``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .lazy_re import lazy_re
from ..dates import DATE_RE
from .cues import (
    BOLD_LINE, BULLET, CHECKBOX, EMAIL_HEADER, EQ_HEADING, GENERIC_LABEL, INJECTION, INLINE_SPEAKER,
    MD_HEADING, NAME_COLON, OWNER_PREFIX, QUOTE, SECTION_KIND, SPEAKER,
)
from .phrases import _find_dates
from .vocabulary import ACTION_VERBS


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
    (lazy_re(r"\b(?:mkting|mktg|mkt)\b", re.I), "marketing"),
    (lazy_re(r"\bmgmt\b", re.I), "management"),
    (lazy_re(r"\bw/(?=\s)", re.I), "with"),
    (lazy_re(r"\bw/o\b", re.I), "without"),
    (lazy_re(r"\breqs\b", re.I), "requirements"),
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
            if hm.re is MD_HEADING.compiled and len(hm.group("hashes")) == 1:
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
        # an ALL-CAPS heading of at most 8 words (the word count first: one long line is not scanned)
        if (
            not ln.bullet
            and len(body.split(None, 8)) <= 8
            and len(letters := [c for c in body if c.isalpha()]) >= 3
            and all(c.isupper() for c in letters)
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
