"""Unfinished copies (``.partial``, ``.restoring``) a killed process left are removed at the
next start, and only those: a copy another EventDesk is still writing stays.
"""

from __future__ import annotations

from tests.store.safety.faults import kill_when_paused, while_running

from eventdesk.store import EventStore, backups, partials

BACKUP_UNTIL = """
from pathlib import Path
from eventdesk.store import EventStore
store = EventStore.open(sys.argv[1], verify=False)
target = Path(sys.argv[2]) if len(sys.argv) > 2 else None  # else a manual one in backups/
store.files.backup(target, progress=lambda done, total: pause())
"""


def unfinished(db_path) -> list[str]:
    folder = backups.backup_folder(db_path)
    return sorted(p.name for p in folder.iterdir() if ".partial" in p.name)


def test_a_killed_backups_partial_file_is_removed_at_the_next_start(sample_store, db_path):
    sample_store.close()
    kill_when_paused(BACKUP_UNTIL, db_path)
    left = unfinished(db_path)
    assert any(name.endswith(".sqlite3.partial") for name in left), left
    assert backups.list_backups(db_path) == []

    EventStore.open(db_path).close()

    assert unfinished(db_path) == []


def test_a_killed_backup_to_a_file_leaves_nothing_the_next_backup_there_minds(
    sample_store, db_path, tmp_path
):
    sample_store.close()
    target = tmp_path / "usb" / "office.sqlite3"
    kill_when_paused(BACKUP_UNTIL, db_path, target)
    assert (tmp_path / "usb" / "office.sqlite3.partial").exists()
    assert not target.exists()

    with EventStore.open(db_path) as store:
        store.files.backup(target)

    assert sorted(p.name for p in target.parent.iterdir() if p.is_file()) == ["office.sqlite3"]


HOLD_PARTIAL = """
import sys
from pathlib import Path
from eventdesk.store import partials
path = Path(sys.argv[1])
with partials.writing(path):
    path.write_bytes(b"half a backup")
    print("writing", flush=True)
    sys.stdin.readline()
"""


def test_a_partial_file_another_process_is_writing_is_left_alone(sample_store, db_path):
    sample_store.close()
    folder = backups.backup_folder(db_path)
    folder.mkdir(exist_ok=True)
    partial = folder / "eventdesk-20260101-090000-manual.sqlite3.partial"
    with while_running(HOLD_PARTIAL, partial, ready="writing") as writer:
        EventStore.open(db_path).close()
        assert partial.read_bytes() == b"half a backup"
    assert writer.returncode == 0
    EventStore.open(db_path).close()  # its writer is gone now
    assert not partial.exists()


def test_only_this_databases_unfinished_files_are_swept(sample_store, db_path):
    sample_store.close()
    folder = backups.backup_folder(db_path)
    folder.mkdir(exist_ok=True)
    mine = folder / "eventdesk-20260101-090000-daily.sqlite3.partial"
    other = folder / "eventdesk-2-20260101-090000-daily.sqlite3.partial"
    staging = partials.restoring(db_path)
    for path in (mine, other, staging):
        path.write_bytes(b"half")

    EventStore.open(db_path).close()

    assert not mine.exists() and not staging.exists()
    assert other.exists()  # "eventdesk-2"'s, swept when that database opens
