"""What every service of the store shares: its store, SQLite's errors told in words, and the
checks a save makes on the rows it names."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, NoReturn, Protocol, TypeVar

from eventdesk.store.convert import now
from eventdesk.store.engines import Connection, dialect
from eventdesk.store.errors import RecordNotFound
from eventdesk.store.rows import insert_row, update_row
from eventdesk.store.sqlite_db import Database

T = TypeVar("T")


class Core(Protocol):
    """What a service asks of the store that holds it: the connection, the file, whether it
    may write, a transaction, SQLite's errors in words. (``EventStore`` is one; it holds the
    services, so naming it here would make a circle of imports.)"""

    db: Database
    connection: Connection
    path: Path | None
    read_only: bool

    def transaction(self, *, search_later: bool = False) -> AbstractContextManager[Database]: ...

    def search_due(
        self,
        meeting_id: int | None = None,
        *,
        naming: tuple[str, int] | None = None,
        listed: tuple[str, int] | None = None,
    ) -> None: ...

    def _told(self, exc: sqlite3.Error) -> Exception: ...


def _damage_told(method: Callable[..., T]) -> Callable[..., T]:
    """No ``sqlite3`` error leaves the store: each becomes a ``StoreError`` in words.

    SQLite's "malformed" error becomes the message with the way out (restore a
    backup); the others say what a person can do about them.
    """

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> T:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise self._told(exc) from exc

    return wrapper


def telling_damage(cls: type) -> type:
    """Wrap every public method of ``cls`` in :func:`_damage_told`."""
    for name, value in list(vars(cls).items()):
        if callable(value) and not name.startswith("_") and not isinstance(value, classmethod):
            setattr(cls, name, _damage_told(value))
    return cls


class Service:
    """One part of the store's surface; its public methods tell SQLite's errors in words."""

    def __init__(self, store: Core) -> None:
        self._store = store

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        telling_damage(cls)

    @property
    def db(self) -> Database:
        return self._store.db

    @property
    def connection(self) -> Connection:
        """The store's database as the engine connection both engines' queries are written for."""
        return self._store.connection

    def _told(self, exc: sqlite3.Error) -> Exception:
        return self._store._told(exc)

    @contextmanager
    def _saving(self, kind: str, record: Any, *, search_later: bool = False) -> Iterator[None]:
        """The transaction of one record's save, its version claimed and its history kept
        (``versions.saving``; ``kind`` a ``history.TABLES`` kind, ``self.get`` reading it back).

        A save that fails, its commit included (a team database's server gone mid-save),
        leaves ``record``'s id, version and ``updated_by`` as they were: the same record
        saved again once the server is back is then neither taken for another clerk's change
        (a conflict naming the clerk's own login) nor, if it was new, for a stored one.
        """
        from eventdesk.store import versions  # its history's imports wait for the first save

        kept = record.id, record.version, record.updated_by
        store = self._store
        try:
            with (
                store.transaction(search_later=search_later),
                versions.saving(store.connection, kind, record, self.get),  # type: ignore[attr-defined]
            ):
                yield
        except BaseException:
            record.id, record.version, record.updated_by = kept
            raise

    # -- rows ---------------------------------------------------------------------------

    def _upsert(self, table: str, record_id: int | None, row: dict, *, stamps: bool = True) -> int:
        if stamps:
            row["updated_at"] = now()
        if record_id is None:
            if stamps:
                row["created_at"] = row["updated_at"]
            return insert_row(self.connection, table, row)
        self._row(table, record_id, table)
        update_row(self.connection, table, record_id, row)
        return record_id

    def _query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        """The rows a query gives, each a dict by column name, on either engine."""
        return self.connection.execute(sql, params).dicts()

    def _row(self, table: str, record_id: int, kind: str) -> dict:
        row = self.connection.execute(f"SELECT * FROM {table} WHERE id = ?", [record_id])
        return row.first_dict() or missing(kind, record_id)

    def _missing_ids(self, table: str, ids: Iterable[int]) -> list[int]:
        """Those of ``ids`` with no row in ``table`` (in the trash counts as there)."""
        wanted = sorted({i for i in ids if i is not None})
        if not wanted:
            return []
        sql = (
            f"SELECT id FROM {table} WHERE id IN ({dialect.listed(self.connection, numbers=True)})"
        )
        found = {r[0] for r in self.connection.execute(sql, [json.dumps(wanted)])}
        return [i for i in wanted if i not in found]


def missing(kind: str, record_id: int) -> NoReturn:
    raise RecordNotFound(f"There is no {kind} with id {record_id}.")


def label(kind: str, name: str) -> str:
    """How a record is named in a problem: ``meeting 'SHUA 2021'``, or just its kind."""
    return f"{kind} {name!r}" if name and name.strip() else kind
