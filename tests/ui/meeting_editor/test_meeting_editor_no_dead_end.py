"""The dead ends a new clerk met entering a meeting from scratch, each now a way on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from eventdesk.records import NameOrder, Organisation
from eventdesk.ui.meeting_editor.create_in_place import NewOrganisationDialog, NewPersonDialog


def _dialog(kind):
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1, found
    return found[0]


def test_ctrl_n_on_meetings_puts_the_cursor_in_the_title(main_window, qtbot):
    main_window.activateWindow()
    main_window.actions_.new_record.trigger()
    title = main_window.workspace.editors.meeting_editor.details.view.title
    assert QApplication.focusWidget() is title
    qtbot.keyClicks(QApplication.focusWidget(), "Visit of the University of Hamburg")
    assert title.text() == "Visit of the University of Hamburg"


def test_a_new_meeting_shows_nothing_of_the_one_before(main_window):
    editor = main_window.workspace.editors.meeting_editor
    assert editor.meeting().attendees  # the example meeting is on show
    editor.attendees.select(0)
    assert editor.attendees.person_label.text()
    main_window.new_record()
    assert editor.attendees.person_label.text() == ""
    assert editor.decisions.parties.list.count() == 0
    assert editor.attendees.organisation.finder.text() == ""


def test_escape_reverts_a_dirty_meeting_after_asking(editor, drive):
    d = drive(editor)
    editor.new()
    d.type(editor.details.view.title, "Typed by mistake")
    asked = []
    editor.escape.ask = lambda: asked.append(1) or True
    d.qtbot.keyClick(editor.details.view.title, Qt.Key.Key_Escape)
    assert asked == [1]
    assert editor.details.view.title.text() == ""
    assert not editor.is_dirty()
    d.qtbot.keyClick(editor.details.view.title, Qt.Key.Key_Escape)
    assert asked == [1]  # nothing to take back: no question


def test_escape_keeps_the_edits_when_the_clerk_says_no(editor, drive):
    d = drive(editor)
    editor.new()
    d.type(editor.details.view.title, "Keep me")
    editor.escape.ask = lambda: False
    d.qtbot.keyClick(editor.details.view.title, Qt.Key.Key_Escape)
    assert editor.details.view.title.text() == "Keep me"


def test_tab_goes_from_revert_to_save_as_on_screen(editor):
    assert editor.revert_button.nextInFocusChain() is editor.save_button


def test_the_heading_keeps_unsaved_changes_visible_for_a_long_title(editor, drive):
    d = drive(editor)
    editor.new()
    d.type(editor.details.view.title, "A very long title " * 12)
    editor.heading.resize(300, editor.heading.height())
    assert editor.heading.text().endswith("(unsaved changes)")
    assert editor.heading.minimumSizeHint().width() < 300


def test_enter_on_an_unknown_host_creates_the_organisation_in_place(editor, drive, fresh_store):
    d = drive(editor)
    editor.new()
    hosts = editor.details.view.hosts
    d.type(hosts.finder, "University of Hamburg")
    assert hosts.finder.popup().model().index(0, 0).data() == "Create “University of Hamburg”…"
    d.qtbot.keyClick(hosts.finder, Qt.Key.Key_Return)
    dialog = _dialog(NewOrganisationDialog)
    assert dialog.name.text() == "University of Hamburg"
    d.qtbot.keyClicks(dialog.short_name, "UHH")
    d.qtbot.keyClicks(dialog.city, "Hamburg")
    dialog.create_button.click()
    (org,) = fresh_store.organisations.list("Hamburg")
    assert (org.short_name, org.city) == ("UHH", "Hamburg")
    assert [h.organisation_id for h in editor.meeting().hosts] == [org.id]


def test_an_unknown_name_in_add_attendee_opens_the_new_person_form(editor, drive):
    d = drive(editor)
    editor.new()
    tab = editor.attendees
    d.open_tab(tab)
    d.type(tab.finder, "Lenzen Dieter")
    d.enter(tab.finder)
    assert tab.new_person.isVisible()
    assert (tab.new_person.family_name.text(), tab.new_person.given_name.text()) == (
        "Lenzen",
        "Dieter",
    )


def test_enter_presses_create_and_add_and_escape_cancels(editor, drive, fresh_store):
    d = drive(editor)
    editor.new()
    tab, panel = editor.attendees, editor.attendees.new_person
    d.open_tab(tab)
    d.click(tab.new_person_button)
    d.qtbot.keyClick(panel.family_name, Qt.Key.Key_Escape)
    assert not panel.isVisible()
    d.click(tab.new_person_button)
    d.type(panel.family_name, "Lenzen")
    d.type(panel.given_name, "Dieter")
    d.type(panel.title_edit, "President")
    d.enter(panel.title_edit)
    assert not panel.isVisible()
    (row,) = fresh_store.people.list("Lenzen")
    assert editor.meeting().attendees[0].person_id == row.id
    assert editor.meeting().attendees[0].title == "President"


def test_the_organisation_typed_for_a_new_person_is_never_dropped(editor, drive, fresh_store):
    d = drive(editor)
    editor.new()
    tab, panel = editor.attendees, editor.attendees.new_person
    d.open_tab(tab)
    d.click(tab.new_person_button)
    d.type(panel.family_name, "Lenzen")
    d.type(panel.given_name, "Dieter")
    d.type(panel.organisation.finder, "University of Hamburg")
    d.click(panel.create_button)
    assert fresh_store.people.count() == 0  # not yet: the organisation comes first
    dialog = _dialog(NewOrganisationDialog)
    assert dialog.name.text() == "University of Hamburg"
    dialog.create_button.click()
    (person,) = fresh_store.people.list("Lenzen")
    org = fresh_store.organisations.get(editor.meeting().attendees[0].organisation_id)
    assert org.name == "University of Hamburg"
    assert fresh_store.people.get(person.id).organisation_id == org.id


def test_an_existing_organisation_typed_in_full_is_taken(editor, drive, fresh_store):
    org = fresh_store.organisations.save(Organisation(name="Fudan University"))
    d = drive(editor)
    editor.new()
    tab, panel = editor.attendees, editor.attendees.new_person
    d.open_tab(tab)
    d.click(tab.new_person_button)
    d.type(panel.family_name, "Jin")
    d.type(panel.organisation.finder, "fudan university")
    d.click(panel.create_button)
    (person,) = fresh_store.people.list("Jin")
    assert fresh_store.people.get(person.id).organisation_id == org.id


def test_a_chinese_name_proposes_pinyin_family_first(editor, drive):
    d = drive(editor)
    editor.new()
    tab, panel = editor.attendees, editor.attendees.new_person
    d.open_tab(tab)
    d.click(tab.new_person_button)
    d.type(panel.name_zh, "丁晓东")
    assert (panel.family_name.text(), panel.given_name.text()) == ("Ding", "Xiaodong")
    assert panel.name_order.currentData() == NameOrder.FAMILY_FIRST.value
    d.type(panel.given_name, "Hiu Tung")  # the clerk's correction stays
    d.type(panel.name_zh, "丁晓冬")
    assert panel.given_name.text() == "Hiu Tung"


def test_a_chair_not_yet_recorded_is_created_in_place(editor, drive, fresh_store):
    d = drive(editor)
    editor.new()
    s = editor.sessions
    d.open_tab(s)
    d.click(s.add_button)
    d.type(s.chair.finder, "Wai Alexander")
    d.enter(s.chair.finder)
    dialog = _dialog(NewPersonDialog)
    assert dialog.panel.family_name.text() == "Wai"
    dialog.panel.create_button.click()
    (row,) = fresh_store.people.list("Wai")
    assert editor.meeting().sessions[0].chair_id == row.id
