"""Deterministic checks for the proactive status update (U1-U16)."""

from __future__ import annotations

import re

from ..models import Audience, OutputFormat, StatusUpdate
from .context import AnnotatedCommitment, CheckContext
from .registry import check, result
from .text import (
    ASK_RE,
    SEVERITY,
    block_of,
    body_lines,
    find_dates,
    first_sentence,
    format_date,
    item_blocks,
    keywords,
    mentions,
    name_in,
    plain,
    quote,
    sentences,
    statuses_in,
    subject_line,
    word_count,
)

ON_TRACK_WORDS = re.compile(r"\b(no blockers|on[ -]?track|on schedule|all good|no issues|all fine|going well|green)\b", re.I)
REASON_RE = re.compile(r"\b(because|since|as |although|though|but|despite|even though|given)\b", re.I)
STATE_RE = re.compile(
    r"\b(done|complete[d]?|sent|delivered|shipped|finished|submitted|signed|merged|missed|late|overdue|slipp\w*|"
    r"dropped|cancel+ed|open|pending|in progress|on[ -]track|at[ -]risk|blocked|off[ -]track|due|will|"
    r"waiting|not (?:yet )?(?:started|done|sent))\b",
    re.I,
)
MISSED_RE = re.compile(
    r"\b(missed|late|overdue|slipp\w*|was due|behind|past due|did not|didn't|not (?:yet )?(?:done|sent|delivered|"
    r"finished|ready|made))\b",
    re.I,
)
DECISION_ASK_RE = re.compile(
    r"\b(decision needed|decide|please|ask:|can you|could you|do you want|should I|need your|your call|approve)\b",
    re.I,
)
RISK_WORD_RE = re.compile(
    r"\b(risk|at[ -]risk|threat\w*|jeopard\w*|could slip|may slip|might slip|slip|delay\w*|might miss|may miss|"
    r"could miss|blocked|waiting|no reply|not (?:yet )?replied|no answer|late)\b",
    re.I,
)
# a title's dot ("Dr. Weiss", "Prof. de Vries") does not end the condition
_TITLE_DOT = r"(?:(?<=\bDr)|(?<=\bMr)|(?<=\bMs)|(?<=\bMrs)|(?<=\bProf)|(?<=\bSt))\."
FALLBACK_RE = re.compile(
    r"\b(?:if|unless|should)\b(?P<cond>(?:[^.;\n]|" + _TITLE_DOT + r"){0,160}?)\b(?:by|before|until|on|at)\b(?P<when>[^.;\n]{1,60}?)"
    r"[,;:]?\s*(?:then\s+)?(?:I|we)\s*(?:will|'ll|’ll|am going to|plan to)\b(?P<action>[^.\n]{3,})",
    re.I,
)
FALLBACK_LABEL_RE = re.compile(r"\b(fallback|plan b|otherwise)\b\s*[:,]?\s*(?:I|we)\s*(?:will|'ll|’ll)\b", re.I)
NEXT_RE = re.compile(
    r"(?:\bnext\b\s*(?:step)?\s*(?:\((?P<owner0>[^)]+)\))?\s*[:—-]\s*(?P<who1>I|we|[A-Z][a-z]+)?"
    r"|\b(?P<who2>I|we|[A-Z][a-z]+)\s*(?:will|'ll|’ll|am going to|is going to|plans? to|to)\b)",
)
FILLER = [
    "progress continues", "progressing well", "making progress", "making good progress", "various issues",
    "some issues", "a few issues", "working on it", "touch base", "circle back", "moving forward",
    "going forward", "stay tuned", "things are going well", "in the pipeline", "as soon as possible", "asap",
    "ongoing", "we're on it", "on it", "synergy", "leverage", "low-hanging fruit", "etc.", "and so on",
    "some things", "a few things", "stuff", "bits and pieces", "in due course", "at some point", "soon-ish",
]
HEDGES = [
    "hopefully", "should be fine", "should be ok", "should be okay", "fingers crossed", "i think maybe",
    "probably fine", "i guess", "i'll try", "i will try", "try to", "if possible", "might be able",
    "we'll see", "with any luck", "it is what it is", "not sure if", "kind of", "sort of",
]
BLAME = re.compile(
    r"\b(not my fault|(?:their|his|her|'s|s') fault|dropped the ball|blame\w*|because of (?:them|him|her)|"
    r"thanks to [A-Z][a-z]+'s (?:delay|mistake)|it was decided|mistakes were made|nobody told me|no one told me)\b",
    re.I,
)
FIRST_PERSON = re.compile(r"\b(I|we)\s*(?:will|'ll|’ll|am going to|are going to|plan to|have|'ve|’ve|am|did|sent|called|emailed|asked)\b|\bnext\b\s*:\s*I\b", re.I)
PLACEHOLDER = re.compile(
    r"\[(?:[A-Z][A-Z _/-]{1,30}|tbd|todo|name|date|x+|insert[^\]]*|your [^\]]*|\.\.\.)\]|<[a-z][a-z _-]{1,25}>|"
    r"\{\{?[^}]{1,30}\}?\}|(?<![.\w#/-])(?:TBD|TODO|TBC)(?![\w-]|\.\w)|\bXXX+\b|\?\?\?|\blorem ipsum\b",
    re.I,
)
TICKET = re.compile(r"\b[A-Z][A-Z0-9]{1,9}-\d+\b|(?<![\w&])#\d+\b")
JARGON = re.compile(
    r"\b(jira|sprint|stand-?up|backlog|retro|on-?call|post-?mortem|hotfix|staging|repo|pull request|PR|OKRs?|"
    r"sev ?[0-4]|P[0-3]|internal only|slack channel|eng team|tech debt|ticket|WIP|EOD|headcount)\b",
)
AUDIENCE_CAPS = {"boss": 150, "client": 200, "team": 300}
FORMAT_CAPS = {"slack": 80, "email": 250}


def _ctx_lines(text: str) -> list[str]:
    return [plain(line) for line in body_lines(text)]


def overall_status(text: str) -> tuple[str | None, str]:
    """(status, sentence): 'Overall: X' wins, else the first status word of the first sentence."""
    for line in _ctx_lines(text):
        m = re.match(r"(?:overall(?: status)?|status)\s*[:—-]\s*(.+)", line, re.I)
        if m and statuses_in(m.group(1)):
            return statuses_in(m.group(1))[0][0], line
    first = first_sentence(text)
    found = statuses_in(first)
    return (found[0][0] if found else None), first


def _hidden_names(ctx: CheckContext) -> set[str]:
    """People a client draft may leave unnamed (internal ones must be, U15): checks then match by topic."""
    if ctx.audience != Audience.CLIENT:
        return set()
    hidden = set(ctx.annotations.internal_names)
    hidden |= {w.on_whom for w in ctx.annotations.waits if not name_in(w.on_whom, ctx.text)}
    return hidden


def _topic(phrase: str, s: str) -> bool:
    """Loose match (one shared keyword), used where a client draft leaves the person unnamed."""
    return bool(keywords(phrase) & keywords(s))


def _overdue(ctx: CheckContext) -> list[AnnotatedCommitment]:
    return [c for c in ctx.annotations.commitments if c.due and c.due < ctx.as_of and c.state in ("open", "missed")]


# ---------------------------------------------------------------------------------------------

@check("U1")
def u1(ctx: CheckContext):
    first = first_sentence(ctx.text)
    if not first:
        return result("U1", False, "the draft has no first sentence")
    if statuses_in(first) or ASK_RE.search(first):
        return result("U1", True, quote(first))
    return result("U1", False, quote(first), "first sentence carries neither an overall status nor an ask")


@check("U2")
def u2(ctx: CheckContext):
    overall, where = overall_status(ctx.text)
    blocks = item_blocks(ctx.text)
    for line in _ctx_lines(ctx.text):
        if re.search(STATUS_RE_TWO, line):
            return result("U2", False, quote(line), "an item carries two statuses")
    if overall is None:
        return result("U2", False, "no overall status found", "say on track / at risk / blocked / off track up front")
    item_statuses = [(b.status, b.title) for b in blocks if b.status]
    if isinstance(ctx.artefact, StatusUpdate) and not item_statuses:
        item_statuses = [(i.status.value, i.title) for i in ctx.artefact.items]
    if not item_statuses:
        return result("U2", True, quote(where), "one overall status; no separate items")
    worst_status, worst_title = max(item_statuses, key=lambda t: SEVERITY.get(t[0], 0))
    # overall may be 'done' only when everything is; otherwise not better than the worst open item
    if SEVERITY.get(overall, 0) < SEVERITY.get(worst_status, 0) and not REASON_RE.search(where):
        return result(
            "U2", False, quote(where),
            f"overall is {overall.replace('_', ' ')} but {worst_title!r} is {worst_status.replace('_', ' ')}",
        )
    return result("U2", True, quote(where), f"overall {overall.replace('_', ' ')}; worst item {worst_status.replace('_', ' ')}")


STATUS_RE_TWO = re.compile(
    r"\b(on[ -]track|at[ -]risk|blocked|off[ -]track)\s*(?:/|\bor\b|\|)\s*(on[ -]track|at[ -]risk|blocked|off[ -]track)\b",
    re.I,
)


@check("U3")
def u3(ctx: CheckContext):
    overdue = _overdue(ctx)
    blockers = ctx.annotations.blockers
    if not overdue and not blockers:
        return result("U3", None, "no overdue commitment or open blocker in the annotations")
    overall, where = overall_status(ctx.text)
    first = first_sentence(ctx.text)
    reason = f"overdue: {overdue[0].what}" if overdue else f"blocker: {blockers[0]}"
    if overall in ("on_track", "done") or (overall is None and ON_TRACK_WORDS.search(first)):
        return result("U3", False, quote(where or first), f"reported as {overall or 'on track'} despite {reason}")
    if overall is None:
        return result("U3", True, quote(first), f"not reported on track ({reason})")
    return result("U3", True, quote(where), f"overall {overall.replace('_', ' ')} with {reason}")


def _commitment_contexts(c: AnnotatedCommitment, text: str) -> list[str]:
    return block_of(c.what, text)


@check("U4")
def u4(ctx: CheckContext):
    commitments = ctx.annotations.commitments
    if not commitments:
        return result("U4", None, "no commitments annotated")
    missing, found = [], []
    for c in commitments:
        ctxs = _commitment_contexts(c, ctx.text)
        with_state = [s for s in ctxs if STATE_RE.search(s)]
        if with_state:
            line = next(l for l in with_state[0].splitlines() if mentions(c.what, l)) if any(
                mentions(c.what, l) for l in with_state[0].splitlines()) else with_state[0]
            found.append(line)
        else:
            missing.append(c.what)
    if missing:
        return result("U4", False, f"missing: {'; '.join(missing)}", f"{len(found)}/{len(commitments)} commitments reported with a state")
    return result("U4", True, "; ".join(quote(f, 80) for f in found[:3]), f"{len(found)}/{len(commitments)} commitments reported")


@check("U5")
def u5(ctx: CheckContext):
    overdue = _overdue(ctx)
    if not overdue:
        return result("U5", None, "no commitment past its due date")
    bad, good = [], []
    for c in overdue:
        ok = None
        for s in _commitment_contexts(c, ctx.text):
            for line in s.splitlines():
                if not mentions(c.what, line) and not MISSED_RE.search(line):
                    continue
                if not MISSED_RE.search(line):
                    continue
                new_date = any(m.date >= ctx.as_of for m in find_dates(line, ctx.as_of))
                if new_date or DECISION_ASK_RE.search(line):
                    ok = line
                    break
            if ok:
                break
        (good if ok else bad).append(ok or c.what)
    if bad:
        return result(
            "U5", False, f"not called missed with a new date or decision: {'; '.join(bad)}",
            "say '<what> was due <date> and is missed; new date: <date>'",
        )
    return result("U5", True, "; ".join(quote(g, 100) for g in good))


@check("U6")
def u6(ctx: CheckContext):
    ann = ctx.annotations
    signals = [(w.on_whom, f"{w.on_whom} {w.what}".strip()) for w in ann.waits] + [(None, b) for b in ann.blockers]
    if not signals:
        return result("U6", None, "no waits or blockers annotated")
    deadline_refs = []
    if ann.deadline:
        deadline_refs.append(("date", ann.deadline))
    if ann.deadline_label:
        deadline_refs.append(("label", ann.deadline_label))
    sents = _ctx_lines(ctx.text)
    joined = "\n".join(sents)

    def names_deadline(s: str) -> bool:
        if not deadline_refs:
            return True
        for kind, ref in deadline_refs:
            if kind == "date" and any(m.date == ref for m in find_dates(s, ctx.as_of)):
                return True
            if kind == "label" and mentions(ref, s, 0.6):
                return True
        return False

    unflagged, flagged = [], []
    hidden = _hidden_names(ctx)
    signals = [(None, w.what or who) if who in hidden else (who, phrase) for (who, phrase), w in
               zip(signals, list(ann.waits) + [None] * len(ann.blockers))]
    for who, phrase in signals:
        hit = None
        for i, s in enumerate(sents):
            about = name_in(who, s) if who else (mentions(phrase, s) or (hidden and _topic(phrase, s)))
            if not about:
                continue
            near = "\n".join(sents[max(0, i - 1) : i + 2])
            if RISK_WORD_RE.search(s) and (names_deadline(s) or names_deadline(near)):
                hit = s
                break
        if hit is None and who and re.search(r"\brisks?\b", joined, re.I):
            # a 'Risks' line naming the person and the deadline
            for s in sents:
                if name_in(who, s) and names_deadline(s):
                    hit = s
                    break
        (flagged if hit else unflagged).append(hit or (who or phrase))
    if unflagged:
        want = ann.deadline_label or (format_date(ann.deadline) if ann.deadline else "the deadline")
        return result("U6", False, f"not flagged with the deadline ({want}): {'; '.join(unflagged)}")
    return result("U6", True, "; ".join(quote(f, 100) for f in flagged))


@check("U7")
def u7(ctx: CheckContext):
    blocks = [b for b in item_blocks(ctx.text) if b.status != "done"]
    if not blocks:
        if all(b.status == "done" for b in item_blocks(ctx.text)) and item_blocks(ctx.text):
            return result("U7", None, "every item is done")
        blocks_text = [("the update", "\n".join(_ctx_lines(ctx.text)))]
    else:
        blocks_text = [(b.title, b.text) for b in blocks]
    missing, found = [], []
    for title, text in blocks_text:
        hit = None
        for line in text.splitlines():
            m = NEXT_RE.search(line)
            if not m:
                continue
            dates = [d.date for d in find_dates(line[m.start():], ctx.as_of)]
            if dates and min(dates) >= ctx.as_of:
                hit = line
                break
        (found if hit else missing).append(hit or title)
    if missing:
        return result("U7", False, f"no next step with owner and date >= {format_date(ctx.as_of)}: {'; '.join(missing)}",
                      "write 'Next: I will <action> by <date>.'")
    return result("U7", True, "; ".join(quote(f, 100) for f in found))


def _fallbacks(text: str, as_of) -> list[str]:
    out = []
    for line in _ctx_lines(text):
        for m in FALLBACK_RE.finditer(line):
            when = m.group("when")
            timed = find_dates(when, as_of) or re.search(r"\d{1,2}(?::\d{2})?\s*(?:am|pm)|\bnoon\b|\d{1,2}:\d{2}", when, re.I)
            if timed:
                out.append(line)
        if FALLBACK_LABEL_RE.search(line) and find_dates(line, as_of):
            out.append(line)
    return out


@check("U8")
def u8(ctx: CheckContext):
    waits = ctx.annotations.waits
    if not waits:
        return result("U8", None, "no waits on other people annotated")
    fbs = _fallbacks(ctx.text, ctx.as_of)
    lines = _ctx_lines(ctx.text)
    missing, found = [], []
    hidden = _hidden_names(ctx)
    for w in waits:
        if w.on_whom in hidden:  # a client draft does not name internal people: any fallback on the topic
            hit = next((f for f in fbs if not w.what or _topic(w.what, f)), fbs[0] if fbs else None)
            (found if hit else missing).append(hit or w.on_whom)
            continue
        hit = next((f for f in fbs if name_in(w.on_whom, f)), None)
        if hit is None:
            # fallback line in the same local context as a mention of the person
            for i, line in enumerate(lines):
                if line in fbs and any(name_in(w.on_whom, l) for l in lines[max(0, i - 2) : i + 1]):
                    hit = line
                    break
        (found if hit else missing).append(hit or w.on_whom)
    if missing:
        return result("U8", False, f"no 'if not ... by <date>, I will ...' for: {'; '.join(missing)}")
    return result("U8", True, "; ".join(quote(f, 120) for f in found))


@check("U9")
def u9(ctx: CheckContext):
    if not ctx.annotations.decisions:
        return result("U9", None, "no decision or help needed per the annotations")
    for s in sentences(ctx.text):
        if not ASK_RE.search(s) and not re.search(r"\b(decide|approve|sign off|confirm)\b", s, re.I):
            continue
        dates = [m.date for m in find_dates(s, ctx.as_of)]
        who = re.search(r"\b(you|[A-Z][a-z]+)\b", s.replace("Ask:", "").replace("Please", "").replace("I ", ""))
        if dates and max(dates) >= ctx.as_of and who:
            return result("U9", True, quote(s))
    return result("U9", False, f"no ask with who, what and by when for: {ctx.annotations.decisions[0]}",
                  "write 'Ask: <who>, please <what> by <date>.'")


_DERIVED = re.compile(r"\(\d+ more details? omitted[^)]*\)|,?\s*\b\d+ (?:business |working )?days? left\b", re.I)


@check("U10")
def u10(ctx: CheckContext):
    from ..grounding import PROPOSAL_CUES, find_ungrounded, proposed_dates

    text = _DERIVED.sub("", ctx.text)  # renderer bookkeeping and computed day counts are not claims
    proposed = proposed_dates(ctx.artefact) if ctx.artefact is not None else set()
    for s in sentences(text):  # a date inside a next step / fallback / new date / ask is the writer's proposal
        if PROPOSAL_CUES.search(s):
            proposed |= {m.date for m in find_dates(s, ctx.as_of)}
    try:
        findings = find_ungrounded(text, ctx.notes, ctx.as_of, proposed)
    except ImportError as exc:
        return result("U10", None, f"grounding unavailable: {exc}")
    from .context import has_annotations, unannotated_people

    # the case's own people: a word used as a person must be one (only when a person wrote annotations)
    if ctx.annotations_source == "case" and has_annotations(ctx.annotations):

        findings += [f"person {w!r} is not a person the case names (in: {quote(line, 80)!r})"
                     for w, line in unannotated_people(text, ctx.annotations)]
    if findings:
        return result("U10", False, findings[0], f"{len(findings)} unsupported: " + " | ".join(findings[1:4]))
    return result("U10", True, "every date, number, name and ticket id is in the notes or proposed")


@check("U11")
def u11(ctx: CheckContext):
    low = ctx.text.lower()
    for phrase in FILLER:
        m = re.search(r"(?<![a-z])" + re.escape(phrase) + r"(?![a-z])", low)
        if m:
            s = next((x for x in sentences(ctx.text) if phrase in x.lower()), phrase)
            return result("U11", False, quote(s), f"filler: {phrase!r}")
    missing = [w.on_whom for w in ctx.annotations.waits if w.on_whom not in _hidden_names(ctx)]
    missing = [n for n in missing if not name_in(n, ctx.text)]
    if missing:
        return result("U11", False, f"names from the notes missing: {', '.join(missing)}")
    return result("U11", True, "no filler; the people waited on are named")


@check("U12")
def u12(ctx: CheckContext):
    ann = ctx.annotations
    if not ann.deadline and not ann.deadline_label:
        return result("U12", None, "no downstream deadline annotated")
    for s in sentences(ctx.text):
        if ann.deadline and any(m.date == ann.deadline for m in find_dates(s, ctx.as_of)):
            return result("U12", True, quote(s))
        if ann.deadline_label and mentions(ann.deadline_label, s, 0.6):
            return result("U12", True, quote(s))
    want = ann.deadline_label or format_date(ann.deadline)
    return result("U12", False, f"downstream deadline not named: {want}")


@check("U13")
def u13(ctx: CheckContext):
    low = ctx.text.lower()
    for h in HEDGES:
        if re.search(r"(?<![a-z])" + re.escape(h) + r"(?![a-z])", low):
            s = next((x for x in sentences(ctx.text) if h in x.lower()), h)
            return result("U13", False, quote(s), f"hedging: {h!r}")
    m = BLAME.search(ctx.text)
    if m:
        s = next((x for x in sentences(ctx.text) if m.group(0) in x), m.group(0))
        return result("U13", False, quote(s), f"blame or passive evasion: {m.group(0)!r}")
    fp = next((s for s in sentences(ctx.text) if FIRST_PERSON.search(s)), None)
    if fp is None:
        return result("U13", False, "no first-person commitment ('I will ...')")
    return result("U13", True, quote(fp))


@check("U14")
def u14(ctx: CheckContext):
    caps = {f"{ctx.audience.value} audience": AUDIENCE_CAPS.get(ctx.audience.value)}
    if ctx.fmt.value in FORMAT_CAPS:
        caps[f"{ctx.fmt.value} format"] = FORMAT_CAPS[ctx.fmt.value]
    caps = {k: v for k, v in caps.items() if v}
    words = word_count(ctx.text)
    why, cap = min(caps.items(), key=lambda kv: kv[1])
    m = PLACEHOLDER.search(ctx.text)
    if m:
        return result("U14", False, quote(m.group(0)), "unfilled placeholder")
    if words > cap:
        return result("U14", False, f"{words} words", f"over the {cap}-word cap for the {why}")
    if ctx.fmt == OutputFormat.EMAIL:
        subj = subject_line(ctx.text)
        if not subj:
            return result("U14", False, "no 'Subject:' line", "an email needs a subject line")
        return result("U14", True, f"{words} words <= {cap}; Subject: {quote(subj, 60)}")
    return result("U14", True, f"{words} words <= {cap} ({why})")


@check("U15")
def u15(ctx: CheckContext):
    if ctx.audience != Audience.CLIENT:
        return result("U15", None, "not a client draft")
    for name in ctx.annotations.internal_names:
        if name_in(name, ctx.text):
            s = next((x for x in sentences(ctx.text) if name_in(name, x)), name)
            return result("U15", False, quote(s), f"internal name {name!r}")
    m = TICKET.search(ctx.text)
    if m:
        return result("U15", False, quote(m.group(0)), "ticket id")
    m = JARGON.search(ctx.text)
    if m:
        s = next((x for x in sentences(ctx.text) if m.group(0) in x), m.group(0))
        return result("U15", False, quote(s), f"internal jargon {m.group(0)!r}")
    return result("U15", True, "no internal names, ticket ids or jargon")


@check("U16")
def u16(ctx: CheckContext):
    prev = ctx.annotations.previous_commitments
    if not prev:
        return result("U16", None, "no previous update's commitments annotated")
    kept, missing, reported = 0, [], 0
    for c in prev:
        ctxs = [s for s in _commitment_contexts(c, ctx.text) if STATE_RE.search(s)]
        if not ctxs:
            missing.append(c.what)
            continue
        reported += 1
        if re.search(r"\b(done|complete[d]?|sent|delivered|shipped|finished|submitted|signed)\b", ctxs[0], re.I):
            kept += 1
    ratio = f"say/do {kept}/{len(prev)} = {kept / len(prev):.2f}"
    if missing:
        return result("U16", False, f"previous commitments not reported: {'; '.join(missing)}", ratio)
    return result("U16", True, f"{reported}/{len(prev)} previous commitments reported", ratio)
