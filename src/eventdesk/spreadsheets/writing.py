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

A column that holds a span of days ("2025-03-12 – 2025-03-13", as the main
window shows a meeting over two days) is written as two, Start and End, in
both files: a text would sort before every date and filter as none. A single
day's End is its Start, so every row has a date in both and sorts by either.

The workbook prints as a list should: the heading row on every page, as wide
as the paper (fit to width, landscape when the columns are too wide for
portrait), in a font named in the heading as in the rows; its author is
EventDesk.

Other text is written as text. A name or note that begins with "=" is not
turned into a formula in the workbook, and in the CSV such cells get a
leading apostrophe, as Excel would otherwise run them.
"""

from __future__ import annotations

import csv
import math
import os
import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from eventdesk.records.text import isolate, printable_text
from eventdesk.spreadsheets.errors import SpreadsheetError

Cell = str | int | float | date | datetime | None
SUFFIXES = (".xlsx", ".csv")
_MIN_WIDTH, _MAX_WIDTH = 8, 60
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_COUNT = re.compile(r"0|[1-9]\d{0,8}")
_SPAN = re.compile(r"(\d{4}-\d{2}-\d{2}) ?[\u2013\u2014~] ?(\d{4}-\d{2}-\d{2})")
#: The font of the workbook's rows (openpyxl's default style), named in the heading too.
FONT, FONT_SIZE = "Calibri", 11
#: Columns wider than this, in Excel's character units, print in landscape.
PORTRAIT_WIDTH = 90
AUTHOR = "EventDesk"
LINE_HEIGHT = 15  # points, a line of 11-point text


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
    headers, rows = split_spans(headers, rows)
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


def split_spans(
    headers: Sequence[str], rows: Sequence[Sequence[Cell]]
) -> tuple[list[str], Sequence[Sequence[Cell]]]:
    """Each column holding a span of days as two, Start and End (a single day: End = Start)."""
    spans = [n for n in range(len(headers)) if any(_span(row, n) for row in rows)]
    if not spans:
        return list(headers), rows
    new_headers: list[str] = []
    for n, header in enumerate(headers):
        if n in spans:
            plain = header in ("Date", "Dates", "日期")
            new_headers += ["Start", "End"] if plain else [f"{header} start", f"{header} end"]
        else:
            new_headers.append(header)
    new_rows = []
    for row in rows:
        cells: list[Cell] = []
        for n, value in enumerate(row):
            if n not in spans:
                cells.append(value)
            elif match := _span(row, n):
                cells += [match.group(1), match.group(2)]
            else:
                cells += [value, value if _is_day(value) else None]
        new_rows.append(cells)
    return new_headers, new_rows


def _span(row: Sequence[Cell], n: int) -> re.Match[str] | None:
    value = row[n] if n < len(row) else None
    if isinstance(value, str) and 21 <= len(value) <= 25:
        return _SPAN.fullmatch(value)
    return None


def _is_day(value: Cell) -> bool:
    return isinstance(value, date) or (isinstance(value, str) and bool(_ISO_DATE.fullmatch(value)))


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
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    workbook.properties.creator = AUTHOR
    workbook.properties.lastModifiedBy = AUTHOR
    sheet = workbook.create_sheet("List")
    sheet.freeze_panes = "A2"
    widths = _widths(headers, rows)
    for n, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    _set_up_pages(sheet, sum(widths))
    bold = Font(name=FONT, size=FONT_SIZE, bold=True)

    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    capped = [width >= _MAX_WIDTH for width in widths]  # text longer than these wraps

    def cell(value: Cell, column: int) -> WriteOnlyCell:
        c = WriteOnlyCell(sheet, value=_xlsx_value(value))
        if isinstance(value, str) and value.startswith("="):
            c.data_type = "s"  # text, never a formula
        if isinstance(c.value, date):
            c.number_format = "yyyy-mm-dd"
        c.alignment = wrap if column < len(capped) and capped[column] else top
        return c

    head = [WriteOnlyCell(sheet, value=_clean_text(str(h))) for h in headers]
    for c in head:
        c.font = bold  # a heading is text, even "2021"
    sheet.append(head)
    count = 0
    for row in rows:
        count += 1
        lines = _lines(row, widths, capped)
        if lines > 1:  # a wrapped row is as tall as its text: no program sizes it on opening
            sheet.row_dimensions[count + 1].height = LINE_HEIGHT * lines
        sheet.append([cell(value, n) for n, value in enumerate(row)])
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
        sheet.print_area = sheet.auto_filter.ref
    workbook.save(path)


def _lines(row: Sequence[Cell], widths: list[float], capped: list[bool]) -> int:
    """How many lines the row's longest wrapped text takes."""
    lines = 1
    for n, value in enumerate(row[: len(widths)]):
        if capped[n] and value is not None:
            text = _plain(value)
            # A column's width counts digits; a line of text is some fifth narrower.
            units = sum(2 if unicodedata.east_asian_width(c) in "WF" else 0.8 for c in text)
            lines = max(lines, math.ceil(units / (widths[n] - 1)))
    return lines


def _set_up_pages(sheet: Any, width: float) -> None:
    """Print as wide as the paper, the heading row on every page, landscape when wide."""
    setup = sheet.page_setup
    setup.orientation = "landscape" if width > PORTRAIT_WIDTH else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True


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
