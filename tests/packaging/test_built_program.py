"""The standalone program: built from packaging/eventdesk.spec, it proves itself.

One PyInstaller build per test session (about 30 s here), into a temporary
folder, then the built program is run as an office would run it: its
self-test, a first start on a new database, and a start on a database an older
EventDesk wrote. A packaging break (a module, plugin, font or template left
out of the folder) fails here, and `.ci/run` runs these tests.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from eventdesk.selftest import STEPS
from eventdesk.store.migrations import LATEST_VERSION
from tests.conftest import SAMPLE

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "eventdesk.spec"
V1_DATABASE = ROOT / "tests" / "store" / "data" / "eventdesk-v1.sqlite3"
BUILD_TIMEOUT = 900
RUN_TIMEOUT = 120


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/EventDesk/ built once for the session; the path of the program folder."""
    pytest.importorskip("PyInstaller", reason="pip install -e '.[package]' to build the program")
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            str(SPEC),
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
        ],
        cwd=ROOT,
        env={**os.environ, "EVENTDESK_CONSOLE_TWIN": "1"},  # Windows' console program too
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=BUILD_TIMEOUT,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    folder = work / "dist" / "EventDesk"
    assert folder.is_dir()
    return folder


def _program(folder: Path, name: str = "EventDesk") -> Path:
    return folder / (f"{name}.exe" if sys.platform == "win32" else name)


def _run(
    folder: Path, *args: str, home: Path, program: str = "EventDesk", **env: str
) -> subprocess.CompletedProcess:
    """Run the built program with a home of its own: nothing of the user's is touched."""
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "PYTHON"))
    }
    environment |= {
        "HOME": str(home),
        "USERPROFILE": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        **env,
    }
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    return subprocess.run(
        [str(_program(folder, program)), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=RUN_TIMEOUT,
    )


def test_the_self_test_passes_every_step_without_a_screen(built: Path, tmp_path: Path):
    # Given no display and no Qt platform chosen, when the office runs the self-test
    result = _run(built, "--self-test", home=tmp_path)
    # then each step reports ok, in order, and the program exits 0
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    for number, (name, _step) in enumerate(STEPS, start=1):
        assert f"ok  {number}. {name}" in result.stdout, report
    assert f"all {len(STEPS)} steps passed" in result.stdout
    assert "built program" in result.stdout.splitlines()[0]


@pytest.fixture
def office_database(postgres_address: str) -> str:
    """A team database on the test suite's PostgreSQL, set up by EventDesk (from source),
    holding the example meeting."""
    from eventdesk.store import EventStore
    from eventdesk.store.interchange import import_file

    with EventStore.open(postgres_address) as store:
        import_file(store, SAMPLE)
    return postgres_address


def test_the_self_test_reaches_a_team_database_through_the_driver_it_carries(
    built: Path, tmp_path: Path, office_database: str
):
    # Given a team database, and a home with no .pgpass (the test server trusts the loopback)
    from eventdesk.selftest import steps_for
    from tests.test_selftest_team import _state

    before = _state(office_database)
    # when the office's IT runs the built program's self-test with its address
    result = _run(built, "--db", office_database, "--self-test", home=tmp_path)
    # then the program's steps pass, then the team database's: reached through the psycopg
    # and the libpq inside the folder, at this schema, read, written and rolled back
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    steps = steps_for(office_database)
    for number, (name, _step) in enumerate(steps, start=1):
        assert f"ok  {number}. {name}" in result.stdout, report
    reached = next(line for line in result.stdout.splitlines() if "team database reached" in line)
    assert f"{office_database} as eventdesk (PostgreSQL " in reached
    assert " binary, libpq " in reached, reached  # psycopg_binary's own libpq, not the system's
    assert f"all {len(steps)} steps passed" in result.stdout
    # and the database is as it was
    assert _state(office_database) == before


def test_the_built_program_works_on_a_team_database(
    built: Path, tmp_path: Path, office_database: str
):
    # Given a team database holding the example meeting
    home = tmp_path / "home"
    # when the built program's window starts on it (offscreen, quitting once shown)
    shown = _run(
        built, "--db", office_database, home=home,
        QT_QPA_PLATFORM="offscreen", EVENTDESK_EXIT_AFTER_SHOW="1",
    )  # fmt: skip
    # then the window was shown
    assert shown.returncode == 0, shown.stdout + shown.stderr[-4000:]
    assert shown.stdout.startswith("shown "), shown.stdout + shown.stderr
    # and its commands list, search in traditional characters and print from the database
    listed = _run(built, "--db", office_database, "list", home=home)
    assert listed.returncode == 0, listed.stderr
    meeting_id, _date, title = listed.stdout.splitlines()[0].split("\t")[:3]
    assert title.startswith("Annual Meeting and Exchange Symposium")
    found = _run(built, "--db", office_database, "search", "丁曉東", home=home)
    assert found.returncode == 0, found.stderr
    assert title in found.stdout
    pdf = tmp_path / "summary.pdf"
    printed = _run(
        built, "--db", office_database, "summary", meeting_id, "-o", str(pdf), home=home,
        QT_QPA_PLATFORM="offscreen",
    )  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.fixture
def tls_server(tmp_path: Path):
    """A PostgreSQL of its own (not the session's) that speaks TLS, with a certificate made
    for it by the openssl program: an office's server asks for ``sslmode=require``."""
    from tests import tools
    from tests.postgres_server import PostgresServer, binaries_or_skip

    openssl = shutil.which("openssl")
    if openssl is None:
        tools.missing("openssl is not installed: it makes the TLS server's certificate")
    server = PostgresServer(binaries_or_skip())
    try:
        server.start()
        for name in ("server.key", "server.crt"):
            (server.data / name).unlink(missing_ok=True)
        subprocess.run(
            [openssl, "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=127.0.0.1",
             "-keyout", str(server.data / "server.key"), "-out", str(server.data / "server.crt")],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        for name in ("server.key", "server.crt"):
            os.chmod(server.data / name, 0o600)  # the server refuses a key others can read
            if server.user:
                shutil.chown(server.data / name, server.user, server.user)
        with open(server.data / "postgresql.auto.conf", "a", encoding="utf-8") as conf:
            conf.write("ssl = on\n")
        server._run("pg_ctl", "restart", "-w", "-D", str(server.data), "-l", str(server.log))
        yield server
    finally:
        server.stop()


def test_the_built_program_reaches_a_team_database_over_tls(
    built: Path, tmp_path: Path, tls_server
):
    # Given a team database whose address asks for TLS (libpq refuses to go on without it)
    from eventdesk.store import EventStore
    from eventdesk.store.interchange import import_file

    address = tls_server.address("postgres") + "?sslmode=require"
    with EventStore.open(address) as store:
        import_file(store, SAMPLE)
    # when the built program self-tests it: libpq does TLS with the OpenSSL its wheel carries
    result = _run(built, "--db", address, "--self-test", home=tmp_path)
    # then it reaches the database, reads it and writes to it (rolled back)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"team database reached: {address} as eventdesk" in result.stdout
    assert "a meeting written and rolled back, nothing of it left" in result.stdout


def test_the_console_program_says_in_one_line_that_a_server_does_not_answer(
    built: Path, tmp_path: Path
):
    # Given an address where no PostgreSQL listens
    from tests.postgres_server import _free_port

    address = f"postgresql://clerk@127.0.0.1:{_free_port()}/eventdesk"
    # when a script runs the console program's self-test with it
    result = _run(built, "--db", address, "--self-test", home=tmp_path, program="eventdesk-cli")
    # then the first team step fails in one line naming the address, and the exit status is 1
    assert result.returncode == 1, result.stdout + result.stderr
    failed = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert len(failed) == 1, result.stdout
    assert f"team database reached: Cannot reach the team database {address}: " in failed[0]
    assert result.stdout.splitlines()[-1] == failed[0]


def test_first_start_on_a_new_path_creates_the_database(built: Path, tmp_path: Path):
    # Given a path where no database is yet
    database = tmp_path / "new folder" / "office.sqlite3"
    database.parent.mkdir()
    # when the program starts its main window on it (offscreen, quitting once shown)
    result = _run(
        built,
        "--db",
        str(database),
        home=tmp_path / "home",
        QT_QPA_PLATFORM="offscreen",
        EVENTDESK_EXIT_AFTER_SHOW="1",
    )
    # then the window was shown and the database is there, empty and of the latest schema
    assert result.returncode == 0, result.stderr[-4000:]
    assert result.stdout.startswith("shown "), result.stdout + result.stderr
    assert database.is_file()
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert db.execute("SELECT count(*) FROM meetings").fetchone()[0] == 0


def _counts(database: Path, tables: list[str]) -> dict[str, int]:
    with sqlite3.connect(database) as db:
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def test_a_database_from_an_older_build_is_migrated_and_keeps_every_record(
    built: Path, tmp_path: Path
):
    # Given a copy of a database that schema version 1 wrote, with its records
    database = tmp_path / "old.sqlite3"
    shutil.copy2(V1_DATABASE, database)
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
    before = _counts(database, tables)
    assert sum(before.values()) > 0
    # when the built program lists its meetings
    result = _run(built, "--db", str(database), "list", home=tmp_path / "home")
    # then the file is of the latest schema, and every record of version 1 is still there
    assert result.returncode == 0, result.stderr
    assert "Delegation visit to Lingnan" in result.stdout
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert _counts(database, tables) == before
    # and the migrated records read back whole through the program's own search
    found = _run(built, "--db", str(database), "search", "Xiaodong", home=tmp_path / "home")
    assert "Delegation visit to Lingnan" in found.stdout, found.stderr


def test_the_main_window_opens_a_database_from_an_older_build(built: Path, tmp_path: Path):
    # Given a copy of a version 1 database
    database = tmp_path / "old.sqlite3"
    shutil.copy2(V1_DATABASE, database)
    before = _counts(database, ["meetings", "people", "organisations", "attendances"])
    # when the desktop program starts on it (offscreen, quitting once the window is shown)
    result = _run(
        built,
        "--db",
        str(database),
        home=tmp_path / "home",
        QT_QPA_PLATFORM="offscreen",
        EVENTDESK_EXIT_AFTER_SHOW="1",
    )
    # then the window was shown on the migrated file, with its records
    assert result.returncode == 0, result.stderr[-4000:]
    assert result.stdout.startswith("shown "), result.stdout + result.stderr
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert _counts(database, list(before)) == before


def test_the_console_program_gives_scripts_its_output_and_exit_status(built: Path, tmp_path: Path):
    # Given the console twin of the program (eventdesk-cli.exe beside EventDesk.exe on
    # Windows, where cmd waits only for a console program and takes its exit status)
    database = tmp_path / "会议" / "old.sqlite3"
    database.parent.mkdir()
    shutil.copy2(V1_DATABASE, database)
    home = tmp_path / "home"
    # when a script lists the meetings of a database in a folder named in Chinese
    listed = _run(built, "--db", str(database), "list", home=home, program="eventdesk-cli")
    # then it prints them and exits 0; a mistake exits 1 with one line naming it
    assert listed.returncode == 0, listed.stderr
    assert "Delegation visit to Lingnan" in listed.stdout
    missing = tmp_path / "没有" / "x.sqlite3"
    failed = _run(built, "--db", str(missing), "list", home=home, program="eventdesk-cli")
    assert failed.returncode == 1
    assert failed.stderr == f"eventdesk: The folder {missing.parent} does not exist.\n"
    # and it knows the time zones an office's calendar names (tzdata, where the system has none)
    ics = _run(
        built, "--db", str(database), "export-ics", "--time-zone", "Asia/Hong_Kong",
        "-o", str(tmp_path / "calendar.ics"), home=home, program="eventdesk-cli",
    )  # fmt: skip
    assert ics.returncode == 0, ics.stderr


def test_the_folder_holds_the_resources_and_no_unused_qt_parts(built: Path):
    internal = built / "_internal"
    shipped = internal / "eventdesk" / "resources"
    # every file of resources/ is in the program, where paths.resources_dir() looks
    wanted = {
        p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*") if p.is_file()
    }
    have = {p.relative_to(shipped) for p in shipped.rglob("*") if p.is_file()}
    assert wanted - have == set()
    assert (internal / "eventdesk" / "store" / "interchange" / "format-1.schema.json").is_file()
    # and none of the Qt parts it never uses
    names = [p.relative_to(internal).as_posix() for p in internal.rglob("*")]
    unused = ("Qml", "Quick", "VirtualKeyboard", "EglFS", "qtbase_", "libqeglfs", "libqvnc")
    assert [n for n in names if any(u in n for u in unused)] == []
    assert not any("/translations/" in f"/{n}" for n in names)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads ELF dependencies")
def test_every_qt_library_a_bundled_binary_needs_is_bundled(built: Path):
    # The spec drops plugins and the libraries only they needed; nothing kept may need
    # a Qt, PySide or ICU library that went with them.
    from PyInstaller.depend.bindepend import get_imports

    internal = built / "_internal"
    files = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    bundled = {p.name for p in internal.rglob("*.so*")}
    ours = ("libQt6", "libpyside6", "libshiboken6", "libicu")
    missing = {
        f"{f.relative_to(internal)} needs {name}"
        for f in files
        for name, _path in get_imports(str(f))
        if name.startswith(ours) and name not in bundled
    }
    assert missing == set()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="asks the Linux dynamic linker")
def test_every_library_resolves_inside_the_folder_without_top_level_links(built: Path):
    # The spec leaves out the links PyInstaller puts at the top of _internal/ (qt_parts.py)
    # and Pillow's and OpenCC's unused parts. Given the search path the program starts
    # with, the dynamic linker (ldd: RUNPATH, then LD_LIBRARY_PATH) must find every library
    # of every bundled binary in the folder, or be a system library PyInstaller never
    # bundles (libc, libGL, ...): one found elsewhere here would be missing on an office PC.
    from PyInstaller.depend import dylib

    internal = built / "_internal"
    assert not [p.name for p in internal.iterdir() if p.is_symlink()]
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LD_LIBRARY_PATH": str(internal)}
    files = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    problems = set()
    for path in files:
        out = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, encoding="utf-8", env=env
        ).stdout
        for line in out.splitlines():
            name, arrow, found = line.strip().partition(" => ")
            if not arrow:
                continue
            found = found.rsplit(" (", 1)[0].strip()
            if found == "not found":  # (libwayland-cursor: the desktop's, and not here)
                if dylib.include_library(name):
                    problems.add(f"{path.relative_to(internal)} needs {name}: not found")
            elif not found.startswith(str(internal)) and dylib.include_library(found):
                problems.add(f"{path.relative_to(internal)} needs {name}: only {found}")
    assert problems == set()
    # and Pillow's, OpenCC's and dateparser's parts left out are out, the rest in
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    assert not [n for n in names if n.startswith(("opencc/clib/bin", "opencc/clib/lib64"))]
    assert not [n for n in names if "_imagingft" in n or "libfreetype-" in n]
    assert "opencc/clib/share/opencc/STPhrases.ocd2" in names
    assert any(n.startswith("PIL/_webp") for n in names)


def _debug_sections(path: Path) -> list[str]:
    """The names of an ELF file's .debug_* sections, from its section headers (readelf)."""
    out = subprocess.run(
        ["readelf", "-S", "-W", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    return sorted({w for w in out.split() if w.startswith(".debug_")})


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("readelf") is None,
    reason="the spec strips only on Linux, with binutils' strip (readelf reads the result)",
)
def test_third_party_extension_modules_ship_without_debug_symbols(built: Path):
    # Pillow's core and regex's come with debug symbols (4.3 MB of 6): the spec ships
    # stripped copies, made in its work folder. The installed modules keep theirs, and
    # Qt and the standard library's modules, which the bare window ships too, are as built.
    import PIL._imaging
    import regex._regex

    internal = built / "_internal"
    for module, dest in ((PIL._imaging, "PIL"), (regex._regex, "regex")):
        installed = Path(module.__file__)
        assert _debug_sections(installed), f"{installed} has no debug symbols to strip"
        shipped = internal / dest / installed.name
        assert _debug_sections(shipped) == []
        assert shipped.stat().st_size < installed.stat().st_size / 2
    # the standard library's modules ship as this interpreter has them: with debug symbols
    # (python.org's, pyenv's builds) or without (Debian strips its own)
    import _decimal

    lib_dynload = next(internal.glob("python3.*/lib-dynload"))
    installed = Path(_decimal.__file__)
    assert _debug_sections(lib_dynload / installed.name) == _debug_sections(installed)


def test_pypinyins_dictionaries_ship_compact_and_whole(built: Path):
    # The spec writes them without whitespace; every phrase and reading must stay.
    import json

    import pypinyin

    installed = Path(pypinyin.__file__).parent
    for name in ("phrases_dict.json", "pinyin_dict.json"):
        shipped = built / "_internal" / "pypinyin" / name
        original = installed / name
        assert shipped.stat().st_size < original.stat().st_size * 0.9
        assert json.loads(shipped.read_text(encoding="utf-8")) == json.loads(
            original.read_text(encoding="utf-8")
        )


def test_standard_modules_nothing_imports_are_left_out_and_decimal_stays(built: Path):
    # The spec's list goes with its compiled parts (readline's); decimal keeps its compiled
    # _decimal (Babel's numbers, openpyxl's cells), so leaving out its pure-Python fallback
    # is safe. multiprocessing stays: a user's template renders in a child process
    # (summary/isolation.py); asyncio and ssl too: psycopg and its compiled part import them.
    lib_dynload = next((built / "_internal").glob("python3.*/lib-dynload"))
    names = {p.name.split(".")[0] for p in lib_dynload.iterdir()}
    assert "readline" not in names
    assert {"_multiprocessing", "_asyncio", "_ssl"} <= names
    assert {"_decimal", "_sqlite3", "_ctypes"} <= names
