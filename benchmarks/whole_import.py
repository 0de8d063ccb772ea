"""Export a whole database's records as JSON and import that file into an empty database.

    python benchmarks/whole_import.py --db bench-1x.sqlite3

Why: a whole-database export is how an office hands its records to another
EventDesk (a second office, a new installation), so it must be taken back at
ten years' size: 10,000 meetings, 50,000 people in well under a minute
(issue 12). The figure is for the records: the photos are taken out of a
copy first, as base64 inside the JSON ten years of them would be a file of
hundreds of gigabytes, past the 1 GiB an import reads (docs/data-safety.md);
a database moves with its photos by copying its folder (docs/storage.md).

Prints one line per figure; run.py reads "whole-database import: N s".
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from eventdesk.store import EventStore  # noqa: E402
from eventdesk.store.interchange import import_file  # noqa: E402
from eventdesk.store.interchange.streaming import write_database  # noqa: E402


def records_only(db: Path, folder: Path) -> Path:
    """A copy of ``db`` with its photos' records taken out (their files are not copied)."""
    copy = folder / "records.sqlite3"
    source = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    with target:
        target.execute("UPDATE presentations SET attachment_id = NULL")
        target.execute("DELETE FROM files")
    target.close()
    return copy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventdesk-whole-", dir=args.db.parent) as name:
        folder = Path(name)
        exported = folder / "whole.json"
        started = time.perf_counter()
        with EventStore.open(records_only(args.db, folder)) as store:  # our copy: migrated if old
            write_database(store, exported)
        print(f"whole-database export: {time.perf_counter() - started:.1f} s", flush=True)
        size = exported.stat().st_size / 2**20
        started, cpu = time.perf_counter(), time.process_time()
        with EventStore.open(folder / "empty.sqlite3") as target:
            report = import_file(target, exported)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"whole-database import: {seconds:.1f} s, {cpu:.1f} s of processor time "
            f"({size:.0f} MB; {report.summary()})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
