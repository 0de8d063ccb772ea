"""``eventdesk summary``, ``report`` and ``courses`` on the command line.

Given the example meeting in a database file, when a summary is asked for, the
file is written and the exit status is 0; when the meeting does not exist, the
output cannot be written or a template is broken, there is one clear line on
stderr and exit status 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.cli.main import main
from eventdesk.summary import copy_templates_for_editing
from tests.summary.conftest import read_back


@pytest.fixture
def db(sample_store, meeting_id, db_path: Path) -> str:
    """The example meeting's database file, closed so the command opens it as a user would."""
    sample_store.close()
    return str(db_path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
@pytest.mark.parametrize("template", ["news", "minutes"])
def test_summary_writes_the_format_of_the_extension(
    capsys, db, meeting_id, tmp_path, suffix, template
):
    out = tmp_path / f"summary{suffix}"
    status, stdout, err = run(
        capsys, "--db", db, "summary", str(meeting_id), "--template", template, "-o", str(out)
    )
    assert (status, err) == (0, "")
    assert stdout == f"Wrote {out}.\n"
    assert "DING Xiaodong" in read_back(out)


def test_letter_paper(capsys, db, meeting_id, tmp_path):
    out = tmp_path / "news.pdf"
    assert (
        run(
            capsys, "--db", db, "summary", str(meeting_id), "--page-size", "Letter", "-o", str(out)
        )[0]
        == 0
    )
    from pypdf import PdfReader

    assert round(float(PdfReader(str(out)).pages[0].mediabox.width)) == 612


def one_line_error(status: int, stdout: str, err: str) -> str:
    assert status == 1 and stdout == ""
    assert err.endswith("\n") and err.count("\n") == 1 and err.startswith("eventdesk: ")
    return err


def test_unknown_meeting_id(capsys, db, tmp_path):
    err = one_line_error(*run(capsys, "--db", db, "summary", "999", "-o", str(tmp_path / "x.pdf")))
    assert "There is no meeting with id 999." in err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_unwritable_output_path(capsys, db, meeting_id, tmp_path, suffix):
    out = tmp_path / "no such folder" / f"x{suffix}"
    err = one_line_error(*run(capsys, "--db", db, "summary", str(meeting_id), "-o", str(out)))
    assert f"Cannot write {out}" in err


def test_output_inside_a_file_is_unwritable(capsys, db, meeting_id, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    err = one_line_error(
        *run(capsys, "--db", db, "summary", str(meeting_id), "-o", str(blocker / "x.pdf"))
    )
    assert "Cannot write" in err


def test_unknown_extension(capsys, db, meeting_id, tmp_path):
    err = one_line_error(
        *run(capsys, "--db", db, "summary", str(meeting_id), "-o", str(tmp_path / "x.odt"))
    )
    assert "name it .pdf, .docx or .html" in err


def test_broken_template(capsys, db, meeting_id, tmp_path):
    folder = copy_templates_for_editing()
    (folder / "news.html.j2").write_text("{% extends 'base.html.j2' %}\n{% block %}\n")
    err = one_line_error(
        *run(capsys, "--db", db, "summary", str(meeting_id), "-o", str(tmp_path / "x.pdf"))
    )
    assert f"Template error in {folder / 'news.html.j2'}, line 2" in err


def test_report_and_courses(capsys, db, tmp_path):
    report, courses = tmp_path / "2021.pdf", tmp_path / "courses.docx"
    status, _, err = run(
        capsys,
        "--db",
        db,
        "report",
        "--from",
        "2021-01-01",
        "--to",
        "2021-12-31",
        "--organisation",
        "Shanghai University",
        "-o",
        str(report),
    )
    assert (status, err) == (0, "")
    assert "One meeting with Shanghai University" in read_back(report)
    status, _, err = run(capsys, "--db", db, "courses", "--year", "2021", "-o", str(courses))
    assert (status, err) == (0, "")
    assert "Learning Entrepreneurship by Knowing and Doing" in read_back(courses)


def test_report_with_a_date_that_does_not_exist_is_a_usage_error(capsys, db, tmp_path):
    with pytest.raises(SystemExit) as caught:
        main(["--db", db, "report", "--from", "2021-02-30", "-o", str(tmp_path / "r.pdf")])
    assert caught.value.code == 2
    assert "February 2021 has 28 days" in capsys.readouterr().err
