"""Readable list columns, and sort arrows that point the way a spreadsheet's do.

Column widths were measured once, when a list was first shown, from the rows
loaded then: a list first shown under a search that matched nothing kept
header-wide columns ("CAI Yo…"), and a narrow pane squeezed the title to "…".
Here the other columns grow (never shrink, so a user's own widths stay) to
their content, up to a cap, whenever rows arrive; the main column takes the
room left, but never less than :data:`MAIN_MIN` (the list scrolls sideways
instead).

Qt marks an ascending column with the arrow its style calls "down" (Fusion
draws ▼); Excel and most users read ▲ as ascending (A→Z, oldest first), so
the list's header is drawn with the two swapped.
"""

from __future__ import annotations

from functools import cache, partial

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

#: Wider columns are cut (the full text is in the tooltip) so several fit at once.
MAX_COLUMN_WIDTH = 220
#: The main column (a title, a name) never gets narrower than this.
MAIN_MIN = 220
#: Rows measured for a column's width: more than a screen shows (25 at 1366x768). Measuring
#: the whole first page (100) took 11 ms of every search keystroke.
MEASURED_ROWS = 40
#: A cell's margins on both sides, beyond its text.
PADDING = 14


@cache
def _spreadsheet_arrows() -> type:
    """The proxy style, made when a Fusion header first needs it: PySide6 then makes
    ``QProxyStyle`` and ``QStyle``'s enums (6 ms at start); Windows and macOS never do."""
    from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOptionHeader

    class SpreadsheetArrows(QProxyStyle):
        """▲ for ascending, ▼ for descending, whatever the base style's habit."""

        def drawPrimitive(self, element, option, painter, widget=None) -> None:
            if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(
                option, QStyleOptionHeader
            ):
                flipped = QStyleOptionHeader(option)
                up, down = (
                    QStyleOptionHeader.SortIndicator.SortUp,
                    QStyleOptionHeader.SortIndicator.SortDown,
                )
                if option.sortIndicator == up:
                    flipped.sortIndicator = down
                elif option.sortIndicator == down:
                    flipped.sortIndicator = up
                option = flipped
            super().drawPrimitive(element, option, painter, widget)

    return SpreadsheetArrows


def ascending_arrow_points_up(header: QHeaderView) -> None:
    """Give ``header`` spreadsheet arrows where its style draws ascending as ▼ (Fusion)."""
    base = header.style()
    if base.name().casefold() != "fusion":
        return  # the Windows and macOS styles already draw ascending as ▲
    style = _spreadsheet_arrows()(base.name())
    style.setParent(header)
    header.setStyle(style)


class ColumnFitter(QObject):
    """Keeps a table's columns readable as rows load and the pane is resized."""

    def __init__(self, table: QTableView):
        super().__init__(table)
        self._table = table
        self._main = 0
        table.installEventFilter(self)

    def reset(self, main_column: int) -> None:
        """A new model: measure every column afresh."""
        self._main = main_column
        header = self._table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        model = self._table.model()
        for column in range(model.columnCount() if model else 0):
            if column != main_column:
                header.resizeSection(column, self._wanted(column))
        self.fit_main()

    def grow(self) -> None:
        """Rows arrived: widen the columns their text needs (up to the cap)."""
        header = self._table.horizontalHeader()
        model = self._table.model()
        for column in range(model.columnCount() if model else 0):
            if column != self._main and header.sectionSize(column) < MAX_COLUMN_WIDTH:
                wanted = self._wanted(column)
                if wanted > header.sectionSize(column):
                    header.resizeSection(column, wanted)
        self.fit_main()

    def fit_main(self) -> None:
        header = self._table.horizontalHeader()
        model = self._table.model()
        if model is None or not 0 <= self._main < model.columnCount():
            return
        others = sum(header.sectionSize(c) for c in range(model.columnCount()) if c != self._main)
        # The header spans the viewport (QTableView lays it out so). Not ``viewport()``: the
        # first plain QWidget PySide6 is handed makes it find that widget's class among all
        # of QtWidgets' classes, making each and its enums (51 of them, 13 ms at start).
        room = header.width() - others
        header.resizeSection(self._main, max(room, MAIN_MIN))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._table and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._fit_if_alive)  # the viewport is resized after the table
        return False

    def _fit_if_alive(self) -> None:
        if shiboken6.isValid(self._table):
            self.fit_main()

    def _wanted(self, column: int) -> int:
        return wanted_width(self._table, column)


def wanted_width(table: QTableView, column: int) -> int:
    """The width of a column's text in the first rows and its header's, up to the cap (the
    view may not be laid out yet)."""
    header = table.horizontalHeader()
    model = table.model()
    metrics = table.fontMetrics()
    content = 0
    for row in range(min(model.rowCount(), MEASURED_ROWS)):
        text = model.data(model.index(row, column))
        if text:
            content = max(content, metrics.horizontalAdvance(str(text)))
    return min(max(content + PADDING, header.sectionSizeHint(column)), MAX_COLUMN_WIDTH)


def widen_to_content(table: QTableView, fixed: dict[int, int]) -> None:
    """Widen (never narrow: a clerk's own widths stay) the columns without a ``fixed`` width
    to their text, and every column to its header's."""
    header = table.horizontalHeader()
    model = table.model()
    for column in range(model.columnCount() if model else 0):
        fits = header.sectionSizeHint if column in fixed else partial(wanted_width, table)
        wanted = fits(column)
        if wanted > header.sectionSize(column):
            header.resizeSection(column, wanted)


def __getattr__(name: str) -> type:
    """``SpreadsheetArrows``, the class, made on first use (``_spreadsheet_arrows``)."""
    if name == "SpreadsheetArrows":
        return _spreadsheet_arrows()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
