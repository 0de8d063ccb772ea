"""The connection the store's queries are written against once, for SQLite and PostgreSQL.

Both engines take the same SQL (``?`` placeholders, or ``:name`` with a mapping), give rows
as tuples or dicts, run a ``with connection.transaction():`` block as one unit (nested blocks
are savepoints), return a new row's id through ``RETURNING`` and raise the same errors
(:mod:`.errors`). Outside a transaction block each statement commits by itself on both.

What is left to the SQL itself: name a computed column (``count(*) AS n``), since SQLite
calls it ``count(*)`` and PostgreSQL ``count``; write identifiers in lower case, as
PostgreSQL folds them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Literal, Protocol

Params = Sequence[Any] | Mapping[str, Any]
Engine = Literal["sqlite", "postgresql"]


class Result:
    """The rows of one statement, read from a DB-API cursor of either driver."""

    def __init__(self, cursor: Any):
        self._cursor = cursor
        description = cursor.description
        self.columns: list[str] = [d[0] for d in description] if description else []
        #: Rows changed by an INSERT, UPDATE or DELETE (-1 for a query, as DB-API has it).
        self.rowcount: int = cursor.rowcount

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        if not self.columns:
            return iter(())
        return (tuple(row) for row in self._cursor)

    def fetchone(self) -> tuple[Any, ...] | None:
        row = self._cursor.fetchone() if self.columns else None
        return None if row is None else tuple(row)

    def fetchall(self) -> list[tuple[Any, ...]]:
        return list(self)

    def dicts(self) -> list[dict[str, Any]]:
        """Every row as ``{column: value}``."""
        return [dict(zip(self.columns, row, strict=True)) for row in self]

    def first_dict(self) -> dict[str, Any] | None:
        row = self.fetchone()
        return None if row is None else dict(zip(self.columns, row, strict=True))

    def scalar(self) -> Any:
        """The first column of the first row, or None when there is no row."""
        row = self.fetchone()
        return None if row is None else row[0]


class Connection(Protocol):
    """What the store needs of a database, the same on both engines."""

    #: ``"sqlite"`` or ``"postgresql"``.
    engine: Engine
    #: The file's path, or the team database's address without its password.
    address: str

    def execute(self, sql: str, params: Params = ()) -> Result: ...

    def executemany(self, sql: str, rows: Iterable[Params]) -> None: ...

    def insert(self, sql: str, params: Params = (), *, key: str = "id") -> int:
        """Run an INSERT of one row and return the new row's ``key`` (by ``RETURNING``)."""
        ...

    def transaction(self) -> AbstractContextManager[None]:
        """All of the block or none of it; a block inside another is a savepoint."""
        ...

    def table_names(self) -> list[str]: ...

    def column_names(self, table: str) -> list[str]: ...

    def reconnect(self) -> None:
        """Try the database now: a team database whose connection was lost opens a fresh
        one, or raises ``ConnectionLost`` while its server does not answer; a file has
        nothing to do."""
        ...

    def listen(self, listener: Callable[[bool, str], None]) -> None:
        """Call ``listener(answering, message)`` when a team database's server stops
        answering and when it answers again; a file never calls it."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Connection: ...

    def __exit__(self, *exc: object) -> None: ...


def returning(sql: str, key: str) -> str:
    """``sql`` (one INSERT) with ``RETURNING key``: both engines' way to the new row's id."""
    if not key.isidentifier():
        raise ValueError(f"not a column name: {key!r}")
    return f"{sql.rstrip().rstrip(';')} RETURNING {key}"
