"""A text field declared on a person or an organisation is stored, exported, imported and in the
JSON Schema without being listed anywhere else (docs/adding-a-field.md).

Given every declared text field filled with its own words, when the record is saved, exported to
the interchange format and imported into another database, then each word comes back in its
field, and the JSON Schema describes each field as a string.
"""

from __future__ import annotations

import json

import pytest

from eventdesk.records import Organisation, Person
from eventdesk.records.fields import form_fields, text_fields
from eventdesk.store import EventStore
from eventdesk.store.interchange import dumps, export_database, import_document, load_schema

DECLARED = [(Person, "person", "people"), (Organisation, "organisation", "organisations")]


def _filled(cls: type) -> object:
    required = {"family_name": "Wai"} if cls is Person else {"name": "Lingnan University"}
    record = cls(**required)
    for name in text_fields(cls):
        setattr(record, name, f"{name} 文字")
    return record


@pytest.mark.parametrize(("cls", "_kind", "table"), DECLARED)
def test_every_declared_text_field_survives_store_export_and_import(
    cls, _kind, table, fresh_store, tmp_path
):
    saved = getattr(fresh_store, table).save(_filled(cls))
    stored = getattr(fresh_store, table).get(saved.id)
    document = json.loads(dumps(export_database(fresh_store)))
    with EventStore.open(tmp_path / "other.sqlite3") as other:
        import_document(other, document)
        service = getattr(other, table)
        again = service.get(service.list()[0].id)
    for name in text_fields(cls):
        assert getattr(stored, name) == f"{name} 文字", name
        assert getattr(again, name) == f"{name} 文字", name


@pytest.mark.parametrize(("cls", "kind", "_table"), DECLARED)
def test_the_json_schema_describes_every_declared_text_field(cls, kind, _table):
    properties = load_schema()["$defs"][kind]["properties"]
    for name in text_fields(cls):
        assert properties[name]["type"] == "string", name


@pytest.mark.parametrize(("cls", "_kind", "table"), DECLARED)
def test_every_declared_text_field_has_its_column(cls, _kind, table, fresh_store):
    columns = fresh_store.db[table].columns_dict
    assert [name for name in text_fields(cls) if name not in columns] == []


def test_the_forms_show_the_fields_in_the_order_the_records_declare_them():
    assert [f.name for f in form_fields(Person)][:4] == [
        "family_name",
        "given_name",
        "name_order",
        "name_zh",
    ]
    assert "notes" not in [f.name for f in form_fields(Organisation)]  # not on its page
