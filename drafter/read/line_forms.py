"""Forms of one line seen against its neighbours: a lead into a list ("the following items:"), the
paragraph that introduces a quote ("X writes of the Y project:"), a lead that reports work of its
own, a note on how a ticked box was done, and a sentence that states news rather than names work."""

from __future__ import annotations

import re

from .outline import Node, Outline
from .people import quote_intro

# a lead that reports work of its own ("JC: Created two PRs for rez:" over the PRs): done, not only their heading
_REPORTS_WORK = re.compile(r"^(?:created|opened|made|wrote|filed|submitted|sent|published|merged|fixed|added|built|released)\s+(?:\w+\s+){0,2}"
                           r"(?:prs?|pull requests?|issues?|patches|changes|fixes|tests|releases?|posts?|docs?)\b", re.I)
_HOW_DONE = re.compile(r"^(?:published|posted|done|merged|completed|fixed|released|sent|uploaded|shared|added)\b(?!\s+(?:by|to)\s+\w+\s+(?:will|to)\b)", re.I)
# a sentence with its own subject and verb: "Yjs now supports ...", "This should make it ...", "It is ..."
_SAYS_ITSELF = re.compile(r"^(?:this|that|it|these|those|there|[\w.-]+(?:\s+[\w.-]+)?\s+(?:now|also|already)?)\s*(?:now\s+|also\s+)?"
                          r"(?:is|are|was|were|has|have|should|would|could|can|will|supports|makes|allows|lets|needs|looks|seems)\b", re.I)


def leads_a_list(sentence: str) -> bool:
    """'Apart from this, the following items have been checked off my list:': it introduces a list."""
    return sentence.rstrip().endswith(":") and _LIST_LEAD.search(sentence) is not None


_LIST_LEAD = re.compile(r"\b(?:following|below|as follows)\b", re.I)


def quoted_by(outline: Outline, node: Node) -> Node | None:
    """The paragraph introducing the quote ``node`` is ("**X** writes of the Y project:" just
    before it), when there is one."""
    if node.kind != "quote" or node.index == 0:
        return None
    before = outline.nodes[node.index - 1]
    while before.kind == "quote" and before.index > 0:  # a quote of several paragraphs
        before = outline.nodes[before.index - 1]
    return before if quote_intro(before) else None
