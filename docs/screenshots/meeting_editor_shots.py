"""Screenshots of the meeting editor on each tab, with the example meeting loaded.

Run from the repository root:

    .venv/bin/python docs/screenshots/meeting_editor_shots.py

The tabs are shots of ``take.py`` (the main window on a 1366 x 768 screen, the
example meeting in the editor); this takes only those and saves
``docs/screenshots/meeting-<tab>.png``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from take import TABS, take  # noqa: E402

if __name__ == "__main__":
    take([f"meeting-{name}" for name in TABS])
