"""Table rows of the notes: the header a row sits under, and a row read into a work item (its task,
the column naming who owns it, its status and due cells)."""

from __future__ import annotations

import re

from ..dates import find_dates
from ..models import WorkItem
from .outline import Node, table_header
from .people import is_common_word
from .signals import classify
from .status_words import cell_state

# a column that names who does a row's task: "Owner", "Assignee", "Who", "Team Member", "Name", "Lead"
_OWNER_COLUMN = re.compile(r"owner|assignee|\bwho\b|responsible|assigned|\bmember\b|\bperson\b|^name$|\blead\b|\bdri\b", re.I)
# a cell of an owner column that names people: "Luke LeVasseur", "@octocat", "Kat, Beth"
_NAME_CELL = re.compile(r"^@?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}(?:\s*(?:,|&|and|/)\s*@?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})*$|^@[\w-]+$")
# a lower-case handle in an owner column: "chinmay", "@ianh"
_HANDLE_CELL = re.compile(r"@?[a-z][a-z0-9_.-]{1,30}")
# a column that gives when it is due: "Due", "Deadline", "Due date", "By", "Target", "ETA"
_YES_NO = {"yes": "done", "y": "done", "no": "open", "n": "open"}
_DUE_COLUMN = re.compile(r"\bdue\b|deadline|^by$|^by when$|\btarget\b|\beta\b|^when$", re.I)


# a minutes table's columns: the topic ("Discussion Points", "Agenda item"), what was said ("Notes",
# "Notes/Action Items", "Discussion", "Outcome") and what is to be done ("Actions: Responsible/None", "Action items")
_TOPIC_COLUMN = re.compile(r"^(?:discussion points?|topics?|agenda(?: items?| points?)?|items?|subjects?|points?)\b", re.I)
_NOTES_COLUMN = re.compile(r"^(?:notes?|discussion|summary|outcomes?|decisions?|comments?|minutes)\b", re.I)
_ACTIONS_COLUMN = re.compile(r"^(?:actions?|action items?|next steps?|to-?dos?|follow[- ]?ups?)\b", re.I)


def discussion_topic(outline, node: Node) -> str | None:
    """The topic a row of a minutes table is about (its first cell, under a "Discussion Points" or
    "Topic" column beside a notes or actions column), else None."""
    if node.kind != "table_row" or node.header or not node.cells or not node.cells[0]:
        return None
    header = table_header(outline, node)
    if len(header) < 2 or not _TOPIC_COLUMN.match(header[0]):
        return None
    if not any(_NOTES_COLUMN.match(h) or _ACTIONS_COLUMN.match(h) for h in header[1:]):
        return None
    return node.cells[0]


def _notes_and_actions(b, item: WorkItem, node: Node, cols: dict, mode: str | None) -> bool:
    """A minutes row with a notes column and an actions column: what was said is read as the notes'
    sentences, what is to be done as tasks ("Ben Hart to propose an update to the milestone plan")."""
    from dataclasses import replace

    rest = list(cols)[1:]  # the first column is the topic ("Discussion Points")
    notes = next((h for h in rest if _NOTES_COLUMN.match(h)), None)
    actions = next((h for h in rest if _ACTIONS_COLUMN.match(h)), None)
    if notes is None or actions is None or notes == actions:
        return False
    for h, kind, m in ((notes, "para", mode if mode != "doing" else None), (actions, "bullet", "doing")):
        text = cols[h]
        if text and re.search(r"[A-Za-z]{2}", text) and not re.fullmatch(r"(?i)n/?a|none|tbd|-+", text.strip()):
            b._read_node(item, replace(node, kind=kind, text=text, cells=[], label=None, rest=None), m, None, None)
    return True


def read_row(b, item: WorkItem, node: Node, mode: str | None, default_owner: str | None) -> None:
    """A table row into elements of ``item``: its task, owner column, status and due cells."""
    if node.header:
        return
    header = table_header(b.outline, node)
    cols = {h.lower(): c for h, c in zip(header, node.cells)} if header else {}
    if discussion_topic(b.outline, node) and _notes_and_actions(b, item, node, cols, mode):
        return
    owner_col = next((h for h in cols if _OWNER_COLUMN.search(h)), None)
    owner = cols.get(owner_col) or None if owner_col else None
    if owner and _HANDLE_CELL.fullmatch(owner) and not is_common_word(owner.lstrip("@")):
        b.people.add(owner.lstrip("@"), "handle", node.line)  # "| Pin our dependencies | chinmay |": a handle, owning the row
        owner = owner.lstrip("@")
    if owner and not (b.people.known(owner) or _NAME_CELL.match(owner)):
        owner = None  # "TBD", "n/a", "see below": no one named
    task = next((c for h, c in cols.items() if re.search(r"action|task|item|what|description|todo", h) and c), None)
    due_cell = next((c for h, c in cols.items() if _DUE_COLUMN.search(h) and c), "")
    if not task and header and node.cells and any(re.search(r"task|action|todo", h, re.I) for h in header):
        task = None  # a row of a task table with no task: its cells are notes
    status = next((c for h, c in cols.items() if re.search(r"status|state|done|complet", h) and c), "")
    if task:
        state = _YES_NO.get(status.strip().lower()) or cell_state(status)  # "Completed? (yes/no)": "yes"  # "In progress" under "What did you work on this past week?" is not done
        done = state == "done"
        row_mode = "done_item" if done else "doing" if state else (mode or "doing")
        if state in ("doing", "partly"):
            task = f"{task}: {status}"  # the state as written, said with the task
        sig = classify(task, row_mode, b.people, speaker=owner, default_owner=owner or default_owner, first_person=b.first_person)
        if owner and sig.kind in ("note", "decision") and not done and "?" not in task:
            sig.kind, sig.text = "commitment", task  # "| We should have a monitoring bot ... | ianh |": the row's owner takes it on
        if owner and sig.kind == "commitment":
            sig.owner = owner
        n_commitments = len(item.commitments)
        b.add_signal(item, sig, node.lines, mode)
        due = find_dates(due_cell, b.as_of, "future") if due_cell else []
        for c in item.commitments[n_commitments:]:
            if due and c.due is None:
                c.due = due[0].date  # the row's "Due" cell: "4/14, 11:00 PM PDT"
    else:
        text = "; ".join(c for c in node.cells if c)
        if text:
            item.notes.append(text)
