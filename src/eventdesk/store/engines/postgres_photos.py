"""Photos on a team database: kept in the database itself, by the SHA-256 of their bytes.

A file keeps its photos in a folder beside it (``store/media.py``); a team database has no
folder every clerk's PC can reach, so its photos live in the table ``photos``, one row per
photo: its hash (the key), its bytes, their size and its media type. The rows of ``files``
name a photo by that hash, as they do on a file, and keep no bytes of their own.

Why in the database and not beside it: one place to back up, one set of permissions (the
clerks' and the readers' roles, issue 23), and a photo is part of the same transaction as the
record naming it, so a save that fails leaves no photo without its row and no row without its
photo. PostgreSQL keeps a large ``bytea`` out of the row (TOAST), so lists of meetings never
read a photo's bytes; a phone's photo is a few megabytes, far under ``bytea``'s 1 GB.

A photo is written once per hash: the same bytes saved again (a second meeting, a second
clerk, a copy run twice) send nothing more over the network, unless the row held is not
those bytes (the server checks their hash itself), which the good bytes then replace. Every
read is checked against the hash too, so a damaged row is named, never shown as the photo.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventdesk.store.engines.base import Connection
from eventdesk.store.errors import StoreError
from eventdesk.store.media import BadPhoto, digest

TABLE = "photos"

CREATE = """
CREATE TABLE IF NOT EXISTS photos (
    sha256 text COLLATE "C" PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    bytes bytea NOT NULL,
    size bigint NOT NULL,
    type text COLLATE "C"
)
"""
#: The bytes stay compressed as they are (a JPEG does not shrink): no CPU spent trying.
_STORAGE = "ALTER TABLE photos ALTER COLUMN bytes SET STORAGE EXTERNAL"


def create(conn: Connection) -> None:
    """The ``photos`` table, if the team database lacks it (``postgres_schema.upgrade``)."""
    if TABLE not in conn.table_names():
        conn.execute(CREATE)
        conn.execute(_STORAGE)


def _whole(conn: Connection, sha256: str) -> bool | None:
    """Whether the row of ``sha256`` holds its bytes (hashed by the server: nothing is sent
    back); None when there is no row. The row is held until the caller's transaction ends,
    so the office's check cannot remove it before the caller's row naming it is committed."""
    return conn.execute(
        "SELECT encode(sha256(bytes), 'hex') = sha256 AS whole FROM photos WHERE sha256 = ? "
        "FOR KEY SHARE",
        (sha256,),
    ).scalar()


def put(conn: Connection, data: bytes, media_type: str | None = None) -> str:
    """Keep ``data`` under its SHA-256 (once: bytes already held whole are not sent again);
    return the hash. In the caller's transaction, if it has one."""
    sha = digest(data)
    whole = _whole(conn, sha)
    if whole:
        return sha
    if whole is None:  # a clerk saving the same photo at this moment: theirs is the same
        conn.execute(
            "INSERT INTO photos (sha256, bytes, size, type) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (sha256) DO NOTHING",
            (sha, data, len(data), media_type),
        )
    else:  # a damaged row: the good bytes take its place
        conn.execute(
            "UPDATE photos SET bytes = ?, size = ?, type = coalesce(?, type) WHERE sha256 = ?",
            (data, len(data), media_type, sha),
        )
    return sha


def get(conn: Connection, sha256: str) -> bytes:
    """The bytes of the photo ``sha256``, checked against it.

    ``BadPhoto`` when the row's bytes are not that photo's, ``StoreError`` when there is none.
    """
    data = conn.scalar_binary("SELECT bytes FROM photos WHERE sha256 = ?", (sha256,))  # type: ignore[attr-defined]
    if data is None:
        raise StoreError(
            f"The photo {sha256[:12]}… is missing from the team database {conn.address}. "
            "Restore the database from its backup, or run `eventdesk check`."
        )
    data = bytes(data)
    if digest(data) != sha256:
        raise BadPhoto(
            f"The photo {sha256[:12]}… in the team database {conn.address} is damaged: its "
            "bytes are not the photo saved under that name"
        )
    return data


def held(conn: Connection, hashes: Iterable[str]) -> set[str]:
    """Which of ``hashes`` the team database has a row for (not read, not checked)."""
    wanted = list(dict.fromkeys(hashes))
    found: set[str] = set()
    for start in range(0, len(wanted), 1000):
        batch = wanted[start : start + 1000]
        found.update(
            sha
            for (sha,) in conn.execute("SELECT sha256 FROM photos WHERE sha256 = ANY(?)", (batch,))
        )
    return found


def damaged(conn: Connection) -> list[str]:
    """The photos whose bytes are not their hash's, checked by the server (none sent here)."""
    rows = conn.execute(
        "SELECT sha256 FROM photos WHERE encode(sha256(bytes), 'hex') <> sha256 ORDER BY sha256"
    )
    return [sha for (sha,) in rows]


def named(conn: Connection) -> set[str]:
    """The hashes the rows of ``files`` name."""
    rows = conn.execute("SELECT DISTINCT sha256 FROM files WHERE sha256 IS NOT NULL")
    return {sha for (sha,) in rows}


def remove_unnamed(conn: Connection) -> int:
    """Delete the photos no row of ``files`` names (a meeting's photo removed, the trash
    emptied); return how many. A save naming a photo held already keeps its row from this
    until the save commits (:func:`put`); one saving a new photo has its row to itself."""
    return conn.execute(
        "DELETE FROM photos p WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.sha256 = p.sha256)"
    ).rowcount
