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

from eventdesk.store.convert import now
from eventdesk.store.sqlite_db import Database

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
_OWN = {"id", "uid", "created_at", "updated_at", "deleted_at"}


@dataclass(frozen=True)
class Merge:
    """What a merge changed, enough to undo it."""

    kind: str  # "person" or "organisation"
    kept: int
    merged: int
    moved: tuple[tuple[str, str, int], ...]  # (table, column, rowid) now naming ``kept``
    removed: tuple[tuple[str, dict], ...]  # (table, whole row with its rowid) that were copies
    filled: dict[str, object]  # the kept record's columns as they were before filling

    @property
    def references(self) -> int:
        return len(self.moved) + len(self.removed)


def merge(db: Database, kind: str, kept: int, merged: int) -> Merge:
    """Make ``merged`` part of ``kept``. Call inside a transaction."""
    if kept == merged:
        raise ValueError("A record cannot be merged into itself.")
    table = TABLES[kind]
    moved: list[tuple[str, str, int]] = []
    removed: list[tuple[str, dict]] = []
    for ref_table, column, copy_key in _REFERENCES[kind]:
        rows = db.execute(
            f"SELECT rowid, * FROM {ref_table} WHERE {column} = ?", [merged]
        ).fetchall()
        names = [
            "rowid",
            *(c[0] for c in db.execute(f"SELECT * FROM {ref_table} LIMIT 0").description),
        ]
        for values in rows:
            row = dict(zip(names, values, strict=True))
            if ref_table == table and row["id"] == kept:  # the duplicate was its parent: none now
                db.execute(f"UPDATE {table} SET {column} = NULL WHERE id = ?", [kept])
                moved.append((ref_table, column, row["rowid"]))
            elif copy_key and _has_copy(db, ref_table, column, kept, copy_key, row):
                db.execute(f"DELETE FROM {ref_table} WHERE rowid = ?", [row["rowid"]])
                removed.append((ref_table, row))
            else:
                db.execute(
                    f"UPDATE {ref_table} SET {column} = ? WHERE rowid = ?", [kept, row["rowid"]]
                )
                moved.append((ref_table, column, row["rowid"]))
    filled = _fill_empty(db, table, kept, merged)
    db.execute(f"UPDATE {table} SET deleted_at = ? WHERE id = ?", [now(), merged])
    return Merge(kind, kept, merged, tuple(moved), tuple(removed), filled)


def unmerge(db: Database, done: Merge) -> None:
    """Undo :func:`merge`: every reference back, the copies again, the duplicate restored."""
    table = TABLES[done.kind]
    db.execute(f"UPDATE {table} SET deleted_at = NULL WHERE id = ?", [done.merged])
    if done.filled:
        sets = ", ".join(f"{c} = :{c}" for c in done.filled)
        db.execute(f"UPDATE {table} SET {sets} WHERE id = :id", {**done.filled, "id": done.kept})
    for ref_table, column, rowid in done.moved:
        db.execute(f"UPDATE {ref_table} SET {column} = ? WHERE rowid = ?", [done.merged, rowid])
    for ref_table, row in done.removed:
        columns = ", ".join(row)
        marks = ", ".join(f":{c}" for c in row)
        db.execute(f"INSERT INTO {ref_table} ({columns}) VALUES ({marks})", row)


def _has_copy(
    db: Database, table: str, column: str, kept: int, key: tuple[str, ...], row: dict
) -> bool:
    where = " AND ".join(f"{c} = :{c}" for c in key)
    params = {c: row[c] for c in key}
    found = db.execute(
        f"SELECT 1 FROM {table} WHERE {column} = :kept AND {where}", {**params, "kept": kept}
    ).fetchone()
    return found is not None


def _fill_empty(db: Database, table: str, kept: int, merged: int) -> dict[str, object]:
    """The kept record's empty fields take the duplicate's (a Chinese name, a short name)."""
    cursor = db.execute(f"SELECT * FROM {table} WHERE id IN (?, ?)", [kept, merged])
    names = [c[0] for c in cursor.description]
    rows = {r[0]: dict(zip(names, r, strict=True)) for r in cursor.fetchall()}
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
        db.execute(f"UPDATE {table} SET {sets} WHERE id = :id", {**fill, "id": kept})
    return {c: before[c] for c in fill}
