"""Errors the store raises for things a user can cause and fix.

Each carries a message fit to show as it is: the CLI prints it on one line,
the GUI puts it in a dialog. Anything else escaping the store is a bug.
"""

from __future__ import annotations

from datetime import date, datetime


class StoreError(Exception):
    """A problem with the database file or a request to it, explained."""


class NotAnEventDeskDatabase(StoreError):
    pass


class NewerSchemaError(StoreError):
    pass


class DatabaseUnavailable(StoreError):
    pass


class NotSetUp(DatabaseUnavailable):
    """A team database that holds nothing yet, opened without setting it up (read-only, or
    by a window that leaves that to the office's owner login)."""


class ReadOnlyLocation(DatabaseUnavailable):
    """The file or its folder cannot be written (a read-only disk or share): read it only."""


class DiskFull(ReadOnlyLocation):
    """The disk holding the database has no room: nothing can be saved, but it can be read."""

    def __init__(self, path: object, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(
            f"The disk holding {path} is full ({reason}); nothing can be saved there until "
            "some space is freed."
        )

    def reading_note(self) -> str:
        """The one line a command that only reads, or the window, tells the user."""
        return (
            f"The disk holding {self.path} is full ({self.reason}): reading it read-only, and "
            "the day's backup could not be made."
        )


class BackupFailed(StoreError):
    """A backup could not be written; ``reason`` says why in a few words."""

    def __init__(self, target: object, reason: str):
        self.target = target
        self.reason = reason
        super().__init__(f"Cannot write a backup to {target}: {reason}.")


class BackupNotMade(StoreError):
    """The day's backup failed (a full disk, a folder that cannot be written); the database
    itself is fine and opens. Told, never raised at the user's work."""


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


class Conflict(StoreError):
    """Another clerk saved the record after this one was loaded: nothing was saved.

    ``who`` saved version ``version`` at ``when`` (local time, None if not known); the
    message names them, as a clerk should be told: "LI Wei saved this meeting at 10:42,
    after you opened it."
    """

    def __init__(self, kind: str, record_id: int, who: str, when: datetime | None, version: int):
        self.kind = kind
        self.record_id = record_id
        self.who = who or "Someone"
        self.when = when
        self.version = version
        at = f" at {moment(when)}" if when else ""
        super().__init__(
            f"{self.who} saved this {kind}{at}, after you opened it. Nothing of yours was "
            "saved yet: reload it to see theirs, or keep yours as a copy."
        )


def moment(when: datetime, today: date | None = None) -> str:
    """A time as a clerk reads it: ``10:42`` today, ``2026-12-07 10:42`` another day."""
    local = when.astimezone()
    if local.date() == (today or datetime.now().astimezone().date()):
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")
