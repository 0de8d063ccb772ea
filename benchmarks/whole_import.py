"""Export a whole database as JSON and import that file into an empty database; time both.

    python benchmarks/whole_import.py --db bench-1x.sqlite3

Why: a whole-database export is how an office moves to a new computer or
recovers from a damaged file, so it must be taken back at ten years' size.
Matching each person by name is an indexed lookup (migration 11); before it
was a scan of the table, and the import grew with the square of the people.
Prints one line per figure; run.py reads "whole-database import: N s".
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from eventdesk.store import EventStore  # noqa: E402
from eventdesk.store.interchange import dumps, export_database, import_file  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventdesk-whole-") as folder:
        exported = Path(folder) / "whole.json"
        started = time.perf_counter()
        with EventStore.open(args.db, read_only=True) as store:
            exported.write_text(dumps(export_database(store)), encoding="utf-8")
        print(f"whole-database export: {time.perf_counter() - started:.1f} s", flush=True)
        size = exported.stat().st_size / 2**20
        started, cpu = time.perf_counter(), time.process_time()
        with EventStore.open(Path(folder) / "empty.sqlite3") as target:
            report = import_file(target, exported)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"whole-database import: {seconds:.1f} s, {cpu:.1f} s of processor time "
            f"({size:.0f} MB; {report.summary()})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
