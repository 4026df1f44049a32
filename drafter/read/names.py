"""People and organisations named in the notes: evidence per line (person vs organisation, a person's
organisation or role), names known from elsewhere in the note, resources (links, tickets, files,
systems), the party a cue is about, and the capitalised words the notes write as things
(:func:`thing_words`: products, organisations, systems)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .lazy_re import lazy_re
from ..dates import DATE_RE
from ..models import Action, WorkItem
from .cues import (
    AT_HANDLE, BE_NAME, CHANNEL, CONTACT, EMAIL, FILE, HONORIFIC, NAME, NAMED_ARTEFACT, NAME_AT_ORG,
    NAME_IN_TEAM, NAME_PAREN, NAME_TRIGGER, NAME_VERB, ORG_EVIDENCE, PERSON_TRIGGER, PHONE, SYSTEM,
    SYSTEM_THING, TICKET, URL,
)
from .lines import _Line
from .phrases import _DATES_MEMO, _find_dates
from .vocabulary import NOT_NAMES, ORG_SUFFIX, STOP, TEAMS, _LOWER_CONTACT_STOP, _LOWER_CONTACT_VERBS




def _clean_name(raw: str) -> str | None:
    name = raw.strip().lstrip("@").strip("'’-.")
    name = _POSSESSIVE_S.sub("", name)
    parts = name.split()
    parts = [p for p in parts if p]
    if not parts:
        return None
    if len(parts) > 1 and re.fullmatch(HONORIFIC, parts[0]):  # "Dr. Weiss", "Prof. de Vries"
        title = parts[0] if parts[0].endswith(".") else parts[0] + "."
        rest = [p for p in parts[1:] if p[0].isupper() and p not in NOT_NAMES or p in ("de", "van", "von", "der", "den", "da", "di", "du", "le", "la")]
        while rest and not rest[-1][0].isupper():
            rest.pop()
        return f"{title} {' '.join(rest)}" if rest else None
    if len(parts) > 1 and parts[0] in NOT_NAMES:  # "Asked Omar" -> "Omar"
        parts = parts[1:]
    if parts[0] in NOT_NAMES or parts[0].lower() in STOP and not parts[0][0].isupper():
        return None
    if len(parts) > 1 and not ORG_SUFFIX.match(parts[1]) and (
        parts[1] in NOT_NAMES or not parts[1][0].isupper() or parts[1].isupper() and len(parts[1]) <= 3
    ):
        parts = parts[:1]  # "Lee Monday", "Globex IT" -> the name alone
    name = " ".join(parts)
    if len(name) < 2 or not name[0].isalpha():
        return None
    if name.lower() in ("i", "me", "we", "us"):
        return None
    if name[0].islower():
        name = name[0].upper() + name[1:]
    return name


@dataclass
class _Names:
    """Evidence collected over the whole note: who is a person, who is an organisation."""

    person_votes: dict[str, int] = field(default_factory=dict)
    org_votes: dict[str, int] = field(default_factory=dict)
    person_org: dict[str, str] = field(default_factory=dict)
    person_role: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def remember(self, name: str) -> None:
        if name not in self.seen:
            self.seen.add(name)
            self.order.append(name)

    def vote(self, name: str | None, kind: str, n: int = 1) -> None:
        if not name:
            return
        votes = self.person_votes if kind == "person" else self.org_votes
        votes[name] = votes.get(name, 0) + n
        self.remember(name)

    def is_org(self, name: str) -> bool:
        o, p = self.org_votes.get(name, 0), self.person_votes.get(name, 0)
        return o > 0 and o >= p or name.lower() in TEAMS


def _line_names(text: str, names: _Names) -> list[str]:
    """Names (people and organisations) mentioned in one line, with evidence recorded in ``names``."""
    found: list[str] = []
    found_set: set[str] = set()
    if "-" in text or "/" in text or "@" in text:
        text = EMAIL.sub(" ", URL.sub(" ", TICKET.sub(" ", text)))

    def add(raw: str | None, kind: str | None, weight: int = 1) -> str | None:
        name = _clean_name(raw) if raw else None
        if not name:
            return None
        if kind:
            names.vote(name, kind, weight)
        else:
            names.remember(name)
        if name not in found_set:
            found_set.add(name)
            found.append(name)
        return name

    for m in AT_HANDLE.finditer(text):
        if not EMAIL.search(text[max(0, m.start() - 40) : m.end() + 20]):
            add(m.group("h").split(".")[0].capitalize(), "person", 2)
    for m in NAME_AT_ORG.finditer(text):
        who, org = _clean_name(m.group("who")), _clean_name(m.group("org"))
        if who and org and who != org:
            add(who, "person", 2)
            add(org, "org", 2)
            names.person_org.setdefault(who, org)
    for m in NAME_PAREN.finditer(text):
        who, inner = _clean_name(m.group("who")), m.group("inner").strip().rstrip("?")
        if not who:
            continue
        if _find_dates(inner, dt.date(2000, 1, 1)) or not re.search(r"[A-Za-z]", inner):
            continue
        inner_name = _clean_name(inner) if re.fullmatch(NAME, inner) else None
        if who.lower() in TEAMS or who in names.org_votes:
            add(who, "org", 2)
            if inner_name:
                add(inner_name, "person", 2)
                names.person_org.setdefault(inner_name, who)
        elif inner_name and inner_name.lower() in TEAMS or inner_name in names.org_votes:
            add(who, "person", 2)  # "Dana (Acme)": person (organisation)
            add(inner_name, "org", 2)
            names.person_org.setdefault(who, inner_name)
        elif inner_name and len(inner.split()) == 1:
            # unknown pair: a person with their organisation, the common way to write it
            add(who, "person", 1)
            add(inner_name, "org", 1)
            names.person_org.setdefault(who, inner_name)
        elif re.search(r"\b(?:vendor|client|customer|supplier|partner|agency)\b", inner, re.I):
            add(who, "org", 3)
        elif len(inner.split()) <= 4:
            add(who, "person", 1)
            names.person_role.setdefault(who, re.sub(r"^(?:our|their|the|his|her)\s+", "", inner, flags=re.I))
    for m in re.finditer(r"\(\s*(?P<n>[A-Z][a-z]+)\s*\??\s*\)", text):
        add(m.group("n"), "person", 1)
    for m in ORG_EVIDENCE.finditer(text):
        add(m.group("org") or m.group("org2") or m.group("org3") or m.group("org4") or m.group("org5") or m.group("org6"), "org", 1)
    for m in re.finditer(r"(?P<a>[A-Z][\w&'’-]+)\s+(?P<b>[A-Z][\w&'’.-]+)", text):
        if ORG_SUFFIX.match(m.group("b")) and m.group("a") not in NOT_NAMES:
            add(f"{m.group('a')} {m.group('b').rstrip('.')}", "org", 3)
    for m in CONTACT.finditer(text):
        who = m.group("who")
        verb = m.group(0).split()[0].lower()
        if who[0].islower() or who.split()[0] in NOT_NAMES:
            first = who.split()[0].lower()
            if first in TEAMS:
                add(first, "org", 1)
                continue
            if first in _LOWER_CONTACT_STOP or verb not in _LOWER_CONTACT_VERBS or who[0].isupper():
                continue
        add(who.split()[0] if who[0].islower() else who, "person", 1)
    for m in NAME_TRIGGER.finditer(text):
        add(m.group("who"), None)
    for m in PERSON_TRIGGER.finditer(text):
        add(m.group("who"), "person", 1)
    for m in NAME_VERB.finditer(text):
        # "Community can get information ...": a common word opening a sentence is no person by its verb
        who = m.group("who")
        add(who, None if " " not in who.strip() and _common(who) else "person", 1)
    for m in NAME_IN_TEAM.finditer(text):
        who = add(m.group("who"), "person", 2)
        if who:
            names.person_org.setdefault(who, m.group("team"))
    for m in BE_NAME.finditer(text):
        who = add(m.group("who"), "person", 1)
        org = _clean_name(m.group("org")) if m.group("org") else None
        if who and org:
            names.person_org[who] = org
    for m in re.finditer(r"\b(?:she|he|her|his)\b", text):
        # a pronoun after a single name in the same line is evidence that the name is a person
        if len(found) == 1:
            names.vote(found[0], "person", 1)
        break
    return found


def _common(word: str) -> bool:
    from .people import is_common_word

    return is_common_word(word)


HEADER_ADDRESS = lazy_re(r"(?P<n>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*<(?P<e>[^<>@\s]+@[^<>\s]+)>")


_MAIL_PROVIDERS = {"gmail", "googlemail", "outlook", "hotmail", "yahoo", "icloud", "proton", "protonmail", "live", "aol", "me", "mail"}


def _org_from_domain(email: str) -> str | None:
    domain = email.rsplit("@", 1)[-1].split(".")[0].lower()
    if not domain or domain in _MAIL_PROVIDERS or len(domain) < 3:
        return None
    return domain.capitalize()


def _known_mentions(lines: list[_Line], names: _Names) -> None:
    """Add names known from anywhere in the note to every line that mentions them without a trigger."""
    known = {n for n in names.order if " " not in n}
    if not known:
        return
    for ln in lines:
        text = ln.heading if ln.kind in ("heading", "title", "subject", "header") else ln.body
        if not text or ln.kind in ("injection", "junk"):
            continue
        has = set(ln.names)
        for w in _CAPITALISED.findall(text):
            w = _POSSESSIVE_S.sub("", w)
            if w in known and w not in has:
                has.add(w)
                ln.names.append(w)


_CAPITALISED = lazy_re(r"[A-Z][a-zA-Z'’-]+")
_POSSESSIVE_S = lazy_re(r"['’]s$")


def _resources(text: str) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()

    def add(val: str) -> None:
        if val not in seen:
            seen.add(val)
            out.append(val)

    for pat in (URL, EMAIL, TICKET, CHANNEL, FILE, PHONE):
        for m in pat.finditer(text):
            val = m.group(0).rstrip(".,;:)")
            if pat is PHONE and len(re.sub(r"\D", "", val)) < 8:
                continue
            if pat is PHONE and DATE_RE.search(val):
                continue
            add(val)
    for pat in (SYSTEM, SYSTEM_THING):
        for m in pat.finditer(text):
            add(m.group("sys"))
    for m in NAMED_ARTEFACT.finditer(text):
        val = (m.group("res") or m.group("res2") or "").strip()
        first = val.split()[0] if val else ""
        if val and first not in NOT_NAMES:
            add(val)
    return out


def _who_in(text: str, names: _Names, prefer: tuple[str, ...] = ()) -> str | None:
    """The party a cue is about; a team or company with its person in brackets is the person.

    Memoised per parse (the names' evidence is complete before items are read): a line with many
    cues asks about the same text once per cue.
    """
    memo = _DATES_MEMO.get()
    if memo is None:
        return _who_in_uncached(text, names, prefer)
    key = ("who", text, prefer, id(names))
    if key not in memo:
        memo[key] = _who_in_uncached(text, names, prefer)
    return memo[key]


_PERSON_IN_BRACKETS = lazy_re(r"(?:\s+team)?\s*\((?P<p>" + NAME + r")\)", re.I)


def _bracketed_after(found: str, text: str):
    """The first "<found> (Person)" / "<found> team (Person)" in ``text`` (case-insensitive), as a match
    for the part after ``found``: one fixed pattern, not one compiled per name."""
    low = text.lower()
    key = found.lower()
    if len(low) != len(text) or len(key) != len(found) or not key:
        return re.search(re.escape(found) + _PERSON_IN_BRACKETS.pattern, text, re.I)
    i = low.find(key)
    while i >= 0:
        m = _PERSON_IN_BRACKETS.match(text, i + len(key))
        if m:
            return m
        i = low.find(key, i + 1)
    return None


def _who_in_uncached(text: str, names: _Names, prefer: tuple[str, ...] = ()) -> str | None:
    found = _who_in_text(text, names, prefer)
    if found:
        m = _bracketed_after(found, text)
        person = _clean_name(m.group("p")) if m else None
        if person and not names.is_org(person):
            return person
    return found


def _who_in_text(text: str, names: _Names, prefer: tuple[str, ...] = ()) -> str | None:
    for pat in prefer:
        m = re.search(pat, text)
        if m:
            nm = m.group("w").strip()
            if nm.lower().startswith("the "):
                nm = nm[4:]
            if nm.lower() in TEAMS or nm.lower().rstrip("s") in TEAMS:
                return nm.lower()
            if nm.lower().endswith(" team"):
                base = _clean_name(nm[:-5])
                return f"{base} team" if base else None
            cleaned = _clean_name(nm)
            if cleaned and (cleaned in names.seen or cleaned.split()[0] in names.seen):
                return cleaned
    for m in re.finditer(NAME, text):
        nm = _clean_name(m.group(0))
        if nm and (nm in names.person_votes or nm in names.org_votes):
            return nm
    for w in re.findall(r"[A-Za-z]+", text):
        if w.lower() in TEAMS and (w.islower() or w[0].isupper()) and w.lower() != "it" or w == "IT":
            return w if w[0].isupper() and w != "IT" else w.lower() if w != "IT" else "IT"
    return None


_TEAM_WORDS = r"(?i:finance|legal|design|marketing|procurement|security|accounting|payroll|compliance)"


_WHO_PATTERNS = (
    r"(?i:waiting|wait)\s+(?i:on|for)\s+(?P<w>(?:the\s+)?" + NAME + r"(?:\s+team)?|[a-z]+\s+team|" + _TEAM_WORDS + r")",
    r"\b(?i:from)\s+(?P<w>(?:the\s+)?" + NAME + r"(?:\s+team)?|" + _TEAM_WORDS + r")",
    r"(?i:blocked|stuck)\s+(?i:on|by)\s+(?P<w>(?:the\s+)?" + NAME + r"(?:\s+team)?|[a-z]+\s+team|" + _TEAM_WORDS + r")",
    r"\b(?i:asked)\s+(?P<w>" + NAME + r")",
    r"\b(?i:emailed|called|pinged|messaged|texted|chased|nudged|contacted|rang|phoned|left)\s+(?P<w>" + NAME + r")",
    r"(?:^|\s)(?P<w>" + NAME + r")\s+(?:hasn'?t|haven'?t|didn'?t|still|has\s+not|is\s+out|said|says|will|to\s+)",
    r"(?P<w>" + _TEAM_WORDS + r"|IT)\s+(?:still\s+)?(?:hasn'?t|haven'?t|didn'?t|is|are|to\s+)",
    r"\bbeing\s+[a-z]+\s+by\s+(?P<w>" + NAME + r")",
    r"\b(?:still|is|are|sits?|sitting)\s+with\s+(?:the\s+|our\s+)?(?P<w>" + _TEAM_WORDS + r"|[A-Z][\w'’-]+)\b",
    r"\b(?:owned|held)\s+by\s+(?:the\s+|our\s+)?(?P<w>(?:" + NAME + r"|[a-zA-Z]+)\s+team|" + NAME + r"|" + _TEAM_WORDS + r")",
    r"\b(?i:asked|emailed|called|pinged|chased|contacted)\s+(?:their|our|the)\s+(?:[a-z]+\s+){1,2}(?P<w>" + NAME + r")",
)


def _first_person(w: WorkItem, names: _Names) -> str | None:
    for a in w.actions[:20]:
        for m in re.finditer(NAME, a.text):
            nm = _clean_name(m.group(0))
            if nm and nm in names.person_votes and not names.is_org(nm):
                return nm
    return None


def _first_org(w: WorkItem, names: _Names) -> str | None:
    for a in w.actions[:20] + [Action(text=n) for n in w.notes[:20]]:
        for m in re.finditer(NAME, a.text):
            nm = _clean_name(m.group(0))
            if nm and names.is_org(nm):
                return nm
    return None


# How notes write of a product, organisation or system, never of a person: after a determiner ("the
# Okta service", "the main Kubernetes ingress"), after a preposition of place or use ("support in
# Katana", "using Okta"), after a verb of trying or using + "with" ("experimenting with
# Elasticsearch"); or before a version or id ("Realtek rtw88", "Python 3", "Traefik v2"), a
# compound or domain ("Osb-cmdb", "Vercel.com"), an organisation suffix ("Acme Inc") or a noun it
# modifies that names a thing or a group ("Okta team", "Kubernetes cluster", "Homebrew maintainers").
_CAP = r"(?P<w>[A-Z][A-Za-z]*[a-z][A-Za-z]*|[A-Z]{2,})"  # "Okta", "GitHub", "AWS"
_THING_NOUN = (
    r"team|teams|folks|service|services|api|apis|sdk|cli|server|servers|cluster|clusters|controller|plugin|plugins|"
    r"library|libraries|package|packages|project|projects|foundation|community|org|organi[sz]ation|website|site|"
    r"docs|documentation|app|apps|cloud|platform|account|accounts|instance|instances|integration|integrations|"
    r"support|version|versions|release|releases|ingress|authentication|auth|login|sso|driver|drivers|program|"
    r"programme|repo|repos|repository|maintainers|developers|devs|users|build|builds|config|configuration|"
    r"container|containers|image|images|dashboard|workflow|workflows|pipeline|pipelines|backend|frontend|"
    r"database|engine|extension|extensions|module|modules|binary|binaries|runtime|kernel|dataset|datasets|"
    r"bindings|wrapper|protocol|format|license|licence|hardware|firmware|device|devices|chip|chips|cards?|"
    r"bot|bots|channel|channels|workspace|tenant|subscription|plan|tier|pricing|credits|store|registry|"
    r"inc|ltd|llc|corp|corporation|gmbh|ag|plc"
)
_SPEECH = (
    r"will|would|can|could|should|may|might|must|said|says|wrote|writes|made|did|does|has|had|have|is|was|took|"
    r"gave|found|sent|told|thinks|thought|opened|raised|asked|mentioned|suggested|proposed|shared|filed|created|"
    r"started|posted|reported|noted|left|agreed|and|or"
)
_THING_BEFORE = re.compile(
    rf"\b(?:(?:the|a|an|our|their|your|its|this|these|those)\s+(?P<mid>[a-z][\w-]*\s+)?"
    rf"|(?:in|into|onto|inside|via|using|use|uses|used|install|installed|installing|upgrade|upgraded|upgrading|"
    rf"migrate|migrated|migrating|ported|porting|deploy|deployed|deploying|run|runs|running)\s+"
    rf"|(?:experiment\w*|integrat\w*|compatible|compatibility|familiar|play\w*(?:\s+around)?|tinker\w*|"
    rf"replac\w*|built|build\w*|configur\w*|issues?|problems?|bugs?|crash\w*|compil\w*|set\s*up|setting\s+up)\s+with\s+)"
    rf"{_CAP}(?![\w'’@-])(?P<after>\s+[a-z]+)?"
)
# rf"(?<![\w@./-]){_CAP}..." with the capital letter first and the look-behind after it: the same
# matches, and re skips to the next capital letter instead of trying every position
_CAP_NOT_AFTER = r"(?P<w>[A-Z](?<![\w@./-].)(?:[A-Za-z]*[a-z][A-Za-z]*|[A-Z]+))"
_THING_AFTER = re.compile(
    rf"{_CAP_NOT_AFTER}(?:\s+v?\d|\s+[A-Za-z]*\d\w*|-[a-z0-9]|\.(?:com|org|io|net|dev|ai|app|js|py)\b"
    rf"|\s+(?:{_THING_NOUN})\b|\s+(?:Inc|Ltd|LLC|Corp|GmbH|Foundation|Labs)\b)"
)
_SPEECH_RE = re.compile(rf"\s+(?:{_SPEECH})$")


def thing_words(text: str) -> set[str]:
    """Capitalised words the notes write as a product, organisation or system (one pass each)."""
    text = re.sub(r"\S+@\S+|https?://\S+|`[^`\n]*`", " ", text)  # addresses and code say nothing here
    found: set[str] = set()
    for m in _THING_BEFORE.finditer(text):
        after = m.group("after") or ""
        if (m.group("mid") and not after) or _SPEECH_RE.match(after):
            continue  # "the doc Sam wrote", "our Sam will": a relative clause or Sam acts
        found.add(m.group("w"))
    for m in _THING_AFTER.finditer(text):
        found.add(m.group("w"))
    return found
