"""The middle pane: a search box that filters as you type, and the list of records.

Typing restarts a 150 ms timer and the model re-queries when it fires, so a
fast typist costs one query, not one per keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from eventdesk.ui.list_columns import ColumnFitter, ascending_arrow_points_up
from eventdesk.ui.models import PagedTableModel

SEARCH_DELAY_MS = 150


class ListPane(QWidget):
    #: The current row changed to this record id (None: no row).
    currentChanged = Signal(object)
    #: Enter or double-click on a record.
    activated = Signal(int)
    #: The "Load the example meeting" button of an empty database.
    exampleRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._model: PagedTableModel | None = None
        self._connected: set[int] = set()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.filters_row = QHBoxLayout()
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.horizontalHeader().sectionClicked.connect(self._header_clicked)
        self._texts: dict[int, str] = {}
        self.columns = ColumnFitter(self.table)
        ascending_arrow_points_up(self.table.horizontalHeader())
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: palette(mid);")

        self.example_bar = QWidget()
        bar = QVBoxLayout(self.example_bar)
        bar.setContentsMargins(8, 8, 8, 8)
        hint = QLabel(
            "This database is empty. Press Ctrl+N for a new meeting, File › Import… "
            "to take an EventDesk file, or look around with the example meeting."
        )
        hint.setWordWrap(True)
        bar.addWidget(hint)
        self.example_button = QPushButton("Load the &example meeting")
        bar.addWidget(self.example_button, 0, Qt.AlignmentFlag.AlignLeft)
        # first start: which organisation is ours decides sides and the summaries' "on behalf of"
        self.ours_button = QPushButton("Choose &our organisation…")
        self.ours_button.setToolTip("The university this office belongs to (Edit › Preferences)")
        bar.addWidget(self.ours_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.example_bar.setStyleSheet("background: palette(alternate-base);")
        self.example_bar.hide()
        self.example_button.clicked.connect(self.exampleRequested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(self.filters_row)
        layout.addWidget(self.example_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.table.doubleClicked.connect(self._activate)
        self.table.activated.connect(self._activate)

    # -- the model ---------------------------------------------------------------

    def set_model(self, model: PagedTableModel) -> None:
        """Show ``model``; its rows are (re)loaded with the current search text."""
        self._timer.stop()
        if self._model is not None:  # each list keeps its own search text
            self._texts[id(self._model)] = self.search.text()
        self._model = model
        with QSignalBlocker(self.search):
            self.search.setText(self._texts.get(id(model), ""))
        model.text = self.search.text()
        model.reload()
        old_selection = self.table.selectionModel()
        self.table.setModel(model)
        if old_selection is not None:
            old_selection.deleteLater()  # setModel leaves the old one to us
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(bool(model.SORTS))
        self._show_sort_indicator()
        self.columns.reset(model.MAIN_COLUMN)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        if id(model) not in self._connected:  # models are kept per section and come back
            self._connected.add(id(model))
            model.modelReset.connect(self._update_count)
            model.rowsInserted.connect(self._update_count)
            model.totalKnown.connect(self._update_count)
            model.modelReset.connect(lambda m=model: self._grow_columns(m))
            model.rowsInserted.connect(lambda *_a, m=model: self._grow_columns(m))
        self._update_count()

    def model(self) -> PagedTableModel | None:
        return self._model

    def apply_search(self) -> None:
        """Filter now (the timer calls this; tests may too)."""
        self._timer.stop()
        if self._model is not None and self._model.text != self.search.text():
            self._model.set_text(self.search.text())

    def refresh(self) -> None:
        """Re-query after a change elsewhere, keeping the current record selected if it is
        there, and the rows the clerk scrolled to where they were (another clerk's save
        arriving must not move the list under the mouse)."""
        if self._model is None:
            return
        current = self.current_id()
        bar = self.table.verticalScrollBar()
        scrolled = bar.value()
        top = self.table.indexAt(QPoint(0, 0))
        top_id = self._model.id_at(top.row()) if top.isValid() and scrolled else None
        self._model.reload(at_least=self._model.rowCount())
        if current is not None:
            self.select_id(current, notify=False, scroll=False)
        self.table.updateGeometries()  # the scroll bar's range for the rows now loaded
        row = self._model.row_of_id(top_id) if top_id is not None else None
        if row is not None:  # the same record at the top, though rows came or went above
            self.table.scrollTo(
                self._model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop
            )
        else:
            bar.setValue(scrolled)

    # -- selection ---------------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if self._model is None or not index.isValid():
            return None
        return self._model.id_at(index.row())

    def select_id(self, record_id: int | None, *, notify: bool = True, scroll: bool = True) -> bool:
        """Make ``record_id`` the current row if it is loaded (``scroll``: into view); False
        if it is not."""
        row = None if record_id is None or self._model is None else self._model.row_of_id(record_id)
        selection = self.table.selectionModel()
        if selection is None:
            return False
        blocked = selection.blockSignals(not notify)
        try:
            if row is None:
                selection.clear()
                return False
            index = self._model.index(row, 0)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            if scroll:
                self.table.scrollTo(index)
            return True
        finally:
            selection.blockSignals(blocked)

    def select_row(self, row: int) -> None:
        if self._model is not None and 0 <= row < self._model.rowCount():
            self.select_id(self._model.id_at(row))

    def show_example_offer(self, show: bool) -> None:
        self.example_bar.setVisible(show)

    # -- internals -----------------------------------------------------------------

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = self._model.id_at(current.row()) if self._model and current.isValid() else None
        self.currentChanged.emit(record_id)

    def _grow_columns(self, model: PagedTableModel) -> None:
        if model is self._model:
            self.columns.grow()

    def _activate(self, index: QModelIndex) -> None:
        if self._model is not None and index.isValid():
            record_id = self._model.id_at(index.row())
            if record_id is not None:
                self.activated.emit(record_id)

    def _header_clicked(self, column: int) -> None:
        """Sort only by the columns the store can order by; keep the indicator honest."""
        if self._model is None:
            return
        header = self.table.horizontalHeader()
        if not self._model.is_sortable(column):
            self._show_sort_indicator()
            return
        order = header.sortIndicatorOrder()
        current = self.current_id()
        self._model.sort(column, order)
        self._show_sort_indicator()
        if current is not None:
            self.select_id(current, notify=False)

    def _show_sort_indicator(self) -> None:
        """Point the header's arrow at the order the model really has."""
        if self._model is None:
            return
        for column, (ascending, descending) in self._model.SORTS.items():
            if self._model.sort_key == ascending:
                order = Qt.SortOrder.AscendingOrder
            elif self._model.sort_key == descending:
                order = Qt.SortOrder.DescendingOrder
            else:
                continue
            self.table.horizontalHeader().setSortIndicator(column, order)
            return

    def _update_count(self, *_args: object) -> None:
        if self._model is None:
            return
        total = self._model.total()
        loaded = self._model.rowCount()
        if not self._model.total_known():
            self.count_label.setText(f"{loaded}+ records")
            return
        text = f"{total} record{'s' if total != 1 else ''}"
        if loaded < total:
            text += f" ({loaded} loaded)"
        self.count_label.setText(text)
