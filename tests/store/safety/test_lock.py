"""A second EventDesk on the same file is told who holds it, and may read it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from eventdesk.records import Person
from eventdesk.store import DatabaseLocked, EventStore, ReadOnlyStore
from eventdesk.store.lock import lock_path

HOLD = textwrap.dedent(
    """
    import sys, time
    from eventdesk.store import EventStore
    store = EventStore.open(sys.argv[1])
    print("holding", flush=True)
    sys.stdin.readline()
    store.close()
    """
)


@pytest.fixture
def other_eventdesk(sample_store, db_path):
    sample_store.close()
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "holding"
    yield proc
    if proc.poll() is None:
        proc.communicate("\n", timeout=10)


def test_the_second_instance_is_told_who_holds_the_file(other_eventdesk, db_path):
    with pytest.raises(DatabaseLocked) as locked:
        EventStore.open(db_path)
    assert f"process {other_eventdesk.pid}" in str(locked.value)
    assert "open the file read-only" in str(locked.value)


def test_the_second_instance_may_read_but_not_write(other_eventdesk, db_path):
    with EventStore.open(db_path, read_only=True) as store:
        assert store.count_meetings() == 1
        with pytest.raises(ReadOnlyStore, match="read-only"):
            store.save_person(Person("Ng", "Wing"))


def test_the_lock_goes_when_the_holder_closes(other_eventdesk, db_path):
    other_eventdesk.communicate("\n", timeout=10)
    assert not lock_path(db_path).exists()
    EventStore.open(db_path).close()


def test_a_stale_lock_of_a_dead_process_is_recovered(sample_store, db_path):
    sample_store.close()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    import socket

    lock_path(db_path).write_text(
        json.dumps(
            {"user": "someone", "host": socket.gethostname(), "pid": int(dead.stdout), "since": "x"}
        ),
        encoding="utf-8",
    )
    with EventStore.open(db_path) as store:
        assert store.count_meetings() == 1
        assert json.loads(lock_path(db_path).read_text(encoding="utf-8"))["pid"] == os.getpid()


def test_a_lock_from_another_computer_is_respected(sample_store, db_path):
    sample_store.close()
    lock_path(db_path).write_text(
        json.dumps(
            {"user": "chen", "host": "office-pc-7", "pid": 1, "since": "2026-11-27T09:00:00"}
        ),
        encoding="utf-8",
    )
    with pytest.raises(DatabaseLocked, match="chen on office-pc-7"):
        EventStore.open(db_path)
