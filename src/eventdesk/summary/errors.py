"""The one error the summaries raise for things a user can cause and fix."""

from __future__ import annotations

from eventdesk.store import StoreError


class SummaryError(StoreError):
    """A template that does not work, an output that cannot be written, explained in one line.

    It is a :class:`StoreError` so the command line and the GUI, which already
    show those as one line, show these the same way.
    """
