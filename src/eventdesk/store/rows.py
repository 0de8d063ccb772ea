"""Between records and table rows, derived from the records' declarations (``records/fields.py``).

A record's row holds each field declared with a column, as the store keeps it:
dates and times in ISO form, an enum by its value, tags as a JSON list, a
name trimmed of spaces, a reference to another part of the same meeting (a
presentation's session) by that part's row id. Read back, an empty column is
the field's default ("" for text). Lists of ids and of parts are kept in their
own tables (``meeting_parts.py`` saves them); a file's bytes are the store's
to write (``media.py``), so a row never carries them from here.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time
from functools import cache
from typing import Any

from eventdesk.records.fields import Declared, columns_of
from eventdesk.store.engines.base import Connection

#: part table -> uid -> row id (saving), for the references between parts of one meeting
SiblingIds = Mapping[str, Mapping[str, int]]
#: part table -> row id -> uid (loading)
SiblingUids = Mapping[str, Mapping[int, str]]


def iso(value: date | time | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return value.isoformat()


def to_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def to_time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def to_row(record: Any, siblings: SiblingIds | None = None) -> dict[str, Any]:
    """The record's columns, in declaration order: all but its row id and what the store writes
    itself. ``siblings`` turns the uids of other parts of the meeting into their row ids."""
    row = {}
    for d in _written(type(record)):
        value = getattr(record, d.field)
        if d.sibling:
            row[d.column] = (siblings or {}).get(d.table, {}).get(value) if value else None
        else:
            row[d.column] = _stored(d, value)
    return row


def from_row(
    cls: type, row: Mapping[str, Any], siblings: SiblingUids | None = None, **given: Any
) -> Any:
    """The record of ``cls`` a row holds; ``given`` sets the fields a row does not hold (its
    lists, a file's bytes). ``siblings`` turns other parts' row ids back into their uids."""
    values = dict(given)
    for d in columns_of(cls):
        if d.field in given or d.type == "bytes":
            continue
        stored = row[d.column]
        if d.sibling:
            values[d.field] = (siblings or {}).get(d.table, {}).get(stored)
        else:
            values[d.field] = _read(d, stored, _defaults(cls).get(d.field))
    return cls(**values)


def _stored(d: Declared, value: Any) -> Any:
    if value is None:
        return None
    if d.type == "text":
        return value.strip() if d.strip else value
    if d.type in ("date", "time"):
        return iso(value)
    if d.type == "enum":
        return value.value
    if d.type == "bool":
        return int(value)
    if d.type == "tags":
        return json.dumps([tag.strip() for tag in value], ensure_ascii=False)
    return value


def _read(d: Declared, stored: Any, default: Any) -> Any:
    if d.type == "text":
        return stored or ""
    if d.type == "tags":
        return json.loads(stored or "[]")
    if stored is None:
        return default
    if d.type == "date":
        return to_date(stored)
    if d.type == "time":
        return to_time(stored)
    if d.type == "bool":
        return bool(stored)
    return stored  # an enum's value becomes its member in the record's __post_init__


@cache
def _written(cls: type) -> tuple[Declared, ...]:
    return tuple(d for d in columns_of(cls) if d.kind != "id" and not d.managed)


@cache
def _defaults(cls: type) -> dict[str, Any]:
    return {
        f.name: f.default for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING
    }


def insert_row(conn: Connection, table: str, row: Mapping[str, Any]) -> int:
    """Insert one row (``{column: value}``) into ``table``; its new id."""
    marks = ", ".join("?" * len(row))
    return conn.insert(
        f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})", list(row.values())
    )


def insert_rows(conn: Connection, table: str, rows: Iterable[Mapping[str, Any]]) -> None:
    """Insert rows that all have the same columns, in one statement run for each (on a
    team database, one statement for all: :func:`insert_json`)."""
    rows = list(rows)
    if rows and conn.engine == "postgresql":
        insert_json(conn, table, rows)
    elif rows:
        marks = ", ".join("?" * len(rows[0]))
        sql = f"INSERT INTO {table} ({', '.join(rows[0])}) VALUES ({marks})"
        conn.executemany(sql, [list(row.values()) for row in rows])


def insert_json(
    conn: Connection, table: str, rows: list[Mapping[str, Any]], returning: str | None = None
) -> list[tuple[Any, ...]]:
    """Insert rows that all have the same columns into a team database's ``table`` as one
    JSON parameter the server reads into the table's row type; the ``returning`` columns of
    each new row. One statement and one round trip, where a statement a row was one each
    (thousands for an attendee list's new people and attendances: most of an import's time
    there), and a statement of thousands of placeholders costs psycopg as long to parse for
    its own as the server takes to insert them."""
    names = ", ".join(rows[0])
    sql = (
        f"INSERT INTO {table} ({names}) SELECT {names} "
        f"FROM json_populate_recordset(NULL::{table}, CAST(? AS json))"
    )
    data = json.dumps([{k: _json_value(v) for k, v in row.items()} for row in rows])
    if returning is None:
        conn.execute(sql, [data])
        return []
    return conn.execute(f"{sql} RETURNING {returning}", [data]).fetchall()


def _json_value(value: Any) -> Any:
    """Bytes as ``bytea``'s text (``\\x`` and hex); anything else as it is."""
    return "\\x" + value.hex() if isinstance(value, bytes) else value


def update_row(conn: Connection, table: str, row_id: int, row: Mapping[str, Any]) -> None:
    """Set the columns ``row`` names of row ``row_id`` of ``table``."""
    assignments = ", ".join(f"{column} = ?" for column in row)
    conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*row.values(), row_id])


def column_names(cls: type) -> tuple[str, ...]:
    """The columns :func:`to_row` writes for a record of ``cls``, in order."""
    return tuple(d.column for d in _written(cls))
