"""The records in the trash, a page at a time: kind, label and when each was deleted."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from eventdesk.store import EventStore, TrashRow
from eventdesk.ui.models.paged import DEFAULT_PAGE_SIZE, PagedTableModel

KIND_LABELS = {"meeting": "Meeting", "person": "Person", "organisation": "Organisation"}


class TrashModel(PagedTableModel[TrashRow]):
    KIND, LABEL, DELETED = range(3)
    HEADERS = ("Kind", "Record", "Deleted")
    MAIN_COLUMN = LABEL

    def __init__(self, store: EventStore, page_size: int = DEFAULT_PAGE_SIZE, parent: Any = None):
        super().__init__(page_size, parent)
        self.store = store

    def fetch_page(self, limit: int, offset: int) -> list[TrashRow]:
        return self.store.trash.page(limit=limit, offset=offset)

    def count(self) -> int:
        return self.store.trash.count()

    def display(self, row: TrashRow, column: int) -> str:
        if column == self.KIND:
            return KIND_LABELS.get(row.kind, row.kind)
        if column == self.LABEL:
            return row.label
        return _local_time(row.deleted_at)


def _local_time(stamp: str) -> str:
    """A stored UTC time as the user's local date and minute."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp
