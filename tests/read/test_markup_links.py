"""Links glued to the word before them keep the two words apart; tags glued to a word stay words."""

from drafter.read.markup import clean


def test_a_link_glued_to_a_word_is_two_words():
    c = clean("1. Completed[PR#18](https://example.org/pull/18) Register UI")
    assert c.text == "1. Completed PR#18 Register UI"
    assert c.urls == ["https://example.org/pull/18"]


def test_a_bracket_word_with_a_suffix_is_a_word_not_a_tag():
    assert clean("`[PROPOSAL]`s in GitHub Issues are not great").text == "PROPOSALs in GitHub Issues are not great"


def test_html_entities_become_their_characters_never_prose():
    # a numeric entity left by an HTML-to-markdown export (seen in real committee minutes)
    assert clean("The voting seats present&#x20; participated").text == "The voting seats present participated"
    assert clean("Q&amp;A &lt;today&gt; caf&eacute;").text == "Q&A <today> café"
    assert clean("AT&T signed").text == "AT&T signed"  # a bare ampersand is text
