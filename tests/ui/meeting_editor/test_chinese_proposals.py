"""The meeting editor proposes the Chinese forms the records hold; Ctrl+Enter takes one.

Given a meeting entered in English only whose people held the same titles at
an earlier meeting, when the clerk opens it and looks at an attendee, then
the empty Chinese title shows the earlier form and where it comes from, and
Ctrl+Enter in the field writes it there as if typed, saved with the meeting.
A session's Chinese title is proposed from the glossary the same way. A
stranger whose title the records give two forms for gets no proposal.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.cli.test_fill_chinese import make_later_meeting

from eventdesk.store import EventStore


def test_an_attendee_title_is_proposed_and_taken_with_ctrl_enter(qtbot, tmp_path, editor_on, drive):
    db = tmp_path / "office.sqlite3"
    meeting_id = make_later_meeting(db)
    store = EventStore.open(db)
    try:
        editor = editor_on(store)
        editor.load(meeting_id)
        d = drive(editor)
        tab = editor.attendees
        d.open_tab(tab)
        tab.select(0)  # CAI Yonglian, Vice President
        assert tab.title_zh.text() == ""
        assert tab.title_zh.placeholderText().startswith("副校长")
        assert "earlier meeting 2025-04-15" in tab.title_zh.placeholderText()
        tab.title_zh.setFocus()
        qtbot.keyClick(tab.title_zh, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert tab.title_zh.text() == "副校长"
        assert tab.current().title_zh == "副校长"

        tab.select(2)  # LIN Hua, a Director where the records say 处长 and 主任: nothing
        assert "处长" not in tab.title_zh.placeholderText()
        qtbot.keyClick(tab.title_zh, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert tab.title_zh.text() == ""

        sessions = editor.sessions
        d.open_tab(sessions)
        sessions.select(0)  # Opening ceremony
        assert sessions.title_zh.placeholderText().startswith("开幕式")
        assert "glossary" in sessions.title_zh.placeholderText()
        sessions.title_zh.setFocus()
        qtbot.keyClick(sessions.title_zh, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
        assert sessions.title_zh.text() == "开幕式"
        assert editor.save()
        saved = store.meetings.get(meeting_id)
        assert saved.attendees[0].title_zh == "副校长" and saved.attendees[2].title_zh == ""
        assert saved.sessions[0].title_zh == "开幕式"
    finally:
        store.close()


def test_typing_replaces_a_proposal(qtbot, tmp_path, editor_on, drive):
    db = tmp_path / "office.sqlite3"
    meeting_id = make_later_meeting(db)
    store = EventStore.open(db)
    try:
        editor = editor_on(store)
        editor.load(meeting_id)
        tab = editor.attendees
        drive(editor).open_tab(tab)
        tab.select(0)
        drive(editor).type(tab.title_zh, "常务副校长")
        assert tab.current().title_zh == "常务副校长"
        qtbot.keyClick(tab.title_zh, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert tab.title_zh.text() == "常务副校长"  # a typed form is never overwritten
    finally:
        store.close()


def test_the_venue_an_earlier_meeting_named_is_proposed(qtbot, tmp_path, editor_on):
    db = tmp_path / "office.sqlite3"
    meeting_id = make_later_meeting(db)
    store = EventStore.open(db)
    try:
        editor = editor_on(store)
        editor.load(meeting_id)
        venue_zh = editor.details.view.venue_zh
        assert venue_zh.placeholderText().startswith("行政楼101会议室")
        venue_zh.setFocus()
        qtbot.keyClick(venue_zh, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert venue_zh.text() == "行政楼101会议室"
        assert editor.save()
        assert store.meetings.get(meeting_id).venue_zh == "行政楼101会议室"
    finally:
        store.close()


def test_a_read_only_page_proposes_nothing_and_ctrl_enter_takes_nothing(
    qtbot, tmp_path, editor_on, drive
):
    # Given the meeting whose first attendee's Chinese title the records propose (above),
    # open read-only (issue 23, item 6)
    db = tmp_path / "office.sqlite3"
    meeting_id = make_later_meeting(db)
    store = EventStore.open(db, read_only=True)
    try:
        editor = editor_on(store)
        editor.load(meeting_id)
        tab = editor.attendees
        drive(editor).open_tab(tab)
        tab.select(0)
        # then no proposal is shown in the empty field, and Ctrl+Enter puts none in it
        assert tab.title_zh.text() == "" and tab.title_zh.placeholderText() == ""
        tab.title_zh.setFocus()
        qtbot.keyClick(tab.title_zh, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert tab.title_zh.text() == "" and not editor.is_dirty()
    finally:
        store.close()
