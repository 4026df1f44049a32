"""Deterministic checks for the delegation plan (D1-D12; D13 is judge-only)."""

from __future__ import annotations

import math
import re

from .context import CheckContext
from .registry import check, result
from .text import body_lines, find_dates, format_date, mentions, name_in, plain, quote, sentences

OWNER_RE = re.compile(r"^\s*(?:task\s+)?owner\s*[:—-]\s*(?P<who>.+)$|\bowner\s+is\s+(?P<who2>[^.,;\n]+)", re.I)
NO_OWNER = re.compile(
    r"^(?:the\s+)?(team|tbd|tba|tbc|to be (?:decided|confirmed|assigned)|someone|anyone|everyone|all|us|we|"
    r"unassigned|n/?a|whoever|somebody|the group|various|many|owners?)\b|^\?+|^-+$",
    re.I,
)
DONE_WHEN = re.compile(r"\b(done when|done means|definition of done|complete when|finished when|done =|success is|success looks like)\b", re.I)
DEADLINE = re.compile(r"^\s*(?:deadline|due|due date|by when)\s*[:—-]\s*(?P<when>.+)$|\b(?:deadline|due)\s+(?:is\s+)?(?P<when2>[^.\n]+)", re.I)
QUALITY = re.compile(r"\b(quality(?: standard| bar)?|standard|acceptance criteria|good looks like|must (?:match|be|have|include)|checked against)\b", re.I)
CHECKIN = re.compile(r"\b(check-?ins?|check in|sync|1:1|touch point|review (?:together|with me)|we meet|walk ?through)\b", re.I)
RIGHTS = re.compile(
    r"\b(research and report|research & report|recommend(?:,| and| then)? (?:I|me)? ?decide|recommend|"
    r"decide and inform|decide,? then (?:inform|tell)|decide and tell|act alone|act on your own|fully your call|"
    r"your call,? no need to (?:ask|check))\b",
    re.I,
)
PURPOSE = re.compile(r"\b(why it matters|why:|purpose|so that|this matters because|matters because|because|in order to|feeds|used (?:by|for|in)|uses it)\b", re.I)
ESCALATE = re.compile(
    r"\b(escalate|flag it to me|come to me|tell me|call me|ping me|loop me in|raise it)\b[^.\n]*?\b(if|when|by|before|after|unless|as soon as)\b",
    re.I,
)
TEACH = re.compile(r"\b(runbook|run-book|checklist|check-list|template|playbook|how-?to|sop|step-by-step|guide|shadow\w*|pair on|walk you through|written steps)\b", re.I)
SUPPORT = re.compile(
    r"\b(what do you need from me|what you need from me|let me know (?:if|what) you need|i can help|happy to help|"
    r"i'll help|i will help|i can pair|i'll pair|ask me|i'm available|i am available|i'll sit with|i'll back you)\b",
    re.I,
)
URL = re.compile(r"https?://\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b|(?<!\w)#[a-z][\w-]+|(?:[\w-]+/)+[\w.-]+\.\w+")
RESOURCE_LABEL = re.compile(r"\b(resources?|contacts?|access|links?|tools?|ask [A-Z][a-z]+|login|credentials|dashboard|folder|doc)\b", re.I)
OWNER_CUE = re.compile(r"\bowner\s*[:—-]|\b(I|we|[A-Z][a-z]+)\s+(?:will|'ll|’ll|owns?|keeps?|takes?|handles?|is on|stays? with)\b|\((?:me|I|[A-Z][a-z]+)\)|\bwith me\b|\bI keep\b", re.I)


def _lines(ctx: CheckContext) -> list[str]:
    return [plain(l) for l in body_lines(ctx.text)]


def _owners(ctx: CheckContext) -> list[tuple[str, str]]:
    out = []
    for line in _lines(ctx):
        m = OWNER_RE.search(line)
        if m:
            out.append(((m.group("who") or m.group("who2") or "").strip().rstrip("."), line))
    return out


def _task_count(ctx: CheckContext) -> int:
    return max(1, len(_owners(ctx)))


@check("D1")
def d1(ctx: CheckContext):
    owners = _owners(ctx)
    if not owners:
        return result("D1", False, "no 'Owner: <name>' line")
    for who, line in owners:
        if not who or NO_OWNER.match(who):
            return result("D1", False, quote(line), "owner is not one named person")
        if re.search(r"\s(?:and|&|/|\+)\s|,", who):
            return result("D1", False, quote(line), "more than one owner")
    return result("D1", True, "; ".join(quote(l, 60) for _, l in owners))


@check("D2")
def d2(ctx: CheckContext):
    found = [l for l in _lines(ctx) if DONE_WHEN.search(l) and len(DONE_WHEN.split(l)[-1].strip(" :.-")) > 3]
    n = _task_count(ctx)
    if len(found) < n:
        return result("D2", False, f"{len(found)} 'done when' for {n} task(s)")
    return result("D2", True, "; ".join(quote(l, 80) for l in found))


def _deadlines(ctx: CheckContext):
    """(line, date) of each task deadline: 'Deadline: <date>' lines, else inline 'deadline is <date>'."""
    labelled, inline = [], []
    for line in _lines(ctx):
        m = DEADLINE.search(line)
        if not m:
            continue
        when = m.group("when") or m.group("when2") or ""
        dates = [d.date for d in find_dates(when, ctx.as_of)]
        (labelled if m.group("when") else inline).append((line, dates[0] if dates else None))
    return labelled or inline


@check("D3")
def d3(ctx: CheckContext):
    deadlines = _deadlines(ctx)
    if not deadlines:
        return result("D3", False, "no 'Deadline: <date>'")
    parent = ctx.annotations.deadline
    for line, d in deadlines:
        if d is None:
            return result("D3", False, quote(line), "the deadline does not parse as a date")
        if d < ctx.as_of:
            return result("D3", False, quote(line), f"deadline before {format_date(ctx.as_of)}")
        if parent and d > parent:
            return result("D3", False, quote(line), f"after the parent deadline {format_date(parent)}")
    return result("D3", True, "; ".join(quote(l, 60) for l, _ in deadlines))


@check("D4")
def d4(ctx: CheckContext):
    for line in _lines(ctx):
        if QUALITY.search(line):
            return result("D4", True, quote(line))
    return result("D4", False, "no quality standard")


@check("D5")
def d5(ctx: CheckContext):
    deadlines = [d for _, d in _deadlines(ctx) if d]
    deadline = min(deadlines) if deadlines else ctx.annotations.deadline
    checkins = []
    for line in _lines(ctx):
        if CHECKIN.search(line) and not DEADLINE.match(line):
            checkins += [(m.date, line) for m in find_dates(line, ctx.as_of)]
    if not checkins:
        return result("D5", False, "no dated check-in")
    if deadline is None:
        return result("D5", True, quote(checkins[0][1]), "no deadline to compare with")
    future = [c for c in checkins if c[0] >= ctx.as_of]
    if not future:
        return result("D5", False, quote(checkins[0][1]), "every check-in is in the past")
    first, line = min(future)
    if first >= deadline:
        return result("D5", False, quote(line), f"first check-in {format_date(first)} is not before the deadline {format_date(deadline)}")
    limit = ctx.as_of.toordinal() + math.ceil((deadline - ctx.as_of).days / 3)
    if first.toordinal() > limit:
        return result("D5", False, quote(line), f"first check-in {format_date(first)} is later than a third of the time to {format_date(deadline)}")
    return result("D5", True, quote(line), f"first check-in {format_date(first)}, deadline {format_date(deadline)}")


@check("D6")
def d6(ctx: CheckContext):
    for line in _lines(ctx):
        m = RIGHTS.search(line)
        if m:
            return result("D6", True, quote(line))
    return result("D6", False, "no delegation level (research and report / recommend / decide and inform / act alone)")


@check("D7")
def d7(ctx: CheckContext):
    for line in _lines(ctx):
        if PURPOSE.search(line):
            return result("D7", True, quote(line))
    return result("D7", False, "no purpose ('why it matters')")


def _note_resources(ctx: CheckContext) -> list[str]:
    res = list(ctx.annotations.resources)
    res += [m.group(0).rstrip(".,);") for m in URL.finditer(ctx.notes)]
    delegate = (ctx.annotations.delegate or "").lower()
    res += [p for p in ctx.annotations.people if p.lower() != delegate]
    return [r for r in dict.fromkeys(res) if r]


@check("D8")
def d8(ctx: CheckContext):
    candidates = _note_resources(ctx)
    if not candidates:
        return result("D8", None, "the notes name no contact, link or access item")
    for line in _lines(ctx):
        for r in candidates:
            hit = (r.lower() in line.lower()) if (URL.fullmatch(r) or "/" in r or "@" in r) else (
                name_in(r, line) if len(r.split()) <= 2 and r[:1].isupper() else mentions(r, line, 0.6)
            )
            if hit and (RESOURCE_LABEL.search(line) or URL.search(line) or re.search(r"\b(ask|contact|talk to|reach)\b", line, re.I)):
                return result("D8", True, quote(line))
    return result("D8", False, f"none of the notes' contacts/links/access is passed on: {', '.join(candidates[:4])}")


@check("D9")
def d9(ctx: CheckContext):
    for s in sentences(ctx.text):
        if ESCALATE.search(s):
            return result("D9", True, quote(s))
    return result("D9", False, "no 'escalate if <condition or time>'")


@check("D10")
def d10(ctx: CheckContext):
    for line in _lines(ctx):
        if TEACH.search(line):
            return result("D10", True, quote(line))
    return result("D10", False, "no runbook, checklist, template or shadowing step")


@check("D11")
def d11(ctx: CheckContext):
    for s in sentences(ctx.text):
        if SUPPORT.search(s):
            return result("D11", True, quote(s))
    return result("D11", False, "no offer of support ('What do you need from me?')")


@check("D12")
def d12(ctx: CheckContext):
    ann = ctx.annotations
    loops = list(ann.open_loops) or [c.what for c in ann.commitments if c.state in ("open", "missed")] + [
        f"{w.on_whom} {w.what}".strip() for w in ann.waits
    ]
    if not loops:
        return result("D12", None, "no open loops in the annotations")
    lines = _lines(ctx)
    missing, found = [], []
    for loop in loops:
        hit = None
        for i, line in enumerate(lines):
            if mentions(loop, line, 0.5):
                near = "\n".join(lines[max(0, i - 3) : i + 2])
                if OWNER_CUE.search(line) or OWNER_CUE.search(near):
                    hit = line
                    break
        (found if hit else missing).append(hit or loop)
    if missing:
        return result("D12", False, f"open loop without a next owner: {'; '.join(missing)}")
    return result("D12", True, "; ".join(quote(f, 80) for f in found))
