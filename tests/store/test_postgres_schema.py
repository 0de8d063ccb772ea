"""The records' tables on a team database (store/engines/postgres_schema.py) are the file's.

The file's tables come from its migrations, the team database's from store/tables.py; both
must hold the same columns, keep the same values (dates as the same ISO text), enforce the
same keys, and keep a schema version as the migrations do: all of an upgrade or none of it.
"""

from __future__ import annotations

import threading

import pytest

from eventdesk.store import EventStore
from eventdesk.store.engines import ReferenceViolation, UniqueViolation, connect, postgres_schema
from eventdesk.store.errors import NewerSchemaError, NotAnEventDeskDatabase
from eventdesk.store.migrations import LATEST_VERSION
from eventdesk.store.tables import Column, ForeignKey, Table, tables

#: Each engine's type of a column, as the other engine's (SQLite's declared type first).
SAME_TYPE = {"INTEGER": "bigint", "TEXT": "text", "BLOB": "bytea"}


def _set_up(address) -> object:
    """A new store the engine's own way: the file by its migrations, the server by tables.py."""
    if str(address).startswith("postgresql://"):
        conn = connect(address)
        postgres_schema.upgrade(conn)
        return conn
    EventStore.open(address).close()
    return connect(address)


@pytest.fixture
def store_conn(engine_address):
    conn = _set_up(engine_address)
    yield conn
    conn.close()


@pytest.fixture
def pg(postgres_address):
    conn = connect(postgres_address)
    yield conn
    conn.close()


def _columns(conn, table: str) -> dict[str, tuple[str, bool]]:
    """``{column: (type, NOT NULL)}`` as the engine itself reports them."""
    if conn.engine == "sqlite":
        rows = conn.execute('SELECT name, type, "notnull" FROM pragma_table_info(?)', (table,))
        return {name: (SAME_TYPE[kind], bool(not_null)) for name, kind, not_null in rows}
    rows = conn.execute(
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = ?",
        (table,),
    )
    return {name: (kind, nullable == "NO") for name, kind, nullable in rows}


def test_every_record_table_has_its_declared_columns(store_conn):
    for table in tables().values():
        assert set(store_conn.column_names(table.name)) == {c.name for c in table.columns}, (
            table.name
        )
    assert {"settings", *tables()} <= set(store_conn.table_names())


def test_both_engines_have_the_same_columns_of_the_same_types(db_path, postgres_address):
    file, server = _set_up(db_path), _set_up(postgres_address)
    for table in [*tables().values(), *postgres_schema.STORE_TABLES]:
        in_file, on_server = _columns(file, table.name), _columns(server, table.name)
        # PostgreSQL makes a primary key's columns NOT NULL; SQLite leaves a composite key's
        # nullable, a quirk it keeps for old files. No row of ours holds a NULL key.
        for column in table.primary_key:
            in_file[column] = (in_file[column][0], True)
        assert in_file == on_server, table.name
    file.close()
    server.close()


MEETING = {
    "uid": "shua-2021",
    "title": "SHUA 2021 Annual Meeting",
    "title_zh": "沪港大学联盟2021年年会",
    "start_date": "2021-12-22",
    "start_time": "09:30",
    "format": "hybrid",
    "our_role": "member",
    "status": "final",
    "tags": "alliance",
}


def test_a_meeting_row_reads_back_the_same_on_both(store_conn):
    columns = ", ".join(MEETING)
    marks = ", ".join("?" for _ in MEETING)
    first = store_conn.insert(
        f"INSERT INTO meetings ({columns}) VALUES ({marks})", tuple(MEETING.values())
    )
    second = store_conn.insert(
        "INSERT INTO meetings (uid, start_date, format, our_role, status) VALUES (?, ?, ?, ?, ?)",
        ("visit-2022", "2022-03-01", "on_site", "host", "draft"),
    )
    assert second == first + 1
    back = store_conn.execute(f"SELECT {columns} FROM meetings WHERE id = ?", (first,)).first_dict()
    assert back == MEETING  # the date is the same ISO text: no date type converts it
    later = store_conn.execute(
        "SELECT uid FROM meetings WHERE start_date >= ? ORDER BY start_date", ("2022-01-01",)
    ).fetchall()
    assert later == [("visit-2022",)]


def test_keys_hold_on_both(store_conn):
    person = ("p-1", "Wong", "family_first")
    sql = "INSERT INTO people (uid, family_name, name_order) VALUES (?, ?, ?)"
    wong = store_conn.insert(sql, person)
    with pytest.raises(UniqueViolation):
        store_conn.execute(sql, person)  # a second person with the same uid
    meeting = store_conn.insert(
        "INSERT INTO meetings (uid, start_date, format, our_role, status) VALUES (?, ?, ?, ?, ?)",
        ("m-1", "2021-12-22", "online", "member", "final"),
    )
    attend = (
        "INSERT INTO attendances (uid, meeting_id, precedence, person_id, role, side) "
        "VALUES (?, ?, ?, ?, ?, ?)"
    )
    store_conn.execute(attend, ("a-1", meeting, 1, wong, "attendee", "ours"))
    with pytest.raises(ReferenceViolation):
        store_conn.execute(attend, ("a-2", meeting, 2, wong + 99, "attendee", "ours"))


# -- the version, as the migrations keep it (PostgreSQL only) ----------------------------------


def test_a_new_database_gets_every_table_and_the_latest_version_once(pg):
    assert postgres_schema.schema_version(pg) == 0
    assert postgres_schema.upgrade(pg) == list(range(1, LATEST_VERSION + 1))
    assert postgres_schema.schema_version(pg) == LATEST_VERSION
    assert postgres_schema.upgrade(pg) == []
    assert pg.execute("SELECT count(*) AS n FROM schema_version").scalar() == 1


def test_a_database_of_a_newer_eventdesk_is_refused_unchanged(pg):
    postgres_schema.upgrade(pg)
    pg.execute("UPDATE schema_version SET version = ?", (LATEST_VERSION + 1,))
    with pytest.raises(NewerSchemaError, match=f"schema {LATEST_VERSION + 1}.*Update EventDesk"):
        postgres_schema.upgrade(pg)
    assert postgres_schema.schema_version(pg) == LATEST_VERSION + 1


def test_a_database_of_another_program_is_refused_unchanged(pg):
    pg.execute("CREATE TABLE invoices (id bigint)")
    with pytest.raises(NotAnEventDeskDatabase, match="invoices"):
        postgres_schema.upgrade(pg)
    assert pg.table_names() == ["invoices"]


def test_an_upgrade_that_fails_halfway_leaves_nothing(pg, monkeypatch):
    broken = Table("zz_broken", (Column("x", "INTEGER"),), ("x",), (ForeignKey("x", "no_such"),))
    real = postgres_schema.all_tables
    monkeypatch.setattr(postgres_schema, "all_tables", lambda: [*real(), broken])
    with pytest.raises(Exception, match='relation "no_such" does not exist'):
        postgres_schema.upgrade(pg)
    assert pg.table_names() == []  # not even the tables made before the failure
    monkeypatch.undo()
    assert postgres_schema.upgrade(pg)[-1] == LATEST_VERSION


def test_a_field_added_later_becomes_a_column_on_the_next_upgrade(pg):
    postgres_schema.upgrade(pg, target=LATEST_VERSION - 1)
    pg.execute("ALTER TABLE decisions DROP COLUMN document_zh")  # as an older EventDesk made it
    assert postgres_schema.upgrade(pg) == [LATEST_VERSION]
    assert "document_zh" in pg.column_names("decisions")


def test_two_clerks_opening_a_new_database_at_once_both_get_it(postgres_address):
    results: list[object] = []

    def open_it():
        try:
            with connect(postgres_address) as conn:
                results.append(postgres_schema.upgrade(conn))
        except Exception as exc:
            results.append(exc)

    clerks = [threading.Thread(target=open_it) for _ in range(2)]
    for clerk in clerks:
        clerk.start()
    for clerk in clerks:
        clerk.join(60)
    assert sorted(results, key=len) == [[], list(range(1, LATEST_VERSION + 1))]


def test_a_sqlite_connection_is_not_upgraded_here(tmp_path):
    with connect(tmp_path / "x.sqlite3") as conn, pytest.raises(ValueError, match="migrations"):
        postgres_schema.upgrade(conn)


def test_text_on_a_team_database_sorts_by_its_bytes_as_in_a_file(pg):
    """Every text column is ``COLLATE "C"``: an office's server set up in another locale still
    lists names in the file's order (``engines/dialect.py``)."""
    postgres_schema.upgrade(pg)
    collations = {
        (table, column): collation
        for table, column, collation in pg.execute(
            "SELECT table_name, column_name, collation_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND data_type = 'text'"
        )
        if table in tables()
    }
    assert collations and set(collations.values()) == {"C"}, collations


@pytest.mark.parametrize(
    ("query", "index"),
    [
        ("SELECT id FROM meetings ORDER BY start_date DESC, id DESC LIMIT 50", "start_date"),
        ("SELECT id FROM people WHERE lower(family_name) = lower('Ding')", "people_name_nocase"),
        ("SELECT id FROM organisations WHERE lower(name) = lower('USST')", "name_nocase"),
        ("SELECT meeting_id FROM attendances WHERE organisation_id = 7", "organisation_id"),
        ("SELECT id FROM people WHERE deleted_at IS NOT NULL", "people_trashed"),
    ],
)
def test_the_lists_and_matching_have_their_indexes(pg, query, index):
    """What a file's migrations index, a team database indexes in the form its queries take
    there (``lower(name)`` for NOCASE): each query can be answered through its index."""
    postgres_schema.upgrade(pg)
    with pg.transaction():
        pg.execute("SET LOCAL enable_seqscan = off")
        plan = " ".join(row[0] for row in pg.execute(f"EXPLAIN {query}"))
    assert "Index" in plan and index in plan, plan


def _plan(conn, query: str) -> str:
    with conn.transaction():
        conn.execute("SET LOCAL enable_seqscan = off")
        return " ".join(row[0] for row in conn.execute(f"EXPLAIN {query}"))


def test_a_database_made_before_its_indexes_gets_them_at_its_next_opening(postgres_address):
    """A team database already at this schema version, made by an EventDesk that did not yet
    make the query indexes (they came after version 19 did), gets them when next opened, and
    its lists find what they found before."""
    from tests.conftest import SAMPLE

    from eventdesk.store.interchange import import_file

    with EventStore.open(postgres_address) as store:
        import_file(store, SAMPLE)
        found = [row.id for row in store.people.list("ding")]
    assert found
    query = "SELECT id FROM people WHERE lower(family_name) = lower('Ding')"
    with connect(postgres_address) as conn:  # as that EventDesk left it
        conn.execute("DROP INDEX idx_people_name_nocase")
        conn.execute("ALTER TABLE schema_version DROP COLUMN objects")
        assert "people_name_nocase" not in _plan(conn, query)
    with EventStore.open(postgres_address) as store:
        assert [row.id for row in store.people.list("ding")] == found
    with connect(postgres_address) as conn:
        assert "people_name_nocase" in _plan(conn, query)
        assert postgres_schema.objects_version(conn) == postgres_schema.OBJECTS
        assert postgres_schema.schema_version(conn) == LATEST_VERSION
