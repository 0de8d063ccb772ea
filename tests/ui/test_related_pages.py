"""A person's and an organisation's page list their meetings a page at a time, as they scroll."""

from __future__ import annotations

import pytest

from eventdesk.ui.main_window import MainWindow
from eventdesk.ui.sections import Section
from tests.ui.conftest import Answers, make_window


@pytest.fixture
def busy_window(qtbot, busy_org_store, settings, tmp_path):
    window: MainWindow = make_window(qtbot, busy_org_store, settings, tmp_path, Answers())
    yield window
    window.workspace.editors.revert()
    # A view scrolled to its end asks for a page on its last layout, after the store closed.
    editors = window.workspace.editors
    for editor in (editors.organisation_editor, editors.person_editor):
        editor.form.meetings.show_party(None, None)


def _meeting_titles(model):
    rows = [model.row(n) for n in range(model.rowCount())]
    return list(dict.fromkeys(r.title for r in rows))


def test_an_organisation_page_fetches_meetings_as_it_scrolls(qtbot, busy_window, monkeypatch):
    store = busy_window.store
    queries = []
    fetch = store.organisations.meetings
    monkeypatch.setattr(
        store.organisations,
        "meetings",
        lambda *a, **k: queries.append(k) or fetch(*a, **k),
    )
    editors = busy_window.workspace.editors
    table = editors.organisation_editor.form.meetings
    table.model_.page_size = 10
    busy_window.workspace.set_section(Section.ORGANISATIONS)
    busy_window.workspace.list_pane.select_id(store.busy_org_id)
    model = table.model_

    assert queries == [{"limit": 10, "offset": 0}]  # one query for the first page
    assert _meeting_titles(model) == [f"Meeting {n:02d}" for n in range(28, 18, -1)]
    assert model.canFetchMore()

    model.fetchMore()  # what the view does when scrolled near the end
    assert queries[-1] == {"limit": 10, "offset": 10}
    assert len(_meeting_titles(model)) == 20
    model.fetchMore()
    model.fetchMore()
    assert _meeting_titles(model)[-1] == "Meeting 00"
    assert not model.canFetchMore()
    assert len(queries) <= 5  # pages, never a query per row


def test_scrolling_the_view_fetches_the_next_page(qtbot, busy_window):
    store = busy_window.store
    table = busy_window.workspace.editors.organisation_editor.form.meetings
    table.model_.page_size = 5
    busy_window.workspace.set_section(Section.ORGANISATIONS)
    busy_window.workspace.list_pane.select_id(store.busy_org_id)
    first = table.model_.rowCount()
    table.scrollToBottom()
    qtbot.waitUntil(lambda: table.model_.rowCount() > first, timeout=10_000)

    def scrolled_to_the_end() -> bool:
        table.scrollToBottom()
        return _meeting_titles(table.model_)[-1] == "Meeting 00"

    qtbot.waitUntil(scrolled_to_the_end, timeout=10_000)


def test_a_persons_page_pages_too_and_opens_a_meeting(qtbot, busy_window):
    store = busy_window.store
    editor = busy_window.workspace.editors.person_editor
    editor.form.meetings.model_.page_size = 4
    busy_window.workspace.set_section(Section.PEOPLE)
    busy_window.workspace.list_pane.select_id(store.ding_id)
    model = editor.form.meetings.model_
    assert [model.row(n).title_held for n in range(model.rowCount())] == [
        f"Vice President {n}" for n in (28, 27, 26, 25)
    ]
    with qtbot.waitSignal(editor.openMeeting) as opened:
        editor.form.meetings.doubleClicked.emit(model.index(1, 1))
    assert store.meetings.get(opened.args[0]).title == "Meeting 27"
