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
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.conninfo import conninfo_to_dict

from eventdesk.store.engines.addresses import redacted
from eventdesk.store.engines.base import Engine, Params, Result, returning
from eventdesk.store.engines.errors import (
    ConnectionLost,
    ConstraintViolation,
    PasswordRequired,
    ReferenceViolation,
    UniqueViolation,
)
from eventdesk.store.engines.placeholders import to_psycopg
from eventdesk.store.errors import DatabaseUnavailable

#: Seconds to wait for a server that does not answer, unless the address says otherwise.
CONNECT_TIMEOUT = 10
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


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


class PostgresConnection:
    engine: Engine = "postgresql"

    def __init__(self, address: str):
        self.address = redacted(address)
        try:
            given = conninfo_to_dict(address)
        except psycopg.ProgrammingError as exc:
            raise DatabaseUnavailable(
                f"{self.address} is not a team database address libpq can read: {_first_line(exc)}"
            ) from None
        options: dict[str, Any] = {"autocommit": True}
        if "connect_timeout" not in given:
            options["connect_timeout"] = CONNECT_TIMEOUT
        if "application_name" not in given:
            options["application_name"] = "EventDesk"
        try:
            self._conn = psycopg.connect(address, **options)
        except psycopg.Error as exc:
            reason = _first_line(exc).removeprefix("connection failed: ")
            if "no password supplied" in reason or "password authentication failed" in reason:
                raise PasswordRequired(
                    f"The team database {self.address} asks for a password: {reason}"
                ) from None
            raise DatabaseUnavailable(
                f"Cannot reach the team database {self.address}: {reason}"
            ) from None

    def _run(self, sql: str, params: Any, *, many: bool = False) -> Any:
        """Execute (``many``: for each of ``params``), our errors for the driver's."""
        query = to_psycopg(sql, isinstance(params[0] if many else params, Mapping))
        try:
            cursor = self._conn.cursor()
            if many:
                cursor.executemany(query, params)
            else:
                cursor.execute(query, params)
            return cursor
        except pg_errors.IntegrityError as exc:
            raise _told(exc) from exc
        except psycopg.OperationalError as exc:
            if self._conn.closed or self._conn.broken:
                raise ConnectionLost(
                    f"The connection to the team database {self.address} was lost: "
                    f"{_first_line(exc)}"
                ) from exc
            raise

    def execute(self, sql: str, params: Params = ()) -> Result:
        return Result(self._run(sql, params))

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        rows = list(rows)
        if rows:
            self._run(sql, rows, many=True)

    def insert(self, sql: str, params: Params = (), *, key: str = "id") -> int:
        return self.execute(returning(sql, key), params).scalar()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._conn.transaction():
            yield

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

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> PostgresConnection:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<PostgresConnection {self.address}>"
