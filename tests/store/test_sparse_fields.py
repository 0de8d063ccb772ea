"""A field added after version 1 of the interchange format is declared ``sparse``: the file
carries it only when it is set, so a file of records that leave it empty is the same bytes as
before the field (``tests/store/test_export_unchanged.py``), and a file without it reads it as
empty (docs/adding-a-field.md, docs/format.md)."""

from __future__ import annotations

from dataclasses import dataclass

from eventdesk.records import Attendance, Person
from eventdesk.records.fields import text, value
from eventdesk.store.interchange.exporter import Keys, record_document


@dataclass
class _Later(Person):
    """A person as a later version of the format might declare one."""

    badge_name: str = text("&Badge name", sparse=True)
    seated: bool = value("bool", default=False, sparse=True)


def test_a_sparse_field_at_its_default_is_left_out():
    written = record_document(_Later("Wai", uid="p1"), Keys({}, {}))
    assert "badge_name" not in written and "seated" not in written
    assert written == record_document(Person("Wai", uid="p1"), Keys({}, {}))


def test_a_sparse_field_set_is_written_in_its_place():
    written = record_document(_Later("Wai", uid="p1", badge_name="Alex", seated=True), Keys({}, {}))
    assert written["badge_name"] == "Alex" and written["seated"] is True
    assert list(written)[-2:] == ["badge_name", "seated"]


def test_a_field_not_declared_sparse_is_written_empty_as_version_1_files_have_it():
    written = record_document(Attendance(person_id=1, uid="a1"), Keys({1: "p1"}, {}))
    assert written["capacity"] == "" and written["organisation"] is None
