"""Fixtures for the store's tests of clerks at once: stores opened on each engine in turn."""

from __future__ import annotations

import pytest

from eventdesk.store import EventStore
from eventdesk.store.versions import pc_user


@pytest.fixture
def opened(engine_address):
    """Open the store at ``engine_address`` (as many times as a test asks: one per clerk)."""
    stores: list[EventStore] = []

    def open_one() -> EventStore:
        stores.append(EventStore.open(engine_address))
        return stores[-1]

    yield open_one
    for store in stores:
        store.close()


def who_saves(store: EventStore) -> str:
    """Who a save names: the PC's user on a file, the session's role on a team database."""
    if store.connection.engine == "postgresql":
        return store.connection.execute("SELECT session_user").scalar()
    return pc_user()
