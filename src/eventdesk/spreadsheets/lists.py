"""The main window's lists as tables, for exporting them without a window.

The GUI exports a list from its item model (``ui.table_export``), which
already knows the columns on screen. The command line has no model, so the
same columns are built here from the store's list queries; the headers are
the ones the main window and the meeting editor show, so a list exported
either way reads the same.
"""

from __future__ import annotations

from enum import StrEnum

from eventdesk.records import CourseStatus, MeetingFormat, MeetingStatus, OrganisationKind
from eventdesk.spreadsheets.errors import SpreadsheetError
from eventdesk.store import EventStore

LISTS = ("meetings", "people", "organisations", "courses", "attendees")

Table = tuple[list[str], list[list[str]]]


def list_table(store: EventStore, which: str, meeting_id: int | None = None) -> Table:
    """Headers and rows of one list: ``meetings``, ``people``, ..., or one meeting's attendees."""
    if which == "attendees":
        if meeting_id is None:
            raise SpreadsheetError("The attendees list is one meeting's; name it: --meeting ID.")
        return attendees_table(store, meeting_id)
    if meeting_id is not None:
        raise SpreadsheetError(f"--meeting goes with the attendees list, not with {which}.")
    builders = {
        "meetings": meetings_table,
        "people": people_table,
        "organisations": organisations_table,
        "courses": courses_table,
    }
    if which not in builders:
        raise SpreadsheetError(f"There is no list {which!r}; choose one of {', '.join(LISTS)}.")
    return builders[which](store)


def meetings_table(store: EventStore) -> Table:
    """One row a meeting; its first and last day in two date columns (a one-day meeting's
    End is its Start), so every row sorts and filters by date."""
    headers = ["Start", "End", "Title", "Series", "Format", "Attendees", "Status"]
    rows = [
        [
            m.start_date,
            m.end_date or m.start_date,
            m.title or m.title_zh,
            m.series,
            _label(MeetingFormat, m.format),
            str(m.attendee_count),
            _label(MeetingStatus, m.status),
        ]
        for m in store.meetings.list()
    ]
    return headers, rows


def people_table(store: EventStore) -> Table:
    headers = ["Name", "Chinese name", "Title", "Organisation", "E-mail", "Meetings"]
    rows = [
        [p.name, p.name_zh, p.title, p.organisation, p.email, str(p.meeting_count)]
        for p in store.people.list()
    ]
    return headers, rows


def organisations_table(store: EventStore) -> Table:
    headers = ["Name", "Chinese name", "Short name", "Kind", "City", "Meetings"]
    rows = [
        [
            o.name,
            o.name_zh,
            o.short_name,
            _label(OrganisationKind, o.kind),
            o.city,
            str(o.meeting_count),
        ]
        for o in store.organisations.list()
    ]
    return headers, rows


def courses_table(store: EventStore) -> Table:
    headers = ["Year", "Course", "Programme", "Institution", "Teachers", "Status", "Meeting"]
    rows = [
        [
            "" if c.year is None else str(c.year),
            c.title or c.title_zh,
            c.programme,
            c.institution,
            c.teachers,
            _label(CourseStatus, c.status),
            c.meeting_title,
        ]
        for c in store.courses.list()
    ]
    return headers, rows


def attendees_table(store: EventStore, meeting_id: int) -> Table:
    """The meeting editor's attendee columns, with the Chinese name the leadership asks for."""
    meeting = store.meetings.get(meeting_id)
    people = store.people.get_many(a.person_id for a in meeting.attendees)
    orgs = store.organisations.get_many(a.organisation_id for a in meeting.attendees)
    headers = [
        "Name",
        "Chinese name",
        "Role",
        "Side",
        "Title then",
        "Organisation then",
        "Capacity",
    ]
    rows = []
    for a in meeting.attendees:
        person = people.get(a.person_id)
        org = orgs.get(a.organisation_id) if a.organisation_id is not None else None
        rows.append(
            [
                person.display_name if person else f"(person {a.person_id})",
                person.name_zh if person else "",
                a.role.label,
                a.side.label,
                a.title or a.title_zh,
                org.label if org else "",
                a.capacity or a.capacity_zh,
            ]
        )
    return headers, rows


def _label(kind: type[StrEnum], value: str) -> str:
    try:
        return kind(value).label  # type: ignore[attr-defined]
    except ValueError:
        return value
