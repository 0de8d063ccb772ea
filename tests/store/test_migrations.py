import shutil
from pathlib import Path

from eventdesk.store import EventStore
from eventdesk.store.migrations import LATEST_VERSION, schema_version

V1 = Path(__file__).parent / "data" / "eventdesk-v1.sqlite3"


def test_a_version_1_file_is_migrated_and_keeps_every_record(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(V1, path)

    with EventStore.open(path) as store:
        assert schema_version(store.db) == LATEST_VERSION
        (row,) = store.list_meetings()
        assert row.title == "Delegation visit to Lingnan"
        meeting = store.get_meeting(row.id)
        assert meeting.attendees[0].title == "Vice President"
        # records written before search existed are found by it
        assert [m.id for m in store.search_meetings("Lingnan")] == [row.id]
        assert [m.id for m in store.search_meetings("Ding")] == [row.id]
        # a text field added since reads as empty on the old records (docs/adding-a-field.md)
        person = store.get_person(meeting.attendees[0].person_id)
        assert person.honorific_zh == ""


def test_a_backup_copy_is_taken_before_migrating(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(V1, path)
    EventStore.open(path).close()
    (backup,) = (tmp_path / "backups").glob("old-*-before-migration-1.sqlite3")
    assert backup.read_bytes()[:16] == b"SQLite format 3\x00"
    assert int.from_bytes(backup.read_bytes()[60:64], "big") == 1


def test_a_new_database_starts_at_the_latest_version_in_wal_mode(db_path):
    with EventStore.open(db_path) as store:
        assert schema_version(store.db) == LATEST_VERSION
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
