"""The JSON interchange format: round trips, matching, and all-or-nothing imports."""

from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft202012Validator
from tests.conftest import SAMPLE

from eventdesk.records import Organisation, Person
from eventdesk.store import EventStore, ImportRefused
from eventdesk.store.interchange import (
    dumps,
    export_database,
    export_meeting,
    import_document,
    import_file,
    load_schema,
)


def sample_document() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def test_export_import_export_gives_the_same_document(sample_store, sample_meeting, tmp_path):
    first = dumps(export_meeting(sample_store, sample_meeting.id))
    with EventStore.open(tmp_path / "other.sqlite3") as other:
        report = import_document(other, json.loads(first))
        second = dumps(export_meeting(other, report.meetings_added[0]))
    assert first == second
    assert first == SAMPLE.read_text(encoding="utf-8")  # the sample is itself a canonical export


def test_whole_database_round_trip(sample_store, tmp_path):
    sample_store.people.save(Person("Wai", "Alexander", name_order="given_first"))
    first = dumps(export_database(sample_store))
    with EventStore.open(tmp_path / "other.sqlite3") as other:
        import_document(other, json.loads(first))
        assert dumps(export_database(other)) == first
    assert "Alexander" in first  # a person in no meeting still travels


def test_exported_documents_follow_the_published_schema(sample_store, sample_meeting):
    validator = Draft202012Validator(load_schema())
    for document in (
        export_meeting(sample_store, sample_meeting.id),
        export_database(sample_store),
    ):
        assert [e.message for e in validator.iter_errors(document)] == []


def test_importing_twice_updates_rather_than_duplicates(sample_store):
    report = import_file(sample_store, SAMPLE)
    assert report.meetings_added == [] and len(report.meetings_updated) == 1
    assert report.people_added == 0 and report.people_matched == 10
    assert sample_store.meetings.count() == 1
    assert sample_store.people.count() == 10


def test_people_and_organisations_already_known_are_matched_by_name(fresh_store):
    usst = fresh_store.organisations.save(
        Organisation("University of Shanghai for Science and Technology", short_name="USST")
    )
    ding = fresh_store.people.save(
        Person("Ding", "Xiaodong", name_zh="丁晓东", organisation_id=usst.id)
    )
    report = import_file(fresh_store, SAMPLE)
    assert report.people_matched == 1 and report.organisations_matched == 1
    meeting = fresh_store.meetings.get(report.meetings_added[0])
    assert meeting.attendees[0].person_id == ding.id
    assert meeting.attendees[0].organisation_id == usst.id
    assert fresh_store.people.count() == 10


def test_a_namesake_told_apart_by_chinese_name_or_email_is_not_matched(fresh_store):
    fresh_store.people.save(Person("Ding", "Xiaodong", name_zh="丁小东"))
    fresh_store.people.save(Person("DING", "xiaodong", email="other@example.org"))
    doc = sample_document()
    ding = next(p for p in doc["people"] if p["family_name"] == "Ding")
    ding["email"] = "ding@usst.edu.cn"
    report = import_document(fresh_store, doc)
    assert report.people_matched == 0 and report.people_added == 10
    assert fresh_store.people.count() == 12


def test_two_people_of_one_file_with_the_same_name_stay_two(fresh_store):
    """Different ids in one file are different people: only the database is matched by name."""
    doc = sample_document()
    ding = next(p for p in doc["people"] if p["family_name"] == "Ding")
    namesake = {**ding, "id": "p-ding-2", "name_zh": "", "title": "Lecturer"}
    doc["people"].append(namesake)
    doc["meetings"][0]["attendees"].append(
        {"id": "a-namesake", "person": "p-ding-2", "role": "observer", "side": "other"}
    )
    report = import_document(fresh_store, doc)
    assert report.people_added == 11 and report.people_matched == 0
    meeting = fresh_store.meetings.get(report.meetings_added[0])
    first, last = meeting.attendees[0].person_id, meeting.attendees[-1].person_id
    assert first != last
    assert fresh_store.people.get(last).title == "Lecturer"
    again = import_document(fresh_store, doc)  # by id, each to its own
    assert again.people_matched == 11 and fresh_store.people.count() == 11


def test_a_namesake_with_another_chinese_name_is_a_different_person(fresh_store):
    other = fresh_store.people.save(Person("Ding", "Xiaodong", name_zh="丁小东"))
    import_file(fresh_store, SAMPLE)
    names = [p.name_zh for p in fresh_store.people.list("Ding")]
    assert sorted(names) == ["丁小东", "丁晓东"]
    assert other.id in [p.id for p in fresh_store.people.list("Ding")]


def broken(mutate) -> dict:
    document = sample_document()
    mutate(document)
    return document


def _person(doc, key):
    return next(p for p in doc["people"] if p["id"] == key)


BROKEN = {
    "missing family name": (
        lambda d: _person(d, "person-chen-qi").update(family_name=""),
        "person 1 'Qi': family_name: is required",
    ),
    "family name left out": (
        lambda d: _person(d, "person-chen-qi").pop("family_name"),
        "family_name: is required",
    ),
    "a date that does not exist": (
        lambda d: d["meetings"][0].update(start_date="2021-02-30"),
        "start_date: '2021-02-30' does not exist: February 2021 has 28 days",
    ),
    "an unknown format": (
        lambda d: d["meetings"][0].update(format="webinar"),
        "format: 'webinar' is not one of: online, onsite, hybrid",
    ),
    "an attendee of nobody": (
        lambda d: d["meetings"][0]["attendees"][2].update(person="person-nobody"),
        "attendee 3: person: refers to 'person-nobody', which is not in the file",
    ),
    "not base64": (
        lambda d: d["meetings"][0]["files"][0].update(data="%%%"),
        "file 1: data: is not valid base64",
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_record_is_refused_by_name_and_the_file_is_unchanged(db_path, case):
    mutate, message = BROKEN[case]
    with EventStore.open(db_path) as store:
        import_file(store, SAMPLE)
    before = db_path.read_bytes()

    with EventStore.open(db_path) as store, pytest.raises(ImportRefused) as refused:
        import_document(store, broken(mutate))

    assert message in str(refused.value)
    assert "nothing was changed" in str(refused.value)
    assert db_path.read_bytes() == before


def test_the_record_named_is_the_meeting_it_is_in(fresh_store):
    doc = broken(lambda d: d["meetings"][0].update(start_date="2021-02-30"))
    with pytest.raises(ImportRefused, match=r"meeting 1 'Annual Meeting and Exchange"):
        import_document(fresh_store, doc)
    assert fresh_store.meetings.count() == 0 and fresh_store.people.count() == 0


def test_a_failure_while_writing_rolls_back_everything(fresh_store, monkeypatch):
    """Even past validation, a write that fails half way leaves nothing behind."""
    from eventdesk.store import meetings

    calls = {"n": 0}

    def failing(db, meeting):
        calls["n"] += 1
        raise RuntimeError("disk full")

    monkeypatch.setattr(meetings, "save_meeting", failing)
    with pytest.raises(RuntimeError):
        import_file(fresh_store, SAMPLE)
    monkeypatch.undo()
    assert calls["n"] == 1
    assert fresh_store.people.count() == 0 and fresh_store.organisations.count() == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "other"}', "not an EventDesk interchange document"),
        ('{"format": "eventdesk", "version": 7}', "format version 7"),
        ("[1, 2]", "not an EventDesk interchange document"),
    ],
)
def test_files_that_are_not_documents_are_explained(fresh_store, tmp_path, text, message):
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportRefused, match=message):
        import_file(fresh_store, path)


def test_duplicate_keys_are_refused(fresh_store):
    doc = sample_document()
    doc["people"].append(copy.deepcopy(doc["people"][0]))
    with pytest.raises(ImportRefused, match="is used twice"):
        import_document(fresh_store, doc)
