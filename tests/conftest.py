"""Fixtures shared by every layer's tests.

``fresh_store`` is a real SQLite file in a temporary folder; ``sample_store``
holds the example meeting of ``resources/samples`` imported through the
interchange format, the way a user would load it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from eventdesk import paths
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file

SAMPLE = paths.sample_meeting()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "eventdesk.sqlite3"


@pytest.fixture
def fresh_store(db_path: Path):
    store = EventStore.open(db_path)
    yield store
    store.close()


@pytest.fixture
def sample_store(fresh_store: EventStore) -> EventStore:
    import_file(fresh_store, SAMPLE)
    return fresh_store


@pytest.fixture
def sample_meeting(sample_store: EventStore):
    (row,) = sample_store.list_meetings()
    return sample_store.get_meeting(row.id)
