"""Export the list a window shows to XLSX or CSV: the columns on screen, every row.

Any item model will do (the main window's lists, a meeting's attendees), so
what is exported is what the user sees: the header texts and the display
texts of the cells. Lists load lazily, a page at a time; the export first
fetches the rest, so a list that shows 200 rows of 10,000 exports 10,000.
Given the view, columns the user has hidden are left out and the others
come in the order they were dragged to.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView, QWidget

from eventdesk.spreadsheets.writing import write_table
from eventdesk.store import StoreError

FILE_FILTER = "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"


def model_table(
    model: QAbstractItemModel, view: QTableView | None = None
) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of ``model`` as shown: all rows, the visible columns in view order."""
    root = QModelIndex()
    while model.canFetchMore(root):
        model.fetchMore(root)
    columns = list(range(model.columnCount(root)))
    if view is not None:
        header = view.horizontalHeader()
        columns = sorted((c for c in columns if not view.isColumnHidden(c)), key=header.visualIndex)
    display = Qt.ItemDataRole.DisplayRole
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal, display) or "") for c in columns]
    rows = []
    for r in range(model.rowCount(root)):
        rows.append([_text(model.data(model.index(r, c, root), display)) for c in columns])
    return headers, rows


def export_model(
    model: QAbstractItemModel,
    parent: QWidget | None,
    path: Path | None = None,
    *,
    view: QTableView | None = None,
    title: str = "Export list",
) -> Path | None:
    """Write the list to ``path``, asking for one when None; return it, or None if not written.

    A file that cannot be written is explained in a message box.
    """
    if path is None:
        path = ask_path(parent, title)
        if path is None:
            return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        headers, rows = model_table(model, view)
        return write_table(path, headers, rows)
    except StoreError as exc:
        problem = str(exc)
    finally:
        QGuiApplication.restoreOverrideCursor()
    QMessageBox.warning(parent, title, problem)
    return None


def ask_path(parent: QWidget | None, title: str = "Export list") -> Path | None:
    """Where to write; a name typed without an extension gets the chosen type's."""
    name, chosen = QFileDialog.getSaveFileName(parent, title, "", FILE_FILTER)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_name(path.name + (".csv" if "csv" in chosen.lower() else ".xlsx"))
    return path


def _text(value: object) -> str:
    return "" if value is None else str(value)
