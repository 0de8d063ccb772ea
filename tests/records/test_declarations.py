"""Every field of every record and meeting part is declared once (records/fields.py).

The store's tables and row converters and the interchange format are derived from these
declarations, so a field without one, a Chinese form without its twin, or a reference without the
table it names would be a field those layers silently leave out.
"""

from __future__ import annotations

import dataclasses

import pytest

from eventdesk.records import (
    Attendance,
    CourseEntry,
    Decision,
    DecisionParty,
    HostOrganisation,
    Meeting,
    MeetingFile,
    Organisation,
    Person,
    Presentation,
    Session,
)
from eventdesk.records.fields import (
    TYPES,
    chinese_pairs,
    declared,
    declared_fields,
    naming_fields,
    part_lists,
    searched_fields,
    text,
    text_fields,
    value,
)

RECORDS = [
    Organisation,
    Person,
    Meeting,
    HostOrganisation,
    Session,
    Attendance,
    Presentation,
    CourseEntry,
    Decision,
    DecisionParty,
    MeetingFile,
]


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_every_field_is_declared_with_a_known_kind_and_type(cls):
    declarations = {d.field: d for d in declared_fields(cls)}
    assert list(declarations) == [f.name for f in dataclasses.fields(cls)]
    for d in declarations.values():
        assert d.kind in {"text", "value", "ref", "refs", "parts", "id", "uid"}, d
        assert d.type in {*TYPES, "id", "list"}, d


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_every_chinese_form_is_declared_beside_its_english_one(cls):
    names = [f.name for f in dataclasses.fields(cls)]
    paired = {zh for _, zh in chinese_pairs(cls)}
    for name in names:
        if name.endswith("_zh") and name.removesuffix("_zh") in names:
            assert name in paired, f"{cls.__name__}.{name} is not declared a Chinese form"


def test_the_uid_is_the_interchange_id_and_the_row_id_is_not_exchanged():
    for cls in RECORDS:
        if "uid" in {f.name for f in dataclasses.fields(cls)}:
            assert declared(cls, "uid").name == "id"
            assert declared(cls, "id").name == ""


def test_references_name_their_table_and_their_interchange_name():
    assert declared(Person, "organisation_id").table == "organisations"
    assert declared(Person, "organisation_id").name == "organisation"
    assert declared(Session, "chair_id").table == "people"
    assert declared(Session, "chair_id").name == "chair"
    assert declared(Organisation, "parent_id").name == "parent"
    assert declared(CourseEntry, "institution_id").name == "institution"
    session = declared(Presentation, "session_uid")
    assert (session.sibling, session.column, session.name) == (True, "session_id", "session")
    presenters = declared(Presentation, "presenter_ids")
    assert (presenters.link, presenters.owner, presenters.key) == (
        "presenters",
        "presentation_id",
        "person_id",
    )
    assert presenters.column == ""  # kept in its link table, not in the presentation's row
    assert declared(CourseEntry, "meeting_id").name == ""  # the interchange nests it instead


def test_a_meeting_lists_its_parts_with_their_tables_in_the_order_it_declares_them():
    assert [(d.field, d.part, d.table) for d in part_lists(Meeting)] == [
        ("hosts", HostOrganisation, "meeting_hosts"),
        ("sessions", Session, "sessions"),
        ("attendees", Attendance, "attendances"),
        ("presentations", Presentation, "presentations"),
        ("courses", CourseEntry, "courses"),
        ("decisions", Decision, "decisions"),
        ("files", MeetingFile, "files"),
    ]
    assert declared(Meeting, "attendees").order == "precedence"
    assert declared(Meeting, "hosts").key == "organisation_id"
    assert [(d.field, d.owner) for d in part_lists(Decision)] == [("parties", "decision_id")]


def test_a_person_is_searched_and_named_by_the_fields_the_office_looks_them_up_by():
    assert searched_fields(Person) == (
        "family_name",
        "given_name",
        "name_zh",
        "title",
        "title_zh",
        "email",
    )
    assert naming_fields(Person) == ("family_name", "given_name", "name_zh")
    assert naming_fields(Organisation) == ("name", "name_zh", "short_name")


def test_names_are_stripped_so_they_are_not_plain_text_fields():
    plain = text_fields(Person)
    # not a list of every field: a field added by docs/adding-a-field.md breaks nothing here
    assert not {"family_name", "given_name", "name_zh", "email"} & set(plain)
    assert {"honorific", "honorific_zh", "title", "title_zh", "phone", "notes"} <= set(plain)
    assert declared(Person, "family_name").strip
    assert declared(Person, "family_name").required


def test_a_chinese_form_without_its_field_is_refused_when_declared():
    @dataclasses.dataclass
    class Broken:
        venue: str = text(zh=True)

    with pytest.raises(TypeError, match="venue_zh"):
        declared_fields(Broken)


def test_an_unknown_value_type_is_refused():
    with pytest.raises(ValueError, match="money"):
        value("money")
