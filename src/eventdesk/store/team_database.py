"""Opening a team database (a ``postgresql://`` address) for the store.

A file is looked at, locked, checked, backed up and migrated before the store uses it
(``database.py``, ``lock.py``); a team database needs none of that: the server keeps its
own integrity, its own locks between clerks, and the office's IT backs it up with the
server's tools. What is left: reach the server (libpq's password, ``.pgpass``, service file
and ``sslmode``, ``engines/postgres.py``), and bring its tables to this EventDesk's schema
(``engines/postgres_schema.py``), or refuse a database a newer EventDesk or another program
made, unchanged. A login whose role may read the records but not change them (an office's
``eventdesk_reader``, ``docs/team.md``) gets the database read-only, with a sentence naming
its role. psycopg is imported here only, when an address is opened.
"""

from __future__ import annotations

from typing import Any, NoReturn

from eventdesk.store.engines import Connection, connect, redacted
from eventdesk.store.errors import DatabaseUnavailable, NotSetUp, StoreError
from eventdesk.store.migrations import LATEST_VERSION


def open_team_database(
    address: str, *, create: bool = True, read_only: bool = False
) -> tuple[Connection, str | None]:
    """A connection to the team database at ``address``, its schema this EventDesk's, and
    the sentence saying why it is read-only when the login's role may not write (else None).

    ``create``: set up an empty database (the tables, in one transaction); without it an
    empty database is refused. ``read_only``: change nothing, not even an older schema (the
    role may not be allowed to), so only a database at this EventDesk's schema is opened.
    """
    from eventdesk.store.engines import postgres_schema

    conn = connect(address)
    try:
        version = postgres_schema.schema_version(conn)
        refused = _role_refuses_writes(conn) if version else None
        read_only = read_only or refused is not None
        if version == 0 and (read_only or not create):
            if conn.table_names():
                postgres_schema.upgrade(conn)  # refuses another program's tables, unchanged
            raise NotSetUp(
                f"The team database {conn.address} holds no EventDesk records yet; open it "
                "once to write (without --read-only) to set it up."
            )
        if (
            version == 0
            and not conn.execute("SELECT has_schema_privilege(current_schema(), 'CREATE')").scalar()
        ):
            raise DatabaseUnavailable(
                f"The team database {conn.address} holds no EventDesk records yet, and your "
                "login may not set it up: open it once with the office's owner login "
                "(docs/team.md)."
            )
        if refused and version < LATEST_VERSION:
            raise DatabaseUnavailable(
                f"The team database {conn.address} was set up by an older EventDesk and must "
                "be upgraded, which your role may not do: ask for it to be opened once with "
                "the office's owner login (docs/team.md)."
            )
        if read_only and version < LATEST_VERSION:
            raise DatabaseUnavailable(
                f"The team database {conn.address} was set up by an older EventDesk and must "
                "be upgraded, which needs writing: open it once without read-only."
            )
        if version > LATEST_VERSION or not read_only:
            postgres_schema.upgrade(conn)  # refuses a newer schema, unchanged
    except BaseException:
        conn.close()
        raise
    return conn, refused


def _role_refuses_writes(conn: Connection) -> str | None:
    """The sentence for a login that may not add a meeting (a reader's role), or None.

    Asked of the server once, at opening: the role is what the office's IT gave (a member of
    ``eventdesk_reader``), named as the roles the login is a member of, ``pg_`` ones aside.
    """
    may_write = conn.execute(
        "SELECT CASE WHEN to_regclass('meetings') IS NULL THEN true "
        "ELSE has_table_privilege(current_user, 'meetings', 'INSERT') END"
    ).scalar()
    if may_write:  # or no meetings table: not an EventDesk database, which upgrade() says
        return None
    rows = conn.execute(
        "SELECT rolname FROM pg_roles WHERE pg_has_role(current_user, oid, 'MEMBER') "
        "AND rolname <> current_user AND NOT starts_with(rolname, 'pg_') ORDER BY rolname"
    )
    roles = [name for (name,) in rows] or [conn.execute("SELECT current_user").scalar()]
    return f"You can read this team database but not change it (your role: {', '.join(roles)})."


class NoFile:
    """What a team database's store holds where a file's holds its sqlite-utils ``Database``.

    The store's code written for a file alone (backups, integrity checks, trash, drafts,
    exports not yet ported to the engine layer) reaches for the file through ``store.db``;
    on a team database that ends here, in one sentence naming the database, rather than in
    a wrong answer or an ``AttributeError``.
    """

    def __init__(self, address: str):
        self._address = redacted(address)

    def __getattr__(self, name: str) -> NoReturn:
        raise StoreError(
            f"This is not possible on the team database {self._address} yet, only on a "
            f"database file (it needs the file's '{name}')."
        )

    def __getitem__(self, name: Any) -> NoReturn:
        self.__getattr__(f"table {name}")
