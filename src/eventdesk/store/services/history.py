"""Who changed what: the lines of history a record's page and ``eventdesk history`` show."""

from __future__ import annotations

from eventdesk.store import history
from eventdesk.store.history import Change
from eventdesk.store.services.base import Service


class HistoryService(Service):
    """``store.history``: every save of a meeting, person, organisation or
    course, the newest first.

    The lines are written by the saves themselves (``store/versions.py``), never here.
    """

    def of(self, kind: str, record_id: int) -> list[Change]:
        """The record's lines, the newest first (``kind``: meeting, person, organisation or
        course)."""
        return history.of(self._store.connection, kind, record_id)
