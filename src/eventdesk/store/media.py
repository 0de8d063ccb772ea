"""Photo and attachment bytes as files named by their content, beside the database.

A database ``office.sqlite3`` keeps its photos in the folder ``office.media``
next to it, each file at ``ab/cdef…`` where ``abcdef…`` is the SHA-256 of its
bytes (as Zotero and Calibre keep theirs). The ``files`` rows keep everything
else and the hash. Why (and the figures) is in ``docs/storage.md``: a daily
backup then copies the records and only the photos it has not copied before,
instead of every photo every day.

The bytes are written first, flushed to disk (``fsync``) and renamed into
place before the row naming them is committed, so a crash between the two
leaves at worst a file no row names (``eventdesk check`` removes it once
it is an hour old), never a row without its photo. A file is
never changed once written: the same bytes always have the same name, so
writing them twice is harmless and two meetings with the same photo share it.

A database without a file (in memory, for tests and previews) has no folder:
its bytes stay in the row's ``data`` column, which is otherwise empty.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

from sqlite_utils import Database

from eventdesk.store.errors import StoreError

SUFFIX = ".media"
RENDITIONS = "renditions"  # derived, rebuilt on demand: not backed up
_TEMP = ".partial"
#: seconds a file no row names is left alone: it may be a save's, written before its row commits
GRACE = 3600


def folder_for(db_path: Path) -> Path:
    """Where the photos of the database at ``db_path`` live."""
    return db_path.with_name(db_path.stem + SUFFIX)


def database_file(db: Database) -> Path | None:
    """The file behind ``db``'s main schema, or None for an in-memory database."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(file) if file else None
    return None


def folder_of(db: Database) -> Path | None:
    path = database_file(db)
    return folder_for(path) if path is not None else None


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def path_in(folder: Path, sha256: str) -> Path:
    return folder / sha256[:2] / sha256[2:]


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder to flush it; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write(folder: Path, data: bytes, *, sync: bool = True) -> str:
    """Store ``data`` under its hash (durably, unless ``sync`` is False); return the hash."""
    sha = digest(data)
    target = path_in(folder, sha)
    if target.is_file() and target.stat().st_size == len(data):
        os.utime(target)  # fresh again: not an orphan for `check` to remove (see GRACE)
        return sha
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f"{target.name}.{os.getpid()}{_TEMP}")
        with open(temp, "wb") as fh:
            fh.write(data)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(temp, target)
        if sync:
            _fsync_folder(target.parent)
    except OSError as exc:
        raise StoreError(f"Cannot write a photo into {folder}: {exc}. Nothing was saved.") from None
    return sha


def copy_in(folder: Path, source: Path, sha256: str) -> None:
    """Copy an already named file (from a backup) into ``folder``, durably."""
    target = path_in(folder, sha256)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f"{target.name}.{os.getpid()}{_TEMP}")
    shutil.copyfile(source, temp)
    with open(temp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(temp, target)


def read(folder: Path, sha256: str) -> bytes:
    try:
        return path_in(folder, sha256).read_bytes()
    except OSError:
        raise StoreError(
            f"The photo {sha256[:12]}… is missing from {folder}. Restore the database from a "
            "backup (its photos come back with it), or run `eventdesk check`."
        ) from None


def stored(folder: Path) -> Iterable[tuple[str, Path]]:
    """Every (hash, path) the folder holds, leaving out renditions and unfinished writes."""
    if not folder.is_dir():
        return
    for sub in sorted(folder.iterdir()):
        if len(sub.name) != 2 or not sub.is_dir():
            continue
        for path in sub.iterdir():
            if not path.name.endswith(_TEMP):
                yield sub.name + path.name, path


def named_in(db: Database) -> set[str]:
    """The hashes the rows of ``db`` name."""
    return {
        row[0] for row in db.execute("SELECT DISTINCT sha256 FROM files WHERE sha256 IS NOT NULL")
    }


def problems(db: Database) -> list[str]:
    """Photos missing or damaged (bytes whose hash is not their name)."""
    folder = folder_of(db)
    if folder is None:
        return []
    found = []
    for fid, mid, sha in db.execute(
        "SELECT id, meeting_id, sha256 FROM files WHERE sha256 IS NOT NULL ORDER BY id"
    ).fetchall():
        path = path_in(folder, sha)
        if not path.is_file():
            found.append(f"file {fid} of meeting {mid} is missing from {folder} ({sha[:12]}…)")
            continue
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        if h.hexdigest() != sha:
            found.append(f"file {fid} of meeting {mid} is damaged: its bytes in {path} changed")
    return found


def orphans(db: Database, grace: float = GRACE) -> list[Path]:
    """Files no row names and unfinished writes, untouched for ``grace`` seconds."""
    folder = folder_of(db)
    if folder is None or not folder.is_dir():
        return []
    named = named_in(db)
    leftovers = [path for sha, path in stored(folder) if sha not in named]
    for sub in folder.iterdir():
        if sub.is_dir() and len(sub.name) == 2:
            leftovers += [p for p in sub.iterdir() if p.name.endswith(_TEMP)]
    cutoff = time.time() - grace
    return sorted(p for p in leftovers if p.stat().st_mtime < cutoff)


def remove_orphans(db: Database, grace: float = GRACE) -> list[Path]:
    """Delete what a crash between bytes and row left, or photos no meeting has any more."""
    removed = orphans(db, grace)
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def move_out(db: Database) -> int:
    """Move the bytes held in rows into the folder beside the database (migration 9).

    One row at a time, so a database of many gigabytes is never in memory at
    once; each file is on disk before its row is emptied, in the migration's
    transaction. Returns how many were moved.
    """
    folder = folder_of(db)
    ids = [r[0] for r in db.execute("SELECT id FROM files WHERE length(data) > 0").fetchall()]
    for fid in ids:
        (data,) = db.execute("SELECT data FROM files WHERE id = ?", [fid]).fetchone()
        if folder is None:
            db.execute("UPDATE files SET sha256 = ? WHERE id = ?", [digest(data), fid])
        else:
            sha = write(folder, data)
            db.execute("UPDATE files SET sha256 = ?, data = x'' WHERE id = ?", [sha, fid])
    return len(ids) if folder is not None else 0
