"""A full disk never locks anyone out: reading needs no free space (issue 20, case 7).

Given the example database on a real, small file system filled to the brim
(no byte free; room for the lock but not for SQLite's ``-shm``; room for
that but not for the day's backup), when a command that only reads runs,
then it does its work, says in one line that the day's backup could not be
made and why, leaves no unfinished copy, and changes no byte of the database.
A command that writes is refused in one line. Where no file system can be
mounted (not root), a file-size limit stands in for the last of the three.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap

import pytest
from tests.conftest import SAMPLE
from tests.store.safety.faults import fill, small_disk

from eventdesk.cli.main import main
from eventdesk.store import EventStore, backups

#: Free bytes left: none; a page (the lock fits, SQLite's -shm does not); 64 KiB (the
#: lock and -shm fit, the day's backup does not).
ROOM = {"nothing": 0, "a page": 4096, "64 KiB": 65536}


@pytest.fixture(params=list(ROOM))
def full_disk(request, tmp_path):
    """The example database, closed, on a 4 MiB file system with ``ROOM`` bytes left."""
    with small_disk(tmp_path / "disk") as disk:
        db_path = disk / "office.sqlite3"
        with EventStore.open(db_path) as store:
            store.interchange.import_file(SAMPLE)
        shutil.rmtree(
            backups.backup_folder(db_path), ignore_errors=True
        )  # today's backup is not made yet
        fill(disk, leave=ROOM[request.param])
        yield db_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def unfinished(folder) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith((".partial", ".lock")))


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["search", "Shanghai"],
        ["export", "-o", "OUT/all.json"],
        ["summary", "1", "-o", "OUT/summary.html"],
    ],
)
def test_reading_commands_work_on_a_full_disk_and_say_why_there_is_no_backup(
    capsys, full_disk, tmp_path, command
):
    before = full_disk.read_bytes()
    argv = [a.replace("OUT", str(tmp_path)) for a in command]

    status, out, err = run(capsys, "--db", str(full_disk), *argv)

    assert status == 0, err
    assert err.count("\n") == 1 and "the day's backup could not be made" in err.lower()
    assert "full" in err or "no room" in err
    if command[0] == "list":
        assert "Shanghai-Hong Kong" in out
    if command[0] == "export":
        assert len(json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["meetings"]) == 1
    assert full_disk.read_bytes() == before
    assert unfinished(full_disk.parent) == []
    assert backups.list_backups(full_disk) == []


def test_a_command_that_writes_is_refused_in_one_line(capsys, full_disk):
    before = full_disk.read_bytes()
    status, _, err = run(capsys, "--db", str(full_disk), "import", str(SAMPLE))
    assert status == 1 and err.count("\n") == 1 and ("full" in err or "no room" in err)
    assert full_disk.read_bytes() == before
    assert unfinished(full_disk.parent) == []


def test_a_backup_to_the_full_disk_is_refused_and_leaves_nothing(capsys, full_disk):
    status, _, err = run(capsys, "--db", str(full_disk), "backup")
    assert status == 1 and "Cannot write a backup" in err and ("full" in err or "no room" in err)
    assert unfinished(full_disk.parent) == []


def test_a_backup_to_another_disk_is_made(capsys, full_disk, tmp_path):
    target = tmp_path / "usb" / "office.sqlite3"
    status, out, _ = run(capsys, "--db", str(full_disk), "backup", "-o", str(target))
    assert status == 0 and "Backed up to" in out
    with EventStore.open(target, read_only=True) as copy:
        assert copy.meetings.count() == 1


LIMITED = textwrap.dedent(
    """
    import resource, signal, sys
    from eventdesk.cli.main import main
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))
    sys.exit(main(["--db", sys.argv[1], "list"]))
    """
)


@pytest.mark.posix(reason="a file-size limit (RLIMIT_FSIZE) is POSIX's")
def test_a_day_whose_backup_does_not_fit_still_lists_under_a_file_size_limit(sample_store, db_path):
    sample_store.close()
    shutil.rmtree(backups.backup_folder(db_path), ignore_errors=True)
    assert db_path.stat().st_size > 100_000
    done = subprocess.run(
        [sys.executable, "-c", LIMITED, str(db_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Shanghai-Hong Kong" in done.stdout
    assert done.stderr.count("\n") == 1
    assert "the day's backup could not be made" in done.stderr.lower()
    assert unfinished(db_path.parent) == []
