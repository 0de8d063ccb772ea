"""``eventdesk --db postgresql://… --self-test`` on a real PostgreSQL (tests/postgres_server.py).

Given a team database, the self-test reaches it, checks its schema version, reads it and, for
a login that may write, writes a meeting in a transaction it rolls back (issue 23, item 10).
What an office's IT would notice: each step's line, the exit status, a reader's login named
read-only, an unreachable server or a wrong password in one sentence, and the database left
exactly as it was, down to the next meeting's number. The built program runs the same steps
against the same server in tests/packaging/test_built_program.py.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from eventdesk import selftest
from eventdesk.store import EventStore
from eventdesk.store.engines import connect
from eventdesk.store.interchange import import_file
from eventdesk.store.migrations import LATEST_VERSION
from tests.conftest import SAMPLE

TEAM_NAMES = [name for name, _ in selftest.TEAM_STEPS]


@pytest.fixture
def team_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the team database's steps (numbered 1 to 4): the program's own steps are
    test_selftest.py's, and take seconds each run."""
    monkeypatch.setattr(selftest, "STEPS", [])


@pytest.fixture
def office_database(postgres_address: str) -> str:
    """A team database set up by EventDesk, holding the example meeting."""
    with EventStore.open(postgres_address) as store:
        import_file(store, SAMPLE)
    return postgres_address


def _state(address: str) -> dict[str, object]:
    """Every table's rows, and where each sequence stands (the meetings' ids, the history's, and
    any a trigger uses): what a leftover of the self-test's write would show."""
    with connect(address) as conn:
        rows: dict[str, object] = {
            table: conn.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
            for table in conn.table_names()
        }
        rows["sequences"] = conn.execute(
            "SELECT sequencename, last_value FROM pg_sequences "
            "WHERE schemaname = current_schema() ORDER BY 1"
        ).fetchall()
    assert any("meetings" in name for name, _ in rows["sequences"])
    return rows


def _run(address: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = selftest.run_self_test(address)
    return status, capsys.readouterr().out.splitlines()


def test_a_clerks_login_passes_every_step_and_leaves_the_database_as_it_was(
    office_database: str, team_only: None, capsys: pytest.CaptureFixture[str]
):
    # Given a team database with the example meeting, and a login that may write
    before = _state(office_database)
    # when the self-test is given its address
    status, lines = _run(office_database, capsys)
    # then every step reports ok, in order, with what it found
    assert status == 0, lines
    assert lines[1].startswith(f"ok  1. team database reached: {office_database} as eventdesk ")
    assert "(PostgreSQL " in lines[1] and "psycopg 3." in lines[1] and "libpq " in lines[1]
    assert lines[2] == f"ok  2. {TEAM_NAMES[1]}: {LATEST_VERSION}"
    assert lines[3] == (
        f"ok  3. {TEAM_NAMES[2]}: 1 meeting, the newest 2021-12-22 Annual Meeting and Exchange "
        "Symposium of the Shanghai-Hong Kong University Alliance 2021"
    )
    assert lines[4] == f"ok  4. {TEAM_NAMES[3]}"
    assert lines[5] == "all 4 steps passed"
    # and nothing of the write is left: no row in any table, not even a meeting number used
    assert _state(office_database) == before


def test_a_readers_login_is_told_read_only_and_nothing_is_written(
    office_database: str,
    postgres_server,
    team_only: None,
    capsys: pytest.CaptureFixture[str],
):
    # Given a login whose role may read the records but not change them (docs/team.md's reader)
    database = office_database.rpartition("/")[2]
    group, login = f"{database}_readers", f"{database}_leader"
    admin = postgres_server._admin_connection()
    admin.execute(f"CREATE ROLE {group} NOLOGIN")
    admin.execute(f"CREATE ROLE {login} LOGIN IN ROLE {group}")
    with connect(office_database) as conn:
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {group}")
    address = office_database.replace("eventdesk@", f"{login}@", 1)
    before = _state(office_database)
    try:
        # when the self-test is given the database with that login
        status, lines = _run(address, capsys)
    finally:
        with connect(office_database) as conn:  # its grants are the database's
            conn.execute(f"DROP OWNED BY {group}, {login}")
        admin.execute(f"DROP ROLE {login}")
        admin.execute(f"DROP ROLE {group}")
    # then it reads, says the role is read-only, tries no write, and passes
    assert status == 0, lines
    assert lines[1].startswith(f"ok  1. team database reached: {address} as {login} ")
    assert lines[3].startswith(f"ok  3. {TEAM_NAMES[2]}: 1 meeting, ")
    assert lines[4] == (
        "ok  4. read-only role, no write tried: You can read this team database but not "
        f"change it (your role: {group})."
    )
    assert _state(office_database) == before


def test_read_only_tries_no_write_even_for_a_clerks_login(
    office_database: str, team_only: None, capsys: pytest.CaptureFixture[str]
):
    # Given a login that may write, when the self-test is told --read-only
    before = _state(office_database)
    status = selftest.run_self_test(office_database, read_only=True)
    lines = capsys.readouterr().out.splitlines()
    # then it reads, and says that no write was tried
    assert status == 0, lines
    assert lines[4] == "ok  4. --read-only: no write tried"
    assert _state(office_database) == before


def test_an_empty_database_is_named_and_left_empty(
    postgres_address: str, team_only: None, capsys: pytest.CaptureFixture[str]
):
    # Given a team database nobody has opened with EventDesk yet
    status, lines = _run(postgres_address, capsys)
    # then the schema step fails in one sentence saying what to do, and nothing is created
    assert status == 1
    assert lines[2] == (
        f"FAIL 2. {TEAM_NAMES[1]}: The team database {postgres_address} holds no EventDesk "
        "records yet: open it once with the office's owner login to set it up (docs/team.md)."
    )
    assert lines[3:] == []
    with connect(postgres_address) as conn:
        assert conn.table_names() == []


def test_a_server_that_does_not_answer_is_one_sentence_and_exit_1(
    team_only: None, capsys: pytest.CaptureFixture[str]
):
    # Given an address where no server listens (a port just freed on the loopback)
    from tests.postgres_server import _free_port

    address = f"postgresql://clerk@127.0.0.1:{_free_port()}/eventdesk"
    status, lines = _run(address, capsys)
    # then the first team step fails in one line naming the address, and the run ends
    assert status == 1
    assert len(lines) == 2, lines
    assert lines[1].startswith(
        f"FAIL 1. {TEAM_NAMES[0]}: Cannot reach the team database {address}: "
    )
    assert "refused" in lines[1].lower(), lines


def test_a_driver_left_out_of_the_program_fails_the_first_team_step_in_one_line(
    team_only: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    # Given psycopg missing, as if the build had left it out (the engine module not loaded yet)
    monkeypatch.setitem(sys.modules, "psycopg", None)
    monkeypatch.delitem(sys.modules, "eventdesk.store.engines.postgres", raising=False)
    status, lines = _run("postgresql://clerk@127.0.0.1:1/eventdesk", capsys)
    # then the first team step fails, naming the missing module, on one line; exit 1
    assert status == 1
    assert len(lines) == 2, lines
    assert lines[1].startswith(f"FAIL 1. {TEAM_NAMES[0]}: ModuleNotFoundError: ")
    assert "psycopg" in lines[1]


def test_a_wrong_password_is_one_sentence_without_the_password(
    office_database: str,
    postgres_server,
    team_only: None,
    capsys: pytest.CaptureFixture[str],
):
    # Given a login that must give its password, and an address that gives the wrong one
    login = office_database.rpartition("/")[2] + "_pw"
    postgres_server.add_password_role(login, "right-one")
    address = office_database.replace("eventdesk@", f"{login}:wrong-one@", 1)
    try:
        status, lines = _run(address, capsys)
    finally:
        postgres_server._admin_connection().execute(f"DROP ROLE {login}")
    # then the step fails in one sentence naming the login, never the password
    shown = address.replace(":wrong-one", "")
    assert status == 1
    assert len(lines) == 2, lines
    assert lines[1].startswith(
        f"FAIL 1. {TEAM_NAMES[0]}: The team database {shown} asks for a password: "
    ), lines
    assert "password authentication failed" in lines[1]
    assert ".pgpass" in lines[1]
    assert "wrong-one" not in lines[1]


def test_the_command_line_runs_the_programs_steps_then_the_team_databases(office_database: str):
    # When an office's IT runs `eventdesk --db ADDRESS --self-test`
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test sets it itself
    result = subprocess.run(
        [sys.executable, "-m", "eventdesk", "--db", office_database, "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=600,
    )
    # then the program's own steps pass, then the team database's, and it exits 0
    assert result.returncode == 0, result.stdout + result.stderr
    steps = selftest.steps_for(office_database)
    assert len(steps) == len(selftest.STEPS) + 4
    for number, (name, _step) in enumerate(steps, start=1):
        assert f"ok  {number}. {name}" in result.stdout, result.stdout
    assert f"all {len(steps)} steps passed" in result.stdout
