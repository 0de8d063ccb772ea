"""Where photos should live: the daily backup's cost under three layouts, measured.

    python benchmarks/storage_choice.py [--records-mb 100] [--photos 200] [--new 4] [--mb 4]

Builds the same records (an SQLite file of ``--records-mb``) and ``--photos``
photos of ``--mb`` each, then adds a day's ``--new`` photos and times the
next day's backup under each layout, beside its floor (a plain copy of the
records file and the day's new photos):

- ``blobs``: photos as BLOBs in the database (EventDesk before migration 6):
  the backup API copies everything;
- ``second-file``: photos in a second SQLite file, backed up (whole) only on
  the days it changed, so on every day with a new photo;
- ``hashed-files``: photos as files named by their hash beside the database,
  the backups sharing one copy of each (what EventDesk does, store/media.py).

Prints one line per layout: seconds and MiB written by that day's backup.
The figures are in docs/storage.md.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventdesk.store import media, snapshots


def photo(n: int, mb: float) -> bytes:
    """Bytes that do not compress, distinct per photo (what a JPEG looks like to a copier)."""
    block = hashlib.sha256(str(n).encode()).digest()
    return (os.urandom(int(mb * 2**20) - 32)) + block


def records(path: Path, mb: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE records (id INTEGER PRIMARY KEY, body TEXT)")
    body = "x" * 4000
    conn.executemany("INSERT INTO records (body) VALUES (?)", ((body,) for _ in range(mb * 256)))
    conn.commit()
    conn.close()


def api_backup(source: Path, target: Path) -> None:
    src = sqlite3.connect(source)
    dest = sqlite3.connect(target)
    src.backup(dest)
    dest.close()
    src.close()


def timed(step) -> float:
    os.sync()
    started = time.perf_counter()
    step()
    os.sync()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records-mb", type=int, default=100)
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--new", type=int, default=4)
    parser.add_argument("--mb", type=float, default=4.0)
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="eventdesk-storage-", dir=args.folder))
    try:
        base = root / "records.sqlite3"
        records(base, args.records_mb)
        old = [photo(n, args.mb) for n in range(args.photos)]
        new = [photo(args.photos + n, args.mb) for n in range(args.new)]
        results = []

        # floor: copy the records file and the day's new photos, nothing else
        floor_dir = root / "floor"
        floor_dir.mkdir()
        new_dir = root / "new"
        new_dir.mkdir()
        for n, data in enumerate(new):
            (new_dir / str(n)).write_bytes(data)

        def floor() -> None:
            shutil.copyfile(base, floor_dir / "records.sqlite3")
            for p in new_dir.iterdir():
                shutil.copyfile(p, floor_dir / p.name)

        results.append(("floor: copy records + new photos", timed(floor), _mib(floor_dir)))

        # blobs in the database
        blobs = root / "blobs.sqlite3"
        shutil.copyfile(base, blobs)
        conn = sqlite3.connect(blobs)
        conn.execute("CREATE TABLE files (id INTEGER PRIMARY KEY, data BLOB)")
        conn.executemany("INSERT INTO files (data) VALUES (?)", ((d,) for d in old + new))
        conn.commit()
        conn.close()
        out = root / "blobs-backup.sqlite3"
        results.append(("blobs in the database", timed(lambda: api_backup(blobs, out)), _mib(out)))

        # second SQLite file for the bytes, backed up when it changed (today it did)
        second = root / "photos.sqlite3"
        conn = sqlite3.connect(second)
        conn.execute("CREATE TABLE files (id INTEGER PRIMARY KEY, data BLOB)")
        conn.executemany("INSERT INTO files (data) VALUES (?)", ((d,) for d in old + new))
        conn.commit()
        conn.close()
        second_out = root / "second"
        second_out.mkdir()

        def second_file() -> None:
            api_backup(base, second_out / "records.sqlite3")
            api_backup(second, second_out / "photos.sqlite3")

        results.append(("second SQLite file", timed(second_file), _mib(second_out)))

        # files named by hash; yesterday's backup already holds the old photos
        live = root / "live.media"
        pool = root / "backups" / "media"
        for data in old:
            sha = media.write(live, data, sync=False)
            media.copy_in(pool, media.path_in(live, sha), sha)
        wanted = {media.write(live, d, sync=False) for d in old + new}
        before = _mib(pool)

        def hashed() -> None:
            conn = sqlite3.connect(base)
            snapshots.copy_snapshot(
                conn, base, root / "backups" / "records.sqlite3", snapshots.quiet
            )
            conn.close()
            for sha in wanted:
                if not media.path_in(pool, sha).is_file():
                    media.copy_in(pool, media.path_in(live, sha), sha)

        took = timed(hashed)
        written = _mib(pool) - before + _mib(root / "backups" / "records.sqlite3")
        results.append(("files named by hash (chosen)", took, written))

        print(
            f"records {args.records_mb} MiB, {args.photos} photos of {args.mb} MiB, "
            f"{args.new} new today"
        )
        for what, seconds, mib in results:
            print(f"{what:36} {seconds:7.2f} s {mib:9.0f} MiB written")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


def _mib(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


if __name__ == "__main__":
    raise SystemExit(main())
