"""The window on a file another PC has, or on a network drive (issue 23, item 8).

A lock only another PC's record holds (that PC crashed) is asked about: open
read-only, take over, or cancel. One its EventDesk holds right now can only be
read. A file on a network drive opens read-only, saying why in the status bar.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from eventdesk.store import EventStore
from eventdesk.store.lock import read_holder
from eventdesk.store.network_drive import FORCE_VARIABLE
from eventdesk.ui.opening import Choice, open_for_window, take_over_question
from tests.other_program import held_open

OTHER_PC = "OFFICE-PC-7"


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    (tmp_path / "office").mkdir()
    path = tmp_path / "office" / "office.sqlite3"
    EventStore.open(path).close()
    return path


@pytest.fixture
def left_by_a_crashed_pc(elsewhere: Path) -> Path:
    """A database whose other PC crashed while it had it open: only its record is left."""
    with held_open(elsewhere, user="chen", host=OTHER_PC) as other:
        other.kill()
        other.wait(timeout=30)
    return elsewhere


def test_a_crashed_pcs_file_is_taken_over_after_the_question(
    main_window, left_by_a_crashed_pc, answers
):
    answers.take_over = Choice.TAKE_OVER
    assert main_window.open_database(left_by_a_crashed_pc)
    (asked,) = answers.take_overs_asked
    assert f"office.sqlite3 is being edited on {OTHER_PC} by chen since " in asked
    assert "may be lost" in asked
    assert not main_window.store.read_only
    assert "(read-only)" not in main_window.windowTitle()
    holder = read_holder(left_by_a_crashed_pc)
    assert (holder.host, holder.pid) == (socket.gethostname(), os.getpid())


def test_a_crashed_pcs_file_may_be_opened_read_only_instead(
    main_window, left_by_a_crashed_pc, answers
):
    answers.take_over = Choice.READ_ONLY
    assert main_window.open_database(left_by_a_crashed_pc)
    assert main_window.store.read_only and "(read-only)" in main_window.windowTitle()
    assert read_holder(left_by_a_crashed_pc).host == OTHER_PC  # its record is left as it was


def test_cancel_keeps_the_database_shown(main_window, left_by_a_crashed_pc, answers):
    first = main_window.store
    answers.take_over = Choice.CANCEL
    assert not main_window.open_database(left_by_a_crashed_pc)
    assert main_window.store is first
    assert read_holder(left_by_a_crashed_pc).host == OTHER_PC


def test_a_file_in_use_on_another_pc_is_offered_read_only_only(
    main_window, elsewhere, answers, monkeypatch
):
    asked: list[str] = []
    monkeypatch.setattr(main_window, "ask_read_only", lambda m: asked.append(m) or True)
    with held_open(elsewhere, user="chen", host=OTHER_PC):
        assert main_window.open_database(elsewhere)
        assert main_window.store.read_only
    assert answers.take_overs_asked == []
    assert f"in use right now on {OTHER_PC} by chen" in asked[0]


def test_a_take_over_refused_because_the_pc_came_back_offers_read_only(
    left_by_a_crashed_pc, answers
):
    read_only_asked: list[str] = []
    with contextlib.ExitStack() as other_pc:

        def came_back(_message: str) -> Choice:
            # Given the other PC opening the file again while the question was up
            other_pc.enter_context(held_open(left_by_a_crashed_pc, user="chen", host=OTHER_PC))
            return Choice.TAKE_OVER

        # when the answer is Take over
        store = open_for_window(
            left_by_a_crashed_pc,
            create=False,
            ask_read_only=lambda m: read_only_asked.append(m) or True,
            show_error=answers.messages.append,
            ask_take_over=came_back,
        )
        # then nothing is taken: it opens read-only, told the file is in use right now
        assert store is not None and store.read_only
        store.close()
        assert f"in use right now on {OTHER_PC}" in read_only_asked[0]
        assert answers.messages == []


def _answer(button_text: str, seen: list[QMessageBox]):
    def exec_(box: QMessageBox) -> int:
        seen.append(box)
        (button,) = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
        button.click()
        return 0

    return exec_


@pytest.mark.parametrize(
    ("button", "choice"),
    [
        ("Take over", Choice.TAKE_OVER),
        ("Open read-only", Choice.READ_ONLY),
        ("Cancel", Choice.CANCEL),
    ],
)
def test_the_question_has_three_answers(qtbot, monkeypatch, button, choice):
    seen: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", _answer(button, seen))
    message = "office.sqlite3 is being edited on PC-7 by chen since 10:42. Edits may be lost."
    assert take_over_question(None, message) is choice
    assert seen[0].text() == "office.sqlite3 is being edited on PC-7 by chen since 10:42."
    assert seen[0].informativeText() == "Edits may be lost."
    assert seen[0].defaultButton().text() == "Open read-only"  # Enter takes nothing over


# -- a network drive -------------------------------------------------------------------


def test_a_file_on_a_network_drive_opens_read_only_saying_why(
    qtbot, main_window, elsewhere, answers, monkeypatch
):
    monkeypatch.setenv(FORCE_VARIABLE, "\\\\server\\share")
    assert main_window.open_database(elsewhere)
    assert main_window.store.read_only
    assert "(read-only)" in main_window.windowTitle()
    status = main_window.statusBar().currentMessage()
    assert status.startswith("office.sqlite3 is on a network drive (\\\\server\\share); ")
    assert "Copy it to this PC, or use a team database." in status
    assert answers.messages == [] and answers.take_overs_asked == []  # no dialog to answer


def test_no_new_database_is_made_on_a_network_drive(main_window, tmp_path, answers, monkeypatch):
    monkeypatch.setenv(FORCE_VARIABLE, "1")
    first = main_window.store
    assert not main_window.new_database(tmp_path / "new.sqlite3")
    assert main_window.store is first
    assert "is on a network drive" in answers.messages[0]
    assert not (tmp_path / "new.sqlite3").exists()


def test_the_window_writes_no_backup_onto_a_network_drive(
    qtbot, main_window, elsewhere, answers, monkeypatch
):
    # Given a database on a share that has no backup today (two reading PCs would both write
    # and rotate the same backups folder there, over the network SQLite cannot keep safe)
    monkeypatch.setenv(FORCE_VARIABLE, "\\\\server\\share")
    assert main_window.open_database(elsewhere)
    # when the window's check has run, then it wrote nothing beside the file
    assert main_window.integrity_check.wait()
    qtbot.wait(50)  # (its answer is delivered through the event loop)
    assert sorted(str(p.relative_to(elsewhere.parent)) for p in elsewhere.parent.rglob("*")) == [
        "office.sqlite3"
    ]
