"""Meetings as an iCalendar (.ics) file, for the office's shared calendar.

Each meeting becomes one event. Its UID is the meeting's own ``uid``, so
importing the file again after an edit updates the event in the calendar
instead of adding a second one. Most meetings are recorded with a date and
no time: those are all-day events (DTEND is the day after the last day, as
RFC 5545 counts).

Times are the office's clock times: each carries a TZID naming the office's
time zone (a preference; by default the computer's), and the file carries
that zone's VTIMEZONE. Outlook needs the VTIMEZONE to place a TZID at all,
and Google Calendar reads the IANA name (``Asia/Shanghai``) in the TZID, so
both show 09:30 in Shanghai as 09:30 in Shanghai and 02:30 in London.

A meeting over several days with times (09:00-17:00 on 22 and 23 December)
is one event a day, each from the start to the end time: a single event
from the first morning to the last evening would fill the calendar
through the night. The days share the meeting's UID with "-day1", "-day2"
appended, so a newer file updates each of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event

from eventdesk import __version__
from eventdesk.records import Meeting, Side
from eventdesk.records.text import printable, terminal_text
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
    time_zone: str = "",
) -> int:
    """Write one meeting, or those starting within the dates, to ``path``; return how many.

    ``time_zone`` is an IANA name (``Asia/Shanghai``); empty means the computer's.
    """
    zone = office_zone(time_zone)
    if meeting_id is not None:
        meetings = [store.meetings.get(meeting_id)]
    else:
        rows = store.meetings.list(
            MeetingFilter(date_from=date_from, date_to=date_to), sort="date_asc"
        )
        meetings = [store.meetings.get(row.id) for row in rows]
    data = calendar_bytes(store, meetings, zone)
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise SpreadsheetError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    return len(meetings)


#: The longest zone name there is is about 30 characters; a longer one is not looked up.
MAX_ZONE_NAME = 255


def office_zone(name: str = "") -> ZoneInfo:
    """The zone named, or the computer's when ``name`` is empty; one line if there is none."""
    if not name:
        try:
            import tzlocal

            name = tzlocal.get_localzone_name() or "UTC"
        except Exception:  # no zone configured on this computer
            name = "UTC"
    shown = terminal_text(name if len(name) <= 60 else name[:60] + "…")  # a 300 MB "zone"
    if len(name) > MAX_ZONE_NAME:
        raise SpreadsheetError(
            f"Unknown time zone {shown!r} ({len(name):,} characters): use a name such as "
            "Asia/Shanghai or Europe/London."
        )
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise SpreadsheetError(
            f"Unknown time zone {shown!r}: use a name such as Asia/Shanghai or Europe/London."
        ) from None


def calendar_bytes(store: EventStore, meetings: Iterable[Meeting], zone: ZoneInfo) -> bytes:
    meetings = list(meetings)
    person_ids = {a.person_id for m in meetings for a in m.attendees if a.side is Side.OURS}
    # Each text as outputs print it: no NUL or ESC raw, an override kept to its own field.
    meetings = [printable(m) for m in meetings]
    people = {k: printable(v) for k, v in store.people.get_many(person_ids).items()}
    org_ids = {h.organisation_id for m in meetings for h in m.hosts}
    orgs = {k: printable(v) for k, v in store.organisations.get_many(org_ids).items()}
    calendar = Calendar()
    calendar.add("prodid", f"-//EventDesk//EventDesk {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "EventDesk meetings")
    stamp = datetime.now(UTC).replace(microsecond=0)
    for meeting in meetings:
        if meeting.start_date is None:
            continue
        spans = _spans(meeting, zone)
        for n, (start, end) in enumerate(spans, 1):
            event = Event()
            suffix = f"-day{n}" if len(spans) > 1 else ""
            event.add("uid", f"{meeting.uid}{suffix}@{UID_DOMAIN}")
            event.add("dtstamp", stamp)
            title = meeting.title or meeting.title_zh
            event.add("summary", f"{title} (day {n} of {len(spans)})" if suffix else title)
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
    calendar.add_missing_timezones()
    return calendar.to_ical()


Span = tuple[date | datetime, date | datetime | None]


def _spans(meeting: Meeting, zone: ZoneInfo) -> list[Span]:
    """All day when there is no start time; else one span a day, start time to end time."""
    assert meeting.start_date is not None
    last_day = max(meeting.end_date or meeting.start_date, meeting.start_date)
    if meeting.start_time is None:
        return [(meeting.start_date, last_day + timedelta(days=1))]
    spans: list[Span] = []
    day = meeting.start_date
    while day <= last_day:
        start = datetime.combine(day, meeting.start_time, tzinfo=zone)
        end = None
        if meeting.end_time is not None:
            end = datetime.combine(day, meeting.end_time, tzinfo=zone)
            if end < start:  # an evening running past midnight
                end += timedelta(days=1)
        spans.append((start, end))
        day += timedelta(days=1)
    return spans


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
