"""Which photo folder belongs to which database: by the database's identity, not its name.

A database ``office.sqlite3`` keeps its photos in ``office.media`` beside it.
The name alone cannot say whose a folder is: ``office.bak``, ``office.db``
and ``office`` would all claim ``office.media``, and a database that cleans
a folder not its own (photos no record of *its* names) deletes another's
newest photos. So each database carries an identity, a random id stored in
the file (``settings``, migration 15), and its folder carries a small note
(``.owner.json``) of the id and the file name of the database that owns it.

A database owns the folder its note names it in: same id, and the same file
name, or the named file gone (the database was renamed or moved with its
folder). A copy of the file beside the original (same id, another name) is
not the owner: it gets a folder of its own, ``office.bak.media``. So does a
backup written to a file (``eventdesk backup -o``), which also gets an
identity of its own. A folder from before identities (no note) is claimed
by the one database beside it with that stem; where two are (``office.bak``
made by an older ``backup -o``), it is shared, and nobody cleans it.

Reading is always safe: photos are named by the SHA-256 of their bytes and
checked against it, so a database reads from its own folder first and then
from the folders its name suggests. Only cleaning needs ownership.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from eventdesk.store.locations import sqlite_uri

SUFFIX = ".media"
NOTE = ".owner.json"
#: The settings key of the database's identity.
IDENTITY = "database_id"
_HEADER = b"SQLite format 3\x00"
_APPLICATION_ID = (0x45444B31).to_bytes(4, "big")  # migrations.APPLICATION_ID, as in the header


@dataclass(frozen=True)
class PhotoFolder:
    """The folder a database writes its photos to; ``owned``: it may clean it too."""

    path: Path
    owned: bool


def new_identity() -> str:
    import uuid  # with platform: not imported to start the window (issue 25)

    return uuid.uuid4().hex


def by_stem(db_path: Path) -> Path:
    """The folder a database's name suggests first: ``office.media`` for ``office.sqlite3``."""
    return db_path.with_name(db_path.stem + SUFFIX)


def by_name(db_path: Path) -> Path:
    """The folder of a database whose stem's folder is another's: ``office.bak.media``."""
    return db_path.with_name(db_path.name + SUFFIX)


def identity(conn: sqlite3.Connection) -> str | None:
    """The identity stored in the database (None before migration 15, or in memory)."""
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", [IDENTITY]).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _note(folder: Path) -> dict | None:
    try:
        note = json.loads((folder / NOTE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(note, dict) or not isinstance(note.get(IDENTITY), str):
        return None
    return note


def _owner(folder: Path, db_path: Path, ident: str) -> bool:
    """Whether the note of ``folder`` names the database at ``db_path`` of identity ``ident``."""
    note = _note(folder)
    if note is None or note[IDENTITY] != ident:
        return False
    named = str(note.get("file", ""))
    return named == db_path.name or not named or not (folder.parent / named).exists()


def _tagged(db_path: Path, ident: str) -> Path:
    """A last name of its own, where both the stem's and the full name's folder are taken."""
    return db_path.with_name(f"{db_path.name}-{ident[:8]}{SUFFIX}")


def _candidates(db_path: Path, ident: str) -> list[Path]:
    return list(dict.fromkeys([by_stem(db_path), by_name(db_path), _tagged(db_path, ident)]))


def _has_own_folder(other: Path) -> bool:
    """Whether the database at ``other`` has a folder of its own under its full name."""
    for folder in by_name(other), *other.parent.glob(f"{_glob_escape(other.name)}-*{SUFFIX}"):
        note = _note(folder)
        if note is not None and note.get("file") == other.name:
            return True
    return False


def _only_one_with_stem(db_path: Path) -> bool:
    """No other EventDesk database beside ``db_path`` could claim its stem's folder: none shares
    its stem (``office.bak`` by an older ``backup -o``) without a folder of its own."""
    for other in db_path.parent.glob(f"{_glob_escape(db_path.stem)}*"):
        if other == db_path or other.stem != db_path.stem or not other.is_file():
            continue
        try:
            with other.open("rb") as fh:
                header = fh.read(72)
        except OSError:
            return False  # cannot tell: do not claim
        is_ours = header.startswith(_HEADER) and header[68:72] == _APPLICATION_ID
        if is_ours and not _has_own_folder(other):
            return False
    return True


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def resolve(db_path: Path, ident: str | None) -> PhotoFolder:
    """The photo folder of the database file at ``db_path`` whose identity is ``ident``.

    Its own (by the note), or the one from before identities, or a folder of
    its own not yet made. Nothing is written: see :func:`settle` for the note.
    """
    stem = by_stem(db_path)
    if ident is None:  # not migrated yet: the folder its name gives, never cleaned
        return PhotoFolder(stem, owned=False)
    candidates = _candidates(db_path, ident)
    for folder in candidates:
        if _owner(folder, db_path, ident):
            return PhotoFolder(folder, owned=True)
    if stem.is_dir() and _note(stem) is None:  # from before identities
        return PhotoFolder(stem, owned=_only_one_with_stem(db_path))
    for folder in sorted(db_path.parent.glob(f"*{SUFFIX}")):  # renamed without its folder
        if folder not in candidates and _owner(folder, db_path, ident):
            return PhotoFolder(folder, owned=True)
    for folder in candidates:
        if not folder.exists():
            return PhotoFolder(folder, owned=True)
    return PhotoFolder(candidates[-1], owned=False)  # every name taken: never cleaned


def sources(db_path: Path, ident: str | None) -> list[Path]:
    """Folders to read photos from, own first: any folder holding a hash holds its bytes."""
    folders = [resolve(db_path, ident).path, by_stem(db_path), by_name(db_path)]
    if db_path.parent.name == "backups":  # a backup opened where it is: the shared photos
        folders.append(db_path.parent / "media")
    return list(dict.fromkeys(folders))


def settle(db_path: Path, ident: str | None) -> PhotoFolder:
    """Write the note of the folder this database owns, if it lacks one or names another file
    (claimed from before identities, renamed). A folder it does not own is left alone."""
    found = resolve(db_path, ident)
    if ident is not None and found.owned and found.path.is_dir():
        note = _note(found.path)
        if note is None or note.get("file") != db_path.name:
            write_note(found.path, db_path, ident)
    return found


def write_note(folder: Path, db_path: Path, ident: str) -> None:
    """Mark ``folder`` as the database's at ``db_path`` (a failure leaves it unclaimed)."""
    note = folder / NOTE
    temp = note.with_name(f"{NOTE}.{os.getpid()}.partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temp.write_text(
            json.dumps({IDENTITY: ident, "file": db_path.name}, ensure_ascii=False),
            encoding="utf-8",
        )
        os.replace(temp, note)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def stamp(path: Path, ident: str) -> bool:
    """Give the database file at ``path`` (a copy being written) the identity ``ident``.

    False if it has no settings to hold one (written before migration 8).
    """
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [IDENTITY, ident],
            )
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()
    return True


def identity_at(path: Path, *, immutable: bool = False) -> str | None:
    """The identity of the database file at ``path``, read without changing it
    (``immutable``: a file no one writes, read without ``-wal``/``-shm`` beside it)."""
    flags = {"mode": "ro", "immutable": "1"} if immutable else {"mode": "ro"}
    try:
        conn = sqlite3.connect(sqlite_uri(path, **flags), uri=True)
    except sqlite3.Error:
        return None
    try:
        return identity(conn)
    finally:
        conn.close()


def forget_owner(db_path: Path) -> None:
    """Take the note off the folder of the database at ``db_path`` (a restore put a file of
    no identity in its place): the next start claims it again if nothing else could."""
    for folder in by_stem(db_path), by_name(db_path):
        note = _note(folder)
        if note is not None and note.get("file") == db_path.name:
            with contextlib.suppress(OSError):
                (folder / NOTE).unlink()
