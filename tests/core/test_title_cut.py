"""A title longer than its field is cut at a word and marked cut, never mid-word: the delegate of the
UW AutoCalendar week-5 report was titled "... during the synchronizatio"."""

from drafter.playbook.text import within

# excerpt of danielqiang/uw_autocalendar reports/week5.md (/work/helpers/fresh2/standup-uw-autocalendar-week5.md)
TASK = ("Move AutoCalendar sync process to background script so user does not have to stay on the popup "
        "during the synchronization process (3 days).")


def test_within_never_cuts_a_word():
    t = within(TASK, 120)
    assert len(t) <= 120 and t.endswith("…")
    assert TASK.startswith(t[:-1]) and TASK[len(t) - 1] == " "  # the cut falls between words
    assert within("Fix the login page", 120) == "Fix the login page"
