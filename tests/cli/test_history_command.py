"""``eventdesk history RECORD``: one line a save, the newest first (issue 23, item 5).

Given the example imported by one clerk and changed by another, when the history of the
meeting is asked for, then each save is a line naming when, who, the version it made and what
it changed, old → new for a short field and a list of parts as what was added and removed;
written in UTF-8 wherever the output goes.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from tests.cli.test_cli import run
from tests.conftest import SAMPLE
from tests.other_program import environment

from eventdesk.store import EventStore

WHEN = r"\d{4}-\d\d-\d\d \d\d:\d\d"
TITLE = "Annual Meeting and Exchange Symposium of the Shanghai-Hong Kong University Alliance 2021"


def _as(monkeypatch, user: str) -> None:
    """Log in as ``user``: every variable ``getpass.getuser()`` reads, on any system."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(name, user)


@pytest.fixture
def changed(capsys, tmp_path, monkeypatch) -> str:
    """The example imported by ``maxt``, then its venue changed and an attendee taken off by
    ``liwei``."""
    db = str(tmp_path / "x.sqlite3")
    _as(monkeypatch, "maxt")
    assert run(capsys, "--db", db, "import", str(SAMPLE))[0] == 0
    _as(monkeypatch, "liwei")
    with EventStore.open(db) as store:
        meeting = store.meetings.get(1)
        meeting.venue_zh = "腾讯会议"
        del meeting.attendees[-1]
        store.meetings.save(meeting)
    return db


def test_the_history_of_a_meeting_is_a_line_a_save_newest_first(capsys, changed):
    status, out, err = run(capsys, "--db", changed, "history", "1")
    assert (status, err) == (0, "")
    title, latest, first = out.splitlines()
    assert title == f"meeting 1: 2021-12-22 {TITLE}"
    assert re.fullmatch(
        f"{WHEN}  liwei  v2  venue_zh: '线上' \u2192 '腾讯会议'; attendees: \u22121", latest
    ), latest
    assert re.fullmatch(f"{WHEN}  maxt  v1  created", first), first


def test_a_person_and_an_organisation_are_named_with_their_kind(capsys, changed):
    status, out, _ = run(capsys, "--db", changed, "history", "person:1")
    assert status == 0
    name, created = out.splitlines()
    assert name.startswith("person 1: ")
    assert re.fullmatch(f"{WHEN}  maxt  v1  created", created)
    status, out, _ = run(capsys, "--db", changed, "history", "organisation:1")
    assert status == 0
    name, created = out.splitlines()
    assert name.startswith("organisation 1: ")
    assert re.fullmatch(f"{WHEN}  maxt  v1  created", created)


@pytest.mark.parametrize("wrong", ["team:1", "person:x", "0", "meeting:"])
def test_a_record_that_cannot_be_named_is_a_usage_error(capsys, changed, wrong):
    status, _, err = run(capsys, "--db", changed, "history", wrong)
    assert status == 2 and "RECORD" in err


def test_a_record_not_in_the_database_is_one_line_and_exit_1(capsys, changed):
    status, out, err = run(capsys, "--db", changed, "history", "person:999")
    assert (status, out) == (1, "")
    assert err.strip() == "eventdesk: There is no person with id 999."


def test_the_history_redirected_on_a_western_windows_pc_is_utf8(changed, tmp_path):
    out = tmp_path / "history.txt"
    with out.open("wb") as target:
        done = subprocess.run(
            [sys.executable, "-m", "eventdesk", "--db", changed, "history", "1"],
            stdout=target,
            stderr=subprocess.PIPE,
            env=environment(PYTHONIOENCODING="cp1252"),
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    assert "'线上' \u2192 '腾讯会议'" in out.read_bytes().decode("utf-8")


def test_the_history_of_a_course_is_named_course_id_on_both_engines(
    capsys, engine_address, monkeypatch
):
    _as(monkeypatch, "maxt")
    assert run(capsys, "--db", engine_address, "import", str(SAMPLE))[0] == 0
    with EventStore.open(engine_address) as store:
        course = store.courses.get(store.courses.list()[0].id)
        course.teachers = "Prof. Chan"
        store.courses.save(course)
        who = store.courses.get(course.id).updated_by
    status, out, err = run(capsys, "--db", engine_address, "history", f"course:{course.id}")
    assert (status, err) == (0, "")
    title, latest, first = out.splitlines()
    assert title == f"course {course.id}: {course.title}"
    assert re.fullmatch(f"{WHEN}  {who}  v2  teachers: \\(empty\\) \u2192 'Prof. Chan'", latest)
    assert re.fullmatch(f"{WHEN}  \\S+  v1  created", first), first
    status, _, err = run(capsys, "--db", engine_address, "history", "course:999")
    assert status == 1 and "There is no course with id 999." in err
