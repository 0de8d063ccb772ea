"""Screenshots of the desktop program for the docs, taken without a screen.

    .venv/bin/python docs/screenshots/take.py [NAME ...]

Runs Qt's offscreen platform with one 1366 x 768 screen (the most common
office laptop), opens the main window at the size EventDesk chooses for that
screen, on a temporary database holding the example meeting, and saves one
PNG per registered shot beside this script. A shot is one function that puts
the window in the state to show, or returns the dialog to show; add one with
``@shot("name")``. The meeting editor's tabs are shots too
(``meeting_editor_shots.py`` takes only those). QSettings and preferences go
to the temporary folder, never the user's.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

SCREEN = (1366, 768)
_SCREEN_FILE = Path(tempfile.gettempdir()) / "eventdesk-screenshots-screen.json"
_SCREEN_FILE.write_text(
    '{"screens": [{"name": "laptop", "x": 0, "y": 0, "width": %d, "height": %d, '
    '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}' % SCREEN
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN_FILE}"

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from eventdesk import paths
from eventdesk.records import Organisation, Person
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from eventdesk.ui.app import make_application
from eventdesk.ui.main_window import MainWindow
from eventdesk.ui.preferences import Preferences
from eventdesk.ui.sections import Section

HERE = Path(__file__).resolve().parent
MAX_BYTES = 250_000

Shot = Callable[[MainWindow], QWidget | None]
SHOTS: dict[str, Shot] = {}


def shot(name: str) -> Callable[[Shot], Shot]:
    """Register a function that prepares the window (or returns another widget) for ``name``."""

    def register(function: Shot) -> Shot:
        SHOTS[name] = function
        return function

    return register


def _select(window: MainWindow, section: Section, text: str) -> None:
    """Show ``section`` and select its first row whose cells contain ``text``."""
    workspace = window.workspace
    workspace.set_section(section)
    model = workspace.list_pane.model()
    for row in range(model.rowCount()):
        cells = [model.display(model.row(row), c) for c in range(model.columnCount())]
        if any(text in cell for cell in cells):
            workspace.list_pane.select_row(row)
            return
    raise LookupError(f"no row with {text!r} in {section}")


@shot("main-window")
def main_window(window: MainWindow) -> None:
    _select(window, Section.MEETINGS, "2021")


@shot("person")
def person(window: MainWindow) -> None:
    _select(window, Section.PEOPLE, "DING Xiaodong")


@shot("organisation")
def organisation(window: MainWindow) -> None:
    _select(window, Section.ORGANISATIONS, "Alliance")


@shot("courses")
def courses(window: MainWindow) -> None:
    _select(window, Section.COURSES, "")


TABS = ("details", "sessions", "attendees", "presentations", "courses", "decisions", "photos")


def _meeting_tab(index: int, name: str) -> Shot:
    def prepare(window: MainWindow) -> None:
        _select(window, Section.MEETINGS, "2021")
        editor = window.workspace.editors.meeting_editor
        editor.tabs.setCurrentIndex(index)
        tab = editor.tabs.currentWidget()
        if name in ("attendees", "decisions"):
            tab.select(5 if name == "attendees" else 1)

    return prepare


for _index, _name in enumerate(TABS):
    shot(f"meeting-{_name}")(_meeting_tab(_index, _name))


@shot("new-meeting")
def new_meeting(window: MainWindow) -> None:
    """Ctrl+N after the example meeting: the title has the cursor, no pane shows old values."""
    _select(window, Section.MEETINGS, "2021")
    window.new_record()
    view = window.workspace.editors.meeting_editor.details.view
    view.title.setText("Visit of the President of the University of Hamburg")
    view.start_date.setText("2 April 2019")
    view.end_date.setText("31/04/2019")  # April has 30 days: said beside the field


@shot("print-preview")
def print_preview(window: MainWindow) -> QWidget:
    from eventdesk.ui.summary_preview import SummaryPreviewDialog

    _select(window, Section.MEETINGS, "2021")
    window.print_summary()
    (dialog,) = window.findChildren(SummaryPreviewDialog)
    return dialog


@shot("export")
def export(window: MainWindow) -> QWidget:
    """Export… after the English release went to the leadership's folder: the Chinese one is
    proposed there under a name of its own (Qt's own file dialog; Windows shows its native one
    with the same folder, name and file type)."""
    from PySide6.QtWidgets import QFileDialog, QTreeView

    from eventdesk.ui import export_names
    from eventdesk.ui.summary_preview import SummaryPreviewDialog

    _select(window, Section.MEETINGS, "2021")
    preview = SummaryPreviewDialog(window.store, window.current_meeting_id(), window)
    folder = Path(tempfile.mkdtemp()) / "Leadership"
    folder.mkdir()
    english = folder / preview.proposed_path(".pdf").name
    english.write_bytes(b"%PDF-1.4\n")
    export_names.remember(english)
    preview.set_language("zh")
    caption, proposed, filters, chosen = preview.export_question()
    preview.deleteLater()
    dialog = QFileDialog(window, caption, str(folder), filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectNameFilter(chosen)
    dialog.selectFile(proposed)
    dialog.resize(900, 480)
    dialog.show()
    for view in dialog.findChildren(QTreeView):
        view.header().resizeSection(0, 480)  # the whole name, as a clerk would widen it
    return dialog


@shot("preferences")
def preferences(window: MainWindow) -> QWidget:
    return window.show_preferences()


@shot("merge")
def merge(window: MainWindow) -> QWidget:
    """Organisations › Edit › Merge into… on a duplicate recorded in traditional characters:
    the one to keep found by its simplified name and picked, what it is said under it."""
    from eventdesk.ui.merge_records import merge_selected

    store = window.store
    store.organisations.save(Organisation("Tongji Univ.", name_zh="同濟大學"))
    _select(window, Section.ORGANISATIONS, "Tongji Univ.")
    merge_selected(window)
    dialog = window.merge_dialog
    finder = dialog.picker.finder
    finder.setText("同济")
    finder.refresh()
    (kept,) = finder.candidates()
    finder.choose(kept.id)
    return dialog


@shot("trash")
def trash(window: MainWindow) -> QWidget:
    """Two records in the trash (made for the shot, so the others' records stay as they are)."""
    store = window.store
    store.trash.put("person", store.people.save(Person("Chen", "Ming", title="Former liaison")).id)
    store.trash.put("organisation", store.organisations.save(Organisation("Old Exchange Office")).id)
    return window.show_trash()


@shot("keyboard-shortcuts")
def keyboard_shortcuts(window: MainWindow) -> QWidget:
    return window.show_shortcuts()


@shot("user-guide")
def user_guide(window: MainWindow) -> QWidget:
    return window.show_guide()


@shot("new-organisation")
def new_organisation(window: MainWindow) -> QWidget:
    from eventdesk.ui.meeting_editor.create_in_place import NewOrganisationDialog

    dialog = NewOrganisationDialog(window.store, "University of Hamburg", window)
    dialog.short_name.setText("UHH")
    dialog.city.setText("Hamburg")
    dialog.show()
    return dialog


@shot("new-person")
def new_person(window: MainWindow) -> QWidget:
    from eventdesk.ui.meeting_editor.create_in_place import NewPersonDialog

    editor = window.workspace.editors.meeting_editor
    dialog = NewPersonDialog(window.store, editor._labels, "丁晓东", window)
    dialog.panel.title_edit.setText("President")
    dialog.show()
    return dialog


@shot("connect-team-database")
def connect_team_database(window: MainWindow) -> QWidget:
    """File › Connect to team database…, filled in, the server having asked for the password
    (which libpq found in no .pgpass): what a clerk sees the first time (docs/team.md)."""
    window.actions_.connect_team_database.trigger()
    dialog = window.connect_dialog
    dialog.host.setText("db.office.local")
    dialog.user.setText("clerk_anna")
    dialog.tls.setCurrentIndex(dialog.tls.findData("require"))
    dialog.ask_password()
    dialog.say("The server asks for the password of clerk_anna.")
    return dialog


LONG_ORG = (
    "Liaison Office of the Central People's Government in the Hong Kong Special "
    "Administrative Region"
)


@shot("long-names-attendee")
def long_names_attendee(window: MainWindow) -> None:
    """The longest organisation and title selected as an attendee: nothing leaves the screen."""
    from eventdesk.records import Attendance

    store = window.store
    office = store.organisations.save(
        Organisation(LONG_ORG, name_zh="中央人民政府駐香港特別行政區聯絡辦公室", short_name="LOCPG")
    )
    title = "Deputy Director-General of the Department of Educational, Scientific and Technological Affairs"
    person = store.people.save(
        Person("Au-Yeung", "Tai Man Christopher", title=title, organisation_id=office.id)
    )
    (row,) = store.meetings.list()
    meeting = store.meetings.get(row.id)
    meeting.attendees.insert(0, Attendance(person.id, organisation_id=office.id, title=title))
    store.meetings.save(meeting)
    window.workspace.refresh()
    _select(window, Section.MEETINGS, "2021")
    editor = window.workspace.editors.meeting_editor
    editor.load(row.id)
    editor.tabs.setCurrentWidget(editor.attendees)
    editor.attendees.select(0)


@shot("long-names-new-person")
def long_names_new_person(window: MainWindow) -> QWidget:
    """The New-person form with a long organisation picked and a name already recorded."""
    from eventdesk.ui.meeting_editor.create_in_place import NewPersonDialog

    editor = window.workspace.editors.meeting_editor
    dialog = NewPersonDialog(window.store, editor._labels, "Tai Man Christopher AU-YEUNG", window)
    (office,) = window.store.organisations.list("LOCPG")
    dialog.panel.organisation.set_value(office.id)
    dialog.panel.create()  # offers the one recorded, in words
    dialog.show()
    return dialog


@shot("attendee-import")
def attendee_import(window: MainWindow) -> QWidget:
    from eventdesk.ui.attendee_import_dialog import AttendeeImportDialog

    _select(window, Section.MEETINGS, "2021")
    sheet = Path(tempfile.mkdtemp()) / "partner-list.csv"
    sheet.write_text(
        "Name,Chinese name,Title,Organisation\n"
        "Dieter Lenzen,,President,University of Hamburg\n"
        "DING Xiaodong,丁晓东,President,University of Shanghai for Science and Technology\n",
        encoding="utf-8",
    )
    meeting_id = window.current_meeting_id()
    dialog = AttendeeImportDialog(window.store, meeting_id, sheet, window)
    dialog.show()
    return dialog


def take(names: list[str], out: Path = HERE) -> list[Path]:
    app = make_application()
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # settings a dialog keeps on its own (QSettings()) go here too, never to the user's
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
        store = EventStore.open(folder / "screenshots.sqlite3")
        import_file(store, paths.sample_meeting())
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, settings, Preferences(), preferences_path=folder / "p.json")
        window.show()  # at the size it chooses for a 1366 x 768 screen
        for name in names or list(SHOTS):
            widget = SHOTS[name](window) or window
            for _ in range(5):
                app.processEvents()
            if widget is not window:
                loop = QEventLoop()  # a preview renders its pages first
                QTimer.singleShot(400, loop.quit)
                loop.exec()
            path = out / f"{name}.png"
            widget.grab().save(str(path))
            size = path.stat().st_size
            note = "" if size <= MAX_BYTES else f"  (over {MAX_BYTES // 1000} KB)"
            print(
                f"{path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}"
                f": {size // 1000} KB{note}"
            )
            written.append(path)
            if widget is not window:
                widget.close()
        window.workspace.editors.revert()
        window.close()
        store.close()
    return written


if __name__ == "__main__":
    unknown = [n for n in sys.argv[1:] if n not in SHOTS]
    if unknown:
        sys.exit(f"unknown shot(s): {', '.join(unknown)}; known: {', '.join(SHOTS)}")
    take(sys.argv[1:])
    QApplication.instance()
