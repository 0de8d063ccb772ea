"""Automatic rotating backups, manual backups and restoring one."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tests.conftest import SAMPLE

from eventdesk.records import Person
from eventdesk.store import EventStore, NotAnEventDeskDatabase, backups
from eventdesk.store.interchange import import_file
from eventdesk.store.restore import restore


def fake_backup(db_path: Path, when: datetime, reason: str = "daily") -> Path:
    path = backups.backup_path(db_path, reason, when)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)  # a small but whole SQLite file
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    return path


def test_rotation_keeps_seven_days_and_four_weeks_and_every_manual_backup(tmp_path):
    db_path = tmp_path / "eventdesk.sqlite3"
    start = datetime(2026, 1, 1, 9, 0, 0)
    made = [fake_backup(db_path, start + timedelta(days=d)) for d in range(60)]
    extra_same_day = fake_backup(db_path, start + timedelta(days=59, hours=3), "before-import")
    manual = fake_backup(db_path, start, backups.MANUAL)

    deleted = backups.rotate(db_path)

    kept = {b.path for b in backups.list_backups(db_path)}
    assert manual in kept
    assert extra_same_day in kept  # newest of the newest day
    newest_days = {b.taken.date() for b in backups.list_backups(db_path) if b.automatic}
    assert len(newest_days) == 7 + 3  # 7 daily, and 3 more weeks reach back past them
    assert made[0] not in kept and made[0] in deleted
    assert made[59] in deleted  # the older backup of the newest day goes
    # the manual one, the newest of 7 days (Feb 23 to Mar 1), and Sundays of 3 older weeks
    assert len(kept) == 1 + 7 + 3
    assert {b.taken.date().isoformat() for b in backups.list_backups(db_path) if b.automatic} >= {
        "2026-02-22",
        "2026-02-15",
        "2026-02-08",
    }


def test_opening_takes_one_daily_backup_a_day(sample_store, db_path):
    sample_store.close()
    EventStore.open(db_path).close()
    EventStore.open(db_path).close()
    daily = [b for b in backups.list_backups(db_path) if b.reason == "daily"]
    assert len(daily) == 1


def test_an_import_into_a_database_with_records_backs_it_up_first(sample_store, db_path):
    import_file(sample_store, SAMPLE)
    (before_import,) = [b for b in backups.list_backups(db_path) if b.reason == "before-import"]
    with EventStore.open(before_import.path, read_only=True) as copy:
        assert copy.meetings.count() == 1


def test_a_manual_backup_is_a_consistent_copy(sample_store, tmp_path):
    target = sample_store.files.backup(tmp_path / "copy.sqlite3")
    with EventStore.open(target, read_only=True) as copy:
        assert [m.title for m in copy.meetings.list()] == [
            m.title for m in sample_store.meetings.list()
        ]


def test_restore_puts_the_backup_back_and_keeps_the_replaced_file(sample_store, db_path, tmp_path):
    saved = sample_store.files.backup(tmp_path / "saved.sqlite3")
    sample_store.people.save(Person("Later", "Added"))
    sample_store.close()

    kept = restore(saved, db_path)

    with EventStore.open(db_path) as store:
        assert store.people.list("Later") == []
        assert store.meetings.count() == 1
    with EventStore.open(kept, read_only=True) as replaced:
        assert [p.name for p in replaced.people.list("Later")] == ["LATER Added"]


def test_restore_refuses_a_file_that_is_not_an_eventdesk_database(sample_store, db_path, tmp_path):
    sample_store.close()
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("hello", encoding="utf-8")
    before = db_path.read_bytes()
    with pytest.raises(NotAnEventDeskDatabase):
        restore(bogus, db_path)
    assert db_path.read_bytes() == before
