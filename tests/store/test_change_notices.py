"""Others' saves are told to an open store within two seconds (issue 23, item 4).

Given a clerk's store listening on a team database, when another clerk (another
connection), an administrator in psql, or a plain SQL statement changes a meeting, person,
organisation or course (a save, the trash and back), then the listener tells it, naming the
kind and the id, well within two seconds; the clerk's own saves are not told back. It stops
with the store, leaving no thread; it survives a lost connection and tells everything after;
a flood of changes in one transaction is told in a bounded number of notices. On a file, the
listener tells another connection's commit (``PRAGMA data_version``).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from datetime import date

import pytest

from eventdesk.records import CourseEntry, Meeting, Organisation, Person
from eventdesk.store import EventStore
from eventdesk.store.changes import ChangeNotice
from eventdesk.store.engines import connect, postgres_changes

#: What the issue promises: lists show others' saves within two seconds.
PROMISED = 2.0


def _heard(listener, wanted, timeout: float = PROMISED) -> list[ChangeNotice]:
    """Poll as the window does until ``wanted(notices)`` or the timeout; all that was heard."""
    deadline = time.monotonic() + timeout
    heard: list[ChangeNotice] = []
    while True:
        heard += listener.poll()
        if wanted(heard) or time.monotonic() > deadline:
            return heard
        time.sleep(0.02)


@pytest.fixture
def clerk(postgres_address):
    with EventStore.open(postgres_address) as store:
        listener = store.changes.listen()
        assert listener.wait_listening(10)
        yield store


@pytest.fixture
def other(postgres_address):
    with EventStore.open(postgres_address) as store:
        yield store


def test_another_clerks_save_is_told_within_two_seconds_and_ones_own_is_not(clerk, other):
    listener = clerk.changes.listen()
    own = clerk.meetings.save(Meeting("Ours", date(2021, 12, 22)))
    started = time.monotonic()
    theirs = other.meetings.save(Meeting("SHUA 2021", date(2021, 12, 22), venue="Online"))
    heard = _heard(listener, lambda h: ChangeNotice("meeting", theirs.id) in h)
    assert ChangeNotice("meeting", theirs.id) in heard
    assert time.monotonic() - started < PROMISED
    time.sleep(0.3)
    heard += listener.poll()
    assert ChangeNotice("meeting", own.id) not in heard  # the clerk's own save


def test_every_kind_and_the_trash_and_back_are_told(clerk, other):
    listener = clerk.changes.listen()
    org = other.organisations.save(Organisation("Hong Kong Baptist University"))
    person = other.people.save(Person("Chan", "Tai Man"))
    meeting = other.meetings.save(Meeting("Visit", date(2022, 3, 1)))
    course = other.courses.save(CourseEntry("Cantonese opera", institution_id=org.id))
    wanted = {
        ChangeNotice("organisation", org.id),
        ChangeNotice("person", person.id),
        ChangeNotice("meeting", meeting.id),
        ChangeNotice("course", course.id),
    }
    assert wanted <= set(_heard(listener, lambda h: wanted <= set(h)))
    other.trash.put("person", person.id)
    assert ChangeNotice("person", person.id) in _heard(listener, bool)
    other.trash.restore("person", person.id)
    assert ChangeNotice("person", person.id) in _heard(listener, bool)


def test_a_change_in_psql_and_by_plain_sql_is_told(clerk, postgres_address, postgres_server):
    listener = clerk.changes.listen()
    with EventStore.open(postgres_address) as setup:
        meeting = setup.meetings.save(Meeting("SHUA 2021", date(2021, 12, 22)))
    _heard(listener, lambda h: False, timeout=0.3)  # the setup's notice, taken
    with connect(f"{postgres_address}?application_name=psql") as plain:
        plain.execute("UPDATE meetings SET venue = 'Zoom' WHERE id = ?", (meeting.id,))
    assert _heard(listener, bool) == [ChangeNotice("meeting", meeting.id)]
    psql = postgres_server.bindir / "psql"
    psql = str(psql) if psql.exists() else shutil.which("psql")
    if psql is None:
        pytest.skip("no psql")
    subprocess.run(
        [
            psql,
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-d",
            postgres_address,
            "-c",
            f"UPDATE meetings SET venue = 'Tencent' WHERE id = {meeting.id}",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert _heard(listener, bool) == [ChangeNotice("meeting", meeting.id)]


def test_a_rolled_back_change_is_not_told(clerk, other, postgres_address):
    listener = clerk.changes.listen()
    org = other.organisations.save(Organisation("Hong Kong Baptist University"))
    assert _heard(listener, bool) == [ChangeNotice("organisation", org.id)]
    with connect(postgres_address) as plain, pytest.raises(RuntimeError), plain.transaction():
        plain.execute("UPDATE organisations SET name = 'Gone' WHERE id = ?", (org.id,))
        raise RuntimeError("changed my mind")
    assert _heard(listener, bool, timeout=0.5) == []


def test_a_flood_in_one_transaction_is_told_in_a_bounded_number_of_notices(clerk, other):
    listener = clerk.changes.listen()
    with other.transaction():
        for n in range(200):
            other.people.save(Person(f"Family{n}", "Given"))
    heard = _heard(listener, lambda h: ChangeNotice("person", None) in h)
    assert ChangeNotice("person", None) in heard  # 'any person': the rest of the flood
    assert len(heard) <= postgres_changes.NAMED + 1  # of 200 people


def test_the_listener_stops_with_the_store_and_leaves_no_thread(postgres_address):
    store = EventStore.open(postgres_address)
    listener = store.changes.listen()
    assert listener.wait_listening(10) and listener.running
    started = time.monotonic()
    store.close()
    assert time.monotonic() - started < 1.0
    assert not listener.running


def test_a_lost_connection_is_made_again_quietly_and_everything_is_told(
    clerk, other, postgres_address
):
    listener = clerk.changes.listen()
    with connect(postgres_address) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = 'EventDesk listener'"
        )
    deadline = time.monotonic() + 10
    while listener.reconnections == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert listener.reconnections == 1 and listener.wait_listening(10)
    heard = listener.poll()
    assert {ChangeNotice(kind, None) for kind in ("meeting", "person")} <= set(heard)
    theirs = other.meetings.save(Meeting("After the break", date(2022, 1, 5)))
    assert ChangeNotice("meeting", theirs.id) in _heard(listener, bool)


def test_a_team_database_made_before_the_trigger_gets_it_when_opened(postgres_address):
    with EventStore.open(postgres_address) as store:
        conn = store.connection
        conn.execute("DROP FUNCTION eventdesk_notify_change() CASCADE")
        assert not postgres_changes.present(conn)
    with EventStore.open(postgres_address) as store:
        assert postgres_changes.present(store.connection)


def test_on_a_file_another_connections_commit_is_told(db_path):
    with EventStore.open(db_path) as store:
        listener = store.changes.listen()
        store.meetings.save(Meeting("Ours", date(2021, 12, 22)))
        assert listener.poll() == []  # its own
        with connect(db_path) as other:
            other.execute("UPDATE meetings SET venue = 'Zoom'")
        assert ChangeNotice("meeting", None) in listener.poll()
        assert listener.poll() == []


def test_in_memory_nothing_is_told():
    store = EventStore.in_memory()
    assert store.changes.listen().live is False
    store.close()


def test_a_clerk_login_that_may_not_make_the_trigger_opens_the_database_without_it(
    postgres_address,
):
    role = f"clerk_{postgres_address.rsplit('/', 1)[1]}"
    with EventStore.open(postgres_address) as owner:
        conn = owner.connection
        conn.execute("DROP FUNCTION eventdesk_notify_change() CASCADE")
        conn.execute(f"CREATE ROLE {role} LOGIN")
        conn.execute(
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}"
        )
        conn.execute(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}")
    try:
        as_clerk = postgres_address.replace("//eventdesk@", f"//{role}@", 1)
        with EventStore.open(as_clerk) as clerk:
            assert not clerk.read_only
            assert not postgres_changes.present(clerk.connection)
            clerk.meetings.save(Meeting("Saved all the same", date(2022, 1, 5)))
        with EventStore.open(postgres_address) as owner:  # the owner's next opening makes it
            assert postgres_changes.present(owner.connection)
    finally:
        with connect(postgres_address) as admin:
            admin.execute(f"DROP OWNED BY {role}")
            admin.execute(f"DROP ROLE {role}")


def test_closing_while_the_server_does_not_answer_does_not_hold_the_window():
    from eventdesk.store.engines import postgres_listener

    # a server that takes the connection and never answers: libpq waits its connect_timeout
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        listener = postgres_listener.PostgresListener(
            f"host=127.0.0.1 port={port} dbname=x user=y", lambda: None
        )
        time.sleep(0.3)  # inside its first attempt
        assert not listener.wait_listening(0)
        started = time.monotonic()
        listener.close()
        waited = time.monotonic() - started
        assert waited < postgres_listener.CLOSE_WAIT + 0.5 < postgres_listener.CONNECT_TIMEOUT
        assert listener.running  # still waiting on the silent server: close did not wait
        assert listener.poll() == []
    deadline = time.monotonic() + postgres_listener.CONNECT_TIMEOUT + 5
    while listener.running and time.monotonic() < deadline:  # it ends once the attempt does
        time.sleep(0.1)
    assert not listener.running
