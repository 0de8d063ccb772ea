"""A team database keeps the history of what psql changes in a course or a meeting's parts
(issue 23, item 5).

Given a course and a meeting with attendees, sessions and a talk saved through EventDesk, when
an administrator changes them in psql (another program), then the database writes the lines
itself: a course's changed columns under its own history; an attendance, session or presenter
added, changed or deleted as a change of its meeting ("attendees: +1"), the meeting moved on a
version so a clerk who had it open is told rather than overwriting it. EventDesk's own saves
still keep one line each.
"""

from __future__ import annotations

from datetime import date

import pytest
from tests.store.test_postgres_history import _by_hand

from eventdesk.records import Attendance, CourseEntry, Meeting, Person, Presentation, Session
from eventdesk.store import Conflict, EventStore
from eventdesk.store.engines import connect


@pytest.fixture
def store(postgres_address):
    with EventStore.open(postgres_address) as opened:
        yield opened


@pytest.fixture
def meeting(store) -> Meeting:
    ding = store.people.save(Person("Ding", "Xiaodong"))
    wai = store.people.save(Person("Wai", "Alexander"))
    meeting = Meeting("SHUA 2021", date(2021, 12, 22))
    meeting.attendees = [Attendance(ding.id, title="President")]
    meeting.sessions = [Session("Council meeting")]
    meeting.presentations = [
        Presentation(title="Summer school", session_uid=meeting.sessions[0].uid)
    ]
    meeting.courses = [CourseEntry("Chinese culture")]
    saved = store.meetings.save(meeting)
    saved.wai_id = wai.id  # type: ignore[attr-defined]
    return saved


def _role(store: EventStore) -> str:
    return store.connection.execute("SELECT session_user").scalar()


def test_eventdesk_s_own_save_of_parts_keeps_one_line(store, meeting):
    assert [c.action for c in store.history.of("meeting", meeting.id)] == ["created"]
    meeting.attendees[0].title = "Vice President"
    meeting.sessions.append(Session("Closing"))
    saved = store.meetings.save(meeting)
    (latest, _) = store.history.of("meeting", meeting.id)
    assert (latest.version, saved.version) == (2, 2)
    assert latest.described() == ["sessions: +1", "attendees: 1 changed"]


def test_a_course_changed_in_psql_is_a_line_of_its_own(store, meeting, postgres_address):
    course = meeting.courses[0]
    opened = store.courses.get(course.id)
    _by_hand(
        postgres_address, "UPDATE courses SET teachers = ? WHERE id = ?", ["Prof. Chan", course.id]
    )

    latest = store.history.of("course", course.id)[0]
    assert (latest.who, latest.version, latest.action) == (_role(store), 2, "changed")
    assert latest.changes == {"teachers": {"old": "", "new": "Prof. Chan"}}
    assert store.courses.get(course.id).version == 2
    opened.notes = "Mine"
    with pytest.raises(Conflict):
        store.courses.save(opened)
    assert [c.action for c in store.history.of("meeting", meeting.id)] == ["created"]


def test_attendances_added_changed_and_deleted_in_psql_are_lines_of_the_meeting(
    store, meeting, postgres_address
):
    opened = store.meetings.get(meeting.id)
    _by_hand(
        postgres_address,
        "INSERT INTO attendances (uid, meeting_id, precedence, person_id, role, side) "
        "VALUES (?, ?, 1, ?, 'delegate', 'partner')",
        ["psql-added", meeting.id, meeting.wai_id],
    )
    _by_hand(
        postgres_address, "UPDATE attendances SET title = 'Dean' WHERE uid = ?", ["psql-added"]
    )
    _by_hand(postgres_address, "DELETE FROM attendances WHERE uid = ?", ["psql-added"])

    lines = store.history.of("meeting", meeting.id)
    assert [(c.version, c.who) for c in lines[:3]] == [
        (4, _role(store)),
        (3, _role(store)),
        (2, _role(store)),
    ]
    assert [c.described() for c in lines[:3]] == [
        ["attendees: \u22121"],
        ["attendees: 1 changed"],
        ["attendees: +1"],
    ]
    assert store.meetings.get(meeting.id).version == 4
    opened.title = "Mine"
    with pytest.raises(Conflict):  # the clerk who had it open is told, not overwriting
        store.meetings.save(opened)


def test_a_session_and_a_presenter_changed_in_psql_name_their_meeting(
    store, meeting, postgres_address
):
    talk = meeting.presentations[0]
    talk_id = store.connection.execute(
        "SELECT id FROM presentations WHERE uid = ?", [talk.uid]
    ).scalar()
    _by_hand(
        postgres_address, "UPDATE sessions SET title = 'Council' WHERE meeting_id = ?", [meeting.id]
    )
    _by_hand(
        postgres_address,
        "INSERT INTO presenters (presentation_id, person_id, position) VALUES (?, ?, 0)",
        [talk_id, meeting.wai_id],
    )
    presenter, session = store.history.of("meeting", meeting.id)[:2]
    assert session.described() == ["sessions: 1 changed"]
    assert presenter.described() == ["presentations: 1 changed"]
    assert store.meetings.get(meeting.id).presentations[0].presenter_ids == [meeting.wai_id]


def test_a_meeting_deleted_in_psql_part_by_part_keeps_only_the_meeting_s_lines(
    store, meeting, postgres_address
):
    count = store.connection.execute("SELECT count(*) FROM history").scalar()
    with connect(f"{postgres_address}?application_name=psql") as psql, psql.transaction():
        for table in ("presentations", "sessions", "attendances", "courses"):
            psql.execute(f"DELETE FROM {table} WHERE meeting_id = ?", [meeting.id])
        psql.execute("DELETE FROM meetings WHERE id = ?", [meeting.id])
    added = store.connection.execute(
        "SELECT record_type, action FROM history ORDER BY id OFFSET ?", [count]
    ).fetchall()
    assert all(kind == "meeting" for kind, _ in added)  # lines of the parts, then it went


def test_an_older_team_database_gets_the_course_columns_and_triggers(postgres_address):
    from eventdesk.store.engines import postgres_schema

    with EventStore.open(postgres_address) as store:
        conn = store.connection
        with conn.transaction():
            for column in ("version", "updated_by", "updated_at"):
                conn.execute(f"ALTER TABLE courses DROP COLUMN {column}")
            for table in ("courses", "attendances"):
                conn.execute(f"DROP TRIGGER eventdesk_history ON {table}")
            conn.execute("UPDATE schema_version SET version = version - 1")
        assert postgres_schema.upgrade(conn) == [postgres_schema.LATEST_VERSION]
        assert {"version", "updated_by", "updated_at"} <= set(conn.column_names("courses"))
        triggers = conn.execute(
            "SELECT DISTINCT event_object_table FROM information_schema.triggers "
            "WHERE trigger_name = 'eventdesk_history'"
        ).fetchall()
        assert {"courses", "attendances", "presenters"} <= {t for (t,) in triggers}


def test_a_team_database_at_this_schema_from_before_the_part_triggers_gets_them(
    postgres_address,
):
    """Made by an EventDesk of this schema version before the triggers on a meeting's parts
    were added (its objects counted 1): the owner's next opening makes them."""
    with EventStore.open(postgres_address) as store:
        conn = store.connection
        with conn.transaction():
            conn.execute("DROP TRIGGER eventdesk_history ON attendances")
            conn.execute("UPDATE schema_version SET objects = 1")
    with EventStore.open(postgres_address) as store:
        triggers = store.connection.execute(
            "SELECT event_object_table FROM information_schema.triggers "
            "WHERE trigger_name = 'eventdesk_history'"
        ).fetchall()
        assert "attendances" in {t for (t,) in triggers}
