"""Putting a backup back in place of the database.

The current file is never lost: it is copied into the backups folder first,
with every change committed to it (those still in its ``-wal`` log after a
crash included: ``store/snapshots.py``), and the backup is checked before it
replaces anything. The copy kept and the new file are written under names
that say they are unfinished (``store/partials.py``) and renamed when whole,
the new one beside the old and swapped in with one rename, so a crash during
a restore leaves one or the other, whole, and the next start removes what it
left half written.

Photos (``store/media.py``) come back before the records that name them:
each one the backup names and the database's media folder lacks is copied
from the backups' shared ``media`` folder (or the backup's own) first. The
replaced file's photos are added to that shared folder, so it can be
restored in turn. A backup whose photos cannot all be found is refused.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from eventdesk.store import backups, busy_files, partials, photo_folder, snapshots
from eventdesk.store.database import connect_read_only, damaged
from eventdesk.store.errors import NewerSchemaError, NotAnEventDeskDatabase, StoreError
from eventdesk.store.lock import FileLock
from eventdesk.store.migrations import APPLICATION_ID, LATEST_VERSION


def check_candidate(backup: Path) -> None:
    """Refuse anything but a whole, sound EventDesk database, and leave no file beside it.

    The candidate is read as immutable, so SQLite makes no ``-wal``/``-shm``
    files beside it even when it was copied while in WAL mode.
    """
    if not backup.is_file():
        raise StoreError(f"There is no backup at {backup}.")
    refused = f"{backup} is not a complete EventDesk database; nothing was restored."
    if not backups.complete(backup):
        raise NotAnEventDeskDatabase(refused)
    try:
        conn = connect_read_only(backup, immutable=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            check = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise damaged(backup, str(exc)) from None
    if app_id != APPLICATION_ID or not {"meetings", "people"} <= tables:
        raise NotAnEventDeskDatabase(refused)
    if version > LATEST_VERSION:
        raise NewerSchemaError(
            f"{backup} was written by a newer EventDesk (schema {version}); nothing was restored."
        )
    if check != ["ok"]:
        raise damaged(backup, "; ".join(check))


#: ``progress(step, done, total)``: step is "photos" (the backup's photos the database's
#: folder lacks, in photos), "keep" (copying the current file and its log aside, in
#: pages), "copy" (the backup into place beside it, in pages) or "replace" (the swap;
#: from here the restore runs to its end). If it raises before "replace", the restore
#: stops, removes what it had written and changes nothing.
Progress = Callable[[str, int, int], object]


def restore(
    backup: Path, db_path: Path, progress: Progress | None = None, *, take_over: bool = False
) -> Path:
    """Replace ``db_path`` with ``backup``; return where the replaced file was kept.

    ``take_over``: a lock only another PC's record holds is taken (``FileLock.acquire``).
    """
    tell = progress or (lambda _step, _done, _total: None)
    check_candidate(backup)
    lock = FileLock(db_path)
    lock.acquire(take_over=take_over)
    kept = backups.backup_path(db_path, backups.BEFORE_RESTORE)
    kept_partial = kept.with_name(kept.name + ".partial")
    staging = partials.restoring(db_path)
    replacing = False
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        # The restored file takes the place of this database: its identity, and so its photos'
        # folder, stay this database's (store/photo_folder.py).
        ident = photo_folder.identity_at(db_path) if db_path.exists() else None
        live = photo_folder.resolve(db_path, ident)
        with partials.writing(staging), partials.writing(kept_partial):
            try:
                _bring_photos(backup, db_path, live.path, tell)
                if db_path.exists():  # its photos first: a finished backup always has its photos
                    pool = backups.backup_folder(db_path) / "media"
                    sources = photo_folder.sources(db_path, ident)
                    backups.copy_photos(backups.named_by(db_path), sources, pool)
                    _keep(db_path, kept_partial, kept, lambda d, t: tell("keep", d, t))
                stamped = _write_staging(backup, staging, ident, lambda d, t: tell("copy", d, t))
                tell("replace", 0, 1)
                replacing = True
                try:
                    # the log goes first: a log left beside the new file would be read into
                    # it (the file it belongs to, whole, is the copy kept above); on Windows
                    # neither goes while another program has it open, so they wait a moment
                    for suffix in ("-wal", "-shm"):
                        busy_files.unlink(db_path.with_name(db_path.name + suffix))
                    busy_files.replace(staging, db_path)
                except PermissionError as exc:
                    replacing = False  # still held after the wait: the file is as it was
                    raise StoreError(
                        f"Could not restore {db_path}: another program has it open "
                        f"({exc.strerror}). Close it there and restore again; nothing was "
                        "changed."
                    ) from None
                if not stamped:
                    photo_folder.forget_owner(db_path)
            except BaseException:
                if not replacing:  # nothing was changed: leave nothing behind either
                    partials.discard(staging)
                    partials.discard(kept_partial)
                    partials.discard(kept)
                raise
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"Could not restore {db_path} from {backup}: {exc}") from None
    finally:
        lock.release()
    return kept


def _bring_photos(backup: Path, db_path: Path, live_photos: Path, tell: Progress) -> None:
    """The backup's photos into the database's folder, before the records that name them."""
    pool = backups.backup_folder(db_path) / "media"
    beside = photo_folder.sources(backup, photo_folder.identity_at(backup, immutable=True))
    lost = backups.copy_photos(
        backups.named_by(backup, immutable=True),
        [pool, *beside],
        live_photos,
        lambda done, total: tell("photos", done, total),
    )
    if lost:
        raise StoreError(
            f"{backup} names {len(lost)} photo(s) found neither in {pool} nor beside it; "
            f"{db_path} was not changed."
        )


def _keep(db_path: Path, partial: Path, kept: Path, tell: snapshots.Progress) -> None:
    """Copy the current file aside with every change committed to it, even a crash's last ones.

    A file too damaged to take its log in is kept as it is, its log beside
    it under the kept name (SQLite reads the two together).
    """
    try:
        snapshots.copy_with_log(db_path, partial, tell)
    except sqlite3.DatabaseError:  # SQLite may have changed the copies trying: copy again
        partials.discard(partial)
        shutil.copyfile(db_path, partial)
        if snapshots.log_of(db_path).is_file():
            shutil.copyfile(snapshots.log_of(db_path), snapshots.log_of(kept))
    busy_files.replace(partial, kept)


def _write_staging(
    backup: Path, staging: Path, ident: str | None, tell: snapshots.Progress
) -> bool:
    """The backup copied page by page beside the database, given the database's identity, on
    disk before it is renamed. Returns whether it holds that identity."""
    partials.discard(staging)
    source = connect_read_only(backup, immutable=True)
    target = sqlite3.connect(staging)
    try:
        source.backup(
            target,
            pages=backups.PAGES_PER_STEP,
            progress=lambda _s, remaining, total: tell(total - remaining, total),
        )
    finally:
        source.close()
        target.close()
    stamped = ident is not None and photo_folder.stamp(staging, ident)
    with open(staging, "rb+") as fh:
        os.fsync(fh.fileno())
    return stamped
