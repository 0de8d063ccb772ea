"""What every service of the store shares: its store, SQLite's errors told in words, and the
checks a save makes on the rows it names."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from sqlite_utils import Database

from eventdesk.records import ValidationError
from eventdesk.store.convert import now
from eventdesk.store.errors import RecordNotFound

if TYPE_CHECKING:
    from eventdesk.store.service import EventStore

T = TypeVar("T")


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

    def __init__(self, store: EventStore) -> None:
        self._store = store

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        telling_damage(cls)

    @property
    def db(self) -> Database:
        return self._store.db

    def _told(self, exc: sqlite3.Error) -> Exception:
        return self._store._told(exc)

    # -- rows ---------------------------------------------------------------------------

    def _upsert(self, table: str, record_id: int | None, row: dict, *, stamps: bool = True) -> int:
        if stamps:
            row["updated_at"] = now()
        if record_id is None:
            if stamps:
                row["created_at"] = row["updated_at"]
            return self.db[table].insert(row).last_pk
        self._row(table, record_id, table)
        self.db[table].update(record_id, row)
        return record_id

    def _row(self, table: str, record_id: int, kind: str) -> dict:
        rows = list(self.db.query(f"SELECT * FROM {table} WHERE id = ?", [record_id]))
        if not rows:
            missing(kind, record_id)
        return rows[0]

    def _require(self, table: str, record_id: int | None, record: str, field: str) -> None:
        """A save naming a row that is not there is refused, naming the field."""
        if record_id is None:
            return
        if not self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [record_id]).fetchone():
            raise ValidationError.single(record, field, f"refers to a missing record ({record_id})")

    def _missing_ids(self, table: str, ids: Iterable[int]) -> list[int]:
        """Those of ``ids`` with no row in ``table`` (in the trash counts as there)."""
        wanted = sorted({i for i in ids if i is not None})
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        found = {
            r[0] for r in self.db.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", wanted)
        }
        return [i for i in wanted if i not in found]


def missing(kind: str, record_id: int) -> NoReturn:
    raise RecordNotFound(f"There is no {kind} with id {record_id}.")


def label(kind: str, name: str) -> str:
    """How a record is named in a problem: ``meeting 'SHUA 2021'``, or just its kind."""
    return f"{kind} {name!r}" if name and name.strip() else kind
