"""What users type is data: file names and captions never become paths, quotes never SQL."""

from __future__ import annotations

import json

from tests.conftest import SAMPLE

from eventdesk.records import Person
from eventdesk.store.interchange import import_document


def test_a_photo_named_like_a_path_writes_nothing_outside(fresh_store, db_path, tmp_path):
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    photo = doc["meetings"][0]["files"][0]
    photo.update(original_name="../../x", caption="../../../etc/passwd")
    before = {p for p in tmp_path.parent.rglob("*")}

    report = import_document(fresh_store, doc)

    stored = fresh_store.meetings.get(report.meetings_added[0]).files[0]
    assert (stored.original_name, stored.caption) == ("../../x", "../../../etc/passwd")
    created = {p for p in tmp_path.parent.rglob("*")} - before
    assert all(p.is_relative_to(db_path.parent) for p in created)
    assert not (tmp_path.parent.parent / "x").exists()


def test_quotes_and_sql_in_names_are_kept_as_typed(fresh_store):
    name = "O'Brien\"; DROP TABLE people; --"
    saved = fresh_store.people.save(Person(name, "<b>Bold</b>"))
    assert fresh_store.people.get(saved.id).family_name == name
    assert fresh_store.people.get(saved.id).given_name == "<b>Bold</b>"
    assert [p.id for p in fresh_store.people.list("Brien")] == [saved.id]
    assert fresh_store.people.count() == 1
