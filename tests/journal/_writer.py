"""Child process for the parallel-writer test: wait for the start signal, then record drafts.

Usage: python _writer.py JOURNAL GO_FILE WORKER RECORDS
"""

import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # so "journal.helpers" imports

from journal.helpers import make_draft  # noqa: E402

from drafter.journal import open_journal  # noqa: E402


def main() -> None:
    path, go, worker, records = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    while not go.exists():
        time.sleep(0.005)
    as_of = dt.date(2026, 11, 2)
    with open_journal(path) as j:  # every worker opens (and may migrate) the fresh file at once
        for r in range(records):
            draft = make_draft(
                as_of + dt.timedelta(days=r % 20),
                [
                    {"what": f"worker {worker} deliverable {r} alpha", "due": as_of + dt.timedelta(days=r % 20 + 2)},
                    {"what": f"worker {worker} deliverable {r} beta", "owner": "Priya"},
                ],
                title=f"w{worker}",
            )
            j.record(draft, text=f"update {worker}/{r}")
            if r % 5 == 4:  # interleave read-modify-write transactions too
                mine = [c for c in j.open_commitments() if c.what.startswith(f"worker {worker} ") and c.owner == "Priya"]
                j.mark_done(mine[0].id, on=as_of)
    print("ok", worker)


if __name__ == "__main__":
    main()
