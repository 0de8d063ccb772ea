"""Files: the photos and documents of meetings, the database's backups, and its check."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from eventdesk.store import backups, check_progress, checks, media, meetings
from eventdesk.store.errors import StoreError
from eventdesk.store.services.base import Service

if TYPE_CHECKING:
    from eventdesk.store.copying import CopyReport, Progress


class FileService(Service):
    """``store.files``: a meeting file's bytes, backups of the database, its full check."""

    # -- a meeting's files ------------------------------------------------------------

    def data(self, file_id: int) -> bytes:
        """A meeting file's bytes as saved (a photo's original)."""
        return meetings.file_data(self.connection, file_id)

    def photo_for_print(self, file_id: int) -> bytes:
        """The photo made print-size and upright, for summaries (never the full original)."""
        return meetings.photo_for_print(self.connection, file_id)

    def shared_photo_folder(self) -> Path | None:
        """The photo folder this database uses but may not clean (another database beside it
        shares it), or None: what `check` says instead of removing anything."""
        if self.connection.engine != "sqlite":
            return None  # a team database's photos are in it, no folder's
        found = media.photo_folder_of(self.db)
        return found.path if found is not None and not found.owned and found.path.is_dir() else None

    def remove_orphan_photos(self) -> list[Path]:
        """Delete photo files no record names (a crash's leftovers, photos removed), an hour on."""
        if self._store.read_only or self.connection.engine != "sqlite":
            return []  # a team database's photos no record names go when the trash is emptied
        return media.remove_orphans(self.db)

    # -- backups ----------------------------------------------------------------------

    def backup(
        self,
        target: Path | None = None,
        *,
        progress: backups.Progress | None = None,
        notes: list[str] | None = None,
    ) -> Path:
        """A consistent copy (by default a manual backup beside the file): ``backups.backup``.

        A copy written anywhere but this database's ``backups`` folder is a
        database of its own, with an identity and photo folder of its own.
        Photos left out (damaged, or a link in their place) are named in ``notes``.
        """
        path = self._store.path
        if target is None:
            if path is None:
                raise StoreError("An in-memory database has no backup folder; name a file.")
            target = backups.backup_path(path, "manual")
        own = path is not None and target.parent.resolve() == backups.backup_folder(path).resolve()
        return backups.backup(self.db, target, progress, new_identity=not own, notes=notes)

    def copy_to(
        self, target: str | Path, *, replace: bool = False, progress: Progress | None = None
    ) -> CopyReport:
        """The whole database copied to ``target``, a file or a team database, and checked
        (``store/copying.py``): a team database's backup to a file (``backup -o``), a file's
        copy to take on a trip, or the move to a team database."""
        from eventdesk.store.copying import copy_database

        store = self._store
        source = store.connection if store.path is None else str(store.path)
        return copy_database(source, str(target), replace=replace, progress=progress)

    def automatic_backup(self, reason: str) -> Path | None:
        """A rotating backup beside the database (none for an in-memory or read-only one)."""
        path = self._store.path
        if path is None or self._store.read_only:
            return None
        return backups.automatic_backup(self.db, path, reason)

    # -- the check --------------------------------------------------------------------

    def check(
        self, notes: list[str] | None = None, *, progress: backups.Progress | None = None
    ) -> list[str]:
        """Problems SQLite's full integrity check and our own consistency checks find.

        ``progress(done, total)`` is called as SQLite works (an estimate from
        the file's size); if it raises, the check stops and the exception
        goes on to the caller. What could not be checked (the search indexes of a
        file open read-only) is added to ``notes``.
        """
        if self.connection.engine != "sqlite":
            return checks.team_problems(self.connection)
        if progress is None:
            return checks.problems(self.db, notes)
        return check_progress.problems_with_progress(
            self.db, lambda db: checks.problems(db, notes), progress
        )
