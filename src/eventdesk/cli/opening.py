"""Opening the database a command names: the one way every command reaches the store.

Kept in its own module so that every command module (the core ones, the
summary and the spreadsheet ones) can import it without importing each
other: ``main`` is the only module that knows them all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventdesk import paths
from eventdesk.store import (
    DatabaseLocked,
    DiskFull,
    EventStore,
    HeldOnAnotherPC,
    OnNetworkDrive,
    ReadOnlyLocation,
    ReadOnlyStore,
    StoreError,
)


def database_path(args: argparse.Namespace) -> Path | str:
    """The file ``--db`` names (or the default one), or a team database's address."""
    return args.db if args.db is not None else paths.default_database()


def open_store(args: argparse.Namespace, *, write: bool = False) -> EventStore:
    """Open the database; a command that only reads may use a file another EventDesk holds.

    With ``--read-only`` a command that writes is refused before anything is
    opened; one that reads opens the file without a lock and changes nothing.
    """
    path = database_path(args)
    if getattr(args, "read_only", False):
        if write:
            raise ReadOnlyStore(f"--read-only: {args.command} would change {path}; not run.")
        return EventStore.open(path, create=False, read_only=True)
    try:
        store = EventStore.open(path, take_over=getattr(args, "take_over", False))
    except DatabaseLocked as locked:
        if write:
            raise refused(locked) from None
        if isinstance(locked, HeldOnAnotherPC):
            say_note(f"{locked.headline}; reading it read-only.")
        else:
            say_note(f"{locked.who} has the file open; reading it read-only.")
    except DiskFull as full:
        if write:
            raise
        say_note(full.reading_note())
    except OnNetworkDrive as exc:  # its sentence says why and what to do instead
        if write:
            raise ReadOnlyStore(f"{exc} {args.command} would change it; not run.") from None
        say_note(str(exc))
    except ReadOnlyLocation as exc:
        if write:
            raise
        say_note(f"{exc} Reading it read-only.")
    else:
        # The day's backup could not be made, and why: a command that reads goes on and says
        # so; one that writes makes its own backup first, or is refused in its own one line.
        for text in [] if write else store.notes:
            say_note(text)
        return store
    return EventStore.open(path, create=False, read_only=True)


def refused(locked: DatabaseLocked) -> StoreError:
    """Why a command that writes cannot, and, where another PC's record is all that holds
    the file, how to take it over."""
    if locked.can_take_over:
        return StoreError(f"{locked} Run it again with --take-over to take it over.")
    return locked


def say_note(text: str) -> None:
    """A line on stderr that the command went on despite something the user should know."""
    print(f"eventdesk: note: {text}", file=sys.stderr)
