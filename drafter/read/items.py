"""One work item from its lines: the item builder reads each line's cues (owner prefixes, sections,
done marks, options, reasons) and each clause's (see :mod:`.clauses`), merges waits per party,
picks the deadline and the outcome, and titles the item."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from .lazy_re import lazy_re
from ..models import Action, Commitment, Decision, Wait, WorkItem
from .clauses import _ClauseReader, _State
from .cues import (
    DECISION, DELEGATE, NAME, NAME_COLON, NEXT_PREFIX, OFFER, OPTION_LINE, OWNER_TO, REASON_LINE, WORD,
    _LABEL_PREFIX,
)
from .deadlines import _deadlines
from .grouping import _Item
from .lines import _Line
from .names import _Names, _WHO_PATTERNS, _clean_name, _resources, _who_in
from .phrases import (
    _action_verb, _clauses, _dedupe, _first_date, _is_done, _label, _option_number, _option_text, _options,
    _past_date, _recurrence, _since, _strip_dates, _what, _with_subjects, _words, is_me_name,
)
from .titles import _title_with
from .vocabulary import EVENT_WORDS, _COMPLETION


def _on_line(xs: list, number: int) -> list:
    """Entries of ``xs`` (appended in line order) that came from line ``number``: scans from the end."""
    out = []
    for x in reversed(xs):
        if x.line == number:
            out.append(x)
        elif x.line is not None and x.line < number:
            break
    out.reverse()
    return out


_LABEL_ONLY = lazy_re(
    r"\b(?:needed\s+for|need(?:s|ed)?\s+(?:it|them|this)\s+(?:for|before)|required\s+for|in\s+time\s+for|before|ahead\s+of|ready\s+for)\s+"
    r"(?:the|our|their|my)\s+(?P<label>(?:[\w&'’-]+\s+){0,2}?(?:" + EVENT_WORDS + r")(?:\s+(?:" + EVENT_WORDS + r"))?)\b",
    re.I,
)


_PROPOSAL = lazy_re(r"\bquote\b|\bcould\b|\bcan\s+(?:do|build|deliver|ship|have)|\$\s?\d|\binstead\b|\balternative\b|\bcut-?down\b|\bfallback\b", re.I)


_CONDITIONAL = lazy_re(r"\bif\b.{0,80}\b(?:by|nothing|no\s+reply|not|isn'?t|doesn'?t)\b|\bmaybe\b|\bcould\s+ask\b|\bbackup\b|\bplan\s+b\b", re.I)


class _ItemBuilder(_ClauseReader):
    """Collects cues from an item's lines in order and produces a WorkItem."""

    def __init__(self, as_of: dt.date, names: _Names, lines: list[_Line] | None = None):
        self.as_of = as_of
        self.names = names
        self.texts = {ln.number: (ln.body or ln.raw or "") for ln in lines or []}
        self.numbers = sorted(self.texts)
        self.line_facts: dict = {}

    def _previous_text(self, number: int) -> str:
        """The text of the nearest non-blank line above ``number`` in the notes ('' if none)."""
        i = bisect.bisect_left(self.numbers, number)
        return self.texts[self.numbers[i - 1]] if i else ""

    def _of_line(self, ln: _Line, key: str, compute):
        """A fact of the whole line, computed once however many of its clauses ask (linear time)."""
        k = (ln.number, key)
        if k not in self.line_facts:
            self.line_facts[k] = compute()
        return self.line_facts[k]

    def build(self, item: _Item) -> WorkItem:
        as_of = self.as_of
        lines = sorted(item.lines, key=lambda ln: ln.number)
        w = WorkItem(title="", lines=[ln.number for ln in lines])
        st = _State()
        for ln in lines:
            self._collect(w, st, ln)
            if ln.kind in ("heading", "title", "subject"):
                text = ln.heading or ""
                self._heading_cues(w, text)
                _deadlines(text, ln.date or as_of, st.deadline_cands)
                continue
            if ln.kind in ("header", "speaker"):
                continue
            if ln.kind in ("section", "datehead"):
                continue
            if ln.kind in ("injection", "junk", "attendees"):
                w.notes.append(ln.body or ln.raw.strip())
                continue
            self._line(w, st, ln)
        self._finish(w, st, item, lines)
        return w

    def _collect(self, w: WorkItem, st: _State, ln: _Line) -> None:
        for nm in ln.names:
            (st.orgs if self.names.is_org(nm) else st.people).append(nm)
        text = ln.body if ln.kind not in ("heading", "title", "subject") else (ln.heading or "")
        for r in _resources(text or ""):
            if r not in st.seen_resources:
                st.seen_resources.add(r)
                w.resources.append(r)

    def _finish(self, w: WorkItem, st: _State, item: _Item, lines: list[_Line]) -> None:
        # options listed on their own lines ("Option 3: ...") attach to the item's decision
        if st.options:
            if not w.decisions:
                w.decisions.append(Decision(question="Which option should we take?", line=None))
            dec = w.decisions[0]
            highest = max((_option_number(lbl) for lbl, _ in st.options), default=0)
            if highest > len(st.options) + len(dec.options):
                option_lines = {n for _, n in st.options if isinstance(n, int)}
                for ln in lines:
                    if len(dec.options) + len(st.options) >= highest:
                        break
                    if ln.kind == "text" and ln.number not in option_lines and _PROPOSAL.search(ln.body) and not (
                        DECISION.search(ln.body)
                    ):
                        dec.options.append(_option_text(ln.body))
            labelled = [text for _, text in st.options]
            if len(labelled) >= 2 and highest <= len(labelled):
                dec.options = labelled  # explicit "Option A/B" lines win over free-text alternatives
            else:
                for text in labelled:
                    if text not in dec.options:
                        dec.options.append(text)
        w.waits = _merge_waits(w.waits, self.names.person_org)
        w.people = _dedupe([p for p in st.people if not self.names.is_org(p)])
        w.orgs = _dedupe([o for o in st.orgs if self.names.is_org(o)])
        if not st.deadline_cands and st.label_only:
            w.deadline_label = st.label_only
        if st.deadline_cands:
            future = [c for c in st.deadline_cands if c[1] >= self.as_of]
            pool = future or st.deadline_cands
            pool.sort(key=lambda c: (-c[0], c[1]))
            _, w.deadline, w.deadline_label = pool[0]
        open_things = list(w.waits) + [c for c in w.commitments if c.state == "open"] + list(w.decisions)
        if not open_things and not w.risks and not st.todo_open:
            if st.done_marks:
                w.done = True
            elif w.actions and all(_action_verb(a.text) in _COMPLETION for a in w.actions if a.actor == "I"):
                w.done = any(a.actor == "I" for a in w.actions)
        w.title = _title_with(self, item, w, lines)
        for x in w.waits:
            if not x.what:
                x.what = w.title
        if w.deadline_label and not w.outcome:
            label = w.deadline_label
            title_words = {x.lower() for x in WORD.findall(w.title)}
            label_words = {x.lower() for x in WORD.findall(label) if len(x) >= 4}
            if label_words and label_words <= title_words or " for the " in w.title or " before the " in w.title:
                w.outcome = w.title
            elif re.search(r"\b(?:ends|expires|runs out|lapses|closes|goes away|goes up)$", label):
                w.outcome = f"{w.title} before the {label}"
            else:
                w.outcome = f"{w.title} for the {label}"

    def _line(self, w: WorkItem, st: _State, ln: _Line) -> None:
        as_of = self.as_of
        body = ln.body
        base = ln.date or as_of
        owner = None
        nc = NAME_COLON.match(body)
        if nc:
            who = nc.group("name").lstrip("@")
            cleaned = _clean_name(who)
            if who.lower() in ("me", "i"):
                owner, body = "I", nc.group("rest")
            elif cleaned and (ln.section == "actions" or (cleaned in self.names.person_votes and not self.names.is_org(cleaned))):
                owner, body = cleaned, nc.group("rest")
        if owner is None and ln.speaker:
            owner = ln.speaker
        if ln.addressee and owner is None:  # "I'll check with you Thu" in a chat with Omar
            body = re.sub(r"\b(?:with|to|ask|tell|call|ping)\s+you\b", lambda m: m.group(0)[:-3] + ln.addressee, body)
        nxt = NEXT_PREFIX.match(body)
        if nxt:
            body = body[nxt.end() :]
        opt = OPTION_LINE.match(body)
        if opt:
            st.options.append((opt.group("label") or opt.group("label2") or "", opt.group("text").strip().rstrip(".")))
        line_done = ln.checkbox == "x" or ln.section == "done" or (_is_done(body) and not nxt)  # "Next: session Tue, agenda sent" is still ahead
        before = _count(w)
        n_commit_before = len(w.commitments)
        n_risks_before = len(w.risks)
        offer = OFFER.match(body)
        if offer and not w.decisions and owner is None:
            x = _what(offer.group("x"), as_of)
            cost = _strip_dates(offer.group("cost"), as_of).strip(" .")
            w.decisions.append(Decision(question=f"whether I {x} ({cost})", options=[], line=ln.number))
        why = REASON_LINE.match(body)
        if why and not ln.section:
            cause = (why.group("why") or why.group("why2") or "").strip().rstrip(".")
            if cause and cause not in w.risks[-20:]:
                w.risks.append(cause)
        for clause in _with_subjects(_clauses(body), as_of):
            self._clause(w, st, ln, clause, base, owner, bool(nxt), bool(opt))
        self._sections(w, ln, body, base, owner, line_done)
        new_waits = _on_line(w.waits, ln.number)
        since: list = []  # the line's own facts, looked up once however many waits it holds (linear)
        pronoun: list = []
        for x in new_waits:
            if x.since is None:
                if not since:
                    since.append(_since(body, base))
                x.since = since[0]
            if x.on_whom is None and ln.speaker and not is_me_name(ln.speaker):
                x.on_whom = ln.speaker  # "Omar: firewall rule still not opened" - Omar's to do
            if x.on_whom is None:
                x.on_whom = _who_in(body, self.names, _WHO_PATTERNS)
                if x.on_whom is None:
                    if not pronoun:
                        pronoun.append(bool(_PRONOUN.search(body)))
                    if pronoun[0]:
                        x.on_whom = st.last_who
        blocked = [x for x in new_waits if x.kind == "blocked"]
        if blocked and len(new_waits) > 1:
            merged = set()
            for x in new_waits:
                if x.kind != "blocked":
                    blocked[0].on_whom = blocked[0].on_whom or x.on_whom
                    blocked[0].expected_by = blocked[0].expected_by or x.expected_by
                    merged.add(id(x))
            if merged:
                w.waits = [x for x in w.waits if id(x) not in merged]
        if line_done:
            st.done_marks.append(ln.number)
            for c in w.commitments[n_commit_before:]:
                if c.owner == (owner or "I") or ln.checkbox == "x":
                    c.state = "done"
            if ln.checkbox == "x" and len(w.commitments) == n_commit_before:
                w.commitments.append(Commitment(what=_what(body, as_of), owner=owner or "I", line=ln.number,
                                                state="done"))
            self._resolve_commitments(st, body, ln.number)
            if not _on_line(w.actions, ln.number):
                pv = re.search(r"\bby\s+(?P<who>" + NAME + r")\s*(?:[✅✔.,;]|$)", body)
                actor = (_clean_name(pv.group("who")) if pv else None) or owner or "I"
                w.actions.append(Action(text=_what(body, as_of) or body, on=_past_date(body, base), actor=actor,
                                        line=ln.number))
            if len(w.risks) > n_risks_before and not re.search(r"\bat\s+risk\b|might\s+not|may\s+not|won'?t\s+make", body, re.I):
                del w.risks[n_risks_before:]  # "failed twice, fixed ✅" is history, not a live risk
        elif ln.checkbox == " ":
            st.todo_open = True
        for c in w.commitments[n_commit_before:]:
            if c.state != "done":
                for word in _words(c.what):
                    st.open_commitments.setdefault(word, []).append(c)
        _deadlines(body, base, st.deadline_cands)
        if not st.label_only:
            lm = _LABEL_ONLY.search(body)
            if lm:
                st.label_only = _label(lm.group("label"))
        if ln.section == "decided" or _count(w) == before or _CONDITIONAL.search(body):
            if body not in st.seen_notes:
                st.seen_notes.add(body)
                w.notes.append(body)

    def _sections(self, w: WorkItem, ln: _Line, body: str, base: dt.date, owner: str | None, line_done: bool) -> None:
        as_of = self.as_of
        sec = ln.section
        on_line = lambda xs: bool(_on_line(xs, ln.number))  # noqa: E731
        if sec == "waiting" and not on_line(w.waits):
            w.waits.append(Wait(what=_what(body, as_of), on_whom=_who_in(body, self.names, _WHO_PATTERNS),
                                kind="waiting", since=ln.date, line=ln.number))
        elif sec == "blocked" and not on_line(w.waits):
            w.waits.append(Wait(what=_what(body, as_of), on_whom=_who_in(body, self.names, _WHO_PATTERNS),
                                kind="blocked", since=ln.date, line=ln.number))
        elif sec == "decision" and not on_line(w.decisions):
            w.decisions.append(Decision(question=_LABEL_PREFIX.sub("", body).strip(), options=_options(body),
                                        line=ln.number, who=self._decider(body), by=_first_date(body, base)))
        elif sec == "risk" and body not in w.risks[-20:]:
            w.risks.append(body)
        elif sec == "recurring" and not w.recurring:
            w.recurring, w.recurrence = True, "recurring"
        if (ln.checkbox == " " or sec == "actions") and not line_done and not on_line(w.commitments):
            ow = owner
            m = OWNER_TO.match(body)
            if m:
                ow = "I" if m.group("who").lower() in ("me", "i") else _clean_name(m.group("who"))
            due = _first_date(body, base) or (ln.date if ln.date and ln.date >= as_of else None)
            w.commitments.append(Commitment(what=_what(m.group("what") if m else body, as_of), owner=ow or "I",
                                            due=due, line=ln.number))

    def _heading_cues(self, w: WorkItem, text: str) -> None:
        m = DELEGATE.search(text)
        if m:
            w.delegate_to = w.delegate_to or _clean_name(m.group("who") or m.group("who2") or m.group("who3") or "")
        rec = _recurrence(text)
        if rec:
            w.recurring, w.recurrence = True, w.recurrence or rec

    def _resolve_commitments(self, st: _State, body: str, number: int) -> None:
        """Open promises that a later completion line mentions ("sent Sam the budget ✅") are done."""
        for word in _words(body):
            bucket = st.open_commitments.get(word)
            if not bucket:
                continue
            for c in bucket:
                if c.state in ("open", "missed") and c.line != number:
                    c.state = "done"
            st.open_commitments[word] = [c for c in bucket if c.state in ("open", "missed")]


_PRONOUN = lazy_re(r"\b(?:he|she|they|him|her|them)\b", re.I)
_KIND_RANK = {"blocked": 3, "no_reply": 2, "waiting": 1}


def _merge_waits(waits: list[Wait], person_org: dict[str, str] | None = None) -> list[Wait]:
    """One wait per party: the strongest kind, the earliest 'since', the first expected date.

    A wait on an organisation and a wait on a person there ("proofs from PrintCo", "no answer from
    Ellie at PrintCo") are one party: the person is kept, as the one to chase.
    """
    orgs = {p.lower(): (o or "").lower() for p, o in (person_org or {}).items() if o}
    people = {(x.on_whom or "").lower() for x in waits}
    party_of = {}
    for p, o in orgs.items():
        if p in people and o in people:
            party_of[o] = p
    by_first: dict[str, list[str]] = {}
    for q in people:
        if q:
            by_first.setdefault(q.split()[0], []).append(q)
    for p in people:  # "Helen" and "Helen Park" are one person: the full name is kept
        full = [q for q in by_first.get(p, ()) if q != p] if " " not in p else []
        if p and len(full) == 1:
            party_of[p] = full[0]
    out: list[Wait] = []
    by_party: dict[str, Wait] = {}
    for x in sorted(waits, key=lambda x: (x.on_whom or "").lower() in party_of):
        party = party_of.get((x.on_whom or "").lower(), (x.on_whom or "").lower())
        key = party + ("#blocked" if x.kind == "blocked" else "")
        if not x.on_whom or key not in by_party:
            out.append(x)
            if x.on_whom:
                by_party[key] = x
            continue
        keep = by_party[key]
        if _KIND_RANK[x.kind] > _KIND_RANK[keep.kind]:
            keep.kind = x.kind
        keep.since = min(d for d in (keep.since, x.since) if d) if (keep.since or x.since) else None
        keep.expected_by = keep.expected_by or x.expected_by
        keep.what = keep.what or x.what
        if (x.on_whom or "").lower() == party and (keep.on_whom or "").lower() != party:
            keep.on_whom = x.on_whom  # the person (or full name) rather than the company (or first name)
    position = {id(x): i for i, x in enumerate(waits)}
    return sorted(out, key=lambda x: position[id(x)])


def _count(w: WorkItem) -> int:
    return (len(w.actions) + len(w.waits) + len(w.commitments) + len(w.decisions) + len(w.risks)
            + int(w.recurring) + int(bool(w.delegate_to)))
