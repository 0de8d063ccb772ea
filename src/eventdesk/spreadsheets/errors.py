"""The one error a spreadsheet or calendar file raises for a user's mistake.

It is a :class:`~eventdesk.store.StoreError`, so the command line prints it
as one line and exits 1, and the GUI shows its message as it is.
"""

from __future__ import annotations

from eventdesk.store import StoreError


class SpreadsheetError(StoreError):
    """A file that cannot be read or written, with the reason in words."""
