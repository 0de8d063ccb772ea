"""The question itself (``ui/conflict_question.py``): who saved, the two ways on, and Cancel.

Answered by clicking its buttons as a clerk would; a timer closes any dialog left open, so a
test that fails to click fails instead of hanging.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from eventdesk.ui import conflict_question
from eventdesk.ui.conflict_question import ConflictChoice

MESSAGE = (
    "liwei saved this meeting at 10:42, after you opened it. Nothing of yours was saved yet: "
    "reload it to see theirs, or keep yours as a copy."
)


def _answer(button_text: str | None, seen: dict) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    seen["text"], seen["more"] = box.text(), box.informativeText()
    seen["buttons"] = [b.text() for b in box.buttons()]
    for button in box.buttons():
        if button.text() == button_text:
            button.click()
            return
    box.reject()


@pytest.mark.parametrize(
    ("clicked", "choice"),
    [
        ("&Reload", ConflictChoice.RELOAD),
        ("&Keep mine as a copy", ConflictChoice.COPY),
        (None, ConflictChoice.CANCEL),
    ],
)
def test_each_button_is_its_choice(qapp, clicked, choice):
    seen: dict = {}
    QTimer.singleShot(0, lambda: _answer(clicked, seen))
    closer = QTimer()
    closer.setSingleShot(True)
    closer.timeout.connect(lambda: QApplication.activeModalWidget().reject())
    closer.start(10_000)
    assert conflict_question.ask(None, MESSAGE) is choice
    closer.stop()
    assert seen["text"] == "liwei saved this meeting at 10:42, after you opened it."
    assert "Nothing of yours was saved" in seen["more"]
    assert {"&Reload", "&Keep mine as a copy"} <= set(seen["buttons"])
