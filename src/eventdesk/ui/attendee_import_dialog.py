"""Import an attendee list into a meeting: map the columns, check the matches, import or not.

The dialog shows the plan of :mod:`eventdesk.spreadsheets.attendee_import`
before anything is written: above, one combo box per column of the file
saying what it holds; in the middle, every row as it will be taken, with
the match to an existing person that the user may change; below, the rows
that cannot be taken and why. Import writes the plan in one transaction;
Cancel, or closing the window, writes nothing.

Use :func:`start_attendee_import` from a button or menu: it asks for the
file, shows the dialog without blocking, and returns it so the caller can
connect :attr:`AttendeeImportDialog.imported` to reload the meeting.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from eventdesk.records import Side
from eventdesk.spreadsheets.attendee_import import (
    AttendeePlan,
    ImportResult,
    apply,
    plan_import,
)
from eventdesk.spreadsheets.columns import FIELDS, ColumnMap
from eventdesk.spreadsheets.reading import Table, read_table
from eventdesk.store import EventStore, StoreError
from eventdesk.ui.attendee_preview import AttendeePreviewModel, MatchDelegate
from eventdesk.ui.background import BackgroundTask
from eventdesk.ui.screen_fit import fit_to_screen

FILE_FILTER = "Attendee lists (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)"
IGNORE = "(not imported)"


class AttendeeImportDialog(QDialog):
    """Raises SpreadsheetError (a StoreError) when the file cannot be read."""

    #: Emitted after a successful import, with what was done; the meeting must be reloaded.
    imported = Signal(object)

    def __init__(
        self, store: EventStore, meeting_id: int, path: Path, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.store = store
        self.meeting_id = meeting_id
        self.path = Path(path)
        self.result_report: ImportResult | None = None
        table = read_table(self.path)
        self.plan: AttendeePlan = plan_import(store, meeting_id, table)
        self.setWindowTitle(f"Import attendees into {self.plan.meeting_title}")
        fit_to_screen(self, 1100, 680)
        self._build()
        self._show_mapping()
        self._refresh()

    # -- layout ---------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.source_label = QLabel(self)
        top.addWidget(self.source_label, 1)
        self.sheet_combo = QComboBox(self)
        self.sheet_label = QLabel("&Sheet:", self)
        self.sheet_label.setBuddy(self.sheet_combo)
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet_combo)
        self.side_combo = QComboBox(self)
        for side in Side:
            self.side_combo.addItem(side.label, side.value)
        self.side_combo.setCurrentIndex(self.side_combo.findData(Side.PARTNER.value))
        side_label = QLabel("Rows that do not say their si&de:", self)
        side_label.setBuddy(self.side_combo)
        top.addWidget(side_label)
        top.addWidget(self.side_combo)
        layout.addLayout(top)

        layout.addWidget(QLabel("What each column of the file holds:", self))
        self.mapping_area = QScrollArea(self)
        self.mapping_area.setWidgetResizable(True)
        self.mapping_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.mapping_area.setMaximumHeight(90)
        layout.addWidget(self.mapping_area)
        self.column_combos: list[QComboBox] = []

        self.model = AttendeePreviewModel(self.plan, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(MatchDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.model.dataChanged.connect(self._refresh)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 50), (1, 170), (2, 90), (3, 180), (4, 220), (5, 80), (6, 110)):
            self.view.setColumnWidth(column, width)
        layout.addWidget(self.view, 3)

        self.summary_label = QLabel(self)
        layout.addWidget(self.summary_label)
        self.rejected_label = QLabel("Rows that will not be taken:", self)
        layout.addWidget(self.rejected_label)
        self.rejected_list = QListWidget(self)
        self.rejected_list.setMaximumHeight(130)
        layout.addWidget(self.rejected_list, 1)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton("&Import", self)
        self.import_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self.import_now)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

        sheets = self.plan.table.sheets
        self.sheet_combo.addItems(sheets)
        current = self.plan.table.source.removeprefix("sheet ").strip("'")
        if current in sheets:
            self.sheet_combo.setCurrentText(current)
        self.sheet_combo.setVisible(len(sheets) > 1)
        self.sheet_label.setVisible(len(sheets) > 1)
        self.sheet_combo.currentTextChanged.connect(self.choose_sheet)
        self.side_combo.currentIndexChanged.connect(
            lambda _i: self._replan(self.plan.table, self.mapping())
        )

    def _show_mapping(self) -> None:
        """One label and combo box per column of the file, set to the current mapping."""
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        by_column = {column: key for key, column in self.plan.mapping.items()}
        self.column_combos = []
        for n, header in enumerate(self.plan.table.headers):
            label = QLabel(header, holder)
            label.setToolTip(header)
            combo = QComboBox(holder)
            combo.addItem(IGNORE, None)
            for f in FIELDS:
                combo.addItem(f.label, f.key)
            combo.setCurrentIndex(max(combo.findData(by_column.get(n)), 0))
            combo.setAccessibleName(f"Column {header!r} holds")
            combo.currentIndexChanged.connect(lambda _i, n=n: self._column_changed(n))
            grid.addWidget(label, 0, n)
            grid.addWidget(combo, 1, n)
            self.column_combos.append(combo)
        self.mapping_area.setWidget(holder)

    # -- behaviour ------------------------------------------------------------------

    def mapping(self) -> ColumnMap:
        return {
            combo.currentData(): n
            for n, combo in enumerate(self.column_combos)
            if combo.currentData() is not None
        }

    def set_column_field(self, column: int, field_key: str | None) -> None:
        """Say what a column holds (None: nothing to import); re-plans the rows."""
        combo = self.column_combos[column]
        combo.setCurrentIndex(max(combo.findData(field_key), 0))

    def _column_changed(self, column: int) -> None:
        key = self.column_combos[column].currentData()
        if key is not None:  # a field is in one column: take it from any other
            for n, other in enumerate(self.column_combos):
                if n != column and other.currentData() == key:
                    with QSignalBlocker(other):
                        other.setCurrentIndex(0)
        self._replan(self.plan.table, self.mapping())

    def choose_sheet(self, sheet: str) -> None:
        try:
            table = read_table(self.path, sheet)
        except StoreError as exc:
            self._error(str(exc))
            return
        self._replan(table, None)
        self._show_mapping()

    def _replan(self, table: Table, mapping: ColumnMap | None) -> None:
        """Plan again (the user's match choices start over: the rows mean something else now)."""
        side = Side(self.side_combo.currentData())
        self.plan = plan_import(self.store, self.meeting_id, table, mapping, default_side=side)
        self.model.set_plan(self.plan)
        self._refresh()

    def _refresh(self) -> None:
        table = self.plan.table
        self.source_label.setText(f"{self.path.name} ({table.source}), {len(table.rows)} row(s)")
        self.summary_label.setText(self.plan.summary() + ".")
        self.rejected_list.clear()
        self.rejected_list.addItems(self.plan.rejections())
        self.rejected_label.setVisible(self.rejected_list.count() > 0)
        self.rejected_list.setVisible(self.rejected_list.count() > 0)
        self.import_button.setEnabled(bool(self.plan.to_take()))

    def import_now(self) -> None:
        """Write the plan in one transaction, off the GUI thread; on failure say why.

        Thousands of rows take a second or more; the dialog stays painted and
        says it is importing, and nothing can be clicked twice meanwhile.
        """
        plan = self.plan
        self.import_button.setEnabled(False)
        self.buttons.setEnabled(False)
        self.error_label.setText("Importing…")
        self.error_label.show()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.task = BackgroundTask(self.store, lambda store: apply(store, plan), self)
        self.task.finished.connect(self._imported)
        self.task.failed.connect(self._import_failed)
        self.task.start()

    def _imported(self, report: ImportResult) -> None:
        QGuiApplication.restoreOverrideCursor()
        self.result_report = report
        self.imported.emit(report)
        self.accept()

    def _import_failed(self, message: str) -> None:
        QGuiApplication.restoreOverrideCursor()
        self.buttons.setEnabled(True)
        self.import_button.setEnabled(bool(self.plan.to_take()))
        self._error(f"Nothing was imported: {message}")

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


def start_attendee_import(
    store: EventStore, meeting_id: int, parent: QWidget | None, path: Path | None = None
) -> AttendeeImportDialog | None:
    """Ask for a list (unless ``path`` is given), then show the import dialog without blocking.

    Returns the dialog (connect its ``imported`` signal to reload the
    meeting), or None when the user chose no file or it cannot be read (the
    reason is shown in a message box).
    """
    if path is None:
        name, _ = QFileDialog.getOpenFileName(parent, "Import attendee list", "", FILE_FILTER)
        if not name:
            return None
        path = Path(name)
    try:
        dialog = AttendeeImportDialog(store, meeting_id, path, parent)
    except StoreError as exc:
        QMessageBox.warning(parent, "Import attendee list", str(exc))
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
