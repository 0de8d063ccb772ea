"""Renaming a busy organisation saves at once; search catches up beside the window."""

from __future__ import annotations

import pytest

from eventdesk.store import core
from eventdesk.ui.sections import Section
from tests.ui.conftest import Answers, make_window


@pytest.fixture
def busy_window(qtbot, busy_org_store, settings, tmp_path):
    window = make_window(qtbot, busy_org_store, settings, tmp_path, Answers())
    yield window
    window.workspace.editors.revert()


def test_renaming_a_busy_organisation_reindexes_beside_the_window(qtbot, busy_window, monkeypatch):
    store = busy_window.store
    monkeypatch.setattr(core, "SEARCH_NOW", 5)  # 29 meetings count as many
    workspace = busy_window.workspace
    workspace.set_section(Section.ORGANISATIONS)
    workspace.list_pane.select_id(store.busy_org_id)
    editor = workspace.editors.organisation_editor
    editor.form.name.clear()
    qtbot.keyClicks(editor.form.name, "Universitas Novissima")

    with qtbot.waitSignal(busy_window.search_keeper.upToDate, timeout=20_000):
        assert busy_window.save()
        # The save came back before the documents were rebuilt: that is the worker's job.
        assert store.organisations.get(store.busy_org_id).name == "Universitas Novissima"
        assert busy_window.search_keeper.running is not None
        assert "search" in busy_window.statusBar().currentMessage()

    assert store.search.pending() == 0
    assert len(store.meetings.search("Novissima")) == 29
    assert store.meetings.search("Our University") == []
    assert busy_window.statusBar().currentMessage() == "Search is up to date."
    # The main list's search sees it too.
    workspace.set_section(Section.MEETINGS)
    workspace.list_pane.search.setText("Novissima")
    qtbot.waitUntil(lambda: workspace.list_pane.model().rowCount() == 29, timeout=5000)


def test_a_rename_of_a_quiet_organisation_needs_no_worker(qtbot, busy_window):
    store = busy_window.store
    workspace = busy_window.workspace
    workspace.set_section(Section.ORGANISATIONS)
    workspace.list_pane.select_id(store.partner_id)
    editor = workspace.editors.organisation_editor
    editor.form.name.clear()
    qtbot.keyClicks(editor.form.name, "Collegium Amicum")
    assert busy_window.save()
    assert busy_window.search_keeper.running is None
    assert store.search.pending() == 0
    assert len(store.meetings.search("Amicum")) == 20  # 15 attended, 5 more hosted
