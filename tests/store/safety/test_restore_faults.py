"""Restore after a crash, and a restore killed midway: no committed change is lost.

Given a database whose last save is still only in its ``-wal`` log (the
program crashed), when it is restored from a backup, then the copy kept of
it holds that save. Given a restore killed at any of its steps, then the
database opens with all of its records (old or restored, never a mix), the
next start removes what the restore left half written, and no cut-short copy
ever stands in for a day's backup.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime

import pytest
from tests.store.safety.faults import kill_when_paused

from eventdesk.cli.main import main
from eventdesk.store import EventStore, backups
from eventdesk.store.restore import restore

SAVE_AND_CRASH = """
from eventdesk.records import Person
from eventdesk.store import EventStore
store = EventStore.open(sys.argv[1])
store.people.save(Person("Late", "Edit"))   # committed, into the log only
pause()
"""


def people_named(path, name: str) -> int:
    with EventStore.open(path, read_only=True) as store:
        return len(store.people.list(name))


@pytest.fixture
def crashed_after_a_save(sample_store, db_path, tmp_path):
    """The example database, backed up, then a save and a crash: the save is in the log only."""
    saved = sample_store.files.backup(tmp_path / "saved.sqlite3")
    sample_store.close()
    kill_when_paused(SAVE_AND_CRASH, db_path)
    log = db_path.with_name(db_path.name + "-wal")
    assert log.stat().st_size > 0
    file_alone = tmp_path / "file-alone.sqlite3"  # what a copy of the file without its log holds
    shutil.copyfile(db_path, file_alone)
    conn = sqlite3.connect(file_alone)
    assert conn.execute("SELECT count(*) FROM people WHERE family_name = 'Late'").fetchone() == (0,)
    conn.close()
    return saved


def test_restore_after_a_crash_keeps_the_last_save_in_the_copy_of_the_replaced_file(
    crashed_after_a_save, db_path, capsys
):
    status = main(["--db", str(db_path), "restore", str(crashed_after_a_save)])
    out, err = capsys.readouterr()
    assert status == 0, err
    kept = out.strip().rsplit(" kept as ", 1)[1].rstrip(".")
    assert people_named(kept, "Late") == 1  # the save the crash left in the log
    assert people_named(db_path, "Late") == 0  # the backup is back
    assert not list(db_path.parent.glob("backups/*-wal"))  # the kept copy is one file


def test_backups_of_a_file_a_crash_left_hold_its_last_save(crashed_after_a_save, db_path):
    shutil.rmtree(backups.backup_folder(db_path))  # the day's backup, taken before the save
    with EventStore.open(db_path) as store:  # the day's backup, at the start after the crash
        (daily,) = [b for b in backups.list_backups(db_path) if b.reason == "daily"]
        assert people_named(daily.path, "Late") == 1
        manual = store.files.backup()
    assert people_named(manual, "Late") == 1


RESTORE_UNTIL = """
from pathlib import Path
from eventdesk.store.restore import restore
stop_at = sys.argv[3]
restore(Path(sys.argv[1]), Path(sys.argv[2]), lambda step, *_: step == stop_at and pause())
"""


def leftovers(db_path) -> list[str]:
    folders = [db_path.parent, backups.backup_folder(db_path)]
    return sorted(
        p.name
        for folder in folders
        for p in folder.iterdir()
        if p.name.endswith((".partial", ".restoring", ".lock", "-journal"))
    )


@pytest.mark.parametrize("step", ["keep", "copy", "replace"])
def test_a_restore_killed_at_each_step_loses_nothing_and_leaves_nothing(
    crashed_after_a_save, db_path, step
):
    (daily,) = backups.list_backups(db_path)  # the day's backup, from the start before the crash

    kill_when_paused(RESTORE_UNTIL, crashed_after_a_save, db_path, step)

    found = backups.list_backups(db_path, complete_only=False)
    assert all(backups.complete(b.path) for b in found)  # nothing cut short under a backup name
    assert {b.reason for b in found} <= {"daily", "before-restore"}
    with EventStore.open(db_path) as store:  # the next start
        assert store.files.check() == []
        assert store.meetings.count() == 1
        assert [p.name for p in store.people.list("Late")] == ["LATE Edit"]  # not restored yet
        assert leftovers(db_path) == [db_path.name + ".lock"]  # only the open store's own lock
    backups.rotate(db_path)
    assert daily.path.is_file() and not backups.daily_backup_due(db_path)


def test_a_cut_short_copy_under_a_backup_name_never_stands_in_for_the_day(sample_store, db_path):
    """As a restore killed mid-copy left it before unfinished copies were named so."""
    good = sample_store.files.automatic_backup("daily")
    cut = backups.backup_path(db_path, "before-restore")
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    later = backups.backup_path(db_path, "daily", datetime(2099, 1, 1))
    later.write_bytes(good.read_bytes()[:4096])  # cut short, and newer than anything

    backups.rotate(db_path)

    assert good.is_file()
    assert not later.exists()  # a rotating copy cut short is deleted, not counted
    assert [b.path for b in backups.list_backups(db_path)] == [good]
    assert not backups.daily_backup_due(db_path)


def test_the_copy_a_restore_keeps_is_never_a_days_backup_nor_rotated(
    sample_store, db_path, tmp_path
):
    first = sample_store.files.backup(tmp_path / "elsewhere.sqlite3")
    sample_store.close()
    kept = restore(first, db_path)
    assert backups.daily_backup_due(db_path)  # the kept copy is of the file replaced
    with EventStore.open(db_path) as store:
        for _ in range(3):
            store.files.automatic_backup("before-import")
    assert kept.is_file()


def test_a_file_sqlite_cannot_read_is_kept_as_it_is_with_its_log(sample_store, db_path, tmp_path):
    saved = sample_store.files.backup(tmp_path / "saved.sqlite3")
    sample_store.close()
    data = bytearray(db_path.read_bytes())
    data[:100] = b"\0" * 100  # its header gone
    db_path.write_bytes(bytes(data))
    log = b"a log SQLite cannot read either" * 100
    db_path.with_name(db_path.name + "-wal").write_bytes(log)

    kept = restore(saved, db_path)

    assert kept.read_bytes() == bytes(data)
    assert kept.with_name(kept.name + "-wal").read_bytes() == log
    with EventStore.open(db_path) as store:
        assert store.meetings.count() == 1 and store.files.check() == []
