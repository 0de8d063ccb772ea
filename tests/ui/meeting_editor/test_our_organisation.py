"""Our organisation, a real record: new attendees' side follows it, the summaries name it."""

from __future__ import annotations

from eventdesk.records import Organisation, Person, Side
from eventdesk.store.migrations import LATEST_VERSION, schema_version
from eventdesk.ui.meeting_editor.sides import proposed_side


def test_the_side_follows_the_organisation():
    parents = {2: 1, 3: None, 1: None}
    assert proposed_side(1, 1, parents.get) is Side.OURS
    assert proposed_side(1, 2, parents.get) is Side.OURS  # a department of ours
    assert proposed_side(1, 3, parents.get) is Side.PARTNER
    assert proposed_side(None, 3, parents.get) is None  # not chosen yet: nothing proposed
    assert proposed_side(1, None, parents.get) is None


def test_our_organisation_is_kept_by_id_in_the_database(fresh_store):
    assert schema_version(fresh_store.db) == LATEST_VERSION
    assert fresh_store.organisations.ours() is None
    usst = fresh_store.organisations.save(Organisation(name="USST"))
    fresh_store.organisations.set_ours(usst.id)
    usst.name = "University of Shanghai for Science and Technology"
    fresh_store.organisations.save(usst)
    assert fresh_store.organisations.ours() == usst.id
    fresh_store.organisations.set_ours(None)
    assert fresh_store.organisations.ours() is None


def test_a_new_attendee_takes_the_side_of_their_organisation(editor, drive, fresh_store):
    usst = fresh_store.organisations.save(Organisation(name="USST"))
    office = fresh_store.organisations.save(
        Organisation(name="International Office", parent_id=usst.id)
    )
    hamburg = fresh_store.organisations.save(Organisation(name="University of Hamburg"))
    fresh_store.organisations.set_ours(usst.id)
    lenzen = fresh_store.people.save(Person("Lenzen", "Dieter", organisation_id=hamburg.id))
    chen = fresh_store.people.save(Person("Chen", "Qi", organisation_id=office.id))
    ding = fresh_store.people.save(Person("Ding", "Xiaodong", organisation_id=usst.id))
    editor.new()
    for person in (ding, lenzen, chen):
        editor.attendees.add_person(person.id)
    assert [a.side for a in editor.meeting().attendees] == [Side.OURS, Side.PARTNER, Side.OURS]


def test_a_new_organisation_then_proposes_the_side_again_unless_chosen_by_hand(
    editor, drive, fresh_store
):
    usst = fresh_store.organisations.save(Organisation(name="USST"))
    hamburg = fresh_store.organisations.save(Organisation(name="University of Hamburg"))
    fresh_store.organisations.set_ours(usst.id)
    lenzen = fresh_store.people.save(Person("Lenzen", "Dieter", organisation_id=usst.id))
    wai = fresh_store.people.save(Person("Wai", "Alexander", organisation_id=usst.id))
    d = drive(editor)
    editor.new()
    tab = editor.attendees
    first = tab.add_person(lenzen.id)  # listed with his organisation as the database has it
    assert first.side is Side.OURS
    d.pick(tab.organisation, "Hamburg", "University of Hamburg")  # corrected: a guest
    assert first.organisation_id == hamburg.id and first.side is Side.PARTNER
    second = tab.add_person(wai.id)
    d.choose(tab.side, Side.OTHER.label)  # the clerk knows better: chosen by hand
    d.pick(tab.organisation, "Hamburg", "University of Hamburg")
    assert second.organisation_id == hamburg.id and second.side is Side.OTHER


def test_the_summary_speaks_on_behalf_of_our_organisation(sample_store):
    from eventdesk.summary.context import meeting_context

    (row,) = sample_store.meetings.list()
    meeting = sample_store.meetings.get(row.id)
    (usst,) = sample_store.organisations.list("USST")
    sample_store.organisations.set_ours(usst.id)
    context = meeting_context(sample_store, meeting)
    assert context.ours.short == "USST"


def test_an_empty_database_offers_to_choose_our_organisation(empty_window, fresh_store):
    button = empty_window.workspace.list_pane.ours_button
    assert button.isVisible()
    button.click()
    from eventdesk.ui.preferences_dialog import PreferencesDialog

    (dialog,) = [d for d in empty_window.findChildren(PreferencesDialog) if d.isVisible()]
    assert dialog.organisation is not None
    usst = fresh_store.organisations.save(Organisation(name="USST"))
    dialog.organisation.finder.choose(usst.id)
    dialog.accept()
    assert fresh_store.organisations.ours() == usst.id
    assert not button.isVisible()
