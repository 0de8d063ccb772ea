"""Numbered schema migrations, one small function each.

``PRAGMA user_version`` holds the number of migrations applied. Each runs in
its own transaction together with the bump of ``user_version``, so a crash
leaves the file at the previous version, never between two. The caller
takes a backup copy first (see :mod:`eventdesk.store.database`).

Every migration from ``m006_paged_pages`` on is safe to run again on a file
that has it (a column is added only where it is missing, an index or table
made only where there is none): a test of a migration sets a file back to the
version before it, and every later migration then runs on a file that already
has what it makes. ``tests/store/test_migrations.py`` runs each of them twice,
so one added that is not safe to repeat fails there. ``add_text_column`` is
the way to add a field's column.
"""

from __future__ import annotations

from collections.abc import Callable

from eventdesk.store import fts, photo_folder, search_index
from eventdesk.store.sqlite_db import Database

APPLICATION_ID = 0x45444B31  # "EDK1": marks the file as EventDesk's

Migration = Callable[[Database], None]

_TEXT = str
_INT = int
_BLOB = bytes


def _soft_deleted(columns: dict) -> dict:
    return {**columns, "created_at": _TEXT, "updated_at": _TEXT, "deleted_at": _TEXT}


def add_text_column(db: Database, table: str, column: str) -> None:
    """A new text field of a record (``docs/adding-a-field.md``): a column, empty in old rows.

    Safe to repeat: a file set back to an older version number (as a test of a later
    migration does) already has the column.
    """
    if column not in db[table].columns_dict:
        db[table].add_column(column, _TEXT)


def _create_part(
    db: Database,
    table: str,
    columns: dict,
    *,
    not_null: set[str],
    references: list[tuple[str, str]],
) -> None:
    """The table of a meeting's part: an id, a uid and the meeting's id, then ``columns``;
    ``references`` names each column that holds the id of another table's row."""
    db[table].create(
        {"id": _INT, "uid": _TEXT, "meeting_id": _INT, **columns},
        pk="id",
        not_null={"uid", *not_null},
        foreign_keys=[("meeting_id", "meetings", "id")]
        + [(column, other, "id") for column, other in references],
    )


def m001_records(db: Database) -> None:
    """The record tables of docs/targets.md ("The records"), with keys and indexes."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db["organisations"].create(
        _soft_deleted(
            {
                "id": _INT,
                "uid": _TEXT,
                "name": _TEXT,
                "name_zh": _TEXT,
                "short_name": _TEXT,
                "kind": _TEXT,
                "parent_id": _INT,
                "city": _TEXT,
                "founded": _TEXT,
                "description": _TEXT,
                "description_zh": _TEXT,
                "notes": _TEXT,
            }
        ),
        pk="id",
        not_null={"uid", "kind"},
        foreign_keys=[("parent_id", "organisations", "id")],
    )
    db["organisation_members"].create(
        {"alliance_id": _INT, "member_id": _INT, "position": _INT},
        pk=("alliance_id", "member_id"),
        foreign_keys=[("alliance_id", "organisations", "id"), ("member_id", "organisations", "id")],
    )
    db["people"].create(
        _soft_deleted(
            {
                "id": _INT,
                "uid": _TEXT,
                "family_name": _TEXT,
                "given_name": _TEXT,
                "name_order": _TEXT,
                "name_zh": _TEXT,
                "honorific": _TEXT,
                "title": _TEXT,
                "title_zh": _TEXT,
                "organisation_id": _INT,
                "email": _TEXT,
                "phone": _TEXT,
                "notes": _TEXT,
            }
        ),
        pk="id",
        not_null={"uid", "family_name", "name_order"},
        foreign_keys=[("organisation_id", "organisations", "id")],
    )
    db["meetings"].create(
        _soft_deleted(
            {
                "id": _INT,
                "uid": _TEXT,
                "title": _TEXT,
                "title_zh": _TEXT,
                "series": _TEXT,
                "series_zh": _TEXT,
                "edition": _TEXT,
                "start_date": _TEXT,
                "end_date": _TEXT,
                "start_time": _TEXT,
                "end_time": _TEXT,
                "format": _TEXT,
                "venue": _TEXT,
                "venue_zh": _TEXT,
                "our_role": _TEXT,
                "summary": _TEXT,
                "summary_zh": _TEXT,
                "background": _TEXT,
                "background_zh": _TEXT,
                "status": _TEXT,
                "tags": _TEXT,
            }
        ),
        pk="id",
        not_null={"uid", "start_date", "format", "our_role", "status"},
    )
    db["meeting_hosts"].create(
        {"meeting_id": _INT, "organisation_id": _INT, "role": _TEXT, "position": _INT},
        pk=("meeting_id", "organisation_id"),
        foreign_keys=[("meeting_id", "meetings", "id"), ("organisation_id", "organisations", "id")],
    )
    _create_part(
        db,
        "sessions",
        {
            "position": _INT,
            "title": _TEXT,
            "title_zh": _TEXT,
            "start_time": _TEXT,
            "end_time": _TEXT,
            "chair_id": _INT,
            "notes": _TEXT,
            "notes_zh": _TEXT,
        },
        not_null={"meeting_id", "position"},
        references=[("chair_id", "people")],
    )
    _create_part(
        db,
        "attendances",
        {
            "person_id": _INT,
            "organisation_id": _INT,
            "title": _TEXT,
            "title_zh": _TEXT,
            "capacity": _TEXT,
            "capacity_zh": _TEXT,
            "role": _TEXT,
            "side": _TEXT,
            "precedence": _INT,
        },
        not_null={"meeting_id", "person_id", "role", "side", "precedence"},
        references=[("person_id", "people"), ("organisation_id", "organisations")],
    )
    _create_part(
        db,
        "files",
        {
            "position": _INT,
            "kind": _TEXT,
            "original_name": _TEXT,
            "media_type": _TEXT,
            "caption": _TEXT,
            "caption_zh": _TEXT,
            "credit": _TEXT,
            "session_id": _INT,
            "size": _INT,
            "data": _BLOB,
        },
        not_null={"meeting_id", "position", "kind", "data"},
        references=[("session_id", "sessions")],
    )
    _create_part(
        db,
        "presentations",
        {
            "session_id": _INT,
            "position": _INT,
            "kind": _TEXT,
            "title": _TEXT,
            "title_zh": _TEXT,
            "abstract": _TEXT,
            "abstract_zh": _TEXT,
            "attachment_id": _INT,
        },
        not_null={"meeting_id", "position", "kind"},
        references=[("session_id", "sessions"), ("attachment_id", "files")],
    )
    db["presenters"].create(
        {"presentation_id": _INT, "person_id": _INT, "position": _INT},
        pk=("presentation_id", "person_id"),
        foreign_keys=[("presentation_id", "presentations", "id"), ("person_id", "people", "id")],
    )
    _create_part(
        db,
        "courses",
        {
            "position": _INT,
            "programme": _TEXT,
            "programme_zh": _TEXT,
            "year": _INT,
            "title": _TEXT,
            "title_zh": _TEXT,
            "institution_id": _INT,
            "teachers": _TEXT,
            "status": _TEXT,
            "notes": _TEXT,
        },
        not_null={"status"},
        references=[("institution_id", "organisations")],
    )
    _create_part(
        db,
        "decisions",
        {
            "session_id": _INT,
            "position": _INT,
            "kind": _TEXT,
            "text": _TEXT,
            "text_zh": _TEXT,
            "count": _INT,
            "count_unit": _TEXT,
            "owner_id": _INT,
            "due_date": _TEXT,
        },
        not_null={"meeting_id", "position", "kind"},
        references=[("session_id", "sessions"), ("owner_id", "people")],
    )
    db["decision_parties"].create(
        {
            "decision_id": _INT,
            "position": _INT,
            "organisation_id": _INT,
            "person_id": _INT,
            "role": _TEXT,
            "role_zh": _TEXT,
        },
        pk=("decision_id", "position"),
        foreign_keys=[
            ("decision_id", "decisions", "id"),
            ("organisation_id", "organisations", "id"),
            ("person_id", "people", "id"),
        ],
    )
    for table in ("organisations", "people", "meetings", "courses"):
        db[table].create_index(["uid"], unique=True)
    db["meetings"].create_index(["start_date"])
    db["meetings"].create_index(["series"])
    db["people"].create_index(["family_name", "given_name"])
    db["people"].create_index(["organisation_id"])
    db["organisations"].create_index(["parent_id"])
    db["organisation_members"].create_index(["member_id"])
    db["meeting_hosts"].create_index(["organisation_id"])
    for table in ("sessions", "attendances", "files", "presentations", "decisions"):
        db[table].create_index(
            ["meeting_id", "position" if table != "attendances" else "precedence"]
        )
    db["attendances"].create_index(["person_id"])
    db["attendances"].create_index(["organisation_id"])
    db["presenters"].create_index(["person_id"])
    db["courses"].create_index(["meeting_id"])
    db["courses"].create_index(["institution_id"])
    db["courses"].create_index(["year"])
    db["decision_parties"].create_index(["organisation_id"])
    db["decision_parties"].create_index(["person_id"])


def m002_search(db: Database) -> None:
    """Full-text search, kept in step with the records by triggers."""
    fts.create_indexes(db)


def m003_drafts(db: Database) -> None:
    """Unsaved edits, kept so that a crash does not lose what was typed."""
    db["drafts"].create(
        {
            "id": _INT,
            "kind": _TEXT,
            "record_id": _INT,
            "title": _TEXT,
            "saved_at": _TEXT,
            "payload": _TEXT,
        },
        pk="id",
        not_null={"kind", "saved_at", "payload"},
    )
    db["drafts"].create_index(["kind", "record_id"])


def m004_meeting_search(db: Database) -> None:
    """One search document per meeting, and prefix indexes, so a keystroke is one quick query."""
    fts.add_prefix_indexes(db)
    search_index.create(db)


def m005_search_by_date(db: Database) -> None:
    """Search documents keyed by date: the newest matches come first without a sort."""
    search_index.order_by_date(db)


def m006_paged_pages(db: Database) -> None:
    """Indexes for a page of a person's or organisation's meetings, and for the trash.

    ``attendances(organisation_id, meeting_id)`` answers "was this organisation
    at this meeting" with one seek, so our own university's page walks the
    meetings by date and stops after a page; it also serves every lookup the
    one-column index it replaces did (likewise for people). The trash indexes
    hold only trashed rows, so listing the trash reads nothing else.
    """
    for column in ("organisation_id", "person_id"):
        db.execute(f"DROP INDEX IF EXISTS idx_attendances_{column}")
        db.execute(
            f"CREATE INDEX IF NOT EXISTS idx_attendances_{column}_meeting_id "
            f"ON attendances({column}, meeting_id)"
        )
    for table in ("meetings", "people", "organisations"):
        db.execute(
            f"CREATE INDEX IF NOT EXISTS idx_{table}_trashed "
            f"ON {table}(deleted_at) WHERE deleted_at IS NOT NULL"
        )


def m007_honorific_zh(db: Database) -> None:
    """A person's honorific in Chinese (教授, 博士), for Chinese documents."""
    add_text_column(db, "people", "honorific_zh")


def m008_settings(db: Database) -> None:
    """Settings of the database itself (our organisation), as key and value."""
    db["settings"].create(
        {"key": str, "value": str}, pk="key", not_null={"value"}, if_not_exists=True
    )


def m009_photo_files(db: Database) -> None:
    """Photo bytes out of the database, into files named by their hash (docs/storage.md)."""
    from eventdesk.store import media  # the photos' files: not imported to open a current file

    if "sha256" not in db["files"].columns_dict:  # as it always has, but once
        db.execute("ALTER TABLE files ADD COLUMN sha256 TEXT")
    db["files"].create_index(["sha256"], if_not_exists=True)
    media.move_out(db)


def m010_drop_unused_search(db: Database) -> None:
    """Drop the meetings, presentations and decisions indexes: nothing has read them since 4."""
    fts.drop_retired(db)


def m011_match_names_by_index(db: Database) -> None:
    """Indexes in the collation the importers match names with (case aside).

    Without them matching a name scans the table: re-importing a whole
    database of 50,000 people took hours instead of seconds.
    """
    db.execute(
        "CREATE INDEX IF NOT EXISTS people_name_nocase "
        "ON people (family_name COLLATE NOCASE, given_name COLLATE NOCASE)"
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS organisations_name_nocase "
        "ON organisations (name COLLATE NOCASE)"
    )
    db.execute("CREATE INDEX IF NOT EXISTS organisations_name_zh ON organisations (name_zh)")


def m012_search_folds_chinese(db: Database) -> None:
    """Search documents hold their Chinese in simplified characters too (search_index.py)."""
    search_index.reindex_traditional(db)


def m013_search_folds_regional_chinese(db: Database) -> None:
    """衞炳江 is found as 衛炳江 and 卫炳江: documents fold Hong Kong and Taiwan forms too."""
    search_index.reindex_regional(db)


def m014_signed_document(db: Database) -> None:
    """The short name of a signed document (a decision's), as a release names it."""
    add_text_column(db, "decisions", "document")
    add_text_column(db, "decisions", "document_zh")


def m015_database_identity(db: Database) -> None:
    """An identity of the database's own, which its photo folder is tied to, not its name
    (``store/photo_folder.py``): a copy beside it never cleans the original's photos."""
    db.execute(
        "INSERT OR IGNORE INTO settings(key, value) VALUES (?, ?)",
        [photo_folder.IDENTITY, photo_folder.new_identity()],
    )


def m016_dietary_needs(db: Database) -> None:
    """A person's dietary needs, for the banquets of a delegation's visit."""
    add_text_column(db, "people", "dietary_needs")


def m017_attendee_gift(db: Database) -> None:
    """The gift given to or received from an attendee, in English and Chinese."""
    add_text_column(db, "attendances", "gift")
    add_text_column(db, "attendances", "gift_zh")


def m018_organisation_country(db: Database) -> None:
    """An organisation's country, in English and Chinese, for a foreign partner's first mention."""
    add_text_column(db, "organisations", "country")
    add_text_column(db, "organisations", "country_zh")


def m019_versions_and_history(db: Database) -> None:
    """Each meeting, person and organisation counts its saves and names who saved it last (a
    save loaded at an older version is refused: ``store/versions.py``); who changed what
    (``history``) and who has what open to edit (``editing``), as ``tables.STORE_TABLES``.

    Rows saved before keep an empty version, which the store reads as 0: setting them all
    would fire the search triggers of every row of a file ten years old.
    """
    for table in ("organisations", "people", "meetings"):
        if "version" not in db[table].columns_dict:
            db.execute(f"ALTER TABLE {table} ADD COLUMN version INTEGER")
        add_text_column(db, table, "updated_by")
    db.execute(
        "CREATE TABLE IF NOT EXISTS history (id INTEGER PRIMARY KEY, "
        "record_type TEXT NOT NULL, record_id INTEGER NOT NULL, record_uid TEXT, "
        "version INTEGER, changed_by TEXT, changed_at TEXT NOT NULL, action TEXT NOT NULL, "
        "fields TEXT, changes TEXT)"
    )
    db.execute("CREATE INDEX IF NOT EXISTS history_record ON history (record_type, record_id, id)")
    db.execute(
        "CREATE TABLE IF NOT EXISTS editing (record_type TEXT NOT NULL, "
        "record_id INTEGER NOT NULL, user_name TEXT NOT NULL, host TEXT NOT NULL, "
        "since TEXT NOT NULL, seen TEXT NOT NULL, "
        "PRIMARY KEY (record_type, record_id, user_name, host))"
    )


def m020_course_versions(db: Database) -> None:
    """A course counts its saves and names who saved it last, and when, as a meeting does
    (``store/versions.py``): a course saved since a clerk loaded it is refused, and its saves
    are lines of ``history``. Courses saved before keep an empty version, read as 0."""
    if "version" not in db["courses"].columns_dict:
        db.execute("ALTER TABLE courses ADD COLUMN version INTEGER")
    add_text_column(db, "courses", "updated_by")
    add_text_column(db, "courses", "updated_at")


def m021_country_searched(db: Database) -> None:
    """An organisation's country is searched: in the Organisations list ("Korea", 韩国) and in
    the documents of the meetings naming it."""
    fts.rebuild_list_index(db, "organisations")
    search_index.search_countries(db)


MIGRATIONS: list[Migration] = [
    m001_records,
    m002_search,
    m003_drafts,
    m004_meeting_search,
    m005_search_by_date,
    m006_paged_pages,
    m007_honorific_zh,
    m008_settings,
    m009_photo_files,
    m010_drop_unused_search,
    m011_match_names_by_index,
    m012_search_folds_chinese,
    m013_search_folds_regional_chinese,
    m014_signed_document,
    m015_database_identity,
    m016_dietary_needs,
    m017_attendee_gift,
    m018_organisation_country,
    m019_versions_and_history,
    m020_course_versions,
    m021_country_searched,
]
LATEST_VERSION = len(MIGRATIONS)


def schema_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: Database, target: int = LATEST_VERSION) -> list[int]:
    """Apply the migrations the file lacks, each in its own transaction.

    Returns the version numbers applied.
    """
    applied = []
    for version in range(schema_version(db) + 1, target + 1):
        with db.atomic():
            MIGRATIONS[version - 1](db)
            db.execute(f"PRAGMA user_version = {version}")
        applied.append(version)
    return applied
