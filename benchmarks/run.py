"""Measure the targets of docs/targets.md on a generated database: one command, a table, a verdict.

    python benchmarks/run.py [--scale 1] [--runs 5] [--keep DIR] [--only start]
        [--photos-per-meeting 4] [--photo-mb 4] [--photo-share 1.0]
        [--engine sqlite|postgresql] [--address postgresql://…]

Generates the database (``generate.py``) at the given scale, unless ``--keep``
holds one already, then measures each target row with medians over several
runs, and beside each figure that has a floor measures the floor in the same
run: start-up against a bare PySide6 window with a search box and a table, a
search keystroke against one plain ranked FTS5 prefix query over people,
memory against that bare window. Prints a table of figure against target,
ends with one line saying how many targets were met, and exits 1 when a
target is missed at scale 1 (at other scales it only reports).

Whole-process figures (start, memory) are wall-clock medians of separate
processes, EventDesk's and the bare window's taken in turn, so that a load
that comes and goes on the machine falls on both alike; in-process figures
(search, editor, PDF) are medians of repeated calls in one running program,
after one warm-up. ``--only start`` measures the start and memory rows alone
(a minute, where the whole table takes most of an hour at 1x).

``--engine postgresql`` measures the same rows on a team database over the loopback (the
PostgreSQL column of docs/performance.md): a PostgreSQL set as an office's is started here
(``team_server.py``) and the generated file copied onto it with ``eventdesk copy``, unless
``--address`` names a database holding such a copy already; the window is started with
``--db postgresql://…``, and saving the 200-attendee meeting and the statements each save
sends are measured in the same process as the search. The floor of each row is then the
file's own figure taken in the same run, in turn with the team database's, so that a load
that comes and goes falls on both. The rows a team database does not have (the file's
backups and exports, the whole-database import) are left out.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from generate import add_photo_options, check_room, generate, photo_options  # noqa: E402

PROBE = [sys.executable, str(HERE / "probe.py")]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


@dataclass
class Row:
    what: str
    figure: float
    unit: str
    target: float | None
    floor: float | None = None
    note: str = ""

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.figure < self.target


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed_start(args: list[str]) -> tuple[float, float, float]:
    """Seconds from launching the process to its ``ready`` and ``editor`` lines, and its RSS
    in MiB."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        PROBE + args,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        env=ENV,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    took = time.perf_counter() - started
    editor_line = proc.stdout.readline()
    took_editor = time.perf_counter() - started
    rss_line = proc.stdout.readline()
    proc.wait(timeout=60)
    if line.strip() != "ready" or editor_line.strip() != "editor":
        raise SystemExit(f"the probe {args} did not start: {line!r} {editor_line!r}")
    return took, took_editor, float(rss_line.split()[1])


def compile_sources() -> None:
    """Bytecode for every module first, as an installed program has: with
    ``PYTHONDONTWRITEBYTECODE`` set (or sources newer than their ``.pyc``) each start
    would compile the modules it imports, which no office PC's start does."""
    import compileall

    compileall.compile_dir(HERE.parent / "src", quiet=1)


def measure(db: Path, runs: int, only: str | None = None) -> list[Row]:
    compile_sources()
    starts, editors, rss, bare_starts, bare_rss = [], [], [], [], []
    for _ in range(runs):  # in turn: a burst of load elsewhere slows both, not one
        took, took_editor, mib = timed_start(["start", str(db)])
        starts.append(took)
        editors.append(took_editor)
        rss.append(mib)
        took, _same, mib = timed_start(["bare-start"])
        bare_starts.append(took)
        bare_rss.append(mib)
    start_rows = [
        Row(
            "start to a usable main window",
            statistics.median(starts),
            "s",
            1.0,
            statistics.median(bare_starts),
        ),
        Row(
            "start, times the bare window's (same run)",
            statistics.median(starts) / statistics.median(bare_starts),
            "x",
            2.0,
            note="issue 25: within twice the floor",
        ),
        Row(
            "start to the newest meeting in the editor",
            statistics.median(editors),
            "s",
            None,
            statistics.median(bare_starts),
            note="the editor fills in after the window's first paint",
        ),
        Row(
            "memory with that database open",
            statistics.median(rss),
            "MiB",
            250.0,
            statistics.median(bare_rss),
        ),
    ]
    if only == "start":
        return start_rows
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(
            [*PROBE, "work", str(db), out],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=ENV,
            check=True,
            timeout=600,
        )
    work = json.loads(done.stdout.strip().splitlines()[-1])
    rows = [
        *start_rows[:3],
        Row(
            "search keystroke to updated list (median)",
            statistics.median(work["search"]),
            "ms",
            30.0,
            statistics.median(work["plain"]),
        ),
        Row(
            "search keystroke to updated list (95th pct)",
            percentile(work["search"], 95),
            "ms",
            30.0,
            percentile(work["plain"], 95),
        ),
        Row(
            "open a 200-attendee meeting in the editor",
            statistics.median(work["open"]),
            "ms",
            150.0,
        ),
        Row("news release PDF of that meeting", statistics.median(work["pdf"]), "ms", 500.0),
        start_rows[3],
    ]
    rows.append(attendee_import(db))
    rows.append(whole_import(db))
    rows += store_costs(db)  # last: it adds a few days' meetings to the database
    return rows


def measure_team(db: Path, runs: int, address: str | None, only: str | None = None) -> list[Row]:
    """The PostgreSQL column: the rows of :func:`measure` on a team database holding a copy
    of ``db``, over the loopback; beside each (as its floor) the file's own figure, measured
    in the same run, so that a machine's load falls on both."""
    from contextlib import ExitStack

    from team_server import copy_file, create_database, office_server

    compile_sources()
    with ExitStack() as stack:
        copied: list[Row] = []
        if address is None:
            server = stack.enter_context(office_server())
            address = create_database(server, "bench")
            took = copy_file(db, address)
            copied.append(Row("eventdesk copy of the file onto it", took, "s", None))
        team: dict[str, list[float]] = {"start": [], "editor": [], "rss": []}
        file: dict[str, list[float]] = {"start": [], "editor": [], "rss": []}
        bare_rss = []
        for _ in range(runs):  # in turn, as measure() does
            for samples, where in ((team, address), (file, str(db))):
                took, took_editor, mib = timed_start(["start", where])
                samples["start"].append(took)
                samples["editor"].append(took_editor)
                samples["rss"].append(mib)
            bare_rss.append(timed_start(["bare-start"])[2])
        start_rows = [
            Row(
                "start to a usable main window",
                statistics.median(team["start"]),
                "s",
                1.0,
                statistics.median(file["start"]),
            ),
            Row(
                "start to the newest meeting in the editor",
                statistics.median(team["editor"]),
                "s",
                None,
                statistics.median(file["editor"]),
            ),
        ]
        memory = Row(
            "memory with that database open",
            statistics.median(team["rss"]),
            "MiB",
            250.0,
            statistics.median(file["rss"]),
            note=f"bare window {statistics.median(bare_rss):.0f} MiB",
        )
        if only == "start":
            return [*start_rows, memory]
        work = _work(address)
        floor = _work(str(db), "--saves")

        def row(what: str, key: str, target: float | None, unit: str = "ms", p: int = 50) -> Row:
            def figure(samples: dict[str, list[float]]) -> float:
                return percentile(samples[key], p) if p != 50 else statistics.median(samples[key])

            return Row(what, figure(work), unit, target, figure(floor))

        return [
            *start_rows,
            row("search keystroke to updated list (median)", "search", 30.0),
            row("search keystroke to updated list (95th pct)", "search", 30.0, p=95),
            row("open a 200-attendee meeting in the editor", "open", 150.0),
            row("save a 200-attendee meeting, one title changed", "save", 150.0),
            row("statements that save sends the server", "statements", None, ""),
            row("news release PDF of that meeting", "pdf", 500.0),
            memory,
            _with_floor(attendee_import(db, address), attendee_import(db)),
            *copied,
        ]


def _work(where: str, *flags: str) -> dict[str, list[float]]:
    """probe.py's in-process samples on the file or the team database ``where``."""
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(
            [*PROBE, "work", where, out, *flags],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=ENV,
            check=True,
            timeout=900,
        )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _with_floor(row: Row, floor: Row) -> Row:
    row.floor = floor.figure
    return row


def whole_import(db: Path) -> Row:
    """Export the database's records as JSON and import them into an empty one (issue 12)."""
    what = "import a whole-database export (records)"
    done = subprocess.run(
        [sys.executable, str(HERE / "whole_import.py"), "--db", str(db)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        check=False,
        timeout=3600,
    )
    for line in done.stdout.splitlines():
        if line.startswith("whole-database import: "):
            note = "well under a minute; into an empty database, photos aside"
            return Row(what, float(line.split(": ")[1].split()[0]), "s", 30.0, note=note)
    return Row(what, float("nan"), "s", 30.0, note=f"no figure: {done.stderr[-200:]}")


def store_costs(db: Path) -> list[Row]:
    """The costs that grow with the years (benchmarks/store_costs.py), as rows."""
    done = subprocess.run(
        [sys.executable, str(HERE / "store_costs.py"), str(db)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        check=False,
        timeout=7200,
    )
    if done.returncode != 0:
        return [Row("store costs", float("nan"), "", None, note=done.stderr[-300:])]
    f = json.loads(done.stdout.strip().splitlines()[-1])
    gib = 1024
    return [
        Row("database file after ten years", f["db_mib"], "MiB", None),
        Row(f"its photos ({f['photos']} files)", f["media_mib"] / gib, "GiB", None),
        Row(
            "backups folder after ten years",
            f["backup_folder_mib"] / gib,
            "GiB",
            None,
            note=f"photos once ({f['backup_pool_mib'] / gib:.1f} GiB) + 11 record copies",
        ),
        Row("first backup (every photo once)", f["first_backup_s"], "s", None),
        Row(
            "daily backup: records + the day's 4 photos",
            f["daily_backup_s"],
            "s",
            f["daily_floor_s"] * 1.1,
            f["daily_floor_s"],
            note="target: its floor, a plain flushed copy of those bytes (+10% for noise)",
        ),
        Row(
            "the day's quick check, before that backup",
            f["quick_check_s"],
            "s",
            None,
            note="beside the window; the backup then checks its copy is whole",
        ),
        Row(
            f"our own university's page ({f['org_meetings']} meetings)",
            f["org_page_ms"],
            "ms",
            150.0,
            note="first page of 100 and the count",
        ),
        Row("save a 200-attendee meeting, one title changed", f["save_200_ms"], "ms", 150.0),
        Row(
            "export the whole database",
            f["export_s"],
            "s",
            None,
            note=f"{f['export_mib'] / gib:.1f} GiB written, peak {f['export_rss_mib']:.0f} MiB",
        ),
    ]


def attendee_import(db: Path, address: str | None = None) -> Row:
    script = HERE / "attendee_import.py"
    team = ["--address", address] if address else []
    done = subprocess.run(
        [sys.executable, str(script), "--db", str(db), "--runs", "3", *team],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        check=False,
        timeout=900,
    )
    for line in done.stdout.splitlines():
        if ": median " in line:  # "import of a 5000-row attendee XLSX: median 1.23 s of 3 runs"
            seconds = float(line.split(": median ")[1].split()[0])
            return Row("import a 5,000-row attendee XLSX", seconds, "s", 3.0)
    return Row(
        "import a 5,000-row attendee XLSX",
        float("nan"),
        "s",
        3.0,
        note=f"no figure: {done.stdout[-200:]} {done.stderr[-200:]}",
    )


def show(rows: list[Row], scale: int, engine: str = "sqlite") -> int:
    where = " on a team database (PostgreSQL, loopback)" if engine == "postgresql" else ""
    print(
        f"\nEventDesk {scale}x{where} on {platform.node()} ({platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}{load_average()})"
    )
    beside = "the file" if engine == "postgresql" else "floor"  # measured in the same run
    print(f"{'what':45} {'figure':>12} {'target':>9} {beside:>9} {'ratio':>6}  met")
    for r in rows:
        floor = _figure(r.floor) if r.floor is not None else ""
        ratio = f"{r.figure / r.floor:.2f}x" if r.floor else ""
        target = f"< {_figure(r.target)}" if r.target is not None else ""
        met = {True: "yes", False: "NO", None: "-"}[r.met]
        print(
            f"{r.what:45} {_figure(r.figure):>8}{r.unit:>4} {target:>9} {floor:>9} {ratio:>6}  "
            f"{met}{'  ' + r.note if r.note else ''}"
        )
    judged = [r for r in rows if r.met is not None]
    met = sum(1 for r in judged if r.met)
    print(f"{met} of {len(judged)} targets met at {scale}x.")
    return 0 if met == len(judged) or scale != 1 else 1


def load_average() -> str:
    """The machine's load as the figures were taken (where the system tells it)."""
    if not hasattr(os, "getloadavg"):
        return ""
    return "; load average " + " ".join(f"{n:.1f}" for n in os.getloadavg())


def _figure(value: float) -> str:
    """Three significant figures below 100 (a backup of 0.127 s is not "0.1 s"), else whole."""
    return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="a folder to keep the generated database in")
    parser.add_argument(
        "--only", choices=["start"], help="measure only these rows (start: start-up and memory)"
    )
    parser.add_argument(
        "--engine",
        choices=["sqlite", "postgresql"],
        default="sqlite",
        help="postgresql: the same rows on a team database over the loopback",
    )
    parser.add_argument(
        "--address", help="with --engine postgresql: a team database holding a copy already"
    )
    add_photo_options(parser)
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="eventdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"bench-{args.scale}x.sqlite3"
    if not db.exists():
        check_room(folder, args.scale, photo_options(args))
        print(f"generating {db} ...", flush=True)
        generate(db, args.scale, **photo_options(args))
    if args.engine == "postgresql":
        rows = measure_team(db, args.runs, args.address, args.only)
        return show(rows, args.scale, args.engine)
    return show(measure(db, args.runs, args.only), args.scale)


if __name__ == "__main__":
    raise SystemExit(main())
