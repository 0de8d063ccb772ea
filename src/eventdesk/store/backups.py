"""Copies of the database through SQLite's online backup API, and their rotation.

A plain file copy of a database in WAL mode can miss the latest commits or
catch a half-written page; the backup API copies a consistent snapshot even
while the file is open. Backups live in ``backups/`` beside the database so
they move with it. Automatic ones (daily, before an import, before a
migration) rotate: the newest of each of the last 7 days that have one and
the newest of each of the last 4 weeks are kept. Backups the user asked for
are never deleted.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from eventdesk.store.errors import StoreError

KEEP_DAILY = 7
KEEP_WEEKLY = 4
MANUAL = "manual"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9-]+)\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str

    @property
    def automatic(self) -> bool:
        return self.reason != MANUAL


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_path(db_path: Path, reason: str, when: datetime | None = None) -> Path:
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = backup_folder(db_path)
    candidate = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite3"
    n = 1
    while candidate.exists():  # two backups in one second: keep both
        n += 1
        candidate = folder / f"{db_path.stem}-{stamp}-{reason}-{n}.sqlite3"
    return candidate


#: Pages copied between two progress reports (4 MB at SQLite's default page size).
PAGES_PER_STEP = 1024

Progress = Callable[[int, int], object]


def backup(db: Database, target: Path, progress: Progress | None = None) -> Path:
    """Write a consistent copy of ``db`` to ``target`` and return its path.

    ``progress(pages_done, pages_total)`` is called as the copy goes; if it
    raises, the copy stops, the partial file is deleted and the exception
    goes on to the caller (that is how a user's Cancel stops a backup).
    """
    step = None
    if progress is not None:

        def step(_status: int, remaining: int, total: int) -> None:
            progress(total - remaining, total)

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(target)
        try:
            if step is None:
                db.conn.backup(dest)
            else:
                db.conn.backup(dest, pages=PAGES_PER_STEP, progress=step)
        finally:
            dest.close()
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)
        raise StoreError(f"Cannot write a backup to {target}: {exc}.") from None
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def list_backups(db_path: Path) -> list[Backup]:
    """The backups of this database, newest first."""
    folder = backup_folder(db_path)
    found = []
    for path in folder.glob(f"{db_path.stem}-*.sqlite3") if folder.is_dir() else []:
        match = _NAME.match(path.name)
        if not match or match["stem"] != db_path.stem:
            continue
        taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        reason = re.sub(r"-\d+$", "", match["reason"])
        found.append(Backup(path, taken, reason))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def daily_backup_due(db_path: Path, now: datetime | None = None) -> bool:
    today = (now or datetime.now()).date()
    return not any(b.taken.date() == today for b in list_backups(db_path))


def rotate(db_path: Path) -> list[Path]:
    """Delete automatic backups beyond the daily and weekly ones kept; return those deleted."""
    automatic = [b for b in list_backups(db_path) if b.automatic]
    keep: set[Path] = set()
    days: list = []
    weeks: list = []
    for b in automatic:  # newest first
        day = b.taken.date()
        week = day.isocalendar()[:2]
        if day not in days and len(days) < KEEP_DAILY:
            days.append(day)
            keep.add(b.path)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.append(week)
            keep.add(b.path)
    deleted = []
    for b in automatic:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            deleted.append(b.path)
    return deleted


def automatic_backup(db: Database, db_path: Path, reason: str) -> Path:
    """Take an automatic backup and rotate the old ones."""
    target = backup(db, backup_path(db_path, reason))
    rotate(db_path)
    return target
