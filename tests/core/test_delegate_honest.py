"""Delegation plans on real notes (evals/real, with the case's delegate_to) and on the examples (to Priya):
every date is the notes' own or marked proposed, and no open-loop line is a broken template sentence.

A date is the notes' own when a phrase of the notes resolves to it (drafter.dates, against the case's
as_of) or it is as_of itself ("from today"); any other date must carry "proposed" in its sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from drafter import Drafter
from drafter.errors import InputError
from drafter.grounding import SENTENCE_SPLIT, _dates

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted(p for p in (ROOT / "evals" / "real").glob("**/*.md") if p.with_suffix(".yaml").exists())
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")


def _case(path: Path) -> tuple[str, dt.date, str | None]:
    notes = path.read_text(encoding="utf-8")
    if path.parent == ROOT / "examples":
        return notes, dt.date(2026, 11, 25), "Priya"
    case = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8")) or {}
    v = case.get("as_of")
    as_of = v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))
    return notes, as_of, case.get("delegate_to")


REAL = [p for p in REAL if _case(p)[2]]  # the cases that name a delegate


def _plan(path: Path):
    notes, as_of, to = _case(path)
    if not to:
        pytest.skip("the case names no delegate")
    try:
        draft = Drafter(engine="offline").delegate(notes, as_of=as_of, delegate_to=to)
    except InputError as exc:
        pytest.skip(f"refused: {exc}")
    return notes, as_of, draft.render("markdown")


def unmarked_dates(text: str, notes: str, as_of: dt.date) -> list[str]:
    """Dates in ``text`` neither resolvable from the notes nor marked proposed in their sentence."""
    note_dates = {d for _, _, d in _dates(notes, as_of)} | {as_of}
    out = []
    for line in text.splitlines():
        for sent in SENTENCE_SPLIT.split(line):
            for s, e, d in _dates(sent, as_of):
                if d not in note_dates and "proposed" not in sent.lower():
                    out.append(f"{sent[s:e]!r} in {sent.strip()!r}")
    return out


def test_the_check_can_fail():
    notes = "Report due Fri 27 Nov."
    as_of = dt.date(2026, 11, 25)
    assert unmarked_dates("- Escalate if it will not be ready by Thu 26 Nov.", notes, as_of)
    assert not unmarked_dates("- Escalate if it will not be ready by Thu 26 Nov (proposed).", notes, as_of)
    assert not unmarked_dates("- Deadline: Fri 27 Nov", notes, as_of)


@pytest.mark.parametrize("path", REAL + EXAMPLES, ids=lambda p: p.stem)
def test_every_date_is_the_notes_or_proposed(path):
    notes, as_of, text = _plan(path)
    bad = unmarked_dates(text, notes, as_of)
    assert not bad, "\n".join(bad) + "\n---\n" + text


#: the open-loop templates a strict reader found broken ("Sam owns it, I follow up, (proposed: Fri 11 Jun).")
BROKEN = re.compile(r",\s*\(proposed|I follow up,|I keep it,\s*\(|^\W*[^:]+:\s*owns it\b", re.M)


@pytest.mark.parametrize("path", REAL + EXAMPLES, ids=lambda p: p.stem)
def test_no_broken_loop_sentence(path):
    _, _, text = _plan(path)
    loops = text.split("### Open loops")[-1] if "### Open loops" in text else ""
    bad = [line for line in loops.splitlines() if BROKEN.search(line)]
    assert not bad, "\n".join(bad)


def test_a_status_worded_promise_is_titled_by_its_work():
    """'Current PR: protobuf option–based auth (#1373), Christian is reviewing and will hash it out with
    Aapeli on GitHub': the task is the PR, Christian's part is the notes' own clause; never 'owns the Reviewing'."""
    path = ROOT / "evals" / "real" / "minutes" / "couchers-backend-025-2021-06-09.md"
    notes, as_of, to = _case(path)
    plan = Drafter(engine="offline").delegate(notes, as_of=as_of, delegate_to=to).artefact
    titles = [t.title for t in plan.tasks]
    assert "Protobuf option–based auth (#1373): Christian is reviewing and will hash it out with Aapeli on GitHub" in titles
    assert not any(t.lower().startswith("reviewing") for t in titles)
    assert plan.headline.startswith("Christian owns 2 tasks from today") and "protobuf option-based auth" in plan.headline


def test_a_standup_heading_named_for_a_person_is_no_task_title():
    from drafter.models import Commitment, Person, WorkItem, WorkLog
    from drafter.playbook.handoff_work import status_task_title

    log = WorkLog(as_of=dt.date(2026, 11, 25), people=[Person(name="Neal")])
    c = Commitment(what="fleshing out architecture and content requirements", owner="Neal")
    assert status_task_title(WorkItem(title="Neal", commitments=[c]), c, log) is None
    pr = WorkItem(title="Current PR: token refresh (#12)", commitments=[c])
    assert status_task_title(pr, c, log) == "Token refresh (#12): fleshing out architecture and content requirements"
    # a promise worded as its work keeps its own words
    work = Commitment(what="downgrade to python 3.8", owner="Neal")
    assert status_task_title(WorkItem(title="Current PR: x y", commitments=[work]), work, log) is None


def _real(name: str):
    path = next(p for p in REAL if p.stem == name)
    return _case(path)


@pytest.mark.parametrize("name, to, task", [
    ("falco-core-maintainers-2023-10-05", "Luca Guerra", "Falcoctl as driver loader (in flight)"),  # owner written @LucaGuerra
    ("spdx-tech-2026-04-14", "Gary O'Neall", "Respond to email, with Kate Stewart"),  # "Kate & Gary to respond to email"
])
def test_work_the_notes_give_the_delegate_is_planned(name, to, task):
    notes, as_of, case_to = _real(name)
    assert case_to == to
    plan = Drafter(engine="offline").delegate(notes, as_of=as_of, delegate_to=to).artefact
    assert task in [t.title for t in plan.tasks]
    assert all(t.owner == to for t in plan.tasks)
    assert not any("LucaGuerra" in r for t in plan.tasks for r in t.resources)  # never the delegate as their own contact


@pytest.mark.parametrize("name, held", [
    ("uva-programmeerproject-2017-01", "“Lotte: vooral haar buttons moet ze fixen"),  # Dutch: not read as work
])
def test_a_refusal_says_what_the_notes_hold_for_the_delegate(name, held):
    notes, as_of, to = _real(name)
    with pytest.raises(InputError) as exc:
        Drafter(engine="offline").delegate(notes, as_of=as_of, delegate_to=to)
    msg = str(exc.value)
    assert msg.startswith(f"nothing to delegate: the notes hold no open action item, promise or recurring task for {to}")
    assert f"what they hold for them: {held}" in msg, msg


def test_a_delegate_the_notes_never_name_is_a_warning_in_the_result():
    notes = (ROOT / "examples" / "weekly-report-handoff.md").read_text(encoding="utf-8")
    d = Drafter(engine="offline")
    draft = d.delegate(notes, as_of=dt.date(2026, 11, 25), delegate_to="Priyaa")
    assert draft.artefact.delegate == "Priyaa"
    assert [w for w in draft.plan.log.warnings if "Priyaa" in w] == [
        "'Priyaa' is not named anywhere in the notes: check the spelling (the plan hands the work to Priyaa as asked)"]
    assert not draft.meta.warnings  # not a grounding finding: --strict does not count it
    for name in ("Priya", "priya", "@Priya"):  # named in the notes (any case, or as a handle)
        assert not [w for w in d.delegate(notes, as_of=dt.date(2026, 11, 25), delegate_to=name).plan.log.warnings
                    if "not named" in w], name


def test_mentions_of_finds_a_first_name_and_a_handle_written_as_one_word():
    from drafter.models import SourceLine as Line, WorkLog
    from drafter.playbook.handoff_work import mentions_of

    log = WorkLog(as_of=dt.date(2026, 11, 25), lines=[Line(number=1, text="- falcoctl (in flight @LucaGuerra)"),
                                                      Line(number=2, text="Lotte: buttons fixen"),
                                                      Line(number=3, text="Charlotte is away")])
    assert mentions_of(log, "Luca Guerra") == ["falcoctl (in flight @LucaGuerra)"]
    assert mentions_of(log, "Lotte Slim") == ["Lotte: buttons fixen"]  # whole words: never "Charlotte"
    assert mentions_of(log, "Priya") == []


#: stock lines the offline plan used to print whatever the notes said (issue 10, item 4)
CANNED = re.compile(r"^- Decision rights: |^Support: What do you need from me\?|The notes say nothing of .* current load|"
                    r"\bowns the (?:See|Take|Reviewing|Work|Help)\b", re.M)


@pytest.mark.parametrize("path", REAL + EXAMPLES, ids=lambda p: p.stem)
def test_no_stock_line(path):
    _, _, text = _plan(path)
    assert not CANNED.findall(text), text
    if "Decision rights" in text:  # the notes never set the level: it is said as a proposal
        assert "Decision rights (I propose): you " in text


@pytest.mark.parametrize("name", ["conda-forge-2018-06-26", "opentofu-tsc-2024-10-15", "jupytergis-sync-status-2026-05-19"])
def test_a_meetings_attendees_are_not_every_tasks_contacts(name):
    # before: "contact: Christan Mesh; contact: cam72cam; contact: allofthesepeople; contact: Oleksandr
    # Levchenkov; contact: ollevche; ..." (every attendee, handle and name apart) on a task none of them is named in
    notes, as_of, to = _real(name)
    plan = Drafter(engine="offline").delegate(notes, as_of=as_of, delegate_to=to).artefact
    for t in plan.tasks:
        contacts = [r for r in t.resources if r.startswith("contact: ")]
        assert not contacts, (t.title, contacts)
        assert "who to ask" in t.to_agree[-1] or any("who to ask" in x for x in t.to_agree), t.to_agree
