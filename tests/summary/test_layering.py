"""The summaries sit on the store and never reach up into the GUI; HTML and DOCX need no Qt.

Given a fresh Python, when an HTML and a DOCX summary are written, then no Qt
module was loaded; and no module of eventdesk.summary imports eventdesk.ui.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import eventdesk.summary

SCRIPT = """
import sys, tempfile, pathlib
from eventdesk import paths
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from eventdesk.summary import write_summary
folder = pathlib.Path(tempfile.mkdtemp())
paths.data_dir = lambda: folder
store = EventStore.open(folder / "x.sqlite3")
import_file(store, paths.sample_meeting())
(row,) = store.list_meetings()
write_summary(store, row.id, "news", folder / "n.html")
write_summary(store, row.id, "minutes", folder / "m.docx")
print(sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))))
"""


def test_html_and_docx_load_no_qt():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"


def test_summary_never_imports_the_gui():
    package = Path(eventdesk.summary.__file__).parent
    for module in package.glob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert "eventdesk.ui" not in text, module.name
        if module.name not in ("pdf.py", "fonts.py"):
            assert "PySide6" not in text, module.name
