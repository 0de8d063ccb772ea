"""Screenshots of the desktop program for the docs, taken without a screen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take.py [NAME ...]

Builds the main window at 1280 x 800 on a temporary database holding the
example meeting, and saves one PNG per registered shot beside this script.
A shot is one function that puts the window in the state to show; add one
with ``@shot("name")`` (the meeting editor's tabs are added the same way).
QSettings and preferences go to the temporary folder, never the user's.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from eventdesk import paths
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from eventdesk.ui.app import make_application
from eventdesk.ui.main_window import MainWindow
from eventdesk.ui.preferences import Preferences
from eventdesk.ui.sections import Section

HERE = Path(__file__).resolve().parent
SIZE = (1280, 800)
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


def take(names: list[str], out: Path = HERE) -> list[Path]:
    app = make_application()
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = EventStore.open(folder / "screenshots.sqlite3")
        import_file(store, paths.sample_meeting())
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, settings, Preferences(), preferences_path=folder / "p.json")
        window.resize(*SIZE)
        window.show()
        for name in names or list(SHOTS):
            widget = SHOTS[name](window) or window
            for _ in range(5):
                app.processEvents()
            path = out / f"{name}.png"
            widget.grab().save(str(path))
            size = path.stat().st_size
            note = "" if size <= MAX_BYTES else f"  (over {MAX_BYTES // 1000} KB)"
            print(
                f"{path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}"
                f": {size // 1000} KB{note}"
            )
            written.append(path)
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
