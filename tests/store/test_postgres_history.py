"""A team database keeps the history of changes EventDesk did not make (issue 23, item 5).

Given a meeting saved through EventDesk on a team database, when an administrator changes it
in psql (another program: its own ``application_name``), then the database itself writes the
line (the columns changed, old and new, the role that did it) and moves the version on, so a
clerk who had the meeting open is told rather than overwriting it; EventDesk's own saves
leave no second line.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.records import Meeting, Person
from eventdesk.store import Conflict, EventStore
from eventdesk.store.engines import connect


@pytest.fixture
def store(postgres_address):
    with EventStore.open(postgres_address) as opened:
        yield opened


def _by_hand(address: str, sql: str, params) -> None:
    """What an administrator types in psql, from a program that is not EventDesk."""
    joiner = "&" if "?" in address else "?"
    with connect(f"{address}{joiner}application_name=psql") as psql:
        psql.execute(sql, params)


def test_a_change_made_in_psql_is_a_line_of_history_by_its_role(store, postgres_address):
    meeting = store.meetings.save(Meeting("SHUA 2021", date(2021, 12, 22), venue="Online"))
    opened = store.meetings.get(meeting.id)
    meeting.venue = "Zoom"
    store.meetings.save(meeting)
    assert [c.action for c in store.history.of("meeting", meeting.id)] == ["changed", "created"]

    _by_hand(
        postgres_address,
        "UPDATE meetings SET venue = ?, title_zh = ?, updated_at = updated_at WHERE id = ?",
        ["Lingnan University", "沪港联盟年会", meeting.id],
    )

    latest = store.history.of("meeting", meeting.id)[0]
    role = store.connection.execute("SELECT session_user").scalar()
    assert (latest.who, latest.version, latest.action) == (role, 3, "changed")
    assert latest.fields == ("title_zh", "venue")  # in the table's column order
    assert latest.changes == {
        "title_zh": {"old": "", "new": "沪港联盟年会"},
        "venue": {"old": "Zoom", "new": "Lingnan University"},
    }
    stored = store.meetings.get(meeting.id)
    assert (stored.version, stored.updated_by) == (3, role)
    fresh = store.meetings.get(meeting.id)
    fresh.summary = "Saved after the administrator's change"
    assert store.meetings.save(fresh).version == 4
    with pytest.raises(Conflict):
        store.meetings.save(opened)  # loaded at version 1


def test_a_change_of_no_field_makes_no_line(store, postgres_address):
    person = store.people.save(Person("Li", "Wei"))
    _by_hand(postgres_address, "UPDATE people SET updated_at = ? WHERE id = ?", ["x", person.id])
    assert [c.action for c in store.history.of("person", person.id)] == ["created"]
    assert store.people.get(person.id).version == 1
