from datetime import date

import pytest

from eventdesk.records import (
    Attendance,
    Meeting,
    MeetingFormat,
    Person,
    Presentation,
    Session,
    parse_date,
    parse_enum,
    parse_time,
    validate_meeting,
    validate_person,
)


def test_a_date_that_does_not_exist_is_explained():
    with pytest.raises(ValueError, match="February 2021 has 28 days"):
        parse_date("2021-02-30")
    with pytest.raises(ValueError, match="no month 13"):
        parse_date("2021-13-01")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date("22/12/2021")
    assert parse_date("2020-02-29") == date(2020, 2, 29)


def test_times_are_24_hour_clock():
    assert parse_time("9:30").hour == 9
    with pytest.raises(ValueError, match="HH:MM"):
        parse_time("25:00")


def test_unknown_enum_value_lists_the_allowed_ones():
    with pytest.raises(ValueError, match="online, onsite, hybrid"):
        parse_enum(MeetingFormat, "webinar")


def test_person_without_family_name_is_refused_by_field():
    (problem,) = validate_person(Person(family_name=" ", given_name="Qi"), "person 'Qi'")
    assert (problem.record, problem.field, problem.message) == (
        "person 'Qi'",
        "family_name",
        "is required",
    )
    assert str(problem) == "person 'Qi': family_name: is required"


def test_bad_email_is_named():
    (problem,) = validate_person(Person("Chen", "Qi", email="chen at usst"))
    assert problem.field == "email"


def test_meeting_problems_name_the_part_and_row_they_are_in():
    meeting = Meeting(
        title="",
        start_date=date(2021, 12, 22),
        end_date=date(2021, 12, 21),
        sessions=[Session(title="Opening"), Session(title="")],
        attendees=[Attendance(person_id=1), Attendance(person_id=1)],
        presentations=[Presentation(session_uid="nowhere", title="Talk")],
    )
    found = {(p.record, p.field, p.part, p.row) for p in validate_meeting(meeting)}
    assert found == {
        ("meeting", "title", "", None),
        ("meeting", "end_date", "", None),
        ("meeting › session 2", "title", "sessions", 2),
        ("meeting › attendee 2", "person", "attendees", 2),
        ("meeting › presentation 1", "session", "presentations", 1),
    }


def test_a_complete_meeting_has_no_problems():
    opening = Session(title="Opening ceremony")
    meeting = Meeting(
        title="Annual meeting",
        start_date=date(2021, 12, 22),
        sessions=[opening],
        attendees=[Attendance(person_id=1)],
        presentations=[Presentation(session_uid=opening.uid, presenter_ids=[1])],
    )
    assert validate_meeting(meeting) == []
