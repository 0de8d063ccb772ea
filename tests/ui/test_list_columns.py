"""Lists stay readable: their own search box, columns wide enough, the record edited selected."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionHeader

from eventdesk.ui.list_columns import MAIN_MIN, SpreadsheetArrows
from eventdesk.ui.sections import Section


def _search(qtbot, pane, text):
    pane.search.setText(text)
    pane.apply_search()


def test_each_list_keeps_its_own_search_text(qtbot, main_window):
    workspace = main_window.workspace
    pane = workspace.list_pane
    _search(qtbot, pane, "zzz")
    assert pane.model().rowCount() == 0
    workspace.set_section(Section.PEOPLE)
    assert pane.search.text() == ""
    assert pane.model().rowCount() > 0
    assert not pane.count_label.text().startswith("0 ")
    workspace.set_section(Section.MEETINGS)
    assert pane.search.text() == "zzz"
    assert pane.model().rowCount() == 0


def test_people_columns_are_wide_enough_after_a_search_that_matched_nothing(qtbot, main_window):
    workspace = main_window.workspace
    pane = workspace.list_pane
    workspace.set_section(Section.PEOPLE)
    _search(qtbot, pane, "zzz")
    workspace.set_section(Section.ORGANISATIONS)
    workspace.set_section(Section.PEOPLE)
    _search(qtbot, pane, "")
    model, table = pane.model(), pane.table
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    for column in range(model.columnCount()):
        longest = max(
            metrics.horizontalAdvance(model.display(model.row(r), column))
            for r in range(model.rowCount())
        )
        assert header.sectionSize(column) >= min(longest, 200), model.HEADERS[column]


def test_the_meetings_date_and_title_are_not_cut(qtbot, main_window):
    pane = main_window.workspace.list_pane
    pane.resize(380, 400)  # a narrow pane, as on a 1366-pixel screen
    header = pane.table.horizontalHeader()
    metrics = pane.table.fontMetrics()
    assert header.sectionSize(0) >= metrics.horizontalAdvance("2021-12-22")
    assert header.sectionSize(pane.model().MAIN_COLUMN) >= MAIN_MIN


def test_coming_back_to_a_list_selects_the_record_shown_there(qtbot, main_window):
    workspace = main_window.workspace
    workspace.set_section(Section.PEOPLE)
    pane = workspace.list_pane
    pane.select_row(3)
    chosen = pane.current_id()
    assert workspace.editors.shown_id() == chosen
    workspace.set_section(Section.MEETINGS)
    workspace.set_section(Section.PEOPLE)
    assert pane.current_id() == chosen
    assert workspace.editors.shown_id() == chosen


def _arrow_rows(style, indicator) -> list[int]:
    """Widths of the painted rows of a header arrow, top to bottom."""
    image = QImage(24, 24, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    option = QStyleOptionHeader()
    option.rect = QRect(0, 0, 24, 24)
    option.sortIndicator = indicator
    option.palette.setColor(option.palette.ColorRole.ButtonText, QColor("black"))
    option.palette.setColor(option.palette.ColorRole.Text, QColor("black"))
    option.palette.setColor(option.palette.ColorRole.WindowText, QColor("black"))
    painter = QPainter(image)
    style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorHeaderArrow, option, painter)
    painter.end()
    rows = []
    for y in range(24):
        dark = sum(1 for x in range(24) if QColor(image.pixel(x, y)).lightness() < 200)
        if dark:
            rows.append(dark)
    return rows


def test_ascending_is_drawn_as_an_upward_arrow():
    style = SpreadsheetArrows("fusion")
    # Qt's header asks for SortDown when the column is ascending
    ascending = _arrow_rows(style, QStyleOptionHeader.SortIndicator.SortDown)
    descending = _arrow_rows(style, QStyleOptionHeader.SortIndicator.SortUp)
    assert ascending and descending
    assert ascending[0] < ascending[-1]  # ▲: narrow at the top
    assert descending[0] > descending[-1]  # ▼


def test_the_list_header_uses_the_spreadsheet_arrows(main_window):
    header = main_window.workspace.list_pane.table.horizontalHeader()
    if header.style().name().casefold() in {"fusion"} or isinstance(
        header.style(), SpreadsheetArrows
    ):
        assert isinstance(header.style(), SpreadsheetArrows)
    assert header.sortIndicatorOrder() in (
        Qt.SortOrder.AscendingOrder,
        Qt.SortOrder.DescendingOrder,
    )
