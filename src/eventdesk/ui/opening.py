"""Opening a database file for the window, with the questions the lock may raise.

A file open in another EventDesk is locked; rather than refuse, the user may
open it read-only to look things up. A lock only another PC's record holds (that
PC crashed, or its lock does not reach here) may also be taken over, after a
question that says what may be lost. A file on a network drive is opened
read-only, with one sentence saying why. Both the start and File › Open use
this, each with its own way of asking (so tests answer without a dialog).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from eventdesk.store import DatabaseLocked, DiskFull, EventStore, OnNetworkDrive, StoreError


class Choice(enum.Enum):
    """The answers to "this file is being edited on another PC"."""

    READ_ONLY = "read-only"
    TAKE_OVER = "take over"
    CANCEL = "cancel"


def open_for_window(
    path: Path | str,
    *,
    create: bool,
    ask_read_only: Callable[[str], bool],
    show_error: Callable[[str], None],
    ask_take_over: Callable[[str], Choice] | None = None,
) -> EventStore | None:
    """The open store, or None after telling the user why not."""
    notes: list[str] = []
    try:
        # SQLite's quick check runs beside the window (ui.integrity_check), not before it.
        return EventStore.open(path, create=create, verify=False)
    except DatabaseLocked as exc:
        if exc.can_take_over and ask_take_over is not None:
            choice = ask_take_over(str(exc))
            if choice is Choice.CANCEL:
                return None
            if choice is Choice.TAKE_OVER:
                taken = _take_over(path, create, ask_read_only, show_error)
                if taken is not False:
                    return taken
        elif not ask_read_only(str(exc)):
            return None
    except OnNetworkDrive as exc:  # read, never written there; the status bar says why
        if not Path(path).exists():
            show_error(str(exc))
            return None
        notes.append(str(exc))
    except DiskFull as exc:  # reading needs no free disk: open it read-only and say why
        notes.append(exc.reading_note())
    except StoreError as exc:
        show_error(str(exc))
        return None
    try:
        store = EventStore.open(path, create=False, read_only=True)
    except StoreError as exc:
        show_error(str(exc))
        return None
    store.notes += notes
    return store


def _take_over(
    path: Path | str,
    create: bool,
    ask_read_only: Callable[[str], bool],
    show_error: Callable[[str], None],
) -> EventStore | bool | None:
    """The store taken over; False to open it read-only after all; None when not opened."""
    try:
        return EventStore.open(path, create=create, verify=False, take_over=True)
    except DatabaseLocked as exc:  # its PC came back meanwhile: in use right now
        return False if ask_read_only(str(exc)) else None
    except StoreError as exc:
        show_error(str(exc))
        return None


def take_over_question(parent: QWidget | None, message: str) -> Choice:
    """Open read-only (the default), Take over, or Cancel.

    The first sentence (which PC, who, since when) is the question's text; the
    rest (what taking over may lose) its informative text below.
    """
    from PySide6.QtWidgets import QMessageBox  # the questions' box: not made at start

    headline, _, rest = message.partition(". ")
    box = QMessageBox(QMessageBox.Icon.Question, "EventDesk", headline + ".", parent=parent)
    box.setInformativeText(rest)
    read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
    take_over = box.addButton("Take over", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    box.exec()
    if box.clickedButton() is take_over:
        return Choice.TAKE_OVER
    return Choice.READ_ONLY if box.clickedButton() is read_only else Choice.CANCEL
