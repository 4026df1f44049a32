"""The notes' own alternatives for a decision, with the trade-offs the notes state.

Nothing here invents an option or a trade-off: options come from ``Decision.options``, people's
``Decision.positions``, a listed "A) ... / B) ..." or "Options:" list, "could X, or Y, or Z", or a
workaround the writer offers while waiting on someone (the workaround vs. the wait). An upside,
downside or cost the notes do not state stays ``None`` (the writer says it is not stated).

What is inferred from an option's words is data only: whether it needs someone's approval
(spend, scope, dates) and whether it keeps the deadline, used to rank options.
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import Decision, OptionFacts, Wait, WorkItem, WorkLog
from .text import bdays_between, clean, fmt, short_title, wait_object, within

# --------------------------------------------------------------------------------------------
# Finding alternatives in the notes
# --------------------------------------------------------------------------------------------

# "A) wait for ...", "B: pay ...", "Option 3: stay with ...": letters, or digits only after "Option";
# a letter label is followed by a space ("(A)ctive" in a status key is a word, not option A)
_LISTED_OPTION = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:option\s+(?P<n>[A-Da-d1-4])\s*[).:—–-]\s*|\(?(?P<l>[A-Da-d])\)\s+)(?P<text>\S.+)$", re.I
)
_INLINE_OPTIONS = re.compile(r"\b(?:options?|alternatives?|choices?)(?:\s+(?:I|we)\s+see)?\s*(?:are|:)\s*(?P<body>.+)$", re.I)
_OPTIONS_HEADING = re.compile(
    r"^\s*(?:[-*•]\s*|#{1,6}\s*)?(?:\*\*)?(?:options?|alternatives?|choices?)(?:\s+(?:I|we)\s+see)?\s*:?\s*(?:\*\*)?\s*$", re.I
)
# "Could cache the queries, or pre-aggregate nightly, or just buy a bigger database."
_COULD_OPTIONS = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:(?:I|we)\s+)?(?:could|can\s+either|either)\s+(?P<body>[^.]*?\bor\b[^.]*?\bor\b.+|[^.]*,\s*or\b.+)$", re.I
)


def split_alternatives(body: str) -> list[str]:
    """'A ($31k, 3 weeks), or B (10% off)' -> ['A ($31k, 3 weeks)', 'B (10% off)']: commas in brackets stay."""
    parts, depth, cur, i = [], 0, "", 0
    while i < len(body):
        ch = body[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0:
            m = re.match(r",\s*(?:or\s+)?|\s+or\s+", body[i:])
            if m:
                parts.append(cur)
                cur, i = "", i + m.end()
                continue
        cur += ch
        i += 1
    parts.append(cur)
    return [clean(p) for p in parts if clean(p)]


def _continued(lines: list, i: int, body: str) -> str:
    """An inline list that runs on over the next lines ('tonight 22:00 (...),' / 'Sat 06:00 (...), or ...')."""
    j = i + 1
    while j < len(lines) and (
        body.rstrip().endswith((",", "(")) or body.count("(") > body.count(")") or lines[j].text.lstrip().startswith("(")
    ):
        body = f"{body.rstrip()} {clean(lines[j].text)}"
        j += 1
    return body


_LABEL_ONLY = re.compile(r"^(?P<indent>\s*)(?:[-*•]\s*)?(?:\*\*)?option\s+(?P<n>[A-Da-d1-4])\s*[).:—–-]?\s*(?:\*\*)?\s*$", re.I)


def labelled_options(log: WorkLog) -> list[str]:
    """'A) wait ...' / 'Option B: pay ...' lines, or an 'Option A:' line whose text is the bullets under it."""
    out: list[str] = []
    lines = log.lines
    for i, line in enumerate(lines):
        m = _LISTED_OPTION.match(line.text)
        if m:
            out.append(clean(m.group("text")))
            continue
        m = _LABEL_ONLY.match(line.text)
        if not m:
            continue
        indent = len(m.group("indent").expandtabs(4))
        body = []
        for nxt in lines[i + 1 :]:
            lead = len(nxt.text.expandtabs(4)) - len(nxt.text.expandtabs(4).lstrip())
            b = re.match(r"^\s*(?:[-*•+]|\d+[.)])\s+(?P<t>\S.*)$", nxt.text)
            if not b or lead <= indent or _LABEL_ONLY.match(nxt.text):
                break
            body.append(clean(b.group("t")))
        if body:
            out.append("; ".join(body))
    return out[:4]


_NOTES_PICK = re.compile(
    r"\b(?:recommends?|recommended|prefers?|preferred|favou?rs?|suggests?|proposes?|we (?:go|went) with)\b[^.\n]{0,40}?"
    r"\boptions?\s+(?P<a>[A-D1-4])\b(?:\s*(?:and|&|,|or|/)\s*(?:options?\s+)?(?P<b>[A-D1-4])\b)?", re.I)


def notes_recommendation(log: WorkLog) -> tuple[list[str], str | None]:
    """The notes' own pick among labelled options ('The TSC recommends a split between Options B and C'):
    (labels, the line); ([], None) when the notes recommend none."""
    for line in log.lines:
        m = _NOTES_PICK.search(line.text)
        if m:
            labels = [x.upper() for x in (m.group("a"), m.group("b")) if x]
            labels = ["ABCD"[int(x) - 1] if x.isdigit() else x for x in labels]
            return labels, clean(line.text)
    return [], None


_BULLETED = re.compile(r"^\s*[-*•]\s")


def _indent(text: str) -> int:
    return len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip())


def chosen(log: WorkLog, options: list[str], after: int) -> bool:
    """An option the notes tick off later ('[x] Squash redesign-cmdb branch into a single initial commit' after
    the 'Alternatives:' it was one of, osb-cmdb TODO): the choice is made, nothing is left to decide."""
    heads = [re.sub(r"[*`_]", "", o).lower()[:40] for o in options]
    for line in log.lines[after + 1:]:
        m = re.match(r"^\s*(?:[-*•]\s*)?\[[xX]\]\s*(?P<t>\S.*)$", line.text)
        if m and any(re.sub(r"[*`_]", "", clean(m.group("t"))).lower().startswith(h[:30]) for h in heads):
            return True
    return False


def options_from_lines(log: WorkLog) -> list[str]:
    """Options the notes list ('A) wait ...', 'B) pay ...', 'Options:' + bullets or 'Options: x, y, or z'), verbatim."""
    listed = labelled_options(log)
    if len(listed) >= 2:
        return listed
    for i, line in enumerate(log.lines):
        if _OPTIONS_HEADING.match(line.text):  # "Options:" then one bullet per option
            bullets, at = [], _indent(line.text)
            for nxt in log.lines[i + 1 :]:
                b = re.match(r"^\s*(?:[-*•]|\d+[.)])\s+(?P<t>\S.*)$", nxt.text)
                if not b or (_BULLETED.match(line.text) and _indent(nxt.text) <= at):
                    break  # a bullet back at the heading's own level is no longer one of its options
                bullets.append(clean(b.group("t")))
            if len(bullets) >= 2 and not chosen(log, bullets, i):
                return bullets[:4]
        m = _INLINE_OPTIONS.search(line.text) or _COULD_OPTIONS.match(line.text)
        if not m:
            continue
        parts = split_alternatives(_continued(log.lines, i, m.group("body")).rstrip("."))
        parts = [p for p in parts if not re.fullmatch(r"[\d$€£k.,\s]+|\d+\s*\w+\)?", p)]  # drop split-off figures
        if len(parts) >= 2:
            return parts[:4]
    return []


def positions_as_options(d: Decision) -> list[str]:
    """People's differing positions on a question ('Ana: ship now') as options, each with who holds it."""
    out = []
    for p in d.positions:
        m = re.match(r"^\s*(?P<who>[^:]{1,40}):\s*(?P<what>\S.*)$", p)
        out.append(f"{clean(m.group('what'))} ({clean(m.group('who'))})" if m else clean(p))
    return [o for o in dict.fromkeys(out) if o]


_WHETHER_I = re.compile(r"^whether\s+(?:I|we)\s+(?:could\s+|can\s+|should\s+)?(?P<act>\S.+?)\??$", re.I)


def workaround_decision(decisions: list[Decision], waits: list[Wait], as_of: dt.date) -> Decision | None:
    """'Piet says a fix is in the next sprint' + 'whether I dedupe by hand (about 2 days)': wait, or work around.

    A workaround the writer offers while waiting on someone is a choice the notes hold between two
    options: keep waiting for them, or do the workaround.
    """
    if not waits or not decisions:
        return None
    m = _WHETHER_I.match(clean(decisions[0].question))
    if not m:
        return None
    w = waits[0]
    obj = wait_object(w) or "their part"
    when = f" (expected {fmt(w.expected_by, as_of)})" if w.expected_by else ""
    return decisions[0].model_copy(update={"options": [m.group("act"), f"wait for {obj} from {w.on_whom}{when}"]})


# --------------------------------------------------------------------------------------------
# Trade-offs the notes state with an option
# --------------------------------------------------------------------------------------------

# keyword -> (needs approval, keeps the deadline): data for ranking, never text in a draft.
# Order matters: the first pattern that matches decides.
_OPTION_KINDS: list[tuple[re.Pattern, bool, bool | None]] = [
    (re.compile(r"month[- ]to[- ]month|monthly|rolling\s+(?:contract|licen[cs]e|term|basis|month)|short[- ]term|trial|pilot", re.I),
     False, True),
    (re.compile(r"\b(?:annual|yearly|year|12[- ]months?|multi[- ]year|long[- ]term)\b", re.I), True, True),
    (re.compile(r"\b(?:delay|postpone|push(?:ed)? back|slip|reschedule|later|late|new date|extend)\b|"
                r"\bmove\s+(?:the\s+)?(?:launch|date|deadline|go-live|release|meeting|cut-over|kickoff|demo)\b|"
                r"\bmove\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+to\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next|later|q[1-4])", re.I),
     True, False),
    (re.compile(r"\b(?:cut|drop|reduce|skip|trim|smaller|partial|without|only|cut-down|mvp)\b", re.I), True, True),
    (re.compile(r"\b(?:hire|contractor|agency|outsource|freelancer?)\b", re.I), True, True),
    (re.compile(r"\b(?:vendor|buy|pay|quote|switch|another supplier|migrat\w*)\b|[$€£]\s?\d", re.I), True, True),
    (re.compile(r"\b(?:escalate|manager|exec)\b", re.I), True, None),
    (re.compile(r"\b(?:cancel|stop|end|terminate)\b", re.I), True, None),
    (re.compile(r"\b(?:keep|stay|continue|renew|same|wait)\b", re.I), False, None),
]

COST_FACT = re.compile(
    r"[$€£]\s?\d[\d,.]*\s?[kKmM]?\b(?:\s?/\s?(?:day|hr|hour|h|week|wk|month|mo|yr|year)\b)?|\b\d[\d,.]*\s?(?:k|K|USD|EUR|GBP)\b|"
    r"\b(?:\d+|a|an|one|two|three|four|five|half a)\s+(?:more\s+)?(?:working\s+|business\s+|calendar\s+)?"
    r"(?:hours?|days?|weeks?|months?|sprints?)\b|~\s?[$€£]?\d[\d,.]*[kK]?",
    re.I,
)

_DOWN_CUE = re.compile(
    r"\b(?:but|risk\w*|untested|short\s+notice|burnout|error-?prone|lose[sr]?|slow\w*|late|only|max|maximum|less|not|no|"
    r"without|unknown|expensive|harder|manual|downtime|disrupt\w*|lock(?:ed|s)?\s+in|weekend)\b",
    re.I,
)
_UP_CUE = re.compile(
    r"\b(?:cheap\w*|fast\w*|quick\w*|simple\w*|simplest|easy|easier|easiest|safe\w*|low\s+\w+|keeps?|saves?|"
    r"no\s+(?:risk|downtime|cost)|reliable|proven|tested|flexible|reversible|better|best|can\s+(?:build|do|deliver|start)|"
    r"higher\s+likelihood|more\s+likely|increases?|improves?)\b",
    re.I,
)
_COST_WORD = re.compile(r"\b(?:costs?|price|fee|budget|extra\s+work|effort|licen[cs]e)\b|[$€£]\s?\d", re.I)


def option_title(text: str) -> str:
    """A short name for an option from the notes: its first clause, capitalised."""
    t = short_title(re.sub(r"^(?:option\s*)?(?:[a-d1-4][).:]\s+)", "", clean(text), flags=re.I), 70)
    t = re.sub(r"^(?:just|simply|maybe|perhaps)\s+", "", t, flags=re.I)  # "just buy a bigger database"
    return t[:1].upper() + t[1:]


def _cost_only(part: str) -> bool:
    """A clause that is only a cost or a time ('20 days at $900/day', 'weekend on-call cost ~$600')."""
    if _COST_WORD.search(part) and not re.search(r"\bbut\b", part):
        return True
    rest = COST_FACT.sub("", part)
    return bool(COST_FACT.search(part)) and len(re.findall(r"[a-z]{3,}", rest, re.I)) <= 2


def stated_tradeoffs(text: str) -> tuple[list[str], list[str]]:
    """(upsides, downsides) the notes state with an option: its bracket, or the clauses after its name.

    'tonight 22:00 (low traffic but short notice to customers)' -> (['low traffic'], ['short notice to customers']);
    cost and time facts are left to the cost line.
    """
    inner = re.findall(r"\(([^()]{3,200})\)", text)
    if inner:
        parts = [p for chunk in inner for p in re.split(r"\s*[,;]\s*|\s+but\s+", chunk)]
        parts = [("but " if re.search(rf"\bbut\s+{re.escape(p)}", " ".join(inner)) else "") + p for p in parts]
    else:
        parts = re.split(r"\s*[,;]\s*|\s+but\s+", text)[1:]
    ups, downs = [], []
    for raw in parts:
        part = clean(re.sub(r"^but\s+", "", raw))
        if len(part) < 3 or _cost_only(part):
            continue
        if raw.startswith("but ") or _DOWN_CUE.search(part):
            downs.append(part)
        elif inner or _UP_CUE.search(part):  # outside brackets only a clause that judges the option is a pro
            ups.append(part)
    return ups, downs


def profile_for_named_option(text: str, label: str) -> OptionFacts:
    """An option named in the notes with the pros, cons, costs and times the notes state (empty when they state none)."""
    approval, keeps = False, None  # nothing in its words says it needs approval: no claim either way
    for pattern, approval_, keeps_ in _OPTION_KINDS:
        if pattern.search(text):
            approval, keeps = approval_, keeps_
            break
    quoted = list(dict.fromkeys(clean(m.group(0)) for m in COST_FACT.finditer(text)))
    ups, downs = stated_tradeoffs(text)
    return OptionFacts(
        label=label, title=within(option_title(text), 120), summary=within(clean(text), 300),
        upside="; ".join(ups)[:300], downside="; ".join(downs)[:300], cost=", ".join(quoted)[:200],
        from_notes=True, needs_approval=approval, keeps_deadline=keeps,
    )


def workaround_tradeoffs(options: list[OptionFacts], w: Wait, item: WorkItem, as_of: dt.date) -> list[OptionFacts]:
    """Whether each side keeps the deadline: the workaround if its stated days fit, the wait if its date is before."""
    act, wait = options[0], options[1]
    left = bdays_between(as_of, item.deadline) if item.deadline else None
    days = re.search(r"\b(\d+)\s+(?:working\s+|business\s+)?days?\b", act.summary)
    act_keeps = None if left is None or not days else int(days.group(1)) <= left
    wait_keeps = None if not item.deadline else bool(w.expected_by and w.expected_by < item.deadline)
    wait = wait.model_copy(update={
        "needs_approval": False, "keeps_deadline": wait_keeps,
        "downside": wait.downside or (f"the date depends on {w.on_whom}" + ("" if w.expected_by else ", who has given no date")),
    })
    act = act.model_copy(update={
        "keeps_deadline": act_keeps, "needs_approval": False,
        "upside": act.upside or f"no dependency on {w.on_whom}",
    })
    return [act, wait]


def pick_named_option(options: list[OptionFacts], has_deadline: bool) -> tuple[OptionFacts, str]:
    """Rank options from the notes: keeps the deadline, then within my authority, then a known cost.

    Returns the pick and the ground for it as a key the writer words: ``keeps_no_approval``,
    ``only_keeper``, ``keeps_known_cost``, ``keeps``, ``reversible``, ``clearest``.
    """
    def score(o: OptionFacts):
        keeps = 1 if o.keeps_deadline else 0
        return (keeps if has_deadline else 0, 0 if o.needs_approval else 1, 1 if o.cost else 0,
                1 if (o.upside or o.downside) else 0)

    best = max(options, key=score)  # max keeps the first of equals
    keepers = [o for o in options if o.keeps_deadline]
    if has_deadline and best.keeps_deadline and not best.needs_approval:
        return best, "keeps_no_approval"
    if has_deadline and best.keeps_deadline and len(keepers) == 1:
        return best, "only_keeper"
    if has_deadline and best.keeps_deadline:
        return best, "keeps_known_cost" if best.cost else "keeps"
    if not any(o.upside or o.downside or o.cost for o in options):
        return best, "none"  # nothing in the notes to prefer one: no recommendation
    if not best.needs_approval:
        return best, "reversible"
    return best, "clearest"
