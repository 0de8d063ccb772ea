"""The errors of the engine layer: one type per thing a caller handles, whatever the engine.

A second record with the same unique value is a :class:`UniqueViolation` on SQLite and on
PostgreSQL alike, so the store catches one type and words one message; the driver's own
exception stays as ``__cause__`` for a bug report. Messages name the table and columns, never
the values (they are the user's data, and may be long).
"""

from __future__ import annotations

from eventdesk.store.errors import DatabaseUnavailable, StoreError


class ConstraintViolation(StoreError):
    """A statement broke one of the schema's rules (NOT NULL, CHECK, a key); nothing of it was
    written."""

    def __init__(self, table: str | None, columns: list[str], detail: str):
        self.table = table
        self.columns = columns
        where = f"{table} ({', '.join(columns)})" if columns else (table or "a table")
        super().__init__(f"{where}: {detail}")


class UniqueViolation(ConstraintViolation):
    """Another row already holds this value of a unique column or key."""

    def __init__(self, table: str | None, columns: list[str]):
        super().__init__(table, columns, "another row already has the same value")


class ReferenceViolation(ConstraintViolation):
    """A row names another that does not exist (or is still named by others)."""

    def __init__(self, table: str | None, columns: list[str]):
        super().__init__(table, columns, "names a row that does not exist, or is still named")


class PasswordRequired(DatabaseUnavailable):
    """The team database asks for a password that neither the address, ``.pgpass`` nor a
    service file gave: ask the user for it, and do not keep it."""


class ConnectionLost(DatabaseUnavailable):
    """The team database went away during the session (a restart, the network).

    Nothing of a transaction it ended was kept: the server rolls back what was not
    committed. ``host`` is the server's, ``reason`` the driver's words, for a bug report.
    """

    def __init__(self, host: str, reason: str, *, unknown: bool = False):
        self.host = host
        self.reason = reason
        #: It went away as a save's COMMIT was on its way, and could not say yet whether it
        #: kept it.
        self.unknown = unknown
        super().__init__(
            f"The team database on {host} stopped answering: its server may be restarting, "
            "or the network is down."
        )

    def while_saving(self) -> str:
        """The sentence for a save it stopped, which the clerk can make again."""
        if self.unknown:
            return (
                f"The team database on {self.host} stopped answering as this save was being "
                "finished, and could not say whether it kept it: your changes are still in "
                "the editor; save again when it is back (if it was kept, you are asked to "
                "reload it)."
            )
        return (
            f"The team database on {self.host} stopped answering, so this was not saved: "
            "your changes are still in the editor; save again when it is back."
        )

    def when_back(self) -> str:
        """The sentence that replaces :meth:`while_saving`'s once the server answers again."""
        if self.unknown:
            return (
                f"The team database on {self.host} is back: save now (if it kept your last "
                "save, you are asked to reload it)."
            )
        return f"The team database on {self.host} is back: save now; your changes are still here."
