"""The outline: kinds, line numbers, depth and parents; clean text without markup."""

from __future__ import annotations

from drafter.read.markup import clean, has_markup
from drafter.read.outline import build_outline


def kinds(text: str) -> list[tuple[str, list[int]]]:
    return [(n.kind, n.lines) for n in build_outline(text).nodes]


def test_markdown_headings_nest_and_lists_hang_under_them():
    o = build_outline("# Title\n\n## Topic\n- a\n  - b\n- c\n")
    title, topic, a, b, c = o.nodes
    assert (title.kind, title.level, topic.level) == ("heading", 1, 2)
    assert topic.parent == title.index
    assert a.parent == topic.index and b.parent == a.index and c.parent == topic.index
    assert (a.depth, b.depth) == (0, 1)
    assert [h.text for h in o.heading_path(b)] == ["Title", "Topic"]


def test_setext_and_rst_underlines_are_headings_with_both_lines():
    o = build_outline("Title\n=====\n\nWhat I did\n~~~~~~~~~~\n\nFixed it.\n")
    assert [(n.kind, n.lines) for n in o.nodes] == [("heading", [1, 2]), ("heading", [4, 5]), ("para", [7])]
    assert o.nodes[2].parent == o.nodes[1].index


def test_checkboxes_numbered_tables_quotes_code_and_comments():
    text = (
        "- [ ] open task\n- [x] done task\n1. first\n"
        "| Owner | Task |\n|---|---|\n| Sam | fix it |\n"
        "> quoted line\n```\ncode here\n```\n<!-- hidden -->\n"
    )
    o = build_outline(text)
    got = [(n.kind, n.lines, n.checked) for n in o.nodes]
    assert got[:3] == [("checkbox", [1], False), ("checkbox", [2], True), ("numbered", [3], None)]
    assert got[3][:2] == ("table_row", [4, 5]) and o.nodes[3].header
    assert o.nodes[4].cells == ["Sam", "fix it"]
    assert [n.kind for n in o.nodes[5:]] == ["quote", "code", "comment"]
    assert o.nodes[6].lines == [8, 9, 10]


def test_front_matter_and_directive_options_are_one_node_each():
    o = build_outline("---\ntitle: x\ndate: 2024-01-01\n---\n.. post:: Jun 19\n   :author: A\n\nText.\n")
    assert [(n.kind, n.lines) for n in o.nodes] == [("front_matter", [1, 2, 3, 4]), ("directive", [5, 6]), ("para", [8])]
    assert o.front_matter == {"title": "x", "date": __import__("datetime").date(2024, 1, 1)}


def test_chat_lines_with_time_are_speakers():
    o = build_outline("[10:02] alice: shipped it\nBob  10:05 AM\nnice\n")
    assert (o.nodes[0].kind, o.nodes[0].speaker, o.nodes[0].text) == ("speaker", "alice", "shipped it")
    assert (o.nodes[1].kind, o.nodes[1].speaker) == ("speaker", "Bob")
    assert o.nodes[2].parent == o.nodes[1].index


WRAPPED = """OCamlot is coming together and should go live in a couple of weeks. It is
currently using Lwt but will eventually transition to Async. It can download
packages from the repository and build them on a set of machines here, and we
will get this up and running in the Computer Lab soon with machines there.

Next.
"""


def test_hard_wrapped_paragraph_is_one_node():
    o = build_outline(WRAPPED)
    assert [(n.kind, n.lines) for n in o.nodes] == [("para", [1, 2, 3, 4]), ("para", [6])]
    assert o.nodes[0].text.startswith("OCamlot is coming together and should go live in a couple of weeks. It is currently")


def test_short_note_lines_are_not_joined():
    o = build_outline("emailed jon abt the contrct renewal on 11/23, he sed he'd get back early next wk\nrenewl deadline is 30th nov\n")
    assert [n.lines for n in o.nodes] == [[1], [2]]


def test_every_non_blank_line_is_in_exactly_one_node():
    text = "# A\n\ntext\n- b\n    continued\n| x | y |\n|---|---|\n> q\n\n```\nc\n\n```\n"
    o = build_outline(text)
    nums = [n for node in o.nodes for n in node.lines]
    expected = [i + 1 for i, line in enumerate(text.split("\n")) if line.strip()]
    assert sorted(nums) == expected and len(nums) == len(set(nums))


def test_clean_strips_markup_and_keeps_urls_timeboxes_and_tags_aside():
    c = clean("**Edition update**: see [the PR](https://x.org/pr/1) :tada: (ehuss) (Time: 10 min) [discussion]")
    assert c.text == "Edition update: see the PR"
    assert c.urls == ["https://x.org/pr/1"]
    assert c.timeboxes == ["Time: 10 min"] and c.tags == ["discussion"]
    assert c.owner_tags == ["ehuss"]
    assert not has_markup(c.text)


def test_clean_bare_url_is_a_resource_not_prose():
    c = clean("Uptime and alerting issue: https://github.com/org/repo/issues/611")
    assert c.text == "Uptime and alerting issue" and c.urls == ["https://github.com/org/repo/issues/611"]


def test_clean_keeps_name_and_org_and_prose_parentheses():
    assert clean("Josh Triplett (Mozilla)").owner_tags == []
    c = clean("letsencrypt has (expectedly) failed to link the two")
    assert c.owner_tags == [] and "(expectedly)" in c.text
    assert clean("Open Discussion timebox to 15 min").text == "Open Discussion"


def test_a_tab_after_spaces_moves_to_the_next_tab_stop():
    # the shape of a team report (UW AutoCalendar week 5, fresh2): some names indented with
    # four spaces, others with three spaces and a tab; both are siblings under the same item
    text = "*   Progress and issues:\n    *   Xiaoyue Sun:\n        *  Redesigned the UI.\n\n   \t*   Ariel Shurygin:\n   \t\t* Pulled canvas events.\n"
    o = build_outline(text)
    section, xiaoyue, _, ariel, pulled = o.nodes
    assert xiaoyue.parent == section.index and ariel.parent == section.index
    assert pulled.parent == ariel.index


def test_a_wrapped_label_line_goes_on_after_a_form_line_and_inside_parentheses():
    # bazelbuild/bazel-website roadmaps/2018/cpp.md (Apache-2.0), shape of its entries: "Status:" over a
    # hard-wrapped "Objective:" whose next lines open lower-case, with a link, or inside a parenthesis
    text = ("# C++ rules\n\n## C++ rules use platforms\n\nStatus: IN PROGRESS\n\n"
            "Objective: C++ toolchain is selected using\n[platforms](https://docs.bazel.build/platforms.html).\n\n"
            "Status: NOT STARTED\n\n"
            "Objective: Crosstool definition is based on features; it is\npossible to control linking ([design\n"
            "doc](https://docs.google.com/document/d/1w3n/edit),\nowner: [hlopko](https://github.com/hlopko)).\n")
    paras = [n.text for n in build_outline(text).nodes if n.kind == "para" and n.text.startswith("Objective")]
    assert paras == ["Objective: C++ toolchain is selected using platforms.",
                     "Objective: Crosstool definition is based on features; it is possible to control linking (design doc, owner: hlopko)."], paras

