"""At 1366x768, the longest names on record never push a window, a button or a field off-screen.

A clerk selecting an attendee of the "Liaison Office of the Central People's
Government in the Hong Kong Special Administrative Region" saw Save and
Revert pushed off the right edge. The example meeting here gets that
organisation, a person with the longest title, and the longest names the
benchmark's generator makes (its longest city, word and title), in every part
of the meeting, and each tab, list and form is checked with them selected.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QWidget

from eventdesk.records import (
    Attendance,
    CourseEntry,
    DecisionParty,
    HostOrganisation,
    Organisation,
    Person,
)
from eventdesk.ui.meeting_editor.create_in_place import NewOrganisationDialog, NewPersonDialog
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.merge_records import MergeDialog
from eventdesk.ui.screen_fit import fitted
from eventdesk.ui.sections import Section

SCREEN = QRect(0, 0, 1366, 768)
ROOM = fitted(QSize(5000, 5000), SCREEN)  # a window's room on that screen, frame aside
LONG_ORG = (
    "Liaison Office of the Central People's Government in the Hong Kong Special "
    "Administrative Region"
)
LONG_ORG_ZH = "中央人民政府駐香港特別行政區聯絡辦公室"
LONG_TITLE = (
    "Deputy Director-General of the Department of Educational, Scientific and "
    "Technological Affairs, and Secretary of the Party Committee"
)
#: The benchmark generator's longest: city, organisation word, title (benchmarks/generate.py).
GENERATED_ORG = "Singapore University 10000"


@pytest.fixture
def long_names(sample_store):
    """The example meeting with the longest names in its hosts, attendees, parties and courses."""
    store = sample_store
    office = store.organisations.save(
        Organisation(name=LONG_ORG, name_zh=LONG_ORG_ZH, short_name="LOCPG")
    )
    generated = store.organisations.save(Organisation(name=GENERATED_ORG))
    person = store.people.save(
        Person(
            "Au-Yeung",
            "Tai Man Christopher Alexander",
            name_zh="歐陽大文",
            title=LONG_TITLE,
            organisation_id=office.id,
        )
    )
    (row,) = store.meetings.list()
    meeting = store.meetings.get(row.id)
    meeting.hosts.append(HostOrganisation(office.id))
    meeting.attendees.insert(
        0,
        Attendance(
            person_id=person.id,
            organisation_id=office.id,
            title=LONG_TITLE,
            capacity=f"Representative of the Director of the {LONG_ORG}",
        ),
    )
    meeting.decisions[0].parties.insert(0, DecisionParty(office.id, role=LONG_TITLE))
    meeting.sessions[0].chair_id = person.id
    meeting.presentations[0].presenter_ids.insert(0, person.id)
    meeting.courses.insert(
        0, CourseEntry(title=f"Course on {LONG_TITLE.lower()}", institution_id=generated.id)
    )
    store.meetings.save(meeting)
    return store, office, person


def _fits(widget: QWidget) -> None:
    hint = widget.minimumSizeHint()
    assert hint.width() <= ROOM.width(), (type(widget).__name__, hint)
    assert hint.height() <= ROOM.height(), (type(widget).__name__, hint)


def _inside(widget: QWidget, window: QWidget) -> None:
    """``widget`` is on show within ``window`` (not pushed past its right or bottom edge)."""
    corner = widget.mapTo(window, QPoint(widget.width(), widget.height()))
    assert corner.x() <= window.width() and corner.y() <= window.height(), (widget, corner)


def test_every_tab_of_the_meeting_fits_with_the_longest_names_selected(
    qtbot, long_names, main_window
):
    main_window.resize(ROOM)
    main_window.workspace.refresh()
    editor = main_window.workspace.editors.meeting_editor
    (row,) = long_names[0].meetings.list()
    editor.load(row.id)
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        tab = editor.tabs.widget(index)
        if hasattr(tab, "select") and tab is not editor.details:
            tab.select(0)  # the first row: the one with the longest names
        QApplication.processEvents()
        _fits(main_window)
        assert editor.minimumSizeHint().width() <= editor.width(), editor.tabs.tabText(index)
        for button in (editor.save_button, editor.revert_button):
            _inside(button, main_window)


def test_the_attendees_person_line_is_cut_on_one_line_with_the_whole_in_its_tooltip(
    qtbot, long_names, main_window
):
    """Wrapped over three lines in the form's room, it was clipped above and below."""
    main_window.resize(ROOM)
    editor = main_window.workspace.editors.meeting_editor
    (row,) = long_names[0].meetings.list()
    editor.load(row.id)
    editor.tabs.setCurrentWidget(editor.attendees)
    editor.attendees.select(0)
    QApplication.processEvents()
    label = editor.attendees.person_label
    assert LONG_ORG in label.text() and label.toolTip() == label.text()
    assert label.height() >= label.fontMetrics().height()  # a whole line, not a slice
    assert label.minimumSizeHint().width() < 100  # cut, never widening the editor
    _inside(label, main_window)


@pytest.mark.parametrize("section", [Section.PEOPLE, Section.ORGANISATIONS])
def test_the_person_and_organisation_pages_fit(qtbot, long_names, main_window, section):
    _store, office, person = long_names
    main_window.resize(ROOM)
    workspace = main_window.workspace
    workspace.set_section(section)
    workspace.refresh()
    assert workspace.list_pane.select_id(person.id if section is Section.PEOPLE else office.id)
    QApplication.processEvents()
    _fits(main_window)
    shown = workspace.editors.currentWidget()
    assert shown.minimumSizeHint().width() <= shown.width()


def test_the_forms_that_create_and_merge_fit(qtbot, long_names, main_window):
    store, office, _person = long_names
    labels = Labels(store)
    person_form = NewPersonDialog(
        store, labels, "Tai Man Christopher Alexander AU-YEUNG", main_window
    )
    person_form.panel.organisation.set_value(office.id)
    person_form.panel.title_edit.setText(LONG_TITLE)
    org_form = NewOrganisationDialog(store, LONG_ORG, main_window)
    assert org_form.create() is None  # not a second one: it says one is recorded already
    assert "is already recorded" in org_form.message.text()
    workspace = main_window.workspace
    workspace.set_section(Section.ORGANISATIONS)
    workspace.refresh()
    workspace.list_pane.select_id(office.id)
    merge = MergeDialog(store, "organisation", office.id, LONG_ORG, main_window)
    too_big = []
    for dialog in (person_form, org_form, merge):
        dialog.show()
        QApplication.processEvents()
        hint = dialog.minimumSizeHint()
        if hint.width() > ROOM.width() or hint.height() > ROOM.height():
            too_big.append((type(dialog).__name__, hint))
        dialog.close()
    assert too_big == []
