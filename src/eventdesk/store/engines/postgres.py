"""A PostgreSQL team database through psycopg 3, as an engine :class:`Connection`.

This module imports psycopg at its top, and nothing imports this module but :func:`connect`
when it is given a ``postgresql://`` address: a file's user never pays the driver's import
(docs/architecture.md, "Two engines").

The address goes to libpq as it is, so libpq does what it does for every PostgreSQL program:
the password from ``.pgpass`` (``PGPASSFILE``) or a service file (``service=``), ``sslmode``
and the other options of the address. The connection keeps the address without its password.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from typing import Any

import psycopg
from psycopg import errors as pg_errors

from eventdesk.store.engines.base import Engine, Params, Result, returning
from eventdesk.store.engines.errors import (
    ConnectionLost,
    ConstraintViolation,
    ReferenceViolation,
    UniqueViolation,
)
from eventdesk.store.engines.placeholders import to_psycopg
from eventdesk.store.engines.postgres_link import Link, Listener

_KEY_COLUMNS = re.compile(r"^Key \((.+?)\)=")


def _told(exc: pg_errors.IntegrityError) -> ConstraintViolation:
    diag = exc.diag
    found = _KEY_COLUMNS.match(diag.message_detail or "")
    columns = [c.strip() for c in found.group(1).split(",")] if found else []
    if diag.column_name and not columns:
        columns = [diag.column_name]
    if isinstance(exc, pg_errors.UniqueViolation):
        return UniqueViolation(diag.table_name, columns)
    if isinstance(exc, pg_errors.ForeignKeyViolation):
        return ReferenceViolation(diag.table_name, columns)
    return ConstraintViolation(diag.table_name, columns, diag.message_primary or str(exc))


#: A statement that only reads, which may be sent again on a fresh connection: nothing of it
#: was kept if the old one went away. (A WITH may write; a SELECT calling a function that
#: writes is not written by the store.)
_READ = re.compile(r"\s*(SELECT|SHOW|VALUES)\b", re.IGNORECASE)
_WRITES = re.compile(r"\b(INSERT|UPDATE|DELETE|MERGE|nextval|setval|set_config)\b", re.IGNORECASE)


#: A statement that writes, as far as the question whether a COMMIT lost was kept goes (a
#: search's ``SELECT set_config(…)`` writes no row, and asks nothing more).
_WRITE = re.compile(
    r"\s*(INSERT|UPDATE|DELETE|MERGE|WITH|COPY|CREATE|ALTER|DROP|TRUNCATE|GRANT)\b", re.IGNORECASE
)


def _reads_only(sql: str) -> bool:
    return bool(_READ.match(sql)) and not _WRITES.search(sql)


class PostgresConnection:
    """The store's connection to a team database, which outlives the server's restarts.

    A statement outside a transaction that finds the connection gone (the server restarted,
    the network dropped) opens a fresh one; a read is then sent again, once, as if nothing
    had happened; a write raises :class:`ConnectionLost` (it may not be safe to send twice).
    A transaction whose ``BEGIN`` finds the connection gone begins again on a fresh one,
    since nothing was sent yet; one that loses it later raises :class:`ConnectionLost`, and
    the server has rolled all of it back. While the server does not answer, every statement
    raises :class:`ConnectionLost` (``engines/postgres_link.py`` tries a fresh connection at
    most every two seconds); :meth:`listen` tells the window when it stops and starts again.
    """

    engine: Engine = "postgresql"

    def __init__(self, address: str):
        self._link = Link(address)
        self.address = self._link.address
        #: The server's host, as a message names it.
        self.host = self._link.host
        self._depth = 0  # transaction blocks open: none, the outermost, its savepoints
        self._wrote = False  # the transaction open has sent a statement that writes

    @property
    def _conn(self) -> psycopg.Connection:
        return self._link.connection(reopen=self._depth == 0)

    @property
    def in_transaction(self) -> bool:
        """Whether a :meth:`transaction` block is open (a new one would be a savepoint)."""
        return self._depth > 0

    @contextmanager
    def _told(self) -> Iterator[None]:
        """Our errors for the driver's: a broken rule, a lost connection."""
        try:
            yield
        except pg_errors.IntegrityError as exc:
            raise _told(exc) from exc
        except psycopg.OperationalError as exc:
            if self._link.lost(exc):
                raise self._link.gone(exc) from exc
            raise

    def _run(self, sql: str, params: Any, *, many: bool = False, binary: bool = False) -> Any:
        """Execute (``many``: for each of ``params``), our errors for the driver's; a read
        outside a transaction is sent again once on a fresh connection if it finds the old
        one gone."""
        query = to_psycopg(sql, isinstance(params[0] if many else params, Mapping))
        again = self._depth == 0 and not many and _reads_only(sql)
        if self._depth and not self._wrote and _WRITE.match(sql):
            self._wrote = True
        try:
            return self._send(query, params, many, binary)
        except ConnectionLost:
            if not again:
                raise
        return self._send(query, params, many, binary)

    def _send(self, query: str, params: Any, many: bool, binary: bool = False) -> Any:
        with self._told():
            cursor = self._conn.cursor(binary=binary)
            if many:
                cursor.executemany(query, params)
            else:
                cursor.execute(query, params)
            return cursor

    def execute(self, sql: str, params: Params = ()) -> Result:
        return Result(self._run(sql, params))

    def scalar_binary(self, sql: str, params: Params = ()) -> Any:
        """The first column of the first row, sent by the server in its binary form: a photo's
        ``bytea`` crosses as its bytes rather than as hex text, half the bytes and six times
        faster to read (``postgres_photos.get``)."""
        cursor = self._run(sql, params, binary=True)
        row = cursor.fetchone()
        return None if row is None else row[0]

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        rows = list(rows)
        if rows:
            self._run(sql, rows, many=True)

    def insert(self, sql: str, params: Params = (), *, key: str = "id") -> int:
        return self.execute(returning(sql, key), params).scalar()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All of the block or none of it (a block inside another is a savepoint).

        A connection lost while the ``COMMIT`` was on its way leaves the question whether the
        server kept the transaction: for one that wrote, its id is asked just before the
        ``COMMIT`` and its fate asked of the server on a fresh connection. Kept, the block
        ends as if the answer had come; not kept, ``ConnectionLost``; not known (the server
        still down), ``ConnectionLost`` with ``unknown`` set, which says so.
        """
        outermost = self._depth == 0
        xact = None
        try:
            with self._told(), ExitStack() as block:
                if outermost:
                    self._begin(block)
                    self._wrote = False
                else:
                    block.enter_context(self._conn.transaction())  # a savepoint
                self._depth += 1
                try:
                    yield
                    if outermost and self._wrote:  # asked inside it, before its COMMIT
                        xact = self.execute(
                            "SELECT pg_current_xact_id_if_assigned()::text"
                        ).scalar()
                finally:
                    self._depth -= 1
        except ConnectionLost as lost:
            if xact is None:  # lost before the COMMIT was sent, or nothing written
                raise
            kept = self._kept(xact)
            if kept is None:
                raise ConnectionLost(lost.host, lost.reason, unknown=True) from lost
            if not kept:
                raise

    def _kept(self, xact: str) -> bool | None:
        """Whether the server committed transaction ``xact``, asked on a fresh connection;
        None when it cannot say (it does not answer, or the transaction's session has not
        ended yet)."""
        for _ in range(20):
            try:
                status = self.execute("SELECT pg_xact_status(?::xid8)", [xact]).scalar()
            except ConnectionLost:
                return None
            if status != "in progress":
                return status == "committed"
            time.sleep(0.05)  # its session is still ending
        return None

    def _begin(self, block: ExitStack) -> None:
        """BEGIN, once more on a fresh connection if it finds the old one gone: nothing of
        the transaction was sent yet."""
        try:
            with self._told():
                block.enter_context(self._conn.transaction())
                return
        except ConnectionLost:
            pass
        block.enter_context(self._conn.transaction())

    def reconnect(self) -> None:
        """Try the server now (a fresh connection if the last one was lost): nothing happens
        if it answers; ``ConnectionLost`` if it does not."""
        self.execute("SELECT 1")

    def listen(self, listener: Listener) -> None:
        """``listener(answering, message)`` when the server stops answering, and when it
        answers again (called in the thread that found out)."""
        self._link.listen(listener)

    def table_names(self) -> list[str]:
        rows = self.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
            "ORDER BY table_name"
        )
        return [name for (name,) in rows]

    def column_names(self, table: str) -> list[str]:
        rows = self.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        )
        return [name for (name,) in rows]

    def where(self) -> tuple[str, str, str, str]:
        """Host, port, database and login this connection reached, as libpq resolved them
        (defaults, service file and environment included; never the password)."""
        info = self._conn.info
        return info.host, str(info.port), info.dbname, info.user

    @property
    def backend_pid(self) -> int:
        """The server's process for this connection: what its notifications come from."""
        return self._link.connection(reopen=False).info.backend_pid

    def conninfo(self) -> str:
        """The address this connection was opened with, its password included: for a second
        connection of the same clerk (the change listener, ``postgres_listener.py``). Known
        without the server, so a listener can be started while it does not answer."""
        return self._link.given

    def close(self) -> None:
        self._link.close()

    def __enter__(self) -> PostgresConnection:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<PostgresConnection {self.address}>"
