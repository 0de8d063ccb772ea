"""The interchange format, for the GUI and the command line: an import, the exports, and the
size an import would refuse. The format's package is loaded on first use: starting EventDesk
does not need it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from eventdesk.store.services.base import Service

if TYPE_CHECKING:
    from eventdesk.store.interchange import ImportReport


class InterchangeService(Service):
    """``store.interchange``: take in an interchange file, write one out.

    The interchange is given the whole store: it reads and saves through the
    other services (``store/interchange/access.py`` says which it asks for).
    """

    def import_file(self, path: Path) -> ImportReport:
        """Take an interchange file whole, or change nothing (``ImportRefused`` says why)."""
        from eventdesk.store.interchange import import_file

        return import_file(self._store, path)

    def export_json(self, meeting_id: int | None = None) -> str:
        """One meeting, or the whole database, as interchange JSON text."""
        from eventdesk.store.interchange import dumps, export_database, export_meeting

        if meeting_id is None:
            return dumps(export_database(self._store))
        return dumps(export_meeting(self._store, meeting_id))

    def export_to(
        self,
        path: Path,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """The whole database written to ``path`` record by record; see interchange.streaming.

        For a worker thread: open a read-only store on the same file there, pass
        ``progress(done, total)`` and ``cancelled()``; a cancel leaves no file.
        """
        from eventdesk.store.interchange.streaming import write_database

        return write_database(self._store, path, progress=progress, cancelled=cancelled)

    def too_big_to_import(self, path: Path) -> str | None:
        """What to tell the user whose export no EventDesk will import again (photos, mostly)."""
        from eventdesk.store.interchange.limits import too_big_note

        return too_big_note(path)
