"""Deterministic checks for the options-not-problems proposal (O1-O11; O8 and O10 are judge-only)."""

from __future__ import annotations

import re

from ..models import OptionsProposal
from .context import CheckContext
from .registry import check, result
from .text import body_lines, find_dates, format_date, keywords, mentions, paragraphs, plain, quote, sentences

RECOMMEND_RE = re.compile(
    r"\b(recommend\w*|i suggest|i propose|my (?:pick|vote|suggestion|proposal)|i'd go with|i would go with|"
    r"i prefer|best option|go with)\b",
    re.I,
)
DECISION_RE = re.compile(r"\b(decision needed|need (?:a|your) decision|please decide|decide|your call|choose|pick)\b", re.I)
OPTION_LINE = re.compile(
    r"^\s*(?:[-*•+]\s*)?(?:#{1,6}\s*)?(?:\*\*|\*|__)?\s*(?:option\s+)?(?P<label>[A-D1-4])\s*[).:—–-]\s*\S",
    re.I,
)
OPTION_WORD = re.compile(r"^\s*(?:[-*•+]\s*)?(?:#{1,6}\s*)?(?:\*\*|\*|__)?\s*option\s+(?P<label>[A-D1-4])\b", re.I)
UPSIDE = re.compile(r"\b(upside|pros?|benefit|gain|advantage|plus|good|keeps|saves|protects|fast(?:er|est)?)\b|\(\+\)", re.I)
DOWNSIDE = re.compile(r"\b(downside|cons?|risk|drawback|but|however|minus|loses?|costs? us|slip\w*|delay\w*|worse)\b|\(-\)", re.I)
COST = re.compile(
    r"\b(cost|time|effort|price|budget|fee|hours?|days?|weeks?|months?|free|no extra)\b|[$€£]\s?\d|\d+\s?(?:k|h|d)\b",
    re.I,
)
DEFAULT_RE = re.compile(
    r"\b(?:if|unless)\s+(?:I|we)\s+(?:don't|do not|haven't|have not|can't|cannot)\s+(?:hear|get|have|receive)"
    r"[^.\n]*?\b(?:by|before|on)\b(?P<when>[^,.\n]+)[,;:]?\s*(?:then\s+)?(?:I|we)\s*(?:will|'ll|’ll)\s+(?P<act>[^.\n]+)"
    r"|\bunless\s+I\s+hear\s+otherwise\s+by\b(?P<when2>[^,.\n]+)[,;:]?\s*(?:I|we)\s*(?:will|'ll|’ll)\s+(?P<act2>[^.\n]+)",
    re.I,
)
DONE_RE = re.compile(
    r"\b(already|so far|i've|i have|we've|we have|done:|what i've done|actions? taken)\b|^\s*(?:I|we)\s+\w+ed\b|"
    r"\b(?:I|we)\s+(?:emailed|called|asked|sent|checked|spoke|met|chased|pinged|booked|requested|reviewed|raised|got|tried|confirmed)\b",
    re.I,
)
REPLY_RE = re.compile(
    r"\b(reply|answer|respond|say|tell me|just send)\b[^.\n]{0,40}?\b(?:[A-D]\b|yes|no|ok|go|option)", re.I
)


NO_OPTIONS_RE = re.compile(r"\bthe notes (?:name|hold|list|give) no (?:alternatives|options)\b", re.I)


def _notes_list_options(notes: str) -> bool:
    """The notes themselves list alternatives ('A) ... B) ...', 'Options: x, y or z')."""
    import datetime as dt

    from ..models import SourceLine, WorkLog
    from ..playbook.alternatives import options_from_lines

    lines = [SourceLine(number=i, text=t) for i, t in enumerate(notes.splitlines(), 1) if t.strip()]
    return len(options_from_lines(WorkLog(as_of=dt.date.today(), lines=lines))) >= 2


def honest_no_options(ctx: CheckContext) -> bool:
    """A proposal with no options that says the notes name none, on notes that list none: the option
    criteria do not apply (an invented option would be worse than none)."""
    if options_in(ctx.text) or not NO_OPTIONS_RE.search(ctx.text):
        return False
    art = ctx.artefact
    if isinstance(art, OptionsProposal) and art.options:
        return False
    return not _notes_list_options(ctx.notes)


def options_in(text: str) -> dict[str, str]:
    """Label -> option block text ('A) Wait for Acme ... Upside: ...'), in order of appearance."""
    lines = body_lines(text)
    found: dict[str, list[str]] = {}
    cur = None
    for line in lines:
        m = OPTION_WORD.match(line) or OPTION_LINE.match(line)
        if m:
            label = m.group("label").upper()
            if label not in found:
                cur = label
                found[cur] = [plain(line)]
                continue
        if cur is None:
            continue
        p = plain(line)
        if re.match(r"^(recommend|if i|reply|problem|open risks?|needs? your|i will go|what i've|default)\b", p, re.I) or (
            line.lstrip().startswith("#")
        ):
            cur = None
            continue
        found[cur].append(p)
    return {k: "\n".join(v) for k, v in found.items()}


SECTION_START = re.compile(r"^(?:the )?(problem|issue|situation|context|background|what i've done|already|options?\b|recommendation)\b", re.I)


def _first_paragraph(text: str) -> str:
    """The opening paragraph: up to the first blank line, labelled section, bullet or option line."""
    for para in paragraphs(text):
        lines = para.splitlines()
        content = []
        for l in lines:
            p = plain(l)
            if content and (SECTION_START.match(p) or OPTION_LINE.match(l) or OPTION_WORD.match(l) or l.lstrip()[:1] in "-*•"):
                break
            if l.lstrip().startswith("#") and not DECISION_RE.search(l) and not RECOMMEND_RE.search(l):
                continue
            content.append(p)
        if content:
            return "\n".join(content)
    return ""


def _recommended(text: str, labels: list[str]) -> set[str]:
    out = set()
    for s in sentences(text):
        if DEFAULT_RE.search(s) or not RECOMMEND_RE.search(s):
            continue
        m = re.search(r"recommendation\s*[:—-]\s*(?:option\s+)?([A-D1-4])\b", s, re.I)
        if m:
            out.add(m.group(1).upper())
        for m in re.finditer(r"\boption\s+([A-D1-4])\b|\b([A-D])\)", s, re.I):
            out.add((m.group(1) or m.group(2)).upper())
    return {x for x in out if x in labels}


@check("O1")
def o1(ctx: CheckContext):
    first = _first_paragraph(ctx.text)
    if not first:
        return result("O1", False, "the draft has no first paragraph")
    if not (DECISION_RE.search(first) or RECOMMEND_RE.search(first)):
        return result("O1", False, quote(first), "first paragraph has neither a recommendation nor 'decision needed'")
    dates = [m.date for m in find_dates(first, ctx.as_of)]
    ok = [d for d in dates if d >= ctx.as_of]
    if not ok:
        return result("O1", False, quote(first), f"no decide-by date >= {format_date(ctx.as_of)} up front")
    return result("O1", True, quote(first), f"decide by {format_date(min(ok))}")


def _problem(ctx: CheckContext) -> str | None:
    lines = body_lines(ctx.text)
    for i, line in enumerate(lines):  # "Problem: ..." on one line (also when paragraphs are not separated)
        m = re.match(r"^(?:the )?(problem|issue|situation)\s*[:—-]\s*(\S.*)$", plain(line), re.I)
        if m:
            return m.group(2)
    for para in paragraphs(ctx.text):
        p = plain(para.splitlines()[0])
        if re.match(r"^(?:the )?(problem|issue|situation|context|what happened|background)\b", p, re.I):
            body = "\n".join(plain(l) for l in para.splitlines())
            body = re.sub(r"^(?:the )?(problem|issue|situation|context|what happened|background)\s*[:—-]?\s*", "", body, flags=re.I)
            if not body.strip():  # heading on its own line: the next paragraph is the problem
                idx = paragraphs(ctx.text).index(para)
                nxt = paragraphs(ctx.text)[idx + 1 : idx + 2]
                body = plain(nxt[0]) if nxt else ""
            return body
    return None


@check("O2")
def o2(ctx: CheckContext):
    problem = _problem(ctx)
    if problem is None:
        return result("O2", False, "no problem statement ('Problem: ...')")
    n = len([s for s in re.split(r"(?<=[.!?])\s+", problem.replace("\n", " ")) if s.strip()])
    if n > 3:
        return result("O2", False, quote(problem), f"{n} sentences (<= 3 wanted)")
    ann = ctx.annotations
    dates = [m.date for m in find_dates(problem, ctx.as_of)]
    names_deadline = (ann.deadline in dates if ann.deadline else bool(dates)) or (
        bool(ann.deadline_label) and mentions(ann.deadline_label, problem, 0.6)
    )
    if not names_deadline:
        want = ann.deadline_label or (format_date(ann.deadline) if ann.deadline else "a deadline")
        return result("O2", False, quote(problem), f"does not name the deadline at stake ({want})")
    return result("O2", True, quote(problem), f"{n} sentence(s)")


@check("O3")
def o3(ctx: CheckContext):
    opts = options_in(ctx.text)
    if honest_no_options(ctx):
        return result("O3", None, "the notes name no alternatives and the draft says so")
    if not 2 <= len(opts) <= 4:
        return result("O3", False, f"{len(opts)} option(s) found: {', '.join(opts) or 'none'}", "2-4 options wanted")
    return result("O3", True, "; ".join(quote(v.splitlines()[0], 50) for v in opts.values()))


@check("O4")
def o4(ctx: CheckContext):
    opts = options_in(ctx.text)
    if honest_no_options(ctx):
        return result("O4", None, "the notes name no alternatives and the draft says so")
    if not opts:
        return result("O4", False, "no options found")
    missing = []
    for label, body in opts.items():
        lacks = [name for name, rx in (("upside", UPSIDE), ("downside", DOWNSIDE), ("time/cost", COST)) if not rx.search(body)]
        if lacks:
            missing.append(f"{label}: no {', '.join(lacks)}")
    if missing:
        return result("O4", False, "; ".join(missing))
    return result("O4", True, f"options {', '.join(opts)} each state upside, downside and time/cost")


@check("O5")
def o5(ctx: CheckContext):
    labels = list(options_in(ctx.text))
    if honest_no_options(ctx):
        return result("O5", None, "the notes name no alternatives and the draft says so")
    recs = _recommended(ctx.text, labels)
    if not recs:
        return result("O5", False, "no recommendation naming a listed option")
    if len(recs) > 1:
        return result("O5", False, f"several options recommended: {', '.join(sorted(recs))}")
    (rec,) = recs
    s = next((x for x in sentences(ctx.text) if RECOMMEND_RE.search(x) and re.search(rf"\b{rec}\b", x)), rec)
    return result("O5", True, quote(s))


@check("O6")
def o6(ctx: CheckContext):
    opts = options_in(ctx.text)
    if honest_no_options(ctx):
        return result("O6", None, "the notes name no alternatives and the draft says so")
    for s in sentences(ctx.text):
        m = DEFAULT_RE.search(s)
        if not m:
            continue
        when = m.group("when") or m.group("when2") or ""
        act = m.group("act") or m.group("act2") or ""
        dates = [d.date for d in find_dates(when, ctx.as_of)]
        if not dates:
            return result("O6", False, quote(s), "the default has no date")
        d = max(dates)
        if d < ctx.as_of:
            return result("O6", False, quote(s), "the default date is in the past")
        if ctx.annotations.deadline and d >= ctx.annotations.deadline:
            return result("O6", False, quote(s), f"default date is not before the deadline {format_date(ctx.annotations.deadline)}")
        named = re.search(r"\boption\s+([A-D1-4])\b|\b([A-D])\b", act)
        by_title = any(mentions(v.splitlines()[0], act, 0.6) for v in opts.values())
        if not named and not by_title:
            return result("O6", False, quote(s), "the default does not name an option")
        return result("O6", True, quote(s))
    return result("O6", False, "no \"if I don't hear by <date>, I will <option>\"")


@check("O7")
def o7(ctx: CheckContext):
    note_lines = [l for l in ctx.notes.splitlines() if l.strip()]
    for s in sentences(ctx.text):
        if not DONE_RE.search(s):
            continue
        best = max((len(keywords(s) & keywords(l)) for l in note_lines), default=0)
        if best >= 2:
            return result("O7", True, quote(s))
    # a "What I've done" section whose lines are bare actions
    lines = [plain(l) for l in body_lines(ctx.text)]
    for i, l in enumerate(lines):
        if re.match(r"^(what i've done|done so far|actions? taken|so far)\b", l, re.I):
            for item in lines[i + 1 : i + 5]:
                if max((len(keywords(item) & keywords(n)) for n in note_lines), default=0) >= 2:
                    return result("O7", True, quote(item))
    return result("O7", False, "no action already taken (from the notes) is mentioned")


@check("O9")
def o9(ctx: CheckContext):
    for s in sentences(ctx.text):
        if REPLY_RE.search(s):
            return result("O9", True, quote(s))
    return result("O9", False, "no reply affordance such as 'Reply A or B'")


@check("O11")
def o11(ctx: CheckContext):
    risks = list(ctx.annotations.open_risks)
    if isinstance(ctx.artefact, OptionsProposal):
        risks += [r for r in ctx.artefact.open_risks if r not in risks]
    if not risks:
        return result("O11", None, "no unresolved risk annotated")
    missing = [r for r in risks if not any(mentions(r, s, 0.5) for s in sentences(ctx.text))]
    if missing:
        return result("O11", False, f"risk not stated: {'; '.join(missing)}")
    return result("O11", True, "; ".join(quote(r, 80) for r in risks))
