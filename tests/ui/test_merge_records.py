"""Edit › Merge into… makes a duplicate person or organisation part of another; Undo splits them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from eventdesk.records import HostOrganisation, Meeting, Organisation
from eventdesk.ui.merge_records import MergeDialog
from eventdesk.ui.sections import Section


def test_a_duplicate_organisation_is_merged_from_its_list_and_undo_splits_it(qtbot, empty_window):
    store = empty_window.store
    # Given "Tongji University" recorded twice, each host of one meeting,
    first = store.organisations.save(Organisation(name="Tongji University", short_name="TJU"))
    twin = store.organisations.save(Organisation(name="tongji university", name_zh="同济大学"))
    for title, org in (("Spring visit", first), ("Autumn forum", twin)):
        meeting = Meeting(title=title, start_date=date(2024, 4, 2))
        meeting.hosts = [HostOrganisation(org.id)]
        store.meetings.save(meeting)
    workspace = empty_window.workspace
    workspace.set_section(Section.ORGANISATIONS)
    workspace.refresh()
    assert workspace.list_pane.select_id(twin.id)
    # when the clerk chooses Edit › Merge into… on the duplicate and picks the other,
    empty_window.actions_.merge.trigger()
    dialog = empty_window.merge_dialog
    assert isinstance(dialog, MergeDialog) and dialog.isVisible()
    finder = dialog.picker.finder
    assert [c.id for c in finder.candidates()] == [first.id]  # the same name, offered
    qtbot.keyClick(finder, Qt.Key.Key_Return)
    assert dialog.merge_button.isEnabled()
    qtbot.keyClick(finder, Qt.Key.Key_Return)  # Merge
    # then one Tongji University is left, with both meetings and the Chinese name
    assert [r.id for r in store.organisations.list("Tongji")] == [first.id]
    assert store.organisations.get(first.id).name_zh == "同济大学"
    assert {r.title for r in store.organisations.meetings(first.id)} == {
        "Spring visit",
        "Autumn forum",
    }
    assert store.trash.ids()["organisation"] == [twin.id]
    assert workspace.list_pane.model().row_of_id(twin.id) is None
    # and Undo makes them two again
    empty_window.actions_.undo.trigger()
    assert sorted(r.id for r in store.organisations.list("Tongji")) == [first.id, twin.id]
    assert [r.title for r in store.organisations.meetings(twin.id)] == ["Autumn forum"]
    assert store.organisations.get(first.id).name_zh == ""


def test_merge_needs_a_person_or_an_organisation_selected(empty_window):
    warned = []
    empty_window.warn = warned.append
    empty_window.workspace.set_section(Section.MEETINGS)
    assert not empty_window.merge_selected()
    assert warned and "person or an organisation" in warned[0]
