"""Decision facts for the options proposal: the problem, 2-4 options, a recommendation."""

from __future__ import annotations

import datetime as dt
import re

from ..models import (
    CommitmentState,
    Decision,
    DecisionFacts,
    ItemPlan,
    OptionFacts,
    Plan,
    Status,
    Wait,
    WorkItem,
    WorkLog,
)
from .text import (
    CLOSE_BUSINESS_DAYS,
    IRREGULAR_PAST,
    bdays_between,
    clean,
    commitment_object,
    fmt,
    is_me,
    is_org,
    lower_first,
    next_bday,
    person_org,
    short_title,
    strip_article,
    the,
    wait_is_external,
    wait_object,
)
from .rules import (
    decide_by_date,
    decision_by,
    decision_phrase,
    wait_signal,
)


# --------------------------------------------------------------------------------------------
# Options: decision facts
# --------------------------------------------------------------------------------------------


def nearest_deadline(log: WorkLog) -> tuple[dt.date | None, str | None]:
    """The earliest deadline still ahead anywhere in the notes (with its label)."""
    ahead = sorted(
        ((i.deadline, i.deadline_label) for i in log.items if i.deadline and i.deadline >= log.as_of),
        key=lambda t: t[0],
    )
    return ahead[0] if ahead else (None, None)


_PAST_ACTION = re.compile(r"^(?:[-*•]\s*)?(?:\w{3,9}:\s*)?(?:i\s+)?(" + "|".join(sorted(IRREGULAR_PAST, key=len, reverse=True)) + r")\b", re.I)


def actions_from_lines(log: WorkLog) -> list[str]:
    """Lines of the notes that report something already done ("emailed Dana ..."), verbatim."""
    out = []
    for line in log.lines:
        text = clean(line.text)
        if _PAST_ACTION.match(text):
            out.append(re.sub(r"^[-*•]\s*", "", text))
    return out


_RISK_LINE = re.compile(r"^(?:[-*•]\s*)?risks?\b|\b(?:is|are) unknown\b|\bmight not\b|\bmay not make\b|\bcould slip\b|\bno fix\b", re.I)


def risk_lines(log: WorkLog) -> list[str]:
    """Lines of the notes that state a risk ('Risk either way: review time is unknown'), verbatim."""
    out = []
    for line in log.lines:
        text = clean(re.sub(r"^\s*(?:[-*•]|\d+[.)])\s*", "", line.text))
        if _RISK_LINE.search(text):
            out.append(text)
    return out


_LISTED_OPTION = re.compile(r"^\s*(?:[-*•]\s*)?(?:option\s+)?\(?([A-Da-d1-4])[).:]\s+(?P<text>\S.+)$", re.I)
_INLINE_OPTIONS = re.compile(r"\b(?:options?|alternatives?|choices?)(?:\s+(?:I|we)\s+see)?\s*(?:are|:)\s*(?P<body>.+)$", re.I)


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


def options_from_lines(log: WorkLog) -> list[str]:
    """Options the notes list ('A) wait ...', 'B) pay ...' or 'Options: x, y, or z'), verbatim."""
    listed = [m.group("text") for line in log.lines if (m := _LISTED_OPTION.match(line.text))]
    if len(listed) >= 2:
        return [clean(t) for t in listed[:4]]
    for i, line in enumerate(log.lines):
        heading = re.match(r"^\s*(?:[-*•]\s*)?(?:options?|alternatives?|choices?)(?:\s+(?:I|we)\s+see)?\s*:?\s*$", line.text, re.I)
        if heading:  # "Options:" then one bullet per option
            bullets = []
            for nxt in log.lines[i + 1 :]:
                b = re.match(r"^\s*(?:[-*•]|\d+[.)])\s+(?P<t>\S.*)$", nxt.text)
                if not b:
                    break
                bullets.append(clean(b.group("t")))
            if len(bullets) >= 2:
                return bullets[:4]
        m = _INLINE_OPTIONS.search(line.text) or _COULD_OPTIONS.match(line.text)
        if not m:
            continue
        parts = split_alternatives(_continued(log.lines, i, m.group("body")).rstrip("."))
        parts = [p for p in parts if not re.fullmatch(r"[\d$€£k.,\s]+|\d+\s*\w+\)?", p)]  # drop split-off figures
        if len(parts) >= 2:
            return parts[:4]
    return []


APPROVAL_STATEMENT = re.compile(r"\b(?:has|have|needs?|must)\s+to\s+(?:approve|sign\s+off|ok|okay)\b|\bdecides\s*[;,.]", re.I)


def opening_sentence(plan: Plan, ip: ItemPlan) -> str | None:
    """What the notes open with about the work at stake: first sentence of the dated item's first line.

    Used when a decision between listed options has no missed date, risk or wait to explain it
    ('Data warehouse migration needs ~30 more engineer-days than we have before the 22 Dec freeze').
    """
    log = plan.log
    dated = [x.item for x in plan.items if x.item.deadline and x.status != Status.DONE and x.item.lines]
    source = ip.item if not ip.item.decisions and ip.item.lines else (dated[0] if dated else None)
    if source is None:
        return None
    by_number = {line.number: line.text for line in log.lines}
    text = clean(re.sub(r"^\s*(?:[-*•]|\d+[.)])\s*", "", by_number.get(min(source.lines), "")))
    first = re.split(r"(?<=[.!?])\s+", text)[0].rstrip(".!?:")
    if len(first.split()) < 4 or APPROVAL_STATEMENT.search(first) or _INLINE_OPTIONS.search(first):
        return None
    return first


def situation_sentence(ip: ItemPlan, log: WorkLog) -> str | None:
    """What is wrong, in one clause: a missed date, a risk cue from the notes, or a wait."""
    as_of = log.as_of
    missed = [cs for cs in ip.commitments if cs.state == "missed"]
    if missed and missed[0].due:
        return f"{missed[0].what} was due {fmt(missed[0].due, as_of)} and is missed"
    if ip.item.risks:
        return re.split(r"(?<=[.!?])\s", clean(ip.item.risks[0]))[0].rstrip(".!?")
    waits = [w for w in ip.item.waits if wait_is_external(w) or w.kind == "blocked"]
    if waits:
        return wait_signal(waits[0], as_of, log)
    return None


def focus_item(plan: Plan) -> ItemPlan | None:
    """The item an options proposal is about: a decision first, else the worst open item."""
    open_items = [ip for ip in plan.items if ip.status != Status.DONE]
    if not open_items:
        return None
    with_decision = [ip for ip in open_items if ip.item.decisions]
    pool = with_decision or open_items
    return max(
        pool,
        key=lambda ip: (ip.status.severity, -(ip.item.deadline or dt.date.max).toordinal()),
    )


# keyword -> (upside, downside, cost, needs approval, keeps the deadline); for options named in the notes.
# Order matters: the first pattern that matches decides.
_OPTION_PROFILES: list[tuple[re.Pattern, tuple[str, str, str, bool, bool | None]]] = [
    (re.compile(r"month[- ]to[- ]month|monthly|rolling\s+(?:contract|licen[cs]e|term|basis|month)|short[- ]term|trial|pilot", re.I),
     ("it keeps us flexible, with nothing locked in if needs change",
      "the decision comes back each period and the terms can change",
      "a short commitment; easy to reverse", False, True)),
    (re.compile(r"\b(?:annual|yearly|year|12[- ]months?|multi[- ]year|long[- ]term)\b", re.I),
     ("it settles the question in one decision for the whole period",
      "it locks us in if needs change before the term ends",
      "a longer commitment; hard to reverse", True, True)),
    (re.compile(r"\b(?:delay|postpone|push(?:ed)? back|slip|reschedule|later|late|new date|extend)\b|"
                r"\bmove\s+(?:the\s+)?(?:launch|date|deadline|go-live|release|meeting|cut-over|kickoff|demo)\b|"
                r"\bmove\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+to\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next|later|q[1-4])", re.I),
     ("we deliver the full version with less pressure",
      "everyone who needs it waits longer",
      "the new date needs agreement", True, False)),
    (re.compile(r"\b(?:cut|drop|reduce|skip|trim|smaller|partial|without|only|cut-down|mvp)\b", re.I),
     ("the date holds", "less is delivered on the day", "a scope change that needs sign-off", True, True)),
    (re.compile(r"\b(?:hire|contractor|agency|outsource|freelancer?)\b", re.I),
     ("it adds capacity quickly", "it costs money and a new supplier needs briefing", "spend that needs approval", True, True)),
    (re.compile(r"\b(?:vendor|buy|pay|quote|switch|another supplier|migrat\w*)\b|[$€£]\s?\d", re.I),
     ("it solves the problem with money instead of our time", "it costs money, and a change of supplier or tool needs setting up",
      "spend that needs approval", True, True)),
    (re.compile(r"\b(?:escalate|manager|exec)\b", re.I),
     ("it puts authority behind the request", "it uses goodwill and can strain the relationship", "your time", True, None)),
    (re.compile(r"\b(?:cancel|stop|end|terminate)\b", re.I),
     ("it ends the cost and the effort", "we lose what it gave us", "notice terms to check", True, None)),
    (re.compile(r"\b(?:keep|stay|continue|renew|same|wait)\b", re.I),
     ("nothing changes and there is no switching effort", "any current problem stays", "the current cost continues", False, None)),
]

_COST_FACT = re.compile(
    r"[$€£]\s?\d[\d,.]*\s?[kKmM]?\b(?:\s?/\s?(?:day|hr|hour|h|week|wk|month|mo|yr|year)\b)?|\b\d[\d,.]*\s?(?:k|K|USD|EUR|GBP)\b|"
    r"\b(?:\d+|a|an|one|two|three|four|five|half a)\s+(?:more\s+)?(?:working\s+|business\s+|calendar\s+)?"
    r"(?:hours?|days?|weeks?|months?|sprints?)\b|~\s?[$€£]?\d[\d,.]*[kK]?",
    re.I,
)


def option_title(text: str) -> str:
    """A short name for an option from the notes: its first clause, capitalised."""
    t = short_title(re.sub(r"^(?:option\s*)?(?:[a-d1-4][).:]\s+)", "", clean(text), flags=re.I), 70)
    t = re.sub(r"^(?:just|simply|maybe|perhaps)\s+", "", t, flags=re.I)  # "just buy a bigger database"
    return t[:1].upper() + t[1:]


_DOWN_CUE = re.compile(
    r"\b(?:but|risk\w*|untested|short\s+notice|burnout|error-?prone|lose[sr]?|slow\w*|late|only|max|maximum|less|not|no|"
    r"without|unknown|expensive|harder|manual|downtime|disrupt\w*|lock(?:ed|s)?\s+in|weekend)\b",
    re.I,
)
_COST_WORD = re.compile(r"\b(?:costs?|price|fee|budget|extra\s+work|effort|licen[cs]e)\b|[$€£]\s?\d", re.I)


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
        if len(part) < 3 or _find_cost_only(part):
            continue
        (downs if raw.startswith("but ") or _DOWN_CUE.search(part) else ups).append(part)
    return ups, downs


def _find_cost_only(part: str) -> bool:
    """A clause that is only a cost or a time ('20 days at $900/day', 'weekend on-call cost ~$600')."""
    if _COST_WORD.search(part) and not re.search(r"\bbut\b", part):
        return True
    rest = _COST_FACT.sub("", part)
    return bool(_COST_FACT.search(part)) and len(re.findall(r"[a-z]{3,}", rest, re.I)) <= 2


def profile_for_named_option(text: str, label: str) -> OptionFacts:
    """Trade-offs for an option named in the notes: its own stated pros and cons, costs and times, the rest by kind."""
    for pattern, (up, down, cost, approval, keeps) in _OPTION_PROFILES:
        if pattern.search(text):
            break
    else:
        up, down, cost, approval, keeps = (
            "we do what the notes propose",
            "trade-offs are not in the notes; I will confirm them before acting",
            "to be confirmed",
            True,
            None,
        )
    quoted = list(dict.fromkeys(clean(m.group(0)) for m in _COST_FACT.finditer(text)))
    if quoted:
        cost = ", ".join(quoted) + ("; needs approval" if approval else "")
    ups, downs = stated_tradeoffs(text)
    if ups or downs:  # the notes' own pros and cons beat the generic ones for this kind of option
        up = "; ".join(ups) if ups else up
        down = "; ".join(downs) if downs else (f"it costs {', '.join(quoted)}" if quoted else down)
    return OptionFacts(
        label=label, title=option_title(text)[:120], summary=clean(text)[:300], upside=up, downside=down,
        cost=cost[:200], from_notes=True, needs_approval=approval, keeps_deadline=keeps,
    )


def pick_named_option(options: list[OptionFacts], has_deadline: bool, label: str = "the deadline") -> tuple[OptionFacts, str]:
    """Rank options from the notes: keeps the deadline, then within my authority, then a known cost."""
    def score(o: OptionFacts):
        keeps = 1 if o.keeps_deadline else 0
        known_cost = 0 if o.cost == "to be confirmed" else 1
        return (keeps if has_deadline else 0, 0 if o.needs_approval else 1, known_cost)

    best = max(options, key=score)  # max keeps the first of equals
    keepers = [o for o in options if o.keeps_deadline]
    if has_deadline and best.keeps_deadline and not best.needs_approval:
        why = f"it keeps {label} and I can do it without extra approval"
    elif has_deadline and best.keeps_deadline and len(keepers) == 1:
        why = f"it is the only option listed that keeps {label}"
    elif has_deadline and best.keeps_deadline:
        why = f"it keeps {label}, and its cost is stated in the notes" if best.cost != "to be confirmed" else f"it keeps {label}"
    elif not best.needs_approval:
        why = "it is the option I can reverse if it turns out wrong"
    else:
        why = "its trade-offs are the clearest of the options listed"
    return best, why


def _label_text(item: WorkItem, as_of: dt.date) -> tuple[str, str]:
    """('the board meeting', ' on Tue 1 Dec') for prose."""
    label = the(item.deadline_label) if item.deadline_label else the(short_title(item.title))
    when = f" on {fmt(item.deadline, as_of)}" if item.deadline else ""
    return label, when


def _wait_options(ip: ItemPlan, w: Wait, log: WorkLog) -> list[OptionFacts]:
    item, as_of = ip.item, log.as_of
    label, when = _label_text(item, as_of)
    who = w.on_whom or "them"
    obj = wait_object(w) or the(short_title(item.title))
    org = w.on_whom if is_org(w.on_whom, log) else person_org(w.on_whom, log)
    fb = next((f for f in ip.fallbacks), None)
    fb_when = fmt(fb.by, as_of) if fb else fmt(next_bday(as_of), as_of)
    alt_title = f"Go to another contact at {org}" if org else "Find another source"
    alt_summary = (
        f"ask for another contact at {org} who can provide {obj}, while still chasing {who}"
        if org else f"find someone else who can provide {obj}, while still chasing {who}"
    )
    return [
        OptionFacts(
            label="A",
            title=f"Keep chasing {who}",
            summary=f"chase {who} by email today and call on {fb_when}",
            upside="no change of plan and no extra cost",
            downside=f"if {who} stays silent, {label}{when} goes ahead without {obj}",
            cost="my time only: an email today and a call",
        ),
        OptionFacts(
            label="B",
            title=alt_title,
            summary=alt_summary,
            upside=f"stops {label} depending on one silent contact",
            downside=f"a new contact needs briefing and may still need {who} to sign off",
            cost="about half a day of my time",
        ),
        OptionFacts(
            label="C",
            title=f"Go ahead without {obj}",
            summary=f"go ahead with {label}{when} without {obj} and add {obj} when it arrives",
            upside=f"{label} keeps its date whatever {who} does",
            downside=f"{label} sees an incomplete version",
            cost="your approval; little extra work",
            needs_approval=True,
        ),
    ]


def _blocker_options(ip: ItemPlan, w: Wait, log: WorkLog) -> list[OptionFacts]:
    item, as_of = ip.item, log.as_of
    label, when = _label_text(item, as_of)
    obj = wait_object(w) or the(clean(w.what))
    who = w.on_whom or "whoever owns it"
    return [
        OptionFacts(
            label="A",
            title="Wait for the blocker to clear",
            summary=f"push {who} to clear {obj} and prepare everything else meanwhile",
            upside="no rework and no extra cost",
            downside=f"{label}{when} slips if the blocker stays",
            cost="my time only",
        ),
        OptionFacts(
            label="B",
            title="Work around the blocker",
            summary=f"deliver what does not need {obj} first and add the rest later",
            upside=f"most of the work reaches {label} on time",
            downside="a second delivery and some rework",
            cost="about a day of extra work",
        ),
        OptionFacts(
            label="C",
            title="Escalate the blocker",
            summary=f"you raise {obj} with {who}'s manager to get it cleared" if w.on_whom else f"you get {obj} cleared with the people who own it",
            upside="authority behind the request; fastest route if it works",
            downside="uses goodwill and your time",
            cost="your time",
            needs_approval=True,
        ),
    ]


def _missed_options(ip: ItemPlan, cs: CommitmentState, log: WorkLog) -> list[OptionFacts]:
    item, as_of = ip.item, log.as_of
    label, when = _label_text(item, as_of)
    thing = commitment_object(cs.what)
    opts = []
    if cs.new_date is not None:
        opts.append(OptionFacts(
            label="A", title="Deliver in full on the new date",
            summary=f"finish {thing} in full by {fmt(cs.new_date, as_of)}",
            upside="the complete work, still before the deadline" if item.deadline else "the complete work",
            downside="it is late against the promised date and leaves little slack",
            cost="my time until the new date",
        ))
    opts.append(OptionFacts(
        label="", title="Cut scope to keep the date",
        summary=f"deliver the essential part of {thing} today and the rest after {label}",
        upside=f"{label}{when} gets what it needs on time",
        downside="less is delivered on the day",
        cost="your approval of the smaller scope",
        needs_approval=True,
    ))
    opts.append(OptionFacts(
        label="", title="Move the date",
        summary=f"agree a later date for {thing}" + (f" and for {label}" if item.deadline_label else ""),
        upside="the full version with no rush",
        downside="everyone who needs it waits longer",
        cost="your approval and the agreement of the people waiting",
        needs_approval=True,
    ))
    return opts


def _decision_options(ip: ItemPlan, log: WorkLog) -> list[OptionFacts]:
    item, as_of = ip.item, log.as_of
    d = item.decisions[0]
    label, when = _label_text(item, as_of)
    q = clean(d.question).rstrip("?")
    return [
        OptionFacts(
            label="A", title="Decide now",
            summary=f"decide {q} now with what we know",
            upside=f"{label}{when} keeps its full time" if item.deadline else "the work moves today",
            downside="we commit before every fact is in",
            cost="a short call",
        ),
        OptionFacts(
            label="B", title="Get the missing facts first",
            summary="I collect the missing facts and bring one recommendation",
            upside="a better-informed decision",
            downside=f"less time before {label}" if item.deadline else "the work waits",
            cost="about a day of my time",
        ),
    ]


def _plain_options(ip: ItemPlan, log: WorkLog) -> list[OptionFacts]:
    item, as_of = ip.item, log.as_of
    label, when = _label_text(item, as_of)
    return [
        OptionFacts(
            label="A", title="Keep the current plan",
            summary=f"continue as planned towards {label}{when}",
            upside="no change, no extra cost", downside="no slack if something slips late",
            cost="my time only",
        ),
        OptionFacts(
            label="B", title="Build in slack now",
            summary="finish the riskiest part first to leave a buffer before the deadline",
            upside="a late surprise does not threaten the date", downside="other work waits a little",
            cost="re-ordering my week",
        ),
    ]


def _relabel(options: list[OptionFacts]) -> list[OptionFacts]:
    return [o.model_copy(update={"label": "ABCD"[i]}) for i, o in enumerate(options[:4])]


def recommend(options: list[OptionFacts], ip: ItemPlan, as_of: dt.date) -> tuple[str, str]:
    """Pick one option from the trade-offs: time left decides how much risk we can carry."""
    item = ip.item
    left = bdays_between(as_of, item.deadline) if item.deadline else None
    labels = [o.label for o in options]
    titles = {o.label: o.title.lower() for o in options}
    if any(o.from_notes for o in options):
        label = the(item.deadline_label) + " on its date" if item.deadline_label else "the deadline"
        pick, why = pick_named_option(options, item.deadline is not None, label)
        return pick.label, why
    if titles.get("A", "").startswith("keep chasing"):
        if left is not None and left <= 1:
            return "C", "there is no time left to depend on a reply; the date matters more than completeness"
        if left is None or left > CLOSE_BUSINESS_DAYS:
            return "A", "there is still time for a reply, so an extra contact is not worth the cost yet"
        return "B", "it protects the date without needing anyone's approval, for half a day of my time"
    if titles.get("A", "").startswith("wait for the blocker"):
        if left is not None and left <= 3:
            return "C", "the deadline is too close to wait, and only escalation clears a blocker quickly"
        return "B", "it keeps most of the work moving while the blocker is cleared"
    if titles.get("A", "").startswith("deliver in full"):
        return "A", "the new date still lands before the deadline, so nothing downstream moves"
    if titles.get("A", "").startswith("cut scope"):
        return "A", "the deadline cannot move without cost to everyone waiting; less on the day is the smaller loss"
    if titles.get("A", "").startswith("decide now"):
        if left is not None and left <= CLOSE_BUSINESS_DAYS:
            return "A", "the deadline is close and waiting for more facts costs time we do not have"
        return "B", "there is time to get the facts, and a wrong call costs more than a day"
    return labels[0], "it costs nothing extra and nothing today threatens the date"


_WHETHER_I = re.compile(r"^whether\s+(?:I|we)\s+(?:could\s+|can\s+|should\s+)?(?P<act>\S.+?)\??$", re.I)


def workaround_decision(ip: ItemPlan, waits: list[Wait], as_of: dt.date) -> Decision | None:
    """'Piet says a fix is in the next sprint' + 'whether I dedupe by hand (about 2 days)': wait, or work around.

    A workaround the writer offers while waiting on someone is a choice between two named options:
    keep waiting for them, or do the workaround.
    """
    if not waits or not ip.item.decisions:
        return None
    m = _WHETHER_I.match(clean(ip.item.decisions[0].question))
    if not m:
        return None
    w = waits[0]
    obj = wait_object(w) or "their part"
    when = f" (expected {fmt(w.expected_by, as_of)})" if w.expected_by else ""
    wait_text = f"wait for {obj} from {w.on_whom}{when}"
    return ip.item.decisions[0].model_copy(update={"options": [m.group("act"), wait_text]})


def workaround_tradeoffs(options: list[OptionFacts], w: Wait, item: WorkItem, as_of: dt.date) -> list[OptionFacts]:
    """Whether each side keeps the deadline: the workaround if its stated days fit, the wait if its date is before."""
    act, wait = options[0], options[1]
    left = bdays_between(as_of, item.deadline) if item.deadline else None
    days = re.search(r"\b(\d+)\s+(?:working\s+|business\s+)?days?\b", act.summary)
    act_keeps = None if left is None or not days else int(days.group(1)) <= left
    wait_keeps = None if not item.deadline else bool(w.expected_by and w.expected_by < item.deadline)
    wait = wait.model_copy(update={
        "upside": "no extra work on my side", "needs_approval": False, "keeps_deadline": wait_keeps,
        "downside": (f"the date depends on {w.on_whom}" + ("" if w.expected_by else ", who has given no date")),
        "cost": "my time only",
    })
    act = act.model_copy(update={
        "keeps_deadline": act_keeps, "needs_approval": False, "cost": act.cost.replace("; needs approval", ""),
        "upside": act.upside if act.upside != "we do what the notes propose" else f"no dependency on {w.on_whom}",
    })
    return [act, wait]


def decision_facts(plan: Plan) -> DecisionFacts | None:
    """Facts for an options proposal about the focus item (None when every item is done)."""
    ip = focus_item(plan)
    if ip is None:
        return None
    log, as_of, item = plan.log, plan.as_of, ip.item
    label, when = _label_text(item, as_of)
    ext_waits = [w for w in item.waits if wait_is_external(w) and w.kind != "blocked"]
    blockers = [w for w in item.waits if w.kind == "blocked"]
    missed = [cs for cs in ip.commitments if cs.state == "missed"]
    named = next((d for d in item.decisions if len(d.options) >= 2), None)
    workaround = None
    if named is None:
        listed = options_from_lines(log)
        if len(listed) >= 2:
            base = item.decisions[0] if item.decisions else Decision(question="which option to take?")
            named = base.model_copy(update={"options": listed})
        else:
            workaround = workaround_decision(ip, ext_waits, as_of)
            named = workaround
    who = "you"
    if named is not None:
        options = [profile_for_named_option(o, "ABCD"[i]) for i, o in enumerate(named.options[:4])]
        if workaround is not None:
            options = workaround_tradeoffs(options, ext_waits[0], item, as_of)
        question = clean(named.question)
        if named.who and not is_me(named.who):
            who = named.who
        if APPROVAL_STATEMENT.search(question):  # "Sam (VP Eng) has to approve any spend over $10k." names who, not what
            question = "which option to take?"
        situation = situation_sentence(ip, log) or opening_sentence(plan, ip)
        decide = f"we need to decide {decision_phrase(question)}"
        problem = f"{situation}; {decide}" if situation else decide
    elif missed:
        cs = missed[0]
        options = _relabel(_missed_options(ip, cs, log))
        question = f"how to recover {commitment_object(cs.what)}"
        problem = f"{clean(cs.what)} was due {fmt(cs.due, as_of)} and is missed" if cs.due else f"{clean(cs.what)} is late"
    elif ext_waits:
        w = ext_waits[0]
        options = _wait_options(ip, w, log)
        question = f"how to get {wait_object(w) or the(short_title(item.title))} in time"
        problem = wait_signal(w, as_of, log)
    elif blockers:
        w = blockers[0]
        options = _blocker_options(ip, w, log)
        question = f"how to get past the blocker on {strip_article(wait_object(w) or w.what)}"
        problem = wait_signal(w, as_of, log)
    elif item.decisions:
        d = item.decisions[0]
        options = _decision_options(ip, log)
        question = clean(d.question)
        if d.who and not is_me(d.who):
            who = d.who
        problem = f"We need to decide {decision_phrase(question)}"
    else:
        options = _plain_options(ip, log)
        question = f"whether to change the plan for {the(short_title(item.title))}"
        problem = f"{short_title(item.title)} is {ip.status.label}: {ip.reason}"
    problem = clean(problem)
    problem = problem[:1].upper() + problem[1:]
    stake_date, stake_label = item.deadline, item.deadline_label
    if stake_date is None:
        stake_date, stake_label = nearest_deadline(log)
        if stake_date is not None:
            label, when = (the(stake_label) if stake_label else "the deadline"), f" on {fmt(stake_date, as_of)}"
    if stake_date is not None:
        problem += f". It puts {label}{when} at stake."
    else:
        problem += "."
    rec, why = recommend(options, ip, as_of)
    rec_opt = next(o for o in options if o.label == rec)
    others = [o for o in options if o.label != rec]
    rationale = (
        f"{why}. With {rec}, {rec_opt.upside.rstrip('.')}; cost: {rec_opt.cost.rstrip('.')}. "
        + " ".join(f"With {o.label}, {o.downside.rstrip('.')}." for o in others)
    )
    decide_by = decision_by(item.decisions[0], item, as_of) if item.decisions else decide_by_date(as_of, stake_date)
    actions = [a for a in item.actions] or [a for other in plan.log.items for a in other.actions]
    actions_taken = [
        clean(a.text) + (f" ({fmt(a.on, as_of)})" if a.on else "") for a in actions if clean(a.text)
    ][:6] or actions_from_lines(log)[:6]
    will_do = []
    if ip.next_step:
        will_do.append(f"{ip.next_step.action} by {fmt(ip.next_step.due, as_of)}")
    for fb in ip.fallbacks[:2]:
        if fb.path != "escalate":
            will_do.append(f"if {fb.trigger} by {fmt(fb.by, as_of)}, I will {fb.action}")
    for o in options:
        if not o.needs_approval and len(will_do) < 4:
            will_do.append(f"option {o.label} ({lower_first(o.title)}) is within my authority")
    needs = [f"option {o.label} ({lower_first(o.title)}): {o.cost}" for o in options if o.needs_approval][:4]
    open_risks = [clean(r) for r in item.risks]
    for w in ext_waits[:1]:
        obj = wait_object(w)
        open_risks.append(
            f"if {w.on_whom} never answers, {obj or 'the answer'} will be missing for {label}"
            if obj else f"if {w.on_whom} never answers, {label} goes ahead without their input"
        )
    for text in risk_lines(log):
        if not any(text.lower()[:40] in r.lower() or r.lower()[:40] in text.lower() for r in open_risks):
            open_risks.append(text)
    for other in plan.items:
        if other is not ip and other.status.severity >= Status.AT_RISK.severity:
            open_risks.append(f"{short_title(other.item.title)}: {other.reason}")
    return DecisionFacts(
        item_title=item.title,
        question=question,
        problem=problem,
        who=who,
        deadline=stake_date,
        deadline_label=stake_label,
        options=options,
        recommended=rec,
        rationale=rationale,
        decide_by=decide_by,
        default_label=rec,
        actions_taken=actions_taken,
        will_do=will_do[:4],
        needs_approval=needs,
        open_risks=open_risks[:4],
    )
