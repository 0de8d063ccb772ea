"""A kill in the middle of a large import: the file passes its check with all or none of it."""

from __future__ import annotations

import copy
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import SAMPLE

from eventdesk.store import EventStore

MEETINGS = 300


def large_document() -> dict:
    """The example meeting three hundred times over, each with its own keys and attendees."""
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    (template,) = doc.pop("meetings")
    people = []
    meetings = []
    for n in range(MEETINGS):
        meeting = copy.deepcopy(template)
        meeting["id"] = f"meeting-{n}"
        meeting["start_date"] = f"{2000 + n % 25}-0{1 + n % 9}-1{n % 9}"
        for key in ("sessions", "attendees", "presentations", "courses", "decisions", "files"):
            for k, part in enumerate(meeting[key]):
                part["id"] = f"{key}-{n}-{k}"
        sessions = {s["id"]: f"sessions-{n}-{k}" for k, s in enumerate(template["sessions"])}
        for key in ("presentations", "decisions", "files"):
            for part, orig in zip(meeting[key], template[key], strict=True):
                part["session"] = sessions.get(orig.get("session"))
        for k in range(10):
            pid = f"guest-{n}-{k}"
            people.append({"id": pid, "family_name": f"Guest{n}", "given_name": f"Number{k}"})
            meeting["attendees"].append(
                {"id": f"extra-{n}-{k}", "person": pid, "title": "Observer", "side": "other"}
            )
        meetings.append(meeting)
    doc["people"] += people
    doc["meetings"] = meetings
    return doc


@pytest.fixture(scope="module")
def big_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.json"
    path.write_text(json.dumps(large_document()), encoding="utf-8")
    return path


def import_process(db_path: Path, big_file: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "eventdesk", "--db", str(db_path), "import", str(big_file)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.slow
def test_killed_imports_leave_all_or_nothing(tmp_path, big_file):
    db_path = tmp_path / "k.sqlite3"
    EventStore.open(db_path).close()

    started = time.monotonic()  # how long one whole import takes here
    assert import_process(tmp_path / "whole.sqlite3", big_file).wait(timeout=300) == 0
    whole = time.monotonic() - started

    rng = random.Random(20261128)
    outcomes = []
    for _ in range(8):
        proc = import_process(db_path, big_file)
        time.sleep(rng.uniform(0.2, whole))
        proc.kill()  # SIGKILL; TerminateProcess on Windows
        proc.wait(timeout=30)
        with EventStore.open(db_path) as store:
            assert store.files.check() == []
            count = store.meetings.count()
            assert count in (0, MEETINGS), f"a partial import: {count} meetings"
            outcomes.append(count)
            if count:
                store.close()
                for leftover in tmp_path.glob("k.*"):  # the file, its photos, log and lock
                    shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
                EventStore.open(db_path).close()
    assert 0 in outcomes  # at least one kill landed before the commit
