"""Errors the store raises for things a user can cause and fix.

Each carries a message fit to show as it is: the CLI prints it on one line,
the GUI puts it in a dialog. Anything else escaping the store is a bug.
"""

from __future__ import annotations


class StoreError(Exception):
    """A problem with the database file or a request to it, explained."""


class NotAnEventDeskDatabase(StoreError):
    pass


class NewerSchemaError(StoreError):
    pass


class DatabaseUnavailable(StoreError):
    pass


class ReadOnlyLocation(DatabaseUnavailable):
    """The file or its folder cannot be written (a read-only disk or share): read it only."""


class DatabaseDamaged(StoreError):
    """SQLite's check found damage; the file is left alone for a restore."""


class ReadOnlyStore(StoreError):
    pass


class RecordNotFound(StoreError):
    pass


class ImportRefused(StoreError):
    """An interchange file that was not taken; nothing was changed."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        head = "The file was not imported; nothing was changed."
        super().__init__("\n".join([head, *problems]))
