"""Fixtures for the meeting editor: the editor on a store, and a driver that types like a user.

The driver only uses the keyboard and the mouse: ``qtbot.keyClicks`` for
Latin text, an input-method commit (what a Chinese input method sends) for
Chinese text, keyboard search for combo boxes, the completer popup for
finding people and organisations, and mouse clicks on buttons and tabs.
"""

from __future__ import annotations

import re
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from eventdesk.store import EventStore
from eventdesk.ui.meeting_editor import MeetingEditor
from eventdesk.ui.meeting_editor.finder import Finder, RecordPicker

_ASCII_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


class Driver:
    """Types into the editor's widgets the way a person at the keyboard would."""

    def __init__(self, qtbot, editor: MeetingEditor):
        self.qtbot = qtbot
        self.editor = editor

    def focus(self, widget: QWidget) -> None:
        if not widget.window().isActiveWindow():  # a closed popup can leave no window active
            widget.window().activateWindow()
            QApplication.processEvents()
        widget.setFocus()
        QApplication.processEvents()
        assert widget.hasFocus(), widget

    def type(self, widget: QWidget, text: str, *, replace: bool = True) -> None:
        """Type ``text``; with ``replace``, select what is there first (Ctrl+A) and delete it."""
        if isinstance(widget, QComboBox) and widget.isEditable():
            widget = widget.lineEdit()
        self.focus(widget)
        if replace:
            self.qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            self.qtbot.keyClick(widget, Qt.Key.Key_Delete)
        for run in _ASCII_RUNS.findall(text):
            if run.isascii():
                self.qtbot.keyClicks(widget, run)
            else:  # what an input method commits for Chinese text
                event = QInputMethodEvent()
                event.setCommitString(run)
                QApplication.sendEvent(widget, event)

    def field(self, widget: QLineEdit, text: str) -> None:
        """Type into a line edit and leave it with Tab, as a form is filled."""
        self.type(widget, text)
        self.qtbot.keyClick(widget, Qt.Key.Key_Tab)

    def enter(self, widget: QWidget) -> None:
        self.qtbot.keyClick(widget, Qt.Key.Key_Return)

    def choose(self, combo: QComboBox, label: str) -> None:
        """Pick an item with the keyboard: Home, then Down until it is current.

        (Typing its text works too, but a combo's keyboard search goes on from
        what was typed less than a keyboard interval before.)
        """
        index = combo.findText(label)
        assert index >= 0, (label, [combo.itemText(n) for n in range(combo.count())])
        self.focus(combo)
        self.qtbot.keyClick(combo, Qt.Key.Key_Home)
        for _ in range(index):
            self.qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentText() == label, (combo.currentText(), label)

    def pick(self, finder: Finder | RecordPicker, typed: str, label: str) -> None:
        """Type into a finder, then pick ``label`` in its popup with Down and Enter."""
        if isinstance(finder, RecordPicker):
            finder = finder.finder
        self.type(finder, typed)
        labels = [c.label for c in finder.candidates()]
        assert label in labels, (typed, labels)
        popup = finder.popup()
        assert popup.isVisible(), (finder.hasFocus(), QApplication.focusWidget(), finder.text())
        for _ in range(labels.index(label) + 1):
            self.qtbot.keyClick(popup, Qt.Key.Key_Down)
        assert popup.currentIndex().data().startswith(label)
        self.qtbot.keyClick(popup, Qt.Key.Key_Return)

    def click(self, button: QWidget) -> None:
        assert button.isEnabled()
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def open_tab(self, tab: QWidget) -> None:
        bar = self.editor.tabs.tabBar()
        index = self.editor.tabs.indexOf(tab)
        self.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert self.editor.tabs.currentWidget() is tab

    def plain(self, widget: QPlainTextEdit, text: str) -> None:
        self.type(widget, text)


def _keep_singletons_alive() -> None:
    """Work around PySide6 6.12 on Python 3.11, where long GUI tests would abort.

    PySide6 6.12 returns None (from void methods), True and False without taking
    a reference to them: it assumes they are immortal, as they are from Python
    3.12 on. On 3.11 each call costs one reference, and the process aborts with
    "none_dealloc" or "bool_dealloc" when a count reaches zero, some thousands
    of calls in. pyproject.toml keeps PySide6 below 6.12; where an older
    environment still has 6.12, the tests give the three objects references
    that are never returned, so nothing is freed at exit either.
    """
    import ctypes

    from PySide6 import __version_info__ as pyside_version

    if sys.version_info >= (3, 12) or tuple(pyside_version[:2]) != (6, 12):
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 100_000_000


_keep_singletons_alive()


def _application_for_widgets() -> QApplication:
    """Have a QApplication before any test runs, not a bare QGuiApplication.

    Conftest files are imported while tests are collected, before any runs.
    Rendering a summary to PDF starts a QGuiApplication when none is running,
    and Qt aborts the process when a widget is made under one; with the
    QApplication made here first, both find the application they need.
    """
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


_APP = _application_for_widgets()


def make_editor(qtbot, store: EventStore) -> MeetingEditor:
    editor = MeetingEditor(store)
    qtbot.addWidget(editor)
    editor.resize(1280, 800)
    editor.show()
    editor.activateWindow()
    qtbot.waitExposed(editor)
    return editor


@pytest.fixture
def editor(qtbot, fresh_store: EventStore) -> MeetingEditor:
    return make_editor(qtbot, fresh_store)


@pytest.fixture
def sample_editor(qtbot, sample_store: EventStore) -> MeetingEditor:
    editor = make_editor(qtbot, sample_store)
    (row,) = sample_store.meetings.list()
    editor.load(row.id)
    return editor


@pytest.fixture
def editor_on(qtbot):
    """Make an editor on a store of the test's own (when ``fresh_store`` is taken)."""
    return lambda store: make_editor(qtbot, store)


@pytest.fixture
def drive(qtbot):
    def make(editor: MeetingEditor) -> Driver:
        return Driver(qtbot, editor)

    return make
