"""More of the File menu: restore from a backup, attendee lists in, lists out."""

from __future__ import annotations

import csv

from eventdesk.records import Person
from eventdesk.ui.sections import Section


def test_restore_from_a_backup_brings_back_what_was_deleted(qtbot, main_window, answers):
    store = main_window.store
    path = store.path
    with qtbot.waitSignal(main_window.backup().finished, timeout=10_000) as backed_up:
        pass
    backup = backed_up.args[0]
    people = store.people.count()
    main_window.workspace.set_section(Section.PEOPLE)
    assert main_window.delete_selected()
    assert main_window.store.people.count() == people - 1

    offered = []

    def choose(choices):
        offered.extend(choices)
        return choices[0][1]

    main_window.ask_backup = choose
    with qtbot.waitSignal(main_window.restore_backup().finished, timeout=10_000):
        pass

    assert offered[0][1] == backup  # newest first
    assert {p.name.rsplit("-", 1)[-1] for _label, p in offered} == {
        "manual.sqlite3",
        "daily.sqlite3",
    }
    assert main_window.store.path == path
    assert main_window.store.people.count() == people
    assert main_window.workspace.list_pane.model().rowCount() > 0
    assert "kept as" in answers.messages[-1]


def test_restore_with_no_backups_says_so(main_window, answers):
    for old in main_window.store.path.parent.glob("backups/*.sqlite3"):
        old.unlink()  # the day's automatic one
    main_window.ask_backup = lambda choices: None if not choices else choices[0][1]
    assert not main_window.restore_backup()
    assert main_window.store.meetings.count() == 1


def test_export_the_people_list_as_csv(main_window, tmp_path):
    main_window.workspace.set_section(Section.PEOPLE)
    target = main_window.export_list(tmp_path / "people.csv")
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "Name"
    assert [r[0] for r in rows[1:] if r[0] == "DING Xiaodong"] == ["DING Xiaodong"]
    assert len(rows) == 1 + main_window.store.people.count()


def test_import_an_attendee_list_into_the_meeting(qtbot, main_window, tmp_path):
    store = main_window.store
    (meeting,) = store.meetings.list()
    sheet = tmp_path / "attendees.csv"
    sheet.write_text(
        "Family name,Given name,Title,Organisation\nZhou,Wen,Lecturer,Fudan University\n",
        encoding="utf-8",
    )
    dialog = main_window.import_attendees(sheet)
    assert dialog is not None
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        dialog.import_now()
    attendees = store.meetings.get(meeting.id).attendees
    people = store.people.get_many(a.person_id for a in attendees)
    assert any(isinstance(p, Person) and p.family_name == "Zhou" for p in people.values())
