"""The bar that offers back edits a crash left unsaved (the store's crash drafts).

A bar rather than a dialog: the user can look at the database first, and
tests answer by calling the window's ``restore_draft`` / ``discard_draft``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QToolBar, QWidget

KIND_NAMES = {"person": "person", "organisation": "organisation", "meeting": "meeting"}


class RecoveryBar(QToolBar):
    restoreRequested = Signal(object)
    discardRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Recovered edits", parent)
        self.setObjectName("recovery_bar")
        self.setMovable(False)
        self.setFloatable(False)
        self.label = QLabel()
        self.label.setStyleSheet("padding: 2px 8px;")
        self.addWidget(self.label)
        self._draft: object | None = None
        self.restore_action = self.addAction("&Restore the edits")
        self.discard_action = self.addAction("Discard them")
        self.restore_action.triggered.connect(lambda: self.restoreRequested.emit(self._draft))
        self.discard_action.triggered.connect(lambda: self.discardRequested.emit(self._draft))
        self.setStyleSheet("QToolBar#recovery_bar { background: #fff4ce; }")
        self.hide()

    def show_draft(self, draft: object | None, more: int = 0) -> None:
        """Offer ``draft`` (a store ``Draft``), or hide when there is none."""
        self._draft = draft
        if draft is None:
            self.hide()
            return
        kind = KIND_NAMES.get(getattr(draft, "kind", ""), "record")
        title = getattr(draft, "title", "") or f"a new {kind}"
        when = getattr(draft, "saved_at", "")[:16].replace("T", " ")
        text = f"EventDesk did not close normally. Unsaved edits of the {kind} “{_short(title)}”"
        text += f" from {when} were kept." if when else " were kept."
        # Another clerk's save since, and the drafts waiting, on a line of their own: the bar
        # and both its buttons stay within a window 1366 pixels wide.
        overtaken = getattr(draft, "overtaken", "")
        second = [overtaken] if overtaken else []
        if more:
            second.append(f"({more} more after this one.)")
        if second:
            text += "\n" + " ".join(second)
        self.label.setToolTip(title if title != _short(title) else "")
        self.label.setText(text)
        self.show()


def _short(title: str, most: int = 50) -> str:
    """A long meeting title cut to fit the bar beside its buttons (the whole in the tooltip)."""
    return title if len(title) <= most else title[: most - 1].rstrip() + "…"
