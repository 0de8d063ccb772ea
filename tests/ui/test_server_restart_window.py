"""The window on a team database whose server stops in the middle of a clerk's typing
(issue 23, item 9).

Given the example meeting open in the window with unsaved typing, when the server stops,
then searching as you type raises no dialog (one line at the window's foot says the server
is gone, once) and the list keeps what it showed; saving says in one sentence that nothing
was saved and the typing stays in the editor. When the server is back, the window finds it
by itself (its retry timer), says so (the line above the form too: "… is back: save now"),
and the same save lands and shows in the list.

On a PostgreSQL of its own, since stopping the run's shared one would end other tests'
connections.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from eventdesk.store import EventStore
from eventdesk.store.engines import postgres_link
from eventdesk.ui import connection_banner
from eventdesk.ui.sections import Section
from tests.conftest import SAMPLE
from tests.postgres_server import start_or_skip
from tests.ui.conftest import make_window


@pytest.fixture(scope="module")
def server():
    running = start_or_skip()
    yield running
    running.stop()


@pytest.fixture
def team_window(qtbot, server, settings, tmp_path, answers, monkeypatch):
    monkeypatch.setattr(connection_banner, "RETRY_MS", 300)  # a test need not wait 5 s
    monkeypatch.setattr(postgres_link, "RETRY_EVERY", 0.1)
    name = server.create_database()
    address = server.address(name)
    store = EventStore.open(address)
    store.interchange.import_file(SAMPLE)
    window = make_window(qtbot, store, settings, tmp_path, answers)
    yield window
    window.workspace.editors.revert()
    window.close()
    store.close()
    server.drop_database(name)


def _type(qtbot, field, text: str) -> None:
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def test_a_server_stopped_mid_typing_loses_nothing_and_the_window_reconnects(
    qtbot, server, team_window, answers
):
    window = team_window
    pane = window.workspace.list_pane
    banner = window.connection_banner
    assert banner is not None and not banner.label.isVisible()
    window.workspace.set_section(Section.MEETINGS)
    pane.select_id(1)
    editor = window.workspace.editors.meeting_editor
    _type(qtbot, editor.details.view.title, "Annual meeting 2021, as typed")
    assert editor.is_dirty()
    shown = [pane.model().row(n).id for n in range(pane.model().rowCount())]

    server.halt()
    try:
        for key in "Pony":  # a search a keystroke (the worst case: the timer fired each time)
            qtbot.keyClicks(pane.search, key)
            pane.apply_search()
        assert answers.messages == []  # no dialog
        assert banner.down and banner.label.isVisible()
        assert banner.label.text().startswith(
            "The team database on 127.0.0.1 stopped answering: its server may be restarting"
        )
        assert [pane.model().row(n).id for n in range(pane.model().rowCount())] == shown

        assert not editor.save()
        assert editor.problems.text() == (
            "The team database on 127.0.0.1 stopped answering, so this was not saved: your "
            "changes are still in the editor; save again when it is back."
        )
        assert editor.is_dirty()
        assert editor.details.view.title.text() == "Annual meeting 2021, as typed"
        assert answers.messages == []
    finally:
        server.resume()

    qtbot.waitUntil(lambda: not banner.down, timeout=15_000)  # the retry timer found it
    assert not banner.label.isVisible()
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("The team database on 127.0.0.1 answers again.")
    )
    assert pane.model().text == "Pony"  # the search typed meanwhile, run again
    # the sentence above the form no longer says to wait for it
    assert editor.problems.isVisibleTo(editor) and editor.problems.text() == (
        "The team database on 127.0.0.1 is back: save now; your changes are still here."
    )

    window.actions_.save.trigger()
    assert not editor.is_dirty()
    assert not editor.problems.isVisibleTo(editor)
    assert window.store.meetings.get(1).title == "Annual meeting 2021, as typed"
    pane.search.clear()
    pane.apply_search()
    titles = [pane.model().display(pane.model().row(n), 1) for n in range(pane.model().rowCount())]
    assert titles == ["Annual meeting 2021, as typed"]
    assert answers.messages == []


def test_moving_through_a_list_while_the_server_is_down_raises_no_dialog(
    qtbot, server, team_window, answers
):
    window = team_window
    window.workspace.set_section(Section.PEOPLE)
    pane = window.workspace.list_pane
    pane.select_row(0)
    first = pane.current_id()
    server.halt()
    try:
        for row in (1, 2, 3):  # arrowing down the list: each row's record cannot be read
            pane.select_row(row)
        for section in (Section.COURSES, Section.ORGANISATIONS, Section.PEOPLE):
            window.workspace.set_section(section)  # lists never read yet, and read before
        assert answers.messages == []
        assert window.connection_banner.down
        assert "stopped answering" in window.statusBar().currentMessage()
    finally:
        server.resume()
    qtbot.waitUntil(lambda: not window.connection_banner.down, timeout=15_000)
    assert pane.current_id() == first  # People shows its first row again, as before
    assert window.workspace.editors.shown_id() == first  # read once the server is back


def test_a_server_switched_off_does_not_freeze_the_window_while_it_is_tried(
    qtbot, server, team_window, monkeypatch
):
    """A switched-off server answers nothing, and libpq waits its timeout: the window's retry
    asks beside it, so the window keeps answering meanwhile."""
    import psycopg

    window = team_window
    banner = window.connection_banner
    server.halt()
    try:
        window.workspace.refresh()  # the lists find it gone
        assert banner.down

        def silent(*_args, **_kwargs):
            time.sleep(2)  # no answer until libpq's timeout
            raise psycopg.OperationalError("connection failed: timeout expired")

        monkeypatch.setattr(postgres_link, "RETRY_EVERY", 0.0)  # tried at once
        with monkeypatch.context() as silenced:
            silenced.setattr(postgres_link.psycopg, "connect", silent)
            asking = banner.try_again()
            assert asking is not None and asking.is_alive()  # still waiting: not the window
            assert banner.try_again() is None  # one question at a time
            asking.join(10)
        assert banner.down
    finally:
        server.resume()
    monkeypatch.setattr(postgres_link, "RETRY_EVERY", 0.1)
    qtbot.waitUntil(lambda: not banner.down, timeout=15_000)


def test_a_person_saved_while_the_server_is_down_keeps_the_typing(
    qtbot, server, team_window, answers
):
    window = team_window
    window.workspace.set_section(Section.PEOPLE)
    pane = window.workspace.list_pane
    pane.select_row(0)
    person_id = pane.current_id()
    form = window.workspace.editors.person_editor.form
    form.phone.clear()
    qtbot.keyClicks(form.phone, "+86 21 5527 0000")
    server.halt()
    try:
        window.actions_.save.trigger()
        editor = window.workspace.editors.person_editor
        assert editor.message.text() == (
            "The team database on 127.0.0.1 stopped answering, so this was not saved: your "
            "changes are still in the editor; save again when it is back."
        )
        assert editor.is_dirty() and form.phone.text() == "+86 21 5527 0000"
        assert answers.messages == []
    finally:
        server.resume()
    qtbot.waitUntil(lambda: not window.connection_banner.down, timeout=15_000)
    assert editor.message.text() == (
        "The team database on 127.0.0.1 is back: save now; your changes are still here."
    )
    window.actions_.save.trigger()
    assert not editor.is_dirty() and not editor.message.isVisibleTo(editor)
    assert window.store.people.get(person_id).phone == "+86 21 5527 0000"
