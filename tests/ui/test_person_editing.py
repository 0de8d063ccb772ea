"""Creating and editing people through the person editor, and what the store then holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from eventdesk.records import Person
from eventdesk.records.fields import form_fields
from eventdesk.ui.record_rows import attribute
from eventdesk.ui.sections import Section


def _people(store):
    return {row.name: row for row in store.people.list()}


def test_creating_a_person_stores_it(qtbot, main_window):
    store = main_window.store
    main_window.workspace.set_section(Section.PEOPLE)
    main_window.actions_.new_record.trigger()
    editor = main_window.workspace.editors.person_editor
    form = editor.form

    qtbot.keyClicks(form.family_name, "Wai")
    qtbot.keyClicks(form.given_name, "Alexander")
    form.name_order.setCurrentIndex(1)  # given name first
    qtbot.keyClicks(form.title, "Vice-Chancellor")
    qtbot.keyClicks(form.email, "president@example.edu")
    assert editor.is_dirty()
    assert main_window.isWindowModified()

    main_window.actions_.save.trigger()

    assert not editor.is_dirty()
    person = store.people.get(editor.record_id())
    assert person.display_name == "Alexander WAI"
    assert person.title == "Vice-Chancellor"
    assert person.email == "president@example.edu"
    assert "Alexander WAI" in _people(store)
    # the list shows the new person, selected
    assert main_window.workspace.list_pane.current_id() == person.id


def test_editing_a_person_updates_the_store(qtbot, main_window):
    store = main_window.store
    ding = _people(store)["DING Xiaodong"]
    main_window.workspace.set_section(Section.PEOPLE)
    main_window.workspace.list_pane.select_id(ding.id)
    form = main_window.workspace.editors.person_editor.form
    assert form.family_name.text() == "Ding"
    assert form.meetings.model().rowCount() >= 1  # the meetings he took part in

    form.phone.clear()
    qtbot.keyClicks(form.phone, "+86 21 5527 0000")
    qtbot.keyClick(form.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert store.people.get(ding.id).phone == "+86 21 5527 0000"


def test_double_clicking_a_meeting_of_a_person_opens_it(qtbot, main_window):
    store = main_window.store
    ding = _people(store)["DING Xiaodong"]
    (meeting,) = store.meetings.list()
    main_window.workspace.set_section(Section.PEOPLE)
    main_window.workspace.list_pane.select_id(ding.id)
    table = main_window.workspace.editors.person_editor.form.meetings
    index = table.model().index(0, 1)
    table.doubleClicked.emit(index)

    assert main_window.workspace.section() is Section.MEETINGS
    assert main_window.workspace.editors.shown_id() == meeting.id
    assert main_window.workspace.list_pane.current_id() == meeting.id


def test_switching_records_with_unsaved_edits_asks_and_cancel_keeps_them(
    qtbot, main_window, answers
):
    store = main_window.store
    people = store.people.list()
    first, second = people[0], people[1]
    workspace = main_window.workspace
    workspace.set_section(Section.PEOPLE)
    workspace.list_pane.select_id(first.id)
    form = workspace.editors.person_editor.form
    qtbot.keyClicks(form.notes, "Met at the 2021 annual meeting.")

    answers.unsaved = QMessageBox.StandardButton.Cancel
    workspace.list_pane.select_id(second.id)

    assert answers.asked == 1
    assert workspace.editors.shown_id() == first.id
    assert workspace.list_pane.current_id() == first.id
    assert form.notes.toPlainText() == "Met at the 2021 annual meeting."
    assert workspace.is_dirty()
    assert store.people.get(first.id).notes == ""


def test_switching_records_can_save_or_discard(qtbot, main_window, answers):
    store = main_window.store
    first, second, third = store.people.list()[:3]
    workspace = main_window.workspace
    workspace.set_section(Section.PEOPLE)
    workspace.list_pane.select_id(first.id)
    form = workspace.editors.person_editor.form

    qtbot.keyClicks(form.notes, "saved")
    answers.unsaved = QMessageBox.StandardButton.Save
    workspace.list_pane.select_id(second.id)
    assert store.people.get(first.id).notes == "saved"
    assert workspace.editors.shown_id() == second.id

    qtbot.keyClicks(form.notes, "dropped")
    answers.unsaved = QMessageBox.StandardButton.Discard
    workspace.list_pane.select_id(third.id)
    assert store.people.get(second.id).notes == ""
    assert workspace.editors.shown_id() == third.id
    assert not workspace.is_dirty()


def test_closing_the_window_with_unsaved_edits_asks(qtbot, main_window, answers):
    workspace = main_window.workspace
    workspace.set_section(Section.PEOPLE)
    qtbot.keyClicks(workspace.editors.person_editor.form.notes, "x")
    answers.unsaved = QMessageBox.StandardButton.Cancel
    assert not main_window.close()
    assert main_window.isVisible()
    assert answers.asked == 1


def test_choosing_an_organisation_for_a_person(qtbot, main_window):
    store = main_window.store
    workspace = main_window.workspace
    workspace.set_section(Section.PEOPLE)
    main_window.new_record()
    form = workspace.editors.person_editor.form
    qtbot.keyClicks(form.family_name, "Li")
    usst = next(o for o in store.organisations.list() if o.short_name == "USST")
    form.organisation.set_organisation_id(usst.id)
    assert workspace.save()
    assert store.people.get(workspace.editors.shown_id()).organisation_id == usst.id


def test_dietary_needs_typed_on_the_form_are_saved(qtbot, main_window):
    store = main_window.store
    main_window.workspace.set_section(Section.PEOPLE)
    main_window.actions_.new_record.trigger()
    form = main_window.workspace.editors.person_editor.form
    qtbot.keyClicks(form.family_name, "Leung")
    qtbot.keyClicks(form.dietary_needs, "Halal")
    assert main_window.save()
    saved = store.people.get(main_window.workspace.editors.person_editor.record_id())
    assert saved.dietary_needs == "Halal"


def test_enter_on_a_person_in_the_list_goes_to_the_form(qtbot, main_window):
    workspace = main_window.workspace
    workspace.set_section(Section.PEOPLE)
    table = workspace.list_pane.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    form = workspace.editors.person_editor.form
    qtbot.waitUntil(form.family_name.hasFocus, timeout=2000)


def test_tab_goes_through_the_person_form_in_order(qtbot, main_window):
    workspace = main_window.workspace
    workspace.set_section(Section.PEOPLE)
    form = workspace.editors.person_editor.form
    # the fields the person's declaration puts on its form, in declaration order: a field added
    # there (docs/adding-a-field.md) is expected in its place without an edit here
    expected = [getattr(form, attribute(f.name)) for f in form_fields(Person)]
    assert expected[:3] == [form.family_name, form.given_name, form.name_order]
    form.family_name.setFocus()
    qtbot.waitUntil(form.family_name.hasFocus, timeout=2000)
    seen = []
    for _ in expected:
        seen.append(main_window.focusWidget())
        qtbot.keyClick(main_window.focusWidget(), Qt.Key.Key_Tab)
    assert seen == expected


def test_the_organisation_is_found_by_typing_part_of_its_name(qtbot, main_window):
    store = main_window.store
    workspace = main_window.workspace
    workspace.set_section(Section.PEOPLE)
    main_window.new_record()
    form = workspace.editors.person_editor.form
    qtbot.keyClicks(form.family_name, "Qian")
    picker = form.organisation
    qtbot.keyClicks(picker.lineEdit(), "Fudan")
    qtbot.waitUntil(lambda: picker.count() == 1, timeout=2000)  # the store's search
    assert picker.organisation_id() is None  # "Fudan" alone names no organisation yet
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    fudan = next(o for o in store.organisations.list() if o.short_name == "Fudan")
    assert picker.organisation_id() == fudan.id
    assert main_window.save()
    assert store.people.get(workspace.editors.shown_id()).organisation_id == fudan.id


def test_an_organisation_that_does_not_exist_is_refused_in_place(qtbot, main_window):
    workspace = main_window.workspace
    workspace.set_section(Section.PEOPLE)
    main_window.new_record()
    form = workspace.editors.person_editor.form
    qtbot.keyClicks(form.family_name, "Sun")
    qtbot.keyClicks(form.organisation.lineEdit(), "Nowhere Institute")
    assert not main_window.save()
    assert workspace.editors.person_editor.fields.is_marked("organisation")


def test_ctrl_n_puts_the_keyboard_in_the_new_record(qtbot, main_window):
    main_window.workspace.set_section(Section.PEOPLE)
    main_window.actions_.new_record.trigger()
    form = main_window.workspace.editors.person_editor.form
    qtbot.waitUntil(form.family_name.hasFocus, timeout=2000)
    qtbot.keyClicks(form.family_name, "Gao")
    qtbot.keyClick(form.family_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "GAO" in {row.name for row in main_window.store.people.list()}
    assert main_window.statusBar().currentMessage() == "Saved."


def test_a_chinese_honorific_typed_on_the_page_is_saved_and_exported(qtbot, main_window):
    """The field added by following docs/adding-a-field.md reaches the page and the file."""
    store = main_window.store
    main_window.workspace.set_section(Section.PEOPLE)
    main_window.actions_.new_record.trigger()
    editor = main_window.workspace.editors.person_editor
    qtbot.keyClicks(editor.form.family_name, "Ding")
    qtbot.keyClicks(editor.form.honorific, "Prof.")
    _type_chinese(editor.form.honorific_zh, "教授")
    assert editor.is_dirty()

    assert editor.save()

    person = store.people.get(editor.record_id())
    assert (person.honorific, person.honorific_zh) == ("Prof.", "教授")
    assert '"honorific_zh": "教授"' in store.interchange.export_json()


def _type_chinese(widget, text: str) -> None:
    """What an input method does when the user picks the characters: it commits them."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
