"""Screenshots of the window on a team database, for docs/team.md.

Run from the repository root (PostgreSQL installed, as for the tests):

    .venv/bin/python docs/screenshots/team_shots.py

Starts a throw-away PostgreSQL on the loopback (``tests/postgres_server.py``), sets it up
with docs/team.md's SQL block (the logins the test suite chooses for it), lets the owner
login create the tables and a clerk import the example meeting, then opens the reader's
login in the main window on a 1366 x 768 screen and saves ``team-reader-window.png``: the
bar under the menus saying why nothing can be changed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT)]

import take  # noqa: E402  (the offscreen 1366 x 768 screen, before Qt starts)
from PySide6.QtCore import QSettings  # noqa: E402

from eventdesk import paths  # noqa: E402
from eventdesk.store import EventStore  # noqa: E402
from eventdesk.ui.app import make_application  # noqa: E402
from eventdesk.ui.main_window import MainWindow  # noqa: E402
from eventdesk.ui.preferences import Preferences  # noqa: E402
from tests.postgres_server import start_or_skip  # noqa: E402
from tests.store.test_team_setup import _psql, setup_sql  # noqa: E402


def main() -> None:
    server = start_or_skip()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            script = folder / "team-setup.sql"
            script.write_text(setup_sql(), encoding="utf-8")
            psql = [_psql(server), "-X", "-q", "-v", "ON_ERROR_STOP=1"]
            subprocess.run([*psql, "-d", server.address(), "-f", str(script)], check=True)

            def address(login: str) -> str:
                return f"postgresql://{login}@127.0.0.1:{server.port}/eventdesk"

            EventStore.open(address("office_it")).close()
            with EventStore.open(address("clerk1")) as clerk:
                clerk.interchange.import_file(paths.sample_meeting())
            app = make_application()
            QSettings.setDefaultFormat(QSettings.Format.IniFormat)
            QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
            store = EventStore.open(address("leader"), create=False)
            settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(store, settings, Preferences(), preferences_path=folder / "p.json")
            window.show()
            window.workspace.list_pane.select_id(1)
            for _ in range(10):
                app.processEvents()
            target = HERE / "team-reader-window.png"
            window.grab().save(str(target))
            print(f"{target}: {target.stat().st_size // 1000} KB (at most {take.MAX_BYTES // 1000})")
            window.workspace.editors.revert()
            window.close()
            store.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
