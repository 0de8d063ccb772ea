"""The window opens at once on a large file; damage found by the check beside it stops saves."""

from __future__ import annotations

import shutil

from eventdesk.records import Person
from eventdesk.store import StoreError
from eventdesk.ui.opening import open_for_window
from tests.ui.conftest import make_window


def scramble_page(path, number: int) -> None:
    with path.open("r+b") as fh:
        fh.seek((number - 1) * 4096)
        fh.write(b"\x07" * 16)


def test_damage_found_after_the_window_opened_is_told_and_refuses_saves(
    qtbot, sample_store, db_path, settings, tmp_path, answers
):
    sample_store.close()
    damaged = tmp_path / "damaged.sqlite3"
    shutil.copy(db_path, damaged)
    scramble_page(damaged, 8)

    store = open_for_window(
        damaged, create=False, ask_read_only=lambda _m: False, show_error=answers.messages.append
    )
    assert store is not None  # the window is not kept waiting for the check
    window = make_window(qtbot, store, settings, tmp_path, answers)

    qtbot.waitUntil(lambda: any("is damaged" in m for m in answers.messages), timeout=10_000)
    assert "Restore it from a backup" in answers.messages[-1]
    assert "damaged, read-only" in window.windowTitle()
    try:
        store.people.save(Person("After", "Damage"))
    except StoreError as refused:
        assert "read-only" in str(refused)
    else:
        raise AssertionError("a save went into a damaged file")


def test_a_sound_file_says_nothing(qtbot, main_window, answers):
    main_window.integrity_check.wait()
    qtbot.wait(50)
    assert answers.messages == []
    assert not main_window.store.read_only


def test_the_days_backup_is_taken_beside_the_window(
    qtbot, sample_store, db_path, settings, tmp_path, answers
):
    from eventdesk.store import backups

    sample_store.close()
    for old in backups.list_backups(db_path):
        old.path.unlink()
    store = open_for_window(
        db_path, create=False, ask_read_only=lambda _m: False, show_error=answers.messages.append
    )
    assert [b.reason for b in backups.list_backups(db_path)] == []  # not before the window
    window = make_window(qtbot, store, settings, tmp_path, answers)
    window.integrity_check.wait()
    assert [b.reason for b in backups.list_backups(db_path)] == ["daily"]
