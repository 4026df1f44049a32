"""Date phrases: resolution table, free-text finding, formatting and business days.

as_of is Wed 25 Nov 2026 unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from drafter.dates import add_business_days, find_dates, format_date, resolve_date

WED = dt.date(2026, 11, 25)
D = dt.date


@pytest.mark.parametrize(
    ("phrase", "direction", "expected"),
    [
        # explicit dates
        ("2026-11-20", "future", D(2026, 11, 20)),
        ("2026/11/20", "future", D(2026, 11, 20)),
        ("20 Nov", "future", D(2026, 11, 20)),
        ("Nov 20", "future", D(2026, 11, 20)),
        ("20th November", "future", D(2026, 11, 20)),
        ("November 27th, 2026", "future", D(2026, 11, 27)),
        ("Thu 27 Nov", "future", D(2026, 11, 27)),
        ("by Fri 27 Nov", "future", D(2026, 11, 27)),
        ("27 November", "future", D(2026, 11, 27)),
        ("Tuesday, November 24, 2026", "past", D(2026, 11, 24)),
        ("30th nov", "future", D(2026, 11, 30)),
        ("Dec 3", "future", D(2026, 12, 3)),
        ("Jan 5", "future", D(2027, 1, 5)),  # nearest year: next January, not last
        ("5 Jan 2026", "future", D(2026, 1, 5)),
        # numeric: day-first unless only month-first is valid
        ("20/11", "future", D(2026, 11, 20)),
        ("11/20", "future", D(2026, 11, 20)),
        ("3/12", "future", D(2026, 12, 3)),
        ("20/11/2026", "future", D(2026, 11, 20)),
        ("20/11/26", "future", D(2026, 11, 20)),
        # bare weekdays: deadline reading vs log-prefix reading
        ("Mon", "future", D(2026, 11, 30)),
        ("Mon", "past", D(2026, 11, 23)),
        ("Mon:", "past", D(2026, 11, 23)),
        ("Tuesday", "future", D(2026, 12, 1)),
        ("Wed", "future", WED),  # today counts as the next occurrence
        ("Wed", "past", WED),
        ("thurs", "future", D(2026, 11, 26)),
        ("tues", "past", D(2026, 11, 24)),
        ("due Thu", "future", D(2026, 11, 26)),
        ("by Friday", "future", D(2026, 11, 27)),
        ("this Friday", "future", D(2026, 11, 27)),
        ("next Tue", "future", D(2026, 12, 1)),
        ("next Thursday", "future", D(2026, 12, 3)),  # the Thursday of next week
        ("next Mon", "past", D(2026, 11, 30)),  # modifiers ignore direction
        ("last Monday", "future", D(2026, 11, 23)),
        ("last Wed", "future", D(2026, 11, 18)),
        # relative words
        ("EOD", "future", WED),
        ("end of day", "future", WED),
        ("COB", "future", WED),
        ("close of business", "future", WED),
        ("EOW", "future", D(2026, 11, 27)),
        ("end of week", "future", D(2026, 11, 27)),
        ("by end of next week", "future", D(2026, 12, 4)),
        ("today", "future", WED),
        ("tomorrow", "future", D(2026, 11, 26)),
        ("yesterday", "future", D(2026, 11, 24)),
        ("Yesterday:", "past", D(2026, 11, 24)),
        ("in 3 days", "future", D(2026, 11, 28)),
        ("in two weeks", "future", D(2026, 12, 9)),
        ("in a month", "future", D(2026, 12, 25)),
        ("in 2 business days", "future", D(2026, 11, 27)),
        ("3 days ago", "future", D(2026, 11, 22)),
        ("next week", "future", D(2026, 11, 30)),
        ("early next wk", "future", D(2026, 11, 30)),
        ("last week", "future", D(2026, 11, 16)),
        ("this week", "future", D(2026, 11, 27)),
        ("end of month", "future", D(2026, 11, 30)),
        ("EOM", "future", D(2026, 11, 30)),
        ("next month", "future", D(2026, 12, 1)),
    ],
)
def test_resolve_date_table(phrase, direction, expected):
    assert resolve_date(phrase, WED, direction=direction) == expected


@pytest.mark.parametrize("phrase", ["", "soon", "the board", "24/7", "31/31", "2026-02-30", "someday", "sat down"])
def test_resolve_date_rejects_non_dates(phrase):
    assert resolve_date(phrase, WED) is None


def test_this_week_looking_back_is_no_day():
    # "This week I redesigned the front-end UI ..." (UW AutoCalendar week 5 report): done some day of
    # this week; its Friday, as for a deadline, may lie after the notes' date
    assert resolve_date("this week", WED, direction="past") is None
    assert resolve_date("this week", WED, direction="future") == D(2026, 11, 27)


def test_month_end_and_year_rollover():
    sat = D(2026, 12, 26)
    assert resolve_date("next Tue", sat) == D(2026, 12, 29)
    assert resolve_date("end of month", D(2027, 2, 10)) == D(2027, 2, 28)
    assert resolve_date("Jan 2", sat) == D(2027, 1, 2)
    assert resolve_date("28 Dec", D(2027, 1, 3)) == D(2026, 12, 28)
    assert resolve_date("EOW", sat) == D(2027, 1, 1)  # weekend: the coming Friday


def test_find_dates_in_free_text_returns_spans():
    text = "Mon: emailed Dana for the docs, needed for the board meeting next Tue. Current ends Dec 15."
    found = find_dates(text, WED, direction="past")
    assert [(m.text, m.date) for m in found] == [
        ("Mon", D(2026, 11, 23)),
        ("next Tue", D(2026, 12, 1)),
        ("Dec 15", D(2026, 12, 15)),
    ]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_find_dates_parses_what_drafts_print():
    text = "Next: I will call Dana by Fri 27 Nov. If no reply by Thu 26 Nov, I will escalate. Due 2026-11-30; board on 1 December."
    dates = [m.date for m in find_dates(text, WED)]
    assert dates == [D(2026, 11, 27), D(2026, 11, 26), D(2026, 11, 30), D(2026, 12, 1)]


def test_find_dates_ignores_numbers_that_are_not_dates():
    text = "2 of 40M rows failed, $12k quote, v4.2 released, 24/7 support, 12 months, 8% up, OPS-412"
    assert find_dates(text, WED) == []


def test_ambiguous_lowercase_weekday_words_are_not_dates():
    assert find_dates("I sat with the team and we wed the plans", WED) == []
    assert [m.date for m in find_dates("Sat: deploy", WED)] == [D(2026, 11, 28)]


def test_format_date():
    assert format_date(D(2026, 11, 27)) == "Fri 27 Nov"
    assert format_date(D(2026, 11, 27), WED) == "Fri 27 Nov"
    assert format_date(D(2027, 1, 4), WED) == "Mon 4 Jan 2027"
    assert format_date(D(2026, 12, 1), WED) == "Tue 1 Dec"


def test_format_date_round_trips_through_find_dates():
    for offset in range(-40, 400, 7):
        d = WED + dt.timedelta(days=offset)
        text = f"by {format_date(d, WED)}."
        assert [m.date for m in find_dates(text, WED)] == [d], text


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2026, 11, 25), 0, D(2026, 11, 25)),
        (D(2026, 11, 25), 2, D(2026, 11, 27)),
        (D(2026, 11, 26), 2, D(2026, 11, 30)),  # Thu + 2 skips the weekend
        (D(2026, 11, 28), 1, D(2026, 11, 30)),  # from a Saturday
        (D(2026, 11, 30), -1, D(2026, 11, 27)),
        (D(2026, 11, 25), 10, D(2026, 12, 9)),
    ],
)
def test_add_business_days(start, n, expected):
    assert add_business_days(start, n) == expected


def test_module_imports_without_dateparser():
    code = "import sys, drafter.dates, drafter.read.personal; print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_month_and_day_do_not_join_across_lines():
    import datetime as dt

    from drafter.dates import find_dates

    found = find_dates("Keep the freeze through December.\n   3. Next step", dt.date(2026, 11, 25))
    assert all("\n" not in m.text for m in found)
    assert [m.date for m in find_dates("by Dec 3", dt.date(2026, 11, 25))] == [dt.date(2026, 12, 3)]


def _scan(text: str):
    from drafter.dates import _date_matches

    _date_matches.cache_clear()
    return [((at + m.start(), at + m.end()), m.groupdict()) for at, m in _date_matches(text)]


def test_word_gated_scan_finds_what_finditer_finds():
    """``_date_matches`` tries DATE_RE only at words a date can open with, on a few words of text:
    the same phrases, spans and groups as ``DATE_RE.finditer`` over the real notes and over random
    text made of date words, separators, look-behind characters and case-folding letters."""
    import random
    from pathlib import Path

    from drafter.dates import DATE_RE

    root = Path(__file__).resolve().parents[2]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "evals" / "real").rglob("*.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "examples").glob("*.*"))]
    pieces = list("  \t\n-/.,:@#_'0123456789aeimnorstuy") + [
        "mon", "Tue", "NOV", "27th", "the", "by", "end of", "next", "a few", "\u017fep", "\u212aelvin", "\u0131t",
        "twenty-first", "\u0663", "in 3 days", "2026-11-27", "20/11", "eod", "this week", "of", "   ", " ,- ",
        "a couple of", "business", "weeks", "ago", "the end of the next week", "thu the 27th of november 2026",
        ":5", "twenty first", "working", "x/", "@", "#12", "an", "a", "in", "this", "day", "days", "month", "wk",
        "seventh", "thirty",
    ]  # fmt: skip
    rnd = random.Random(8)
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 60))) for _ in range(4000)]
    found = 0
    for text in texts:
        expected = [(m.span(), m.groupdict()) for m in DATE_RE.finditer(text)]
        assert _scan(text) == expected, text[:200]
        found += len(expected)
    assert found > 1000  # the texts do hold dates


def test_a_long_phrase_is_found_whole():
    text = "ok, by   the end of the next week ; next Thu the 27th of November 2026, then x/27 Nov and @27 Nov"
    assert [t for (s, e), _ in _scan(text) for t in [text[s:e]]] == [
        "by   the end of the next week", "next Thu the 27th of November 2026"
    ]


def test_this_weekend_is_its_sunday():
    fri, sun = D(2018, 5, 4), D(2018, 5, 6)
    assert resolve_date("this weekend", fri) == sun
    assert resolve_date("next weekend", fri) == D(2018, 5, 13)
    assert resolve_date("this weekend", sun) == sun  # on the Sunday itself: today
    assert [m.text for m in find_dates("I'll make a PR this weekend that helps", fri)] == ["this weekend"]
    assert find_dates("a weekend of rest", fri) == []
