"""The bar that says, for as long as the window shows the database, why nothing can be changed.

A reader's login on a team database (the leadership, a reviewer: ``eventdesk_reader``,
docs/team.md) may search, read and print but not change; a file may be open read-only (in use
in another EventDesk, on a network drive, a disk full). The title says "read-only"; this bar
says why in the store's own sentence, where the clerk looks before typing, and stays: it has
no button to close it, since nothing the clerk does in the window changes it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QToolBar, QWidget

from eventdesk.store import EventStore
from eventdesk.ui.elided_label import ElidedLabel

#: What the bar says of a store opened read-only with no reason of its own.
READ_ONLY = "This database is open read-only: you can search, read and print, but not change it."

#: After a team database's reason: what a reader who must enter a meeting can do.
ASK_FOR_A_CLERKS_LOGIN = "To enter or change records, ask the office's IT for a clerk's login."


def why_read_only(store: EventStore) -> str:
    """Why nothing can be changed in ``store``, in one sentence or two (the bar's text, and the
    tooltip of every command that would change it)."""
    if store.read_only_reason:  # a team database's role: who can change that
        return f"{store.read_only_reason} {ASK_FOR_A_CLERKS_LOGIN}"
    return next(iter(store.notes), "") or READ_ONLY


class ReadOnlyBar(QToolBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__("Read-only", parent)
        self.setObjectName("read_only_bar")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setEnabled(False)  # no menu to hide it: it says a fact
        # One line: cut with "…" in a window too narrow for it (the tooltip holds it all).
        self.label = ElidedLabel()
        self.label.setObjectName("read_only_text")
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setStyleSheet("padding: 3px 8px;")
        self.addWidget(self.label)
        self.setStyleSheet("QToolBar#read_only_bar { background: #deecf9; border: none; }")
        self.hide()

    def show_for(self, store: EventStore) -> None:
        """Shown, saying why, while ``store`` is read-only; hidden for one that writes."""
        if not store.read_only:
            self.hide()
            return
        self.label.set_parts(why_read_only(store))
        self.show()
