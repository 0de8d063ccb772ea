"""The unsaved-changes question names what changed, so the clerk can answer without looking."""

from __future__ import annotations

from eventdesk.ui import unsaved_changes
from eventdesk.ui.sections import Section


def _question(window) -> str:
    return unsaved_changes.question(window.workspace.editors.changes())


def test_a_meeting_shown_has_no_changes(qtbot, main_window):
    editor = main_window.workspace.editors.meeting_editor
    qtbot.waitUntil(lambda: editor.record_id() is not None)
    assert editor.changes() == []


def test_the_question_names_the_meetings_changed_parts(qtbot, main_window):
    """Given the example on show, when the clerk retypes its Chinese title and removes an
    attendee, then the question says the title and the attendees changed, nothing else."""
    editor = main_window.workspace.editors.meeting_editor
    qtbot.waitUntil(lambda: editor.record_id() is not None)
    qtbot.keyClicks(editor.details.view.title_zh, " (rev.)")
    editor.tabs.setCurrentWidget(editor.attendees)
    editor.attendees.select(0)
    editor.attendees.remove_button.click()

    assert editor.changes() == ["Title", "Attendees"]
    assert _question(main_window).endswith("Changed: Title, Attendees.")


def test_the_question_names_a_persons_changed_fields(qtbot, main_window):
    """Given a person on show, when phone and Chinese title are typed in, then the question
    names both, in the order of the form (the Chinese title is the title's twin)."""
    main_window.workspace.set_section(Section.PEOPLE)
    main_window.workspace.list_pane.select_row(0)
    form = main_window.workspace.editors.person_editor.form
    qtbot.keyClicks(form.phone, "0")
    qtbot.keyClicks(form.title_zh, " (acting)")

    assert _question(main_window).endswith("Changed: Current title, Phone.")
