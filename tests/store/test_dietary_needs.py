"""A person's dietary needs (``Person.dietary_needs``): saved, exported, imported, migrated.

Added by following docs/adding-a-field.md's recipe for a person's field. An office arranging
a banquet for a delegation looks them up on the person's page; no document prints them.
Files and databases from before the field read it as empty, and a person without it is
exported as before (the field is ``sparse``).
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from eventdesk.records import Person
from eventdesk.store import EventStore
from eventdesk.store.interchange import dumps, export_database, import_document
from eventdesk.store.migrations import MIGRATIONS, m016_dietary_needs

NEEDS = "Vegetarian; no nuts"


def _people(document: dict) -> dict[str, dict]:
    return {p["family_name"]: p for p in document["people"]}


def test_dietary_needs_are_saved_and_read_back(fresh_store):
    saved = fresh_store.people.save(Person("Wai", "Alexander", dietary_needs=NEEDS))
    assert fresh_store.people.get(saved.id).dietary_needs == NEEDS


def test_they_travel_in_the_interchange_format_and_are_left_out_when_empty(fresh_store, tmp_path):
    fresh_store.people.save(Person("Wai", "Alexander", dietary_needs=NEEDS))
    fresh_store.people.save(Person("Ding", "Xiaodong"))
    document = json.loads(dumps(export_database(fresh_store)))
    people = _people(document)
    assert people["Wai"]["dietary_needs"] == NEEDS
    assert "dietary_needs" not in people["Ding"]  # as files were before the field
    with EventStore.open(tmp_path / "other.sqlite3") as other:
        import_document(other, document)
        again = {
            p.family_name: p
            for p in other.people.get_many(r.id for r in other.people.list()).values()
        }
    assert (again["Wai"].dietary_needs, again["Ding"].dietary_needs) == (NEEDS, "")


def test_a_file_written_before_the_field_reads_it_as_empty(fresh_store, tmp_path):
    fresh_store.people.save(Person("Wai", "Alexander", dietary_needs=NEEDS))
    document = json.loads(dumps(export_database(fresh_store)))
    for person in document["people"]:
        del person["dietary_needs"]
    with EventStore.open(tmp_path / "other.sqlite3") as other:
        import_document(other, document)
        (row,) = other.people.list()
        assert other.people.get(row.id).dietary_needs == ""


def test_a_database_from_before_the_migration_keeps_its_people(tmp_path):
    """A file as the version before this migration left it (no column, its version number
    whatever later migrations make it) opens with every person whole."""
    before = MIGRATIONS.index(m016_dietary_needs)  # the version just before it
    path = tmp_path / "older.sqlite3"
    with EventStore.open(path) as store:
        person_id = store.people.save(Person("Wai", "Alexander", title="President")).id
    db = Database(path)
    db.execute("ALTER TABLE people DROP COLUMN dietary_needs")
    db.execute(f"PRAGMA user_version = {before}")
    db.close()
    with EventStore.open(path) as store:
        person = store.people.get(person_id)
        assert (person.title, person.dietary_needs) == ("President", "")
        assert "dietary_needs" in store.db["people"].columns_dict
