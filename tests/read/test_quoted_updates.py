"""A digest of people's updates ("**X** writes of the [Y project]:" over a quote of what X wrote)
gives each quote its author: one item per update, titled by its project, and X's "I" worded as X.
Shape of the Public Lab weekly GSoC post (publiclab/publiclab-archive,
notes/warren/06-13-2016/last-week-in-google-summer-of-code.md); names and text below are made up."""
from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.render import render_fitted

DIGEST = """---
title: "Last week in our summer program"

author: warren
---

# Last week in our summer program

Hi, all - we had some great work this past week. All three students left updates:

**Mira Okafor** writes of the [Rich Profiles project][1]:

> This week I worked on improvements to basic tagging and fixed a couple of bugs.

**Tomas Lind** writes of the [Search project][2] (pictured above):

> During this week I fixed an issue with the decoder and documented it in a readme.

**Priya Nair** writes of the [Translations project][3]:

> This week I have added language switching controls to the footer.

[1]: https://example.org/1
[2]: https://example.org/2
[3]: https://example.org/3
"""
AS_OF = dt.date(2016, 6, 14)


def test_each_quote_is_its_authors_update():
    log = Drafter(engine="offline").plan(DIGEST, as_of=AS_OF).log
    assert log.genre == "worklog"  # quoted authors are no speakers of a meeting
    by_title = {i.title: i for i in log.items}
    assert {"Rich Profiles project (Mira Okafor)", "Translations project (Priya Nair)"} <= set(by_title)
    mira = by_title["Rich Profiles project (Mira Okafor)"]
    assert mira.owner == "Mira Okafor" and [a.actor for a in mira.actions] == ["Mira Okafor"]
    assert mira.actions[0].text.startswith("This week Mira worked on")


def test_the_draft_words_each_author_by_name():
    draft = Drafter(engine="offline").update(DIGEST, as_of=AS_OF, max_words=300)
    text = render_fitted(draft.artefact, "markdown", draft.options)[0]
    assert "Priya has added language switching controls" in text
    assert "Tomas fixed an issue with the decoder" in text
    assert " I " not in text.replace("I have nothing", "")  # no author's "I" is left as the writer's
    assert "writes of the" not in text  # the introducing line titles the item, it is not a point
