"""Edits a crash would lose are kept as drafts and offered back at the next start."""

from __future__ import annotations

from eventdesk.ui.sections import Section
from tests.ui.conftest import make_window


def _ding(store):
    return next(p for p in store.people.list() if p.name == "DING Xiaodong")


def test_unsaved_person_edits_become_a_draft_and_come_back(
    qtbot, main_window, settings, tmp_path, answers
):
    store = main_window.store
    ding = _ding(store)
    main_window.workspace.set_section(Section.PEOPLE)
    main_window.workspace.list_pane.select_id(ding.id)
    editor = main_window.workspace.editors.person_editor
    editor._draft_timer.setInterval(50)  # the test need not wait the real two seconds
    qtbot.keyClicks(editor.form.notes, "Met him in Hong Kong.")
    qtbot.waitUntil(lambda: len(store.drafts.pending()) == 1, timeout=5000)
    (draft,) = store.drafts.pending()
    assert (draft.kind, draft.record_id, draft.title) == ("person", ding.id, "DING Xiaodong")

    # "the crash": a new window on the same database, the old one never closed properly
    again = make_window(qtbot, store, settings, tmp_path, answers)
    assert not again.recovery_bar.isHidden()
    assert "DING Xiaodong" in again.recovery_bar.label.text()

    again.recovery_bar.restore_action.trigger()

    restored = again.workspace.editors.person_editor
    assert again.workspace.section() is Section.PEOPLE
    assert restored.form.notes.toPlainText() == "Met him in Hong Kong."
    assert restored.is_dirty()
    assert again.recovery_bar.isHidden()
    assert restored.save()
    assert store.people.get(ding.id).notes == "Met him in Hong Kong."
    assert store.drafts.pending() == []
    main_window.workspace.editors.revert()


def test_saving_or_discarding_removes_the_draft(qtbot, main_window, answers):
    store = main_window.store
    main_window.workspace.set_section(Section.ORGANISATIONS)
    editor = main_window.workspace.editors.organisation_editor
    editor.form.founded.clear()
    qtbot.keyClicks(editor.form.founded, "2021-02-30")
    editor.write_draft()
    (draft,) = store.drafts.pending()
    assert ["founded", "2021-02-30"] in [entry[1:3] for entry in draft.payload["typed"]]

    editor.revert()
    assert store.drafts.pending() == []

    qtbot.keyClicks(editor.form.city, "x")
    editor.write_draft()
    assert len(store.drafts.pending()) == 1
    assert editor.save()
    assert store.drafts.pending() == []


def test_a_draft_of_a_new_person_is_restored_as_new(
    qtbot, main_window, settings, tmp_path, answers
):
    store = main_window.store
    main_window.workspace.set_section(Section.PEOPLE)
    main_window.new_record()
    editor = main_window.workspace.editors.person_editor
    qtbot.keyClicks(editor.form.family_name, "Zhou")
    editor.write_draft()
    count = store.people.count()

    again = make_window(qtbot, store, settings, tmp_path, answers)
    (draft,) = again.pending_drafts()
    assert again.restore_draft(draft)
    restored = again.workspace.editors.person_editor
    assert restored.record_id() is None
    assert restored.form.family_name.text() == "Zhou"
    assert restored.save()
    assert store.people.count() == count + 1
    main_window.workspace.editors.revert()


def test_discarding_a_recovered_draft(qtbot, main_window, settings, tmp_path, answers):
    store = main_window.store
    main_window.workspace.set_section(Section.PEOPLE)
    qtbot.keyClicks(main_window.workspace.editors.person_editor.form.phone, "123")
    main_window.workspace.editors.person_editor.write_draft()
    again = make_window(qtbot, store, settings, tmp_path, answers)
    again.recovery_bar.discard_action.trigger()
    assert store.drafts.pending() == []
    assert again.recovery_bar.isHidden()
    main_window.workspace.editors.revert()


def test_meeting_drafts_are_offered_once_the_meeting_editor_can_take_them(
    qtbot, main_window, monkeypatch
):
    store = main_window.store
    (meeting,) = store.meetings.list()
    store.drafts.save("meeting", meeting.id, "the annual meeting", {"title": "edited"})
    workspace = main_window.workspace
    editor = workspace.editors.meeting_editor
    if not callable(getattr(editor, "restore_draft", None)):
        assert workspace.pending_drafts() == []  # left alone for the meeting editor
    taken = []
    monkeypatch.setattr(editor, "restore_draft", taken.append, raising=False)
    (draft,) = workspace.pending_drafts()
    assert main_window.restore_draft(draft)
    assert taken == [{"title": "edited"}]
    assert workspace.editors.shown_id() == meeting.id
