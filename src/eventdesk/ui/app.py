"""Starting the desktop program: the QApplication, the store, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QTableWidget, QTableWidgetItem

from eventdesk.store import EventStore, StoreError


def run(db_path: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("EventDesk")
    try:
        store = EventStore.open(db_path)
    except StoreError as exc:
        QMessageBox.critical(None, "EventDesk", str(exc))
        return 1
    window = QMainWindow()
    window.setWindowTitle(f"EventDesk — {db_path}")
    rows = store.list_meetings()
    table = QTableWidget(len(rows), 2)
    table.setHorizontalHeaderLabels(["Date", "Title"])
    for n, row in enumerate(rows):
        table.setItem(n, 0, QTableWidgetItem(row.start_date))
        table.setItem(n, 1, QTableWidgetItem(row.title))
    window.setCentralWidget(table)
    window.resize(900, 600)
    window.show()
    return app.exec()
