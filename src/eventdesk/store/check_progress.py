"""How far a long SQLite statement has got, and stopping it: for the integrity check.

SQLite's full integrity check is one statement that reads every page; it
reports nothing until done. A progress handler is called every few thousand
virtual-machine steps: counting those calls against an estimate made from
the file's page count gives a progress bar, and returning non-zero from it
interrupts the statement (a user's Cancel).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from eventdesk.store.sqlite_db import Database

#: Virtual-machine steps between two calls of the handler.
STEPS_PER_CALL = 20_000
#: Handler calls per database page the whole check needs, roughly: 857 calls for the
#: 29,156 pages of the benchmark's ten-year file (6.6 s).
CALLS_PER_PAGE = 0.03

Progress = Callable[[int, int], object]


def problems_with_progress(
    db: Database, problems: Callable[[Database], list[str]], progress: Progress
) -> list[str]:
    """``problems(db)`` with ``progress(done, total)`` called as it runs.

    If ``progress`` raises, SQLite is interrupted and the same exception is
    raised here (not reported as a problem of the file).
    """
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    total = max(int(pages * CALLS_PER_PAGE), 1)
    calls = 0
    stopped: list[BaseException] = []

    def handler() -> int:
        nonlocal calls
        calls += 1
        try:
            progress(min(calls, total - 1), total)  # never "done" before it is
        except BaseException as exc:
            stopped.append(exc)
            return 1
        return 0

    db.conn.set_progress_handler(handler, STEPS_PER_CALL)
    try:
        found = problems(db)
    except sqlite3.OperationalError:
        if stopped:
            raise stopped[0] from None
        raise
    finally:
        db.conn.set_progress_handler(None, 0)
    if stopped:
        raise stopped[0]
    progress(total, total)
    return found
