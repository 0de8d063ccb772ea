"""Chinese on the command line, whatever the console or file the output goes to.

Redirected on Windows, Python writes in the PC's ANSI code page (cp1252 on an
English PC); ``PYTHONIOENCODING=cp1252`` makes any platform do the same, so
these tests show here what a Windows office's script would meet.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import date

import pytest
from tests.other_program import eventdesk

from eventdesk.cli import main as cli_main
from eventdesk.records import Meeting
from eventdesk.store import EventStore

TITLE = "粤港澳高校联盟年会暨学术研讨会"


@pytest.fixture
def chinese_database(tmp_path):
    path = tmp_path / "办公室" / "会议.sqlite3"
    path.parent.mkdir()
    with EventStore.open(path) as store:
        store.meetings.save(Meeting(title=TITLE, start_date=date(2026, 11, 27)))
    return path


@pytest.mark.parametrize("as_json", [False, True])
def test_a_list_redirected_in_cp1252_is_written_in_utf8(chinese_database, tmp_path, as_json):
    # Given an ANSI code page for redirected output, when `eventdesk list > out.txt` runs
    out = tmp_path / "out.txt"
    args = ["--db", str(chinese_database), "list", *(["--json"] if as_json else [])]
    done = _redirected(args, out)
    # then it exits 0 and the file holds the Chinese title in UTF-8
    assert done.returncode == 0, done.stderr
    text = out.read_bytes().decode("utf-8")
    assert TITLE in (json.loads(text)[0]["title"] if as_json else text)


def _redirected(args: list[str], out):
    import subprocess

    from tests.other_program import environment

    with out.open("wb") as target:
        return subprocess.run(
            [sys.executable, "-m", "eventdesk", *args],
            stdout=target,
            stderr=subprocess.PIPE,
            env=environment(PYTHONIOENCODING="cp1252"),
            timeout=120,
            check=False,
        )


def test_an_error_naming_a_chinese_file_is_said_whole(tmp_path):
    # Given a cp1252 console, when a command names a file that is not there
    missing = tmp_path / "会议记录.json"
    done = eventdesk(
        "--db", str(tmp_path / "x.sqlite3"), "import", str(missing), PYTHONIOENCODING="cp1252"
    )
    # then the message names it, in UTF-8, with its Chinese
    assert done.returncode == 1
    assert done.stderr.startswith("eventdesk: ")
    assert "会议记录.json: there is no such file" in done.stderr


def test_a_message_is_never_dropped_by_a_stream_that_cannot_hold_it(monkeypatch):
    # Given a standard error that stays in cp1252 (one main() could not switch to UTF-8)
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(raw, encoding="cp1252"))
    # when a message with Chinese is said
    assert cli_main._say(f"{TITLE} cannot be read.", 1) == 1
    sys.stderr.flush()
    # then it is there, the Chinese as escapes the reader can still decipher
    said = raw.getvalue().decode("cp1252")
    assert said.startswith("eventdesk: \\u7ca4\\u6e2f") and said.endswith("cannot be read.\n")
