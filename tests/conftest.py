"""Fixtures shared by every layer's tests.

``fresh_store`` is a real SQLite file in a temporary folder; ``sample_store``
holds the example meeting of ``resources/samples`` imported through the
interchange format, the way a user would load it. ``postgres_address`` is an
empty database on a real PostgreSQL the run starts itself; ``engine_address``
runs a test once on each engine, and ``engine_store``/``engine_sample_store``
are the two stores on it.
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """``posix`` tests are skipped on Windows and ``windows`` tests elsewhere, saying why."""
    for item in items:
        posix = item.get_closest_marker("posix")
        windows = item.get_closest_marker("windows")
        if posix and os.name == "nt":
            why = posix.kwargs.get("reason", "what it needs is POSIX's")
            item.add_marker(pytest.mark.skip(reason=f"POSIX only: {why}"))
        if windows and os.name != "nt":
            why = windows.kwargs.get("reason", "what it shows is Windows'")
            item.add_marker(pytest.mark.skip(reason=f"Windows only: {why}"))


@pytest.fixture(autouse=True)
def local_drafts(tmp_path: Path, monkeypatch) -> Path:
    """The folder of team databases' crash drafts on "this PC": the test's own, never the
    user's data folder (``store/drafts.py``)."""
    from eventdesk.store import drafts

    folder = tmp_path / "local-drafts"
    monkeypatch.setattr(drafts, "local_folder", lambda: folder)
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "eventdesk.sqlite3"


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL on the loopback for the whole run, started on first use
    (tests/postgres_server.py); skipped where none is installed, failed so under CI."""
    from tests.postgres_server import start_or_skip

    server = start_or_skip()
    yield server
    server.stop()


@pytest.fixture
def postgres_address(postgres_server) -> str:
    """The ``postgresql://`` address of a new, empty database of its own, dropped after."""
    name = postgres_server.create_database()
    yield postgres_server.address(name)
    postgres_server.drop_database(name)


@pytest.fixture
def second_login(postgres_server, postgres_address):
    """``postgres_address`` for another clerk: the same team database, another login."""
    from urllib.parse import urlsplit

    import psycopg

    role = f"clerk_{os.getpid()}"
    with psycopg.connect(postgres_server.address(), autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN SUPERUSER")
    address = urlsplit(postgres_address)
    yield address._replace(netloc=f"{role}@{address.hostname}:{address.port}").geturl()
    with psycopg.connect(postgres_server.address(), autocommit=True) as admin:
        admin.execute(f"DROP ROLE IF EXISTS {role}")


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_address(request, db_path: Path) -> str:
    """An empty store's address on each engine in turn: a SQLite file's path, then a
    PostgreSQL database's ``postgresql://`` address (the test ids end ``[sqlite]`` and
    ``[postgresql]``). The server starts only if a ``[postgresql]`` test runs."""
    if request.param == "sqlite":
        return str(db_path)
    return request.getfixturevalue("postgres_address")


@pytest.fixture
def engine_store(engine_address: str):
    """An empty store on each engine in turn (``[sqlite]``, ``[postgresql]``), opened as
    ``eventdesk --db`` opens it."""
    store = EventStore.open(engine_address)
    yield store
    store.close()


@pytest.fixture
def engine_sample_store(engine_store: EventStore) -> EventStore:
    """The example meeting imported into a store on each engine in turn. A test file whose
    tests should hold on both engines says ``sample_store = engine_sample_store`` (as a
    fixture of its own) and runs twice."""
    import_file(engine_store, SAMPLE)
    return engine_store


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
    (row,) = sample_store.meetings.list()
    return sample_store.meetings.get(row.id)


def save_visit_of_mixed_script_partner(store: EventStore) -> None:
    """A delegation from 香港浸會大学: traditional 會, simplified 学, as an input method may give."""
    from datetime import date

    from eventdesk.records import Attendance, Meeting, Organisation, Person

    hkbu = store.organisations.save(
        Organisation(name="Hong Kong Baptist University", name_zh="香港浸會大学")
    )
    guest = store.people.save(Person("Wong", "Ka Ming", organisation_id=hkbu.id))
    meeting = Meeting(title="Delegation visit", start_date=date(2026, 3, 2))
    meeting.attendees = [Attendance(person_id=guest.id, organisation_id=hkbu.id)]
    store.meetings.save(meeting)


@pytest.fixture
def busy_org_store(fresh_store: EventStore) -> EventStore:
    """Our university at 30 meetings over 30 months, hosting some and sending two people to each.

    A partner attends every third meeting; one meeting is in the trash. The
    university is ``fresh_store.busy_org_id`` (the partner ``partner_id``).
    """
    from datetime import date

    from eventdesk.records import Attendance, HostOrganisation, Meeting, Organisation, Person

    store = fresh_store
    ours = store.organisations.save(Organisation("Our University", short_name="OU"))
    partner = store.organisations.save(Organisation("Partner College"))
    ding = store.people.save(Person("Ding", "Xiaodong", organisation_id=ours.id))
    wai = store.people.save(Person("Wai", "Alexander", name_order="given_first"))
    for n in range(30):
        attendees = [
            Attendance(ding.id, title=f"Vice President {n}", organisation_id=ours.id),
            Attendance(wai.id, title="Dean", organisation_id=ours.id if n % 2 else partner.id),
        ]
        hosts = [HostOrganisation(ours.id)] if n % 5 == 0 else []
        if n % 3 == 0:
            hosts.append(HostOrganisation(partner.id))
        store.meetings.save(
            Meeting(
                f"Meeting {n:02d}",
                date(2020 + n // 12, n % 12 + 1, 10),
                attendees=attendees,
                hosts=hosts,
            )
        )
    trashed = store.meetings.list(limit=1)[0]  # the newest
    store.trash.put("meeting", trashed.id)
    store.busy_org_id = ours.id  # type: ignore[attr-defined]
    store.partner_id = partner.id  # type: ignore[attr-defined]
    store.ding_id = ding.id  # type: ignore[attr-defined]
    return store
