"""The SQLite file through the standard library's ``sqlite3``, as an engine :class:`Connection`.

Opened in autocommit mode (``isolation_level=None``), so that a statement outside a
``transaction()`` block commits by itself, as on PostgreSQL, and a block's ``BEGIN IMMEDIATE``
takes the write lock at its start rather than halfway through.

The store's own file is opened by ``store/database.py`` (its checks, WAL, migrations) and
read by sqlite-utils too; :meth:`SQLiteConnection.over` gives that same ``sqlite3``
connection as an engine connection, so a query written for both engines and one of
sqlite-utils' run in the same transactions.
"""

from __future__ import annotations

import itertools
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from eventdesk.store.engines.base import Engine, Params, Result, returning
from eventdesk.store.engines.errors import (
    ConstraintViolation,
    ReferenceViolation,
    UniqueViolation,
)

_FAILED_ON = re.compile(r"constraint failed: (.+)$")


def _told(exc: sqlite3.IntegrityError) -> ConstraintViolation:
    """SQLite's ``UNIQUE constraint failed: people.email, people.name`` as our error."""
    kind = getattr(exc, "sqlite_errorname", "")
    found = _FAILED_ON.search(str(exc))
    names = [n.strip() for n in found.group(1).split(",")] if found else []
    table = names[0].partition(".")[0] if names and "." in names[0] else None
    columns = [n.partition(".")[2] for n in names if "." in n]
    if kind in ("SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"):
        return UniqueViolation(table, columns)
    if kind == "SQLITE_CONSTRAINT_FOREIGNKEY":
        return ReferenceViolation(table, columns)
    return ConstraintViolation(table, columns, str(exc))


class _Fetched:
    """A cursor's rows read out, as a cursor: what a statement gave before its commit."""

    def __init__(self, cursor: sqlite3.Cursor):
        self.description = cursor.description
        self.rowcount = cursor.rowcount
        self._rows = iter(cursor.fetchall() if cursor.description else [])

    def __iter__(self) -> Iterator[Any]:
        return self._rows

    def fetchone(self) -> Any:
        return next(self._rows, None)


class SQLiteConnection:
    engine: Engine = "sqlite"

    def __init__(self, path: str | os.PathLike[str], *, opened: sqlite3.Connection | None = None):
        self.address = os.fspath(path)
        if opened is None:
            opened = sqlite3.connect(self.address, isolation_level=None)
            opened.execute("PRAGMA foreign_keys = ON")
            opened.execute("PRAGMA busy_timeout = 5000")
        #: The driver's connection, for the file's own code that needs SQLite alone (its
        #: checks, backups, the FTS5 index's refresh registering a Python function on it).
        self.sqlite: sqlite3.Connection = opened
        self._conn = opened
        self._savepoints = itertools.count(1)

    @classmethod
    def over(cls, opened: sqlite3.Connection, path: str | os.PathLike[str]) -> SQLiteConnection:
        """The connection ``opened`` (the store's, which sqlite-utils uses too) as an engine
        connection: the same transactions, the same uncommitted rows. Closing it closes
        ``opened``.

        ``opened`` may be in sqlite3's default mode, which begins a transaction before a
        change by itself; a change made here outside a :meth:`transaction` block is
        committed at once all the same, as the engine layer promises."""
        return cls(path, opened=opened)

    def execute(self, sql: str, params: Params = ()) -> Result:
        outside = not self._conn.in_transaction
        try:
            cursor = self._conn.execute(sql, params)
            if outside and self._conn.in_transaction:  # sqlite3's implicit BEGIN: commit it
                cursor = _Fetched(cursor)  # a RETURNING's rows, read before the commit
                self._conn.commit()
        except sqlite3.IntegrityError as exc:
            raise _told(exc) from exc
        return Result(cursor)

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        outside = not self._conn.in_transaction
        try:
            self._conn.executemany(sql, rows)
        except sqlite3.IntegrityError as exc:
            raise _told(exc) from exc
        if outside and self._conn.in_transaction:
            self._conn.commit()

    def insert(self, sql: str, params: Params = (), *, key: str = "id") -> int:
        return self.execute(returning(sql, key), params).scalar()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        outermost = not self._conn.in_transaction
        savepoint = f"sp{next(self._savepoints)}"
        self._conn.execute("BEGIN IMMEDIATE" if outermost else f"SAVEPOINT {savepoint}")
        try:
            yield
        except BaseException:
            if outermost:
                self._conn.execute("ROLLBACK")
            else:
                self._conn.execute(f"ROLLBACK TO {savepoint}")
                self._conn.execute(f"RELEASE {savepoint}")
            raise
        self._conn.execute("COMMIT" if outermost else f"RELEASE {savepoint}")

    def table_names(self) -> list[str]:
        rows = self._conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' "
            "ESCAPE '!' ORDER BY name"
        )
        return [name for (name,) in rows]

    def column_names(self, table: str) -> list[str]:
        return [
            row[1] for row in self._conn.execute("SELECT * FROM pragma_table_info(?)", (table,))
        ]

    def reconnect(self) -> None:
        """A file is never disconnected."""

    def listen(self, listener: Callable[[bool, str], None]) -> None:
        """A file never stops answering."""

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SQLiteConnection:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<SQLiteConnection {self.address}>"
