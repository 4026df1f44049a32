"""People come from evidence, never from capitalisation alone."""

from __future__ import annotations

from drafter.read.outline import build_outline
from drafter.read.people import find_people, is_common_word


def people(text: str) -> dict[str, str]:
    return {p.name: p.evidence for p in find_people(build_outline(text)).persons()}


def test_common_english_words_are_not_names_but_names_are():
    for word in ("Kick", "Happy", "Approval", "Starting", "Contributions", "Discussion", "Update", "Blocked"):
        assert is_common_word(word), word
    for name in ("Eric", "Lee", "Priya", "Dana", "Sam", "Omar", "Carol", "ehuss"):
        assert not is_common_word(name), name


def test_capitalised_words_at_line_start_are_not_people():
    got = people("## Edition\n- Kick off the call for testing\n- Happy with the progress\n- Approval needed from the council\n- Starting next week\n")
    assert got == {}


def test_evidence_kinds():
    text = (
        "Attendees: Eric Huss, Priya\n"
        "- @tmandry will draft the RFC\n"
        "- Josh to ask legal about the license\n"
        "- AI(carol): post the link\n"
        "From: Dana Whitfield <dana@acme.example>\n"
        "- Sync with Raj on the schema\n"
    )
    got = people(text)
    assert got["Eric Huss"] == "attendee" and got["Priya"] == "attendee"
    assert got["tmandry"] == "handle"
    assert got["Josh"] == "owner"
    assert got["carol"] == "owner"
    assert got["Dana Whitfield"] == "email"
    assert got["Raj"] == "with"


def test_speaker_labels_are_strong_evidence_and_weekdays_are_not_people():
    assert people("Larry: we should ship\nJohn: agreed\n") == {"Larry": "speaker", "John": "speaker"}
    assert people("Mon: emailed the vendor\nTue: called again\n") == {}


def test_a_word_also_written_in_lower_case_in_the_notes_is_no_person():
    got = people("- Status will be posted Friday\n- the status page is down\n")
    assert "Status" not in got


def test_person_lines_list_every_line_naming_them():
    p = find_people(build_outline("Attendees: Olga\n- Olga will assign students\n- ask Olga first\n")).persons()
    assert [(x.name, x.lines) for x in p] == [("Olga", [1, 2, 3])]
