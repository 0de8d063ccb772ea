"""The window's other lists show others' changes too (issue 23, item 4), within two seconds
and keeping the clerk's choice: the trash dialog, the course register's page and a person's
or organisation's list of meetings.

Each test opens a window on a team database (the suite's PostgreSQL) and makes the other
clerk's change through a connection of its own, as another PC would.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.records import Attendance, CourseEntry, Meeting, Organisation, Person
from eventdesk.store import EventStore
from eventdesk.ui.sections import Section
from tests.ui.conftest import PROMISED_MS

#: Every team database's store a test used is closed: no listener thread outlives it.
pytestmark = pytest.mark.usefixtures("no_listener_left")


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


def test_the_course_page_and_register_show_another_clerks_change_keeping_the_course(
    qtbot, team_window, postgres_address
):
    # Given two courses of a meeting, the second chosen in the course register
    store = team_window.store
    meeting = Meeting(
        "SHUA 2021",
        date(2021, 12, 22),
        courses=[CourseEntry("Urban Studies", year=2021), CourseEntry("Data Science", year=2021)],
    )
    courses = [c.id for c in store.meetings.save(meeting).courses]
    workspace = team_window.workspace
    workspace.set_section(Section.COURSES)
    pane, detail = workspace.list_pane, workspace.editors.course_detail
    assert pane.select_id(courses[1])
    assert detail.record_id() == courses[1]
    # when another clerk renames it, moves it to 2022 and adds a course to the meeting
    with EventStore.open(postgres_address) as other:
        theirs = other.meetings.get(meeting.id)
        theirs.courses[1].title = "Data Science and AI"
        theirs.courses[1].year = 2022
        theirs.courses.append(CourseEntry("Marine Biology", year=2021))
        other.meetings.save(theirs)
    # then within two seconds the page shows the new title and year, the register lists
    # the new course and offers 2022, and the clerk's course is still the one chosen
    qtbot.waitUntil(lambda: detail.heading.text() == "Data Science and AI", timeout=PROMISED_MS)
    assert detail.fields["year"].text() == "2022"
    qtbot.waitUntil(lambda: pane.model().rowCount() == 3, timeout=PROMISED_MS)
    years = workspace.course_filters.year
    assert 2022 in [years.itemData(n) for n in range(years.count())]
    assert pane.current_id() == courses[1] and detail.record_id() == courses[1]


def test_a_course_another_clerk_removes_leaves_the_register_and_its_page(
    qtbot, team_window, postgres_address
):
    store = team_window.store
    meeting = Meeting(
        "SHUA 2021",
        date(2021, 12, 22),
        courses=[CourseEntry("Urban Studies", year=2021), CourseEntry("Data Science", year=2021)],
    )
    courses = [c.id for c in store.meetings.save(meeting).courses]
    workspace = team_window.workspace
    workspace.set_section(Section.COURSES)
    assert workspace.list_pane.select_id(courses[1])
    with EventStore.open(postgres_address) as other:
        theirs = other.meetings.get(meeting.id)
        del theirs.courses[1]
        other.meetings.save(theirs)
    qtbot.waitUntil(lambda: workspace.editors.shown_section() is None, timeout=PROMISED_MS)
    assert workspace.list_pane.model().row_of_id(courses[1]) is None
    assert workspace.list_pane.model().row_of_id(courses[0]) is not None


def test_a_persons_meetings_show_another_clerks_meeting_keeping_the_chosen_one(
    qtbot, team_window, postgres_address
):
    # Given a person at two meetings, their page shown with the older meeting chosen
    store = team_window.store
    person = store.people.save(Person("Ding", "Xiaodong"))
    ours = [
        store.meetings.save(
            Meeting(f"Meeting {n}", date(2021, n + 1, 1), attendees=[Attendance(person.id)])
        ).id
        for n in range(2)
    ]
    workspace = team_window.workspace
    workspace.set_section(Section.PEOPLE)
    assert workspace.list_pane.select_id(person.id)
    related = workspace.editors.person_editor.form.meetings
    model = related.model_
    assert {model.meeting_id_at(n) for n in range(model.rowCount())} == set(ours)
    related.selectRow(model.row_of_id(ours[0]))
    # when another clerk records a newer meeting the person attended
    with EventStore.open(postgres_address) as other:
        theirs = other.meetings.save(
            Meeting("Their meeting", date(2022, 5, 1), attendees=[Attendance(person.id)])
        ).id
    # then the person's meetings list it within two seconds, the chosen meeting still chosen
    qtbot.waitUntil(lambda: model.row_of_id(theirs) is not None, timeout=PROMISED_MS)
    assert model.meeting_id_at(related.currentIndex().row()) == ours[0]


def test_an_organisations_meetings_show_a_person_another_clerk_renamed(
    qtbot, team_window, postgres_address
):
    # Given an organisation whose page lists the meeting one of its people attended
    store = team_window.store
    org = store.organisations.save(Organisation("Tongji University"))
    person = store.people.save(Person("Ding", "Xiaodong"))
    meeting = Meeting(
        "SHUA 2021",
        date(2021, 12, 22),
        attendees=[Attendance(person.id, organisation_id=org.id)],
    )
    store.meetings.save(meeting)
    workspace = team_window.workspace
    workspace.set_section(Section.ORGANISATIONS)
    assert workspace.list_pane.select_id(org.id)
    model = workspace.editors.organisation_editor.form.meetings.model_
    people = model.columns.index(model.PERSON)

    def names() -> list[str]:
        return [model.data(model.index(n, people)) for n in range(model.rowCount())]

    assert any("DING" in name.upper() for name in names())
    # when another clerk renames the person, then the page's meetings show the new name
    with EventStore.open(postgres_address) as other:
        theirs = other.people.get(person.id)
        theirs.family_name = "Tang"
        other.people.save(theirs)
    qtbot.waitUntil(lambda: any("TANG" in name.upper() for name in names()), timeout=PROMISED_MS)
