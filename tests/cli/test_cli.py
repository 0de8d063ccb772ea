"""The command line as a user types it: output, exit status, files left behind.

The main path (import, list, export, summary) runs on both engines: ``address`` is a file's
path, then a team database's ``postgresql://`` address (ids ``[sqlite]``, ``[postgresql]``).
"""

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


@pytest.fixture
def address(engine_address):
    """A new database on each engine in turn: a file, then a team database."""
    return engine_address


def test_import_then_list_shows_the_meeting(capsys, address):
    status, out, _ = run(capsys, "--db", address, "import", str(SAMPLE))
    assert status == 0
    assert out.endswith(
        ": 1 meeting(s) added, 0 updated; 10 people added, 0 matched; "
        "25 organisations added, 0 matched.\n"
    )
    status, out, _ = run(capsys, "--db", address, "list")
    assert status == 0
    assert (
        out.strip() == "1\t2021-12-22\tAnnual Meeting and Exchange Symposium of the "
        "Shanghai-Hong Kong University Alliance 2021"
    )


def test_importing_again_matches_everyone_and_updates_the_meeting(capsys, address):
    run(capsys, "--db", address, "import", str(SAMPLE))
    status, out, _ = run(capsys, "--db", address, "import", str(SAMPLE))
    assert status == 0
    assert out.endswith(
        ": 0 meeting(s) added, 1 updated; 0 people added, 10 matched; "
        "0 organisations added, 25 matched.\n"
    )
    assert run(capsys, "--db", address, "list")[1].count("\n") == 1


def test_list_json_has_id_date_and_title(capsys, address):
    run(capsys, "--db", address, "import", str(SAMPLE))
    status, out, _ = run(capsys, "--db", address, "list", "--json")
    (item,) = json.loads(out)
    assert status == 0
    assert item == {
        "id": 1,
        "date": "2021-12-22",
        "end_date": None,
        "title": "Annual Meeting and Exchange Symposium of the Shanghai-Hong Kong University "
        "Alliance 2021",
        "series": "Shanghai-Hong Kong University Alliance annual meeting",
        "format": "online",
        "status": "final",
    }


def test_the_summary_pdf_carries_every_fact_of_the_example(capsys, address, tmp_path):
    """`summary 1 -o x.pdf` of the imported example: every fact of the office's report, the
    speakers with their capacities, our people with their titles, on either engine."""
    from tests.summary.conftest import pdf_text
    from tests.summary.test_news_release import FACTS, OUR_PEOPLE, SPEAKERS

    run(capsys, "--db", address, "import", str(SAMPLE))
    pdf = tmp_path / "x.pdf"
    status, out, err = run(capsys, "--db", address, "summary", "1", "-o", str(pdf))
    assert (status, out, err) == (0, f"Wrote {pdf}.\n", "")
    text = pdf_text(pdf)
    for fact in [*FACTS, *SPEAKERS, *OUR_PEOPLE]:
        assert fact in text


def test_export_import_export_is_the_same_json(capsys, address, tmp_path):
    run(capsys, "--db", address, "import", str(SAMPLE))
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    assert run(capsys, "--db", address, "export", "--meeting", "1", "-o", str(first))[0] == 0
    other = str(tmp_path / "other.sqlite3")
    assert run(capsys, "--db", other, "import", str(first))[0] == 0
    assert run(capsys, "--db", other, "export", "--meeting", "1", "-o", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_whole_database_export(capsys, address, tmp_path):
    run(capsys, "--db", address, "import", str(SAMPLE))
    out_file = tmp_path / "all.json"
    assert run(capsys, "--db", address, "export", "-o", str(out_file))[0] == 0
    document = json.loads(out_file.read_text(encoding="utf-8"))
    assert document["scope"] == "database" and len(document["meetings"]) == 1
    # byte for byte what the same records give from a file
    file_db, from_file = str(tmp_path / "file.sqlite3"), tmp_path / "from-file.json"
    run(capsys, "--db", file_db, "import", str(SAMPLE))
    assert run(capsys, "--db", file_db, "export", "-o", str(from_file))[0] == 0
    assert out_file.read_bytes() == from_file.read_bytes()


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


@pytest.mark.parametrize("typed", ["浸会", "浸會", "Pony 98", "shanghai-hong kong", "丁晓东"])
def test_search_finds_the_example_by_any_of_its_words(capsys, address, typed):
    """`search 浸会` finds the meeting Hong Kong Baptist University (香港浸會大學) attended, as
    the words of its talk, its alliance and our president's Chinese name do, on either engine."""
    run(capsys, "--db", address, "import", str(SAMPLE))
    status, out, err = run(capsys, "--db", address, "search", *typed.split())
    assert (status, err) == (0, "")
    assert out.startswith("1\t2021-12-22\tAnnual Meeting") and out.count("\n") == 1


def test_search_without_a_match_lists_nothing(capsys, address):
    run(capsys, "--db", address, "import", str(SAMPLE))
    assert run(capsys, "--db", address, "search", "浸会", "Oxford") == (0, "", "")
    assert run(capsys, "--db", address, "search", "--json", "nowhere") == (0, "[]\n", "")


def test_check_of_the_imported_example_finds_nothing(capsys, address):
    run(capsys, "--db", address, "import", str(SAMPLE))
    status, out, err = run(capsys, "--db", address, "check")
    assert (status, err) == (0, "")
    assert out == f"{address}: no problems found.\n"


def test_check_of_a_team_database_names_a_damaged_photo(capsys, postgres_address):
    from eventdesk.store.engines import connect

    run(capsys, "--db", postgres_address, "import", str(SAMPLE))
    with connect(postgres_address) as conn:
        sha = conn.execute("SELECT sha256 FROM photos ORDER BY sha256 LIMIT 1").scalar()
        conn.execute("UPDATE photos SET bytes = ? WHERE sha256 = ?", (b"not a photo", sha))
        conn.execute("DELETE FROM meeting_search")
    status, out, err = run(capsys, "--db", postgres_address, "check")
    assert (status, out) == (1, "")
    assert f"problem: the photo {sha[:12]}… is damaged" in err
    assert "problem: meeting 1 (2021-12-22) has no search document" in err


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
