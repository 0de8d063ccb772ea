"""Files that are not EventDesk databases are refused and left exactly as they were."""

import sqlite3

import pytest

from eventdesk.store import (
    DatabaseUnavailable,
    EventStore,
    NewerSchemaError,
    NotAnEventDeskDatabase,
)


def test_a_text_file_is_refused_and_not_touched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"minutes of the meeting\n" * 10)
    before = path.read_bytes()
    with pytest.raises(NotAnEventDeskDatabase, match="not an SQLite file"):
        EventStore.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_another_programs_database_is_refused_and_not_touched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAnEventDeskDatabase, match="another program"):
        EventStore.open(path)
    assert path.read_bytes() == before


def test_a_newer_schema_is_refused(db_path):
    EventStore.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer EventDesk"):
        EventStore.open(db_path)
    assert db_path.read_bytes() == before


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(DatabaseUnavailable, match="does not exist"):
        EventStore.open(tmp_path / "nowhere" / "x.sqlite3")


def test_an_empty_file_is_refused_and_left_empty(tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with pytest.raises(NotAnEventDeskDatabase, match=r"empty file \(0 bytes\)"):
        EventStore.open(path)
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite3"]


def test_a_new_database_opened_twice_while_its_changes_are_in_the_log(db_path):
    first = EventStore.open(db_path)
    try:
        second = EventStore.open(db_path, read_only=True)  # the header on disk is not written yet
        assert second.meetings.count() == 0
        second.close()
        third = EventStore.open(db_path)  # in the same process: shares the lock
        third.close()
    finally:
        first.close()
