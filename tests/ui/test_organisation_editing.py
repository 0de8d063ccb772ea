"""Editing an organisation on its page, and what the store then holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from eventdesk.records import Organisation
from eventdesk.records.fields import form_fields
from eventdesk.ui.record_rows import attribute
from eventdesk.ui.sections import Section


def test_a_country_typed_on_the_page_is_saved(qtbot, main_window):
    store = main_window.store
    workspace = main_window.workspace
    workspace.set_section(Section.ORGANISATIONS)
    main_window.new_record()
    editor = workspace.editors.organisation_editor
    qtbot.keyClicks(editor.form.name, "Yonsei University")
    qtbot.keyClicks(editor.form.country, "South Korea")
    _type_chinese(editor.form.country_zh, "韩国")
    assert editor.save()
    saved = store.organisations.get(editor.record_id())
    assert (saved.country, saved.country_zh) == ("South Korea", "韩国")


def test_tab_goes_through_the_organisation_form_in_order(qtbot, main_window):
    workspace = main_window.workspace
    workspace.set_section(Section.ORGANISATIONS)
    main_window.new_record()
    form = workspace.editors.organisation_editor.form
    # the fields the declaration puts on the form, in declaration order (docs/adding-a-field.md)
    expected = [getattr(form, attribute(f.name)) for f in form_fields(Organisation)]
    assert form.country in expected and form.country_zh in expected
    form.name.setFocus()
    qtbot.waitUntil(form.name.hasFocus, timeout=2000)
    seen = []
    for _ in expected:
        seen.append(main_window.focusWidget())
        qtbot.keyClick(main_window.focusWidget(), Qt.Key.Key_Tab)
    assert seen == expected


def _type_chinese(widget, text: str) -> None:
    """What an input method does when the user picks the characters: it commits them."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
