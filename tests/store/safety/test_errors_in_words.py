"""No ``sqlite3`` error leaves the store: the GUI and the CLI get a StoreError worded for people.

Given a real database file, when SQLite refuses (the file was closed under a window, another
connection holds a write lock), then the caller gets :class:`StoreError` with a sentence a user
can act on, and nothing half-saved.
"""

from __future__ import annotations

import sqlite3

import pytest

from eventdesk.records import Person
from eventdesk.store import EventStore, StoreError


def test_a_closed_database_is_told_not_raised_as_sqlite(db_path):
    store = EventStore.open(db_path)
    store.close()
    with pytest.raises(StoreError, match="The database is closed") as caught:
        store.drafts.save("person", None, "WANG Wei", {"family_name": "WANG"})
    assert not isinstance(caught.value, sqlite3.Error)


def test_a_write_lock_held_elsewhere_is_told_and_nothing_is_saved(fresh_store):
    fresh_store.db.conn.execute("PRAGMA busy_timeout = 0")
    other = sqlite3.connect(fresh_store.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="busy in another program"):
            fresh_store.people.save(Person(family_name="WANG", given_name="Wei"))
    finally:
        other.rollback()
        other.close()
    assert fresh_store.people.count() == 0
