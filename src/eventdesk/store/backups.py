"""Copies of the database through SQLite's online backup API.

A plain file copy of a database in WAL mode can miss the latest commits or
catch a half-written page; the backup API copies a consistent snapshot even
while the file is open.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from eventdesk.store.errors import StoreError


def backup_folder(db_path: Path) -> Path:
    """Backups live beside the database so that they move with it."""
    return db_path.parent / "backups"


def backup_path(db_path: Path, reason: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return backup_folder(db_path) / f"{db_path.stem}-{stamp}-{reason}.sqlite3"


def backup(db: Database, target: Path) -> Path:
    """Write a consistent copy of ``db`` to ``target`` and return its path."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(target)
        try:
            db.conn.backup(dest)
        finally:
            dest.close()
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"Cannot write a backup to {target}: {exc}.") from None
    return target
