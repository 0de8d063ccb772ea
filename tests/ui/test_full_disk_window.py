"""The window opens on a database whose disk is full, and says in one line why there is no
backup today (issue 20, case 7)."""

from __future__ import annotations

import pytest

from eventdesk.store import EventStore, backups
from eventdesk.ui.opening import open_for_window
from tests.conftest import SAMPLE
from tests.store.safety.faults import fill, small_disk
from tests.ui.conftest import make_window


@pytest.fixture
def office_on_a_small_disk(tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        db_path = disk / "office.sqlite3"
        with EventStore.open(db_path) as store:
            store.interchange.import_file(SAMPLE)
        yield db_path


@pytest.mark.parametrize(
    ("room", "read_only"),
    [(0, True), (65536, False)],  # no room even for the lock; room for all but the backup
)
def test_the_window_opens_on_a_full_disk_and_says_why_there_is_no_backup(
    qtbot, office_on_a_small_disk, settings, tmp_path, answers, room, read_only
):
    db_path = office_on_a_small_disk
    fill(db_path.parent, leave=room)

    store = open_for_window(
        db_path, create=False, ask_read_only=lambda _m: False, show_error=answers.messages.append
    )

    assert store is not None and answers.messages == []
    window = make_window(qtbot, store, settings, tmp_path, answers)
    qtbot.waitUntil(lambda: "backup could not be made" in window.statusBar().currentMessage())
    assert store.read_only is read_only
    assert ("(read-only)" in window.windowTitle()) is read_only
    assert window.workspace is not None and store.meetings.count() == 1
    assert answers.messages == []  # a line in the status bar, no dialog to answer
    assert backups.list_backups(db_path) == []
    assert not [p for p in db_path.parent.rglob("*") if p.name.endswith(".partial")]
