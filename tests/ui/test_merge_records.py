"""Edit › Merge into… makes a duplicate person or organisation part of another; Undo splits them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from eventdesk.records import Attendance, HostOrganisation, Meeting, Organisation, Person
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


def test_the_one_to_keep_is_found_by_any_chinese_script_and_told_apart(qtbot, empty_window):
    store = empty_window.store
    # Given one man recorded three times: in Hong Kong's form (at a Chinese-named university,
    # with a meeting), in Taiwan's and in the mainland's,
    hkbu = store.organisations.save(Organisation(name="", name_zh="香港浸會大學"))
    hk = store.people.save(
        Person("WAI", "Ping Kong", name_zh="衞炳江", title="President", organisation_id=hkbu.id)
    )
    tw = store.people.save(Person("WAI", "Ping Kong", name_zh="衛炳江", title="Dean"))
    cn = store.people.save(Person("WAI", "Ping Kong", name_zh="卫炳江"))
    meeting = Meeting(title="Spring visit", start_date=date(2024, 4, 2))
    meeting.attendees = [Attendance(hk.id)]
    store.meetings.save(meeting)
    # when the mainland form is merged and each spelling is typed for the one to keep,
    dialog = MergeDialog(store, "person", cn.id, "卫炳江", empty_window)
    qtbot.addWidget(dialog)
    finder = dialog.picker.finder
    for typed in ("衞炳江", "衛炳江", "卫炳江", "WAI Ping Kong"):
        finder.setText(typed)
        finder.refresh()
        found = {c.id: c.text for c in finder.candidates()}
        # then every spelling finds the other two, never the record being merged,
        assert sorted(found) == sorted([hk.id, tw.id]), typed
    # each shown with what tells them apart: Chinese name, title, organisation, meetings
    assert found[hk.id] == "WAI Ping Kong — 衞炳江 · President · 香港浸會大學 · 1 meeting"
    assert found[tw.id] == "WAI Ping Kong — 衛炳江 · Dean · 0 meetings"
    # and the one picked is described under the picker before Merge is pressed
    assert dialog.kept_details.text() == ""
    finder.choose(hk.id)
    assert dialog.merge_button.isEnabled()
    assert dialog.kept_details.text() == found[hk.id]


def test_two_organisations_of_one_name_are_told_apart_by_short_name_city_and_meetings(
    qtbot, empty_window
):
    store = empty_window.store
    kept = store.organisations.save(
        Organisation(
            name="Tongji University", name_zh="同濟大學", short_name="TJU", city="Shanghai"
        )
    )
    other = store.organisations.save(Organisation(name="Tongji University", city="Wuhan"))
    twin = store.organisations.save(Organisation(name="TONGJI  university"))
    meeting = Meeting(title="Spring visit", start_date=date(2024, 4, 2))
    meeting.hosts = [HostOrganisation(kept.id)]
    store.meetings.save(meeting)
    dialog = MergeDialog(store, "organisation", twin.id, "TONGJI  university", empty_window)
    qtbot.addWidget(dialog)
    finder = dialog.picker.finder
    assert {c.id: c.text for c in finder.candidates()} == {
        kept.id: "Tongji University — 同濟大學 · TJU · Shanghai · 1 meeting",
        other.id: "Tongji University — Wuhan · 0 meetings",
    }
    finder.setText("同济")  # simplified finds the traditional
    finder.refresh()
    assert [c.id for c in finder.candidates()] == [kept.id]


def test_the_popup_shows_each_record_whole(qtbot, empty_window):
    """Cut at the field's width, "… · Tongji University · 0 meeti…" told nothing apart."""
    store = empty_window.store
    tongji = store.organisations.save(Organisation("Tongji University"))
    title = "Vice President for International Affairs"
    store.people.save(Person("Chen", "Ming", title=title, organisation_id=tongji.id))
    twin = store.people.save(Person("CHEN", "Ming", name_zh="陈明"))
    dialog = MergeDialog(store, "person", twin.id, "CHEN Ming", empty_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    finder = dialog.picker.finder
    finder.setFocus()
    qtbot.waitUntil(finder.hasFocus, timeout=2000)
    finder.setText("Chen Ming")
    finder.refresh()
    popup = finder.popup()
    assert popup.isVisible()
    (row,) = finder.candidates()
    assert row.text == f"CHEN Ming — {title} · Tongji University · 0 meetings"
    assert popup.width() > popup.fontMetrics().horizontalAdvance(row.text) > finder.width()
