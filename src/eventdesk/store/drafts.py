"""Crash drafts: what an editor holds but has not saved, kept where only its clerk sees it.

The editor writes its record here a few seconds after each change and
deletes the draft when the record is saved or the edits are discarded. A
draft still present at the next start means the program did not close
normally, and its edits are offered back.

On a file the drafts are a table of the file (one clerk's at a time). On a team database
they are the clerk's own and stay on their PC: a small SQLite file per team database in
this PC's user data folder (platformdirs': ``%LOCALAPPDATA%\\EventDesk\\drafts`` on
Windows), named from the address without its password (host, port, database, login), so
other clerks never see them and a clerk reopening that database gets theirs back. Such a
file is opened for each read or write and closed at once: nothing is held open between
keystrokes, and a second window of the same clerk waits its turn on SQLite's lock.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventdesk.store.convert import now
from eventdesk.store.locations import long_path
from eventdesk.store.sqlite_db import Database

#: The drafts table, as migration m003 makes it in a file.
_TABLE = (
    "CREATE TABLE IF NOT EXISTS drafts (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
    "record_id INTEGER, title TEXT, saved_at TEXT NOT NULL, payload TEXT NOT NULL)"
)
_INDEX = "CREATE INDEX IF NOT EXISTS idx_drafts_kind_record_id ON drafts (kind, record_id)"
#: What a name of a local drafts file may keep of the address as it is (Windows' rules too).
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Draft:
    id: int
    kind: str
    record_id: int | None
    title: str
    saved_at: str
    payload: dict[str, Any]
    #: Who saved the record after this draft's edits began, and when ("" if nobody did).
    overtaken_by: str = ""
    overtaken_at: str = ""
    #: The record was moved to the trash since (by ``overtaken_by``, at ``overtaken_at``).
    trashed: bool = False

    @property
    def loaded_version(self) -> int | None:
        """The record's version the edits were made over (None: a new record, or unknown)."""
        version = self.payload.get("version")
        return version if isinstance(version, int) and self.record_id is not None else None

    @property
    def overtaken(self) -> str:
        """The sentence saying another save came since, or ""."""
        if not self.overtaken_by and not self.overtaken_at:
            return ""
        when = self.overtaken_at[:16].replace("T", " ")
        who = self.overtaken_by or "Someone"
        at = f" (at {when})" if when else ""
        if self.trashed:
            return (
                f"{who} has moved this {self.kind} to the trash since{at}: restore it from "
                "the trash (Edit › Trash) before saving these edits."
            )
        return (
            f"{who} has saved this {self.kind} since{at}: saving these edits will ask "
            "whether to reload theirs or keep yours as a copy."
        )


def save(db: Database, kind: str, record_id: int | None, title: str, payload: dict) -> int:
    """Replace the draft of this record (or of the one new record of this kind)."""
    with db.atomic():
        db.execute("DELETE FROM drafts WHERE kind = ? AND record_id IS ?", [kind, record_id])
        return (
            db["drafts"]
            .insert(
                {
                    "kind": kind,
                    "record_id": record_id,
                    "title": title,
                    "saved_at": now(),
                    "payload": json.dumps(payload, ensure_ascii=False),
                }
            )
            .last_pk
        )


def discard(db: Database, kind: str, record_id: int | None) -> None:
    with db.atomic():
        db.execute("DELETE FROM drafts WHERE kind = ? AND record_id IS ?", [kind, record_id])


def pending(db: Database) -> list[Draft]:
    rows = db.execute(
        "SELECT id, kind, record_id, title, saved_at, payload FROM drafts ORDER BY saved_at"
    ).fetchall()
    return [Draft(i, k, r, t or "", s, json.loads(p)) for i, k, r, t, s, p in rows]


# -- a team database's drafts, on this PC --------------------------------------------------


def local_folder() -> Path:
    """This PC's folder of team databases' drafts, in the user's data folder (where
    ``eventdesk.paths.data_dir`` keeps the default database; the store may not import it)."""
    from platformdirs import user_data_path

    return user_data_path("EventDesk", appauthor=False) / "drafts"


def local_file(host: str, port: str, database: str, login: str) -> Path:
    """The drafts file of one login on one team database: its parts readable in the name
    (``db.office.local-5432-eventdesk-liwei``), and a hash of them, since making a name safe
    for Windows could make two addresses one (a socket folder's ``/``, an IPv6 ``:``)."""
    import hashlib  # a team database's only: not loaded to open a file (issue 25)

    parts = [host or "local", port or "", database or "", login or ""]
    readable = "-".join(_UNSAFE.sub("_", part) for part in parts)[:120]
    digest = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:10]
    return local_folder() / f"{readable}-{digest}.sqlite3"


def slot(base: Path, n: int) -> Path:
    """The drafts file of the ``n``-th window of one login on one team database on this PC:
    ``base`` itself for the first, ``…-2.sqlite3`` for a second window open at once."""
    return base if n == 1 else base.with_name(f"{base.stem}-{n}{base.suffix}")


@contextlib.contextmanager
def local(path: Path) -> Iterator[Database]:
    """The drafts file at ``path``, made if missing, open for one read or write.

    A file that is not a database (a damaged byte, a file cut short) is set aside as
    ``….damaged`` and a new one begun: drafts are a safety net, and a damaged one must not
    stop a clerk opening the team database or keep their next edits from being kept.
    """
    target = long_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    db = _opened(target)
    try:
        yield db
    finally:
        db.conn.close()


def _opened(path: Path) -> Database:
    for attempt in (1, 2):
        conn = sqlite3.connect(path, timeout=10)
        try:
            conn.execute(_TABLE)
            conn.execute(_INDEX)
            conn.execute("SELECT count(*) FROM drafts").fetchone()
            return Database(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if attempt == 2 or isinstance(exc, sqlite3.OperationalError):
                raise  # locked too long, a folder that cannot be written: told in words
            _set_aside(path)
    raise AssertionError("unreachable")


def _set_aside(path: Path) -> None:
    aside = path.with_name(path.name + ".damaged")
    path.replace(aside)
    for extra in ("-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + extra).unlink(missing_ok=True)
