"""Another clerk saved the record first (issue 23, item 4): the editor asks, and nothing is lost.

Given the example meeting (or a person) open in the window, when another clerk saves it and
this clerk then saves their own edits, the store refuses them and the editor asks "Reload" or
"Keep mine as a copy" (answered here without a dialog, ``tests/ui/conftest.py``), naming who
saved. Reload shows the other clerk's version; Keep mine as a copy saves the edits as a new
record "… (copy by USER)" and shows it, the other's untouched; Cancel keeps the edits on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from eventdesk.store import EventStore
from eventdesk.store.versions import pc_user
from eventdesk.ui.conflict_question import ConflictChoice
from eventdesk.ui.sections import Section


def _another_clerk(store: EventStore, change) -> None:
    """Another EventDesk saves a change to the same file (as another clerk's would be)."""
    with EventStore.open(store.path) as other:
        change(other)


def _their_venue(other: EventStore) -> None:
    meeting = other.meetings.get(1)
    meeting.venue = "Their venue"
    other.meetings.save(meeting)


def _meeting_editor_with_my_venue(qtbot, window):
    window.workspace.set_section(Section.MEETINGS)
    window.workspace.list_pane.select_id(1)
    editor = window.workspace.editors.meeting_editor
    venue = editor.details.view.venue
    venue.selectAll()
    qtbot.keyClicks(venue, "My venue")
    qtbot.keyClick(venue, Qt.Key.Key_Tab)
    assert editor.is_dirty()
    return editor


def test_keep_mine_as_a_copy_saves_my_edits_as_a_new_meeting_beside_theirs(
    qtbot, main_window, conflict_answers
):
    store = main_window.store
    title = store.meetings.get(1).title
    editor = _meeting_editor_with_my_venue(qtbot, main_window)
    _another_clerk(store, _their_venue)
    conflict_answers.choice = ConflictChoice.COPY

    main_window.actions_.save.trigger()

    (asked,) = conflict_answers.asked
    assert asked.startswith(f"{pc_user()} saved this meeting at ")
    assert "after you opened it" in asked
    copy_id = editor.record_id()
    assert copy_id != 1 and not editor.is_dirty()
    kept = store.meetings.get(copy_id)
    assert (kept.title, kept.venue) == (f"{title} (copy by {pc_user()})", "My venue")
    assert len(kept.attendees) == len(store.meetings.get(1).attendees)
    assert store.meetings.get(1).venue == "Their venue"  # theirs untouched
    assert editor.details.view.venue.text() == "My venue"
    assert editor.heading.text().endswith(f"(copy by {pc_user()})")
    assert "saved as a new record" in editor.problems.text()
    assert main_window.workspace.list_pane.current_id() == copy_id  # the list shows it


def test_reload_drops_my_edits_and_shows_theirs(qtbot, main_window, conflict_answers):
    store = main_window.store
    editor = _meeting_editor_with_my_venue(qtbot, main_window)
    _another_clerk(store, _their_venue)
    conflict_answers.choice = ConflictChoice.RELOAD

    main_window.actions_.save.trigger()

    assert len(conflict_answers.asked) == 1
    assert editor.record_id() == 1 and not editor.is_dirty()
    assert editor.details.view.venue.text() == "Their venue"
    assert store.meetings.get(1).venue == "Their venue"
    assert [r.id for r in store.meetings.list()] == [1]  # no copy
    assert f"what {pc_user()} saved" in editor.problems.text()
    # and a save from here on is a save of theirs, at its version
    editor.details.view.venue.selectAll()
    qtbot.keyClicks(editor.details.view.venue, "Agreed venue")
    qtbot.keyClick(editor.details.view.venue, Qt.Key.Key_Tab)
    assert editor.save()
    assert store.meetings.get(1).venue == "Agreed venue"


def test_cancel_keeps_my_edits_on_screen_and_saves_nothing(qtbot, main_window, conflict_answers):
    store = main_window.store
    editor = _meeting_editor_with_my_venue(qtbot, main_window)
    _another_clerk(store, _their_venue)

    assert not editor.save()  # answered Cancel

    assert editor.is_dirty() and editor.details.view.venue.text() == "My venue"
    assert store.meetings.get(1).venue == "Their venue"
    assert "after you opened it" in editor.problems.text()


def test_a_person_saved_by_another_clerk_is_kept_as_a_copy(qtbot, main_window, conflict_answers):
    store = main_window.store
    ding = next(r for r in store.people.list() if r.name == "DING Xiaodong")
    main_window.workspace.set_section(Section.PEOPLE)
    main_window.workspace.list_pane.select_id(ding.id)
    editor = main_window.workspace.editors.person_editor
    form = editor.form
    form.phone.clear()
    qtbot.keyClicks(form.phone, "+86 21 5527 0000")

    def their_title(other: EventStore) -> None:
        person = other.people.get(ding.id)
        person.title = "Former President"
        other.people.save(person)

    _another_clerk(store, their_title)
    conflict_answers.choice = ConflictChoice.COPY
    qtbot.keyClick(form.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert conflict_answers.asked[0].startswith(f"{pc_user()} saved this person at ")
    kept = store.people.get(editor.record_id())
    assert kept.id != ding.id
    assert kept.display_name == f"DING Xiaodong (copy by {pc_user()})"
    assert kept.phone == "+86 21 5527 0000"
    theirs = store.people.get(ding.id)
    assert (theirs.title, theirs.phone) == ("Former President", "")
