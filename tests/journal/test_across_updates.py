"""Done-when of the journal issue: a sequence of updates over simulated days through the real pipeline.

Drafter(journal=...).update(notes, as_of=...) with the real parser, playbook and offline engine:
a promise made in update 1 and not mentioned later is carried, reported missed with a new date or
an ask once its date has passed (never silently dropped), leaves the open list once reported done,
and the say/do ratio comes out right.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("drafter.read.personal")
pytest.importorskip("drafter.playbook")
pytest.importorskip("drafter.engines.offline")

from drafter import Drafter  # noqa: E402
from drafter.journal import open_journal  # noqa: E402

D = dt.date

DAY1 = D(2026, 11, 16)  # Mon
DAY2 = D(2026, 11, 19)  # Thu
DAY3 = D(2026, 11, 24)  # Tue
DAY4 = D(2026, 11, 30)  # Mon

NOTES1 = """\
# Board pack
- I will send the Q3 board pack to Lee by Wed 18 Nov.
- Emailed Dana at Acme for the Q3 numbers on Mon.

# Hiring
- I will post the job ad for the support role by Fri 20 Nov.

# Offsite
- I will book the venue for the January offsite by Fri 27 Nov.
"""

NOTES2 = """\
# Hiring
- Job ad for the support role is with HR for a wording check.

# Budget
- Sent the Q4 budget sheet to Lee on Wed.
"""

NOTES3 = """\
# Board pack
- Sent the Q3 board pack to Lee on Mon.

# Hiring
- Posted the job ad for the support role on Fri 20 Nov.
"""

NOTES4 = """\
# Budget
- Lee approved the Q4 budget on Fri.
"""

A = "board pack"  # made day 1, due 18 Nov: missed on day 2, done late on day 3
B = "job ad"  # made day 1, due 20 Nov: carried on day 2, done on time (20 Nov) on day 3
C = "venue"  # made day 1, due 27 Nov: carried open on days 2 and 3, missed on day 4


def states(draft) -> dict[str, object]:
    """The playbook's CommitmentState for A, B and C in this draft (None when absent)."""
    out = {}
    for key in (A, B, C):
        found = [cs for ip in draft.plan.items for cs in ip.commitments if key in cs.what.lower()]
        assert len(found) <= 1, (key, found)
        out[key] = found[0] if found else None
    return out


def journal_row(j, key):
    [row] = [c for c in j.commitments("all") if key in c.what.lower()]
    return j.get(row.id)  # with its history


def test_promises_are_carried_missed_done_and_counted(tmp_path):
    path = tmp_path / "journal.sqlite"
    with open_journal(path) as j:
        drafter = Drafter(engine="offline", journal=j)

        # -- update 1: three promises made --------------------------------------------------
        d1 = drafter.update(NOTES1, as_of=DAY1)
        s1 = states(d1)
        assert all(s1[k] is not None and s1[k].state == "open" for k in (A, B, C)), s1
        j.record(d1)
        assert {journal_row(j, k).due for k in (A, B, C)} == {D(2026, 11, 18), D(2026, 11, 20), D(2026, 11, 27)}

        # -- update 2: none of the three reported; A's date has passed -----------------------
        d2 = drafter.update(NOTES2, as_of=DAY2)
        s2 = states(d2)
        assert s2[A] is not None and s2[A].state == "missed"
        assert s2[A].new_date is not None or s2[A].ask  # U5: a new date or an ask, never silence
        if s2[A].new_date:
            assert s2[A].new_date >= DAY2
        assert s2[B].state == "open" and s2[B].due == D(2026, 11, 20)  # carried with its date
        assert s2[C].state == "open" and s2[C].due == D(2026, 11, 27)
        text2 = d2.render("markdown")
        assert "board pack" in text2.lower() and "missed" in text2.lower()
        assert "venue" in text2.lower() and "job ad" in text2.lower()
        # B is mentioned (HR wording check) so it sits on the Hiring item, not the carried one
        hiring = [ip for ip in d2.plan.items if "hiring" in ip.item.title.lower()]
        assert hiring and any(B in cs.what.lower() for cs in hiring[0].commitments)
        # A and C are not in the notes: carried on their old items, marked as from the journal
        for key, title in ((A, "Board pack (carried over)"), (C, "Offsite (carried over)")):
            [ip] = [ip for ip in d2.plan.items if any(key in c.what.lower() for c in ip.item.commitments)]
            assert ip.item.title == title
            [c] = [c for c in ip.item.commitments if key in c.what.lower()]
            assert c.source == "journal" and c.journal_id is not None
        assert not d2.plan.log.warnings
        j.record(d2)
        assert journal_row(j, A).missed_count == 1

        # -- update 3: A and B reported done; C not mentioned, still before its date --------
        d3 = drafter.update(NOTES3, as_of=DAY3)
        s3 = states(d3)
        assert s3[A].state == "done" and s3[B].state == "done"
        assert s3[C].state == "open" and s3[C].due == D(2026, 11, 27)
        j.record(d3)
        open_now = [c.what.lower() for c in j.open_commitments()]
        assert not any(A in w or B in w for w in open_now)  # done ones leave the open list
        assert any(C in w for w in open_now)
        a, b = journal_row(j, A), journal_row(j, B)
        assert a.state == "done" and not a.kept_on_time  # done after 18 Nov
        assert b.state == "done" and b.closed_on == D(2026, 11, 20) and b.kept_on_time

        # -- update 4: C's date (27 Nov) passed without news ---------------------------------
        d4 = drafter.update(NOTES4, as_of=DAY4)
        s4 = states(d4)
        assert s4[C] is not None and s4[C].state == "missed"
        assert s4[C].new_date is not None or s4[C].ask
        assert s4[A] is None and s4[B] is None  # closed promises are not carried again
        j.record(d4)

        # -- say/do: 3 promises (plus whatever update 2-4 promised) -------------------------
        made_day1 = [c for c in j.commitments("all") if c.made_on == DAY1]
        assert len(made_day1) == 3
        s = j.stats(since=DAY1, until=DAY1)
        assert (s.made, s.kept_on_time, s.done_late, s.missed_open) == (3, 1, 1, 1)
        assert s.ratio == pytest.approx(1 / 3)
        assert len(j.updates()) == 4
        assert [e.state for e in journal_row(j, A).history] == ["open", "missed", "done"]
        assert [e.state for e in journal_row(j, C).history] == ["open", "open", "open", "missed"]


def test_cli_update_record_carries_into_the_next_update(tmp_path):
    """`drafter update --record` twice through the real CLI: the second draft reports the missed promise."""
    from typer.testing import CliRunner

    from drafter.cli import app

    notes1 = tmp_path / "day1.txt"
    notes1.write_text(NOTES1)
    notes2 = tmp_path / "day2.txt"
    notes2.write_text(NOTES2)
    runner = CliRunner()
    r1 = runner.invoke(app, ["update", str(notes1), "--as-of", DAY1.isoformat(), "--record", "--engine", "offline"])
    assert r1.exit_code == 0, r1.output
    r2 = runner.invoke(app, ["update", str(notes2), "--as-of", DAY2.isoformat(), "--record", "--engine", "offline"])
    assert r2.exit_code == 0, r2.output
    assert "board pack" in r2.stdout.lower() and "missed" in r2.stdout.lower()
    with open_journal(os.environ["DRAFTER_JOURNAL"]) as j:
        assert len(j.updates()) == 2
        assert journal_row(j, A).missed_count == 1


def test_record_is_the_default_with_drafter_record(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from drafter.cli import app

    monkeypatch.setenv("DRAFTER_RECORD", "1")
    notes1 = tmp_path / "day1.txt"
    notes1.write_text(NOTES1)
    r = CliRunner().invoke(app, ["update", str(notes1), "--as-of", DAY1.isoformat(), "--engine", "offline"])
    assert r.exit_code == 0, r.output
    with open_journal(os.environ["DRAFTER_JOURNAL"]) as j:
        assert len(j.updates()) == 1 and len(j.commitments()) >= 3


def test_parallel_cli_recording(tmp_path):
    """Several `drafter update --record` processes at once on one journal: every update lands."""
    n = 6
    journal = tmp_path / "journal.sqlite"
    env = dict(os.environ, DRAFTER_JOURNAL=str(journal))
    files = []
    for i in range(n):
        f = tmp_path / f"notes{i}.txt"
        f.write_text(f"# Item {i}\n- I will send report number {100 + i} to Lee by Fri 27 Nov.\n")
        files.append(f)
    exe = [sys.executable, "-m", "drafter.cli"] if not Path(sys.executable).with_name("drafter").exists() else [
        str(Path(sys.executable).with_name("drafter"))
    ]
    procs = [
        subprocess.Popen(
            [*exe, "update", str(f), "--as-of", "2026-11-25", "--record", "--engine", "offline", "-q"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for f in files
    ]
    errors = []
    for p in procs:
        out, err = p.communicate(timeout=240)
        if p.returncode:
            errors.append((p.returncode, err))
    assert not errors, errors
    with open_journal(journal) as j:
        assert len(j.updates()) == n
        rows = [(c.id, c.what, c.state, c.first_update, c.last_update) for c in j.commitments("all")]
        whats = sorted(r[1] for r in rows)
        assert len(whats) == n and all(any(str(100 + i) in w for w in whats) for i in range(n)), rows


MINUTES2 = """\
# Ops sync - Tue 1 Dec

Attendees: Lee, Sam, me

Action items:
- [x] Sam: duplicate invoice job fixed (Thu)
- [ ] Priya: December on-call rota - still drafting, needs one more day
- [x] Me: Bolt Logistics confirmed the warehouse move for 14 Dec (done Thu 26 Nov)
"""


def test_meeting_minutes_a_week_later_reworded_done_dates_and_ratio(tmp_path, examples_dir):
    """Reworded checkbox items a week later: matched, done on the date the notes give, late one missed."""
    minutes1 = (examples_dir / "meeting-minutes.md").read_text()
    with open_journal(tmp_path / "j.sqlite") as j:
        drafter = Drafter(engine="offline", journal=j)
        j.record(drafter.update(minutes1, as_of=D(2026, 11, 25)))
        made = {c.what: c for c in j.commitments("all")}
        assert any("invoice" in w for w in made) and any("rota" in w for w in made)
        d2 = drafter.update(MINUTES2, as_of=D(2026, 12, 1))
        assert not d2.plan.log.warnings
        carried = [c for it in d2.plan.log.items for c in it.commitments if c.journal_id is not None]
        assert len(carried) == 3  # invoice job, rota, warehouse move: each linked, none duplicated
        j.record(d2)
        rows = {c.what: c for c in j.commitments("all")}
        assert len(rows) == len(made)  # no new rows for reworded promises
        invoice = next(c for w, c in rows.items() if "invoice" in w)
        warehouse = next(c for w, c in rows.items() if "warehouse" in w)
        rota = next(c for w, c in rows.items() if "rota" in w)
        assert (invoice.state, invoice.closed_on, invoice.kept_on_time) == ("done", D(2026, 11, 26), True)
        assert (warehouse.state, warehouse.closed_on, warehouse.kept_on_time) == ("done", D(2026, 11, 26), True)
        assert rota.state == "missed" and rota.missed_count == 1
        s = j.stats(since=D(2026, 11, 25), until=D(2026, 11, 25))
        assert s.missed_open == 1 and s.done_late == 0
        assert s.ratio == pytest.approx(s.kept_on_time / s.made)


def test_update_record_with_a_corrupt_journal_exits_6_and_leaves_it(tmp_path):
    from typer.testing import CliRunner

    from drafter.cli import app
    from drafter.errors import ExitCode

    journal = Path(os.environ["DRAFTER_JOURNAL"])
    journal.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    before = journal.read_bytes()
    notes = tmp_path / "n.txt"
    notes.write_text(NOTES1)
    r = CliRunner().invoke(app, ["update", str(notes), "--as-of", DAY1.isoformat(), "--record"])
    assert r.exit_code == ExitCode.STORAGE
    assert "journal" in r.stderr and "untouched" in r.stderr and "Traceback" not in r.stderr
    assert journal.read_bytes() == before
    r = CliRunner().invoke(app, ["update", str(notes), "--as-of", DAY1.isoformat(), "--no-record"])
    assert r.exit_code == 0  # without the journal the draft still works


REWORDINGS = [
    # (update 1 notes on Fri 20 Nov, update 2 notes, update 2 as-of, expected state in update 2)
    ("I promised Lee a draft of the board summary by Mon 23 Nov.", "Board summary draft went to Lee this morning.", "2026-11-25", "done"),
    ("I will send the Q3 docs to Dana by Fri 27 Nov.", "Q3 docs: sent to Dana on Thu.", "2026-11-30", "done"),
    ("I'll get the pricing copy to Marco by Fri 20 Nov.", "Pricing copy delivered to Marco today.", "2026-11-23", "done"),
    ("Priya will finish the on-call rota by Mon 30 Nov.", "Priya: rota done and shared.", "2026-11-30", "done"),
    ("I will renew the SSL certificate by Wed 25 Nov.", "Renewed the SSL cert on Tue.", "2026-11-26", "done"),
    ("I will review Sam's PR for the billing export by Tue 24 Nov.", "Reviewed the billing export PR from Sam yesterday.", "2026-11-25", "done"),
    ("I promised Lee a draft of the board summary by Mon 23 Nov.", "Board summary draft not sent yet - waiting on the Acme numbers.", "2026-11-25", "missed"),
    ("I will send the Q3 docs to Dana by Fri 27 Nov.", "Q3 docs: Dana still hasn't replied.", "2026-11-30", "missed"),
    ("I promised Lee a draft of the board summary by Mon 23 Nov.", "Started the board summary draft.", "2026-11-25", "missed"),
    ("I will send the Q3 docs to Lee by Fri 27 Nov.", "Sent Lee the Q4 budget sheet.", "2026-11-30", "missed"),
    ("I will send the Q3 docs to Lee by Fri 27 Nov.", "Hiring: posted the job ad.", "2026-11-25", "open"),
]


@pytest.mark.parametrize("notes1,notes2,as_of2,expected", REWORDINGS)
def test_reworded_follow_ups(tmp_path, notes1, notes2, as_of2, expected):
    """Reworded reports of a promise: done when the notes say so, otherwise carried (missed once late)."""
    with open_journal(tmp_path / "j.sqlite") as j:
        drafter = Drafter(engine="offline", journal=j)
        j.record(drafter.update(notes1, as_of="2026-11-20"))
        [promise] = j.commitments()
        d2 = drafter.update(notes2, as_of=as_of2)
        linked = [c for it in d2.plan.log.items for c in it.commitments if c.journal_id == promise.id]
        assert len(linked) == 1  # carried exactly once
        [state] = [
            cs.state for ip in d2.plan.items for c, cs in zip(ip.item.commitments, ip.commitments)
            if c.journal_id == promise.id
        ]
        assert state == expected
        if expected == "missed":
            [cs] = [cs for ip in d2.plan.items for cs in ip.commitments if cs.what == promise.what]
            assert cs.new_date or cs.ask


def test_passed_promise_restated_with_a_later_date_is_missed_with_that_date(tmp_path):
    """Not re-dated in silence: called missed, and the new date is the one the notes give."""
    with open_journal(tmp_path / "j.sqlite") as j:
        drafter = Drafter(engine="offline", journal=j)
        j.record(drafter.update("I will send the Q3 docs to Dana by Mon 23 Nov.", as_of="2026-11-20"))
        d2 = drafter.update(
            "Q3 docs: I will send them to Dana by Fri 27 Nov, Acme numbers came in late.", as_of="2026-11-25"
        )
        [cs] = [cs for ip in d2.plan.items for cs in ip.commitments]  # one promise, not two
        assert cs.state == "missed" and cs.due == D(2026, 11, 23)
        assert cs.new_date == D(2026, 11, 27)  # the date the notes give, not an invented one
        text = d2.render("markdown")
        assert "missed" in text and "Mon 23 Nov" in text and "Fri 27 Nov" in text
        j.record(d2)
        [row] = j.commitments("all")
        assert row.missed_count == 1 and row.original_due == D(2026, 11, 23)
        assert row.due == D(2026, 11, 27)
