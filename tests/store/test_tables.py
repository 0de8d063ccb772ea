"""The tables derived from the records' declarations are the tables the migrations build.

Given a new database file, migrated to the latest schema, when each table's columns, primary key
and foreign keys are read back from SQLite (PRAGMA table_info, PRAGMA foreign_key_list), then
they are exactly what ``store/tables.py`` derives from ``records/fields.py``: a field declared
without its migration, or a column migrated without its declaration, fails here.
"""

from __future__ import annotations

import dataclasses

import pytest

from eventdesk.records import Attendance, Meeting
from eventdesk.records.fields import declared, declared_fields, text
from eventdesk.store import tables
from eventdesk.store.tables import Column, ForeignKey

#: Tables that hold no record: the store's own settings and drafts, and the search indexes.
NOT_RECORDS = {"drafts", "settings", "search_dirty", "search_keys"}


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
