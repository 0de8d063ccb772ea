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
    from PySide6.QtGui import QAction

    from eventdesk.store import ImportReport
    from eventdesk.ui.file_host import FileHost

DATABASE_FILTER = "EventDesk databases (*.sqlite3 *.db);;All files (*)"
JSON_FILTER = "EventDesk interchange files (*.json);;All files (*)"


def _start_folder(host: FileHost) -> str:
    return str(host.store.path.parent) if host.store.path else ""


def ask_open_database(host: FileHost) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        host.window(), "Open database", _start_folder(host), DATABASE_FILTER
    )
    return Path(name) if name else None


def ask_new_database(host: FileHost) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        host.window(), "New database", _start_folder(host), DATABASE_FILTER
    )
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix(".sqlite3")
    if path.exists():
        host.warn(f"{path} already exists; open it with File › Open database instead.")
        return None
    return path


def import_into(
    host: FileHost, path: Path | None = None, *, action: QAction | None = None
) -> BackgroundTask | None:
    """Take an interchange file, off the GUI thread; return the task under way (or None).

    A whole database's file can hold thousands of meetings: the window stays
    usable while it is checked and written, and says what came of it when done.
    ``action`` (File › Import) is disabled meanwhile, so a second import
    cannot start on top of the first.
    """
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            host.window(), "Import", _start_folder(host), JSON_FILTER
        )
        if not name:
            return None
        path = Path(name)
    if not host.workspace.confirm_leave():
        return None
    chosen = path
    task = BackgroundTask(
        host.store, lambda store: store.interchange.import_file(chosen), host.window()
    )
    _enable(action, False)
    host.statusBar().showMessage(f"Importing {chosen.name}…")

    def done(report: ImportReport) -> None:
        _enable(action, True)
        host.statusBar().clearMessage()
        host.workspace.refresh()
        host.inform(f"Imported {chosen.name}: {report.summary()}.")

    def failed(message: str) -> None:
        _enable(action, True)
        host.statusBar().clearMessage()
        host.warn(message)

    task.finished.connect(done)
    task.failed.connect(failed)
    task.start()
    return task


def export_meeting(host: FileHost, path: Path | None = None) -> bool:
    meeting_id = host.current_meeting_id()
    if meeting_id is None:
        host.inform("Choose a meeting to export, or export the whole database.")
        return False
    if path is None:
        path = _ask_json(host, "Export meeting", f"meeting-{meeting_id}.json")
        if path is None:
            return False
    try:
        return _write(host, path, host.store.interchange.export_json(meeting_id))
    except StoreError as exc:
        host.warn(str(exc))
        return False


def export_calendar(host: FileHost, path: Path | None = None) -> bool:
    """The chosen meeting as an iCalendar file, in the office's time zone (Preferences)."""
    from eventdesk.spreadsheets.errors import SpreadsheetError
    from eventdesk.spreadsheets.ics import export_ics

    meeting_id = host.current_meeting_id()
    if meeting_id is None:
        host.inform("Choose a meeting to add to a calendar.")
        return False
    if path is None:
        start = str(Path(_start_folder(host)) / f"meeting-{meeting_id}.ics")
        name, _ = QFileDialog.getSaveFileName(
            host.window(), "Add meeting to calendar", start, "Calendar files (*.ics)"
        )
        if not name:
            return False
        path = Path(name) if Path(name).suffix else Path(name).with_suffix(".ics")
    try:
        export_ics(host.store, path, meeting_id=meeting_id, time_zone=host.preferences.time_zone)
    except (SpreadsheetError, StoreError) as exc:
        host.warn(str(exc))
        return False
    host.statusBar().showMessage(
        f"Wrote {path}: open it in Outlook or import it into the office calendar.", 8000
    )
    return True


def export_database(host: FileHost, path: Path | None = None) -> ProgressJob | None:
    """Everything as one interchange file, beside the window with a progress bar."""
    if path is None:
        path = _ask_json(host, "Export whole database", "eventdesk-export.json")
        if path is None:
            return None
    return file_jobs.export_database(host, path)


def backup(host: FileHost) -> ProgressJob | None:
    """A manual backup beside the database, with a progress bar; Cancel keeps no copy."""
    return file_jobs.backup(host)


def check_database(host: FileHost) -> ProgressJob:
    return file_jobs.check(host)


def restore_backup(host: FileHost, backup: Path | None = None) -> ProgressJob | None:
    """Put a backup in place of the open database; the replaced file is kept as a backup."""
    path = host.store.path
    if path is None and host.store.connection.engine != "sqlite":
        host.inform(
            "A team database is restored on its server by the office's IT (docs/team.md, "
            "'Back up and restore'); File › Back up now writes a copy of it to a file."
        )
        return None
    if path is None or not host.workspace.confirm_leave():
        return None
    files = DatabaseFiles(path)
    if backup is None:
        choices = [(f"{b.taken:%Y-%m-%d %H:%M:%S}  {b.reason}", b.path) for b in files.backups()]
        backup = host.ask_backup(choices)
        if backup is None:
            return None
    return file_jobs.restore_file(host, backup)


def import_attendees(host: FileHost, path: Path | None = None) -> QWidget | None:
    """The attendee-list import (XLSX or CSV) into the meeting on show; returns its dialog."""
    meeting_id = host.current_meeting_id()
    if meeting_id is None:
        host.inform("Choose the meeting the attendee list belongs to first.")
        return None
    if not host.workspace.confirm_leave():
        return None
    from eventdesk.ui.attendee_import_dialog import start_attendee_import

    dialog = start_attendee_import(host.store, meeting_id, host.window(), path)
    if dialog is not None:
        dialog.imported.connect(lambda _report: host.workspace.open_meeting(meeting_id))
        dialog.imported.connect(lambda _report: host.workspace.refresh())
    return dialog


def export_list(host: FileHost, path: Path | None = None) -> Path | None:
    """The list on show, every row and the columns on screen, as XLSX or CSV."""
    from eventdesk.ui.table_export import export_model

    pane = host.workspace.list_pane
    model = pane.model()
    if model is None:
        return None
    title = f"Export {host.workspace.section().label.lower()}"
    written = export_model(model, host.window(), path, view=pane.table, title=title)
    if written is not None:
        host.statusBar().showMessage(f"Wrote {written}", 8000)
    return written


def _ask_json(host: FileHost, caption: str, suggested: str) -> Path | None:
    start = str(Path(_start_folder(host)) / suggested)
    name, _ = QFileDialog.getSaveFileName(host.window(), caption, start, JSON_FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".json")


def _write(host: FileHost, path: Path, text: str) -> bool:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        host.warn(f"Cannot write {path}: {exc.strerror}.")
        return False
    host.statusBar().showMessage(f"Wrote {path}", 8000)
    return True


def _enable(action: QAction | None, enabled: bool) -> None:
    if action is not None:
        action.setEnabled(enabled)
