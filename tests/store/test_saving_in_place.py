"""A save writes only what changed: part ids survive, and only changed rows fire the triggers."""

from __future__ import annotations

import pytest

from eventdesk.records import Session
from eventdesk.store import fts


def ids(meeting) -> dict[str, list[int]]:
    return {
        "sessions": [s.id for s in meeting.sessions],
        "attendees": [a.id for a in meeting.attendees],
        "presentations": [p.id for p in meeting.presentations],
        "decisions": [d.id for d in meeting.decisions],
        "courses": [c.id for c in meeting.courses],
        "files": [f.id for f in meeting.files],
    }


@pytest.fixture
def writes(sample_store):
    """Every row the triggers see written, as (table, operation, row id), from now on."""
    db = sample_store.db
    db.execute("CREATE TEMP TABLE written (tbl TEXT, op TEXT, row_id INTEGER)")
    for table in ("sessions", "attendances", "presentations", "decisions", "courses", "files"):
        for op, row in (("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old")):
            db.execute(
                f"CREATE TEMP TRIGGER log_{table}_{op} AFTER {op} ON main.{table} BEGIN "
                f"INSERT INTO written VALUES ('{table}', '{op}', {row}.id); END"
            )

    def seen() -> list[tuple[str, str, int]]:
        return [tuple(r) for r in db.execute("SELECT * FROM written ORDER BY rowid")]

    return seen


def test_changing_one_title_writes_one_attendance_and_keeps_every_id(
    sample_store, sample_meeting, writes
):
    before = ids(sample_meeting)
    changed = sample_meeting.attendees[3]
    changed.title = "Acting President"

    saved = sample_store.meetings.save(sample_meeting)

    assert ids(saved) == before
    assert saved.attendees[3].title == "Acting President"
    assert writes() == [("attendances", "UPDATE", changed.id)]


def test_a_save_with_no_change_writes_no_part(sample_store, sample_meeting, writes):
    saved = sample_store.meetings.save(sample_meeting)
    assert writes() == []
    assert ids(saved) == ids(sample_meeting)


def test_added_moved_and_removed_parts_touch_only_those_rows(sample_store, sample_meeting, writes):
    before = ids(sample_meeting)
    removed = sample_meeting.attendees.pop(0)
    sample_meeting.sessions.append(Session(title="Closing dinner"))

    saved = sample_store.meetings.save(sample_meeting)

    assert ids(saved)["sessions"][:-1] == before["sessions"]
    assert ids(saved)["attendees"] == before["attendees"][1:]
    log = writes()
    assert ("attendances", "DELETE", removed.id) in log
    assert ("sessions", "INSERT", saved.sessions[-1].id) in log
    # the others moved up one place: their precedence changed, nothing else was rewritten
    assert {op for table, op, _ in log if table == "attendances"} == {"DELETE", "UPDATE"}
    assert not [entry for entry in log if entry[0] in ("presentations", "decisions", "files")]


def test_the_course_register_still_opens_a_course_after_its_meeting_is_saved(
    sample_store, sample_meeting
):
    (row, *_) = sample_store.courses.list()
    course = sample_store.courses.get(row.id)
    sample_meeting.title += " (revised)"
    sample_meeting.attendees[0].title = "Chair of Council"

    sample_store.meetings.save(sample_meeting)

    again = sample_store.courses.get(row.id)
    assert (again.id, again.uid, again.title) == (course.id, course.uid, course.title)
    assert row.id in [r.id for r in sample_store.courses.list()]


def test_searching_finds_the_changed_title_after_a_save_in_place(sample_store, sample_meeting):
    sample_meeting.attendees[2].title = "Quartermaster"
    sample_store.meetings.save(sample_meeting)
    assert [m.id for m in sample_store.meetings.search("Quartermaster")] == [sample_meeting.id]


def test_the_unused_search_indexes_are_gone(sample_store):
    tables = {r[0] for r in sample_store.db.execute("SELECT name FROM sqlite_master")}
    for table in fts.RETIRED:
        assert f"{table}_fts" not in tables
        assert f"{table}_au" not in tables
    for table in fts.INDEXED:
        assert f"{table}_fts" in tables
