"""Migrations: an old file is upgraded whole, and each migration is tested from the version
just before it, found by its function (``MIGRATIONS.index``), never by a number, so adding a
later migration changes no test here: every migration from ``m006_paged_pages`` on is safe to
run again on a file that has it, which the tests of earlier ones make it do."""

import shutil
from pathlib import Path

import pytest
from tests.conftest import save_visit_of_mixed_script_partner

from eventdesk.store import EventStore, tables
from eventdesk.store.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    m006_paged_pages,
    m012_search_folds_chinese,
    m013_search_folds_regional_chinese,
    schema_version,
)

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
        person = store.people.get(meeting.attendees[0].person_id)
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

    before = MIGRATIONS.index(m012_search_folds_chinese)  # the version just before it
    path = tmp_path / "before.sqlite3"
    with EventStore.open(path) as store:
        save_visit_of_mixed_script_partner(store)
        db = store.db
        with db.atomic():  # the documents as the version before wrote them: Chinese as stored
            db.execute("INSERT OR IGNORE INTO search_dirty(meeting_id) SELECT id FROM meetings")
            db.conn.create_function("eventdesk_spaced_han", 1, spaced_han, deterministic=True)
            db.execute("DELETE FROM meeting_search")
            db.execute(f"INSERT INTO meeting_search(rowid, body) {search_index.document()}")
            db.execute("DELETE FROM search_dirty")
        db.execute(f"PRAGMA user_version = {before}")
        assert store.meetings.search("浸会大学") == []  # what an office saw before
    with EventStore.open(path) as store:
        assert schema_version(store.db) == LATEST_VERSION
        assert [r.title for r in store.meetings.search("浸会大学")] == ["Delegation visit"]


def test_migration_13_finds_a_hong_kong_name_by_its_other_forms(tmp_path):
    """Given documents as the version before it wrote them (folded by t2s alone, which keeps 衞),
    when the file is opened, then a name stored with 衞 among simplified characters is found
    by its mainland and Taiwan forms (a name in one script alone was found without it)."""
    from tests.store.test_chinese_variants import save_meeting_with_hong_kong_attendee

    from eventdesk.store import chinese_variants, search_index

    before = MIGRATIONS.index(m013_search_folds_regional_chinese)  # the version just before it
    path = tmp_path / "before.sqlite3"
    with EventStore.open(path) as store:
        save_meeting_with_hong_kong_attendee(store, "衞国強")  # as an input method may mix
        db = store.db
        folding = chinese_variants.simplified
        chinese_variants.simplified = chinese_variants.standard_simplified
        search_index.simplified = chinese_variants.standard_simplified
        try:  # the documents as the version before wrote them
            with db.atomic():
                db.execute("INSERT OR IGNORE INTO search_dirty(meeting_id) SELECT id FROM meetings")
                search_index.refresh(db)
        finally:
            chinese_variants.simplified = search_index.simplified = folding
        db.execute(f"PRAGMA user_version = {before}")
        assert store.meetings.search("卫国强") == []  # what an office saw before
    with EventStore.open(path) as store:
        assert schema_version(store.db) == LATEST_VERSION
        for typed in ("卫国强", "衛國強", "衞国強"):
            assert [r.title for r in store.meetings.search(typed)] == ["Spring reception"]


def _schema_and_records(db) -> tuple[list, dict]:
    schema = db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"
    ).fetchall()
    records = {
        name: db.execute(f"SELECT * FROM {name} ORDER BY 1").fetchall()
        for name in [*tables.tables(), "settings"]
    }
    return schema, records


REPEATABLE = MIGRATIONS[MIGRATIONS.index(m006_paged_pages) :]


@pytest.mark.parametrize("migration", REPEATABLE, ids=lambda m: m.__name__)
def test_a_migration_runs_again_on_a_file_that_has_it(sample_store, migration):
    """A test of an earlier migration sets the version back past this one, which then runs on
    a file that has its columns and indexes already: it must leave schema and records as they
    were, not fail with 'duplicate column' (a migration added later is in this list at once)."""
    db = sample_store.db
    before = _schema_and_records(db)
    with db.atomic():
        migration(db)
    assert _schema_and_records(db) == before


def test_migrations_leave_the_search_documents_to_the_store_at_the_latest_schema(tmp_path):
    """A document holds the fields declared searched today; an old file has their columns only
    once the migration adding them has run. So no migration builds one (migration 5 did, and a
    searched field added to an attendee made it fail with 'no such column' on every older
    file): they are left dirty, and opening the file builds them."""
    from sqlite_utils import Database

    from eventdesk.store.migrations import migrate

    path = tmp_path / "old.sqlite3"
    shutil.copy(V1, path)
    db = Database(path)
    migrate(db)
    assert db.execute("SELECT count(*) FROM meeting_search").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM search_dirty").fetchone()[0] == 1
    db.close()
    with EventStore.open(path) as store:
        assert [m.title for m in store.meetings.search("Lingnan")] == [
            "Delegation visit to Lingnan"
        ]
        assert store.db.execute("SELECT count(*) FROM search_dirty").fetchone()[0] == 0
