"""A second EventDesk on the same file is told who holds it, and may read it.

The lock is the operating system's: the system lets go of it when its holder
ends in any way, so a killed program leaves no stale lock, and no program is
ever asked (signalled) whether another lives. These tests run on every
platform: killing a child process is ``TerminateProcess`` on Windows.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from tests.conftest import SAMPLE
from tests.other_program import environment, eventdesk, held_open

from eventdesk.records import Person
from eventdesk.store import DatabaseLocked, EventStore, ReadOnlyStore
from eventdesk.store.lock import lock_path, read_holder


@pytest.fixture
def other_eventdesk(sample_store, db_path):
    sample_store.close()
    with held_open(db_path) as holder:
        yield holder


def test_the_second_program_is_told_who_holds_the_file(other_eventdesk, db_path):
    with pytest.raises(DatabaseLocked) as locked:
        EventStore.open(db_path)
    record = json.loads(lock_path(db_path).read_text(encoding="utf-8"))
    assert record["pid"] == other_eventdesk.pid or sys.platform == "win32"  # (a venv's launcher)
    assert record["host"] == socket.gethostname()
    who = f"{record['user']} on {record['host']} (process {record['pid']}, since {record['since']})"
    assert who in str(locked.value)
    assert "open the file read-only" in str(locked.value)


def test_the_holder_named_in_the_lock_file_is_named_in_the_message(sample_store, db_path):
    sample_store.close()
    with held_open(db_path, user="陈小红"), pytest.raises(DatabaseLocked, match="陈小红 on "):
        EventStore.open(db_path)


def test_the_second_program_may_read_but_not_write(other_eventdesk, db_path):
    with EventStore.open(db_path, read_only=True) as store:
        assert store.meetings.count() == 1
        with pytest.raises(ReadOnlyStore, match="read-only"):
            store.people.save(Person("Ng", "Wing"))


def test_the_lock_goes_when_the_holder_closes(other_eventdesk, db_path):
    other_eventdesk.communicate("\n", timeout=30)
    assert not lock_path(db_path).exists()
    EventStore.open(db_path).close()


def test_a_killed_holder_frees_the_file_at_once(other_eventdesk, db_path):
    # Given a database another EventDesk holds, when that program is killed
    other_eventdesk.kill()
    other_eventdesk.wait(timeout=30)
    # then its lock file is left behind, but the file opens at once, with no stale lock
    assert read_holder(db_path) is not None
    with EventStore.open(db_path) as store:
        assert store.meetings.count() == 1
        assert read_holder(db_path).pid == os.getpid()


@pytest.mark.parametrize(
    "left_by",
    [
        {"host": socket.gethostname(), "pid": os.getppid()},  # a live process, not holding it
        None,  # a damaged record
    ],
)
def test_a_lock_file_without_a_holder_keeps_no_one_out(sample_store, db_path, left_by):
    # Given a lock file whose program on this PC is gone (no one holds the system's lock;
    # another PC's record is asked about: test_lock_other_pc.py)
    sample_store.close()
    record = {"user": "chen", "since": "2026-11-27T09:00:00", **(left_by or {})}
    lock_path(db_path).write_text(json.dumps(record) if left_by else "{", encoding="utf-8")
    # when EventDesk opens the database, then it opens, and the record names this program
    with EventStore.open(db_path) as store:
        assert store.meetings.count() == 1
        assert read_holder(db_path).pid == os.getpid()
    assert not lock_path(db_path).exists()


RACE = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from eventdesk.store.lock import DatabaseLocked, FileLock
    inside = Path(sys.argv[1]).with_name("inside")
    deadline, taken = time.monotonic() + float(sys.argv[2]), 0
    while time.monotonic() < deadline:
        lock = FileLock(Path(sys.argv[1]))
        try:
            lock.acquire()
        except DatabaseLocked:
            continue
        os.close(os.open(inside, os.O_CREAT | os.O_EXCL | os.O_WRONLY))  # fails if two are in
        time.sleep(0.001)
        os.remove(inside)
        lock.release()
        taken += 1
        time.sleep(0.001)  # a turn for the other, however the system schedules them
    print(taken)
    """
)


def test_two_programs_taking_and_leaving_the_lock_never_hold_it_at_once(tmp_path):
    # Given two programs that take the lock, work, and leave it, as fast as they can
    db = tmp_path / "race.sqlite3"
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACE, str(db), "3"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=environment(),
        )
        for _ in range(2)
    ]
    results = [racer.communicate(timeout=120) for racer in racers]
    # then neither ever found the other inside, and both got their turns
    for racer, (out, err) in zip(racers, results, strict=True):
        assert racer.returncode == 0, err
        assert int(out) > 0, f"one program never got the lock in 3 s: {out} {err}"


def _wait_for_holder(db_path: Path, program: subprocess.Popen) -> dict:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and program.poll() is None:
        if read_holder(db_path) is not None:
            return json.loads(lock_path(db_path).read_text(encoding="utf-8"))
        time.sleep(0.1)
    raise AssertionError(f"the window never opened {db_path}: {program.communicate()}")


@pytest.mark.slow
def test_the_window_and_a_command_on_one_database(sample_store, db_path, tmp_path):
    # Given the desktop program open on a database, as its own program
    sample_store.close()
    home = tmp_path / "home"
    window = subprocess.Popen(
        [sys.executable, "-m", "eventdesk", "--db", str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(home, QT_QPA_PLATFORM="offscreen"),
    )
    try:
        holder = _wait_for_holder(db_path, window)
        # when a script imports into it, then it is refused, told who holds the file
        refused = eventdesk("--db", str(db_path), "import", str(SAMPLE), home=home)
        assert refused.returncode == 1
        assert f"{holder['user']} on {holder['host']} (process {holder['pid']}" in refused.stderr
        # and a command that reads reads it read-only, saying so
        listed = eventdesk("--db", str(db_path), "list", home=home)
        assert listed.returncode == 0, listed.stderr
        assert "Shanghai-Hong Kong" in listed.stdout and "read-only" in listed.stderr
        # when the window is killed (SIGKILL; TerminateProcess on Windows)
        window.kill()
        window.wait(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
        window.communicate(timeout=30)
    # then the file opens for writing at once: no stale lock, nobody asked
    with EventStore.open(db_path) as store:
        assert store.meetings.count() == 1
