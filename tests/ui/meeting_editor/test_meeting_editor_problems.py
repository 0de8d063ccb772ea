"""Problems are refused in place: the field is marked, nothing is saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication

from eventdesk.store import EventStore
from eventdesk.store.interchange import export_meeting
from eventdesk.ui import marking


def test_a_date_that_does_not_exist_is_refused_in_place(sample_editor, sample_store, drive):
    editor, store = sample_editor, sample_store
    meeting_id = editor.record_id()
    before = export_meeting(store, meeting_id)
    d = drive(editor)
    field = editor.details.view.start_date

    d.field(field, "2021-02-30")

    assert marking.is_marked(field)
    assert "February 2021 has 28 days" in field.toolTip()
    assert editor.is_dirty()
    saved = []
    editor.saved.connect(saved.append)
    assert editor.save() is False
    assert saved == []
    assert editor.problems.isVisible()
    assert "start date" in editor.problems.text()
    assert export_meeting(store, meeting_id) == before
    assert marking.is_marked(field)  # still marked after the refused save

    d.field(field, "2021-12-23")
    assert not marking.is_marked(field)
    assert editor.save()
    assert store.meetings.get(meeting_id).start_date == date(2021, 12, 23)


def test_an_unreadable_time_in_another_row_is_found_on_save(sample_editor, sample_store, drive):
    editor, store = sample_editor, sample_store
    before = export_meeting(store, editor.record_id())
    d = drive(editor)
    tab = editor.sessions
    d.open_tab(tab)
    tab.select(1)
    d.field(tab.start_time, "25:00")
    assert marking.is_marked(tab.start_time)
    tab.select(0)  # away from the bad row: the typed text is kept for it
    assert not marking.is_marked(tab.start_time)
    d.open_tab(editor.details)

    d.open_tab(editor.courses)
    d.type(editor.courses.title, "")  # and a problem the records layer finds

    assert editor.save() is False
    assert editor.tabs.currentWidget() is tab
    assert tab.current_row() == 1
    assert tab.start_time.text() == "25:00"
    assert "session 2: start time" in editor.problems.text()
    assert "course 1: title is required" in editor.problems.text()
    bar = editor.tabs.tabBar()
    red = [bar.tabTextColor(n).name() for n in range(editor.tabs.count())]
    assert red[editor.tabs.indexOf(tab)] == red[editor.tabs.indexOf(editor.courses)] == "#c62828"
    assert red[editor.tabs.indexOf(editor.details)] != "#c62828"
    assert marking.is_marked(tab.start_time)
    assert "HH:MM" in tab.start_time.toolTip()
    assert export_meeting(store, editor.record_id()) == before


def test_validation_problems_are_marked_on_their_row_and_field(sample_editor, sample_store, drive):
    editor, store = sample_editor, sample_store
    before = export_meeting(store, editor.record_id())
    d = drive(editor)
    d.open_tab(editor.courses)
    editor.courses.select(1)
    d.field(editor.courses.year, "1066")
    d.type(editor.courses.title, "")
    d.open_tab(editor.decisions)
    editor.decisions.select(0)
    d.field(editor.decisions.count, "-3")

    assert editor.save() is False

    assert editor.tabs.currentWidget() is editor.courses
    assert editor.courses.current_row() == 1
    for widget, message in (
        (editor.courses.title, "is required"),
        (editor.courses.year, "1066 is not a plausible year"),
    ):
        assert marking.is_marked(widget)
        assert message in widget.toolTip()
    editor.decisions.select(0)
    assert marking.is_marked(editor.decisions.count)
    assert "cannot be negative" in editor.decisions.count.toolTip()
    assert export_meeting(store, editor.record_id()) == before

    # fixing one field clears its mark; the rest stay until fixed
    d.field(editor.decisions.count, "10")
    assert not marking.is_marked(editor.decisions.count)
    assert editor.save() is False
    d.open_tab(editor.courses)
    d.field(editor.courses.title, "Learning Entrepreneurship by Knowing and Doing")
    d.field(editor.courses.year, "2021")
    assert editor.save()
    assert export_meeting(store, editor.record_id()) == before


def test_a_new_meeting_needs_a_title_and_a_date(editor):
    editor.new()
    assert editor.save() is False
    for widget in (editor.details.view.title, editor.details.view.start_date):
        assert marking.is_marked(widget)
        assert "is required" in widget.toolTip()
    assert editor.record_id() is None


def test_a_presentation_without_presenter_or_title_is_marked_on_its_presenters(
    sample_editor, drive
):
    editor = sample_editor
    d = drive(editor)
    tab = editor.presentations
    d.open_tab(tab)
    tab.select(0)
    tab.presenters.list.setCurrentRow(0)
    d.click(tab.presenters.remove_button)
    assert editor.save() is False
    assert editor.tabs.currentWidget() is tab
    assert marking.is_marked(tab.presenters)
    assert marking.is_marked(tab.presenters.list)
    assert "name a presenter or a title" in tab.presenters.list.toolTip()
    assert "presentation 1" in editor.problems.text()
    d.pick(tab.presenters.finder, "Cheng", "CHENG Danhong")
    assert not marking.is_marked(tab.presenters.list)
    assert editor.save()


def test_a_read_only_database_is_shown_but_not_saved(
    qtbot, sample_store, db_path, editor_on, drive
):
    (row,) = sample_store.meetings.list()
    sample_store.close()
    store = EventStore.open(db_path, read_only=True)
    try:
        editor = editor_on(store)
        editor.load(row.id)
        assert editor.attendees.model.rowCount() == 10
        assert editor.save_button.isHidden() and editor.revert_button.isHidden()
        edition = editor.details.view.edition
        before = edition.text()
        drive(editor).field(edition, "2021/22")  # typed into a read-only field: nothing taken
        assert edition.isReadOnly() and edition.text() == before
        assert not editor.is_dirty()
        assert editor.attendees.remove_button.isHidden() and editor.attendees.finder.isHidden()
        assert not editor.attendees.export_button.isHidden()  # exporting only reads
        assert editor.save() is False
        assert "read-only" in editor.problems.text()
        assert "(read-only)" in editor.heading.text()
    finally:
        store.close()


def test_a_title_pasted_with_an_escape_is_refused_naming_the_field(sample_editor, sample_store):
    editor, store = sample_editor, sample_store
    meeting_id = editor.record_id()
    before = export_meeting(store, meeting_id)
    field = editor.details.view.title
    QApplication.clipboard().setText(" in red\x1b[31m")  # as a copy from a terminal brings it
    field.setFocus()
    field.end(False)
    field.paste()

    assert editor.save() is False

    assert editor.problems.isVisible()
    assert "title" in editor.problems.text()
    assert "control character U+001B (ESC)" in editor.problems.text()
    assert export_meeting(store, meeting_id) == before


def test_a_bad_attendee_row_is_refused_by_the_store_on_its_row(sample_editor, sample_store, drive):
    """The store's one check finds it; its problem's part and row take the editor there."""
    editor, store = sample_editor, sample_store
    meeting_id = editor.record_id()
    before = export_meeting(store, meeting_id)
    d = drive(editor)
    tab = editor.attendees
    d.open_tab(tab)
    tab.select(2)
    QApplication.clipboard().setText("Dean\x07")  # a bell, as a copy from a terminal brings it
    tab.title.setFocus()
    tab.title.end(False)
    tab.title.paste()
    tab.select(0)  # away from the bad row
    d.open_tab(editor.details)
    saved = []
    editor.saved.connect(saved.append)

    assert editor.save() is False

    assert saved == []
    assert editor.problems.isVisible()
    assert "attendee 3: title" in editor.problems.text()
    assert "control character U+0007 (BEL)" in editor.problems.text()
    assert editor.tabs.currentWidget() is tab
    assert tab.current_row() == 2
    assert marking.is_marked(tab.title)
    assert "U+0007" in tab.title.toolTip()
    assert export_meeting(store, meeting_id) == before
