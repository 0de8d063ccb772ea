"""The File menu's work with files: choosing them, importing, exporting, backing up.

File choosers are ``QFileDialog`` static functions (tests replace them);
errors the store explains are shown as they are, and nothing is changed
when an import is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from eventdesk.store import DatabaseFiles, StoreError
from eventdesk.ui import file_jobs
from eventdesk.ui.background import BackgroundTask
from eventdesk.ui.long_jobs import ProgressJob

if TYPE_CHECKING:
    from eventdesk.store import ImportReport
    from eventdesk.ui.main_window import MainWindow

DATABASE_FILTER = "EventDesk databases (*.sqlite3 *.db);;All files (*)"
JSON_FILTER = "EventDesk interchange files (*.json);;All files (*)"


def _start_folder(window: MainWindow) -> str:
    return str(window.store.path.parent) if window.store.path else ""


def ask_open_database(window: MainWindow) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        window, "Open database", _start_folder(window), DATABASE_FILTER
    )
    return Path(name) if name else None


def ask_new_database(window: MainWindow) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        window, "New database", _start_folder(window), DATABASE_FILTER
    )
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix(".sqlite3")
    if path.exists():
        window.warn(f"{path} already exists; open it with File › Open database instead.")
        return None
    return path


def import_into(window: MainWindow, path: Path | None = None) -> BackgroundTask | None:
    """Take an interchange file, off the GUI thread; return the task under way (or None).

    A whole database's file can hold thousands of meetings: the window stays
    usable while it is checked and written, and says what came of it when done.
    """
    if path is None:
        name, _ = QFileDialog.getOpenFileName(window, "Import", _start_folder(window), JSON_FILTER)
        if not name:
            return None
        path = Path(name)
    if not window.workspace.confirm_leave():
        return None
    chosen = path
    task = BackgroundTask(window.store, lambda store: store.import_file(chosen), window)
    action = window.actions_.import_file
    action.setEnabled(False)
    window.statusBar().showMessage(f"Importing {chosen.name}…")

    def done(report: ImportReport) -> None:
        action.setEnabled(True)
        window.statusBar().clearMessage()
        window.workspace.refresh()
        window.inform(f"Imported {chosen.name}: {report.summary()}.")

    def failed(message: str) -> None:
        action.setEnabled(True)
        window.statusBar().clearMessage()
        window.warn(message)

    task.finished.connect(done)
    task.failed.connect(failed)
    task.start()
    return task


def export_meeting(window: MainWindow, path: Path | None = None) -> bool:
    meeting_id = window.current_meeting_id()
    if meeting_id is None:
        window.inform("Choose a meeting to export, or export the whole database.")
        return False
    if path is None:
        path = _ask_json(window, "Export meeting", f"meeting-{meeting_id}.json")
        if path is None:
            return False
    try:
        return _write(window, path, window.store.export_json(meeting_id))
    except StoreError as exc:
        window.warn(str(exc))
        return False


def export_calendar(window: MainWindow, path: Path | None = None) -> bool:
    """The chosen meeting as an iCalendar file, in the office's time zone (Preferences)."""
    from eventdesk.spreadsheets.errors import SpreadsheetError
    from eventdesk.spreadsheets.ics import export_ics

    meeting_id = window.current_meeting_id()
    if meeting_id is None:
        window.inform("Choose a meeting to add to a calendar.")
        return False
    if path is None:
        start = str(Path(_start_folder(window)) / f"meeting-{meeting_id}.ics")
        name, _ = QFileDialog.getSaveFileName(
            window, "Add meeting to calendar", start, "Calendar files (*.ics)"
        )
        if not name:
            return False
        path = Path(name) if Path(name).suffix else Path(name).with_suffix(".ics")
    try:
        export_ics(
            window.store, path, meeting_id=meeting_id, time_zone=window.preferences.time_zone
        )
    except (SpreadsheetError, StoreError) as exc:
        window.warn(str(exc))
        return False
    window.statusBar().showMessage(
        f"Wrote {path}: open it in Outlook or import it into the office calendar.", 8000
    )
    return True


def export_database(window: MainWindow, path: Path | None = None) -> ProgressJob | None:
    """Everything as one interchange file, beside the window with a progress bar."""
    if path is None:
        path = _ask_json(window, "Export whole database", "eventdesk-export.json")
        if path is None:
            return None
    return file_jobs.export_database(window, path)


def backup(window: MainWindow) -> ProgressJob | None:
    """A manual backup beside the database, with a progress bar; Cancel keeps no copy."""
    return file_jobs.backup(window)


def check_database(window: MainWindow) -> ProgressJob:
    return file_jobs.check(window)


def restore_backup(window: MainWindow, backup: Path | None = None) -> ProgressJob | None:
    """Put a backup in place of the open database; the replaced file is kept as a backup."""
    path = window.store.path
    if path is None or not window.workspace.confirm_leave():
        return None
    files = DatabaseFiles(path)
    if backup is None:
        choices = [(f"{b.taken:%Y-%m-%d %H:%M:%S}  {b.reason}", b.path) for b in files.backups()]
        backup = window.ask_backup(choices)
        if backup is None:
            return None
    return file_jobs.restore_file(window, backup)


def import_attendees(window: MainWindow, path: Path | None = None) -> QWidget | None:
    """The attendee-list import (XLSX or CSV) into the meeting on show; returns its dialog."""
    meeting_id = window.current_meeting_id()
    if meeting_id is None:
        window.inform("Choose the meeting the attendee list belongs to first.")
        return None
    if not window.workspace.confirm_leave():
        return None
    from eventdesk.ui.attendee_import_dialog import start_attendee_import

    dialog = start_attendee_import(window.store, meeting_id, window, path)
    if dialog is not None:
        dialog.imported.connect(lambda _report: window.workspace.open_meeting(meeting_id))
        dialog.imported.connect(lambda _report: window.workspace.refresh())
    return dialog


def export_list(window: MainWindow, path: Path | None = None) -> Path | None:
    """The list on show, every row and the columns on screen, as XLSX or CSV."""
    from eventdesk.ui.table_export import export_model

    pane = window.workspace.list_pane
    model = pane.model()
    if model is None:
        return None
    title = f"Export {window.workspace.section().label.lower()}"
    written = export_model(model, window, path, view=pane.table, title=title)
    if written is not None:
        window.statusBar().showMessage(f"Wrote {written}", 8000)
    return written


def _ask_json(window: MainWindow, caption: str, suggested: str) -> Path | None:
    start = str(Path(_start_folder(window)) / suggested)
    name, _ = QFileDialog.getSaveFileName(window, caption, start, JSON_FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".json")


def _write(window: MainWindow, path: Path, text: str) -> bool:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        window.warn(f"Cannot write {path}: {exc.strerror}.")
        return False
    window.statusBar().showMessage(f"Wrote {path}", 8000)
    return True
