"""Screenshots of the meeting editor on each tab, with the example meeting loaded.

Run from the repository root:

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/meeting_editor_shots.py

It imports the example meeting into a temporary database, shows it in the
editor at 1280x800 and saves ``docs/screenshots/meeting-<tab>.png``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from eventdesk import paths
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from eventdesk.ui.app import make_application
from eventdesk.ui.meeting_editor import MeetingEditor

HERE = Path(__file__).resolve().parent
TABS = ("details", "sessions", "attendees", "presentations", "courses", "decisions", "photos")


def main() -> int:
    app = make_application()  # the program's style and its bundled CJK font
    with tempfile.TemporaryDirectory() as folder:
        store = EventStore.open(Path(folder) / "shots.sqlite3")
        import_file(store, paths.sample_meeting())
        (row,) = store.list_meetings()
        editor = MeetingEditor(store)
        editor.setWindowTitle("EventDesk — meeting")
        editor.resize(1280, 800)
        editor.show()
        editor.load(row.id)
        for index, name in enumerate(TABS):
            editor.tabs.setCurrentIndex(index)
            tab = editor.tabs.currentWidget()
            if hasattr(tab, "select") and name in ("attendees", "decisions"):
                tab.select(5 if name == "attendees" else 1)
            app.processEvents()
            target = HERE / f"meeting-{name}.png"
            editor.grab().save(str(target))
            print(target, target.stat().st_size // 1024, "KB")
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
