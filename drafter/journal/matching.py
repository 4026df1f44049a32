"""Matching promises from earlier updates to the new notes, robust to rewording.

No embeddings: words are normalised (lower case, punctuation, stop-words and date words removed,
irregular past tenses mapped, simple suffixes stripped), then compared with a soft Dice overlap
(tokens equal, one a prefix of the other, or difflib-similar) blended with a difflib ratio on the
normalised text. Owner and due-date agreement adjust the score a little.

:func:`match_commitments` never guesses: when the two best targets score within ``margin`` of
each other (and point at different items or different promises), the result is ``ambiguous``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from ..models import WorkLog

THRESHOLD = 0.5  # lowest score that counts as the same promise
DONE_THRESHOLD = 0.6  # an action must match at least this well to count as "done"
MARGIN = 0.08  # two targets closer than this are ambiguous

STOP_WORDS = frozenset(
    """a an the and or but if then so to of for from in on at by with about as into onto over
    up down out off via per this that these those it its is are was were be been being am do does
    did done have has had will would shall should can could may might must i me my mine we us our
    you your he him his she her they them their who whom which what when where why how all any
    some more most other such no not only own same than too very just also still again please
    get got make made let lets need needs needed going go new next week weeks day days eod eow cob
    today tomorrow yesterday tonight morning afternoon evening noon end asap soon later""".split()
)
DATE_WORDS = frozenset(
    """mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday
    sun sunday jan january feb february mar march apr april may jun june jul july aug august sep
    sept september oct october nov november dec december""".split()
)
IRREGULAR = {
    "sent": "send", "wrote": "write", "written": "write", "gave": "give", "given": "give",
    "took": "take", "taken": "take", "met": "meet", "told": "tell", "paid": "pay", "bought": "buy",
    "brought": "bring", "built": "build", "ran": "run", "began": "begin", "begun": "begin",
    "spoke": "speak", "spoken": "speak", "found": "find", "kept": "keep", "left": "leave",
    "put": "put", "set": "set", "shipped": "ship", "emailed": "email", "mailed": "mail",
    "drafted": "draft", "filed": "file", "signed": "sign", "rang": "ring", "chose": "choose",
    "chosen": "choose", "fixed": "fix", "booked": "book", "released": "release",
}
# Verbs that say little about *which* promise it is: they count half in the overlap.
LIGHT_WORDS = frozenset(
    """send email mail call post book review update finish check share write draft prepare
    complete deliver confirm follow ask chase fix submit file sign schedule meet talk discuss ping
    reply respond look start create build run help plan give take put provide organise organize
    arrange sort handle work contact remind agree""".split()
)
PROGRESS_CUES = (
    "started", "starting", "began", "begun", "working on", "in progress", "halfway", "half way",
    "partly", "partially", "drafting", "draft of", "wip", "%", "almost", "nearly", "most of",
    "not yet", "still", "waiting", "chasing", "chased", "reminded", "pinged", "asked",
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _stem(word: str) -> str:
    word = IRREGULAR.get(word, word)
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                break
            return word[: -len(suffix)] + keep
    return word


def words(text: str, *, numbers: bool = False) -> list[str]:
    """Content words of ``text``, normalised, in order (duplicates kept).

    Short numbers (day numbers) are dropped unless ``numbers`` is true.
    """
    out = []
    for raw in _WORD.findall((text or "").lower()):
        raw = raw.split("'")[0]
        if raw in STOP_WORDS or raw in DATE_WORDS:
            continue
        if raw.isdigit() and len(raw) <= 2 and not numbers:  # day numbers; ticket ids and years stay
            continue
        if not numbers and re.fullmatch(r"\d{1,2}(st|nd|rd|th)", raw):
            continue
        stem = _stem(raw)
        if stem and stem not in STOP_WORDS:
            out.append(stem)
    return out


def commitment_key(owner: str | None, what: str) -> str:
    """Stable key of a promise: owner plus its normalised content words (numbers kept)."""
    return f"{normal_owner(owner)}|{' '.join(words(what, numbers=True))}"


def normal_owner(owner: str | None) -> str:
    o = (owner or "").strip().lower()
    return "i" if o in {"", "i", "me", "myself", "self", "we", "us"} else o


def _token_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)):
        return True
    return min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.85


def _weight(word: str) -> float:
    return 0.5 if word in LIGHT_WORDS or word + "e" in LIGHT_WORDS else 1.0


class Scorer:
    """Similarity and match scores, caching normalised words and token matches for one matching run."""

    def __init__(self) -> None:
        self._words: dict[str, tuple[list[str], frozenset[str]]] = {}
        self._tokens: dict[tuple[str, str], bool] = {}

    def _prepared(self, text: str) -> tuple[list[str], frozenset[str]]:
        got = self._words.get(text)
        if got is None:
            ws = words(text)
            got = self._words[text] = (ws, frozenset(ws))
        return got

    def _match(self, a: str, b: str) -> bool:
        if a == b:
            return True
        if a[0] != b[0] and min(len(a), len(b)) < 5:
            return False  # neither a prefix nor long enough for a typo match
        key = (a, b) if a <= b else (b, a)
        got = self._tokens.get(key)
        if got is None:
            got = self._tokens[key] = _token_match(a, b)
        return got

    def similarity(self, a: str, b: str) -> float:
        """Content similarity of two phrases in [0, 1]: weighted soft Dice blended with difflib."""
        wa, sa = self._prepared(a)
        wb, sb = self._prepared(b)
        if not wa or not wb:
            return 0.0
        common = sa & sb
        hits = 2 * sum(_weight(x) for x in common)
        hits += sum(_weight(x) for x in sa - common if any(self._match(x, y) for y in sb))
        if not hits:
            return 0.0
        hits += sum(_weight(y) for y in sb - common if any(self._match(y, x) for x in sa))
        total = sum(_weight(x) for x in sa) + sum(_weight(y) for y in sb)
        seq = SequenceMatcher(None, wa, wb, autojunk=False).ratio()  # word order agreement
        sim = 0.75 * hits / total + 0.25 * seq
        ids_a = {x for x in sa if any(ch.isdigit() for ch in x)}
        ids_b = {y for y in sb if any(ch.isdigit() for ch in y)}
        if ids_a and ids_b and not ids_a & ids_b:
            sim *= 0.3  # different numbers or ids ("Q3" vs "Q4", "OPS-412" vs "OPS-415"): other promise
        return sim

    def score(
        self,
        what: str,
        owner: str | None,
        due: dt.date | None,
        text: str,
        cand_owner: str | None = None,
        cand_due: dt.date | None = None,
    ) -> float:
        """Similarity of a recorded promise and a candidate in the notes, with owner/due agreement."""
        s = self.similarity(what, text)
        if s == 0.0:
            return 0.0
        if cand_owner is not None:
            s += 0.05 if normal_owner(owner) == normal_owner(cand_owner) else -0.15
        if due is not None and cand_due is not None and due == cand_due:
            s += 0.1
        return s


def similarity(a: str, b: str) -> float:
    """Content similarity of two phrases in [0, 1] (see :class:`Scorer`)."""
    return Scorer().similarity(a, b)


def score(what: str, owner: str | None, due: dt.date | None, text: str, cand_owner: str | None = None,
          cand_due: dt.date | None = None) -> float:
    """Similarity of a recorded promise and a candidate, with owner/due agreement (see :class:`Scorer`)."""
    return Scorer().score(what, owner, due, text, cand_owner, cand_due)


_NEGATION = re.compile(  # negated or still in the future: "not sent", "will be done Wed"
    r"\b(?:not|never|no|will|shall|going to|should|would|expect(?:s|ed)?|hope(?:s|fully)?|plan(?:s|ned)? to|to be)\b"
    r"|n't\b|'ll\b"
)
_COMPLETION = re.compile(
    r"\b(?:sent|delivered|done|finished|completed|shipped|submitted|posted|published|signed|merged|"
    r"renewed|booked|confirmed|closed|resolved|fixed|approved|went (?:out|to)|handed (?:over|in|off))\b"
    r"|\u2705|\[x\]",
    re.I,
)


def is_progress(text: str) -> bool:
    """True when a line reports progress or a negation rather than completion ("started the deck")."""
    low = (text or "").lower()
    return any(cue in low for cue in PROGRESS_CUES) or bool(_NEGATION.search(low))


def says_done(text: str) -> bool:
    """A note line that reports completion ("Board summary went to Lee this morning")."""
    return bool(_COMPLETION.search(text or "")) and not is_progress(text)


def with_owner(text: str, owner: str | None) -> str:
    """``text`` plus the owner's name when it is someone else and not already named."""
    if normal_owner(owner) == "i" or not owner or owner.lower() in (text or "").lower():
        return text
    return f"{text} {owner}"


# --------------------------------------------------------------------------------------------
# Candidates in a work log and the matching itself
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A place in the new notes where an earlier promise might be mentioned."""

    item: int  # index in log.items
    kind: Literal["commitment", "action", "wait", "title", "note", "risk", "decision"]
    index: int  # index inside the item's list (0 for the title)
    text: str
    owner: str | None = None
    due: dt.date | None = None
    on: dt.date | None = None  # date of an action
    context: bool = False  # text includes the item title (scored a little lower)

    @property
    def target(self) -> tuple:
        """What the match would attach to: one notes commitment, or an item as a whole."""
        return ("c", self.item, self.index) if self.kind == "commitment" else ("i", self.item)


def candidates(log: WorkLog) -> list[Candidate]:
    """Every commitment, action, wait, title and note line of ``log`` as a match candidate."""
    out: list[Candidate] = []
    for i, item in enumerate(log.items):
        out.append(Candidate(i, "title", 0, item.title))
        for j, c in enumerate(item.commitments):
            if c.journal_id is None:
                text = with_owner(c.what, c.owner)
                out.append(Candidate(i, "commitment", j, text, c.owner, c.due))
                if not set(words(item.title)) <= set(words(text)):
                    # "send them to Dana" under "Q3 docs": the title says what "them" is
                    out.append(Candidate(i, "commitment", j, f"{text} ({item.title})", c.owner, c.due, context=True))
        for j, a in enumerate(item.actions):
            out.append(Candidate(i, "action", j, with_owner(a.text, a.actor), a.actor, None, a.on))
        for j, w in enumerate(item.waits):
            out.append(Candidate(i, "wait", j, w.what))
        for j, n in enumerate(item.notes):
            out.append(Candidate(i, "note", j, n))
        for j, r in enumerate(item.risks):
            out.append(Candidate(i, "risk", j, r))
        for j, d in enumerate(item.decisions):
            out.append(Candidate(i, "decision", j, d.question))
    return out


@dataclass
class Match:
    """Where one recorded promise goes in the new log."""

    journal_id: int
    target: tuple | None = None  # Candidate.target of the winner; None: not mentioned
    best: Candidate | None = None  # best-scoring candidate for that target
    score: float = 0.0
    done: bool = False  # the notes report it done
    done_on: dt.date | None = None
    ambiguous: list[Candidate] = field(default_factory=list)  # the close rivals, when not guessed


@dataclass(frozen=True)
class Promise:
    """The fields of a recorded promise that matching needs."""

    id: int
    what: str
    owner: str = "I"
    due: dt.date | None = None


def _conflict(t1: tuple, t2: tuple) -> bool:
    """Whether two targets are genuinely different places (same item, item vs its promise: no)."""
    if t1 == t2:
        return False
    if t1[1] == t2[1] and "i" in (t1[0], t2[0]):
        return False
    return True


def match_commitments(
    promises: list[Promise],
    log: WorkLog,
    *,
    threshold: float = THRESHOLD,
    margin: float = MARGIN,
) -> list[Match]:
    """Place each recorded promise in ``log``: on a notes commitment, on an item, or nowhere.

    Each notes commitment takes at most one promise (best score first). A promise whose two best
    targets are within ``margin`` is returned with ``ambiguous`` set and no target.
    """
    cands = candidates(log)
    scorer = Scorer()
    log_items = log.items
    # per promise: best candidate per target
    per: dict[int, dict[tuple, tuple[float, Candidate]]] = {}
    for p in promises:
        best: dict[tuple, tuple[float, Candidate]] = {}
        text = with_owner(p.what, p.owner)
        for c in cands:
            s = scorer.score(text, p.owner, p.due, c.text, c.owner if c.kind == "commitment" else None, c.due)
            s -= 0.05 if c.context else 0.0
            if s >= threshold and (c.target not in best or s > best[c.target][0]):
                best[c.target] = (s, c)
        per[p.id] = best

    results: dict[int, Match] = {}
    taken: set[tuple] = set()
    # resolve in order of each promise's best score, so clear matches claim commitments first
    order = sorted(promises, key=lambda p: -max((v[0] for v in per[p.id].values()), default=0.0))
    for p in order:
        ranked = sorted(
            ((s, c) for t, (s, c) in per[p.id].items() if t not in taken),
            key=lambda sc: (-sc[0], sc[1].target[0] != "c"),
        )
        if not ranked:
            results[p.id] = Match(p.id)
            continue
        s1, c1 = ranked[0]
        rivals = [c for s, c in ranked[1:] if s1 - s < margin and _conflict(c1.target, c.target)]
        if rivals:
            results[p.id] = Match(p.id, score=s1, ambiguous=[c1, *rivals])
            continue
        # a promise in the same item that clearly matches beats the item-level match: it is the
        # same promise restated ("send them to Dana" under "Q3 docs")
        if c1.target[0] == "i":
            same = [(s, c) for s, c in ranked[1:] if c.target[0] == "c" and c.item == c1.item]
            if same and (len(same) == 1 or same[0][0] - same[1][0] >= margin):
                s1, c1 = same[0]
        m = Match(p.id, target=c1.target, best=c1, score=s1)
        if c1.kind == "commitment":
            taken.add(c1.target)
            nc = log_items[c1.item].commitments[c1.index]
            m.done = nc.state == "done"
            m.done_on = nc.done_on
        else:
            m.done, m.done_on = _done_evidence(p, c1, cands, log, threshold, s1, scorer)
        results[p.id] = m
    return [results[p.id] for p in promises]


def _done_evidence(
    p: Promise, winner: Candidate, cands: list[Candidate], log: WorkLog, threshold: float, best: float, scorer: Scorer
):
    """Whether item ``item`` reports promise ``p`` done, and when.

    Done needs a completed (not progress, not negated) action, or a note line with a completion
    word ("sent", "went to", "done"), matching at least DONE_THRESHOLD; or an item marked done
    whose lines match that well (its title only when nearly word for word).
    """
    item = winner.item
    it = log.items[item]
    text = with_owner(p.what, p.owner)
    done_lines = [
        (scorer.score(text, p.owner, p.due, c.text), c)
        for c in cands
        if c.item == item
        and ((c.kind == "action" and not is_progress(c.text)) or (c.kind == "note" and says_done(c.text)))
    ]
    done_lines = [(s, c) for s, c in done_lines if s >= max(threshold, DONE_THRESHOLD)]
    if done_lines:
        s, c = max(done_lines, key=lambda sc: (sc[0], sc[1].kind == "action"))
        return True, c.on
    # a done item counts when the promise matches a line of it, or its title almost word for word
    # (a title names a topic: "Board meeting" done does not mean "book the room" is)
    if it.done and best >= max(threshold, DONE_THRESHOLD) and (winner.kind != "title" or best >= 0.8):
        dates = [a.on for a in it.actions if a.on]
        return True, max(dates) if dates else None
    return False, None
