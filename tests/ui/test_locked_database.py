"""A database open in another EventDesk may be opened read-only instead of refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.store import EventStore
from tests.other_program import held_open


@pytest.fixture
def locked_elsewhere(tmp_path: Path):
    """A database another EventDesk on this machine (a colleague's, by its lock) holds open."""
    path = tmp_path / "elsewhere.sqlite3"
    EventStore.open(path).close()
    with held_open(path, user="colleague"):
        yield path


def test_a_locked_database_can_be_opened_read_only(main_window, locked_elsewhere, monkeypatch):
    questions = []
    monkeypatch.setattr(main_window, "ask_read_only", lambda m: questions.append(m) or True)
    assert main_window.open_database(locked_elsewhere)
    assert questions and "colleague" in questions[0]
    assert main_window.store.read_only
    assert "read-only" in main_window.windowTitle()


def test_declining_read_only_keeps_the_current_database(main_window, locked_elsewhere, monkeypatch):
    first = main_window.store
    monkeypatch.setattr(main_window, "ask_read_only", lambda message: False)
    assert not main_window.open_database(locked_elsewhere)
    assert main_window.store is first


def test_a_read_only_database_offers_no_change(
    qtbot, main_window, locked_elsewhere, monkeypatch, answers
):
    from eventdesk.ui.sections import Section

    monkeypatch.setattr(main_window, "ask_read_only", lambda message: True)
    assert main_window.open_database(locked_elsewhere)
    main_window.workspace.set_section(Section.PEOPLE)
    new = main_window.actions_.new_record
    assert not new.isEnabled() and "read-only" in new.toolTip()
    assert not main_window.new_record()
    editor = main_window.workspace.editors.person_editor
    editor.new()  # shown as a page would be: its fields take no typing
    qtbot.keyClicks(editor.form.family_name, "Wu")
    assert editor.form.family_name.text() == "" and not editor.is_dirty()
    assert not editor.save()
    assert "read-only" in editor.message.text()
    assert main_window.store.people.count() == 0
