"""Saving a meeting's parts in place: only what changed is written.

Every part (session, attendance, file, presentation, decision, course) has a
uid that the editor keeps; here it is the key. A part whose uid is already
stored keeps its row id and is updated only in the columns that changed; a
new uid is inserted; a stored uid the meeting no longer lists is deleted.
So ids stay valid across saves (the course register opens a course by id
while its meeting is edited), and only changed rows fire the search
triggers: changing one attendee's title writes one attendance row, not two
hundred.

Parts refer to each other by uid (a presentation to its session and its
attachment); those become row ids here. Rows go in an order the foreign keys
accept: sessions and files are written before the parts naming them and
deleted after.

Which lists a meeting has, their tables, columns and references, and each
part's own lists (a presentation's presenters, a decision's parties) are read
from the declarations (``records/fields.py``, through ``store/rows.py``);
nothing here names a part's field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

from eventdesk.records import CourseEntry, Meeting, MeetingFile
from eventdesk.records.fields import Declared, declared_fields, part_lists
from eventdesk.store import tables
from eventdesk.store.engines import Connection, dialect
from eventdesk.store.errors import StoreError
from eventdesk.store.rows import SiblingIds, column_names, from_row, insert_json, to_row


@cache
def write_order(cls: type = Meeting) -> tuple[Declared, ...]:
    """A meeting's lists of parts, those other parts name by uid (sessions, files) first.

    Written in this order, a part's references find their rows; deleted in the
    reverse, no row is gone while another still names it.
    """
    remaining = list(part_lists(cls))
    ordered: list[Declared] = []
    while remaining:
        tables = {d.table for d in remaining}
        ready = next(d for d in remaining if not _names(d) & (tables - {d.table}))
        ordered.append(ready)
        remaining.remove(ready)
    return tuple(ordered)


def _names(d: Declared) -> set[str]:
    """The part tables a part of ``d`` names by uid."""
    assert d.part is not None
    return {x.table for x in declared_fields(d.part) if x.sibling}


def _has_id(d: Declared) -> bool:
    assert d.part is not None
    return any(x.kind == "id" for x in declared_fields(d.part))


def sync_parts(conn: Connection, meeting_id: int, m: Meeting) -> None:
    """Make the stored parts of meeting ``meeting_id`` what ``m`` holds. Inside a transaction."""
    ids: dict[str, dict[str, int]] = {}
    named = {table for d in write_order() for table in _names(d)}
    gone_named: list[tuple[str, list[int]]] = []
    for d in write_order():
        records = getattr(m, d.field)
        if not _has_id(d):
            _sync_list_of(conn, d, meeting_id, records)
            continue
        if d.standalone:  # the course register reads its meeting from the part itself
            for record in records:
                setattr(record, d.owner, meeting_id)
        rows = [_part_row(conn, d, meeting_id, n, r, ids) for n, r in enumerate(records)]
        ids[d.table], gone = _sync(conn, d.table, d.owner, meeting_id, rows)
        _delete_children(conn, d, gone)
        _sync_children(conn, d, records, ids[d.table])
        if d.table in named:
            gone_named.append((d.table, gone))  # deleted once nothing names them
        else:
            _delete(conn, d.table, gone)
        if d.standalone:
            for record in records:
                record.id = ids[d.table][record.uid]
    for table, gone in reversed(gone_named):
        _delete(conn, table, gone)


def load_parts(
    conn: Connection, meeting_id: int, m: Meeting, content: Callable[[dict], bytes] | None = None
) -> None:
    """Fill ``m``'s lists of parts from the rows of meeting ``meeting_id``.

    ``content`` reads a file's bytes from its row; without it the bytes are not
    read at all (lists and editors do not need them) and ``data`` is None.
    """
    uids: dict[str, dict[int, str]] = {}
    for d in write_order():
        assert d.part is not None
        lists = _load_children(conn, d, meeting_id)
        blobs = [x.field for x in declared_fields(d.part) if x.type == "bytes"]
        columns = "*" if content or not blobs else ", ".join(_stored_columns(d.table))
        query = f"SELECT {columns} FROM {d.table} WHERE {d.owner} = ? ORDER BY {d.order}"
        records = []
        for row in conn.execute(query, [meeting_id]).dicts():
            given = {name: by_owner.get(row["id"], []) for name, by_owner in lists.items()}
            given |= {name: content(row) if content else None for name in blobs}
            records.append(from_row(d.part, row, uids, **given))
        setattr(m, d.field, records)
        if _has_id(d):
            uids[d.table] = {r.id: r.uid for r in records}


def _load_children(conn: Connection, d: Declared, meeting_id: int) -> dict[str, dict[int, list]]:
    """Each part's own lists (presenters, parties), by field and by the part's row id."""
    assert d.part is not None
    found: dict[str, dict[int, list]] = {}
    for child in declared_fields(d.part):
        if child.kind not in ("refs", "parts"):
            continue
        table = child.link if child.kind == "refs" else child.table
        picked = f"c.{child.owner}, c.{child.key}" if child.kind == "refs" else "c.*"
        order = "position" if child.kind == "refs" else child.order
        query = (
            f"SELECT {picked} FROM {table} c JOIN {d.table} x ON x.id = c.{child.owner} "
            f"WHERE x.{d.owner} = ? ORDER BY c.{child.owner}, c.{order}"
        )
        by_owner: dict[int, list] = found.setdefault(child.field, {})
        for row in conn.execute(query, [meeting_id]).dicts():
            item = row[child.key] if child.kind == "refs" else from_row(child.part, row)
            by_owner.setdefault(row[child.owner], []).append(item)
    return found


@cache
def _stored_columns(table: str) -> tuple[str, ...]:
    """A part table's columns but its bytes (a file's, kept in the row before photos moved out)."""
    return tuple(c.name for c in tables.table(table).columns if c.type != "BLOB")


def delete_parts(conn: Connection, meeting_id: int) -> None:
    """Delete every part of meeting ``meeting_id``, those others name last."""
    for d in reversed(write_order()):
        assert d.part is not None
        for child in declared_fields(d.part):
            if child.kind in ("refs", "parts"):
                table = child.link if child.kind == "refs" else child.table
                conn.execute(
                    f"DELETE FROM {table} WHERE {child.owner} IN "
                    f"(SELECT id FROM {d.table} WHERE {d.owner} = ?)",
                    [meeting_id],
                )
        conn.execute(f"DELETE FROM {d.table} WHERE {d.owner} = ?", [meeting_id])


def _part_row(
    conn: Connection, d: Declared, meeting_id: int, n: int, part: Any, ids: SiblingIds
) -> dict[str, Any]:
    row = to_row(part, ids)
    if not d.standalone:
        row[d.owner] = meeting_id
    row[d.order] = n
    if isinstance(part, MeetingFile) and part.data is not None:
        row.update(_content(conn, part.data, part.media_type))
    return row


def _sync_children(conn: Connection, d: Declared, records: list[Any], ids: dict[str, int]) -> None:
    """Each part's own lists (a presentation's presenters, a decision's parties), those of
    all the meeting's parts read in one query a list (one a part was a round trip each to a
    team database)."""
    assert d.part is not None
    for child in declared_fields(d.part):
        if child.kind not in ("refs", "parts") or not records:
            continue
        if child.kind == "refs":
            table, columns = child.link, (child.key,)
        else:
            table, columns = child.table, _columns(child)
        owners = [ids[record.uid] for record in records]
        stored = _stored_lists(conn, table, child.owner, owners, columns)
        for record, owner in zip(records, owners, strict=True):
            items = getattr(record, child.field)
            if child.kind == "refs":
                wanted = [(x,) for x in items]
            else:
                wanted = [tuple(to_row(x).values()) for x in items]
            _sync_list(
                conn, table, child.owner, owner, columns, wanted, stored=stored.get(owner, [])
            )


def _stored_lists(
    conn: Connection, table: str, key: str, owners: list[int], columns: tuple[str, ...]
) -> dict[int, list[tuple[Any, ...]]]:
    """The stored lists of ``owners`` (their ``columns``, in order), by owner."""
    found: dict[int, list[tuple[Any, ...]]] = {}
    rows = conn.execute(
        f"SELECT {key}, {', '.join(columns)} FROM {table} "
        f"WHERE {key} IN ({dialect.listed(conn, numbers=True)}) ORDER BY {key}, position",
        [json.dumps(owners)],
    )
    for owner, *values in rows:
        found.setdefault(owner, []).append(tuple(values))
    return found


def _delete_children(conn: Connection, d: Declared, gone: list[int]) -> None:
    assert d.part is not None
    for child in declared_fields(d.part):
        table = child.link if child.kind == "refs" else child.table
        if child.kind in ("refs", "parts"):
            _delete(conn, table, gone, child.owner)


@cache
def _columns(d: Declared) -> tuple[str, ...]:
    assert d.part is not None
    return column_names(d.part)


def _content(conn: Connection, data: bytes, media_type: str | None = None) -> dict[str, Any]:
    """The columns that hold a file's bytes: a file beside the database, the team database's
    table of photos by their hash (``engines/postgres_photos.py``), or (in memory) the row."""
    if conn.engine != "sqlite":
        from eventdesk.store.engines import postgres_photos

        return {
            "data": b"",
            "size": len(data),
            "sha256": postgres_photos.put(conn, data, media_type),
        }
    from eventdesk.store import media  # the photos' files, written when one is (not at start)

    if media.database_file(conn) is None:
        return {"data": data, "size": len(data), "sha256": media.digest(data)}
    return {"data": b"", "size": len(data), "sha256": media.write_photo(conn, data)}


def _sync(
    conn: Connection, table: str, owner: str, owner_id: int, rows: list[dict[str, Any]]
) -> tuple[dict[str, int], list[int]]:
    """Insert and update (changed columns only), keyed by uid.

    Returns uid -> row id, and the ids of stored rows no longer listed, for the
    caller to delete in a safe order.
    """
    found = conn.execute(f"SELECT * FROM {table} WHERE {owner} = ?", [owner_id]).dicts()
    stored = {r["uid"]: r for r in found}
    ids: dict[str, int] = {}
    new: list[dict[str, Any]] = []
    for row in rows:
        old = stored.get(row["uid"])
        if old is None:
            if table == "files" and "sha256" not in row:
                raise StoreError(f"The file {row['original_name']!r} has no content to store.")
            new.append(row)
            continue
        changed = {k: v for k, v in row.items() if old.get(k) != v}
        if changed:
            assignments = ", ".join(f"{k} = ?" for k in changed)
            conn.execute(
                f"UPDATE {table} SET {assignments} WHERE id = ?", [*changed.values(), old["id"]]
            )
        ids[row["uid"]] = old["id"]
    ids |= _insert_new(conn, table, new)
    gone = [old["id"] for uid, old in stored.items() if uid not in ids]
    return ids, gone


#: The most values one INSERT of many rows binds (SQLite allows 32,766, PostgreSQL 65,535).
MOST_VALUES = 30_000


def _insert_new(conn: Connection, table: str, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert new part rows, many to a statement; uid -> new row id.

    One INSERT of many rows rather than one a row (on a team database one statement for
    all: ``rows.insert_json``): a partner's attendee list of 5,000 new attendances was
    5,000 statements, each a round trip to a team database's server."""
    ids: dict[str, int] = {}
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        by_columns.setdefault(tuple(row), []).append(row)
    for columns, same in by_columns.items():
        if conn.engine == "postgresql":
            ids.update(insert_json(conn, table, same, returning="uid, id"))
            continue
        marks = "(" + ", ".join("?" * len(columns)) + ")"
        size = max(1, MOST_VALUES // len(columns))
        for start in range(0, len(same), size):
            batch = same[start : start + size]
            sql = (
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES {', '.join(marks for _ in batch)} RETURNING uid, id"
            )
            params = [value for row in batch for value in row.values()]
            ids.update(conn.execute(sql, params).fetchall())
    return ids


def _delete(conn: Connection, table: str, ids: list[int], column: str = "id") -> None:
    """Delete the rows of ``table`` whose ``column`` is one of ``ids``, in one statement (one
    a row was a round trip each to a team database)."""
    if ids:
        conn.execute(
            f"DELETE FROM {table} WHERE {column} IN ({dialect.listed(conn, numbers=True)})",
            [json.dumps(ids)],
        )


def _sync_list(
    conn: Connection,
    table: str,
    key: str,
    owner: int,
    columns: tuple[str, ...],
    wanted: list[tuple[Any, ...]],
    *,
    order: str = "position",
    stored: list[tuple[Any, ...]] | None = None,
) -> None:
    """A part's small ordered list (presenters, parties): rewritten only when it changed
    from what is ``stored`` (read here unless given)."""
    cols = ", ".join(columns)
    if stored is None:
        stored = [
            tuple(row)
            for row in conn.execute(
                f"SELECT {cols} FROM {table} WHERE {key} = ? ORDER BY {order}", [owner]
            )
        ]
    if stored == wanted:
        return
    conn.execute(f"DELETE FROM {table} WHERE {key} = ?", [owner])
    marks = ", ".join("?" * (len(columns) + 2))
    conn.executemany(
        f"INSERT INTO {table} ({key}, {order}, {cols}) VALUES ({marks})",
        [[owner, position, *values] for position, values in enumerate(wanted)],
    )


def _sync_list_of(conn: Connection, d: Declared, owner_id: int, records: list[Any]) -> None:
    """Parts without an id of their own: keyed by ``d.key`` (a meeting's hosts by the
    organisation) and changed in place, or else a list rewritten when it changed."""
    rows = [to_row(x) for x in records]
    if not d.key:
        wanted = [tuple(r.values()) for r in rows]
        _sync_list(conn, d.table, d.owner, owner_id, _columns(d), wanted, order=d.order)
        return
    columns = (*(c for c in _columns(d) if c != d.key), d.order)
    cols = ", ".join(columns)
    stored = {
        key: tuple(values)
        for key, *values in conn.execute(
            f"SELECT {d.key}, {cols} FROM {d.table} WHERE {d.owner} = ?", [owner_id]
        )
    }
    wanted = {r[d.key]: (*(v for c, v in r.items() if c != d.key), n) for n, r in enumerate(rows)}
    where = f"WHERE {d.owner} = ? AND {d.key} = ?"
    for key in stored.keys() - wanted.keys():
        conn.execute(f"DELETE FROM {d.table} {where}", [owner_id, key])
    for key, values in wanted.items():
        if key not in stored:
            marks = ", ".join("?" * (len(columns) + 2))
            conn.execute(
                f"INSERT INTO {d.table} ({d.owner}, {d.key}, {cols}) VALUES ({marks})",
                [owner_id, key, *values],
            )
        elif stored[key] != values:
            assignments = ", ".join(f"{c} = ?" for c in columns)
            conn.execute(f"UPDATE {d.table} SET {assignments} {where}", [*values, owner_id, key])


def course_row(c: CourseEntry) -> dict[str, Any]:
    """A course's row (the register saves one alone): its columns without its place."""
    return to_row(c)
