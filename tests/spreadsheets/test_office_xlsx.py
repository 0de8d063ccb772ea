"""The XLSX lists as LibreOffice Calc reads them (``soffice --headless --convert-to csv``).

Given the example database, when its meetings and attendees lists are written
as XLSX and Calc converts them to CSV, then Calc shows each cell as EventDesk's
own CSV writes it: the date as 2021-12-22 (a date cell formatted so, not text),
the count as 10, Chinese names intact.
"""

from __future__ import annotations

import csv

import pytest

from eventdesk.spreadsheets.lists import list_table
from eventdesk.spreadsheets.writing import write_table
from tests.tools import soffice_convert

#: Calc's CSV filter: comma, double quotes, UTF-8 (76), from the first row.
CSV_UTF8 = "csv:Text - txt - csv (StarCalc):44,34,76,1"


@pytest.mark.parametrize("which", ["meetings", "attendees"])
def test_calc_reads_the_workbook_as_our_csv_writes_it(
    sample_store, sample_meeting, tmp_path, which
):
    meeting = sample_meeting.id if which == "attendees" else None
    headers, rows = list_table(sample_store, which, meeting)
    xlsx = write_table(tmp_path / f"{which}.xlsx", headers, rows)
    ours = write_table(tmp_path / f"ours-{which}.csv", headers, rows)

    (calc,) = soffice_convert([xlsx], CSV_UTF8, tmp_path / "calc", tmp_path / "profile")

    with calc.open(encoding="utf-8", newline="") as handle:
        seen = list(csv.reader(handle))
    with ours.open(encoding="utf-8-sig", newline="") as handle:
        expected = list(csv.reader(handle))
    assert seen == expected
    if which == "meetings":
        assert seen[1][0] == "2021-12-22" and seen[1][headers.index("Attendees")] == "10"
    else:
        assert seen[1][:2] == ["DING Xiaodong", "丁晓东"]


def test_calc_takes_dates_as_dates_numbers_as_numbers_and_the_filter(sample_store, tmp_path):
    """Calc's own file (flat ODS) says which type each cell holds, and keeps the filter."""
    headers, rows = list_table(sample_store, "meetings")
    xlsx = write_table(tmp_path / "meetings.xlsx", headers, rows)

    (fods,) = soffice_convert([xlsx], "fods", tmp_path / "calc", tmp_path / "profile")

    xml = fods.read_text(encoding="utf-8")
    assert 'office:value-type="date" office:date-value="2021-12-22"' in xml
    assert 'office:value-type="float" office:value="10"' in xml
    assert 'office:value-type="string" office:string-value="2021-12-22"' not in xml
    assert 'table:display-filter-buttons="true"' in xml
