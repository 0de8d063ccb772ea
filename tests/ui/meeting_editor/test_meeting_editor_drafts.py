"""Unsaved edits are kept as a crash draft and come back, unreadable text included."""

from __future__ import annotations

from eventdesk.ui import marking


def test_unsaved_edits_become_a_draft_and_come_back(
    sample_editor, sample_store, drive, editor_on, qtbot
):
    editor, store = sample_editor, sample_store
    meeting_id = editor.record_id()
    d = drive(editor)
    d.field(editor.details.view.edition, "2021/22")
    d.field(editor.details.view.start_date, "2021-02-30")
    d.open_tab(editor.sessions)
    editor.sessions.select(2)
    d.field(editor.sessions.start_time, "14:00")
    editor._draft_timer.setInterval(50)  # the test need not wait the real two seconds
    editor._draft_timer.start()
    qtbot.waitUntil(lambda: len(store.drafts.pending()) == 1, timeout=5000)
    (draft,) = store.drafts.pending()
    assert (draft.kind, draft.record_id) == ("meeting", meeting_id)
    assert draft.title.startswith("Annual Meeting")
    assert store.meetings.get(meeting_id).edition == "2021"  # nothing saved

    # "the crash": another editor on the same database takes the draft back
    again = editor_on(store)
    again.load(meeting_id)
    again.restore_draft(draft.payload)
    assert again.is_dirty()
    assert again.details.view.edition.text() == "2021/22"
    assert again.details.view.start_date.text() == "2021-02-30"
    assert marking.is_marked(again.details.view.start_date)
    assert str(again.meeting().sessions[2].start_time) == "14:00:00"
    assert again.save() is False  # the date that does not exist is still refused

    drive(again).field(again.details.view.start_date, "2021-12-22")
    assert again.save()
    assert store.meetings.get(meeting_id).edition == "2021/22"
    assert store.drafts.pending() == []


def test_reverting_drops_the_draft(sample_editor, sample_store, drive):
    d = drive(sample_editor)
    d.field(sample_editor.details.view.venue, "Zoom")
    sample_editor.write_draft()
    assert len(sample_store.drafts.pending()) == 1
    sample_editor.revert()
    assert sample_store.drafts.pending() == []
    assert sample_editor.details.view.venue.text() == "Online"


def test_a_draft_of_a_new_meeting_is_restored_as_new(editor, fresh_store, drive, tmp_path):
    d = drive(editor)
    editor.new()
    d.field(editor.details.view.title, "Visit of the HKU delegation")
    d.field(editor.details.view.start_date, "2022-03-01")
    editor.write_draft()
    (draft,) = fresh_store.drafts.pending()
    assert draft.record_id is None

    editor.new()
    editor.restore_draft(draft.payload)
    assert editor.record_id() is None
    assert editor.details.view.title.text() == "Visit of the HKU delegation"
    assert editor.save()
    assert fresh_store.drafts.pending() == []
    assert [m.title for m in fresh_store.meetings.list()] == ["Visit of the HKU delegation"]


def test_a_draft_may_hold_only_some_fields(sample_editor):
    """What the main window's test writes: a title over the meeting shown."""
    sample_editor.restore_draft({"title": "edited"})
    assert sample_editor.details.view.title.text() == "edited"
    assert sample_editor.attendees.model.rowCount() == 10
    assert sample_editor.is_dirty()


def test_the_main_window_offers_a_meeting_draft_back(
    qtbot, main_window, settings, tmp_path, answers, drive
):
    """In the program: edit, "crash", start again, restore from the recovery bar, save."""
    from tests.ui.conftest import make_window

    store = main_window.store
    (row,) = store.meetings.list()
    main_window.workspace.open_meeting(row.id)
    editor = main_window.workspace.editors.meeting_editor
    drive(editor).field(editor.details.view.venue, "Zoom")
    editor.write_draft()

    again = make_window(qtbot, store, settings, tmp_path, answers)
    assert not again.recovery_bar.isHidden()
    again.recovery_bar.restore_action.trigger()
    restored = again.workspace.editors.meeting_editor
    assert restored.record_id() == row.id
    assert restored.details.view.venue.text() == "Zoom"
    assert restored.is_dirty()
    assert restored.save()
    assert store.meetings.get(row.id).venue == "Zoom"
    assert store.drafts.pending() == []
    editor.revert()
