"""The attendee import dialog: see the plan, change a match or a column, import or cancel."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from eventdesk.records import AttendanceRole, Meeting
from eventdesk.store import EventStore
from eventdesk.ui.attendee_import_dialog import AttendeeImportDialog
from eventdesk.ui.attendee_preview import NEW_PERSON, AttendeePreviewModel
from tests.spreadsheets.files import write_xlsx

ROWS = [
    ["Name", "Chinese name", "Title", "Organisation", "Role"],
    ["DING Xiaodong", "丁晓东", "President", "USST", ""],
    ["Alexander WAI", "", "President", "Hong Kong Polytechnic University", "speaker"],
    ["", "", "Director", "Nowhere", ""],
    ["LI Na", "李娜", "Dean", "New College", "observer x"],
]


@pytest.fixture
def meeting_id(sample_store: EventStore) -> int:
    saved = sample_store.meetings.save(Meeting(title="Visit of HKU", start_date=date(2022, 5, 10)))
    assert saved.id is not None
    return saved.id


@pytest.fixture
def dialog(qtbot, sample_store, meeting_id, tmp_path):
    path = write_xlsx(tmp_path / "attendees.xlsx", ROWS)
    dialog = AttendeeImportDialog(sample_store, meeting_id, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def snapshot(store: EventStore) -> tuple[int, int, int]:
    attendances = store.db.execute("SELECT count(*) FROM attendances").fetchone()[0]
    return store.people.count(), store.organisations.count(), attendances


def cell(dialog: AttendeeImportDialog, row: int, column: int) -> str:
    return dialog.model.index(row, column).data()


def test_the_preview_shows_matches_new_people_and_rows_not_taken(dialog):
    assert dialog.model.rowCount() == 4
    assert cell(dialog, 0, AttendeePreviewModel.NAME) == "DING Xiaodong"
    assert cell(dialog, 0, AttendeePreviewModel.MATCH).startswith("DING Xiaodong 丁晓东 (President")
    assert cell(dialog, 1, AttendeePreviewModel.MATCH) == "New person"
    assert cell(dialog, 1, AttendeePreviewModel.ROLE) == "Speaker"
    rejected = [dialog.rejected_list.item(n).text() for n in range(dialog.rejected_list.count())]
    assert rejected == [
        "row 4: the name is empty",
        "row 5: 'observer x' is not a role (delegate, speaker, chair, host, guest, observer)",
    ]
    assert dialog.import_button.isEnabled()


def test_import_takes_the_rows_in_one_go(qtbot, dialog, sample_store, meeting_id):
    people_before = sample_store.people.count()
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert signal.args[0].attendances_added == 2
    meeting = sample_store.meetings.get(meeting_id)
    people = sample_store.people.get_many(a.person_id for a in meeting.attendees)
    assert [people[a.person_id].display_name for a in meeting.attendees] == [
        "DING Xiaodong",
        "Alexander WAI",
    ]
    assert meeting.attendees[1].role is AttendanceRole.SPEAKER
    assert sample_store.people.count() == people_before + 1
    assert not dialog.isVisible()


def test_cancel_imports_nothing(qtbot, dialog, sample_store):
    before = snapshot(sample_store)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert snapshot(sample_store) == before


def test_a_match_is_changed_in_its_combo_box(qtbot, dialog, sample_store, meeting_id):
    index = dialog.model.index(0, AttendeePreviewModel.MATCH)
    dialog.view.setCurrentIndex(index)
    dialog.view.edit(index)
    combo = dialog.view.indexWidget(index)
    assert isinstance(combo, QComboBox)
    assert combo.itemText(0).startswith("DING Xiaodong")
    combo.setCurrentIndex(combo.findData(NEW_PERSON))
    combo.activated.emit(combo.currentIndex())

    assert cell(dialog, 0, AttendeePreviewModel.MATCH) == "New person"
    assert "2 new" in dialog.summary_label.text()
    people_before = sample_store.people.count()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert sample_store.people.count() == people_before + 2


def test_skipping_a_row_names_it(dialog):
    dialog.model.setData(dialog.model.index(1, AttendeePreviewModel.MATCH), "skip")
    rejected = [dialog.rejected_list.item(n).text() for n in range(dialog.rejected_list.count())]
    assert "row 3: skipped" in rejected


def test_a_column_not_imported_no_longer_breaks_its_rows(dialog):
    role_column = 4
    assert dialog.column_combos[role_column].currentData() == "role"
    dialog.set_column_field(role_column, None)
    rejected = [dialog.rejected_list.item(n).text() for n in range(dialog.rejected_list.count())]
    assert rejected == ["row 4: the name is empty"]
    assert cell(dialog, 1, AttendeePreviewModel.ROLE) == "Delegate"


def test_nothing_to_take_disables_import(qtbot, sample_store, meeting_id, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [["Title"], ["President"]])
    dialog = AttendeeImportDialog(sample_store, meeting_id, path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.import_button.isEnabled()
    assert dialog.rejected_list.item(0).text().startswith("no column holds the names")


def test_rows_without_a_side_take_the_side_chosen(qtbot, dialog, sample_store, meeting_id):
    assert cell(dialog, 0, AttendeePreviewModel.SIDE) == "Partners"
    dialog.side_combo.setCurrentIndex(dialog.side_combo.findData("ours"))
    assert cell(dialog, 0, AttendeePreviewModel.SIDE) == "Our delegation"
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    sides = {a.side.value for a in sample_store.meetings.get(meeting_id).attendees}
    assert sides == {"ours"}


def test_another_sheet_of_the_workbook(qtbot, sample_store, meeting_id, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Cover"
    workbook.active.append(["Attendee list of the visit"])
    workbook.create_sheet("Names").append(["Name"])
    workbook["Names"].append(["Alexander WAI"])
    workbook.active = 0
    workbook.save(tmp_path / "two.xlsx")
    dialog = AttendeeImportDialog(sample_store, meeting_id, tmp_path / "two.xlsx")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sheet_combo.isVisible()
    dialog.sheet_combo.setCurrentText("Names")
    assert cell(dialog, 0, AttendeePreviewModel.NAME) == "Alexander WAI"
    assert dialog.column_combos[0].currentData() == "full_name"


def test_a_failed_import_says_why_and_the_dialog_stays(qtbot, dialog, sample_store, meeting_id):
    sample_store.trash.put("meeting", meeting_id)
    sample_store.trash.empty()  # gone for good while the dialog was open
    people_before = sample_store.people.count()

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nothing was imported" in dialog.error_label.text(), timeout=10_000)

    assert f"There is no meeting with id {meeting_id}" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.cancel_button.isEnabled()
    assert sample_store.people.count() == people_before
