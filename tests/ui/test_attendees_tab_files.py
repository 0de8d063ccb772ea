"""The Attendees tab's own buttons: a partner's list in, the list as shown out."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from eventdesk.ui.attendee_import_dialog import AttendeeImportDialog
from tests.spreadsheets.files import write_xlsx


def show_sample_meeting(main_window):
    (row,) = main_window.store.meetings.list()
    main_window.workspace.open_meeting(row.id)
    return row.id, main_window.workspace.editors.meeting_editor.attendees


def test_import_list_button_adds_the_partners_attendees(qtbot, main_window, tmp_path, monkeypatch):
    meeting_id, tab = show_sample_meeting(main_window)
    path = write_xlsx(
        tmp_path / "partner.xlsx",
        [
            ["Name", "Title", "Organisation"],
            ["Alexander WAI", "President", "Hong Kong Polytechnic University"],
        ],
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))

    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    (dialog,) = main_window.findChildren(AttendeeImportDialog)
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert dialog.error_label.text() == "Importing…"  # the window is not held

    people = main_window.store.people.get_many(
        a.person_id for a in main_window.store.meetings.get(meeting_id).attendees
    )
    assert "Alexander WAI" in {p.display_name for p in people.values()}
    assert len(main_window.store.meetings.get(meeting_id).attendees) == 11
    qtbot.waitUntil(lambda: tab.model.rowCount() == 11)  # the editor shows the stored list


def test_export_button_writes_the_attendees_as_shown(qtbot, main_window, tmp_path, monkeypatch):
    _meeting_id, tab = show_sample_meeting(main_window)
    target = tmp_path / "attendees.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)

    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Name", "Role")
    assert [r[0] for r in rows[1:3]] == ["DING Xiaodong", "MA Xiaoting"]
    assert len(rows) == 11
