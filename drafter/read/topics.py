"""The shared machinery of the genre readers: topics of the outline become work items.

A :class:`LogBuilder` holds the outline, the people and ``as_of``; a genre reader opens items
(:meth:`LogBuilder.item`) for its topics, places nodes in them and reads their clauses
(:meth:`LogBuilder.read_node`) with the section's mode. :meth:`LogBuilder.finish` returns the
:class:`~drafter.models.WorkLog`: lines never placed become ``unplaced``, so every non-blank line is
in exactly one item or in ``unplaced``.
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import find_dates, since_then, when_it_happened
from .section_modes import ATTENDANCE, PART_ENTRY
from .log_tidy import is_aside_question, tell_apart, one_each as _one_each, without_just, without_lead as _without_lead
from ..models import Action, Commitment, Decision, Note, Outcome, Question, SourceLine, Wait, WorkItem, WorkLog
from .outline import Node, Outline
from .people import People, is_me, quote_intro, weak_tag
from .signals import DECISION_LABEL, classify, is_question, labelled_outcome, mode_of, sentences, speaker_turns
from .statements import said_something, small_talk, story_aside
from .status_words import BLOCKED_BY, NO_DECISION
from .deciders import decider_in, initials as _initials
from .table_rows import read_row
from .anaphora import task_above
from .line_forms import _HOW_DONE, _REPORTS_WORK, _SAYS_ITSELF, leads_a_list, quoted_by  # noqa: F401  (re-exported)
from .positions import add_positions, answer_questions


def title_text(text: str, limit: int = 90) -> str:
    """A title from a topic's clean text: no trailing ':' or '?', no leading 'AGENDA TOPIC:'."""
    t = re.sub(r"^(?:agenda(?: topic| item)?|topic|item|re|fwd?|discussion|update)\s*(?::|\s[-–]\s)\s*", "", text.strip(), flags=re.I)
    if not re.fullmatch(r"(?:prs?|pull requests?|issues?|tickets?|bugs?)\s*#\d+", t.strip(), re.I):
        t = re.sub(r"\s*#\d+\s*$", "", t)  # "... #1291" issue refs left by a link ("PR #1011" keeps its number)
    t = re.sub(r"\b(?!(?:that|had|is)\b)([A-Za-z]{2,})\s+\1\b", r"\1", t, flags=re.I)  # "come back on on these": the notes' slip
    t = t.strip(" :-–—?.")
    if len(t) > limit:
        cut = t[:limit].rsplit(" ", 1)[0]
        t = cut.rstrip(" ,;:-–(")
    return t


_CONTEXT_LABEL = re.compile(
    r"^(?:attendees?|attending|present|participants?|in attendance|attendance|regrets|absent|apologies|guests?|"
    r"invitees?|facilitator|chair|note[- ]?takers?|scribe|moderator|host|date|time|location|where|when|"
    r"meeting link|zoom|call|dial[- ]in|recording|agenda doc|minutes by|sent|from|to|cc|subject)$",
    re.I,
)


class LogBuilder:
    def __init__(self, outline: Outline, people: People, as_of: dt.date, genre: str, first_person: bool):
        self.outline = outline
        self.people = people
        self.as_of = as_of
        self.genre = genre
        self.first_person = first_person
        self.items: list[WorkItem] = []
        self.placed: dict[int, WorkItem] = {}
        self.direction = "past" if genre in ("incident", "worklog") else "future"
        self._plain: dict[int, bool] = {}
        self.initials = _initials(people)
        self.said: dict[int, list[tuple[str, str, list[int]]]] = {}  # item -> what each speaker said

    # -- items and placement ------------------------------------------------------------

    def item(self, title: str, node: Node | None = None, owner: str | None = None) -> WorkItem:
        path = self.outline.heading_path(node) if node is not None else []
        heading = " > ".join(h.text for h in path if h.text) or None
        w = WorkItem(title=title_text(title) or "Notes", heading=heading, owner=owner)
        self.items.append(w)
        return w

    def place(self, item: WorkItem, node: Node) -> None:
        for n in node.lines:
            if n in self.placed:
                continue
            self.placed[n] = item
            item.lines.append(n)
        for u in node.urls:
            if u not in item.resources:
                item.resources.append(u)

    # -- reading clauses ------------------------------------------------------------------

    def section_mode(self, node: Node) -> str | None:
        """The mode of the innermost heading (or label heading) above ``node`` that names one."""
        if node.label and node.rest and _CONTEXT_LABEL.match(node.label):
            return "context"
        for k, h in enumerate(reversed(self.outline.heading_path(node))):
            if h.legend:
                return "context"  # the notes' legend of their entries' marks ("A.  Involves spec updates")
            m = mode_of(h.text)
            if m is None and h.kind == "heading" and h.text.rstrip().endswith("?"):
                return None  # "Who was your most awesome team member this week and why?" under "Current Status": its own question
            if m == "context" and k > 0 and not ATTENDANCE.match(h.text):
                continue  # "Agenda > Topic": the topic's own section is read ("Attended by > TSC voting members" is not)
            if m == "context" and re.match(r"agenda", h.text, re.I) and not self._plain_list(h):
                continue  # an agenda that holds the discussion (nested notes under each topic) is read
            if m and m != "context" and k > 0 and self._own_list(h):
                continue  # "## Open issues" over its own list, then "### protobuf Versioning": a topic of its own, not an open issue
            if m:
                return m
        # a parent list item labelled like a section ("Blockers:", "Today:")
        for a in self.outline.ancestors(node):
            if a.is_item and a.label and not a.rest:
                m = mode_of(a.label) or self._done_by(a.label)
                if m:
                    return m
            if a.is_item and a.children and not a.label and PART_ENTRY.fullmatch((a.text or "").strip(" :")):
                return mode_of(a.text)  # "- Take homes" > "- Encourage our sub-projects to create them": a part named without its colon
        return None

    def _done_by(self, label: str) -> str | None:
        """'Andreas addressed:' over its points: a person and a verb in the past tense say the points
        are that person's work done (ONNX SIG), not steps ahead."""
        from .standup import past_tense

        words = label.strip().split()
        if len(words) in (2, 3) and self.people.known(" ".join(words[:-1])) and past_tense(words[-1]):
            return "done"
        return None

    def _own_list(self, heading: Node) -> bool:
        """Does ``heading`` hold list entries of its own before its sub-headings? Its state word
        ("Open issues from recent meetings") then names that list, and a sub-heading after it is the
        notes' next topic (ONNX SIG: "### www.bestpractices.dev ###" and its discussion)."""
        return any(self.outline.nodes[i].is_item for i in heading.children)

    def read_node(self, item: WorkItem, node: Node, mode: str | None = None, speaker: str | None = None,
                  default_owner: str | None = None) -> None:
        """Place ``node`` in ``item`` and read its clauses into elements of ``item``."""
        before = len(item.commitments)
        self._read_node(item, node, mode, speaker, default_owner)
        if mode == "doing" and len(item.commitments) > before and self._working_on(node):
            for c in list(item.commitments[before:]):  # "What everyone is working on:" > "Sam: email verification (#1040)"
                if _SAYS_ITSELF.match(c.what) or re.search(r":\s*<?https?://\S+>?\s*$", node.raw or ""):
                    # ("jlab 4.0 roadmap (mentions codemirror 6): https://...": a pointer to a document, no work item)
                    # "Yjs now supports CodeMirror v6 ...", "This should make it easy to ...": news of it, no work item
                    item.commitments.remove(c)
                    item.notes.append(c.what)
                elif re.match(r"^(?:also\s+)?(?:need|needs)\s+to\s+\w", c.what, re.I):
                    c.what = re.sub(r"^(?:also\s+)?(?:need|needs)\s+to\s+", "", c.what, flags=re.I)  # "Also need to fix test failures"
                elif not _STEP_START.match(c.what):
                    c.what = f"work on {c.what[:1].lower() + c.what[1:] if c.what[1:2].islower() else c.what}"

    def _working_on(self, node: Node) -> bool:
        """Is ``node`` in a list that says what people are working on (its items name work, not steps)?"""
        return any(a.text and _WORKING_ON.search(a.text) and (a.kind == "heading" or (a.label and not a.rest))
                   for a in self.outline.ancestors(node))

    def _read_node(self, item: WorkItem, node: Node, mode: str | None, speaker: str | None,
                   default_owner: str | None) -> None:
        self.place(item, node)
        text = node.text
        if node.kind == "table_row":
            return read_row(self, item, node, mode, default_owner)
        if not text or node.kind in ("code", "comment", "directive", "front_matter", "rule"):
            return
        up = self.outline.parent(node)
        if up is not None and up.is_item and (up.text or "").rstrip().endswith("?") and node.is_item and not node.children \
                and re.fullmatch(r"(?:[\w.-]+/[\w.-]+\s*)?#\d+", text.strip()):
            item.notes.append(text)  # "Does anyone know what issues factored in ...?" > "[org/repo #1828](url)": a pointer for it
            return
        if (up is not None and up.kind == "checkbox" and up.checked and node.is_item and node.checked is None and not node.children
                and _HOW_DONE.match(text)):
            item.notes.append(text)  # "[x] Post link to the slides" > "Published in <url>.": how the ticked box was done, no task
            return
        if node.kind == "para" and node.urls and _LINK_PARA.fullmatch(" ".join((node.raw or "").split())):
            return  # "[Project board](https://...)" on a line of its own: where to look, no task
        above = None
        if not speaker and node.speaker and node.kind != "speaker":
            speaker = node.speaker  # "* [lee] I will file an issue": lee's
        if not (speaker or node.speaker):
            speaker = self._speaker_above(node)
            above = self._above_line if speaker else None
        if node.label and node.kind in ("para", "quote") and self.people.known(node.label):
            speaker = self.people.get(node.label).name
            text = node.rest or ""
        im = _INITIALS.match(text)
        if im and im.group(1) in self.initials:
            speaker, text = self.initials[im.group(1)], text[im.end() :]  # "RV - Could be difficult": Robert Vinluan
        turns = speaker_turns(text, self.people) if len(text) > 30 or ":" in text else [(None, text)]
        for t_i, (who, chunk) in enumerate(turns):
            who = who or speaker
            settled, grown = None, 0  # the outcome just read: plain sentences after it explain it
            parts = [chunk] if labelled_outcome(chunk) or DECISION_LABEL.match(chunk) else sentences(chunk)  # "Conclusion: a. b." is one outcome
            # a speaker's report of several sentences under "Action point follow-up" is what they said of the
            # action (tried, unsure, will drop it), read as speech: not each sentence a promise of theirs
            own = bool(who) and (who is not speaker or bool(node.label and self.people.known(node.label)))  # said on this line
            part_mode = None if mode == "doing" and own and len(parts) >= 2 and not self._working_on(node) else mode
            if mode == "done" and self.remark(node, who):
                part_mode = None  # "Matt: Mixed feelings about ..." under Matthias's report: a remark on it, not work done
            for k, sent in enumerate(parts):
                sig = classify(
                    sent,
                    "done_item" if part_mode == "done" and node.is_item and len(parts) == 1 else part_mode,
                    self.people,
                    speaker=who,
                    checked=node.checked,
                    owner_tags=[t for t in node.clean.owner_tags if not weak_tag(t, node.raw, node.text, self.people)] if node.clean and k == 0 else None,
                    first_person=self.first_person,
                    default_owner=default_owner,
                )
                cited = None
                if sig.kind == "commitment" and (up := task_above(self.outline, node, sig.text)):
                    sig.text, cited = up  # "Flesh out the V5 project plan ..." > "Randall will do this.": that task
                if sig.kind == "decision" and self._point_vs(node, sent):
                    sig.kind = "note"  # "Happening at runtime vs loading in the wasm execution time" among a topic's points
                if sig.kind == "question" and node.children:
                    # the lines nested under it answer it, unless they say it was left open ("Nothing decided")
                    sig.answered = not any(NO_DECISION.match(self.outline.nodes[c].text or "") for c in node.children)
                if sig.kind == "note" and k == 0 and self._answers(node) and not _TENTATIVE.search(sent) and not NO_DECISION.match(sent):
                    sig.kind = "outcome"  # a statement nested under a question is its answer ("If ..., we could ..." is an idea)
                if sig.kind == "question" and (any(not p.rstrip().endswith("?") for p in parts[k + 1 :]) or t_i < len(turns) - 1):
                    sig.answered = True  # a discussion goes on after it in the same paragraph: not left open
                if sig.kind == "note" and settled is not None and grown < 2 and len(settled.text) + len(sent) <= 220 and not is_question(sent):
                    settled.text = f"{settled.text.rstrip()} {sent}"  # "This will be a patch release. We patch 8.1 and 7.X."
                    grown += 1
                    continue
                n_out = len(item.outcomes)
                carries = sig.kind in ("done", "commitment", "outcome", "question") and bool(sig.owner) and bool(who) and sig.owner.split()[0] == who.split()[0]
                self.add_signal(item, sig, cited or (self._cite_speaker(node, who, above if who == speaker else None) if carries else node.lines), mode)
                settled, grown = (item.outcomes[-1], 0) if len(item.outcomes) > n_out else (None, 0)

    def remark(self, node: Node, who: str | None) -> bool:
        """Is ``node`` someone's remark on the item it is nested under (a speaker other than that item's own,
        or an answer to a question there), not an entry of the list itself?"""
        p = self.outline.parent(node)
        if p is None or not p.is_item or not node.is_item:
            return False
        owner = p.label if p.label and self.people.known(p.label) else None
        if owner and p.text.rstrip().endswith("?"):
            return True  # an answer to a question someone asked there ("Matt: What do we think this UI should look like?")
        if not who:
            return False
        return owner is not None and self.people.get(owner).name.split()[0] != who.split()[0]

    def _point_vs(self, node: Node, sent: str) -> bool:
        """Is ``sent`` a contrast made in a discussion ("A vs B" as one of a topic's nested points, with
        nothing under it), not a choice put to anyone (no question, no "decide", "should", "option")?"""
        p = self.outline.parent(node)
        return (self.genre == "minutes" and node.is_item and not node.children and p is not None and p.is_item
                and re.search(r"(?<![.\w])(?:vs\.?|versus)\s", sent, re.I) is not None and "?" not in sent
                and not re.search(r"\b(?:decid\w*|decision|choose|choice|pick|whether|should|option|alternative|propos\w*|tbd)\b", sent, re.I))

    def _answers(self, node: Node) -> bool:
        """Is ``node`` a reply nested under a question ("* Trishank: what if it fails?" > "* Kairo: retry")?"""
        p = self.outline.parent(node)
        if p is None or not p.is_item or not node.is_item or node.children or not p.text.rstrip().endswith("?"):
            return False
        # one or two replies in a sentence, not a list of points ("mesos client", "udig") or of positions
        return len(p.children) <= 2 and len((node.rest if node.label else node.text).split()) >= 5

    def _plain_list(self, heading: Node) -> bool:
        """Is the section under ``heading`` just a list of topics (no nested notes, short lines)?"""
        key = heading.index
        if key not in self._plain:
            kids = [n for n in self.outline.descendants(heading) if n.kind not in ("code", "comment", "directive", "rule")]
            self._plain[key] = all(n.kind != "heading" and n.depth <= 1 and len(n.text.split()) <= 14 for n in kids)
        return self._plain[key]

    def _cite_speaker(self, node: Node, who: str | None, above: int | None) -> list[int]:
        """The node's lines, and the line naming the speaker when the node itself does not ("RV - ..."
        under an attendee list naming Robert Vinluan; "* Matthias:" above the line)."""
        if not who or who.split()[0] in node.raw:
            return node.lines
        if above is None:
            p = self.people.get(who)
            above = p.lines[0] if p and p.lines else None
        return sorted({*node.lines, above}) if above else node.lines

    def _speaker_above(self, node: Node) -> str | None:
        """The speaker of the lines ``node`` is nested in ("* Matthias:" > "* Conclusion: ..."); the
        label's line is remembered so that what they said cites the line naming them."""
        self._above_line = None
        intro = quoted_by(self.outline, node)
        if intro is not None:  # "X writes of the Y project:" over the quote: X wrote it
            self._above_line = intro.line
            p = self.people.get(quote_intro(intro))
            return p.name if p else quote_intro(intro)
        p = self.outline.parent(node)
        while p is not None:
            if p.kind == "speaker":
                self._above_line = p.line
                return p.speaker
            if p.is_item and p.label and self.people.known(p.label) and not p.rest:
                self._above_line = p.line
                return self.people.get(p.label).name
            p = self.outline.parent(p)
        return None

    def add_signal(self, item: WorkItem, sig, lines: list[int], mode: str | None = None) -> None:
        text = sig.text.strip().rstrip(" :;,")
        text = _LEAD_CONJ.sub("", text).strip() or text  # "And therefore, work on improving it"
        if sig.kind == "none":
            return
        if not text or not re.search(r"[^\W_]", text):
            return  # "- ..." under "Goals:" in a template nobody filled in: placed, nothing to draft
        if sig.kind in ("note", "outcome", "done") and sig.text.rstrip().endswith(":") and (
                len(text.split()) <= 6 or leads_a_list(sig.text)) and not (sig.kind == "done" and _REPORTS_WORK.match(text)):
            # "So we should have:", "Apart from this, following items have been checked of my list:" over a
            # list: it introduces the list's lines, says nothing itself
            return
        if sig.kind == "commitment" and leads_a_list(sig.text):
            return  # "..., I have the following tasks on my roadmap:" over them: the list's lead, its entries are the tasks
        if sig.kind == "question" and is_aside_question(text):
            return  # "... so that I have a deadline? Because I operate on deadlines? Maybe?": an aside to the question
        if sig.kind in ("note", "risk") and small_talk(text) or story_aside(sig.kind, text):
            return  # "Ok, great, thanks for the update.", "Anyhow, back to the action!": the line is placed, nothing is drafted from it
        owner = self.canonical(sig.owner)
        sig.on_whom = self.canonical(sig.on_whom)
        if owner and is_me(owner):
            owner = "I"
        round_of = self._round_person(item)  # a round's "I" is its person's, whoever wrote the notes
        if owner in ("I", "we") and round_of:
            # "I'll be here" in @steff456's round of a team's standup: @steff456's; "We'll go through the
            # problem together" in Roger's round: Roger's, with the others
            owner = self.canonical(item.owner)
        elif owner in ("I", "we") and getattr(sig, "speaker", None) and (not self.first_person or self._other_speaker(sig.speaker)):
            # "I'll ..." / "We'll ..." said by a speaker in minutes: the speaker's; in my own log, a
            # reply under my entry ("Yangshun: I'll make a PR this weekend") is the replier's, not mine
            owner = self.canonical(sig.speaker)
        elif owner == "I" and not self.first_person:
            owner = ""
        due = self._date(_PAST_MEETING.sub(" ", text), "future")  # "(the previous meeting (2026-06-11))" is no due date
        said_by = round_of or (getattr(sig, "speaker", None) if not self.first_person else None)
        if (sig.kind in ("note", "risk") and said_by and (_FIRST_PERSON.search(text) or (not round_of and _WE.search(text)))
                and said_by.split()[0] not in text):
            text = f"{text.rstrip('.')} ({said_by})"  # "I'm not sure it is even worth it" in minutes: whose "I" it is
        if sig.kind in ("note", "risk") and self.genre == "worklog" and self.first_person and getattr(sig, "speaker", None) \
                and self._other_speaker(sig.speaker) and sig.speaker.split()[0] not in text:
            text = f"{self.canonical(sig.speaker)}: {text}"  # "Yangshun: This was done very fast" in my log: whose words they are
        if sig.kind == "done":
            on = self._date(text, "past")
            actor = owner or ("I" if self.first_person else "")
            item.actions.append(Action(text=text, actor=actor, on=on, lines=list(lines)))
        elif sig.kind == "commitment":
            text = _GOAL_LEAD.sub("", text, count=1) or text  # "For the upcoming week, I hope that we reach X": reach X
            text = without_just(text)  # "Just focus on ...": focus on
            if not owner:
                owner = "I" if self.first_person else ""
            item.commitments.append(Commitment(what=text, owner=owner, due=due, lines=list(lines)))
        elif sig.kind == "wait":
            kind = "blocked" if mode == "blocked" or re.search(r"\bblock", text, re.I) or BLOCKED_BY.search(text) else "waiting"
            if re.search(r"\bno (?:reply|response|answer)|hasn'?t (?:replied|responded)", text, re.I):
                kind = "no_reply"
            item.waits.append(Wait(what=text, on_whom=sig.on_whom, kind=kind, expected_by=due, lines=list(lines)))
        elif sig.kind == "outcome":
            item.outcomes.append(Outcome(text=text, who=owner if owner and owner != "I" else None, lines=list(lines),
                                         decided=mode == "decided"))
        elif sig.kind == "decision":
            item.decisions.append(Decision(question=text, options=sig.options, who=self._decider(text), by=due, lines=list(lines)))
        elif sig.kind == "question":
            item.questions.append(Question(text=text, asked_by=owner if owner and owner != "I" else None, answered=sig.answered, lines=list(lines)))
        elif sig.kind == "risk":
            item.risks.append(text)
            item.risk_notes.append(Note(text=text, lines=list(lines)))
        else:
            item.notes.append(text)
        if sig.kind in ("note", "risk", "outcome", "question") and getattr(sig, "speaker", None):
            self.said.setdefault(id(item), []).append((self.canonical(sig.speaker), text, list(lines)))

    def _other_speaker(self, speaker: str) -> bool:
        """Is ``speaker`` someone the notes name as a speaker, not their writer?"""
        p = self.people.get(speaker)
        return p is not None and not is_me(p.name) and p.evidence in ("speaker", "round", "attendee", "handle")

    def _round_person(self, item: WorkItem) -> str | None:
        """The person whose round of a team's standup ``item`` is (as the notes write them, no '@'), else None."""
        if self.genre == "standup" and item.owner and not is_me(item.owner) and self.people.known(item.owner.lstrip("@")):
            return item.owner.lstrip("@")
        return None

    def _decider(self, text: str) -> str | None:
        return decider_in(text, self.people)

    def canonical(self, names: str | None) -> str | None:
        """'Eric' -> 'Eric Huss' when the notes name him in full; several owners stay a list."""
        if not names:
            return names
        out = []
        for n in [x.strip() for x in names.split(",") if x.strip()]:
            p = self.people.get(n)
            out.append(p.name if p else n)
        return ", ".join(dict.fromkeys(out))

    def _date(self, text: str, direction: str):
        found = find_dates(text, self.as_of, direction)  # type: ignore[arg-type]
        if direction == "future":  # "First meeting yesterday": when it happened, never a date it is due
            found = [m for m in found if not when_it_happened(text, m)]
        else:
            found = [m for m in found if not since_then(text, m)]  # "added since the meeting on March 12th": not done that day
        return found[0].date if found else None

    # -- finishing --------------------------------------------------------------------------

    def finish(self) -> WorkLog:
        lines = self.outline.lines
        sources = [SourceLine(number=i + 1, text=t) for i, t in enumerate(lines) if t.strip()]
        items = []
        for w in self.items:
            if not w.lines:
                continue
            empty = not (w.actions or w.commitments or w.waits or w.decisions or w.outcomes or w.questions or w.risk_notes
                         or any(said_something(n) for n in w.notes))
            if empty:
                # a topic with nothing to report ("Introductions", "Attending", "None mentioned"): its
                # lines are context (unplaced), not an item the writer would call "on track"
                for n in w.lines:
                    self.placed.pop(n, None)
                continue
            items.append(w)
        persons = self.people.persons()
        by_line: dict[int, list[int]] = {}  # line -> the persons citing it (a scan of every person per item was quadratic)
        for i, p in enumerate(persons):
            for n in set(p.lines):
                by_line.setdefault(n, []).append(i)
        tell_apart(items, self.outline)
        for w in items:
            w.lines.sort()
            w.actions = _one_each(w.actions)  # the round and a lead's notes on it both say "Started organizing ...": once
            w.risks = [_without_lead(r) for r in w.risks]  # "Other than that, merging ... is holding us back": the risk itself
            for n in w.risk_notes:
                n.text = _without_lead(n.text)
            names = [persons[i].name for i in sorted({i for n in w.lines for i in by_line.get(n, ())})]
            w.people = names
            answer_questions(w)
            add_positions(w, self.said.get(id(w), []), self.outline.lines)
            if w.owner is None:
                owners = {c.owner for c in w.commitments if c.owner}
                if len(owners) == 1:
                    w.owner = owners.pop()
            # done: work was done and nothing is left open; a topic that only reports results or what was said is not "done"
            w.done = bool(w.actions) and not (w.commitments or w.waits or w.decisions)
        unplaced = [s for s in sources if s.number not in self.placed]
        log = WorkLog(
            as_of=self.as_of,
            items=items,
            people=self.people.persons(),
            lines=sources,
            unplaced=unplaced,
            genre=self.genre,
            first_person=self.first_person,
        )
        return log


# the date of an earlier meeting ("the notes from the previous meeting (2026-06-11)", "last week's call
# on May 3"): when that meeting was, never a date something is due
_PAST_MEETING = re.compile(
    r"\b(?:previous|last|prior|earlier|past)\s+(?:week'?s\s+|month'?s\s+)?(?:meeting|call|session|sync|standup|minutes)s?"
    r"\s*(?:\([^)]*\)|(?:on|of|from|held on)\s+[\w ,/.-]{1,30}?(?=[,;.)]|$))",
    re.I,
)
_LEAD_CONJ = re.compile(r"^(?:and|also|then|so|but|plus)\b,?\s*(?:therefore|then|also|so)?,?\s+", re.I)
# how a goal is introduced, before its verb: "For the upcoming week, I hope that we ...", "Next week I plan to ..."
_GOAL_LEAD = re.compile(r"^(?:(?:for|in|during|over)\s+(?:the\s+)?(?:upcoming|next|coming|following)\s+(?:week|sprint|month|days?)|"
                        r"(?:next|this)\s+(?:week|sprint|month))\s*,?\s*(?:(?:i|we)\s+(?:hope|plan|want|aim|intend|expect)\s+(?:that\s+)?"
                        r"(?:(?:i|we)\s+(?:will\s+|can\s+|could\s+|would\s+)?)?(?:to\s+)?)?(?=[a-z])", re.I)
_WE = re.compile(r"\b(?:we|we['’](?:re|ve|ll|d)|our|us)\b", re.I)  # a speaker's "we" in minutes: their side's (Chrome's, the team's)
_FIRST_PERSON = re.compile(r"\bI\b|\b(?:I['’](?:m|d|ve|ll))|\bmy\b|\bme\b")
_WORKING_ON = re.compile(r"\b(?:(?:is|are|'s|’s)\s+)?working on\b|\bwho'?s doing what\b", re.I)
# a clause that already says what its owner does: "will help Aapeli", "finish the docs", "working on X"
_STEP_START = re.compile(r"^(?:will|to|work|working|help|helping|finish|finishing|continue|continuing|review|reviewing|"
                         r"fix|fixing|write|writing|add|adding|test|testing|look|looking|set|setting|downgrade|move|moving|"
                         r"update|updating|investigate|investigating|implement|implementing|prepare|preparing|is|am|are|has|have)\b", re.I)
_LINK_PARA = re.compile(r"\s*\[[^\]\n]{1,60}\]\((?:[^()\s]|\([^)\s]*\))*\)\s*[.,;]?\s*")
_TENTATIVE = re.compile(r"^(?:if|maybe|perhaps|possibly)\b|\b(?:could|might)\b", re.I)
_INITIALS = re.compile(r"^([A-Z]{2,4})\s*[-–—:]\s+")


def place_rest(builder: LogBuilder, item: WorkItem, nodes: list[Node]) -> None:
    """Place nodes (code, directives, rules) without reading them: they stay in the item's lines."""
    for n in nodes:
        builder.place(item, n)


def place_links(builder: LogBuilder) -> None:
    """A line that holds only a link ("link:https://bugs.example.org/265948[...]", a bare URL) belongs to the
    item of the line above it: its URL is a resource of that item, not a line the reader failed to place."""
    last: WorkItem | None = None
    for n in builder.outline.nodes:
        item = next((builder.placed[x] for x in n.lines if x in builder.placed), None)
        if item is not None:
            last = item
            continue
        if last is not None and n.urls and not n.text and n.kind in ("para", "bullet", "numbered"):
            builder.place(last, n)
