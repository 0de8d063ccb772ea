"""Checks that name the record, the field and the problem.

A person reading "attendee 3 (CHEN Qi): title_zh: ..." knows where to look;
"invalid input" tells them nothing. Every check returns :class:`Problem`
values rather than raising at the first, so a form can mark all its bad
fields at once and an import can list every broken row.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, time
from enum import StrEnum
from typing import TypeVar

from eventdesk.records.enums import DecisionKind, FileKind
from eventdesk.records.images import check_image
from eventdesk.records.models import (
    Attendance,
    CourseEntry,
    Decision,
    Meeting,
    MeetingFile,
    Organisation,
    Person,
    Presentation,
    Session,
)
from eventdesk.records.problems import Problem
from eventdesk.records.problems import ValidationError as ValidationError  # where it was first
from eventdesk.records.problems import raise_if as raise_if
from eventdesk.records.text import text_problems

E = TypeVar("E", bound=StrEnum)


# -- parsing text typed or read from a file ---------------------------------

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def parse_date(text: str) -> date:
    """Read ``YYYY-MM-DD``, explaining why a date does not exist."""
    match = _DATE.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a date in the form YYYY-MM-DD")
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"{text!r} does not exist: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        month_name = calendar.month_name[month]
        raise ValueError(f"{text!r} does not exist: {month_name} {year} has {last} days")
    return date(year, month, day)


def parse_time(text: str) -> time:
    """Read ``HH:MM`` on a 24-hour clock."""
    match = _TIME.match(text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f"{text!r} is not a time in the form HH:MM (24-hour)")
    return time(int(match[1]), int(match[2]))


def parse_enum(kind: type[E], text: str) -> E:
    try:
        return kind(text)
    except ValueError:
        allowed = ", ".join(kind.__members__[name].value for name in kind.__members__)
        raise ValueError(f"{text!r} is not one of: {allowed}") from None


# -- the checks -------------------------------------------------------------


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def control_problems(record: object, label: str) -> list[Problem]:
    """A problem for each text field holding a control character (ESC, BEL, NUL…)."""
    return [Problem(label, name, problem) for name, problem in text_problems(record)]


def validate_person(person: Person, record: str = "person") -> list[Problem]:
    problems = control_problems(person, record)
    if _blank(person.family_name):
        problems.append(Problem(record, "family_name", "is required"))
    if person.email and not _EMAIL.match(person.email.strip()):
        problems.append(Problem(record, "email", f"{person.email!r} is not an e-mail address"))
    return problems


def validate_organisation(org: Organisation, record: str = "organisation") -> list[Problem]:
    problems = control_problems(org, record)
    if _blank(org.name) and _blank(org.name_zh):
        problems.append(Problem(record, "name", "is required (in English or Chinese)"))
    if org.id is not None and (org.parent_id == org.id or org.id in org.member_ids):
        problems.append(Problem(record, "parent_id", "an organisation cannot contain itself"))
    return problems


def validate_session(session: Session, record: str) -> list[Problem]:
    problems = control_problems(session, record)
    if _blank(session.title) and _blank(session.title_zh):
        problems.append(Problem(record, "title", "is required"))
    if session.start_time and session.end_time and session.end_time < session.start_time:
        problems.append(Problem(record, "end_time", "is before the start time"))
    return problems


def validate_attendance(attendance: Attendance, record: str) -> list[Problem]:
    problems = control_problems(attendance, record)
    if attendance.person_id is None:
        problems.append(Problem(record, "person", "is required"))
    return problems


def validate_presentation(p: Presentation, record: str, session_uids: set[str]) -> list[Problem]:
    problems = control_problems(p, record)
    if not p.presenter_ids and _blank(p.title):
        problems.append(Problem(record, "presenters", "name a presenter or a title"))
    if p.session_uid is not None and p.session_uid not in session_uids:
        problems.append(Problem(record, "session", "is not a session of this meeting"))
    return problems


def validate_course(course: CourseEntry, record: str) -> list[Problem]:
    problems = control_problems(course, record)
    if _blank(course.title) and _blank(course.title_zh):
        problems.append(Problem(record, "title", "is required"))
    if course.year is not None and not 1900 <= course.year <= 2200:
        problems.append(Problem(record, "year", f"{course.year} is not a plausible year"))
    return problems


def validate_decision(d: Decision, record: str, session_uids: set[str]) -> list[Problem]:
    problems = control_problems(d, record)
    if _blank(d.text) and _blank(d.text_zh):
        problems.append(Problem(record, "text", "is required"))
    if d.count is not None and d.count < 0:
        problems.append(Problem(record, "count", "cannot be negative"))
    if d.session_uid is not None and d.session_uid not in session_uids:
        problems.append(Problem(record, "session", "is not a session of this meeting"))
    if d.kind is DecisionKind.DISCUSSION and (d.owner_id is not None or d.due_date is not None):
        field_name = "owner" if d.owner_id is not None else "due_date"
        problems.append(
            Problem(record, field_name, "a topic discussed has none; make it an action item")
        )
    for n, party in enumerate(d.parties, 1):
        problems += control_problems(party, f"{record} party {n}")
        if party.organisation_id is None and party.person_id is None:
            problems.append(
                Problem(f"{record} party {n}", "party", "name an organisation or a person")
            )
    return problems


def validate_file(f: MeetingFile, record: str) -> list[Problem]:
    if _blank(f.original_name):
        return [Problem(record, "original_name", "is required")]
    if control_problems(f, record):
        return control_problems(f, record)
    # None: bytes not loaded (an edit of other fields), the stored ones are kept; b"" is a file
    # of 0 bytes, which no output can show.
    if f.kind == FileKind.PHOTO and f.data is not None:
        problem = check_image(f.data, f.media_type)
        if problem:
            return [Problem(record, "data", f"is not a photo EventDesk can show: {problem}")]
    return []


def validate_meeting(meeting: Meeting, record: str = "meeting") -> list[Problem]:
    """Check a meeting and everything it holds; each problem names its part and row."""
    problems: list[Problem] = control_problems(meeting, record)
    if _blank(meeting.title) and _blank(meeting.title_zh):
        problems.append(Problem(record, "title", "is required"))
    if meeting.start_date is None:
        problems.append(Problem(record, "start_date", "is required"))
    elif meeting.end_date is not None and meeting.end_date < meeting.start_date:
        problems.append(Problem(record, "end_date", "is before the start date"))
    if any(_blank(tag) for tag in meeting.tags):
        problems.append(Problem(record, "tags", "a tag cannot be empty"))

    session_uids = {s.uid for s in meeting.sessions}
    for n, s in enumerate(meeting.sessions, 1):
        problems += _in_part("sessions", n, validate_session(s, f"{record} › session {n}"))
    seen_people: set[int] = set()
    for n, a in enumerate(meeting.attendees, 1):
        where = f"{record} › attendee {n}"
        found = validate_attendance(a, where)
        if a.person_id in seen_people:
            found.append(Problem(where, "person", "is listed twice"))
        seen_people.add(a.person_id)
        problems += _in_part("attendees", n, found)
    for n, p in enumerate(meeting.presentations, 1):
        where = f"{record} › presentation {n}"
        problems += _in_part("presentations", n, validate_presentation(p, where, session_uids))
    for n, c in enumerate(meeting.courses, 1):
        problems += _in_part("courses", n, validate_course(c, f"{record} › course {n}"))
    for n, d in enumerate(meeting.decisions, 1):
        where = f"{record} › decision {n}"
        problems += _in_part("decisions", n, validate_decision(d, where, session_uids))
    for n, f in enumerate(meeting.files, 1):
        problems += _in_part("files", n, validate_file(f, f"{record} › file {n}"))
    return problems


def _in_part(part: str, row: int, problems: list[Problem]) -> list[Problem]:
    """The problems of row ``row`` (1-based) of a meeting's ``part``, saying so."""
    return [replace(p, part=part, row=row) for p in problems]
