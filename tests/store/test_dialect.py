"""What the store's SQL spells differently per engine (store/engines/dialect.py) gives the same
rows on both (ids ``[sqlite]`` and ``[postgresql]``); and a file's store connection is the one
sqlite-utils uses, in the same transactions."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlite_utils import Database

from eventdesk.store.engines import connect, dialect
from eventdesk.store.engines.sqlite import SQLiteConnection

NAMES = ["beta", "Alpha", "alpha", "_under", "Zeta", "Émile", "émile", "香港", "abc"]


@pytest.fixture
def conn(engine_address):
    connection = connect(engine_address)
    text = "text" if connection.engine == "sqlite" else 'text COLLATE "C"'
    connection.execute(f"CREATE TABLE names (id INTEGER PRIMARY KEY, name {text})")
    connection.executemany(
        "INSERT INTO names (id, name) VALUES (?, ?)", [(n, name) for n, name in enumerate(NAMES)]
    )
    yield connection
    connection.close()


def test_a_case_insensitive_order_is_sqlite_s_nocase_on_both(conn):
    order = dialect.order_by(conn, "name COLLATE NOCASE, id")
    got = [name for (name,) in conn.execute(f"SELECT name FROM names ORDER BY {order}")]
    # NOCASE folds ASCII letters alone and compares bytes: _ between the capitals and the small
    # letters' places, É and é apart, Chinese last.
    assert got == ["_under", "abc", "Alpha", "alpha", "beta", "Zeta", "Émile", "émile", "香港"]


def test_nocase_is_rewritten_around_calls_and_names_alike():
    sql = "coalesce(nullif(x.name, ''), x.name_zh) COLLATE NOCASE, org_name COLLATE NOCASE, x.id"
    assert dialect.order_by("sqlite", sql) == sql
    assert dialect.order_by("postgresql", sql) == (
        "lower(coalesce(nullif(x.name, ''), x.name_zh)), lower(org_name), x.id"
    )


def test_like_ignores_ascii_case_on_both(conn):
    sql = f"SELECT id FROM names WHERE name {dialect.like(conn)} ? ORDER BY id"
    assert [i for (i,) in conn.execute(sql, ("ALPH%",))] == [1, 2]


def test_a_list_given_as_one_value(conn):
    sql = f"SELECT id FROM names WHERE name IN ({dialect.listed(conn)}) ORDER BY id"
    wanted = json.dumps(["Zeta", "香港", "nobody"], ensure_ascii=False)
    assert [i for (i,) in conn.execute(sql, (wanted,))] == [4, 7]


def test_no_limit_and_a_limit(conn):
    sql = "SELECT id FROM names ORDER BY id LIMIT ? OFFSET ?"
    assert len(conn.execute(sql, (dialect.limit(conn, -1), 2)).fetchall()) == len(NAMES) - 2
    assert conn.execute(sql, (dialect.limit(conn, 1), 3)).fetchall() == [(3,)]


def test_a_character_by_its_code(conn):
    assert conn.execute(f"SELECT 'a' || {dialect.character(conn, 31)} || 'b'").scalar() == "a\x1fb"


def test_the_store_s_connection_shares_sqlite_utils_transactions(tmp_path):
    path = tmp_path / "shared.sqlite3"
    db = Database(path)
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    conn = SQLiteConnection.over(db.conn, path)
    other = sqlite3.connect(path)

    with pytest.raises(RuntimeError), db.atomic():
        conn.insert("INSERT INTO t (v) VALUES (?)", ("rolled back",))
        assert db.execute("SELECT count(*) FROM t").fetchone()[0] == 1  # the same transaction
        raise RuntimeError
    assert conn.execute("SELECT count(*) AS n FROM t").scalar() == 0

    with conn.transaction():
        db["t"].insert({"v": "in a block"})
    new = conn.insert("INSERT INTO t (v) VALUES (?)", ("alone",))  # commits by itself
    assert not db.conn.in_transaction
    assert other.execute("SELECT v FROM t ORDER BY id").fetchall() == [("in a block",), ("alone",)]
    assert new == 2
    other.close()
    conn.close()
