"""The meetings one person or organisation took part in, for their editor's page.

Our own university is in every meeting of ten years, so these lists page
like the main ones: the first page of meetings when the page is shown,
another (one query) each time the view scrolls near the end. A page is a
number of meetings, each with all its rows for the party (an organisation
hosting and sending three people is four rows), so the store is asked for
meetings from the number of meetings already shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventdesk.records import AttendanceRole, DecisionKind, HostRole
from eventdesk.store import AttendedRow
from eventdesk.ui.models.paged import DEFAULT_PAGE_SIZE, PagedTableModel

#: ``fetch(party_id, limit=…, offset=…)``: the store's page of a party's meetings.
Fetch = Callable[..., list[AttendedRow]]


class AttendedModel(PagedTableModel[AttendedRow]):
    DATE, MEETING, ROLE, PERSON, TITLE_HELD = range(5)
    ALL_HEADERS = ("Date", "Meeting", "Role", "Person", "Title held then")
    MAIN_COLUMN = 1

    def __init__(
        self,
        *,
        show_person: bool = False,
        page_size: int = DEFAULT_PAGE_SIZE,
        parent: Any = None,
    ):
        super().__init__(page_size, parent)
        self.columns = [self.DATE, self.MEETING, self.ROLE, self.TITLE_HELD]
        if show_person:
            self.columns.insert(3, self.PERSON)
        self.HEADERS = tuple(self.ALL_HEADERS[c] for c in self.columns)
        self._fetch: Fetch | None = None
        self._party: int | None = None
        self._meetings_loaded = 0

    def show_party(self, fetch: Fetch | None, party_id: int | None) -> None:
        """List the meetings of ``party_id`` through ``fetch`` (None: an empty list)."""
        self._fetch = fetch
        self._party = party_id
        self.reload()

    def reload(self, *, at_least: int = 0) -> None:
        self._meetings_loaded = 0
        super().reload(at_least=at_least)

    def meeting_id_at(self, row: int) -> int | None:
        return self.id_at(row)

    def meetings_loaded(self) -> int:
        """How many meetings the loaded rows show (the store's offset for the next page)."""
        return self._meetings_loaded

    # -- PagedTableModel ----------------------------------------------------------

    def fetch_page(self, limit: int, offset: int) -> list[AttendedRow]:
        # ``offset`` counts rows; the store counts meetings, so the next page starts
        # after the meetings already shown.
        if self._fetch is None or self._party is None:
            return []
        rows = self._fetch(self._party, limit=limit, offset=self._meetings_loaded)
        self._meetings_loaded += len({r.meeting_id for r in rows})
        return rows

    def row_id(self, row: AttendedRow) -> int:
        return row.meeting_id

    def display(self, row: AttendedRow, column: int) -> str:
        column = self.columns[column]
        if column == self.ROLE:
            return _role_label(row.role)
        return (row.start_date, row.title, "", row.person, row.title_held)[column]


def _role_label(value: str) -> str:
    # a decision's party shows the decision's kind: "Election", with its role as title
    for kind in (AttendanceRole, HostRole, DecisionKind):
        try:
            return kind(value).label
        except ValueError:
            continue
    return value
