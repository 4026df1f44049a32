"""Lines real team rounds and report forms hold (written for this test after a JupyterLab
accessibility meeting's round, a GSoC weekly form and a security post-mortem's header): "#10289
Merged! :D" is that PR done; "Yjs now supports ..." under a person's working-on list is news, not
"will work on"; "roadmap: <url>" is a pointer; a PR number under a question is its evidence;
"Also need to fix test failures" is "fix test failures"; "What have you been doing this week?"
asks what was done and "For this friday and weekend" what comes; "Not particularly" answers "no";
a post-mortem's "## Authors" and "## Status" sections are its header."""

from __future__ import annotations

import datetime as dt

from drafter import Drafter
from drafter.read import read_notes
from drafter.read.markup import clean

ROUND = """# 06.02.21 Meeting Minutes

## What everyone is working on

- Isabela
  - Does anyone know what issues factored in to the blocking of AWS?
    - [jupyterhub/mybinder.org-deploy #1828](https://github.com/jupyterhub/mybinder.org-deploy/issues/)

- Martha
  - [#187](https://github.com/jupyterlab/lumino/pull/187) Needs testing! Also need to fix test failures
  - [#10289](https://github.com/jupyterlab/jupyterlab/pull/10289) Merged! :D :tada:

- Kevin
  - Yjs now supports CodeMirror v6 which has better accessibility support: https://github.com/yjs/y-codemirror.next
  - This should make it pretty easy to switch to CodeMirror 6 at Jupyter
  - jlab 4.0 roadmap (mentions codemirror 6): https://docs.google.com/spreadsheets/d/1r6
"""

FORM = """---
title: week-05--july-5--to--july-11
---

## 1 What have you been doing this week?

- Reimplemented the plugin for the converter (was too hacky before)
- Made a PR in the converter which was accepted

### For this friday and weekend

- Make documentation for the mapping file

## 2 What are you planning to do next week?

- Implement a logger

## 3 Is anything blocking your progress?

Not particularly
"""

POSTMORTEM = """# Security postmortem for CVE-2021-29492

## Incident date(s)

2021-01-20 - 2021-05-11

## Authors

someone@example.org

## Status

Draft

## Summary

An external researcher reported a vulnerability that allowed an adversary to bypass access controls. The issue was fixed in version 1.18.3.
"""


def test_a_round_says_what_is_done_news_and_work():
    log = read_notes(ROUND, as_of=dt.date(2021, 6, 3))
    done = [(w.title, a.text) for w in log.items for a in w.actions]
    assert ("Martha", "#10289 Merged!") in done, done
    open_ = [(c.owner, c.what) for w in log.items for c in w.commitments]
    assert not [c for c in open_ if c[0] == "Kevin"], open_  # his lines are news and a link
    assert not [c for c in open_ if "#1828" in c[1]], open_  # evidence for Isabela's question
    assert any(c[1] == "fix test failures" for c in open_), open_
    assert clean("Merged! :D :tada:").text == "Merged!" and clean("(Rotating levels?:-D)").text == "(Rotating levels?)"


def test_a_form_asks_what_was_done_and_what_comes():
    log = read_notes(FORM, as_of=dt.date(2021, 7, 9))
    done = [a.text for w in log.items for a in w.actions]
    open_ = [c.what for w in log.items for c in w.commitments]
    assert any(t.startswith("Reimplemented the plugin") for t in done), done
    assert not [c for c in open_ if c.lower().startswith("reimplemented")], open_
    assert any(c.startswith("Make documentation for the mapping file") for c in open_), open_
    assert not [r for w in log.items for r in w.risks if "particularly" in r.lower()]
    text = Drafter(engine="offline").draft("update", FORM, as_of=dt.date(2021, 7, 9)).render("markdown")
    assert "I will reimplemented" not in text and "Risk: Not particularly" not in text, text


def test_a_postmortems_header_sections_are_no_news():
    text = Drafter(engine="offline").draft("update", POSTMORTEM, as_of=dt.date(2021, 5, 12)).render("markdown")
    assert "someone@example.org" not in text.lower() and "**Authors**" not in text and "Draft" not in text, text
