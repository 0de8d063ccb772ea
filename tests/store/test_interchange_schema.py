"""The JSON Schema shipped with the program is the one the records' declarations give.

Given the declarations of records/fields.py, when the schema is generated, then it is the
file the program reads and ships (so a field added to a record is in the schema the moment
the file is written again), every note of the generator names a field the format carries,
and the schema accepts the kept exports and refuses what version 1 always refused.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from eventdesk.records import Attendance, Person
from eventdesk.store.interchange import load_schema
from eventdesk.store.interchange.declared import exchanged
from eventdesk.store.interchange.schema import FILE, generate, named_in_notes, text

EXPORTS = Path(__file__).parent / "data" / "exports"


def test_the_shipped_schema_is_the_generated_one():
    assert FILE.read_text(encoding="utf-8") == text(), (
        "format-1.schema.json is not what the declarations give: "
        "run python -m eventdesk.store.interchange.schema"
    )
    assert load_schema() == generate()


def test_every_note_names_a_field_of_the_format():
    assert named_in_notes() == []


@pytest.mark.parametrize(("cls", "where"), [(Person, ("person",)), (Attendance, ("meeting",))])
def test_every_field_a_file_carries_is_in_the_schema(cls, where):
    definition = load_schema()["$defs"][where[0]]
    if cls is Attendance:
        definition = definition["properties"]["attendees"]["items"]
    assert list(definition["properties"]) == [d.name for d in exchanged(cls)]


def _errors(document: dict) -> list[str]:
    return [e.message for e in Draft202012Validator(load_schema()).iter_errors(document)]


@pytest.mark.parametrize("name", ["shua-2021-annual-meeting.json", "small-database.json"])
def test_the_kept_exports_follow_the_schema(name):
    assert _errors(json.loads((EXPORTS / name).read_text(encoding="utf-8"))) == []


def _meeting(document: dict) -> dict:
    return document["meetings"][0]


REFUSED = {
    "an empty family name": lambda d: d["people"][0].update(family_name=""),
    "a person without an id": lambda d: d["people"][0].pop("id"),
    "a meeting without its format": lambda d: _meeting(d).pop("format"),
    "an unknown role": lambda d: _meeting(d)["attendees"][0].update(role="king"),
    "a negative count": lambda d: _meeting(d)["decisions"][0].update(count=-1),
    "an empty tag": lambda d: _meeting(d).update(tags=[""]),
    "a field no record has": lambda d: _meeting(d)["sessions"][0].update(colour="red"),
    "a key with a space": lambda d: d["organisations"][0].update(id="a key"),
    "a date in words": lambda d: _meeting(d).update(start_date="1 May 2021"),
    "a file without its bytes": lambda d: _meeting(d)["files"][0].pop("data"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_the_schema_refuses_what_version_1_refused(case):
    document = json.loads((EXPORTS / "shua-2021-annual-meeting.json").read_text(encoding="utf-8"))
    broken = copy.deepcopy(document)
    REFUSED[case](broken)
    assert _errors(broken) != []
