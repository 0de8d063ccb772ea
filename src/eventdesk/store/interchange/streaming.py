"""Writing the whole database to an interchange file a record at a time.

Ten years of an office are tens of thousands of people and gigabytes of
photos: building the whole document in memory, as ``export_database`` does
for small ones, costs the memory of all of them at once. Here the order of
the document (the same as ``export_database``'s, byte for byte) is worked out
from ids and sort keys alone; people and organisations are then read in
batches and meetings one at a time, each with its photo bytes, and written
as they are read. Nothing else holds more than a batch.

Long, so made to run in a worker thread: ``progress(done, total)`` is called
as records are written, and ``cancelled()`` is asked between them; a
cancelled export raises :class:`ExportCancelled` and leaves no file. The
store passed must belong to the calling thread (open a read-only
``EventStore`` on the same file there).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from eventdesk import __version__
from eventdesk.records import CourseEntry, Meeting
from eventdesk.store.errors import StoreError
from eventdesk.store.interchange.access import RecordReader
from eventdesk.store.interchange.declared import exchanged
from eventdesk.store.interchange.exporter import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Keys,
    record_document,
)
from eventdesk.store.meetings import course_from_row

BATCH = 500
Progress = Callable[[int, int], None]

#: (table, alias, the column naming its owner's row) from a part up to its record
_Path = list[tuple[str, str, str]]


def named_sql(table: str) -> str:
    """The ids of ``table`` ("people", "organisations") the file must carry: the live ones, and
    those a live meeting's parts or a course of the register name, found by the declarations."""
    selects = [f"SELECT id FROM {table} WHERE deleted_at IS NULL"]
    selects += _naming(Meeting, [("meetings", "r", "")], "r.deleted_at IS NULL", table)
    selects += _naming(CourseEntry, [("courses", "r", "")], "r.meeting_id IS NULL", table)
    return "\nUNION ".join(selects)


def _naming(cls: type, path: _Path, where: str, table: str) -> list[str]:
    """A SELECT for each field of ``cls`` (at the end of ``path``) or its parts naming ``table``."""
    _table, alias, _owner = path[-1]
    selects = []
    for d in exchanged(cls):
        if d.kind == "parts" and d.part is not None:
            part = [*path, (d.table, f"p{len(path)}", d.owner)]
            selects += _naming(d.part, part, where, table)
        elif d.kind == "refs" and d.table == table:
            link = [*path, (d.link, "l", d.owner)]
            selects.append(f"SELECT l.{d.key} FROM {_joined(link)} WHERE {where}")
        elif d.kind == "ref" and d.table == table and not d.sibling:
            column = f"{alias}.{d.column}"
            selects.append(
                f"SELECT {column} FROM {_joined(path)} WHERE {where} AND {column} IS NOT NULL"
            )
    return selects


def _joined(path: _Path) -> str:
    """``FROM`` the last of ``path``, joined to each one above it up to the record."""
    table, alias, _owner = path[-1]
    joins = [f"{table} {alias}"]
    for (up_table, up_alias, _), (_t, below, owner) in zip(
        reversed(path[:-1]), reversed(path[1:]), strict=True
    ):
        joins.append(f"JOIN {up_table} {up_alias} ON {up_alias}.id = {below}.{owner}")
    return " ".join(joins)


class ExportCancelled(StoreError):
    """The user stopped the export; no file was written."""


def write_database(
    store: RecordReader,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the whole database to ``path`` (beside, then renamed); return the records written."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    try:
        with open(partial, "w", encoding="utf-8", newline="\n") as fh:
            count = _write(store, fh, progress or (lambda done, total: None), cancelled)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"Cannot write {path}: {exc}.") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count


def _write(
    store: RecordReader, fh: IO[str], progress: Progress, cancelled: Callable[[], bool] | None
) -> int:
    db = store.connection  # a file's or a team database's, the same SQL
    person_ids = {r[0] for r in db.execute(named_sql("people"))}
    person_rows = _select(
        db, "id, uid, family_name, given_name, organisation_id", "people", person_ids
    )
    org_ids = {r[0] for r in db.execute(named_sql("organisations"))}
    org_ids |= {r[4] for r in person_rows if r[4] is not None}
    org_ids = _with_relations(db, org_ids)
    org_rows = _select(db, "id, uid, name, name_zh", "organisations", org_ids)
    keys = Keys({r[0]: r[1] for r in person_rows}, {r[0]: r[1] for r in org_rows})
    people_order = [
        r[0]
        for r in sorted(
            person_rows, key=lambda r: ((r[2] or "").casefold(), (r[3] or "").casefold(), r[1])
        )
    ]
    org_order = [
        r[0] for r in sorted(org_rows, key=lambda r: ((r[2] or "").casefold(), r[3] or "", r[1]))
    ]
    meeting_order = [
        r[0]
        for r in db.execute(
            "SELECT id FROM meetings WHERE deleted_at IS NULL "
            "ORDER BY coalesce(start_date, ''), uid"
        )
    ]
    loose = [
        course_from_row(row)
        for row in db.execute("SELECT * FROM courses WHERE meeting_id IS NULL").dicts()
    ]
    loose.sort(key=lambda c: (c.year or 0, c.uid))
    total = len(org_order) + len(people_order) + len(meeting_order) + len(loose)
    done = 0

    def step(items: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        nonlocal done
        for item in items:
            if cancelled is not None and cancelled():
                raise ExportCancelled("The export was stopped; no file was written.")
            yield item
            done += 1
            if done % 50 == 0 or done == total:
                progress(done, total)

    def organisations() -> Iterator[dict[str, Any]]:
        for batch in _batches(org_order):
            found = store.organisations.get_many(batch)
            yield from (record_document(found[i], keys) for i in batch)

    def people() -> Iterator[dict[str, Any]]:
        for batch in _batches(people_order):
            found = store.people.get_many(batch)
            yield from (record_document(found[i], keys) for i in batch)

    def meetings() -> Iterator[dict[str, Any]]:
        for mid in meeting_order:  # one at a time: only its own photos are in memory
            yield record_document(store.meetings.get(mid, with_file_data=True), keys)

    progress(0, total)
    fh.write("{\n")
    for name, value in (
        ("format", FORMAT_NAME),
        ("version", FORMAT_VERSION),
        ("scope", "database"),
        ("generator", f"EventDesk {__version__}"),
    ):
        fh.write(f"  {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)},\n")
    _list(fh, "organisations", step(organisations()))
    fh.write(",\n")
    _list(fh, "people", step(people()))
    fh.write(",\n")
    _list(fh, "meetings", step(meetings()))
    fh.write(",\n")
    _list(fh, "courses", step(record_document(c, keys) for c in loose))
    fh.write("\n}\n")
    return done


def _list(fh: IO[str], name: str, items: Iterator[dict[str, Any]]) -> None:
    """``"name": [...]`` laid out exactly as ``json.dumps(..., indent=2)`` lays it out."""
    fh.write(f"  {json.dumps(name)}: [")
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        fh.write(("\n    " if first else ",\n    ") + text)
        first = False
    fh.write("]" if first else "\n  ]")


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def _select(db, columns: str, table: str, ids: set[int]) -> list[tuple]:
    wanted = sorted(ids)
    rows: list[tuple] = []
    for batch in _batches(wanted):
        marks = ",".join("?" * len(batch))
        rows += db.execute(f"SELECT {columns} FROM {table} WHERE id IN ({marks})", batch).fetchall()
    return rows


def _with_relations(db, ids: set[int]) -> set[int]:
    """The organisations, their parents and (for alliances) their members, transitively."""
    parent = dict(db.execute("SELECT id, parent_id FROM organisations").fetchall())
    members: dict[int, list[int]] = {}
    for alliance, member in db.execute("SELECT alliance_id, member_id FROM organisation_members"):
        members.setdefault(alliance, []).append(member)
    found: set[int] = set()
    todo = list(ids)
    while todo:
        oid = todo.pop()
        if oid in found or oid not in parent:
            continue
        found.add(oid)
        todo += [x for x in [parent[oid], *members.get(oid, [])] if x and x not in found]
    return found
