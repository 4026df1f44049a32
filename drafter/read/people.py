"""People in the notes, from evidence only.

Evidence, strongest first: a chat or minutes ``speaker`` label, an ``attendee`` list, an
``@handle``, an ``email`` address; then an ``owner`` position ("X to do Y", "X will Y",
"AI(X):", "Action: X", "[X]" or "(X)" owner tags, "assigned to X", "owner: X", an action item
"X: do Y"), ``with`` X, ``ask`` X, "Name (org)". Capitalisation alone is never evidence.

A capitalised common English word is not a person: :func:`is_common_word` asks the maintained
word-frequency package ``wordfreq``. A word is common English when it is frequent in English and
much rarer in other languages (names are international: "Eric", "Lee", "Priya" are about as
frequent in German, French or Spanish text as in English; "Kick", "Approval", "Starting" are not).
A common word becomes a person only on strong evidence (speaker, attendee, handle, email).

A product, organisation or system is no person on weak evidence: a word the notes write as a thing
(:func:`drafter.read.names.thing_words`: "the Okta service", "Realtek rtw88", "Osb-cmdb") or a
domain ("quay.io"). A label used once is no speaker when its list's labels are topics ("2. **Disko
Safety**: ...") or, in notes that list attendees, when it sits among unlabelled topic bullets and
abbreviates no attendee ("* Vercel: ending their OSS program"). A lower-case name is a person on
strong evidence ("**tryggvi:** ..."), which the provenance check keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..models import Person
from .markup import without_emails
from .outline import table_header
from .people_forms import fold_initials, fold_profiles, fold_short_forms, quote_intro, verb_not_owner  # noqa: F401  (quote_intro: re-exported)
from .people_lines import cite_every_line
from .attendee_words import ATTENDEE_HEAD, ATTENDEE_LABEL, roll_call
from .regex_gate import gated

STRONG = ("speaker", "attendee", "handle", "email", "author", "round")  # author: "X writes of ...:" over their quote; round: a heading over a standup round of its own
_OTHER_LANGS = ("de", "fr", "es", "it", "nl", "pt", "pl", "sv")
_ME = {"i", "me", "myself", "we", "us", "you", "they", "he", "she", "it", "everyone", "everybody", "all",
       "team", "someone", "somebody", "nobody", "anyone", "tbd", "tba", "n/a", "na", "none"}  # fmt: skip


@lru_cache(maxsize=4096)
def is_common_word(word: str) -> bool:
    """Is ``word`` an ordinary English word (not a name)? See the module doc."""
    w = word.strip().strip(".,;:!?()[]'\"").lower()
    if not w or not re.fullmatch(r"[a-z][a-z'-]*", w):
        return False
    if w in _ME:
        return True
    from .wordlist import common_english

    # wordfreq's answer (zipf >= 3.3 in English, >= 6 or 0.9 above the median of de, fr, es, it,
    # nl, pt, pl, sv on the "small" lists), cached per wordfreq version: see drafter.read.wordlist
    return common_english(w)


NAME_WORD = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?"
FULL_NAME = rf"{NAME_WORD}(?:\s+(?:van|von|de|da|del|der|di|le|la|bin|al)?\s*{NAME_WORD}){{0,2}}"
# r"(?<![\w@/.\"'`])@..." with the '@' first and the look-behind after it (the same matches; re
# finds a leading literal fast instead of trying every position)
HANDLE_RE = gated(r"@(?<![\w@/.\"'`]@)([A-Za-z0-9][\w.-]*[A-Za-z0-9]|[A-Za-z0-9])")
_NAME_OR_HANDLE = rf"(?:@[\w.-]+|{FULL_NAME}|[a-z][a-z0-9_-]{{2,20}})"

# owner positions (checked on a node's clean text); the fourth, a promise in a later clause: "..., Samuel
# responded quickly and promised to prepare a VM by Saturday"
OWNER_PATTERNS = [
    gated(rf"^\s*(?:AI|A\.I\.|Action(?: item)?|TODO|ACTION)\s*[\(\[]\s*(?P<who>[^)\]]+?)\s*[\)\]]\s*:?\s*(?P<what>.+)$", re.I),
    gated(rf"^\s*(?:AI|Action(?: item)?|TODO)\s*[:\-–]\s*(?P<who>{_NAME_OR_HANDLE}(?:\s*(?:,|and|&|/)\s*{_NAME_OR_HANDLE})*)\s*(?:[:\-–]|\bto\b|\bwill\b)\s*(?P<what>.+)$"),
    gated(rf"^\s*(?P<who>{_NAME_OR_HANDLE}(?:\s*(?:,|and|&|/)\s*{_NAME_OR_HANDLE}){{0,3}})(?:\s+\(@[\w.-]+\))?\s+(?:to|will|'ll|is going to|are going to|is to|are to|agreed to|volunteered to|offered to|promised to|needs to|should(?!\s+have\s+\w+(?:ed|en|one)\b))\s+(?P<what>\w.+)$"),
    # after a lead clause: "Given the enthusiasm in the meeting ..., Christina will set up a kick off meeting"
    gated(rf"^\s*(?i:given|since|as|because|after|once|now that|following)\b[^,]{{3,200}},\s*(?P<who>{FULL_NAME})\s+(?:will|is going to)\s+(?!(?:be|not|have|probably|need|require|take|cause|break|fail|stop|work|run|look|become|continue|remain|stay|get|make|show|start|support|allow)\b)(?P<what>[a-z]\w+.+)$"),
    gated(rf"(?:[,;]\s+|\band\s+)(?P<who>{FULL_NAME})\s+(?:[a-z]{{3,}}ed\s+(?:[a-z]+ly\s+)?and\s+)?(?:promised|agreed|offered|volunteered)\s+to\s+(?P<what>\w.+)$"),
    gated(rf"^(?P<what>.+?)\s*[\(\[\-–—]\s*(?:owner|assigned to|assignee|by|who)\s*[:=]?\s*(?P<who>{_NAME_OR_HANDLE})\s*[\)\]]?\s*$", re.I),
    gated(rf"^\s*(?P<what>.+?)\s*[\-–—,]\s*(?P<who>@[\w.-]+)\s*$"),
]
_ASSIGNED = gated(rf"\b(?:assigned to|owner\s*[:=]|owned by|assignee\s*[:=])\s*(?P<who>{_NAME_OR_HANDLE})", re.I)
_WITH = gated(rf"\b(?:with|ask|asked|ping|pinged|cc|thanks|thanks to|talk to|talked to|check with|checked with|from)\s+(?P<who>{FULL_NAME})\b")
_ORG = gated(rf"\b(?P<who>{FULL_NAME})\s+\((?P<org>[A-Z][\w&.\- ]{{1,30}})\)")
_NON_NAMES = {"note", "notes", "update", "updates", "action", "actions", "decision", "decisions", "status",
              "agenda", "summary", "todo", "done", "next", "blockers", "blocker", "question", "questions",
              "ai", "re", "fw", "fwd", "subject", "from", "to", "cc", "sent", "date", "time", "when", "where",
              "result", "outcome", "owner", "eta", "pr", "issue", "bug", "tl;dr", "tldr", "ps", "nb", "edit",
              "link", "links", "url", "urls", "contact", "contacts", "sponsor", "sponsors", "see", "ref", "refs",
              "email", "mail", "website", "site", "repo", "docs", "doc", "wiki", "slides", "video", "recording",
              "etc"}  # fmt: skip


@dataclass
class People:
    """People found so far: name -> Person; the evidence of the first strong sighting wins."""

    by_name: dict[str, Person] = field(default_factory=dict)
    text: str = ""  # the notes (a capitalised word also written in lower case here is an ordinary word)

    _lower_seen: dict[str, bool] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # "al" -> "amy lam": initials the notes define

    def lower_in_text(self, low: str) -> bool:
        """Is ``low`` written in lower case somewhere in the notes (an ordinary word here)?"""
        if low not in self._lower_seen:
            words = self._words()
            first = re.match(r"\w+", low)
            if re.fullmatch(r"\w+", low):
                found = low in words[0]  # a whole word of the notes, not after '@', '.', '-', not before '-'
            elif first and first.group(0) not in words[1]:
                found = False  # its first word is no whole word of the notes (one regex per name was quadratic)
            else:
                found = bool(self.text) and re.search(rf"(?<![\w@.-]){re.escape(low)}(?![\w-])", self.text) is not None
            self._lower_seen[low] = found
        return self._lower_seen[low]

    def _words(self) -> tuple[set[str], set[str]]:
        """(words standing alone as ``lower_in_text`` asks, every whole word) of the notes, once."""
        if "_word_sets" not in self.__dict__:
            # a run of \w not after '@', '.', '-' and not before '-' (whole runs: the look-behind
            # refuses a word character, and a shorter run would end before one)
            alone = set(_ALONE.findall(self.text))
            self.__dict__["_word_sets"] = (alone, set(_WORD.findall(self.text)))
        return self.__dict__["_word_sets"]

    def used_as_thing(self, name: str) -> bool:
        """Do the notes use ``name`` as a product, organisation or system (:func:`drafter.read.names.thing_words`)?"""
        if "_things" not in self.__dict__:
            from .names import thing_words

            self.__dict__["_things"] = thing_words(self.text)
        words = name.split()
        return bool(words) and words[0] in self.__dict__["_things"]  # "Docker Hub" with "Docker images"

    def add(self, name: str, evidence: str, line: int, org: str | None = None) -> Person | None:
        name = normalise(name)
        if name and name.lower() in self.aliases:  # "CM" where the notes list "Chris Manson (CM)"
            name = self.by_name[self.aliases[name.lower()]].name
        if not name or not acceptable(name, evidence, self):
            return None
        key = self.key(name)
        p = self.by_name.get(key)
        if p is None:
            p = Person(name=name, evidence=evidence, lines=[line], org=org)
            self.by_name[key] = p
            index = self.__dict__.get("_by_first")
            if index is not None and index[0] == len(self.by_name) - 1:  # keep the first-word index current
                index[1].setdefault(key.split()[0], []).append(key)
                index[0] += 1
        else:
            if line not in p.lines:
                p.lines.append(line)
            if name.startswith(p.name + " ") and len(name.split()) <= 3:
                p.name = name  # "Luke", then "Luke LeVasseur": the notes' full name names him
            if evidence in STRONG and p.evidence not in STRONG:
                p.evidence = evidence
            if org and not p.org:
                p.org = org
        return p

    def key(self, name: str) -> str:
        low = name.lower()
        if not low.split():
            return low
        # only keys with the same first word can be this person ("Eric" and "Eric Huss" are one
        # person); they are looked up by that word, in the order they were added (a scan of every
        # key per sighting was quadratic in the number of people)
        for k in self._keys_by_first().get(low.split()[0], ()):
            if k == low or len(low.split()) == 1 or len(k.split()) == 1 or k.startswith(low + " ") or low.startswith(k + " "):
                return k  # "Jan Maarten" is "Jan Maarten de Vries"
        return low

    def _keys_by_first(self) -> dict[str, list[str]]:
        index = self.__dict__.get("_by_first")
        if index is None or index[0] != len(self.by_name):
            groups: dict[str, list[str]] = {}
            for k in self.by_name:
                groups.setdefault(k.split()[0], []).append(k)
            index = [len(self.by_name), groups]
            self.__dict__["_by_first"] = index
        return index[1]

    def get(self, name: str | None) -> Person | None:
        if not name:
            return None
        alias = self.aliases.get(name.strip().lstrip("@").lower()) if self.aliases else None
        if alias is not None:
            return self.by_name.get(alias)
        return self.by_name.get(self.key(normalise(name) or name))

    def known(self, name: str | None) -> bool:
        return self.get(name) is not None

    def strong(self, name: str | None) -> bool:
        p = self.get(name)
        return p is not None and p.evidence in STRONG

    def names(self) -> list[str]:
        return [p.name for p in self.by_name.values()]

    def persons(self) -> list[Person]:
        return sorted(self.by_name.values(), key=lambda p: p.lines[0] if p.lines else 0)


_CALENDAR = {"mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday",
             "fri", "friday", "sat", "saturday", "sun", "sunday", "jan", "january", "feb", "february", "mar",
             "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept",
             "september", "oct", "october", "nov", "november", "dec", "december", "today", "tomorrow",
             "yesterday", "eod", "eow", "q1", "q2", "q3", "q4"}  # fmt: skip


# a file name ("dashboard.jsx", "run-test.sh", ".travis.yml" as a commit title's scope)
_FILE_NAME = re.compile(r"\.?[\w.-]+\.(?:py|js|jsx|ts|tsx|sh|bash|yml|yaml|json|md|rst|txt|toml|cfg|ini|lock|xml|html|css|scss|"
                        r"rs|go|rb|java|kt|c|h|cc|cpp|hpp|cs|php|pl|swift|sql|proto|gradle|mk|cmake|dockerfile)", re.I)


def normalise(name: str) -> str:
    name = name.strip().strip("*_`'\".,;:()[]").strip()
    name = re.sub(r"['’]s$", "", name)
    name = re.sub(r"^(\S+(?:\s+\S+)*?)\s+[A-Z]\.?$", r"\1", name).strip(" .")  # "Jeff L." -> "Jeff" (as the notes write him)
    name = re.sub(r"\s+", " ", name)
    if name.startswith("@"):
        name = name[1:]
    return name


def is_me(name: str | None) -> bool:
    return bool(name) and name.strip().lower() in ("i", "me", "myself", "my", "i'll", "i'm")


def acceptable(name: str, evidence: str, people: People | None = None) -> bool:
    """May ``name`` be a person on this ``evidence``? (Never a common word on weak evidence.)"""
    if not name or len(name) > 40 or is_me(name):
        return False
    words = name.split()
    if len([w for w in words if w.lower() not in _PARTICLES]) > 3 or len(words) > 5 or any(not re.match(r"[\w]", w) for w in words):
        return False  # "Jan Maarten de Vries": a particle is no fourth name
    low = name.lower()
    if low in _NON_NAMES or low in _ME:
        return False
    if re.search(r"^\d|[/\\=<>{}|]|['’]s\s", name) or (re.search(r"\d{3,}", name) and (evidence != "handle" or re.fullmatch(r"[0-9a-f]{7,40}", name))):
        return False  # ids, paths, "Homebrew's Jenkins" ("@steff456" is a handle; "@1a2b3c4d" a commit)
    if evidence not in ("handle", "email", "attendee") and _FILE_NAME.fullmatch(name):
        return False  # "[dashboard.jsx: Add environment REPOSITORIES](...)": a commit's file, not who said it
    if any(w.lower().rstrip(".") in _CALENDAR for w in words) and (len(words) == 1 or evidence not in STRONG or re.search(r"\d", name)):
        return False  # "Mon:", "Dec 3" (an attendee "Jan Maarten de Vries" is a person)
    if any(re.search(r"[a-z][A-Z][a-z]", w) for w in words) and evidence not in ("handle", "speaker", "attendee", "round"):
        return False  # "ExternalRefType": an identifier, not a name
    if evidence not in STRONG and re.search(r"\.[a-z]", name):
        return False  # "quay.io", "Node.js": a domain or a file, not a name
    if evidence not in STRONG and people is not None and people.used_as_thing(name):
        return False  # "experimenting with Elasticsearch", "together with Okta team": a thing, not a person
    if evidence in STRONG:
        # a speaker/attendee label still is not a label word ("Note:", "Decision:")
        return not (len(words) == 1 and low in _NON_NAMES)
    if any(w[0].islower() for w in words):
        # lower-case prose; one rare token may be a handle ("ehuss"), but only as a tag or when seen as a person
        if not (len(words) == 1 and not is_common_word(words[0]) and (evidence == "owner_tag" or (people is not None and people.known(name)))):
            return False
    if all(is_common_word(w) for w in words):
        return False
    if len(words) > 1 and any(is_common_word(w) for w in words):
        return False  # "Open Discussion", "The Tech Lead": names are not built of common words
    if len(words) == 1 and name[0].isupper() and people is not None and people.lower_in_text(low):
        return False  # the word occurs in lower case in these notes: an ordinary word here
    return True


def handles(text: str) -> list[str]:
    return [h for h in HANDLE_RE.findall(text) if not re.fullmatch(r"\d+", h)]


def speaker_label(label: str | None) -> str | None:
    """The name in a 'Name:' label, when the label reads as a name or handle (not 'Decision')."""
    if not label:
        return None
    label = normalise(label)
    if len(label) < 2 or ATTENDEE_LABEL.match(label) or label.lower() in _NON_NAMES:
        return None  # "Q: how different would it be?": a question marker
    if re.fullmatch(r"@?[\w.-]+", label) and (label.startswith("@") or not is_common_word(label)):
        if label[0].isupper() or label.startswith("@") or re.search(r"[a-z]", label):
            return label.lstrip("@")
    if re.fullmatch(FULL_NAME, label) and not all(is_common_word(w) for w in label.split()):
        return label
    return None


_NAMES_LINE = gated(r"[^.!?:;()\[\]]+,[^.!?:;()\[\]]*")  # "Prashanth Mundkur, Balraj Singh, Jon"


def _attendee_entry(c, people: People) -> None:
    """The names of one entry of an attendee list ("Martin Renou / @martinrenou / QuantStack",
    "Host: Stephen Mackenzie"; "**name** / **institution** / **GitHub handle**" names nobody)."""
    first = c.cells[0] if c.cells else (c.label or re.split(r"\s*/\s*|\s[-–—|]\s|,|\(", c.text)[0])
    if c.label and not c.cells and (not _name_like(c.label) or ATTENDEE_LABEL.match(c.label)):
        first = re.split(r"\s[-–—/|]\s|\(", c.rest or "")[0]  # "Host: Stephen Mackenzie", "Other Attendees:" (names below)
    for name in split_names(first):
        if _prose_name(name):
            continue  # "@nzakas moderated, and @sam3k took notes": a sentence, not a name
        if all(is_common_word(w) for w in normalise(name).split()):
            continue  # a list's header ("name / institution"), not a name
        people.add(name, "attendee", c.line)
    for h in re.findall(r"`@([\w.-]*\w)`", c.raw or ""):
        people.add(h, "handle", c.line)  # "Matt Fisher / `@mfisher87` / Schmidt DSE"


def _resembles_attendee(label: str, people: People) -> bool:
    """In notes that list who attended (two or more), is a once-used label one of them, as the
    notes abbreviate them: a first name or its start ("RogerS", "Christian" for "Christan Mesh"),
    initials ("JCM" for Jean-Christophe Morin)? True when the notes list no attendees."""
    attendees = [p.name for p in people.by_name.values() if p.evidence == "attendee"]
    if len(attendees) < 2:
        return True
    low = label.lower().replace(" ", "")
    for name in attendees:
        parts = [x for x in re.split(r"[\s-]+", name.lower()) if x and x not in _PARTICLES]
        if not parts:
            continue
        if low == "".join(x[0] for x in parts) or low.startswith(parts[0][:4]) and len(parts[0]) >= 3:
            return True
    return False


def _name_like(label: str) -> bool:
    """Does a label read as a name ("Serg", "Jan Maarten de Vries"), not a topic ("Backlog Task",
    "Network Redundancy", "Stop all host changes")? A name is built of no common words."""
    who = speaker_label(label)
    return who is not None and not any(is_common_word(w) for w in who.split() if w.lower() not in _PARTICLES)


def split_names(text: str) -> list[str]:
    """'Lee, Sam, Priya and me' -> ['Lee', 'Sam', 'Priya', 'me'] (roles in parentheses dropped)."""
    text = re.sub(r"\([^)]*\)", "", text)
    parts = re.split(r"\s*(?:,|;|\band\b|&|\s\+\s|\|)\s*", text)
    return [p.strip(" .*_-") for p in parts if p.strip(" .*_-")]


_EMAIL_NAME = gated(r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*<(?P<email>[^>@\s]+@[^>\s]+)>")


def find_people(outline) -> People:
    """Everyone the outline gives evidence for (see the module doc), with their lines."""
    people = People(text="\n".join(outline.lines))
    nodes = outline.nodes
    label_counts: dict[str, int] = {}
    sibling_labels: dict[int | None, list[str]] = {}  # the labels of the items of one list
    sibling_items: dict[int | None, int] = {}
    for n in nodes:
        if n.is_item:
            sibling_items[n.parent] = sibling_items.get(n.parent, 0) + 1
        if n.label and n.kind in ("para", "quote", "bullet", "numbered", "checkbox"):
            label_counts[n.label.lower()] = label_counts.get(n.label.lower(), 0) + 1
            if n.is_item:
                sibling_labels.setdefault(n.parent, []).append(n.label)
    topic_lists = {k for k, labels in sibling_labels.items() if len(labels) >= 2 and 2 * sum(map(_name_like, labels)) < len(labels)}
    for n in nodes:
        if n.kind in ("code", "comment", "directive", "front_matter"):
            continue
        line = n.line
        raw = n.raw
        for m in _EMAIL_NAME.finditer(raw):
            people.add(m.group("name"), "email", line)
        for h in handles(without_emails(raw)) if "@" in raw else ():
            people.add(h, "handle", line)
        if n.speaker:
            people.add(n.speaker, "speaker", line)
        if n.kind == "para" and (who := quote_intro(n)) and any(k.kind == "quote" for k in nodes[n.index + 1: n.index + 2]):
            people.add(who, "author", line)
        # attendee lists: "Attendees: a, b" or a heading "Attendees" with one name per bullet
        if n.label and ATTENDEE_LABEL.match(n.label) and n.rest:
            listed, last, starts, prev = n.rest, n.lines[-1], [(0, line)], raw
            for c in nodes[n.index + 1:]:  # the list wrapped onto the next lines ("..., David Sheets, Jon / Ludlam, ...")
                if c.kind != "para" or c.label or c.line != last + 1 or not _NAMES_LINE.fullmatch(c.text or ""):
                    break
                glue = ", " if prev.rstrip(" *_").endswith(",") else " "  # the clean text lost the line's last comma
                starts.append((len(listed) + len(glue), c.line))
                listed, last, prev = f"{listed}{glue}{c.text}", c.lines[-1], c.raw
            at = 0
            for name in split_names(listed):
                if re.search(rf"`{re.escape(name)}`", raw):
                    continue  # "**Host**: `hsb0`": a machine
                at = max(at, listed.find(name, at))
                first = max(ln for pos, ln in starts if pos <= at)
                broken = [pos for pos, _ in starts if at < pos < at + len(name)]
                # a name wrapped over two lines ("Jon" / "Ludlam") is the part the first line writes
                name = name[: broken[0] - at].strip() if broken else name
                # "Facilitator & Note Taker: JW, AL taking notes": the name, not what they do
                words = name.split()
                cut = next((i for i, w in enumerate(words) if i and w[:1].islower() and w.lower() not in _PARTICLES), None)
                if cut is not None and words[0][:1].isupper():
                    name = " ".join(words[:cut])
                people.add(name, "attendee", first)
        if n.kind == "heading" and ATTENDEE_HEAD.fullmatch((n.text or "").strip(" :")):
            for c in outline.descendants(n):
                if c.is_item or c.kind in ("para", "table_row"):
                    _attendee_entry(c, people)
        elif n.kind == "para" and roll_call(n.text or ""):
            # "... sign in below so we know who was here. Roll call:" and the list that follows
            for c in nodes[n.index + 1:]:
                if not c.is_item:
                    break
                _attendee_entry(c, people)
        if n.kind == "table_row" and not n.header and n.cells:
            header = table_header(outline, n)
            for col, cell in zip(header, n.cells):
                if re.search(r"owner|assignee|who|responsible|assigned|lead|name|person|attendee", col, re.I):
                    for name in split_names(cell):
                        people.add(name, "owner", line)
        text = n.text or ""
        if n.label and n.kind in ("para", "quote"):
            who = speaker_label(n.label) if not re.match(rf"\s*:{re.escape(n.label)}:", raw) else None  # ":movie_camera:" is an emoji
            if who and (n.rest or label_counts.get(n.label.lower(), 0) > 1):
                people.add(who, "speaker", line)
        elif n.label and n.is_item:
            who = speaker_label(n.label)
            once = label_counts.get(n.label.lower(), 0) <= 1
            if who and once and not people.known(who):
                if n.parent in topic_lists:
                    who = None  # "2. **Disko Safety**: Never add ...": its list's labels are topics, not people
                elif 2 * len(sibling_labels.get(n.parent, ())) <= sibling_items.get(n.parent, 0) and not _resembles_attendee(who, people):
                    # "* Vercel: ending their OSS program" among topic bullets, in minutes that list
                    # who attended: a topic label (a list of "Name: view" items is a round of speakers)
                    who = None
            if who:
                bold = re.search(r"(\*\*|__)\s*@?" + re.escape(who) + r"\s*:?\s*(\*\*|__)", raw) is not None
                people.add(who, "speaker" if bold or not once else "owner", line)
        for tag in n.clean.owner_tags if n.clean else []:
            if weak_tag(tag, raw, text, people):
                continue
            p = people.add(tag, "owner_tag", line)
            if p is not None and p.evidence == "owner_tag":
                p.evidence = "owner"
        for pat in OWNER_PATTERNS:
            m = pat.search(text)
            if m:
                if verb_not_owner(text, split_names(m.group("who")), m.group("what")):
                    break  # "Rename to Semagrams": the entry's verb, nobody's name
                for name in split_names(m.group("who")):
                    people.add(name, "owner", line)
                break
        for m in _ASSIGNED.finditer(text):
            people.add(m.group("who"), "owner", line)
        for m in _ORG.finditer(text):
            people.add(m.group("who"), "org", line, org=m.group("org").strip())
        for m in _WITH.finditer(text):
            people.add(m.group("who"), "with", line)
    _name_headings(outline, people)
    fold_initials(people)
    fold_profiles(people)
    fold_short_forms(people)
    cite_every_line(people, nodes)
    return people


def _name_headings(outline, people: People) -> None:
    """Sibling headings that are names ("### **Caroline Xiong:**", "### **Kent Utomo:**", ...): three
    or more under one parent, most of them read as names, each one person's part of the notes."""
    by_parent: dict[object, list] = {}
    for h in outline.headings():
        by_parent.setdefault((h.parent, h.level), []).append(h)
    for sibs in by_parent.values():
        named = [h for h in sibs if _name_like((h.text or "").strip(" :*_"))]
        if len(named) >= 3 and 3 * len(named) >= 2 * len(sibs):
            for h in named:
                people.add((h.text or "").strip(" :*_"), "round", h.line)



_WORD = re.compile(r"\w+")
_ALONE = re.compile(r"(?<![\w@.-])\w+(?![\w-])")


_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "bin", "al", "dos", "del"}


def _prose_name(name: str) -> bool:
    """'nzakas moderated', 'Sam took notes': a name followed by lower-case words is prose."""
    words = name.lstrip("@").split()
    return len(words) > 1 and any(w[:1].islower() and w.lower() not in _PARTICLES for w in words[1:])


def weak_tag(tag: str, raw: str, text: str, people: People) -> bool:
    """Is a bracketed tag too weak to be an owner? A tag the line itself names as its subject
    ("[Webpack] Organization of a Webpack Hackathon") is a project; a lower-case word in round
    brackets ("Cleared the PR (yayyy)") is an aside unless the notes name that person otherwise
    (known, an @handle, or a handle built from a known full name: 'ehuss' for Eric Huss)."""
    t = tag.lstrip("@")
    if re.search(rf"(?<![\w@]){re.escape(t)}(?!\w)", text, re.I):
        return True
    if re.search(rf"^\s{{0,3}}\[{re.escape(t)}\]:\s*\S", people.text, re.M | re.I):
        return True  # "[thecatapi]" with "[thecatapi]: https://..." below: a reference link, not an owner
    if not t[:1].islower() or " " in t or re.search(r"[\d_.-]", t):
        return False
    if not re.search(rf"(?<![\w@])\(\s*{re.escape(t)}\s*\)", raw) or re.search(rf"\b(?:AI|Action(?: item)?|TODO)\s*\(\s*{re.escape(t)}", raw, re.I):
        return False  # "[ehuss]", "AI(tmandry)": the agenda's owner conventions
    if people.known(t) or re.search(rf"@{re.escape(t)}\b", people.text):
        return False
    for p in people.persons():
        parts = [x.lower() for x in re.split(r"[\s.-]+", p.name) if x]
        if len(parts) >= 2 and t.lower() in (parts[0][0] + parts[-1], parts[0] + parts[-1][0], parts[0], parts[0] + parts[-1]):
            return False
    return True
