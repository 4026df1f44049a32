"""The few word-frequency answers the readers need, cached so a run need not load wordfreq.

wordfreq stays the source of the data. Importing it and loading its lists costs ~0.3-0.5 s, more
than the rest of a short ``drafter update``, while the readers ask only two yes/no questions:

* :func:`common_english`: is a lower-case word ordinary English rather than a name? (frequent in
  English, zipf >= 3.3 on the "small" lists, and clearly rarer in other languages: names are
  international). Used by :mod:`drafter.read.people` and :mod:`drafter.read.markup`.
* :func:`frequent_english`: is it frequent in English (zipf >= 3.0, wordfreq's best list)? Used by
  :mod:`drafter.read.provenance` for a capitalised first word of a sentence.
* :func:`verb_forms_common`: are a word's past and -ing forms common English words (so English
  uses it as a verb: 'bump' -> bumped, bumping; not 'music')? Used by :mod:`drafter.playbook.actions`.

Both answers are computed once with wordfreq for every plain ``[a-z]+`` word of its lists and kept
as two word sets in the user cache dir (``platformdirs.user_cache_dir("drafter")``, or
``DRAFTER_CACHE_DIR``), in a file named after wordfreq's version. A word that is not plain
letters (apostrophes, hyphens, digits, accents) is asked of wordfreq itself, as is every word
when the cache cannot be read or written.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

SCHEMA = 3
OTHER_LANGS = ("de", "fr", "es", "it", "nl", "pt", "pl", "sv")
COMMON_MIN, COMMON_SURE, COMMON_MARGIN = 3.3, 6.0, 0.9  # zipf thresholds of common_english
FREQUENT_MIN = 3.0  # zipf threshold of frequent_english
EVERYDAY_MIN = 4.6  # zipf threshold of everyday_english: "right", "happy", "help", "thanks", "update"
# zipf thresholds of verb_forms_common: strict (past >= 2.5, -ing >= 2.8, one of them >= 3.0); lenient (both >= 1.4)
VERB_PAST, VERB_ING, VERB_ONE, VERB_LENIENT = 2.5, 2.8, 3.0, 1.4
_PLAIN = re.compile(r"[a-z]+")


def _common_by_wordfreq(w: str) -> bool:
    from statistics import median

    from wordfreq import zipf_frequency

    # the "small" lists (words above ~1 per million) load in a fraction of a second; below that
    # a word is rare anyway
    en = zipf_frequency(w, "en", wordlist="small")
    if en < COMMON_MIN:
        return False  # rare in English: could be a name or handle
    if en >= COMMON_SURE:
        return True  # the, will, may, ...
    others = median(zipf_frequency(w, lang, wordlist="small") for lang in OTHER_LANGS)
    return en - others >= COMMON_MARGIN


def _frequent_by_wordfreq(w: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(w, "en") >= FREQUENT_MIN


def _everyday_by_wordfreq(w: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(w, "en") >= EVERYDAY_MIN


def everyday_english(w: str) -> bool:
    """wordfreq's answer for ``w`` (lower case): among English's most used words (zipf >= 4.6)."""
    sets = _sets()
    if sets is not None and _PLAIN.fullmatch(w):
        return w in sets[4]
    return _everyday_by_wordfreq(w)


def common_english(w: str) -> bool:
    """wordfreq's answer for ``w`` (lower case): frequent in English, clearly rarer elsewhere."""
    sets = _sets()
    if sets is not None and _PLAIN.fullmatch(w):
        return w in sets[0]
    return _common_by_wordfreq(w)


def frequent_english(w: str) -> bool:
    """wordfreq's answer for ``w`` (lower case): zipf >= 3.0 in English."""
    sets = _sets()
    if sets is not None and _PLAIN.fullmatch(w):
        return w in sets[1]
    return _frequent_by_wordfreq(w)


def verb_forms(w: str) -> tuple[str, str]:
    """The regular past and -ing forms of a base word ('bump' -> bumped, bumping; 'file' -> filed, filing)."""
    if w.endswith("e") and not w.endswith("ee"):
        return w + "d", w[:-1] + "ing"
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ied", w + "ing"
    return w + "ed", w + "ing"


def _verb_by_wordfreq(w: str, lenient: bool) -> bool:
    from wordfreq import zipf_frequency

    past, ing = verb_forms(w)
    p, g = zipf_frequency(past, "en"), zipf_frequency(ing, "en")
    if lenient:
        return min(p, g) >= VERB_LENIENT
    return p >= VERB_PAST and g >= VERB_ING and max(p, g) >= VERB_ONE


def verb_forms_common(w: str, lenient: bool = False) -> bool:
    """wordfreq's answer for ``w`` (lower case): its past and -ing forms are common words (strict
    thresholds, or ``lenient`` ones when what follows it is what follows a verb)."""
    sets = _sets()
    if sets is not None and _PLAIN.fullmatch(w):
        return w in sets[3 if lenient else 2]
    return _verb_by_wordfreq(w, lenient)


def _verb_sets(best: dict) -> tuple[list[str], list[str]]:
    """Every plain base word whose forms pass (strict, lenient). A base's forms are in the list when
    they pass, so the bases are found from the forms: each -ed/-d/-ied word names its base."""
    from wordfreq import zipf_to_freq

    floor = zipf_to_freq(VERB_LENIENT - 0.01)
    bases: set[str] = set()
    for x, f in best.items():
        if f < floor or not _PLAIN.fullmatch(x):
            continue
        if x.endswith("ied"):
            bases.add(x[:-3] + "y")
        if x.endswith("ed"):
            bases.add(x[:-2])
            bases.add(x[:-1])  # filed -> file
    strict = sorted(b for b in bases if b and verb_forms(b)[0] in best and _verb_by_wordfreq(b, False))
    lenient = sorted(b for b in bases if b and verb_forms(b)[0] in best and _verb_by_wordfreq(b, True))
    return strict, lenient


def build() -> dict:
    """Both word sets, from wordfreq (a few seconds, once per wordfreq version)."""
    from wordfreq import get_frequency_dict, zipf_to_freq

    small = get_frequency_dict("en", "small")
    floor = zipf_to_freq(COMMON_MIN - 0.01)  # zipf values are rounded: ask wordfreq near the edge
    common = sorted(w for w, f in small.items() if f >= floor and _PLAIN.fullmatch(w) and _common_by_wordfreq(w))
    best = get_frequency_dict("en", "best")
    floor = zipf_to_freq(FREQUENT_MIN - 0.01)
    frequent = sorted(w for w, f in best.items() if f >= floor and _PLAIN.fullmatch(w) and _frequent_by_wordfreq(w))
    strict, lenient = _verb_sets(best)
    floor = zipf_to_freq(EVERYDAY_MIN - 0.01)
    everyday = sorted(w for w, f in best.items() if f >= floor and _PLAIN.fullmatch(w) and _everyday_by_wordfreq(w))
    return {"schema": SCHEMA, "wordfreq": wordfreq_version(), "common_english": common, "frequent_english": frequent,
            "verb_strict": strict, "verb_lenient": lenient, "everyday_english": everyday}


def wordfreq_version() -> str | None:
    """wordfreq's installed version, read from its dist-info folder name (importing
    ``importlib.metadata`` alone costs more than the whole lookup)."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    if spec is None or not spec.origin:
        return None
    site = Path(spec.origin).parent.parent
    found = sorted(site.glob("wordfreq-*.dist-info"))
    if len(found) == 1:
        return found[0].name[len("wordfreq-"): -len(".dist-info")]
    from importlib.metadata import PackageNotFoundError, version  # an unusual layout

    try:
        return version("wordfreq")
    except PackageNotFoundError:
        return None


def cache_path(version: str) -> Path:
    base = os.environ.get("DRAFTER_CACHE_DIR")
    if not base:
        from platformdirs import user_cache_dir

        base = user_cache_dir("drafter")
    return Path(base) / f"wordfreq-{version}-lookups-v{SCHEMA}.json"


@lru_cache(maxsize=1)
def _sets() -> tuple[frozenset[str], ...] | None:
    """The cached word sets (built and saved on first use), or None: ask wordfreq each time."""
    version = wordfreq_version()
    if version is None:
        return None
    path = cache_path(version)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("schema") == SCHEMA and data.get("wordfreq") == version:
            return _as_sets(data)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    try:
        data = build()
    except Exception:  # wordfreq's data missing or broken: every word asks wordfreq (and fails as it would)
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        pass  # an unwritable cache dir: this run still uses the sets it built
    return _as_sets(data)


def _as_sets(data: dict) -> tuple[frozenset[str], ...]:
    keys = ("common_english", "frequent_english", "verb_strict", "verb_lenient", "everyday_english")
    return tuple(frozenset(data[k]) for k in keys)
