"""Text helpers shared by the checks: lines, sentences, item blocks, dates, keyword matching.

Checks read the rendered (or hand-written) draft, so everything here is tolerant of markup
(markdown, Slack mrkdwn, plain text, email) and of human wording.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# ------------------------------------------------------------------------------------------
# Markup and lines
# ------------------------------------------------------------------------------------------

_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
_BULLET = re.compile(r"^\s*(?:[-*•+>]|\d+[.)])\s+")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
SUBJECT = re.compile(r"^\s*subject\s*:", re.I)
GREETING = re.compile(r"^\s*(hi|hello|hey|dear|good (morning|afternoon))\b[^.!?\n]{0,40}[,!:]?\s*$", re.I)


def plain(line: str) -> str:
    """A line without bullets, heading hashes and emphasis markers."""
    line = _HEADING.sub("", line)
    line = _BULLET.sub("", line)
    return _MARKUP.sub("", line).strip()


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def is_heading(line: str) -> bool:
    s = line.strip()
    if _HEADING.match(line):
        return True
    # **Title** / *Title* alone on a line, or "Title:" alone on a line
    return bool(re.fullmatch(r"(\*\*|\*|__)[^*_]{1,120}(\*\*|\*|__)(\s*[—–-]\s*.*)?", s)) or bool(
        re.fullmatch(r"[A-Z][\w '&/-]{1,40}:", s)
    )


def body_lines(text: str) -> list[str]:
    """Non-blank lines of the draft without a Subject line or a greeting."""
    out = []
    for line in text.splitlines():
        if not line.strip() or SUBJECT.match(line):
            continue
        if not out and GREETING.match(line):
            continue
        out.append(line)
    return out


def subject_line(text: str) -> str | None:
    for line in text.splitlines():
        if SUBJECT.match(line):
            return line.split(":", 1)[1].strip()
    return None


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs of the body (Subject and greeting removed)."""
    paras, cur = [], []
    started = False
    for line in text.splitlines():
        if SUBJECT.match(line):
            continue
        if not started and GREETING.match(line):
            continue
        if line.strip():
            started = True
            cur.append(line)
        elif cur:
            paras.append("\n".join(cur))
            cur = []
    if cur:
        paras.append("\n".join(cur))
    return paras


_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[A-Z0-9*_•-])")


def sentences(text: str) -> list[str]:
    """Sentences of the draft body, markup removed; each line break also ends a sentence."""
    out = []
    for line in body_lines(text):
        p = plain(line)
        if p:
            out += [s.strip() for s in _SENT_SPLIT.split(p) if s.strip()]
    return out


def first_sentence(text: str) -> str:
    """The first real sentence of the body: a title-only heading line is skipped."""
    for line in body_lines(text):
        p = plain(line)
        if not p:
            continue
        if is_heading(line) and not STATUS_RE.search(p) and not ASK_RE.search(p):
            continue  # "# Weekly update" is a title, not the bottom line
        return _SENT_SPLIT.split(p)[0].strip()
    return ""


def word_count(text: str) -> int:
    """Whitespace-separated tokens of the body (Subject line excluded)."""
    return sum(len(line.split()) for line in text.splitlines() if not SUBJECT.match(line))


def quote(s: str, n: int = 160) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    return f'"{s[: n - 1]}…"' if len(s) > n else f'"{s}"'


# ------------------------------------------------------------------------------------------
# Status words
# ------------------------------------------------------------------------------------------

STATUS_RE = re.compile(
    r"\b(no blockers|on[ -_]?track|at[ -_]?risk|blocked|off[ -_]?track|behind schedule|all done|complete[d]?|done|"
    r"on schedule|slipping|delayed|green|amber|red)\b",
    re.I,
)
_STATUS_NORM = {
    "on track": "on_track", "on schedule": "on_track", "green": "on_track", "no blockers": "on_track",
    "at risk": "at_risk", "slipping": "at_risk", "amber": "at_risk", "delayed": "at_risk",
    "blocked": "blocked",
    "off track": "off_track", "behind schedule": "off_track", "red": "off_track",
    "done": "done", "all done": "done", "complete": "done", "completed": "done",
}
SEVERITY = {"done": 0, "on_track": 1, "at_risk": 2, "blocked": 3, "off_track": 4}
ASK_RE = re.compile(
    r"\b(decision needed|need(?:s|ed)? (?:a |your )?(?:decision|approval|sign-?off|help|input|go-ahead)|"
    r"ask:|please\b|can you|could you|would you|need you to)",
    re.I,
)


def norm_status(word: str) -> str:
    w = re.sub(r"[-_\s]+", " ", word.lower()).strip()
    return _STATUS_NORM.get(w, w.replace(" ", "_"))


def statuses_in(s: str) -> list[tuple[str, str]]:
    """(normalised status, matched text) for status words in ``s``, skipping labels like 'Done so far:'."""
    out = []
    for m in STATUS_RE.finditer(s):
        after = s[m.end() : m.end() + 12].lower()
        word = m.group(0).lower()
        if word == "done" and (after.startswith(" so far") or after.startswith(" when") or after.startswith(":")):
            continue
        if word in ("green", "red", "amber") and not re.search(r"\b(status|rag|is|are)\b", s, re.I):
            continue
        out.append((norm_status(m.group(0)), m.group(0)))
    return out


# ------------------------------------------------------------------------------------------
# Item blocks (a title line and the lines under it)
# ------------------------------------------------------------------------------------------


@dataclass
class Block:
    title: str  # plain title line
    lines: list[str]  # plain lines, title included

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def status(self) -> str | None:
        found = statuses_in(self.title)
        return found[-1][0] if found else None


_TITLE_TAG = re.compile(r"^(?P<title>.{2,120}?)\s*(?:[—–:|]|\s-\s|\()\s*(?P<tag>" + STATUS_RE.pattern[2:-2] + r")\)?\.?\s*$", re.I)


def item_blocks(text: str) -> list[Block]:
    """Items of a status update: lines tagged with a status ('**Docs** — at risk', '- Docs: on track')
    and the lines below them up to the next such line or heading. The first line (headline) is never an item."""
    lines = body_lines(text)
    blocks: list[Block] = []
    cur: Block | None = None
    for i, line in enumerate(lines):
        p = plain(line)
        if i == 0:
            continue
        if re.match(r"^(overall|status|summary|bottom line)\b", p, re.I):
            cur = None
            continue
        if _TITLE_TAG.match(p) and (is_heading(line) or is_bullet(line) or not line.startswith(" ")):
            cur = Block(title=p, lines=[p])
            blocks.append(cur)
        elif is_heading(line) and not _TITLE_TAG.match(p):
            cur = None  # a section heading such as "Risks" ends the item
        elif cur is not None:
            cur.lines.append(p)
    return blocks


# ------------------------------------------------------------------------------------------
# Dates
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: dt.date
    text: str


_WD = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_MONTHS = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
_WD_RE = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"
_MON_RE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_RE = re.compile(
    r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    rf"|(?:\b(?P<wd1>{_WD_RE}),?\s+)?\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MON_RE})(?:,?\s+(?P<y1>\d{{4}}))?\b"
    rf"|(?:\b(?P<wd2>{_WD_RE}),?\s+)?\b(?P<m2>{_MON_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|\b(?P<rel>today|tomorrow|tonight|eod|end of (?:the )?day|cob|eow|end of (?:the )?week|next week)\b"
    rf"|\b(?:(?P<nx>next|this)\s+)?(?P<wd3>{_WD_RE})\b",
    re.I,
)


def _month(tok: str) -> int | None:
    return _MONTHS.get(tok.lower().rstrip(".")[:3])


def _weekday(tok: str) -> int | None:
    t = tok.lower().rstrip(".")[:3]
    return _WD.index(t) if t in _WD else None


def _own_dates(text: str, as_of: dt.date) -> list[DateMention]:
    out = []
    for m in _DATE_RE.finditer(text):
        g = m.groupdict()
        d = None
        try:
            if g["iso"]:
                d = dt.date.fromisoformat(g["iso"])
            elif g["d1"] or g["d2"]:
                day = int(g["d1"] or g["d2"])
                mon = _month(g["m1"] or g["m2"])
                year = g["y1"] or g["y2"]
                if mon is None:
                    continue
                if year:
                    d = dt.date(int(year), mon, day)
                else:
                    d = dt.date(as_of.year, mon, day)
                    if (as_of - d).days > 180:
                        d = dt.date(as_of.year + 1, mon, day)
                    elif (d - as_of).days > 180:
                        d = dt.date(as_of.year - 1, mon, day)
            elif g["rel"]:
                rel = g["rel"].lower()
                if rel in ("today", "tonight", "eod", "cob") or rel.startswith("end of") and "day" in rel:
                    d = as_of
                elif rel == "tomorrow":
                    d = as_of + dt.timedelta(days=1)
                elif rel in ("eow",) or "week" in rel:
                    d = as_of + dt.timedelta(days=(4 - as_of.weekday()) % 7 + (7 if rel == "next week" else 0))
            elif g["wd3"]:
                wd = _weekday(g["wd3"])
                if wd is None:
                    continue
                ahead = (wd - as_of.weekday()) % 7
                if g["nx"] and g["nx"].lower() == "next" and ahead == 0:
                    ahead = 7
                d = as_of + dt.timedelta(days=ahead)
        except ValueError:
            continue
        if d is not None:
            out.append(DateMention(m.start(), m.end(), d, m.group(0)))
    return out


def find_dates(text: str, as_of: dt.date) -> list[DateMention]:
    """Date mentions in ``text``: drafter.dates.find_dates when available, plus our own tolerant reading."""
    found = {(m.start, m.end): m for m in _own_dates(text, as_of)}
    try:
        from ..dates import find_dates as shared_find
    except ImportError:
        shared_find = None
    if shared_find is not None:
        try:
            for m in shared_find(text, as_of):
                key = (m.start, m.end)
                overlaps = [k for k in found if k[0] < m.end and m.start < k[1]]
                if not overlaps:
                    found[key] = DateMention(m.start, m.end, m.date, text[m.start : m.end])
        except Exception:  # the shared parser is optional here; our own reading still stands
            pass
    return sorted(found.values(), key=lambda m: m.start)


def format_date(d: dt.date, as_of: dt.date | None = None) -> str:
    text = f"{d:%a} {d.day} {d:%b}"
    if as_of is not None and d.year != as_of.year:
        text += f" {d.year}"
    return text


def mentions_date(text: str, day: dt.date, as_of: dt.date) -> bool:
    return any(m.date == day for m in find_dates(text, as_of))


# ------------------------------------------------------------------------------------------
# Keyword matching (is this commitment / wait / risk mentioned?)
# ------------------------------------------------------------------------------------------

_STOP = set(
    """the a an and or of to for in on at by with from into about this that these those our my your their
    its is are was were be been being will would should could can have has had do does did not no yes it
    i we you he she they them us me him her his hers ours mine get got send sent make made take took
    via per as if then than so but also just still yet all any some each more most other another
    week today tomorrow monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri
    due done open missed late new date next need needs needed""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*|\d+")


def stem(word: str) -> str:
    w = word.lower().strip("'’-")
    w = re.sub(r"['’]s$", "", w)
    for suf in ("ing", "ed", "es", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            w = w[: -len(suf)]
            break
    return w[:6]


def keywords(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text) if w.lower() not in _STOP and (len(w) > 2 or w.isdigit())}


def overlap(a: str, b: str) -> float:
    """Share of ``a``'s keywords that occur in ``b``."""
    ka = keywords(a)
    if not ka:
        return 0.0
    return len(ka & keywords(b)) / len(ka)


def mentions(phrase: str, text: str, threshold: float = 0.5) -> bool:
    """Does ``text`` mention ``phrase`` (at least ``threshold`` of its keywords, or a two-keyword run)?"""
    ka = keywords(phrase)
    if not ka:  # only short or common words ("send the P&L"): look for the phrase's short tokens
        tokens = [w for w in re.findall(r"[A-Za-z0-9&]+", phrase) if w.lower() not in _STOP]
        return bool(tokens) and all(re.search(r"(?<![A-Za-z])" + re.escape(t) + r"(?![A-Za-z])", text, re.I) for t in tokens)
    shared = ka & keywords(text)
    if len(ka) <= 2:
        return len(shared) == len(ka)
    return len(shared) / len(ka) >= threshold


def name_in(name: str, text: str) -> bool:
    """Whole-word, case-insensitive: 'Dana' in 'ask Dana' (first name of 'Dana Lee' is enough)."""
    for part in [name] + name.split()[:1]:
        part = part.strip()
        if part and re.search(r"(?<![A-Za-z])" + re.escape(part) + r"(?![a-z])", text, re.I):
            return True
    return False


def windows(text: str, size: int = 3) -> list[str]:
    """Each body line together with the ``size - 1`` lines after it (a local context)."""
    lines = [plain(l) for l in body_lines(text)]
    return ["\n".join(lines[i : i + size]) for i in range(len(lines))]


def block_of(phrase: str, text: str, threshold: float = 0.5) -> list[str]:
    """Contexts that mention ``phrase``: its item block when it sits in one, else the lines around it."""
    out = []
    for b in item_blocks(text):
        for line in b.lines:
            if mentions(phrase, line, threshold):
                out.append(b.text)
                break
    lines = [plain(l) for l in body_lines(text)]
    for i, line in enumerate(lines):
        if mentions(phrase, line, threshold):
            out.append("\n".join(lines[max(0, i - 1) : i + 3]))
    return out
