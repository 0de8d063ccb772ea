"""An attendee's gift (``Attendance.gift``/``gift_zh``): saved, exported, imported, migrated,
searched.

Added by following docs/adding-a-field.md's recipe for a meeting part's field. The gift given
to a guest or received from one is what an office's gift register keeps ("what did we give
their president last time?"); the minutes list it (tests/summary/test_gift_in_minutes.py).
Files and databases from before the field read it as empty, and an attendee without a gift is
exported as before (the field is ``sparse``).
"""

from __future__ import annotations

import json
from datetime import date

from sqlite_utils import Database

from eventdesk.records import Attendance, Meeting, Person
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from eventdesk.store.migrations import MIGRATIONS, m017_attendee_gift

VASE, VASE_ZH = "A blue-and-white porcelain vase", "青花瓷瓶"


def _visit(store: EventStore) -> int:
    """A partner's delegation visit: their president was given a vase; our host, nothing."""
    guest = store.people.save(Person("Wai", "Alexander", name_order="given_first"))
    host = store.people.save(Person("Ding", "Xiaodong"))
    meeting = Meeting("Delegation visit from Lingnan", date(2025, 5, 8))
    meeting.attendees = [
        Attendance(person_id=host.id),
        Attendance(person_id=guest.id, side="partner", gift=VASE, gift_zh=VASE_ZH),
    ]
    return store.meetings.save(meeting).id


def test_the_gift_is_saved_and_loaded_with_its_meeting(fresh_store):
    host, guest = fresh_store.meetings.get(_visit(fresh_store)).attendees
    assert (guest.gift, guest.gift_zh) == (VASE, VASE_ZH)
    assert (host.gift, host.gift_zh) == ("", "")


def test_the_gift_travels_in_the_interchange_format_and_is_left_out_when_empty(
    fresh_store, tmp_path
):
    exported = fresh_store.interchange.export_json(_visit(fresh_store))
    host, guest = json.loads(exported)["meetings"][0]["attendees"]
    assert (guest["gift"], guest["gift_zh"]) == (VASE, VASE_ZH)
    assert "gift" not in host and "gift_zh" not in host  # as files were before the field
    path = tmp_path / "visit.json"
    path.write_text(exported, encoding="utf-8")
    with EventStore.open(tmp_path / "other.sqlite3") as other:
        import_file(other, path)
        (row,) = other.meetings.list()
        again = other.meetings.get(row.id).attendees
    assert [(a.gift, a.gift_zh) for a in again] == [("", ""), (VASE, VASE_ZH)]


def test_a_file_written_before_the_field_reads_it_as_empty(fresh_store, tmp_path):
    data = json.loads(fresh_store.interchange.export_json(_visit(fresh_store)))
    for attendee in data["meetings"][0]["attendees"]:
        attendee.pop("gift", None), attendee.pop("gift_zh", None)
    path = tmp_path / "older.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with EventStore.open(tmp_path / "other.sqlite3") as other:
        import_file(other, path)
        (row,) = other.meetings.list()
        attendees = other.meetings.get(row.id).attendees
    assert [(a.gift, a.gift_zh) for a in attendees] == [("", ""), ("", "")]


def test_a_database_from_before_the_migration_keeps_its_attendees(tmp_path):
    """A file as the version before this migration left it (no columns, its version number
    whatever later migrations make it) opens with every attendee whole, and searchable."""
    before = MIGRATIONS.index(m017_attendee_gift)  # the version just before it
    path = tmp_path / "older.sqlite3"
    with EventStore.open(path) as store:
        meeting_id = _visit(store)
    db = Database(path)
    db.execute("ALTER TABLE attendances DROP COLUMN gift")
    db.execute("ALTER TABLE attendances DROP COLUMN gift_zh")
    db.execute(f"PRAGMA user_version = {before}")
    db.close()
    with EventStore.open(path) as store:
        attendees = store.meetings.get(meeting_id).attendees
        assert [(a.side.value, a.gift) for a in attendees] == [("ours", ""), ("partner", "")]
        assert {"gift", "gift_zh"} <= set(store.db["attendances"].columns_dict)
        assert [m.id for m in store.meetings.search("Lingnan")] == [meeting_id]


def test_searching_for_the_gift_finds_the_meeting(fresh_store):
    meeting_id = _visit(fresh_store)
    for typed in ("porcelain", "瓷瓶", "青花"):
        assert [m.id for m in fresh_store.meetings.search(typed)] == [meeting_id], typed
