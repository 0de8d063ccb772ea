"""The people list: name, Chinese name, title, organisation, e-mail, meetings."""

from __future__ import annotations

from typing import Any, ClassVar

from eventdesk.store import EventStore, PersonRow
from eventdesk.ui.models.paged import DEFAULT_PAGE_SIZE, PagedTableModel


class PeopleModel(PagedTableModel[PersonRow]):
    NAME, NAME_ZH, TITLE, ORGANISATION, EMAIL, MEETINGS = range(6)
    HEADERS = ("Name", "Chinese name", "Title", "Organisation", "E-mail", "Meetings")
    #: Column -> the store's sort keys for ascending and descending order.
    SORTS: ClassVar[dict[int, tuple[str, str]]] = {
        NAME: ("name", "name_desc"),
        NAME_ZH: ("name_zh", "name_zh_desc"),
        TITLE: ("title", "title_desc"),
        ORGANISATION: ("organisation", "organisation_desc"),
        EMAIL: ("email", "email_desc"),
    }

    def __init__(self, store: EventStore, page_size: int = DEFAULT_PAGE_SIZE, parent: Any = None):
        super().__init__(page_size, parent)
        self.store = store

    def fetch_page(self, limit: int, offset: int) -> list[PersonRow]:
        return self.store.people.list(
            self.text, sort=self.sort_key or "name", limit=limit, offset=offset
        )

    def count(self) -> int:
        return self.store.people.count(self.text)

    def display(self, row: PersonRow, column: int) -> str:
        values = (row.name, row.name_zh, row.title, row.organisation, row.email)
        if column < len(values):
            return values[column]
        return str(row.meeting_count) if column == self.MEETINGS else ""
