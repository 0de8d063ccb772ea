"""Lists out to XLSX and CSV as Excel opens them; meetings out to a calendar."""

from __future__ import annotations

import csv
from datetime import UTC, date, time

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from eventdesk.records import Meeting
from eventdesk.spreadsheets import SpreadsheetError
from eventdesk.spreadsheets.ics import export_ics
from eventdesk.spreadsheets.lists import list_table
from eventdesk.spreadsheets.writing import write_table


def test_people_to_xlsx_with_a_bold_frozen_header(sample_store, tmp_path):
    headers, rows = list_table(sample_store, "people")
    path = write_table(tmp_path / "people.xlsx", headers, rows)

    sheet = load_workbook(path).active
    values = [[c.value or "" for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["Name", "Chinese name", "Title", "Organisation", "E-mail", "Meetings"]
    ding = next(row for row in values if row[0] == "DING Xiaodong")
    assert ding[:3] == ["DING Xiaodong", "丁晓东", "President"]
    assert len(values) == 1 + sample_store.people.count()
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["D"].width > sheet.column_dimensions["F"].width


def test_attendees_to_csv_that_excel_reads_as_utf8(sample_store, sample_meeting, tmp_path):
    headers, rows = list_table(sample_store, "attendees", sample_meeting.id)
    path = write_table(tmp_path / "attendees.csv", headers, rows)

    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle))
    assert read[0][:4] == ["Name", "Chinese name", "Role", "Side"]
    assert read[1][:5] == ["DING Xiaodong", "丁晓东", "Delegate", "Our delegation", "President"]
    assert len(read) == 1 + len(sample_meeting.attendees)


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    rows = [['=HYPERLINK("http://x")', "-3"]]
    sheet = load_workbook(write_table(tmp_path / "x.xlsx", ["A", "B"], rows)).active
    assert sheet["A2"].data_type == "s" and sheet["A2"].value.startswith("=HYPERLINK")
    text = write_table(tmp_path / "x.csv", ["A", "B"], rows).read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and ",-3" in text


def test_every_list_and_bad_requests(sample_store, tmp_path):
    for which in ("meetings", "people", "organisations", "courses"):
        headers, rows = list_table(sample_store, which)
        assert headers and rows
    with pytest.raises(SpreadsheetError, match="--meeting"):
        list_table(sample_store, "attendees")
    with pytest.raises(SpreadsheetError, match=r"\.xlsx or \.csv"):
        write_table(tmp_path / "x.pdf", ["A"], [])


def test_the_example_meeting_as_an_all_day_calendar_event(sample_store, sample_meeting, tmp_path):
    path = tmp_path / "meetings.ics"
    assert export_ics(sample_store, path) == 1

    (event,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == sample_meeting.title
    assert event.decoded("dtstart") == date(2021, 12, 22)
    assert event.decoded("dtend") == date(2021, 12, 23)
    assert str(event["uid"]) == f"{sample_meeting.uid}@eventdesk"
    assert str(event["location"]) == "Online"
    description = str(event["description"])
    assert "Shanghai-Hong Kong University Alliance" in description
    assert "DING Xiaodong, President" in description


def test_a_timed_meeting_and_a_period(sample_store, tmp_path):
    sample_store.meetings.save(
        Meeting(
            title="Visit",
            start_date=date(2022, 5, 10),
            start_time=time(9, 30),
            end_time=time(11, 0),
            venue="Room 101",
        )
    )
    path = tmp_path / "2022.ics"
    assert export_ics(sample_store, path, date_from=date(2022, 1, 1), time_zone="Asia/Shanghai")
    calendar = Calendar.from_ical(path.read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Visit"
    assert event.decoded("dtstart").isoformat() == "2022-05-10T09:30:00+08:00"
    assert event.decoded("dtend").isoformat() == "2022-05-10T11:00:00+08:00"
    assert event["dtstart"].params["TZID"] == "Asia/Shanghai"
    (zone,) = calendar.walk("VTIMEZONE")  # Outlook places a TZID only through its VTIMEZONE
    assert str(zone["tzid"]) == "Asia/Shanghai"
    utc = event.decoded("dtstart").astimezone(UTC)
    assert (utc.hour, utc.minute) == (1, 30)


def test_a_timed_meeting_over_two_days_is_one_event_a_day(sample_store, tmp_path):
    meeting = sample_store.meetings.save(
        Meeting(
            title="Workshop",
            start_date=date(2022, 6, 1),
            end_date=date(2022, 6, 2),
            start_time=time(9, 0),
            end_time=time(17, 0),
        )
    )
    path = tmp_path / "w.ics"
    export_ics(sample_store, path, meeting_id=meeting.id, time_zone="Europe/London")

    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    spans = [(e.decoded("dtstart").isoformat(), e.decoded("dtend").isoformat()) for e in events]
    assert spans == [
        ("2022-06-01T09:00:00+01:00", "2022-06-01T17:00:00+01:00"),
        ("2022-06-02T09:00:00+01:00", "2022-06-02T17:00:00+01:00"),
    ]
    assert [str(e["uid"]) for e in events] == [
        f"{meeting.uid}-day1@eventdesk",
        f"{meeting.uid}-day2@eventdesk",
    ]
    assert str(events[1]["summary"]) == "Workshop (day 2 of 2)"


def test_the_computers_zone_by_default_and_a_bad_zone_named(sample_store, tmp_path, monkeypatch):
    import tzlocal

    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Asia/Hong_Kong")
    sample_store.meetings.save(
        Meeting(title="Call", start_date=date(2022, 7, 1), start_time=time(15, 0))
    )
    path = tmp_path / "c.ics"
    export_ics(sample_store, path, date_from=date(2022, 1, 1))
    (event,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert event["dtstart"].params["TZID"] == "Asia/Hong_Kong"
    with pytest.raises(SpreadsheetError, match="Unknown time zone 'Mars/Olympus'"):
        export_ics(sample_store, path, time_zone="Mars/Olympus")


def test_xlsx_holds_dates_as_dates_and_counts_as_numbers(sample_store, tmp_path):
    """Excel sorts and sums them; it flags neither as "number stored as text"."""
    headers, rows = list_table(sample_store, "meetings")
    sheet = load_workbook(write_table(tmp_path / "m.xlsx", headers, rows)).active

    first = [c for c in next(sheet.iter_rows(min_row=2, max_row=2))]
    assert first[0].is_date and first[0].value.date() == date(2021, 12, 22)
    assert first[0].number_format == "yyyy-mm-dd"
    attendees = first[headers.index("Attendees")]
    assert attendees.data_type == "n" and attendees.value == 10
    assert sheet["A1"].data_type == "s" and sheet["A1"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:G{sheet.max_row}"  # Start, End and five more


def test_xlsx_keeps_phone_numbers_and_leading_zeros_as_text(tmp_path):
    rows = [["13812345678", "0123", "2021-13-45", "2021", "Room 5"]]
    path = write_table(tmp_path / "x.xlsx", ["Phone", "Code", "Odd", "Year", "Room"], rows)
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[2]] == ["13812345678", "0123", "2021-13-45", 2021, "Room 5"]
    csv_text = write_table(tmp_path / "x.csv", ["Phone", "Year"], [["0123", "2021"]])
    assert csv_text.read_text(encoding="utf-8-sig").splitlines()[1] == "0123,2021"
