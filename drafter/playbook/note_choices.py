"""Choices the notes hold in their own words, and how a decision is worded from them.

- an "X or Y" / "X vs Y" question keeps its shared frame: "Can we piggyback off GCM or APSN for
  notifications?" offers "piggyback off GCM for notifications" and "piggyback off APSN for
  notifications", not "piggyback off GCM" and "APSN for notifications";
- "A vs B, is useful" is a distinction the notes judge, not a choice;
- "other options are to Y" under a line that names X: X or Y, under the heading they share;
- "instead of X, Y": Y (the proposal) or X (what it replaces);
- "I propose to X": a decision whether to X, with only that side in the notes unless they name another.

Nothing here invents an option: every option is a span of a note line.
"""

from __future__ import annotations

import re

from ..models import Decision, WorkLog
from .actions import is_action, is_verb
from .text import clean

_LEAD = re.compile(r"^(?:(?:should|shall|do|does|can|could|would|will)\s+(?:we|i|they|it)\s+|(?:which|whether)\s+(?:to\s+)?)", re.I)
_SPLIT = re.compile(r"\s+(?:or|vs\.?|versus)\s+", re.I)
# where the second alternative's head ends and the frame they share resumes ("APSN| for notifications")
_HEAD_END = re.compile(r"\s+(?=(?:for|to|in|on|with|at|by|from|of|as|before|after|when|so|because|than|instead|if)\b)|\s*[,;:]", re.I)
# a word that can open the shared frame right before the first alternative ("piggyback off| GCM")
_FRAME_JOINT = {"off", "with", "to", "on", "for", "in", "from", "of", "at", "by", "via", "using", "use", "adopt", "the", "a", "an"}
_VERBISH = {"go", "keep", "stay", "have", "take", "do", "get", "make", "let", "wait"}
_JUDGED = re.compile(r"^\s*,?\s*(?:is|are|was|were|seems?|looks?)\b", re.I)


def _verb(word: str) -> bool:
    return word.lower() in _VERBISH or is_verb(word)


def split_question(question: str) -> tuple[str, str, str, str, str] | None:
    """'Can we piggyback off GCM or APSN for notifications?' -> ('piggyback off', 'GCM', 'APSN', 'for notifications', lead)."""
    q = clean(question).rstrip("?.!").strip()
    lead_m = _LEAD.match(q)
    lead = lead_m.group(0) if lead_m else ""
    body = q[len(lead):]
    parts = _SPLIT.split(body)
    if len(parts) != 2:
        return None
    left, right = parts
    stop = _HEAD_END.search(right)
    head, suffix = (right[: stop.start()], right[stop.start():]) if stop else (right, "")
    return left.strip(), head.strip(), suffix.strip(), lead.strip(), body


def framed_options(question: str, options: list[str]) -> list[str] | None:
    """The two alternatives of an 'X or Y' question with the frame they share; ``options`` unchanged when
    the split already reads whole; None when the clause judges a distinction ('A vs B, is useful')."""
    if len(options) != 2:
        return options
    split = split_question(question)
    if split is None:
        return options
    left, head, suffix, _, _ = split
    if suffix and _JUDGED.match(suffix):
        return None  # "Process Version vs. Spec Version, is useful": a point made, not a choice
    lw, hw = left.split(), head.split()
    if not hw or not lw or _verb(hw[0]) or len(hw) > 3:
        return options  # "ship now or wait a week": two whole clauses
    if len(lw) > len(hw):
        joint = lw[-len(hw) - 1].lower()
        if joint not in _FRAME_JOINT and not (hw[0][:1].isupper() and lw[-len(hw)][:1].isupper()):
            return options
        prefix, first = " ".join(lw[: -len(hw)]), " ".join(lw[-len(hw):])
    else:
        prefix, first = "", left
    tail = (" " + suffix) if suffix and not suffix.startswith((",", ";", ":")) else ""
    a = f"{prefix} {first}{tail}".strip()
    b = f"{prefix} {head}{tail}".strip()
    return [a, b] if a.lower() != b.lower() else options


def choice_phrase(question: str) -> str | None:
    """The decision a question or an 'X vs Y' clause asks, as a phrase after 'on': 'whether we can piggyback ...'.
    None when the question is not of these shapes (the caller words it)."""
    q = clean(question).rstrip("?.!").strip()
    asked = re.match(r"^(?:[^.?!]{0,40}?\s[-–—:]\s*)?(?:an?\s+|the\s+)?(?:(?:outstanding|open|remaining|unresolved)\s+)?question\s+(?:of|about|on|is|as to)\s+(?P<w>(?:whether|how|which|what)\s+\S.*)$", q, re.I)
    if asked:  # "Final version - outstanding question of whether to expose API ...": what it asks
        return asked.group("w")
    m = re.match(r"^(?P<m>can|could|should|shall|will|would|do|does)\s+(?P<p>we|I|they|it)\s+(?P<rest>\S.*)$", q, re.I)
    if m:
        modal = m.group("m").lower()
        modal = "" if modal in ("do", "does") else f"{modal} "
        pron = m.group("p") if m.group("p") == "I" else m.group("p").lower()
        return f"whether {pron} {modal}{m.group('rest')}"
    p = re.match(r"^(?:I|we)\s+(?:would like to\s+)?propose\s+(?:to\s+|that\s+we\s+)?(?P<x>\S.*)$", q, re.I)
    if p:
        x = p.group("x")
        return f"whether to {x[:1].lower() + x[1:]}" if _verb(x.split()[0]) else f"on the proposal to {x}"
    if re.search(r"\s(?:vs\.?|versus)\s", q, re.I) and "?" not in question:
        split = split_question(q)
        if split is None:
            return None
        left, head, suffix, _, body = split
        words = body.split()
        if words and _verb(words[0]):
            return f"whether to {body[:1].lower()}{body[1:]}".replace(" vs. ", " or ").replace(" vs ", " or ").replace(" versus ", " or ")
        return f"on the choice between {left} and {head}{(' ' + suffix) if suffix and suffix[0].isalpha() else ''}"
    return None


def proposal(question: str) -> str | None:
    """'I propose to adopt the SMPTE names.' -> 'adopt the SMPTE names' (the side the notes give)."""
    m = re.match(r"^(?:I|we)\s+(?:would like to\s+)?propose\s+(?:to\s+|that\s+we\s+)?(?P<x>\S.*?)[.!]?$", clean(question), re.I)
    return m.group("x") if m else None


# --------------------------------------------------------------------------------------------
# Alternatives the notes spread over two lines, or state as "instead of"
# --------------------------------------------------------------------------------------------

_OTHER_OPTION = re.compile(
    r"^\s*(?:[-*•+]\s*)?(?:the\s+)?(?:other|another|an)\s+(?:options?|alternatives?)\s+(?:is|are|would be)\s+(?:to\s+)?(?:just\s+)?(?P<y>\S.+?)\.?\s*$",
    re.I,
)
_INSTEAD = re.compile(r"\binstead\s+of\s+(?P<x>[^,;.]{3,80}?)\s*,\s*(?P<y>[^;.]{3,120})", re.I)
# "[ ] Name variants: release-1, release-v1, dev-1" (rybak copy-commit-reference TODO): an open box only
_VARIANTS = re.compile(r"^\s*(?:[-*•+]\s*)?(?:\[[ ?]\]\s*)?(?P<label>[\w -]{0,30}?\b(?:variants|candidates))\s*:\s*(?P<body>\S.+)$", re.I)
# "approval to change database structure from having 2 different schemas (...) to just using one schema" (AnitaB GSoC week 7)
_CHANGE_FROM_TO = re.compile(
    r"\b(?P<verb>change|move|switch|migrate)\s+(?P<what>[\w ]{1,40}?)\s+from\s+(?P<a>\w+ing\b[^.;]{1,150}?)\s+to\s+(?:just\s+)?"
    r"(?P<b>\w+ing\b[^;]{1,200}?)\.?$", re.I)
# "However next time I would like to attempt to update the default version as soon as ..." after what is done
# "usually" ("FreeBSD usually awaits the release of the second minor version ...", FreeBSD GCC status 2022Q4)
_WOULD_LIKE = re.compile(r"\b(?:however|but|instead)\b[^.;]{0,30}?\b(?:I|we)\s+(?:would\s+like|want|propose|plan)\s+to\s+"
                         r"(?:attempt\s+to\s+|try\s+to\s+)?(?P<x>[a-z]\w*\b[^.;]*)", re.I)
_USUAL = re.compile(r"\b(?:usually|normally|traditionally|currently|always)\s+(?P<v>[a-z]+s)\b(?P<rest>[^.;]*)", re.I)


_BULLET = re.compile(r"^(?P<ind>\s*)(?:[-*•+]|\d+[.)])\s+(?P<t>\S.*)$")
_WILL_SEE = re.compile(r"^(?:[\w .'-]{1,40}?\s+)?(?:will|to)\s+(?:see|check|find out|look into)\s+(?:if|whether)\s+(?:we\s+can\s+)?(?P<x>\S.+)$", re.I)


def _indent(text: str) -> int:
    return len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip())


def _back(lines: list, i: int, ok, reach: int = 40):
    """The nearest non-blank line before ``lines[i]`` that is ``ok``, looking back at most ``reach`` lines."""
    for j in range(i - 1, max(-1, i - 1 - reach), -1):
        if lines[j].text.strip() and ok(lines[j]):
            return lines[j]
    return None


def _base(word: str) -> str | None:
    """'Making' -> 'make', 'Moving' -> 'move', 'Running' -> 'run' (a verb the playbook knows), else None."""
    w = word.lower()
    if not w.endswith("ing") or len(w) < 5:
        return None
    stem = w[:-3]
    for cand in (stem + "e", stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None):
        if cand and _verb(cand):
            return cand
    return None


def _heading_question(text: str) -> str | None:
    """A parent line as the decision: 'Making the agenda and notes public again.' -> 'how to make the agenda and notes public again'."""
    t = clean(re.sub(r"^\s*(?:[-*•+]|\d+[.)])\s+", "", text)).rstrip(".:")
    words = t.split()
    if not words:
        return None
    base = _base(words[0])
    if base:
        return f"how to {base} {' '.join(words[1:])}".strip()
    return None


def line_choices(log: WorkLog) -> list[Decision]:
    """Decisions the notes hold across lines: 'John will see if we can make dropbox paper readable by the world'
    then 'other options are to just post the notes somewhere public after the meeting' under 'Making the agenda
    and notes public again' (conda-forge minutes, 2018-06-26); 'instead of having two modes, have one with a
    checkbox' (OpenVDB TSC, 2021-03-02)."""
    lines = log.lines
    out: list[Decision] = []
    for i, line in enumerate(lines):
        m = _OTHER_OPTION.match(line.text)
        if m and i > 0:
            ind = _indent(line.text)
            prev = _back(lines, i, lambda p: _indent(p.text) == ind)
            parent = _back(lines, i, lambda p: _indent(p.text) < ind)
            if prev is None:
                continue
            a = clean(_BULLET.sub(lambda b: b.group("t"), prev.text))
            see = _WILL_SEE.match(a)
            first = see.group("x") if see else a
            question = _heading_question(parent.text) if parent is not None else None
            out.append(Decision(question=question or "", options=[first.rstrip("."), m.group("y").rstrip(".")],
                                positions=[a] if see else [],
                                lines=[x.number for x in (parent, prev, line) if x is not None]))
            continue
        v = _VARIANTS.match(line.text)
        if v:
            from .alternatives import split_alternatives

            parts = split_alternatives(v.group("body").rstrip("."))
            if 2 <= len(parts) <= 4 and all(len(p.split()) <= 4 for p in parts):
                ind = _indent(line.text)
                parent = _back(lines, i, lambda p: _indent(p.text) < ind)
                out.append(Decision(question=f"which of the {v.group('label').strip().lower()} to take", options=parts,
                                    lines=[x.number for x in (parent, line) if x is not None]))
                continue
        c = _CHANGE_FROM_TO.search(line.text)
        if c:
            a, b = c.group("a").split(), c.group("b").split()
            a0, b0 = _base(a[0]), _base(b[0])
            if a0 and b0:  # both sides are things to do: "from having 2 different schemas ... to just using one schema"
                # a bracket here says what a side is, not what it is good for: left to the question
                opts = [re.sub(r"\s*\([^()]*\)", "", " ".join([side0, *side[1:]])).rstrip(".") for side0, side in ((b0, b), (a0, a))]
                out.append(Decision(question=f"whether to {c.group('verb').lower()} {c.group('what')} from {c.group('a')} to {c.group('b').rstrip('.')}",
                                    options=opts, lines=[line.number]))
                continue
        w = _WOULD_LIKE.search(line.text)
        if w and i > 0:
            prev = _back(lines, i, lambda p: True)
            said = re.split(r"(?<=[.;])\s+", prev.text.strip())[-1] if prev is not None else ""
            u = _USUAL.search(said)
            x = clean(w.group("x")).rstrip(".")
            if u and _verb(x.split()[0]):  # "FreeBSD usually awaits ... However next time I would like to attempt to update ..."
                usual = clean(said[: u.end()].split(", ")[-1])  # "FreeBSD usually awaits ...": what is done now, as said
                out.append(Decision(question=f"whether to {x}", options=[x, usual.rstrip(".")], lines=[prev.number, line.number]))
                continue
        for s in re.split(r"(?<=[.;])\s+", line.text):
            n = _INSTEAD.search(s)
            if not n:
                continue
            said, y = clean(n.group("x")), clean(n.group("y")).rstrip(".")
            x = re.sub(r"^having\b", "have", said, flags=re.I)  # "instead of having two modes" -> "have two modes"
            if not _verb(y.split()[0]) or not _verb(x.split()[0]):
                continue  # both sides read as something to do
            out.append(Decision(question=f"whether to {y} instead of {said}", options=[y, x], lines=[line.number]))
    return out


# --------------------------------------------------------------------------------------------
# Open questions that ask what to do
# --------------------------------------------------------------------------------------------

# "Should we ...?", "Can we ...?", "Do we need ...?", "How to handle ...?", "What should be the next step ...?"
_ASKS_WHAT_TO_DO = re.compile(
    r"^(?:(?:should|shall|can|could)\s+(?:we|they|i)\b|do\s+we\s+(?:need|want)\b|which\b|whether\b|"
    r"how\s+(?:to|do\s+we|should\s+we)\b|(?:what|where)\s+should\b|is\s+it\s+possible\s+to\b)",
    re.I,
)
# "Vercel: ending their OSS program, we might just move to paying?" (couchers dev, 2024-09-10)
_DECIDE_ON = re.compile(r"^decide\s+(?:on\s+)?(?P<what>(?:a|an|the)\s+[\w -]{2,30}?)\s*:\s*(?P<opts>[^,?:]+)", re.I)
_HEDGED = re.compile(r"\b(?:we|they)\s+(?:might|could|may)\s+(?:just\s+)?(?P<x>[a-z]\w*\b.*)$", re.I)
_ANSWER_AFTER = re.compile(r"^\s*(?:->|=>|→|no\b|yes\b|nope\b|agreed\b|done\b|decided\b)", re.I)
_TEMPLATE = re.compile(r"\b(?:anything\s+(?:blocking|folks|else)|anyone\s+else|any\s+other\s+business|questions\?|"
                       r"where\s+i.m\s+blocked|what\s+have\s+you|what\s+are\s+you\s+going)\b", re.I)


def _answered_in_line(q_text: str, by_number: dict[int, str], lines: list[int]) -> bool:
    """'Consider to deprecate exceptions? ... -> No, make them better instead' (Falco, 2023-10-05): answered on its line."""
    stem = clean(q_text).rstrip("?")[:40]
    for n in lines:
        text = clean(by_number.get(n, ""))
        at = text.find(stem)
        if at >= 0:
            rest = text[at + len(stem):]
            after = rest[rest.find("?") + 1:] if "?" in rest else ""
            if _ANSWER_AFTER.match(after):
                return True
    return False


def _strip_ask(q: str) -> str:
    """'Do we need to wrap tbb::foreach with new API' -> 'wrap tbb::foreach with new API'."""
    return re.sub(r"^(?:or\s+)?(?:(?:should|shall|can|could|do|would)\s+(?:we|they|i)\s+(?:need\s+to\s+|want\s+to\s+|just\s+)?)", "", q, flags=re.I).strip()


def question_decision(text: str) -> tuple[str, list[str]] | None:
    """(question, options) when an open question asks what to do; None for any other question."""
    q = clean(text)
    if not q.endswith("?") or _TEMPLATE.search(q) or len(q.split()) > 30 or q.count("?") > 1:
        return None
    body = q.rstrip("?").strip()
    pick = _DECIDE_ON.match(body)
    if pick:  # 'Decide on a name: "Blog"/"vertical scroll", how does it differ ...?' (JupyterGIS sync, 2026-06-02)
        opts = [o.strip(" \"'“”‘’") for o in re.split(r"\s*/\s*|\s+or\s+", pick.group("opts"))]
        what = re.sub(r"^(?:a|an|the)\s+", "", pick.group("what").strip(), flags=re.I)
        if 2 <= len(opts) <= 4 and all(o and len(o.split()) <= 4 for o in opts):
            return f"which {what} to take?", opts
        return None
    cond = re.match(r"^if\s+(?P<c>[^,]{2,60}),\s*(?P<rest>.+)$", body, re.I)
    if cond:  # "If no volunteers, we could just not have it, or ask someone to do it?" (ASWF TAC, 2026-04-01)
        parts = re.split(r",?\s+or\s+", cond.group("rest"))
        if len(parts) == 2:
            opts = [re.sub(r"^(?:we|they)\s+(?:could|can|might|should)\s+(?:just\s+)?", "", p, flags=re.I).strip() for p in parts]
            return f"what to do if {cond.group('c')}?", opts
        return None
    if _ASKS_WHAT_TO_DO.match(body):
        parts = re.split(r",?\s+or\s+", _strip_ask(body))
        opts = framed_options(q, [p for p in parts]) if len(parts) == 2 else []
        return q, (opts or []) if len(parts) == 2 and all(len(p.split()) <= 12 for p in parts) else []
    h = _HEDGED.search(body)
    if h and _verb(h.group("x").split()[0]):
        return f"whether to {h.group('x')}?", []
    words = body.split()
    second = words[1].lower() if len(words) > 1 else ""
    statement = re.fullmatch(r"is|are|was|were|has|have|does|will|can|gets|got", second) or (second.endswith("s") and _verb(second[:-1]))
    adverb = re.match(r"^[A-Z]\w+ly\s+[a-z]+\b", body)  # "Systematically cordon and cull nodes older than 3-5 days?" (mybinder)
    if words and words[0][:1].isupper() and not statement and words[0].lower() not in ("decide", "clarify", "consider", "discuss") \
            and (adverb or (_verb(words[0]) and is_action(body))):
        return f"whether to {body[:1].lower()}{body[1:]}?", []
    return None


def _undecided_box(q, by_number: dict[int, str]) -> tuple[str, list[str]] | None:
    """'[?] Player dies if on a square that is in the incoming level' (LD51 backlog): a box marked undecided."""
    if any(re.match(r"^\s*(?:[-*•+]\s*)?\[\?\]", by_number.get(n, "")) for n in q.lines):
        t = clean(q.text).rstrip("?.")
        return f"whether {t[:1].lower()}{t[1:]}?", []
    return None


_NUMBERED: list = [None, {}]  # the last log asked about and its lines by number (one map, many items)


def _numbered(log: WorkLog) -> dict[int, str]:
    if _NUMBERED[0] is not log:
        _NUMBERED[:] = [log, {ln.number: ln.text for ln in log.lines}]
    return _NUMBERED[1]


def question_decisions(item, log: WorkLog) -> list[Decision]:
    """The item's open questions that ask what to do, as decisions with the alternatives they name;
    a question followed by 'Or ...?' on its line names the second ('Do we need to wrap tbb::foreach
    with new API? Or wait for C++20?', OpenVDB TSC, 2021-03-02)."""
    # a reply under a question does not settle it when the notes ask for a decision outright ('Decide on a name: ...')
    qs = [q for q in item.questions if not q.answered or _DECIDE_ON.match(clean(q.text))]
    out: list[Decision] = []
    if not qs:
        return out
    by_number = _numbered(log)
    for i, q in enumerate(qs):
        if re.match(r"^\s*or\b", q.text, re.I) or _answered_in_line(q.text, by_number, q.lines):
            continue
        got = question_decision(q.text) or _undecided_box(q, by_number)
        if got is None:
            continue
        question, opts = got
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        if not opts and nxt is not None and set(nxt.lines) & set(q.lines) and re.match(r"^\s*or\s+\w", nxt.text, re.I):
            second = _strip_ask(clean(nxt.text).rstrip("?"))
            first = _strip_ask(clean(q.text).rstrip("?"))
            if second and first and len(first.split()) <= 12 and _verb(first.split()[0]):
                opts = [first, re.sub(r"^or\s+", "", second, flags=re.I)]
                question = f"{clean(q.text).rstrip('?')} or {opts[1]}?"
        out.append(Decision(question=question, options=opts, who=None, lines=list(q.lines)))
    return out


# "Decide where to advertise", "Decide target audience" (Agora nomic wiki to-do list): an open task to decide
_DECIDE_TASK = re.compile(r"^decide\s+(?:(?P<if>if|whether)\s+(?P<q1>\S.+)|(?P<q2>(?:where|which|how|what|who|when|on)\b.+)|(?P<n>[a-z][\w -]{2,60}))$", re.I)


def _row_task(log: WorkLog | None, lines: list[int], text: str) -> str | None:
    """'| Recruitment | Advert | Decide target audience | ...' -> 'Advert': the cell before the task in its table row."""
    if log is None or not lines:
        return None
    row = _numbered(log).get(min(lines), "")
    if row.count("|") < 2:
        return None
    cells = [clean(c) for c in row.strip().strip("|").split("|")]
    at = next((i for i, c in enumerate(cells) if c.lower().startswith(text.lower()[:20])), None)
    before = [c for c in cells[:at] if c] if at else []
    task = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", before[-1]) if before else ""
    return task if task and len(task.split()) <= 3 and re.search(r"[A-Za-z]", task) else None


def decide_tasks(item, log: WorkLog | None = None) -> list[Decision]:
    """The item's open tasks that are decisions to take ('Decide where to advertise' -> 'where to advertise';
    'Decide target audience' in a row under the task 'Advert' -> 'target audience for the advert')."""
    out = []
    for c in item.commitments:
        if c.state not in ("open", "missed"):
            continue
        m = _DECIDE_TASK.match(clean(c.what).rstrip(".?!"))
        if not m:
            continue
        if m.group("q1"):
            q = f"whether {m.group('q1')}"
        elif m.group("q2"):
            q = re.sub(r"^on\s+", "", m.group("q2"), flags=re.I)
        else:
            q = m.group("n")  # a thing to decide on: 'target audience'
            task = _row_task(log, list(c.lines), clean(c.what))
            if task and task.lower() not in q.lower():
                q = f"{q} for the {task[:1].lower() + task[1:]}"
        out.append(Decision(question=q, who=None if c.owner in ("I", "we") else None, by=c.due, lines=list(c.lines)))
    return out


def wordable(question: str) -> bool:
    """The question can head a draft as a decision: a question or choice phrase ('whether ...', 'how to ...'), or
    a thing to decide on ('target audience for the advert'); not a statement quoted after 'on this point'."""
    from .commitments import decision_phrase
    from .text import embeddable

    if not clean(question):
        return False
    phrase = choice_phrase(question) or decision_phrase(question)
    if re.match(r"^(?:whether|how|what|which|who|when|where|if|between)\b", phrase, re.I):
        return True
    rest = re.sub(r"^on\s+", "", phrase)
    return phrase.startswith("on ") and not rest.startswith("this point") and bool(embeddable(rest))
