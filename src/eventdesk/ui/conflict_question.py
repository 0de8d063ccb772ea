"""The question a clerk is asked when another clerk saved the same record first.

The store refused the save and wrote nothing (``Conflict``: "LI Wei saved this meeting at
10:42, after you opened it"); the edits are still in the editor. Two ways on, and neither
loses anything that was saved: **Reload** drops the clerk's edits and shows what the other
clerk saved; **Keep mine as a copy** saves the edits as a new record, "… (copy by USER)",
beside theirs, and shows it. Cancel leaves the edits on screen, unsaved.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget


class ConflictChoice(Enum):
    RELOAD = "reload"
    COPY = "copy"
    CANCEL = "cancel"


def ask(parent: QWidget | None, message: str) -> ConflictChoice:
    """Ask what to do with edits another clerk's save overtook (a modal question)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Saved by someone else")
    box.setText(message.split(". Nothing of yours", 1)[0] + ".")
    box.setInformativeText(
        "Nothing of yours was saved. Reload shows their version and drops your edits; "
        "Keep mine as a copy saves your edits as a new record beside theirs."
    )
    reload = box.addButton("&Reload", QMessageBox.ButtonRole.DestructiveRole)
    copy = box.addButton("&Keep mine as a copy", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(copy)
    box.exec()
    clicked = box.clickedButton()
    if clicked is reload:
        return ConflictChoice.RELOAD
    if clicked is copy:
        return ConflictChoice.COPY
    return ConflictChoice.CANCEL
