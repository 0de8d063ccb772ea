"""The command line as a user types it: output, exit status, files left behind."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from tests.conftest import SAMPLE

from eventdesk.cli.main import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exc:  # argparse's usage errors and --version
        status = exc.code
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "x.sqlite3")


def test_import_then_list_shows_the_meeting(capsys, db):
    status, out, _ = run(capsys, "--db", db, "import", str(SAMPLE))
    assert status == 0 and "1 meeting(s) added" in out
    status, out, _ = run(capsys, "--db", db, "list")
    assert status == 0
    assert (
        out.strip() == "1\t2021-12-22\tAnnual Meeting and Exchange Symposium of the "
        "Shanghai-Hong Kong University Alliance 2021"
    )


def test_list_json_has_id_date_and_title(capsys, db):
    run(capsys, "--db", db, "import", str(SAMPLE))
    status, out, _ = run(capsys, "--db", db, "list", "--json")
    (item,) = json.loads(out)
    assert status == 0
    assert (item["id"], item["date"]) == (1, "2021-12-22")
    assert item["title"].startswith("Annual Meeting")


def test_export_import_export_is_the_same_json(capsys, db, tmp_path):
    run(capsys, "--db", db, "import", str(SAMPLE))
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    assert run(capsys, "--db", db, "export", "--meeting", "1", "-o", str(first))[0] == 0
    other = str(tmp_path / "other.sqlite3")
    assert run(capsys, "--db", other, "import", str(first))[0] == 0
    assert run(capsys, "--db", other, "export", "--meeting", "1", "-o", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_whole_database_export(capsys, db, tmp_path):
    run(capsys, "--db", db, "import", str(SAMPLE))
    out_file = tmp_path / "all.json"
    assert run(capsys, "--db", db, "export", "-o", str(out_file))[0] == 0
    document = json.loads(out_file.read_text(encoding="utf-8"))
    assert document["scope"] == "database" and len(document["meetings"]) == 1


def test_an_export_too_large_to_import_again_says_how_to_move_the_database(
    capsys, db, tmp_path, monkeypatch
):
    from eventdesk.store.interchange import limits

    run(capsys, "--db", db, "import", str(SAMPLE))
    small = tmp_path / "small.json"
    status, _, err = run(capsys, "--db", db, "export", "-o", str(small))
    assert status == 0 and err == ""
    monkeypatch.setattr(
        limits, "MAX_FILE_BYTES", small.stat().st_size - 1
    )  # a 1 GiB file, in small
    status, out, err = run(capsys, "--db", db, "export", "-o", str(tmp_path / "big.json"))
    assert status == 0 and out.startswith("Wrote")
    assert err.startswith("Note: big.json is ") and "copy the database file with its .media" in err
    status, _, err = run(
        capsys, "--db", str(tmp_path / "new.sqlite3"), "import", str(tmp_path / "big.json")
    )
    assert status != 0 and "EventDesk reads interchange files of up to" in err


def test_search_and_check(capsys, db):
    run(capsys, "--db", db, "import", str(SAMPLE))
    status, out, _ = run(capsys, "--db", db, "search", "Pony", "98")
    assert status == 0 and out.startswith("1\t")
    status, out, _ = run(capsys, "--db", db, "check")
    assert status == 0 and "no problems found" in out


def test_search_finds_a_hong_kong_name_by_its_taiwan_and_mainland_forms(capsys, db):
    """Given a meeting attended by 衞炳江, `search 衛炳江` and `search 卫炳江` list it."""
    from tests.store.test_chinese_variants import save_meeting_with_hong_kong_attendee

    from eventdesk.store import EventStore

    with EventStore.open(db) as store:
        meeting = save_meeting_with_hong_kong_attendee(store)
    for typed in ("衛炳江", "卫炳江"):
        status, out, _ = run(capsys, "--db", db, "search", typed)
        assert status == 0 and out.startswith(f"{meeting.id}\t"), typed
        assert "Spring reception" in out


def test_a_broken_file_gets_one_message_per_problem_and_status_1(capsys, db, tmp_path):
    run(capsys, "--db", db, "import", str(SAMPLE))
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["meetings"][0]["start_date"] = "2021-02-30"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    before = (tmp_path / "x.sqlite3").read_bytes()
    status, _, err = run(capsys, "--db", db, "import", str(bad))
    assert status == 1
    assert "start_date: '2021-02-30' does not exist" in err
    assert "Traceback" not in err
    assert (tmp_path / "x.sqlite3").read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_and_untouched(capsys, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database", encoding="utf-8")
    status, _, err = run(capsys, "--db", str(notes), "list")
    assert status == 1
    assert "is not an EventDesk database" in err
    assert notes.read_text(encoding="utf-8") == "not a database"


def test_unknown_meeting_and_unwritable_output_are_one_line_each(capsys, db, tmp_path):
    status, _, err = run(capsys, "--db", db, "export", "--meeting", "42", "-o", str(tmp_path / "o"))
    assert status == 1 and err.strip() == "eventdesk: There is no meeting with id 42."
    run(capsys, "--db", db, "import", str(SAMPLE))
    status, _, err = run(capsys, "--db", db, "export", "-o", str(tmp_path / "no" / "dir.json"))
    assert status == 1 and err.count("\n") == 1 and "Cannot write" in err


def test_bad_usage_is_status_2(capsys):
    status, _, err = run(capsys, "frobnicate")
    assert status == 2 and "invalid choice" in err
    status, _, err = run(capsys, "export")
    assert status == 2 and "-o" in err


def test_version(capsys):
    status, out, _ = run(capsys, "--version")
    assert status == 0 and out.startswith("EventDesk ")


def test_without_db_the_default_database_is_in_the_user_data_folder(tmp_path):
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"), "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-m", "eventdesk", "list"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "EventDesk" / "eventdesk.sqlite3").exists()
