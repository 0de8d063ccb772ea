"""Files another program holds open for a moment: replaced and removed once it lets go.

On Windows an antivirus scanner or the search indexer opening a new file is
enough to make ``os.replace`` and ``unlink`` fail with ``PermissionError``.
The Windows tests hold a file open for real; elsewhere a file system that
refuses the first tries stands in (Linux removes open files).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from eventdesk.store import busy_files


@pytest.fixture
def refusing(monkeypatch):
    """The first ``times`` calls of os.replace and Path.unlink on a path fail as on Windows."""
    refusals: dict[str, int] = {}
    real_replace, real_unlink = os.replace, Path.unlink

    def refuse(path) -> None:
        if refusals.get(str(path), 0) > 0:
            refusals[str(path)] -= 1
            raise PermissionError(13, "The process cannot access the file", str(path))

    def replace(source, target):
        refuse(target)
        return real_replace(source, target)

    def unlink(self, missing_ok=False):
        refuse(self)
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(busy_files.os, "replace", replace)
    monkeypatch.setattr(Path, "unlink", unlink)
    return refusals


def test_a_file_held_for_a_moment_is_replaced_once_let_go(tmp_path, refusing):
    target, new = tmp_path / "office.sqlite3", tmp_path / "office.sqlite3.restoring"
    target.write_bytes(b"old")
    new.write_bytes(b"new")
    refusing[str(target)] = 3  # a scanner reading the file, three tries long
    busy_files.replace(new, target)
    assert target.read_bytes() == b"new" and not new.exists()


def test_a_file_held_for_good_fails_after_the_patience(tmp_path, refusing, monkeypatch):
    monkeypatch.setattr(busy_files, "PATIENCE", 0.3)
    path = tmp_path / "held.sqlite3"
    path.write_bytes(b"x")
    refusing[str(path)] = 10**6
    started = time.monotonic()
    with pytest.raises(PermissionError):
        busy_files.unlink(path)
    assert 0.2 < time.monotonic() - started < 1.5
    assert path.exists()


def test_removing_many_skips_what_is_held_and_waits_once(tmp_path, refusing, monkeypatch):
    # Given old backups, two of them held open for good by another program
    monkeypatch.setattr(busy_files, "PATIENCE", 0.3)
    paths = [tmp_path / f"office-2026010{n}-000000-daily.sqlite3" for n in range(1, 7)]
    for path in paths:
        path.write_bytes(b"x")
    refusing[str(paths[1])] = 1  # and one held for a moment, before the others
    refusing[str(paths[2])] = refusing[str(paths[4])] = 10**6
    # when they are removed, then the rest go, the held two stay, and the wait is paid once
    started = time.monotonic()
    removed, held = busy_files.remove_all(paths)
    assert time.monotonic() - started < 1.0
    assert held == [paths[2], paths[4]]
    assert removed == [p for p in paths if p not in held]
    assert [p for p in paths if p.exists()] == held
    assert busy_files.take_notes() == [
        f"2 old file(s) could not be removed yet: another program has them open "
        f"({paths[2].name}, {paths[4].name}); EventDesk removes them next time."
    ]
    assert busy_files.take_notes() == []  # said once


# -- Windows, a file held open for real --------------------------------------------------


def _hold(path: Path, seconds: float | None) -> threading.Event:
    """Open ``path`` as another program would (no FILE_SHARE_DELETE); let go after ``seconds``."""
    opened, release = threading.Event(), threading.Event()

    def holder() -> None:
        with path.open("rb"):
            opened.set()
            release.wait(seconds)

    threading.Thread(target=holder, daemon=True).start()
    opened.wait(5)
    return release


@pytest.mark.windows(reason="only Windows refuses to replace or remove a file open elsewhere")
def test_windows_a_file_open_for_a_moment_is_replaced_and_removed(tmp_path):
    target, new = tmp_path / "office.sqlite3", tmp_path / "office.sqlite3.restoring"
    target.write_bytes(b"old")
    new.write_bytes(b"new")
    _hold(target, 0.4)
    with pytest.raises(PermissionError):  # as os.replace alone meets it
        os.replace(new, target)
    busy_files.replace(new, target)
    assert target.read_bytes() == b"new"
    _hold(target, 0.4)
    busy_files.unlink(target)
    assert not target.exists()


@pytest.mark.windows(reason="only Windows refuses to replace or remove a file open elsewhere")
def test_windows_a_file_open_for_good_is_skipped(tmp_path):
    held, free = tmp_path / "held.sqlite3", tmp_path / "free.sqlite3"
    held.write_bytes(b"x")
    free.write_bytes(b"x")
    release = _hold(held, None)
    try:
        assert busy_files.remove_all([held, free]) == ([free], [held])
    finally:
        release.set()


# -- what the office notices --------------------------------------------------------------


def test_an_old_backup_held_open_is_left_for_next_time_and_said(
    sample_store, db_path, refusing, monkeypatch, capsys
):
    # Given daily backups of ten past days, one of them open in another program for good
    import shutil
    from datetime import datetime, timedelta

    from eventdesk.cli.main import main
    from eventdesk.store import backups

    monkeypatch.setattr(busy_files, "PATIENCE", 0.2)
    first = sample_store.files.backup()
    sample_store.close()
    now = datetime.now()
    old = [backups.backup_path(db_path, "daily", now - timedelta(days=n)) for n in range(10, 20)]
    for path in old:
        shutil.copyfile(first, path)
    first.unlink()
    refusing[str(old[-1])] = 10**6
    # when the day's first command opens the database (the day's backup, then rotation)
    status = main(["--db", str(db_path), "list"])
    out, err = capsys.readouterr()
    # then the command does its work, the held backup stays, and the note says so
    assert status == 0 and "Shanghai-Hong Kong" in out
    assert old[-1].exists()
    assert (
        f"eventdesk: note: 1 old file(s) could not be removed yet: another program has them open ({old[-1].name}); EventDesk removes them next time.\n"
        in err
    )
    kept = {b.path for b in backups.list_backups(db_path)}
    assert old[-1] in kept and len(kept) < len(old)  # the others rotated as ever


def test_a_restore_onto_a_file_held_open_changes_nothing_and_says_why(
    sample_store, db_path, refusing, monkeypatch
):
    from eventdesk.store import DatabaseFiles, StoreError

    monkeypatch.setattr(busy_files, "PATIENCE", 0.2)
    backup = sample_store.files.backup()
    sample_store.close()
    before = db_path.read_bytes()
    refusing[str(db_path)] = 10**6  # open in another program for good
    with pytest.raises(StoreError) as refused:
        DatabaseFiles(db_path).restore(backup)
    assert str(refused.value).startswith(
        f"Could not restore {db_path}: another program has it open"
    )
    assert str(refused.value).endswith("Close it there and restore again; nothing was changed.")
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir() if "restoring" in p.name) == []
    refusing[str(db_path)] = 2  # once it is let go within a moment, the restore goes through
    DatabaseFiles(db_path).restore(backup)
