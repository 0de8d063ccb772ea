"""Consistent copies of the database, with its photos, and their rotation.

A plain file copy of a database in WAL mode can miss the latest commits or
catch a half-written page; a copy taken inside a read transaction, of the
file and then its log, is the database as of one moment even while it is
open and written (``store/snapshots.py``). Backups live in ``backups/`` beside
the database so they move with it. Automatic ones (daily, before an import,
before a migration) rotate (:func:`rotate` says which are kept). Backups the
user asked for, and the copies a restore keeps, are never deleted.

Photos live beside the database (``store/media.py``), named by their hash,
and never change; so every backup in ``backups/`` shares one copy of each
in ``backups/media/`` (``store/photo_pool.py``), each checked against its
hash as it is copied, and a backup copies only the photos that folder does
not hold yet: the daily backup costs the records plus the day's new photos.
A backup written elsewhere (``eventdesk backup -o FILE``) gets an identity
and photo folder of its own (``store/photo_folder.py``), so it opens as a
database of its own.

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

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from eventdesk.store import busy_files, disk, media, partials, photo_folder
from eventdesk.store.backup_names import NAME as _NAME
from eventdesk.store.backup_names import backup_folder as backup_folder
from eventdesk.store.backup_names import remove_leftovers as remove_leftovers
from eventdesk.store.errors import BackupFailed, StoreError
from eventdesk.store.locations import same_name
from eventdesk.store.photo_pool import (
    copy_photos,
    held,
    left_out,
    named_by,
    note_incomplete,
    prune_photos,
)
from eventdesk.store.snapshots import (
    PAGES_PER_STEP,
    Progress,
    complete,
    copy_snapshot,
    quiet,
)
from eventdesk.store.sqlite_db import Database

__all__ = [
    "PAGES_PER_STEP",
    "Progress",
    "complete",
    "copy_photos",
    "named_by",
]  # for restore and the store's service

KEEP_DAILY = 7
KEEP_WEEKLY = 4
MANUAL = "manual"
#: The copy a restore keeps of the file it replaced: kept like a manual backup (see rotate).
BEFORE_RESTORE = "before-restore"
BEFORE_MIGRATION = "before-migration"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str

    @property
    def automatic(self) -> bool:
        return self.reason != MANUAL

    @property
    def rotates(self) -> bool:
        """Whether rotation may delete it: the automatic copies of the database as it is."""
        return self.automatic and self.reason != BEFORE_RESTORE


def backup_path(db_path: Path, reason: str, when: datetime | None = None) -> Path:
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = backup_folder(db_path)
    candidate = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite3"
    n = 1
    while candidate.exists():  # two backups in one second: keep both
        n += 1
        candidate = folder / f"{db_path.stem}-{stamp}-{reason}-{n}.sqlite3"
    return candidate


def media_folder(target: Path, ident: str | None) -> photo_folder.PhotoFolder:
    """Where the photos of the backup at ``target`` (identity ``ident``) go: the pool its
    ``backups`` folder shares, or a folder of its own."""
    if target.parent.name == "backups":
        return photo_folder.PhotoFolder(target.parent / "media", owned=False)
    return photo_folder.resolve(target, ident)


def backup(
    db: Database,
    target: Path,
    progress: Progress | None = None,
    *,
    checked: bool = False,
    new_identity: bool = False,
    notes: list[str] | None = None,
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
    ``new_identity`` makes the copy a database of its own (a backup written
    to a file of the user's choosing): it gets an identity and a photo folder
    of its own, so it never cleans the original's photos, nor they its.
    A photo that is not what was saved (a changed byte, a link in its place)
    is not copied; the backup is made without it, and ``notes`` gets one
    line naming it. A later backup copies it once it is whole again.
    """
    tell = progress or quiet
    source = media.database_file(db)
    if source is not None:
        _refuse_own_files(source, target, media.sources_of(db))
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with partials.writing(partial):
            try:
                _write(db, partial, tell, quick=not checked)
                ident = photo_folder.identity(db.conn)
                if new_identity:
                    ident = photo_folder.new_identity()
                    photo_folder.stamp(partial, ident)
                named = named_by(partial)
                if source is not None and named:
                    pool = media_folder(target, ident)
                    if pool.owned and ident is not None and not pool.path.exists():
                        photo_folder.write_note(pool.path, target, ident)
                    wanted = named - held(pool.path, target)
                    bad: dict[str, str] = {}
                    lost = copy_photos(wanted, media.sources_of(db), pool.path, tell, bad)
                    note_incomplete(pool.path, set(lost))
                    if notes is not None:
                        notes += left_out(partial, bad, target)
                busy_files.replace(partial, target)  # a scanner may be reading it
            except BaseException:
                partials.discard(partial)
                raise
    except (OSError, sqlite3.Error) as exc:
        raise BackupFailed(target, _reason(exc, target)) from None
    return target


def _refuse_own_files(source: Path, target: Path, photos: list[Path]) -> None:
    """A backup written over the database, a file SQLite keeps beside it, or one of its
    folders would destroy what it copies: refused before anything is written."""
    what = None
    files = [source, *(source.with_name(source.name + side) for side in partials.SIDE_FILES)]
    folders = [*photos, backup_folder(source) / "media"]
    if any(_same(target, own) for own in files):
        what = "the database itself, or a file SQLite keeps beside it"
    elif any(_same(target, own) or _within(target, own) for own in folders):
        what = "the database's photo folder, or in it"
    elif _same(target, backup_folder(source)) or target.is_dir():
        what = "a folder"
    if what:
        raise StoreError(
            f"Cannot write a backup to {target}: that is {what}. Nothing was written; "
            "choose another file name."
        )


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _within(path: Path, folder: Path) -> bool:
    try:
        return folder.resolve() in path.resolve().parents
    except OSError:
        return False


def _reason(exc: OSError | sqlite3.Error, target: Path) -> str:
    full = disk.full_because(exc, target)
    if full:
        return f"no room left on the disk ({full})"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def _write(db: Database, partial: Path, tell: Progress, *, quick: bool) -> None:
    """The records, copied and checked under the partial name."""
    source = media.database_file(db)
    if source is not None and not db.conn.in_transaction:
        copy_snapshot(db.conn, source, partial, tell)
    else:  # in memory, or inside a transaction of the caller's: page by page
        partials.discard(partial)
        dest = sqlite3.connect(partial)
        try:
            db.conn.backup(
                dest,
                pages=PAGES_PER_STEP,
                progress=lambda _s, remaining, total: tell(total - remaining, total),
            )
        finally:
            dest.close()
    _verify(partial, quick=quick)


def _verify(partial: Path, *, quick: bool) -> None:
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
        raise sqlite3.DatabaseError("the copy did not check out")


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
        same = match is not None and same_name(match["stem"], db_path.stem, folder)
        if not same or path.resolve() in seen:
            continue
        if complete_only and not complete(path):
            continue
        seen.add(path.resolve())
        taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        reason = re.sub(r"-\d+$", "", match["reason"])
        found.append(Backup(path, taken, reason))
    return sorted(found, key=_age, reverse=True)


def _age(b: Backup) -> tuple[datetime, int, str]:
    """Newest last; within the second its name gives, the file's own time says which is newer."""
    try:
        written = b.path.stat().st_mtime_ns
    except OSError:
        written = 0
    return (b.taken, written, b.path.name)


def daily_backup_due(db_path: Path, now: datetime | None = None) -> bool:
    """No whole backup of the database as it is was taken today (a restore's kept copy is of
    the file it replaced, not of this one)."""
    today = (now or datetime.now()).date()
    return not any(
        b.taken.date() == today and b.reason != BEFORE_RESTORE for b in list_backups(db_path)
    )


def rotate(db_path: Path) -> list[Path]:
    """Delete automatic backups beyond those kept; return those deleted.

    Kept: the newest whole backup of each of the last 7 days that have one
    and of each of the last 4 weeks, and on each of those days the first
    copy taken before a migration (the file as the older EventDesk left it,
    even when the upgrade was interrupted and a later start copied the
    half-upgraded file again). Only whole files count: a copy cut short
    (written by an older version, which did not name its unfinished copies)
    never stands in for a day and is deleted. The copy a restore keeps of
    the file it replaced is never deleted here: it may be the damaged file
    the user restored away from, so it must not stand in for a day either.
    """
    rotating = [b for b in list_backups(db_path, complete_only=False) if b.rotates]
    whole = [b for b in rotating if complete(b.path)]
    keep: set[Path] = set()
    days: list = []
    weeks: list = []
    for b in whole:  # newest first
        day = b.taken.date()
        week = day.isocalendar()[:2]
        if day not in days and len(days) < KEEP_DAILY:
            days.append(day)
            keep.add(b.path)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.append(week)
            keep.add(b.path)
    first_before_migration = {
        b.taken.date(): b.path  # newest first: the last one seen of a day is its first
        for b in whole
        if b.reason.startswith(BEFORE_MIGRATION) and b.taken.date() in days
    }
    keep |= set(first_before_migration.values())
    # one another program holds open (Windows: a scanner, OneDrive) is left for next time
    deleted, _held_open = busy_files.remove_all([b.path for b in rotating if b.path not in keep])
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


def automatic_backup(
    db: Database,
    db_path: Path,
    reason: str,
    *,
    checked: bool = False,
    notes: list[str] | None = None,
) -> Path:
    """Take an automatic backup and rotate the old ones (``checked``, ``notes``: see
    :func:`backup`)."""
    target = backup(db, backup_path(db_path, reason), checked=checked, notes=notes)
    rotate(db_path)
    return target
