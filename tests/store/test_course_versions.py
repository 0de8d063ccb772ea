"""A course is a record of its own with a version and a history, as a meeting is (issue 23,
items 4 and 5).

Given a course of the register, saved alone or with its meeting, when two clerks loaded it at
the same version and both save, the second gets a ``Conflict`` naming who saved and when, with
nothing written; each save keeps its line of history (created, the fields changed with old and
new, taken off its meeting's list). A meeting imported again replaces its courses at whatever
version they are. Run on a file and on a team database.
"""

from __future__ import annotations

from datetime import date

import pytest
from tests.store.conftest import who_saves

from eventdesk.records import CourseEntry, CourseStatus, Meeting
from eventdesk.store import EventStore
from eventdesk.store.errors import Conflict
from eventdesk.store.interchange import export_meeting, import_document


def _meeting_with_a_course(store: EventStore) -> Meeting:
    meeting = Meeting("SHUA annual meeting 2021", date(2021, 12, 22))
    meeting.courses = [CourseEntry("Chinese culture", year=2022)]
    return store.meetings.save(meeting)


def test_a_course_saved_alone_counts_versions_and_keeps_lines(opened):
    store = opened()
    course = store.courses.save(CourseEntry("Urban planning", year=2022))
    assert (course.version, course.updated_by) == (1, who_saves(store))
    course.status = CourseStatus.SHORTLISTED
    course.teachers = "Prof. Chan"
    saved = store.courses.save(course)
    assert saved.version == 2
    latest, first = store.history.of("course", course.id)
    assert (first.action, first.version) == ("created", 1)
    assert (latest.action, latest.version, latest.who) == ("changed", 2, who_saves(store))
    assert latest.changes == {
        "teachers": {"old": "", "new": "Prof. Chan"},
        "status": {"old": "nominated", "new": "shortlisted"},
    }


def test_a_course_saved_since_it_was_loaded_is_refused_with_nothing_written(opened):
    mine, theirs = opened(), opened()
    course = mine.courses.save(CourseEntry("Urban planning"))
    stale = mine.courses.get(course.id)
    other = theirs.courses.get(course.id)
    other.teachers = "Prof. Chan"
    theirs.courses.save(other)

    stale.notes = "Mine"
    with pytest.raises(Conflict) as refused:
        mine.courses.save(stale)
    assert str(refused.value).startswith(f"{who_saves(theirs)} saved this course at ")
    stored = mine.courses.get(course.id)
    assert (stored.version, stored.teachers, stored.notes) == (2, "Prof. Chan", "")
    assert len(mine.history.of("course", course.id)) == 2


def test_a_meetings_save_counts_its_courses_versions_and_lines(opened):
    store = opened()
    meeting = _meeting_with_a_course(store)
    (course,) = meeting.courses
    assert (course.version, course.updated_by) == (1, who_saves(store))
    assert [c.action for c in store.history.of("course", course.id)] == ["created"]

    meeting.title = "SHUA 2021"  # the course unchanged: no version, no line
    meeting = store.meetings.save(meeting)
    assert meeting.courses[0].version == 1
    meeting.courses[0].status = CourseStatus.SHORTLISTED
    meeting = store.meetings.save(meeting)
    assert meeting.courses[0].version == 2
    changed = store.history.of("course", course.id)[0]
    assert (changed.action, changed.fields) == ("changed", ("status",))

    meeting.courses = []
    store.meetings.save(meeting)
    removed = store.history.of("course", course.id)[0]
    assert removed.described() == ["taken off its meeting's list (deleted)"]


def test_a_meeting_holding_a_course_saved_alone_since_is_refused_whole(opened):
    mine, theirs = opened(), opened()
    meeting = _meeting_with_a_course(mine)
    course = theirs.courses.get(meeting.courses[0].id)
    course.status = CourseStatus.SHORTLISTED  # the register, in another clerk's window
    theirs.courses.save(course)

    meeting.title = "Mine"  # the meeting's editor still holds the course as it was
    with pytest.raises(Conflict) as refused:
        mine.meetings.save(meeting)
    assert "saved this course at " in str(refused.value)
    stored = mine.meetings.get(meeting.id)
    assert stored.title == "SHUA annual meeting 2021"
    assert stored.courses[0].status is CourseStatus.SHORTLISTED


def test_a_meeting_imported_again_replaces_its_courses_at_their_version(opened):
    store = opened()
    meeting = _meeting_with_a_course(store)
    exported = export_meeting(store, meeting.id)
    course = store.courses.get(meeting.courses[0].id)
    course.notes = "Changed after the export"
    store.courses.save(course)

    import_document(store, exported)
    again = store.courses.get(course.id)
    assert (again.notes, again.version) == ("", 3)
    assert [c.action for c in store.history.of("course", course.id)] == [
        "changed",
        "changed",
        "created",
    ]


def test_a_file_from_before_course_versions_opens_and_its_courses_save(fresh_store, db_path):
    """Migration 20 from the file just before it: courses saved then read as version 0, and
    their first save claims them from there."""
    from eventdesk.store.migrations import MIGRATIONS, m020_course_versions

    meeting = _meeting_with_a_course(fresh_store)
    db = fresh_store.db
    with db.atomic():
        for column in ("version", "updated_by", "updated_at"):
            db.execute(f"ALTER TABLE courses DROP COLUMN {column}")
        db.execute(f"PRAGMA user_version = {MIGRATIONS.index(m020_course_versions)}")
    fresh_store.close()
    with EventStore.open(db_path) as store:
        old = store.courses.get(meeting.courses[0].id)
        assert (old.version, old.updated_by) == (0, "")
        old.year = 2023
        assert store.courses.save(old).version == 1
        assert store.history.of("course", old.id)[0].changes == {"year": {"old": 2022, "new": 2023}}
