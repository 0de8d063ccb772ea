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
