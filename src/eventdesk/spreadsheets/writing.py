"""Write a table (headers and rows) to XLSX or CSV, chosen by the file's extension.

The leadership asks for lists in Excel, so both files are made for Excel to
open as they are: the workbook with a bold, frozen header and columns wide
enough to read; the CSV in UTF-8 with a byte-order mark, without which Excel
shows Chinese names as mojibake.

In the workbook, dates are dates and counts are numbers, so Excel sorts and
sums them instead of flagging "number stored as text": a date object, or a
text that is exactly an ISO date ("2021-12-22"), becomes a date cell; an int,
or a text of at most nine digits without a leading zero, a number cell.
Longer digit strings (phone numbers, ids) and "0123" stay text. The CSV
writes every cell as the same text as before. The header row has an
autofilter, so each column sorts and filters from its heading.

Other text is written as text. A name or note that begins with "=" is not
turned into a formula in the workbook, and in the CSV such cells get a
leading apostrophe, as Excel would otherwise run them.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from eventdesk.records.text import isolate, printable_text
from eventdesk.spreadsheets.errors import SpreadsheetError

Cell = str | int | float | date | datetime | None
SUFFIXES = (".xlsx", ".csv")
_MIN_WIDTH, _MAX_WIDTH = 8, 60
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_COUNT = re.compile(r"0|[1-9]\d{0,8}")


def write_table(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> Path:
    """Write to ``path`` (.xlsx or .csv); the file appears whole or not at all."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SpreadsheetError(
            f"{path.name}: EventDesk writes lists to .xlsx or .csv files; add one of those."
        )
    if not path.parent.is_dir():
        raise SpreadsheetError(f"Cannot write {path}: the folder {path.parent} does not exist.")
    partial = path.with_name(f".{path.name}.partial")
    try:
        if suffix == ".xlsx":
            _write_xlsx(partial, headers, rows)
        else:
            _write_csv(partial, headers, rows)
        os.replace(partial, path)
    except PermissionError:
        partial.unlink(missing_ok=True)
        raise SpreadsheetError(
            f"Cannot write {path}: permission denied (is it open in Excel? Close it and try again)."
        ) from None
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise SpreadsheetError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    return path


def _write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([_csv_text(h) for h in headers])
        writer.writerows([_csv_text(cell) for cell in row] for row in rows)


def _csv_text(value: Cell) -> str:
    text = printable_text(_plain(value))  # no NUL or ESC raw; an override kept to its cell
    if text.startswith(_FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def _write_xlsx(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    from openpyxl import Workbook  # imported when needed: it takes a while to load
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("List")
    sheet.freeze_panes = "A2"
    for n, width in enumerate(_widths(headers, rows), 1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    bold = Font(bold=True)

    def cell(value: Cell) -> WriteOnlyCell:
        c = WriteOnlyCell(sheet, value=_xlsx_value(value))
        if isinstance(value, str) and value.startswith("="):
            c.data_type = "s"  # text, never a formula
        if isinstance(c.value, date):
            c.number_format = "yyyy-mm-dd"
        return c

    head = [WriteOnlyCell(sheet, value=_clean_text(str(h))) for h in headers]
    for c in head:
        c.font = bold  # a heading is text, even "2021"
    sheet.append(head)
    count = 0
    for row in rows:
        sheet.append([cell(value) for value in row])
        count += 1
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
    workbook.save(path)


def _xlsx_value(value: Cell) -> Cell:
    """The value as Excel should hold it: dates and counts typed, other text cleaned."""
    if isinstance(value, str):
        if _ISO_DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                return value  # "2021-13-45" is text someone typed
        if _COUNT.fullmatch(value):
            return int(value)
        return _clean_text(value)
    return value


def _clean_text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # Control characters cannot be stored in a workbook; show where one was.
    return isolate(ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))


def _widths(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> list[float]:
    """Each column as wide as its widest cell (Chinese characters count double), within limits."""
    widths = [_display_width(h) + 2 for h in headers]
    for row in rows[:1000]:  # enough to judge; measuring 100,000 rows would only cost time
        for n, value in enumerate(row[: len(widths)]):
            widths[n] = max(widths[n], _display_width(_plain(value)) + 2)
    return [float(min(max(w, _MIN_WIDTH), _MAX_WIDTH)) for w in widths]


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _plain(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
