"""The organisations list: name, Chinese name, short name, kind, city, meetings."""

from __future__ import annotations

from typing import Any, ClassVar

from eventdesk.records import OrganisationKind
from eventdesk.store import EventStore, OrganisationRow
from eventdesk.ui.models.paged import DEFAULT_PAGE_SIZE, PagedTableModel


class OrganisationsModel(PagedTableModel[OrganisationRow]):
    NAME, NAME_ZH, SHORT_NAME, KIND, CITY, MEETINGS = range(6)
    HEADERS = ("Name", "Chinese name", "Short name", "Kind", "City", "Meetings")
    #: Column -> the store's sort keys for ascending and descending order.
    SORTS: ClassVar[dict[int, tuple[str, str]]] = {
        NAME: ("name", "name_desc"),
        NAME_ZH: ("name_zh", "name_zh_desc"),
        SHORT_NAME: ("short_name", "short_name_desc"),
        KIND: ("kind", "kind_desc"),
        CITY: ("city", "city_desc"),
    }

    def __init__(self, store: EventStore, page_size: int = DEFAULT_PAGE_SIZE, parent: Any = None):
        super().__init__(page_size, parent)
        self.store = store

    def fetch_page(self, limit: int, offset: int) -> list[OrganisationRow]:
        return self.store.organisations.list(
            self.text, sort=self.sort_key or "name", limit=limit, offset=offset
        )

    def count(self) -> int:
        return self.store.organisations.count(self.text)

    def display(self, row: OrganisationRow, column: int) -> str:
        if column == self.KIND:
            try:
                return OrganisationKind(row.kind).label
            except ValueError:
                return row.kind
        if column == self.MEETINGS:
            return str(row.meeting_count)
        return (row.name, row.name_zh, row.short_name, "", row.city)[column]
