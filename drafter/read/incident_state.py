"""The state of an incident or a release the notes report: resolved, ongoing, over, delayed or
scheduled; whether the root cause is known; what happened and its impact. Every signal cites the
note lines it came from (:class:`~drafter.models.IncidentState`).

Read from the work log a reader made (its elements carry their lines) and the notes' headings, so
the offline and the LLM reader give the same state for the same log:

* resolved: a thing done or found that says the problem is over ("recovered itself in 20 minutes",
  "things went back to normal", "Hot fix deployed and live", "the credentials had been revoked",
  "this incident was resolved in 2 hours"), never a negated one ("it did not resolve the issue");
* ongoing: the notes say, in the present, that it goes on ("we are still investigating", "the
  site is still down", "not yet resolved"), and no line after it says it is over;
* root cause: unknown when the notes say so ("The root cause is still unknown", an open follow-up
  "Investigate root cause of ..."), known when a line names it ("caused by a DoS attack", "A bug
  in the GKE resource quota", "this is because our deployment ...");
* over: a post-mortem of an event ("RuCTF 2023 | Post-mortem") or a timeline that ends, with no
  word of it going on;
* delayed / scheduled: a release status whose date slipped ("had not been created due to this
  delay", "the schedule needed to be adjusted") or that is still ahead.
"""

from __future__ import annotations

import re

from ..models import IncidentSignal, IncidentState, WorkLog

_NEG = re.compile(r"\b(?:not|never|no|n't|failed to|without)\s+(?:\w+,?\s+){0,3}$", re.I)
_ADJECTIVE = re.compile(r"\b(?:a|an|the|new|another)\s*,?\s+$", re.I)  # "a new, fixed release": a kind of release, no fix
_RESOLVED = re.compile(
    r"\b(?:resolved|fixed|recover(?:ed|s)?(?: itself)?|self-heal\w*|(?:back|returns?|went back) to (?:normal|100\s?%)|restored|"
    r"mitigated|no longer appear\w*|revoked|deployed and live|(?:is|was|went) live|working (?:fine|again|correctly)|a noop|"
    r"blocked the (?:ip|address|attack\w*)|(?:immediately )?(?:our deployment )?was able to \w+ (?:\w+ )?again|"
    r"issue goes away|(?:problem|issue|outage|incident) (?:is|was) (?:over|closed)|correct(?:ed)? itself|"
    r"(?:is|was) published,? fixing|fix(?:es|ing)\s+v?\d+(?:\.\d+)+)\b",
    re.I,
)
_ONGOING = re.compile(
    r"\b(?:(?:is|are) still (?:down|unavailable|failing|degraded|investigating|affected|happening|ongoing)|"
    r"(?:we are|we're|team is|are) (?:still |currently )?(?:investigating|working on a fix|looking into)|"
    r"(?:incident|outage|investigation|issue) (?:is )?(?:still )?(?:ongoing|continues|in progress)|"
    r"not yet (?:resolved|fixed|restored|mitigated)|(?:is|are) (?:currently )?(?:down|unavailable|degraded)\b(?! for)|"
    r"continu(?:es|ing) to (?:fail|be down|affect)|we will (?:post|provide|share) (?:an? )?(?:update|more)|"
    r"(?:are|is) (?:still |currently )?monitoring)\b",
    re.I,
)
_CAUSE_UNKNOWN = re.compile(
    r"\b(?:(?:root )?cause (?:is|remains) (?:still )?(?:unknown|unclear|not (?:yet )?(?:known|understood|clear))|"
    r"(?:root )?cause (?:is )?(?:still )?(?:unknown|unclear|under investigation)|"
    r"(?:do not|don'?t|did not|didn'?t) (?:yet )?know (?:why|what caused|the (?:root )?cause)|"
    r"not sure (?:why|what caused)|investigate (?:the )?root cause)\b",
    re.I,
)
_CAUSE_KNOWN = re.compile(
    r"\b(?:caused by|(?:root )?cause (?:is|was) (?!unknown|unclear|not|still)|(?:was|is) (?:a|the) (?:bug|misconfiguration)|"
    r"a bug in|(?:had|has) a bug (?:where|that|which|in)|(?:this|it) (?:is|was) because|(?:problem|issue|outage|failure|error) (?:is|was) (?:caused|due)|"
    r"(?:is|was) caused by|(?:we )?(?:understood|found|determined|concluded) that .{0,60}\b(?:caused|because|due to))\b",
    re.I,
)
_IMPACT = re.compile(
    r"\b(?:unavailable|outages?|(?:was|were|went) down|failing|failed|fail(?:ed|ing)? to|could not|couldn'?t|unable|"
    r"stopped|affected|impacted (?:users|customers|services|sites?)|impact (?:was|on)|no (?:packages|data|users?|customers?)\b.{0,20}\b(?:compromised|affected|lost)|"
    r"not affected|(?:lasted|took) (?:about |approximately |~)?\d|0\s?%|users?\b.{0,30}\b(?:could|can)not|"
    r"compromised|exposed|leaked|no unauthori[sz]ed)\b",
    re.I,
)
_POSTMORTEM_TITLE = re.compile(r"\b(?:post-?mortem|retrospective|lessons learn\w*|after action)\b", re.I)
_SCHEDULE = re.compile(r"\b(?:expected (?:to be \w+ )?(?:on|by|in|\w+ \d)|scheduled (?:for|on)|planned (?:for|on)|release schedule|"
                       r"(?:release|branch|freeze|slush|cycle)\b.{0,40}\b(?:expected|scheduled|planned))", re.I)
_DELAYED = re.compile(r"\b(?:delay(?:ed)?|slipp\w*|postponed|(?:schedule|date)s?\b.{0,40}\b(?:adjusted|changed|moved|revised|pushed)|"
                      r"had not been (?:created|released|cut|tagged|done|finished)|(?:is|are|was|were) behind)\b", re.I)
_IMPACT_LABEL = re.compile(r"^\W{0,2}impact\W{0,2}\s*:\s*\S|^as a (?:result|consequence)\b,?\s*\S", re.I)  # "As a result, a manual downgrade ... was needed"
# a field of a report's header: one to three words, a colon, a short value ("Duration: 4h 36m")
_FIELD = re.compile(r"^\W{0,2}[A-Za-z][\w/-]*(?:\s+[\w/-]+){0,2}\W{0,2}\s*:\s*\S.{0,60}$")
# a pointer ("Difference due to the commits can be viewed here") or a byline ("David Ellis david@iasql.com"):
# no account of what happened
_NOT_WHAT = re.compile(r"\b(?:can|could|may) be (?:viewed|found|seen|read|accessed)\b|^\W*(?:see|details|more info\w*)\b"
                       r"|^\W*(?:[A-Za-z][\w.'-]*\s+){0,3}<?[\w.+-]+@[\w-]+\.[\w.]+>?\W*$", re.I)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<t>.+?)\s*#*\s*$")


def _match(rx: re.Pattern, text: str) -> bool:
    """``rx`` in ``text``, not negated just before ("did not resolve", "not fixed")."""
    for m in rx.finditer(text):
        if not _NEG.search(text[: m.start()]) and not (m.group(0).lower() == "fixed" and _ADJECTIVE.search(text[: m.start()])):
            return True
    return False


def _elements(log: WorkLog, text_of: dict[int, str]):
    """(kind, text, lines) of every cited element, in the notes' order (``text_of``: line number -> text)."""
    out = []
    for item in log.items:
        out += [("done", a.text, a.lines) for a in item.actions]
        out += [("outcome", o.text, o.lines) for o in item.outcomes]
        out += [("risk", r.text, r.lines) for r in item.risk_notes]
        out += [("promise", c.what, c.lines) for c in item.commitments if c.state == "open"]

    def where(e) -> tuple[int, int]:  # the first line, then where in it ("On 31st July ..." before "Within a few hours ...")
        first = min(e[2])
        bare = re.sub(r"[`*_]", "", text_of.get(first, ""))  # "The new `availability_log` table ...": its words, not its markup
        at = bare.find(re.sub(r"[`*_]", "", e[1])[:25])
        return first, at if at >= 0 else 10**6

    return sorted((e for e in out if e[2]), key=where)


def top_titles(log: WorkLog):
    """(title, lines) of each heading or 'title:' line among the notes' first six lines, in order."""
    for ln in log.lines[:6]:
        m = _HEADING.match(ln.text) or re.match(r"^\s*title:\s*[\"']?(?P<t>.+?)[\"']?\s*$", ln.text)
        if m:
            yield m.group("t"), [ln.number]


def incident_title(log: WorkLog) -> tuple[str, list[int]]:
    return next(top_titles(log), ("", []))


def _stamped(text: str) -> bool:
    return bool(re.match(r"^\W{0,2}\d{1,2}:\d{2}\b", text))


def incident_state(log: WorkLog) -> IncidentState | None:
    """The incident's (or release's) state, or None when the notes hold no sign of one."""
    signals: list[IncidentSignal] = []

    def add(kind: str, text: str, lines: list[int]) -> None:
        if kind == "impact":
            text = re.sub(r"^\W{0,2}impact\W{0,2}\s*:\s*", "", text, flags=re.I) or text  # "Impact: ...": the label is the kind
            if re.fullmatch(r"\s*\([^()]{0,40}\)\W*", text):
                return  # "**<START OF OUTAGE>**" in the timeline: a marker, no impact said
        if kind == "what":
            text = re.sub(r"^\W{0,2}(?:description|summary|what happened)\W{0,2}\s*:\s*", "", text, flags=re.I) or text  # the field's value
        if not any(s.kind == kind and s.text == text.strip() for s in signals):
            signals.append(IncidentSignal(kind=kind, text=text.strip(), lines=list(lines)))

    text_of = {ln.number: ln.text for ln in log.lines}
    elements = _elements(log, text_of)

    def leads_list(lines: list[int]) -> bool:
        return len(lines) == 1 and text_of.get(lines[0], "").rstrip().endswith(":")
    for kind, text, lines in elements:
        if kind in ("done", "outcome") and _match(_RESOLVED, text):
            add("resolved", text, lines)
        if kind in ("done", "outcome", "risk") and _ONGOING.search(text):
            add("ongoing", text, lines)
        if _CAUSE_UNKNOWN.search(text):
            add("cause_unknown", text, lines)
        elif kind in ("done", "outcome") and _CAUSE_KNOWN.search(text):
            add("cause_known", text, lines)
        if kind in ("done", "outcome", "risk") and (_match(_IMPACT, text) or _IMPACT_LABEL.match(text)) and not _stamped(text) \
                and not leads_list(lines):  # "Three parts of the system failed:" over the list of them: says little alone
            add("impact", text, lines)
        if kind in ("done", "outcome", "risk") and _SCHEDULE.search(text):
            add("schedule", text, lines)
        if kind in ("outcome", "risk") and _DELAYED.search(text):
            add("delayed", text, lines)
    title, title_lines = incident_title(log)
    if title and _POSTMORTEM_TITLE.search(title):
        add("postmortem", title, title_lines)
    # what happened: the first thing done or found, not a labelled field of the report's header
    # ("Duration: 6:29pm to 11:05pm", "Severity: Critical"), which says something of it, not what it was
    told = [(t, ln) for k, t, ln in elements if k in ("outcome", "done") and not _stamped(t)]
    what = next((e for e in told if not _FIELD.match(e[0]) and not _NOT_WHAT.search(e[0])), told[0] if told else None)
    if what:
        add("what", what[0], what[1])

    def last(kind: str) -> int:
        return max((max(s.lines) for s in signals if s.kind == kind), default=0)

    timeline = [e for e in elements if e[0] == "done" and _stamped(e[1])]
    if last("ongoing") and last("ongoing") > last("resolved"):
        state = "ongoing"
    elif last("postmortem"):  # a post-mortem of an event looks back at it: over, whatever was fixed during it
        state = "over"
    elif last("resolved"):
        state = "resolved"
    elif last("delayed") and last("schedule"):
        state = "delayed"
    elif last("schedule"):
        state = "scheduled"
    elif last("postmortem") or (len(timeline) >= 2 and last("impact")):
        state = "over"
    else:
        return None
    cause = "unknown" if last("cause_unknown") else "known" if last("cause_known") else None
    lines = sorted({n for s in signals for n in s.lines})
    return IncidentState(state=state, cause=cause, signals=signals, lines=lines)
