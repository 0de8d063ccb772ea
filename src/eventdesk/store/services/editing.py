"""Who is editing what, for an editor's header (``store/editing.py``)."""

from __future__ import annotations

import socket

from eventdesk.store import editing, versions
from eventdesk.store.editing import Mark
from eventdesk.store.services.base import Service


class EditingService(Service):
    """``store.editing``: this clerk's marks on the records they have unsaved edits in, and
    the marks of others. A store that may not write (a file open read-only) marks nothing,
    and still sees the others'."""

    def start(self, kind: str, record_id: int) -> None:
        if not self._store.read_only:
            editing.start(self._store.connection, kind, record_id, *self._me())

    def keep(self, kind: str, record_id: int) -> None:
        if not self._store.read_only:
            editing.keep(self._store.connection, kind, record_id, *self._me())

    def stop(self, kind: str, record_id: int) -> None:
        if not self._store.read_only:
            editing.stop(self._store.connection, kind, record_id, *self._me())

    def others(self, kind: str, record_id: int) -> list[Mark]:
        """Other clerks (or this clerk on another PC) with unsaved edits in the record."""
        return editing.others(self._store.connection, kind, record_id, *self._me())

    def _me(self) -> tuple[str, str]:
        return versions.user_of(self._store.connection), socket.gethostname() or "this PC"
