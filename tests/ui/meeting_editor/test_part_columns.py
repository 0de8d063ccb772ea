"""At 1366x768 every column of a meeting's lists says what it is, and Capacity is not cut.

The Attendees tab's Capacity had no width of its own and, once the declared
Gift column followed it, kept Qt's 100 pixels: "Chairman of the Alliance" read
"Chairman of t…". Columns without a width of their own now take their text's
(up to a cap, the rest in the cell's tooltip); every header is whole, and a
header a clerk drags narrower says itself in its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QTableView

from eventdesk.ui.list_columns import MAX_COLUMN_WIDTH
from eventdesk.ui.screen_fit import fitted

ROOM = fitted(QSize(5000, 5000), QRect(0, 0, 1366, 768))
HORIZONTAL = Qt.Orientation.Horizontal


def _tables(main_window):
    """(tab name, table) of each list tab of the example meeting, at 1366x768."""
    main_window.resize(ROOM)
    editor = main_window.workspace.editors.meeting_editor
    (row,) = main_window.store.meetings.list()
    editor.load(row.id)
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        view = getattr(editor.tabs.widget(index), "view", None)
        if isinstance(view, QTableView):
            yield editor.tabs.tabText(index), view


def test_every_column_header_is_whole_and_tells_itself_in_a_tooltip(qtbot, main_window):
    seen = 0
    for tab, view in _tables(main_window):
        header, model = view.horizontalHeader(), view.model()
        for column in range(model.columnCount()):
            label = model.headerData(column, HORIZONTAL, Qt.ItemDataRole.DisplayRole)
            assert header.sectionSize(column) >= header.sectionSizeHint(column), (tab, label)
            assert model.headerData(column, HORIZONTAL, Qt.ItemDataRole.ToolTipRole) == label
            seen += 1
    assert seen >= 30  # six lists, their declared columns included


def test_capacity_and_the_declared_columns_are_as_wide_as_their_text(qtbot, main_window):
    tables = dict(_tables(main_window))
    view = next(v for name, v in tables.items() if name.startswith("Attendees"))
    model = view.model()
    capacity = model.HEADERS.index("Capacity")
    metrics = view.fontMetrics()
    longest = max(metrics.horizontalAdvance(model.text(a, capacity)) for a in model.rows())
    assert longest >= metrics.horizontalAdvance("Chairman of the Alliance")
    assert view.columnWidth(capacity) >= longest
    # a text longer than the cap is cut, the whole of it in the cell's tooltip
    attendee = model.rows()[0]
    attendee.capacity = "Representative of the Director of the Liaison Office " * 3
    model.set_meeting(model.meeting)
    assert view.columnWidth(capacity) == MAX_COLUMN_WIDTH
    tip = model.data(model.index(0, capacity), Qt.ItemDataRole.ToolTipRole)
    assert tip == attendee.capacity


def test_a_column_a_clerk_narrowed_stays_narrowed(qtbot, main_window):
    tables = dict(_tables(main_window))
    view = next(v for name, v in tables.items() if name.startswith("Attendees"))
    capacity = view.model().HEADERS.index("Capacity")
    view.setColumnWidth(capacity, 60)
    view.model().refresh_all()  # an edit in the form: no column is narrowed or widened back
    assert view.columnWidth(capacity) == 60
