"""The team database's server restarted in the middle of a session (issue 23, item 9).

An office's server is restarted now and then (an update, its IT), which ends every
connection to it. EventDesk carries on: a read after the restart is answered as if nothing
happened, and so is a save begun after it; while the server is down every call says so in
one sentence naming the server, fast, and writes nothing; a save cut off in the middle
leaves the meeting wholly as it was, and saving it again once the server is back lands.

These tests run on a server of their own (restarting the run's shared one would end the
other tests' connections), started once for the module.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from datetime import date

import pytest
from tests.other_program import environment
from tests.postgres_server import start_or_skip

from eventdesk.records import Attendance, Meeting, Person
from eventdesk.store import ConnectionLost, EventStore, MeetingFilter
from eventdesk.store.engines import postgres_link


@pytest.fixture(scope="module")
def server():
    running = start_or_skip()
    yield running
    running.stop()


@pytest.fixture
def address(server) -> str:
    name = server.create_database()
    yield server.address(name)
    server.drop_database(name)


@pytest.fixture
def store(address):
    opened = EventStore.open(address)
    yield opened
    opened.close()


@pytest.fixture
def told(store) -> list[tuple[bool, str]]:
    """What the store told its listener (the window's banner) of the server."""
    heard: list[tuple[bool, str]] = []
    store.on_connection(lambda answering, message: heard.append((answering, message)))
    return heard


def _meeting(store: EventStore, attendees: int = 3) -> Meeting:
    with store.transaction():
        people = [store.people.save(Person(f"Guest{n}", "Number")) for n in range(attendees)]
    meeting = Meeting("Annual meeting", date(2021, 12, 22), venue="Online")
    meeting.attendees = [Attendance(p.id, title="Observer") for p in people]
    return store.meetings.save(meeting)


def test_a_read_after_a_restart_is_answered_as_if_nothing_happened(server, store, told):
    saved = _meeting(store)
    server.restart()
    assert [row.title for row in store.meetings.list()] == ["Annual meeting"]
    server.restart()  # a search runs in a transaction of its own (its planner settings)
    assert [row.id for row in store.meetings.list(MeetingFilter(text="annu"))] == [saved.id]
    assert store.meetings.get(saved.id).venue == "Online"
    assert told == []  # it answered at once: no banner to show


def test_a_save_begun_after_a_restart_lands(server, store, told):
    saved = _meeting(store)
    server.restart()
    saved.venue = "Hong Kong"
    again = store.meetings.save(saved)
    assert (again.version, store.meetings.get(saved.id).venue) == (2, "Hong Kong")
    assert [change.version for change in store.history.of("meeting", saved.id)] == [2, 1]
    assert told == []


def test_while_the_server_is_down_every_call_says_so_at_once_and_writes_nothing(
    server, store, told, monkeypatch
):
    monkeypatch.setattr(postgres_link, "RETRY_EVERY", 60.0)  # no second try in this test
    saved = _meeting(store)
    connect = postgres_link.psycopg.connect
    tries = []
    monkeypatch.setattr(
        postgres_link.psycopg, "connect", lambda *a, **k: tries.append(1) or connect(*a, **k)
    )
    server.halt()
    try:
        for _ in range(20):  # a clerk typing in the search box: one search a keystroke
            with pytest.raises(ConnectionLost) as lost:
                store.meetings.list(MeetingFilter(text="annual"))
        assert len(tries) == 1, "a keystroke waited on the network"
        assert str(lost.value) == (
            "The team database on 127.0.0.1 stopped answering: its server may be restarting, "
            "or the network is down."
        )
        saved.venue = "Hong Kong"
        with pytest.raises(ConnectionLost) as refused:
            store.meetings.save(saved)
        assert refused.value.while_saving() == (
            "The team database on 127.0.0.1 stopped answering, so this was not saved: your "
            "changes are still in the editor; save again when it is back."
        )
        assert told == [(False, str(lost.value))]  # told once, however many calls failed
    finally:
        server.resume()
    monkeypatch.setattr(postgres_link, "RETRY_EVERY", 0.0)
    store.reconnect()
    assert told[-1] == (True, "The team database on 127.0.0.1 answers again.")
    assert store.meetings.get(saved.id).venue == "Online"  # the refused save wrote nothing
    assert store.meetings.save(saved).version == 2  # saved again, as loaded: no conflict
    assert store.meetings.get(saved.id).venue == "Hong Kong"
    assert [change.version for change in store.history.of("meeting", saved.id)] == [2, 1]


def test_a_save_cut_off_in_the_middle_leaves_the_meeting_as_it_was(server, store, monkeypatch):
    """The server is stopped while a save of a 200-attendee meeting is half written."""
    from eventdesk.store import meetings

    saved = _meeting(store, attendees=200)
    write_parts = meetings.sync_parts

    def halt_halfway(conn, meeting_id, meeting):
        server.halt()  # ends this session: the rest of the save meets a closed connection
        write_parts(conn, meeting_id, meeting)

    monkeypatch.setattr(meetings, "sync_parts", halt_halfway)
    monkeypatch.setattr(postgres_link, "RETRY_EVERY", 0.0)
    edited = store.meetings.get(saved.id)
    edited.title = "Annual meeting, renamed"
    for attendance in edited.attendees:
        attendance.title = "Vice President"
    try:
        with pytest.raises(ConnectionLost):
            store.meetings.save(edited)
    finally:
        server.resume()
    monkeypatch.setattr(meetings, "sync_parts", write_parts)
    kept = store.meetings.get(saved.id)
    assert (kept.title, kept.version) == ("Annual meeting", 1)
    assert {a.title for a in kept.attendees} == {"Observer"}
    assert [row.title for row in store.meetings.list(MeetingFilter(text="renamed"))] == []
    assert len(store.history.of("meeting", saved.id)) == 1
    stored = store.meetings.save(edited)  # the edits, saved again once it is back
    assert (stored.title, stored.version) == ("Annual meeting, renamed", 2)
    assert {a.title for a in stored.attendees} == {"Vice President"}
    found = store.meetings.list(MeetingFilter(text="renamed"))
    assert [row.id for row in found] == [saved.id]


def test_a_session_idle_in_a_transaction_is_ended_by_the_server(store):
    """A PC that vanished mid-save (a power cut closes no socket) holds the rows it locked
    two minutes at most: the server ends a session idle that long in a transaction."""
    timeout = store.connection.execute("SHOW idle_in_transaction_session_timeout").scalar()
    assert timeout == "2min"


def test_a_server_gone_without_a_word_is_found_out_in_about_a_minute(store):
    """A server switched off sends no reset: the connection probes it (TCP keepalives) and
    gives a statement up after 30 s unacknowledged, rather than the system's quarter hour."""
    given = store.connection._link.connection().info.get_parameters()
    assert {key: given.get(key) for key in postgres_link.DEAD_SERVER} == {
        "keepalives": "1",
        "keepalives_idle": "30",
        "keepalives_interval": "10",
        "keepalives_count": "3",
        "tcp_user_timeout": "30000",
    }


def test_the_command_line_says_the_server_is_down_in_one_line(server, address):
    EventStore.open(address).close()
    server.halt()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "eventdesk", "--db", address, "list"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=environment(),
            timeout=120,
        )
    finally:
        server.resume()
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Cannot reach the team database" in done.stderr


def _commit_answer_lost(monkeypatch, *, kept: bool, then=None) -> None:
    """The connection breaks as the next save's COMMIT is on its way: after the server kept
    it (``kept``), or before it got there. ``then`` runs once it is broken."""
    import psycopg

    finish = psycopg.Transaction.__exit__

    def lost_on_the_way(self, *exc):
        if not self._outer_transaction or exc[0] is not None:
            return finish(self, *exc)
        if kept:
            finish(self, *exc)
        self.connection.close()
        if then is not None:
            then()
        raise psycopg.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(psycopg.Transaction, "__exit__", lost_on_the_way)


def test_a_save_whose_commit_was_kept_though_its_answer_was_lost_is_saved(store, monkeypatch):
    saved = _meeting(store)
    saved.venue = "Hong Kong"
    with monkeypatch.context() as m:
        _commit_answer_lost(m, kept=True)
        again = store.meetings.save(saved)  # the server says it kept it: saved, no error
    assert again.version == 2
    assert store.meetings.get(saved.id).venue == "Hong Kong"
    assert [change.version for change in store.history.of("meeting", saved.id)] == [2, 1]


def test_a_save_whose_commit_never_got_there_is_not_saved(store, monkeypatch):
    saved = _meeting(store)
    saved.venue = "Hong Kong"
    with monkeypatch.context() as m:
        _commit_answer_lost(m, kept=False)
        with pytest.raises(ConnectionLost) as lost:
            store.meetings.save(copy.deepcopy(saved))  # as the editor does: its form stays
    assert not lost.value.unknown
    assert lost.value.while_saving().endswith(
        "so this was not saved: your changes are still in the editor; save again when it is back."
    )
    assert store.meetings.get(saved.id).venue == "Online"
    assert store.meetings.save(saved).version == 2


def test_a_save_whose_commit_the_server_cannot_vouch_for_says_so(server, store, monkeypatch):
    """The server went down with the COMMIT: whether it kept it is not known until it is back,
    and saving again then meets the conflict question (the save was kept), losing nothing."""
    from eventdesk.store import Conflict

    monkeypatch.setattr(postgres_link, "RETRY_EVERY", 0.0)
    saved = _meeting(store)
    saved.venue = "Hong Kong"
    try:
        with monkeypatch.context() as m:
            _commit_answer_lost(m, kept=True, then=server.halt)
            with pytest.raises(ConnectionLost) as lost:
                store.meetings.save(copy.deepcopy(saved))
    finally:
        server.resume()
    assert lost.value.unknown
    assert lost.value.while_saving() == (
        "The team database on 127.0.0.1 stopped answering as this save was being finished, "
        "and could not say whether it kept it: your changes are still in the editor; save "
        "again when it is back (if it was kept, you are asked to reload it)."
    )
    assert store.meetings.get(saved.id).venue == "Hong Kong"  # it was kept
    with pytest.raises(Conflict):
        store.meetings.save(saved)
