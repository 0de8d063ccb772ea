"""The File menu's long jobs: export everything, back up, restore, check, with progress.

Each runs beside the window on its own connection to the database (see
``long_jobs``) and can be cancelled where that leaves nothing half done:

- export streams into ``NAME.partial`` and renames it when complete; Cancel
  stops it between records and deletes the partial file, so a cancelled
  export leaves no file;
- backup copies pages through SQLite's backup API; Cancel stops between
  steps and deletes the partial copy;
- restore can be cancelled while it copies, not once it starts replacing
  the file (then it runs to the end: one rename);
- check can be cancelled at any time: it only reads.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from eventdesk.store import DatabaseFiles, EventStore, StoreError
from eventdesk.ui.long_jobs import Cancelled, JobControl, ProgressJob
from eventdesk.ui.opening import open_for_window

#: The file chooser's filter for a database file.
DATABASE_FILTER = "EventDesk database (*.sqlite3);;All files (*)"

if TYPE_CHECKING:
    from eventdesk.ui.file_host import FileHost


@contextlib.contextmanager
def _own_store(store: EventStore, *, read_only: bool) -> Iterator[EventStore]:
    """The worker's own connection to the window's database (the same one if in memory)."""
    if store.path is None:
        yield store
        return
    own = EventStore.open(store.path, create=False, read_only=read_only, verify=False)
    try:
        yield own
    finally:
        own.close()


def _job(host: FileHost, title: str, label: str, work) -> ProgressJob:
    return ProgressJob(title, label, work, host.window(), in_thread=host.store.path is not None)


# -- export -----------------------------------------------------------------------------


def write_export(store: EventStore, path: Path, control: JobControl) -> Path:
    """The whole database as an interchange file at ``path``, or no file at all.

    The store streams it record by record (people and organisations in
    batches, a meeting and its photos at a time) into ``NAME.partial`` and
    renames that when complete; Cancel stops it between records and the
    partial file goes.
    """
    with _own_store(store, read_only=True) as own:
        control.report(0, 0, "Reading the records…")
        try:
            own.interchange.export_to(
                path,
                progress=lambda done, total: control.report(done, total, "Writing the records…"),
                cancelled=control.is_cancelled,
            )
        except StoreError:
            if control.is_cancelled():
                raise Cancelled from None
            raise
    return path


def export_database(host: FileHost, path: Path) -> ProgressJob:
    store = host.store
    job = _job(
        host,
        "Export whole database",
        f"Exporting to {path.name}…",
        lambda control: write_export(store, path, control),
    )
    job.finished.connect(lambda written: _exported(host, written))
    job.cancelled.connect(
        lambda: host.statusBar().showMessage("Export cancelled; no file was written.", 8000)
    )
    job.failed.connect(lambda message: host.warn(f"Nothing was exported: {message}"))
    return job.start()


def _exported(host: FileHost, written: Path) -> None:
    host.statusBar().showMessage(f"Wrote {written}", 8000)
    note = host.store.interchange.too_big_to_import(written)
    if note:
        host.warn(note)


# -- backup -----------------------------------------------------------------------------


def backup(host: FileHost) -> ProgressJob | None:
    store = host.store
    if store.path is None and store.connection.engine != "sqlite":
        return team_backup(host)
    if store.path is None:
        host.warn("An in-memory database has no backup folder.")
        return None

    notes: list[str] = []  # photos left out: damaged, or a link in their place

    def work(control: JobControl) -> Path:
        with _own_store(store, read_only=True) as own:
            return own.files.backup(
                progress=lambda done, total: control.report(done, total, "Copying the database…"),
                notes=notes,
            )

    def done(target: Path) -> None:
        host.statusBar().showMessage(f"Backed up to {target}", 8000)
        if notes:
            host.warn(f"Backed up to {target}, but:\n" + "\n".join(f"• {n}" for n in notes))

    job = _job(host, "Back up", "Backing up…", work)
    job.finished.connect(done)
    job.cancelled.connect(
        lambda: host.statusBar().showMessage("Backup cancelled; no copy was kept.", 8000)
    )
    job.failed.connect(host.warn)
    return job.start()


def team_backup(host: FileHost) -> ProgressJob | None:
    """A team database's Back up now: a copy of it in a file the clerk names, photos
    included, checked by counting both sides (``eventdesk backup -o FILE``'s copy). The
    server's own backups are IT's (docs/team.md); this is the portable copy any EventDesk
    opens as a file. A file chosen that exists (the file chooser asked) is replaced."""
    from PySide6.QtWidgets import QFileDialog

    store = host.store
    start = Path.home() / f"{_team_name(store.address)}-{date.today():%Y-%m-%d}.sqlite3"
    name, _ = QFileDialog.getSaveFileName(
        host.window(), "Back up the team database to a file", str(start), DATABASE_FILTER
    )
    if not name:
        return None
    target = Path(name)

    def work(control: JobControl):
        control.no_cancel()  # the copy is whole or not there at all, and cannot stop midway

        def progress(tally) -> None:
            done, total = sum(tally.done.values()), sum(tally.totals.values())
            control.report(done, total, f"Copying {tally.current or 'the records'}…")

        return store.files.copy_to(target, replace=target.exists(), progress=progress)

    def done(report) -> None:
        if report.ok:
            host.statusBar().showMessage(
                f"Backed up to {target}: {report.records():,} records, checked.", 8000
            )
            return
        problems = "\n".join(f"• {p}" for p in report.problems)
        host.warn(f"The copy in {target} is not complete:\n{report.table()}\n{problems}".strip())

    job = _job(host, "Back up", "Copying the team database to a file…", work)
    job.finished.connect(done)
    job.failed.connect(host.warn)
    return job.start()


def _team_name(address: str) -> str:
    """The database's name in a team address (for a file's name): ``eventdesk``."""
    name = address.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return "".join(c for c in name if c.isalnum() or c in "-_") or "team-database"


# -- check ------------------------------------------------------------------------------


def check(host: FileHost) -> ProgressJob:
    """SQLite's full integrity check and EventDesk's own checks; the findings are told."""
    store = host.store

    def work(control: JobControl) -> list[str]:
        # Not read-only: the search indexes' own check is written as an INSERT.
        with _own_store(store, read_only=store.read_only) as own:
            return own.files.check(
                progress=lambda done, total: control.report(done, total, "Checking every page…")
            )

    job = _job(host, "Check database", "Checking the database…", work)

    def done(problems: list[str]) -> None:
        if not problems:
            host.inform("The check found no problems.")
            return
        shown = "\n".join(f"• {p}" for p in problems[:15])
        more = f"\n… and {len(problems) - 15} more" if len(problems) > 15 else ""
        host.warn(
            f"The check found {len(problems)} problem(s):\n{shown}{more}\n\n"
            "File › Restore from backup puts back an earlier copy."
        )

    job.finished.connect(done)
    job.cancelled.connect(lambda: host.statusBar().showMessage("Check cancelled.", 5000))
    job.failed.connect(host.warn)
    return job.start()


# -- restore ----------------------------------------------------------------------------

#: How long a restore waits for the checks, purges and previews running beside the window.
WORKERS_WAIT_MS = 30_000


def _let_workers_finish() -> None:
    """Let the work running on its own connections to the database end first.

    On Windows a file another connection has open cannot be replaced (SQLite
    opens without ``FILE_SHARE_DELETE``): a check or a preview still reading
    would make the restore fail midway. Past the wait the restore goes on, and
    a connection still open meets its short retry (``store/busy_files.py``).
    """
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(WORKERS_WAIT_MS)


_STEPS = {"keep": "Keeping the current file…", "copy": "Copying the backup…"}


def restore_file(host: FileHost, backup_file: Path) -> ProgressJob | None:
    """Put ``backup_file`` in place of the open database (the replaced file is kept).

    The window lets go of the database while this runs, and opens it again
    when done: restored, or as it was if cancelled or refused.
    """
    path = host.store.path
    if path is None:
        return None

    def work(control: JobControl) -> Path:
        def tell(step: str, done: int, total: int) -> None:
            if step == "replace":
                control.no_cancel()
                control.report(1, 1, "Replacing the database…")
            else:
                control.report(done, total, _STEPS.get(step, ""))

        return DatabaseFiles(path).restore(backup_file, tell)

    host.release_store()
    _let_workers_finish()
    job = ProgressJob("Restore from backup", "Restoring…", work, host.window())

    def reopen() -> bool:
        store = open_for_window(
            path,
            create=False,
            ask_read_only=host.ask_read_only,
            show_error=host.warn,
            ask_take_over=host.ask_take_over,
        )
        host.install_store(store if store is not None else EventStore.in_memory())
        return store is not None

    def done(kept: Path) -> None:
        if reopen():
            host.inform(
                f"Restored {path.name} from {backup_file.name}. "
                f"The replaced file was kept as {kept}."
            )

    def cancelled() -> None:
        reopen()
        host.statusBar().showMessage("Restore cancelled; nothing was changed.", 8000)

    def failed(message: str) -> None:
        host.warn(message)
        reopen()

    job.finished.connect(done)
    job.cancelled.connect(cancelled)
    job.failed.connect(failed)
    return job.start()
