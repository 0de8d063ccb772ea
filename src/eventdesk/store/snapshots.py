"""Whole copies of a database file, with every change committed to it.

A database in WAL mode keeps its newest commits in its log (``-wal``) until
a checkpoint writes them into the file; after a crash the log may hold
commits the file has never seen. A copy of the file alone loses them. So
every copy here is of the file and then its log, and the copy takes the log
in (``journal_mode=DELETE``) and becomes one file of its own: the backups,
and the copy a restore keeps of the file it replaces.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from eventdesk.store import partials

#: Pages copied between two progress reports (4 MB at SQLite's default page size).
PAGES_PER_STEP = 1024

Progress = Callable[[int, int], object]


def quiet(_done: int, _total: int) -> None:
    return None


def log_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def copy_with_log(source: Path, target: Path, tell: Progress = quiet) -> None:
    """Copy ``source`` and its log to ``target``, then fold the log into the copy.

    Only a database no one is writing may be copied so (the caller holds its
    lock, or a read transaction: see :func:`copy_snapshot`). Raises
    ``sqlite3.DatabaseError`` if the copy cannot take its log in (a damaged
    file); the copy and its log are then left as they are, for the caller.
    """
    partials.discard(target)
    pairs = [(source, target)]
    if log_of(source).is_file() and log_of(source).stat().st_size:
        pairs.append((log_of(source), log_of(target)))
    if tell is quiet:
        for src, dst in pairs:
            shutil.copyfile(src, dst)
    else:
        _copy_in_steps(pairs, tell)
    take_log_in(target)


def take_log_in(path: Path) -> None:
    """Make the copy at ``path`` one file: its log folded in, out of WAL mode, on disk."""
    copy = sqlite3.connect(path)
    try:
        mode = copy.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    finally:
        copy.close()
    if mode != "delete" or log_of(path).exists():
        raise sqlite3.DatabaseError(f"the log of {path.name} could not be taken in")
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def copy_snapshot(conn: sqlite3.Connection, source: Path, target: Path, tell: Progress) -> None:
    """Copy the database file as it stands at one moment, at the speed of a plain file copy.

    SQLite's backup API copies page by page, two to three times slower than
    the file system copies the file. Holding a read transaction keeps the
    file consistent for the copy: in WAL mode no checkpoint writes a page
    newer than our snapshot into the file while we read, and the log keeps
    every frame our snapshot needs, so the file and its log copied in that
    order are our snapshot or a later commit, never a mix (SQLite's recovery
    drops a half-copied last transaction of the log).
    """
    conn.execute("BEGIN")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts
        copy_with_log(source, target, tell)
    finally:
        conn.execute("COMMIT")


def _copy_in_steps(pairs: list[tuple[Path, Path]], tell: Progress) -> None:
    """Plain copies, reporting pages done (of all of them) after every ``PAGES_PER_STEP``."""
    page = 4096
    total = max(1, sum(src.stat().st_size for src, _ in pairs) // page)
    done = 0
    for source, target in pairs:
        with source.open("rb") as src, target.open("wb") as dst:
            while chunk := src.read(PAGES_PER_STEP * page):
                dst.write(chunk)
                done += -(-len(chunk) // page)
                tell(min(done, total), total)
    if done < total:
        tell(total, total)


def complete(path: Path) -> bool:
    """Whether ``path`` looks like a whole SQLite file: its header, and all the pages it names."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    return pages > 0 and size >= pages * page_size
