"""Creating in place ends in one step, and a name already recorded is offered, never doubled.

A clerk entering a meeting created "Tongji University" from the hosts, saw a
second form come back with only the name in it, pressed Create again and had
two Tongji Universities. These tests drive the pickers from the keyboard and
read what the store then holds.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from eventdesk.records import NameOrder, Organisation, Person
from eventdesk.ui.meeting_editor.create_in_place import NewOrganisationDialog, NewPersonDialog


@pytest.fixture(autouse=True)
def _no_form_left_open():
    """A form a test leaves open must not be found by the next test's."""
    yield
    for form in _open_forms():
        form.reject()
    QApplication.processEvents()


def _open_forms() -> list:
    kinds = (NewOrganisationDialog, NewPersonDialog)
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kinds) and w.isVisible()]


def _the_form(kind):
    (form,) = _open_forms()
    assert isinstance(form, kind), form
    return form


def _keyboard_in(window):
    """Where the keys typed next go, once the closed form handed the window back."""
    QApplication.processEvents()
    if not window.isActiveWindow():  # offscreen has no window manager to activate it
        window.activateWindow()
    for _ in range(3):  # the activation, the focus it gives back, and the hand-on after it
        QApplication.processEvents()
    return QApplication.focusWidget()


def _enter_on_create_row(d, finder, typed: str) -> None:
    """Type a name, go Down to the popup's "Create …" row and press Enter, as a clerk does."""
    d.type(finder, typed)
    popup = finder.popup()
    assert popup.isVisible()
    assert popup.model().index(popup.model().rowCount() - 1, 0).data() == f"Create “{typed}”…"
    for _ in range(popup.model().rowCount()):
        d.qtbot.keyClick(popup, Qt.Key.Key_Down)
    d.qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_two_organisations_and_two_people_created_in_place_are_stored_once(
    editor, drive, fresh_store
):
    d = drive(editor)
    editor.new()
    # Given an empty database, when the clerk creates a co-host from the hosts' picker,
    hosts = editor.details.view.hosts
    _enter_on_create_row(d, hosts.finder, "Tongji University")
    form = _the_form(NewOrganisationDialog)
    d.qtbot.keyClick(form.name, Qt.Key.Key_Tab)
    d.type(form.name_zh, "同济大学", replace=False)
    d.qtbot.keyClick(form.name_zh, Qt.Key.Key_Return)
    # then it is picked, no second form comes back, and the keyboard is back in the picker
    assert _open_forms() == []
    assert _keyboard_in(editor) is hosts.finder

    # When a new attendee is created with a new organisation typed into the person's form,
    tab, panel = editor.attendees, editor.attendees.new_person
    d.open_tab(tab)
    d.type(tab.finder, "Alexander WAI")
    d.enter(tab.finder)
    assert (panel.family_name.text(), panel.given_name.text()) == ("Wai", "Alexander")
    assert panel.preview.text() == "Prints as: <b>Alexander WAI</b>"  # shown before it is taken
    _enter_on_create_row(d, panel.organisation.finder, "Liaison Office")
    d.qtbot.keyClick(_the_form(NewOrganisationDialog).name, Qt.Key.Key_Return)
    assert _open_forms() == []
    assert _keyboard_in(editor) is not panel.organisation.finder  # on to the next field
    d.qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Create and add
    assert not panel.isVisible()

    # and a session's chair from the chair's picker,
    d.open_tab(editor.sessions)
    d.click(editor.sessions.add_button)
    _enter_on_create_row(d, editor.sessions.chair.finder, "Ding Xiaodong")
    person_form = _the_form(NewPersonDialog)
    d.qtbot.keyClick(person_form.panel.family_name, Qt.Key.Key_Return)
    assert _open_forms() == []
    after_chair = _keyboard_in(editor)
    assert after_chair is not editor.sessions.chair.finder  # on to the next field
    assert editor.sessions.isAncestorOf(after_chair)

    # and then types the first organisation again, in other case and spacing,
    parties = editor.decisions.parties
    d.open_tab(editor.decisions)
    d.click(editor.decisions.add_button)
    d.type(parties.organisation_finder, "tongji  university")
    labels = [parties.organisation_finder.popup().model().index(r, 0).data() for r in range(1)]
    assert labels == ["Tongji University — "] or labels[0].startswith("Tongji University")
    assert not any(
        "Create" in (parties.organisation_finder.popup().model().index(r, 0).data() or "")
        for r in range(parties.organisation_finder.popup().model().rowCount())
    )
    d.enter(parties.organisation_finder)

    # then the store holds exactly two organisations and two people, and no form is open
    assert _open_forms() == []
    orgs = {r.name: r for r in fresh_store.organisations.list()}
    assert sorted(orgs) == ["Liaison Office", "Tongji University"]
    assert orgs["Tongji University"].name_zh == "同济大学"
    assert sorted(r.name for r in fresh_store.people.list()) == ["Alexander WAI", "DING Xiaodong"]
    meeting = editor.meeting()
    assert [h.organisation_id for h in meeting.hosts] == [orgs["Tongji University"].id]
    assert meeting.attendees[0].organisation_id == orgs["Liaison Office"].id
    assert [p.organisation_id for p in meeting.decisions[0].parties] == [
        orgs["Tongji University"].id
    ]


def test_the_new_organisation_form_offers_one_of_that_name_in_any_script(
    editor, drive, fresh_store
):
    # Given 同濟大學 recorded in traditional characters,
    tongji = fresh_store.organisations.save(
        Organisation(name="Tongji University", name_zh="同濟大學")
    )
    d = drive(editor)
    editor.new()
    hosts = editor.details.view.hosts
    # when the clerk opens a New-organisation form and types its simplified name,
    hosts.finder.creator("同济大学", lambda oid: hosts.finder.choose(oid))
    form = _the_form(NewOrganisationDialog)
    assert form.name_zh.text() == "同济大学"
    d.qtbot.keyClick(form.name_zh, Qt.Key.Key_Return)
    # then Create offers the one recorded, and Enter takes it: nothing new is stored
    assert form.isVisible() and form.use_button.isVisible()
    assert "already recorded" in form.message.text()
    d.qtbot.keyClick(form.name_zh, Qt.Key.Key_Return)
    assert _open_forms() == []
    assert fresh_store.organisations.count() == 1
    assert [h.organisation_id for h in editor.meeting().hosts] == [tongji.id]


def test_create_again_records_a_second_organisation_of_that_name(editor, drive, fresh_store):
    fresh_store.organisations.save(Organisation(name="Tongji University"))
    d = drive(editor)
    editor.new()
    hosts = editor.details.view.hosts
    hosts.finder.creator("TONGJI University", lambda oid: None)
    form = _the_form(NewOrganisationDialog)
    form.create_button.click()
    assert form.use_button.isVisible()
    d.click(form.create_button)  # the clerk means another of that name
    assert fresh_store.organisations.count() == 2


def test_the_new_person_form_offers_one_of_that_name_in_either_order(editor, drive, fresh_store):
    # Given Alexander WAI recorded,
    wai = fresh_store.people.save(
        Person("Wai", "Alexander", name_order=NameOrder.GIVEN_FIRST, title="Deputy Director")
    )
    d = drive(editor)
    editor.new()
    tab, panel = editor.attendees, editor.attendees.new_person
    d.open_tab(tab)
    # when the clerk opens New person and types the name family first,
    d.click(tab.new_person_button)
    d.type(panel.family_name, "Wai")
    d.type(panel.given_name, "Alexander")
    d.enter(panel.given_name)
    # then the form names the one recorded, and Enter adds them: nobody new is stored
    assert panel.use_button.isVisible()
    assert "Deputy Director" in panel.preview.text()
    d.enter(panel.given_name)
    assert not panel.isVisible()
    assert fresh_store.people.count() == 1
    assert [a.person_id for a in editor.meeting().attendees] == [wai.id]


def test_a_picker_offers_the_record_of_that_name_before_create(editor, drive, fresh_store):
    fresh_store.organisations.save(
        Organisation(name="Hong Kong Baptist University", name_zh="香港浸會大學")
    )
    d = drive(editor)
    editor.new()
    finder = editor.details.view.hosts.finder
    d.type(finder, "香港浸会大学")
    rows = [
        finder.popup().model().index(r, 0).data() for r in range(finder.popup().model().rowCount())
    ]
    assert rows == ["Hong Kong Baptist University"]  # found in either script, no "Create …"


def test_asking_twice_for_the_same_form_brings_the_open_one_forward(editor, drive, fresh_store):
    editor.new()
    finder = editor.details.view.hosts.finder
    finder.creator("Tongji University", lambda oid: None)
    finder.creator("Tongji University", lambda oid: None)
    form = _the_form(NewOrganisationDialog)  # one form, not two
    form.reject()
    finder.creator("Tongji University", lambda oid: None)
    assert len(_open_forms()) == 1  # once closed, the next "Create …" opens one again


def test_enter_in_a_sessions_chinese_title_adds_the_next_session(editor, drive):
    d = drive(editor)
    editor.new()
    tab = editor.sessions
    d.open_tab(tab)
    d.click(tab.add_button)
    for title in ("开幕式", "理事会会议"):
        d.type(tab.title_zh, title)
        d.enter(tab.title_zh)
    # then the agenda goes on in Chinese: two titled sessions and the third ready for typing
    assert [s.title_zh for s in editor.meeting().sessions] == ["开幕式", "理事会会议", ""]
    assert QApplication.focusWidget() is tab.title_zh


def test_a_new_organisations_kind_follows_its_name_until_the_clerk_picks_one(editor):
    form = NewOrganisationDialog(editor._store, "HKSAR Government", editor)
    assert form.organisation().kind.value == "government"
    form.kind.setCurrentIndex(form.kind.findData("other"))
    form.kind.activated.emit(form.kind.currentIndex())  # the clerk's own choice
    form.name.setText("Tongji University")
    assert form.organisation().kind.value == "other"
    form.close()


def test_keys_typed_right_after_clicking_add_organisation_go_into_it(editor, drive, fresh_store):
    """Given a party just created in place and its role typed, when the clerk clicks "Add
    organisation…" and types at once, while the window's activation arrives late, then every
    key is in that finder, none in the role before it."""
    d = drive(editor)
    editor.new()
    parties = editor.decisions.parties
    d.open_tab(editor.decisions)
    d.click(editor.decisions.add_button)
    _enter_on_create_row(d, parties.organisation_finder, "Tongji University")
    d.qtbot.keyClick(_the_form(NewOrganisationDialog).name, Qt.Key.Key_Return)
    assert _keyboard_in(editor) is parties.role
    d.qtbot.keyClicks(parties.role, "Vice Chairman")

    d.qtbot.mouseClick(parties.organisation_finder, Qt.MouseButton.LeftButton)
    # the window manager's activation, late: Qt gives the focus back with this reason
    QApplication.sendEvent(
        parties.organisation_finder,
        QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.ActiveWindowFocusReason),
    )
    QApplication.processEvents()
    d.qtbot.keyClicks(QApplication.focusWidget(), "Lingnan")

    assert parties.organisation_finder.text() == "Lingnan"
    assert parties.role.text() == "Vice Chairman"
