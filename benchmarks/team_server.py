"""A team database for the benchmarks: an office's PostgreSQL on the loopback, holding a copy.

The server is the tests' throw-away cluster (``tests/postgres_server.py``: started in a
temporary folder on a free port of 127.0.0.1, removed when this process ends), set as an
office's server is rather than as the tests want theirs: every commit flushed to disk
(``fsync``, ``synchronous_commit``, ``full_page_writes`` on, PostgreSQL's defaults, which the
tests turn off) and PostgreSQL's default 128 MB of shared buffers; its database in a UTF-8
locale (``LC_CTYPE C.UTF-8``), as an office's server has one. The generated file is copied
onto it with ``eventdesk copy`` (``store/copying.py``), search words included, then vacuumed
and analysed, as autovacuum leaves a database soon after.

    python benchmarks/team_server.py FILE   # start, copy, print the address, serve until Enter
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE.parent))

from tests.postgres_server import PostgresServer, find_bindir  # noqa: E402

from eventdesk.store.copying import copy_database  # noqa: E402
from eventdesk.store.database import open_database  # noqa: E402
from eventdesk.store.engines import connect  # noqa: E402

#: What differs from the tests' settings: an office's server flushes every commit.
OFFICE_SETTINGS = {
    "fsync": "on",
    "synchronous_commit": "on",
    "full_page_writes": "on",
    "shared_buffers": "'128MB'",
    "max_connections": "100",
}


class OfficeServer(PostgresServer):
    def _configure(self) -> None:
        super()._configure()
        with open(self.data / "postgresql.auto.conf", "a", encoding="utf-8") as out:
            out.writelines(f"{key} = {value}\n" for key, value in OFFICE_SETTINGS.items())


@contextmanager
def office_server() -> Iterator[OfficeServer]:
    bindir = find_bindir()
    if bindir is None:
        raise SystemExit("no PostgreSQL here: install Debian's postgresql package")
    server = OfficeServer(bindir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def create_database(server: PostgresServer, name: str, template: str = "template0") -> str:
    """A new database ``name`` made from ``template`` (a whole copy, file by file: a fresh
    copy of the records for each run of a benchmark that adds some); its address."""
    with connect(server.address()) as admin:
        admin.execute(
            f"CREATE DATABASE {name} TEMPLATE {template} ENCODING 'UTF8' "
            "LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'"
        )
    return server.address(name)


def drop_database(server: PostgresServer, name: str) -> None:
    with connect(server.address()) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def copy_file(file: Path, address: str) -> float:
    """Copy the generated ``file`` onto the empty database at ``address``; the seconds."""
    open_database(file).close()  # a kept file of an older EventDesk is upgraded first
    started = time.perf_counter()
    report = copy_database(str(file), address)
    took = time.perf_counter() - started
    if not report.ok:
        raise SystemExit(f"the copy onto {address} differs:\n{report.table()}")
    with connect(address) as conn:
        conn.execute("VACUUM ANALYZE")
    return took


def main() -> int:
    file = Path(sys.argv[1])
    with office_server() as server:
        address = create_database(server, "bench")
        took = copy_file(file, address)
        print(f"{address} (copied in {took:.0f} s); Enter stops it", flush=True)
        sys.stdin.readline()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
