"""The store's costs that grow with the years, measured on a generated database.

    python benchmarks/store_costs.py DB [--runs 3]

Prints one JSON line (run.py reads it) with:

- ``db_mib``, ``media_mib``, ``photos``: the records file and its photos;
- ``first_backup_s``: the first backup, which copies every photo once;
- ``daily_backup_s`` and ``daily_floor_s``: a day's backup after a day's new
  meeting with four new photos, against its floor, a plain copy (flushed to
  disk) of the records file and those photos and the deletion of the day
  before's copy (any rotation that keeps eleven copies drops about one a
  day: the daily backup drops the one that fell out); ``quick_check_s``: SQLite's
  quick check of the database, which the day's upkeep runs before that
  backup (beside the window), so the backup need not read its copy through
  again; ``backup_folder_mib``: the
  backups folder after ten years, the shared photos and the eleven record
  copies the rotation keeps (taken once, multiplied: the same file eleven
  times);
- ``org_page_ms``: the first page of our own university's meetings with its
  count, through the store's queries, as its page shows them;
- ``save_200_ms``: saving the 200-attendee meeting after changing one title;
- ``export_s``, ``export_mib``, ``export_rss_mib``: writing the whole database
  to an interchange file, its size, and the exporting process's peak memory.

The daily backup and the saves write into the database: run it on a copy
you can throw away (run.py does, on the database it generated).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from generate import OUR_UNIVERSITY, distinct, photo_pool

from eventdesk.records import Meeting, MeetingFile
from eventdesk.store import EventStore, backups, media
from eventdesk.store.backups import KEEP_DAILY, KEEP_WEEKLY
from eventdesk.store.database import verify_file

PAGE = 100


def mib(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def synced_copy(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())


def add_a_day(store: EventStore, day: int, photos: list[bytes]) -> list[Path]:
    """A new meeting with four new photos, as a day of the office adds; their files."""
    meeting = Meeting(title=f"Benchmark day {day}", start_date=_date(day))
    meeting.files = [
        MeetingFile(
            f"day{day}-{k}.jpg", "image/jpeg", data=distinct(photos[k], 10**7 + day * 10 + k)
        )
        for k in range(4)
    ]
    saved = store.meetings.save(meeting)
    folder = media.folder_for(store.path)
    shas = [
        row[0]
        for row in store.db.execute("SELECT sha256 FROM files WHERE meeting_id = ?", [saved.id])
    ]
    return [media.path_in(folder, sha) for sha in shas]


def _date(day: int):
    from datetime import date, timedelta

    return date(2026, 1, 1) + timedelta(days=day)


def backups_measured(store: EventStore, path: Path, runs: int) -> dict:
    from random import Random

    photos = photo_pool(Random(7), 4.0)[:4]
    folder = backups.backup_folder(path)
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    first = store.files.automatic_backup("daily")
    first_s = time.perf_counter() - started
    records_mib = mib(first)
    daily, floor, checks = [], [], []
    scratch = Path(tempfile.mkdtemp(prefix="floor-", dir=path.parent))
    for day in range(1, runs + 1):
        new = add_a_day(store, day, photos)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        os.sync()
        started = time.perf_counter()
        synced_copy(path, scratch / f"records-{day}.sqlite3")
        for n, photo in enumerate(new):
            synced_copy(photo, scratch / f"{day}-{n}.jpg")
        (scratch / f"records-{day - 1}.sqlite3").unlink(missing_ok=True)  # the copy dropped
        floor.append(time.perf_counter() - started)
        os.sync()
        started = time.perf_counter()
        problem = verify_file(path)
        checks.append(time.perf_counter() - started)
        assert problem is None, problem
        started = time.perf_counter()  # what upkeep_file does once the check passed
        backups.automatic_backup(store.db, path, "daily", checked=True)
        daily.append(time.perf_counter() - started)
    shutil.rmtree(scratch)
    pool = mib(folder / "media")
    return {
        "first_backup_s": first_s,
        "daily_backup_s": statistics.median(daily),
        "daily_floor_s": statistics.median(floor),
        "quick_check_s": statistics.median(checks),
        "records_backup_mib": records_mib,
        "backup_pool_mib": pool,
        "backup_folder_mib": pool + (KEEP_DAILY + KEEP_WEEKLY) * records_mib,
    }


def timed_ms(step, runs: int) -> float:
    step()  # warm-up
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def org_page(store: EventStore) -> None:
    rows = store.organisations.meetings(OUR_UNIVERSITY, limit=PAGE)
    assert len({r.meeting_id for r in rows}) == PAGE
    store.organisations.count_meetings(OUR_UNIVERSITY)


def save_200(store: EventStore, runs: int) -> float:
    (mid,) = [r[0] for r in store.db.execute("SELECT id FROM meetings WHERE uid = 'bench-200'")]
    meeting = store.meetings.get(mid)
    samples = []
    for n in range(runs + 1):
        meeting.attendees[100].title = f"Director {n}"
        started = time.perf_counter()
        meeting = store.meetings.save(meeting)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples[1:])


def export(path: Path) -> dict:
    """The whole-database export in a process of its own, for its time and peak memory."""
    out = path.with_name("export.json")
    code = (
        "import sys, time, resource; sys.path.insert(0, 'src')\n"
        "from eventdesk.store import EventStore\n"
        "from eventdesk.store.interchange.streaming import write_database\n"
        f"store = EventStore.open({str(path)!r}, read_only=True)\n"
        "t = time.perf_counter()\n"
        f"write_database(store, __import__('pathlib').Path({str(out)!r}))\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    seconds, rss_kib = done.stdout.split()
    size = mib(out)
    out.unlink()
    return {"export_s": float(seconds), "export_mib": size, "export_rss_mib": int(rss_kib) / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-export", action="store_true", help="leave out the long export")
    args = parser.parse_args()
    figures: dict = {
        "db_mib": mib(args.db),
        "media_mib": mib(media.folder_for(args.db)),
    }
    if not args.no_export:
        figures.update(export(args.db))
    with EventStore.open(args.db) as store:
        figures["photos"] = store.db.execute("SELECT count(*) FROM files").fetchone()[0]
        figures["org_page_ms"] = timed_ms(lambda: org_page(store), 5)
        figures["org_meetings"] = store.organisations.count_meetings(OUR_UNIVERSITY)
        figures["save_200_ms"] = save_200(store, 5)
        figures.update(backups_measured(store, args.db, args.runs))
    figures["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
