"""The one Qt application a summary needs to lay out and paint, started when there is none.

Its own module so that both the PDF writer and the font check (which asks
Qt how it will draw each character) can start it without importing each
other.
"""

from __future__ import annotations

import os
import sys
from typing import Any

_app_keepalive: list[Any] = []


def ensure_gui_app() -> Any:
    """The running Qt application, or a new one when there is none.

    The new one is a QApplication (not just a QGuiApplication): a later part
    of the same process (the GUI, a test's ``qapp``) may need widgets, and Qt
    allows one application object per process, which cannot be upgraded. A
    command-line run has no window system; the offscreen platform lays out and
    paints just as well. The bundled fonts are registered by the caller
    (:func:`eventdesk.summary.fonts.register_with_qt`).
    """
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        if sys.platform.startswith("linux") and no_display:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        try:
            from PySide6.QtWidgets import QApplication
        except ImportError:  # a Qt without widgets: painting needs only QtGui
            app = QGuiApplication([])
        else:
            app = QApplication([])
        _app_keepalive.append(app)
    return app
