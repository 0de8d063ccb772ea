"""The tables derived from the records' declarations are the tables the migrations build.

Given a new database file, migrated to the latest schema, when each table's columns, primary key
and foreign keys are read back from SQLite (PRAGMA table_info, PRAGMA foreign_key_list), then
they are exactly what ``store/tables.py`` derives from ``records/fields.py``: a field declared
without its migration, or a column migrated without its declaration, fails here.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from eventdesk.records import (
    Attendance,
    CourseEntry,
    Decision,
    Meeting,
    Person,
    Presentation,
    Session,
)
from eventdesk.records.fields import declared, declared_fields, searched_fields, text
from eventdesk.store import fts, tables
from eventdesk.store.tables import Column, ForeignKey

#: Tables that hold no record: the store's own settings and drafts, the search indexes, and
#: the history and editing marks (``tables.STORE_TABLES``, compared below).
NOT_RECORDS = {"drafts", "settings", "search_dirty", "search_keys", "history", "editing"}


def _migrated_tables(db) -> set[str]:
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {
        n
        for n in names
        if n not in NOT_RECORDS and "_fts" not in n and not n.startswith("meeting_search")
    }


def _as_migrated(db, name: str) -> tables.Table:
    info = db.execute(f"PRAGMA table_info({name})").fetchall()
    columns = tuple(Column(c[1], c[2], bool(c[3])) for c in info)
    primary_key = tuple(c[1] for c in sorted((c for c in info if c[5]), key=lambda c: c[5]))
    keys = tuple(
        ForeignKey(k[3], k[2], k[4]) for k in db.execute(f"PRAGMA foreign_key_list({name})")
    )
    return tables.Table(name, columns, primary_key, keys)


def test_every_record_table_the_migrations_build_is_derived(fresh_store):
    assert _migrated_tables(fresh_store.db) == set(tables.tables())


@pytest.mark.parametrize("name", sorted(tables.tables()))
def test_a_derived_table_equals_the_migrated_one(fresh_store, name):
    derived = tables.table(name)
    migrated = _as_migrated(fresh_store.db, name)
    assert sorted(derived.columns, key=lambda c: c.name) == sorted(
        migrated.columns, key=lambda c: c.name
    )
    assert derived.primary_key == migrated.primary_key
    assert set(derived.foreign_keys) == set(migrated.foreign_keys)


@pytest.mark.parametrize("table", tables.STORE_TABLES, ids=lambda t: t.name)
def test_the_store_tables_both_engines_share_equal_the_migrated_ones(fresh_store, table):
    """The history and the editing marks: the file's migration and ``tables.py`` agree, so
    a team database (made from ``tables.py``) holds the same."""
    migrated = _as_migrated(fresh_store.db, table.name)
    assert sorted(table.columns, key=lambda c: c.name) == sorted(
        migrated.columns, key=lambda c: c.name
    )
    assert table.primary_key == migrated.primary_key
    indexed = {
        tuple(c[2] for c in fresh_store.db.execute(f"PRAGMA index_info({i[1]})"))
        for i in fresh_store.db.execute(f"PRAGMA index_list({table.name})")
        if i[3] == "c"  # made by CREATE INDEX, not a key's own
    }
    assert indexed == set(table.indexes)


def test_a_field_declared_without_its_migration_would_be_caught(fresh_store):
    """The comparison above is not blind: a new declared field makes a column it cannot find."""

    @dataclasses.dataclass
    class WithInterpreter(Attendance):
        interpreter_language: str = text()

    assert [d.field for d in declared_fields(WithInterpreter)][-1] == "interpreter_language"
    found: dict[str, tables.Table] = {}
    attendees = declared(Meeting, "attendees")
    tables._add(found, WithInterpreter, "attendances", owner=attendees, owner_table="meetings")
    derived = {c.name for c in found["attendances"].columns}
    migrated = {c.name for c in _as_migrated(fresh_store.db, "attendances").columns}
    assert derived ^ migrated == {"interpreter_language"}


def test_each_table_comes_after_the_tables_it_refers_to():
    """The order a second database engine creates them in, foreign keys checked at once."""
    seen: set[str] = set()
    for name, table in tables.tables().items():
        assert {k.table for k in table.foreign_keys} - {name} <= seen, name
        seen.add(name)


@pytest.mark.parametrize("table", sorted(fts.INDEXED))
def test_a_list_search_index_covers_the_fields_its_record_declares_searched(fresh_store, table):
    """A field declared ``searched`` without a migration that rebuilds the index fails here."""
    columns = tuple(c[1] for c in fresh_store.db.execute(f"PRAGMA table_info({table}_fts)"))
    assert columns == fts.INDEXED[table]


def test_a_meeting_is_found_by_every_field_it_and_its_parts_declare_searched(fresh_store):
    """Given a meeting whose every searched field (its own, its sessions', talks', courses',
    decisions' and attendees') holds a word of its own, each word finds the meeting."""
    person = fresh_store.people.save(Person("Wai", "Alexander"))
    parts = {
        Session: Session("s"),
        Presentation: Presentation(),
        CourseEntry: CourseEntry("c"),
        Decision: Decision("d"),
        Attendance: Attendance(person.id),
    }
    meeting = Meeting("m", date(2021, 12, 22))
    meeting.sessions, meeting.presentations = [parts[Session]], [parts[Presentation]]
    meeting.courses, meeting.decisions = [parts[CourseEntry]], [parts[Decision]]
    meeting.attendees = [parts[Attendance]]
    words = {}
    for record in (meeting, *parts.values()):
        for name in searched_fields(type(record)):
            word = f"zq{len(words)}x"
            setattr(record, name, [word] if name == "tags" else word)
            words[word] = f"{type(record).__name__}.{name}"
    saved = fresh_store.meetings.save(meeting)
    assert len(words) >= 20
    for word, where in words.items():
        assert [r.id for r in fresh_store.meetings.search(word)] == [saved.id], where
