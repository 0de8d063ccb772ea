"""Backup, restore and check say how far they are, and stop cleanly when told to."""

from __future__ import annotations

import pytest

from eventdesk.store import backups, check_progress
from eventdesk.store.restore import restore


class Stop(Exception):
    pass


def test_backup_progress_ends_at_every_page_and_a_stop_leaves_no_file(
    sample_store, tmp_path, monkeypatch
):
    monkeypatch.setattr(backups, "PAGES_PER_STEP", 4)
    steps = []
    target = sample_store.files.backup(
        tmp_path / "copy.sqlite3", progress=lambda d, t: steps.append((d, t))
    )
    assert target.is_file() and len(steps) > 1
    assert steps[-1][0] == steps[-1][1]

    def stop(done, total):
        raise Stop

    with pytest.raises(Stop):
        sample_store.files.backup(tmp_path / "stopped.sqlite3", progress=stop)
    assert not (tmp_path / "stopped.sqlite3").exists()


def test_check_with_progress_finds_what_the_plain_check_finds(sample_store, monkeypatch):
    monkeypatch.setattr(check_progress, "STEPS_PER_CALL", 200)
    sample_store.db.execute("DELETE FROM search_keys")
    steps = []
    found = sample_store.files.check(progress=lambda d, t: steps.append((d, t)))
    assert found == sample_store.files.check()
    assert any("no search document" in p for p in found)
    assert steps[-1][0] == steps[-1][1] and all(d < t for d, t in steps[:-1])

    def stop(done, total):
        raise Stop

    with pytest.raises(Stop):
        sample_store.files.check(progress=stop)
    assert sample_store.meetings.count() == 1  # the connection works on after a stop


def test_a_restore_stopped_before_replacing_changes_nothing(sample_store, tmp_path):
    path = sample_store.path
    copy = sample_store.files.backup(tmp_path / "copy.sqlite3")
    sample_store.close()
    before = path.read_bytes()
    folder = backups.backup_folder(path)
    kept_before = set(folder.glob("*.sqlite3")) if folder.exists() else set()

    def stop(step, done, total):
        if step == "copy":
            raise Stop

    with pytest.raises(Stop):
        restore(copy, path, stop)
    assert path.read_bytes() == before
    assert set(folder.glob("*.sqlite3")) == kept_before
    assert not path.with_name(path.name + ".restoring").exists()

    steps = []
    kept = restore(copy, path, lambda step, d, t: steps.append(step))
    assert kept.is_file() and steps[-1] == "replace" and {"keep", "copy"} <= set(steps)
