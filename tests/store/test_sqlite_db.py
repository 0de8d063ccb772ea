"""The store's database object reads without sqlite-utils and writes as sqlite-utils does.

``store/sqlite_db.py`` runs reads on the ``sqlite3`` connection itself so that starting the
window does not import sqlite-utils (issue 25); what it must never change is when a change
is committed: these tests look at the file from a second connection, as another program
(or the next start) would.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from eventdesk.store.sqlite_db import Database


@pytest.fixture
def db(tmp_path):
    database = Database.open(str(tmp_path / "t.sqlite3"))
    database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
    yield database
    database.close()


@pytest.fixture
def other(tmp_path, db):
    conn = sqlite3.connect(tmp_path / "t.sqlite3")
    yield lambda: [row[0] for row in conn.execute("SELECT name FROM t ORDER BY id")]
    conn.close()


def test_a_change_outside_a_transaction_is_committed_at_once(db, other):
    db.execute("INSERT INTO t (name) VALUES (?)", ["Tongji University"])
    assert other() == ["Tongji University"]
    assert not db.conn.in_transaction


def test_a_change_in_a_block_is_seen_at_its_end_and_dropped_on_an_error(db, other):
    with db.atomic():
        db.execute("INSERT INTO t (name) VALUES ('kept')")
        assert db.execute("SELECT count(*) FROM t").fetchone()[0] == 1
        assert other() == []
    assert other() == ["kept"]

    with pytest.raises(RuntimeError), db.atomic():
        db.execute("INSERT INTO t (name) VALUES ('dropped')")
        raise RuntimeError("the save failed halfway")
    assert other() == ["kept"]


def test_a_refused_change_leaves_no_transaction_to_swallow_the_next(db, other):
    db.execute("INSERT INTO t (name) VALUES ('one')")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO t (name) VALUES ('one')")
    assert not db.conn.in_transaction
    db.execute("INSERT INTO t (name) VALUES ('two')")
    assert other() == ["one", "two"]


def test_rows_as_dicts_and_sqlite_utils_for_the_rest(db):
    db["t"].insert({"name": "Fudan University"})
    assert list(db.query("SELECT id, name FROM t")) == [{"id": 1, "name": "Fudan University"}]
    same = list(db.query("SELECT a.id, b.id FROM t a JOIN t b ON a.id = b.id"))
    assert same == [{"id": 1, "id_2": 1}]  # repeated names renamed, as sqlite-utils does
    assert db.table_names() == ["t"]


SCRIPT = """
import sys
from eventdesk.store import EventStore
from eventdesk.records import Person
store = EventStore.open({path!r})
store.meetings.list()
store.people.list()
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlite_utils", "dateutil", "click"))
print(loaded)
store.people.save(Person(family_name="WAI", given_name="Alexander"))
print("sqlite_utils" in sys.modules)
store.close()
"""


def test_reading_imports_no_sqlite_utils_and_the_first_write_does(tmp_path):
    path = tmp_path / "office.sqlite3"
    from eventdesk.store import EventStore

    EventStore.open(path).close()  # created and migrated: the next opening only reads
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(path=str(path))],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["[]", "True"], done.stdout
    store = EventStore.open(path)
    try:
        assert [row.name for row in store.people.list()] == ["WAI Alexander"]
    finally:
        store.close()
