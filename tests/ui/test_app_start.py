"""Starting the program: a file that is not a database is refused with a message and exit 1."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QMessageBox

from eventdesk.ui import app as app_module
from eventdesk.ui.sections import Section
from tests.ui.conftest import run_program


def test_a_file_that_is_not_a_database_ends_with_a_message(tmp_path, monkeypatch, qapp):
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("these are not the records you are looking for", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    assert run_program(bad) == 1
    assert len(shown) == 1 and shown[0].strip()  # the store's explanation, as it is
    assert bad.read_text(encoding="utf-8").startswith("these are not")


def test_opening_another_database_asks_about_unsaved_edits(qtbot, main_window, tmp_path, answers):
    workspace = main_window.workspace
    workspace.set_section(Section.PEOPLE)
    qtbot.keyClicks(workspace.editors.person_editor.form.notes, "unsaved")
    answers.unsaved = QMessageBox.StandardButton.Cancel
    first = main_window.store.path

    assert not main_window.new_database(tmp_path / "other.sqlite3")

    assert answers.asked == 1
    assert main_window.store.path == first
    assert workspace.editors.person_editor.form.notes.toPlainText() == "unsaved"


def test_recent_databases_menu(qtbot, main_window, tmp_path):
    first = main_window.store.path
    main_window.new_database(tmp_path / "second.sqlite3")
    menu = QMenu()
    main_window.fill_recent_menu(menu)
    texts = [action.text() for action in menu.actions()]
    assert texts[:2] == [str((tmp_path / "second.sqlite3").resolve()), str(first.resolve())]
    menu.actions()[1].trigger()
    assert main_window.store.path.resolve() == first.resolve()


def test_reopening_the_open_database_changes_nothing(main_window):
    store = main_window.store
    assert main_window.open_database(store.path)
    assert main_window.store is store


def test_the_application_icon_is_shipped_as_svg_and_256_pixel_png(qapp):
    from PySide6.QtGui import QImage

    from eventdesk.ui.app_icon import app_icon, icon_dir

    assert (icon_dir() / "eventdesk.svg").is_file()
    image = QImage(str(icon_dir() / "eventdesk.png"))
    assert (image.width(), image.height()) == (256, 256)
    assert not app_icon().isNull()


def test_a_start_on_a_last_database_out_of_reach_can_end_without_opening_another(
    tmp_path, monkeypatch, qapp
):
    # Given the database of last time on a drive not connected (QSettings under tmp_path)
    from PySide6.QtCore import QSettings

    from eventdesk.ui.window_settings import LAST_DATABASE

    gone = tmp_path / "Z-drive" / "office.sqlite3"
    remembered = QSettings(
        str(tmp_path / "EventDesk" / "EventDesk.ini"), QSettings.Format.IniFormat
    )
    remembered.setValue(LAST_DATABASE, str(gone))
    remembered.sync()
    asked = []
    monkeypatch.setattr(
        app_module, "_ask_unreachable", lambda m: asked.append(m) or app_module.QUIT
    )
    # when the program starts without --db and the clerk chooses Quit
    status = run_program(None)
    # then it was asked about that file, ends with 1, and opened nothing else
    assert status == 1
    assert len(asked) == 1 and str(gone) in asked[0]
