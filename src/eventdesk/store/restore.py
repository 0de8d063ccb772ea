"""Putting a backup back in place of the database.

The current file is never lost: it is copied into the backups folder first
(as it is, even when damaged), and the backup is checked before it replaces
anything. The new file is written beside the old one and swapped in with
one rename, so a crash during a restore leaves one or the other, whole.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from eventdesk.store import backups
from eventdesk.store.database import open_database
from eventdesk.store.errors import StoreError
from eventdesk.store.lock import FileLock


def restore(backup: Path, db_path: Path) -> Path:
    """Replace ``db_path`` with ``backup``; return where the replaced file was kept."""
    probe = open_database(backup, create=False, read_only=True)  # refuses what is not ours
    probe.close()
    lock = FileLock(db_path)
    lock.acquire()
    try:
        kept = backups.backup_path(db_path, "before-restore")
        kept.parent.mkdir(parents=True, exist_ok=True)
        if db_path.exists():
            shutil.copy2(db_path, kept)
        staging = db_path.with_name(db_path.name + ".restoring")
        staging.unlink(missing_ok=True)
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(staging)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        for suffix in ("-wal", "-shm"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(staging, db_path)
    except OSError as exc:
        raise StoreError(f"Could not restore {db_path} from {backup}: {exc}") from None
    finally:
        lock.release()
    return kept
