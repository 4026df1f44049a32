"""Todo lists marked in other ways than boxes: entries struck through with "Done." after them
(CWiki's "Path to Release 0.1.0", EPL-1.0), "[-]" for partly done, and file names written with
markdown escapes (applepy's "to do list before 0.1 release", MIT), both shortened."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes
from drafter.read.markup import clean

STRUCK = """Things to accomplish before release 0.1.0:

- ~~Settle on database to use.~~ Done. Now using [H2](http://h2database.com/html/main.html).
- ~~Finish implementation of tags.~~ Done. Editing interface is ugly but it works.
- ~~Implement page import and export.~~ Done.
- Implement full text search.
- ~~Integrate Writing Markdown editor.~~ Done. Actually wrote a simple editor in ClojureScript.
- ~~Rationalize CSS, particularly for code listings.~~
- Test operation when installed on a server.
- Complete documentation pages.
"""

BOXES = """# to do list before 0.1 release

## Documentation
- [x] views/menu.py
- [ ] base/*.py
- [ ] \\_\\_init__.py
- [x] README.md

## Components
- [x] DatePicker
- [x] Timer
- [-] Spacer
- [ ] ImageView
- [x] Toolbar
- [-] PartialView

## Features
- [x] Async support
- [ ] Notification
- [x] Alert
- [ ] List binding
- [x] Examples
- [ ] Standalone documentation generation
- [x] pip packaging
"""


def test_struck_entries_with_done_are_done_and_the_plain_ones_open():
    log = read_notes(STRUCK, as_of=dt.date(2018, 6, 13))
    assert log.genre == "todo"
    done = [a.text for w in log.items for a in w.actions]
    open_ = [c.what for w in log.items for c in w.commitments]
    assert "Settle on database to use (Now using H2)" in done, done
    assert "Rationalize CSS, particularly for code listings" in done, done  # struck in a list that strikes what is done
    assert sorted(open_) == ["Complete documentation pages", "Implement full text search", "Test operation when installed on a server"], open_
    assert not [a for w in log.items for a in w.actions if a.actor == "Actually"]  # "Actually wrote ..." names nobody
    text = Drafter(engine="offline").draft("update", STRUCK, as_of=dt.date(2018, 6, 13)).render("markdown")
    assert "5 of 8 entries done, 3 open" in text, text
    assert "~~" not in text and "Done: Complete documentation pages" not in text, text


def test_a_partly_done_box_is_open_and_said_so():
    log = read_notes(BOXES, as_of=dt.date(2023, 3, 8))
    open_ = [c.what for w in log.items for c in w.commitments]
    done = [a.text for w in log.items for a in w.actions]
    assert "Spacer (partly done)" in open_ and "PartialView (partly done)" in open_, open_
    assert "Spacer" not in done, done


def test_escaped_marks_are_the_texts_own_and_paths_keep_their_case():
    assert clean(r"\_\_init__.py").text == "__init__.py"
    assert clean("**bold** and __this__").text == "bold and this"
    text = Drafter(engine="offline").draft("update", BOXES, as_of=dt.date(2023, 3, 8)).render("markdown")
    assert "base/*.py" in text and "__init__.py" in text and "views/menu.py" in text, text
    assert "Base/*.py" not in text, text


def test_a_list_of_features_gives_no_glued_plan():
    text = Drafter(engine="offline").draft("options", BOXES, as_of=dt.date(2023, 3, 8)).render("markdown")
    assert "I will list binding" not in text, text


ROADMAP = """# Roadmap

Items are ordered by priority.

- [x] Basic syntax
- [x] CPS transformation
- [x] Code formatter
- [x] Documentation generator
- [ ] IDE/editor support
  - [ ] Language server
- [ ] Metaprogramming
  - [ ] Code generator
- [ ] Package manager
- [ ] Web browser interface
  - JavaScript backend (?)
- [ ] Delete https://github.com/benjaminoakes/staging.benjaminoakes.com
"""


def test_a_roadmap_counts_a_box_with_a_note_and_keeps_a_links_object():
    # (Pen's roadmap, MIT OR Apache-2.0, and a site-migration list, shortened)
    log = read_notes(ROADMAP, as_of=dt.date(2022, 12, 21))
    open_ = [c.what for w in log.items for c in w.commitments]
    assert "Web browser interface" in open_, open_  # a box with a note under it is an entry, not a heading
    assert "Delete benjaminoakes/staging.benjaminoakes.com" in open_, open_  # not "Delete"
    text = Drafter(engine="offline").draft("options", ROADMAP, as_of=dt.date(2022, 12, 21)).render("markdown")
    assert "I will code generator" not in text, text  # a part of a list of features, not a verb
