"""The File menu: import, export, backup, print, with file choosers answered by the test."""

from __future__ import annotations

import json
import sys

from PySide6.QtWidgets import QFileDialog

from eventdesk import paths


def test_export_then_import_into_an_empty_database(qtbot, main_window, tmp_path, monkeypatch):
    target = tmp_path / "all.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    main_window.actions_.export_database.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "eventdesk"
    assert len(document["meetings"]) == 1

    assert main_window.new_database(tmp_path / "second.sqlite3")
    assert main_window.store.meetings.count() == 0
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    task = main_window.import_file()
    assert not main_window.actions_.import_file.isEnabled()  # one import at a time
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert main_window.actions_.import_file.isEnabled()
    assert main_window.store.meetings.count() == 1
    assert main_window.workspace.list_pane.model().rowCount() == 1


def test_export_the_selected_meeting(main_window, tmp_path, monkeypatch):
    target = tmp_path / "one.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert main_window.export_meeting()
    assert json.loads(target.read_text(encoding="utf-8"))["scope"] == "meeting"


def test_a_refused_import_changes_nothing_and_says_why(qtbot, main_window, tmp_path, answers):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    before = main_window.store.people.count()
    with qtbot.waitSignal(main_window.import_file(bad).failed, timeout=10_000):
        pass
    assert main_window.store.people.count() == before
    assert answers.messages and "not imported" in answers.messages[-1]


def test_cancelled_file_choosers_do_nothing(main_window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert not main_window.import_file()
    assert not main_window.open_database()
    assert not main_window.new_database()
    assert not main_window.export_database()


def test_backup_writes_a_copy_beside_the_database(qtbot, main_window):
    with qtbot.waitSignal(main_window.backup().finished, timeout=10_000) as done:
        pass
    target = done.args[0]
    assert target is not None and target.is_file()
    assert target.parent.parent == main_window.store.path.parent


def test_print_opens_the_summary_preview_of_the_selected_meeting(main_window, monkeypatch):
    import types

    opened = []

    class FakePreview:
        def __init__(self, store, meeting_id, parent):
            opened.append((store, meeting_id, parent))

        def setAttribute(self, *args):
            pass

        def show(self):
            pass

    module = types.ModuleType("eventdesk.ui.summary_preview")
    module.SummaryPreviewDialog = FakePreview
    monkeypatch.setitem(sys.modules, "eventdesk.ui.summary_preview", module)
    main_window.actions_.print_summary.trigger()
    (meeting,) = main_window.store.meetings.list()
    assert opened == [(main_window.store, meeting.id, main_window)]


def test_the_example_meeting_file_is_shipped():
    assert paths.sample_meeting().is_file()


def test_print_shows_the_real_summary_preview(qtbot, main_window):
    from eventdesk.ui.summary_preview import SummaryPreviewDialog

    main_window.actions_.print_summary.trigger()
    (dialog,) = main_window.findChildren(SummaryPreviewDialog)
    assert dialog.isVisible()
    dialog.close()
