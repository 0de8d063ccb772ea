"""Truncated, corrupted and swapped files: each gets its message, and no byte is changed."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.conftest import SAMPLE

from eventdesk.records import Person
from eventdesk.store import (
    DatabaseDamaged,
    EventStore,
    NewerSchemaError,
    NotAnEventDeskDatabase,
    StoreError,
)
from eventdesk.store.interchange import import_file


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.sqlite3"
    with EventStore.open(path) as store:
        import_file(store, SAMPLE)
    return path


def damaged_copy(good: Path, name: str, damage) -> Path:
    path = good.with_name(name)
    shutil.copy(good, path)
    damage(path)
    return path


def truncate(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def scramble_page(number: int):
    def damage(path: Path) -> None:
        with path.open("r+b") as fh:
            fh.seek((number - 1) * 4096)
            fh.write(b"\x07" * 16)

    return damage


def leaves_no_trace(path: Path) -> list[str]:
    return sorted(
        p.name
        for p in path.parent.iterdir()
        if p.name.startswith(path.name + "-") or p.name == path.name + ".lock"
    )


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (truncate, "is damaged (database disk image is malformed)"),
        (scramble_page(2), "is damaged"),
        (scramble_page(8), "is damaged"),
    ],
    ids=["truncated", "page 2 scrambled", "page 8 scrambled"],
)
def test_a_damaged_database_is_reported_with_the_way_out_and_not_written(
    good_file, damage, message
):
    path = damaged_copy(good_file, "damaged.sqlite3", damage)
    before = path.read_bytes()
    with pytest.raises(DatabaseDamaged) as refused:
        EventStore.open(path)
    assert message in str(refused.value)
    assert "Restore it from a backup" in str(refused.value)
    assert path.read_bytes() == before
    assert leaves_no_trace(path) == []


def test_a_header_overwritten_with_text_is_not_a_database(good_file):
    path = damaged_copy(
        good_file, "x.sqlite3", lambda p: p.write_bytes(b"PK\x03\x04" + p.read_bytes()[4:])
    )
    before = path.read_bytes()
    with pytest.raises(NotAnEventDeskDatabase, match="not an SQLite file"):
        EventStore.open(path)
    assert path.read_bytes() == before


def test_another_programs_database_swapped_in_is_refused(good_file, tmp_path):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE photos (path TEXT)")
    conn.commit()
    conn.close()
    os.replace(other, good_file)  # someone saved another program's file under our name
    before = good_file.read_bytes()
    with pytest.raises(NotAnEventDeskDatabase, match="another program"):
        EventStore.open(good_file)
    assert good_file.read_bytes() == before


def test_a_newer_programs_database_swapped_in_is_refused(good_file):
    conn = sqlite3.connect(good_file)
    conn.execute("PRAGMA user_version = 42")
    conn.commit()
    conn.close()
    before = good_file.read_bytes()
    with pytest.raises(NewerSchemaError, match="Update EventDesk"):
        EventStore.open(good_file)
    assert good_file.read_bytes() == before


def test_check_reports_problems_sqlite_would_not(good_file):
    conn = sqlite3.connect(good_file)
    conn.execute("UPDATE files SET data = x'', sha256 = NULL WHERE id = 1")
    conn.commit()
    conn.close()
    with EventStore.open(good_file) as store:
        problems = store.files.check()
    assert any("file 1 of meeting 1 has no content" in p for p in problems)


def test_a_check_in_the_background_finds_the_same_damage(good_file):
    from eventdesk.store.database import verify_file

    assert verify_file(good_file) is None
    path = damaged_copy(good_file, "late.sqlite3", scramble_page(8))
    with EventStore.open(path, verify=False) as store:  # the window opens at once...
        found = verify_file(path)  # ...and the check runs beside it
        assert found is not None and "is damaged" in str(found)
        store.refuse_writes()
        with pytest.raises(StoreError, match="read-only"):
            store.people.save(Person("Late", "Save"))


def test_check_names_a_meeting_searches_cannot_find(good_file):
    conn = sqlite3.connect(good_file)
    conn.execute("DELETE FROM search_keys")
    conn.commit()
    conn.close()
    with EventStore.open(good_file) as store:
        problems = store.files.check()
    assert any("has no search document" in p for p in problems)
