"""Reading lists as partners send them: XLSX, and CSV in whatever encoding their Excel chose."""

from __future__ import annotations

from datetime import datetime

import pytest

from eventdesk.spreadsheets import SpreadsheetError
from eventdesk.spreadsheets.reading import read_table
from tests.spreadsheets.files import write_csv, write_xlsx

CHINESE_LIST = [
    ["姓名", "职务", "单位", "邮箱"],
    ["丁晓东", "校长", "上海理工大学", ""],
    ["马晓婷", "主任", "港澳台事务办公室", "ma@usst.edu.cn"],
]


def test_xlsx_cells_come_back_as_the_text_a_person_typed(tmp_path):
    path = write_xlsx(
        tmp_path / "list.xlsx",
        [
            [None],
            ["Name", "No.", "Arrived", None],
            ["DING Xiaodong", 1, datetime(2021, 12, 22), None],
            [None, None, None, None],
            ["  Alexander   WAI ", 2.0, datetime(2021, 12, 22, 9, 30), None],
        ],
    )
    table = read_table(path)
    assert table.headers == ["Name", "No.", "Arrived"]
    assert [(r.number, r.cells) for r in table.rows] == [
        (3, ["DING Xiaodong", "1", "2021-12-22"]),
        (5, ["Alexander WAI", "2", "2021-12-22 09:30"]),
    ]
    assert table.sheets == ["Attendees"] and "Attendees" in table.source


def test_a_named_sheet_is_read_and_a_missing_one_is_named(tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", [["Name"], ["DING Xiaodong"]], sheet="Day 1")
    assert read_table(path, "Day 1").rows[0].cells == ["DING Xiaodong"]
    with pytest.raises(SpreadsheetError, match=r"no sheet named 'Day 2'.*'Day 1'"):
        read_table(path, "Day 2")


@pytest.mark.parametrize(
    ("encoding", "label"),
    [("utf-8-sig", "UTF-8 with BOM"), ("utf-8", "UTF-8"), ("gb18030", "GB18030")],
)
def test_csv_in_each_encoding_an_office_uses(tmp_path, encoding, label):
    path = write_csv(tmp_path / "list.csv", CHINESE_LIST, encoding)
    table = read_table(path)
    assert table.source == label
    assert table.headers == ["姓名", "职务", "单位", "邮箱"]
    assert table.rows[1].cells == ["马晓婷", "主任", "港澳台事务办公室", "ma@usst.edu.cn"]


def test_big5_from_hong_kong_is_not_read_as_gb18030(tmp_path):
    rows = [["姓名", "職務", "單位"], ["黃志強", "副主任", "香港大學"]]
    table = read_table(write_csv(tmp_path / "list.csv", rows, "big5"))
    assert table.rows[0].cells == ["黃志強", "副主任", "香港大學"]


def test_semicolons_from_a_european_excel(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Name;Title\nAlexander WAI;President\n", encoding="utf-8")
    assert read_table(path).rows[0].cells == ["Alexander WAI", "President"]


def test_files_that_cannot_be_read_say_why(tmp_path):
    with pytest.raises(SpreadsheetError, match="no such file"):
        read_table(tmp_path / "missing.xlsx")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(SpreadsheetError, match=r"97-2003.*save it as .xlsx"):
        read_table(old)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(SpreadsheetError, match="cannot be opened as an Excel workbook"):
        read_table(broken)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\n\n")
    with pytest.raises(SpreadsheetError, match="empty"):
        read_table(empty)
    pdf = tmp_path / "list.pdf"
    pdf.write_bytes(b"%PDF")
    with pytest.raises(SpreadsheetError, match=r"reads attendee lists from .xlsx and .csv"):
        read_table(pdf)
