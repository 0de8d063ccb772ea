"""Photo and attachment bytes as files named by their content, beside the database.

A database ``office.sqlite3`` keeps its photos in the folder ``office.media``
next to it (which folder is whose, by the database's identity rather than its
name: ``store/photo_folder.py``), each file at ``ab/cdef…`` where ``abcdef…``
is the SHA-256 of its bytes (as Zotero and Calibre keep theirs). The ``files`` rows keep everything
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

import contextlib
import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventdesk.store import busy_files, photo_folder
from eventdesk.store.errors import StoreError
from eventdesk.store.locations import long_path, shown
from eventdesk.store.sqlite_db import Database

#: The store's ``Database`` of a file (``sqlite_db.py``), or its engine connection
#: (``store/engines``, not imported here: the engines' schema imports the migrations, which
#: import this module).
Store = Any

SUFFIX = ".media"
RENDITIONS = "renditions"  # derived, rebuilt on demand: not backed up
_TEMP = ".partial"
#: seconds a file no row names is left alone: it may be a save's, written before its row commits
GRACE = 3600


def folder_for(db_path: Path) -> Path:
    """The folder the name of the database at ``db_path`` suggests (``office.media``)."""
    return photo_folder.by_stem(db_path)


def database_file(db: Store) -> Path | None:
    """The file behind ``db``'s main schema, or None for an in-memory database or a team
    database (either keeps a file's bytes in its row)."""
    if not isinstance(db, Database) and getattr(db, "engine", "sqlite") != "sqlite":
        return None  # (a Database is asked nothing it lacks: that would load sqlite-utils)
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(file) if file else None
    return None


def _driver(db: Store) -> sqlite3.Connection:
    """The ``sqlite3`` connection behind the store's ``Database`` or an engine connection."""
    if isinstance(db, Database):
        return db.conn
    engine_side = getattr(db, "sqlite", None)
    return engine_side if engine_side is not None else db.conn


def photo_folder_of(db: Store) -> photo_folder.PhotoFolder | None:
    """The folder ``db`` writes its photos to, and whether it owns it (None in memory)."""
    path = database_file(db)
    if path is None:
        return None
    return photo_folder.resolve(path, photo_folder.identity(_driver(db)))


def folder_of(db: Store) -> Path | None:
    """The folder ``db`` writes its photos to (None in memory)."""
    found = photo_folder_of(db)
    return found.path if found is not None else None


def sources_of(db: Store) -> list[Path]:
    """The folders ``db`` reads its photos from, its own first."""
    path = database_file(db)
    if path is None:
        return []
    return photo_folder.sources(path, photo_folder.identity(_driver(db)))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def path_in(folder: Path, sha256: str) -> Path:
    """Where the photo ``sha256`` is (in the form without a length limit, if Windows needs it)."""
    return long_path(folder / sha256[:2] / sha256[2:])


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder to flush it; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write(folder: Path, data: bytes, *, sync: bool = True, sha256: str | None = None) -> str:
    """Store ``data`` under its hash (durably, unless ``sync`` is False); return the hash.

    A file already there is kept only if it holds these very bytes: a
    damaged copy, or a link put in its place, is replaced by the good ones.
    ``sha256``: the hash of ``data``, where the caller has just checked it (a copy's photo,
    read checked from its source), so the bytes are not hashed twice.
    """
    sha = sha256 or digest(data)
    target = path_in(folder, sha)
    if whole(target, sha):
        os.utime(target)  # fresh again: not an orphan for `check` to remove (see GRACE)
        return sha
    temp = target.with_name(f"{target.name}.{os.getpid()}{_TEMP}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(temp, "wb") as fh:
            fh.write(data)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        busy_files.replace(temp, target)  # a scanner may be reading the new file
        if sync:
            _fsync_folder(target.parent)
    except OSError as exc:  # kept as the cause: a full disk is told as one (store/copying.py)
        with contextlib.suppress(OSError):  # a full disk wants the room of the part written
            temp.unlink(missing_ok=True)
        raise StoreError(f"Cannot write a photo into {folder}: {exc}. Nothing was saved.") from exc
    return sha


class BadPhoto(StoreError):
    """A stored photo that is not what was saved: its bytes changed, or a link stands there."""


def is_link(path: Path) -> bool:
    """Whether ``path`` or its two-letter folder is a symbolic link (never followed out of a
    photo folder; the photo folder itself may be one, on another disk)."""
    return path.is_symlink() or path.parent.is_symlink()


def read_checked(path: Path, sha256: str) -> bytes:
    """The bytes of the photo file ``path``, if they are the photo ``sha256``; else BadPhoto.

    Links are not followed, so no photo's bytes come from outside its folder.
    """
    if is_link(path):
        raise BadPhoto(f"{path} is a link, not a photo file; it was not followed")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise BadPhoto(f"{path} cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as fh:
        data = fh.read()
    if digest(data) != sha256:
        raise BadPhoto(f"{path} is damaged: its bytes are not the photo saved under that name")
    return data


def whole(path: Path, sha256: str) -> bool:
    """Whether ``path`` is a plain file holding the photo ``sha256``."""
    try:
        read_checked(path, sha256)
    except BadPhoto:
        return False
    return True


def copy_in(folder: Path, source: Path, sha256: str) -> None:
    """Copy an already named file (from a backup) into ``folder``, durably, only if its bytes
    are that photo's (``BadPhoto`` otherwise: a damaged photo never reaches a backup)."""
    data = read_checked(source, sha256)
    target = path_in(folder, sha256)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f"{target.name}.{os.getpid()}{_TEMP}")
    try:
        with open(temp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        busy_files.replace(temp, target)  # a scanner may be reading the new file
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_photo(db: Store, data: bytes) -> str:
    """Store ``data`` in the photo folder of ``db`` (a file database); return its hash.

    A folder made here for the first time gets the note that makes it this
    database's (``store/photo_folder.py``).
    """
    path = database_file(db)
    assert path is not None, "a database in memory keeps its bytes in the row"
    ident = photo_folder.identity(_driver(db))
    found = photo_folder.resolve(path, ident)
    fresh = not found.path.exists()
    sha = write(found.path, data)
    if fresh and found.owned and ident is not None:
        photo_folder.write_note(found.path, path, ident)
    return sha


def find(folders: list[Path], sha256: str) -> Path | None:
    """The file holding the photo ``sha256`` in the first of ``folders`` that has it (a link
    there counts, to be refused by whoever reads it)."""
    for folder in folders:
        path = path_in(folder, sha256)
        if path.is_file() or path.is_symlink():
            return path
    return None


def read_photo(db: Store, sha256: str) -> bytes:
    """The bytes of the photo ``sha256`` of ``db``, checked against their hash, from its own
    folder or one it reads from (a good copy elsewhere is taken over a damaged one)."""
    folders = sources_of(db)
    bad = None
    for folder in folders:
        path = path_in(folder, sha256)
        if path.is_file() or path.is_symlink():
            try:
                return read_checked(path, sha256)
            except BadPhoto as exc:
                bad = bad or exc
    if bad is not None:
        raise BadPhoto(
            f"The photo {sha256[:12]}… was not used: {bad}. Restore the database from a backup "
            "(its photos come back with it), or run `eventdesk check`."
        )
    raise StoreError(
        f"The photo {sha256[:12]}… is missing from {folders[0] if folders else 'memory'}. "
        "Restore the database from a backup (its photos come back with it), or run "
        "`eventdesk check`."
    )


def stored(folder: Path) -> Iterable[tuple[str, Path]]:
    """Every (hash, path) the folder holds, leaving out renditions and unfinished writes."""
    if not folder.is_dir():
        return
    for sub in sorted(folder.iterdir()):
        if len(sub.name) != 2 or not sub.is_dir() or sub.is_symlink():
            continue  # a linked folder is never walked: what it leads to is not ours
        for path in sub.iterdir():
            if not path.name.endswith(_TEMP):
                yield sub.name + path.name, long_path(path)


def named_in(db: Database) -> set[str]:
    """The hashes the rows of ``db`` name."""
    return {
        row[0] for row in db.execute("SELECT DISTINCT sha256 FROM files WHERE sha256 IS NOT NULL")
    }


def problems(db: Database) -> list[str]:
    """Photos missing or damaged (bytes whose hash is not their name)."""
    folders = sources_of(db)
    if not folders:
        return []
    found = []
    for fid, mid, sha in db.execute(
        "SELECT id, meeting_id, sha256 FROM files WHERE sha256 IS NOT NULL ORDER BY id"
    ).fetchall():
        path = find(folders, sha)
        if path is None:
            found.append(f"file {fid} of meeting {mid} is missing from {folders[0]} ({sha[:12]}…)")
        elif is_link(path):
            found.append(f"file {fid} of meeting {mid}: {path} is a link, not a photo file")
        elif not _hashes_to(path, sha):
            where = shown(path)
            found.append(f"file {fid} of meeting {mid} is damaged: its bytes in {where} changed")
    return found


def _hashes_to(path: Path, sha256: str) -> bool:
    """Hash the file a megabyte at a time (a check of ten years' photos holds one at a time)."""
    h = hashlib.sha256()
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        with os.fdopen(os.open(path, flags), "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return False
    return h.hexdigest() == sha256


def orphans(db: Database, grace: float = GRACE) -> list[Path]:
    """Files no row names and unfinished writes, untouched for ``grace`` seconds.

    Only in a folder ``db`` owns: the files of a folder it shares or reads
    from are another database's to name.
    """
    found = photo_folder_of(db)
    if found is None or not found.owned or not found.path.is_dir():
        return []
    folder = found.path
    named = named_in(db)
    leftovers = [path for sha, path in stored(folder) if sha not in named]
    for sub in folder.iterdir():
        if sub.is_dir() and len(sub.name) == 2 and not sub.is_symlink():
            leftovers += [long_path(p) for p in sub.iterdir() if p.name.endswith(_TEMP)]
    cutoff = time.time() - grace
    return sorted(p for p in leftovers if p.lstat().st_mtime < cutoff)


def remove_orphans(db: Database, grace: float = GRACE) -> list[Path]:
    """Delete what a crash between bytes and row left, or photos no meeting has any more."""
    return busy_files.remove_all(orphans(db, grace))[0]  # one held open elsewhere goes next time


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
