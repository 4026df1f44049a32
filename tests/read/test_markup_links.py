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


# Dragonfly maintainer meeting 2025-07-01 (dragonflyoss/community, meetings/maintainer/2025-07-01;
# fresh2): pointers whose links are set aside leave no fragment in the prose (the links stay in urls)
def test_a_pointer_to_a_link_set_aside_goes_with_it():
    c = clean("- [x] Collect old version release notes and add them to the Dragonfly Website, refer to https://www.cncf.io/?s=dragonfly. @mingcheng")
    assert c.text == "[x] Collect old version release notes and add them to the Dragonfly Website."
    assert c.urls == ["https://www.cncf.io/?s=dragonfly"] and c.owner_tags == ["mingcheng"]
    c = clean("- [ ] Improve governance community documentation and processes. (refer: [#1599](https://github.com/cncf/toc/issues/1599), "
              "[#1358](https://github.com/cncf/toc/issues/1358)) @mingcheng")
    assert c.text == "Improve governance community documentation and processes."
    assert len(c.urls) == 2
    c = clean("- [x] Collect the next meeting topics and host the next meeting.([topics](https://github.com/dragonflyoss/community/issues/44)) @chlins")
    assert c.text == "[x] Collect the next meeting topics and host the next meeting."


def test_a_pointer_that_is_the_whole_line_or_carries_words_stays():
    assert clean("Details at https://a.example/c.").text == "Details at."  # nothing else to say: left as it was
    assert clean("Read [the RFC](http://x.example) (see below)").text == "Read the RFC (see below)"
    assert clean("See https://example.com for details").text == "See example.com for details"
    assert clean("Fix it (see #12)").text == "Fix it (see #12)"  # no link set aside: an issue number as written
