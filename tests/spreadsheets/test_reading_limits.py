"""A workbook or CSV file from outside is read within limits, and past one is refused in a line.

Given a small file that would unpack to gigabytes, declare millions of rows,
or hold a huge cell, when it is read, then one line says which limit it
passed, and it is read no further.
"""

from __future__ import annotations

import time
import zipfile

import pytest

from eventdesk.spreadsheets import SpreadsheetError, reading
from eventdesk.spreadsheets.reading import read_table
from tests.spreadsheets.files import write_csv, write_xlsx


def _rewrite(path, member: str, old: str, new: str) -> None:
    """Edit one part of a workbook as a hand-made (or hostile) file would have it."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    assert old.encode() in parts[member]
    parts[member] = parts[member].replace(old.encode(), new.encode())
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _refused(path) -> str:
    with pytest.raises(SpreadsheetError) as caught:
        read_table(path)
    message = str(caught.value)
    assert "\n" not in message and path.name in message
    return message


def test_a_workbook_that_unpacks_past_the_limit_is_refused_before_reading(tmp_path):
    path = write_xlsx(tmp_path / "bomb.xlsx", [["Name"], ["DING Xiaodong"]])
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/padding.xml", "w", force_zip64=True) as member,
    ):
        chunk = b"a" * 2**20
        for _ in range(300):  # 300 MB that compress to a few hundred KB
            member.write(chunk)
    assert path.stat().st_size < 2 * 2**20
    started = time.monotonic()
    message = _refused(path)
    assert "unpacks to 300 MB" in message and "256 MB" in message
    assert time.monotonic() - started < 5


def test_a_workbook_declaring_ten_million_rows_stops_at_the_row_limit(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Title"])
    sheet.append(["DING Xiaodong", "President"])
    sheet.cell(row=1_048_576, column=1, value="last")
    path = tmp_path / "tall.xlsx"
    book.save(path)
    _rewrite(path, "xl/worksheets/sheet1.xml", "1048576", "10000000")
    message = _refused(path)
    assert "more than 100,000 rows" in message


def test_a_huge_cell_is_named_by_row_and_column(tmp_path):
    path = write_xlsx(tmp_path / "cell.xlsx", [["Name", "Notes"], ["DING", "PLACEHOLDER"]])
    _rewrite(path, "xl/worksheets/sheet1.xml", "PLACEHOLDER", "x" * 40_000)
    assert "row 2, column 2: a cell of 40,000 characters" in _refused(path)


def test_too_many_columns_are_named(tmp_path):
    path = write_xlsx(tmp_path / "wide.xlsx", [["Name"] + [f"c{n}" for n in range(300)]])
    assert "more than 256 columns" in _refused(path)


def test_a_csv_past_the_row_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 50)
    path = write_csv(tmp_path / "long.csv", [["Name"]] + [[f"P{n}"] for n in range(60)])
    assert "more than 50 rows" in _refused(path)


def test_a_csv_larger_than_the_limit_is_refused_unread(tmp_path):
    path = tmp_path / "big.csv"
    with path.open("wb") as fh:
        fh.truncate(reading.MAX_CSV_BYTES + 1)
    assert "EventDesk reads CSV files of up to 64 MB" in _refused(path)
