"""Cues of one clause of a line: actions already taken, waits (no reply / waiting / blocked),
commitments (mine and other people's: owner, due, for whom, state), decisions and risks."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .lazy_re import lazy_re
from ..models import Action, Commitment, Decision, Wait, WorkItem
from .cues import (
    ASKED_BY, BLOCKED, CONTACT_VERBS, DECIDER, DECISION, DELEGATE, DUE, EXPERIENCE, GOES_TO, I_WILL,
    LEAD_IN, MISSED, NAME, NOT_BLOCKED, NO_REPLY, OWNER_TO, PROMISE, RESOLVED, RISK, THIRD_WILL, WAITING,
    WILL_DO_OBJECT, _DONE_PREFIX, _LABEL_PREFIX, _TEAM_WORDS_RE,
)
from .lines import _Line
from .names import _Names, _WHO_PATTERNS, _clean_name, _first_org, _first_person, _who_in
from .phrases import (
    _action_verb, _date_after, _first_date, _object, _options, _overlap, _past_date, _recurrence, _since,
    _strip_dates, _wait_what, _what, line_done_hint,
)
from .vocabulary import ACTION_VERBS, EVENT_WORDS, NOT_NAMES, STOP, _CONTACT_SET, _LOWER_CONTACT_STOP


PASSIVE_DONE = lazy_re(
    r"^(?P<obj>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,4}?)\s+(?:(?:was|were|got|have\s+been|has\s+been)\s+)?"
    r"(?P<verb>sent|delivered|shared|submitted|signed|shipped|paid|uploaded|published|handed\s+over)\s+(?P<rest>(?:to|today|yesterday|on|this|last)\b.*)$",
    re.I,
)


@dataclass
class _State:
    """Per-item scratch state while reading its lines in order."""

    last_who: str | None = None  # last person/org I contacted
    last_what: str | None = None  # what I asked them for
    last_when: dt.date | None = None
    first_contact: dict = field(default_factory=dict)  # who -> date of my first contact
    seen_notes: set = field(default_factory=set)
    label_only: str | None = None  # "before the audit": an outcome named without a date
    seen_resources: set = field(default_factory=set)
    open_commitments: dict = field(default_factory=dict)  # word -> open/missed commitments mentioning it
    deadline_cands: list = field(default_factory=list)
    done_marks: list = field(default_factory=list)
    todo_open: bool = False
    options: list = field(default_factory=list)  # (label, text)
    people: list = field(default_factory=list)
    orgs: list = field(default_factory=list)


_NEW_DATE = lazy_re(r"\bnew\s+(?:date|eta)\s*[:=]?\s*(?P<d>.+)$", re.I)
_NOT_RECEIVED = lazy_re(r"\bnot\s+(?:yet\s+)?(?:received|in|here|arrived|sent|delivered)\b|\bstill\s+(?:no|missing)\b", re.I)


_CONDITIONAL_WORD = lazy_re(r"\bif\b|\bunless\b|\bmaybe\b")
_NAME_VERB_START = lazy_re(r"^(?P<who>" + NAME + r")\s+(?P<verb>[a-z]+)\b")
_DONE_BY = lazy_re(
    r"\b(?:fixed|done|sent|resolved|shipped|handled|completed|approved|signed|merged|deployed)\s+by\s+(?P<who>" + NAME + r")"
)
_EXPLICIT_WAIT = lazy_re(r"\bwaiting\s+(?:on|for)\b|\bawaiting\b")
_GOT_IT = lazy_re(r"\bgot\s+(?:it|them)\b|\b(?:it|they)\s+(?:arrived|came\s+in)\b")

class _ClauseReader:
    """Cues of one clause (actions, waits, commitments, decisions, risks), mixed into the item builder."""

    as_of: dt.date
    names: _Names

    def _clause(self, w: WorkItem, st: _State, ln: _Line, clause: str, base: dt.date, owner: str | None,
                is_next: bool, is_option: bool) -> None:
        as_of = self.as_of
        low = clause.lower()
        me = owner or "I"
        conditional = bool(_CONDITIONAL_WORD.search(low))

        dm = DELEGATE.search(clause)
        if dm:
            name = _clean_name(dm.group("who") or dm.group("who2") or dm.group("who3") or "")
            if name:
                w.delegate_to = w.delegate_to or name
        rec = _recurrence(clause)
        if rec:
            w.recurring = True
            if not w.recurrence or not w.recurrence.lower().startswith(("every", "each")) and rec.lower().startswith(("every", "each")):
                w.recurrence = rec

        # actions already taken
        verb = _action_verb(clause)
        actor = me
        pas = None if verb else PASSIVE_DONE.match(clause)
        if pas and not re.match(r"(?:i|we|he|she|they|it)\b", pas.group("obj"), re.I) and not I_WILL.search(clause):
            # "test accounts sent to their PM Anika today": done by me, written object-first
            verb = pas.group("verb").lower()
            clause = f"{verb} {pas.group('obj')} {pas.group('rest')}".strip()
        nv = _NAME_VERB_START.match(clause)
        if not verb and nv and nv.group("verb") in ACTION_VERBS:
            nm = _clean_name(nv.group("who"))
            if nm:
                verb, actor = nv.group("verb"), nm
        pv = _DONE_BY.search(clause)
        if pv and _clean_name(pv.group("who")):
            actor = _clean_name(pv.group("who")) or actor
        if verb and not I_WILL.match(clause) and not conditional and not (verb in ("told", "promised") and PROMISE.search(clause)):
            when = ln.date if ln.date and not re.search(r"\(", clause) else (_past_date(clause, base) or ln.date)
            text = _strip_dates(clause, as_of)
            if actor == me and not pv:
                text = _DONE_PREFIX.sub("", text)
            w.actions.append(Action(text=text, on=when, actor=actor, line=ln.number))
            if actor == "I" and verb in _CONTACT_SET:
                who = _who_in(clause, self.names, _WHO_PATTERNS[3:5] + (
                    r"\b(?:to|with)\s+(?P<w>" + NAME + r")", r"\bleft\s+(?P<w>" + NAME + r")\s+a\b"))
                if who is None:
                    lc = re.search(CONTACT_VERBS + r"\s+(?P<w>[a-z]+)\b", clause)
                    if lc and lc.group("w") not in _LOWER_CONTACT_STOP:
                        who = _clean_name(lc.group("w"))
                st.last_who = who or st.last_who
                st.last_what = _object(clause, as_of) or st.last_what
                st.last_when = when or st.last_when
                if who and when:
                    st.first_contact.setdefault(who.lower(), when)
            if RESOLVED.search(clause) and not NO_REPLY.search(clause):
                self._resolve_waits(w, clause)

        # waits: no reply / blocked / waiting
        explicit_wait = bool(_EXPLICIT_WAIT.search(low))
        decision_like = bool(DECISION.search(clause)) and not explicit_wait
        if NO_REPLY.search(clause) and not conditional:
            who = _who_in(clause, self.names, _WHO_PATTERNS) or st.last_who or _first_person(w, self.names)
            what = st.last_what or _object(clause, as_of) or ""
            since = (st.first_contact.get(who.lower()) if who else None) or st.last_when or ln.date
            prev = _same_wait(w, who, "no_reply") if who else None
            if prev is not None:
                prev.since = prev.since or since
            else:
                w.waits.append(Wait(what=what, on_whom=who, kind="no_reply", since=since, line=ln.number))
        elif BLOCKED.search(clause) and not conditional and not NOT_BLOCKED.search(clause):
            who = _who_in(clause, self.names, _WHO_PATTERNS)
            w.waits.append(Wait(what=_what(clause, as_of), on_whom=who, kind="blocked",
                                since=_since(clause, base), line=ln.number))
        elif WAITING.search(clause) and not conditional and not EXPERIENCE.search(clause) and not re.match(
            r"\s*(?:i\s+|we\s+)?(?:havent|haven'?t|have\s+not)\b", low  # "havent sent" (mine, no one else's)
        ) and not _GOT_IT.search(low) and (  # "(got it Tue)"
            not decision_like or explicit_wait) and not (
            THIRD_WILL.search(clause) and not I_WILL.match(clause)
        ):
            who = _who_in(clause, self.names, _WHO_PATTERNS)
            if who is None and re.match(r"\s*(?:he|she|they)\b", low):
                who = st.last_who
            expected = _date_after(clause, base)
            said = re.search(r"\b(?:said|says)\s+(?:by\s+)?[\"“']?(?=(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|next|end\s+of|early|\d))", clause, re.I)
            if expected is None and (said or re.search(r"(?:she|he|they)(?:'d|\s+would|'ll|\s+will)", low)):
                expected = _first_date(clause[said.end():] if said else clause, base)
            since = _since(clause, base) or (
                (_past_date(clause, base) or (ln.date if ln.dated else None)) if re.search(r"\basked\b", low) else None
            )
            prev = _same_wait(w, who, "waiting") if who else None
            if prev is not None and prev.line != ln.number:
                prev.expected_by = prev.expected_by or expected
            elif prev is None:
                what = (st.last_what or "") if said and len(clause[: said.start()].split()) <= 2 else _wait_what(clause, as_of)
                w.waits.append(Wait(what=what, on_whom=who, kind="waiting", since=since,
                                    line=ln.number, expected_by=expected))

        # commitments: other people's, then mine
        tail = clause.split(": ", 1)[-1]
        ot = OWNER_TO.match(clause) or (OWNER_TO.match(tail) if tail != clause else None)
        tw = THIRD_WILL.search(clause)
        third = None
        if ot and not DECIDER.search(clause) and not re.match(r"(?:Need|Have|Want|Going|Plan|Try|Needs|Hard|Easy|Time)\b", ot.group("who")) and not (
            re.fullmatch(r"(?i:" + EVENT_WORDS + r")", ot.group("who"))  # "Demo to the sales team is Tue": an event, not an owner
        ):
            who = ot.group("who")
            third = "I" if who.lower() in ("me", "i") else _clean_name(who)
            if third:
                what = _what(ot.group("what"), as_of)
                if tail != clause and len(what.split()) <= 2:
                    what = f"{what} {_what(clause.split(': ', 1)[0], as_of)}"
                w.commitments.append(Commitment(what=what, owner=third,
                                                due=_first_date(ot.group("what"), base) or _first_date(clause, base), line=ln.number,
                                                state="done" if ln.checkbox == "x" else "open"))
        elif tw and not I_WILL.match(clause) and not DECIDER.search(clause) and not conditional:
            raw = tw.group("inner") or tw.group("who")
            if raw.lower() in ("she", "he", "they"):
                # "BrightApps told us Mon they will deliver ...": 'they' is who told us, on this line
                told = re.match(r"^\s*(?P<w>" + NAME + r")(?:\s*\([^)]*\))?\s+(?:told|said|says|wrote|confirmed|informed)\b", clause)
                who = (self._person(told.group("w")) if told else None) or st.last_who or (
                    w.waits[-1].on_whom if w.waits else None) or _first_person(w, self.names)
            else:
                who = _clean_name(raw)
            due = _first_date(tw.group("what"), base) or _first_date(clause, base)
            newd = self._of_line(ln, "new_date", lambda: _NEW_DATE.search(ln.body))
            if newd and _first_date(newd.group("d"), base):
                due = _first_date(newd.group("d"), base)  # "2 weeks late - new date 11 Dec"
            if who and who != "I" and (due or re.search(r"said|promised|agreed", clause)):
                third = who
                what = _what(tw.group("what"), as_of)
                # "deliver the iOS build 2 weeks late" -> "the iOS build"
                what = re.sub(r"\s+(?:\d+|a|one|two|three|a\s+few)\s+(?:days?|weeks?|months?)\s+late\b.*$|\s+late\b.*$", "", what)
                what = re.sub(r"^(?:deliver|send|ship|provide|give\s+us|get\s+us|hand\s+over)\s+", "", what, flags=re.I) or what
                w.commitments.append(Commitment(what=what, owner=who, due=due, line=ln.number))
                wt = _same_wait(w, who, "waiting") or _same_wait(w, who, "no_reply")
                if wt is None:
                    w.waits.append(Wait(what=what, on_whom=who, kind="waiting", line=ln.number, expected_by=due))
                else:
                    wt.expected_by = wt.expected_by or due

        pm = PROMISE.search(clause)
        iw = I_WILL.search(clause)
        giver = self._promiser(clause, pm) if pm and third is None else None
        if giver:
            # "printer (PrintCo) promised proofs Tue 1 Dec", "Kim also promised the Figma": their promise
            third = giver
            what = _what(re.sub(r"^(?:to\s+)", "", pm.group("what2") or pm.group("what") or pm.group("what3") or ""), as_of)
            what = re.split(r",\s*(?:not|still|no|but)\b", what)[0].strip()
            due = _first_date(clause[pm.start():], base)
            late = self._of_line(ln, "late", lambda: bool(_NOT_RECEIVED.search(ln.body)))
            state = "done" if self._of_line(ln, "done", lambda: line_done_hint(ln.body)) and not late else "open"
            w.commitments.append(Commitment(what=what or clause, owner=giver, due=due, line=ln.number, state=state))
            if state != "done" and _same_wait(w, giver, "waiting") is None:
                w.waits.append(Wait(what=what, on_whom=giver, kind="waiting", line=ln.number, expected_by=due))
        if pm and third is None:
            to = _clean_name(pm.group("to")) if pm.group("to") else None
            what = _what(pm.group("what") or pm.group("what2") or pm.group("what3") or "", as_of)
            what = re.sub(r"^(?:to|that|I'?d|I\s+would)\s+", "", what, flags=re.I)
            what = re.split(r",\s*(?:then|and\s+then|later)\b", what)[0].strip()
            moved = re.search(r"\b(?:moved|pushed|slipped|changed)\s+(?:it\s+)?to\s+(?P<d>.+)$", clause)
            team = re.match(r"^(?P<t>" + _TEAM_WORDS_RE + r")\s+(?P<rest>(?:the|a|an|our|my|some)\s+.+)$", what)
            if team:  # "promised marketing the new screenshots" -> "the new screenshots to marketing"
                what = f"{team.group('rest')} to {team.group('t')}"
            elif re.fullmatch(r"[A-Z][^\s,;:]*(?:\s+[A-Z][^\s,;:]*)?", what) and self._of_line(
                ln, "promised_lead", lambda: bool(LEAD_IN.match(ln.body[: ln.body.find("promised") + 1] + " x"))
            ):
                # "Training deck: promised to Raúl by Mon", "Churn analysis - promised to Sofia": the thing is the lead-in
                lead = self._of_line(ln, "lead", lambda: _what(LEAD_IN.match(ln.body).group("lead"), as_of))
                what = f"{lead} to {what}" if lead else what
            state = "missed" if MISSED.search(clause) else "open"
            due = _first_date(pm.group("what") or pm.group("what2") or pm.group("what3") or "", base) or _first_date(clause, base)
            if moved and _first_date(moved.group("d"), base):
                due = _first_date(moved.group("d"), base)  # "then moved to 1 Dec": the date now promised
            w.commitments.append(Commitment(what=what or clause, owner=me, due=due,
                                            for_whom=to, line=ln.number, state=state))
        elif iw and third is None and not conditional and not is_option:
            due = _first_date(iw.group("what"), base) or _first_date(clause, base)
            explicit = re.match(r"\s*(?:also\s+)?(?:i'?ll|i\s+will|i'm\s+going|i\s+am\s+going|we'll|we\s+will|need\s+(?:to|2)|i\s+need|i\s+have|i\s+must)", low)
            if due or explicit or is_next:
                what = _what(iw.group("what"), as_of)
                fw = re.search(r"\bto\s+(?P<w>" + NAME + r")\s*$", what)
                for_whom = _clean_name(fw.group("w")) if fw else None
                w.commitments.append(Commitment(what=what, owner=me, due=due, line=ln.number, for_whom=for_whom))
                if me != "I" and ln.speaker == me and _same_wait(w, me, "waiting") is None:
                    w.waits.append(Wait(what=what, on_whom=me, kind="waiting", line=ln.number, expected_by=due))
        elif is_next and third is None:
            w.commitments.append(Commitment(what=_what(clause, as_of), owner=me, due=_first_date(clause, base),
                                            line=ln.number))
        elif third is None and not conditional:
            ab = ASKED_BY.search(clause)
            dd = DUE.search(clause)
            gt = GOES_TO.search(clause)
            ab_who = ab.group("who") if ab else ""
            if gt and _first_date(clause[gt.end() :], base) and _clean_name(gt.group("to")):
                # "board pack goes to Lee on Fri 27 Nov": my delivery to Lee
                w.commitments.append(Commitment(what=_what(re.sub(r"^(?:note\s+to\s+self|nb|fyi)\s*:?\s*", "", gt.group("subj"), flags=re.I), as_of),
                                                owner=me, due=_first_date(clause[gt.end() :], base),
                                                for_whom=_clean_name(gt.group("to")), line=ln.number))
            elif ab and (ab_who.lower() in ("they", "she", "he") or _clean_name(ab_who)) and not WAITING.search(clause):
                due = _first_date(ab.group("what"), base)
                if due and due >= base:
                    for_whom = _clean_name(ab_who) if ab_who.lower() not in ("they", "she", "he") else self._of_line(ln, "first_org", lambda: next(
                        (n for n in ln.names if self.names.is_org(n)), None)) or _first_org(w, self.names)
                    w.commitments.append(Commitment(what=_what(ab.group("what"), as_of), owner=me, due=due,
                                                    for_whom=for_whom, line=ln.number))
            elif dd and not re.search(r"\bdeadline\b", low):
                due = _first_date(clause[dd.end() :], base)
                src = self._source(clause[: dd.start()])
                if due and src:
                    # "keynote slides from Dr. Weiss (due Mon 7 Dec)": their delivery, which I wait for
                    subj = self._received_thing(clause[: dd.start()], ln, as_of)
                    w.commitments.append(Commitment(what=subj, owner=src, due=due, line=ln.number))
                    if _same_wait(w, src, "waiting") is None and _same_wait(w, src, "no_reply") is None:
                        w.waits.append(Wait(what=subj, on_whom=src, kind="waiting", line=ln.number, expected_by=due))
                elif due:
                    subj = _what(re.split(r"[,;:]", clause[: dd.start()])[-1][-60:], as_of)
                    to = _clean_name(dd.group("to")) if dd.group("to") else None
                    if not subj:  # "Due to the controller by Tue": the thing the line above says will be done
                        prev = WILL_DO_OBJECT.search(self._previous_text(ln.number))
                        subj = _what(prev.group("o"), as_of) if prev else ""
                    w.commitments.append(Commitment(what=subj or "deliverable", owner=me, due=due, for_whom=to,
                                                    line=ln.number))
        if MISSED.search(clause):
            for c in reversed(w.commitments[-50:]):
                if c.state == "open" and (c.line == ln.number or _overlap(c.what, clause)):
                    if c.due is None or c.due < as_of:  # "missed two dates already" does not miss a future one
                        c.state = "missed"
                    break

        # decisions
        if decision_like and not is_option and not re.search(r"\bapproved\b", low):
            who = self._decider(clause)
            by = _first_date(clause, base) if re.search(r"\b(?:by|before)\b", low) else None
            question = _LABEL_PREFIX.sub("", _strip_dates(clause, as_of) if by else clause.strip())
            generic = re.match(r"\s*(?:(?:we\s+|i\s+)?need(?:s|ed)?\s+(?:a\s+)?(?:decision|sign-?off|approval)|decision\s+(?:needed|required))", low)
            if w.decisions and (w.decisions[-1].line == ln.number or not who and not by or generic and not _options(clause)):
                d = w.decisions[-1]
                d.options = d.options or _options(clause)
                d.who, d.by = d.who or who, d.by or by
            else:
                opts = list(self._of_line(ln, "options", lambda: _options(ln.body))) if self._of_line(ln, "colon", lambda: ":" in ln.body) else _options(clause)
                w.decisions.append(Decision(question=question, options=opts, who=who, line=ln.number, by=by))
        elif DECIDER.search(clause):
            who = self._decider(clause)
            by = _first_date(clause, base)
            if w.decisions:
                w.decisions[-1].who = w.decisions[-1].who or who
                w.decisions[-1].by = w.decisions[-1].by or by

        # risks
        if RISK.search(clause) or (MISSED.search(clause) and not w.commitments):
            if clause.strip() not in w.risks[-20:] and not is_option:
                w.risks.append(clause.strip())

    def _person(self, raw: str | None) -> str | None:
        """A named person or organisation other than me (None for 'I', pronouns, common words)."""
        name = _clean_name(raw) if raw else None
        if not name or name in NOT_NAMES or name.lower() in STOP:
            return None
        return name

    def _source(self, before: str) -> str | None:
        """Who a thing comes from: '... from Dr. Weiss (', '... (Prof. de Vries) was' -> the person."""
        for m in re.finditer(r"\((?P<w>" + NAME + r")\)", before):
            nm = self._person(m.group("w"))
            if nm and not self.names.is_org(nm):
                return nm
        m = re.search(r"\bfrom\s+(?:the\s+)?(?P<w>" + NAME + r")[\s(]*$", before) or re.search(r"\bfrom\s+(?:the\s+)?(?P<w>" + NAME + r")", before)
        return self._person(m.group("w")) if m else None

    def _received_thing(self, before: str, ln: _Line, as_of: dt.date) -> str:
        """'missing keynote slides from Dr. Weiss (' -> 'keynote slides'; 'the one from X' -> the line's lead-in."""
        subj = re.split(r"[,;:]", before)[-1]
        subj = re.sub(r"\s*\((?:[^()]*\)?)\s*", " ", subj)
        subj = re.sub(r"\b(?:from|by)\s+(?:the\s+)?" + NAME + r".*$", "", subj)
        subj = re.sub(r"^\s*(?:missing|still\s+missing|waiting\s+(?:on|for)|need)\s+", "", subj, flags=re.I)
        subj = re.sub(r"\s+(?:was|is|were|are)\s*$", "", subj.strip())
        subj = _what(subj, as_of)
        if not subj or re.fullmatch(r"(?:the\s+)?(?:last\s+|other\s+)?one", subj, re.I):
            lead = self._of_line(ln, "colon_lead", lambda: ln.body.split(":", 1)[0] if ":" in ln.body else "")
            subj = _what(lead, as_of) if lead and len(lead.split()) <= 5 else (subj or "deliverable")
        return subj

    def _promiser(self, clause: str, pm) -> str | None:
        """'printer (PrintCo) promised ...' -> 'PrintCo'; 'Kim also promised' -> 'Kim'; 'I promised' -> None."""
        before = clause[: pm.start()].strip()
        before = re.sub(r"\s+(?:also|already|had|has|have)$", "", before, flags=re.I)
        if not before or re.search(r"(?:^|\s)(?:I|I'?ve|we|we'?ve|me)$", before, re.I) or re.search(r"\b(?:I|we)\b", before):
            return None
        before = before.split(":")[-1].strip()
        m = re.search(r"\((?P<w>" + NAME + r")\)$", before) or re.search(r"(?P<w>" + NAME + r")$", before)
        if m:
            return self._person(m.group("w"))
        m = re.search(r"(?:^|\s)(?:the\s+)?(?P<w>[a-z]+)$", before)
        if m and m.group("w") not in STOP and len(before.split()) <= 3 and m.group("w") not in ("also", "and", "then"):
            return "the " + m.group("w")
        return None

    def _decider(self, text: str) -> str | None:
        m = DECIDER.search(text)
        if not m:
            return None
        if m.group("e"):
            return m.group("e")  # "the team leads"
        return _clean_name(m.group("a") or m.group("b") or m.group("c") or m.group("d") or "")

    def _resolve_waits(self, w: WorkItem, clause: str) -> None:
        low = clause.lower()
        w.waits = [x for x in w.waits if x.kind == "blocked" or not (x.on_whom is None or x.on_whom.lower() in low)]


def _same_wait(w: WorkItem, who: str, kind: str) -> Wait | None:
    for x in w.waits:
        if x.on_whom and x.on_whom.lower() == who.lower() and x.kind == kind:
            return x
    return None
