"""The window's other lists show others' changes too (issue 23, item 4), within two seconds
and keeping the clerk's choice: the trash dialog, the course register's page and a person's
or organisation's list of meetings.

Each test opens a window on a team database (the suite's PostgreSQL) and makes the other
clerk's change through a connection of its own, as another PC would.
"""

from __future__ import annotations

from datetime import date

from eventdesk.records import Meeting
from eventdesk.store import EventStore
from tests.ui.conftest import PROMISED_MS


def _trash_ids(dialog) -> list[tuple[str, int]]:
    return [
        (row.kind, row.id) for row in (dialog.model.row(n) for n in range(dialog.model.rowCount()))
    ]


def test_the_trash_shows_another_clerks_delete_keeping_the_chosen_record(
    qtbot, team_window, postgres_address
):
    # Given two meetings in the trash, the second chosen in the open trash dialog
    store = team_window.store
    ours = [store.meetings.save(Meeting(f"Meeting {n}", date(2021, 1, n + 1))).id for n in range(2)]
    for meeting_id in ours:
        store.trash.put("meeting", meeting_id)
    dialog = team_window.show_trash()
    chosen = ("meeting", ours[0])
    dialog.table.selectRow(_trash_ids(dialog).index(chosen))
    # when another clerk moves a third meeting to the trash
    with EventStore.open(postgres_address) as other:
        theirs = other.meetings.save(Meeting("Their meeting", date(2021, 3, 1))).id
        other.trash.put("meeting", theirs)
    # then the dialog lists it within two seconds, the clerk's choice still chosen
    qtbot.waitUntil(lambda: ("meeting", theirs) in _trash_ids(dialog), timeout=PROMISED_MS)
    assert _trash_ids(dialog)[dialog.table.currentIndex().row()] == chosen
    # and when they restore one of ours, it leaves the dialog, the choice still kept
    with EventStore.open(postgres_address) as other:
        other.trash.restore("meeting", ours[1])
    qtbot.waitUntil(lambda: ("meeting", ours[1]) not in _trash_ids(dialog), timeout=PROMISED_MS)
    assert _trash_ids(dialog)[dialog.table.currentIndex().row()] == chosen
    assert dialog.restore_button.isEnabled()
