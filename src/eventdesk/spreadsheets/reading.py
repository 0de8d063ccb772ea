"""Read an XLSX or CSV file into a header and rows of plain strings.

Partners send lists however their office saves them: XLSX from Excel or WPS,
CSV in UTF-8 (with or without Excel's byte-order mark), in GB18030 from a
Chinese Windows, in Big5 from Hong Kong, now and then with semicolons. The
import wants none of that variety, only text, so this module turns every
cell into a trimmed string and remembers each row's number as the
spreadsheet program shows it, so that a report can say "row 7".

The header is the first row with anything in it; rows with nothing in them
are dropped (a list often ends in a few formatted but empty rows).

Files come from outside, so they are read within limits: a workbook's zip
directory is looked at before anything is unpacked (a 1 MB file can unpack
to gigabytes), the dimensions a workbook declares are ignored, rows are
streamed, and reading stops at the first row, column or cell past a limit,
with one line saying which.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from charset_normalizer import from_bytes

from eventdesk.spreadsheets.errors import SpreadsheetError

CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
#: Encodings a list from a Chinese-speaking office may come in when it is not UTF-8.
_LEGACY_ENCODINGS = ["gb18030", "big5", "cp1252"]

#: Rows read (an attendee list has hundreds; the benchmark's has 5,000).
MAX_ROWS = 100_000
#: Columns read.
MAX_COLUMNS = 256
#: Characters in one cell (Excel's own limit).
MAX_CELL_CHARS = 32_767
#: What a workbook may unpack to, by its zip directory, before anything is read.
MAX_UNPACKED_BYTES = 256 * 2**20
#: The largest CSV file read.
MAX_CSV_BYTES = 64 * 2**20


@dataclass(frozen=True)
class SheetRow:
    """One row of data: its number in the spreadsheet program, and its cells as text."""

    number: int
    cells: list[str]

    def get(self, column: int | None) -> str:
        if column is None or column >= len(self.cells):
            return ""
        return self.cells[column]


@dataclass
class Table:
    """What a file holds: the header, the rows under it, and where they came from."""

    headers: list[str]
    rows: list[SheetRow]
    #: How the file was read, to show the user ("sheet 'Attendees'", "GB18030").
    source: str = ""
    #: For a workbook, the names of all its sheets (a dialog may offer the others).
    sheets: list[str] = field(default_factory=list)


def read_table(path: Path, sheet: str | None = None) -> Table:
    """Read ``path`` (chosen by its extension), or raise SpreadsheetError saying why not."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise SpreadsheetError(f"{path}: there is no such file.")
    if suffix == ".xls":
        raise SpreadsheetError(
            f"{path.name} is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV in "
            "Excel or WPS and import that."
        )
    if suffix in XLSX_SUFFIXES:
        return read_xlsx(path, sheet)
    if suffix in CSV_SUFFIXES:
        if sheet is not None:
            raise SpreadsheetError(f"{path.name} is a CSV file; it has no sheets to choose from.")
        return read_csv(path)
    raise SpreadsheetError(
        f"{path.name}: EventDesk reads attendee lists from .xlsx and .csv files, "
        f"not {suffix or 'files without an extension'}."
    )


# -- XLSX ---------------------------------------------------------------------------


def check_unpacked_size(path: Path) -> None:
    """Refuse a workbook whose zip directory says it unpacks past the limit (a "zip bomb")."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(max(info.file_size, 0) for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl says why it cannot open it
    if unpacked > MAX_UNPACKED_BYTES:
        raise SpreadsheetError(
            f"{path.name} unpacks to {unpacked / 2**20:,.0f} MB; EventDesk reads workbooks "
            f"of up to {MAX_UNPACKED_BYTES // 2**20} MB unpacked. Nothing was imported."
        )


def _limited(rows: Iterable[tuple[int, Sequence[object]]], name: str) -> Iterable[SheetRow]:
    """Rows as text, stopping with a message at the first past a limit."""
    for number, values in rows:
        if number > MAX_ROWS:
            raise SpreadsheetError(
                f"{name} has more than {MAX_ROWS:,} rows; EventDesk reads up to {MAX_ROWS:,}. "
                "Nothing was imported."
            )
        if len(values) > MAX_COLUMNS and any(v not in (None, "") for v in values[MAX_COLUMNS:]):
            raise SpreadsheetError(
                f"{name}, row {number}: more than {MAX_COLUMNS} columns; EventDesk reads up to "
                f"{MAX_COLUMNS}. Nothing was imported."
            )
        cells = [cell_text(v) for v in values[:MAX_COLUMNS]]
        for column, cell in enumerate(cells, 1):
            if len(cell) > MAX_CELL_CHARS:
                raise SpreadsheetError(
                    f"{name}, row {number}, column {column}: a cell of {len(cell):,} characters; "
                    f"EventDesk reads up to {MAX_CELL_CHARS:,}. Nothing was imported."
                )
        yield SheetRow(number, cells)


def read_xlsx(path: Path, sheet: str | None = None) -> Table:
    from openpyxl import load_workbook  # imported when needed: it takes a while to load

    check_unpacked_size(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SpreadsheetError(
            f"{path.name} cannot be opened as an Excel workbook ({exc}); "
            "open it in Excel or WPS and save it again as .xlsx."
        ) from None
    try:
        names = list(workbook.sheetnames)
        if sheet is None:
            worksheet = workbook.active or workbook[names[0]]
        elif sheet in names:
            worksheet = workbook[sheet]
        else:
            raise SpreadsheetError(
                f"{path.name} has no sheet named {sheet!r}; it has " + ", ".join(map(repr, names))
            )
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()  # the declared size may be a lie: read what is there
        rows = _limited(enumerate(worksheet.iter_rows(min_row=1, values_only=True), 1), path.name)
        table = _table(rows, path)
        table.source = f"sheet {worksheet.title!r}"
        table.sheets = names
        return table
    finally:
        workbook.close()


def cell_text(value: object) -> str:
    """A cell as the person who typed it would read it: 42 not 42.0, a date as 2021-12-22."""
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


# -- CSV ----------------------------------------------------------------------------


def read_csv(path: Path) -> Table:
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise SpreadsheetError(
                f"{path.name} is {size / 2**20:,.0f} MB; EventDesk reads CSV files of up to "
                f"{MAX_CSV_BYTES // 2**20} MB. Nothing was imported."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise SpreadsheetError(f"{path}: cannot be read ({exc.strerror}).") from None
    text, encoding = decode(data, path.name)
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text))

    def rows() -> Iterable[tuple[int, Sequence[object]]]:
        line = 1
        try:
            for cells in reader:
                yield line, cells
                line = reader.line_num + 1
        except csv.Error as exc:
            raise SpreadsheetError(f"{path.name}, line {reader.line_num}: {exc}.") from None

    table = _table(_limited(rows(), path.name), path)
    table.source = encoding
    return table


def decode(data: bytes, name: str = "the file") -> tuple[str, str]:
    """The text of a CSV file and the name of the encoding it was in.

    A byte-order mark decides; then UTF-8, which is strict enough that text
    that decodes is UTF-8. Otherwise charset-normalizer chooses among the
    encodings a Chinese-speaking office uses, so that short GB18030 and Big5
    lists, which decode without error in either, are each read in their own.
    """
    for bom, encoding, label in (
        (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8 with BOM"),
        (b"\xff\xfe", "utf-16", "UTF-16"),
        (b"\xfe\xff", "utf-16", "UTF-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), label
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=_LEGACY_ENCODINGS).best()
    if best is None:
        raise SpreadsheetError(
            f"{name}: the text is in an encoding EventDesk cannot tell; save it from Excel as "
            "'CSV UTF-8' and import that."
        )
    encoding = best.encoding.replace("_", "-").upper()
    return str(best), encoding


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """Commas, or the semicolons or tabs some Excel locales write."""
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        return csv.excel


# -- both -----------------------------------------------------------------------------


def _table(rows: Iterable[SheetRow], path: Path) -> Table:
    header: Sequence[str] | None = None
    data: list[SheetRow] = []
    for row in rows:
        if not any(row.cells):
            continue
        if header is None:
            header = row.cells
        else:
            data.append(row)
    if header is None:
        raise SpreadsheetError(f"{path.name} is empty: there is no header row and no data.")
    # As wide as the last column with anything in it: workbooks often carry empty
    # formatted columns, and some programs trim trailing empty cells of a row.
    width = max(_used_width(cells) for cells in [header, *(r.cells for r in data)])
    headers = [h or f"Column {n}" for n, h in enumerate(_fit(list(header), width), 1)]
    rows = [SheetRow(r.number, _fit(r.cells, width)) for r in data]
    return Table(headers, rows)


def _used_width(cells: Sequence[str]) -> int:
    return max((n + 1 for n, cell in enumerate(cells) if cell), default=0)


def _fit(cells: list[str], width: int) -> list[str]:
    return (cells + [""] * (width - len(cells)))[:width]
