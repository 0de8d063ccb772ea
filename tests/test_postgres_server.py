"""The PostgreSQL the suite starts for the team-database tests (tests/postgres_server.py).

It must be a real server reached over the loopback, give each test a database no other
test has touched, leave nothing running or on disk, and never let a missing PostgreSQL
pass a test silently under CI.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from tests import postgres_server
from tests.postgres_server import PostgresServer


def test_a_test_gets_an_empty_utf8_database_on_the_loopback(postgres_address):
    assert postgres_address.startswith("postgresql://eventdesk@127.0.0.1:")
    with psycopg.connect(postgres_address) as conn:
        address, user, encoding = conn.execute(
            "SELECT host(inet_server_addr()), current_user, current_setting('server_encoding')"
        ).fetchone()
        tables = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()[0]
    assert (address, user, encoding, tables) == ("127.0.0.1", "eventdesk", "UTF8", 0)


def test_each_database_is_its_own_and_is_dropped_after(postgres_server):
    first, second = postgres_server.create_database(), postgres_server.create_database()
    with psycopg.connect(postgres_server.address(first)) as conn:
        conn.execute("CREATE TABLE meetings (title text)")
        conn.execute("INSERT INTO meetings VALUES ('浸會大學 annual meeting')")
    with psycopg.connect(postgres_server.address(second)) as conn:
        assert conn.execute("SELECT to_regclass('meetings')").fetchone()[0] is None
    left_open = psycopg.connect(postgres_server.address(first))  # as a failed test may leave it
    postgres_server.drop_database(first)
    postgres_server.drop_database(second)
    left_open.close()
    with psycopg.connect(postgres_server.address()) as conn:
        names = {r[0] for r in conn.execute("SELECT datname FROM pg_database")}
    assert not {first, second} & names


def test_a_stopped_server_leaves_no_process_listening_and_no_folder(postgres_server):
    server = PostgresServer(postgres_server.bindir)
    server.start()
    with psycopg.connect(server.address()) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
    server.stop()
    assert not server.folder.exists()
    with (
        pytest.raises(ConnectionRefusedError),
        socket.create_connection(("127.0.0.1", server.port), 5),
    ):
        pass


def test_no_postgresql_skips_naming_the_package_and_fails_under_ci(monkeypatch):
    monkeypatch.setattr(postgres_server, "find_bindir", lambda: None)
    monkeypatch.delenv("EVENTDESK_PG_BINDIR", raising=False)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install postgresql"):
        postgres_server.binaries_or_skip()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="PostgreSQL is not installed"):
        postgres_server.binaries_or_skip()


def test_a_bin_folder_named_that_holds_no_postgresql_fails_even_off_ci(monkeypatch, tmp_path):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("EVENTDESK_PG_BINDIR", str(tmp_path))
    with pytest.raises(pytest.fail.Exception, match="holds no initdb"):
        postgres_server.binaries_or_skip()


def test_the_newest_installed_version_is_found_first(monkeypatch, tmp_path):
    for version in ("9.6", "15", "13"):
        folder = tmp_path / version / "bin"
        folder.mkdir(parents=True)
        for name in ("initdb", "pg_ctl"):
            (folder / f"{name}{postgres_server.EXE}").write_bytes(b"")
    monkeypatch.setattr(postgres_server, "_pg_config_bindir", lambda: None)
    real_glob = postgres_server.glob.glob
    monkeypatch.setattr(
        postgres_server.glob,
        "glob",
        lambda p: real_glob(str(tmp_path / "*" / "bin")) if "postgresql/*" in p else [],
    )
    assert postgres_server.find_bindir() == tmp_path / "15" / "bin"


@pytest.mark.posix(reason="kills the test run's stand-in with a signal")
def test_a_killed_test_run_leaves_no_server_behind(postgres_server, tmp_path):
    """A test run killed outright (a timeout, CI's end) still stops its server: the
    watchdog sees the run's end and stops it. Here a child Python is the killed run."""
    import signal

    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path\n"
        "from tests.postgres_server import PostgresServer\n"
        "server = PostgresServer(Path(sys.argv[2])); server.start()\n"
        "print(server.port, server.folder, flush=True); sys.stdin.read()\n"
    )
    root = str(Path(__file__).resolve().parents[1])
    run = subprocess.Popen(
        [sys.executable, "-c", script, root, str(postgres_server.bindir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    port, folder = run.stdout.readline().split()
    with psycopg.connect(f"postgresql://eventdesk@127.0.0.1:{port}/postgres") as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
    run.send_signal(signal.SIGKILL)
    run.wait(30)
    deadline = time.monotonic() + 60
    while Path(folder).exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not Path(folder).exists()
    with (
        pytest.raises(ConnectionRefusedError),
        socket.create_connection(("127.0.0.1", int(port)), 5),
    ):
        pass
