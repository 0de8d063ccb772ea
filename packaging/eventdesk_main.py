"""The entry script PyInstaller builds EventDesk from: ``eventdesk.cli.main:main``.

Three things only a built program needs are handled here, before the CLI runs:

- A child process started by ``multiprocessing`` (a user's summary template renders in
  one) is this program again: ``freeze_support`` runs the child's code instead.
- On Windows the windowed program has no console, so ``sys.stdout`` is None and
  ``EventDesk.exe --self-test`` or ``list`` would print nothing. When started
  from a console (cmd, PowerShell, bash), it attaches to that console; started
  with its output redirected, it writes to the redirection.
- ``EVENTDESK_EXIT_AFTER_SHOW=1`` (used by ``packaging/measure.py``): print
  ``shown <unix time>`` as soon as the main window is shown, then quit, so the
  start time to the main window can be measured from outside.
"""

from __future__ import annotations

import os
import sys


def _attach_windows_console() -> None:
    if sys.platform != "win32" or (sys.stdout is not None and sys.stderr is not None):
        return
    import ctypes

    if ctypes.windll.kernel32.AttachConsole(-1):  # the parent's console, if it has one
        sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115
        sys.stderr = sys.stdout
    else:
        sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _exit_after_show() -> None:
    """Quit once the first QMainWindow is shown, printing when that happened."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    class _Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow):
                print(f"shown {time.time():.3f}", flush=True)
                QApplication.instance().removeEventFilter(self)
                QTimer.singleShot(0, QApplication.instance().quit)
            return False

    app = QApplication.instance() or QApplication(sys.argv)
    watch = _Watch(app)
    app.installEventFilter(watch)


def start() -> int:
    import multiprocessing

    # A user's own summary template renders in a child process started by spawn
    # (summary/isolation.py): in the built program the child is this executable again,
    # told so by its arguments, and must run the child's code, not the CLI.
    multiprocessing.freeze_support()
    _attach_windows_console()
    if os.environ.get("EVENTDESK_EXIT_AFTER_SHOW") == "1":
        _exit_after_show()
    from eventdesk.cli.main import main

    return main()


if __name__ == "__main__":
    sys.exit(start())
