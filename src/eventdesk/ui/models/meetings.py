"""The meetings list: date, title, series, format, attendees, status."""

from __future__ import annotations

from typing import Any, ClassVar

from eventdesk.records import MeetingFormat, MeetingStatus
from eventdesk.store import EventStore, MeetingFilter, MeetingRow
from eventdesk.ui.models.paged import DEFAULT_PAGE_SIZE, PagedTableModel


class MeetingsModel(PagedTableModel[MeetingRow]):
    DATE, TITLE, SERIES, FORMAT, ATTENDEES, STATUS = range(6)
    MAIN_COLUMN = TITLE
    HEADERS = ("Date", "Title", "Series", "Format", "Attendees", "Status")
    #: Column -> the store's sort keys for ascending and descending order.
    SORTS: ClassVar[dict[int, tuple[str, str]]] = {
        DATE: ("date_asc", "date"),
        TITLE: ("title", "title_desc"),
        SERIES: ("series", "series_desc"),
        FORMAT: ("format", "format_desc"),
    }

    def __init__(
        self,
        store: EventStore,
        page_size: int = DEFAULT_PAGE_SIZE,
        parent: Any = None,
        *,
        deleted: bool = False,
    ):
        super().__init__(page_size, parent)
        self.store = store
        self.deleted = deleted
        self.sort_key = "date"

    def _filter(self) -> MeetingFilter:
        return MeetingFilter(text=self.text, deleted=self.deleted)

    def fetch_page(self, limit: int, offset: int) -> list[MeetingRow]:
        return self.store.meetings.list(
            self._filter(), sort=self.sort_key or "date", limit=limit, offset=offset
        )

    def count(self) -> int:
        return self.store.meetings.count(self._filter())

    def display(self, row: MeetingRow, column: int) -> str:
        if column == self.DATE:
            if row.end_date and row.end_date != row.start_date:
                return f"{row.start_date} – {row.end_date}"
            return row.start_date
        if column == self.TITLE:
            return row.title or row.title_zh
        if column == self.SERIES:
            return row.series
        if column == self.FORMAT:
            return _label(MeetingFormat, row.format)
        if column == self.ATTENDEES:
            return str(row.attendee_count)
        if column == self.STATUS:
            return _label(MeetingStatus, row.status)
        return ""


def _label(kind: Any, value: str) -> str:
    try:
        return kind(value).label
    except ValueError:
        return value
