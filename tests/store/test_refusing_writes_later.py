"""A store that begins refusing writes after it opened tells who listens (issue 23, item 6):
the window's pages then show read-only, what was typed kept. A file that can no longer be
written is one such store (the team database's login made a reader's is another:
tests/ui/test_reader_window.py)."""

from __future__ import annotations

import pytest

from eventdesk.records import Person
from eventdesk.store import EventStore, ReadOnlyStore


def test_refuse_writes_tells_its_listeners_once(fresh_store: EventStore):
    told: list[bool] = []
    fresh_store.on_refusing_writes(lambda: told.append(fresh_store.read_only))
    fresh_store.refuse_writes()
    fresh_store.refuse_writes()
    assert told == [True]
    with pytest.raises(ReadOnlyStore):
        fresh_store.people.save(Person(family_name="Wu", given_name="Lin"))


def test_a_file_that_can_no_longer_be_written_refuses_writes_saying_why(fresh_store: EventStore):
    told: list[str] = []
    fresh_store.on_refusing_writes(lambda: told.append("refused"))
    # SQLite answers a write as for a file whose drive turned read-only (SQLITE_READONLY)
    fresh_store.db.conn.execute("PRAGMA query_only = 1")
    with pytest.raises(ReadOnlyStore, match="can no longer be written"):
        fresh_store.people.save(Person(family_name="Wu", given_name="Lin"))
    assert fresh_store.read_only and told == ["refused"]
    assert "can no longer be written" in fresh_store.notes[0]  # what the window's bar says
    fresh_store.db.conn.execute("PRAGMA query_only = 0")
    assert fresh_store.people.count() == 0


def test_a_file_another_pc_took_over_refuses_writes_naming_who(db_path):
    import json
    from datetime import datetime

    from eventdesk.store.lock import lock_path

    store = EventStore.open(db_path)
    told: list[str] = []
    store.on_refusing_writes(lambda: told.append("refused"))
    store.people.save(Person(family_name="Wu", given_name="Lin"))  # ours: saved
    # when another PC takes the file over (its lock record replaces ours)
    theirs = {
        "user": "liwei",
        "host": "PC-12",
        "pid": 4242,
        "since": datetime.now().astimezone().isoformat("T", "seconds"),
    }
    lock_path(db_path).write_text(json.dumps(theirs), encoding="utf-8")
    # then the next save is refused, naming who, and nothing more is written
    with pytest.raises(ReadOnlyStore, match="liwei on PC-12 took"):
        store.people.save(Person(family_name="Chan", given_name="Tai Man"))
    assert store.read_only and told == ["refused"] and "liwei on PC-12" in store.notes[0]
    assert store.people.count() == 1
    store.close()
    # and closing leaves their lock file in place
    assert json.loads(lock_path(db_path).read_text(encoding="utf-8"))["user"] == "liwei"
