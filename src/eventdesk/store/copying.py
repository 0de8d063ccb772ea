"""Copying a whole database to another store: a file to a file, a file to a team database and
back (``eventdesk copy SOURCE TARGET``, and ``backup -o`` of a team database).

An office moves its records in one step: to its new team database, or from it to a file as
a portable backup or a copy to take on a trip. Ten years are tens of thousands of records and
gigabytes of photos, past what an import reads (``interchange/limits.py``), so the copy goes
table by table, not through the interchange format: the rows of each table in batches, in the
order of their keys, and the photos one at a time. Nothing holds more than a batch of rows or
one photo, whatever the size of the database.

The rows keep their ids and uids, so every reference between them stays right, and the
settings of the office come along (not a file's identity: the copy is a database of its
own). Each end builds its own search index; a clerk's crash drafts stay on that clerk's PC.
The target is written whole or not at all (``store/copy_ends.py``), and a target that holds
records is refused unless ``replace`` is given.

At the end every table and the photos are counted on both sides (the photos read back from
the target and hashed again). A photo of the source that cannot be read whole (damaged, or
missing) is named and not copied, and the check then shows the difference: the copy never
says it succeeded when it did not.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from eventdesk.store import disk
from eventdesk.store.copy_ends import (
    OWN_SETTINGS,
    Source,
    Target,
    copied_tables,
    count_rows,
    open_source,
    open_target,
)
from eventdesk.store.engines import Connection
from eventdesk.store.errors import StoreError
from eventdesk.store.media import digest
from eventdesk.store.tables import Table

#: Rows read and written at a time.
BATCH = 1000
PHOTOS = "photos"


@dataclass
class Tally:
    """How far a copy is: what is done and what there is, by table and for the photos."""

    totals: dict[str, int] = field(default_factory=dict)
    done: dict[str, int] = field(default_factory=dict)
    #: The table (or ``photos``) being copied now.
    current: str = ""
    photo_bytes: int = 0


Progress = Callable[[Tally], object]


@dataclass
class CopyReport:
    """What was copied, and the check of it: each kind counted on both sides."""

    source: str
    target: str
    #: (kind, in the source, in the target): each table, then the photos and their bytes.
    counts: list[tuple[str, int, int]]
    #: Photos not copied, each named by its file and meeting, and why.
    problems: list[str]
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.problems and all(a == b for _, a, b in self.counts)

    def records(self) -> int:
        return sum(a for kind, a, _ in self.counts if kind not in (PHOTOS, "photo bytes"))

    def table(self) -> str:
        """The check as a table of plain text, a mark on each row that differs."""
        rows = [("", "source", "target", "")] + [
            (kind, f"{a:,}", f"{b:,}", "" if a == b else "differs") for kind, a, b in self.counts
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        lines = [
            f"{kind:<{widths[0]}}  {a:>{widths[1]}}  {b:>{widths[2]}}  {mark}".rstrip()
            for kind, a, b, mark in rows
        ]
        return "\n".join(lines)


def copy_database(
    source: str | Connection,
    target: str,
    *,
    replace: bool = False,
    progress: Progress | None = None,
) -> CopyReport:
    """Copy the whole database at ``source`` to ``target`` (each a file path or a
    ``postgresql://`` address; ``source`` may be an open team database's connection) and
    check the copy; return the check.

    Raises ``StoreError`` before anything is written when ``target`` holds records (and
    ``replace`` is not given), is the source itself, or cannot be opened; a failure midway
    leaves ``target`` as it was.
    """
    tell = progress or (lambda tally: None)
    started = time.monotonic()
    src = open_source(source)
    try:
        _refuse_itself(src, target)
        tally = Tally(totals=count_rows(src.conn))
        photos = _photo_rows(src.conn)
        tally.totals[PHOTOS] = len({f.sha256 for f in photos if f.sha256 and not f.in_row}) + sum(
            f.in_row for f in photos
        )
        problems: list[str] = []
        dst = open_target(target, replace=replace)
        try:
            with dst:
                for table in copied_tables():
                    _copy_table(src.conn, dst, table, tally, tell)
                copied = _copy_photos(src, dst, photos, tally, tell, problems)
        except (sqlite3.Error, OSError, StoreError) as exc:
            raise StoreError(
                f"The copy to {dst.address} stopped: {_reason(exc, target)}. {dst.address} is "
                "as it was: nothing of the copy was kept."
            ) from exc
        counts, held = dst.recount()
    finally:
        src.close()
    rows = [(name, n, counts.get(name, 0)) for name, n in tally.totals.items() if name != PHOTOS]
    rows.append((PHOTOS, tally.totals[PHOTOS], len(held)))
    rows.append(("photo bytes", sum(copied.values()), sum(held.get(sha, 0) for sha in copied)))
    return CopyReport(src.address, dst.address, rows, problems, time.monotonic() - started)


def _reason(exc: BaseException, target: str) -> str:
    """Why a copy stopped, in words: a full disk named as one."""
    for cause in (exc, exc.__cause__, exc.__context__):  # a photo's write keeps the OSError
        full = cause is not None and disk.full_because(cause, Path(target))
        if full:
            return f"the disk is full ({full}); free some space and copy again"
    return str(exc).rstrip(".")


def _refuse_itself(src: Source, target: str) -> None:
    from eventdesk.store.engines import is_team_address, redacted

    if is_team_address(target):
        same = src.conn.engine == "postgresql" and redacted(target) == src.address
    else:
        path = Path(target)
        same = src.conn.engine == "sqlite" and path.exists() and path.samefile(src.address)
    if same:
        raise StoreError(f"{src.address} cannot be copied onto itself; nothing was copied.")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _rows(conn: Connection, table: Table, columns: list[str]) -> Iterator[tuple]:
    """Every row of ``table``, ``BATCH`` at a time in the order of its key (a keyset walk:
    each batch starts after the last key of the one before, on both engines)."""
    key = list(table.primary_key)
    select = ", ".join(map(_quoted, columns))
    order = ", ".join(map(_quoted, key))
    after = f"({order}) > ({', '.join('?' for _ in key)})"
    last: tuple | None = None
    positions = [columns.index(k) for k in key]
    while True:
        where = f"WHERE {after} " if last is not None else ""
        batch = conn.execute(
            f"SELECT {select} FROM {_quoted(table.name)} {where}ORDER BY {order} LIMIT {BATCH}",
            last or (),
        ).fetchall()
        yield from batch
        if len(batch) < BATCH:
            return
        last = tuple(batch[-1][p] for p in positions)


def _copy_table(src: Connection, dst: Target, table: Table, tally: Tally, tell: Progress) -> None:
    """The rows of ``table`` with their ids; a row naming another of its own table (an
    organisation's parent) gets that reference once every row is in."""
    columns = [c.name for c in table.columns]
    kept_back = [k.column for k in table.foreign_keys if k.table == table.name]
    blank = {columns.index(c) for c in kept_back}
    if table.name == "files":
        blank.add(columns.index("data"))  # a photo's bytes go where the target keeps photos
    names = ", ".join(map(_quoted, columns))
    marks = ", ".join("?" for _ in columns)
    insert = f"INSERT INTO {_quoted(table.name)} ({names}) VALUES ({marks})"
    later: list[tuple] = []
    tally.current = table.name
    tally.done[table.name] = 0
    batch: list[tuple] = []
    own = columns.index("key") if table.name == "settings" else None
    for row in _rows(src, table, columns):
        if own is not None and row[own] in OWN_SETTINGS:
            continue  # the target's own identity stays
        for column in kept_back:
            if row[columns.index(column)] is not None:
                later.append((row[columns.index(column)], row[columns.index("id")]))
        batch.append(
            tuple(_empty(table, i) if i in blank else value for i, value in enumerate(row))
        )
        if len(batch) == BATCH:
            _write(dst, insert, batch, table, tally, tell)
            batch = []
    _write(dst, insert, batch, table, tally, tell)
    for column in kept_back:
        dst.conn.executemany(
            f"UPDATE {_quoted(table.name)} SET {_quoted(column)} = ? WHERE id = ?", later
        )
    dst.settle_ids(table)


def _empty(table: Table, index: int) -> object:
    return b"" if table.columns[index].type == "BLOB" else None


def _write(
    dst: Target, insert: str, batch: list[tuple], table: Table, tally: Tally, tell: Progress
) -> None:
    if batch:
        dst.conn.executemany(insert, batch)
        tally.done[table.name] += len(batch)
        tell(tally)


class FileRow(NamedTuple):
    """What the photo copy needs of a row of ``files``."""

    id: int
    sha256: str | None
    #: Its bytes are in the row itself (a database kept in memory, or a team database
    #: written before its photos had their table), not where the store keeps photos.
    in_row: bool
    media_type: str | None


def _photo_rows(conn: Connection) -> list[FileRow]:
    rows = conn.execute(
        "SELECT id, sha256, length(data) > 0 AS in_row, media_type FROM files ORDER BY id"
    ).fetchall()
    return [FileRow(fid, sha, bool(in_row), kind) for fid, sha, in_row, kind in rows]


def _copy_photos(
    src: Source,
    dst: Target,
    photos: list[FileRow],
    tally: Tally,
    tell: Progress,
    problems: list[str],
) -> dict[str, int]:
    """Each photo once, read whole from the source and kept by the target; return the size of
    each copied. One that cannot be read whole is named in ``problems`` and left out."""
    tally.current = PHOTOS
    tally.done[PHOTOS] = 0
    copied: dict[str, int] = {}
    tried: set[str] = set()
    for row in photos:
        sha = row.sha256
        if row.in_row:
            data = bytes(
                src.conn.execute("SELECT data FROM files WHERE id = ?", (row.id,)).scalar()
            )
            sha = digest(data)
            dst.conn.execute("UPDATE files SET sha256 = ? WHERE id = ?", (sha, row.id))
        elif sha is None or sha in tried:
            continue
        else:
            try:
                data = src.read_photo(sha)
            except StoreError as exc:  # BadPhoto: damaged, a link; or missing
                problems.append(_not_copied(src.conn, sha, exc))
                data = None
        if sha not in tried:
            tried.add(sha)
            if data is not None:
                dst.write_photo(data, sha, row.media_type)
                copied[sha] = len(data)
                tally.photo_bytes += len(data)
            tally.done[PHOTOS] += 1
            tell(tally)
    return copied


def _not_copied(conn: Connection, sha: str, exc: Exception) -> str:
    row = conn.execute(
        "SELECT f.id, f.original_name, m.id, m.title FROM files f "
        "JOIN meetings m ON m.id = f.meeting_id WHERE f.sha256 = ? ORDER BY f.id LIMIT 1",
        (sha,),
    ).fetchone()
    what = f"photo {sha[:12]}…"
    if row is not None:
        fid, name, mid, title = row
        what = f"photo {name!r} (file {fid} of meeting {mid}, {title!r})"
    return f"{what} was not copied: {exc}"
