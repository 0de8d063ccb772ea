"""Help › Keyboard shortcuts and Help › User guide: what a new clerk looks for first.

Both are read-only windows opened with ``show()``. The shortcuts are read
from the menu actions themselves, so the list cannot go out of date; the
guide is ``resources/help/guide.md``, shipped with the program.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from eventdesk import paths
from eventdesk.ui.screen_fit import fit_to_screen

#: Keys that belong to fields and lists, not to menu actions.
EDITOR_KEYS = [
    ("Tab / Shift+Tab", "next / previous field, in the order on screen"),
    ("Enter in a finder", "pick the highlighted (or first) match; a new name offers Create"),
    ("Enter in the New-person form", "Create and add"),
    ("Escape", "close a popup or the New-person form; in an editor, revert unsaved changes"),
    ("Enter in a list tab", "add a row after the selected one"),
    ("Alt+Up / Alt+Down", "move the selected row (its order is what prints)"),
]


class HelpWindow(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 560)


def shortcuts_window(actions: list[QAction], parent: QWidget | None = None) -> HelpWindow:
    """The menu actions that have a shortcut, then the keys of the forms."""
    window = HelpWindow("Keyboard shortcuts", parent)
    rows = []
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            rows.append((keys, action.text().replace("&", "").rstrip("…")))
    rows += EDITOR_KEYS
    body = "".join(
        f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(v)}</td></tr>" for k, v in rows
    )
    window.browser.setHtml(f"<table cellpadding='3'>{body}</table>")
    return window


def guide_window(parent: QWidget | None = None) -> HelpWindow:
    window = HelpWindow("User guide", parent)
    path = paths.resources_dir() / "help" / "guide.md"
    try:
        window.browser.setMarkdown(path.read_text(encoding="utf-8"))
    except OSError as exc:
        window.browser.setPlainText(f"The guide could not be read: {exc.strerror} ({path}).")
    return window
