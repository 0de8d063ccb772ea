"""The open SQLite file: reads through ``sqlite3`` itself, everything else through sqlite-utils.

sqlite-utils, with the click, pluggy and dateutil it imports, is a fifth of the
time the window takes to start (issue 25), and opening a file and listing its
meetings needs none of it: those are plain ``SELECT`` and ``PRAGMA``
statements. :class:`Database` is what the store holds as ``db``: it runs those
(and ``query()`` of a ``SELECT``) on the connection at once, and makes a
``sqlite_utils.Database`` on the same connection the first time anything else
is asked (a write, ``db[table]``, ``atomic()``), so the library is imported
when the first thing is written, not before the window shows.

It must do what sqlite-utils would do. A statement that is not ``INSERT``,
``UPDATE``, ``DELETE`` or ``REPLACE`` opens no transaction in ``sqlite3``, so
sqlite-utils' ``execute`` neither commits nor rolls back after it, and neither
does it inside a transaction already open: those are the two cases run here
directly. Every other statement is handed to sqlite-utils, which commits what
it opened.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

Params = Sequence[Any] | dict[str, Any] | None

#: The first words of statements that cannot open a transaction.
_READS = ("select", "pragma")


class Database:
    """An open database: ``conn``, ``execute`` and whatever sqlite-utils' Database offers."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._utils: sqlite_utils.Database | None = None
        self.execute("PRAGMA recursive_triggers=on;")  # as sqlite-utils sets it on opening

    @classmethod
    def open(cls, path: str) -> Database:
        return cls(sqlite3.connect(path))

    @property
    def utils(self) -> sqlite_utils.Database:
        """sqlite-utils' Database on this connection, made (and the library imported) once."""
        if self._utils is None:
            import sqlite_utils

            self._utils = sqlite_utils.Database(
                self.conn, recursive_triggers=False, execute_plugins=False
            )
        return self._utils

    def execute(self, sql: str, parameters: Params = None) -> sqlite3.Cursor:
        """Run one statement, committing a change made outside a transaction (sqlite-utils')."""
        if self.conn.in_transaction or _reads(sql):
            if parameters is None:
                return self.conn.execute(sql)
            return self.conn.execute(sql, parameters)
        return self.utils.execute(sql, parameters)

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        """Rows as dicts; a ``SELECT`` whose columns have distinct names is read here."""
        if _reads(sql) and sql.lstrip()[:6].lower() == "select":
            cursor = self.conn.execute(sql) if params is None else self.conn.execute(sql, params)
            keys = [column[0] for column in cursor.description]
            if len(set(keys)) == len(keys):  # sqlite-utils renames repeated names: its way
                return (dict(zip(keys, row, strict=True)) for row in cursor)
        return self.utils.query(sql, params)

    def atomic(self) -> AbstractContextManager[Any]:
        return self.utils.atomic()

    def close(self) -> None:
        self.conn.close()

    def __getitem__(self, table: str) -> Any:
        return self.utils[table]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.utils, name)


def _reads(sql: str) -> bool:
    return sql.lstrip()[:6].lower().startswith(_READS)
