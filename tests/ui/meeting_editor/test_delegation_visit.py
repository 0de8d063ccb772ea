"""A delegation visit entered from an empty database through the forms only, keyboard first.

The visit of a German university's president, received by our president and
a vice president, four topics discussed: every organisation and person is
created in place from the picker that did not know them, and the store then
holds each field as typed. The driver counts what the clerk does (clicks,
other keys, characters typed); ``docs/meeting-editor.md`` quotes the count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from eventdesk.records import MeetingFormat, NameOrder, OurRole, Side
from eventdesk.ui.meeting_editor.create_in_place import NewOrganisationDialog

TOPICS = [
    "Student exchange",
    "Joint research in marine engineering",
    "Summer school 2019",
    "Double degree programme",
]


@dataclass
class Count:
    clicks: int = 0
    keys: int = 0
    chars: int = 0


class Clerk:
    """Types and clicks as a person would, and counts it."""

    def __init__(self, qtbot, window):
        self.qtbot = qtbot
        self.window = window
        self.count = Count()

    def go(self, widget: QWidget) -> None:
        """To ``widget`` with Tab when it is at most three Tabs away, else with a click."""
        if not widget.window().isActiveWindow():  # a dialog just closed (offscreen: no WM)
            widget.window().activateWindow()
            QApplication.processEvents()
        for tabs in range(1, 4):
            current = QApplication.focusWidget()
            if current is None:
                break
            step = current
            for _ in range(tabs):
                step = step.nextInFocusChain()
                for _ in range(500):
                    if step.focusPolicy() & Qt.FocusPolicy.TabFocus and step.isVisible():
                        break
                    step = step.nextInFocusChain()
            if step is widget:
                for _ in range(tabs):
                    self.key(Qt.Key.Key_Tab)
                if QApplication.focusWidget() is widget:
                    return
                break  # Tab went elsewhere: the clerk clicks (the Tabs stay counted)
        self.count.clicks += 1
        widget.setFocus(Qt.FocusReason.MouseFocusReason)
        QApplication.processEvents()

    def type(self, widget: QWidget, text: str) -> None:
        if QApplication.focusWidget() is not widget:
            self.go(widget)
        assert QApplication.focusWidget() is widget, (QApplication.focusWidget(), widget)
        if text.isascii():
            self.qtbot.keyClicks(widget, text)
        else:  # what a Chinese input method commits
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(widget, event)
        self.count.chars += len(text)

    def key(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        if QApplication.focusWidget() is None:  # a dialog just closed (offscreen: no WM)
            self.window.activateWindow()
            QApplication.processEvents()
        self.qtbot.keyClick(QApplication.focusWidget() or self.window, key, modifier)
        self.count.keys += 1

    def choose(self, combo: QComboBox, label: str) -> None:
        """A combo's item by typing its first letters (as in any Office form)."""
        self.go(combo)
        index = combo.findText(label)
        assert index >= 0, label
        for _ in range(combo.count()):
            if combo.currentIndex() == index:
                break
            self.key(Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up)
        assert combo.currentText() == label, (combo.currentText(), label)

    def click(self, widget: QWidget) -> None:
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.count.clicks += 1


def _dialog(kind):
    (found,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found


def enter_the_visit(window, qtbot) -> Count:
    """Everything the clerk does, from Ctrl+N to Ctrl+S."""
    c = Clerk(qtbot, window)
    editor = window.workspace.editors.meeting_editor
    v = editor.details.view
    window.activateWindow()
    window.workspace.list_pane.search.setFocus()
    c.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    c.type(v.title, "Visit of the President of the University of Hamburg")
    c.type(v.start_date, "2 April 2019")
    c.choose(v.format, MeetingFormat.ONSITE.label)
    c.choose(v.our_role, OurRole.HOST.label)
    c.type(v.venue, "Administration Building, Room 301")
    # our university, new to this database: created from the hosts' finder
    c.type(v.hosts.finder, "University of Shanghai for Science and Technology")
    c.key(Qt.Key.Key_Return)
    dialog = _dialog(NewOrganisationDialog)
    c.type(dialog.short_name, "USST")
    c.key(Qt.Key.Key_Return)

    a = editor.attendees
    c.click(editor.tabs.tabBar())  # the Attendees tab
    editor.tabs.setCurrentWidget(a)
    # the visiting president and his university, both new
    c.type(a.finder, "Lenzen Dieter")
    c.key(Qt.Key.Key_Return)
    p = a.new_person
    c.choose(p.name_order, NameOrder.GIVEN_FIRST.label)
    c.type(p.title_edit, "President")
    c.type(p.organisation.finder, "University of Hamburg")
    c.key(Qt.Key.Key_Return)
    dialog = _dialog(NewOrganisationDialog)
    c.type(dialog.name_zh, "汉堡大学")
    c.type(dialog.short_name, "UHH")
    c.key(Qt.Key.Key_Return)
    c.key(Qt.Key.Key_Return)  # Create and add
    c.choose(a.side, Side.PARTNER.label)
    # our president, typed in Chinese: the pinyin is proposed
    c.type(a.finder, "丁晓东")
    c.key(Qt.Key.Key_Return)
    c.type(p.title_edit, "President")
    c.type(p.organisation.finder, "USST")
    c.key(Qt.Key.Key_Return)  # picks USST
    c.key(Qt.Key.Key_Return)  # Create and add
    c.choose(a.side, Side.OURS.label)
    # our vice president
    c.type(a.finder, "Wang Jun")
    c.key(Qt.Key.Key_Return)
    c.type(p.title_edit, "Vice President")
    c.type(p.organisation.finder, "USST")
    c.key(Qt.Key.Key_Return)
    c.key(Qt.Key.Key_Return)

    s = editor.sessions
    c.click(editor.tabs.tabBar())  # the Sessions tab
    editor.tabs.setCurrentWidget(s)
    c.click(s.add_button)
    for n, topic in enumerate(TOPICS):
        c.type(s.title, topic)
        if n < len(TOPICS) - 1:
            c.key(Qt.Key.Key_Return)  # the next session
    c.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    return c.count


def test_a_delegation_visit_from_an_empty_database(empty_window, qtbot, fresh_store):
    count = enter_the_visit(empty_window, qtbot)
    editor = empty_window.workspace.editors.meeting_editor
    assert not editor.is_dirty(), editor.problems.text()

    (row,) = fresh_store.meetings.list()
    m = fresh_store.meetings.get(row.id)
    assert m.title == "Visit of the President of the University of Hamburg"
    assert m.start_date == date(2019, 4, 2)
    assert m.format is MeetingFormat.ONSITE
    assert m.our_role is OurRole.HOST
    assert m.venue == "Administration Building, Room 301"
    (usst_row,) = fresh_store.organisations.list("USST")
    usst = fresh_store.organisations.get(usst_row.id)
    assert (usst.name, usst.short_name) == (
        "University of Shanghai for Science and Technology",
        "USST",
    )
    assert [(h.organisation_id, h.role.value) for h in m.hosts] == [(usst.id, "host")]
    (uhh_row,) = fresh_store.organisations.list("UHH")
    uhh = fresh_store.organisations.get(uhh_row.id)
    assert (uhh.name, uhh.name_zh, uhh.short_name) == ("University of Hamburg", "汉堡大学", "UHH")

    people = {a.person_id: fresh_store.people.get(a.person_id) for a in m.attendees}
    rows = [
        (
            people[a.person_id].family_name,
            people[a.person_id].given_name,
            people[a.person_id].name_order,
            people[a.person_id].name_zh,
            people[a.person_id].organisation_id,
            a.title,
            a.organisation_id,
            a.side,
        )
        for a in m.attendees
    ]
    assert rows == [
        ("Lenzen", "Dieter", NameOrder.GIVEN_FIRST, "", uhh.id, "President", uhh.id, Side.PARTNER),
        (
            "Ding",
            "Xiaodong",
            NameOrder.FAMILY_FIRST,
            "丁晓东",
            usst.id,
            "President",
            usst.id,
            Side.OURS,
        ),
        ("Wang", "Jun", NameOrder.FAMILY_FIRST, "", usst.id, "Vice President", usst.id, Side.OURS),
    ]
    assert [s.title for s in m.sessions] == TOPICS
    print(f"\nclicks={count.clicks} keys={count.keys} chars={count.chars}")
