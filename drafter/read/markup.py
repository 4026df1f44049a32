"""Markup out of note text: what a line says, with links, tags and timeboxes set aside.

``clean(raw)`` turns one line's text (list marker and heading hashes already removed) into a
:class:`Clean`: the prose (bold/italic/code/links/HTML/emoji shortcodes stripped), the URLs it
held (resources, never prose), and context that is not prose: timeboxes ("(5 min)",
"timebox to 10 min"), agenda tags ("[discussion]"), bracket or parenthesis tags that may name an
owner ("[ehuss]", "(ehuss)") and done marks (an emoji check mark, struck-through text).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_URL = r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]"
URL_RE = re.compile(_URL, re.I)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")

_EMAIL_ANY = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def without_emails(raw: str) -> str:
    """``_EMAIL_ANY.sub(" ", raw)``: every address-like run replaced by a space. An address holds
    no white space, so on a long text only the words holding an '@' are rewritten (each the same
    way) and the rest is copied."""
    if len(raw) < 4096:
        return _EMAIL_ANY.sub(" ", raw)
    out, last, n = [], 0, len(raw)
    i = raw.find("@")
    while i >= 0:
        s = i
        while s > last and not raw[s - 1].isspace():
            s -= 1
        e = i
        while e < n and not raw[e].isspace():
            e += 1
        out += [raw[last:s], _EMAIL_ANY.sub(" ", raw[s:e])]
        last = e
        i = raw.find("@", e)
    out.append(raw[last:])
    return "".join(out)


_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
_LINK = re.compile(r"\[([^\]\[]+)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFLINK = re.compile(r"\[([^\]\[]+)\]\[[^\]]*\]")
_ADOC_LINK = re.compile(r"(?:link:)?((?:https?|mailto):[^\s\[\]]+)\[([^\]]*)\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>", re.I)
_RST_LINK = re.compile(r"`([^`<]+?)\s*<([^>]+)>`__?")
_RST_ROLE = re.compile(r":[\w-]+:`([^`]+)`")
_RST_REF = re.compile(r"`([^`]+)`_")
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s+[^<>]*)?/?>")
# a marker in capitals between angle brackets ("<START OF OUTAGE>", "<END OF OUTAGE>"): no tag
_SHOUT = re.compile(r"<\s*([A-Z][A-Z0-9]*(?:[ _-]+[A-Z0-9]+)+)\s*>")
# the end of an HTML block inside a line (a table cell written as "<ul><li>a</li><li>b</li></ul>"): a sentence ends there
_BLOCK_END = re.compile(r"\s*(?:</li>|</p>|<br\s*/?>|</div>|</h[1-6]>)\s*", re.I)
# a short list item over a paragraph ("<li>Wallets</li></ol><p>Discussion ...") labels it: "Wallets: Discussion ..."
_LABEL_ITEM = re.compile(r"<li>\s*([^<>]{1,40}?)\s*</li>\s*</[ou]l>\s*<p>", re.I)


def _shout_words(s: str) -> str:
    """'<START OF OUTAGE>' -> '(start of outage)'."""
    return _SHOUT.sub(lambda m: f"({m.group(1).strip().lower()})", s)

_CODE = re.compile(r"``?([^`]+)``?")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# the opening mark first and the look-behind after it (r"(?<![\w*])\*" as r"\*(?<![\w*]\*)"): the
# same matches, and re finds a pattern's leading literal fast instead of trying every position
_ITALIC_STAR = re.compile(r"\*(?<![\w*]\*)(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_ITALIC_UND = re.compile(r"_(?<![\w_]_)(?=\S)([^_]+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_EMOTICON = re.compile(r"(?:(?<=\s)|(?<=[!.?]))[:;]-?(?:[DPp3](?=[\s)]|$)|[)(](?=\s|$))")
_EMOJI_CODE = re.compile(r":(?<![\w:]:)[a-z0-9_+-]{2,40}:(?![\w:])")  # r"(?<![\w:]):...", literal first
_DONE_EMOJI = re.compile(r"[\u2705\u2714\u2611]|:(?:white_check_mark|heavy_check_mark|ballot_box_with_check|check):")
_EMOJI = re.compile(
    "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\uFE0F\u200D\u20E3\u2190-\u21FF\u25A0-\u25FF]"
)
_TRAILING_BOLD_NAME = re.compile(
    r"[\s(\[–—-]*(?:\*\*|__)\s*@?([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}|@[\w.-]+)\s*(?:\*\*|__)[\s)\].]*$"
)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")

_MIN = r"(?:\d+(?:\.\d+)?\s*(?:-\s*\d+\s*)?(?:min(?:ute)?s?|mins?|m|h|hrs?|hours?)\b)"
TIMEBOX_RE = re.compile(
    "|".join(
        [
            r"\(\s*(?:time(?:box)?\s*[:=]?\s*|~\s*)?" + _MIN + r"\s*\)",  # (5 min), (Time: 10 min)
            r"\[\s*(?:time(?:box)?\s*[:=]?\s*)?" + _MIN + r"\s*\]",  # [10 mins]
            r"\btime\s*box(?:ed)?\s*(?:to|:)?\s*" + _MIN,  # timebox to 10 min
            r"\btime\s*:\s*" + _MIN,  # Time: 10 min
            r"(?:^|\s)[-–—]\s*" + _MIN + r"\s*$",  # ... - 5 min
        ]
    ),
    re.I,
)
# bracketed / parenthesised tags: [discussion], (FYI), [ehuss], (@alice, @bob)
_BRACKET = re.compile(r"\[([^\]\[]{1,40})\]|\(([^()]{1,40})\)")
AGENDA_TAGS = {
    "discussion", "decision", "decisions", "fyi", "info", "information", "update", "updates", "announcement",
    "announcements", "action", "question", "proposal", "vote", "review", "status", "brief", "demo", "wip",
    "done", "blocked", "blocker", "urgent", "optional", "recurring", "carryover", "carried over", "new", "old",
    "tbd", "todo", "p0", "p1", "p2", "p3", "high", "medium", "low", "minor", "major", "nomination", "rfc",
    "draft", "approved", "resolved", "closed", "open", "deferred", "skipped", "no update", "none",
}  # fmt: skip


@dataclass
class Clean:
    text: str
    urls: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    timeboxes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # agenda tags: "discussion", "fyi"
    owner_tags: list[str] = field(default_factory=list)  # "[ehuss]", "(ehuss)", "(@alice)": maybe an owner
    struck: bool = False  # the whole text was struck through
    done_mark: bool = False  # a check-mark emoji

    @property
    def context(self) -> list[str]:
        return self.timeboxes + self.tags


def strip_comments(text: str) -> str:
    return _COMMENT.sub(" ", text)


def _tag_like_owner(inner: str) -> bool:
    """'ehuss', '@alice', 'Eric Huss', 'alice, bob', 'alice/bob' may name owners; prose may not."""
    parts = [p.strip() for p in re.split(r"[,/&+]|\band\b", inner) if p.strip()]
    if not parts or len(parts) > 4:
        return False
    for p in parts:
        if not re.fullmatch(r"@?[A-Za-z][\w.-]*(?:\s+[A-Z][\w'-]*){0,2}", p):
            return False
    return True


_AI_BEFORE = re.compile(r"\b(?:AI|A\.I\.|Action(?: item)?|TODO)\s*$", re.I)  # searched up to a bracket
_NONTRIVIAL = re.compile(r"[^\[\]xX\s\-–—:|]")
_NONTRIVIAL_AT: list = [None, None]  # the last text asked about, its first and last non-trivial character


def _name_before(s: str, end: int) -> bool:
    """``re.search(r"[A-Z][\\w'’-]+\\s*$", s[:end])``, looking back only over the last word."""
    j = end
    while j > 0 and s[j - 1].isspace():
        j -= 1
    i = j
    while i > 0 and (s[i - 1].isalnum() or s[i - 1] in "_'’-"):
        i -= 1
    return j - i >= 2 and any("A" <= c <= "Z" for c in s[i: j - 1])


def _other_text(s: str, start: int, end: int) -> bool:
    """Does ``s`` outside ``[start, end)`` hold a character no checkbox or separator is made of?
    (Then the bracket is not the whole text; the positions are found once per text.)"""
    if _NONTRIVIAL_AT[0] is not s:
        first = _NONTRIVIAL.search(s)
        last = _NONTRIVIAL.search(s[::-1])
        _NONTRIVIAL_AT[:] = [s, (first.start(), len(s) - 1 - last.start()) if first and last else None]
    span = _NONTRIVIAL_AT[1]  # the first and the last non-trivial character
    return span is not None and (span[0] < start or span[1] >= end)


_ISSUE_URL = re.compile(r"^https?://(?:www\.)?(?:github\.com|gitlab\.com)/[\w.-]+/(?P<repo>[\w.-]+)/(?:pull|issues|merge_requests|-/issues|-/merge_requests)/(?P<n>\d+)/?$", re.I)
_VERB_AFTER = re.compile(r"\s+(?:was|is|has|have|had|got|were|are|landed|merged|needs|still|now|should|will|can)\b", re.I)
_REVERSED_LINK = re.compile(r"\(([^()\[\]]{1,40})\)\[(https?://[^\]\s]+)\]")
_POINTER_LABEL = re.compile(r"^\W*(?:\[[ xX]\]\s*)?(?:\w+\s+){0,2}(?:pull request|pr|issue|ticket|discussion|see|see issue|cf)\s*:\s*$", re.I)
_REPO_URL = re.compile(r"^https?://(?:www\.)?(?:github\.com|gitlab\.com)/([\w.-]+/[\w.-]+?)(?:\.git)?/?$", re.I)
_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/?#:\s]+)", re.I)
_WORD_AFTER = re.compile(r"\s+[A-Za-z(]")
_NON_SPACE = re.compile(r"\S")


def _url_in_text(m: re.Match) -> str:
    """A bare link inside a sentence keeps its host ("responses from https://wire.com/x in all
    regions" -> "responses from wire.com in all regions"): dropping it would leave "from in". A link
    at the end of the text or before punctuation goes."""
    # read around the link in place: copying the rest of the text per link was quadratic on one
    # long line of links
    text = m.string
    ref = _ISSUE_URL.match(m.group(0))
    if ref and _NON_SPACE.search(text, 0, m.start()) is None and _VERB_AFTER.match(text, m.end()) or (
            ref and _NON_SPACE.search(text, 0, m.start()) is not None and re.match(r"\s+[a-z(]", text[m.end():m.end() + 3])):
        # the link is the sentence's subject ("<link> was merged": 'lumino#373 was merged') or a word inside it ("see <link> for more")
        return f"{ref.group('repo')}#{ref.group('n')}"
    if ref and _POINTER_LABEL.search(text, 0, m.start()) and not _NON_SPACE.search(text, m.end()):
        return f"{ref.group('repo')}#{ref.group('n')}"  # "Pull request: <link>", "See issue: <link>": the pointer is its number
    if not _WORD_AFTER.match(text, m.end()) and re.fullmatch(r"\s*[-*+]?\s*(?:\[[ xX]\]\s*)?(?!(?:see|cf|ref|refs|read|visit|link|links|more|details|docs|source|via|here)\s)[A-Za-z]+\s+", text[: m.start()], re.I):
        # "Delete https://github.com/benjaminoakes/staging.benjaminoakes.com": the link is the verb's object, the task says what
        repo = _REPO_URL.match(m.group(0))
        host = _HOST.match(m.group(0))
        return repo.group(1) if repo else host.group(1) if host else ""
    if not _WORD_AFTER.match(text, m.end()) or _NON_SPACE.search(text, 0, m.start()) is None:  # a heading that opens with a link is not "github.com weak namespace"
        return ""
    repo = _REPO_URL.match(m.group(0))
    if repo:  # "Refer to https://github.com/livereload/livereload-js for how to ...": the repository, not 'github.com'
        return repo.group(1)
    host = _HOST.match(m.group(0))
    return host.group(1) if host else ""


_DIGIT = re.compile(r"\d")
_WWW = re.compile(r"www\.", re.I)  # URL_RE's other opening (on ASCII text: "www." in lower case)
_DONE_MARKS = ("\u2705", "\u2714", "\u2611", ":white_check_mark:", ":heavy_check_mark:", ":ballot_box_with_check:", ":check:")  # what _DONE_EMOJI matches


def clean(raw: str) -> Clean:
    """The prose of one line, with markup removed and context set aside (see module doc)."""
    out = Clean(text="")
    s = strip_comments(raw) if "<!--" in raw else raw
    # each step below runs only when the text holds a character its pattern cannot match without
    # (the same result; on one long line each skipped pass over the text is a few ms)
    if any(mark in s for mark in _DONE_MARKS):
        out.done_mark = True
        s = _DONE_EMOJI.sub(" ", s)
    whole = s.strip()
    if re.fullmatch(r"~~.+~~", whole):
        out.struck = True
    tm = _TRAILING_BOLD_NAME.search(s) if "**" in s or "__" in s else None
    if tm and len(s[: tm.start()].split()) >= 3:
        out.owner_tags.append(tm.group(1).strip())  # "... to be namespaced. **Robert Vinluan**"
        s = s[: tm.start()]
    if "[^" in s:
        s = re.sub(r"\[\^[\w-]{1,20}\](?::\s*)?", " ", s)  # a footnote mark or label ("[^1]", "[^1]: ...")
    if "[link" in s.lower():  # "[link to github issue]" (with or without its url): the template's pointer, no prose
        s = re.sub(r"\s*\[link(?: to)?(?: (?:the|a|an))?(?: (?:github|gh|jira))? (?:issue|ticket|pr|pull request)s?\](?:\([^()\s]*\))?\]?", "", s, flags=re.I)
    if "`" in s:
        s = _RST_LINK.sub(lambda m: (out.urls.append(m.group(2)) or m.group(1)), s)
    if "![" in s:
        s = _IMAGE.sub(lambda m: (out.urls.append(m.group(2)) or (m.group(1) if m.group(1) and not URL_RE.fullmatch(m.group(1)) else "")), s)
    if ")[http" in s:  # "(Pull request)[https://...]": a link written the wrong way round, its words and its link
        s = _REVERSED_LINK.sub(r"\1 \2", s)
    if "](" in s:
        s = re.sub(r"(?<=[A-Za-z0-9])\[(?=[^\]\[]+\]\()", " [", s)  # "Completed[PR#18](url)": two words
    if "](" in s:
        s = _LINK.sub(lambda m: (out.urls.append(m.group(2)) if m.group(2) else None) or (m.group(1) if not URL_RE.fullmatch(m.group(1).strip()) else ""), s)
    if "][" in s:
        s = _REFLINK.sub(r"\1", s)
    if "http" in s or "mailto:" in s:
        s = _ADOC_LINK.sub(lambda m: (out.urls.append(m.group(1)) or (m.group(2) if m.group(2) and not URL_RE.fullmatch(m.group(2)) else "")), s)
    if s.endswith(("+", "+\n")):
        s = re.sub(r"\s\+$", "", s)  # AsciiDoc hard line break
    if "<" in s:
        s = _AUTOLINK.sub(lambda m: (out.urls.append(m.group(1)) or ""), s)
    if "`" in s:
        s = _RST_ROLE.sub(r"\1", s)
        s = _RST_REF.sub(r"\1", s)
    if "<" in s:
        s = _shout_words(s)  # "<START OF OUTAGE>" in a timeline: the notes' marker, in words
        if _BLOCK_END.search(s):  # "<ol><li>Wallets</li></ol><p>Discussion ...</p><ol start="2"><li>Partnerchains</li>": one entry each
            s = _LABEL_ITEM.sub(r"\1: ", s)
            s = _BLOCK_END.sub("\x00 ", s)
        s = _TAG.sub(" ", s)
        if "\x00" in s:
            s = re.sub(r"^[\s\x00]+|[\s\x00]+$", "", s)
            s = re.sub(r"(?<=[.!?:;])\s*\x00|\s*\x00(?=\s*(?:\x00|$))", "", s).replace("\x00", ".")
    if "&" in s:  # every HTML entity, named or numeric ("&nbsp;", "&#x20;", "&rsquo;"), as its character
        s = html.unescape(s).replace("\xa0", " ")
        if "<" in s:  # "&lt;START OF OUTAGE&gt;"
            s = _shout_words(s)
    if "://" in s or ("www." in s.lower() if s.isascii() else _WWW.search(s)):
        s = URL_RE.sub(lambda m: (out.urls.append(m.group(0)) or _url_in_text(m)), s)
    if "@" in s:
        s = re.sub(r"<([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>", r"\1", s)  # <security@pypi.org>
        # an address holds no white space: the addresses of the words holding an '@' (the same
        # matches as EMAIL_RE.findall(s), whose \b sees white space at a word's edges)
        out.emails = [e for w in s.split() if "@" in w for e in EMAIL_RE.findall(w)]
    if "`" in s:
        s = _CODE.sub(r"\1", s)
        s = s.replace("`", "")  # an unpaired backtick
    if "{{" in s:  # a template's slot: "{{ Start writing after action reports }}" is the text; "{{ summary }}" unfilled
        s = re.sub(r"\{\{\s*(.*?)\s*\}\}", lambda m: "" if re.fullmatch(r"[a-z_ ]{1,20}", m.group(1)) and len(m.group(1).split()) <= 2 else m.group(1), s)
    if "==" in s:  # "==@raulk==": markdown highlight
        s = re.sub(r"==(?=\S)([^=\n]{1,80}?)(?<=\S)==", r"\1", s)
    escaped = "\\" in s and bool(re.search(r"\\[*_~]", s))
    if escaped:  # "\_\_init__.py": escaped marks are the text's own, no emphasis to strip
        s = s.replace("\\_", "\x00u").replace("\\*", "\x00s").replace("\\~", "\x00t")
    if "~~" in s:
        s = _STRIKE.sub(r"\1", s)
    if "**" in s or "__" in s:
        for _ in range(2):
            s = _BOLD.sub(r"\2", s)
    if "*" in s:
        s = _ITALIC_STAR.sub(r"\1", s)
    if "_" in s:
        s = _ITALIC_UND.sub(r"\1", s)
    s = s.replace("**", "")
    if "__" in s:
        s = re.sub(r"(?<![\w\x00])__|__(?![\w.])", " ", s)  # a stray mark; not the "__" of "__init__.py"
    if ":" in s:
        s = _EMOJI_CODE.sub(" ", s)
        s = _EMOTICON.sub("", s)  # "Merged! :D": a smile, no words
    if not s.isascii():
        s = _EMOJI.sub(" ", s)
    if "\\" in s:
        s = _ESCAPE.sub(r"\1", s)
    if escaped:
        s = s.replace("\x00u", "_").replace("\x00s", "*").replace("\x00t", "~")

    def timebox(m: re.Match) -> str:
        out.timeboxes.append(m.group(0).strip(" -–—()[]"))
        return " "

    if _DIGIT.search(s):  # every timebox holds a number of minutes or hours
        s = TIMEBOX_RE.sub(timebox, s)

    def bracket(m: re.Match) -> str:
        inner = (m.group(1) or m.group(2) or "").strip()
        low = inner.lower().strip(" :")
        if re.match(r"[A-Za-z]", m.string[m.end() : m.end() + 1]):
            return inner  # "[PROPOSAL]s in GitHub Issues": a word, not a tag
        if low in AGENDA_TAGS or re.fullmatch(r"[a-z]+(?:[ -][a-z]+)?", low) and low in AGENDA_TAGS:
            out.tags.append(low)
            return " "
        if m.group(1) is not None and re.fullmatch(r"[xX ]?", inner):
            return m.group(0)
        # the text before and after the bracket is looked at near the bracket only: copying and
        # rescanning the whole line per bracket was quadratic on one long line
        string, start, end = m.string, m.start(), m.end()
        if m.group(2) is not None and _name_before(string, start) and inner[:1].isupper():
            return m.group(0)  # "Josh Triplett (Mozilla)": a name and its organisation

        def at_end() -> bool:
            after = string[end:].strip()
            return not after or bool(re.fullmatch(r"(?:[\(\[][^)\]]*[\)\]]\s*)*[:.]?", after))

        j = start
        while j > 0 and string[j - 1].isspace():
            j -= 1
        ai = _AI_BEFORE.search(string[max(0, j - 13): start]) is not None  # a keyword ends at j: 11 characters at most
        if not _other_text(string, start, end):
            others = (string[:start] + " " + string[end:]).strip()
            if not re.sub(r"\[[ xX]?\]|[\s\-–—:|]", "", others):
                return m.group(0)  # "[thecatapi] [x]": the bracket is the text itself
        def at_start() -> bool:  # "- [ ] (@CaJiFan) add references": the box's owner, written first
            return not re.sub(r"\[[ xX]?\]|[\s\-*+–—:|]", "", string[:start]) and all(
                p.strip().startswith("@") for p in re.split(r"[,/&+]|\band\b", inner) if p.strip())

        if _tag_like_owner(inner) and (m.group(1) is not None or ai or (at_end() and _looks_like_handle_list(inner)) or at_start()):
            out.owner_tags.extend(p.strip().lstrip("@") for p in re.split(r"[,/&+]|\band\b", inner) if p.strip())
            return " "
        return m.group(0)

    if "[" in s or "(" in s:
        s = _BRACKET.sub(bracket, s)
    if ")" in s or "]" in s:
        s = re.sub(r"\(\s*[,;:]?\s*\)|\[\s*\]", " ", s)  # brackets emptied by the steps above
    s = " ".join(s.split())  # re.sub(r"\s+", " ", s).strip(): str.split's white space is \s
    s = re.sub(r"\s+([,.;:)]|[!?](?!\w))", r"\1", s)  # "PR !141" (a GitLab merge request) keeps its space
    if "(" in s or "[" in s:
        s = re.sub(r"([(\[])\s+", r"\1", s)
    # a trailing ':' stays: it marks a label (the only white space left is single spaces, so this
    # is re.sub(r"^[\s,;:|–—-]+|[\s,;|–—-]+$", "", s))
    s = s.lstrip(" ,;:|–—-").rstrip(" ,;|–—-")
    if out.urls:
        s = _drop_pointers(s, raw)
        tail = re.sub(r"\s\+$", "", raw.rstrip())  # an AsciiDoc hard line break after the link
        last = tail.split()[-1] if tail.strip() else ""
        if s.endswith(":") and URL_RE.search(last) and not re.search(r"\]\([^()\s]*\)\W*$", last):  # a [text](url) keeps its words and their colon
            s = s[:-1]  # "Uptime and alerting issue: <url>": the label of a link, not a label of lines below
    if "@" in s:  # "Go through the graduation proposal @mingcheng": handles after the task own it
        tm = _TRAILING_HANDLES.search(s)
        before = s[: tm.start()].rstrip() if tm else ""
        # ("This week: @fasttime" is a label and its value: the rota reads it as written)
        if tm and re.search(r"[^\W\d_]", before) and not before.endswith(":"):
            out.owner_tags.extend(h.lstrip("@") for h in tm.group("hs").split())
            s = s[: tm.start()].rstrip(" ,;:–—-")
    out.text = s.strip()
    return out


# what is left of a pointer once its links are set aside: "..., refer to." (a bare link went), "(refer: #1599,
# #1358)", "(see #12)" (links whose text is an issue number), "(topics)" (a parenthesis that only held a one-word link)
_DANGLING_POINTER = re.compile(r"[,;]?\s*\b(?:please\s+)?(?:refer(?:\s+to)?|see(?:\s+also)?|cf\.?|ref\.?|more (?:at|in)|details (?:at|in))\s*[:.]?\s*(?=$|[.;)])", re.I)
_REF_PAREN = re.compile(r"\s*\(\s*(?:(?:refer(?:\s+to)?|see(?:\s+also)?|cf\.?|ref\.?)\s*:?\s*)?#\d+(?:\s*(?:,|and|&)\s*#\d+)*\s*\)", re.I)
_LINK_WORD_PAREN = re.compile(r"\(\s*\[[a-z]+\]\([^)\s]*\)\s*\)")


def _drop_pointers(s: str, raw: str) -> str:
    """The prose without pointers that only led to the links set aside (see above): a readable clause
    ("Improve governance community documentation and processes.", not "... (refer: #1599, #1358)")."""
    said = _DANGLING_POINTER.sub("", s)
    said = _REF_PAREN.sub("", said) if "(" in said and "](" in raw else said
    if "(" in said and _LINK_WORD_PAREN.search(raw):
        for m in _LINK_WORD_PAREN.finditer(raw):
            word = re.match(r"\(\s*\[([a-z]+)\]", m.group(0)).group(1)
            said = re.sub(rf"\s*\({re.escape(word)}\)", "", said, count=1)
    if said == s:
        return s
    said = re.sub(r"\s*\(\s*\)", "", said)  # "(see <url>)": the brackets go with it
    said = re.sub(r"\s+([.,;])", r"\1", said).strip(" ,;")
    return said if len(said.split()) >= 3 else s  # "Details at <url>." is all there is: left as it was


# one or more @handles ending a line, after the task ("... in the Nydus. @imeoer @BraveY"), not after
# a word that makes them the object ("Ask @benjamn", "thanks @alice", "cc @bob", "with @sam")
_TRAILING_HANDLES = re.compile(
    r"(?<![\w@])(?<!\bask )(?<!\bcc )(?<!\bwith )(?<!\bthanks )(?<!\bto )(?<!\bfrom )(?<!\bby )(?<!\band )(?<!\bping )"
    r"(?P<hs>@[A-Za-z0-9][\w.-]*[A-Za-z0-9](?:\s+@[A-Za-z0-9][\w.-]*[A-Za-z0-9])*)\s*$",
    re.I,
)


def _looks_like_handle_list(inner: str) -> bool:
    """A parenthesis names an owner only when it reads as handles/names, not as a short aside:
    '(ehuss)', '(@alice, @bob)', '(Eric Huss)'; not '(done)', '(see below)', '(v2)'."""
    from .people import is_common_word  # noqa: PLC0415 (people is imported lazily)

    parts = [p.strip() for p in re.split(r"[,/&+]|\band\b", inner) if p.strip()]
    for p in parts:
        if p.startswith("@"):
            continue
        words = p.split()
        if len(words) > 3:
            return False
        if len(words) == 1 and re.search(r"\d", p):
            return False
        if len(words) > 1 and any(is_common_word(w) for w in words):
            return False
    # common words are never owner tags: decided by the people module (wordfreq)
    return all(p.startswith("@") or not all(is_common_word(w) for w in p.split()) for p in parts)


def plain(raw: str) -> str:
    """Just the prose of ``raw``."""
    return clean(raw).text


def has_markup(text: str) -> bool:
    """Markdown/HTML markup or a URL left in ``text`` (for tests and guards)."""
    return bool(
        URL_RE.search(text)
        or re.search(r"\*\*|__|~~|`|<[A-Za-z/!][^>]*>|\]\(|^#{1,6}\s|^\s*[-*+]\s\[[ xX]\]", text)
    )
