"""Ten clerks saving at once on one team database: how long a save takes, and that none is lost.

    python benchmarks/ten_clerks.py [--keep FILE] [--address postgresql://…] [--clerks 10]
        [--saves 50] [--variant alone|different|same|all]

Ten EventDesk processes (ten clerks' PCs) open the same team database, wait until all are
open, then each saves fifty times as fast as it can: load a meeting, change its title (a
mark naming the run, the clerk and the save, ``[dc3 s17]``), save it, each save timed in the
clerk's process from the call to its return (the claim of the row at its version, the parts,
the history line, the search document, the commit, flushed to disk as an office's server
does).

- ``alone``: one clerk, fifty saves of its own meetings, nobody else saving: the same saves'
  time on the same machine at the same minute, for the ten to be read against.
- ``different``: each clerk saves meetings of its own (fifty each, none shared): every save
  must land.
- ``same``: half the clerks share three meetings, each loading one and saving it after a
  moment's work (0 to 20 ms), so another clerk's save often comes between; the other half
  save meetings of their own. A shared meeting's save that another overtook gets a
  ``Conflict`` and is kept as a copy (``save_copy``, what the editor's "Keep mine as a
  copy" does): conflicts, never losses.

Then every save is looked for in the database: a landed save by its line of history (the
title it wrote, ``history.changes``), a refused one by its copy (a meeting of that title).
Prints the 95th percentile and median save time, the conflicts, the saves found against those
made, and the machine's load; exits 1 when any save is missing.

The database is the 1x one ``generate.py`` makes, copied onto a PostgreSQL set as an office's
(``team_server.py``) started here, unless ``--address`` names a database holding such a copy.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from contextlib import ExitStack
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from run import load_average, percentile  # noqa: E402

from eventdesk.store.engines import connect  # noqa: E402

#: Meetings the clerks of the ``same`` variant share.
SHARED = 3

CLERK = textwrap.dedent(
    """
    import json, random, re, sys, time
    from eventdesk.store import Conflict, EventStore

    address, clerk, ids = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
    saves, think, run = int(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
    rng = random.Random(clerk)
    store = EventStore.open(address)
    print("open", flush=True)
    sys.stdin.readline()  # every clerk is open: go
    done = []
    for n in range(saves):
        meeting_id = ids[n % len(ids)]
        meeting = store.meetings.get(meeting_id)
        mark = f"[{run}c{clerk} s{n}]"
        meeting.title = re.sub(r" \\[[a-z]*c\\d+ s\\d+\\]$", "", meeting.title) + " " + mark
        if think:
            time.sleep(rng.uniform(0, think))  # the clerk's moment of work
        started = time.perf_counter()
        try:
            store.meetings.save(meeting)
            outcome = "saved"
        except Conflict:
            outcome = "conflict"
            store.meetings.save_copy(meeting)  # "Keep mine as a copy"
        took = (time.perf_counter() - started) * 1000
        done.append({"meeting": meeting_id, "mark": mark, "outcome": outcome, "ms": took})
    store.close()
    print(json.dumps(done), flush=True)
    """
)


def assignments(address: str, clerks: int, saves: int, variant: str) -> list[list[int]]:
    """Each clerk's meetings: ``saves`` of its own, or (``same``, the first half of the
    clerks) the :data:`SHARED` meetings every one of that half saves in turn."""
    with connect(address) as conn:
        ids = [
            m
            for (m,) in conn.execute(
                "SELECT id FROM meetings WHERE deleted_at IS NULL AND uid <> 'bench-200' "
                "ORDER BY id LIMIT ?",
                (clerks * saves + SHARED,),
            )
        ]
    shared, own = ids[:SHARED], ids[SHARED:]
    plan = []
    for clerk in range(clerks):
        if variant == "same" and clerk < clerks // 2:
            plan.append(shared[clerk % SHARED :] + shared[: clerk % SHARED])
        else:
            plan.append(own[clerk * saves : (clerk + 1) * saves])
    return plan


def run_clerks(address: str, clerks: int, saves: int, variant: str) -> tuple[list[dict], float]:
    """Start the clerks, let them go together; their saves and the wall-clock seconds."""
    run = variant[0]  # in each save's mark: a run's marks are its own
    if variant == "alone":
        clerks, variant = 1, "different"
    plan = assignments(address, clerks, saves, variant)
    think = "0.02" if variant == "same" else "0"
    env = {**os.environ, "PYTHONPATH": str(HERE.parent / "src")}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CLERK, address, str(n), json.dumps(ids), str(saves), think, run],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )
        for n, ids in enumerate(plan)
    ]
    for proc in procs:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        if line.strip() != "open":
            raise SystemExit(f"a clerk did not open the database: {line!r}")
    started = time.perf_counter()
    for proc in procs:
        proc.stdin.write("go\n")  # type: ignore[union-attr]
        proc.stdin.flush()  # type: ignore[union-attr]
    done = []
    for n, proc in enumerate(procs):
        out, _ = proc.communicate(timeout=1800)
        if proc.returncode:
            raise SystemExit(f"clerk {n} failed (exit status {proc.returncode})")
        for save in json.loads(out.strip().splitlines()[-1]):
            done.append({**save, "clerk": n})
    return done, time.perf_counter() - started


def missing(address: str, saves: list[dict]) -> list[dict]:
    """The saves not found in the database: a landed one by its line of history, a refused
    one by its copy."""
    lost = []
    with connect(address) as conn:
        for save in saves:
            if save["outcome"] == "saved":
                found = conn.execute(
                    "SELECT count(*) AS n FROM history WHERE record_type = 'meeting' "
                    "AND record_id = ? AND changes LIKE ?",
                    (save["meeting"], f"%{save['mark']}%"),
                ).scalar()
            else:
                found = conn.execute(
                    "SELECT count(*) AS n FROM meetings WHERE title LIKE ?",
                    (f"%{save['mark']}%",),
                ).scalar()
            if not found:
                lost.append(save)
    return lost


def report(variant: str, saves: list[dict], seconds: float, lost: list[dict], load: str) -> None:
    times = [s["ms"] for s in saves]
    landed = sum(1 for s in saves if s["outcome"] == "saved")
    refused = len(saves) - landed
    print(
        f"{variant}: {len(saves)} saves by {len({s['clerk'] for s in saves})} clerks in "
        f"{seconds:.1f} s ({len(saves) / seconds:.0f} saves/s); save median "
        f"{statistics.median(times):.1f} ms, 95th percentile {percentile(times, 95):.1f} ms, "
        f"slowest {max(times):.0f} ms; {landed} landed, {refused} conflicts kept as copies; "
        f"found in the database {len(saves) - len(lost)} of {len(saves)}{load}",
        flush=True,
    )
    for save in lost[:10]:
        print(f"  MISSING: {save}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="a database generate.py made (else made now)")
    parser.add_argument("--address", help="a team database holding a copy of it")
    parser.add_argument("--clerks", type=int, default=10)
    parser.add_argument("--saves", type=int, default=50)
    parser.add_argument("--variant", choices=["alone", "different", "same", "all"], default="all")
    args = parser.parse_args()
    lost_any = False
    with ExitStack() as stack:
        address = args.address
        if address is None:
            from generate import generate
            from team_server import copy_file, create_database, office_server

            file = args.keep or Path(tempfile.mkdtemp(prefix="eventdesk-clerks-")) / "1x.sqlite3"
            if not file.exists():
                generate(file, scale=1, seed=1, photos_per_meeting=0)
            server = stack.enter_context(office_server())
            address = create_database(server, "bench")
            print(f"copied onto {address} in {copy_file(file, address):.0f} s", flush=True)
        variants = ["alone", "different", "same"] if args.variant == "all" else [args.variant]
        for variant in variants:
            saves, seconds = run_clerks(address, args.clerks, args.saves, variant)
            lost = missing(address, saves)
            report(variant, saves, seconds, lost, load_average())
            lost_any = lost_any or bool(lost)
    return 1 if lost_any else 0


if __name__ == "__main__":
    raise SystemExit(main())
