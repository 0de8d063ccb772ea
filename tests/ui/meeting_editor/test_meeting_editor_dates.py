"""The meeting's dates typed as an office writes them, said back beside the field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from eventdesk.ui import date_edit


def test_2_april_2019_is_understood_and_said_back(editor, drive):
    d = drive(editor)
    editor.new()
    view = editor.details.view
    d.field(view.start_date, "2 April 2019")
    assert editor.meeting().start_date == date(2019, 4, 2)
    assert view.start_date_field.label.text() == "Tue 2 April 2019"
    d.field(view.end_date, "2019年4月3日")
    assert editor.meeting().end_date == date(2019, 4, 3)
    assert view.end_date_field.label.text() == "Wed 3 April 2019"


def test_a_date_that_does_not_exist_is_explained_in_words_beside_it(editor, drive):
    d = drive(editor)
    editor.new()
    view = editor.details.view
    d.field(view.start_date, "30/02/2021")
    label = view.start_date_field.label
    assert label.isVisible()
    assert "February 2021 has 28 days" in label.text()
    assert editor.save() is False


def test_the_ambiguous_date_follows_the_preference(editor, drive):
    d = drive(editor)
    editor.new()
    date_edit.set_day_first(False)
    try:
        d.field(editor.details.view.start_date, "02/04/2019")
        assert editor.meeting().start_date == date(2019, 2, 4)
    finally:
        date_edit.set_day_first(True)


def test_a_day_picked_on_the_calendar_is_recorded(editor, drive):
    editor.new()
    field = editor.decisions.fields.due_date_field
    d = drive(editor)
    d.open_tab(editor.decisions)
    d.click(editor.decisions.add_button)
    field.calendar.clicked.emit(QDate(2019, 4, 30))
    assert editor.meeting().decisions[0].due_date == date(2019, 4, 30)
    assert field.label.text() == "Tue 30 April 2019"
    assert editor.is_dirty()
