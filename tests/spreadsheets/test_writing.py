"""Lists out to XLSX and CSV as Excel opens them; meetings out to a calendar."""

from __future__ import annotations

import csv
from datetime import date, time

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
    assert len(values) == 1 + sample_store.count_people()
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
    sample_store.save_meeting(
        Meeting(
            title="Visit",
            start_date=date(2022, 5, 10),
            start_time=time(9, 30),
            end_time=time(11, 0),
            venue="Room 101",
        )
    )
    path = tmp_path / "2022.ics"
    assert export_ics(sample_store, path, date_from=date(2022, 1, 1)) == 1
    (event,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == "Visit"
    assert event.decoded("dtstart").isoformat() == "2022-05-10T09:30:00"
    assert event.decoded("dtend").isoformat() == "2022-05-10T11:00:00"
