"""A read-only table model that loads its rows from the store a page at a time.

A database of 10,000 meetings must open at once, so the model never asks for
all rows: it fetches one page (one query) when the view first shows it and
another each time the view scrolls near the end (``canFetchMore`` /
``fetchMore``). Sorting by a header re-queries with the store's sort key
rather than sorting in memory, since most rows are not loaded.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from eventdesk.store import ConnectionLost
from eventdesk.ui.models.headed import HeadedTableModel

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

DEFAULT_PAGE_SIZE = 200


class PagedTableModel(HeadedTableModel, Generic[Row]):
    """Subclasses name their columns and say how to fetch a page and count rows.

    ``HEADERS`` are the column titles; ``SORTS`` maps a column to the store's
    sort keys for ascending and descending order (columns absent from it do
    not sort, because the store cannot order by them).
    """

    #: The number of matching rows became known (it is counted after the first page shows).
    totalKnown = Signal()

    #: The column that takes the pane's spare width (the record's name or title).
    MAIN_COLUMN = 0
    SORTS: ClassVar[dict[int, tuple[str, str]]] = {}

    def __init__(self, page_size: int = DEFAULT_PAGE_SIZE, parent: Any = None):
        super().__init__(parent)
        self.page_size = max(1, page_size)
        self.text = ""
        self.sort_key: str | None = None
        self._rows: list[Row] = []
        self._total: int | None = None
        self._exhausted = False
        self._generation = 0

    # -- what subclasses provide --------------------------------------------

    def fetch_page(self, limit: int, offset: int) -> list[Row]:
        raise NotImplementedError

    def count(self) -> int | None:
        """The number of rows the current filter matches, or None if unknown."""
        return None

    def display(self, row: Row, column: int) -> str:
        raise NotImplementedError

    def row_id(self, row: Row) -> int:
        return row.id  # type: ignore[attr-defined]

    # -- what callers use ---------------------------------------------------

    def set_text(self, text: str) -> None:
        """Filter by the search box's text: the store's full-text search."""
        self.text = text
        self.reload()

    def reload(self, *, at_least: int = 0) -> None:
        """Forget every loaded row and load the first page again (or as many pages as
        ``at_least`` rows take: a list refreshed where the clerk had scrolled to).

        The first page is shown at once; counting every match (as long again
        as the page on a large database) waits for the next turn of the event
        loop, so a keystroke's list is not held back by its count. While a team
        database's server does not answer, the rows shown stay as they are (the
        window's banner says why, ``ui/connection_banner.py``) and the window
        reloads once it answers again.
        """
        pages = max(1, -(-at_least // self.page_size))  # in one query
        try:
            page = self.fetch_page(self.page_size * pages, 0)
        except ConnectionLost:
            self._exhausted = True  # no more pages of the old rows either, until then
            return
        self.beginResetModel()
        self._rows = []
        self._total = None
        self._exhausted = False
        self._generation += 1
        self._take(page, notify=False)
        if len(page) < self.page_size * pages:
            self._exhausted = True
        if self._exhausted:
            self._total = len(self._rows)
        self.endResetModel()
        if self._total is None:
            generation = self._generation
            QTimer.singleShot(0, self, lambda: self._count_now(generation))
        else:
            self.totalKnown.emit()

    def _count_now(self, generation: int) -> None:
        if generation != self._generation:
            return  # another search came first
        try:
            self._total = self.count()
        except ConnectionLost:  # left unknown; the window reloads once the server is back
            return
        self.totalKnown.emit()

    def total_known(self) -> bool:
        return self._total is not None

    def total(self) -> int:
        """Rows matching the filter (all of them, loaded or not), once known."""
        return self._total if self._total is not None else len(self._rows)

    def row(self, index: int) -> Row:
        return self._rows[index]

    def id_at(self, index: int) -> int | None:
        return self.row_id(self._rows[index]) if 0 <= index < len(self._rows) else None

    def row_of_id(self, record_id: int) -> int | None:
        """The row showing ``record_id`` among the loaded rows, if any."""
        for n, row in enumerate(self._rows):
            if self.row_id(row) == record_id:
                return n
        return None

    def is_sortable(self, column: int) -> bool:
        return column in self.SORTS

    # -- QAbstractTableModel -------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(row, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return self.row_id(row)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return False
        return self._total is None or len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._load_next(notify=True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        keys = self.SORTS.get(column)
        if keys is None:
            return
        key = keys[0] if order == Qt.SortOrder.AscendingOrder else keys[1]
        if key != self.sort_key:
            self.sort_key = key
            self.reload()

    # -- internals ------------------------------------------------------------

    def _load_next(self, *, notify: bool) -> None:
        try:
            page = self.fetch_page(self.page_size, len(self._rows))
        except ConnectionLost:  # no more for now: the window reloads once the server is back
            self._exhausted = True
            return
        self._take(page, notify=notify)

    def _take(self, page: list[Row], *, notify: bool) -> None:
        if len(page) < self.page_size:
            self._exhausted = True
        if not page:
            return
        first = len(self._rows)
        if notify:
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        if notify:
            self.endInsertRows()
