"""Every package keeps to its layer: the import-linter contracts of ``pyproject.toml`` hold.

The rules themselves are written once, as contracts under ``[tool.importlinter]``:
the layers ``records`` → ``store`` → ``summary`` | ``spreadsheets`` → ``ui`` → ``cli``,
Qt only where it is needed, SQL only in the store, the GUI through what
``eventdesk.store`` exports, and no circle of imports inside any package. Here
``lint-imports`` checks them, and its report is the failure message. Imports
inside functions (the lazy ones) count as imports.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import eventdesk

SOURCE = Path(eventdesk.__file__).parent
CONFIG = Path(__file__).resolve().parents[1] / "pyproject.toml"

LINT = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(config_filename=sys.argv[1], no_cache=True, no_logo=True))"
)


def lint_imports(folder: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the contracts; on the ``eventdesk`` package inside ``folder`` if given.

    import-linter puts its working folder first on the path, so a copy of the
    package there is the one it reads.
    """
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}  # names on one line
    return subprocess.run(
        [sys.executable, "-c", LINT, str(CONFIG)],
        cwd=folder or CONFIG.parent,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def test_the_imports_keep_every_contract():
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "wrong", "contract"),
    [
        ("records/names.py", "import PySide6.QtCore", "need no Qt"),
        ("store/errors.py", "from eventdesk.ui import sections", "only the layers below it"),
        ("summary/errors.py", "import eventdesk.spreadsheets.errors", "only the layers below it"),
        ("summary/html_out.py", "from PySide6 import QtGui", "only the PDF"),
        ("ui/sections.py", "import sqlite3", "Only the store speaks SQL"),
        ("ui/sections.py", "from eventdesk.store.errors import StoreError", "what eventdesk.store"),
        ("summary/errors.py", "from eventdesk.summary import api", "No circle"),
    ],
)
def test_a_wrong_import_breaks_its_contract(tmp_path, module, wrong, contract):
    """Guard the guard: one import against a rule, even inside a function, fails the check."""
    shutil.copytree(SOURCE, tmp_path / "eventdesk", ignore=shutil.ignore_patterns("__pycache__"))
    path = tmp_path / "eventdesk" / module
    with path.open("a", encoding="utf-8") as file:
        file.write(f"\n\ndef _wrong() -> None:\n    {wrong}  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    broken = [line for line in result.stdout.splitlines() if " BROKEN" in line]
    assert any(contract in line for line in broken), result.stdout


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
(row,) = store.meetings.list()
write_summary(store, row.id, "news", folder / "n.html")
write_summary(store, row.id, "minutes", folder / "m.docx")
print(sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))))
"""


def test_html_and_docx_summaries_load_no_qt():
    """Given a fresh Python, when an HTML and a DOCX summary are written, no Qt module loaded.

    The contracts see the imports written; this sees what a run loads.
    """
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=120,
    )
    assert result.stdout.strip() == "[]"
