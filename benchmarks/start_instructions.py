"""The start against the bare window in instructions, which the machine's load does not move.

    python benchmarks/start_instructions.py DB [--runs 1]

Counts, with valgrind's callgrind, the instructions of a process from launch to its window's
first paint (``probe.py first-paint`` and ``bare-first-paint``; every thread of the process,
of which only Qt's own run by then) and prints both and their ratio. On the 2-core machine
shared with other work the wall clock of ``run.py --only start`` gave 1.74x, 2.30x and 3.02x
in three runs a minute apart; the same build counts the same instructions within about a
million whatever the load (issue 25, docs/performance.md). Instructions are not time: a
page of the file read from disk or the dynamic linker's work weigh differently; the ratio
says whether a change moved the start's own work. Needs valgrind (Linux); takes a minute
or two a run, the program being about fifty times slower under it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import compile_sources  # noqa: E402


def instructions(args: list[str]) -> int:
    """The instructions callgrind counted in ``probe.py ARGS`` until it ended."""
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            str(HERE / "probe.py"),
            *args,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    counted = re.search(r"Collected : (\d+)", done.stderr)
    if done.stdout.strip() != "ready" or counted is None:
        raise SystemExit(f"probe.py {' '.join(args)} did not paint: {done.stderr[-2000:]}")
    return int(counted.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="a database made by generate.py (run.py --keep)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: it counts the instructions", file=sys.stderr)
        return 2
    compile_sources()
    ours = statistics.median(instructions(["first-paint", str(args.db)]) for _ in range(args.runs))
    bare = statistics.median(instructions(["bare-first-paint"]) for _ in range(args.runs))
    print(f"EventDesk to its first paint: {ours / 1e6:,.0f} M instructions")
    print(f"bare window to its first paint: {bare / 1e6:,.0f} M instructions")
    print(f"ratio: {ours / bare:.2f}x (issue 25's target: under 2x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
