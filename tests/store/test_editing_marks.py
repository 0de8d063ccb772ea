"""Who is editing what (issue 23, item 4): a clerk opening a record another clerk has unsaved
edits in is told who, on which PC, and since when; a mark left by a PC that is gone is not.

Run on a file and on a team database: the marks are rows of ``editing`` on both.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from eventdesk.records import Meeting
from eventdesk.store import EventStore, editing


@pytest.fixture
def store(engine_address):
    with EventStore.open(engine_address) as opened:
        yield opened


def _meeting(store: EventStore) -> int:
    return store.meetings.save(Meeting("SHUA annual meeting 2021", date(2021, 12, 22))).id


def test_another_clerks_mark_is_told_with_who_where_and_since_when(store):
    meeting_id = _meeting(store)
    since = (datetime.now(UTC) - timedelta(days=1)).replace(microsecond=0)  # open since yesterday
    editing.start(store.connection, "meeting", meeting_id, "liwei", "PC-12", at=since)
    editing.keep(store.connection, "meeting", meeting_id, "liwei", "PC-12")  # still typing

    (mark,) = store.editing.others("meeting", meeting_id)
    assert (mark.who, mark.host, mark.since) == ("liwei", "PC-12", since)
    local = since.astimezone().strftime("%Y-%m-%d %H:%M")
    assert mark.told("meeting") == (
        f"liwei (on PC-12) has been editing this meeting since {local}, without saving yet."
    )
    assert store.editing.others("person", meeting_id) == []  # another record, another kind


def test_a_clerks_own_mark_is_not_told_to_them_and_goes_when_they_stop(store):
    meeting_id = _meeting(store)
    store.editing.start("meeting", meeting_id)
    assert store.editing.others("meeting", meeting_id) == []
    (who,) = store.connection.execute("SELECT user_name FROM editing").fetchall()
    store.editing.stop("meeting", meeting_id)
    assert store.connection.execute("SELECT count(*) AS n FROM editing").scalar() == 0
    assert who[0]


def test_a_mark_not_seen_for_five_minutes_is_stale_and_swept(store):
    meeting_id = _meeting(store)
    gone = datetime.now(UTC) - editing.STALE - timedelta(seconds=30)
    editing.start(store.connection, "meeting", meeting_id, "liwei", "PC-12", at=gone)
    assert store.editing.others("meeting", meeting_id) == []  # the PC crashed long ago
    store.editing.start("meeting", meeting_id)  # the next mark made sweeps it
    users = [r[0] for r in store.connection.execute("SELECT user_name FROM editing")]
    assert "liwei" not in users


def test_a_second_start_keeps_since(store):
    meeting_id = _meeting(store)
    first = datetime.now(UTC) - timedelta(minutes=2)
    editing.start(store.connection, "meeting", meeting_id, "liwei", "PC-12", at=first)
    editing.start(store.connection, "meeting", meeting_id, "liwei", "PC-12")
    (mark,) = store.editing.others("meeting", meeting_id)
    assert mark.since == first.replace(microsecond=0)
