"""Child process for the threaded-writer test: THREADS threads, each opening its own Journal on the
same file (as the eval runner or a library user would), recording RECORDS drafts after GO appears.

Usage: python _thread_writer.py JOURNAL GO_FILE WORKER THREADS RECORDS
Prints one line per recorded update: "<update id> <text>".
"""

import datetime as dt
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # so "journal.helpers" imports

from journal.helpers import make_draft  # noqa: E402

from drafter.journal import open_journal  # noqa: E402


def main() -> None:
    path, go = sys.argv[1], Path(sys.argv[2])
    worker, threads, records = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    done: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(t: int) -> None:
        try:
            while not go.exists():
                time.sleep(0.002)
            as_of = dt.date(2026, 11, 2)
            for r in range(records):
                # open and close per record: every open runs the file checks while others write
                with open_journal(path) as j:
                    draft = make_draft(as_of, [{"what": f"p{worker} t{t} r{r} deliverable", "due": as_of}], title=f"w{worker}")
                    rid = j.record(draft, text=f"update {worker}/{t}/{r}")
                with lock:
                    done.append(f"{rid} update {worker}/{t}/{r}")
        except BaseException as exc:  # reported by the parent
            errors.append(exc)

    pool = [threading.Thread(target=run, args=(t,)) for t in range(threads)]
    for th in pool:
        th.start()
    for th in pool:
        th.join()
    for line in done:
        print(line)
    for exc in errors:
        print(f"ERROR {type(exc).__name__}: {exc}", file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
