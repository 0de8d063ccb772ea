"""A lock left by another PC says which PC and since when, and may be taken over.

Where the file travels between PCs (a synced folder, a share whose locks do not
reach across) the system's lock on another PC says nothing here: its record is
all there is, so it is honoured until the user takes the file over. Taking over
replaces only a record: a lock a live program holds is never taken. The other
PC is a second process whose record names a made-up PC; killing it is that PC
crashing (its system lock goes, its record stays).
"""

from __future__ import annotations

import json
import os
import socket
from datetime import datetime, timedelta

import pytest
from tests.other_program import eventdesk, held_open

from eventdesk.records import Person
from eventdesk.store import DatabaseLocked, EventStore, HeldOnAnotherPC
from eventdesk.store.lock import lock_path, read_holder, since_words

OTHER_PC = "OFFICE-PC-7"


@pytest.fixture
def other_pc(sample_store, db_path):
    """The database open on another PC: its EventDesk holds the lock, its record names that PC."""
    sample_store.close()
    with held_open(db_path, user="chen", host=OTHER_PC) as holder:
        yield holder


def _crash(program) -> None:
    program.kill()  # TerminateProcess on Windows
    program.wait(timeout=30)


def test_a_file_in_use_on_another_pc_names_the_pc_and_is_never_taken(other_pc, db_path):
    # Given a database open on another PC right now (its system lock held)
    # when this PC opens it, even asking to take it over
    for take_over in (False, True):
        with pytest.raises(HeldOnAnotherPC) as refused:
            EventStore.open(db_path, take_over=take_over)
        # then it is told which PC, who, and that it is in use right now
        message = str(refused.value)
        assert f"is in use right now on {OTHER_PC} by chen since " in message
        assert "cannot be taken over" in message
        assert not refused.value.can_take_over
    # and the other PC's record and lock are untouched: it still saves
    assert read_holder(db_path).host == OTHER_PC
    with pytest.raises(DatabaseLocked):
        EventStore.open(db_path)


def test_a_crashed_pcs_lock_is_asked_about_then_taken_over(other_pc, db_path):
    # Given another PC's EventDesk that crashed: its system lock is gone, its record stays
    _crash(other_pc)
    assert read_holder(db_path).host == OTHER_PC
    # when this PC opens the file, then it is refused, with the PC and the time, and may take over
    with pytest.raises(HeldOnAnotherPC) as refused:
        EventStore.open(db_path)
    assert refused.value.can_take_over
    message = str(refused.value)
    assert f"is being edited on {OTHER_PC} by chen since " in message
    assert "ago)" in message and "may be lost" in message
    # and refusing changed nothing: the record still names the other PC
    assert read_holder(db_path).host == OTHER_PC
    # when it takes over, then the file opens for writing and the record names this PC
    with EventStore.open(db_path, take_over=True) as store:
        store.people.save(Person("Ng", "Wing"))
        holder = read_holder(db_path)
        assert (holder.host, holder.pid) == (socket.gethostname(), os.getpid())
    # and, closed, the next program opens it with no question
    with EventStore.open(db_path) as store:
        assert store.people.count() >= 1


def test_a_record_of_another_pc_keeps_a_reader_reading(other_pc, db_path):
    _crash(other_pc)
    with EventStore.open(db_path, read_only=True) as store:
        assert store.meetings.count() == 1
    assert read_holder(db_path).host == OTHER_PC


def test_the_command_line_says_which_pc_and_takes_over_when_told(other_pc, db_path, tmp_path):
    person = tmp_path / "person.json"
    export = eventdesk("--db", str(db_path), "export", "-o", str(person))
    assert export.returncode == 0, export.stderr  # (read-only, beside the other PC)
    # Given a database in use on another PC: a command that writes is refused, naming it
    refused = eventdesk("--db", str(db_path), "--take-over", "import", str(person))
    assert refused.returncode == 1
    assert f"in use right now on {OTHER_PC} by chen" in refused.stderr
    # when that PC crashes, then the command is refused with the question's words
    _crash(other_pc)
    refused = eventdesk("--db", str(db_path), "import", str(person))
    assert refused.returncode == 1
    assert f"is being edited on {OTHER_PC} by chen since " in refused.stderr
    assert "--take-over" in refused.stderr
    assert read_holder(db_path).host == OTHER_PC
    # and a command that reads still reads, saying who has it
    listed = eventdesk("--db", str(db_path), "list")
    assert listed.returncode == 0 and "Shanghai-Hong Kong" in listed.stdout
    assert f"is being edited on {OTHER_PC} by chen since " in listed.stderr
    assert "ago); reading it read-only." in listed.stderr
    # and with --take-over it writes
    taken = eventdesk("--db", str(db_path), "--take-over", "import", str(person))
    assert taken.returncode == 0, taken.stderr
    assert not lock_path(db_path).exists()  # (its own record went when it closed)


def test_a_record_of_this_pc_with_another_case_is_this_pcs(sample_store, db_path):
    sample_store.close()
    record = {"user": "chen", "host": socket.gethostname().swapcase(), "pid": 1, "since": "x"}
    lock_path(db_path).write_text(json.dumps(record), encoding="utf-8")
    with EventStore.open(db_path) as store:  # Windows' computer names ignore case
        assert not store.read_only, store.read_only_reason
        assert store.people.save(Person("Chen", "Ming")).id is not None
    assert not lock_path(db_path).exists()  # taken as its own, and gone when it closed


NOW = datetime(2026, 11, 27, 12, 42)


@pytest.mark.parametrize(
    ("since", "words"),
    [
        (NOW - timedelta(hours=2), "since 10:42 (2 hours ago)"),
        (NOW - timedelta(seconds=20), "since 12:41 (less than a minute ago)"),
        (NOW - timedelta(days=3), "since 2026-11-24 12:42 (3 days ago)"),
        (NOW + timedelta(minutes=5), "since 12:47"),  # the other PC's clock is ahead
    ],
)
def test_since_when_in_words(since, words):
    assert since_words(since.isoformat("T", "seconds"), NOW) == words


def test_since_when_of_another_time_zone_is_in_this_pcs_time():
    now = NOW.astimezone()
    two_hours_ago = (now - timedelta(hours=2)).astimezone(
        datetime.fromisoformat("2026-01-01T00:00:00-05:00").tzinfo
    )
    assert since_words(two_hours_ago.isoformat(), now) == "since 10:42 (2 hours ago)"
    assert since_words("not a time", now) == "since not a time"


def test_restore_takes_over_a_crashed_pcs_lock_only_when_told(sample_store, db_path):
    # Given a backup, and the database then left locked by another PC that crashed
    backup = sample_store.files.backup()
    sample_store.close()
    with held_open(db_path, user="chen", host=OTHER_PC) as other:
        refused = eventdesk("--db", str(db_path), "--take-over", "restore", str(backup))
        assert refused.returncode == 1 and "in use right now" in refused.stderr
        _crash(other)
    # when a restore is asked for, then it is refused, saying how to take the file over
    refused = eventdesk("--db", str(db_path), "restore", str(backup))
    assert refused.returncode == 1, refused.stdout
    assert f"is being edited on {OTHER_PC} by chen" in refused.stderr
    assert "--take-over" in refused.stderr
    # and with --take-over it restores
    restored = eventdesk("--db", str(db_path), "--take-over", "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "Restored" in restored.stdout
    assert not lock_path(db_path).exists()
