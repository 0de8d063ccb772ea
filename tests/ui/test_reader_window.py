"""A reader's window (issue 23, item 6): the leadership's login on a team database, or a file
open read-only, can search, read and print, but not change, and the window says so before a
word is typed: the meeting's fields take no typing, Save is not offered, New meeting is off
saying why; and a store that begins refusing writes with the window open is followed, the
typed text still on show and copyable.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from eventdesk import paths
from eventdesk.store import EventStore
from eventdesk.ui.read_only_bar import READ_ONLY
from eventdesk.ui.sections import Section
from tests.conftest import SAMPLE
from tests.store import test_team_setup
from tests.store.test_team_setup import REFUSAL
from tests.summary.conftest import pdf_text
from tests.ui.conftest import make_window

office = test_team_setup.office

TITLE = "Annual Meeting and Exchange Symposium of the Shanghai-Hong Kong University Alliance 2021"


@pytest.fixture(autouse=True)
def user_data(tmp_path: Path, monkeypatch) -> Path:
    """The summary's templates folder in the test's own folder, not the user's."""
    folder = tmp_path / "userdata"
    folder.mkdir()
    monkeypatch.setattr(paths, "data_dir", lambda: folder)
    return folder


@pytest.fixture(params=["file", "team"])
def reader(request, sample_store, db_path, settings, tmp_path, answers, qtbot):
    """A reader's window on the example meeting, and the sentence saying why it only reads:
    the file open read-only, or a team database on the reader's login of docs/team.md."""
    if request.param == "file":
        sample_store.close()
        store = EventStore.open(db_path, create=False, read_only=True)
        why = READ_ONLY
    else:
        office = request.getfixturevalue("office")
        EventStore.open(office("office_it")).close()  # the owner sets the tables up
        with EventStore.open(office("clerk1")) as clerk:
            clerk.interchange.import_file(SAMPLE)
        store = EventStore.open(office("leader"), create=False)
        why = REFUSAL
    window = make_window(qtbot, store, settings, tmp_path, answers)
    yield window, why
    window.close()
    store.close()


def _meeting_page(window):
    window.workspace.set_section(Section.MEETINGS)
    pane = window.workspace.list_pane
    (meeting_id,) = [pane.model().row(n).id for n in range(pane.model().rowCount())]
    pane.select_id(meeting_id)
    editor = window.workspace.editors.meeting_editor
    assert editor.record_id() == meeting_id
    return editor


def _type(qtbot, widget, text: str) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    QApplication.processEvents()
    qtbot.keyClicks(widget, text)


def test_a_reader_reads_searches_and_prints_but_types_nothing(qtbot, reader, tmp_path, answers):
    window, why = reader
    # Given a reader's window on the meeting a clerk entered
    editor = _meeting_page(window)
    title = editor.details.view.title
    assert title.text() == TITLE

    # when the reader types into its title
    _type(qtbot, title, " (draft)")

    # then nothing is taken: the field is read-only, the page unchanged, nothing to save
    assert title.isReadOnly() and title.text() == TITLE
    assert not editor.is_dirty()
    assert editor.save_button.isHidden() and editor.revert_button.isHidden()
    assert not window.actions_.save.isEnabled()
    view = editor.details.view  # its choices show their values, turned off though shown
    assert not view.format.isEnabled() and view.format.currentText() == "Online"
    assert view.hosts.finder.isHidden()  # "Add host: type…" is not offered
    assert view.background.toPlainText() == "" and view.background.placeholderText() == ""
    # and New meeting (and the other changes) are off, saying why in the bar's sentence
    new = window.actions_.new_record
    assert not new.isEnabled() and why in new.toolTip()
    for action in (window.actions_.import_file, window.actions_.delete, window.actions_.merge):
        assert not action.isEnabled() and why in action.toolTip()
    assert window.read_only_bar.isVisible() and why in window.read_only_bar.label.text()
    # the rows of a part can be read, not added or removed
    attendees = editor.attendees
    assert attendees.model.rowCount() > 0 and attendees.remove_button.isHidden()
    assert attendees.finder.isHidden() and not attendees.new_person_button.isVisible()
    assert editor.photos.hint.isHidden()  # "Drop image files here to add them." is not said

    # and search finds the meeting
    pane = window.workspace.list_pane
    _type(qtbot, pane.search, "Alliance")
    qtbot.waitUntil(lambda: pane.model().text == "Alliance", timeout=5000)
    assert pane.model().rowCount() == 1
    assert "Alliance" in pane.model().display(pane.model().row(0), 1)

    # and the summary exports to a PDF carrying the meeting
    dialog = window._summary_dialog()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.pages > 0, timeout=10_000)
    written = dialog.export_to(tmp_path / "summary.pdf")
    dialog.close()
    assert written is not None and "Shanghai-Hong Kong University Alliance" in pdf_text(written)
    assert answers.messages == []


def test_the_page_follows_a_store_that_begins_refusing_writes(qtbot, main_window, tmp_path):
    # Given a clerk's window with a meeting being edited
    window = main_window
    editor = _meeting_page(window)
    title = editor.details.view.title
    title.end(False)
    _type(qtbot, title, " (draft)")
    assert editor.is_dirty() and not title.isReadOnly()
    assert window.actions_.new_record.isEnabled()

    # when the store begins refusing writes, told from another thread (a check beside it)
    refusing = threading.Thread(target=window.store.refuse_writes)
    refusing.start()
    refusing.join()

    # then the page follows: its fields read-only, what was typed still there to copy
    qtbot.waitUntil(title.isReadOnly, timeout=5000)
    assert title.text() == TITLE + " (draft)"
    title.selectAll()
    assert title.selectedText() == TITLE + " (draft)"
    _type(qtbot, title, "more")
    assert title.text() == TITLE + " (draft)"
    assert editor.save_button.isHidden()
    assert "(read-only)" in editor.heading.text()
    # and the commands that would change it are off, the bar saying why
    new = window.actions_.new_record
    assert not new.isEnabled() and READ_ONLY in new.toolTip()
    assert window.read_only_bar.isVisible()
    assert "(read-only)" in window.windowTitle()
    # a person's page built after it shows read-only too
    window.workspace.set_section(Section.PEOPLE)
    person = window.workspace.editors.person_editor
    person.load(window.store.people.list()[0].id)
    assert person.form.family_name.isReadOnly()
    assert person.form.heading.text().endswith("(read-only)")
    hint = editor.details.view.background
    assert hint.placeholderText() == ""  # no grey example to be read as the record's
    editor.set_editable(True)  # the switch puts back what it changed (teardown reverts)
    assert not title.isReadOnly() and not editor.save_button.isHidden()
    assert hint.placeholderText() != ""


def test_a_key_clicked_into_a_read_only_list_adds_no_row(qtbot, reader):
    window, _why = reader
    editor = _meeting_page(window)
    tab = editor.sessions
    before = tab.model.rowCount()
    editor.tabs.setCurrentWidget(tab)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    qtbot.keyClick(tab.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert tab.model.rowCount() == before and not editor.is_dirty()


def test_a_readers_preferences_show_the_offices_choices_without_offering_them(qtbot, reader):
    window, why = reader
    dialog = window.show_preferences()
    try:
        # the office's choices kept in the database are shown, off, saying why
        for kept in (dialog.organisation, dialog.chinese_script, dialog.convert_names):
            assert not kept.isEnabled() and why in kept.toolTip()
        # and this PC's own choices are still the reader's to make
        assert dialog.page_size.isEnabled() and dialog.day_first.isEnabled()
        assert not window.workspace.list_pane.ours_button.isVisible()
    finally:
        dialog.reject()


def test_a_read_only_window_offers_no_draft_it_could_not_keep(
    qtbot, sample_store, db_path, settings, tmp_path, answers
):
    # Given a crash draft kept in the file by the clerk who writes it
    (row,) = sample_store.meetings.list()
    sample_store.drafts.save("meeting", row.id, "the annual meeting", {"title": "edited"})
    assert sample_store.drafts.pending()
    sample_store.close()
    # when the file is opened read-only
    store = EventStore.open(db_path, create=False, read_only=True)
    try:
        window = make_window(qtbot, store, settings, tmp_path, answers)
        # then no draft is offered: restored, it could be neither saved nor discarded
        assert window.pending_drafts() == [] and not window.recovery_bar.isVisible()
        window.close()
    finally:
        store.close()


def test_a_clerk_made_a_reader_with_the_window_open_keeps_what_they_typed(
    qtbot, office, postgres_server, settings, tmp_path, answers
):
    # Given a clerk's window on the team database, a meeting's title being edited
    EventStore.open(office("office_it")).close()
    with EventStore.open(office("clerk1")) as clerk:
        clerk.interchange.import_file(SAMPLE)
    store = EventStore.open(office("clerk1"), create=False)
    window = make_window(qtbot, store, settings, tmp_path, answers)
    editor = _meeting_page(window)
    title = editor.details.view.title
    title.end(False)
    _type(qtbot, title, " (draft)")
    assert editor.is_dirty() and window.actions_.new_record.isEnabled()
    # when the office's IT makes the login a reader's, and the clerk saves
    admin = postgres_server._admin_connection()
    admin.execute("REVOKE eventdesk_clerk FROM clerk1")
    admin.execute("GRANT eventdesk_reader TO clerk1")
    assert not editor.save()
    # then the save says why, in the reader's sentence, and the page turns read-only,
    # what was typed still on it
    assert REFUSAL in editor.problems.text()
    assert title.isReadOnly() and title.text() == TITLE + " (draft)"
    assert editor.save_button.isHidden()
    new = window.actions_.new_record
    assert not new.isEnabled() and REFUSAL in new.toolTip()
    assert window.read_only_bar.isVisible() and REFUSAL in window.read_only_bar.label.text()
    editor.revert()  # the edits dropped, the window closes without a question
    window.workspace.editors.show_placeholder()  # nothing to read again once the store closes
    assert window.close()
    store.close()


def test_a_file_another_pc_took_over_turns_the_page_read_only(qtbot, main_window, db_path):
    import json
    from datetime import datetime

    from eventdesk.store.lock import lock_path

    # Given a meeting being edited in a clerk's window
    window = main_window
    editor = _meeting_page(window)
    title = editor.details.view.title
    title.end(False)
    _type(qtbot, title, " (draft)")
    # when another PC takes the file over, and the clerk saves
    since = datetime.now().astimezone().isoformat("T", "seconds")
    theirs = {"user": "liwei", "host": "PC-12", "pid": 4242, "since": since}
    lock_path(db_path).write_text(json.dumps(theirs), encoding="utf-8")
    assert not editor.save()
    # then the save names who took it, the page is read-only with the title as typed,
    # and the bar says so
    assert "liwei on PC-12 took" in editor.problems.text()
    assert title.isReadOnly() and title.text() == TITLE + " (draft)"
    assert (
        "liwei on PC-12" in window.read_only_bar.label.toolTip() + window.read_only_bar.label.text()
    )
    assert not window.actions_.new_record.isEnabled()
    editor.set_editable(True)
