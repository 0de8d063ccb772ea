"""A database on a network share, a mapped drive, a subst drive and a deep folder, on Windows.

An office keeps its file where its IT puts it: ``\\\\server\\share\\…``, the same
share mapped as ``Z:``, a ``subst`` drive, a folder many levels down. On a
``subst`` drive and deep down every step must work as on ``C:\\``: open, save a
photo, the background check, backups that find their photos, rotation that
keeps them, restore, and the lock. On a share and a mapped drive the file is
read (the check there once called a share's file damaged) and never written:
SQLite cannot keep it safe over a network (issue 23). The machine's own
administrative share ``\\\\localhost\\C$`` stands in for a server; ``net use``
maps it as a drive. The Windows job of .github/workflows/tests.yml runs these
(``EVENTDESK_TEST_SHARES=1`` there: a share that cannot be reached fails the
test rather than skipping it).
"""

from __future__ import annotations

import os
import shutil
import string
import subprocess
from datetime import date
from pathlib import Path

import pytest
from tests.other_program import eventdesk
from tests.store.test_photo_files import jpeg

from eventdesk.records import Meeting, MeetingFile
from eventdesk.store import DatabaseFiles, EventStore, OnNetworkDrive, backups, media
from eventdesk.store.database import verify_file

pytestmark = pytest.mark.windows(reason="drive letters, UNC names, subst and net use are Windows'")

TITLE = "粤港澳高校联盟年会"


def _unavailable(why: str) -> None:
    if os.environ.get("EVENTDESK_TEST_SHARES") == "1":
        pytest.fail(why)
    pytest.skip(why)


def _free_letter() -> str:
    for letter in reversed(string.ascii_uppercase[7:]):  # H: to Z:, from the end
        if not os.path.exists(f"{letter}:\\"):
            return letter
    _unavailable("no drive letter is free")
    raise AssertionError  # (not reached)


def _me() -> str:
    """How this process's lock names it: user on host (process N, …"""
    import getpass
    import socket

    return f"{getpass.getuser()} on {socket.gethostname()} (process {os.getpid()},"


def _as_unc(path: Path) -> Path:
    """``C:\\Users\\…`` as ``\\\\localhost\\C$\\Users\\…``, the administrative share."""
    return Path(f"\\\\localhost\\{path.drive[0]}$\\") / path.relative_to(path.anchor)


@pytest.fixture
def share_folder(tmp_path: Path) -> Path:
    folder = _as_unc(tmp_path) / "国际交流处"
    try:
        folder.mkdir()
    except OSError as exc:
        _unavailable(f"the administrative share {folder.anchor} cannot be reached: {exc}")
    return folder


@pytest.fixture
def mapped_folder(share_folder: Path) -> Path:
    letter = _free_letter()
    done = subprocess.run(
        ["net", "use", f"{letter}:", str(share_folder), "/persistent:no"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    if done.returncode:
        _unavailable(f"net use could not map {share_folder}: {done.stdout}{done.stderr}")
    yield Path(f"{letter}:\\")
    subprocess.run(["net", "use", f"{letter}:", "/delete", "/y"], capture_output=True)


@pytest.fixture
def subst_folder(tmp_path: Path) -> Path:
    letter = _free_letter()
    target = tmp_path / "subst target"
    target.mkdir()
    subprocess.run(["subst", f"{letter}:", str(target)], check=True, capture_output=True)
    yield Path(f"{letter}:\\")
    subprocess.run(["subst", f"{letter}:", "/D"], capture_output=True)


@pytest.fixture
def deep_folder(tmp_path: Path) -> Path:
    """A folder of 190 characters: its photos' paths (about 80 more) pass Windows' 260.

    The database's own files (backups, ``-wal``) stay within 260, as SQLite needs.
    """
    folder = tmp_path
    while len(str(folder)) < 180:
        folder /= "会议记录与照片档案"
    folder /= "x" * (190 - len(str(folder)) - 1)
    os.makedirs(folder)
    return folder


@pytest.mark.parametrize("where", ["share_folder", "mapped_folder"])
def test_a_database_on_a_share_is_read_and_never_written(request, tmp_path, where):
    # Given a database copied onto a share, or onto a drive mapped to one (issue 23)
    folder: Path = request.getfixturevalue(where)
    local = tmp_path / "本机.sqlite3"
    with EventStore.open(local) as store:
        store.meetings.save(Meeting(title=TITLE, start_date=date(2026, 11, 27)))
    db_path = folder / "办公室.sqlite3"
    shutil.copyfile(local, db_path)
    # when EventDesk opens it to write, then it is refused with the sentence, writing nothing
    with pytest.raises(OnNetworkDrive, match="SQLite cannot keep it safe over a network"):
        EventStore.open(db_path)
    assert sorted(p.name for p in folder.iterdir()) == ["办公室.sqlite3"]
    # and it reads, and SQLite's check passes there (a share's file: URI once failed it)
    with EventStore.open(db_path, read_only=True) as store:
        assert [row.title for row in store.meetings.list()] == [TITLE]
    assert verify_file(db_path) is None
    # and the command line reads it, saying why read-only, and refuses to write there
    listed = eventdesk("--db", str(db_path), "list")
    assert listed.returncode == 0 and TITLE in listed.stdout, listed.stderr
    assert "is on a network drive" in listed.stderr
    refused = eventdesk("--db", str(db_path), "import", str(folder / "x.json"))
    assert refused.returncode == 1 and "Copy it to this PC" in refused.stderr


@pytest.mark.parametrize("where", ["subst_folder", "deep_folder"])
def test_a_database_works_wherever_the_office_keeps_it(request, where):
    folder: Path = request.getfixturevalue(where)
    db_path = folder / "办公室.sqlite3"
    photo = jpeg(seed=7)
    # Given a new database there, with a meeting and its photo
    with EventStore.open(db_path) as store:
        meeting = Meeting(title=TITLE, start_date=date(2026, 11, 27))
        meeting.files.append(MeetingFile("合影.jpg", "image/jpeg", data=photo))
        saved = store.meetings.save(meeting)
        # then the photo reads back, and the background check finds nothing wrong
        assert store.files.data(saved.files[0].id) == photo
        assert verify_file(db_path) is None
        # and a second program is told who holds the file
        refused = eventdesk("--db", str(db_path), "import", str(folder / "x.json"))
        assert refused.returncode == 1
        assert f"is open in another EventDesk: {_me()}" in refused.stderr
        backup = store.files.backup()
    # and the backup names the photo, its pool holds it, and pruning the pool keeps it
    sha = media.digest(photo)
    pool = backups.backup_folder(db_path) / "media"
    assert backups.named_by(backup, immutable=True) == {sha}
    assert backups.prune_photos(backups.backup_folder(db_path)) == []
    assert media.path_in(pool, sha).read_bytes() == photo
    # when the photo is lost and the backup restored, it comes back with the records
    media.path_in(media.folder_for(db_path), media.digest(photo)).unlink()
    DatabaseFiles(db_path).restore(backup)
    with EventStore.open(db_path) as store:
        (row,) = store.meetings.list()
        assert row.title == TITLE
        assert store.files.data(store.meetings.get(row.id).files[0].id) == photo
        assert store.files.check() == []
    # and the command line lists it, and finds no problem
    listed = eventdesk("--db", str(db_path), "list")
    assert listed.returncode == 0 and TITLE in listed.stdout, listed.stderr
    checked = eventdesk("--db", str(db_path), "check")
    assert checked.returncode == 0 and "no problems found" in checked.stdout, checked.stderr


def test_a_database_file_marked_read_only_is_read_read_only(tmp_path):
    # Given a database whose file has Windows' read-only attribute (a copy from a CD)
    db_path = tmp_path / "只读.sqlite3"
    with EventStore.open(db_path) as store:
        store.meetings.save(Meeting(title=TITLE, start_date=date(2026, 11, 27)))
    os.chmod(db_path, 0o444)
    try:
        # when a command reads it, then it does, saying so; one that writes is refused
        listed = eventdesk("--db", str(db_path), "list")
        assert listed.returncode == 0 and TITLE in listed.stdout
        assert "read-only" in listed.stderr
        refused = eventdesk("--db", str(db_path), "import", str(tmp_path / "x.json"))
        assert refused.returncode == 1 and "read-only" in refused.stderr
    finally:
        os.chmod(db_path, 0o644)
