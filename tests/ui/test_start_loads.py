"""What the window loads before it shows: only what its first screen needs (issue 25, item 6).

The start-up time is a benchmark's (``benchmarks/run.py``, no timed test here); these tests
see that a later change cannot quietly bring back the imports and widgets moved out of the
start: they look at what a fresh program has loaded once its window is up.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from PySide6.QtCore import QSettings

from eventdesk.records import Meeting
from eventdesk.store import EventStore
from eventdesk.ui.main_window import MainWindow
from eventdesk.ui.preferences import Preferences
from eventdesk.ui.sections import Section
from eventdesk.ui.window_settings import MEETING_TAB

#: Loaded when first used, never to show the window on an empty database.
NOT_AT_START = [
    "eventdesk.ui.meeting_editor",
    "eventdesk.ui.person_editor",
    "eventdesk.ui.organisation_editor",
    "eventdesk.ui.course_detail",
    "eventdesk.ui.summary_preview",
    "eventdesk.ui.preferences_dialog",
    "eventdesk.ui.trash",
    "eventdesk.ui.database_files",  # the File menu's work
    "eventdesk.summary.api",  # the window registers the bundled fonts alone at start
    "jinja2",
    "sqlite_utils",  # with click, pluggy and dateutil: reading needs only sqlite3
    "dateutil",
    "click",
    "psycopg",  # a team database's driver: nothing of it for a file (issue 23)
    "eventdesk.ui.team_connect",  # File › Connect to team database…, when first chosen
    "eventdesk.ui.date_edit",  # the calendar: the day-first preference is in ui/date_order.py
    "uuid",  # with platform: made when a record's uid or a database's identity is
    "eventdesk.ui.editor_base",  # with the conflict question: made with the first editor
    "eventdesk.ui.conflict_question",
    "eventdesk.ui.editable",
]

#: PySide6's classes made when first named (its lazy loading): the questions' boxes, made
#: when the window first asks something, not by the modules that ask.
NOT_MADE_AT_START = ["QMessageBox", "QInputDialog"]

#: Not loaded to build the window and its list's first page (issue 25): the store's services
#: are made when first asked for, the backups' work, the photos' files, a restore, the
#: interchange and the Chinese forms imported when first used. (The quick check and the
#: day's backup load some of them on their own thread once the window has painted.)
NOT_TO_BUILD = [
    "eventdesk.store.backups",
    "eventdesk.store.media",
    "eventdesk.store.restore",
    "eventdesk.store.files",
    "eventdesk.store.interchange",
    "eventdesk.store.chinese_forms",
    "eventdesk.store.services.files",
    "eventdesk.store.services.interchange",
    "eventdesk.store.services.chinese_forms",
    "eventdesk.store.services.duplicates",
    "eventdesk.store.services.trash",
    "hashlib",  # a team database's drafts file name; the backups' and photos' checksums
    "eventdesk.records.models",  # the records' classes, when a record is first read or saved
    "eventdesk.records.validation",
]

SCRIPT = """
import os, sys, pathlib
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6 import QtWidgets
from PySide6.QtCore import QSettings
lazy = "QMessageBox" not in vars(QtWidgets)  # PySide6 makes a class when first named
from eventdesk.ui.app import make_application
from eventdesk.store import EventStore
from eventdesk.ui.main_window import MainWindow
from eventdesk.ui.opening import open_for_window
folder = pathlib.Path({folder!r})
app = make_application()
store = open_for_window(
    folder / "office.sqlite3", create=False, ask_read_only=lambda _m: False,
    show_error=lambda m: sys.exit(m),
)
window = MainWindow(store, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
built = {built!r}
print(sorted(m for m in sys.modules if m in built))
window.show()
app.processEvents()
watched = {watched!r}
made = [name for name in {dialogs!r} if lazy and name in vars(QtWidgets)]
print(sorted(m for m in sys.modules if m in watched) + made)
window.integrity_check.wait()
window.store.close()
"""


def test_the_window_on_an_empty_database_loads_no_editor_and_no_summary(tmp_path):
    """Given a fresh program, when its window shows an empty database, then the meeting,
    person and organisation editors, the summaries and sqlite-utils are not loaded: they
    are made when a record is first shown, a summary first asked for, the first change
    written; and the window was built without the store's backups, photos, interchange or
    Chinese forms."""
    EventStore.open(tmp_path / "office.sqlite3").close()  # made: the window opens, not creates
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            SCRIPT.format(
                watched=NOT_AT_START,
                built=NOT_TO_BUILD,
                dialogs=NOT_MADE_AT_START,
                folder=str(tmp_path),
            ),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-2:] == ["[]", "[]"], done.stdout + done.stderr


def test_the_meeting_editor_is_made_when_the_first_meeting_is_shown(qtbot, empty_window):
    editors = empty_window.workspace.editors
    assert not editors.built(Section.MEETINGS)

    empty_window.new_record()

    assert editors.built(Section.MEETINGS)
    assert editors.meeting_editor.record_id() is None
    assert editors.shown_section() is Section.MEETINGS


def test_the_tab_left_open_comes_back_though_the_editor_is_made_later(
    qtbot, fresh_store, settings_path, tmp_path
):
    """Given a clerk who closed the program on a meeting's Attendees, when the program starts
    on an empty database and a meeting is then opened, it opens on Attendees; closing before
    any meeting was shown keeps that tab for the next start."""
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue(MEETING_TAB, "Attendees")
    window = MainWindow(fresh_store, settings, Preferences(), preferences_path=tmp_path / "p.json")
    qtbot.addWidget(window)
    editors = window.workspace.editors
    assert not editors.built(Section.MEETINGS)

    window.save_layout()
    assert settings.value(MEETING_TAB) == "Attendees"

    saved = fresh_store.meetings.save(
        Meeting(title="Annual Meeting", start_date=date(2021, 12, 22))
    )
    window.workspace.open_meeting(saved.id)
    assert editors.meeting_editor.record_id() == saved.id
    assert editors.meeting_editor.tab_name() == "Attendees"
    editors.meeting_editor.show_tab("Photos")
    window.save_layout()
    assert settings.value(MEETING_TAB) == "Photos"
    window.integrity_check.wait()


def test_a_meeting_shows_its_details_and_makes_each_list_tab_when_it_is_shown(main_window):
    """Given the window on the example meeting, the editor shows its details and counts its
    parts in the tabs' titles without having made a list tab; a tab is made when shown, with
    the meeting's rows in it."""
    from eventdesk.ui.meeting_editor.list_tab import ListTab

    editor = main_window.workspace.editors.meeting_editor
    meeting = editor.meeting()
    assert meeting is not None and editor.details.view.title.text() == meeting.title
    made = [isinstance(editor.tabs.widget(n), ListTab) for n in range(editor.tabs.count())]
    assert made == [False] * 8  # Details, the six lists, History
    titles = [editor.tabs.tabText(n) for n in range(editor.tabs.count())]
    assert titles[2] == f"Attendees ({len(meeting.attendees)})"

    editor.tabs.setCurrentIndex(2)

    assert editor.tabs.currentWidget() is editor.attendees
    assert editor.tabs.tabText(2) == titles[2]
    assert len(editor.attendees.rows()) == len(meeting.attendees) > 0
    assert editor.attendees.current_row() == 0
    assert not editor.is_dirty()


def test_a_problem_in_a_tab_not_yet_shown_makes_it_and_goes_to_it(qtbot, main_window):
    """Given a course left without a title in a crash draft's edits, when the meeting is
    saved, the Courses tab (never shown) is made, marked red and shown at that row."""
    from eventdesk.ui import marking

    editor = main_window.workspace.editors.meeting_editor
    editor.meeting().courses[0].title = ""

    assert not editor.save()

    assert editor.tabs.currentWidget() is editor.courses
    assert editor.courses.current_row() == 0
    assert marking.is_marked(editor.courses.title)
    colour = editor.tabs.tabBar().tabTextColor(editor.tabs.indexOf(editor.courses))
    assert colour.name() == marking.PROBLEM_COLOUR


def test_the_newest_meeting_is_shown_once_the_window_has_painted(
    qtbot, sample_store, settings, tmp_path
):
    """Given a database with a meeting, the window selects it in the list at once and shows it
    in the editor after its first paint; until then it counts as shown, with nothing unsaved."""
    window = MainWindow(sample_store, settings, Preferences(), preferences_path=tmp_path / "p")
    qtbot.addWidget(window)
    editors = window.workspace.editors
    (row,) = sample_store.meetings.list()
    assert window.workspace.list_pane.current_id() == row.id
    assert editors.showing_later() and not editors.built(Section.MEETINGS)
    assert (editors.shown_section(), editors.shown_id()) == (Section.MEETINGS, row.id)
    assert not window.workspace.is_dirty()

    window.show()
    qtbot.waitUntil(lambda: not editors.showing_later())

    assert editors.currentWidget() is not editors.placeholder
    assert editors.meeting_editor.record_id() == row.id
    assert editors.meeting_editor.details.view.title.text() == row.title
    window.integrity_check.wait()


def test_asking_for_the_editor_before_the_paint_shows_the_meeting_at_once(
    qtbot, sample_store, settings, tmp_path
):
    window = MainWindow(sample_store, settings, Preferences(), preferences_path=tmp_path / "p")
    qtbot.addWidget(window)
    (row,) = sample_store.meetings.list()

    editor = window.workspace.editors.meeting_editor

    assert editor.record_id() == row.id
    assert not window.workspace.editors.showing_later()
    window.integrity_check.wait()


def test_the_quick_check_starts_once_the_window_has_painted(
    qtbot, sample_store, settings, tmp_path
):
    """The check of the whole file runs beside the window, not against its first frame: a
    window not yet shown has started none; once shown, the check runs and finds the file
    sound."""
    from PySide6.QtCore import QThreadPool

    window = MainWindow(sample_store, settings, Preferences(), preferences_path=tmp_path / "p")
    qtbot.addWidget(window)
    found: list[object] = []
    window.integrity_check.finished.connect(found.append)
    qtbot.wait(100)
    assert QThreadPool.globalInstance().activeThreadCount() == 0 and found == []

    window.show()

    qtbot.waitUntil(lambda: bool(found), timeout=30_000)
    assert found == [None]


def test_the_bundled_chinese_fonts_come_first_only_where_the_pc_has_none(monkeypatch):
    """On a PC without a Chinese font the bundled fonts are registered before the window is
    made (its first frame must show Chinese names); where the PC has fonts for simplified
    and traditional Chinese they wait for the first paint."""
    from eventdesk.ui import chinese_fonts

    registered: list[str] = []
    monkeypatch.setattr(chinese_fonts, "register", lambda: registered.append("now"))
    monkeypatch.setattr(chinese_fonts, "system_has_chinese", lambda: True)
    assert not chinese_fonts.register_before_the_window()
    assert registered == []

    monkeypatch.setattr(chinese_fonts, "system_has_chinese", lambda: False)
    assert chinese_fonts.register_before_the_window()
    assert registered == ["now"]


def test_the_window_registers_the_bundled_chinese_fonts_once_it_has_painted(
    qtbot, monkeypatch, sample_store, settings, tmp_path
):
    from eventdesk.summary import fonts

    monkeypatch.setattr(fonts, "_registered", [])  # as in a program that has not yet
    window = MainWindow(sample_store, settings, Preferences(), preferences_path=tmp_path / "p")
    qtbot.addWidget(window)
    qtbot.wait(50)
    assert fonts._registered == []

    window.show()

    qtbot.waitUntil(lambda: fonts.FAMILY in fonts._registered)
    window.integrity_check.wait()
