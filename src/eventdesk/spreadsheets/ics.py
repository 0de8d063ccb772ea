"""Meetings as an iCalendar (.ics) file, for the office's shared calendar.

Each meeting becomes one event. Its UID is the meeting's own ``uid``, so
importing the file again after an edit updates the event in the calendar
instead of adding a second one. Most meetings are recorded with a date and
no time: those are all-day events (DTEND is the day after the last day, as
RFC 5545 counts). Times are written as "floating" local times, because the
records do not say in which time zone a meeting was held; a calendar shows
them at the clock time typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from eventdesk import __version__
from eventdesk.records import Meeting, Side
from eventdesk.spreadsheets.errors import SpreadsheetError
from eventdesk.store import EventStore, MeetingFilter

UID_DOMAIN = "eventdesk"


def export_ics(
    store: EventStore,
    path: Path,
    *,
    meeting_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> int:
    """Write one meeting, or those starting within the dates, to ``path``; return how many."""
    if meeting_id is not None:
        meetings = [store.get_meeting(meeting_id)]
    else:
        rows = store.list_meetings(
            MeetingFilter(date_from=date_from, date_to=date_to), sort="date_asc"
        )
        meetings = [store.get_meeting(row.id) for row in rows]
    data = calendar_bytes(store, meetings)
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise SpreadsheetError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    return len(meetings)


def calendar_bytes(store: EventStore, meetings: Iterable[Meeting]) -> bytes:
    meetings = list(meetings)
    person_ids = {a.person_id for m in meetings for a in m.attendees if a.side is Side.OURS}
    people = store.get_people(person_ids)
    org_ids = {h.organisation_id for m in meetings for h in m.hosts}
    orgs = store.get_organisations(org_ids)
    calendar = Calendar()
    calendar.add("prodid", f"-//EventDesk//EventDesk {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "EventDesk meetings")
    stamp = datetime.now(UTC).replace(microsecond=0)
    for meeting in meetings:
        if meeting.start_date is None:
            continue
        event = Event()
        event.add("uid", f"{meeting.uid}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("summary", meeting.title or meeting.title_zh)
        start, end = _span(meeting)
        event.add("dtstart", start)
        if end is not None:
            event.add("dtend", end)
        venue = meeting.venue or meeting.venue_zh
        if venue:
            event.add("location", venue)
        event.add("description", _description(meeting, people, orgs))
        if meeting.tags:
            event.add("categories", meeting.tags)
        calendar.add_component(event)
    return calendar.to_ical()


def _span(meeting: Meeting) -> tuple[date | datetime, date | datetime | None]:
    """All day when there is no start time; else from the start time to the end, if known."""
    assert meeting.start_date is not None
    last_day = meeting.end_date or meeting.start_date
    if meeting.start_time is None:
        return meeting.start_date, last_day + timedelta(days=1)
    start = datetime.combine(meeting.start_date, meeting.start_time)
    if meeting.end_time is None:
        return start, None
    end = datetime.combine(last_day, meeting.end_time)
    return start, end if end >= start else None


def _description(meeting: Meeting, people: dict, orgs: dict) -> str:
    lines = [f"Format: {meeting.format.label}"]
    hosts = [orgs[h.organisation_id].label for h in meeting.hosts if h.organisation_id in orgs]
    if hosts:
        lines.append("Hosted by: " + "; ".join(hosts))
    ours = []
    for a in meeting.attendees:
        person = people.get(a.person_id)
        if a.side is Side.OURS and person is not None:
            title = a.title or a.title_zh
            ours.append(f"{person.display_name}, {title}" if title else person.display_name)
    if ours:
        lines.append("Our attendees: " + "; ".join(ours))
    if meeting.series:
        lines.append(f"Series: {meeting.series}")
    return "\n".join(lines)
