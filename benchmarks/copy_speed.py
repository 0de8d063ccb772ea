"""How fast ``eventdesk copy`` moves an office's records: a file to a file, to a team database
and back, at ten years (scale 1: 10,000 meetings, 50,000 people, 200,000 attendances).

    python benchmarks/copy_speed.py [--scale 1] [--photo-share 0.03] [--photo-mb 2]
        [--keep FILE.sqlite3] [--address postgresql://…]

Each copy is timed in its phases, from its own progress: the records (rows read in batches
and written, ids kept), the photos (read checked, written where the target keeps them), and
the end (the target's search index built, the copy put in place, both sides counted and the
photos read back and hashed again). Without ``--address`` a PostgreSQL of its own is started
on the loopback (``tests/postgres_server.py``). Prints records/s and photo MB/s per copy.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import add_photo_options, check_room, generate, photo_options  # noqa: E402

from eventdesk.store.copying import PHOTOS, Tally, copy_database  # noqa: E402


class Phases:
    """When the copy's progress moved from the records to the photos."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.photos_from: float | None = None
        self.photos_to = 0.0

    def __call__(self, tally: Tally) -> None:
        now = time.perf_counter()
        if tally.current == PHOTOS:
            if self.photos_from is None:
                self.photos_from = now
            self.photos_to = now


def timed(source: str, target: str) -> dict[str, float]:
    phases = Phases()
    report = copy_database(source, target, progress=phases)
    ended = time.perf_counter()
    if not report.ok:
        raise SystemExit(f"the copy to {target} did not check:\n{report.table()}")
    counts = {kind: a for kind, a, _ in report.counts}
    rows_end = phases.photos_from or ended
    return {
        "records": report.records(),
        "records_s": rows_end - phases.started,
        "photos": counts[PHOTOS],
        "photo_mb": counts["photo bytes"] / 1e6,
        "photos_s": (phases.photos_to - phases.photos_from) if phases.photos_from else 0.0,
        "end_s": ended - max(rows_end, phases.photos_to),
        "total_s": ended - phases.started,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="the generated file, made if missing")
    parser.add_argument("--address", help="an empty team database (else one is started here)")
    add_photo_options(parser)
    parser.set_defaults(photo_share=0.03, photo_mb=2.0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="eventdesk-copy-"))
    source = args.keep or work / "office.sqlite3"
    if not source.exists():
        check_room(source.resolve().parent, args.scale, photo_options(args))
        generate(source, args.scale, seed=1, **photo_options(args))
    server = None
    address = args.address
    if address is None:
        from tests.postgres_server import PostgresServer, find_bindir

        bindir = find_bindir()
        if bindir is None:
            raise SystemExit("no PostgreSQL here: install Debian's postgresql package")
        server = PostgresServer(bindir)
        server.start()
        address = server.address(server.create_database())
    try:
        results = {
            "file → file": timed(str(source), str(work / "copy.sqlite3")),
            "file → team database": timed(str(source), address),
            "team database → file": timed(address, str(work / "back.sqlite3")),
        }
    finally:
        if server is not None:
            server.stop()
    print("| copy | records | records/s | photos | MB | photo MB/s | end (index, check) | total |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, r in results.items():
        rate = r["records"] / r["records_s"] if r["records_s"] else 0
        mb_s = r["photo_mb"] / r["photos_s"] if r["photos_s"] else 0
        print(
            f"| {name} | {r['records']:,} | {rate:,.0f} | {r['photos']:,} | {r['photo_mb']:,.0f} "
            f"| {mb_s:,.1f} | {r['end_s']:.1f} s | {r['total_s']:.1f} s |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
