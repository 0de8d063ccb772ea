"""A real PostgreSQL server for the tests: started in a temporary folder, on the loopback only.

The team-database tests need the server an office runs, not a stand-in, and no developer
should have to set one up: the suite starts its own from the distribution's binaries
(``initdb`` and ``pg_ctl``) on a free port of 127.0.0.1, with a throw-away cluster that trusts
the local user, and removes it at the end. Nothing of the machine's own PostgreSQL (its
clusters, ``/var/run/postgresql``, port 5432) is touched.

Where no PostgreSQL is installed the tests that need it are skipped, naming the package to
install; under CI (``CI=true``, where ``.ci/run`` installs it) they fail instead, as the
LibreOffice and poppler tests do (tests/tools.py). ``EVENTDESK_PG_BINDIR`` names the folder
of the binaries where they are nowhere this module looks (the Windows and macOS CI jobs set
it); a folder named there that holds no ``initdb`` fails, never skips.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests import tools

#: The Debian package that brings ``initdb`` and ``pg_ctl`` (``.ci/run`` installs it).
PACKAGE = "postgresql"
#: The role the cluster is created with; it trusts every local connection.
USER = "eventdesk"
EXE = ".exe" if os.name == "nt" else ""


def _holds_binaries(folder: str | Path | None) -> bool:
    return bool(folder) and all(
        (Path(folder) / f"{name}{EXE}").is_file() for name in ("initdb", "pg_ctl")
    )


def _version_key(folder: str) -> tuple[int, ...]:
    """``/usr/lib/postgresql/15/bin`` → (15,): the newest installed version first."""
    digits = "".join(c if c.isdigit() else " " for c in Path(folder).parent.name).split()
    return tuple(int(d) for d in digits)


def _pg_config_bindir() -> str | None:
    pg_config = shutil.which("pg_config")
    if not pg_config:
        return None
    try:
        out = subprocess.run(
            [pg_config, "--bindir"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=30,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return out or None


def find_bindir() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``, or None when PostgreSQL is not installed.

    In order: ``pg_config --bindir``; Debian's and Ubuntu's
    ``/usr/lib/postgresql/*/bin`` (which are not on PATH); the Windows installer's and
    Homebrew's folders; then PATH.
    """
    candidates: list[str | None] = [_pg_config_bindir()]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    program_files = os.environ.get("PROGRAMFILES", r"C:\Program Files")
    patterns = [
        os.path.join(program_files, "PostgreSQL", "*", "bin"),
        "/opt/homebrew/opt/postgresql@*/bin",
        "/usr/local/opt/postgresql@*/bin",
    ]
    for pattern in patterns:
        candidates += sorted(glob.glob(pattern), key=_version_key, reverse=True)
    initdb = shutil.which("initdb")
    candidates.append(os.path.dirname(initdb) if initdb else None)
    return next((Path(c) for c in candidates if _holds_binaries(c)), None)


def binaries_or_skip() -> Path:
    """The binaries' folder; skip the test (fail it under CI) when there are none."""
    named = os.environ.get("EVENTDESK_PG_BINDIR")
    if named:
        if not _holds_binaries(named):
            tools.missing(f"EVENTDESK_PG_BINDIR={named} holds no initdb and pg_ctl", always=True)
        return Path(named)
    found = find_bindir()
    if found is None:
        tools.missing(
            "PostgreSQL is not installed: the team-database tests start one of their own "
            f"(Debian: apt-get install {PACKAGE}; or set EVENTDESK_PG_BINDIR to its bin folder)"
        )
    return found  # type: ignore[return-value]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _server_user() -> str | None:
    """``postgres`` when running as root (PostgreSQL refuses to run as root), else None."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    import pwd

    try:
        pwd.getpwnam("postgres")
    except KeyError:
        tools.missing(
            "running as root, and PostgreSQL will not: there is no user 'postgres' to run it "
            f"as (Debian's {PACKAGE} package creates one)"
        )
    return "postgres"


class PostgresServer:
    """One throw-away cluster; :meth:`start` it, :meth:`stop` it, and it leaves nothing behind."""

    def __init__(self, bindir: Path, folder: Path | None = None):
        self.bindir = bindir
        self.user = _server_user()
        # Not pytest's tmp_path: that is private to this user, and root's server runs as
        # postgres. A short path, too: the socket's full name must fit in about 100 bytes.
        self.folder = folder or Path(tempfile.mkdtemp(prefix="eventdesk-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"  # the server's own, written as its user
        self.output = self.folder / "commands.log"  # what initdb and pg_ctl said
        self.port = 0
        self._admin = None
        self._watchdog: subprocess.Popen | None = None
        self._names = itertools.count(1)
        if self.user and folder is None:
            shutil.chown(self.folder, self.user)

    def _run(self, *args: str, timeout: float = 120) -> None:
        """Run one of the binaries as the server's user, its output into ``commands.log``."""
        with open(self.output, "ab") as log:
            result = subprocess.run(
                [str(self.bindir / f"{args[0]}{EXE}"), *args[1:]],
                stdin=subprocess.DEVNULL,
                stdout=log,  # a file, not a pipe: the server it starts would hold a pipe open
                stderr=subprocess.STDOUT,
                user=self.user,
                group=self.user,
                extra_groups=[] if self.user else None,
                cwd=self.folder,
                timeout=timeout,
            )
        if result.returncode:
            raise RuntimeError(f"{args[0]} {args[1]} failed (exit status {result.returncode})")

    def log_tail(self, lines: int = 15) -> str:
        """The last lines of what the commands and the server said, for a failure's message."""
        tails = []
        for log in (self.output, self.log):
            with contextlib.suppress(OSError):
                text = log.read_text(encoding="utf-8", errors="replace")
                tails.append(f"--- {log.name}\n" + "\n".join(text.splitlines()[-lines:]))
        return "\n".join(tails) or "(no log)"

    def start(self) -> None:
        """initdb, then start on a free port (tried three times, as another may take it first)."""
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            USER,
            "--encoding=UTF8",
            "--no-locale",  # byte order, the same on every machine; an office's server picks its own
            "--no-instructions",
        )
        for attempt in range(3):
            self.port = _free_port()
            self._configure()
            try:
                self._run(
                    "pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data), "-l", str(self.log)
                )
                self._watch()
                return
            except RuntimeError:
                if attempt == 2:
                    raise

    def _configure(self) -> None:
        """The loopback only, our own socket folder, and no waiting on the disk: a test's
        cluster is thrown away, so fsync would only slow the suite on a shared machine."""
        sockets = "" if os.name == "nt" else str(self.folder).replace("'", "''")
        settings = {
            "port": str(self.port),
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": f"'{sockets}'",
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "shared_buffers": "'32MB'",
            "max_connections": "60",  # the ten-clerk tests run ten processes, each with a few
            "logging_collector": "off",
        }
        conf = self.data / "postgresql.auto.conf"
        lines = [f"{key} = {value}\n" for key, value in settings.items()]
        # postgresql.auto.conf is read last, so these win over postgresql.conf; it is the
        # server user's file, so written by that user's initdb and only appended to here.
        with open(conf, "w", encoding="utf-8") as out:
            out.write("# written by tests/postgres_server.py\n")
            out.writelines(lines)
        if self.user:
            shutil.chown(conf, self.user, self.user)

    def _watch(self) -> None:
        """A watchdog process that stops the server and removes its folder when this process
        ends, however it ends (Ctrl+C, a timeout's kill, a crash): it waits for the end of
        its standard input, a pipe that only this process holds open. In a session of its
        own, so the Ctrl+C that stops pytest does not stop the watchdog first."""
        script = (
            "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); "
            "from tests.postgres_server import PostgresServer; sys.stdin.buffer.read(); "
            "PostgresServer(Path(sys.argv[2]), Path(sys.argv[3]))._stop_here()"
        )
        root = str(Path(__file__).resolve().parents[1])
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", script, root, str(self.bindir), str(self.folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=os.name != "nt",
            creationflags=getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0),
        )

    def stop(self) -> None:
        """Stop the server (fast, then immediate) and remove its folder."""
        if self._admin is not None:
            with contextlib.suppress(Exception):
                self._admin.close()
            self._admin = None
        if self._watchdog is not None:  # it does the stopping; this process waits for it
            self._watchdog.stdin.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._watchdog.wait(timeout=120)
            self._watchdog = None
        self._stop_here()

    def _stop_here(self) -> None:
        if (self.data / "postmaster.pid").exists():
            try:
                self._run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.data), timeout=60)
            except (RuntimeError, subprocess.TimeoutExpired):
                with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
                    self._run("pg_ctl", "stop", "-m", "immediate", "-D", str(self.data))
        shutil.rmtree(self.folder, ignore_errors=True)

    def _forget_admin(self) -> None:
        """The connection for creating databases ends with the server: open it again later."""
        if self._admin is not None:
            with contextlib.suppress(Exception):
                self._admin.close()
            self._admin = None

    def restart(self) -> None:
        """Restart the server on the same port (fast: every session is ended at once, as an
        office's server is when it is updated or its IT restarts it)."""
        self._forget_admin()
        self._run(
            "pg_ctl",
            "restart",
            "-w",
            "-t",
            "60",
            "-m",
            "fast",
            "-D",
            str(self.data),
            "-l",
            str(self.log),
        )

    def halt(self) -> None:
        """Stop the server (fast) and leave it stopped, its data kept, until :meth:`resume`."""
        self._forget_admin()
        self._run("pg_ctl", "stop", "-w", "-t", "60", "-m", "fast", "-D", str(self.data))

    def resume(self) -> None:
        """Start the server :meth:`halt` stopped, on the same port."""
        self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data), "-l", str(self.log))

    def add_password_role(self, role: str, password: str) -> None:
        """A login role that must give its password (SCRAM), unlike the trusted ``eventdesk``:
        for the tests of libpq's own password handling (``.pgpass``, the prompt)."""
        self._admin_connection().execute(f"CREATE ROLE {role} LOGIN PASSWORD '{password}' CREATEDB")
        hba = self.data / "pg_hba.conf"
        rule = f"host all {role} 127.0.0.1/32 scram-sha-256\n"
        hba.write_text(rule + hba.read_text(encoding="utf-8"), encoding="utf-8")
        self._run("pg_ctl", "reload", "-D", str(self.data))
        import psycopg

        for _ in range(100):  # the postmaster rereads it when its signal arrives
            try:
                psycopg.connect(self.address().replace(USER, role, 1)).close()
            except psycopg.OperationalError:
                return
            time.sleep(0.05)
        raise RuntimeError(f"the server did not take the password rule for {role}")

    def address(self, database: str = "postgres") -> str:
        """The ``postgresql://`` address of one of the server's databases."""
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def _admin_connection(self):
        import psycopg

        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(self.address(), autocommit=True)
        return self._admin

    def create_database(self) -> str:
        """A new empty database's name: a copy of template1, about 50 ms here (template0
        or STRATEGY FILE_COPY took 60-70 ms)."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        self._admin_connection().execute(f"CREATE DATABASE {name}")
        return name

    def drop_database(self, name: str) -> None:
        """Drop a test's database, closing any connection the test left open."""
        self._admin_connection().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def start_or_skip() -> PostgresServer:
    """A started server; skip (fail under CI) where PostgreSQL is missing."""
    server = PostgresServer(binaries_or_skip())
    try:
        server.start()
    except Exception as exc:
        log = server.log_tail()
        server.stop()
        tools.missing(f"PostgreSQL did not start: {exc}\n{log}", always=True)
    return server


if __name__ == "__main__":  # a server to try things against by hand: Ctrl+C stops it
    running = start_or_skip()
    print(running.address(), flush=True)
    try:
        sys.stdin.read()
    finally:
        running.stop()
