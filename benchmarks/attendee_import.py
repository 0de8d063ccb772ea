"""Time importing a 5,000-row attendee XLSX into a meeting of a full-size database.

    python benchmarks/attendee_import.py [--db GENERATED.sqlite3] [--rows 5000] [--runs 5]

docs/targets.md's target: under 3 s. The database is the one ``generate.py``
makes (10,000 meetings, 50,000 people); made in a temporary folder unless
``--db`` names one already generated. The list is written with openpyxl as a
partner would send it: a third of its rows are people already in the
database (as "WANG Wei", as "Alexander SMITH", or only in Chinese
characters), the rest new people with names in both orders and in Chinese,
a few rows broken (no name, a role that does not exist).

Each run starts from a fresh copy of the database and a new meeting, and
times what the user waits for: reading the file and planning (the preview),
then applying the plan (the Import button), backup included. Prints each
run, the median of the runs and the target; exits 1 when the median misses.

``--address postgresql://…/DB`` imports into a team database instead, DB holding a copy of
the generated file (``team_server.py``): each run into a fresh database made from DB as
its template (``CREATE DATABASE … TEMPLATE``, on the same server), dropped after. A team
database takes no backup before an import (its server keeps its own).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402  (the lead's generator, beside this file)
from openpyxl import Workbook  # noqa: E402

from eventdesk.records import Meeting  # noqa: E402
from eventdesk.spreadsheets.attendee_import import apply, read_plan  # noqa: E402
from eventdesk.store import EventStore  # noqa: E402

TARGET_S = 3.0
HEADERS = ["No.", "Name", "Chinese name", "Title", "Organisation", "Role", "Side", "E-mail"]
SYLLABLES = [
    "an", "bo", "chen", "da", "fei", "gang", "hao", "jie", "kai", "lei",
    "ming", "na", "ping", "qiang", "rui", "shan", "tao", "wei", "xin", "yu",
]  # fmt: skip
FAMILY = [
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu",
    "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin",
]  # fmt: skip
WESTERN_GIVEN = [
    "Alexander", "Mary", "John", "Sarah", "David", "Emma", "Peter", "Laura", "Michael", "Anna",
]  # fmt: skip
WESTERN_FAMILY = [
    "Smith", "Brown", "Taylor", "Wilson", "Clarke", "Evans", "Walker", "Wright", "Hughes", "Green",
]  # fmt: skip
HANZI = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
TITLES = ["Professor", "Dean", "Director", "Vice President", "副校长", "院长", "Lecturer"]


def write_list(store: EventStore, path: Path, rows: int, seed: int) -> None:
    """The attendee list: a third existing people, the rest new, a few broken rows."""
    rng = random.Random(seed)
    known = store.people.list(limit=rows // 3)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Attendees")
    sheet.append(HEADERS)
    for n in range(1, rows + 1):
        role = rng.choice(["", "delegate", "Speaker", "嘉宾"])
        if n % 97 == 0:
            sheet.append([n, "", "", "Director", "Nowhere", "", "", ""])  # no name
            continue
        if n % 89 == 0:
            role = "observer x"  # not a role
        if n <= len(known):
            person = known[n - 1]
            if n % 3 == 0 and person.name_zh:
                name, name_zh = "", person.name_zh
            else:
                name, name_zh = person.name, ""
            org, title = person.organisation, person.title
        else:
            name, name_zh = _new_name(rng, n)
            org = rng.choice(["Fudan University", "复旦大学", f"New Institute {n % 40}"])
            title = rng.choice(TITLES)
        side = rng.choice(["", "partner", "我方"])
        sheet.append([n, name, name_zh, title, org, role, side, ""])
    workbook.save(path)


def _new_name(rng: random.Random, n: int) -> tuple[str, str]:
    given = "".join(rng.choices(SYLLABLES, k=3)).capitalize()
    kind = n % 3
    if kind == 0:
        return f"{rng.choice(FAMILY).upper()} {given}", ""
    if kind == 1:
        return f"{rng.choice(WESTERN_GIVEN)} {rng.choice(WESTERN_FAMILY).upper()}", ""
    return "", rng.choice("王李张刘陈杨黄赵吴周") + "".join(rng.sample(HANZI, 2))


def one_run(source: Path, workdir: Path, xlsx: Path, run: int) -> tuple[float, float, str]:
    """Plan and apply on a fresh copy; return (plan seconds, apply seconds, result)."""
    db = workdir / f"run-{run}.sqlite3"
    shutil.copy(source, db)
    with EventStore.open(db) as store:
        meeting = store.meetings.save(Meeting(title=f"Benchmark {run}", start_date=date.today()))
        assert meeting.id is not None
        started = time.perf_counter()
        plan = read_plan(store, meeting.id, xlsx)
        planned = time.perf_counter()
        result = apply(store, plan)
        done = time.perf_counter()
    db.unlink()
    shutil.rmtree(workdir / "backups", ignore_errors=True)
    return planned - started, done - planned, result.summary()


def one_team_run(address: str, xlsx: Path, run: int) -> tuple[float, float, str]:
    """Plan and apply on a fresh copy of the team database at ``address``."""
    from eventdesk.store.engines import connect

    server, template = address.rsplit("/", 1)
    name = f"{template}_import_{run}"
    with connect(f"{server}/postgres") as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    try:
        with EventStore.open(f"{server}/{name}") as store:
            meeting = store.meetings.save(
                Meeting(title=f"Benchmark {run}", start_date=date.today())
            )
            assert meeting.id is not None
            started = time.perf_counter()
            plan = read_plan(store, meeting.id, xlsx)
            planned = time.perf_counter()
            result = apply(store, plan)
            done = time.perf_counter()
    finally:
        with connect(f"{server}/postgres") as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    return planned - started, done - planned, result.summary()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a database generate.py made (default: make one)")
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--address", help="a team database holding a copy of --db")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventdesk-bench-") as tmp:
        workdir = Path(tmp)
        source = args.db
        if source is None:
            source = workdir / "generated.sqlite3"
            print("generating the database (10,000 meetings, 50,000 people)...", flush=True)
            generate(source, 1, args.seed)
        xlsx = workdir / "attendees.xlsx"
        with EventStore.open(source, read_only=True) as store:
            write_list(store, xlsx, args.rows, args.seed)
        totals = []
        for run in range(1, args.runs + 1):
            if args.address:
                plan_s, apply_s, summary = one_team_run(args.address, xlsx, run)
            else:
                plan_s, apply_s, summary = one_run(source, workdir, xlsx, run)
            totals.append(plan_s + apply_s)
            print(f"run {run}: read+plan {plan_s:.2f} s, apply {apply_s:.2f} s, "
                  f"total {plan_s + apply_s:.2f} s ({summary})", flush=True)  # fmt: skip
    median = statistics.median(totals)
    verdict = "met" if median < TARGET_S else "MISSED"
    print(f"import of a {args.rows}-row attendee XLSX: median {median:.2f} s of {args.runs} runs; "
          f"target under {TARGET_S:.1f} s: {verdict}")  # fmt: skip
    return 0 if median < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
