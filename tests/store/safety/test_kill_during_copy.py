"""A copy killed at any moment leaves its target as it was or as the whole copy, never half.

``eventdesk copy --replace`` is killed (SIGKILL; TerminateProcess on Windows) at timed points
across a copy's run, onto a file and onto a team database: each time the target is either
the old database or the complete copy, and opens and passes its check.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import SAMPLE
from tests.store.test_copying import build_generated, exported

from eventdesk.store import EventStore, copying
from eventdesk.store.copy_ends import count_rows
from eventdesk.store.engines import connect
from eventdesk.store.interchange import import_file

KILLS = 6


@pytest.fixture(scope="module")
def big_source(tmp_path_factory) -> Path:
    """A few hundred meetings with photos: a copy that takes a second or two here."""
    path = tmp_path_factory.mktemp("source") / "office.sqlite3"
    with EventStore.open(path) as store:
        build_generated(store, meetings=150, size=(320, 240))
    return path


def copy_process(source: Path, target: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "eventdesk", "copy", "--replace", str(source), target],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _timed_kills(source: Path, target: str, reset, outcome) -> list[str]:
    """Kill copies of ``source`` onto ``target`` at points across a whole copy's time; return
    what each left (``outcome()``: "old" or "copy"), ``reset()`` after a finished one."""
    started = time.monotonic()
    assert copy_process(source, target).wait(timeout=300) == 0
    whole = time.monotonic() - started
    reset()
    rng = random.Random(20261207)
    seen = []
    for n in range(KILLS):
        proc = copy_process(source, target)
        # From the program's start up to its end: spread over the run, with a little jitter.
        time.sleep(whole * (n + rng.uniform(0.2, 0.8)) / KILLS)
        proc.kill()
        proc.wait(timeout=30)
        seen.append(outcome())
        if seen[-1] == "copy":
            reset()
    print(f"whole copy {whole:.2f} s; kills left: {seen}")
    return seen


@pytest.mark.slow
def test_a_copy_killed_leaves_the_file_old_or_whole(big_source, tmp_path):
    target = tmp_path / "target.sqlite3"
    old_export = None

    def reset():
        nonlocal old_export
        for leftover in tmp_path.glob("target.*"):
            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
        with EventStore.open(target) as store:
            import_file(store, SAMPLE)
        old_export = exported(target)

    new_export = exported(big_source)

    def outcome() -> str:
        now = exported(target)
        assert now in (old_export, new_export), "a half-made copy"
        with EventStore.open(target) as store:
            assert store.files.check() == []
        return "old" if now == old_export else "copy"

    seen = _timed_kills(big_source, str(target), reset, outcome)
    assert "old" in seen  # at least one kill landed before the copy was put in place
    # What a killed copy left half-written is swept away by the next copy or opening (which
    # the outcome's check has just done).
    assert not list(tmp_path.glob("target.sqlite3.partial*"))


@pytest.mark.slow
def test_a_copy_killed_leaves_the_team_database_old_or_whole(
    big_source, postgres_address, tmp_path
):
    old_counts = {}

    def reset():
        nonlocal old_counts
        example = tmp_path / "example.sqlite3"
        if not example.exists():
            with EventStore.open(example) as store:
                import_file(store, SAMPLE)
        assert copying.copy_database(str(example), postgres_address, replace=True).ok
        old_counts = _counts(postgres_address)

    with EventStore.open(big_source, read_only=True) as store:
        new_counts = {**count_rows(store.connection), "photos": 151}

    def outcome() -> str:
        now = _counts(postgres_address)
        assert now in (old_counts, new_counts), "a half-made copy"
        return "old" if now == old_counts else "copy"

    seen = _timed_kills(big_source, postgres_address, reset, outcome)
    assert "old" in seen


def _counts(address: str) -> dict[str, int]:
    with connect(address) as conn:
        counts = count_rows(conn)
        counts["photos"] = conn.execute("SELECT count(*) AS n FROM photos").scalar()
    return counts
