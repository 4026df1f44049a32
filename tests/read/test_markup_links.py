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
# A bare link inside a sentence keeps its host, so removing it leaves no hole ("responses from in
# all regions"); a link at the end of a line goes.

def test_a_link_mid_sentence_keeps_its_host():
    c = clean("Impacted users experienced 504 timeout responses from https://hachyderm.io/about in all regions")
    assert c.text == "Impacted users experienced 504 timeout responses from hachyderm.io in all regions"
    assert c.urls == ["https://hachyderm.io/about"]


def test_a_link_opening_a_line_goes():
    # a heading that opens with its issue link: "weak namespace and include guards", not "github.com weak ..."
    assert clean("https://github.com/o/r/issues/1 weak namespace and include guards").text == "weak namespace and include guards"


def test_a_trailing_link_goes():
    assert clean("Docs: https://x.org/a").text == "Docs"
    assert clean("see https://x.org/a.").text == "see."
