"""An upgrade killed midway, taken up again at the next start: the copy of the file as the
older EventDesk left it is still there afterwards, and every record is upgraded.

The points are chosen by migration, counted from the file's version and the
newest this program knows, so the test holds when later migrations are added.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.store.safety.faults import kill_when_paused

from eventdesk.store import EventStore, backups, migrations

V1 = Path(__file__).parents[1] / "data" / "eventdesk-v1.sqlite3"

UPGRADE_UNTIL = """
from eventdesk.store import EventStore, migrations, snapshots
point = sys.argv[2]
if point == "copy":  # the before-migration copy half written
    snapshots.take_log_in = pause
else:  # inside migration N's transaction, its work done, not committed
    n = int(point)
    step = migrations.MIGRATIONS[n - 1]
    migrations.MIGRATIONS[n - 1] = lambda db: (step(db), pause())
EventStore.open(sys.argv[1])
"""


def version_of(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[60:64], "big")


def first_copies(db_path: Path) -> list[backups.Backup]:
    """The copies of the file as version 1 left it."""
    return [
        b
        for b in backups.list_backups(db_path)
        if b.reason == backups.BEFORE_MIGRATION and version_of(b.path) == 1
    ]


POINTS = ["copy", "2", str(migrations.LATEST_VERSION // 2 + 1), str(migrations.LATEST_VERSION)]


@pytest.mark.parametrize("point", POINTS)
def test_an_upgrade_killed_midway_keeps_the_copy_of_the_older_file(tmp_path, point):
    db_path = tmp_path / "office.sqlite3"
    shutil.copy(V1, db_path)

    kill_when_paused(UPGRADE_UNTIL, db_path, point)

    with EventStore.open(db_path) as store:  # the next start takes the upgrade up again
        assert migrations.schema_version(store.db) == migrations.LATEST_VERSION
        (meeting,) = store.meetings.list()
        assert meeting.title == "Delegation visit to Lingnan"
        assert store.files.check() == []
        store.files.automatic_backup("before-import")  # and later that day, another backup
    (pristine,) = first_copies(db_path)
    assert version_of(pristine.path) == 1
    assert backups.complete(pristine.path)
    copy = sqlite3.connect(f"{pristine.path.as_uri()}?mode=ro", uri=True)
    assert copy.execute("SELECT title FROM meetings").fetchall() == [
        ("Delegation visit to Lingnan",)
    ]
    copy.close()
    leftovers = [p.name for p in backups.backup_folder(db_path).iterdir() if "partial" in p.name]
    assert leftovers == []


def test_the_copy_before_an_upgrade_is_kept_through_the_days_other_backups(tmp_path):
    db_path = tmp_path / "office.sqlite3"
    shutil.copy(V1, db_path)
    with EventStore.open(db_path) as store:
        for _ in range(3):
            store.files.automatic_backup("before-import")
    assert len(first_copies(db_path)) == 1
    reasons = [b.reason for b in backups.list_backups(db_path)]
    assert reasons == ["before-import", "before-migration"]  # the newest, and the first
