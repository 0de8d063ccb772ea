"""The XLSX lists as a user sorts and prints them.

Given the example database and a meeting over two days, when the meetings and
people lists are written as XLSX, then every date is a date cell (a span of
days in two columns, Start and End), the workbook says how it prints (fit to
the paper's width, landscape when wide, the heading row on every page), its
heading font is named and its author is EventDesk; and LibreOffice Calc prints
the example's ten people on one page, and a long list with its heading row
on every page.
"""

from __future__ import annotations

import csv
from datetime import date, datetime

from openpyxl import load_workbook

from eventdesk.records import Meeting
from eventdesk.spreadsheets.lists import list_table
from eventdesk.spreadsheets.writing import write_table
from tests.tools import pdftotext_pages, soffice_convert


def _two_more_meetings(store) -> None:
    store.meetings.save(
        Meeting(title="Forum", start_date=date(2025, 3, 12), end_date=date(2025, 3, 13))
    )
    store.meetings.save(Meeting(title="Visit", start_date=date(2020, 1, 9)))


def test_every_meeting_has_a_start_and_an_end_date_cell(sample_store, tmp_path):
    _two_more_meetings(sample_store)
    headers, rows = list_table(sample_store, "meetings")
    book = load_workbook(write_table(tmp_path / "m.xlsx", headers, rows))
    sheet = book.active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:3] == ("Start", "End", "Title")
    spans = {row[2]: row[:2] for row in values[1:]}
    assert spans["Forum"] == (datetime(2025, 3, 12), datetime(2025, 3, 13))
    assert spans["Visit"] == (datetime(2020, 1, 9), datetime(2020, 1, 9))
    for row in sheet.iter_rows(min_row=2, max_col=2):
        for cell in row:
            assert cell.is_date and cell.number_format == "yyyy-mm-dd", cell.coordinate
    starts = [row[0] for row in values[1:]]
    assert sorted(starts) == sorted(starts, key=lambda d: d.isoformat())  # all one type


def test_a_span_of_days_from_the_window_is_split_in_both_files(tmp_path):
    """The main window shows a two-day meeting as one text; the files get two dates."""
    headers = ["Date", "Title"]
    rows = [["2025-03-12 – 2025-03-13", "Forum"], ["2020-01-09", "Visit"], ["", "Undated"]]
    sheet = load_workbook(write_table(tmp_path / "w.xlsx", headers, rows)).active
    assert list(sheet.iter_rows(values_only=True)) == [
        ("Start", "End", "Title"),
        (datetime(2025, 3, 12), datetime(2025, 3, 13), "Forum"),
        (datetime(2020, 1, 9), datetime(2020, 1, 9), "Visit"),
        (None, None, "Undated"),
    ]
    path = write_table(tmp_path / "w.csv", headers, rows)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle))[:2] == [
            ["Start", "End", "Title"],
            ["2025-03-12", "2025-03-13", "Forum"],
        ]


def test_the_workbook_says_how_it_prints_and_who_made_it(sample_store, tmp_path):
    made = {}
    for which in ("people", "meetings"):
        headers, rows = list_table(sample_store, which)
        made[which] = load_workbook(write_table(tmp_path / f"{which}.xlsx", headers, rows))
    for which, book in made.items():
        sheet = book.active
        assert book.properties.creator == "EventDesk"
        assert book.properties.lastModifiedBy == "EventDesk"
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"
        heading = sheet["A1"].font
        assert heading.b and heading.name == "Calibri" and heading.sz == 11, which
    assert made["people"].active.page_setup.orientation == "landscape"  # long organisations
    narrow = write_table(tmp_path / "n.xlsx", ["Name", "Meetings"], [["CHEN Qi", "1"]])
    assert load_workbook(narrow).active.page_setup.orientation == "portrait"


def test_calc_prints_ten_people_on_one_page_and_the_heading_on_every_page(sample_store, tmp_path):
    headers, rows = list_table(sample_store, "people")
    assert len(rows) == 10
    people = write_table(tmp_path / "people.xlsx", headers, rows)
    long_rows = [
        [f"GUEST{n:03d} Visitor", "", "Professor", "University", "", "1"] for n in range(150)
    ]
    long = write_table(tmp_path / "long.xlsx", headers, long_rows)

    printed = soffice_convert([people, long], "pdf", tmp_path / "calc", tmp_path / "profile")

    (page,) = pdftotext_pages(printed[0])
    for row in rows:
        assert row[0] in page and all(word in page for word in row[3].split())  # may wrap
    pages = pdftotext_pages(printed[1])
    assert len(pages) > 1
    for n, text in enumerate(pages, 1):
        first = next(line for line in text.splitlines() if line.strip())
        assert first.split()[:3] == ["Name", "Chinese", "name"], f"page {n} starts {first!r}"
    assert sum(text.count("GUEST") for text in pages) == 150
