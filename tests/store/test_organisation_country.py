"""An organisation's country (``Organisation.country``, ``country_zh``): saved, exported, migrated.

Added by following docs/adding-a-field.md's recipe for an organisation's field. A summary prints
a foreign partner's country on its first mention (韩国延世大学; docs/summaries.md). Files and
databases from before the field read it as empty, and an organisation without it is exported as
before (the field is ``sparse``).
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from eventdesk.records import Organisation
from eventdesk.store import EventStore, fts
from eventdesk.store.interchange import dumps, export_database, import_document
from eventdesk.store.migrations import MIGRATIONS, m018_organisation_country


def _yonsei() -> Organisation:
    return Organisation(
        "Yonsei University", name_zh="延世大学", country="South Korea", country_zh="韩国"
    )


def _organisations(document: dict) -> dict[str, dict]:
    return {o["name"]: o for o in document["organisations"]}


def test_the_country_is_saved_and_read_back(fresh_store):
    saved = fresh_store.organisations.save(_yonsei())
    again = fresh_store.organisations.get(saved.id)
    assert (again.country, again.country_zh) == ("South Korea", "韩国")


def test_it_travels_in_the_interchange_format_and_is_left_out_when_empty(fresh_store, tmp_path):
    fresh_store.organisations.save(_yonsei())
    fresh_store.organisations.save(Organisation("Fudan University"))
    document = json.loads(dumps(export_database(fresh_store)))
    orgs = _organisations(document)
    assert (orgs["Yonsei University"]["country"], orgs["Yonsei University"]["country_zh"]) == (
        "South Korea",
        "韩国",
    )
    assert "country" not in orgs["Fudan University"]  # as files were before the field
    assert "country_zh" not in orgs["Fudan University"]
    with EventStore.open(tmp_path / "other.sqlite3") as other:
        import_document(other, document)
        again = {o.name: other.organisations.get(o.id) for o in other.organisations.list()}
    assert (again["Yonsei University"].country, again["Yonsei University"].country_zh) == (
        "South Korea",
        "韩国",
    )
    assert (again["Fudan University"].country, again["Fudan University"].country_zh) == ("", "")


def test_a_file_written_before_the_field_reads_it_as_empty(fresh_store, tmp_path):
    fresh_store.organisations.save(_yonsei())
    document = json.loads(dumps(export_database(fresh_store)))
    for org in document["organisations"]:
        del org["country"], org["country_zh"]
    with EventStore.open(tmp_path / "other.sqlite3") as other:
        import_document(other, document)
        (row,) = other.organisations.list()
        org = other.organisations.get(row.id)
        assert (org.name_zh, org.country, org.country_zh) == ("延世大学", "", "")


def test_a_database_from_before_the_migration_keeps_its_organisations(tmp_path):
    """A file as the version before this migration left it (no columns) opens with every
    organisation whole, its country empty."""
    before = MIGRATIONS.index(m018_organisation_country)  # the version just before it
    path = tmp_path / "older.sqlite3"
    with EventStore.open(path) as store:
        org_id = store.organisations.save(Organisation("Yonsei University", city="Seoul")).id
    db = Database(path)
    # the search as it was then: no index or trigger naming the country (migration 21)
    fts._drop(db, "organisations")
    fts._create_index(db, "organisations", fts._MADE["organisations"], prefix="1 2 3")
    db.execute("DROP TRIGGER organisations_search_update")
    db.execute("ALTER TABLE organisations DROP COLUMN country")
    db.execute("ALTER TABLE organisations DROP COLUMN country_zh")
    db.execute(f"PRAGMA user_version = {before}")
    db.close()
    with EventStore.open(path) as store:
        org = store.organisations.get(org_id)
        assert (org.city, org.country, org.country_zh) == ("Seoul", "", "")
        assert {"country", "country_zh"} <= set(store.db["organisations"].columns_dict)
