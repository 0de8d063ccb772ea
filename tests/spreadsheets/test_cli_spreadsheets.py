"""``import-attendees``, ``export-list`` and ``export-ics`` as a user types them, on a file and
on a team database (ids ``[sqlite]``, ``[postgresql]``)."""

from __future__ import annotations

import csv

import pytest

from eventdesk.store import EventStore
from tests.cli.test_cli import run
from tests.conftest import SAMPLE
from tests.spreadsheets.files import write_csv, write_xlsx


@pytest.fixture
def db(engine_address, capsys):
    assert run(capsys, "--db", engine_address, "import", str(SAMPLE))[0] == 0
    return engine_address


def attendee_count(db: str) -> int:
    with EventStore.open(db) as store:
        return len(store.meetings.get(1).attendees)


def test_import_attendees_reports_every_row_and_imports_the_rest(capsys, db, tmp_path):
    path = write_csv(
        tmp_path / "名单.csv",
        [
            ["姓名", "职务", "单位", "角色"],
            ["丁晓东", "校长", "上海理工大学", ""],
            ["Alexander WAI", "President", "Hong Kong Polytechnic University", "speaker"],
            ["李娜", "院长", "新学院", "observer x"],
        ],
        encoding="gb18030",
    )
    status, out, _ = run(capsys, "--db", db, "import-attendees", "1", str(path), "--dry-run")
    assert status == 0 and "Dry run: nothing was changed." in out
    assert "not taken: row 2: DING Xiaodong already attends this meeting" in out
    assert "not taken: row 4: 'observer x' is not a role" in out
    assert attendee_count(db) == 10

    status, out, _ = run(capsys, "--db", db, "import-attendees", "1", str(path))
    assert status == 0 and "1 attendee(s) added" in out
    assert attendee_count(db) == 11


def test_import_attendees_exits_1_when_nothing_can_be_taken(capsys, db, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [["Name"], ["DING Xiaodong"]])
    status, _, err = run(capsys, "--db", db, "import-attendees", "1", str(path))
    assert status == 1 and "nothing was changed" in err
    status, _, err = run(capsys, "--db", db, "import-attendees", "1", str(tmp_path / "no.csv"))
    assert status == 1 and err.count("\n") == 1 and "no such file" in err
    status, _, err = run(capsys, "--db", db, "import-attendees", "1", str(path), "--sheet", "X")
    assert status == 1 and "no sheet named 'X'" in err


def test_export_list_and_export_ics(capsys, db, tmp_path):
    out_csv = tmp_path / "attendees.csv"
    status, out, _ = run(
        capsys, "--db", db, "export-list", "attendees", "--meeting", "1", "-o", str(out_csv)
    )
    assert status == 0 and "10 row(s)" in out
    with out_csv.open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle))[0] == "Name"

    status, _, err = run(capsys, "--db", db, "export-list", "attendees", "-o", str(out_csv))
    assert status == 1 and "--meeting" in err

    ics = tmp_path / "m.ics"
    status, out, _ = run(capsys, "--db", db, "export-ics", "--from", "2021-01-01", "-o", str(ics))
    assert (
        status == 0 and "1 meeting(s)" in out and b"DTSTART;VALUE=DATE:20211222" in ics.read_bytes()
    )
    status, _, _ = run(capsys, "--db", db, "export-ics", "--from", "2021-02-30", "-o", str(ics))
    assert status == 2
