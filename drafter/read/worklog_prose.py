"""Worklog prose: a first-person report's sentences read one by one (see :mod:`.worklog`): "I have
fixed ..." is done, "I am still working on ..." and "next time I would like to ..." are the writer's
commitments, "I expect upstream to fix it" a wait, "one of the main remaining problems" a risk;
explanation stays a note. Also the patterns the status-question sections share."""

from __future__ import annotations

import re

from ..models import Action, Commitment, Note, Outcome, Wait
from .outline import Node
from .people import is_me
from .regex_gate import gated
from .signals import DONE_RE, DONE_VERBS, OUTCOME_RE, PASSIVE_DONE_RE, RISK_RE, classify, is_question, sentences
from .signals import _risk_word_denied as risk_word_denied
from .status_words import IN_PROGRESS
from .topics import LogBuilder, leads_a_list
from .statements import story_aside

_RESOLVED = gated(r"\b(?:all is (?:well|good|fine)(?: now)?|all good now|(?:is|are|was|were|got) (?:now )?(?:resolved|solved|fixed|sorted(?: out)?)|"
                       r"works now|working now|no longer (?:stuck|blocked|an issue)|resolved now)\b", re.I)
_ONGOING = gated(r"^(?:.{0,300}?,\s*)?(?:i\s*(?:am|'m|’m|\s+m)\s+(?:still\s+|currently\s+|also\s+|now\s+)*(?P<v>working on|looking into|investigating|studying|merging|porting|fixing|writing|testing)\b|"
                      r"(?:i\s+)?(?:am\s+)?still (?P<v2>working on)\b|"
                      r"(?:(?:currently|now),?\s+)?i\s*(?:(?:have|'ve|’ve)\s+been|was)\s+(?:also\s+|still\s+)?(?:\w+ly\s+)?(?P<v3>working on|looking into|investigating|fixing|writing|testing)\b|"
                      # "Working on this week to make this functionality more stable": the writer's, subject left off
                      r"(?:(?:currently|now|still)\s+)?(?P<v4>working on)\s+(?:(?:it|this|that)\s+)?(?:(?:this|next) week|now|today)\s+to\b)", re.I)
# "I have started developing advanced search page": begun, not done; it goes on
_STARTED = gated(r"^i\s*(?:have\s+|'ve\s+|’ve\s+)(?:just\s+)?started\s+(?!running into|having|facing|getting errors)(?P<ing>[a-z]+ing)\b", re.I)  # not "Once ..., I started running into issues"
_AWAY = gated(r"^(?:.{0,40}?,\s*)?i\s*(?:am|'m|’m|will be|'ll be)\s+(?:away|out(?: of (?:the )?office)?|off|on (?:vacation|holiday|leave)|travel+ing)\b", re.I)
_WE_LL_SEE = re.compile(r"^(?:we|i)\s*(?:'ll|’ll| will)\s+see\b", re.I)
_TOLD_PAST = re.compile(r"^(?:(?:so|but|and|then|unfortunately),?\s+)?(?:this|that|it|the (?:\w+\s+){0,2}(?:attempt|idea|approach|plan))\s+(?:was|were|went|turned out)\b", re.I)
_NOW_WORDS = re.compile(r"\b(?:is|are|am|will|still|now|yet|currently|can'?t|cannot|remains?)\b", re.I)
_BASE = {"working on": "work on", "looking into": "look into", "investigating": "investigate", "studying": "study", "merging": "merge",
         "porting": "port", "fixing": "fix", "writing": "write", "testing": "test"}
_INTEND = gated(r"^(?:(?:however|so|but|also|and)\s*,?\s+)?(?:(?:next time|next quarter|next year|next month|in (?:the )?future|going forward),?\s+)?"
                     r"i(?:\s+(?:would like to|plan to|intend to|hope to|want to|aim to)|\s*['’]d like to|\s+'d like to)\s+(?:attempt to\s+|try to\s+)?(?P<what>\w.+)$", re.I)
_EXPECT = gated(r"\b(?:i|we)\s+expect\s+(?P<who>(?:the\s+)?[\w@.-]+(?:\s+[\w@.-]+)?)\s+to\s+(?:fix|resolve|address|merge|release|review|reply|respond)\b", re.I)
_DIFFICULT = gated(
    r"\b(?:remaining problems?|problems? to solve|cannot be done|can'?t be done|not (?:as )?easy|not (?:be )?easily|harder|difficult|time-consuming|"
    r"scarc\w*|shortage|struggl\w*|breaking of|is breaking|are breaking|errors? (?:is|are) (?:arising|occurring|popping up)|"
    r"(?:months?|weeks?|days?|years?|fall(?:ing|en)?|fell|is|are|was|were) behind|behind schedule|late on|catching up|unable to|couldn'?t|could not|crash(?:es|ing)?|fails?|failing|still (?:fails|failing|broken))\b",
    re.I,
)
_FIRST_PAST = gated(
    rf"^(?:[^,.]{{0,40}},\s+|(?:(?:\w+ly|then|so|also|now|(?:during |over |in )?(?:this|last|the past) (?:week|month|sprint))\s+){{1,3}})?(?:i|we)\s+(?:have\s+|had\s+|'ve\s+|’ve\s+)?(?:also\s+|then\s+|finally\s+|just\s+|eventually\s+|successfully\s+)*"
    rf"(?:{DONE_VERBS}|\w+ed|made|wrote|ran|got|did|built|found|took|began|led|read|met|spent|fixed|held|put|gave|brought|sent)\b",
    re.I,
)
_RESULT = gated(r"\b(?:have|has)\s+(?:\w+ly\s+)?(?:stood up|come forward|volunteered|offered|joined|grown|become)\b|\b(?:was|were)\s+(?:\w+ly\s+)?(?:brought|raised|proposed|reported)\b", re.I)
_NEXT_LEAD = gated(r"^(?:as (?:the|a|my) next steps?|as next steps?|next|then|next week|going forward|after that)\s*,?\s+(?:i|we)\s*(?:can|could|will|'ll|plan to|want to|would like to|need to|have to|am going to|are going to|shall)\s+(?P<what>\w.+)$", re.I)
_BEEN_DONE = gated(rf"\b(?:has|have) been\s+(?:\w+ly\s+)?(?:{DONE_VERBS}|documented|approved|merged|resolved)\b", re.I)
_NOW_DONE = gated(r"\b(?:is|are|can)\s+now\b|^now,?\s+\S.*\b(?:can|is|are)\b|\bis now current\b|\bare now current\b", re.I)
_META = gated(r"^(?:contact|links?|urls?|see also|references?|sponsors?|the link of my work|blog post)\b.*?:", re.I)


def _read_prose(b: LogBuilder, item, node: Node, mode) -> None:
    """A sentence of a first-person report under no status question (see the module doc)."""
    b.place(item, node)
    text = node.text
    if not text:
        return
    if node.kind == "heading":
        return
    parts = sentences(text)
    if mode is None and node.is_item and _highlights(b, node):
        mode = "done"  # "I am happy to report some highlights of my tenure so far:" + a list
    for k, sent in enumerate(parts):
        for j, s in enumerate(_clauses(sent.strip())):
            s = s.strip()
            if not s:
                continue
            if j > 0 and re.search(r"\bwill\b", s):
                _add(b, item, "intend", s, node.lines)  # "... and that work will continue into early 2023"
                continue
            kind = _prose_kind(b, s, node, mode, k == 0 and len(parts) == 1)
            if kind == "question" and k < len(parts) - 1:
                kind = "note"  # "Why, you ask? Well, this is a message we got ...": the writer answers it in the next breath
            _add(b, item, kind, s, node.lines)


def _clauses(sent: str) -> list[str]:
    """A sentence as the parts that read differently: "... and that work will continue" (a plan after what
    was done), "I plan to X, but this cannot be done as easily" (a plan and its difficulty), "This is
    because ...: for the -devel port I expect upstream to fix it" (the wait in the second part)."""
    out = []
    for part in _THEN_WILL.split(sent):
        m = re.search(r",\s+but\s+", part)
        if m and _INTEND.match(part[: m.start()]) and _DIFFICULT.search(part[m.end():]):
            out += [part[: m.start()], part[m.end():]]
            continue
        if ": " in part and _EXPECT.search(part.split(": ", 1)[1]) and not _EXPECT.search(part.split(": ", 1)[0]):
            out += [part.split(": ", 1)[1]]
            continue
        out.append(part)
    return out


_THEN_WILL = gated(r",?\s+and\s+(?=(?:that|this|the) (?:work|effort|project|port)\b[^.]{0,20}\bwill\b)", re.I)


def _highlights(b: LogBuilder, node: Node) -> bool:
    """Is ``node`` an item of a list introduced by a line that says it lists what was done?"""
    top = node
    while b.outline.parent(top) is not None and b.outline.parent(top).is_item:
        top = b.outline.parent(top)
    before = [n for n in b.outline.nodes[: top.index] if n.text and n.kind != "heading"]
    if not before or before[-1].is_item:
        prev = before[-1] if before else None
        while prev is not None and prev.is_item:
            i = before.index(prev)
            prev = before[i - 1] if i > 0 else None
        lead = prev
    else:
        lead = before[-1]
    return bool(lead is not None and lead.text.rstrip().endswith(":")
                and re.search(r"\b(?:highlights?|accomplish\w*|achiev\w*|done|completed|progress|report|checked (?:off|of)|ticked off)\b", lead.text, re.I))


def _prose_kind(b: LogBuilder, s: str, node: Node, mode, whole: bool) -> str:
    if _META.match(s) or re.match(r"^(?:thanks?|thank you|hello|hi)\b", s, re.I) or not re.search(r"[^\W_]", s):
        return "note"
    if re.match(r"^i\s+(?:hope|wish|think|believe|feel|am (?:glad|happy))\b", s, re.I):
        return "note"  # a hope or a feeling, not work
    if _WE_LL_SEE.match(s):
        return "note"  # "we'll see how that works out": no promise
    if _AWAY.match(s):
        return "risk"  # "I'm away this week, but will still be trying to ...": less time this week
    if _ONGOING.match(s) or _STARTED.match(s):
        return "ongoing"
    if re.match(rf"^(?:{DONE_VERBS})\b", s, re.I) and not is_question(s):
        return "done"  # "Implemented an encoder #4, ...": the writer's own report, its subject left off
    if _INTEND.match(s) or re.search(r"\b(?:coming (?:out )?soon|will be (?:released|published|available|out) soon)\b", s, re.I):
        return "intend"
    if _EXPECT.search(s):
        return "wait"
    if is_question(s):
        return "question"
    sig = classify(s, "done_item" if mode == "done" and node.is_item and whole else mode, b.people, checked=node.checked, first_person=b.first_person)
    if sig.kind == "wait" and not (re.search(r"\b(?:i|we|me|us|my|our)\b", s, re.I) and not re.search(r"\b(?:was|were) to wait\b", s, re.I)):
        sig.kind = "note"  # "The rationale ... was to wait for other operating systems": an explanation, nobody waits now
    if sig.kind in ("commitment", "wait", "decision", "question"):
        return sig.kind
    if _DIFFICULT.search(s) or (sig.kind == "risk"):
        if _TOLD_PAST.match(s) and not _NOW_WORDS.search(s):
            return "outcome"  # "This was a big struggle and unfortunately, it went down the drain.": what happened, no risk now
        if re.search(r"^(?:prior to|before|previously|when i started|at the start)\b", s, re.I):
            return "outcome"  # the state before the work: background, not a risk now
        if mode == "done" and not re.search(r"\b(?:still|remain\w*|scarc\w*|shortage|behind|late|is|are|cannot|can'?t)\b", s, re.I):
            return "note"  # "the IT personnel couldn't help either" in what I did: the story of the week, resolved after
        if not (_FIRST_PAST.match(s) and not re.search(r"\b(?:still|remaining|harder|cannot|can'?t)\b", s, re.I)):
            return "risk"
    if re.match(r"^(?:[^,.]{0,40},\s+)?(?:i|we)\s+(?:\w+\s+)?(?:observed|noticed|realized|realised|found|learned|learnt|saw|discovered|see)\b[^.]{0,40}?\bthat\b", s, re.I):
        return "outcome"  # "We observed in our previous results that ...": a finding
    if sig.kind == "done" and not node.is_item and not (re.search(r"\b(?:i|we)\b|\b(?:i|we)['’]", s, re.I) or _NOW_DONE.search(s) or PASSIVE_DONE_RE.search(s)):
        sig.kind = "note"  # "MONAI is an open source organization ... tested on ...": no one's action
    if IN_PROGRESS.search(s):
        return "note"  # "It is now very close to be merged, said by org admin": how far it is, not done
    if re.search(r"\b(?:was|were|got)\s+(?:\w+ly\s+)?(?:resolved|fixed|solved)\s+by\s+(?:\w+ly\s+)?\w+ing\b", s, re.I):
        return "done"  # "finally it was resolved by manually adding the width": a fix done, not a decision
    settled = re.search(r"\b(?:decided|agreed|concluded|voted|chose|settled on)\b", s, re.I)
    if settled and re.search(rf",\s+(?:so\s+)?(?:(?:as\s+)?the first step,?\s+)?i\s+(?:{DONE_VERBS})\b", s, re.I):
        settled = None  # "Then I decided that it's time to ..., so the first step, I published my library ...": the work done
    if not settled and (sig.kind == "done" or _FIRST_PAST.match(s) or _NOW_DONE.search(s) or PASSIVE_DONE_RE.search(s) or _BEEN_DONE.search(s)
                        or (DONE_RE.match(s) and re.match(r"^(?:i|we)\b", s, re.I))):
        if not re.search(r"\b(?:not|never|didn'?t|did not)\b\s+(?:\w+\s+)?(?:work|help|succeed)", s, re.I):
            return "done"
    if sig.kind == "outcome" or OUTCOME_RE.search(s) or _RESULT.search(s):
        return "outcome"
    if RISK_RE.search(s) and re.search(r"\b(?:might|may|could|risks?|concern\w*|worr\w+)\b", s, re.I) and not risk_word_denied(s):
        return "risk"
    return "note"


def _writer(b: LogBuilder, item) -> str:
    """Who "I" is in ``item``: the author of a quoted update ("X writes of ...:"), else the log's writer."""
    if item.owner and not is_me(item.owner):
        return item.owner
    return "I" if b.first_person else ""


_AUTHOR_I = [(re.compile(r"\bI\s+(?:have|'ve)\b"), "{} has"), (re.compile(r"\bI\s+am\b|\bI'm\b"), "{} is"),
             (re.compile(r"\bI\b(?!['’])"), "{}")]
_MY = re.compile(r"\bmy\b")  # "making my previous week's locale settings" in Jitesh's words: theirs


def _as_author(text: str, who: str) -> str:
    """A quoted author's "I" in their own name: "This week I have worked on X" (Ananyo Maiti's update)
    -> "This week Ananyo Maiti has worked on X"; the writer's own "I" stays."""
    if not who or who in ("I", "") or not re.search(r"\bI\b", text):
        return text
    first = who.split()[0]
    for rx, repl in _AUTHOR_I:
        text = rx.sub(lambda m: repl.format(first), text, count=1)
        if first in text:
            break
    return _MY.sub("their", text) if first in text and not re.search(r"\bI\b", text) else text


def _add(b: LogBuilder, item, kind: str, sent: str, lines: list[int]) -> None:
    text = sent.strip().rstrip(" :;,")
    if not text or kind == "none":
        return
    if story_aside(kind, text):
        return  # "Anyhow, back to the action!", "That's pretty peculiar.": the story's aside, placed, nothing to draft
    if leads_a_list(sent):
        return  # "Apart from this, following items have been checked of my list:": the list's lead, nothing itself
    lines = list(lines)
    if kind == "note":
        item.notes.append(text)
    elif kind == "done":
        item.actions.append(Action(text=_as_author(text, _writer(b, item)), actor=_writer(b, item), lines=lines))
    elif kind in ("ongoing", "intend"):
        m = _INTEND.match(text)
        what = m.group("what") if (kind == "intend" and m) else text
        if kind == "ongoing" and (st := _STARTED.match(text)) and not _ONGOING.match(text):
            what = f"continue {st.group('ing')}{text[st.end():]}".strip()  # "I have started developing X" -> "continue developing X"
        elif kind == "ongoing":
            om = _ONGOING.match(text)
            rest = text[om.end():] if om else text
            if om and om.group("v4"):
                what = rest.strip()  # "Working on this week to make it stable" -> "make it stable"
            else:
                verb = (om.group("v") or om.group("v3") or "work on") if om else ""
                what = f"{_BASE.get(verb.lower(), verb)}{rest}".strip()  # "I am still working on lang/gcc13-devel" -> "work on lang/gcc13-devel"
        what = re.sub(r"^(?:since|as|because|given that|now that)\b[^,]{0,120},\s*", "", what, flags=re.I)  # the reason before the plan
        what = what.rstrip(" .!")
        item.commitments.append(Commitment(what=what, owner=_writer(b, item), lines=lines))
    elif kind == "wait":
        text = re.sub(r"^(?:in|during|for|over|throughout|this|last|both)\b[^,]{0,30}\b(?:weeks?|days?|months?|sprint|quarter|today|yesterday)\s*,\s*", "", text, flags=re.I)
        text = text[:1].upper() + text[1:]  # "In both weeks, I had issues accessing ...": the wait is what follows
        text = re.split(r",\s+by (?:using|means of)\b", text)[0]  # "I expect upstream to fix the issue soon, by using a patch ... or ...": the wait
        m = _EXPECT.search(text)
        on = m.group("who") if m else None
        if on and on.lower().startswith("the "):
            on = on[4:]
        # "Still blocked on bug 369679": a blocker now; "a PR which was blocked by this PR": a dependency told
        blocked = re.search(r"\bblock(?:ed|s|ing)\b", text, re.I) and not re.search(r"\b(?:was|were|been)\s+blocked\b", text, re.I)
        kind = "blocked" if blocked else "waiting"
        item.waits.append(Wait(what=text, on_whom=on if on and b.people.known(on) else None, kind=kind, lines=lines))
    elif kind == "risk":
        item.risks.append(text)
        item.risk_notes.append(Note(text=text, lines=lines))
    elif kind == "outcome" and _TOLD_PAST.match(text) and item.actions and 0 <= min(lines) - max(item.actions[-1].lines) <= 1 \
            and len(item.actions[-1].text) + len(text) <= 300:
        last = item.actions[-1]  # "Then I started with an attempt to ... Google Sheet." + "This was a big struggle ...": how it went
        last.text = f"{last.text.rstrip()} {text}"
        last.lines = sorted({*last.lines, *lines})
    elif kind == "outcome":
        item.outcomes.append(Outcome(text=text, lines=lines))
    elif kind == "commitment" and _NEXT_LEAD.match(text) and b.first_person:
        what = _NEXT_LEAD.match(text).group("what").rstrip(" .!")  # "As the next step, I can focus on training the LDM ..."
        item.commitments.append(Commitment(what=what, owner="I", lines=lines))
    else:
        sig = classify(text, None, b.people, first_person=b.first_person)
        if sig.kind != kind and kind in ("question", "decision", "commitment"):
            sig.kind = kind
        b.add_signal(item, sig, lines)
