"""What ``eventdesk --db postgresql://… --self-test`` asks of a team database, in four steps.

Why: an office's IT installs EventDesk on a PC and wants to know, before a clerk finds out
at the first save, that this PC reaches the team database with this login: the driver is in
the program (psycopg with its own libpq, which an office PC has nowhere else), the server
answers, its records are at this EventDesk's schema, they can be read, and (for a clerk's
login) written. The self-test must leave the office's records exactly as it found them:

- nothing is created or upgraded (an empty or older database is named, not set up);
- the write is one meeting row inside a transaction that is rolled back, and then looked
  for again to prove it is gone. Its row id is given, a negative number no identity column
  hands out, so not even the meetings' id sequence moves on: a clerk's next meeting gets the
  number it would have had. A rolled-back transaction's notifications are never sent, so no
  other clerk's list hears of it.

psycopg is imported (through ``engines.connect``) only when :func:`reach` is called.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from eventdesk.records.models import Meeting
from eventdesk.store import queries
from eventdesk.store.engines import Connection, PasswordRequired, connect
from eventdesk.store.errors import DatabaseUnavailable, NewerSchemaError
from eventdesk.store.migrations import LATEST_VERSION
from eventdesk.store.rows import to_row

#: The probe meeting's title: what an administrator would see in the server's log.
PROBE_TITLE = "EventDesk self-test (rolled back)"
#: How long a statement of the probe may wait (a lock held by another clerk's long save).
PROBE_TIMEOUT = "10s"


class _RolledBack(Exception):
    """Raised inside the probe's transaction so that it is rolled back, never committed."""


@dataclass(frozen=True)
class Reached:
    """Who is connected where, and through which driver: the first step's line."""

    connection: Connection
    login: str
    server: str
    driver: str

    def describe(self) -> str:
        return (
            f"{self.connection.address} as {self.login} (PostgreSQL {self.server}; {self.driver})"
        )


def driver() -> str:
    """The driver as the program carries it: psycopg's version, its libpq's, and which of
    psycopg's implementations runs (``binary``: the wheel's own libpq, as the package ships;
    ``python``: the system's libpq through ctypes)."""
    import psycopg

    return (
        f"psycopg {psycopg.__version__} {psycopg.pq.__impl__}, "
        f"libpq {psycopg.pq.version_pretty(psycopg.pq.version())}"
    )


def reach(address: str) -> Reached:
    """Connect to the team database; ``DatabaseUnavailable`` (``PasswordRequired``) in one
    sentence naming the address, never the password, when it cannot be reached."""
    try:
        conn = connect(address)
    except PasswordRequired as exc:
        raise PasswordRequired(
            f"{exc} (EventDesk takes it from libpq's .pgpass or a service file, docs/team.md)"
        ) from None
    try:
        login, server = conn.execute(
            "SELECT session_user, current_setting('server_version')"
        ).fetchone()
        return Reached(conn, login, server.split(" ")[0], driver())
    except BaseException:
        conn.close()
        raise


def check_schema(conn: Connection) -> int:
    """The records' schema version, when it is this EventDesk's; else a sentence saying what
    the database is and what to do. Nothing is created or upgraded here."""
    from eventdesk.store.engines import postgres_schema

    version = postgres_schema.schema_version(conn)
    if version == 0:
        raise DatabaseUnavailable(
            f"The team database {conn.address} holds no EventDesk records yet: open it once "
            "with the office's owner login to set it up (docs/team.md)."
        )
    if version > LATEST_VERSION:
        raise NewerSchemaError(
            f"The team database {conn.address} was set up by a newer EventDesk (schema "
            f"{version}; this program knows up to {LATEST_VERSION}): update EventDesk on this PC."
        )
    if version < LATEST_VERSION:
        raise DatabaseUnavailable(
            f"The team database {conn.address} is at schema {version}, older than this "
            f"EventDesk's {LATEST_VERSION}: open it once with the office's owner login to "
            "upgrade it (docs/team.md)."
        )
    return version


@dataclass(frozen=True)
class ReadBack:
    meetings: int
    newest: queries.MeetingRow | None

    def describe(self) -> str:
        if self.newest is None:
            return "no meetings yet"
        title = self.newest.title or self.newest.title_zh
        counted = "1 meeting" if self.meetings == 1 else f"{self.meetings} meetings"
        return f"{counted}, the newest {self.newest.start_date} {title}"


def read(conn: Connection) -> ReadBack:
    """The meetings as the lists count and page them (the store's own queries)."""
    every = queries.MeetingFilter()
    count = queries.count_meetings(conn, every)
    newest = queries.list_meetings(conn, every, sort="date", limit=1)
    return ReadBack(count, newest[0] if newest else None)


def write_refused(conn: Connection) -> str | None:
    """The sentence for a login whose role may read but not change the records, else None."""
    from eventdesk.store.team_database import _role_refuses_writes

    return _role_refuses_writes(conn)


def write_and_roll_back(conn: Connection) -> None:
    """Save one meeting row, read it back, roll the transaction back, and make sure it is gone.

    Raises ``DatabaseUnavailable`` when the row was not read back or is still there after.
    A refusal by the server (a permission, a full disk, a read-only standby) comes up as the
    engine's own error, one line.
    """
    row_id = -1 - secrets.randbelow(2**62)  # identities are positive: no sequence is used
    row = to_row(Meeting(title=PROBE_TITLE, start_date=date.today()))
    uid = row["uid"]
    row = {"id": row_id, **row}
    seen = None
    try:
        with conn.transaction():
            conn.execute(f"SET LOCAL statement_timeout = '{PROBE_TIMEOUT}'")
            marks = ", ".join("?" * len(row))
            conn.execute(
                f"INSERT INTO meetings ({', '.join(row)}) VALUES ({marks})", list(row.values())
            )
            seen = conn.execute("SELECT title FROM meetings WHERE id = ?", (row_id,)).scalar()
            raise _RolledBack
    except _RolledBack:
        pass
    if seen != PROBE_TITLE:
        raise DatabaseUnavailable(
            f"The team database {conn.address} did not give back the meeting just written."
        )
    left = conn.execute("SELECT count(*) FROM meetings WHERE id = ? OR uid = ?", (row_id, uid))
    if left.scalar():
        raise DatabaseUnavailable(
            f"The self-test's meeting is still in the team database {conn.address} after its "
            f"transaction was rolled back (uid {uid}): delete it, and report this."
        )
