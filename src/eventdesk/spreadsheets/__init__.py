"""Spreadsheets in and out: attendee lists from XLSX and CSV, lists and calendars out. No Qt.

This layer sits on the store like ``summary`` does: it reads files, plans an
import that a person can look at and change, and writes what it is given
through :class:`~eventdesk.store.EventStore`.
"""

from eventdesk.spreadsheets.errors import SpreadsheetError

__all__ = ["SpreadsheetError"]
