import shutil
from pathlib import Path

from tests.conftest import save_visit_of_mixed_script_partner

from eventdesk.store import EventStore
from eventdesk.store.migrations import LATEST_VERSION, schema_version

V1 = Path(__file__).parent / "data" / "eventdesk-v1.sqlite3"


def test_a_version_1_file_is_migrated_and_keeps_every_record(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(V1, path)

    with EventStore.open(path) as store:
        assert schema_version(store.db) == LATEST_VERSION
        (row,) = store.meetings.list()
        assert row.title == "Delegation visit to Lingnan"
        meeting = store.meetings.get(row.id)
        assert meeting.attendees[0].title == "Vice President"
        # records written before search existed are found by it
        assert [m.id for m in store.meetings.search("Lingnan")] == [row.id]
        assert [m.id for m in store.meetings.search("Ding")] == [row.id]
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


def test_migration_12_finds_partners_stored_half_in_each_script(tmp_path):
    """Documents written before migration 12 held Chinese as stored; after it, folded too."""
    from eventdesk.store import search_index
    from eventdesk.store.fts import spaced_han

    path = tmp_path / "v11.sqlite3"
    with EventStore.open(path) as store:
        save_visit_of_mixed_script_partner(store)
        db = store.db
        with db.atomic():  # the documents as version 11 wrote them: Chinese as stored only
            db.execute("INSERT OR IGNORE INTO search_dirty(meeting_id) SELECT id FROM meetings")
            db.conn.create_function("eventdesk_spaced_han", 1, spaced_han, deterministic=True)
            db.execute("DELETE FROM meeting_search")
            db.execute(f"INSERT INTO meeting_search(rowid, body) {search_index.DOCUMENT}")
            db.execute("DELETE FROM search_dirty")
        db.execute("PRAGMA user_version = 11")
        assert store.meetings.search("浸会大学") == []  # what an office saw before
    with EventStore.open(path) as store:
        assert schema_version(store.db) == LATEST_VERSION
        assert [r.title for r in store.meetings.search("浸会大学")] == ["Delegation visit"]


def test_migration_13_finds_a_hong_kong_name_by_its_other_forms(tmp_path):
    """Given documents as version 12 wrote them (folded by t2s alone, which keeps 衞),
    when the file is opened, then a name stored with 衞 among simplified characters is found
    by its mainland and Taiwan forms (a name in one script alone was found without it)."""
    from tests.store.test_chinese_variants import save_meeting_with_hong_kong_attendee

    from eventdesk.store import chinese_variants, search_index

    path = tmp_path / "v12.sqlite3"
    with EventStore.open(path) as store:
        save_meeting_with_hong_kong_attendee(store, "衞国強")  # as an input method may mix
        db = store.db
        folding = chinese_variants.simplified
        chinese_variants.simplified = chinese_variants.standard_simplified
        search_index.simplified = chinese_variants.standard_simplified
        try:  # the documents as version 12 wrote them
            with db.atomic():
                db.execute("INSERT OR IGNORE INTO search_dirty(meeting_id) SELECT id FROM meetings")
                search_index.refresh(db)
        finally:
            chinese_variants.simplified = search_index.simplified = folding
        db.execute("PRAGMA user_version = 12")
        assert store.meetings.search("卫国强") == []  # what an office saw before
    with EventStore.open(path) as store:
        assert schema_version(store.db) == LATEST_VERSION
        for typed in ("卫国强", "衛國強", "衞国強"):
            assert [r.title for r in store.meetings.search(typed)] == ["Spring reception"]
