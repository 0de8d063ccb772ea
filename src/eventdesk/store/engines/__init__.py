"""The two engines the records can live in: a SQLite file, or a PostgreSQL team database.

:func:`connect` takes what ``--db`` takes and gives a :class:`Connection` that the store's
queries are written against once for both (``base.py`` says what is the same on both). No Qt
here; psycopg is imported only when a ``postgresql://`` address is opened.
"""

from __future__ import annotations

import os

from eventdesk.store.engines.addresses import is_team_address, redacted
from eventdesk.store.engines.base import Connection, Engine, Params, Result
from eventdesk.store.engines.errors import (
    ConnectionLost,
    ConstraintViolation,
    PasswordRequired,
    ReferenceViolation,
    UniqueViolation,
)

__all__ = [
    "Connection",
    "ConnectionLost",
    "ConstraintViolation",
    "Engine",
    "Params",
    "PasswordRequired",
    "ReferenceViolation",
    "Result",
    "UniqueViolation",
    "connect",
    "is_team_address",
    "redacted",
]


def connect(address: str | os.PathLike[str]) -> Connection:
    """A connection to a SQLite file (a path) or a team database (a ``postgresql://``
    address, which libpq reads with its own password, ``.pgpass``, service and ``sslmode``
    handling).

    Raises ``DatabaseUnavailable`` (``PasswordRequired`` when a password is wanted) for a team
    database that cannot be reached, with the address in the message, never the password.
    """
    if is_team_address(address):
        from eventdesk.store.engines.postgres import PostgresConnection

        return PostgresConnection(str(address))
    from eventdesk.store.engines.sqlite import SQLiteConnection

    return SQLiteConnection(address)
