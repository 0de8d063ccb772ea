"""A meeting of the example database with nobody at it yet, to import lists into."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.records import Meeting
from eventdesk.store import EventStore


@pytest.fixture
def empty_meeting(sample_store: EventStore) -> int:
    """A second meeting in the example database; the example's people exist, none attend."""
    saved = sample_store.meetings.save(Meeting(title="Visit of HKU", start_date=date(2022, 5, 10)))
    assert saved.id is not None
    return saved.id
