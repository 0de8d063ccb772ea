"""Opening an EventDesk file safely.

Before SQLite is allowed to write anything, the file is looked at: is it an
SQLite file, is it EventDesk's, is its schema one this program knows, does
SQLite's quick check pass? A file that fails any of these is left exactly as
it was, and the user is told which and what to do. Only then is the
connection set up (WAL, foreign keys) and missing migrations applied, after
a backup copy of a file that already held data.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from eventdesk.store import (
    backup_names,
    disk,
    network_drive,
    partials,
    photo_folder,
    search_index,
)
from eventdesk.store.errors import (
    BackupFailed,
    BackupNotMade,
    DatabaseDamaged,
    DatabaseUnavailable,
    DiskFull,
    NewerSchemaError,
    NotAnEventDeskDatabase,
    ReadOnlyLocation,
    StoreError,
)
from eventdesk.store.locations import sqlite_uri
from eventdesk.store.migrations import APPLICATION_ID, LATEST_VERSION, migrate, schema_version
from eventdesk.store.sqlite_db import Database

SQLITE_HEADER = b"SQLite format 3\x00"


def _inspect(path: Path) -> tuple[int, int, bool]:
    """Read application id and schema version without changing the file.

    The header is read as bytes, so a file that is not EventDesk's gets no
    lock, journal or shared-memory file from us. Returns
    ``(application_id, user_version, has_tables)``.
    """
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) == 0:
        raise NotAnEventDeskDatabase(
            f"{path} is an empty file (0 bytes), not an EventDesk database. It was not "
            "changed; to start a new database there, delete it or choose another name."
        )
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise NotAnEventDeskDatabase(
            f"{path} is not an EventDesk database (it is not an SQLite file). It was not changed."
        )
    version = int.from_bytes(header[60:64], "big")
    app_id = int.from_bytes(header[68:72], "big")
    pages = int.from_bytes(header[28:32], "big")
    if app_id == APPLICATION_ID:
        return (app_id, version, True)
    wal = path.with_name(path.name + "-wal")
    wal_has_commits = wal.exists() and wal.stat().st_size > 0
    if pages <= 1 and not wal_has_commits:
        return (app_id, version, False)
    try:
        # Commits still in the write-ahead log (the file is open elsewhere, or a
        # crash left them) are not in the header yet: ask SQLite, read-only.
        conn = connect_read_only(path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotAnEventDeskDatabase(
            f"{path} cannot be read as a database ({exc}). It was not changed."
        ) from None
    return (app_id, version, has_tables)


def connect_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection that can change nothing, not even create ``-wal``/``-shm`` files.

    ``mode=ro`` still needs the shared-memory file of a WAL database, which a
    read-only folder (a CD, a read-only network share) cannot hold: then the
    file is read as immutable, since nobody can be writing it there either.
    ``immutable=True`` asks for that at once (a backup being looked at). A
    file on a network drive is read as immutable too, unless a log beside it
    holds commits: EventDesk writes nothing there, so no reader there may
    leave ``-wal`` and ``-shm`` files behind (``network_drive``).
    """
    if not immutable and not _has_log(path) and network_drive.network_location(path):
        immutable = True
    if not immutable:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.Error as exc:
            conn.close()
            cannot_share = not os.access(path.parent, os.W_OK) or "unable to open" in str(exc)
            if disk.full_because(exc, path) and not _has_log(path):
                cannot_share = True  # no room for the -shm file; the file alone is all there is
            if not (isinstance(exc, sqlite3.OperationalError) and cannot_share):
                raise
    return sqlite3.connect(sqlite_uri(path, mode="ro", immutable="1"), uri=True)


def _has_log(path: Path) -> bool:
    log = path.with_name(path.name + "-wal")
    return log.is_file() and log.stat().st_size > 0


def damaged(path: Path, detail: str) -> DatabaseDamaged:
    return DatabaseDamaged(
        f"{path} is damaged ({detail}). EventDesk did not change it. "
        "Restore it from a backup (File > Restore from backup, or `eventdesk restore`)."
    )


#: SQLite's words for what a person can do something about, and ours for them.
_SQLITE_TOLD = {
    "database is locked": "The database is busy in another program; try again in a moment.",
    "readonly database": "The database file cannot be written (it or its folder is read-only).",
    "disk is full": "The disk is full; nothing was saved. Free some space and save again.",
    "disk I/O error": "The disk could not be read or written (was it removed?).",
    "closed database": "The database is closed; open it again to go on.",
}


def sqlite_told(exc: sqlite3.Error) -> StoreError:
    """A :class:`StoreError` for an ``sqlite3`` error, in words a user can act on."""
    text = str(exc)
    for words, message in _SQLITE_TOLD.items():
        if words in text:
            return StoreError(message)
    return StoreError(f"The database refused the change ({text}); nothing was saved.")


def _quick_check(db: Database, path: Path) -> None:
    problem = _quick_check_connection(db.conn, path)
    if problem:
        raise damaged(path, problem)


def _quick_check_connection(conn: sqlite3.Connection, path: Path) -> str | None:
    try:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.OperationalError as exc:
        if busy(exc):  # another program is writing: that is not damage
            raise DatabaseUnavailable(
                "The database is busy: another program is writing it. Try again in a moment."
            ) from None
        reason = disk.full_because(exc, path)
        if reason:  # no room for SQLite's -shm file beside it: that is not damage either
            raise DiskFull(path, reason) from None
        return str(exc)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(" ".join(row.split()) for row in rows)


def busy(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def upkeep_file(path: Path) -> DatabaseDamaged | BackupNotMade | None:
    """The checks and the daily backup a deferred open left to do, on their own connection.

    Quick check first; only a sound file gets its daily backup (a damaged one
    must not push a good backup out of the rotation). Returns the damage
    found, or why the day's backup could not be made, or None.
    """
    from eventdesk.store import backups  # the backups' work, not needed to open a file

    damage = verify_file(path)
    # Not onto a network drive: every PC reading it would write and rotate the same folder there.
    on_network = network_drive.network_location(path) is not None
    if damage is None and not on_network and backups.daily_backup_due(path):
        try:
            conn = connect_read_only(path)
        except sqlite3.Error:
            return None
        try:
            return daily_backup(Database(conn), path)
        finally:
            conn.close()
    return damage


def daily_backup(db: Database, path: Path, notes: list[str] | None = None) -> BackupNotMade | None:
    """The day's backup after a quick check of ``db``; if it cannot be made, what to tell.

    Reading never needs free disk: on a full disk (or a backups folder that
    cannot be written) the database opens all the same, and the user is told
    in one line why there is no backup today.
    """
    from eventdesk.store import backups

    try:
        backups.automatic_backup(db, path, "daily", checked=True, notes=notes)
    except BackupFailed as exc:
        folder = backup_names.backup_folder(path)
        return BackupNotMade(f"The day's backup could not be made in {folder}: {exc.reason}.")
    except StoreError as exc:
        return BackupNotMade(f"The day's backup could not be made: {exc}")
    return None


def verify_file(path: Path) -> DatabaseDamaged | None:
    """Run SQLite's quick check on its own read-only connection (safe in another thread).

    A large database takes a second or more to check; the desktop program
    opens it with ``verify=False`` and runs this while its window is already
    usable, refusing further saves if it finds damage.
    """
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        return damaged(path, str(exc))
    try:
        problem = _quick_check_connection(conn, path)
    finally:
        conn.close()
    return damaged(path, problem) if problem else None


def _check_file(path: Path, *, create: bool, read_only: bool) -> bool:
    """Refuse a path we must not open; return whether the file exists."""
    if not path.parent.exists():
        raise DatabaseUnavailable(f"The folder {path.parent} does not exist.")
    if path.is_dir():
        raise DatabaseUnavailable(f"{path} is a folder, not a database file.")
    exists = path.exists()
    if not exists and (read_only or not create):
        raise DatabaseUnavailable(f"There is no database at {path}.")
    if exists:
        app_id, version, has_tables = _inspect(path)
        if has_tables and app_id != APPLICATION_ID:
            raise NotAnEventDeskDatabase(
                f"{path} is an SQLite database of another program, not EventDesk's. "
                "It was not changed."
            )
        if version > LATEST_VERSION:
            raise NewerSchemaError(
                f"{path} was written by a newer EventDesk (schema {version}; this program "
                f"knows up to {LATEST_VERSION}). Update EventDesk to open it. It was not changed."
            )
        if read_only and version < LATEST_VERSION and has_tables:
            raise DatabaseUnavailable(
                f"{path} was written by an older EventDesk and must be upgraded, which "
                "needs write access: open it once without read-only."
            )
        if not read_only and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            raise ReadOnlyLocation(
                f"{path} is read-only. Open it read-only (--read-only), or copy it somewhere "
                "you can write."
            )
    elif not os.access(path.parent, os.W_OK):
        raise ReadOnlyLocation(f"Cannot create a database in {path.parent}: it is read-only.")
    return exists


def open_database(
    path: str | os.PathLike[str],
    *,
    create: bool = True,
    read_only: bool = False,
    verify: bool = True,
    notes: list[str] | None = None,
) -> Database:
    """Open (or create) the EventDesk database at ``path``, migrated to the current schema.

    ``verify=False`` leaves SQLite's quick check and the daily backup to the
    caller (see :func:`upkeep_file`), which can run them beside an open window;
    the check is still run before any migration, which writes. What the user
    should be told though the file opened (the day's backup could not be
    made) is added to ``notes``. A disk too full for SQLite's files beside the
    database raises :class:`DiskFull`, which a reader may answer by opening
    it read-only.
    """
    path = Path(path)
    exists = _check_file(path, create=create, read_only=read_only)
    if read_only:
        try:
            conn = connect_read_only(path)
        except sqlite3.Error as exc:
            if busy(exc):
                raise DatabaseUnavailable(
                    f"{path} is busy: another program is writing it. Try again in a moment."
                ) from None
            raise damaged(path, str(exc)) from None
        db = Database(conn)
        if verify:
            _quick_check(db, path)
        return db

    if exists:
        remove_leftovers(path)
    db = Database.open(str(path))
    try:
        if exists and (verify or schema_version(db) < LATEST_VERSION):
            _quick_check(db, path)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 5000")
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.enable_wal()
        version = schema_version(db)
        if version < LATEST_VERSION:
            _upgrade(db, path, version if exists else 0)
        photo_folder.settle(path, photo_folder.identity(db.conn))  # its photos' folder is its own
        if version >= LATEST_VERSION and exists and verify and _daily_backup_due(path):
            note = daily_backup(db, path, notes)
            if note is not None and notes is not None:
                notes.append(str(note))
        if db.execute("SELECT 1 FROM search_dirty LIMIT 1").fetchone():
            with db.atomic():  # another writer left meetings to re-index
                search_index.refresh(db)
    except sqlite3.Error as exc:
        db.close()
        reason = disk.full_because(exc, path)
        if reason:
            raise DiskFull(path, reason) from None
        raise
    except BaseException:
        db.close()
        raise
    return db


def _upgrade(db: Database, path: Path, version: int) -> None:
    """Migrate a file that held data only after copying it, and keep that copy until the
    upgraded file has been checked.

    The copy is not rotated when it is taken: only once the upgraded file
    passes SQLite's quick check may rotation drop older backups, and rotation
    keeps the first before-migration copy of the day (``backups.rotate``), so
    an upgrade killed midway and taken up again at the next start keeps the
    copy of the file as the older EventDesk left it.
    """
    from eventdesk.store import backups

    if version > 0:
        target = backups.backup_path(path, f"{backups.BEFORE_MIGRATION}-{version}")
        backups.backup(db, target, checked=True)
    migrate(db)
    _reclaim(db)
    if version > 0:
        _quick_check(db, path)
        backups.rotate(path)


def remove_leftovers(path: Path) -> list[Path]:
    """Remove what a killed backup, restore or copy (``store/copying.py``) of ``path`` left
    half written (``partials``)."""
    unfinished = (partials.restoring(path).name, partials.copying(path).name)
    return [
        *partials.sweep(path.parent, lambda name: name in unfinished),
        *backup_names.remove_leftovers(path),
    ]


def _daily_backup_due(path: Path) -> bool:
    from eventdesk.store import backups  # a window opens with verify=False: not at its start

    return backups.daily_backup_due(path)


def _reclaim(db: Database) -> None:
    """Give back the space a migration freed (the photos moved out), if it is most of the file."""
    free = db.execute("PRAGMA freelist_count").fetchone()[0]
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    if pages and free > pages // 4:
        db.execute("VACUUM")


def memory_database() -> Database:
    """A migrated in-memory database, for tests and previews that need no file."""
    db = Database.open(":memory:")
    db.execute("PRAGMA foreign_keys = ON")
    migrate(db)
    return db
