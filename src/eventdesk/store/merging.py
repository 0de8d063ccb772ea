"""Two records of one person or organisation made one, and made two again on undo.

Before the store offered a recorded name first, a clerk could create "Tongji
University" twice; its meetings then split between the two, and neither
page showed them all. Merging moves every reference from the duplicate to
the record kept, fills the kept record's empty fields from the duplicate,
and puts the duplicate in the trash, all in one transaction. What it
changed is returned (:class:`Merge`), so undo puts each reference back.

Where the kept record is already named beside the duplicate (both hosted
the same meeting, both attended it), the duplicate's row would be a second
copy: it is removed, and kept in the :class:`Merge` for undo.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventdesk.store import tables
from eventdesk.store.convert import now
from eventdesk.store.engines import Connection

TABLES = {"person": "people", "organisation": "organisations"}

#: (table, column naming the record, columns that with it make a row a copy, or None)
_REFERENCES: dict[str, list[tuple[str, str, tuple[str, ...] | None]]] = {
    "person": [
        ("attendances", "person_id", ("meeting_id",)),
        ("presenters", "person_id", ("presentation_id",)),
        ("sessions", "chair_id", None),
        ("decisions", "owner_id", None),
        ("decision_parties", "person_id", None),
    ],
    "organisation": [
        ("meeting_hosts", "organisation_id", ("meeting_id",)),
        ("organisation_members", "member_id", ("alliance_id",)),
        ("organisation_members", "alliance_id", ("member_id",)),
        ("organisations", "parent_id", None),
        ("people", "organisation_id", None),
        ("attendances", "organisation_id", None),
        ("courses", "institution_id", None),
        ("decision_parties", "organisation_id", None),
    ],
}
#: Columns never copied from the duplicate into the kept record.
_OWN = {"id", "uid", "created_at", "updated_at", "deleted_at", "version", "updated_by"}


#: A row by its primary key's columns and values (``tables.py``): ``(("id", 7),)``, or a link
#: table's ``(("alliance_id", 3), ("member_id", 9))``. The same on both engines, where SQLite's
#: ``rowid`` is a file's alone.
Key = tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class Merge:
    """What a merge changed, enough to undo it."""

    kind: str  # "person" or "organisation"
    kept: int
    merged: int
    moved: tuple[tuple[str, str, Key], ...]  # (table, column, the row's key) now naming ``kept``
    removed: tuple[tuple[str, dict], ...]  # (table, whole row) that were copies
    filled: dict[str, object]  # the kept record's columns as they were before filling

    @property
    def references(self) -> int:
        return len(self.moved) + len(self.removed)


def _key(table: str, row: dict) -> Key:
    return tuple((c, row[c]) for c in tables.table(table).primary_key)


def _where(key: Key) -> tuple[str, list[object]]:
    return " AND ".join(f"{c} = ?" for c, _ in key), [v for _, v in key]


def _moved_key(key: Key, column: str, value: int) -> Key:
    """The row's key once its ``column`` names ``value`` (a link table's key holds it)."""
    return tuple((c, value if c == column else v) for c, v in key)


def merge(conn: Connection, kind: str, kept: int, merged: int) -> Merge:
    """Make ``merged`` part of ``kept``. Call inside a transaction."""
    if kept == merged:
        raise ValueError("A record cannot be merged into itself.")
    table = TABLES[kind]
    moved: list[tuple[str, str, Key]] = []
    removed: list[tuple[str, dict]] = []
    for ref_table, column, copy_key in _REFERENCES[kind]:
        rows = conn.execute(f"SELECT * FROM {ref_table} WHERE {column} = ?", [merged]).dicts()
        for row in rows:
            key = _key(ref_table, row)
            where, values = _where(key)
            if ref_table == table and row["id"] == kept:  # the duplicate was its parent: none now
                conn.execute(f"UPDATE {table} SET {column} = NULL WHERE id = ?", [kept])
                moved.append((ref_table, column, key))
            elif copy_key and _has_copy(conn, ref_table, column, kept, copy_key, row):
                conn.execute(f"DELETE FROM {ref_table} WHERE {where}", values)
                removed.append((ref_table, row))
            else:
                conn.execute(f"UPDATE {ref_table} SET {column} = ? WHERE {where}", [kept, *values])
                moved.append((ref_table, column, _moved_key(key, column, kept)))
    filled = _fill_empty(conn, table, kept, merged)
    conn.execute(f"UPDATE {table} SET deleted_at = ? WHERE id = ?", [now(), merged])
    return Merge(kind, kept, merged, tuple(moved), tuple(removed), filled)


def unmerge(conn: Connection, done: Merge) -> None:
    """Undo :func:`merge`: every reference back, the copies again, the duplicate restored."""
    table = TABLES[done.kind]
    conn.execute(f"UPDATE {table} SET deleted_at = NULL WHERE id = ?", [done.merged])
    if done.filled:
        sets = ", ".join(f"{c} = :{c}" for c in done.filled)
        conn.execute(f"UPDATE {table} SET {sets} WHERE id = :id", {**done.filled, "id": done.kept})
    for ref_table, column, key in done.moved:
        where, values = _where(key)
        conn.execute(f"UPDATE {ref_table} SET {column} = ? WHERE {where}", [done.merged, *values])
    for ref_table, row in done.removed:
        columns = ", ".join(row)
        marks = ", ".join(f":{c}" for c in row)
        conn.execute(f"INSERT INTO {ref_table} ({columns}) VALUES ({marks})", row)


def _has_copy(
    conn: Connection, table: str, column: str, kept: int, key: tuple[str, ...], row: dict
) -> bool:
    where = " AND ".join(f"{c} = :{c}" for c in key)
    params = {c: row[c] for c in key}
    found = conn.execute(
        f"SELECT 1 FROM {table} WHERE {column} = :kept AND {where}", {**params, "kept": kept}
    ).fetchone()
    return found is not None


def _fill_empty(conn: Connection, table: str, kept: int, merged: int) -> dict[str, object]:
    """The kept record's empty fields take the duplicate's (a Chinese name, a short name)."""
    found = conn.execute(f"SELECT * FROM {table} WHERE id IN (?, ?)", [kept, merged])
    names = found.columns
    rows = {r["id"]: r for r in found.dicts()}
    before, other = rows[kept], rows[merged]
    fill = {
        c: other[c]
        for c in names
        if c not in _OWN
        and before[c] in (None, "")
        and other[c] not in (None, "")
        and not (c == "parent_id" and other[c] == kept)
    }
    if fill:
        sets = ", ".join(f"{c} = :{c}" for c in fill)
        conn.execute(f"UPDATE {table} SET {sets} WHERE id = :id", {**fill, "id": kept})
    return {c: before[c] for c in fill}
