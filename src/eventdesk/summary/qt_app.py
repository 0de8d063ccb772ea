"""The one Qt application a summary needs to lay out and paint, started when there is none.

Its own module so that both the PDF writer and the font check (which asks
Qt how it will draw each character) can start it without importing each
other.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

_app_keepalive: list[Any] = []


def ensure_gui_app() -> Any:
    """The running Qt application, or a new one when there is none.

    The new one is a QApplication (not just a QGuiApplication): a later part
    of the same process (the GUI, a test's ``qapp``) may need widgets, and Qt
    allows one application object per process, which cannot be upgraded. A
    command-line run shows no window, so it starts the offscreen platform on
    every system: it lays out and paints just as well, and it needs no desktop,
    which a run from Task Scheduler, a service or an ssh session has not (the
    Windows and Cocoa platforms fail or hang there). The bundled fonts are
    registered by the caller (:func:`eventdesk.summary.fonts.register_with_qt`).
    """
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        use_offscreen(force=False)
        try:
            from PySide6.QtWidgets import QApplication
        except ImportError:  # a Qt without widgets: painting needs only QtGui
            app = QGuiApplication([])
        else:
            app = QApplication([])
        _app_keepalive.append(app)
    return app


def use_offscreen(*, force: bool) -> None:
    """Have Qt start on the offscreen platform (unless ``QT_QPA_PLATFORM`` says otherwise).

    On Windows that platform finds fonts with FreeType in one folder, Qt's
    own, which PySide6 does not ship: it is pointed at the system's, so a
    document set in Arial or Microsoft YaHei prints in them there too.
    """
    if force or not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR") or r"C:\Windows")
        os.environ.setdefault("QT_QPA_FONTDIR", str(windows / "Fonts"))
