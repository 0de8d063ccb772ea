"""Consistent copies of the database, with its photos, and their rotation.

A plain file copy of a database in WAL mode can miss the latest commits or
catch a half-written page; a copy taken inside a read transaction, of the
file and then its log, is the database as of one moment even while it is
open and written (see :func:`_copy_snapshot`). Backups live in ``backups/`` beside the database so
they move with it. Automatic ones (daily, before an import, before a
migration) rotate: the newest of each of the last 7 days that have one and
the newest of each of the last 4 weeks are kept. Backups the user asked for
are never deleted.

Photos live beside the database (``store/media.py``), named by their hash,
and never change; so every backup in ``backups/`` shares one copy of each
in ``backups/media/``, and a backup copies only the photos that folder does
not hold yet: the daily backup costs the records plus the day's new photos.
A photo leaves ``backups/media/`` when no backup kept names it any more. A
backup written elsewhere (``eventdesk backup -o FILE``) gets its photos in
``FILE``'s own media folder, so it opens as a database of its own.

A backup is written under a temporary name (``….sqlite3.partial``) and
renamed only once it is complete and SQLite's quick check passes on it, so a
full disk or a crash never leaves a short file that looks like a backup.
The daily and the before-migration backups follow a quick check of the
database itself (opening it runs one, the day's upkeep another): for them
the copy is checked to be whole, every page its header names, rather than
read through a second time, which would cost more than the copy does. The
copy is switched out of WAL mode so that reading it later leaves no
``-wal``/``-shm`` files beside it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from eventdesk.store import media
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


def media_folder(target: Path) -> Path:
    """Where the photos of the backup at ``target`` are: the shared pool, or its own folder."""
    if target.parent.name == "backups":
        return target.parent / "media"
    return media.folder_for(target)


def backup(
    db: Database, target: Path, progress: Progress | None = None, *, checked: bool = False
) -> Path:
    """Write a consistent copy of ``db`` and the photos it names to ``target``; return its path.

    The copy is written beside ``target`` and renamed into place only after
    the photos it names are in the backup's media folder, so a finished
    backup always has its photos: the next backup into the same folder need
    not look for the photos that one names, only for the ones added since.

    ``progress(done, total)`` is called as the copy goes: pages of the
    records, then photos not yet in the backup's folder; if it
    raises, the copy stops, the partial file is deleted and the exception
    goes on to the caller (that is how a user's Cancel stops a backup).

    ``checked`` says SQLite's quick check passed on ``db`` just before: the
    copy is then only checked to be whole, not quick-checked again.
    """
    tell = progress or _quiet
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        source = media.database_file(db)
        if source is not None and not db.conn.in_transaction:
            _copy_snapshot(db.conn, source, partial, tell)
        else:  # in memory, or inside a transaction of the caller's: page by page
            partial.unlink(missing_ok=True)
            dest = sqlite3.connect(partial)
            try:
                db.conn.backup(
                    dest,
                    pages=PAGES_PER_STEP,
                    progress=lambda _s, remaining, total: tell(total - remaining, total),
                )
            finally:
                dest.close()
        _verify(partial, target, quick=not checked)
        named = named_by(partial)
        folder = media.folder_of(db)
        if folder is not None and named:
            pool = media_folder(target)
            copy_photos(named - _held(pool, target), [folder], pool, tell)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        _discard(partial)
        raise StoreError(f"Cannot write a backup to {target}: {exc}.") from None
    except BaseException:
        _discard(partial)
        raise
    return target


def _discard(partial: Path) -> None:
    for path in (partial, partial.with_name(partial.name + "-wal")):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def _verify(partial: Path, target: Path, *, quick: bool) -> None:
    """Take the copy out of WAL mode and check it before it is renamed.

    Out of WAL mode, reading the backup later leaves no ``-wal``/``-shm``
    files beside it. A copy cut short lacks pages its header names; the
    quick check (``quick``) also reads every page through, for a source
    no check has vouched for.
    """
    dest = sqlite3.connect(partial)
    try:
        dest.execute("PRAGMA journal_mode = DELETE")
        problem = [row[0] for row in dest.execute("PRAGMA quick_check(1)")] if quick else ["ok"]
    finally:
        dest.close()
    if problem != ["ok"] or not complete(partial):
        raise StoreError(f"Cannot write a backup to {target}: the copy did not check out.")


def _held(pool: Path, target: Path) -> set[str]:
    """Photos the shared pool surely holds: those the newest finished backup beside it names."""
    if pool.parent != target.parent or not pool.is_dir():
        return set()
    finished = [p for p in target.parent.glob("*.sqlite3") if p != target and complete(p)]
    if not finished:
        return set()
    return named_by(max(finished, key=lambda p: p.stat().st_mtime_ns), immutable=True)


def _copy_snapshot(conn: sqlite3.Connection, source: Path, target: Path, tell: Progress) -> None:
    """Copy the database file as it stands at one moment, at the speed of a plain file copy.

    SQLite's backup API copies page by page, two to three times slower than
    the file system copies the file. Holding a read transaction keeps the
    file consistent for the copy: in WAL mode no checkpoint writes a page
    newer than our snapshot into the file while we read, and the log keeps
    every frame our snapshot needs, so the file and its log copied in that
    order are our snapshot or a later commit, never a mix (SQLite's recovery
    drops a half-copied last transaction of the log). The copy then takes
    its log in and becomes a file of its own (``journal_mode=DELETE``).
    """
    target.unlink(missing_ok=True)
    conn.execute("BEGIN")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts
        wal = source.with_name(source.name + "-wal")
        pairs = [(source, target)]
        if wal.is_file() and wal.stat().st_size:
            pairs.append((wal, target.with_name(target.name + "-wal")))
        if tell is _quiet:
            for src, dst in pairs:
                shutil.copyfile(src, dst)
        else:
            _copy_in_steps(pairs, tell)
    finally:
        conn.execute("COMMIT")
    copy = sqlite3.connect(target)
    try:
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())


def _quiet(_done: int, _total: int) -> None:
    return None


def _copy_in_steps(pairs: list[tuple[Path, Path]], tell: Progress) -> None:
    """Plain copies, reporting pages done (of all of them) after every ``PAGES_PER_STEP``."""
    page = 4096
    total = max(1, sum(src.stat().st_size for src, _ in pairs) // page)
    done = 0
    for source, target in pairs:
        with source.open("rb") as src, target.open("wb") as dst:
            while chunk := src.read(PAGES_PER_STEP * page):
                dst.write(chunk)
                done += -(-len(chunk) // page)
                tell(min(done, total), total)
    if done < total:
        tell(total, total)


def _named(conn: sqlite3.Connection) -> set[str]:
    try:
        return {r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM files WHERE sha256 != ''")}
    except sqlite3.DatabaseError:  # written before photos left the database, or damaged
        return set()


def named_by(path: Path, *, immutable: bool = False) -> set[str]:
    """The photo hashes the database file at ``path`` names (none if it cannot be read).

    ``immutable`` reads a file no one writes (a finished backup, a restore's
    candidate) without leaving ``-wal``/``-shm`` files beside it.
    """
    flags = "?mode=ro&immutable=1" if immutable else "?mode=ro"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}{flags}", uri=True)
    except sqlite3.Error:
        return set()
    try:
        return _named(conn)
    finally:
        conn.close()


def copy_photos(
    wanted: set[str], sources: list[Path], dest: Path, tell: Progress | None = None
) -> list[str]:
    """Copy into ``dest`` each wanted photo it lacks, from the first source holding it.

    Only what ``dest`` lacks is copied, which is what keeps a daily backup
    small. ``tell(done, total)`` counts the photos copied. Returns the
    hashes found nowhere.
    """
    lost = []
    todo = [sha for sha in sorted(wanted) if not media.path_in(dest, sha).is_file()]
    for n, sha in enumerate(todo, 1):
        for folder in sources:
            candidate = media.path_in(folder, sha)
            if candidate.is_file():
                media.copy_in(dest, candidate, sha)
                break
        else:
            lost.append(sha)
        if tell is not None:
            tell(n, len(todo))
    return lost


def prune_photos(folder: Path) -> list[Path]:
    """Delete the photos in ``folder/media`` that no backup in ``folder`` names any more."""
    pool = folder / "media"
    if not pool.is_dir():
        return []
    named: set[str] = set()
    for path in folder.glob("*.sqlite3"):
        named |= named_by(path, immutable=True)
    removed = []
    for sha, path in media.stored(pool):
        if sha not in named:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def complete(path: Path) -> bool:
    """Whether ``path`` looks like a whole SQLite file: its header, and all the pages it names."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    return pages > 0 and size >= pages * page_size


def list_backups(db_path: Path, *, complete_only: bool = True) -> list[Backup]:
    """The backups of this database, newest first, each once.

    Files that are not whole SQLite files (a copy cut short before this
    version wrote backups under a temporary name) are left out unless
    ``complete_only`` is false, as rotation wants them.
    """
    folder = backup_folder(db_path)
    found = []
    seen: set[Path] = set()
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        match = _NAME.match(path.name)
        if not match or match["stem"] != db_path.stem or path.resolve() in seen:
            continue
        if complete_only and not complete(path):
            continue
        seen.add(path.resolve())
        taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        reason = re.sub(r"-\d+$", "", match["reason"])
        found.append(Backup(path, taken, reason))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def daily_backup_due(db_path: Path, now: datetime | None = None) -> bool:
    today = (now or datetime.now()).date()
    return not any(b.taken.date() == today for b in list_backups(db_path))


def rotate(db_path: Path) -> list[Path]:
    """Delete automatic backups beyond the daily and weekly ones kept; return those deleted."""
    automatic = [b for b in list_backups(db_path, complete_only=False) if b.automatic]
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
    if deleted and _prune_due(backup_folder(db_path)):
        prune_photos(backup_folder(db_path))
    return deleted


def _prune_due(folder: Path) -> bool:
    """Once a week is enough to drop photos no backup names: it reads every backup kept."""
    marker = folder / "media" / ".pruned"
    try:
        last = datetime.fromisoformat(marker.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        last = None
    if last is not None and (datetime.now() - last).days < 7:
        return False
    if marker.parent.is_dir():
        marker.write_text(datetime.now().isoformat(timespec="seconds"), encoding="utf-8")
    return True


def automatic_backup(db: Database, db_path: Path, reason: str, *, checked: bool = False) -> Path:
    """Take an automatic backup and rotate the old ones (``checked``: see :func:`backup`)."""
    target = backup(db, backup_path(db_path, reason), checked=checked)
    rotate(db_path)
    return target
