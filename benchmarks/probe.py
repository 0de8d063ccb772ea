"""The measured side of ``run.py``: one child process per measurement.

    python benchmarks/probe.py start|bare-start|first-paint|bare-first-paint|work DB [OUT]

``start`` and ``bare-start`` print ``ready`` once a main window is shown and
its list holds rows (its first paint is done), then ``editor`` once the
record the window opens on is in the editor (EventDesk shows it after that
first paint; the bare window has none), then ``rss <MiB>``, and exit: the
parent times the process from launch to ``ready`` and to ``editor``.
``first-paint`` and ``bare-first-paint`` print ``ready`` after that first paint and end
the process there, before anything the window leaves for later (the newest meeting, the
quick check): what ``start_instructions.py`` counts. ``bare-*`` is the floor: a
QMainWindow with a search box and a table and no EventDesk at all. ``work`` builds the
real main window on DB and times, in-process, search keystrokes, opening the
200-attendee meeting in the editor and writing its news release PDF; it prints one JSON
line of samples in milliseconds. DB may be a team database's ``postgresql://`` address: then
``work`` also times saving that meeting with one title changed and counts the
statements each save sends the server (libpq's trace of what psycopg sends:
every simple query and every execution of a prepared one); ``work DB OUT
--saves`` does so on a file too (its statements counted by SQLite's trace
callback, its triggers' own left out as a server's are), for run.py's
PostgreSQL column to set the file's figures of the same minute beside it.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

QUERIES = [
    "w",
    "wa",
    "wan",
    "wang",
    "l",
    "li",
    "s",
    "sh",
    "shanghai",
    "summer",
    "c",
    "ch",
    "chen",
    "d",
    "ding",
    "丁",
    "王",
    "report",
    "course",
    "p",
]


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def bare_window():
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtPrintSupport import QPrinter  # noqa: F401  (the bare package has it too)
    from PySide6.QtWidgets import (
        QApplication,
        QLineEdit,
        QMainWindow,
        QTableView,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication(sys.argv)
    window = QMainWindow()
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.addWidget(QLineEdit())
    model = QStandardItemModel(100, 3)
    for row in range(100):
        model.setItem(row, 0, QStandardItem(f"row {row}"))
    table = QTableView()
    table.setModel(model)
    layout.addWidget(table)
    window.setCentralWidget(body)
    window.resize(1280, 800)
    window.show()
    return app, window


def eventdesk_window(db: Path | str):
    from PySide6.QtCore import QSettings

    from eventdesk.ui.app import make_application
    from eventdesk.ui.main_window import MainWindow
    from eventdesk.ui.opening import open_for_window

    app = make_application()
    store = open_for_window(
        db,
        create=False,
        ask_read_only=lambda _m: True,
        show_error=lambda m: sys.exit(f"cannot open: {m}"),
    )
    settings_file = Path(tempfile.mkdtemp(prefix="eventdesk-probe-")) / "settings.ini"
    window = MainWindow(store, QSettings(str(settings_file), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    return app, window


def start(kind: str, db: Path | None) -> None:
    app, window = bare_window() if kind == "bare" else eventdesk_window(db)  # type: ignore[arg-type]
    app.processEvents()
    print("ready", flush=True)
    if kind != "bare":
        while window.workspace.editors.showing_later():
            app.processEvents()
    print("editor", flush=True)
    print(f"rss {rss_mib():.1f}", flush=True)
    if kind != "bare":
        window.store.close()


def first_paint(db: Path | str | None) -> None:
    """The window shown and painted once, then the process ends at once (no store closed, no
    quick check or editor waited for: an OS lock ends with the process)."""
    app, _window = bare_window() if db is None else eventdesk_window(db)
    app.processEvents()
    print("ready", flush=True)
    os._exit(0)


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000


def work(db: Path | str, out: Path, saves: bool = False) -> None:
    app, window = eventdesk_window(db)
    app.processEvents()
    pane = window.workspace.list_pane
    samples: dict[str, list[float]] = {"search": [], "open": [], "pdf": [], "plain": []}
    for _ in range(3):
        for query in QUERIES:
            pane.search.setText(query)
            started = time.perf_counter()
            pane.apply_search()  # what the debounce timer calls: the first page is queried
            pane.table.viewport().repaint()  # and painted; the count follows a moment later
            samples["search"].append(_ms(started))
            app.processEvents()
            pane.search.setText("")
            pane.apply_search()
    store = window.store
    team = store.connection.engine == "postgresql"
    plain = "SELECT rowid FROM people_fts WHERE people_fts MATCH ? ORDER BY rank LIMIT 100"
    for _ in range(0 if team else 3):  # the floor is the file's FTS5 query
        for query in QUERIES:
            started = time.perf_counter()
            store.db.execute(plain, [f'"{query}"*']).fetchall()
            samples["plain"].append(_ms(started))
    (meeting_id,) = store.connection.execute(
        "SELECT id FROM meetings WHERE uid = 'bench-200'"
    ).fetchone()
    editor = window.workspace.editors.meeting_editor
    other = store.meetings.list(limit=1)[0].id
    for _ in range(7):
        editor.load(other)
        app.processEvents()
        started = time.perf_counter()
        editor.load(meeting_id)
        app.processEvents()
        samples["open"].append(_ms(started))
    from eventdesk.summary import write_summary

    for n in range(5):
        started = time.perf_counter()
        write_summary(store, meeting_id, "news", out / f"news-{n}.pdf")
        samples["pdf"].append(_ms(started))
    if team or saves:
        samples.update(timed_saves(store, meeting_id, out))
    print(json.dumps(samples), flush=True)


def timed_saves(store, meeting_id: int, out: Path, runs: int = 7) -> dict[str, list[float]]:
    """Milliseconds to save the meeting with one attendee's title changed (as
    ``store_costs.save_200`` on a file), after a first save, and the statements each sent."""
    meeting = store.meetings.get(meeting_id)
    times, statements = [], []
    for n in range(runs + 1):
        meeting.attendees[100].title = f"Director {n}"
        trace = out / f"trace-{n}.txt"
        file_statements: list[str] = []
        if store.connection.engine == "sqlite":
            sqlite = store.connection.sqlite
            sqlite.set_trace_callback(file_statements.append)
            started = time.perf_counter()
            meeting = store.meetings.save(meeting)
            took = _ms(started)
            sqlite.set_trace_callback(None)
            sent = sum(1 for sql in file_statements if not sql.startswith("--"))
        else:
            with traced(store.connection, trace):
                started = time.perf_counter()
                meeting = store.meetings.save(meeting)
                took = _ms(started)
            sent = count_statements(trace)
        if n:
            times.append(took)
            statements.append(float(sent))
    return {"save": times, "statements": statements}


class traced:
    """libpq's trace of what the connection sends, into ``path``, for the block."""

    def __init__(self, connection, path: Path):
        self.pgconn = connection._conn.pgconn  # psycopg's, under the engine's connection
        self.path = path

    def __enter__(self) -> None:
        self.file = open(self.path, "w", encoding="utf-8")  # closed on exit
        self.pgconn.trace(self.file.fileno())

    def __exit__(self, *exc) -> None:
        self.pgconn.untrace()
        self.file.close()


def count_statements(trace: Path) -> int:
    """The statements a trace shows sent: simple queries (BEGIN, SAVEPOINT, COMMIT…) and
    executions of prepared ones (an ``executemany`` sends one per row)."""
    sent = 0
    for line in trace.read_text(encoding="utf-8", errors="replace").splitlines():
        fields = line.split("\t")
        if len(fields) > 3 and fields[1] == "F" and fields[3].split(" ")[0] in ("Query", "Execute"):
            sent += 1
    return sent


def main() -> None:
    mode = sys.argv[1]
    db: Path | str | None = None
    if len(sys.argv) > 2:  # a file's path, or a team database's address as it is
        db = sys.argv[2] if sys.argv[2].startswith("postgresql://") else Path(sys.argv[2])
    if mode == "start":
        start("eventdesk", db)
    elif mode == "bare-start":
        start("bare", None)
    elif mode in ("first-paint", "bare-first-paint"):
        first_paint(db if mode == "first-paint" else None)
    elif mode == "work":
        work(db, Path(sys.argv[3]), saves="--saves" in sys.argv[4:])  # type: ignore[arg-type]
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
