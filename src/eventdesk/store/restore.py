"""Putting a backup back in place of the database.

The current file is never lost: it is copied into the backups folder first
(as it is, even when damaged), and the backup is checked before it replaces
anything. The new file is written beside the old one and swapped in with
one rename, so a crash during a restore leaves one or the other, whole.

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

from eventdesk.store import backups, media
from eventdesk.store.database import open_database
from eventdesk.store.errors import StoreError
from eventdesk.store.lock import FileLock

#: ``progress(step, done, total)``: step is "photos" (the backup's photos the database's
#: folder lacks, in photos), "keep" (copying the current file aside, in
#: bytes), "copy" (the backup into place beside it, in pages) or "replace" (the swap;
#: from here the restore runs to its end). If it raises before "replace", the restore
#: stops, removes what it had written and changes nothing.
Progress = Callable[[str, int, int], object]

_CHUNK = 4 * 1024 * 1024


def restore(backup: Path, db_path: Path, progress: Progress | None = None) -> Path:
    """Replace ``db_path`` with ``backup``; return where the replaced file was kept."""
    tell = progress or (lambda _step, _done, _total: None)
    probe = open_database(backup, create=False, read_only=True)  # refuses what is not ours
    probe.close()
    lock = FileLock(db_path)
    lock.acquire()
    kept = backups.backup_path(db_path, "before-restore")
    staging = db_path.with_name(db_path.name + ".restoring")
    replacing = False
    try:
        live_photos = media.folder_for(db_path)
        pool = backups.backup_folder(db_path) / "media"
        lost = backups.copy_photos(
            backups.named_by(backup),
            [pool, backups.media_folder(backup)],
            live_photos,
            lambda done, total: tell("photos", done, total),
        )
        if lost:
            raise StoreError(
                f"{backup} names {len(lost)} photo(s) found neither in {pool} nor beside it; "
                f"{db_path} was not changed."
            )
        kept.parent.mkdir(parents=True, exist_ok=True)
        if db_path.exists():  # its photos first: a finished backup always has its photos
            backups.copy_photos(backups.named_by(db_path), [live_photos], pool)
            _copy(db_path, kept, lambda done, total: tell("keep", done, total))
        staging.unlink(missing_ok=True)
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(staging)
        try:
            source.backup(
                target,
                pages=backups.PAGES_PER_STEP,
                progress=lambda _s, remaining, total: tell("copy", total - remaining, total),
            )
        finally:
            source.close()
            target.close()
        tell("replace", 0, 1)
        replacing = True
        for suffix in ("-wal", "-shm"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(staging, db_path)
    except BaseException as exc:
        if not replacing:  # nothing was changed: leave nothing behind either
            staging.unlink(missing_ok=True)
            kept.unlink(missing_ok=True)
        if isinstance(exc, OSError | sqlite3.Error):
            raise StoreError(f"Could not restore {db_path} from {backup}: {exc}") from None
        raise
    finally:
        lock.release()
    return kept


def _copy(source: Path, target: Path, progress: Callable[[int, int], object]) -> None:
    """``shutil.copy2`` in steps, saying how far it is after each."""
    total = source.stat().st_size
    done = 0
    with source.open("rb") as src, target.open("wb") as dst:
        while chunk := src.read(_CHUNK):
            dst.write(chunk)
            done += len(chunk)
            progress(done, total)
    shutil.copystat(source, target)
