"""A past date phrase says when something happened, never when it is due: 'First meeting
yesterday' under a list of next steps is no missed deadline; 'The report was due yesterday' is."""

import datetime as dt

from drafter import Drafter
from drafter.dates import find_dates, when_it_happened
from drafter.read import read_notes

AS_OF = dt.date(2025, 1, 17)


def test_a_past_phrase_is_when_it_happened_unless_due_says_otherwise():
    for text, happened in (("First meeting yesterday", True), ("Call the vendor last Friday", True),
                           ("The report was due yesterday", False), ("Send the deck by Friday", False)):
        m = find_dates(text, AS_OF)[0]
        assert when_it_happened(text, m) is happened, text


def test_no_missed_date_is_invented_from_yesterday():
    notes = "# Next steps\n\n- First meeting yesterday.\n- Call the vendor last Friday\n- The report was due yesterday\n"
    dues = {c.what: c.due for i in read_notes(notes, AS_OF).items for c in i.commitments}
    assert dues.get("First meeting") is None and dues.get("Call the vendor") is None, dues
    assert dt.date(2025, 1, 16) in dues.values(), dues  # 'was due yesterday' stays a date missed
    text = Drafter(engine="offline").draft("update", notes, as_of=AS_OF.isoformat()).render("markdown")
    assert "First meeting was due" not in text and "Call the vendor was due" not in text, text
