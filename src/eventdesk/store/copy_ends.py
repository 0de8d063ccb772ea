"""The two ends of a whole-database copy (``store/copying.py``), on either engine.

A source is read as of one moment: a file inside one read transaction (WAL keeps its
snapshot while another EventDesk writes it), a team database in one ``REPEATABLE READ``
transaction. A target is written whole or not at all:

- a file is built beside the target (``….partial``, marked as being written:
  ``store/partials.py``) and renamed into place once complete, so a kill leaves the target as
  it was and a partial file the next start sweeps away. Its photos go into the target's own
  photo folder first (named by their hash, they change nothing a file names there);
- a team database is written in one transaction, so a kill, a lost connection or a failure
  leaves it as it was; ``replace`` empties it in that same transaction.

What each end keeps its photos in differs (``store/media.py``: a folder beside a file;
``engines/postgres_photos.py``: a table of the team database); the copy asks each end to read
or write one photo at a time.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

from eventdesk.store import busy_files, media, partials, photo_folder, search_index
from eventdesk.store.database import connect_read_only, open_database
from eventdesk.store.engines import Connection, connect, is_team_address
from eventdesk.store.engines.sqlite import SQLiteConnection
from eventdesk.store.errors import DatabaseUnavailable, StoreError
from eventdesk.store.lock import FileLock
from eventdesk.store.migrations import LATEST_VERSION
from eventdesk.store.sqlite_db import Database
from eventdesk.store.tables import Table

#: The settings key no copy carries: each database file has an identity of its own.
OWN_SETTINGS = (photo_folder.IDENTITY,)


#: The store's tables a copy leaves behind: which clerk has which record open right now is
#: the source's, not the copy's.
NOT_COPIED = ("editing",)


def copied_tables() -> list[Table]:
    """The tables a copy carries, each after those it refers to: every record, part and link
    table, the office's settings and the history of changes. Not the search indexes (each end
    builds its own), a clerk's crash drafts (they stay on that clerk's PC) nor the marks of
    who is editing what (:data:`NOT_COPIED`)."""
    return [t for t in _all_tables() if t.name not in NOT_COPIED]


def _all_tables() -> list[Table]:
    from eventdesk.store.engines.postgres_schema import all_tables

    return all_tables()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def count_rows(conn: Connection) -> dict[str, int]:
    """The rows of each copied table (the settings left out: every database has some)."""
    counts = {}
    for table in copied_tables():
        if table.name != "settings":
            counts[table.name] = conn.execute(
                f"SELECT count(*) AS n FROM {_quoted(table.name)}"
            ).scalar()
    return counts


class Source:
    """A database read for a copy, as of the moment it was opened."""

    conn: Connection
    #: The file's path or the team database's address without its password.
    address: str

    def read_photo(self, sha256: str) -> bytes:
        """The photo's bytes, checked against its hash (``BadPhoto``, ``StoreError``)."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class FileSource(Source):
    def __init__(self, path: Path):
        try:
            self.db: Database = open_database(path, create=False, read_only=True)
        except DatabaseUnavailable:
            if _older(path):  # the copy never changes its source, not even to upgrade it
                raise DatabaseUnavailable(
                    f"{path} was written by an older EventDesk: open it once with this one "
                    "(the window, or `eventdesk --db FILE list`) to upgrade it, then copy it. "
                    "Nothing was copied."
                ) from None
            raise
        self.conn = SQLiteConnection.over(self.db.conn, path)
        self.address = str(path)
        self.db.conn.execute("BEGIN")  # one snapshot: its first read fixes it

    def read_photo(self, sha256: str) -> bytes:
        return media.read_photo(self.db, sha256)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.execute("ROLLBACK")
        self.db.close()


def _older(path: Path) -> bool:
    try:
        conn = connect_read_only(path)
    except sqlite3.Error:
        return False
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return 0 < version < LATEST_VERSION


class TeamSource(Source):
    def __init__(self, address: str | Connection):
        from eventdesk.store.engines import postgres_schema

        #: A connection given (the open store's) is the caller's to close; one opened here is ours.
        self._own = isinstance(address, str)
        self.conn = connect(address) if isinstance(address, str) else address
        self.address = self.conn.address
        try:
            version = postgres_schema.schema_version(self.conn)
            if version != LATEST_VERSION:
                raise DatabaseUnavailable(
                    f"The team database {self.address} is not at this EventDesk's schema "
                    f"(it is at {version}, this program's is {LATEST_VERSION}): "
                    + (
                        "it holds no EventDesk records."
                        if version == 0
                        else "open it once with this EventDesk to upgrade it, then copy it."
                    )
                )
            self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        except BaseException:
            if self._own:
                self.conn.close()
            raise

    def read_photo(self, sha256: str) -> bytes:
        from eventdesk.store.engines import postgres_photos

        return postgres_photos.get(self.conn, sha256)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.execute("ROLLBACK")
        if self._own:
            self.conn.close()


def open_source(address: str | Connection) -> Source:
    """The database at ``address`` (a path or a ``postgresql://`` address), or an open team
    database's connection, read as of now."""
    if not isinstance(address, str) or is_team_address(address):
        return TeamSource(address)
    return FileSource(Path(address))


class Target:
    """A database a copy writes, all of it or nothing: ``with open_target(…) as target:``
    puts the copy in place when the block ends, and leaves the target as it was when it
    fails (or is killed)."""

    conn: Connection
    address: str
    _stack: ExitStack

    def write_photo(self, data: bytes, sha256: str, media_type: str | None) -> None:
        """Keep the photo ``data``, whose hash ``sha256`` the caller has checked."""
        raise NotImplementedError

    def settle_ids(self, table: Table) -> None:
        """After the rows of ``table`` were written with their ids: new rows go on after them."""

    def _complete(self) -> None:
        """Build the copy's search index and put it in place."""
        raise NotImplementedError

    def recount(self) -> tuple[dict[str, int], dict[str, int]]:
        """The finished target's rows by table, and its photos: ``{sha256: size}`` of those its
        files name and it holds whole (read back and hashed again)."""
        raise NotImplementedError

    def __enter__(self) -> Target:
        return self

    def __exit__(self, kind, error, traceback) -> bool:
        if kind is None:
            try:
                self._complete()
            except BaseException as exc:
                if not self._stack.__exit__(type(exc), exc, exc.__traceback__):
                    raise
                return False
        return bool(self._stack.__exit__(kind, error, traceback))


def _refused(address: str, counts: dict[str, int]) -> StoreError:
    held = ", ".join(f"{n:,} {name}" for name, n in counts.items() if n and name in _SHOWN)
    return StoreError(
        f"{address} already holds records ({held or 'some'}); nothing was copied. Copy to a new "
        "file or an empty team database, or add --replace to replace what it holds."
    )


#: The records named when a non-empty target is refused.
_SHOWN = ("organisations", "people", "meetings", "courses")


class FileTarget(Target):
    def __init__(self, path: Path, *, replace: bool):
        self.path = path
        self.address = str(path)
        self._stack = ExitStack()
        try:
            self._open(replace)
        except BaseException:
            self._stack.__exit__(*sys.exc_info())
            raise

    def _open(self, replace: bool) -> None:
        path = self.path
        if not path.parent.is_dir():
            raise DatabaseUnavailable(
                f"The folder {path.parent} does not exist; nothing was copied. Make it first, "
                "or name a file in a folder that exists."
            )
        if path.is_dir():
            raise DatabaseUnavailable(
                f"{path} is a folder, not a database file; nothing was copied."
            )
        lock = FileLock(path)
        lock.acquire()  # no EventDesk has it open, and none opens it while it is copied to
        self._stack.callback(lock.release)
        ident = None
        if path.exists():
            old = open_database(path, create=False, read_only=True, verify=False)
            try:
                counts = count_rows(SQLiteConnection.over(old.conn, path))
                ident = photo_folder.identity(old.conn)
            finally:
                old.close()
            if any(counts.values()) and not replace:
                raise _refused(self.address, counts)
        # The copy takes the place of the file it replaces: its identity, and so its photo
        # folder, stay that file's (the photos it no longer names are cleaned by `check`).
        self.identity = ident or photo_folder.new_identity()
        self.folder = photo_folder.resolve(path, self.identity)
        self.partial = partials.copying(path)
        self._stack.enter_context(partials.writing(self.partial))
        partials.discard(self.partial)  # a killed copy's, which no process writes any more
        self._stack.callback(partials.discard, self.partial)  # nothing once renamed
        self.db = open_database(self.partial, verify=False)
        self._stack.callback(self.db.close)
        # A partial file, made durable at the end: no flush at each commit, and one transaction
        # for all of it, with a cache for the indexes that grow as the rows go in.
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("PRAGMA cache_size = -65536")  # 64 MiB
        self.conn = SQLiteConnection.over(self.db.conn, self.partial)
        self.db.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("DELETE FROM settings")
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)",
            (photo_folder.IDENTITY, self.identity),
        )
        self._noted = False
        self._added: list[Path] = []
        self._stack.callback(self._take_back_photos)  # emptied once the copy is in place

    def write_photo(self, data: bytes, sha256: str, media_type: str | None) -> None:
        if not self._noted and self.folder.owned and not self.folder.path.exists():
            photo_folder.write_note(self.folder.path, self.path, self.identity)
        self._noted = True
        path = media.path_in(self.folder.path, sha256)
        if not (path.exists() or path.is_symlink()):
            self._added.append(path)  # taken away again if the copy fails
        media.write(self.folder.path, data, sha256=sha256)

    def _take_back_photos(self) -> None:
        """The photos this copy added to the folder, when it failed: no file names them, and
        a full disk wants its room back."""
        busy_files.remove_all(self._added)

    def _complete(self) -> None:
        search_index.refresh(self.db)
        self.db.conn.execute("COMMIT")
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()
        with open(self.partial, "rb+") as fh:
            os.fsync(fh.fileno())
        if self.path.exists():
            _fold_log(self.path)
        busy_files.replace(self.partial, self.path)
        self._added = []  # named by the file now in place
        photo_folder.settle(self.path, self.identity)

    def recount(self) -> tuple[dict[str, int], dict[str, int]]:
        return recount_file(self.path)


def recount_file(path: Path) -> tuple[dict[str, int], dict[str, int]]:
    """The rows of the database file at ``path`` by table, and ``{sha256: size}`` of the
    photos its files name that its own folder holds whole (each read and hashed)."""
    conn = connect_read_only(path)
    try:
        counts = count_rows(SQLiteConnection.over(conn, path))
        db = Database(conn)
        # Its own folder only: a photo found beside it in another database's folder (the
        # source's, copied into the same folder) would go with that database.
        own = media.folder_of(db)
        photos = {}
        for sha in media.named_in(db):
            found = media.find([own] if own is not None else [], sha)
            if found is not None and media.whole(found, sha):
                photos[sha] = found.stat().st_size
    finally:
        conn.close()
    return counts, photos


def _fold_log(path: Path) -> None:
    """Bring what the replaced file's log holds into the file itself, and remove the log, so
    no log of the old file is left beside the new one (SQLite would read it into it). Killed
    here, the old file is whole either way."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for side in ("-wal", "-shm"):
        busy_files.unlink(path.with_name(path.name + side))


class TeamTarget(Target):
    def __init__(self, address: str, *, replace: bool):
        from eventdesk.store.engines import postgres_schema

        self._given = address  # with its password, if it has one: for the recount
        self.conn = connect(address)
        self.address = self.conn.address
        self._stack = ExitStack()
        self._stack.callback(self.conn.close)
        try:
            postgres_schema.upgrade(self.conn)  # an empty database gets its tables
            self._stack.enter_context(self.conn.transaction())
            names = [t.name for t in _all_tables()] + ["photos"]
            # No clerk writes while the copy runs, nor between its look and its first row.
            self.conn.execute(f"LOCK TABLE {', '.join(map(_quoted, names))} IN EXCLUSIVE MODE")
            counts = count_rows(self.conn)
            if any(counts.values()):
                if not replace:
                    raise _refused(self.address, counts)
                self.conn.execute(f"TRUNCATE {', '.join(map(_quoted, names))} CASCADE")
            self.conn.execute("DELETE FROM settings")
        except BaseException:
            self._stack.__exit__(*sys.exc_info())
            raise

    def write_photo(self, data: bytes, sha256: str, media_type: str | None) -> None:
        from eventdesk.store.engines import postgres_photos

        postgres_photos.put(self.conn, data, media_type)

    def settle_ids(self, table: Table) -> None:
        if table.primary_key == ("id",):
            name = _quoted(table.name)
            self.conn.execute(
                "SELECT setval(pg_get_serial_sequence(?, 'id'), coalesce(max(id), 0) + 1, false) "
                f"FROM {name}",
                (name,),
            )

    def _complete(self) -> None:
        from eventdesk.store.engines import postgres_search

        # The meetings' documents and the people's, organisations' and courses' words, once:
        # reindex rebuilds the lists too.
        postgres_search.reindex(self.conn)

    def recount(self) -> tuple[dict[str, int], dict[str, int]]:
        with connect(self._given) as conn:
            counts = count_rows(conn)
            rows = conn.execute(
                "SELECT p.sha256, p.size FROM photos p "
                "WHERE p.sha256 IN (SELECT sha256 FROM files) "
                "AND encode(sha256(p.bytes), 'hex') = p.sha256"
            )
            return counts, dict(rows)


def open_target(address: str, *, replace: bool) -> Target:
    if is_team_address(address):
        return TeamTarget(address, replace=replace)
    return FileTarget(Path(address), replace=replace)


def batches(rows: Iterable, size: int) -> Iterator[list]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
